#include "commands.hpp"

namespace ombud::cli {
namespace {

struct AssignOptions {
    std::string id;
    std::string owner;
    std::string reason;
};

void run_assign(const AssignOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    const Complaint c = ctx.tracker(OpenMode::change).assign(id, o.owner, o.reason);
    ctx.out().changed(Action::assigned, c);
}

} // namespace

void setup_assign(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<AssignOptions>();
    add_id(sub, o->id);
    sub.add_option("NAME", o->owner, "The new owner")->required();
    sub.add_option("--reason", o->reason, "Why it changes hands (every hand-off is counted)")
        ->required()
        ->type_name("TEXT");
    sub.callback([o, &ctx] { run_assign(*o, ctx); });
}

} // namespace ombud::cli
