#include "commands.hpp"

namespace ombud::cli {
namespace {

struct ResumeOptions {
    std::string id;
    std::optional<std::string> reason;
};

void run_resume(const ResumeOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    const Complaint c = ctx.tracker(OpenMode::change).resume(id, o.reason);
    ctx.out().changed(Action::resumed, c);
}

} // namespace

void setup_resume(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<ResumeOptions>();
    add_id(sub, o->id);
    add_optional(sub, "--reason", o->reason, "Why the wait is over")->type_name("TEXT");
    sub.callback([o, &ctx] { run_resume(*o, ctx); });
}

} // namespace ombud::cli
