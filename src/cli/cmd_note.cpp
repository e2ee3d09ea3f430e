#include "commands.hpp"

namespace ombud::cli {
namespace {

struct NoteOptions {
    std::string id;
    std::optional<std::string> text, channel, direction;
    bool visible = false;
};

void run_note(const NoteOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    NoteRequest r;
    if (o.channel)
        r.channel = parse_channel(*o.channel);
    if (o.direction)
        r.direction = parse_direction(*o.direction);
    r.visible = o.visible;
    r.text = *ctx.text_or_stdin(o.text, "the note text", true);
    const Complaint c = ctx.tracker(OpenMode::change).note(id, r);
    ctx.out().changed(Action::noted, c);
}

} // namespace

void setup_note(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<NoteOptions>();
    add_id(sub, o->id);
    add_optional(sub, "TEXT", o->text, "The note; - or nothing reads it from stdin");
    add_optional(sub, "--channel", o->channel,
                 "Contact channel: phone, email, letter, chat, social, in-person, web, other")
        ->type_name("CH");
    add_optional(sub, "--direction", o->direction, "in (from the customer) or out (to them)")
        ->type_name("in|out");
    sub.add_flag("--visible", o->visible, "Shared with the customer (default: internal)");
    sub.callback([o, &ctx] { run_note(*o, ctx); });
}

} // namespace ombud::cli
