// libFuzzer target for the WHEN parser and RFC 3339 (include/ombud/when.hpp). Each input is read
// in several time zones, at several moments `now`, as a deadline and as a since, and whatever is
// accepted is checked against an independent reading of the documented forms: a duration is that
// many seconds from now, a bare date is the whole local day, a date with a time is that local
// time (or that instant, with an offset), and every result can be written as RFC 3339 and read
// back. Anything else must be rejected with UsageError.

#include "fuzz_check.hpp"

#include <ombud/when.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <functional>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>

namespace {

using ombud::Timestamp;
using ombud::WhenUse;

constexpr Timestamp kMinute = 60;
constexpr Timestamp kHour = 3600;
constexpr Timestamp kDay = 86400;
// What RFC 3339 with a four-digit year can write.
constexpr Timestamp kMinTimestamp = -62167219200; // 0000-01-01T00:00:00Z
constexpr Timestamp kMaxTimestamp = 253402300799; // 9999-12-31T23:59:59Z

struct Zone {
    const char* tz;
    bool fixed; // no clock changes: every local time exists, once
};

// POSIX rules need no tzdata, so they work on every machine; the names add history where tzdata
// is installed (without it glibc falls back to UTC).
constexpr Zone kZones[] = {
    {"UTC0", true},
    {"<+0545>-5:45", true},
    {"<+14>-14", true},
    {"<-12>12", true},
    {"CET-1CEST,M3.5.0,M10.5.0/3", false},           // Amsterdam's rules
    {"BRT3BRST,M10.3.0/0,M2.3.0/0", false},          // changes at midnight, both ways
    {"<-04>4<-03>,M9.1.6/24,M4.1.6/24", false},      // Chile: at Saturday 24:00
    {"CST5CDT,M3.2.0/0,M11.1.0/1", false},           // Cuba: midnight skipped, then twice
    {"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", false}, // Lord Howe: half an hour
    {"Europe/Amsterdam", false},
    {"Pacific/Apia", false}, // skipped 2011-12-30 entirely
};

constexpr Timestamp kNows[] = {
    1795440420, // 2026-11-23T13:27:00Z
    1774744200, // 2026-03-29T00:30:00Z, half an hour before Europe's clocks go forward
    1792888200, // 2026-10-25T00:30:00Z, half an hour before they go back
    1788651000, // 2026-09-05T23:30:00Z, Chile's Saturday before the change
    0,          // 1970-01-01T00:00:00Z
    4102444800, // 2100-01-01T00:00:00Z
};

// Civil dates, computed without the C library (Howard Hinnant's algorithms).
struct Date {
    long long year;
    int month;
    int day;
    auto operator<=>(const Date&) const = default;
};

long long days_from_civil(Date d) {
    const long long y = d.year - (d.month <= 2 ? 1 : 0);
    const long long era = (y >= 0 ? y : y - 399) / 400;
    const long long yoe = y - era * 400;
    const long long mp = (d.month + 9) % 12;
    const long long doy = (153 * mp + 2) / 5 + d.day - 1;
    const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

Date civil_from_days(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {yoe + era * 400 + (month <= 2 ? 1 : 0), month, day};
}

// 0 is Sunday, like tm_wday.
int weekday_of(long long days) {
    return static_cast<int>(((days % 7) + 7 + 4) % 7);
}

bool valid_date(Date d) {
    constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (d.month < 1 || d.month > 12 || d.day < 1)
        return false;
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    return d.day <= (d.month == 2 && leap ? 29 : days[d.month - 1]);
}

struct Clock {
    int hour = 0;
    int minute = 0;
    int second = 0;
};

bool valid_clock(Clock c) {
    return c.hour <= 23 && c.minute <= 59 && c.second <= 59;
}

Timestamp utc_seconds(Date d, Clock c) {
    return days_from_civil(d) * kDay + c.hour * kHour + c.minute * kMinute + c.second;
}

std::tm local(std::string_view input, Timestamp t) {
    const std::time_t tt = t;
    std::tm tm{};
    FUZZ_CHECK(localtime_r(&tt, &tm) != nullptr, input);
    return tm;
}

Date local_date(std::string_view input, Timestamp t) {
    const std::tm tm = local(input, t);
    return {tm.tm_year + 1900LL, tm.tm_mon + 1, tm.tm_mday};
}

class Reader {
  public:
    explicit Reader(std::string_view s) : s_(s) {}
    bool done() const { return i_ == s_.size(); }
    bool eat(char c) {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }
    bool digit() const { return i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9'; }
    // Exactly n digits.
    bool number(std::size_t n, int& out) {
        out = 0;
        for (std::size_t k = 0; k < n; ++k) {
            if (!digit())
                return false;
            out = out * 10 + (s_[i_++] - '0');
        }
        return true;
    }

  private:
    std::string_view s_;
    std::size_t i_ = 0;
};

struct Offset {
    int sign = 1;
    int hours = 0;
    int minutes = 0;
};

struct DateTime {
    Date date{};
    std::optional<Clock> clock;
    std::optional<Offset> offset;
};

// `YYYY-MM-DD`, then optionally `T`/`t`/(` ` unless strict) `HH:MM`, `:SS` (required if strict),
// `Z`/`z` or `±HH:MM` (required if strict).
std::optional<DateTime> read_date_time(std::string_view s, bool strict) {
    Reader in(s);
    DateTime dt;
    int y = 0;
    if (!in.number(4, y) || !in.eat('-') || !in.number(2, dt.date.month) || !in.eat('-') ||
        !in.number(2, dt.date.day))
        return std::nullopt;
    dt.date.year = y;
    if (in.done())
        return strict ? std::nullopt : std::optional(dt);
    if (!in.eat('T') && !in.eat('t') && (strict || !in.eat(' ')))
        return std::nullopt;
    Clock c;
    if (!in.number(2, c.hour) || !in.eat(':') || !in.number(2, c.minute))
        return std::nullopt;
    if (in.eat(':')) {
        if (!in.number(2, c.second))
            return std::nullopt;
    } else if (strict) {
        return std::nullopt;
    }
    dt.clock = c;
    if (in.eat('Z') || in.eat('z')) {
        dt.offset = Offset{};
    } else if (const int sign = in.eat('+') ? 1 : in.eat('-') ? -1 : 0; sign != 0) {
        Offset o;
        o.sign = sign;
        if (!in.number(2, o.hours) || !in.eat(':') || !in.number(2, o.minutes))
            return std::nullopt;
        dt.offset = o;
    } else if (strict) {
        return std::nullopt;
    }
    if (!in.done())
        return std::nullopt;
    return dt;
}

bool valid_offset(Offset o) {
    return o.hours <= 23 && o.minutes <= 59;
}

Timestamp instant(const DateTime& dt) {
    return utc_seconds(dt.date, *dt.clock) -
           dt.offset->sign * (dt.offset->hours * kHour + dt.offset->minutes * kMinute);
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view space = " \t\n\r\v\f";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

using ombud::fuzz::lower;

std::optional<int> weekday_named(std::string_view s) {
    constexpr std::string_view names[] = {"sunday",   "monday", "tuesday", "wednesday",
                                          "thursday", "friday", "saturday"};
    for (int i = 0; i < 7; ++i)
        if (s == names[i] || s == names[i].substr(0, 3))
            return i;
    return std::nullopt;
}

std::optional<Timestamp> unit_seconds(std::string_view unit) {
    if (unit == "m" || unit == "min")
        return kMinute;
    if (unit == "h")
        return kHour;
    if (unit == "d")
        return kDay;
    if (unit == "w")
        return 7 * kDay;
    return std::nullopt;
}

bool in_range(Timestamp t) {
    return t >= kMinTimestamp && t <= kMaxTimestamp;
}

void check_round_trip(std::string_view input, Timestamp t) {
    // Both ends included: every result must be writable as RFC 3339 (the JSON output).
    FUZZ_CHECK(in_range(t), input);
    const std::string written = ombud::format_rfc3339(t);
    const auto back = FUZZ_ACCEPTS(written, ombud::parse_rfc3339(written));
    FUZZ_CHECK(back && *back == t, input);
}

// Within a day of the ends of what RFC 3339 can write, where a local day or time may lie outside
// it (and so may be rejected) depending on the zone.
bool near_edge(Date d) {
    return d <= Date{0, 1, 1} || d >= Date{9999, 12, 31};
}

// A whole local day: [since, deadline] are exactly the seconds whose local date is `d` (empty,
// since == deadline + 1, when the zone skipped that day).
void check_whole_day(std::string_view input, Date d, std::optional<Timestamp> deadline,
                     std::optional<Timestamp> since) {
    if (!near_edge(d))
        FUZZ_CHECK(deadline && since, input);
    const bool empty = deadline && since && *since == *deadline + 1;
    if (deadline && since)
        FUZZ_CHECK(*since <= *deadline + 1, input);
    if (since) {
        if (!empty)
            FUZZ_CHECK(local_date(input, *since) == d, input);
        FUZZ_CHECK(local_date(input, *since - 1) < d, input);
    }
    if (deadline) {
        if (!empty)
            FUZZ_CHECK(local_date(input, *deadline) == d, input);
        FUZZ_CHECK(local_date(input, *deadline + 1) > d, input);
    }
}

// A local date and time: that is what the result reads as here. Where the clock never changes it
// is one known instant, accepted when RFC 3339 can write it; elsewhere it may also be missing
// (skipped by a clock change).
void check_local_time(std::string_view input, bool fixed, Timestamp now, Date d, Clock c,
                      std::optional<Timestamp> deadline, std::optional<Timestamp> since) {
    FUZZ_CHECK(deadline.has_value() == since.has_value(), input);
    if (fixed) {
        const Timestamp expected = utc_seconds(d, c) - local(input, now).tm_gmtoff;
        FUZZ_CHECK(deadline.has_value() == in_range(expected), input);
        FUZZ_CHECK(!deadline || *deadline == expected, input);
    }
    if (!deadline)
        return;
    FUZZ_CHECK(*deadline == *since, input);
    const std::tm tm = local(input, *deadline);
    FUZZ_CHECK(tm.tm_year + 1900LL == d.year && tm.tm_mon + 1 == d.month && tm.tm_mday == d.day,
               input);
    FUZZ_CHECK(tm.tm_hour == c.hour && tm.tm_min == c.minute && tm.tm_sec == c.second, input);
}

// What a WHEN says, read independently of src/lib/when.cpp.
struct Form {
    enum Kind { other, day, weekday, duration, clock, date_time } kind = other;
    int shift = 0;     // day: 0 today, 1 tomorrow, -1 yesterday
    int wday = 0;      // weekday: 0 is Sunday
    bool fits = false; // duration: the count is within the limit for its unit
    Timestamp count = 0;
    Timestamp unit = 0;
    Clock time;  // clock
    DateTime dt; // date_time
    // Valid by its fields, so it reads as something in zones without clock changes.
    bool valid = false;
};

Form read_form(std::string_view input) {
    const std::string s = lower(trim(input));
    Form f;
    if (s == "today" || s == "tomorrow" || s == "yesterday") {
        f.kind = Form::day;
        f.shift = s == "today" ? 0 : s == "tomorrow" ? 1 : -1;
        f.valid = true;
        return f;
    }
    if (const auto wday = weekday_named(s)) {
        f.kind = Form::weekday;
        f.wday = *wday;
        f.valid = true;
        return f;
    }

    // A duration: digits and a unit.
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9')
        ++n;
    if (const auto unit = unit_seconds(std::string_view(s).substr(n)); n > 0 && unit) {
        std::string_view count_text = std::string_view(s).substr(0, n);
        while (count_text.size() > 1 && count_text.front() == '0')
            count_text.remove_prefix(1);
        f.kind = Form::duration;
        f.unit = *unit;
        // 13 digits are more than any limit; fewer fit in Timestamp.
        const Timestamp limit = (kMaxTimestamp - kMinTimestamp) / *unit;
        f.fits = count_text.size() < 13 && std::stoll(std::string(count_text)) <= limit;
        f.count = f.fits ? std::stoll(std::string(count_text)) : 0;
        f.valid = f.fits && f.count > 0;
        return f;
    }

    // `17:00` or `9:05`: today.
    Reader in(s);
    const bool two = s.size() > 1 && s[1] >= '0' && s[1] <= '9';
    if (in.number(two ? 2 : 1, f.time.hour) && in.eat(':') && in.number(2, f.time.minute) &&
        in.done()) {
        f.kind = Form::clock;
        f.valid = valid_clock(f.time);
        return f;
    }

    if (const auto dt = read_date_time(s, false)) {
        f.kind = Form::date_time;
        f.dt = *dt;
        f.valid = valid_date(dt->date) && (!dt->clock || valid_clock(*dt->clock)) &&
                  (!dt->offset || valid_offset(*dt->offset));
    }
    return f;
}

void check_when(std::string_view input, const Form& f, Timestamp now, bool fixed) {
    const auto deadline = FUZZ_ACCEPTS(input, ombud::parse_when(input, now, WhenUse::deadline));
    const auto since = FUZZ_ACCEPTS(input, ombud::parse_when(input, now, WhenUse::since));
    for (const auto t : {deadline, since})
        if (t)
            check_round_trip(input, *t);

    if (f.kind == Form::duration) {
        const Timestamp delta = f.count * f.unit;
        FUZZ_CHECK(deadline.has_value() == (f.valid && now <= kMaxTimestamp - delta), input);
        FUZZ_CHECK(since.has_value() == (f.valid && now >= kMinTimestamp + delta), input);
        FUZZ_CHECK(!deadline || *deadline == now + delta, input);
        FUZZ_CHECK(!since || *since == now - delta, input);
        return;
    }
    // None of the documented forms, or one with a month 13, a minute 60 …
    if (!f.valid) {
        FUZZ_CHECK(!deadline && !since, input);
        return;
    }

    const Date today = local_date(input, now);
    const long long today_days = days_from_civil(today);
    switch (f.kind) {
    case Form::day:
        check_whole_day(input, civil_from_days(today_days + f.shift), deadline, since);
        break;
    case Form::weekday: {
        const int ahead = (f.wday - weekday_of(today_days) + 7) % 7;
        check_whole_day(input, civil_from_days(today_days + (ahead == 0 ? 7 : ahead)), deadline,
                        since);
        break;
    }
    case Form::clock:
        check_local_time(input, fixed, now, today, f.time, deadline, since);
        break;
    case Form::date_time:
        if (!f.dt.clock) {
            check_whole_day(input, f.dt.date, deadline, since);
        } else if (f.dt.offset) {
            // One instant, whatever the zone: accepted when RFC 3339 can write it.
            const Timestamp expected = instant(f.dt);
            FUZZ_CHECK(deadline.has_value() == in_range(expected), input);
            FUZZ_CHECK(since.has_value() == in_range(expected), input);
            FUZZ_CHECK(!deadline || (*deadline == expected && *since == expected), input);
        } else {
            check_local_time(input, fixed, now, f.dt.date, *f.dt.clock, deadline, since);
        }
        break;
    default:
        break;
    }
}

// Strict RFC 3339: independent of the time zone.
void check_rfc3339(std::string_view input) {
    const auto t = FUZZ_ACCEPTS(input, ombud::parse_rfc3339(input));
    // What was read formats back to a string that reads as the same instant.
    if (t)
        check_round_trip(input, *t);
    const auto dt = read_date_time(input, true);
    const bool valid = dt && valid_date(dt->date) && valid_clock(*dt->clock) &&
                       valid_offset(*dt->offset) && in_range(instant(*dt));
    FUZZ_CHECK(t.has_value() == valid, input);
    if (!t)
        return;
    FUZZ_CHECK(*t == instant(*dt), input);
    // The canonical form is written back unchanged.
    if (input.size() == 20 && input[10] == 'T' && input[19] == 'Z')
        FUZZ_CHECK(ombud::format_rfc3339(*t) == input, input);
}

// Any instant RFC 3339 can write: the bytes pick one.
void check_format(std::string_view input) {
    if (input.size() < 8)
        return;
    std::uint64_t raw = 0;
    std::memcpy(&raw, input.data(), sizeof raw);
    const auto span = static_cast<std::uint64_t>(kMaxTimestamp - kMinTimestamp + 1);
    const Timestamp t = kMinTimestamp + static_cast<Timestamp>(raw % span);
    const std::string written = ombud::format_rfc3339(t);
    FUZZ_CHECK(written.size() == 20 && written[10] == 'T' && written[19] == 'Z', input);
    check_round_trip(input, t);
    // Never throws nor overflows, even at the extremes of int64.
    if (input.size() >= 16) {
        std::int64_t a = 0;
        std::int64_t b = 0;
        std::memcpy(&a, input.data(), sizeof a);
        std::memcpy(&b, input.data() + 8, sizeof b);
        FUZZ_CHECK(!ombud::format_relative(a, b).empty(), input);
    }
}

void set_zone(const char* tz) {
    setenv("TZ", tz, 1);
    tzset();
}

void set_context(const char* tz, Timestamp now) {
    ombud::fuzz::context() = std::string("TZ=") + tz + " now=" + std::to_string(now) + " (" +
                             ombud::format_rfc3339(now) + ")";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    ombud::fuzz::context().clear();
    check_rfc3339(input);
    check_format(input);
    // Zones and moments matter only to what reads as a time, and rejecting costs an exception
    // (slow under ASan): the rest is tried in one zone at one moment, picked by the input.
    const Form form = read_form(input);
    if (!form.valid) {
        const std::size_t h = std::hash<std::string_view>{}(input);
        const Zone& zone = kZones[h % std::size(kZones)];
        const Timestamp now = kNows[(h / std::size(kZones)) % std::size(kNows)];
        set_zone(zone.tz);
        set_context(zone.tz, now);
        check_when(input, form, now, zone.fixed);
        return 0;
    }
    for (const Zone& zone : kZones) {
        set_zone(zone.tz);
        for (const Timestamp now : kNows) {
            set_context(zone.tz, now);
            check_when(input, form, now, zone.fixed);
        }
    }
    return 0;
}
