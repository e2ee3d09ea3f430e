#include "scoped_zone.hpp"
#include "seconds.hpp"

#include <ombud/error.hpp>
#include <ombud/when.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

using ombud::Timestamp;
using ombud::UsageError;
using ombud::WhenUse;
using ombud::test::ScopedZone;

namespace {

// A POSIX rule string, so the tests need no tzdata: CET, CEST from the last Sunday of March
// 02:00 to the last Sunday of October 03:00.
void use_cet() {
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
}

// Old Brazilian rule: clocks jump from 00:00 to 01:00, so some days have no midnight.
void use_brazil() {
    setenv("TZ", "BRT3BRST,M10.3.0/0,M2.3.0/0", 1);
    tzset();
}

Timestamp utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return timegm(&tm);
}

using ombud::test::kDay;
using ombud::test::kHour;
using ombud::test::kMinute;

// 2026-11-23T10:00:00Z: a Monday, 11:00 CET.
constexpr Timestamp kMonday = 1795428000;

Timestamp deadline(const char* text, Timestamp now = kMonday) {
    return ombud::parse_when(text, now, WhenUse::deadline);
}

Timestamp since(const char* text, Timestamp now = kMonday) {
    return ombud::parse_when(text, now, WhenUse::since);
}

} // namespace

TEST_CASE("test helpers agree with known instants") {
    use_cet();
    CHECK(utc(2026, 11, 23, 10) == kMonday);
    CHECK(utc(1970, 1, 1) == 0);
}

TEST_CASE("now follows the system clock") {
    use_cet();
    // Read as timespec_get reads it: std::time may lag the precise clock by a tick.
    const auto clock = [] {
        std::timespec ts{};
        std::timespec_get(&ts, TIME_UTC);
        return static_cast<Timestamp>(ts.tv_sec);
    };
    const Timestamp before = clock();
    const Timestamp t = ombud::now();
    const Timestamp after = clock();
    CHECK(t >= before);
    CHECK(t <= after);
}

TEST_CASE("a bare date is the end of the day for deadlines and the start for since") {
    use_cet();
    CHECK(deadline("2026-11-25") == utc(2026, 11, 25, 22, 59, 59));
    CHECK(since("2026-11-25") == utc(2026, 11, 24, 23, 0, 0));
    // Summer time: local midnight is 22:00 UTC.
    CHECK(deadline("2026-07-01") == utc(2026, 7, 1, 21, 59, 59));
    CHECK(since("2026-07-01") == utc(2026, 6, 30, 22, 0, 0));
    // The 23-hour day of the spring change still runs from midnight to 23:59:59 local.
    CHECK(since("2026-03-29") == utc(2026, 3, 28, 23, 0, 0));
    CHECK(deadline("2026-03-29") == utc(2026, 3, 29, 21, 59, 59));
}

TEST_CASE("a date with a time is that local time, whatever the use") {
    use_cet();
    const Timestamp expected = utc(2026, 11, 25, 16, 0, 0);
    CHECK(deadline("2026-11-25T17:00") == expected);
    CHECK(since("2026-11-25T17:00") == expected);
    CHECK(deadline("2026-11-25 17:00") == expected);
    CHECK(since("2026-11-25 17:00") == expected);
    CHECK(deadline("2026-11-25t17:00") == expected);
    CHECK(deadline("2026-11-25T17:00:30") == expected + 30);
    CHECK(since("2026-11-25 17:00:59") == expected + 59);
    CHECK(deadline("2026-07-01T17:00") == utc(2026, 7, 1, 15, 0, 0));
    CHECK(deadline("2026-11-25T00:00") == utc(2026, 11, 24, 23, 0, 0));
    CHECK(deadline("2026-11-25T23:59:59") == utc(2026, 11, 25, 22, 59, 59));
}

