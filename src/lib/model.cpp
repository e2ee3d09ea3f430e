#include <ombud/error.hpp>
#include <ombud/model.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace ombud {
namespace {

constexpr std::array status_names{"open", "escalated", "waiting", "closed"};
constexpr std::array priority_names{"low", "normal", "high", "urgent"};
constexpr std::array direction_names{"in", "out"};
constexpr std::array close_reason_names{"resolved", "rejected", "duplicate", "withdrawn"};
constexpr std::array event_kind_names{"opened",   "note",    "escalated", "assigned", "closed",
                                      "reopened", "decided", "waited",    "resumed"};

// Looks `s` up in `names`; on failure names the option and every accepted word.
template <typename Enum, std::size_t N>
Enum parse_word(std::string_view s, const std::array<const char*, N>& names,
                std::string_view what) {
    const std::string l = text::ascii_lower(s);
    for (std::size_t i = 0; i < N; ++i) {
        if (l == names[i])
            return static_cast<Enum>(i);
    }
    std::string accepted;
    for (std::size_t i = 0; i < N; ++i)
        accepted += (i ? ", " : "") + std::string(names[i]);
    throw UsageError(fmt::format("invalid {} \"{}\": use one of {}", what, s, accepted));
}

} // namespace

std::string_view to_string(Status s) {
    return status_names.at(static_cast<std::size_t>(s));
}
std::string_view to_string(Priority p) {
    return priority_names.at(static_cast<std::size_t>(p));
}
std::string_view to_string(Direction d) {
    return direction_names.at(static_cast<std::size_t>(d));
}
std::string_view to_string(CloseReason r) {
    return close_reason_names.at(static_cast<std::size_t>(r));
}
std::string_view to_string(EventKind k) {
    return event_kind_names.at(static_cast<std::size_t>(k));
}

Status parse_status(std::string_view s, std::string_view what) {
    return parse_word<Status>(s, status_names, what);
}
Priority parse_priority(std::string_view s, std::string_view what) {
    return parse_word<Priority>(s, priority_names, what);
}
Direction parse_direction(std::string_view s, std::string_view what) {
    return parse_word<Direction>(s, direction_names, what);
}
CloseReason parse_close_reason(std::string_view s, std::string_view what) {
    return parse_word<CloseReason>(s, close_reason_names, what);
}
EventKind parse_event_kind(std::string_view s) {
    return parse_word<EventKind>(s, event_kind_names, "event kind");
}

std::string parse_channel(std::string_view s, std::string_view what) {
    std::string l = text::ascii_lower(s);
    if (l == "inperson" || l == "in_person")
        l = "in-person";
    for (auto c : channels) {
        if (l == c)
            return l;
    }
    std::string accepted;
    for (auto c : channels)
        accepted += (accepted.empty() ? "" : ", ") + std::string(c);
    throw UsageError(fmt::format("invalid {} \"{}\": use one of {}", what, s, accepted));
}

ComplaintId parse_complaint_id(std::string_view s) {
    std::string_view digits = s;
    if (!digits.empty() && digits.front() == '#')
        digits.remove_prefix(1);
    ComplaintId id = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (digits.empty() || ec != std::errc{} || end != digits.data() + digits.size() || id <= 0)
        throw UsageError(
            fmt::format("invalid complaint number \"{}\": use a number like 42 or #42", s),
            "run `ombud list` to see the numbers");
    return id;
}

std::string_view to_string(DeadlineKind k) {
    switch (k) {
    case DeadlineKind::response:
        return "response";
    case DeadlineKind::resolution:
        return "resolution";
    case DeadlineKind::decision:
        return "decision";
    }
    return "resolution";
}

std::vector<Deadline> Complaint::deadlines() const {
    std::vector<Deadline> out;
    if (status != Status::open && status != Status::escalated)
        return out;
    if (response_due && !responded_at)
        out.push_back({DeadlineKind::response, *response_due});
    if (due)
        out.push_back({DeadlineKind::resolution, *due});
    if (escalation && escalation->due)
        out.push_back({DeadlineKind::decision, *escalation->due});
    return out;
}

std::optional<Deadline> Complaint::next_deadline() const {
    std::optional<Deadline> next;
    for (const Deadline& d : deadlines())
        if (!next || d.at < next->at)
            next = d;
    return next;
}

bool Complaint::overdue(Timestamp at) const {
    const auto deadline = next_deadline();
    return deadline && deadline->at < at;
}

} // namespace ombud
