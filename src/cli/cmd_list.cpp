#include "commands.hpp"
#include "filters.hpp"

namespace ombud::cli {
namespace {

void run_list(const FilterOptions& o, Context& ctx) {
    const ListFilter f = to_filter(o, ctx);
    Tracker& tracker = ctx.tracker(OpenMode::read);
    Renderer& out = ctx.out();
    bool begun = false;
    tracker.list(f, [&](const Complaint& c) {
        if (!begun) {
            out.list_begin(tracker.max_complaint_id());
            begun = true;
        }
        out.list_row(c);
    });
    if (!begun)
        out.list_begin(0);
    out.list_end();
}

} // namespace

void setup_list(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<FilterOptions>();
    add_filter_options(sub, *o, true);
    sub.callback([o, &ctx] { run_list(*o, ctx); });
}

} // namespace ombud::cli
