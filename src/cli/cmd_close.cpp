#include "commands.hpp"

namespace ombud::cli {
namespace {

struct CloseOptions {
    std::string id;
    std::optional<std::string> resolution, reason;
    std::optional<int> rating;
};

void run_close(const CloseOptions& o, Context& ctx) {
    const ComplaintId id = parse_complaint_id(o.id);
    CloseRequest r;
    r.resolution = o.resolution;
    if (o.reason)
        r.reason = parse_close_reason(*o.reason);
    r.rating = o.rating;
    const Complaint c = ctx.tracker(OpenMode::change).close(id, r);
    ctx.out().changed(Action::closed, c);
}

} // namespace

void setup_close(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<CloseOptions>();
    add_id(sub, o->id);
    add_optional(sub, "--resolution", o->resolution, "What was done for the customer")
        ->type_name("TEXT");
    add_optional(sub, "--reason", o->reason, "resolved (default), rejected, duplicate or withdrawn")
        ->type_name("R");
    add_optional(sub, "--rating", o->rating, "The customer's satisfaction, 1 (bad) to 5 (great)")
        ->type_name("1-5")
        ->check(CLI::Range(1, 5).description(""));
    sub.callback([o, &ctx] { run_close(*o, ctx); });
}

} // namespace ombud::cli
