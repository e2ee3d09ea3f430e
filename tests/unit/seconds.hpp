#pragma once
// Lengths of time in seconds, as the unit tests write durations.

#include <ombud/when.hpp>

namespace ombud::test {

inline constexpr Timestamp kMinute = 60;
inline constexpr Timestamp kHour = 3600;
inline constexpr Timestamp kDay = 86400;

} // namespace ombud::test
