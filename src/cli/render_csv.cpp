// The renderer for spreadsheets: RFC 4180 CSV (CRLF line ends, a header row, UTF-8 without a
// BOM). Complaints are one row each, flattened to the columns below; events likewise. The
// reports of import and db are two columns, key and value. Listings are written row by row as
// they are read, like the other renderers.
//
// Text is written as stored (CSV is data, not a terminal): no escaping of control characters.
// Only a field that a spreadsheet would take for a formula is changed (csv_field).

#include "render.hpp"

#include <ombud/csv.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <initializer_list>
#include <iterator>
#include <optional>
#include <utility>

namespace ombud::cli {

std::string csv_field(std::string_view s) {
    std::string v;
    v.reserve(s.size() + 2);
    // Old data may hold invalid UTF-8; the file promises UTF-8, so each bad byte becomes U+FFFD.
    while (const auto bad = text::invalid_utf8_at(s)) {
        v.append(s.substr(0, *bad));
        v.append("\xEF\xBF\xBD");
        s.remove_prefix(*bad + 1);
    }
    v.append(s);
    // CSV injection (OWASP): =, +, -, @, TAB or CR first make a spreadsheet evaluate the cell.
    if (!v.empty() && std::string_view("=+-@\t\r").find(v.front()) != std::string_view::npos)
        v.insert(v.begin(), '\'');
    return csv::quote(v);
}

namespace {

// Absent values are empty fields.
std::string opt(const std::optional<std::string>& v) {
    return v.value_or("");
}
std::string opt_time(const std::optional<Timestamp>& t) {
    return t ? format_rfc3339(*t) : std::string();
}
template <typename T> std::string opt_num(const std::optional<T>& v) {
    return v ? fmt::format("{}", *v) : std::string();
}
template <typename T> std::string opt_word(const std::optional<T>& v) {
    return v ? std::string(to_string(*v)) : std::string();
}

constexpr const char* complaint_columns[] = {
    "id",         "title",        "status",           "priority",       "category",
    "channel",    "customer",     "customer_email",   "customer_phone", "owner",
    "handoffs",   "escalated_to", "escalation_level", "escalation_due", "due",
    "created_at", "updated_at",   "closed_at",        "close_reason",   "resolution",
    "rating"};

constexpr const char* event_columns[] = {
    "id",   "complaint_id", "complaint_title", "at",        "actor",
    "kind", "text",         "channel",         "direction", "visible"};

std::vector<std::string> complaint_fields(const Complaint& c) {
    const auto& cu = c.customer;
    const auto& es = c.escalation;
    return {fmt::format("{}", c.id),
            c.title,
            std::string(to_string(c.status)),
            std::string(to_string(c.priority)),
            opt(c.category),
            opt(c.channel),
            cu ? cu->name : "",
            cu ? opt(cu->email) : "",
            cu ? opt(cu->phone) : "",
            c.owner,
            fmt::format("{}", c.handoffs),
            es ? es->to : "",
            es ? fmt::format("{}", es->level) : "",
            es ? opt_time(es->due) : "",
            opt_time(c.due),
            format_rfc3339(c.created_at),
            format_rfc3339(c.updated_at),
            opt_time(c.closed_at),
            opt_word(c.close_reason),
            opt(c.resolution),
            opt_num(c.rating)};
}

std::vector<std::string> event_fields(const Event& e, const std::string& complaint_title) {
    return {fmt::format("{}", e.id),
            fmt::format("{}", e.complaint_id),
            complaint_title,
            format_rfc3339(e.at),
            e.actor,
            std::string(to_string(e.kind)),
            opt(e.text),
            opt(e.channel),
            opt_word(e.direction),
            e.visible ? "true" : "false"};
}

class CsvRenderer final : public Renderer {
  public:
    explicit CsvRenderer(std::FILE* out) : out_(out) {}

    void changed(Action, const Complaint& c) override {
        list_begin(c.id);
        list_row(c);
    }

    // One complaint's row is what `list` gives; `show` gives its timeline, which has no other
    // CSV form.
    void show(const Complaint& c, const std::vector<Event>& events) override {
        history_begin(true);
        for (const auto& e : events)
            row(event_fields(e, e.complaint_title.value_or(c.title)));
    }

    void list_begin(ComplaintId) override { row(complaint_columns); }
    void list_row(const Complaint& c) override { row(complaint_fields(c)); }
    void list_end() override {}