TEST_CASE("RFC 3339 with Z or an offset is that instant") {
    use_cet();
    CHECK(deadline("2026-11-25T17:00:00Z") == utc(2026, 11, 25, 17));
    CHECK(since("2026-11-25T17:00:00Z") == utc(2026, 11, 25, 17));
    CHECK(deadline("2026-11-25T17:00Z") == utc(2026, 11, 25, 17));
    CHECK(deadline("2026-11-25t17:00:00z") == utc(2026, 11, 25, 17));
    CHECK(deadline("2026-11-25T17:00+01:00") == utc(2026, 11, 25, 16));
    CHECK(since("2026-11-25T17:00:15+01:00") == utc(2026, 11, 25, 16, 0, 15));
    CHECK(deadline("2026-11-25T17:00-05:30") == utc(2026, 11, 25, 22, 30));
    CHECK(deadline("2026-11-25T17:00+00:00") == utc(2026, 11, 25, 17));
    // An instant may fall in the local DST gap: it is not a local time.
    CHECK(deadline("2026-03-29T02:30:00Z") == utc(2026, 3, 29, 2, 30));
    CHECK(deadline("2026-03-29T02:30+01:00") == utc(2026, 3, 29, 1, 30));
    CHECK_THROWS_AS(deadline("2026-11-25T17:00+24:00"), UsageError);
    CHECK_THROWS_AS(deadline("2026-11-25T17:00+01:60"), UsageError);
    CHECK_THROWS_AS(deadline("2026-11-25T17:00+1"), UsageError);
    CHECK_THROWS_AS(deadline("2026-11-25T17:00+0100"), UsageError);
    CHECK_THROWS_AS(deadline("2026-11-25Z"), UsageError);
}

TEST_CASE("a bare time is today at that local time") {
    use_cet();
    CHECK(deadline("17:00") == utc(2026, 11, 23, 16, 0));
    CHECK(since("17:00") == utc(2026, 11, 23, 16, 0));
    CHECK(deadline("9:05") == utc(2026, 11, 23, 8, 5));
    CHECK(deadline("09:05") == utc(2026, 11, 23, 8, 5));
    // Earlier than now is still today, not tomorrow.
    CHECK(deadline("00:00") == utc(2026, 11, 22, 23, 0));
    CHECK(deadline("23:59") == utc(2026, 11, 23, 22, 59));
    // Today is the local date: 23:30 UTC on the 23rd is already the 24th in CET.
    CHECK(deadline("17:00", utc(2026, 11, 23, 23, 30)) == utc(2026, 11, 24, 16, 0));
}

TEST_CASE("today, tomorrow and yesterday are whole days") {
    use_cet();
    CHECK(deadline("today") == utc(2026, 11, 23, 22, 59, 59));
    CHECK(since("today") == utc(2026, 11, 22, 23, 0, 0));
    CHECK(deadline("tomorrow") == utc(2026, 11, 24, 22, 59, 59));
    CHECK(since("tomorrow") == utc(2026, 11, 23, 23, 0, 0));
    CHECK(deadline("yesterday") == utc(2026, 11, 22, 22, 59, 59));
    CHECK(since("yesterday") == utc(2026, 11, 21, 23, 0, 0));
    // Across a month and a year.
    CHECK(deadline("tomorrow", utc(2026, 12, 31, 12)) == utc(2027, 1, 1, 22, 59, 59));
    CHECK(since("yesterday", utc(2027, 1, 1, 12)) == utc(2026, 12, 30, 23, 0, 0));
    // Local date, not UTC date: 23:30 UTC on the 23rd is the 24th locally.
    CHECK(deadline("today", utc(2026, 11, 23, 23, 30)) == utc(2026, 11, 24, 22, 59, 59));
}

