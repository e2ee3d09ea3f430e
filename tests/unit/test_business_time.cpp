#include "scoped_zone.hpp"
#include "seconds.hpp"

#include <ombud/business_time.hpp>
#include <ombud/error.hpp>
#include <ombud/when.hpp>

#include <doctest/doctest.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <ctime>
#include <string>
#include <utility>
#include <vector>

using ombud::BusinessCalendar;
using ombud::BusinessDuration;
using ombud::OpeningHours;
using ombud::Pause;
using ombud::Timestamp;
using ombud::UsageError;
using ombud::test::ScopedZone;

namespace {

using ombud::test::kDay;
using ombud::test::kHour;
using ombud::test::kMinute;

// Moments are written as RFC 3339: starts in local time with their offset (readable), results
// in UTC (exact).
Timestamp at(const char* rfc3339) {
    return ombud::parse_rfc3339(rfc3339);
}

std::string iso(Timestamp t) {
    return ombud::format_rfc3339(t);
}

BusinessCalendar calendar(const char* hours, const char* zone = "Europe/Amsterdam",
                          std::vector<const char*> holidays = {}) {
    BusinessCalendar c;
    c.hours = OpeningHours::parse(hours);
    c.time_zone = zone;
    for (const char* h : holidays)
        c.holidays.insert(ombud::parse_local_date(h));
    return c;
}

const BusinessCalendar kOffice = calendar("mon-fri 09:00-17:00");
const BusinessCalendar kShop = calendar("mon-fri 09:00-17:00, sat 10:00-14:00");
const BusinessCalendar kLunch = calendar("mon-fri 09:00-12:30 13:30-17:00");
// Open across the hours in which Amsterdam's clocks change.
const BusinessCalendar kNight = calendar("daily 01:00-05:00");
const BusinessCalendar kAlways = calendar("daily 00:00-24:00");

std::string deadline(const BusinessCalendar& c, const char* start, const char* duration,
                     const std::vector<Pause>& pauses = {}) {
    return iso(
        ombud::add_business_time(c, at(start), ombud::parse_business_duration(duration), pauses));
}

std::int64_t between(const BusinessCalendar& c, const char* from, const char* to,
                     const std::vector<Pause>& pauses = {}) {
    return ombud::business_seconds_between(c, at(from), at(to), pauses);
}

Pause pause(const char* from, const char* to) {
    return {at(from), at(to)};
}

// The hint of the UsageError `f` throws.
template <typename F> std::string hint_of(F f) {
    try {
        f();
    } catch (const UsageError& e) {
        return e.hint();
    }
    return "(nothing thrown)";
}

// A small deterministic generator, so a failing case can be replayed.
class Random {
  public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::int64_t below(std::int64_t n) {
        state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::int64_t>((state_ >> 33) % static_cast<std::uint64_t>(n));
    }

  private:
    std::uint64_t state_;
};

} // namespace

// ---- local dates ------------------------------------------------------------------------------

TEST_CASE("local dates parse and format as YYYY-MM-DD") {
    using namespace std::chrono;
    CHECK(ombud::parse_local_date("2026-12-25") == year_month_day(year(2026), month(12), day(25)));
    CHECK(ombud::parse_local_date(" 2028-02-29 ") == year_month_day(year(2028), month(2), day(29)));
    CHECK(ombud::format_local_date(year_month_day(year(2026), month(1), day(5))) == "2026-01-05");
    CHECK(ombud::format_local_date(ombud::parse_local_date("0001-12-31")) == "0001-12-31");
    CHECK_THROWS_WITH_AS(ombud::parse_local_date("2026-02-29"),
                         "invalid date \"2026-02-29\": there is no such day", UsageError);
    CHECK_THROWS_WITH_AS(ombud::parse_local_date("2026-13-01"),
                         "invalid date \"2026-13-01\": there is no such day", UsageError);
    for (const char* bad :
         {"2026-1-5", "tomorrow", "", "2026-12-25T10:00", "20261225", "+026-12-25"})
        CHECK_THROWS_WITH_AS(
            ombud::parse_local_date(bad),
            ("invalid date \"" + std::string(bad) + "\": use YYYY-MM-DD, like 2026-12-25").c_str(),
            UsageError);
}

// ---- opening hours ----------------------------------------------------------------------------

TEST_CASE("the default hours are mon-fri 09:00-17:00") {
    const OpeningHours h = OpeningHours::standard();
    CHECK(h.format() == "mon-fri 09:00-17:00");
    CHECK(h == OpeningHours::parse("mon-fri 09:00-17:00"));
    CHECK(h.open_weekdays() == 5);
    CHECK(h.weekly_seconds() == 40 * kHour);
    CHECK(BusinessCalendar{}.hours == h);
    CHECK(BusinessCalendar{}.time_zone.empty());
    CHECK(OpeningHours{}.open_weekdays() == 0);
}

