#include <ombud/csv.hpp>
#include <ombud/csv_import.hpp>
#include <ombud/error.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>

namespace ombud::csv_import {
namespace {

struct Synonym {
    std::string_view header;
    std::string_view field;
};

// Headers as spreadsheets name them, normalized (see `normalize`). `ombud list --format csv`
// writes customer_email, customer_phone and created_at.
constexpr Synonym synonyms[] = {
    {"subject", "title"},
    {"summary", "title"},
    {"complaint", "title"},
    {"issue", "title"},
    {"name", "customer"},
    {"customer name", "customer"},
    {"client", "customer"},
    {"client name", "customer"},
    {"contact", "customer"},
    {"contact name", "customer"},
    {"e mail", "email"},
    {"mail", "email"},
    {"email address", "email"},
    {"e mail address", "email"},
    {"customer email", "email"},
    {"telephone", "phone"},
    {"tel", "phone"},
    {"phone number", "phone"},
    {"mobile", "phone"},
    {"customer phone", "phone"},
    {"source", "channel"},
    {"via", "channel"},
    {"type", "category"},
    {"urgency", "priority"},
    {"assigned to", "owner"},
    {"assignee", "owner"},
    {"handled by", "owner"},
    {"deadline", "due"},
    {"due date", "due"},
    {"due by", "due"},
    {"notes", "note"},
    {"description", "note"},
    {"details", "note"},
    {"message", "note"},
    {"comment", "note"},
    {"comments", "note"},
    {"date", "at"},
    {"opened", "at"},
    {"opened at", "at"},
    {"opened on", "at"},
    {"date opened", "at"},
    {"created", "at"},
    {"created at", "at"},
    {"created on", "at"},
    {"received", "at"},
    {"received at", "at"},
    {"received on", "at"},
    {"date received", "at"},
};

constexpr std::array<std::string_view, 12> month_names = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

// Lower case, `_`, `-` and `.` as spaces, words one space apart: "E-mail" and "e_mail" are one.
std::string normalize(std::string_view header) {
    std::string out;
    for (char c : text::ascii_lower(text::trim(header))) {
        if (c == '_' || c == '-' || c == '.' || c == '\t')
            c = ' ';
        if (c == ' ' && (out.empty() || out.back() == ' '))
            continue;
        out += c;
    }
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    return out;
}

bool is_field(std::string_view name) {
    return std::find(std::begin(fields), std::end(fields), name) != std::end(fields);
}

std::string field_list() {
    std::string list;
    for (const auto f : fields)
        list += fmt::format("{}{}", list.empty() ? "" : ", ", f);
    return list;
}

// The field a mistyped header or field name most likely meant, if one is close.
std::string_view suggestion(std::string_view typed) {
    const std::string n = normalize(typed);
    const std::size_t limit = std::max<std::size_t>(1, std::min<std::size_t>(2, n.size() / 3));
    std::string_view best;
    std::size_t best_distance = limit + 1;
    const auto consider = [&](std::string_view name, std::string_view field) {
        if (const std::size_t d = text::edit_distance(n, name); d < best_distance) {
            best_distance = d;
            best = field;
        }
    };
    for (const auto f : fields)
        consider(f, f);
    for (const auto& s : synonyms)
        consider(s.header, s.field);
    return best;
}

// User text in a message: short, and on one line.
std::string shown(std::string_view s) {
    constexpr std::size_t max_len = 64;
    std::string out;
    for (const char c : s.substr(0, max_len)) {
        const auto b = static_cast<unsigned char>(c);
        out += (b < 0x20 || b == 0x7F) ? '?' : c;
    }
    if (s.size() > max_len)
        out += "...";
    return out;
}

[[noreturn]] void bad_date(std::string_view text, std::string_view why) {
    throw UsageError(fmt::format("\"{}\" {}", shown(text), why));
}

bool is_leap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int days_in_month(int year, int month) {
    constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[static_cast<std::size_t>(month - 1)];
}

// Digits from `i` on, at most `max_n`; their count (0 when there are none).
std::size_t digits(std::string_view s, std::size_t& i, int& out, std::size_t max_n) {
    std::size_t n = 0;
    out = 0;
    while (n < max_n && i < s.size() && s[i] >= '0' && s[i] <= '9') {
        out = out * 10 + (s[i] - '0');
        ++i;
        ++n;
    }
    return n;
}

constexpr std::string_view date_forms =
    "use 2026-11-23, 2026-11-23 14:05, or with --dates dmy or mdy 23-11-2026 or 11/23/2026";

} // namespace

DateOrder parse_date_order(std::string_view s) {
    const std::string l = text::ascii_lower(text::trim(s));
    if (l == "dmy")
        return DateOrder::dmy;
    if (l == "mdy")
        return DateOrder::mdy;
    throw UsageError(
        fmt::format("invalid --dates \"{}\": use dmy (23/11/2026) or mdy (11/23/2026)", shown(s)));
}

ReadDate parse_date(std::string_view text, DateOrder order, Timestamp now, WhenUse use) {
    const std::string_view s = text::trim(text);
    std::size_t i = 0;
    int a = 0, b = 0, c = 0;
    const std::size_t first = digits(s, i, a, 5);
    if (first == 0 || first == 3 || first == 5 || i == s.size() ||
        std::string_view("-/.").find(s[i]) == std::string_view::npos) {
        // Excel writes a date it does not recognise as a date as its serial number.
        if (!s.empty() && s.find_first_not_of("0123456789.") == std::string_view::npos)
            bad_date(s, "is a spreadsheet's number for a date: format the column as a date "
                        "(yyyy-mm-dd) before saving the file");
        bad_date(s, fmt::format("is not a date: {}", date_forms));
    }
    const char sep = s[i++];
    const auto second_sep = [&] {
        if (i >= s.size() || s[i] != sep)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        ++i;
    };
    ReadDate read;
    int year = 0, month = 0, day = 0;
    if (first == 4) {
        year = a;
        if (digits(s, i, month, 2) == 0)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        second_sep();
        if (digits(s, i, day, 2) == 0)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
    } else {
        if (digits(s, i, b, 2) == 0)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        second_sep();
        const std::size_t year_digits = digits(s, i, c, 5);
        if (year_digits == 2)
            bad_date(s, "has a year of two digits: write it in four (2026)");
        if (year_digits != 4)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        year = c;
        if (a == 0 || b == 0)
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        DateOrder as = order;
        if (as == DateOrder::unset) {
            if (a == b || (a > 12 && b > 12))
                as = DateOrder::dmy;
            else if (a > 12)
                as = read.read_as = DateOrder::dmy;
            else if (b > 12)
                as = read.read_as = DateOrder::mdy;
            else
                bad_date(s, fmt::format("reads as {} {} or as {} {}: say which with --dates dmy "
                                        "(day first) or --dates mdy (month first)",
                                        a, month_names[static_cast<std::size_t>(b - 1)],
                                        month_names[static_cast<std::size_t>(a - 1)], b));
        } else {
            read.read_as = as;
        }
        day = as == DateOrder::dmy ? a : b;
        month = as == DateOrder::dmy ? b : a;
        if (month < 1 || month > 12)
            bad_date(s, order == DateOrder::unset
                            ? fmt::format("is not a date: neither {} nor {} is a month", a, b)
                            : fmt::format("has no month {} (the day comes {}, as --dates {} says)",
                                          month, order == DateOrder::dmy ? "first" : "second",
                                          order == DateOrder::dmy ? "dmy" : "mdy"));
    }
    if (month < 1 || month > 12)
        bad_date(s, fmt::format("has no month {}", month));
    if (day < 1 || day > days_in_month(year, month))
        bad_date(s, fmt::format("is not a date: {} {} has {} days",
                                month_names[static_cast<std::size_t>(month - 1)], year,
                                days_in_month(year, month)));
    std::string iso = fmt::format("{:04}-{:02}-{:02}", year, month, day);

    if (i < s.size()) {
        // A time: after a T (year first) or spaces.
        if ((s[i] == 'T' || s[i] == 't') && first == 4) {
            ++i;
        } else if (s[i] == ' ') {
            while (i < s.size() && s[i] == ' ')
                ++i;
        } else {
            bad_date(s, fmt::format("is not a date: {}", date_forms));
        }
        int hour = 0, minute = 0, second = 0, ignored = 0;
        if (digits(s, i, hour, 2) == 0 || i >= s.size() || s[i++] != ':' ||
            digits(s, i, minute, 2) != 2)
            bad_date(s, "has no time of day in the form 14:05 after the date");
        if (i < s.size() && s[i] == ':') {
            ++i;
            if (digits(s, i, second, 2) != 2)
                bad_date(s, "has no time of day in the form 14:05:00 after the date");
            // Fractions of a second are more than a complaint needs.
            if (i < s.size() && s[i] == '.' && digits(s, ++i, ignored, 9) == 0)
                bad_date(s, "has a fraction of a second without digits");
        }
        std::size_t j = i;
        while (j < s.size() && s[j] == ' ')
            ++j;
        const std::string rest = text::ascii_lower(s.substr(j));
        for (const std::string_view half : {"am", "pm", "a.m.", "p.m."}) {
            if (!rest.starts_with(half))
                continue;
            if (hour < 1 || hour > 12)
                bad_date(s, "has an hour past 12 with AM or PM");
            hour = hour % 12 + (half.front() == 'p' ? 12 : 0);
            i = j + half.size();
            break;
        }
        if (hour > 23 || minute > 59 || second > 59)
            bad_date(s, "has no such time of day");
        iso += fmt::format("T{:02}:{:02}:{:02}", hour, minute, second);
        // A zone, as RFC 3339 writes it: Z or +01:00 (or +0100).
        if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
            iso += 'Z';
            ++i;
        } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
            const char sign = s[i++];
            int oh = 0, om = 0;
            if (digits(s, i, oh, 2) != 2)
                bad_date(s, "has a UTC offset that is not like +01:00");
            if (i < s.size() && s[i] == ':')
                ++i;
            if (digits(s, i, om, 2) != 2)
                bad_date(s, "has a UTC offset that is not like +01:00");
            iso += fmt::format("{}{:02}:{:02}", sign, oh, om);
        }
        if (i != s.size())
            bad_date(s, fmt::format("is not a date: {}", date_forms));
    }
    try {
        read.time = parse_when(iso, now, use);
    } catch (const UsageError& e) {
        bad_date(s, fmt::format("cannot be read: {}", e.what()));
    }
    return read;
}

