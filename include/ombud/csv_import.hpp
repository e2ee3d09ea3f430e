#pragma once
// CSV import: the rows of a spreadsheet as complaints to open. Each column fills one field of
// `ombud open` (title, customer, email, phone, channel, category, priority, owner, due, note,
// at), found from its header: the field's name or a common synonym, in any case ("Subject",
// "E-mail", "Assigned to", "Date"), or as `--map "COLUMN=FIELD"` says.

#include <ombud/tracker.hpp>
#include <ombud/when.hpp>

#include <cstddef>
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ombud::csv_import {

/// The fields a column can fill, in the order of `ombud open`'s options.
inline constexpr std::string_view fields[] = {"title",   "customer", "email",    "phone",
                                              "channel", "category", "priority", "owner",
                                              "due",     "note",     "at"};

/// How a date with the day and month before the year is read.
enum class DateOrder {
    unset, ///< only when it reads one way (23/11/2026), and the same way in every row
    dmy,   ///< day first: 23-11-2026, 23/11/2026, 23.11.2026
    mdy,   ///< month first: 11/23/2026
};

/// Throws UsageError unless `s` is `dmy` or `mdy`.
DateOrder parse_date_order(std::string_view s);

/// A time as a spreadsheet writes it, for `use`: 2026-11-23, 2026-11-23 14:05, RFC 3339, or
/// with the year last 23-11-2026 14:05, 11/23/2026 2:05 PM (by `order`). With `unset`, a date
/// that reads two ways (03/04/2026) is a UsageError that says so.
struct ReadDate {
    Timestamp time = 0;
    /// How a date with the year last was read; unset for the others and for 05/05/2026.
    DateOrder read_as = DateOrder::unset;
};
ReadDate parse_date(std::string_view text, DateOrder order, Timestamp now, WhenUse use);

struct Options {
    char delimiter = ',';
    /// `COLUMN=FIELD` each; an empty FIELD leaves the column out.
    std::vector<std::string> map;
    DateOrder dates = DateOrder::unset;
    /// Leave out columns that are no field, instead of refusing the file.
    bool ignore_unknown = false;
};

/// The field a header names by itself (its name or a synonym), or empty.
std::string_view field_of(std::string_view header);

/// A column of the file and the field it fills; empty when it is left out.
struct Column {
    std::string header;
    std::string field;
};

/// A row that cannot be imported. Rows are counted as a spreadsheet counts them (the header is
/// row 1); `line` is the line of the file the row starts on.
struct RowProblem {
    std::size_t row = 0;
    std::size_t line = 0;
    std::string column; ///< its header, or empty when the problem is the whole row
    std::string problem;
};

/// What a file holds: a request for each usable row and a problem for each other one.
struct Rows {
    std::vector<Column> columns;
    /// Rows below the header, blank ones not counted.
    std::size_t count = 0;
    std::vector<OpenRequest> requests;
    /// The row and line of each request.
    std::vector<std::pair<std::size_t, std::size_t>> places;
    /// By row; a row may have several.
    std::vector<RowProblem> problems;
};

/// What an import did, or with `dry_run` would do.
struct Report {
    bool dry_run = false;
    bool written = false;
    std::vector<Column> columns;
    /// Rows below the header, blank ones not counted.
    std::size_t rows = 0;
    /// Complaints opened (or that would be), and their numbers when written.
    std::size_t complaints = 0;
    std::optional<ComplaintId> first_id, last_id;
    std::vector<std::string> new_customers;
    std::vector<std::string> new_members;
    /// Every row it cannot use, by row.
    std::vector<RowProblem> problems;
};

/// The report of opening `rows`' requests as `batch` says, each refusal told as its row and
/// column.
Report combine(const Rows& rows, const BatchReport& batch, bool dry_run);

/// Distinct rows in `problems`.
std::size_t bad_rows(const std::vector<RowProblem>& problems);

/// `row 3: column "Date": …` (with the line when the row starts on another one).
std::string describe(const RowProblem& p);

/// Reads every row of `in`, checking each as `open` would (dates read at `now`). Throws
/// UsageError for a file that cannot be read as a whole: no header, malformed CSV (with its
/// line), a column that is no field (unless `ignore_unknown`), two columns for one field, no
/// column for the title, or a `map` naming no column of the header.
Rows read(std::istream& in, const Options& options, Timestamp now);

} // namespace ombud::csv_import
