#include "commands.hpp"

namespace ombud::cli {
namespace {

struct DecideOptions {
    std::string id;
    std::optional<std::string> decision;
};

void run_decide(const DecideOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    const auto decision = ctx.text_or_stdin(o.decision, "the decision", true);
    const Complaint c = ctx.tracker(OpenMode::change).decide(id, *decision);
    ctx.out().changed(Action::decided, c);
}

} // namespace

void setup_decide(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<DecideOptions>();
    add_id(sub, o->id);
    add_optional(sub, "TEXT", o->decision, "The decision (- or piped: read from stdin)")
        ->type_name("");
    sub.callback([o, &ctx] { run_decide(*o, ctx); });
}

} // namespace ombud::cli
