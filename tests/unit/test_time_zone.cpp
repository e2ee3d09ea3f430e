#include "scoped_zone.hpp"

#include <ombud/time_zone.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <limits>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

using ombud::tz::LocalMeaning;
using ombud::tz::Period;
using ombud::tz::PosixRule;
using ombud::tz::Zone;

namespace {

constexpr std::int64_t kHour = 3600;
constexpr std::int64_t kDayLength = 86400;

// Zones with every kind of rule the database has: northern and southern daylight time, none,
// abolished, negative (Dublin), half an hour (Lord Howe), transitions at 24:00, 26:00 and -1:00,
// offsets with minutes, a skipped day (Apia).
const std::vector<std::string> kZones = {
    "Europe/Amsterdam",  "America/New_York",    "Australia/Sydney",  "Asia/Kolkata",
    "America/Sao_Paulo", "Pacific/Apia",        "Africa/Casablanca", "Europe/Dublin",
    "America/Nuuk",      "Asia/Jerusalem",      "America/Santiago",  "Pacific/Chatham",
    "Antarctica/Troll",  "Australia/Lord_Howe", "Asia/Tehran",       "UTC",
};

const Zone& zone(const std::string& name) {
    const Zone* z = ombud::tz::find_zone(name);
    REQUIRE_MESSAGE(z != nullptr, name);
    return *z;
}

// The C library's offset at `t` in the zone TZ names: an independent reader of the same files.
std::int64_t libc_offset(std::int64_t t) {
    const std::time_t tt = t;
    std::tm tm{};
    REQUIRE(localtime_r(&tt, &tm) != nullptr);
    return tm.tm_gmtoff;
}

} // namespace

TEST_CASE("offsets agree with the C library from 1900 to 2400, past the files' transitions") {
    for (const std::string& name : kZones) {
        CAPTURE(name);
        const ombud::test::ScopedZone scoped(name.c_str());
        const Zone& z = zone(name);
        // Every 3 days and 7 hours (so every hour of the day and day of the week comes round),
        // and both sides of every period boundary met on the way.
        std::set<std::int64_t> boundaries;
        for (std::int64_t t = -2208988800; t < 13569465600; t += 3 * kDayLength + 7 * kHour) {
            const Period p = z.at(t);
            CAPTURE(t);
            REQUIRE(p.begin <= t);
            REQUIRE(t < p.end);
            CHECK(p.offset == libc_offset(t));
            if (p.end != std::numeric_limits<std::int64_t>::max())
                boundaries.insert(p.end);
        }
        for (const std::int64_t b : boundaries) {
            CAPTURE(b);
            CHECK(z.at(b - 1).offset == libc_offset(b - 1));
            CHECK(z.at(b).offset == libc_offset(b));
            CHECK(z.at(b).begin == b);
            CHECK(z.at(b - 1).end == b);
        }
    }
}

TEST_CASE("a wall-clock time means one instant, none or two") {
    for (const std::string& name : kZones) {
        CAPTURE(name);
        const Zone& z = zone(name);
        // The offsets the zone has had, to find by brute force every instant a local time means.
        std::set<std::int32_t> offsets;
        for (std::int64_t t = -2208988800; t < 4102444800; t += 5 * kDayLength)
            offsets.insert(z.at(t).offset);
        for (std::int64_t local = 0; local < 2524608000; local += 11 * kDayLength + 1800) {
            // Around each boundary the local times are the interesting ones.
            const Period p = z.at(local);
            const bool changes = p.end != std::numeric_limits<std::int64_t>::max();
            const std::int64_t change_local = changes ? p.end + p.offset : local;
            for (const std::int64_t l : {local, change_local - 1800, change_local + 1800}) {
                std::vector<std::int64_t> instants;
                for (const std::int32_t o : offsets)
                    if (z.at(l - o).offset == o)
                        instants.push_back(l - o);
                std::sort(instants.begin(), instants.end());
                instants.erase(std::unique(instants.begin(), instants.end()), instants.end());
                CAPTURE(l);
                const LocalMeaning m = z.at_local(l);
                if (instants.empty()) {
                    CHECK(m.kind == LocalMeaning::Kind::nonexistent);
                    // The jump: before it the clock reads less, after it more.
                    const std::int64_t jump = m.first.end;
                    CHECK(jump == m.second.begin);
                    CHECK(jump - 1 + z.at(jump - 1).offset < l);
                    CHECK(jump + z.at(jump).offset > l);
                } else if (instants.size() == 1) {
                    CHECK(m.kind == LocalMeaning::Kind::unique);
                    CHECK(l - m.first.offset == instants.front());
                } else {
                    REQUIRE(instants.size() == 2);
                    CHECK(m.kind == LocalMeaning::Kind::ambiguous);
                    CHECK(l - m.first.offset == instants.front());
                    CHECK(l - m.second.offset == instants.back());
                }
            }
        }
    }
}

