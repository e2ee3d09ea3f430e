// Promises and mandate: decisions on escalations, the waiting clock, and the daily check.

#include <ombud/error.hpp>
#include <ombud/json.hpp>
#include <ombud/tracker.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace ombud {
namespace {

/// Event data.
using Data = nlohmann::json;

} // namespace

Complaint Tracker::decide(ComplaintId id, const std::string& decision) {
    validate_text(decision, "the decision", max_text_bytes);
    Complaint c;
    write([&] {
        c = get(id);
        if (c.status != Status::escalated || !c.escalation)
            throw ConflictError(
                fmt::format("#{} waits for no decision (it is {})", id, to_string(c.status)),
                fmt::format("ask for one with: ombud escalate {} --to NAME", id));
        Event e = event(id, EventKind::decided, decision);
        e.data = {{"asked", c.escalation->to},
                  {"level", c.escalation->level},
                  {"due", json::time_or_null<Data>(c.escalation->due)},
                  {"late", c.escalation->due && *c.escalation->due < now_}};
        c.escalation.reset();
        c.status = Status::open;
        c.updated_at = now_;
        store_.update_complaint(c);
        store_.append_event(e);
    });
    return c;
}

Complaint Tracker::wait(ComplaintId id, const WaitRequest& r) {
    if (r.reason)
        validate_text(*r.reason, "the reason", max_text_bytes);
    if (r.until && *r.until <= now_)
        throw UsageError(
            fmt::format("the time to follow up, {}, is in the past", format_local(*r.until)),
            "give a time that lies ahead, such as friday or 3d");
    Complaint c;
    write([&] {
        c = get(id);
        if (c.status == Status::waiting)
            throw ConflictError(fmt::format("#{} is waiting already", id),
                                fmt::format("resume it with: ombud resume {}", id));
        if (c.status == Status::escalated)
            throw ConflictError(
                fmt::format("#{} waits for a decision from {}", id, c.escalation->to),
                fmt::format("record it first with: ombud decide {} TEXT", id));
        if (c.status == Status::closed)
            throw ConflictError(fmt::format("cannot wait on #{}: it is closed", id),
                                fmt::format("reopen it first with: ombud reopen {}", id));
        c.status = Status::waiting;
        c.waiting_since = now_;
        c.waiting_until = r.until;
        c.updated_at = now_;
        store_.update_complaint(c);
        Event e = event(id, EventKind::waited, r.reason);
        e.data = {{"until", json::time_or_null<Data>(r.until)}};
        store_.append_event(e);
    });
    return c;
}

Complaint Tracker::resume(ComplaintId id, const std::optional<std::string>& reason) {
    if (reason)
        validate_text(*reason, "the reason", max_text_bytes);
    Complaint c;
    write([&] {
        c = get(id);
        if (c.status != Status::waiting)
            throw ConflictError(
                fmt::format("#{} is not waiting (it is {})", id, to_string(c.status)));
        resume_waiting(c, reason);
    });
    return c;
}

void Tracker::resume_waiting(Complaint& c, const std::optional<std::string>& reason) {
    const Timestamp since = c.waiting_since.value_or(now_);
    const BusinessCalendar& cal = policy().calendar;
    // The business time each promise had left when the clock stopped is left again now; one
    // already broken then stays as it was.
    const auto moved = [&](std::optional<Timestamp>& due) {
        if (!due || *due <= since)
            return;
        const std::int64_t left = business_seconds_between(cal, since, *due);
        due = add_business_time(cal, now_, BusinessDuration{0, 0, left});
    };
    moved(c.due);
    if (!c.responded_at)
        moved(c.response_due);
    Event e = event(c.id, EventKind::resumed, reason);
    e.data = {{"waited_since", format_rfc3339(since)},
              {"due", json::time_or_null<Data>(c.due)},
              {"response_due",
               c.responded_at ? Data(nullptr) : json::time_or_null<Data>(c.response_due)}};
    c.status = Status::open;
    c.waiting_since.reset();
    c.waiting_until.reset();
    c.updated_at = now_;
    store_.update_complaint(c);
    store_.append_event(e);
}

Attention Tracker::check(bool act) {
    Attention a;
    const auto look = [&] {
        a = Attention{};
        a.now = now_;
        a.horizon = add_business_time(policy().calendar, now_, policy().within);
        ListFilter f;
        // A deadline exactly at the horizon is within it.
        f.due_before = std::max(a.horizon, now_) + 1;
        store_.list_complaints(f, [&](const Complaint& c) {
            for (const Deadline& d : c.deadlines())
                if (d.at < f.due_before)
                    a.deadlines.push_back({c, d, d.at < now_});
        });
        std::stable_sort(a.deadlines.begin(), a.deadlines.end(), [](const auto& x, const auto& y) {
            return x.deadline.at < y.deadline.at;
        });
        ListFilter waiting;
        waiting.statuses = {Status::waiting};
        store_.list_complaints(waiting, [&](const Complaint& c) {
            if (c.waiting_until && *c.waiting_until < now_)
                a.follow_ups.push_back(c);
        });
        ListFilter escalated;
        escalated.escalated_only = true;
        std::vector<Complaint> pending;
        store_.list_complaints(escalated, [&](const Complaint& c) { pending.push_back(c); });
        for (const TeamMember& m : store_.team()) {
            std::string why;
            if (!m.away(now_) || decider(m.name, why))
                continue;
            UncoveredAbsence u{m, {}};
            for (const Complaint& c : pending)
                if (c.escalation && c.escalation->to == m.name)
                    u.waiting.push_back(c.id);
            if (!u.waiting.empty())
                a.absences.push_back(std::move(u));
        }
    };
    if (!act) {
        store_.read(look);
        return a;
    }
    write([&] {
        look();
        for (const DeadlineAlert& alert : a.deadlines) {
            if (alert.deadline.kind != DeadlineKind::decision || !alert.late)
                continue;
            Complaint c = alert.complaint;
            const std::string asked = c.escalation->to;
            // The next level is whoever stands in for the person asked: their deputy, or the
            // first one in along the deputy chain.
            TeamMember m;
            m.name = asked;
            if (auto found = store_.find_member(asked))
                m = std::move(*found);
            const std::optional<std::string> deputy =
                m.away_deputy && m.away(now_) ? m.away_deputy : m.deputy;
            std::string why;
            const std::optional<std::string> next =
                deputy && *deputy != asked ? decider(*deputy, why) : std::nullopt;
            if (!next || *next == asked) {
                a.stuck.emplace_back(c.id, deputy ? fmt::format("{}; nobody further to ask", why)
                                                  : fmt::format("{} has no deputy", asked));
                continue;
            }
            const std::string reason =
                fmt::format("no decision from {} by {}", asked, format_local(alert.deadline.at));
            escalate_to(c, *deputy, *next, reason, std::nullopt, why, true);
            a.moved.push_back(c);
        }
    });
    return a;
}

} // namespace ombud
