#include "commands.hpp"

#include <ombud/error.hpp>

namespace ombud::cli {
namespace {

void run_check(bool act, Context& ctx) {
    // --act writes, so it may create nothing: a missing database has nothing to check.
    const Attention a = ctx.tracker(act ? OpenMode::change : OpenMode::read).check(act);
    ctx.out().attention(a);
    if (a.needs_attention())
        ctx.exit_status = static_cast<int>(ExitCode::attention);
}

} // namespace

void setup_check(CLI::App& sub, Context& ctx) {
    auto act = std::make_shared<bool>(false);
    sub.add_flag("--act", *act,
                 "Pass escalations past their deadline to the next person in the deputy chain");
    sub.callback([act, &ctx] { run_check(*act, ctx); });
}

} // namespace ombud::cli
