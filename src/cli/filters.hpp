#pragma once
// The complaint filters `list` and `search` share: one set of options, one translation.

#include "context.hpp"

#include <CLI/CLI.hpp>

namespace ombud::cli {

struct FilterOptions {
    std::vector<std::string> statuses;
    std::optional<std::string> owner, customer, category, priority, since;
    std::optional<std::int64_t> limit;
    bool overdue = false;
    std::optional<std::string> due_within;
    bool escalated = false;
    bool all = false;
};

/// Adds --status, --owner, --customer, --category, --priority, --overdue, --due-within,
/// --escalated, --since,
/// --limit and, when `with_all`, --all.
void add_filter_options(CLI::App& sub, FilterOptions& o, bool with_all);

/// The filter the options describe. Throws UsageError for a bad status, priority or WHEN.
ListFilter to_filter(const FilterOptions& o, Context& ctx);

} // namespace ombud::cli