std::string_view field_of(std::string_view header) {
    const std::string n = normalize(header);
    for (const auto f : fields) {
        if (n == f)
            return f;
    }
    for (const auto& s : synonyms) {
        if (n == s.header)
            return s.field;
    }
    return {};
}

namespace {

// The columns of `header`, each with its field, from --map and the names themselves.
std::vector<Column> map_columns(const std::vector<std::string>& header, const Options& o) {
    std::vector<Column> columns;
    std::vector<bool> mapped(header.size(), false);
    for (const auto& h : header)
        columns.push_back({h, std::string(field_of(h))});
    constexpr const char* map_hint = "write it as --map \"COLUMN=FIELD\", e.g. --map "
                                     "\"Klant=customer\"; an empty FIELD leaves the column out";
    for (const std::string& entry : o.map) {
        const std::size_t eq = entry.rfind('=');
        if (eq == std::string::npos)
            throw UsageError(fmt::format("--map \"{}\" has no \"=\"", shown(entry)), map_hint);
        const std::string_view column = text::trim(std::string_view(entry).substr(0, eq));
        const std::string field =
            text::ascii_lower(text::trim(std::string_view(entry).substr(eq + 1)));
        if (column.empty())
            throw UsageError(fmt::format("--map \"{}\" names no column", shown(entry)), map_hint);
        if (!field.empty() && !is_field(field)) {
            const std::string_view guess = suggestion(field);
            throw UsageError(
                fmt::format("--map \"{}\": \"{}\" is not a field{}", shown(entry), shown(field),
                            guess.empty() ? "" : fmt::format("; did you mean {}?", guess)),
                fmt::format("the fields are {}; an empty FIELD leaves the column out",
                            field_list()));
        }
        bool found = false;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (normalize(header[i]) == normalize(column)) {
                columns[i].field = field;
                mapped[i] = true;
                found = true;
            }
        }
        if (!found) {
            std::string names;
            for (const auto& h : header)
                names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", shown(h));
            throw UsageError(fmt::format("--map names the column \"{}\", which the header does "
                                         "not have",
                                         shown(column)),
                             fmt::format("the columns are {}", names));
        }
    }

