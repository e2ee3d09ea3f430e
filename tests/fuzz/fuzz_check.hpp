#pragma once
// What the fuzz targets share: checks that report a broken invariant with the input and abort, so
// libFuzzer keeps the input as a crash, and a guard that lets through only the UsageError that
// bad input is supposed to cause.

#include <ombud/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

namespace ombud::fuzz {

/// Where the target is (time zone, `now`, use …), printed with a failure.
inline std::string& context() {
    static std::string c;
    return c;
}

/// ASCII lower case, written here independently of ombud's own helper.
inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

/// `s` as a C string literal, so a report can be read and pasted into a test.
inline std::string escaped(std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    for (const char c : s) {
        const auto b = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (b >= 0x20 && b < 0x7F) {
            out += c;
        } else {
            out += "\\x";
            out += hex[b >> 4];
            out += hex[b & 0xF];
            out += "\"\""; // ends the escape: "\xe2""\x80" is two bytes, not one run of hex
        }
    }
    out += '"';
    return out;
}

[[noreturn]] inline void fail(const char* file, int line, std::string_view what,
                              std::string_view input) {
    std::fprintf(stderr, "\n%s:%d: invariant broken: %.*s\n  input: %s\n", file, line,
                 static_cast<int>(what.size()), what.data(), escaped(input).c_str());
    if (!context().empty())
        std::fprintf(stderr, "  context: %s\n", context().c_str());
    std::abort();
}

/// Runs `f`: its value, or nullopt when it throws UsageError (bad input, as documented). Any
/// other exception is a bug and aborts.
template <typename F>
auto accepts(const char* file, int line, std::string_view input, F&& f)
    -> std::optional<decltype(f())> {
    try {
        return f();
    } catch (const UsageError&) {
        return std::nullopt;
    } catch (const std::exception& e) {
        fail(file, line, std::string("unexpected exception: ") + e.what(), input);
    } catch (...) {
        fail(file, line, "unexpected exception of a type not derived from std::exception", input);
    }
}

} // namespace ombud::fuzz

/// Aborts with the input and the failed condition unless `cond` holds.
#define FUZZ_CHECK(cond, input)                                                                    \
    do {                                                                                           \
        if (!(cond))                                                                               \
            ::ombud::fuzz::fail(__FILE__, __LINE__, #cond, input);                                 \
    } while (0)

/// The value of `expr`, or nullopt when it throws UsageError; any other exception aborts.
#define FUZZ_ACCEPTS(input, expr)                                                                  \
    ::ombud::fuzz::accepts(__FILE__, __LINE__, input, [&] { return expr; })
