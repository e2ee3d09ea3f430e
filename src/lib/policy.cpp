#include <ombud/error.hpp>
#include <ombud/policy.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace ombud {
namespace {

// Defaults a small business can live with on day one: an answer the same or next working day,
// faster as the priority rises, and a manager's decision within the day.
constexpr SettingSpec specs[] = {
    {"hours", "mon-fri 09:00-17:00", "opening hours: the clock of every deadline"},
    {"timezone", "", "IANA time zone of the opening hours (empty: the system's)"},
    {"sla.urgent.response", "1h", "first response to an urgent complaint"},
    {"sla.urgent.resolve", "1d", "resolution of an urgent complaint"},
    {"sla.urgent.decide", "1h", "decision on an escalated urgent complaint"},
    {"sla.high.response", "2h", "first response to a high-priority complaint"},
    {"sla.high.resolve", "2d", "resolution of a high-priority complaint"},
    {"sla.high.decide", "4h", "decision on an escalated high-priority complaint"},
    {"sla.normal.response", "1d", "first response to a normal complaint"},
    {"sla.normal.resolve", "5d", "resolution of a normal complaint"},
    {"sla.normal.decide", "1d", "decision on an escalated normal complaint"},
    {"sla.low.response", "2d", "first response to a low-priority complaint"},
    {"sla.low.resolve", "10d", "resolution of a low-priority complaint"},
    {"sla.low.decide", "2d", "decision on an escalated low-priority complaint"},
    {"check.within", "4h", "a deadline closer than this is at risk (list, check)"},
};

bool is_target(std::string_view key) {
    return key.starts_with("sla.");
}

std::optional<BusinessDuration> target(std::string_view value) {
    if (value == "none")
        return std::nullopt;
    return parse_business_duration(value);
}

} // namespace

std::span<const SettingSpec> setting_specs() {
    return specs;
}

const SettingSpec& setting_spec(std::string_view key) {
    for (const auto& s : specs)
        if (key == s.key)
            return s;
    std::string hint;
    std::size_t best = 4;
    for (const auto& s : specs) {
        const std::size_t d = text::edit_distance(key, s.key);
        if (d < best) {
            best = d;
            hint = fmt::format("did you mean {}?", s.key);
        }
    }
    if (hint.empty())
        hint = "see the keys with: ombud config list";
    throw UsageError(fmt::format("unknown setting \"{}\"", key), hint);
}

std::string check_setting(std::string_view key, std::string_view value) {
    const SettingSpec& spec = setting_spec(key);
    const std::string_view k = spec.key;
    try {
        if (k == "hours")
            return OpeningHours::parse(value).format();
        if (k == "timezone")
            return check_time_zone(value);
        if (is_target(k) && value == "none")
            return "none";
        return format_business_duration(parse_business_duration(value));
    } catch (const UsageError& e) {
        // The parser's own hint (the accepted forms) stays with the message.
        throw UsageError(fmt::format("invalid value for {}: {}", k, e.what()), e.hint());
    }
}

Policy Policy::from(const std::vector<Setting>& settings, const std::vector<Holiday>& holidays) {
    const auto value = [&](std::string_view key) -> std::string {
        for (const auto& s : settings)
            if (s.key == key)
                return s.value;
        return setting_spec(key).default_value;
    };
    Policy p;
    p.calendar.hours = OpeningHours::parse(value("hours"));
    p.calendar.time_zone = value("timezone");
    for (const auto& h : holidays)
        p.calendar.holidays.insert(parse_local_date(h.day));
    for (Priority pr : {Priority::low, Priority::normal, Priority::high, Priority::urgent}) {
        const auto i = static_cast<std::size_t>(pr);
        const std::string prefix = fmt::format("sla.{}.", to_string(pr));
        p.response[i] = target(value(prefix + "response"));
        p.resolve[i] = target(value(prefix + "resolve"));
        p.decide[i] = target(value(prefix + "decide"));
    }
    p.within = parse_business_duration(value("check.within"));
    return p;
}

std::optional<Timestamp> Policy::due(const std::optional<BusinessDuration>& duration,
                                     Timestamp start) const {
    if (!duration)
        return std::nullopt;
    return add_business_time(calendar, start, *duration);
}

} // namespace ombud