TEST_CASE("a weekday is the next one strictly after today") {
    use_cet();
    CHECK(deadline("tuesday") == utc(2026, 11, 24, 22, 59, 59));
    CHECK(since("tuesday") == utc(2026, 11, 23, 23, 0, 0));
    CHECK(deadline("wednesday") == utc(2026, 11, 25, 22, 59, 59));
    CHECK(deadline("thursday") == utc(2026, 11, 26, 22, 59, 59));
    CHECK(deadline("friday") == utc(2026, 11, 27, 22, 59, 59));
    CHECK(deadline("saturday") == utc(2026, 11, 28, 22, 59, 59));
    CHECK(deadline("sunday") == utc(2026, 11, 29, 22, 59, 59));
    // Today is Monday, so `monday` is a week away.
    CHECK(deadline("monday") == utc(2026, 11, 30, 22, 59, 59));
    CHECK(since("monday") == utc(2026, 11, 29, 23, 0, 0));

    SUBCASE("three-letter forms") {
        CHECK(deadline("mon") == deadline("monday"));
        CHECK(deadline("tue") == deadline("tuesday"));
        CHECK(deadline("wed") == deadline("wednesday"));
        CHECK(deadline("thu") == deadline("thursday"));
        CHECK(deadline("fri") == deadline("friday"));
        CHECK(deadline("sat") == deadline("saturday"));
        CHECK(since("sun") == since("sunday"));
    }
    SUBCASE("wraps across a month end") {
        // Sunday 2026-11-29 12:00 UTC: `sunday` is 2026-12-06, `tue` is 2026-12-01.
        const Timestamp sunday = utc(2026, 11, 29, 12);
        CHECK(deadline("sunday", sunday) == utc(2026, 12, 6, 22, 59, 59));
        CHECK(since("tue", sunday) == utc(2026, 11, 30, 23, 0, 0));
    }
    SUBCASE("the local weekday counts") {
        // Sunday 23:30 UTC is already Monday in CET.
        CHECK(deadline("monday", utc(2026, 11, 22, 23, 30)) == utc(2026, 11, 30, 22, 59, 59));
    }
    SUBCASE("a day of the clock change") {
        // Saturday 2026-03-28: Sunday ends at 23:59:59 CEST.
        CHECK(deadline("sunday", utc(2026, 3, 28, 12)) == utc(2026, 3, 29, 21, 59, 59));
    }
}

TEST_CASE("case and surrounding whitespace do not matter") {
    use_cet();
    CHECK(deadline("FRIDAY") == utc(2026, 11, 27, 22, 59, 59));
    CHECK(deadline("Fri") == utc(2026, 11, 27, 22, 59, 59));
    CHECK(since("ToMoRrOw") == utc(2026, 11, 23, 23, 0, 0));
    CHECK(deadline("TODAY") == utc(2026, 11, 23, 22, 59, 59));
    CHECK(deadline("4H") == kMonday + 4 * kHour);
    CHECK(deadline("30MIN") == kMonday + 30 * kMinute);
    CHECK(deadline("  2026-11-25T17:00Z\t\n") == utc(2026, 11, 25, 17));
    CHECK(deadline(" 17:00 ") == utc(2026, 11, 23, 16, 0));
    CHECK(since("\tyesterday ") == utc(2026, 11, 21, 23, 0, 0));
}

TEST_CASE("durations count from now, forward for deadlines and back for since") {
    use_cet();
    CHECK(deadline("30m") == kMonday + 30 * kMinute);
    CHECK(since("30m") == kMonday - 30 * kMinute);
    CHECK(deadline("1min") == kMonday + kMinute);
    CHECK(since("90min") == kMonday - 90 * kMinute);
    CHECK(deadline("4h") == kMonday + 4 * kHour);
    CHECK(since("4h") == kMonday - 4 * kHour);
    CHECK(deadline("3d") == kMonday + 3 * kDay);
    CHECK(since("3d") == kMonday - 3 * kDay);
    CHECK(deadline("2w") == kMonday + 14 * kDay);
    CHECK(since("2w") == kMonday - 14 * kDay);
    CHECK(deadline("007d") == kMonday + 7 * kDay);
}

TEST_CASE("a return date is the start of that day, and a duration lies ahead") {
    use_cet();
    const auto back = [](const char* text) {
        return ombud::parse_when(text, kMonday, WhenUse::back);
    };
    CHECK(back("2026-11-25") == utc(2026, 11, 24, 23, 0, 0));
    CHECK(back("tomorrow") == utc(2026, 11, 23, 23, 0, 0));
    CHECK(back("3d") == kMonday + 3 * kDay);
    CHECK(back("2w") == kMonday + 14 * kDay);
}

TEST_CASE("a duration across a clock change is exact seconds") {
    use_cet();
    // Saturday 2026-03-28 13:00 CET; a day later the clock reads 14:00 CEST.
    const Timestamp before = utc(2026, 3, 28, 12);
    const Timestamp later = deadline("1d", before);
    CHECK(later == before + kDay);
    CHECK(ombud::format_local(later) == "2026-03-29 14:00");
    CHECK(since("24h", later) == before);
    // Autumn: a day after Saturday 13:00 CEST the clock reads 12:00 CET.
    const Timestamp autumn = utc(2026, 10, 24, 11);
    CHECK(ombud::format_local(deadline("1d", autumn)) == "2026-10-25 12:00");
}

