#include <ombud/text.hpp>

#include <algorithm>
#include <vector>

#include <utf8proc.h>

namespace ombud::text {

namespace {

struct Decoded {
    char32_t cp;     // meaningful only when valid
    std::size_t len; // the whole sequence, or the maximal invalid subpart
    bool valid;
};

// Strict decoder after Unicode §3.9 Table 3-7: the allowed range of the second byte depends on
// the lead byte, which is what rules out overlongs, surrogates and code points above U+10FFFF.
// On failure `len` is the maximal subpart, so each one becomes a single U+FFFD when repairing.
Decoded decode(std::string_view s, std::size_t i) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80)
        return {b0, 1, true};

    std::size_t trail = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        trail = 1;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        trail = 2;
        cp = b0 & 0x0F;
        if (b0 == 0xE0)
            lo = 0xA0; // overlong
        else if (b0 == 0xED)
            hi = 0x9F; // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        trail = 3;
        cp = b0 & 0x07;
        if (b0 == 0xF0)
            lo = 0x90; // overlong
        else if (b0 == 0xF4)
            hi = 0x8F; // above U+10FFFF
    } else {
        return {0, 1, false}; // stray continuation, C0/C1 overlong lead, or F5..FF
    }

    std::size_t len = 1;
    for (std::size_t k = 0; k < trail; ++k, ++len) {
        if (i + len >= s.size())
            return {0, len, false};
        const auto b = static_cast<unsigned char>(s[i + len]);
        if (b < lo || b > hi)
            return {0, len, false};
        cp = (cp << 6) | (b & 0x3F);
        lo = 0x80;
        hi = 0xBF;
    }
    return {cp, len, true};
}

struct Unit {
    std::size_t len;
    std::size_t width;
};

// The step display_width and truncation share, so both always agree. An invalid byte is taken
// alone and counted as one column: terminals typically draw it as a replacement glyph.
Unit next_unit(std::string_view s, std::size_t i) {
    const Decoded d = decode(s, i);
    if (!d.valid)
        return {1, 1};
    // utf8proc gives 0 (not -1 like wcwidth) for controls, 2 for emoji, 0 for ZWJ and VS16.
    const int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(d.cp));
    return {d.len, static_cast<std::size_t>(std::max(w, 0))};
}

constexpr char hex_digits[] = "0123456789abcdef";

void append_byte_escape(std::string& out, unsigned char b) {
    out += "\\x";
    out += hex_digits[b >> 4];
    out += hex_digits[b & 0xF];
}

void append_code_point_escape(std::string& out, char32_t cp) {
    std::string digits;
    do {
        digits.insert(digits.begin(), hex_digits[cp & 0xF]);
        cp >>= 4;
    } while (cp != 0);
    out += "\\u{" + digits + "}";
}

bool is_c1(char32_t cp) {
    return cp >= 0x80 && cp <= 0x9F;
}

// Embeddings, overrides and isolates reorder the text that follows them, which can make a
// complaint display as something else. The marks (LRM/RLM) only affect neutrals and stay.
bool is_bidi_control(char32_t cp) {
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

void append_c0_escape(std::string& out, char32_t cp) {
    switch (cp) {
    case '\n':
        out += "\\n";
        break;
    case '\t':
        out += "\\t";
        break;
    case '\r':
        out += "\\r";
        break;
    case 0x1B:
        out += "\\e";
        break;
    default:
        append_byte_escape(out, static_cast<unsigned char>(cp));
        break;
    }
}

} // namespace

std::optional<std::size_t> invalid_utf8_at(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode(s, i);
        if (!d.valid)
            return i;
        i += d.len;
    }
    return std::nullopt;
}

std::string sanitize(std::string_view s, bool keep_newlines) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const Decoded d = decode(s, i);
        if (!d.valid) {
            for (std::size_t k = 0; k < d.len; ++k)
                append_byte_escape(out, static_cast<unsigned char>(s[i + k]));
        } else if (d.cp == '\n' && keep_newlines) {
            out += '\n';
        } else if (d.cp < 0x20) {
            append_c0_escape(out, d.cp);
        } else if (d.cp == 0x7F) {
            out += "\\x7f";
        } else if (is_c1(d.cp) || is_bidi_control(d.cp)) {
            append_code_point_escape(out, d.cp);
        } else {
            out.append(s.substr(i, d.len));
        }
        i += d.len;
    }
    return out;
}

std::size_t display_width(std::string_view s) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < s.size();) {
        const Unit u = next_unit(s, i);
        width += u.width;
        i += u.len;
    }
    return width;
}

std::string truncate_to_width(std::string_view s, std::size_t width) {
    if (width == 0)
        return {};
    if (display_width(s) <= width)
        return std::string(s);

    const std::size_t budget = width - 1; // one column is reserved for the ellipsis
    std::size_t used = 0;
    std::size_t end = 0;
    while (end < s.size()) {
        const Unit u = next_unit(s, end);
        if (used + u.width > budget)
            break;
        used += u.width;
        end += u.len;
    }
    return std::string(s.substr(0, end)) + "\xE2\x80\xA6";
}

std::string pad_to_width(std::string_view s, std::size_t width) {
    std::string out = truncate_to_width(s, width);
    // Truncation may end one column short when a wide character was dropped.
    out.append(width - display_width(out), ' ');
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    // Three rows of the DP table: the one before the previous is needed for transpositions.
    std::vector<std::size_t> before(b.size() + 1);
    std::vector<std::size_t> prev(b.size() + 1);
    std::vector<std::size_t> cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitute = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, substitute});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                cur[j] = std::min(cur[j], before[j - 2] + 1);
        }
        std::swap(before, prev);
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view space = " \t\n\r\v\f";
    const auto first = s.find_first_not_of(space);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(space) - first + 1);
}

} // namespace ombud::text
