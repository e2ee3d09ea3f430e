#include <ombud/csv.hpp>
#include <ombud/error.hpp>

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

using namespace std::literals;
using namespace ombud;

namespace {

using Table = std::vector<std::vector<std::string>>;

// Every record of `text`, read with `delimiter`.
Table read_all(const std::string& text, char delimiter = ',') {
    std::istringstream in(text);
    csv::Reader reader(in, delimiter);
    csv::Record r;
    Table rows;
    while (reader.next(r))
        rows.push_back(r.fields);
    return rows;
}

// The lines the records of `text` start on.
std::vector<std::size_t> lines_of(const std::string& text) {
    std::istringstream in(text);
    csv::Reader reader(in);
    csv::Record r;
    std::vector<std::size_t> lines;
    while (reader.next(r))
        lines.push_back(r.line);
    return lines;
}

// The message of the UsageError reading `text` throws, or "" when it reads.
std::string error_of(const std::string& text, std::size_t max_bytes = 256u << 20) {
    std::istringstream in(text);
    csv::Reader reader(in, ',', max_bytes);
    csv::Record r;
    try {
        while (reader.next(r)) {
        }
    } catch (const UsageError& e) {
        return e.what();
    }
    return "";
}

} // namespace

TEST_CASE("plain fields, with or without a last line end") {
    CHECK(read_all("a,b,c\n1,2,3\n") == Table{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(read_all("a,b,c\n1,2,3") == Table{{"a", "b", "c"}, {"1", "2", "3"}});
    CHECK(read_all("") == Table{});
}

TEST_CASE("empty fields, at the start, the middle and the end") {
    CHECK(read_all(",x,,\n") == Table{{"", "x", "", ""}});
    CHECK(read_all("\"\"\n") == Table{{""}});
}

TEST_CASE("CRLF, a lone CR and empty lines end records; empty lines hold none") {
    CHECK(read_all("a,b\r\n1,2\r\n") == Table{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("a,b\r1,2\r") == Table{{"a", "b"}, {"1", "2"}});
    CHECK(read_all("\n\na\r\n\r\nb\n\n") == Table{{"a"}, {"b"}});
}

TEST_CASE("quoted fields hold delimiters, doubled quotes and line breaks") {
    CHECK(read_all("\"a,b\",c\n") == Table{{"a,b", "c"}});
    CHECK(read_all("\"say \"\"hi\"\"\",x\n") == Table{{"say \"hi\"", "x"}});
    CHECK(read_all("\"\"\"\"\n") == Table{{"\""}});
    // Each line break inside a cell is one LF, as the file ends its lines or not.
    CHECK(read_all("\"one\ntwo\",x\n") == Table{{"one\ntwo", "x"}});
    CHECK(read_all("\"one\r\ntwo\",x\r\n") == Table{{"one\ntwo", "x"}});
    CHECK(read_all("\"one\rtwo\"\r") == Table{{"one\ntwo"}});
    CHECK(read_all("\"a\n\nb\"") == Table{{"a\n\nb"}});
}

TEST_CASE("a quote inside an unquoted field is kept") {
    CHECK(read_all("5\" screen,x\n") == Table{{"5\" screen", "x"}});
}

TEST_CASE("the delimiter can be a semicolon or a tab") {
    CHECK(read_all("a;b,c;\"d;e\"\n", ';') == Table{{"a", "b,c", "d;e"}});
    CHECK(read_all("a\tb c\t\"d\te\"\n", '\t') == Table{{"a", "b c", "d\te"}});
}

TEST_CASE("a UTF-8 byte order mark at the start is skipped, and only there") {
    CHECK(read_all("\xEF\xBB\xBFtitle,x\n1,2\n") == Table{{"title", "x"}, {"1", "2"}});
    CHECK(read_all("\xEF\xBB\xBF\"quoted\"\n") == Table{{"quoted"}});
    CHECK(read_all("a,\xEF\xBB\xBF\n") == Table{{"a", "\xEF\xBB\xBF"}});
    CHECK(error_of("\xEF\xBBx\n") == "line 1: the file starts with a broken byte order mark");
}

TEST_CASE("UTF-8 passes through unchanged") {
    CHECK(read_all("Café,日本語,😀\n") == Table{{"Café", "日本語", "😀"}});
}

TEST_CASE("records know the line they start on") {
    CHECK(lines_of("a\nb\n\nc\n") == std::vector<std::size_t>{1, 2, 4});
    CHECK(lines_of("h\n\"x\ny\nz\",1\nnext\n") == std::vector<std::size_t>{1, 2, 5});
    CHECK(lines_of("h\r\n\"x\r\ny\"\r\nnext\r\n") == std::vector<std::size_t>{1, 2, 4});
}

TEST_CASE("malformed input is refused with its line") {
    CHECK(error_of("a\nb\n\"never closed,\nx\n") == "line 3: a quoted field is never closed");
    CHECK(error_of("a\n\"x\"y,z\n") == "line 2: text after the closing quote of a field");
    CHECK(error_of("a\n\"x\" ,z\n") == "line 2: text after the closing quote of a field");
    CHECK(error_of("a\n\"x\",\"y\"\n") == "");
}

TEST_CASE("a field over 1 MiB and an input over the limit are refused") {
    CHECK(error_of("\"" + std::string((1u << 20) + 1, 'x') + "\"\n") ==
          "line 1: a field is longer than 1 MiB");
    CHECK(error_of(std::string((1u << 20) + 1, 'x')) == "line 1: a field is longer than 1 MiB");
    CHECK(error_of("a,b\nc,d\n", 6) == "the input is larger than 0 MiB");
    CHECK(error_of("a,b\nc,d\n", 8) == "");
}

TEST_CASE("quote writes a field that reads back the same") {
    CHECK(csv::quote("plain") == "plain");
    CHECK(csv::quote("") == "");
    CHECK(csv::quote("a,b") == "\"a,b\"");
    CHECK(csv::quote("a;b") == "a;b");
    CHECK(csv::quote("a;b", ';') == "\"a;b\"");
    CHECK(csv::quote("say \"hi\"") == "\"say \"\"hi\"\"\"");
    CHECK(csv::quote("two\nlines") == "\"two\nlines\"");
    CHECK(csv::quote("cr\r") == "\"cr\r\"");
    for (const std::string s : {"a,b", "\"", "x\ny", ",\",\n", "日本,語"}) {
        CAPTURE(s);
        CHECK(read_all(csv::quote(s) + "\n") == Table{{s}});
    }
}