TEST_CASE("unrecognised forms are usage errors") {
    use_cet();
    for (const char* text : {"",
                             "   ",
                             "foo",
                             "4",
                             "h",
                             "d",
                             "-3d",
                             "+3d",
                             "3x",
                             "3 d",
                             "4.5h",
                             "3days",
                             "3 weeks",
                             "1y",
                             "3mo",
                             "2026-11-25T",
                             "2026-11-25T17",
                             "2026-11-25T1700",
                             "2026-11-25T17:00:0",
                             "2026-11-25T17:00:00.5Z",
                             "2026-11-25  17:00",
                             "2026-1-5",
                             "26-11-25",
                             "20261125",
                             "2026/11/25",
                             "2026-11-25x",
                             "17:0",
                             "17:000",
                             "170:00",
                             "1700",
                             "17:00:00",
                             "17h00",
                             "mondays",
                             "tues",
                             "mo",
                             "next monday",
                             "tomorrow 17:00",
                             "now",
                             "todayy"}) {
        CAPTURE(text);
        CHECK_THROWS_AS(deadline(text), UsageError);
        CHECK_THROWS_AS(since(text), UsageError);
    }
}

TEST_CASE("the usage error names the accepted forms on one line") {
    use_cet();
    CHECK_THROWS_WITH_AS(deadline("  foo "),
                         "invalid time \"foo\": use 2026-11-25, 2026-11-25T17:00, 17:00, "
                         "tomorrow, a weekday, or a duration like 4h, 3d, 2w",
                         UsageError);
    CHECK_THROWS_WITH_AS(deadline("a\nb"),
                         "invalid time \"a?b\": use 2026-11-25, 2026-11-25T17:00, 17:00, "
                         "tomorrow, a weekday, or a duration like 4h, 3d, 2w",
                         UsageError);
    try {
        deadline("x");
        FAIL("no exception");
    } catch (const UsageError& e) {
        CHECK(e.code() == ombud::ExitCode::usage);
    }
}

TEST_CASE("durations must be positive and not absurd") {
    use_cet();
    CHECK_THROWS_WITH_AS(deadline("0d"), "invalid time \"0d\": a duration must be at least 1",
                         UsageError);
    CHECK_THROWS_AS(since("0m"), UsageError);
    CHECK_THROWS_AS(deadline("000h"), UsageError);
    CHECK_THROWS_WITH_AS(deadline("99999999999999999999d"),
                         "invalid time \"99999999999999999999d\": the duration is too large",
                         UsageError);
    CHECK_THROWS_AS(since("9223372036854775807m"), UsageError);
    CHECK_THROWS_AS(deadline("9223372036854775807w"), UsageError);
    CHECK_THROWS_AS(deadline("4000000w"), UsageError);
    // About 9600 years: past year 9999 forwards and before year 0 backwards.
    CHECK_THROWS_AS(deadline("500000w"), UsageError);
    CHECK_THROWS_AS(since("500000w"), UsageError);
    // Up to year 9999 is fine.
    CHECK(deadline("400000w") == kMonday + 400000 * 7 * kDay);
    CHECK(since("100000w") == kMonday - 100000 * 7 * kDay);
}

