#include "commands.hpp"

namespace ombud::cli {
namespace {

struct HistoryOptions {
    std::optional<std::string> id, customer, actor, since;
    std::optional<std::int64_t> limit;
};

void run_history(const HistoryOptions& o, Context& ctx) {
    HistoryFilter f;
    if (o.id)
        f.complaint_id = parse_complaint_id(*o.id);
    f.customer = o.customer;
    f.actor = o.actor;
    if (o.since)
        f.since = parse_when(*o.since, ctx.now, WhenUse::since);
    f.limit = o.limit;

    Tracker& tracker = ctx.tracker(OpenMode::read);
    Renderer& out = ctx.out();
    bool begun = false;
    tracker.history(f, [&](const Event& e) {
        if (!begun) {
            out.history_begin(f.complaint_id.has_value());
            begun = true;
        }
        out.history_row(e);
    });
    if (!begun)
        out.history_begin(f.complaint_id.has_value());
    out.history_end();
}

} // namespace

void setup_history(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<HistoryOptions>();
    add_optional(sub, "ID", o->id, "One complaint's timeline, oldest first");
    add_optional(sub, "--customer", o->customer, "Everything with this customer (name or e-mail)")
        ->type_name("NAME|EMAIL");
    add_optional(sub, "--actor", o->actor, "Only what this person did")->type_name("NAME");
    add_optional(sub, "--since", o->since, "Only since then: 2026-11-01, yesterday, 3d …")
        ->type_name("WHEN");
    add_limit(sub, o->limit, "At most N events");
    sub.callback([o, &ctx] { run_history(*o, ctx); });
}

} // namespace ombud::cli
