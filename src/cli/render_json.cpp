// The renderer for scripts: the JSON shapes of the contract, one value per command. Listings
// are written element by element so a million rows never sit in memory: as an array, one
// element per line, or as NDJSON (`lines`), one object per line and no array around them.

#include "render.hpp"

#include <ombud/json.hpp>

#include <fmt/format.h>

namespace ombud::cli {
namespace {

class JsonRenderer final : public Renderer {
  public:
    JsonRenderer(std::FILE* out, bool lines) : out_(out), lines_(lines) {}

    void changed(Action, const Complaint& c) override { value(json::to_json(c)); }
    void show(const Complaint& c, const std::vector<Event>& events) override {
        value(json::to_json(c, events));
    }

    void list_begin(ComplaintId) override { begin(); }
    void list_row(const Complaint& c) override { element(c); }
    void list_end() override { end(); }

    void search_begin(ComplaintId) override { begin(); }
    void search_row(const SearchHit& hit) override {
        json::Json j = json::to_json(hit.complaint);
        std::string snippet;
        json::Json highlights = json::Json::array();
        for (const auto& part : hit.snippet) {
            snippet += part.text;
            if (part.highlighted)
                highlights.push_back(part.text);
        }
        j["match"] = {{"field", hit.field}, {"snippet", snippet}, {"highlights", highlights}};
        element(j);
    }
    void search_end() override { end(); }

    void history_begin(bool) override { begin(); }
    void history_row(const Event& e) override { element(e); }
    void history_end() override { end(); }

    void imported(const std::string& source, const transfer::ImportReport& r) override {
        value({{"source", source},
               {"customers", r.customers},
               {"complaints", r.complaints},
               {"events", r.events},
               {"settings", r.settings},
               {"holidays", r.holidays},
               {"members", r.members}});
    }

    void csv_imported(const std::string& source, const csv_import::Report& r) override {
        json::Json columns = json::Json::array();
        for (const auto& c : r.columns)
            columns.push_back(
                {{"column", c.header},
                 {"field", c.field.empty() ? json::Json(nullptr) : json::Json(c.field)}});
        json::Json bad_rows = json::Json::array();
        for (const auto& p : r.problems)
            bad_rows.push_back(
                {{"row", p.row},
                 {"line", p.line},
                 {"column", p.column.empty() ? json::Json(nullptr) : json::Json(p.column)},
                 {"problem", p.problem}});
        const auto opt_id = [](const std::optional<ComplaintId>& id) {
            return id ? json::Json(*id) : json::Json(nullptr);
        };
        value({{"source", source},
               {"dry_run", r.dry_run},
               {"written", r.written},
               {"rows", r.rows},
               {"complaints", r.complaints},
               {"first_id", opt_id(r.first_id)},
               {"last_id", opt_id(r.last_id)},
               {"new_customers", r.new_customers},
               {"new_members", r.new_members},
               {"columns", columns},
               {"bad_rows", bad_rows}});
    }

    void checked(const std::string& path, const CheckReport& r) override {
        json::Json problems = json::Json::array();
        for (const auto& p : r.problems)
            problems.push_back({{"check", p.check}, {"message", p.message}});
        value({{"path", path},
               {"ok", r.problems.empty()},
               {"schema_version", r.schema_version},
               {"journal_mode", r.journal_mode},
               {"complaints", r.complaints},
               {"events", r.events},
               {"customers", r.customers},
               {"problems", problems}});
    }
    void backed_up(const std::string& source, const BackupReport& r) override {
        value({{"source", source},
               {"backup", r.path},
               {"bytes", r.bytes},
               {"complaints", r.complaints}});
    }
    void shared(const std::string& path, const files::ShareReport& r) override {
        value({{"path", path},
               {"group", r.group},
               {"mode", "0660"},
               {"files", r.files},
               {"folder", r.folder},
               {"folder_ready", r.folder_ready}});
    }

    void team(const std::vector<TeamMember>& members) override {
        begin();
        for (const auto& m : members)
            element(json::to_json(m));
        end();
    }
    void member(MemberAction, const TeamMember& m) override { value(json::to_json(m)); }
    void settings(const std::vector<SettingValue>& values) override {
        begin();
        for (const auto& v : values)
            element(setting_json(v));
        end();
    }
    void setting(const SettingValue& v) override { value(setting_json(v)); }
    void setting_changed(const SettingValue& v) override { value(setting_json(v)); }
    void holidays(const std::vector<Holiday>& days) override {
        begin();
        for (const auto& h : days)
            element(json::to_json(h));
        end();
    }
    void holiday_changed(bool, const Holiday& h) override { value(json::to_json(h)); }

    void attention(const Attention& a) override {
        json::Json deadlines = json::Json::array();
        for (const auto& d : a.deadlines) {
            deadlines.push_back({{"complaint", json::to_json(d.complaint)},
                                 {"kind", to_string(d.deadline.kind)},
                                 {"due", format_rfc3339(d.deadline.at)},
                                 {"late", d.late}});
        }
        json::Json follow_ups = json::Json::array();
        for (const auto& c : a.follow_ups)
            follow_ups.push_back(json::to_json(c));
        json::Json absences = json::Json::array();
        for (const auto& u : a.absences)
            absences.push_back({{"member", json::to_json(u.member)}, {"waiting", u.waiting}});
        json::Json moved = json::Json::array();
        for (const auto& c : a.moved)
            moved.push_back(json::to_json(c));
        json::Json stuck = json::Json::array();
        for (const auto& [id, why] : a.stuck)
            stuck.push_back({{"id", id}, {"reason", why}});
        value({{"needs_attention", a.needs_attention()},
               {"checked_at", format_rfc3339(a.now)},
               {"horizon", format_rfc3339(a.horizon)},
               {"deadlines", deadlines},
               {"follow_ups", follow_ups},
               {"absences", absences},
               {"moved", moved},
               {"stuck", stuck}});
    }

  private:
    std::FILE* out_;
    bool lines_;

    static json::Json setting_json(const SettingValue& v) {
        return {{"key", v.key},
                {"value", v.value},
                {"default", v.is_default},
                {"description", v.description}};
    }
    bool first_ = true;

    void value(const json::Json& j) { fmt::print(out_, "{}\n", json::dump(j)); }
    void begin() {
        first_ = true;
        if (!lines_)
            std::fputc('[', out_);
    }
    // One element of a listing, framed as an array element or an NDJSON line; `write`
    // appends its JSON to the reused buffer.
    template <typename Write> void framed(Write&& write) {
        row_.clear();
        if (!lines_)
            row_ += first_ ? "\n" : ",\n";
        write(row_);
        if (lines_)
            row_ += '\n';
        fmt::print(out_, "{}", row_); // as value(): a failed write throws
        first_ = false;
    }
    void element(const json::Json& j) {
        framed([&](std::string& out) { out += json::dump(j); });
    }
    // Complaints and events are written straight into the buffer, no Json built.
    template <typename Row> void element(const Row& row) {
        framed([&](std::string& out) { json::append(out, row); });
    }
    std::string row_;
    void end() {
        if (!lines_)
            std::fputs(first_ ? "]\n" : "\n]\n", out_);
    }
};

} // namespace

std::unique_ptr<Renderer> make_json_renderer(std::FILE* out, bool lines) {
    return std::make_unique<JsonRenderer>(out, lines);
}

} // namespace ombud::cli