TEST_CASE("impossible dates and times are rejected with the reason") {
    use_cet();
    CHECK_THROWS_WITH_AS(deadline("2026-02-30"),
                         "invalid date \"2026-02-30\": February 2026 has 28 days", UsageError);
    CHECK_THROWS_WITH_AS(deadline("2026-13-01"),
                         "invalid date \"2026-13-01\": there is no month 13", UsageError);
    CHECK_THROWS_WITH_AS(since("2026-02-29"),
                         "invalid date \"2026-02-29\": February 2026 has 28 days", UsageError);
    CHECK_THROWS_WITH_AS(deadline("2026-11-25T24:00"),
                         "invalid time \"2026-11-25T24:00\": hours run from 00 to 23", UsageError);
    CHECK_THROWS_WITH_AS(deadline("2026-11-25T17:60"),
                         "invalid time \"2026-11-25T17:60\": minutes run from 00 to 59",
                         UsageError);
    CHECK_THROWS_WITH_AS(deadline("2026-11-25T17:00:60"),
                         "invalid time \"2026-11-25T17:00:60\": seconds run from 00 to 59",
                         UsageError);
    CHECK_THROWS_AS(deadline("2026-00-10"), UsageError);
    CHECK_THROWS_AS(deadline("2026-11-00"), UsageError);
    CHECK_THROWS_AS(deadline("2026-04-31"), UsageError);
    CHECK_THROWS_AS(deadline("2026-12-32"), UsageError);
    CHECK_THROWS_AS(deadline("2025-02-29"), UsageError);
    CHECK_THROWS_AS(deadline("2100-02-29"), UsageError);
    CHECK_THROWS_AS(deadline("2026-02-30T10:00"), UsageError);
    CHECK_THROWS_AS(deadline("2026-02-30T10:00:00Z"), UsageError);
    CHECK_THROWS_AS(deadline("24:00"), UsageError);
    CHECK_THROWS_AS(since("17:60"), UsageError);
    CHECK_THROWS_AS(deadline("99:99"), UsageError);

    SUBCASE("leap years") {
        CHECK(deadline("2028-02-29") == utc(2028, 2, 29, 22, 59, 59));
        CHECK(since("2000-02-29") == utc(2000, 2, 28, 23, 0, 0));
        CHECK(deadline("2026-04-30") == utc(2026, 4, 30, 21, 59, 59));
        CHECK(deadline("2026-12-31") == utc(2026, 12, 31, 22, 59, 59));
    }
}

TEST_CASE("a local time skipped by the clock change does not exist") {
    use_cet();
    CHECK_THROWS_WITH_AS(
        deadline("2026-03-29T02:30"),
        "invalid time \"2026-03-29T02:30\": 02:30 on 2026-03-29 does not exist here (the clock "
        "skips it)",
        UsageError);
    CHECK_THROWS_AS(since("2026-03-29T02:30"), UsageError);
    CHECK_THROWS_AS(since("2026-03-29 02:00"), UsageError);
    CHECK_THROWS_AS(deadline("2026-03-29T02:59:59"), UsageError);
    CHECK(deadline("2026-03-29T01:59:59") == utc(2026, 3, 29, 0, 59, 59));
    CHECK(deadline("2026-03-29T03:00") == utc(2026, 3, 29, 1, 0));
    // A bare time on that day, said before the change.
    const Timestamp early = utc(2026, 3, 29, 0, 30); // 01:30 CET
    CHECK_THROWS_AS(deadline("02:30", early), UsageError);
    CHECK(deadline("03:30", early) == utc(2026, 3, 29, 1, 30));

    SUBCASE("the repeated hour in autumn is accepted") {
        const Timestamp t = deadline("2026-10-25T02:30");
        CHECK((t == utc(2026, 10, 25, 0, 30) || t == utc(2026, 10, 25, 1, 30)));
    }
}

TEST_CASE("a day without a midnight starts at its first second") {
    use_brazil();
    // 2026-10-18: clocks jump from 00:00 BRT to 01:00 BRST (UTC-2).
    CHECK(since("2026-10-18") == utc(2026, 10, 18, 3, 0, 0));
    CHECK(deadline("2026-10-17") == utc(2026, 10, 18, 2, 59, 59));
    CHECK(deadline("2026-10-18") == utc(2026, 10, 19, 1, 59, 59));
    CHECK(since("tomorrow", utc(2026, 10, 17, 15)) == utc(2026, 10, 18, 3, 0, 0));
    CHECK_THROWS_AS(deadline("2026-10-18T00:30"), UsageError);
    CHECK(deadline("2026-10-18T01:00") == utc(2026, 10, 18, 3, 0, 0));
}

