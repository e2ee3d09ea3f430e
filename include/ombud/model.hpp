#pragma once
// The domain values: complaints, customers and the events of their timelines.

#include <ombud/when.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ombud {

using ComplaintId = std::int64_t;

enum class Status { open, escalated, waiting, closed };
enum class Priority { low, normal, high, urgent };
enum class Direction { in, out };
enum class CloseReason { resolved, rejected, duplicate, withdrawn };
enum class EventKind {
    opened,
    note,
    escalated,
    assigned,
    closed,
    reopened,
    decided,
    waited,
    resumed
};

/// Contact channels, stored and printed by name.
inline constexpr std::string_view channels[] = {"phone",  "email",     "letter", "chat",
                                                "social", "in-person", "web",    "other"};

std::string_view to_string(Status s);
std::string_view to_string(Priority p);
std::string_view to_string(Direction d);
std::string_view to_string(CloseReason r);
std::string_view to_string(EventKind k);

// Parsers throw UsageError listing the accepted words; `what` names the option (`--priority`).
Status parse_status(std::string_view s, std::string_view what = "status");
Priority parse_priority(std::string_view s, std::string_view what = "--priority");
Direction parse_direction(std::string_view s, std::string_view what = "--direction");
CloseReason parse_close_reason(std::string_view s, std::string_view what = "--reason");
EventKind parse_event_kind(std::string_view s);
/// Returns the canonical channel name; accepts `in-person` and `inperson`.
std::string parse_channel(std::string_view s, std::string_view what = "--channel");

/// Parses `42` or `#42`; throws UsageError otherwise.
ComplaintId parse_complaint_id(std::string_view s);

struct Customer {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::string> email;
    std::optional<std::string> phone;
    /// When ombud first met them; kept by export and import, not part of the JSON contract.
    Timestamp created_at = 0;
};

struct Escalation {
    int level = 0;
    /// Who is asked to decide: the person named, or their deputy while they are away.
    std::string to;
    std::optional<std::string> reason;
    std::optional<Timestamp> due;
    /// When the decision was asked for, and by whom.
    std::optional<Timestamp> since;
    std::optional<std::string> by;
    /// The person named when `to` is their deputy, standing in while they are away.
    std::optional<std::string> instead_of;
};

/// Which promise a deadline is.
enum class DeadlineKind { response, resolution, decision };
std::string_view to_string(DeadlineKind k);

struct Deadline {
    DeadlineKind kind = DeadlineKind::resolution;
    Timestamp at = 0;
};

struct Complaint {
    ComplaintId id = 0;
    std::string title;
    Status status = Status::open;
    Priority priority = Priority::normal;
    std::optional<std::string> category;
    std::optional<std::string> channel;
    std::optional<Customer> customer;
    std::string owner;
    /// Set while a decision is requested; cleared by the decision or on close.
    std::optional<Escalation> escalation;
    /// The level of the latest escalation, kept after it ends: escalating again goes one higher.
    int escalation_level = 0;
    /// How many times ownership passed to someone else.
    int handoffs = 0;
    /// The promised resolution: given with --due or set by the service policy.
    std::optional<Timestamp> due;
    /// The first answer to the customer is due then (service policy), and was given then.
    std::optional<Timestamp> response_due;
    std::optional<Timestamp> responded_at;
    /// Set while waiting on the customer, the clock stopped; `waiting_until` is when to follow up.
    std::optional<Timestamp> waiting_since;
    std::optional<Timestamp> waiting_until;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    std::optional<Timestamp> closed_at;
    std::optional<CloseReason> close_reason;
    std::optional<std::string> resolution;
    std::optional<int> rating;

    /// The promises still to keep: the first response (until given), the resolution and the
    /// decision asked for. None while waiting (the clock is stopped) or closed.
    std::vector<Deadline> deadlines() const;
    /// The earliest of `deadlines()`.
    std::optional<Deadline> next_deadline() const;
    /// A deadline passed before `now`.
    bool overdue(Timestamp now) const;
};

struct Event {
    std::int64_t id = 0;
    ComplaintId complaint_id = 0;
    Timestamp at = 0;
    std::string actor;
    EventKind kind = EventKind::note;
    std::optional<std::string> text;
    std::optional<std::string> channel;
    std::optional<Direction> direction;
    bool visible = false;
    /// Kind-specific fields (`{"to":"bob","level":1}` for an escalation, …); always an object.
    nlohmann::json data = nlohmann::json::object();
    /// Title of the complaint, filled in by history queries for context in human output.
    std::optional<std::string> complaint_title;
};

/// Someone who owns complaints or decides on escalations.
struct TeamMember {
    std::string name;
    std::optional<std::string> email;
    /// Who decides in their place while they are away.
    std::optional<std::string> deputy;
    /// Away until then; `away_deputy` stands in for this absence instead of `deputy`.
    std::optional<Timestamp> away_until;
    std::optional<std::string> away_deputy;
    /// Met first as an owner or escalation target rather than added with `team add`.
    bool added_by_use = false;
    Timestamp created_at = 0;

    bool away(Timestamp now) const { return away_until && *away_until > now; }
    /// Who stands in for them now: nobody while they are in.
    std::optional<std::string> stand_in(Timestamp now) const {
        return away(now) ? (away_deputy ? away_deputy : deputy) : std::nullopt;
    }
};

/// One shared setting (`ombud config`).
struct Setting {
    std::string key;
    std::string value;
};

/// A day the business is closed, `YYYY-MM-DD` in its time zone.
struct Holiday {
    std::string day;
    std::optional<std::string> name;
};

} // namespace ombud
