#include <ombud/text.hpp>

#include <doctest/doctest.h>

#include <string>
#include <string_view>

using namespace std::literals;
using namespace ombud::text;

namespace {

// True when a byte a terminal could act on survives: C0, DEL, or a UTF-8 encoded C1 control.
bool has_raw_control(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x20 || b == 0x7F)
            return true;
        if (b == 0xC2 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next >= 0x80 && next <= 0x9F)
                return true;
        }
    }
    return false;
}

} // namespace

TEST_CASE("invalid_utf8_at accepts valid text") {
    CHECK_FALSE(invalid_utf8_at(""));
    CHECK_FALSE(invalid_utf8_at("plain ascii ~\x7f"));
    CHECK_FALSE(invalid_utf8_at("héllo 日本語"));
    CHECK_FALSE(invalid_utf8_at("4-byte: 😀 𠀀"));

    SUBCASE("boundaries of each length") {
        CHECK_FALSE(invalid_utf8_at("\xc2\x80"));         // U+0080
        CHECK_FALSE(invalid_utf8_at("\xdf\xbf"));         // U+07FF
        CHECK_FALSE(invalid_utf8_at("\xe0\xa0\x80"));     // U+0800
        CHECK_FALSE(invalid_utf8_at("\xed\x9f\xbf"));     // U+D7FF, just below the surrogates
        CHECK_FALSE(invalid_utf8_at("\xee\x80\x80"));     // U+E000, just above them
        CHECK_FALSE(invalid_utf8_at("\xef\xbf\xbf"));     // U+FFFF
        CHECK_FALSE(invalid_utf8_at("\xf0\x90\x80\x80")); // U+10000
        CHECK_FALSE(invalid_utf8_at("\xf4\x8f\xbf\xbf")); // U+10FFFF
    }
}

TEST_CASE("invalid_utf8_at reports the offset of the first invalid sequence") {
    SUBCASE("overlong forms") {
        CHECK(invalid_utf8_at("ab\xc0\xaf") == 2u);        // '/' in two bytes
        CHECK(invalid_utf8_at("\xc1\xbf") == 0u);          // U+007F in two bytes
        CHECK(invalid_utf8_at("x\xe0\x80\xaf") == 1u);     // '/' in three bytes
        CHECK(invalid_utf8_at("\xe0\x9f\xbf") == 0u);      // U+07FF in three bytes
        CHECK(invalid_utf8_at("é\xf0\x8f\xbf\xbf") == 2u); // U+FFFF in four bytes
    }
    SUBCASE("surrogates") {
        CHECK(invalid_utf8_at("abc\xed\xa0\x80") == 3u); // U+D800
        CHECK(invalid_utf8_at("\xed\xbf\xbf") == 0u);    // U+DFFF
    }
    SUBCASE("above U+10FFFF") {
        CHECK(invalid_utf8_at("\xf4\x90\x80\x80") == 0u);
        CHECK(invalid_utf8_at("ok \xf5\x80\x80\x80") == 3u);
        CHECK(invalid_utf8_at("\xff") == 0u);
    }
    SUBCASE("truncated sequences") {
        CHECK(invalid_utf8_at("ab\xe6\x97") == 2u);
        CHECK(invalid_utf8_at("\xf0\x9f\x98") == 0u);
        CHECK(invalid_utf8_at("日\xc3") == 3u);
        CHECK(invalid_utf8_at("\xc3"
                              "A") == 0u);
    }
    SUBCASE("stray continuation bytes") {
        CHECK(invalid_utf8_at("a\x80"
                              "b") == 1u);
        CHECK(invalid_utf8_at("日\xbf") == 3u);
    }
    SUBCASE("only the first error counts") {
        CHECK(invalid_utf8_at("a\x80\xff") == 1u);
    }
}

TEST_CASE("sanitize leaves printable text alone") {
    CHECK(sanitize("Printer on floor 3 is broken") == "Printer on floor 3 is broken");
    CHECK(sanitize("naïve 日本語 😀") == "naïve 日本語 😀");
    CHECK(sanitize("C:\\path\\x1b") == "C:\\path\\x1b"); // backslashes are not doubled
    CHECK(sanitize("\xc2\xa0") == "\xc2\xa0");           // U+00A0 is not a C1 control
    CHECK(sanitize("\xe2\x80\x94") == "\xe2\x80\x94");   // U+2014 em dash
}

