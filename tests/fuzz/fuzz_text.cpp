// libFuzzer target for the text helpers (include/ombud/text.hpp): UTF-8 validation agrees with an
// independent decoder, sanitized text is valid UTF-8 without anything a terminal would act on,
// and truncation and padding keep to the columns they are given.

#include "fuzz_check.hpp"

#include <ombud/text.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace text = ombud::text;

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";

struct CodePoint {
    char32_t cp;
    std::size_t len;
};

// RFC 3629 by the book, the other way round from src/lib/text.cpp: decode whatever the lead byte
// announces, then reject overlongs, surrogates and values above U+10FFFF by the value.
std::optional<CodePoint> decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    char32_t cp = 0;
    if (b0 < 0x80)
        return CodePoint{b0, 1};
    if ((b0 & 0xE0) == 0xC0) {
        len = 2;
        cp = b0 & 0x1F;
    } else if ((b0 & 0xF0) == 0xE0) {
        len = 3;
        cp = b0 & 0x0F;
    } else if ((b0 & 0xF8) == 0xF0) {
        len = 4;
        cp = b0 & 0x07;
    } else {
        return std::nullopt;
    }
    if (i + len > s.size())
        return std::nullopt;
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80)
            return std::nullopt;
        cp = (cp << 6) | (b & 0x3F);
    }
    constexpr char32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return std::nullopt;
    return CodePoint{cp, len};
}

std::optional<std::size_t> first_invalid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto d = decode(s, i);
        if (!d)
            return i;
        i += d->len;
    }
    return std::nullopt;
}

// What sanitize must not let through.
bool unsafe(char32_t cp, bool keep_newlines) {
    if (cp == '\n')
        return !keep_newlines;
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void check_sanitize(std::string_view input, std::string_view s, bool keep_newlines) {
    const std::string out = text::sanitize(s, keep_newlines);
    FUZZ_CHECK(!first_invalid(out), input);
    FUZZ_CHECK(!text::invalid_utf8_at(out), input);
    bool clean = !first_invalid(s);
    for (std::size_t i = 0; i < s.size() && clean;) {
        const auto d = decode(s, i);
        clean = !unsafe(d->cp, keep_newlines);
        i += d->len;
    }
    for (std::size_t i = 0; i < out.size();) {
        const auto d = decode(out, i);
        FUZZ_CHECK(!unsafe(d->cp, keep_newlines), input);
        i += d->len;
    }
    // Safe text stays as it is; so sanitizing twice changes nothing.
    if (clean)
        FUZZ_CHECK(out == s, input);
    FUZZ_CHECK(text::sanitize(out, keep_newlines) == out, input);
    FUZZ_CHECK(out.size() >= s.size(), input);
    if (keep_newlines)
        FUZZ_CHECK(std::count(out.begin(), out.end(), '\n') == std::count(s.begin(), s.end(), '\n'),
                   input);
}

void check_width(std::string_view input, std::string_view s, std::size_t width) {
    const bool valid = !first_invalid(s);
    const std::size_t full = text::display_width(s);

    const std::string cut = text::truncate_to_width(s, width);
    const std::size_t cut_width = text::display_width(cut);
    FUZZ_CHECK(cut_width <= width, input);
    if (width == 0) {
        FUZZ_CHECK(cut.empty(), input); // even when `s` takes no columns (combining marks)
    } else if (full <= width) {
        FUZZ_CHECK(cut == s, input);
    } else {
        // A prefix and the ellipsis; the longest that fits, give or take one wide character.
        FUZZ_CHECK(cut.size() >= kEllipsis.size(), input);
        FUZZ_CHECK(std::string_view(cut).substr(cut.size() - kEllipsis.size()) == kEllipsis, input);
        const std::string_view kept = std::string_view(cut).substr(0, cut.size() - 3);
        FUZZ_CHECK(s.substr(0, kept.size()) == kept, input);
        FUZZ_CHECK(cut_width + 1 >= width, input);
        // Never splits a sequence.
        if (valid)
            FUZZ_CHECK(!first_invalid(cut), input);
    }

    const std::string padded = text::pad_to_width(s, width);
    FUZZ_CHECK(text::display_width(padded) == width, input);
    FUZZ_CHECK(padded.substr(0, cut.size()) == cut, input);
    FUZZ_CHECK(padded.find_first_not_of(' ', cut.size()) == std::string::npos, input);
}

void check_widths(std::string_view input, std::string_view s) {
    const std::size_t full = text::display_width(s);
    FUZZ_CHECK(full <= 2 * s.size(), input);
    std::vector<std::size_t> widths = {0, 1, 2, 3, 4, 7, 10, 80, full, full + 1};
    if (full > 0)
        widths.push_back(full - 1);
    if (full > 1)
        widths.push_back(full - 2);
    if (!s.empty())
        widths.push_back(static_cast<unsigned char>(s[0]) % 64);
    for (const std::size_t w : widths)
        check_width(input, s, w);
}

void check_words(std::string_view input, std::string_view a, std::string_view b) {
    const std::string lowered = text::ascii_lower(a);
    FUZZ_CHECK(lowered.size() == a.size(), input);
    for (std::size_t i = 0; i < a.size(); ++i) {
        const char c = a[i];
        FUZZ_CHECK(lowered[i] == (c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c),
                   input);
    }

    const std::size_t d = text::edit_distance(a, b);
    FUZZ_CHECK(d == text::edit_distance(b, a), input);
    FUZZ_CHECK(d <= std::max(a.size(), b.size()), input);
    FUZZ_CHECK(d >= std::max(a.size(), b.size()) - std::min(a.size(), b.size()), input);
    FUZZ_CHECK((d == 0) == (a == b), input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);

    const auto at = text::invalid_utf8_at(input);
    FUZZ_CHECK(at == first_invalid(input), input);

    for (const bool keep_newlines : {false, true})
        check_sanitize(input, input, keep_newlines);

    // Widths of raw bytes (whatever is stored) and of sanitized text (what is shown).
    check_widths(input, input);
    check_widths(input, text::sanitize(input));

    // Edit distance is quadratic: two short halves are enough.
    const std::string_view head = input.substr(0, std::min<std::size_t>(size / 2, 64));
    const std::string_view tail = input.substr(size / 2, 64);
    check_words(input, head, tail);
    return 0;
}
