#pragma once
// Points in time: parsing the WHEN forms, RFC 3339 and local-time rendering.
// All arithmetic uses the C library's local time zone (TZ), which costs nothing at start-up.

#include <cstdint>
#include <string>
#include <string_view>

namespace ombud {

/// Seconds since the Unix epoch, UTC. Storage and the library speak only this.
using Timestamp = std::int64_t;

/// The current time (system clock, so `faketime` works in tests).
Timestamp now();

/// What a WHEN is for decides how a bare date or a duration is read.
enum class WhenUse {
    deadline, ///< a date means the end of that day (23:59:59 local); `3d` means 3 days from now
    since,    ///< a date means the start of that day (00:00 local); `3d` means 3 days ago
    back,     ///< a date means the start of that day (00:00 local); `3d` means 3 days from now
};

/// Parses a WHEN: `2026-11-25`, `2026-11-25T17:00`, `2026-11-25 17:00`, RFC 3339 with `Z` or an
/// offset, `17:00` (today), `today`, `tomorrow`, a weekday name (`friday`, `fri`: the next one,
/// never today), or a duration (`30m`, `4h`, `3d`, `2w`). Case-insensitive.
/// Throws UsageError naming the accepted forms when `text` is none of them or is not a real
/// date/time (2026-02-30, 25:00).
Timestamp parse_when(std::string_view text, Timestamp now, WhenUse use);

/// `2026-11-22T14:05:00Z`.
std::string format_rfc3339(Timestamp t);
/// Appends format_rfc3339(t) to `out`; listings and exports write millions of times.
void append_rfc3339(std::string& out, Timestamp t);

/// Parses exactly the output of format_rfc3339 (and offsets like `+01:00`); throws UsageError.
Timestamp parse_rfc3339(std::string_view text);

/// Local time for people: `2026-11-22 15:05`.
std::string format_local(Timestamp t);

/// Short relative age or distance: `just now`, `5m ago`, `3h ago`, `2d ago`, `in 4h`, `in 3d`.
std::string format_relative(Timestamp t, Timestamp now);

} // namespace ombud