TEST_CASE("opening hours parse and format canonically") {
    const auto canonical = [](const char* spec) { return OpeningHours::parse(spec).format(); };
    CHECK(canonical("mon-fri 09:00-17:00, sat 10:00-14:00") ==
          "mon-fri 09:00-17:00, sat 10:00-14:00");
    CHECK(canonical("mon-fri 09:00-12:30 13:30-17:00") == "mon-fri 09:00-12:30 13:30-17:00");
    // Spelling: case, full names, one-digit hours, spaces, group order.
    CHECK(canonical("  Saturday 10:00-14:00 ,MONDAY-Friday 9:00-17:00 ") ==
          "mon-fri 09:00-17:00, sat 10:00-14:00");
    CHECK(canonical("mon-sun 08:00-20:00") == "daily 08:00-20:00");
    CHECK(canonical("daily 00:00-24:00") == "daily 00:00-24:00");
    CHECK(canonical("mon 22:00-24:00, tue 00:00-02:00") == "mon 22:00-24:00, tue 00:00-02:00");
    // Ranges are sorted, touching ones joined, and a day may be named in several groups.
    CHECK(canonical("mon 13:00-17:00 09:00-12:00") == "mon 09:00-12:00 13:00-17:00");
    CHECK(canonical("mon 09:00-12:00 12:00-17:00") == "mon 09:00-17:00");
    CHECK(canonical("mon-fri 09:00-17:00, fri 18:00-20:00") ==
          "mon-thu 09:00-17:00, fri 09:00-17:00 18:00-20:00");
    CHECK(canonical("mon-fri 09:00-12:00, mon-fri 13:00-17:00") ==
          "mon-fri 09:00-12:00 13:00-17:00");
    // A week from Sunday: the run wraps around the weekend.
    CHECK(canonical("sun-thu 08:00-16:00") == "sun-thu 08:00-16:00");
    CHECK(canonical("sun-thu 08:00-16:00, fri 08:00-12:00") ==
          "fri 08:00-12:00, sun-thu 08:00-16:00");
    CHECK(canonical("mon 09:00-17:00, tue 10:00-12:00, wed 09:00-17:00") ==
          "mon 09:00-17:00, tue 10:00-12:00, wed 09:00-17:00");
    CHECK(canonical("sat-sun 10:00-16:00") == "sat-sun 10:00-16:00");
    CHECK(canonical("wed-wed 10:00-16:00") == "wed 10:00-16:00");

    const OpeningHours shop = OpeningHours::parse("mon-fri 09:00-17:00, sat 10:00-14:00");
    CHECK(shop.on(std::chrono::Saturday) == std::vector<ombud::OpenInterval>{{600, 840}});
    CHECK(shop.on(std::chrono::Sunday).empty());
    CHECK(shop.open_weekdays() == 6);
    CHECK(shop.weekly_seconds() == 44 * kHour);
}

TEST_CASE("every canonical form reads back as the same hours") {
    for (const char* spec :
         {"mon-fri 09:00-17:00", "daily 00:00-24:00", "sun-thu 08:00-16:00, fri 08:00-12:00",
          "mon 00:00-00:01",
          "mon-wed 09:00-12:00 13:00-17:00, thu-sat 10:00-14:00, sun 12:00-13:00",
          "tue 09:00-17:00, thu 09:00-17:00, sat 09:00-17:00"}) {
        CAPTURE(spec);
        const OpeningHours h = OpeningHours::parse(spec);
        CHECK(OpeningHours::parse(h.format()) == h);
        CHECK(OpeningHours::parse(h.format()).format() == h.format());
    }
}

TEST_CASE("bad opening hours are rejected naming the part") {
    const auto message = [](const char* spec, const char* why) {
        return "invalid opening hours \"" + std::string(spec) + "\": " + why;
    };
    const auto rejects = [&](const char* spec, const char* why) {
        CAPTURE(spec);
        CHECK_THROWS_WITH_AS(OpeningHours::parse(spec), message(spec, why).c_str(), UsageError);
    };
    rejects("", "there are none");
    rejects("   ", "there are none");
    rejects("mon-fri", "\"mon-fri\" has no times after it, like mon-fri 09:00-17:00");
    rejects("09:00-17:00", "\"09:00-17:00\" has no days before it, like mon-fri 09:00-17:00");
    rejects("funday 09:00-17:00", "\"funday\" is not a day: use mon, tue, wed, thu, fri, sat, sun, "
                                  "a range like mon-fri, or daily");
    rejects("mon-xyz 09:00-17:00", "\"mon-xyz\" is not a day: use mon, tue, wed, thu, fri, sat, "
                                   "sun, a range like mon-fri, or daily");
    rejects("mon-fri 9-17", "\"9-17\" is not a range of times like 09:00-17:00");
    rejects("mon 09:00", "\"09:00\" is not a range of times like 09:00-17:00");
    rejects("mon 09:00-17:00x", "\"09:00-17:00x\" is not a range of times like 09:00-17:00");
    rejects("mon 09:00-17:00-18:00", "\"09:00-17:00-18:00\" is not a range of times like "
                                     "09:00-17:00");
    rejects("mon 25:00-26:00", "\"25:00\" is not a time of day (00:00 to 24:00)");
    rejects("mon 09:60-10:00", "\"09:60\" is not a time of day (00:00 to 24:00)");
    rejects("mon 09:00-24:30", "\"24:30\" is not a time of day (00:00 to 24:00)");
    rejects("mon 24:00-24:00", "\"24:00-24:00\": 24:00 can only end a range");
    rejects("mon 09:00-09:00", "\"09:00-09:00\" is empty");
    rejects("mon 22:00-02:00", "\"22:00-02:00\" ends before it starts; split a night at "
                               "midnight, like mon 22:00-24:00, tue 00:00-02:00");
    rejects("mon 09:00-17:00 16:00-18:00", "on mon, 09:00-17:00 and 16:00-18:00 overlap");
    rejects("mon-fri 09:00-17:00, fri 16:00-18:00", "on fri, 09:00-17:00 and 16:00-18:00 overlap");
    rejects("mon-fri 09:00-17:00,", "a comma with nothing before or after it");
    rejects("mon-fri 09:00-17:00,, sat 10:00-14:00", "a comma with nothing before or after it");
    CHECK(hint_of([] { OpeningHours::parse("mon"); }) ==
          "write them like \"mon-fri 09:00-12:30 13:30-17:00, sat 10:00-14:00\"");
    // Whatever was typed stays on one line.
    CHECK_THROWS_WITH_AS(OpeningHours::parse("mon\x1b[2J 09:00-17:00"),
                         "invalid opening hours \"mon\\e[2J 09:00-17:00\": \"mon\\e[2j\" is not a "
                         "day: use mon, tue, wed, thu, fri, sat, sun, a range like mon-fri, or "
                         "daily",
                         UsageError);
}

