// libFuzzer target for time zones: the bytes of a TZif file (tz::Zone::parse) and a POSIX TZ
// string (tz::PosixRule::parse). Bad input must be a std::runtime_error, never a crash; what is
// accepted must answer consistently: the period at an instant holds it, and the meaning of a
// wall-clock time agrees with the periods it names.

#include "fuzz_check.hpp"

#include <ombud/time_zone.hpp>

#include <cstddef>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>

namespace {

using namespace ombud;

// 0000-01-01, 1900, 1970, 2026, 2038 (past most files' transitions), 2100, 9999-12-31.
constexpr std::int64_t kInstants[] = {-62167219200, -2208988800, 0,           1795000000,
                                      2147483648,   4102444800,  253402300799};

template <typename F> std::optional<decltype(std::declval<F>()())> parsed(F&& f) {
    try {
        return f();
    } catch (const std::runtime_error&) {
        return std::nullopt;
    }
}

void check_period(const tz::Period& p, std::int64_t t, const std::string& input) {
    FUZZ_CHECK(p.begin <= t && t < p.end, input);
    FUZZ_CHECK(p.offset > -26 * 3600 && p.offset < 26 * 3600, input);
}

void check_rule(const std::string& input) {
    const auto rule = parsed([&] { return tz::PosixRule::parse(input); });
    if (!rule)
        return;
    for (const std::int64_t t : kInstants) {
        const tz::Period p = rule->at(t);
        check_period(p, t, input);
        FUZZ_CHECK(p.offset == rule->standard ||
                       (rule->daylight && p.offset == rule->daylight->offset),
                   input);
    }
}

void check_zone(const std::string& input) {
    const auto zone = parsed([&] { return tz::Zone::parse("fuzz", input); });
    if (!zone)
        return;
    for (const std::int64_t t : kInstants) {
        const tz::Period p = zone->at(t);
        check_period(p, t, input);
        if (p.end != std::numeric_limits<std::int64_t>::max())
            FUZZ_CHECK(zone->at(p.end).begin == p.end, input);
        // The wall-clock time this instant shows means it (among others, perhaps).
        const std::int64_t local = t + p.offset;
        const tz::LocalMeaning m = zone->at_local(local);
        FUZZ_CHECK(m.kind != tz::LocalMeaning::Kind::nonexistent, input);
        // One of the instants it means; with more than two (only damaged data has them),
        // between the earliest and the latest.
        FUZZ_CHECK(local - m.first.offset <= t && t <= local - m.second.offset, input);
        for (const tz::Period& q : {m.first, m.second})
            FUZZ_CHECK(q.begin <= local - q.offset && local - q.offset < q.end, input);
        // The clock's reading at the end of the period, by its offset: skipped when the clock
        // jumps forward there, else meant once or twice.
        if (p.end < kInstants[6]) {
            const std::int64_t jump_local = p.end + p.offset;
            const tz::LocalMeaning j = zone->at_local(jump_local);
            if (j.kind == tz::LocalMeaning::Kind::nonexistent) {
                const std::int64_t jump = j.first.end;
                FUZZ_CHECK(jump == j.second.begin, input);
                FUZZ_CHECK(jump - 1 + zone->at(jump - 1).offset < jump_local, input);
                FUZZ_CHECK(jump + zone->at(jump).offset > jump_local, input);
            } else {
                for (const tz::Period& q : {j.first, j.second})
                    FUZZ_CHECK(q.begin <= jump_local - q.offset && jump_local - q.offset < q.end,
                               input);
            }
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    check_rule(input);
    check_zone(input);
    return 0;
}