    std::vector<std::string> unknown;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        if (!columns[i].field.empty() || mapped[i] || o.ignore_unknown)
            continue;
        const std::string_view h = columns[i].header;
        if (text::trim(h).empty()) {
            unknown.push_back(fmt::format("\"\" (column {})", i + 1));
            continue;
        }
        const std::string_view guess = suggestion(h);
        unknown.push_back(guess.empty()
                              ? fmt::format("\"{}\"", shown(h))
                              : fmt::format("\"{}\" (did you mean {}?)", shown(h), guess));
    }
    if (!unknown.empty()) {
        std::string list;
        for (std::size_t i = 0; i < unknown.size(); ++i)
            list += (i == 0 ? "" : i + 1 == unknown.size() ? " and " : ", ") + unknown[i];
        throw UsageError(
            fmt::format("unknown column{} {}", unknown.size() == 1 ? "" : "s", list),
            fmt::format("name the field of each with --map \"COLUMN=FIELD\" (fields: {}), or "
                        "leave them out with --ignore-unknown",
                        field_list()));
    }

    for (std::size_t i = 0; i < columns.size(); ++i) {
        for (std::size_t j = i + 1; j < columns.size(); ++j) {
            if (!columns[i].field.empty() && columns[i].field == columns[j].field)
                throw UsageError(
                    fmt::format("the columns \"{}\" and \"{}\" both give the {}",
                                shown(columns[i].header), shown(columns[j].header),
                                columns[i].field),
                    fmt::format("leave one out with --map \"{}=\"", shown(columns[j].header)));
        }
    }
    if (std::none_of(columns.begin(), columns.end(),
                     [](const Column& c) { return c.field == "title"; })) {
        std::string names;
        for (const auto& h : header)
            names += fmt::format("{}\"{}\"", names.empty() ? "" : ", ", shown(h));
        throw UsageError(fmt::format("no column gives the title; the header has {}", names),
                         "a column named title or subject gives it, or name one with --map "
                         "\"COLUMN=title\"");
    }
    return columns;
}

