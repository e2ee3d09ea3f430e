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
enum class EventKind { opened, note, escalated, assigned, closed, reopened };

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
    std::string to;
    std::optional<std::string> reason;
    std::optional<Timestamp> due;
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
    /// Set while a decision is requested; cleared on close.
    std::optional<Escalation> escalation;
    /// How many times ownership passed to someone else.
    int handoffs = 0;
    std::optional<Timestamp> due;
    Timestamp created_at = 0;
    Timestamp updated_at = 0;
    std::optional<Timestamp> closed_at;
    std::optional<CloseReason> close_reason;
    std::optional<std::string> resolution;
    std::optional<int> rating;

    /// The earlier of its own deadline and its escalation's.
    std::optional<Timestamp> next_deadline() const;
    /// Open or escalated (not waiting, not closed) with its next deadline before `now`.
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

} // namespace ombud
