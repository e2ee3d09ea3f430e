// libFuzzer target for the word and number parsers of include/ombud/model.hpp: each accepts
// exactly its documented words (in any ASCII case) or numbers, gives back what it read, and
// rejects anything else with UsageError.

#include "fuzz_check.hpp"

#include <ombud/model.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

namespace {

using namespace ombud;

using ombud::fuzz::lower;

void check_complaint_id(std::string_view input) {
    const auto id = FUZZ_ACCEPTS(input, parse_complaint_id(input));

    std::string_view digits = input;
    if (!digits.empty() && digits.front() == '#')
        digits.remove_prefix(1);
    const bool all_digits =
        !digits.empty() &&
        std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; });
    std::string_view significant = digits;
    while (!significant.empty() && significant.front() == '0')
        significant.remove_prefix(1);
    constexpr std::string_view max = "9223372036854775807";
    const bool fits =
        significant.size() < max.size() || (significant.size() == max.size() && significant <= max);
    FUZZ_CHECK(id.has_value() == (all_digits && !significant.empty() && fits), input);
    if (!id)
        return;
    FUZZ_CHECK(*id > 0, input);
    FUZZ_CHECK(std::to_string(*id) == significant, input);
    const auto again = FUZZ_ACCEPTS(input, parse_complaint_id("#" + std::to_string(*id)));
    FUZZ_CHECK(again == id, input);
}

// `parse` accepts `s` exactly when its lowercase is one of `names`, and returns that one.
template <typename Parse>
void check_words(std::string_view input, std::string_view s,
                 std::initializer_list<std::string_view> names, Parse parse) {
    const auto value = FUZZ_ACCEPTS(input, parse(s));
    const std::string l = lower(s);
    const bool known = std::find(names.begin(), names.end(), l) != names.end();
    FUZZ_CHECK(value.has_value() == known, input);
    if (value)
        FUZZ_CHECK(to_string(*value) == l, input);
}

void check_channel(std::string_view input, std::string_view s) {
    const auto channel = FUZZ_ACCEPTS(input, parse_channel(s, s));
    std::string l = lower(s);
    if (l == "inperson" || l == "in_person")
        l = "in-person";
    const bool known = std::find(std::begin(channels), std::end(channels), l) != std::end(channels);
    FUZZ_CHECK(channel.has_value() == known, input);
    if (channel)
        FUZZ_CHECK(*channel == l, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    check_complaint_id(input);
    // The option name goes into the message too: any bytes must do.
    check_words(input, input, {"open", "escalated", "waiting", "closed"},
                [&](std::string_view s) { return parse_status(s, input); });
    check_words(input, input, {"low", "normal", "high", "urgent"},
                [&](std::string_view s) { return parse_priority(s, input); });
    check_words(input, input, {"in", "out"},
                [&](std::string_view s) { return parse_direction(s, input); });
    check_words(input, input, {"resolved", "rejected", "duplicate", "withdrawn"},
                [&](std::string_view s) { return parse_close_reason(s, input); });
    check_words(input, input,
                {"opened", "note", "escalated", "assigned", "closed", "reopened", "decided",
                 "waited", "resumed"},
                [](std::string_view s) { return parse_event_kind(s); });
    check_channel(input, input);
    return 0;
}