// Converts one row; what is wrong with it goes to `problems`, one entry a column.
class RowConverter {
  public:
    RowConverter(const std::vector<Column>& columns, const Options& o, Timestamp now)
        : columns_(columns), options_(o), now_(now) {
        for (std::size_t i = 0; i < columns.size(); ++i) {
            const auto f = std::find(std::begin(fields), std::end(fields), columns[i].field);
            if (f != std::end(fields))
                index_[static_cast<std::size_t>(f - std::begin(fields))] = i;
        }
    }

    /// The request of `record`, or nullopt with its problems added to `problems`.
    std::optional<OpenRequest> convert(const csv::Record& record, std::size_t row,
                                       std::vector<RowProblem>& problems) {
        record_ = &record;
        row_ = row;
        problems_ = &problems;
        problem_columns_.clear();
        const std::size_t before = problems.size();
        for (std::size_t i = columns_.size(); i < record.fields.size(); ++i) {
            if (!text::trim(record.fields[i]).empty()) {
                problem(npos, fmt::format("has {} fields, the header only {}", record.fields.size(),
                                          columns_.size()));
                return std::nullopt;
            }
        }
        OpenRequest r;
        if (const auto title = text_cell("title", max_title_bytes))
            r.title = *title;
        else if (problems.size() == before)
            problem(column("title"), "is empty, and every complaint needs a title");
        const auto customer = text_cell("customer", max_name_bytes);
        const auto email = text_cell("email", max_name_bytes);
        const auto phone = text_cell("phone", max_name_bytes);
        if (customer || email || phone)
            r.customer = CustomerInput{customer.value_or(""), email, phone};
        if (const auto channel = text_cell("channel", max_name_bytes))
            word("channel", [&] { r.channel = parse_channel(*channel, "channel"); });
        r.category = text_cell("category", max_name_bytes);
        if (const auto priority = text_cell("priority", max_name_bytes))
            word("priority", [&] { r.priority = parse_priority(*priority, "priority"); });
        r.owner = text_cell("owner", max_name_bytes);
        r.note = text_cell("note", max_text_bytes, false);
        r.at = date_cell("at", WhenUse::since);
        r.due = date_cell("due", WhenUse::deadline);
        if (problems.size() != before) {
            // In the order of the columns, as the row reads.
            std::vector<std::size_t> order(problems.size() - before);
            for (std::size_t i = 0; i < order.size(); ++i)
                order[i] = i;
            std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
                return problem_columns_[a] < problem_columns_[b];
            });
            std::vector<RowProblem> sorted;
            for (const std::size_t i : order)
                sorted.push_back(std::move(problems[before + i]));
            std::move(sorted.begin(), sorted.end(), problems.begin() + static_cast<long>(before));
            return std::nullopt;
        }
        // Against each other, so the message can name the column.
        if (r.at && *r.at > now_) {
            problem(column("at"), fmt::format("\"{}\" is in the future", shown(*cell("at"))));
            return std::nullopt;
        }
        if (r.due && *r.due <= r.at.value_or(now_)) {
            problem(column("due"),
                    r.at ? fmt::format("\"{}\" is before the complaint was opened (\"{}\")",
                                       shown(*cell("due")), shown(*cell("at")))
                         : fmt::format("\"{}\" is in the past, and no column gives the time the "
                                       "complaint was opened",
                                       shown(*cell("due"))));
            return std::nullopt;
        }
        try {
            check_open_request(r, now_);
        } catch (const UsageError& e) {
            problem(npos, e.what());
            return std::nullopt;
        }
        return r;
    }

  private:
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    std::size_t column(std::string_view field) const {
        const auto f = std::find(std::begin(fields), std::end(fields), field);
        return index_[static_cast<std::size_t>(f - std::begin(fields))];
    }

    void problem(std::size_t column, std::string message) {
        problems_->push_back({row_, record_->line,
                              column == npos ? std::string() : columns_[column].header,
                              std::move(message)});
        problem_columns_.push_back(column);
    }

    // The cell of `field`, nullopt when the file has no such column or the cell is blank.
    std::optional<std::string_view> cell(std::string_view field, bool trim = true) const {
        const std::size_t i = column(field);
        if (i == npos || i >= record_->fields.size())
            return std::nullopt;
        const std::string_view v = record_->fields[i];
        if (text::trim(v).empty())
            return std::nullopt;
        return trim ? text::trim(v) : v;
    }

    std::optional<std::string> text_cell(std::string_view field, std::size_t max_bytes,
                                         bool trim = true) {
        auto v = cell(field, trim);
        if (!v)
            return std::nullopt;
        // `--format csv` puts a ' before a cell a spreadsheet would take for a formula.
        if (v->size() > 1 && v->front() == '\'' &&
            std::string_view("=+-@\t\r").find((*v)[1]) != std::string_view::npos)
            v->remove_prefix(1);
        if (const auto at = text::invalid_utf8_at(*v)) {
            problem(column(field), fmt::format("is not UTF-8 (a bad byte at offset {}): save the "
                                               "file as CSV UTF-8",
                                               *at));
            return std::nullopt;
        }
        if (v->find('\0') != std::string_view::npos) {
            problem(column(field), "holds a NUL byte");
            return std::nullopt;
        }
        if (v->size() > max_bytes) {
            problem(column(field),
                    fmt::format("is too long ({} bytes; at most {})", v->size(), max_bytes));
            return std::nullopt;
        }
        return std::string(*v);
    }

    template <typename Parse> void word(std::string_view field, Parse parse) {
        try {
            parse();
        } catch (const UsageError& e) {
            problem(column(field), e.what());
        }
    }

    std::optional<Timestamp> date_cell(std::string_view field, WhenUse use) {
        const auto v = text_cell(field, max_name_bytes);
        if (!v)
            return std::nullopt;
        const std::size_t i = column(field);
        try {
            const ReadDate d = parse_date(*v, options_.dates, now_, use);
            // Without --dates, every row of a column must read its dates the same way.
            if (d.read_as != DateOrder::unset) {
                auto& first = orders_[i];
                if (!first.row) {
                    first = {row_, d.read_as, *v};
                } else if (first.order != d.read_as) {
                    problem(i,
                            fmt::format("\"{}\" has the {} first, but row {} has the {} first "
                                        "(\"{}\"): say which with --dates dmy or --dates mdy",
                                        shown(*v), d.read_as == DateOrder::dmy ? "day" : "month",
                                        first.row, first.order == DateOrder::dmy ? "day" : "month",
                                        shown(first.text)));
                    return std::nullopt;
                }
            }
            return d.time;
        } catch (const UsageError& e) {
            problem(i, e.what());
            return std::nullopt;
        }
    }

    struct FirstOrder {
        std::size_t row = 0;
        DateOrder order = DateOrder::unset;
        std::string text;
    };

    const std::vector<Column>& columns_;
    const Options& options_;
    Timestamp now_;
    std::array<std::size_t, std::size(fields)> index_ = [] {
        std::array<std::size_t, std::size(fields)> a{};
        a.fill(npos);
        return a;
    }();
    std::vector<FirstOrder> orders_ = std::vector<FirstOrder>(columns_.size());
    const csv::Record* record_ = nullptr;
    std::size_t row_ = 0;
    std::vector<RowProblem>* problems_ = nullptr;
    /// The column of each problem of the row, npos for the whole row.
    std::vector<std::size_t> problem_columns_;
};

} // namespace

