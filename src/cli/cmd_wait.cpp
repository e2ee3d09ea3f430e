#include "commands.hpp"

namespace ombud::cli {
namespace {

struct WaitOptions {
    std::string id;
    std::optional<std::string> until, reason;
};

void run_wait(const WaitOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    WaitRequest r;
    r.reason = o.reason;
    if (o.until)
        r.until = parse_when(*o.until, ctx.now, WhenUse::deadline);
    const Complaint c = ctx.tracker(OpenMode::change).wait(id, r);
    ctx.out().changed(Action::waiting, c);
}

} // namespace

void setup_wait(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<WaitOptions>();
    add_id(sub, o->id);
    add_optional(sub, "--until", o->until,
                 "When to follow up if the customer has not answered (ombud check says so)")
        ->type_name("WHEN");
    add_optional(sub, "--reason", o->reason, "What the customer is to send or do")
        ->type_name("TEXT");
    sub.callback([o, &ctx] { run_wait(*o, ctx); });
}

} // namespace ombud::cli