// ---- durations --------------------------------------------------------------------------------

TEST_CASE("durations parse from the short form") {
    const auto parse = ombud::parse_business_duration;
    CHECK(parse("30m") == BusinessDuration{0, 0, 30 * kMinute});
    CHECK(parse("2h") == BusinessDuration{0, 0, 2 * kHour});
    CHECK(parse("1h30m") == BusinessDuration{0, 0, 90 * kMinute});
    CHECK(parse("1H 30M") == BusinessDuration{0, 0, 90 * kMinute});
    CHECK(parse("45min") == BusinessDuration{0, 0, 45 * kMinute});
    CHECK(parse("90m") == BusinessDuration{0, 0, 90 * kMinute});
    CHECK(parse("1d") == BusinessDuration{0, 1, 0});
    CHECK(parse("2d4h") == BusinessDuration{0, 2, 4 * kHour});
    CHECK(parse("1w") == BusinessDuration{1, 0, 0});
    CHECK(parse(" 1w2d3h30m ") == BusinessDuration{1, 2, 3 * kHour + 30 * kMinute});
    CHECK(parse("0m") == BusinessDuration{});
    CHECK(parse("3650d") == BusinessDuration{0, 3650, 0});
    CHECK(parse("520w10d") == BusinessDuration{520, 10, 0});
    CHECK(parse("87600h") == BusinessDuration{0, 0, 87600 * kHour});
}

TEST_CASE("bad durations are rejected") {
    const char* forms = "use a number and a unit, like 30m, 4h, 1h30m, 2d or 1w";
    for (const char* bad : {"", "30", "m", "1.5h", "-1h", "1y", "1h30", "h1", "1 h", "1hh"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(ombud::parse_business_duration(bad),
                             ("invalid duration \"" + std::string(bad) + "\": " + forms).c_str(),
                             UsageError);
    }
    for (const char* bad : {"30m1h", "1h1h", "1d1w", "1m1min"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(ombud::parse_business_duration(bad),
                             ("invalid duration \"" + std::string(bad) +
                              "\": give each unit once, largest first, like 1w2d3h30m")
                                 .c_str(),
                             UsageError);
    }
    for (const char* bad : {"3651d", "522w", "520w11d", "87601h", "3650d1m", "9999999999h"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS(ombud::parse_business_duration(bad),
                             ("invalid duration \"" + std::string(bad) +
                              "\": it is too large: at most 3650d (ten years)")
                                 .c_str(),
                             UsageError);
    }
}

TEST_CASE("durations format back to the short form") {
    const auto format = ombud::format_business_duration;
    CHECK(format({}) == "0m");
    CHECK(format({0, 0, 30 * kMinute}) == "30m");
    CHECK(format({0, 0, 90 * kMinute}) == "1h30m");
    CHECK(format({0, 0, 48 * kHour}) == "48h");
    CHECK(format({0, 2, 4 * kHour}) == "2d4h");
    CHECK(format({1, 9, 0}) == "1w9d");
    CHECK(format({0, 0, 61}) == "1m1s");
    for (const char* text : {"30m", "2h", "1h30m", "1d", "2d4h", "1w", "1w2d3h30m", "0m", "10m5s"})
        CHECK(format(ombud::parse_business_duration(text)) == text);
}

// ---- time zones -------------------------------------------------------------------------------

TEST_CASE("time zones are checked against the tz database") {
    CHECK(ombud::check_time_zone("Europe/Amsterdam") == "Europe/Amsterdam");
    CHECK(ombud::check_time_zone(" europe/amsterdam ") == "Europe/Amsterdam");
    CHECK(ombud::check_time_zone("America/New York") == "America/New_York");
    CHECK(ombud::check_time_zone("UTC") == "UTC");

    CHECK_THROWS_WITH_AS(ombud::check_time_zone("Europe/Amsterdm"),
                         "unknown time zone \"Europe/Amsterdm\"", UsageError);
    CHECK(hint_of([] { ombud::check_time_zone("Europe/Amsterdm"); }) ==
          "did you mean Europe/Amsterdam?");
    CHECK(hint_of([] { ombud::check_time_zone("Amsterdam"); }) == "did you mean Europe/Amsterdam?");
    CHECK(hint_of([] { ombud::check_time_zone("new york"); }) == "did you mean America/New_York?");
    CHECK_THROWS_WITH_AS(ombud::check_time_zone("Qwxz/Plonk"), "unknown time zone \"Qwxz/Plonk\"",
                         UsageError);
    CHECK(hint_of([] { ombud::check_time_zone("Qwxz/Plonk"); }) ==
          "use an IANA name like Europe/Amsterdam (see /usr/share/zoneinfo)");
    CHECK_THROWS_WITH_AS(ombud::check_time_zone(" "), "the time zone is empty", UsageError);

    // A calendar with a zone that is not (or no longer) known fails where it is used.
    CHECK_THROWS_WITH_AS(
        deadline(calendar("daily 09:00-17:00", "Mars/Olympus"), "2026-11-23T10:00:00Z", "1h"),
        "unknown time zone \"Mars/Olympus\"", UsageError);
}

TEST_CASE("the system zone comes from TZ, else /etc/localtime") {
    {
        const ScopedZone tz("Asia/Tokyo");
        CHECK(ombud::system_time_zone() == "Asia/Tokyo");
        // An empty zone in the calendar means the system's: Monday 09:00 in Tokyo is 00:00Z.
        BusinessCalendar c;
        CHECK(deadline(c, "2026-11-23T09:00:00+09:00", "1h") == "2026-11-23T01:00:00Z");
    }
    {
        const ScopedZone tz(":Europe/Amsterdam");
        CHECK(ombud::system_time_zone() == "Europe/Amsterdam");
    }
    {
        const ScopedZone tz("/usr/share/zoneinfo/America/Chicago");
        CHECK(ombud::system_time_zone() == "America/Chicago");
    }
    // As in the C library: empty or unknown is UTC.
    for (const char* utc : {"", "Nowhere/Special", "europe/amsterdam"}) {
        const ScopedZone tz(utc);
        CHECK(ombud::system_time_zone() == "UTC");
    }
    // Without TZ: whatever this machine is set to, a zone the database knows.
    const ScopedZone tz("UTC");
    unsetenv("TZ");
    CHECK_NOTHROW(ombud::check_time_zone(ombud::system_time_zone()));
}

// ---- deadlines --------------------------------------------------------------------------------

TEST_CASE("a deadline across a weekend") {
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "2h") == "2026-11-30T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "8h") == "2026-11-30T15:00:00Z");
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "9h") == "2026-11-30T16:00:00Z");
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "9h1m") == "2026-12-01T08:01:00Z");
    // Ending exactly at closing time: Friday 17:00, not Monday 09:00.
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "1h") == "2026-11-27T16:00:00Z");
    // With a Saturday, the weekend is shorter.
    CHECK(deadline(kShop, "2026-11-27T16:00:00+01:00", "2h") == "2026-11-28T10:00:00Z");
    CHECK(deadline(kShop, "2026-11-27T16:00:00+01:00", "6h") == "2026-11-30T09:00:00Z");
    CHECK(between(kOffice, "2026-11-27T16:00:00+01:00", "2026-11-30T10:00:00+01:00") == 2 * kHour);
}

