#pragma once
// The shared settings (`ombud config`) and the service policy they make: opening hours, time
// zone, holidays, and per priority how soon a first response, a resolution and a decision on an
// escalation are due, in business time.

#include <ombud/business_time.hpp>
#include <ombud/model.hpp>

#include <array>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ombud {

/// A setting ombud knows.
struct SettingSpec {
    const char* key;
    const char* default_value; ///< "" for the time zone: the system's
    const char* description;
};

/// Every setting, in the order `config list` shows them.
std::span<const SettingSpec> setting_specs();

/// The spec of `key`; throws UsageError naming the keys (with "did you mean") for an unknown one.
const SettingSpec& setting_spec(std::string_view key);

/// Checks `value` for `key` and returns it as it is stored: the canonical form (`hours` written
/// out, a time zone as the tz database spells it, `none` for no target). Throws UsageError.
std::string check_setting(std::string_view key, std::string_view value);

/// The service policy: what `open`, `escalate`, `wait` and `check` work to.
struct Policy {
    BusinessCalendar calendar;
    /// Targets per priority (indexed by Priority); unset means no deadline of that kind.
    std::array<std::optional<BusinessDuration>, 4> response, resolve, decide;
    /// A deadline closer than this (in business time) is at risk.
    BusinessDuration within;

    /// The policy of these settings and holidays, defaults filling in what is not set.
    static Policy from(const std::vector<Setting>& settings, const std::vector<Holiday>& holidays);

    /// When a target of `duration` from `start` falls due; nullopt without a target.
    std::optional<Timestamp> due(const std::optional<BusinessDuration>& duration,
                                 Timestamp start) const;
};

} // namespace ombud
