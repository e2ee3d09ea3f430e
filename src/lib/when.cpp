#include <ombud/text.hpp>
#include <ombud/when.hpp>

#include <ombud/error.hpp>

#include <array>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <optional>
#include <string>

namespace ombud {

namespace {

constexpr Timestamp kMinute = 60;
constexpr Timestamp kHour = 3600;
constexpr Timestamp kDay = 86400;
constexpr Timestamp kWeek = 7 * kDay;
constexpr Timestamp kYear = 365 * kDay;

// No result may leave four-digit years (in UTC), so every result can be written as RFC 3339.
constexpr Timestamp kMinTimestamp = -62167219200; // 0000-01-01T00:00:00Z
constexpr Timestamp kMaxTimestamp = 253402300799; // 9999-12-31T23:59:59Z

constexpr std::string_view kForms = "use 2026-11-25, 2026-11-25T17:00, 17:00, tomorrow, a weekday, "
                                    "or a duration like 4h, 3d, 2w";

constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Indexed like tm_wday.
constexpr std::array<std::string_view, 7> kWeekdays = {"sunday",   "monday", "tuesday", "wednesday",
                                                       "thursday", "friday", "saturday"};

struct Date {
    int year;
    int month;
    int day;
};

struct Clock {
    int hour;
    int minute;
    int second;
};

struct Offset {
    int sign;
    int hours;
    int minutes;
};

struct DateTime {
    Date date;
    std::optional<Clock> clock;
    std::optional<Offset> offset; // present for `Z` and `±HH:MM`
};

// Messages must stay on one line whatever the user typed.
std::string quoted(std::string_view text) {
    constexpr std::size_t max_len = 64;
    std::string out = "\"";
    for (char c : text.substr(0, max_len)) {
        const auto b = static_cast<unsigned char>(c);
        out += (b < 0x20 || b == 0x7F) ? '?' : c;
    }
    if (text.size() > max_len)
        out += "...";
    out += '"';
    return out;
}

[[noreturn]] void fail(std::string_view what, std::string_view text, std::string_view why) {
    throw UsageError(std::string(what) + " " + quoted(text) + ": " + std::string(why));
}

std::string two_digits(int n) {
    return n < 10 ? "0" + std::to_string(n) : std::to_string(n);
}

class Scanner {
  public:
    explicit Scanner(std::string_view s) : s_(s) {}

    bool done() const { return pos_ == s_.size(); }

    bool eat(char c) {
        if (pos_ < s_.size() && s_[pos_] == c) {
            ++pos_;
            return true;
        }
        return false;
    }

    // Between min_n and max_n decimal digits, as many as are there.
    bool digits(std::size_t min_n, std::size_t max_n, int& out) {
        std::size_t n = 0;
        int value = 0;
        while (n < max_n && pos_ + n < s_.size() && s_[pos_ + n] >= '0' && s_[pos_ + n] <= '9') {
            value = value * 10 + (s_[pos_ + n] - '0');
            ++n;
        }
        if (n < min_n)
            return false;
        pos_ += n;
        out = value;
        return true;
    }

    bool digits(std::size_t n, int& out) { return digits(n, n, out); }