TEST_CASE("a deadline across holidays") {
    const BusinessCalendar christmas =
        calendar("mon-fri 09:00-17:00", "Europe/Amsterdam", {"2026-12-25"});
    CHECK(deadline(christmas, "2026-12-24T16:00:00+01:00", "2h") == "2026-12-28T09:00:00Z");
    CHECK(deadline(kOffice, "2026-12-24T16:00:00+01:00", "2h") == "2026-12-25T09:00:00Z");
    const BusinessCalendar both =
        calendar("mon-fri 09:00-17:00", "Europe/Amsterdam", {"2026-12-25", "2026-12-28"});
    CHECK(deadline(both, "2026-12-24T16:00:00+01:00", "2h") == "2026-12-29T09:00:00Z");
    // A holiday on a closed day changes nothing.
    const BusinessCalendar saturday =
        calendar("mon-fri 09:00-17:00", "Europe/Amsterdam", {"2026-12-26"});
    CHECK(deadline(saturday, "2026-12-24T16:00:00+01:00", "2h") == "2026-12-25T09:00:00Z");
    // Days count open days only.
    CHECK(deadline(christmas, "2026-12-24T16:00:00+01:00", "1d") == "2026-12-28T15:00:00Z");
    CHECK(between(christmas, "2026-12-24T00:00:00+01:00", "2026-12-29T00:00:00+01:00") ==
          16 * kHour);
    // Holidays are local dates: in Tokyo, 25 December starts at 15:00Z on the 24th.
    const BusinessCalendar tokyo = calendar("daily 00:00-24:00", "Asia/Tokyo", {"2026-12-25"});
    CHECK(deadline(tokyo, "2026-12-24T14:00:00Z", "2h") == "2026-12-25T16:00:00Z");
}

TEST_CASE("a deadline asked for outside opening hours starts at the next opening") {
    // Before opening, at opening, at closing, after closing.
    CHECK(deadline(kOffice, "2026-11-23T07:00:00+01:00", "1h") == "2026-11-23T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T09:00:00+01:00", "1h") == "2026-11-23T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T17:00:00+01:00", "1h") == "2026-11-24T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T18:00:00+01:00", "1h") == "2026-11-24T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T23:59:59+01:00", "30m") == "2026-11-24T08:30:00Z");
    // On a Sunday, on a holiday, and on a holiday right after a weekend.
    CHECK(deadline(kOffice, "2026-11-29T12:00:00+01:00", "1h") == "2026-11-30T09:00:00Z");
    const BusinessCalendar holidays =
        calendar("mon-fri 09:00-17:00", "Europe/Amsterdam", {"2026-12-25", "2026-12-28"});
    CHECK(deadline(holidays, "2026-12-25T10:00:00+01:00", "1h") == "2026-12-29T09:00:00Z");
    // In a lunch break.
    CHECK(deadline(kLunch, "2026-11-23T12:45:00+01:00", "1h") == "2026-11-23T13:30:00Z");
    CHECK(deadline(kLunch, "2026-11-23T12:00:00+01:00", "1h") == "2026-11-23T13:00:00Z");
    // Nothing to count: the start itself, open or not.
    CHECK(deadline(kOffice, "2026-11-29T12:00:00+01:00", "0m") == "2026-11-29T11:00:00Z");
}