TEST_CASE("a day whose last hour is repeated ends at the second 23:59:59") {
    // mktime picks a copy of a repeated time by the offset of its previous call, so each check
    // runs after a call in summer time and after one in standard time.
    SUBCASE("Chile: clocks go back at Saturday 24:00") {
        ScopedZone zone("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
        // Saturday 2026-04-04: 23:00-23:59:59 is -03, then again -04.
        const Timestamp march = utc(2026, 3, 1, 12);
        for (const char* before : {"2026-03-01", "2026-05-01"}) {
            INFO("after a call for ", std::string(before));
            deadline(before, march);
            CHECK(deadline("2026-04-04", march) == utc(2026, 4, 5, 3, 59, 59));
            since(before, march);
            CHECK(since("2026-04-05", march) == utc(2026, 4, 5, 4, 0, 0));
            deadline(before, march);
            CHECK(deadline("tomorrow", utc(2026, 4, 3, 12)) == utc(2026, 4, 5, 3, 59, 59));
        }
    }
    SUBCASE("Brazil: clocks go back at Sunday 00:00") {
        ScopedZone zone("BRT3BRST,M10.3.0/0,M2.3.0/0");
        // Saturday 2026-02-14: 23:00-23:59:59 is -02, then again -03.
        for (const char* before : {"2026-01-10", "2026-03-10"}) {
            INFO("after a call for ", std::string(before));
            deadline(before);
            CHECK(deadline("2026-02-14") == utc(2026, 2, 15, 2, 59, 59));
            since(before);
            CHECK(since("2026-02-15") == utc(2026, 2, 15, 3, 0, 0));
        }
    }
}

TEST_CASE("a day whose midnight is repeated starts at the first 00:00") {
    // Cuba: on Sunday 2026-11-01 clocks go back from 01:00 CDT to 00:00 CST.
    ScopedZone zone("CST5CDT,M3.2.0/0,M11.1.0/1");
    const Timestamp december = utc(2026, 12, 1, 12);
    for (const char* before : {"2026-12-01", "2026-10-01"}) {
        INFO("after a call for ", std::string(before));
        since(before, december);
        CHECK(since("2026-11-01", december) == utc(2026, 11, 1, 4, 0, 0));
        deadline(before, december);
        CHECK(deadline("2026-10-31", december) == utc(2026, 11, 1, 3, 59, 59));
        since(before, december);
        CHECK(since("yesterday", utc(2026, 11, 2, 12)) == utc(2026, 11, 1, 4, 0, 0));
    }
    // The day itself has 25 hours.
    CHECK(deadline("2026-11-01", december) - since("2026-11-01", december) + 1 == 25 * kHour);
}

TEST_CASE("results outside the years 0000 to 9999 are rejected") {
    constexpr Timestamp first = -62167219200; // 0000-01-01T00:00:00Z
    constexpr Timestamp last = 253402300799;  // 9999-12-31T23:59:59Z

    SUBCASE("RFC 3339 with an offset") {
        ScopedZone zone("UTC0");
        CHECK_THROWS_WITH_AS(ombud::parse_rfc3339("0000-01-01T00:00:00+01:00"),
                             "invalid timestamp \"0000-01-01T00:00:00+01:00\": it lies outside "
                             "the years 0000 to 9999 in UTC",
                             UsageError);
        CHECK_THROWS_WITH_AS(ombud::parse_rfc3339("9999-12-31T23:59:59-00:01"),
                             "invalid timestamp \"9999-12-31T23:59:59-00:01\": it lies outside "
                             "the years 0000 to 9999 in UTC",
                             UsageError);
        CHECK(ombud::parse_rfc3339("0000-01-01T01:00:00+01:00") == first);
        CHECK(ombud::parse_rfc3339("9999-12-31T22:59:59-01:00") == last);
        for (const Timestamp t : {first, last}) {
            CAPTURE(t);
            CHECK(ombud::parse_rfc3339(ombud::format_rfc3339(t)) == t);
        }
        CHECK_THROWS_AS(deadline("0000-01-01T00:00:00+01:00"), UsageError);
        CHECK_THROWS_AS(since("9999-12-31T23:59-00:01"), UsageError);
        CHECK(since("0000-01-01T01:00+01:00") == first);
        CHECK(deadline("9999-12-31T22:59:59-01:00") == last);
    }
    SUBCASE("local times and days west of UTC") {
        ScopedZone zone("<-05>5");
        CHECK_THROWS_WITH_AS(deadline("9999-12-31T23:59"),
                             "invalid time \"9999-12-31T23:59\": it lies outside the years 0000 "
                             "to 9999 in UTC",
                             UsageError);
        CHECK(deadline("9999-12-31T18:59:59") == last);
        CHECK_THROWS_AS(since("9999-12-31T19:00"), UsageError);
        CHECK_THROWS_AS(deadline("9999-12-31"), UsageError);
        CHECK(since("9999-12-31") == utc(9999, 12, 31, 5));
        CHECK_THROWS_AS(deadline("today", last), UsageError);
        CHECK_THROWS_AS(deadline("23:00", last), UsageError);
    }
    SUBCASE("local times and days east of UTC") {
        ScopedZone zone("<+01>-1");
        CHECK_THROWS_AS(since("0000-01-01T00:30"), UsageError);
        CHECK(since("0000-01-01T01:00") == first);
        CHECK_THROWS_AS(since("0000-01-01"), UsageError);
        CHECK(deadline("0000-01-01") == first + 23 * kHour - 1);
        CHECK_THROWS_AS(since("today", first), UsageError);
        CHECK_THROWS_AS(since("yesterday", first + kDay), UsageError);
    }
}

TEST_CASE("format_rfc3339 writes UTC with seconds and Z") {
    use_cet();
    CHECK(ombud::format_rfc3339(0) == "1970-01-01T00:00:00Z");
    CHECK(ombud::format_rfc3339(-1) == "1969-12-31T23:59:59Z");
    CHECK(ombud::format_rfc3339(utc(2026, 11, 22, 14, 5)) == "2026-11-22T14:05:00Z");
    CHECK(ombud::format_rfc3339(utc(2028, 2, 29, 23, 59, 59)) == "2028-02-29T23:59:59Z");
    // 11:00 local, but written in UTC.
    CHECK(ombud::format_rfc3339(kMonday) == "2026-11-23T10:00:00Z");
}

TEST_CASE("format_rfc3339 agrees with gmtime from 0000 to 9999 and beyond") {
    const auto by_gmtime = [](Timestamp t) {
        const std::time_t tt = t;
        std::tm tm{};
        REQUIRE(gmtime_r(&tt, &tm) != nullptr);
        char buf[96];
        std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900LL,
                      tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
        return std::string(buf);
    };
    constexpr Timestamp first = -62167219200; // 0000-01-01T00:00:00Z
    constexpr Timestamp last = 253402300799;  // 9999-12-31T23:59:59Z
    std::vector<Timestamp> times = {first - 1,
                                    first,
                                    first + 1,
                                    first + 59 * kDay,
                                    first + 60 * kDay - 1,
                                    first + 60 * kDay,
                                    -1,
                                    0,
                                    1,
                                    951782400,
                                    951868800,
                                    4107542400,
                                    last - 1,
                                    last,
                                    last + 1,
                                    last + 366 * kDay};
    // Every day boundary (and a second either side) for eleven years across 2000, and a walk
    // over the whole range in steps that are prime to days, hours and minutes.
    for (Timestamp t = 820454400; t < 1167609600; t += kDay)
        times.insert(times.end(), {t - 1, t, t + 1});
    for (Timestamp t = first; t <= last; t += 7919LL * 86399)
        times.push_back(t);
    for (const Timestamp t : times) {
        CAPTURE(t);
        CHECK(ombud::format_rfc3339(t) == by_gmtime(t));
    }
    std::string out = "at ";
    ombud::append_rfc3339(out, 0);
    CHECK(out == "at 1970-01-01T00:00:00Z");
}

TEST_CASE("parse_rfc3339 reads what format_rfc3339 writes, and offsets") {
    use_cet();
    for (const Timestamp t :
         {Timestamp{0}, Timestamp{-1}, kMonday, utc(2028, 2, 29, 23, 59, 59),
          utc(2026, 3, 29, 2, 30), utc(9999, 12, 31, 23, 59, 59), utc(1900, 1, 1)}) {
        CAPTURE(t);
        CHECK(ombud::parse_rfc3339(ombud::format_rfc3339(t)) == t);
    }
    CHECK(ombud::parse_rfc3339("2026-11-22T14:05:00Z") == utc(2026, 11, 22, 14, 5));
    CHECK(ombud::parse_rfc3339("2026-11-22T15:05:00+01:00") == utc(2026, 11, 22, 14, 5));
    CHECK(ombud::parse_rfc3339("2026-11-22T08:35:00-05:30") == utc(2026, 11, 22, 14, 5));
    CHECK(ombud::parse_rfc3339("2026-11-22T14:05:00+00:00") == utc(2026, 11, 22, 14, 5));
    CHECK(ombud::parse_rfc3339("2026-11-22T14:05:00-00:00") == utc(2026, 11, 22, 14, 5));
    CHECK(ombud::parse_rfc3339("2026-11-23T00:30:00+01:00") == utc(2026, 11, 22, 23, 30));

    CHECK_THROWS_WITH_AS(
        ombud::parse_rfc3339("yesterday"),
        "invalid timestamp \"yesterday\": expected RFC 3339 like 2026-11-22T14:05:00Z", UsageError);
    for (const char* text :
         {"", "2026-11-22", "2026-11-22T14:05Z", "2026-11-22T14:05:00", "2026-11-22 14:05:00Z",
          " 2026-11-22T14:05:00Z", "2026-11-22T14:05:00Z ", "2026-11-22T14:05:00.5Z",
          "2026-11-22T14:05:00+0100", "2026-11-22T14:05:00+01", "2026-11-22T14:05:00+24:00",
          "2026-11-22T14:05:00+01:60", "2026-02-30T14:05:00Z", "2026-13-22T14:05:00Z",
          "2026-11-22T24:00:00Z", "2026-11-22T14:60:00Z", "2026-11-22T14:05:60Z", "4h",
          "2026-11-22T14:05:00ZZ"}) {
        CAPTURE(text);
        CHECK_THROWS_AS(ombud::parse_rfc3339(text), UsageError);
    }
}

TEST_CASE("format_local writes local time to the minute") {
    use_cet();
    CHECK(ombud::format_local(utc(2026, 11, 22, 14, 5)) == "2026-11-22 15:05");
    CHECK(ombud::format_local(utc(2026, 11, 22, 14, 5, 59)) == "2026-11-22 15:05");
    CHECK(ombud::format_local(utc(2026, 7, 1, 14, 5)) == "2026-07-01 16:05");
    CHECK(ombud::format_local(utc(2026, 12, 31, 23, 30)) == "2027-01-01 00:30");
    CHECK(ombud::format_local(utc(2026, 3, 29, 1, 0)) == "2026-03-29 03:00");
    setenv("TZ", "UTC0", 1);
    tzset();
    CHECK(ombud::format_local(utc(2026, 11, 22, 14, 5)) == "2026-11-22 14:05");
}

TEST_CASE("format_relative rounds down to the largest fitting unit") {
    use_cet();
    const Timestamp now = kMonday;
    const auto ago = [&](Timestamp d) { return ombud::format_relative(now - d, now); };
    const auto ahead = [&](Timestamp d) { return ombud::format_relative(now + d, now); };

    CHECK(ago(0) == "just now");
    CHECK(ago(59) == "just now");
    CHECK(ahead(59) == "just now");

    CHECK(ago(60) == "1m ago");
    CHECK(ago(119) == "1m ago");
    CHECK(ago(5 * kMinute) == "5m ago");
    CHECK(ago(kHour - 1) == "59m ago");
    CHECK(ahead(60) == "in 1m");
    CHECK(ahead(kHour - 1) == "in 59m");

    CHECK(ago(kHour) == "1h ago");
    CHECK(ago(3 * kHour + 59 * kMinute) == "3h ago");
    CHECK(ago(48 * kHour - 1) == "47h ago");
    CHECK(ahead(kHour) == "in 1h");
    CHECK(ahead(4 * kHour) == "in 4h");

    CHECK(ago(48 * kHour) == "2d ago");
    CHECK(ago(14 * kDay - 1) == "13d ago");
    CHECK(ahead(3 * kDay) == "in 3d");

    CHECK(ago(14 * kDay) == "2w ago");
    CHECK(ago(21 * kDay) == "3w ago");
    CHECK(ago(365 * kDay - 1) == "52w ago");
    CHECK(ahead(14 * kDay) == "in 2w");

    CHECK(ago(365 * kDay) == "1y ago");
    CHECK(ago(800 * kDay) == "2y ago");
    CHECK(ahead(365 * kDay) == "in 1y");
    CHECK(ahead(3 * 365 * kDay + 5) == "in 3y");
}
