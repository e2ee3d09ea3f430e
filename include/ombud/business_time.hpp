#pragma once
// Business time: opening hours, a time zone and holidays, and deadlines counted in open time.
// Parsing and formatting never touch the time-zone database. The arithmetic and the zone checks
// load it on first use (a few milliseconds, once per process), so commands that compute no
// deadline do not pay for it.

#include <ombud/when.hpp>

#include <array>
#include <chrono>
#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ombud {

/// A date on the business's own calendar, such as a holiday.
using LocalDate = std::chrono::year_month_day;

/// Parses `2026-12-25` (a real date, years 0000 to 9999); throws UsageError.
LocalDate parse_local_date(std::string_view text);

/// `2026-12-25`.
std::string format_local_date(LocalDate date);

/// One stretch of a day, in minutes after local midnight: [open, close), 0 <= open < close <=
/// 1440 (24:00, the end of the day).
struct OpenInterval {
    int open = 0;
    int close = 0;
    friend bool operator==(const OpenInterval&, const OpenInterval&) = default;
};

/// When the business is open in an ordinary week, on the local wall clock.
class OpeningHours {
  public:
    /// Never open. parse() never returns this, and the deadline arithmetic refuses it.
    OpeningHours() = default;

    /// What applies when nothing is configured: `mon-fri 09:00-17:00`.
    static OpeningHours standard();

    /// Parses a comma-separated list of groups, each days then one or more ranges:
    /// `mon-fri 09:00-12:30 13:30-17:00, sat 10:00-14:00`. Days are `mon` … `sun` (or full
    /// names), ranges of them (`mon-fri`; `sun-thu` wraps around the weekend) or `daily`; times
    /// are `HH:MM` (or `H:MM`), with `24:00` only as the end of a day. A day may appear in several
    /// groups; its ranges must not overlap (touching ones are joined). Case-insensitive. Throws
    /// UsageError naming the offending part.
    static OpeningHours parse(std::string_view spec);

    /// The canonical spec: days with the same hours grouped into runs, Monday first (a run that
    /// wraps around the weekend is written `sun-thu`), `daily` when all seven agree, times as
    /// `HH:MM`. parse(format()) == *this. Empty for hours that are never open.
    std::string format() const;

    /// The ranges of `day`: sorted, not overlapping, not touching.
    const std::vector<OpenInterval>& on(std::chrono::weekday day) const;

    /// How many weekdays have any opening time (0 to 7); a business week has this many days.
    int open_weekdays() const;

    /// Open seconds in a week without clock changes or holidays.
    std::int64_t weekly_seconds() const;

    friend bool operator==(const OpeningHours&, const OpeningHours&) = default;

  private:
    std::array<std::vector<OpenInterval>, 7> days_; // Monday first
};

/// Checks an IANA time-zone name (`Europe/Amsterdam`; case does not matter) against the system's
/// tz database and returns it as the database spells it. Throws UsageError, with a "did you mean"
/// hint when a zone is close (`Amsterdam`, `Europe/Amsterdm`). Loads the tz database.
std::string check_time_zone(std::string_view name);

/// The zone this process runs in: `$TZ` when set (a name, optionally `:`-prefixed; empty or
/// unknown means UTC, as in the C library), else /etc/localtime, else `UTC`. Loads the tz
/// database.
std::string system_time_zone();

/// Everything that decides when the clock runs.
struct BusinessCalendar {
    OpeningHours hours = OpeningHours::standard();
    /// An IANA name; empty means system_time_zone(), looked up when the arithmetic needs it.
    std::string time_zone;
    /// Local dates on which the business is closed all day.
    std::set<LocalDate> holidays;
};