TEST_CASE("a deadline across the spring clock change in Amsterdam") {
    // Sunday 2026-03-29: 02:00 CET becomes 03:00 CEST at 01:00Z.
    // Office hours: Friday 16:00 CET + 2h is Monday 10:00 CEST, which is 08:00Z (not 09:00Z).
    CHECK(deadline(kOffice, "2026-03-27T16:00:00+01:00", "2h") == "2026-03-30T08:00:00Z");
    CHECK(deadline(kOffice, "2026-03-27T10:00:00+01:00", "1d") == "2026-03-30T08:00:00Z");
    CHECK(between(kOffice, "2026-03-27T16:00:00+01:00", "2026-03-30T10:00:00+02:00") == 2 * kHour);

    // Open 01:00-05:00: on the Sunday that is 01:00 CET (00:00Z) to 05:00 CEST (03:00Z), 3 hours.
    CHECK(between(kNight, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00") == 3 * kHour);
    CHECK(between(kNight, "2026-03-28T00:00:00+01:00", "2026-03-29T00:00:00+01:00") == 4 * kHour);
    // Saturday 04:00 CET: one hour on Saturday, then Sunday from 00:00Z.
    CHECK(deadline(kNight, "2026-03-28T04:00:00+01:00", "2h") == "2026-03-29T01:00:00Z");
    CHECK(deadline(kNight, "2026-03-28T04:00:00+01:00", "4h") == "2026-03-29T03:00:00Z");
    // One more minute is Monday 01:01 CEST.
    CHECK(deadline(kNight, "2026-03-28T04:00:00+01:00", "4h1m") == "2026-03-29T23:01:00Z");

    // An opening time the clock skips opens at the jump: 02:30-05:00 is 03:00-05:00 CEST.
    const BusinessCalendar skipped_open = calendar("sun 02:30-05:00");
    CHECK(between(skipped_open, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00") ==
          2 * kHour);
    CHECK(deadline(skipped_open, "2026-03-28T12:00:00+01:00", "30m") == "2026-03-29T01:30:00Z");
    // A range the clock skips entirely is closed that day: next Sunday 02:45 CEST.
    const BusinessCalendar skipped = calendar("sun 02:15-02:45");
    CHECK(between(skipped, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00") == 0);
    CHECK(deadline(skipped, "2026-03-28T12:00:00+01:00", "30m") == "2026-04-05T00:45:00Z");

    // Always open: the Sunday has 23 hours, and a day counts them.
    CHECK(between(kAlways, "2026-03-29T00:00:00+01:00", "2026-03-30T00:00:00+02:00") == 23 * kHour);
    CHECK(deadline(kAlways, "2026-03-28T12:00:00+01:00", "24h") == "2026-03-29T11:00:00Z");
    CHECK(deadline(kAlways, "2026-03-28T12:00:00+01:00", "1d") == "2026-03-29T11:00:00Z");
}

TEST_CASE("a deadline across the autumn clock change in Amsterdam") {
    // Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:00-03:00 happens twice.
    CHECK(deadline(kOffice, "2026-10-23T16:00:00+02:00", "2h") == "2026-10-26T09:00:00Z");
    CHECK(deadline(kOffice, "2026-10-23T10:00:00+02:00", "1d") == "2026-10-26T09:00:00Z");
    CHECK(between(kOffice, "2026-10-23T16:00:00+02:00", "2026-10-26T10:00:00+01:00") == 2 * kHour);

    // Open 01:00-05:00: on the Sunday that is 01:00 CEST (23:00Z) to 05:00 CET (04:00Z), 5 hours.
    CHECK(between(kNight, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00") == 5 * kHour);
    CHECK(deadline(kNight, "2026-10-24T04:00:00+02:00", "2h") == "2026-10-25T00:00:00Z");
    CHECK(deadline(kNight, "2026-10-24T04:00:00+02:00", "6h") == "2026-10-25T04:00:00Z");
    // Three open hours from 01:00 CEST end when the clock shows 03:00 CET.
    CHECK(deadline(kNight, "2026-10-25T01:00:00+02:00", "3h") == "2026-10-25T02:00:00Z");

    // An opening time that happens twice opens at the first, a closing time closes at the last.
    const BusinessCalendar repeated_open = calendar("sun 02:30-05:00");
    CHECK(between(repeated_open, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00") ==
          3 * kHour + 30 * kMinute);
    CHECK(deadline(repeated_open, "2026-10-24T12:00:00+02:00", "1m") == "2026-10-25T00:31:00Z");
    const BusinessCalendar repeated_close = calendar("sun 01:00-02:30");
    CHECK(between(repeated_close, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00") ==
          2 * kHour + 30 * kMinute);
    CHECK(deadline(repeated_close, "2026-10-25T01:00:00+02:00", "150m") == "2026-10-25T01:30:00Z");

    // Always open: the Sunday has 25 hours.
    CHECK(between(kAlways, "2026-10-25T00:00:00+02:00", "2026-10-26T00:00:00+01:00") == 25 * kHour);
    CHECK(deadline(kAlways, "2026-10-24T12:00:00+02:00", "24h") == "2026-10-25T10:00:00Z");
    CHECK(deadline(kAlways, "2026-10-24T12:00:00+02:00", "1d") == "2026-10-25T10:00:00Z");
}

TEST_CASE("a zone whose midnight does not exist") {
    // Chile: Sunday 2026-09-06 begins at 01:00 -03 (04:00Z); the day has 23 hours.
    const BusinessCalendar santiago = calendar("daily 00:00-24:00", "America/Santiago");
    CHECK(between(santiago, "2026-09-05T23:00:00-04:00", "2026-09-06T00:00:00-04:00") == kHour);
    CHECK(between(santiago, "2026-09-06T01:00:00-03:00", "2026-09-07T00:00:00-03:00") ==
          23 * kHour);
    CHECK(deadline(santiago, "2026-09-05T12:00:00-04:00", "1d") == "2026-09-06T16:00:00Z");
    const BusinessCalendar midnight = calendar("sun 00:00-02:00", "America/Santiago");
    CHECK(between(midnight, "2026-09-05T00:00:00-04:00", "2026-09-07T00:00:00-03:00") == kHour);
}

TEST_CASE("pauses stop the clock while waiting on the customer") {
    const char* monday = "2026-11-23T09:00:00+01:00";
    // A pause within the hours.
    CHECK(deadline(kOffice, monday, "4h",
                   {pause("2026-11-23T10:00:00+01:00", "2026-11-23T12:00:00+01:00")}) ==
          "2026-11-23T14:00:00Z");
    // A pause over a night: Monday 16:00 to Tuesday 10:00 stops 2 open hours.
    CHECK(deadline(kOffice, monday, "8h",
                   {pause("2026-11-23T16:00:00+01:00", "2026-11-24T10:00:00+01:00")}) ==
          "2026-11-24T10:00:00Z");
    // Overlapping pauses, in any order, count once: together 10:00-13:00.
    const std::vector<Pause> overlapping = {
        pause("2026-11-23T12:30:00+01:00", "2026-11-23T12:45:00+01:00"),
        pause("2026-11-23T11:00:00+01:00", "2026-11-23T13:00:00+01:00"),
        pause("2026-11-23T10:00:00+01:00", "2026-11-23T12:00:00+01:00")};
    CHECK(deadline(kOffice, monday, "4h", overlapping) == "2026-11-23T15:00:00Z");
    CHECK(between(kOffice, monday, "2026-11-23T17:00:00+01:00", overlapping) == 5 * kHour);
    // Started while waiting: the clock starts when the pause ends.
    CHECK(deadline(kOffice, "2026-11-23T10:00:00+01:00", "1h",
                   {pause("2026-11-23T08:00:00+01:00", "2026-11-23T11:00:00+01:00")}) ==
          "2026-11-23T11:00:00Z");
    // A pause while closed changes nothing; pauses before the start, empty and inverted ones
    // neither.
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "2h",
                   {pause("2026-11-28T00:00:00+01:00", "2026-11-30T00:00:00+01:00"),
                    pause("2026-11-20T10:00:00+01:00", "2026-11-20T12:00:00+01:00"),
                    pause("2026-11-30T09:00:00+01:00", "2026-11-30T09:00:00+01:00"),
                    pause("2026-11-30T12:00:00+01:00", "2026-11-30T09:00:00+01:00")}) ==
          "2026-11-30T09:00:00Z");
    // Days: the paused open time is made up after the day is counted.
    CHECK(deadline(kOffice, "2026-11-23T10:00:00+01:00", "1d",
                   {pause("2026-11-23T14:00:00+01:00", "2026-11-23T15:00:00+01:00")}) ==
          "2026-11-24T10:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T10:00:00+01:00", "1d",
                   {pause("2026-11-24T09:00:00+01:00", "2026-11-24T09:30:00+01:00")}) ==
          "2026-11-24T09:30:00Z");
}

TEST_CASE("a pause that has not ended") {
    // Passed as ending now, it holds the time left where it was when the waiting began.
    const std::vector<Pause> until_11 = {
        pause("2026-11-23T10:00:00+01:00", "2026-11-23T11:00:00+01:00")};
    const std::vector<Pause> until_15 = {
        pause("2026-11-23T10:00:00+01:00", "2026-11-23T15:00:00+01:00")};
    const char* start = "2026-11-23T09:00:00+01:00";
    CHECK(deadline(kOffice, start, "4h", until_11) == "2026-11-23T13:00:00Z");
    CHECK(deadline(kOffice, start, "4h", until_15) == "2026-11-24T09:00:00Z");
    CHECK(between(kOffice, "2026-11-23T11:00:00+01:00", "2026-11-23T14:00:00+01:00", until_11) ==
          3 * kHour);
    CHECK(between(kOffice, "2026-11-23T15:00:00+01:00", "2026-11-24T10:00:00+01:00", until_15) ==
          3 * kHour);
    // One without an end has no deadline, and that is found without walking to the year 9999.
    CHECK_THROWS_WITH_AS(
        deadline(kOffice, "1000-01-01T10:00:00Z", "1h", {{at("1000-01-01T08:00:00Z"), INT64_MAX}}),
        "the clock is paused with no end, so there is no deadline", UsageError);
}

TEST_CASE("a business day is the same point in the next open day's hours") {
    // Office hours, 09:00-17:00 (CET, +01:00).
    CHECK(deadline(kOffice, "2026-11-23T16:00:00+01:00", "1d") == "2026-11-24T15:00:00Z");
    CHECK(deadline(kOffice, "2026-11-27T16:00:00+01:00", "1d") == "2026-11-30T15:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T09:01:00+01:00", "1d") == "2026-11-24T08:01:00Z");
    // From the start of a day: that day's closing.
    CHECK(deadline(kOffice, "2026-11-23T08:00:00+01:00", "1d") == "2026-11-23T16:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T09:00:00+01:00", "1d") == "2026-11-23T16:00:00Z");
    // From closing time, after it or on a closed day: the next open day's closing.
    CHECK(deadline(kOffice, "2026-11-23T17:00:00+01:00", "1d") == "2026-11-24T16:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T18:00:00+01:00", "1d") == "2026-11-24T16:00:00Z");
    CHECK(deadline(kOffice, "2026-11-29T12:00:00+01:00", "1d") == "2026-11-30T16:00:00Z");
    CHECK(deadline(kOffice, "2026-11-23T18:00:00+01:00", "2d") == "2026-11-25T16:00:00Z");
    // Days then hours: Wednesday 16:00, then 4 open hours.
    CHECK(deadline(kOffice, "2026-11-23T16:00:00+01:00", "2d4h") == "2026-11-26T11:00:00Z");
    // A week is five open days here; a holiday in it adds one.
    CHECK(deadline(kOffice, "2026-11-25T10:00:00+01:00", "1w") == "2026-12-02T09:00:00Z");
    CHECK(deadline(kOffice, "2026-11-25T10:00:00+01:00", "5d") == "2026-12-02T09:00:00Z");
    const BusinessCalendar holiday =
        calendar("mon-fri 09:00-17:00", "Europe/Amsterdam", {"2026-11-27"});
    CHECK(deadline(holiday, "2026-11-25T10:00:00+01:00", "1w") == "2026-12-03T09:00:00Z");

    // A shop also open Saturday 10:00-14:00: a shorter day ends at its closing.
    CHECK(deadline(kShop, "2026-11-27T16:00:00+01:00", "1d") == "2026-11-28T13:00:00Z");
    CHECK(deadline(kShop, "2026-11-27T11:00:00+01:00", "1d") == "2026-11-28T11:00:00Z");
    CHECK(deadline(kShop, "2026-11-27T16:00:00+01:00", "2d") == "2026-11-30T15:00:00Z");
    CHECK(deadline(kShop, "2026-11-28T12:00:00+01:00", "1d") == "2026-11-30T10:00:00Z");
    CHECK(deadline(kShop, "2026-11-28T14:00:00+01:00", "1d") == "2026-11-30T16:00:00Z");
    CHECK(deadline(kShop, "2026-11-25T10:00:00+01:00", "1w") == "2026-12-02T09:00:00Z");

    // With a lunch break the same clock time, and a start in the break is the morning's end.
    CHECK(deadline(kLunch, "2026-11-23T14:00:00+01:00", "1d") == "2026-11-24T13:00:00Z");
    CHECK(deadline(kLunch, "2026-11-23T13:00:00+01:00", "1d") == "2026-11-24T11:30:00Z");
}

// Seconds, not minutes: weeks without anything in them are counted at once, and days in a pause
// skipped. A walk minute by minute would not end in any reasonable time: ctest's timeout for the
// unit tests catches that, rather than a time limit here that a slow machine could miss.
TEST_CASE("work is bounded") {
    CHECK_THROWS_WITH_AS(
        deadline(BusinessCalendar{OpeningHours{}, "UTC", {}}, "2026-11-23T10:00:00Z", "1h"),
        "the opening hours are never open, so no deadline can be counted", UsageError);
    CHECK(between(BusinessCalendar{OpeningHours{}, "UTC", {}}, "2026-11-23T10:00:00Z",
                  "2026-11-30T10:00:00Z") == 0);
    // One minute a week: ten years of hours would take 100,000 years. Refused, at once.
    const BusinessCalendar sparse = calendar("sun 00:00-00:01", "UTC");
    CHECK_THROWS_WITH_AS(deadline(sparse, "2026-11-23T10:00:00Z", "87600h"),
                         "the deadline would lie beyond the year 9999", UsageError);
    CHECK_THROWS_WITH_AS(deadline(kOffice, "9999-12-31T12:00:00Z", "1d"),
                         "the deadline would lie beyond the year 9999", UsageError);
    CHECK_THROWS_WITH_AS(deadline(kOffice, "9999-12-31T12:00:00Z", "1w"),
                         "the deadline would lie beyond the year 9999", UsageError);
    // 3650 open days of a minute: about 70 years, walked quickly.
    const Timestamp far =
        ombud::add_business_time(sparse, at("2026-11-23T10:00:00Z"), {0, 3650, 0});
    CHECK(iso(far) == "2096-11-04T00:01:00Z"); // the 3650th Sunday
    CHECK(ombud::business_seconds_between(sparse, at("2026-11-23T10:00:00Z"), far) == 3650 * 60);
    // The whole range of years, with a holiday every year in the first decades.
    BusinessCalendar many = kOffice;
    for (int year = 2026; year < 2126; ++year)
        many.holidays.insert(ombud::parse_local_date(std::to_string(year) + "-12-25"));
    const std::int64_t all = ombud::business_seconds_between(many, at("0000-01-01T00:00:00Z"),
                                                             at("9999-12-31T23:59:59Z"));
    CHECK(all > 0);
    CHECK_THROWS_WITH_AS(ombud::business_seconds_between(kOffice, INT64_MIN, 0),
                         doctest::Contains("lies outside the years 0000 to 9999"), UsageError);
    CHECK_THROWS_WITH_AS(ombud::add_business_time(kOffice, INT64_MAX, {0, 0, 60}),
                         doctest::Contains("lies outside the years 0000 to 9999"), UsageError);
    CHECK_THROWS_WITH_AS(ombud::add_business_time(kOffice, 0, {0, 0, -60}),
                         "a duration cannot be negative (-1m)", UsageError);
}

TEST_CASE("business_seconds_between is signed and agrees with add_business_time") {
    CHECK(between(kOffice, "2026-11-23T09:00:00+01:00", "2026-11-23T17:00:00+01:00") == 8 * kHour);
    CHECK(between(kOffice, "2026-11-23T17:00:00+01:00", "2026-11-23T09:00:00+01:00") == -8 * kHour);
    CHECK(between(kOffice, "2026-11-23T10:00:00+01:00", "2026-11-23T10:00:00+01:00") == 0);
    CHECK(between(kOffice, "2026-11-23T00:00:00+01:00", "2026-11-30T00:00:00+01:00") == 40 * kHour);

    // Many starts, durations and pauses: the deadline is the first moment with that much open
    // time behind it.
    const std::vector<BusinessCalendar> calendars = {
        kOffice,
        kShop,
        kLunch,
        kNight,
        kAlways,
        calendar("mon-fri 08:30-12:00 13:00-17:30, sat 10:00-14:00", "Europe/Amsterdam",
                 {"2026-12-25", "2026-12-26", "2027-01-01", "2027-04-05"}),
        calendar("sun-thu 01:30-02:30 22:00-24:00", "America/Santiago", {"2026-09-18"})};
    const Timestamp base = at("2026-01-01T00:00:00Z");
    Random random(42);
    for (const BusinessCalendar& c : calendars) {
        for (int i = 0; i < 300; ++i) {
            const Timestamp start = base + random.below(2 * 365 * kDay);
            const BusinessDuration d{0, 0, (1 + random.below(6000)) * kMinute};
            std::vector<Pause> pauses;
            for (std::int64_t p = random.below(4); p > 0; --p) {
                const Timestamp from = start + random.below(20 * kDay) - 5 * kDay;
                pauses.push_back({from, from + random.below(3 * kDay)});
            }
            CAPTURE(c.hours.format());
            CAPTURE(iso(start));
            CAPTURE(d.seconds);
            const Timestamp end = ombud::add_business_time(c, start, d, pauses);
            CHECK(ombud::business_seconds_between(c, start, end, pauses) == d.seconds);
            CHECK(ombud::business_seconds_between(c, start, end - 1, pauses) == d.seconds - 1);
            CHECK(ombud::add_business_time(c, start, {0, 0, d.seconds + kMinute}, pauses) > end);
        }
    }
}

TEST_CASE("with the same hours every open day, a day is that many hours") {
    // 09:00-17:00 lies outside the hours in which clocks change: 8 open hours every open day.
    const BusinessCalendar c = calendar("mon-thu 09:00-17:00, sat 09:00-17:00", "Europe/Amsterdam",
                                        {"2026-03-30", "2026-05-14", "2026-12-24"});
    const Timestamp base = at("2026-01-01T00:00:00Z");
    Random random(7);
    for (int i = 0; i < 500; ++i) {
        const Timestamp start = base + random.below(365 * kDay);
        const std::int64_t days = 1 + random.below(30);
        std::vector<Pause> pauses;
        if (random.below(2) == 1) {
            const Timestamp from = start + random.below(10 * kDay);
            pauses.push_back({from, from + random.below(2 * kDay)});
        }
        CAPTURE(iso(start));
        CAPTURE(days);
        const Timestamp end = ombud::add_business_time(c, start, {0, days, 0}, pauses);
        CHECK(ombud::business_seconds_between(c, start, end, pauses) == days * 8 * kHour);
        // A week is five open days.
        if (days <= 6)
            CHECK(ombud::add_business_time(c, start, {1, days, 0}, pauses) ==
                  ombud::add_business_time(c, start, {0, days + 5, 0}, pauses));
    }
}

TEST_CASE("counting long stretches at once agrees with counting day by day") {
    const std::vector<BusinessCalendar> calendars = {
        kShop, kNight,
        calendar("mon 09:00-17:00, wed 01:00-03:30, sun 22:00-24:00", "Europe/London",
                 {"2026-12-25", "2027-06-02", "2028-01-03"})};
    const std::vector<Pause> pauses = {pause("2026-03-01T10:00:00Z", "2026-03-20T10:00:00Z"),
                                       pause("2027-07-01T10:00:00Z", "2027-07-01T12:00:00Z")};
    // Clock changes, holidays and pauses; and the last clock change the tz library knows (2037)
    // with the open-ended stretch after it.
    const std::vector<std::pair<const char*, const char*>> stretches = {
        {"2025-12-30T07:13:00Z", "2028-08-11T15:52:00Z"},
        {"2036-05-01T00:00:00Z", "2040-02-11T13:00:00Z"}};
    for (const auto& stretch : stretches) {
        // Plain names, not a structured binding: CAPTURE's lambda takes them.
        const char* first = stretch.first;
        const char* last = stretch.second;
        for (const BusinessCalendar& c : calendars) {
            CAPTURE(c.hours.format());
            CAPTURE(first);
            const Timestamp from = at(first);
            const Timestamp to = at(last);
            std::int64_t by_day = 0;
            for (Timestamp t = from; t < to; t += kDay)
                by_day += ombud::business_seconds_between(c, t, std::min(t + kDay, to), pauses);
            CHECK(ombud::business_seconds_between(c, from, to, pauses) == by_day);
            // And the deadline for exactly that much is where the count ends (or the closing
            // before).
            const Timestamp end = ombud::add_business_time(c, from, {0, 0, by_day}, pauses);
            CHECK(end <= to);
            CHECK(ombud::business_seconds_between(c, from, end, pauses) == by_day);
            CHECK(ombud::business_seconds_between(c, end, to, pauses) == 0);
        }
    }
    // A year of office hours: 261 weekdays in 2026, and in 2040 (after the last known change).
    CHECK(between(kOffice, "2026-01-01T00:00:00+01:00", "2027-01-01T00:00:00+01:00") ==
          261 * 8 * kHour);
    CHECK(between(kOffice, "2040-01-01T00:00:00+01:00", "2041-01-01T00:00:00+01:00") ==
          261 * 8 * kHour);
}
