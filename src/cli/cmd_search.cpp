#include "commands.hpp"
#include "filters.hpp"

#include <ombud/error.hpp>

namespace ombud::cli {
namespace {

void run_search(const std::vector<std::string>& words, const FilterOptions& o, Context& ctx) {
    std::string query;
    for (const auto& w : words)
        query += (query.empty() ? "" : " ") + w;
    const ListFilter f = to_filter(o, ctx);
    Tracker& tracker = ctx.tracker(OpenMode::read);
    Renderer& out = ctx.out();
    out.search_begin(tracker.max_complaint_id());
    tracker.search(query, f, [&](const SearchHit& hit) { out.search_row(hit); });
    out.search_end();
}

} // namespace

void setup_search(CLI::App& sub, Context& ctx) {
    auto words = std::make_shared<std::vector<std::string>>();
    auto o = std::make_shared<FilterOptions>();
    sub.add_option("QUERY", *words,
                   "Words that must all occur in a complaint's title or timeline; word* for "
                   "words that start so")
        ->required()
        ->type_name("");
    add_filter_options(sub, *o, false);
    sub.callback([words, o, &ctx] { run_search(*words, *o, ctx); });
}

} // namespace ombud::cli