Rows read(std::istream& in, const Options& options, Timestamp now) {
    csv::Reader reader(in, options.delimiter);
    csv::Record record;
    if (!reader.next(record))
        throw UsageError("the file is empty: a CSV import needs a header row",
                         "the first row names the columns, e.g. title,customer,email,date");
    // One column holding another delimiter is a file written with that one (Dutch Excel: `;`).
    if (record.fields.size() == 1) {
        for (const char d : {';', ',', '\t'}) {
            if (d != options.delimiter && record.fields[0].find(d) != std::string::npos)
                throw UsageError(
                    fmt::format("the header is one column, \"{}\", that looks separated by {}",
                                shown(record.fields[0]),
                                d == '\t' ? "tabs" : fmt::format("\"{}\"", d)),
                    fmt::format("give --delimiter {}", d == '\t' ? "tab" : fmt::format("'{}'", d)));
        }
    }
    for (const auto& h : record.fields) {
        if (const auto at = text::invalid_utf8_at(h))
            throw UsageError(
                fmt::format("line {}: the header is not UTF-8 (a bad byte at offset {})",
                            record.line, *at),
                "save the file as CSV UTF-8");
    }
    Rows rows;
    rows.columns = map_columns(record.fields, options);
    RowConverter converter(rows.columns, options, now);
    std::size_t row = 1;
    while (reader.next(record)) {
        ++row;
        // Spreadsheets write rows they once touched as a line of delimiters.
        if (std::all_of(record.fields.begin(), record.fields.end(),
                        [](const std::string& f) { return text::trim(f).empty(); }))
            continue;
        ++rows.count;
        if (auto r = converter.convert(record, row, rows.problems)) {
            rows.requests.push_back(std::move(*r));
            rows.places.emplace_back(row, record.line);
        }
    }
    return rows;
}

