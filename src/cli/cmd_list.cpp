#include "commands.hpp"

namespace ombud::cli {
namespace {

struct ListOptions {
    std::vector<std::string> statuses;
    std::optional<std::string> owner, customer, category, priority;
    std::optional<std::int64_t> limit;
    bool overdue = false;
    bool escalated = false;
    bool all = false;
};

void run_list(const ListOptions& o, Context& ctx) {
    ListFilter f;
    for (const auto& s : o.statuses)
        f.statuses.push_back(parse_status(s, "--status"));
    f.include_closed = o.all;
    f.owner = o.owner;
    f.customer = o.customer;
    f.category = o.category;
    if (o.priority)
        f.priority = parse_priority(*o.priority);
    f.overdue_only = o.overdue;
    f.escalated_only = o.escalated;
    f.now = ctx.now;
    f.limit = o.limit;

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
    auto o = std::make_shared<ListOptions>();
    sub.add_option("--status", o->statuses, "open, escalated, waiting or closed (repeat or a,b)")
        ->delimiter(',')
        ->type_name("S");
    add_optional(sub, "--owner", o->owner, "Only complaints this person owns")->type_name("NAME");
    add_optional(sub, "--customer", o->customer, "Only this customer's, by name or e-mail")
        ->type_name("NAME|EMAIL");
    add_optional(sub, "--category", o->category, "Only this category")->type_name("CAT");
    add_optional(sub, "--priority", o->priority, "Only this priority")->type_name("P");
    sub.add_flag("--overdue", o->overdue, "Only those past their deadline");
    sub.add_flag("--escalated", o->escalated, "Only those waiting for a decision");
    add_limit(sub, o->limit, "At most N rows");
    sub.add_flag("--all", o->all, "Include closed complaints");
    sub.callback([o, &ctx] { run_list(*o, ctx); });
}

} // namespace ombud::cli
