#include "filters.hpp"

#include "commands.hpp"

namespace ombud::cli {

void add_filter_options(CLI::App& sub, FilterOptions& o, bool with_all) {
    sub.add_option("--status", o.statuses, "open, escalated, waiting or closed (repeat or a,b)")
        ->delimiter(',')
        ->type_name("S");
    add_optional(sub, "--owner", o.owner, "Only complaints this person owns")->type_name("NAME");
    add_optional(sub, "--customer", o.customer, "Only this customer's, by name or e-mail")
        ->type_name("NAME|EMAIL");
    add_optional(sub, "--category", o.category, "Only this category")->type_name("CAT");
    add_optional(sub, "--priority", o.priority, "Only this priority")->type_name("P");
    sub.add_flag("--overdue", o.overdue, "Only those past a deadline");
    add_optional(sub, "--due-within", o.due_within,
                 "Only those with a deadline within this much business time (4h, 1d)")
        ->type_name("DURATION");
    sub.add_flag("--escalated", o.escalated, "Only those waiting for a decision");
    add_optional(sub, "--since", o.since, "Only those with activity since WHEN")->type_name("WHEN");
    add_limit(sub, o.limit, "At most N rows");
    if (with_all)
        sub.add_flag("--all", o.all, "Include closed complaints");
}

ListFilter to_filter(const FilterOptions& o, Context& ctx) {
    ListFilter f;
    for (const auto& s : o.statuses)
        f.statuses.push_back(parse_status(s, "--status"));
    f.include_closed = o.all;
    f.owner = o.owner;
    f.customer = o.customer;
    f.category = o.category;
    if (o.priority)
        f.priority = parse_priority(*o.priority);
    if (o.due_within) {
        const BusinessDuration d = parse_business_duration(*o.due_within);
        // Within 4h includes a deadline exactly 4 business hours away.
        f.due_before = ctx.tracker(OpenMode::read).business_from_now(d) + 1;
    }
    if (o.overdue)
        f.due_before = std::min(f.due_before.value_or(ctx.now), ctx.now);
    f.escalated_only = o.escalated;
    if (o.since)
        f.since = parse_when(*o.since, ctx.now, WhenUse::since);
    f.limit = o.limit;
    return f;
}

} // namespace ombud::cli
