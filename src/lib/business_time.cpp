#include <ombud/business_time.hpp>

#include <ombud/error.hpp>
#include <ombud/text.hpp>
#include <ombud/time_zone.hpp>

#include <date/date.h>
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <utility>

namespace ombud {
namespace {

constexpr int kMinutesPerDay = 24 * 60;
constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kWeekSeconds = 7 * kDaySeconds;

// What RFC 3339 with four-digit years can write, like everywhere else in ombud.
constexpr Timestamp kMinTimestamp = -62167219200; // 0000-01-01T00:00:00Z
constexpr Timestamp kMaxTimestamp = 253402300799; // 9999-12-31T23:59:59Z

constexpr std::array<std::string_view, 7> kDayNames = {"mon", "tue", "wed", "thu",
                                                       "fri", "sat", "sun"};
constexpr std::array<std::string_view, 7> kFullDayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

// User text in a one-line message: escaped and cut short.
std::string quoted(std::string_view s) {
    return "\"" + text::truncate_to_width(text::sanitize(s), 64) + "\"";
}

using text::trim;

// The whitespace-separated words of `s`.
std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    constexpr std::string_view space = " \t\n\r\v\f";
    std::size_t pos = 0;
    while ((pos = s.find_first_not_of(space, pos)) != std::string_view::npos) {
        const std::size_t end = std::min(s.find_first_of(space, pos), s.size());
        out.push_back(s.substr(pos, end - pos));
        pos = end;
    }
    return out;
}

// A run of ASCII digits at the start of `s`, at most `max_digits` long; nullopt when there is
// none or it is longer.
std::optional<std::int64_t> leading_number(std::string_view s, std::size_t max_digits,
                                           std::size_t& length) {
    length = 0;
    while (length < s.size() && s[length] >= '0' && s[length] <= '9')
        ++length;
    if (length == 0 || length > max_digits)
        return std::nullopt;
    std::int64_t value = 0;
    std::from_chars(s.data(), s.data() + length, value);
    return value;
}

std::string clock_text(int minutes) {
    return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

// ---- opening hours ----------------------------------------------------------------------------

[[noreturn]] void bad_hours(std::string_view spec, const std::string& why) {
    throw UsageError(fmt::format("invalid opening hours {}: {}", quoted(spec), why),
                     "write them like \"mon-fri 09:00-12:30 13:30-17:00, sat 10:00-14:00\"");
}

std::optional<int> day_index(std::string_view word) {
    for (std::size_t i = 0; i < kDayNames.size(); ++i)
        if (word == kDayNames[i] || word == kFullDayNames[i])
            return static_cast<int>(i);
    return std::nullopt;
}

// `mon`, `mon-fri`, `sun-thu` or `daily`: the days (Monday first) it names.
std::array<bool, 7> read_days(std::string_view spec, std::string_view word) {
    std::array<bool, 7> days{};
    if (word == "daily") {
        days.fill(true);
        return days;
    }
    const auto dash = word.find('-');
    const auto first = day_index(word.substr(0, dash));
    const auto last = dash == std::string_view::npos ? first : day_index(word.substr(dash + 1));
    if (!first || !last)
        bad_hours(spec, fmt::format("{} is not a day: use mon, tue, wed, thu, fri, sat, sun, a "
                                    "range like mon-fri, or daily",
                                    quoted(word)));
    for (int d = *first;; d = (d + 1) % 7) {
        days[static_cast<std::size_t>(d)] = true;
        if (d == *last)
            break;
    }
    return days;
}

struct ClockParts {
    std::int64_t hour;
    std::int64_t minute;
};

// `9:00` or `09:00`, by shape only: the values are checked where the message can name them.
std::optional<ClockParts> read_clock(std::string_view s) {
    std::size_t n = 0;
    const auto hour = leading_number(s, 2, n);
    if (!hour || n + 3 != s.size() || s[n] != ':')
        return std::nullopt;
    std::size_t m = 0;
    const auto minute = leading_number(s.substr(n + 1), 2, m);
    if (!minute || m != 2)
        return std::nullopt;
    return ClockParts{*hour, *minute};
}

OpenInterval read_interval(std::string_view spec, std::string_view word) {
    const auto dash = word.find('-');
    const std::string_view open_text = word.substr(0, dash);
    const std::string_view close_text =
        dash == std::string_view::npos ? std::string_view() : word.substr(dash + 1);
    const auto open_clock = read_clock(open_text);
    const auto close_clock = read_clock(close_text);
    if (dash == std::string_view::npos || !open_clock || !close_clock)
        bad_hours(spec, fmt::format("{} is not a range of times like 09:00-17:00", quoted(word)));
    const auto minutes = [&](ClockParts c, std::string_view text) {
        if (c.hour > 24 || c.minute > 59 || (c.hour == 24 && c.minute > 0))
            bad_hours(spec, fmt::format("{} is not a time of day (00:00 to 24:00)", quoted(text)));
        return static_cast<int>(c.hour * 60 + c.minute);
    };
    const int open = minutes(*open_clock, open_text);
    const int close = minutes(*close_clock, close_text);
    if (open == kMinutesPerDay)
        bad_hours(spec, fmt::format("{}: 24:00 can only end a range", quoted(word)));
    if (close == open)
        bad_hours(spec, fmt::format("{} is empty", quoted(word)));
    if (close < open)
        bad_hours(spec, fmt::format("{} ends before it starts; split a night at midnight, like "
                                    "mon 22:00-24:00, tue 00:00-02:00",
                                    quoted(word)));
    return {open, close};
}

std::string intervals_text(const std::vector<OpenInterval>& intervals) {
    std::string out;
    for (const OpenInterval& i : intervals)
        out += fmt::format("{}{}-{}", out.empty() ? "" : " ", clock_text(i.open),
                           i.close == kMinutesPerDay ? "24:00" : clock_text(i.close));
    return out;
}

// ---- time zones -------------------------------------------------------------------------------

// Zone names compared the way people type them: any case, spaces for underscores.
std::string zone_key(std::string_view name) {
    std::string key = text::ascii_lower(name);
    std::replace(key.begin(), key.end(), ' ', '_');
    return key;
}

// All the names of the database, read once: only a name not found as typed needs them.
const std::vector<std::string>& zone_names() {
    static const std::vector<std::string> names = tz::zone_names();
    if (names.empty())
        throw Error(ExitCode::failed,
                    fmt::format("cannot read the time-zone database in {}", tz::database_folder()),
                    "install it (Debian: apt-get install tzdata)");
    return names;
}

const tz::Zone* find_zone(std::string_view name) {
    if (const tz::Zone* zone = tz::find_zone(name))
        return zone;
    const std::string key = zone_key(name);
    for (const std::string& candidate : zone_names())
        if (zone_key(candidate) == key)
            return tz::find_zone(candidate);
    return nullptr;
}

// The zone a typo most likely meant; a bare city (`Amsterdam`) is compared with the last part.
std::string closest_zone(std::string_view name) {
    const std::string key = zone_key(name);
    const bool bare = key.find('/') == std::string::npos;
    std::size_t best_distance = std::max<std::size_t>(2, key.size() / 4) + 1;
    std::string best;
    for (const std::string& zone : zone_names()) {
        const std::string candidate = zone_key(zone);
        std::string_view compared = candidate;
        if (bare)
            compared.remove_prefix(compared.rfind('/') + 1); // npos + 1 == 0
        const std::size_t d = text::edit_distance(key, compared);
        if (d < best_distance) {
            best_distance = d;
            best = zone;
        }
    }
    return best;
}

const tz::Zone& zone_or_fail(std::string_view name) {
    if (const tz::Zone* zone = find_zone(trim(name)))
        return *zone;
    const std::string best = closest_zone(trim(name));
    throw UsageError(fmt::format("unknown time zone {}", quoted(name)),
                     best.empty()
                         ? "use an IANA name like Europe/Amsterdam (see /usr/share/zoneinfo)"
                         : fmt::format("did you mean {}?", best));
}

// ---- arithmetic -------------------------------------------------------------------------------

using Days = date::local_days;

struct Span {
    Timestamp from;
    Timestamp to;
};

// What a walk over open time found: `counted` seconds, up to `end`.
struct Walk {
    std::int64_t counted;
    Timestamp end;
};

enum class Pick { earliest, latest };

void check_range(Timestamp t) {
    if (t < kMinTimestamp || t > kMaxTimestamp)
        throw UsageError(fmt::format("the time {} lies outside the years 0000 to 9999 (UTC)", t));
}

[[noreturn]] void beyond_range() {
    throw UsageError("the deadline would lie beyond the year 9999",
                     "check the opening hours, the holidays and the duration");
}

// The calendar made ready for arithmetic: zone looked up, holidays and pauses sorted.
class Walker {
  public:
    Walker(const BusinessCalendar& calendar, std::span<const Pause> pauses)
        : hours_(calendar.hours),
          zone_(zone_or_fail(calendar.time_zone.empty() ? system_time_zone() : calendar.time_zone)),
          weekly_(calendar.hours.weekly_seconds()) {
        for (const LocalDate& d : calendar.holidays)
            if (d.ok())
                holidays_.push_back(std::chrono::sys_days(d).time_since_epoch().count());
        // Clamped to the range, sorted and joined where they overlap or touch.
        for (const Pause& p : pauses) {
            const Timestamp from = std::max(p.from, kMinTimestamp);
            const Timestamp to = std::min(p.to, kMaxTimestamp + 1);
            if (from < to)
                pauses_.push_back({from, to});
        }
        std::sort(pauses_.begin(), pauses_.end(),
                  [](const Span& a, const Span& b) { return a.from < b.from; });
        std::vector<Span> joined;
        for (const Span& p : pauses_) {
            if (!joined.empty() && p.from <= joined.back().to)
                joined.back().to = std::max(joined.back().to, p.to);
            else
                joined.push_back(p);
        }
        pauses_ = std::move(joined);
    }

    Days local_day(Timestamp t) const {
        const Timestamp local = t + zone_.at(t).offset;
        return date::floor<date::days>(date::local_seconds{std::chrono::seconds(local)});
    }

    /// The instant the wall clock reads `minute` on `day`: a time that happens twice is picked by
    /// `pick`, one that does not exist is the moment of the jump over it.
    Timestamp instant(Days day, int minute, Pick pick) const {
        const date::local_seconds local = day + std::chrono::minutes(minute);
        const Timestamp seconds = local.time_since_epoch().count();
        const tz::LocalMeaning m = zone_.at_local(seconds);
        switch (m.kind) {
        case tz::LocalMeaning::Kind::unique:
            return seconds - m.first.offset;
        case tz::LocalMeaning::Kind::nonexistent:
            return m.first.end;
        default:
            return seconds - (pick == Pick::earliest ? m.first : m.second).offset;
        }
    }

    /// The open spans of `day` as instants, in order and disjoint; none on a holiday.
    void spans(Days day, std::vector<Span>& out) const {
        out.clear();
        if (std::binary_search(holidays_.begin(), holidays_.end(), day.time_since_epoch().count()))
            return;
        for (const OpenInterval& i : hours_.on(
                 std::chrono::weekday(static_cast<unsigned>(date::weekday(day).c_encoding())))) {
            const Timestamp from = instant(day, i.open, Pick::earliest);
            const Timestamp to = i.close == kMinutesPerDay
                                     ? instant(day + date::days(1), 0, Pick::earliest)
                                     : instant(day, i.close, Pick::latest);
            // Where the clocks go back, neighbouring ranges can overlap.
            if (!out.empty() && from <= out.back().to)
                out.back().to = std::max(out.back().to, to);
            else if (from < to)
                out.push_back({from, to});
        }
    }

    /// The first day from `day` on with open time.
    Days open_day_from(Days day, std::vector<Span>& out) const {
        const Days last = local_day(kMaxTimestamp);
        for (spans(day, out); out.empty(); spans(day, out)) {
            day += date::days(1);
            if (day > last)
                beyond_range();
        }
        return day;
    }

    /// Open time from `from` until `to`, skipping pauses when `paused`, stopping as soon as
    /// `budget` seconds are found (`end` is then where they are).
    Walk walk(Timestamp from, Timestamp to, std::int64_t budget, bool paused) const {
        if (budget <= 0 || from >= to)
            return {0, from};
        const std::span<const Span> pauses =
            paused ? std::span<const Span>(pauses_) : std::span<const Span>();
        auto pause = pauses.begin();
        std::int64_t counted = 0;
        std::vector<Span> open;
        const Days first = local_day(from);
        const Days last = local_day(to - 1);
        for (Days day = first; day <= last;) {
            if (day > first) {
                const Timestamp start = instant(day, 0, Pick::earliest);
                while (pause != pauses.end() && pause->to <= start)
                    ++pause;
                // Days inside a pause count nothing: on to the day it ends.
                if (pause != pauses.end() && pause->from <= start) {
                    if (const Days resume = local_day(std::min(pause->to, to - 1)); resume > day) {
                        day = resume;
                        continue;
                    }
                }
                if (const std::int64_t weeks =
                        whole_weeks(day, start, to, budget - counted,
                                    pause == pauses.end() ? nullptr : &*pause);
                    weeks > 0) {
                    counted += weeks * weekly_;
                    day += date::days(7 * weeks);
                    continue;
                }
            }
            spans(day, open);
            for (const Span& span : open) {
                Timestamp s = std::max(span.from, from);
                const Timestamp e = std::min(span.to, to);
                while (s < e) {
                    while (pause != pauses.end() && pause->to <= s)
                        ++pause;
                    if (pause != pauses.end() && pause->from <= s) {
                        s = pause->to;
                        continue;
                    }
                    const Timestamp stop = pause != pauses.end() ? std::min(e, pause->from) : e;
                    if (stop - s >= budget - counted)
                        return {budget, s + (budget - counted)};
                    counted += stop - s;
                    s = stop;
                }
            }
            day += date::days(1);
        }
        return {counted, to};
    }

    /// How many whole weeks from the start of `day` can be counted at once, at weekly_seconds()
    /// each: as long as the UTC offset stays the same and no holiday, no pause and neither `to`
    /// nor the end of the budget falls in them.
    std::int64_t whole_weeks(Days day, Timestamp start, Timestamp to, std::int64_t budget,
                             const Span* next_pause) const {
        Timestamp limit = std::min(to, zone_.at(start).end);
        if (next_pause)
            limit = std::min(limit, next_pause->from);
        if (limit <= start)
            return 0;
        std::int64_t weeks = (limit - start) / kWeekSeconds;
        const auto holiday =
            std::lower_bound(holidays_.begin(), holidays_.end(), day.time_since_epoch().count());
        if (holiday != holidays_.end())
            weeks = std::min<std::int64_t>(weeks, (*holiday - day.time_since_epoch().count()) / 7);
        if (weekly_ > 0)
            weeks = std::min(weeks, (budget - 1) / weekly_);
        return weeks;
    }

    /// `days` business days after `start` (see BusinessDuration), pauses not counted.
    Timestamp add_days(Timestamp start, std::int64_t days) const {
        std::vector<Span> open;
        Days day = local_day(start);
        spans(day, open);
        std::int64_t length = 0;
        std::int64_t position = 0;
        for (const Span& s : open) {
            length += s.to - s.from;
            position += std::clamp(start, s.from, s.to) - s.from;
        }
        if (position >= length) { // closed, or after the day's last closing
            day = open_day_from(day + date::days(1), open);
            position = 0;
        }
        // From a day's start, n days later is the end of the (n-1)-th open day after it.
        for (std::int64_t step = position == 0 ? days - 1 : days; step > 0; --step)
            day = open_day_from(day + date::days(1), open);
        spans(day, open);
        if (position == 0)
            return open.back().to;
        for (const Span& s : open) {
            if (position <= s.to - s.from)
                return s.from + position;
            position -= s.to - s.from;
        }
        return open.back().to; // a shorter day: its closing
    }

    bool has_pauses() const { return !pauses_.empty(); }
    bool paused_forever() const { return !pauses_.empty() && pauses_.back().to > kMaxTimestamp; }

  private:
    const OpeningHours& hours_;
    const tz::Zone& zone_;
    std::int64_t weekly_;
    std::vector<std::int64_t> holidays_; // days since 1970-01-01, sorted (from a std::set)
    std::vector<Span> pauses_;
};

} // namespace

// ---- local dates ------------------------------------------------------------------------------

LocalDate parse_local_date(std::string_view text) {
    const std::string_view s = trim(text);
    std::size_t n = 0;
    const auto year = leading_number(s, 4, n);
    std::optional<std::int64_t> month;
    std::optional<std::int64_t> day;
    if (year && n == 4 && s.size() == 10 && s[4] == '-' && s[7] == '-') {
        month = leading_number(s.substr(5), 2, n);
        month = n == 2 ? month : std::nullopt;
        day = leading_number(s.substr(8), 2, n);
        day = n == 2 ? day : std::nullopt;
    }
    if (!month || !day)
        throw UsageError(
            fmt::format("invalid date {}: use YYYY-MM-DD, like 2026-12-25", quoted(text)));
    const LocalDate date{std::chrono::year(static_cast<int>(*year)),
                         std::chrono::month(static_cast<unsigned>(*month)),
                         std::chrono::day(static_cast<unsigned>(*day))};
    if (!date.ok())
        throw UsageError(fmt::format("invalid date {}: there is no such day", quoted(text)));
    return date;
}

std::string format_local_date(LocalDate date) {
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(date.year()),
                       static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
}

// ---- opening hours ----------------------------------------------------------------------------

OpeningHours OpeningHours::standard() {
    OpeningHours h;
    for (std::size_t d = 0; d < 5; ++d)
        h.days_[d] = {{9 * 60, 17 * 60}};
    return h;
}

OpeningHours OpeningHours::parse(std::string_view spec) {
    const std::string lower = text::ascii_lower(spec);
    if (trim(lower).empty())
        bad_hours(spec, "there are none");
    OpeningHours h;
    std::string_view rest = lower;
    while (true) {
        const auto comma = rest.find(',');
        const std::vector<std::string_view> group = words(rest.substr(0, comma));
        if (group.empty())
            bad_hours(spec, "a comma with nothing before or after it");
        if (read_clock(group[0].substr(0, group[0].find('-'))))
            bad_hours(spec, fmt::format("{} has no days before it, like mon-fri 09:00-17:00",
                                        quoted(group[0])));
        const std::array<bool, 7> days = read_days(spec, group[0]);
        if (group.size() == 1)
            bad_hours(spec, fmt::format("{} has no times after it, like {} 09:00-17:00",
                                        quoted(group[0]), group[0]));
        for (std::size_t w = 1; w < group.size(); ++w) {
            const OpenInterval interval = read_interval(spec, group[w]);
            for (std::size_t d = 0; d < 7; ++d)
                if (days[d])
                    h.days_[d].push_back(interval);
        }
        if (comma == std::string_view::npos)
            break;
        rest.remove_prefix(comma + 1);
    }
    for (std::size_t d = 0; d < 7; ++d) {
        std::vector<OpenInterval>& intervals = h.days_[d];
        std::sort(intervals.begin(), intervals.end(),
                  [](const OpenInterval& a, const OpenInterval& b) { return a.open < b.open; });
        std::vector<OpenInterval> joined;
        for (const OpenInterval& i : intervals) {
            if (!joined.empty() && i.open < joined.back().close)
                bad_hours(spec, fmt::format("on {}, {} and {} overlap", kDayNames[d],
                                            intervals_text({joined.back()}), intervals_text({i})));
            if (!joined.empty() && i.open == joined.back().close)
                joined.back().close = i.close;
            else
                joined.push_back(i);
        }
        intervals = std::move(joined);
    }
    return h;
}

std::string OpeningHours::format() const {
    if (std::all_of(days_.begin(), days_.end(), [&](const auto& d) { return d == days_[0]; }))
        return days_[0].empty() ? std::string() : "daily " + intervals_text(days_[0]);
    // Start at Monday, unless Monday continues Sunday's run: then after that run.
    std::size_t first = 0;
    while (days_[first] == days_[(first + 6) % 7])
        ++first;
    std::string out;
    for (std::size_t i = 0; i < 7;) {
        const std::size_t start = (first + i) % 7;
        std::size_t length = 1;
        while (i + length < 7 && days_[(start + length) % 7] == days_[start])
            ++length;
        if (!days_[start].empty()) {
            const std::size_t end = (start + length - 1) % 7;
            out += fmt::format("{}{}{}{} {}", out.empty() ? "" : ", ", kDayNames[start],
                               length > 1 ? "-" : "", length > 1 ? kDayNames[end] : "",
                               intervals_text(days_[start]));
        }
        i += length;
    }
    return out;
}

const std::vector<OpenInterval>& OpeningHours::on(std::chrono::weekday day) const {
    return days_[(day.iso_encoding() - 1) % 7];
}

int OpeningHours::open_weekdays() const {
    return static_cast<int>(
        std::count_if(days_.begin(), days_.end(), [](const auto& d) { return !d.empty(); }));
}

std::int64_t OpeningHours::weekly_seconds() const {
    std::int64_t total = 0;
    for (const auto& day : days_)
        for (const OpenInterval& i : day)
            total += (i.close - i.open) * std::int64_t{60};
    return total;
}

// ---- time zones -------------------------------------------------------------------------------

std::string check_time_zone(std::string_view name) {
    if (trim(name).empty())
        throw UsageError("the time zone is empty",
                         "use an IANA name like Europe/Amsterdam (see /usr/share/zoneinfo)");
    return zone_or_fail(name).name();
}

std::string system_time_zone() {
    if (const char* env = std::getenv("TZ")) {
        std::string_view name = env;
        if (name.starts_with(':'))
            name.remove_prefix(1);
        // A path into the database (as the C library also reads TZ) names the zone after it.
        const std::string folder = tz::database_folder() + "/";
        if (name.starts_with(folder))
            name.remove_prefix(folder.size());
        if (const tz::Zone* zone = tz::find_zone(name); zone && !name.empty())
            return zone->name();
        return "UTC";
    }
    if (const auto name = tz::configured_zone_name(); name && tz::find_zone(*name))
        return *name;
    return "UTC";
}

// ---- durations --------------------------------------------------------------------------------

BusinessDuration parse_business_duration(std::string_view text) {
    const std::string s = text::ascii_lower(trim(text));
    const auto fail = [&](std::string_view why) {
        throw UsageError(fmt::format("invalid duration {}: {}", quoted(text), why));
    };
    constexpr std::string_view forms = "use a number and a unit, like 30m, 4h, 1h30m, 2d or 1w";
    if (s.empty())
        fail(forms);
    BusinessDuration d;
    // Units largest first: w, d, h, m, s.
    constexpr std::array<std::pair<std::string_view, std::int64_t>, 6> units = {
        {{"w", 0}, {"d", 0}, {"h", 3600}, {"min", 60}, {"m", 60}, {"s", 1}}};
    std::size_t next_unit = 0;
    std::int64_t calendar_seconds = 0; // weeks and days as calendar time, for the limit
    std::size_t pos = 0;
    while (pos < s.size()) {
        if (s[pos] == ' ' || s[pos] == '\t') {
            ++pos;
            continue;
        }
        std::size_t n = 0;
        const auto count = leading_number(std::string_view(s).substr(pos), 9, n);
        if (!count)
            fail(n > 9 ? "it is too large: at most 3650d (ten years)" : forms);
        pos += n;
        std::size_t u = 0;
        while (u < units.size() &&
               std::string_view(s).substr(pos, units[u].first.size()) != units[u].first)
            ++u;
        if (u == units.size())
            fail(forms);
        // `min` and `m` are one unit.
        const std::size_t rank = u >= 4 ? u - 1 : u;
        if (rank < next_unit)
            fail("give each unit once, largest first, like 1w2d3h30m");
        next_unit = rank + 1;
        pos += units[u].first.size();
        if (u == 0) {
            d.weeks = *count;
            calendar_seconds += *count * kWeekSeconds;
        } else if (u == 1) {
            d.days = *count;
            calendar_seconds += *count * kDaySeconds;
        } else {
            d.seconds += *count * units[u].second;
            calendar_seconds += *count * units[u].second;
        }
    }
    if (calendar_seconds > kMaxBusinessDurationSeconds)
        fail("it is too large: at most 3650d (ten years)");
    return d;
}

std::string format_business_duration(const BusinessDuration& d) {
    std::string out;
    const auto part = [&](std::int64_t n, char unit) {
        if (n != 0)
            out += fmt::format("{}{}", n, unit);
    };
    part(d.weeks, 'w');
    part(d.days, 'd');
    part(d.seconds / 3600, 'h');
    part(d.seconds % 3600 / 60, 'm');
    part(d.seconds % 60, 's');
    return out.empty() ? "0m" : out;
}

// ---- arithmetic -------------------------------------------------------------------------------

Timestamp add_business_time(const BusinessCalendar& calendar, Timestamp start,
                            const BusinessDuration& duration, std::span<const Pause> pauses) {
    check_range(start);
    if (duration.weeks < 0 || duration.days < 0 || duration.seconds < 0)
        throw UsageError(
            fmt::format("a duration cannot be negative ({})", format_business_duration(duration)));
    if (duration == BusinessDuration{})
        return start;
    if (calendar.hours.open_weekdays() == 0)
        throw UsageError("the opening hours are never open, so no deadline can be counted",
                         "set opening hours like \"mon-fri 09:00-17:00\"");
    const Walker walker(calendar, pauses);

    Timestamp from = start;
    std::int64_t left = duration.seconds;
    if (const std::int64_t days = duration.weeks * calendar.hours.open_weekdays() + duration.days;
        days > 0) {
        from = walker.add_days(start, days);
        if (from > kMaxTimestamp)
            beyond_range();
        // Open time paused before that point is made up after it.
        if (walker.has_pauses())
            left +=
                walker.walk(start, from, std::numeric_limits<std::int64_t>::max(), false).counted -
                walker.walk(start, from, std::numeric_limits<std::int64_t>::max(), true).counted;
    }
    const Walk walk = walker.walk(from, kMaxTimestamp + 1, left, true);
    if (walk.counted < left || walk.end > kMaxTimestamp) {
        if (walker.paused_forever())
            throw UsageError("the clock is paused with no end, so there is no deadline",
                             "pass a pause that has not ended yet as ending now");
        beyond_range();
    }
    return walk.end;
}

std::int64_t business_seconds_between(const BusinessCalendar& calendar, Timestamp from,
                                      Timestamp to, std::span<const Pause> pauses) {
    check_range(from);
    check_range(to);
    if (to < from)
        return -business_seconds_between(calendar, to, from, pauses);
    if (from == to)
        return 0;
    const Walker walker(calendar, pauses);
    return walker.walk(from, to, std::numeric_limits<std::int64_t>::max(), true).counted;
}

} // namespace ombud