/// An amount of business time: `2d4h` is two business days and four open hours.
///
/// A business day is "the same point in the opening hours of the next open day": the amount of
/// open time already gone on the start's day is measured, and the deadline is that far into the
/// open day after (Mon 16:00 + 1d = Tue 16:00 with 09:00-17:00; Fri 16:00 + 1d = Mon 16:00), or
/// that day's closing when it has less opening time (a Saturday open 10:00-14:00: Fri 16:00 +
/// 1d = Sat 14:00). A start before a day's opening counts from its start, so Mon 08:00 + 1d =
/// Mon 17:00; a start after closing, on a closed day or on a holiday counts from the start of
/// the next open day, so Mon 18:00 + 1d and Sun 12:00 + 1d are the next open day's closing.
/// Why not a fixed number of hours: a day then means the same to a shop open 8 hours on weekdays
/// and 4 on Saturday as to the customer who is told "within one working day", and changing the
/// hours does not change what `1d` promises. Days with the same hours give the same clock time.
///
/// A business week is as many business days as the opening hours have open weekdays (5 for
/// mon-fri), so a holiday in it adds a day. Hours and minutes are open time, counted exactly.
struct BusinessDuration {
    std::int64_t weeks = 0;
    std::int64_t days = 0;
    std::int64_t seconds = 0; ///< whole minutes when parsed
    friend bool operator==(const BusinessDuration&, const BusinessDuration&) = default;
};

/// The longest duration parse_business_duration accepts: ten years' worth (3650d, 520w10d,
/// 87600h), the units counted as calendar time.
inline constexpr std::int64_t kMaxBusinessDurationSeconds = 3650LL * 86400;

/// Parses `30m`, `2h`, `1h30m`, `1d`, `2d4h`, `1w`: numbers with units `w`, `d`, `h`, `m` (or
/// `min`), largest first, each at most once, spaces allowed between them (`1h 30m`). `0m` is an
/// empty duration. Case-insensitive. Throws UsageError.
BusinessDuration parse_business_duration(std::string_view text);

/// The short form parse_business_duration reads back: `1w2d`, `1h30m` (90 minutes are written
/// `1h30m`; days and weeks are never made from hours), `0m` when empty.
std::string format_business_duration(const BusinessDuration& duration);

/// A stretch [from, to) in which the clock stands still (the business waits on the customer).
/// Pauses may overlap and come in any order; empty ones count for nothing. A pause that has not
/// ended yet is passed as ending now, which holds the time left where it is.
struct Pause {
    Timestamp from = 0;
    Timestamp to = 0;
};

/// The earliest moment at which `duration` of open, unpaused time has passed since `start`,
/// skipping closed hours, nights, closed days, holidays and pauses. A start outside the opening
/// hours starts counting at the next opening; a deadline that falls at a closing time is that
/// closing time, not the next opening. An empty duration gives `start`. Days and weeks are
/// counted first, as described at BusinessDuration, then the hours and minutes, plus the open
/// time paused while the days ran.
///
/// Opening hours are wall-clock times in the calendar's zone. On the day the clocks go back, an
/// opening time that happens twice is its first occurrence and a closing time its last (01:00-
/// 04:00 is then open 4 real hours); on the day they go forward, a time that does not exist is
/// the moment of the jump (01:00-04:00 is open 2 real hours in Amsterdam; 02:15-02:45 not at
/// all). Debian's tz library knows clock changes up to 2037; later instants use the offset in
/// force after the last one it knows.
///
/// Throws UsageError when the hours are never open, the zone is unknown, `start` or the
/// deadline lies outside the years 0000 to 9999 (UTC), or a pause never ends. The work grows
/// with the number of days walked, but weeks without holidays, pauses or clock changes are
/// skipped whole.
Timestamp add_business_time(const BusinessCalendar& calendar, Timestamp start,
                            const BusinessDuration& duration, std::span<const Pause> pauses = {});

/// Open, unpaused seconds from `from` until `to` (the time left until a deadline, or negative:
/// how late it is, when `to` is before `from`). Consistent with add_business_time: for a
/// duration of hours and minutes, business_seconds_between(start, deadline) is that duration.
/// Throws UsageError when the zone is unknown or a moment lies outside the years 0000 to 9999.
std::int64_t business_seconds_between(const BusinessCalendar& calendar, Timestamp from,
                                      Timestamp to, std::span<const Pause> pauses = {});

} // namespace ombud
