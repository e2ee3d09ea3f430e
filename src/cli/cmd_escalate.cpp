#include "commands.hpp"

namespace ombud::cli {
namespace {

struct EscalateOptions {
    std::string id;
    std::string to;
    std::optional<std::string> reason, due;
};

void run_escalate(const EscalateOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    EscalateRequest r{o.to, o.reason, std::nullopt};
    if (o.due)
        r.due = parse_when(*o.due, ctx.now, WhenUse::deadline);
    const Complaint c = ctx.tracker(OpenMode::change).escalate(id, r);
    ctx.out().changed(Action::escalated, c);
}

} // namespace

void setup_escalate(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<EscalateOptions>();
    add_id(sub, o->id);
    sub.add_option("--to", o->to, "Who has the mandate to decide")->required()->type_name("NAME");
    add_optional(sub, "--reason", o->reason, "The decision that is needed, and why")
        ->type_name("TEXT");
    add_optional(sub, "--due", o->due, "When the decision is needed")->type_name("WHEN");
    sub.callback([o, &ctx] { run_escalate(*o, ctx); });
}

} // namespace ombud::cli
