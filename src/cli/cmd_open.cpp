#include "commands.hpp"

#include <ombud/error.hpp>

namespace ombud::cli {
namespace {

struct OpenOptions {
    std::string title;
    std::optional<std::string> customer, email, phone, channel, category, priority, owner, due,
        note;
};

void run_open(const OpenOptions& o, Context& ctx) {
    OpenRequest r;
    r.title = o.title;
    if (o.customer || o.email || o.phone)
        r.customer = CustomerInput{o.customer.value_or(""), o.email, o.phone};
    if (o.channel)
        r.channel = parse_channel(*o.channel);
    r.category = o.category;
    if (o.priority)
        r.priority = parse_priority(*o.priority);
    r.owner = o.owner;
    if (o.due)
        r.due = parse_when(*o.due, ctx.now, WhenUse::deadline);
    if (o.note)
        r.note = ctx.text_or_stdin(o.note, "the note", true);
    const Complaint c = ctx.tracker(OpenMode::write).open(r);
    ctx.out().changed(Action::opened, c);
}

} // namespace

void setup_open(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<OpenOptions>();
    sub.add_option("TITLE", o->title, "What the complaint is about, in a few words")->required();
    add_optional(sub, "--customer", o->customer, "Customer's name (matched to earlier complaints)")
        ->type_name("NAME");
    add_optional(sub, "--email", o->email, "Customer's e-mail address")->type_name("ADDR");
    add_optional(sub, "--phone", o->phone, "Customer's phone number")->type_name("NUM");
    add_optional(sub, "--channel", o->channel,
                 "How it came in: phone, email, letter, chat, social, in-person, web, other")
        ->type_name("CH");
    add_optional(sub, "--category", o->category, "Free category, e.g. delivery, billing")
        ->type_name("CAT");
    add_optional(sub, "--priority", o->priority, "low, normal (default), high or urgent")
        ->type_name("P");
    add_optional(sub, "--owner", o->owner, "Who carries it (default: you)")->type_name("NAME");
    add_optional(sub, "--due", o->due, "Deadline: 2026-11-25, 17:00, tomorrow, friday, 4h, 3d …")
        ->type_name("WHEN");
    add_optional(sub, "--note", o->note,
                 "What the customer said, as the first note (- reads stdin)")
        ->type_name("TEXT");
    sub.callback([o, &ctx] { run_open(*o, ctx); });
}

} // namespace ombud::cli
