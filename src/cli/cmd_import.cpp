#include "commands.hpp"

#include <ombud/csv_import.hpp>
#include <ombud/error.hpp>
#include <ombud/text.hpp>
#include <ombud/transfer.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <unistd.h>

namespace ombud::cli {
namespace {

struct ImportOptions {
    std::string file;
    bool csv = false;
    std::vector<std::string> map;
    std::optional<std::string> delimiter, dates;
    bool ignore_unknown = false;
    bool skip_bad_rows = false;
    bool dry_run = false;
};

// Rows told one by one on stderr; past this many, a count and where to see them all.
constexpr std::size_t rows_told = 20;

char parse_delimiter(const std::string& d) {
    const std::string l = text::ascii_lower(d);
    if (l == "," || l == "comma")
        return ',';
    if (l == ";" || l == "semicolon")
        return ';';
    if (l == "\t" || l == "\\t" || l == "tab")
        return '\t';
    throw UsageError(fmt::format("invalid --delimiter \"{}\": use , ; or tab", d),
                     "Excel writes ; where the decimal point is a comma (Dutch, German)");
}

// `problems` as lines, at most rows_told of them and then how many more.
std::vector<std::string> told(const std::vector<csv_import::RowProblem>& problems,
                              std::string_view prefix) {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < problems.size() && i < rows_told; ++i)
        lines.push_back(fmt::format("{}{}", prefix, csv_import::describe(problems[i])));
    if (problems.size() > rows_told)
        lines.push_back(
            fmt::format("… and {} more; --dry-run lists every one", problems.size() - rows_told));
    return lines;
}

// "3 of 40 rows", or "the one row" of a file that has one.
std::string of_rows(std::size_t n, std::size_t rows) {
    return rows == 1 ? std::string("the one row") : fmt::format("{} of {} rows", n, rows);
}

void run_csv_import(const ImportOptions& o, Context& ctx) {
    csv_import::Options options;
    if (o.delimiter)
        options.delimiter = parse_delimiter(*o.delimiter);
    if (o.dates)
        options.dates = csv_import::parse_date_order(*o.dates);
    options.map = o.map;
    options.ignore_unknown = o.ignore_unknown;

    // Every row is read and checked before the database is even opened.
    std::ifstream f;
    std::istream& source = Context::input(o.file, f, "import --csv");
    const csv_import::Rows rows = csv_import::read(source, options, ctx.now);
    if (source.bad())
        throw Error(ExitCode::failed, fmt::format("reading {} failed", o.file));
    if (rows.count == 0)
        throw UsageError("there are no rows below the header", "one complaint a row");

    // Bad rows without --skip-bad-rows end the import; a dry run of the others still finds
    // what the database refuses (a name close to a team member's), so every row is told.
    const bool dry_run = o.dry_run || (!rows.problems.empty() && !o.skip_bad_rows);
    BatchReport batch;
    if (!rows.requests.empty())
        batch =
            ctx.tracker(dry_run ? OpenMode::read : OpenMode::write)
                .open_batch(rows.requests, {.skip_refused = o.skip_bad_rows, .dry_run = dry_run});
    const csv_import::Report report = csv_import::combine(rows, batch, o.dry_run);
    const std::size_t bad = csv_import::bad_rows(report.problems);
    const std::string source_name = o.file == "-" ? "stdin" : o.file;

    if (o.dry_run) {
        ctx.out().csv_imported(source_name, report);
        if (bad > 0 && !o.skip_bad_rows)
            throw UsageError(fmt::format("{} cannot be imported, and one such row stops the "
                                         "import",
                                         of_rows(bad, report.rows)),
                             "fix them, or import the others with --skip-bad-rows");
        if (report.complaints == 0)
            throw UsageError(fmt::format("{} cannot be imported", of_rows(bad, report.rows)));
        return;
    }
    if (bad > 0 && !o.skip_bad_rows) {
        UsageError e(
            fmt::format("{} cannot be imported, so nothing was written", of_rows(bad, report.rows)),
            "fix them, or import the others with --skip-bad-rows");
        e.set_details(told(report.problems, ""));
        throw e;
    }
    if (report.complaints == 0) {
        UsageError e(fmt::format("{} cannot be imported", of_rows(bad, report.rows)));
        e.set_details(told(report.problems, ""));
        throw e;
    }
    for (const auto& line : told(report.problems, "skipped "))
        warn(line);
    ctx.out().csv_imported(source_name, report);
}

void run_import(const ImportOptions& o, Context& ctx) {
    if (o.csv) {
        run_csv_import(o, ctx);
        return;
    }
    const auto csv_only = [&](bool given, const char* option) {
        if (given)
            throw UsageError(fmt::format("{} is an option of a CSV import", option),
                             fmt::format("add --csv: ombud import --csv {} {} …", o.file, option));
    };
    csv_only(!o.map.empty(), "--map");
    csv_only(o.delimiter.has_value(), "--delimiter");
    csv_only(o.dates.has_value(), "--dates");
    csv_only(o.ignore_unknown, "--ignore-unknown");
    csv_only(o.skip_bad_rows, "--skip-bad-rows");
    csv_only(o.dry_run, "--dry-run");
    std::ifstream in;
    std::istream& source = Context::input(o.file, in, "import");
    transfer::ImportReport report;
    const std::string path = ctx.database_path();
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path, ec) && !ec)
        // A new file is filled before it appears, so a failed import leaves none behind.
        Store::create_filled(path, ctx.store_options(),
                             [&](Store& s) { report = transfer::import_ndjson(s, source); });
    else
        report = transfer::import_ndjson(ctx.store(OpenMode::write), source);
    if (source.bad())
        throw Error(ExitCode::failed, fmt::format("reading {} failed", o.file));
    ctx.out().imported(o.file == "-" ? "stdin" : o.file, report);
}

} // namespace

void setup_import(CLI::App& sub, Context& ctx) {
    auto o = std::make_shared<ImportOptions>();
    sub.add_option("FILE", o->file,
                   "An export of ombud (NDJSON), or with --csv a spreadsheet saved as CSV; - "
                   "reads stdin")
        ->required()
        ->type_name("");
    sub.add_flag("--csv", o->csv,
                 "Read FILE as CSV: a header row naming the columns, then one complaint a row");
    sub.add_option("--map", o->map,
                   "The field a column gives, as COLUMN=FIELD (\"Klant=customer\"); an empty "
                   "FIELD leaves the column out. Repeatable")
        ->type_name("COLUMN=FIELD")
        ->allow_extra_args(false);
    add_optional(sub, "--delimiter", o->delimiter,
                 "Between fields: , (default), ; or tab; by name too: comma, semicolon")
        ->type_name("D");
    add_optional(sub, "--dates", o->dates,
                 "How 03/04/2026 reads: dmy (day first, 3 April) or mdy (month first, March 4)")
        ->type_name("dmy|mdy");
    sub.add_flag("--ignore-unknown", o->ignore_unknown,
                 "Leave out columns that give no field, instead of refusing the file");
    sub.add_flag("--skip-bad-rows", o->skip_bad_rows,
                 "Import the usable rows when some are not, and list the others on stderr");
    sub.add_flag("--dry-run", o->dry_run,
                 "Check every row and show what would be imported; write nothing");
    sub.callback([o, &ctx] { run_import(*o, ctx); });
}

} // namespace ombud::cli
