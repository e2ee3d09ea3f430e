#pragma once
// Time zones from the system's tz database: the TZif files (RFC 8536) under /usr/share/zoneinfo,
// or $TZDIR. What offset from UTC holds at an instant, and which instants a wall-clock time
// means. Read directly rather than through a library, so that ombud needs no C++ library
// loaded at start-up.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ombud::tz {

/// A stretch of time with one offset from UTC, in Unix seconds: [begin, end). The first period
/// of a zone begins at the minimum of int64, the last one ends at its maximum.
struct Period {
    std::int64_t begin = 0;
    std::int64_t end = 0;
    /// Seconds east of UTC.
    std::int32_t offset = 0;
};

/// What a wall-clock time means: once, never (skipped by a clock change) or twice.
struct LocalMeaning {
    enum class Kind { unique, nonexistent, ambiguous };
    Kind kind = Kind::unique;
    /// unique: its period; ambiguous: the earlier of the two (the earliest, when damaged data
    /// gives more); nonexistent: the period before the gap, whose `end` is the moment of the jump.
    Period first;
    /// ambiguous: the later period (the latest); nonexistent: the period after the gap; unique:
    /// as `first`.
    Period second;
};

/// The rule of a POSIX TZ string (the footer of a TZif file), for times after the file's last
/// transition: a standard offset and, perhaps, daylight saving time between two dates a year.
struct PosixRule {
    struct Date {
        enum class Kind { julian, day_of_year, month_week_day };
        Kind kind = Kind::month_week_day;
        int month = 0;            // 1-12
        int week = 0;             // 1-5, 5 meaning the last
        int day = 0;              // Jn: 1-365 without Feb 29; n: 0-365; Mm.w.d: weekday, 0 Sunday
        std::int32_t time = 7200; // local seconds after midnight; may be negative or past 24h
    };
    struct Daylight {
        std::int32_t offset = 0;
        Date start;
        Date end;
    };
    std::int32_t standard = 0;
    std::optional<Daylight> daylight;

    /// Parses e.g. `CET-1CEST,M3.5.0,M10.5.0/3` or `<+0330>-3:30`; throws std::runtime_error.
    static PosixRule parse(std::string_view text);
    /// The period holding `t`.
    Period at(std::int64_t t) const;
};

class Zone {
  public:
    /// Builds a zone from the bytes of a TZif file; throws std::runtime_error naming what is
    /// wrong.
    static Zone parse(std::string name, std::string_view tzif);

    /// The IANA name it was found by, e.g. `Europe/Amsterdam`.
    const std::string& name() const { return name_; }
    Period at(std::int64_t t) const;
    /// The meaning of the wall-clock time `local`, in seconds since 1970-01-01 00:00 local.
    LocalMeaning at_local(std::int64_t local) const;

  private:
    std::string name_;
    std::vector<std::int64_t> transitions_;
    /// The offset from each transition on.
    std::vector<std::int32_t> offsets_;
    /// Before the first transition.
    std::int32_t initial_ = 0;
    /// After the last transition; without one, its offset stays.
    std::optional<PosixRule> rule_;
};

/// The zone named exactly `name` in the tz database, read once per process; nullptr when there
/// is none (or the name leaves the database's folder).
const Zone* find_zone(std::string_view name);

/// Every zone name of the database, sorted; the posix/ and right/ copies left out.
std::vector<std::string> zone_names();

/// The zone this machine is set to: where /etc/localtime points, else /etc/timezone.
std::optional<std::string> configured_zone_name();

/// The folder of the database: $TZDIR, else /usr/share/zoneinfo.
std::string database_folder();

} // namespace ombud::tz