    void search_begin(ComplaintId) override {
        std::vector<std::string> header(std::begin(complaint_columns), std::end(complaint_columns));
        header.emplace_back("match_field");
        header.emplace_back("match_snippet");
        row(header);
    }
    void search_row(const SearchHit& hit) override {
        auto fields = complaint_fields(hit.complaint);
        fields.push_back(hit.field);
        std::string snippet;
        for (const auto& part : hit.snippet)
            snippet += part.text;
        fields.push_back(std::move(snippet));
        row(fields);
    }
    void search_end() override {}

    void history_begin(bool) override { row(event_columns); }
    void history_row(const Event& e) override {
        row(event_fields(e, e.complaint_title.value_or("")));
    }
    void history_end() override {}

    void imported(const std::string& source, const transfer::ImportReport& r) override {
        pairs({{"source", source},
               {"customers", fmt::format("{}", r.customers)},
               {"complaints", fmt::format("{}", r.complaints)},
               {"events", fmt::format("{}", r.events)},
               {"settings", fmt::format("{}", r.settings)},
               {"holidays", fmt::format("{}", r.holidays)},
               {"members", fmt::format("{}", r.members)}});
    }

    void csv_imported(const std::string& source, const csv_import::Report& r) override {
        std::vector<std::pair<std::string, std::string>> kv = {
            {"source", source},
            {"dry_run", r.dry_run ? "true" : "false"},
            {"written", r.written ? "true" : "false"},
            {"rows", fmt::format("{}", r.rows)},
            {"complaints", fmt::format("{}", r.complaints)},
            {"first_id", opt_num(r.first_id)},
            {"last_id", opt_num(r.last_id)}};
        for (const auto& name : r.new_customers)
            kv.emplace_back("new_customer", name);
        for (const auto& name : r.new_members)
            kv.emplace_back("new_member", name);
        for (const auto& c : r.columns)
            kv.emplace_back("column", fmt::format("{}={}", c.header, c.field));
        for (const auto& p : r.problems)
            kv.emplace_back("bad_row", csv_import::describe(p));
        pairs(kv);
    }

    void checked(const std::string& path, const CheckReport& r) override {
        std::vector<std::pair<std::string, std::string>> kv = {
            {"path", path},
            {"ok", r.problems.empty() ? "true" : "false"},
            {"schema_version", fmt::format("{}", r.schema_version)},
            {"journal_mode", r.journal_mode},
            {"complaints", fmt::format("{}", r.complaints)},
            {"events", fmt::format("{}", r.events)},
            {"customers", fmt::format("{}", r.customers)}};
        for (const auto& p : r.problems)
            kv.emplace_back("problem", p.check + ": " + p.message);
        pairs(kv);
    }
    void backed_up(const std::string& source, const BackupReport& r) override {
        pairs({{"source", source},
               {"backup", r.path},
               {"bytes", fmt::format("{}", r.bytes)},
               {"complaints", fmt::format("{}", r.complaints)}});
    }
    void shared(const std::string& path, const files::ShareReport& r) override {
        std::vector<std::pair<std::string, std::string>> kv = {
            {"path", path}, {"group", r.group}, {"mode", "0660"}};
        for (const auto& f : r.files)
            kv.emplace_back("file", f);
        kv.emplace_back("folder", r.folder);
        kv.emplace_back("folder_ready", r.folder_ready ? "true" : "false");
        pairs(kv);
    }

  private:
    std::FILE* out_;

    template <typename Fields> void row(const Fields& fields) {
        std::string line;
        bool first = true;
        for (const auto& f : fields) {
            if (!first)
                line += ',';
            line += csv_field(f);
            first = false;
        }
        line += "\r\n";
        std::fwrite(line.data(), 1, line.size(), out_);
    }

    // A report: a key,value header, then one row a key; a list repeats its key.
    void pairs(const std::vector<std::pair<std::string, std::string>>& kv) {
        row(std::initializer_list<const char*>{"key", "value"});
        for (const auto& [key, value] : kv)
            row(std::initializer_list<std::string>{key, value});
    }
};

} // namespace

std::unique_ptr<Renderer> make_csv_renderer(std::FILE* out) {
    return std::make_unique<CsvRenderer>(out);
}

} // namespace ombud::cli