TEST_CASE("Amsterdam's clock changes of 2026 and 2040, inside and past the file") {
    const Zone& z = zone("Europe/Amsterdam");
    for (const auto& changes : {std::pair<std::int64_t, std::int64_t>{1774746000, 1792890000},
                                {2216250000, 2234998800}}) {
        // Plain names: clang cannot capture structured bindings in CAPTURE's lambda.
        const std::int64_t spring = changes.first;
        const std::int64_t autumn = changes.second;
        CAPTURE(spring);
        CHECK(z.at(spring - 1).offset == kHour);
        CHECK(z.at(spring).offset == 2 * kHour);
        CHECK(z.at(spring).end == autumn);
        CHECK(z.at(autumn).offset == kHour);
        // 02:30 on the last Sunday of March does not exist: the clock jumps at 01:00Z.
        const LocalMeaning gap = z.at_local(spring + kHour + 1800);
        CHECK(gap.kind == LocalMeaning::Kind::nonexistent);
        CHECK(gap.first.end == spring);
        // 02:30 on the last Sunday of October happens at 00:30Z and again at 01:30Z.
        const LocalMeaning twice = z.at_local(autumn + kHour + 1800);
        CHECK(twice.kind == LocalMeaning::Kind::ambiguous);
        CHECK(autumn + kHour + 1800 - twice.first.offset == autumn - 1800);
        CHECK(autumn + kHour + 1800 - twice.second.offset == autumn + 1800);
    }
}

