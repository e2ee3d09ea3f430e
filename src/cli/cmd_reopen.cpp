#include "commands.hpp"

namespace ombud::cli {
namespace {

struct ReopenOptions {
    std::string id;
    std::optional<std::string> reason;
};

void run_reopen(const ReopenOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    const Complaint c = ctx.tracker(OpenMode::change).reopen(id, o.reason);
    ctx.out().changed(Action::reopened, c);
}

} // namespace

void setup_reopen(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<ReopenOptions>();
    add_id(sub, o->id);
    add_optional(sub, "--reason", o->reason, "Why it is open again")->type_name("TEXT");
    sub.callback([o, &ctx] { run_reopen(*o, ctx); });
}

} // namespace ombud::cli