  private:
    std::string_view s_;
    std::size_t pos_ = 0;
};

// The shape only; ranges are checked separately so the message can say what is wrong.
// `rfc3339` demands the full form format_rfc3339 writes (offsets allowed).
std::optional<DateTime> scan_date_time(std::string_view s, bool rfc3339) {
    Scanner in(s);
    DateTime dt{};
    if (!in.digits(4, dt.date.year) || !in.eat('-') || !in.digits(2, dt.date.month) ||
        !in.eat('-') || !in.digits(2, dt.date.day))
        return std::nullopt;
    if (in.done())
        return rfc3339 ? std::nullopt : std::optional(dt);

    if (!in.eat('T') && !in.eat('t') && (rfc3339 || !in.eat(' ')))
        return std::nullopt;
    Clock clock{};
    if (!in.digits(2, clock.hour) || !in.eat(':') || !in.digits(2, clock.minute))
        return std::nullopt;
    if (in.eat(':')) {
        if (!in.digits(2, clock.second))
            return std::nullopt;
    } else if (rfc3339) {
        return std::nullopt;
    }
    dt.clock = clock;

    if (in.eat('Z') || in.eat('z')) {
        dt.offset = Offset{1, 0, 0};
    } else if (const int sign = in.eat('+') ? 1 : in.eat('-') ? -1 : 0; sign != 0) {
        Offset offset{sign, 0, 0};
        if (!in.digits(2, offset.hours) || !in.eat(':') || !in.digits(2, offset.minutes))
            return std::nullopt;
        dt.offset = offset;
    } else if (rfc3339) {
        return std::nullopt;
    }
    if (!in.done())
        return std::nullopt;
    return dt;
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

void check_date(std::string_view text, Date d) {
    if (d.month < 1 || d.month > 12)
        fail("invalid date", text, "there is no month " + std::to_string(d.month));
    const int days = days_in_month(d.year, d.month);
    if (d.day < 1 || d.day > days)
        fail("invalid date", text,
             std::string(kMonthNames[static_cast<std::size_t>(d.month - 1)]) + " " +
                 std::to_string(d.year) + " has " + std::to_string(days) + " days");
}

void check_clock(std::string_view text, Clock c) {
    if (c.hour > 23)
        fail("invalid time", text, "hours run from 00 to 23");
    if (c.minute > 59)
        fail("invalid time", text, "minutes run from 00 to 59");
    if (c.second > 59)
        fail("invalid time", text, "seconds run from 00 to 59");
}

void check_offset(std::string_view text, Offset o) {
    if (o.hours > 23 || o.minutes > 59)
        fail("invalid time", text, "a UTC offset must lie within -23:59 and +23:59");
}

std::tm to_tm(Date d, Clock c) {
    std::tm tm{};
    tm.tm_year = d.year - 1900;
    tm.tm_mon = d.month - 1;
    tm.tm_mday = d.day;
    tm.tm_hour = c.hour;
    tm.tm_min = c.minute;
    tm.tm_sec = c.second;
    tm.tm_isdst = -1;
    return tm;
}

std::tm local_tm(Timestamp t) {
    const std::time_t tt = t;
    std::tm tm{};
    if (localtime_r(&tt, &tm) == nullptr)
        throw Error(ExitCode::failed, "time " + std::to_string(t) + " is out of range");
    return tm;
}

std::tm utc_tm(Timestamp t) {
    const std::time_t tt = t;
    std::tm tm{};
    if (gmtime_r(&tt, &tm) == nullptr)
        throw Error(ExitCode::failed, "time " + std::to_string(t) + " is out of range");
    return tm;
}

Date date_of(const std::tm& tm) {
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

long long date_key(Date d) {
    return d.year * 10000LL + d.month * 100 + d.day;
}

Date add_days(Date d, int days) {
    std::tm tm = to_tm(d, {12, 0, 0});
    tm.tm_mday += days;
    return date_of(utc_tm(timegm(&tm)));
}

Timestamp utc_seconds(Date d, Clock c) {
    std::tm tm = to_tm(d, c);
    return timegm(&tm);
}

// mktime quietly moves a time that falls in a clock change, so accept only what reads back as
// asked.
std::optional<Timestamp> from_local(Date d, Clock c) {
    std::tm tm = to_tm(d, c);
    const Timestamp t = std::mktime(&tm);
    const std::time_t tt = t;
    std::tm back{};
    if (localtime_r(&tt, &back) == nullptr)
        return std::nullopt;
    if (back.tm_year != d.year - 1900 || back.tm_mon != d.month - 1 || back.tm_mday != d.day ||
        back.tm_hour != c.hour || back.tm_min != c.minute || back.tm_sec != c.second)
        return std::nullopt;
    return t;
}

// The first second whose local date is `d` (the next day's first second when the zone skipped
// `d`), found by search on the local date rather than by mktime: when midnight is repeated, mktime
// picks a copy by the offset of its previous call, and when midnight is skipped it has none.
Timestamp day_start(Date d) {
    // UTC offsets stay within ±15 h, so the local date is before `d` at `lo` and not at `hi`.
    const Timestamp midnight_utc = utc_seconds(d, {0, 0, 0});
    Timestamp lo = midnight_utc - 30 * kHour;
    Timestamp hi = midnight_utc + 30 * kHour;
    const long long key = date_key(d);
    while (hi - lo > 1) {
        const Timestamp mid = lo + (hi - lo) / 2;
        if (date_key(date_of(local_tm(mid))) < key)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}

// The second before the next day starts, so a repeated 23:59:59 ends the day at its second copy.
Timestamp day_end(Date d) {
    return day_start(add_days(d, 1)) - 1;
}

Timestamp whole_day(Date d, WhenUse use) {
    return use == WhenUse::deadline ? day_end(d) : day_start(d);
}

Timestamp local_time_or_fail(std::string_view text, Date d, Clock c) {
    if (const auto t = from_local(d, c))
        return *t;
    fail("invalid time", text,
         two_digits(c.hour) + ":" + two_digits(c.minute) + " on " + std::to_string(d.year) + "-" +
             two_digits(d.month) + "-" + two_digits(d.day) +
             " does not exist here (the clock skips it)");
}

std::optional<Timestamp> unit_seconds(std::string_view unit) {
    if (unit == "m" || unit == "min")
        return kMinute;
    if (unit == "h")
        return kHour;
    if (unit == "d")
        return kDay;
    if (unit == "w")
        return kWeek;
    return std::nullopt;
}

std::optional<Timestamp> parse_duration(std::string_view text, std::string_view s, Timestamp now,
                                        WhenUse use) {
    std::size_t n = 0;
    while (n < s.size() && s[n] >= '0' && s[n] <= '9')
        ++n;
    const auto unit = unit_seconds(s.substr(n));
    if (n == 0 || !unit)
        return std::nullopt;

    Timestamp count = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + n, count);
    if (ec == std::errc::result_out_of_range || count > (kMaxTimestamp - kMinTimestamp) / *unit)
        fail("invalid time", text, "the duration is too large");
    if (count == 0)
        fail("invalid time", text, "a duration must be at least 1");

    const Timestamp delta = count * *unit;
    if (use != WhenUse::since) {
        if (now > kMaxTimestamp - delta)
            fail("invalid time", text, "the duration is too large");
        return now + delta;
    }
    if (now < kMinTimestamp + delta)
        fail("invalid time", text, "the duration is too large");
    return now - delta;
}

// `17:00` or `9:05`.
std::optional<Clock> scan_clock(std::string_view s) {
    Scanner in(s);
    Clock c{};
    if (!in.digits(1, 2, c.hour) || !in.eat(':') || !in.digits(2, c.minute) || !in.done())
        return std::nullopt;
    return c;
}

std::optional<int> weekday(std::string_view s) {
    for (std::size_t i = 0; i < kWeekdays.size(); ++i)
        if (s == kWeekdays[i] || s == kWeekdays[i].substr(0, 3))
            return static_cast<int>(i);
    return std::nullopt;
}

Timestamp with_offset(Date d, Clock c, Offset o) {
    return utc_seconds(d, c) - o.sign * (o.hours * kHour + o.minutes * kMinute);
}

// An instant beyond four-digit years would be written in a form parse_rfc3339 rejects.
Timestamp in_range_or_fail(std::string_view what, std::string_view text, Timestamp t) {
    if (t < kMinTimestamp || t > kMaxTimestamp)
        fail(what, text, "it lies outside the years 0000 to 9999 in UTC");
    return t;
}

std::string format_count(std::uint64_t n, char unit) {
    return std::to_string(n) + unit;
}

// parse_when without the final range check; `trimmed` has no surrounding whitespace.
Timestamp read_when(std::string_view trimmed, Timestamp now, WhenUse use) {
    const std::string s = text::ascii_lower(trimmed);

    if (s == "today" || s == "tomorrow" || s == "yesterday") {
        const int shift = s == "today" ? 0 : s == "tomorrow" ? 1 : -1;
        return whole_day(add_days(date_of(local_tm(now)), shift), use);
    }
    if (const auto wday = weekday(s)) {
        const std::tm today = local_tm(now);
        const int ahead = (*wday - today.tm_wday + 7) % 7;
        return whole_day(add_days(date_of(today), ahead == 0 ? 7 : ahead), use);
    }
    if (const auto t = parse_duration(trimmed, s, now, use))
        return *t;
    if (const auto clock = scan_clock(s)) {
        check_clock(trimmed, *clock);
        return local_time_or_fail(trimmed, date_of(local_tm(now)), *clock);
    }
    if (const auto dt = scan_date_time(s, false)) {
        check_date(trimmed, dt->date);
        if (!dt->clock)
            return whole_day(dt->date, use);
        check_clock(trimmed, *dt->clock);
        if (dt->offset) {
            check_offset(trimmed, *dt->offset);
            return with_offset(dt->date, *dt->clock, *dt->offset);
        }
        return local_time_or_fail(trimmed, dt->date, *dt->clock);
    }
    fail("invalid time", trimmed, kForms);
}

} // namespace

Timestamp now() {
    using namespace std::chrono;
    return floor<seconds>(system_clock::now()).time_since_epoch().count();
}

Timestamp parse_when(std::string_view text, Timestamp now, WhenUse use) {
    const std::string_view trimmed = text::trim(text);
    // A date or local time near year 0000 or 9999 can cross it once read in UTC.
    return in_range_or_fail("invalid time", trimmed, read_when(trimmed, now, use));
}

void append_rfc3339(std::string& out, Timestamp t) {
    // The years 0000 to 9999 by arithmetic on the proleptic Gregorian calendar, in eras of 400
    // years (146,097 days); anything else through gmtime, which also says when it cannot.
    constexpr Timestamp day = 86400;
    if (t < kMinTimestamp || t > kMaxTimestamp) {
        const std::tm tm = utc_tm(t);
        char buf[96];
        std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900LL,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        out += buf;
        return;
    }
    // Days since 0000-03-01, so that the leap day ends each year of the count.
    const Timestamp since_march = t - kMinTimestamp - 60 * day; // 0000 was a leap year
    Timestamp days = since_march >= 0 ? since_march / day : (since_march - day + 1) / day;
    const auto seconds = static_cast<int>(since_march - days * day);
    const Timestamp era = days >= 0 ? days / 146097 : (days - 146096) / 146097;
    const auto of_era = static_cast<int>(days - era * 146097);
    const int year_of_era = (of_era - of_era / 1460 + of_era / 36524 - of_era / 146096) / 365;
    const int of_year = of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int month_from_march = (5 * of_year + 2) / 153;
    const int mday = of_year - (153 * month_from_march + 2) / 5 + 1;
    const int month = month_from_march < 10 ? month_from_march + 3 : month_from_march - 9;
    const auto year = static_cast<int>(era * 400 + year_of_era + (month <= 2 ? 1 : 0));
    const int hour = seconds / 3600;
    const int minute = seconds / 60 % 60;
    const int second = seconds % 60;
    char buf[20] = {};
    const auto two = [&buf](int at, int v) {
        buf[at] = static_cast<char>('0' + v / 10);
        buf[at + 1] = static_cast<char>('0' + v % 10);
    };
    two(0, year / 100);
    two(2, year % 100);
    buf[4] = '-';
    two(5, month);
    buf[7] = '-';
    two(8, mday);
    buf[10] = 'T';
    two(11, hour);
    buf[13] = ':';
    two(14, minute);
    buf[16] = ':';
    two(17, second);
    buf[19] = 'Z';
    out.append(buf, sizeof buf);
}

std::string format_rfc3339(Timestamp t) {
    std::string out;
    append_rfc3339(out, t);
    return out;
}

Timestamp parse_rfc3339(std::string_view text) {
    const auto dt = scan_date_time(text, true);
    if (!dt)
        fail("invalid timestamp", text, "expected RFC 3339 like 2026-11-22T14:05:00Z");
    check_date(text, dt->date);
    check_clock(text, *dt->clock);
    check_offset(text, *dt->offset);
    // The offset can move 0000-01-01 or 9999-12-31 across the year boundary.
    return in_range_or_fail("invalid timestamp", text,
                            with_offset(dt->date, *dt->clock, *dt->offset));
}

std::string format_local(Timestamp t) {
    const std::tm tm = local_tm(t);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04lld-%02d-%02d %02d:%02d", tm.tm_year + 1900LL, tm.tm_mon + 1,
                  tm.tm_mday, tm.tm_hour, tm.tm_min);
    return buf;
}

std::string format_relative(Timestamp t, Timestamp now) {
    const bool past = t <= now;
    // Unsigned, so even the extremes of int64 cannot overflow.
    const std::uint64_t d = past ? static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(t)
                                 : static_cast<std::uint64_t>(t) - static_cast<std::uint64_t>(now);
    constexpr auto minute = static_cast<std::uint64_t>(kMinute);
    constexpr auto hour = static_cast<std::uint64_t>(kHour);
    constexpr auto day = static_cast<std::uint64_t>(kDay);
    constexpr auto week = static_cast<std::uint64_t>(kWeek);
    constexpr auto year = static_cast<std::uint64_t>(kYear);
    if (d < minute)
        return "just now";
    std::string amount;
    if (d < hour)
        amount = format_count(d / minute, 'm');
    else if (d < 48 * hour)
        amount = format_count(d / hour, 'h');
    else if (d < 14 * day)
        amount = format_count(d / day, 'd');
    else if (d < year)
        amount = format_count(d / week, 'w');
    else
        amount = format_count(d / year, 'y');
    return past ? amount + " ago" : "in " + amount;
}

} // namespace ombud
