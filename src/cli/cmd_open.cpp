#include "commands.hpp"

#include <ombud/error.hpp>
#include <ombud/transfer.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <unistd.h>

namespace ombud::cli {
namespace {

struct OpenOptions {
    std::optional<std::string> title;
    std::optional<std::string> customer, email, phone, channel, category, priority, owner, due,
        note, from_json;
};

// Reads all of `file` ("-": stdin) up to a bound, so an endless pipe is refused, not buffered.
std::string slurp(const std::string& file) {
    constexpr std::size_t limit = 256u << 20;
    std::ifstream f;
    std::istream& in = Context::input(file, f, "--from-json");
    std::string text(limit + 1, '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    text.resize(static_cast<std::size_t>(in.gcount()));
    if (text.size() > limit)
        throw UsageError(fmt::format("{} is larger than 256 MiB", file),
                         "split it into several runs");
    return text;
}

void run_open_json(const std::string& file, Context& ctx) {
    // Every line is read and checked before the database is even opened.
    const std::vector<OpenRequest> requests = transfer::read_open_requests(
        slurp(file), ctx.now, [&](const OpenRequest& r) { check_open_request(r, ctx.now); });
    Tracker& tracker = ctx.tracker(OpenMode::write);
    const std::vector<Complaint> opened = tracker.open_all(requests);
    Renderer& out = ctx.out();
    if (opened.size() == 1) {
        out.changed(Action::opened, opened.front());
        return;
    }
    // Many at once read best as the listing of what was opened.
    out.list_begin(opened.back().id);
    for (const auto& c : opened)
        out.list_row(c);
    out.list_end();
}

void run_open(const OpenOptions& o, Context& ctx) {
    if (o.from_json) {
        if (o.title || o.customer || o.email || o.phone || o.channel || o.category || o.priority ||
            o.owner || o.due || o.note)
            throw UsageError("with --from-json, every field comes from the JSON",
                             "give either a TITLE with options, or --from-json FILE");
        run_open_json(*o.from_json, ctx);
        return;
    }
    if (!o.title)
        throw UsageError("open needs a TITLE (or --from-json FILE)",
                         "example: ombud open \"Parcel arrived damaged\" --customer \"Jan\"");
    OpenRequest r;
    r.title = *o.title;
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
    // Checked before the database is opened, so a refused first command leaves no new file.
    check_open_request(r, ctx.now);
    const Complaint c = ctx.tracker(OpenMode::write).open(r);
    ctx.out().changed(Action::opened, c);
}

} // namespace

void setup_open(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<OpenOptions>();
    add_optional(sub, "TITLE", o->title, "What the complaint is about, in a few words")
        ->type_name("");
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
    add_optional(sub, "--from-json", o->from_json,
                 "Open many at once from JSON: an object, an array or one object per line, with "
                 "the fields of these options and \"at\" (- reads stdin)")
        ->type_name("FILE");
    sub.callback([o, &ctx] { run_open(*o, ctx); });
}

} // namespace ombud::cli
