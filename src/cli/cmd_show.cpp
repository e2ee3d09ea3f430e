#include "commands.hpp"

namespace ombud::cli {
namespace {

void run_show(const std::string& raw_id, Context& ctx) {
    const ComplaintId id = parse_complaint_id(raw_id);
    const auto [complaint, events] = ctx.tracker(OpenMode::read).show(id);
    ctx.out().show(complaint, events);
}

} // namespace

void setup_show(CLI::App& sub, Context& ctx) {
    auto id = std::make_shared<std::string>();
    add_id(sub, *id);
    sub.callback([id, &ctx] { run_show(*id, ctx); });
}

} // namespace ombud::cli