TEST_CASE("sanitize escapes C0 controls and DEL") {
    CHECK(sanitize("a\nb") == "a\\nb");
    CHECK(sanitize("a\tb") == "a\\tb");
    CHECK(sanitize("a\rb") == "a\\rb");
    CHECK(sanitize("\x1b") == "\\e");
    CHECK(sanitize("bell\x07") == "bell\\x07");
    CHECK(sanitize("a\0b"sv) == "a\\x00b");
    CHECK(sanitize("\x08\x1f") == "\\x08\\x1f");
    CHECK(sanitize("\x7f") == "\\x7f");
}

TEST_CASE("sanitize keeps newlines only when asked") {
    CHECK(sanitize("one\ntwo", true) == "one\ntwo");
    CHECK(sanitize("one\ntwo", false) == "one\\ntwo");
    CHECK(sanitize("one\r\ntwo", true) == "one\\r\ntwo"); // CR could still overwrite the line
    CHECK(sanitize("a\tb\x1b", true) == "a\\tb\\e");
}

TEST_CASE("sanitize leaves no escape sequence intact") {
    SUBCASE("CSI") {
        const std::string out = sanitize("\x1b[31mred\x1b[0m");
        CHECK(out == "\\e[31mred\\e[0m");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("cursor movement and screen clearing") {
        const std::string out = sanitize("\x1b[2J\x1b[H\x1b[1A");
        CHECK(out == "\\e[2J\\e[H\\e[1A");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("OSC terminated by BEL") {
        const std::string out = sanitize("\x1b]0;title\x07");
        CHECK(out == "\\e]0;title\\x07");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("OSC 8 hyperlink terminated by ST") {
        const std::string out = sanitize("\x1b]8;;http://evil\x1b\\");
        CHECK(out == "\\e]8;;http://evil\\e\\");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("8-bit CSI encoded as UTF-8") {
        const std::string out = sanitize("\xc2\x9b"
                                         "31m");
        CHECK(out == "\\u{9b}31m");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("8-bit CSI as a raw byte") {
        const std::string out = sanitize("\x9b"
                                         "31m");
        CHECK(out == "\\x9b31m");
        CHECK_FALSE(has_raw_control(out));
    }
    SUBCASE("with newlines kept") {
        const std::string out = sanitize("\x1b[31m\nx\x1b]2;t\x07", true);
        CHECK(out == "\\e[31m\nx\\e]2;t\\x07");
        CHECK(out.find('\x1b') == std::string::npos);
        CHECK(out.find('\x07') == std::string::npos);
    }
}

TEST_CASE("sanitize escapes C1 controls") {
    CHECK(sanitize("\xc2\x80") == "\\u{80}");
    CHECK(sanitize("a\xc2\x85"
                   "b") == "a\\u{85}b");
    CHECK(sanitize("\xc2\x9f") == "\\u{9f}");
}

TEST_CASE("sanitize neutralises bidi embeddings, overrides and isolates") {
    CHECK(sanitize("\xe2\x80\xaa") == "\\u{202a}");
    CHECK(sanitize("\xe2\x80\xac") == "\\u{202c}");
    CHECK(sanitize("invoice\xe2\x80\xae"
                   "fdp.exe") == "invoice\\u{202e}fdp.exe");
    CHECK(sanitize("\xe2\x81\xa6") == "\\u{2066}");
    CHECK(sanitize("\xe2\x81\xa8") == "\\u{2068}");
    CHECK(sanitize("\xe2\x81\xa9") == "\\u{2069}");
}

TEST_CASE("sanitize shows invalid UTF-8 bytes as hex") {
    CHECK(sanitize("a\xff"
                   "b") == "a\\xffb");
    CHECK(sanitize("\xe6\x97") == "\\xe6\\x97");
    CHECK(sanitize("\xc0\xaf") == "\\xc0\\xaf");
    CHECK(sanitize("\xed\xa0\x80") == "\\xed\\xa0\\x80");

    const std::string out = sanitize("\xfe\x1b\xc3");
    CHECK(out == "\\xfe\\e\\xc3");
    CHECK_FALSE(invalid_utf8_at(out));
}

TEST_CASE("display_width") {
    CHECK(display_width("") == 0);
    CHECK(display_width("hello") == 5);
    CHECK(display_width("héllo") == 5);
    CHECK(display_width("日本語") == 6);
    CHECK(display_width("ＡＢ") == 4); // fullwidth Latin
    CHECK(display_width("a日b") == 4);
    CHECK(display_width("😀") == 2);
    CHECK(display_width("ok 😀!") == 6);
    CHECK(display_width("e\xcc\x81") == 1); // e + combining acute
    CHECK(display_width("a\xe2\x80\x8d"
                        "b") == 2); // zero-width joiner
    CHECK(display_width("a\xe2\x80\x8b"
                        "b") == 2);             // zero-width space
    CHECK(display_width("a\xef\xb8\x8f") == 1); // variation selector 16

    SUBCASE("unsanitized input does not crash") {
        CHECK(display_width("\x1b[0m") == 3); // ESC itself is 0
        CHECK(display_width("\xff\xfe") == 2);
        CHECK(display_width("a\xe6\x97") == 3);
    }
}

TEST_CASE("truncate_to_width") {
    SUBCASE("ASCII") {
        CHECK(truncate_to_width("hello", 10) == "hello");
        CHECK(truncate_to_width("hello", 5) == "hello"); // exact fit is not cut
        CHECK(truncate_to_width("hello", 4) == "hel…");
        CHECK(truncate_to_width("hello", 2) == "h…");
        CHECK(truncate_to_width("hello", 1) == "…");
        CHECK(truncate_to_width("hello", 0) == "");
        CHECK(truncate_to_width("", 0) == "");
    }
    SUBCASE("multibyte is never split") {
        CHECK(truncate_to_width("héllo", 3) == "hé…");
        CHECK(truncate_to_width("e\xcc\x81xyz", 2) == "e\xcc\x81…"); // mark stays with its base
    }
    SUBCASE("wide characters") {
        CHECK(truncate_to_width("日本語", 6) == "日本語");
        CHECK(truncate_to_width("日本語", 5) == "日本…");
        CHECK(truncate_to_width("日本語", 4) == "日…"); // 本 would straddle the limit
        CHECK(truncate_to_width("日本語", 3) == "日…");
        CHECK(truncate_to_width("日本語", 2) == "…");
        CHECK(truncate_to_width("😀😀", 3) == "😀…");
        CHECK(truncate_to_width("a😀", 2) == "a…");
    }
    SUBCASE("result always fits and stays valid UTF-8") {
        for (const std::string_view s : {"hello world"sv, "日本語テキスト"sv,
                                         "a日😀b\xcc\x81"
                                         "c"sv}) {
            for (std::size_t w = 0; w <= 16; ++w) {
                CAPTURE(s);
                CAPTURE(w);
                const std::string t = truncate_to_width(s, w);
                CHECK(display_width(t) <= w);
                CHECK_FALSE(invalid_utf8_at(t));
            }
        }
    }
}

TEST_CASE("pad_to_width") {
    CHECK(pad_to_width("ab", 5) == "ab   ");
    CHECK(pad_to_width("abc", 3) == "abc");
    CHECK(pad_to_width("", 2) == "  ");
    CHECK(pad_to_width("hello", 3) == "he…");
    CHECK(pad_to_width("hello", 0) == "");
    CHECK(pad_to_width("日本", 6) == "日本  ");
    CHECK(pad_to_width("日本語", 5) == "日本…");
    CHECK(pad_to_width("日本語", 4) == "日… "); // the dropped wide char leaves a column to pad

    for (const std::string_view s : {"x"sv, "hello world"sv, "日本語テキスト"sv, "😀a😀"sv}) {
        for (std::size_t w = 0; w <= 16; ++w) {
            CAPTURE(s);
            CAPTURE(w);
            CHECK(display_width(pad_to_width(s, w)) == w);
        }
    }
}

TEST_CASE("edit_distance") {
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("list", "list") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("asign", "assign") == 1);
    // Two neighbours swapped, the commonest typo, is one edit.
    CHECK(edit_distance("close", "clsoe") == 1);
    CHECK(edit_distance("clsoe", "close") == 1);
    CHECK(edit_distance("mraia", "maria") == 1);
    CHECK(edit_distance("ab", "ba") == 1);
    CHECK(edit_distance("abc", "ca") == 3); // restricted: no edit inside a swapped pair
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("flaw", "lawn") == 2);
    CHECK(edit_distance("é", "e") == 2); // counted on bytes
}

TEST_CASE("trim drops ASCII whitespace at both ends only") {
    CHECK(ombud::text::trim(" \t mon-fri 09:00-17:00 \r\n") == "mon-fri 09:00-17:00");
    CHECK(ombud::text::trim("a  b") == "a  b");
    CHECK(ombud::text::trim(" \v\f ").empty());
    CHECK(ombud::text::trim("").empty());
    CHECK(ombud::text::trim("\xc2\xa0x") == "\xc2\xa0x"); // no-break space is not ASCII
}

TEST_CASE("ascii_lower lowers only ASCII letters") {
    CHECK(ombud::text::ascii_lower("OPEN In-Person") == "open in-person");
    CHECK(ombud::text::ascii_lower("\xc3\x89t\xc3\xa9") == "\xc3\x89t\xc3\xa9"); // Été stays
}
