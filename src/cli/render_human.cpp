// The renderer for people: one-line confirmations, a table that fits the terminal, a timeline.
// Every piece of user-written text passes through text::sanitize before it is printed.

#include "render.hpp"

#include <ombud/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <unistd.h>

namespace ombud::cli {
namespace {

using text::sanitize;

constexpr const char* bold = "\x1b[1m";
constexpr const char* dim = "\x1b[2m";
constexpr const char* red = "\x1b[31m";
constexpr const char* green = "\x1b[32m";
constexpr const char* yellow = "\x1b[33m";
constexpr const char* cyan = "\x1b[36m";
constexpr const char* reset = "\x1b[0m";

// A snippet is shown on one line: line breaks in the note become spaces.
std::string flatten(std::string s) {
    std::replace_if(
        s.begin(), s.end(), [](char ch) { return ch == '\n' || ch == '\r'; }, ' ');
    return s;
}

std::string plural(long n, std::string_view word) {
    return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// A time from an event's data, in local time; stored data is shown, never a reason to fail.
std::string local_or_raw(const std::string& rfc3339) {
    try {
        return format_local(parse_rfc3339(rfc3339));
    } catch (const std::exception&) {
        return rfc3339;
    }
}

// One line that says what an event was, without its free text.
std::string describe(const Event& e) {
    const auto str = [&](const char* key) -> std::string {
        const auto it = e.data.find(key);
        return it != e.data.end() && it->is_string() ? sanitize(it->get<std::string>()) : "";
    };
    switch (e.kind) {
    case EventKind::opened:
        return fmt::format("opened, owner {}, priority {}", str("owner"), str("priority"));
    case EventKind::note: {
        std::string s = e.visible ? "note, shared with the customer" : "internal note";
        std::vector<std::string> how;
        if (e.channel)
            how.push_back(sanitize(*e.channel));
        if (e.direction)
            how.push_back(*e.direction == Direction::in ? "incoming" : "outgoing");
        if (!how.empty())
            s += fmt::format(" ({})", fmt::join(how, ", "));
        return s;
    }
    case EventKind::escalated: {
        const auto level = e.data.value("level", 0);
        std::string s = fmt::format("escalated to {} (level {})", str("to"), level);
        if (const std::string due = str("due"); !due.empty())
            s += ", decision due " + local_or_raw(due);
        if (const std::string instead = str("instead_of"); !instead.empty())
            s += fmt::format(", instead of {}", instead);
        if (const std::string why = str("why"); !why.empty())
            s += fmt::format(" ({})", why);
        if (const auto it = e.data.find("automatic"); it != e.data.end() && it->is_boolean() && *it)
            s += ", by ombud check";
        return s;
    }
    case EventKind::assigned:
        return fmt::format("handed from {} to {}", str("from"), str("to"));
    case EventKind::closed: {
        std::string s = "closed as " + str("reason");
        if (const auto it = e.data.find("rating"); it != e.data.end() && it->is_number())
            s += fmt::format(", rated {}/5", it->get<int>());
        return s;
    }
    case EventKind::reopened:
        return "reopened";
    case EventKind::decided: {
        std::string s = fmt::format("decided (asked of {}", str("asked"));
        if (const auto it = e.data.find("late"); it != e.data.end() && it->is_boolean() && *it)
            s += ", after the deadline";
        return s + ")";
    }
    case EventKind::waited: {
        std::string s = "waiting on the customer, the clock stopped";
        if (const std::string until = str("until"); !until.empty())
            s += ", follow up " + local_or_raw(until);
        return s;
    }
    case EventKind::resumed: {
        std::string s = "the clock runs again";
        if (const std::string due = str("due"); !due.empty())
            s += ", due " + local_or_raw(due);
        return s;
    }
    }
    return std::string(to_string(e.kind));
}

class HumanRenderer final : public Renderer {
  public:
    HumanRenderer(std::FILE* out, const HumanOptions& o) : out_(out), o_(o) {}

    void changed(Action action, const Complaint& c) override {
        const std::string id = paint(bold, fmt::format("#{}", c.id));
        std::string line;
        std::string hint;
        switch (action) {
        case Action::opened:
            line = fmt::format("Opened {} \"{}\"", id, sanitize(c.title));
            if (c.customer)
                line += " for " + sanitize(c.customer->name);
            line += fmt::format(", owner {}", sanitize(c.owner));
            if (c.response_due)
                line += ", answer by " + format_local(*c.response_due);
            if (c.due)
                line += ", due " + format_local(*c.due);
            hint = fmt::format("add what the customer said with: ombud note {} \"…\"", c.id);
            break;
        case Action::noted:
            line = fmt::format("Noted on {} \"{}\"", id, sanitize(c.title));
            break;
        case Action::escalated:
            line = fmt::format("Escalated {} to {} (level {})", id, sanitize(c.escalation->to),
                               c.escalation->level);
            if (c.escalation->instead_of)
                line += fmt::format(", standing in for {}", sanitize(*c.escalation->instead_of));
            if (c.escalation->due)
                line += ", decision due " + format_local(*c.escalation->due);
            break;
        case Action::closed:
            line = fmt::format("Closed {} as {}", id, to_string(*c.close_reason));
            if (c.rating)
                line += fmt::format(", rated {}/5", *c.rating);
            break;
        case Action::reopened:
            line = fmt::format("Reopened {} \"{}\", owner {}", id, sanitize(c.title),
                               sanitize(c.owner));
            break;
        case Action::assigned:
            line =
                fmt::format("Assigned {} to {} (hand-off {})", id, sanitize(c.owner), c.handoffs);
            break;
        case Action::decided:
            line = fmt::format("Decided on {}; it is open again, owner {}", id, sanitize(c.owner));
            break;
        case Action::waiting:
            line = fmt::format("{} waits on the customer; the clock is stopped", id);
            if (c.waiting_until)
                line += ", follow up " + format_local(*c.waiting_until);
            break;
        case Action::resumed:
            line = fmt::format("Resumed {}; the clock runs again", id);
            if (c.due)
                line += ", due " + format_local(*c.due);
            break;
        }
        fmt::print(out_, "{}\n", line);
        if (o_.hints && !hint.empty()) {
            std::fflush(out_);
            fmt::print(stderr, "{}\n", paint(dim, "Next: " + hint));
        }
    }

    void show(const Complaint& c, const std::vector<Event>& events) override {
        fmt::print(out_, "{} {}\n", paint(bold, fmt::format("#{}", c.id)),
                   paint(bold, sanitize(c.title)));
        field("Status", status_text(c));
        field("Priority", std::string(to_string(c.priority)));
        if (c.category)
            field("Category", sanitize(*c.category));
        if (c.channel)
            field("Channel", sanitize(*c.channel));
        if (c.customer)
            field("Customer", customer_text(*c.customer));
        field("Owner",
              c.handoffs ? fmt::format("{} ({})", sanitize(c.owner), plural(c.handoffs, "hand-off"))
                         : sanitize(c.owner));
        const bool running = c.status == Status::open || c.status == Status::escalated;
        if (c.response_due) {
            field("Answer by",
                  c.responded_at ? fmt::format("{} (answered {})", format_local(*c.response_due),
                                               format_local(*c.responded_at))
                                 : when_text(*c.response_due, running && *c.response_due < o_.now));
        }
        if (c.due)
            field("Due", when_text(*c.due, running && *c.due < o_.now));
        if (c.waiting_since) {
            std::string w =
                fmt::format("since {}, the clock stopped", format_local(*c.waiting_since));
            if (c.waiting_until)
                w += ", follow up " + when_text(*c.waiting_until, *c.waiting_until < o_.now);
            field("Waiting", w);
        }
        field("Opened", when_text(c.created_at, false));
        if (c.closed_at) {
            std::string closed = when_text(*c.closed_at, false);
            if (c.close_reason)
                closed += fmt::format(", {}", to_string(*c.close_reason));
            if (c.rating)
                closed += fmt::format(", rated {}/5", *c.rating);
            field("Closed", closed);
        }
        if (c.resolution)
            field("Resolution", sanitize(*c.resolution));
        fmt::print(out_, "\n{}\n", paint(bold, "Timeline"));
        for (const auto& e : events)
            timeline_entry(e, false);
    }

    void list_begin(ComplaintId max_id) override {
        id_width_ = std::max<std::size_t>(fmt::formatted_size("#{}", max_id), 2) + 1;
        rows_ = 0;
    }

    void list_row(const Complaint& c) override {
        if (rows_++ == 0)
            header();
        const bool late = c.overdue(o_.now);
        std::string line = cell(fmt::format("#{}", c.id), id_width_, bold);
        line += cell(std::string(to_string(c.status)), 10, status_color(c.status));
        line += cell(std::string(to_string(c.priority)), 7,
                     c.priority >= Priority::high ? yellow : nullptr);
        line += cell(sanitize(c.owner), owner_width_, nullptr);
        if (show_customer())
            line += cell(c.customer ? sanitize(c.customer->name) : "-", customer_width_, nullptr);
        line += cell(format_relative(c.updated_at, o_.now), 9, dim);
        if (show_due()) {
            const auto deadline = c.next_deadline();
            std::string due = "-";
            const bool soon =
                deadline && !late && o_.at_risk_before && deadline->at <= o_.at_risk_before();
            if (deadline)
                due = (late   ? "LATE "
                       : soon ? "SOON "
                              : "") +
                      format_relative(deadline->at, o_.now);
            line += cell(due, due_width_, late ? red : soon ? yellow : nullptr);
        }
        const std::string title = sanitize(c.title);
        line += o_.width ? text::truncate_to_width(title, title_width()) : title;
        fmt::print(out_, "{}\n", line);
    }

    void list_end() override {
        if (rows_ == 0)
            fmt::print(out_, "No complaints match.\n");
    }

    void search_begin(ComplaintId max_id) override { list_begin(max_id); }

    void search_row(const SearchHit& hit) override {
        list_row(hit.complaint);
        // Under the row: where it matched, the matching words highlighted.
        std::string line(id_width_, ' ');
        line += paint(dim, hit.field + ":") + " ";
        std::size_t room = o_.width ? o_.width - std::min(o_.width, line.size() + 2) : 0;
        if (o_.width && room < 20)
            room = 20;
        for (const auto& part : hit.snippet) {
            std::string piece = sanitize(flatten(part.text));
            if (o_.width) {
                if (room == 0)
                    break;
                const std::size_t w = text::display_width(piece);
                piece = text::truncate_to_width(piece, room);
                room -= std::min(room, w);
            }
            line += part.highlighted ? paint(bold, paint(yellow, piece)) : piece;
        }
        fmt::print(out_, "{}\n", line);
    }

    void search_end() override { list_end(); }

    void history_begin(bool timeline) override {
        timeline_ = timeline;
        rows_ = 0;
    }

    void history_row(const Event& e) override {
        ++rows_;
        timeline_entry(e, !timeline_);
    }

    void history_end() override {
        if (rows_ == 0)
            fmt::print(out_, "Nothing happened yet.\n");
    }

    void imported(const std::string& source, const transfer::ImportReport& r) override {
        fmt::print(out_, "Imported {}, {} and {} from {}\n", plural(r.customers, "customer"),
                   plural(r.complaints, "complaint"), plural(r.events, "event"), sanitize(source));
        if (r.settings + r.holidays + r.members > 0)
            fmt::print(out_, "with {}, {} and {}\n", plural(r.settings, "setting"),
                       plural(r.holidays, "holiday"), plural(r.members, "team member"));
    }

    void csv_imported(const std::string& source, const csv_import::Report& r) override {
        const auto names = [](const std::vector<std::string>& list, std::size_t most) {
            std::string s;
            for (std::size_t i = 0; i < list.size() && i < most; ++i)
                s += fmt::format("{}{}", i == 0 ? "" : ", ", sanitize(list[i]));
            if (list.size() > most)
                s += fmt::format(" and {} more", list.size() - most);
            return s;
        };
        const std::size_t bad = csv_import::bad_rows(r.problems);
        if (!r.dry_run) {
            std::string line = fmt::format("Imported {} from {}", plural(r.complaints, "complaint"),
                                           sanitize(source));
            if (r.first_id)
                line += r.first_id == r.last_id
                            ? fmt::format(" as #{}", *r.first_id)
                            : fmt::format(" as #{} to #{}", *r.first_id, *r.last_id);
            std::vector<std::string> added;
            if (!r.new_customers.empty())
                added.push_back(plural(r.new_customers.size(), "new customer"));
            if (!r.new_members.empty())
                added.push_back(fmt::format("{} new to the team", names(r.new_members, 5)));
            if (!added.empty())
                line += fmt::format(", with {}", fmt::join(added, " and "));
            fmt::print(out_, "{}\n", line);
            if (bad > 0)
                fmt::print(out_, "Skipped {} of {} that cannot be used (told on stderr)\n", bad,
                           plural(r.rows, "row"));
            return;
        }
        fmt::print(
            out_, "{}\n",
            paint(bold, fmt::format("Dry run of {}: nothing was written", sanitize(source))));
        std::vector<std::string> columns;
        for (const auto& c : r.columns)
            columns.push_back(c.field.empty()
                                  ? fmt::format("{} (left out)", sanitize(c.header))
                                  : fmt::format("{} → {}", sanitize(c.header), c.field));
        fmt::print(out_, "Columns: {}\n", fmt::join(columns, ", "));
        fmt::print(out_, "Would import {} of {} as complaints\n", r.complaints,
                   plural(r.rows, "row"));
        if (!r.new_customers.empty())
            fmt::print(out_, "New customers ({}): {}\n", r.new_customers.size(),
                       names(r.new_customers, 10));
        if (!r.new_members.empty())
            fmt::print(out_, "New to the team ({}): {}\n", r.new_members.size(),
                       names(r.new_members, 10));
        if (bad > 0) {
            fmt::print(out_, "{}\n", paint(red, fmt::format("Rows it cannot use ({}):", bad)));
            for (const auto& p : r.problems)
                fmt::print(out_, "  {}\n", sanitize(csv_import::describe(p)));
        }
    }

    void checked(const std::string& path, const CheckReport& r) override {
        fmt::print(out_, "Checked {}: schema {}, {} journal, {}, {}, {}\n", sanitize(path),
                   r.schema_version, sanitize(r.journal_mode), plural(r.complaints, "complaint"),
                   plural(r.events, "event"), plural(r.customers, "customer"));
        for (const char* check : {"integrity", "foreign_keys", "consistency"}) {
            std::size_t found = 0;
            for (const auto& p : r.problems) {
                if (p.check == check)
                    ++found;
            }
            const std::string name =
                check == std::string_view("foreign_keys") ? "foreign keys" : check;
            fmt::print(out_, "  {:<13} {}\n", name,
                       found == 0 ? paint(green, "ok")
                                  : paint(red, plural(static_cast<long>(found), "problem")));
        }
        // The first ones say what kind of damage it is; --json has them all.
        constexpr std::size_t shown = 10;
        for (std::size_t i = 0; i < r.problems.size() && i < shown; ++i)
            fmt::print(out_, "  {} {}\n", paint(red, "-"), sanitize(r.problems[i].message));
        if (r.problems.size() > shown)
            fmt::print(out_, "  … and {} more (all of them with --json)\n",
                       r.problems.size() - shown);
    }

    void backed_up(const std::string& source, const BackupReport& r) override {
        fmt::print(out_, "Backed up {} to {} ({}, {} KiB)\n", sanitize(source), sanitize(r.path),
                   plural(r.complaints, "complaint"), (r.bytes + 1023) / 1024);
    }

    void shared(const std::string& path, const files::ShareReport& r) override {
        fmt::print(out_,
                   "Shared {} with the group {}: readable and writable by its members "
                   "(mode 0660)\n",
                   sanitize(path), sanitize(r.group));
        if (!r.folder_ready) {
            std::fflush(out_);
            // The folder is the team's to set up; ombud only says what is missing.
            fmt::print(stderr,
                       "ombud: warning: the group cannot create SQLite's journal files in {} "
                       "yet\nhint: run: chgrp {} {} && chmod g+rwxs {}\n",
                       sanitize(r.folder), sanitize(r.group), sanitize(r.folder),
                       sanitize(r.folder));
        }
    }

    void team(const std::vector<TeamMember>& members) override {
        if (members.empty()) {
            fmt::print(out_, "Nobody is on the team yet (ombud team add NAME).\n");
            return;
        }
        for (const auto& m : members)
            fmt::print(out_, "{}\n", member_line(m));
    }

    void member(MemberAction action, const TeamMember& m) override {
        switch (action) {
        case MemberAction::added:
            fmt::print(out_, "Added {} to the team\n", member_line(m));
            break;
        case MemberAction::away:
            fmt::print(out_, "{} is away until {}{}\n", sanitize(m.name),
                       format_local(*m.away_until),
                       m.stand_in(o_.now) ? "; " + sanitize(*m.stand_in(o_.now)) + " decides"
                                          : "; nobody decides in their place");
            break;
        case MemberAction::back:
            fmt::print(out_, "{} is back\n", sanitize(m.name));
            break;
        }
    }

    void settings(const std::vector<SettingValue>& values) override {
        for (const auto& v : values)
            fmt::print(out_, "{:<20} {}{}\n", v.key, setting_text(v),
                       v.is_default ? paint(dim, "  (default)") : "");
    }

    // The bare value, as `git config` prints it, for `$(ombud config get hours)`.
    void setting(const SettingValue& v) override { fmt::print(out_, "{}\n", v.value); }

    void setting_changed(const SettingValue& v) override {
        fmt::print(out_, "{} = {}{}\n", v.key, setting_text(v),
                   v.is_default ? " (the default)" : "");
    }

    void holidays(const std::vector<Holiday>& days) override {
        if (days.empty())
            fmt::print(out_, "No holidays (ombud holiday add DATE).\n");
        for (const auto& h : days)
            fmt::print(out_, "{}  {}\n", h.day, h.name ? sanitize(*h.name) : "");
    }

    void holiday_changed(bool added, const Holiday& h) override {
        fmt::print(out_, "{} {}{}\n", added ? "Closed on" : "Open again on", h.day,
                   h.name ? fmt::format(" ({})", sanitize(*h.name)) : "");
    }

    void attention(const Attention& a) override {
        if (!a.needs_attention() && a.moved.empty()) {
            fmt::print(out_, "Nothing needs attention: no deadline before {}.\n",
                       format_local(a.horizon));
            return;
        }
        for (const auto& d : a.deadlines) {
            const Complaint& c = d.complaint;
            const std::string who = d.deadline.kind == DeadlineKind::decision
                                        ? sanitize(c.escalation->to)
                                        : sanitize(c.owner);
            fmt::print(out_, "{} #{} {} {} {} ({}), {}: {}\n",
                       d.late ? paint(red, "LATE") : paint(yellow, "SOON"), c.id,
                       to_string(d.deadline.kind), d.late ? "was due" : "due",
                       format_local(d.deadline.at), format_relative(d.deadline.at, a.now), who,
                       text::truncate_to_width(sanitize(c.title), 40));
        }
        for (const auto& c : a.follow_ups)
            fmt::print(out_, "{} #{} waits on the customer; follow up since {}, {}: {}\n",
                       paint(yellow, "FOLLOW-UP"), c.id, format_local(*c.waiting_until),
                       sanitize(c.owner), text::truncate_to_width(sanitize(c.title), 40));
        for (const auto& u : a.absences) {
            std::vector<std::string> ids;
            for (const auto id : u.waiting)
                ids.push_back(fmt::format("#{}", id));
            fmt::print(out_, "{} {} is away until {} and nobody stands in; waiting for them: {}\n",
                       paint(red, "AWAY"), sanitize(u.member.name),
                       format_local(*u.member.away_until), fmt::join(ids, ", "));
        }
        for (const auto& c : a.moved)
            fmt::print(out_, "{} #{} to {} (level {}), decision due {}\n", paint(bold, "ESCALATED"),
                       c.id, sanitize(c.escalation->to), c.escalation->level,
                       c.escalation->due ? format_local(*c.escalation->due) : "-");
        for (const auto& [id, why] : a.stuck)
            fmt::print(out_, "{} #{}: {}\n", paint(red, "STUCK"), id, sanitize(why));
    }

  private:
    std::FILE* out_;
    HumanOptions o_;

    std::string member_line(const TeamMember& m) const {
        std::string s = sanitize(m.name);
        if (m.email)
            s += fmt::format(" <{}>", sanitize(*m.email));
        if (m.deputy)
            s += ", deputy " + sanitize(*m.deputy);
        if (m.away(o_.now)) {
            s += ", away until " + format_local(*m.away_until);
            if (m.away_deputy)
                s += fmt::format(" ({} stands in)", sanitize(*m.away_deputy));
        }
        return s;
    }

    static std::string setting_text(const SettingValue& v) {
        if (v.value.empty())
            return "(the system's)";
        return sanitize(v.value);
    }
    std::size_t id_width_ = 3;
    std::size_t rows_ = 0;
    bool timeline_ = false;
    static constexpr std::size_t owner_width_ = 12;
    static constexpr std::size_t customer_width_ = 18;
    static constexpr std::size_t due_width_ = 13;

    // Narrow terminals drop the less important columns before the title gets too short.
    bool show_customer() const { return o_.width == 0 || o_.width >= 100; }
    bool show_due() const { return o_.width == 0 || o_.width >= 80; }

    std::size_t title_width() const {
        std::size_t used = id_width_ + 10 + 7 + owner_width_ + 9;
        if (show_customer())
            used += customer_width_;
        if (show_due())
            used += due_width_;
        // On a very narrow terminal the title still gets a few columns; lines then wrap.
        return o_.width > used + 8 ? o_.width - used : 8;
    }

    std::string paint(const char* color, const std::string& s) const {
        if (!o_.color || color == nullptr)
            return s;
        return color + s + reset;
    }

    std::string cell(const std::string& s, std::size_t width, const char* color) const {
        return paint(color, text::pad_to_width(s, width - 1)) + " ";
    }

    static const char* status_color(Status s) {
        switch (s) {
        case Status::open:
            return green;
        case Status::escalated:
            return yellow;
        case Status::waiting:
            return cyan;
        case Status::closed:
            return dim;
        }
        return nullptr;
    }

    void header() {
        std::string line = cell("ID", id_width_, nullptr) + cell("STATUS", 10, nullptr) +
                           cell("PRI", 7, nullptr) + cell("OWNER", owner_width_, nullptr);
        if (show_customer())
            line += cell("CUSTOMER", customer_width_, nullptr);
        line += cell("ACTIVITY", 9, nullptr);
        if (show_due())
            line += cell("DUE", due_width_, nullptr);
        line += "TITLE";
        fmt::print(out_, "{}\n", paint(bold, line));
    }

    void field(std::string_view name, const std::string& value) {
        fmt::print(out_, "  {:<12}{}\n", fmt::format("{}:", name), value);
    }

    std::string when_text(Timestamp t, bool late) const {
        std::string s = fmt::format("{} ({})", format_local(t), format_relative(t, o_.now));
        return late ? s + " " + paint(red, "LATE") : s;
    }

    std::string status_text(const Complaint& c) const {
        std::string s = paint(status_color(c.status), std::string(to_string(c.status)));
        if (c.escalation) {
            s += fmt::format(", level {} to {}", c.escalation->level, sanitize(c.escalation->to));
            if (c.escalation->instead_of)
                s += fmt::format(" for {}", sanitize(*c.escalation->instead_of));
            if (c.escalation->since)
                s += fmt::format(" since {}", format_local(*c.escalation->since));
            if (c.escalation->due)
                s += ", decision due " +
                     when_text(*c.escalation->due,
                               *c.escalation->due < o_.now && c.status != Status::closed);
        }
        return s;
    }

    static std::string customer_text(const Customer& cu) {
        std::string s = sanitize(cu.name);
        if (cu.email)
            s += fmt::format(" <{}>", sanitize(*cu.email));
        if (cu.phone)
            s += ", " + sanitize(*cu.phone);
        return s;
    }

    void timeline_entry(const Event& e, bool with_complaint) {
        std::string line = fmt::format("  {}  ", paint(dim, format_local(e.at)));
        if (with_complaint) {
            line += paint(bold, fmt::format("#{}", e.complaint_id)) + " ";
            if (e.complaint_title)
                line += text::truncate_to_width(sanitize(*e.complaint_title), 30) + "  ";
        }
        line += fmt::format("{}: {}", sanitize(e.actor), describe(e));
        fmt::print(out_, "{}\n", line);
        if (e.text) {
            // Multi-line notes keep their lines, indented under the entry.
            const std::string body = sanitize(*e.text, true);
            std::size_t start = 0;
            while (start <= body.size()) {
                const std::size_t end = std::min(body.find('\n', start), body.size());
                const std::string_view line(body.data() + start, end - start);
                fmt::print(out_, "{}\n", line.empty() ? "" : fmt::format("      {}", line));
                start = end + 1;
            }
        }
    }
};

} // namespace

std::unique_ptr<Renderer> make_human_renderer(std::FILE* out, const HumanOptions& options) {
    return std::make_unique<HumanRenderer>(out, options);
}

} // namespace ombud::cli