TEST_CASE("POSIX TZ strings") {
    const PosixRule cet = PosixRule::parse("CET-1CEST,M3.5.0,M10.5.0/3");
    CHECK(cet.standard == 3600);
    REQUIRE(cet.daylight);
    CHECK(cet.daylight->offset == 7200);
    CHECK(cet.daylight->end.time == 3 * 3600);
    const PosixRule chatham = PosixRule::parse("<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45");
    CHECK(chatham.standard == 12 * 3600 + 45 * 60);
    CHECK(chatham.daylight->start.time == 2 * 3600 + 45 * 60);
    CHECK(PosixRule::parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0").daylight->start.time == -3600);
    CHECK(PosixRule::parse("IST-2IDT,M3.4.4/26,M10.5.0").daylight->start.time == 26 * 3600);
    CHECK_FALSE(PosixRule::parse("<+0530>-5:30").daylight);
    // Julian days: J60 is March 1 even in a leap year; day 59 (counted from 0) is February 29.
    const PosixRule julian = PosixRule::parse("AAA0BBB,J60/0,J305/0");
    CHECK(julian.at(951868800).offset == 3600); // 2000-03-01T00:00:00Z
    CHECK(julian.at(951868799).offset == 0);
    const PosixRule zero_based = PosixRule::parse("AAA0BBB,59/0,304/0");
    CHECK(zero_based.at(951782400).offset == 3600); // 2000-02-29T00:00:00Z
    CHECK(zero_based.at(951782399).offset == 0);
    // Without a rule, daylight time runs as the C library has it: 2nd Sunday of March to the 1st
    // of November, an hour ahead.
    const PosixRule us = PosixRule::parse("EST5EDT");
    CHECK(us.at(1772953199).offset == -5 * 3600); // 2026-03-08T06:59:59Z, 01:59:59 EST
    CHECK(us.at(1772953200).offset == -4 * 3600); // 2026-03-08T07:00:00Z, 03:00 EDT
    CHECK(us.at(1793512800).offset == -5 * 3600); // 2026-11-01T06:00:00Z, 01:00 EST
    // Far beyond the years a rule's calendar reaches, the answer still holds the instant.
    for (const std::int64_t t :
         {std::numeric_limits<std::int64_t>::min(), std::int64_t{-1} << 45, std::int64_t{1} << 45,
          std::numeric_limits<std::int64_t>::max() - 1}) {
        const Period p = cet.at(t);
        CAPTURE(t);
        CHECK(p.begin <= t);
        CHECK(t < p.end);
    }
    CHECK(PosixRule::parse("<+03>-3").standard == 3 * 3600);
    for (const char* bad :
         {"", "C", "CET", "<A>1", "<+3>-3", "CET-1CEST,M3.5.0", "CET-1CEST,M13.5.0,M10.5.0",
          "CET-1CEST,M3.6.0,M10.5.0", "CET-1CEST,M3.5.7,M10.5.0", "CET-1CEST,J0,J10", "CET-25",
          "<+03-3", "CET-1 trailing"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(PosixRule::parse(bad), std::runtime_error);
    }
}

TEST_CASE("damaged and foreign files are refused") {
    std::ifstream in("/usr/share/zoneinfo/Europe/Amsterdam", std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    const std::string good = bytes.str();
    REQUIRE(good.size() > 100);
    CHECK(Zone::parse("Europe/Amsterdam", good).at(0).offset == kHour);
    CHECK_THROWS_AS(Zone::parse("x", ""), std::runtime_error);
    CHECK_THROWS_AS(Zone::parse("x", "# a table, not a zone\n"), std::runtime_error);
    for (std::size_t cut : {std::size_t{10}, std::size_t{44}, good.size() / 2, good.size() - 2}) {
        CAPTURE(cut);
        CHECK_THROWS_AS(Zone::parse("x", good.substr(0, cut)), std::runtime_error);
    }
    CHECK(ombud::tz::find_zone("Nowhere/Atlantis") == nullptr);
    CHECK(ombud::tz::find_zone("../../etc/passwd") == nullptr);
    CHECK(ombud::tz::find_zone("/usr/share/zoneinfo/UTC") == nullptr);
    CHECK(ombud::tz::find_zone("Europe") == nullptr); // a folder
    CHECK(ombud::tz::find_zone("zone.tab") == nullptr);
    CHECK(ombud::tz::find_zone("right/Europe/Amsterdam") == nullptr); // leap seconds
    // Files that are no zone of their own, though they parse.
    for (const char* hidden : {"localtime", "posixrules", "Factory", "posix/Europe/Amsterdam"})
        CHECK_MESSAGE(ombud::tz::find_zone(hidden) == nullptr, hidden);
    REQUIRE(ombud::tz::find_zone("Europe/Amsterdam") != nullptr);
    CHECK(ombud::tz::find_zone("Europe/Amsterdam")->name() == "Europe/Amsterdam");
}

TEST_CASE("the database lists its zones, sorted, without copies") {
    const std::vector<std::string> names = ombud::tz::zone_names();
    CHECK(std::is_sorted(names.begin(), names.end()));
    CHECK(names.size() > 300);
    for (const char* known : {"Europe/Amsterdam", "America/New_York", "UTC", "Etc/GMT+5"})
        CHECK_MESSAGE(std::binary_search(names.begin(), names.end(), known), known);
    for (const std::string& name : names) {
        CAPTURE(name);
        CHECK_FALSE(name.starts_with("posix/"));
        CHECK_FALSE(name.starts_with("right/"));
        CHECK(name != "posixrules");
        CHECK(name != "zone.tab");
    }
}
