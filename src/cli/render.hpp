#pragma once
// Renderers turn the values commands produce into text: one for people, JSON (and NDJSON) and
// CSV for scripts and spreadsheets.

#include <ombud/csv_import.hpp>
#include <ombud/files.hpp>
#include <ombud/model.hpp>
#include <ombud/store.hpp>
#include <ombud/tracker.hpp>
#include <ombud/transfer.hpp>

#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ombud::cli {

/// What a command did to one complaint, for its confirmation line.
enum class Action {
    opened,
    noted,
    escalated,
    closed,
    reopened,
    assigned,
    decided,
    waiting,
    resumed
};

/// What a team command did to a member.
enum class MemberAction { added, away, back };

class Renderer {
  public:
    virtual ~Renderer() = default;

    virtual void changed(Action action, const Complaint& c) = 0;
    virtual void show(const Complaint& c, const std::vector<Event>& events) = 0;

    /// Listings stream: begin, one call per row, end. `max_id` sizes the id column.
    virtual void list_begin(ComplaintId max_id) = 0;
    virtual void list_row(const Complaint& c) = 0;
    virtual void list_end() = 0;

    /// `timeline`: the events of one complaint, so the complaint column is left out.
    virtual void history_begin(bool timeline) = 0;
    virtual void history_row(const Event& e) = 0;
    virtual void history_end() = 0;

    /// Search results stream like listings, best match first.
    virtual void search_begin(ComplaintId max_id) = 0;
    virtual void search_row(const SearchHit& hit) = 0;
    virtual void search_end() = 0;

    /// What `import` loaded from `source`.
    virtual void imported(const std::string& source, const transfer::ImportReport& r) = 0;
    /// What `import --csv` opened from `source`, or with a dry run would open.
    virtual void csv_imported(const std::string& source, const csv_import::Report& r) = 0;

    /// `ombud db`: what the check found, the backup written, the sharing set up.
    virtual void checked(const std::string& path, const CheckReport& r) = 0;
    virtual void backed_up(const std::string& source, const BackupReport& r) = 0;
    virtual void shared(const std::string& path, const files::ShareReport& r) = 0;

    // The set-up commands and `check`. A format without them (CSV) says so.
    virtual void team(const std::vector<TeamMember>& members);
    virtual void member(MemberAction action, const TeamMember& m);
    /// `config list`, `config get` (one value), and what `config set`/`unset` left.
    virtual void settings(const std::vector<SettingValue>& values);
    virtual void setting(const SettingValue& value);
    virtual void setting_changed(const SettingValue& value);
    virtual void holidays(const std::vector<Holiday>& days);
    virtual void holiday_changed(bool added, const Holiday& day);
    virtual void attention(const Attention& a);

  protected:
    [[noreturn]] static void unavailable(std::string_view what);
};

struct HumanOptions {
    bool color = false;
    /// Columns to fit tables in; 0 means no limit (output is not a terminal).
    std::size_t width = 0;
    /// Whether to print next-step hints (to stderr) after confirmations.
    bool hints = false;
    Timestamp now = 0;
    /// Deadlines before this are at risk (marked SOON); asked only when a row has one, since it
    /// takes the business calendar.
    std::function<Timestamp()> at_risk_before;
};

std::unique_ptr<Renderer> make_human_renderer(std::FILE* out, const HumanOptions& options);
/// `lines`: NDJSON, listings as one object per line with no enclosing array.
std::unique_ptr<Renderer> make_json_renderer(std::FILE* out, bool lines);
/// RFC 4180 CSV with a header row; see csv_field for how each field is written.
std::unique_ptr<Renderer> make_csv_renderer(std::FILE* out);

/// One CSV field: invalid UTF-8 becomes U+FFFD; a leading = + - @ TAB or CR (a formula to a
/// spreadsheet) gets a ' before it; a field with a comma, quote, CR or LF is quoted, with its
/// quotes doubled.
std::string csv_field(std::string_view s);

} // namespace ombud::cli
