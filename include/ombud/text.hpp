#pragma once
// Text handling: UTF-8 validation, terminal-safe escaping and display width.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ombud::text {

/// Byte offset of the first invalid UTF-8 sequence in `s`, or nullopt when `s` is valid.
/// Overlong forms, surrogates and code points above U+10FFFF count as invalid.
std::optional<std::size_t> invalid_utf8_at(std::string_view s);

/// `s` made safe for a terminal: C0/C1 control characters, DEL and escape sequences are shown
/// as visible escapes (`\e`, `\n`, `\t`, `\x7f`, `\u{9b}`), and invalid UTF-8 bytes as `\xNN`.
/// With `keep_newlines`, '\n' stays a real line break (for multi-line note bodies).
std::string sanitize(std::string_view s, bool keep_newlines = false);

/// Columns `s` occupies on a terminal: East Asian wide/fullwidth and emoji count 2,
/// combining marks and zero-width characters 0. Expects sanitized text.
std::size_t display_width(std::string_view s);

/// The longest prefix of `s` that fits in `width` columns; when `s` is cut, the result ends
/// in "…" and still fits. Never splits a UTF-8 sequence or a wide character.
std::string truncate_to_width(std::string_view s, std::size_t width);

/// `s` padded with spaces on the right to exactly `width` columns (truncated first if wider).
std::string pad_to_width(std::string_view s, std::size_t width);

/// `s` with ASCII letters lowered (command words, not names: other bytes stay as they are).
std::string ascii_lower(std::string_view s);

/// `s` without the ASCII whitespace (space, \t, \n, \r, \v, \f) around it.
std::string_view trim(std::string_view s);

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment), for
/// "did you mean …?" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

} // namespace ombud::text
