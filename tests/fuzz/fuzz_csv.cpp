// libFuzzer target for CSV input: the record reader (csv::Reader) and the import of a
// spreadsheet's rows (csv_import::read). Bad input must be a UsageError, never a crash. What the
// reader accepts must survive being written again with csv::quote and read back; every row of an
// accepted import is either a request that `open` accepts or a problem, never both, never lost.
//
// The first byte chooses the delimiter (, ; or tab), the second how dates with the year last are
// read and whether unknown columns are left out; the rest is the file.

#include "fuzz_check.hpp"

#include <ombud/csv.hpp>
#include <ombud/csv_import.hpp>
#include <ombud/tracker.hpp>

#include <cstddef>
#include <cstdint>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using namespace ombud;

// A fixed moment, so the same input always means the same thing.
constexpr Timestamp now = 1795000000;

std::vector<csv::Record> read_all(const std::string& text, char delimiter) {
    std::istringstream in(text);
    csv::Reader reader(in, delimiter);
    std::vector<csv::Record> records;
    csv::Record r;
    while (reader.next(r))
        records.push_back(r);
    return records;
}

void check_reader(const std::string& input, const std::string& text, char delimiter) {
    const auto records = FUZZ_ACCEPTS(input, read_all(text, delimiter));
    if (!records)
        return;
    std::size_t line = 0;
    for (const auto& r : *records) {
        FUZZ_CHECK(!r.fields.empty(), input);
        FUZZ_CHECK(r.line > line, input);
        line = r.line;
    }
    // Written again: a byte order mark first (the reader skips one, so a field that starts with
    // one keeps it), fields quoted where needed, and a record of one empty field as "" (an
    // empty line is no record).
    std::string again = "\xEF\xBB\xBF";
    for (const auto& r : *records) {
        if (r.fields.size() == 1 && r.fields[0].empty()) {
            again += "\"\"\r\n";
            continue;
        }
        for (std::size_t i = 0; i < r.fields.size(); ++i) {
            if (i > 0)
                again += delimiter;
            again += csv::quote(r.fields[i], delimiter);
        }
        again += "\r\n";
    }
    const auto reread = FUZZ_ACCEPTS(input, read_all(again, delimiter));
    FUZZ_CHECK(reread.has_value(), input);
    FUZZ_CHECK(reread->size() == records->size(), input);
    for (std::size_t i = 0; i < records->size(); ++i)
        FUZZ_CHECK((*reread)[i].fields == (*records)[i].fields, input);
}

csv_import::Rows import_rows(const std::string& text, const csv_import::Options& options) {
    std::istringstream in(text);
    return csv_import::read(in, options, now);
}

void check_import(const std::string& input, const std::string& text,
                  const csv_import::Options& options) {
    const auto rows = FUZZ_ACCEPTS(input, import_rows(text, options));
    if (!rows)
        return;
    FUZZ_CHECK(rows->requests.size() == rows->places.size(), input);
    FUZZ_CHECK(rows->requests.size() + csv_import::bad_rows(rows->problems) == rows->count, input);
    std::set<std::size_t> bad;
    std::size_t last = 0;
    for (const auto& p : rows->problems) {
        FUZZ_CHECK(p.row >= 2 && p.row >= last, input); // the header is row 1
        FUZZ_CHECK(!p.problem.empty(), input);
        last = p.row;
        bad.insert(p.row);
    }
    last = 0;
    for (std::size_t i = 0; i < rows->requests.size(); ++i) {
        const auto [row, line] = rows->places[i];
        FUZZ_CHECK(row >= 2 && row > last && line >= 2, input);
        FUZZ_CHECK(!bad.count(row), input);
        last = row;
        const OpenRequest& r = rows->requests[i];
        FUZZ_CHECK(!r.title.empty(), input);
        // What the import accepted, `open` accepts.
        FUZZ_CHECK(FUZZ_ACCEPTS(input, (check_open_request(r, now), true)).has_value(), input);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2)
        return 0;
    const std::string input(reinterpret_cast<const char*>(data), size);
    static constexpr char delimiters[] = {',', ';', '\t'};
    const char delimiter = delimiters[data[0] % 3];
    csv_import::Options options;
    options.delimiter = delimiter;
    options.dates = static_cast<csv_import::DateOrder>(data[1] % 3);
    options.ignore_unknown = (data[1] & 0x4) != 0;
    const std::string text = input.substr(2);
    check_reader(input, text, delimiter);
    check_import(input, text, options);
    return 0;
}
