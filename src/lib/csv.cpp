#include <ombud/csv.hpp>
#include <ombud/error.hpp>

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <ios>

namespace ombud::csv {
namespace {

// A field this long is a quote left open far more often than a real cell.
constexpr std::size_t max_field_bytes = 1u << 20;

// A stream buffer reports a failed read (a folder, a failing disk) by throwing, in words meant
// for programmers.
template <typename Read> int guarded_read(Read read) {
    try {
        return read();
    } catch (const std::ios_base::failure&) {
        throw Error(ExitCode::failed,
                    fmt::format("reading the input failed: {}", std::strerror(errno)));
    }
}

} // namespace

Reader::Reader(std::istream& in, char delimiter, std::size_t max_bytes)
    : in_(in), delimiter_(delimiter), max_bytes_(max_bytes) {}

int Reader::get() {
    const int c = guarded_read([&] { return in_.rdbuf()->sbumpc(); });
    if (c == std::char_traits<char>::eof())
        return c;
    if (++bytes_ > max_bytes_)
        throw UsageError(fmt::format("the input is larger than {} MiB", max_bytes_ >> 20),
                         "split it into several files");
    return c;
}

int Reader::peek() {
    return guarded_read([&] { return in_.rdbuf()->sgetc(); });
}

bool Reader::next(Record& record) {
    constexpr int eof = std::char_traits<char>::eof();
    if (!started_) {
        started_ = true;
        // Excel's "CSV UTF-8" starts with a byte order mark.
        if (peek() == 0xEF) {
            get();
            if (get() != 0xBB || get() != 0xBF)
                throw UsageError("line 1: the file starts with a broken byte order mark",
                                 "save it as CSV UTF-8");
        }
    }
    // Line ends: LF, CRLF or a lone CR. Empty lines hold no record.
    const auto line_end = [&](int c) {
        if (c == '\r' && peek() == '\n')
            get();
        ++line_;
    };
    int c = get();
    while (c == '\n' || c == '\r') {
        line_end(c);
        c = get();
    }
    if (c == eof)
        return false;

    record.fields.clear();
    record.line = line_;
    std::string field;
    const auto push = [&] {
        record.fields.push_back(std::move(field));
        field.clear();
    };
    const auto grow = [&](char ch, std::size_t started) {
        if (field.size() >= max_field_bytes)
            throw UsageError(fmt::format("line {}: a field is longer than 1 MiB", started),
                             "a quote opened there may never be closed");
        field += ch;
    };
    for (;;) {
        if (c == '"') {
            // A quoted field runs to the quote that is not doubled.
            const std::size_t started = line_;
            for (;;) {
                c = get();
                if (c == eof)
                    throw UsageError(
                        fmt::format("line {}: a quoted field is never closed", started),
                        "a quote inside a quoted field is written twice (\"\")");
                if (c == '"') {
                    if (peek() != '"')
                        break;
                    get();
                } else if (c == '\r' || c == '\n') {
                    // A line break in a cell is one LF, whatever the file's line ends are.
                    if (c == '\r' && peek() == '\n')
                        get();
                    c = '\n';
                    ++line_;
                }
                grow(static_cast<char>(c), started);
            }
            c = get();
            if (c != delimiter_ && c != '\n' && c != '\r' && c != eof)
                throw UsageError(
                    fmt::format("line {}: text after the closing quote of a field", line_),
                    "a quote inside a quoted field is written twice (\"\")");
        } else {
            const std::size_t started = line_;
            while (c != delimiter_ && c != '\n' && c != '\r' && c != eof) {
                grow(static_cast<char>(c), started);
                c = get();
            }
        }
        push();
        if (c == delimiter_) {
            c = get();
            continue;
        }
        if (c != eof)
            line_end(c);
        return true;
    }
}

std::string quote(std::string_view s, char delimiter) {
    const char specials[] = {delimiter, '"', '\r', '\n', '\0'};
    if (s.find_first_of(specials) == std::string_view::npos)
        return std::string(s);
    std::string quoted;
    quoted.reserve(s.size() + 2);
    quoted += '"';
    for (const char ch : s) {
        if (ch == '"')
            quoted += '"';
        quoted += ch;
    }
    quoted += '"';
    return quoted;
}

} // namespace ombud::csv