Report combine(const Rows& rows, const BatchReport& batch, bool dry_run) {
    Report r;
    r.dry_run = dry_run;
    r.written = batch.written;
    r.columns = rows.columns;
    r.rows = rows.count;
    r.complaints = batch.opened.size();
    if (batch.written && !batch.opened.empty()) {
        r.first_id = batch.opened.front().id;
        r.last_id = batch.opened.back().id;
    }
    r.new_customers = batch.new_customers;
    r.new_members = batch.new_members;
    r.problems = rows.problems;
    for (const Refusal& refusal : batch.refused) {
        const auto [row, line] = rows.places.at(refusal.index);
        std::string column;
        for (const Column& c : rows.columns) {
            if (!refusal.field.empty() && c.field == refusal.field)
                column = c.header;
        }
        r.problems.push_back({row, line, column, refusal.problem});
    }
    std::stable_sort(r.problems.begin(), r.problems.end(),
                     [](const RowProblem& a, const RowProblem& b) { return a.row < b.row; });
    return r;
}

std::size_t bad_rows(const std::vector<RowProblem>& problems) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < problems.size(); ++i)
        n += i == 0 || problems[i].row != problems[i - 1].row;
    return n;
}

std::string describe(const RowProblem& p) {
    std::string where = fmt::format("row {}", p.row);
    if (p.line != p.row)
        where += fmt::format(" (line {})", p.line);
    if (!p.column.empty())
        where += fmt::format(": column \"{}\"", shown(p.column));
    return fmt::format("{}: {}", where, p.problem);
}

} // namespace ombud::csv_import
