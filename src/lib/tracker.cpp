#include <ombud/error.hpp>
#include <ombud/json.hpp>
#include <ombud/text.hpp>
#include <ombud/tracker.hpp>

#include <fmt/format.h>

#include <utility>

#include <sstream>

namespace ombud {
namespace {

/// Event data.
using Data = nlohmann::json;

void validate_optional(const std::optional<std::string>& s, std::string_view what,
                       std::size_t max_bytes) {
    if (s)
        validate_text(*s, what, max_bytes);
}

// A deadline is a promise, so it lies ahead, and within a lifetime.
void validate_deadline(const std::optional<Timestamp>& due, Timestamp now) {
    constexpr Timestamp horizon = Timestamp{100} * 366 * 24 * 3600;
    if (!due)
        return;
    if (*due <= now)
        throw UsageError(fmt::format("the deadline {} is in the past", format_local(*due)),
                         "give a time that lies ahead, such as tomorrow or 4h");
    if (*due > now + horizon)
        throw UsageError(
            fmt::format("the deadline {} is more than 100 years ahead", format_rfc3339(*due)));
}

// Changes to a closed complaint go through `reopen` first, so its record stays readable.
void require_not_closed(const Complaint& c, std::string_view action) {
    if (c.status == Status::closed)
        throw ConflictError(fmt::format("cannot {} #{}: it is closed", action, c.id),
                            fmt::format("reopen it first with: ombud reopen {}", c.id));
}

} // namespace

void validate_text(std::string_view s, std::string_view what, std::size_t max_bytes,
                   bool allow_empty) {
    if (auto at = text::invalid_utf8_at(s))
        throw UsageError(fmt::format("{} is not valid UTF-8 (bad byte at offset {})", what, *at));
    if (s.find('\0') != std::string_view::npos)
        throw UsageError(fmt::format("{} contains a NUL byte", what));
    if (s.size() > max_bytes)
        throw UsageError(
            fmt::format("{} is too long ({} bytes; at most {})", what, s.size(), max_bytes));
    if (!allow_empty && s.find_first_not_of(" \t\r\n") == std::string_view::npos)
        throw UsageError(fmt::format("{} is empty", what));
}

Event Tracker::event(ComplaintId id, EventKind kind, std::optional<std::string> text) const {
    Event e;
    e.complaint_id = id;
    e.at = now_;
    e.actor = actor_;
    e.kind = kind;
    e.text = std::move(text);
    return e;
}

Tracker::Tracker(Store& store, std::string actor, Timestamp now)
    : store_(store), actor_(std::move(actor)), now_(now) {
    validate_text(actor_, "the acting user's name", max_name_bytes);
}

namespace {

// The customer as the complaint names them: by name, else by the address or number given.
std::optional<CustomerInput> customer_of(const OpenRequest& r) {
    std::optional<CustomerInput> customer = r.customer;
    // A customer known only by e-mail address or phone number is named by it until someone
    // gives the name (find_or_create_customer fills it in then).
    if (customer && customer->name.empty() && (customer->email || customer->phone))
        customer->name = customer->email ? *customer->email : *customer->phone;
    return customer;
}

} // namespace

void check_open_request(const OpenRequest& r, Timestamp now) {
    validate_text(r.title, "the title", max_title_bytes);
    if (const auto customer = customer_of(r)) {
        validate_optional(customer->email, "the e-mail address", max_name_bytes);
        validate_optional(customer->phone, "the phone number", max_name_bytes);
        validate_text(customer->name, "the customer name", max_name_bytes);
    }
    validate_optional(r.category, "the category", max_name_bytes);
    validate_optional(r.owner, "the owner", max_name_bytes);
    validate_optional(r.note, "the note", max_text_bytes);
    if (r.at && *r.at > now)
        throw UsageError(
            fmt::format("the time it was opened, {}, is in the future", format_rfc3339(*r.at)),
            "leave it out to open it now");
    validate_deadline(r.due, r.at.value_or(now));
}

void Tracker::in_bulk_if_many(std::size_t rows, const std::function<void()>& fn) {
    // Setting the indexing aside and back costs about as much as indexing 50 rows one by one.
    if (rows >= 50)
        store_.bulk(fn);
    else
        fn();
}

Complaint Tracker::open(const OpenRequest& r) {
    return open_all({r}).front();
}

std::vector<Complaint> Tracker::open_all(const std::vector<OpenRequest>& requests) {
    for (const auto& r : requests)
        check(r);
    std::vector<Complaint> opened;
    opened.reserve(requests.size());
    write([&] {
        opened.clear();
        in_bulk_if_many(requests.size(), [&] {
            for (const auto& r : requests) {
                if (r.owner)
                    require_person(*r.owner, "owner");
                opened.push_back(insert_opened(r));
            }
        });
    });
    return opened;
}

namespace {

// Thrown inside a write to roll back what a batch did.
struct RollBack {};

} // namespace

BatchReport Tracker::open_batch(const std::vector<OpenRequest>& requests,
                                const BatchOptions& options) {
    BatchReport report;
    try {
        write([&] {
            report = {};
            report.opened.reserve(requests.size());
            in_bulk_if_many(requests.size(), [&] { open_each(requests, report); });
            if (options.dry_run || (!report.refused.empty() && !options.skip_refused))
                throw RollBack{};
            report.written = true;
        });
    } catch (const RollBack&) {
        report.written = false;
    }
    return report;
}

void Tracker::open_each(const std::vector<OpenRequest>& requests, BatchReport& report) {
    for (std::size_t i = 0; i < requests.size(); ++i) {
        const OpenRequest& r = requests[i];
        try {
            check(r);
        } catch (const UsageError& e) {
            report.refused.push_back({i, "", e.what()});
            continue;
        }
        if (r.owner) {
            const bool known = store_.find_member(*r.owner).has_value();
            try {
                require_person(*r.owner, "owner");
            } catch (const UsageError& e) {
                report.refused.push_back({i, "owner", e.what()});
                continue;
            }
            if (!known)
                report.new_members.push_back(*r.owner);
        }
        if (const auto customer = customer_of(r); customer && !store_.find_customer(*customer))
            report.new_customers.push_back(customer->name);
        report.opened.push_back(insert_opened(r));
    }
}

Complaint Tracker::insert_opened(const OpenRequest& r) {
    const Timestamp at = r.at.value_or(now_);
    Complaint c;
    c.title = r.title;
    c.priority = r.priority;
    c.category = r.category;
    c.channel = r.channel;
    c.owner = r.owner.value_or(actor_);
    // The service policy sets the promises that --due does not.
    const auto p = static_cast<std::size_t>(c.priority);
    c.response_due = policy().due(policy().response[p], at);
    c.due = r.due ? r.due : policy().due(policy().resolve[p], at);
    c.created_at = c.updated_at = at;
    if (const auto customer = customer_of(r))
        c.customer = store_.find_or_create_customer(*customer);
    c.id = store_.insert_complaint(c);
    Event e = event(c.id, EventKind::opened, std::nullopt);
    e.at = at;
    e.channel = c.channel;
    e.data = {{"title", c.title},
              {"priority", to_string(c.priority)},
              {"category", json::or_null<Data>(c.category)},
              {"owner", c.owner},
              {"due", json::time_or_null<Data>(c.due)},
              {"response_due", json::time_or_null<Data>(c.response_due)},
              {"customer_id", c.customer ? Data(c.customer->id) : Data(nullptr)},
              // As typed, since the customer record may be matched or filled in.
              {"customer", r.customer ? Data{{"name", r.customer->name},
                                             {"email", json::or_null<Data>(r.customer->email)},
                                             {"phone", json::or_null<Data>(r.customer->phone)}}
                                      : Data(nullptr)}};
    store_.append_event(e);
    if (r.note) {
        Event note = event(c.id, EventKind::note, r.note);
        note.at = at;
        note.channel = c.channel;
        note.direction = Direction::in;
        store_.append_event(note);
    }
    return c;
}

void Tracker::write(const std::function<void()>& fn) {
    pending_warnings_.clear();
    writing_ = true;
    try {
        store_.write([&] {
            // A retried or repeated write starts its warnings afresh.
            pending_warnings_.clear();
            // A command that waited for the lock while others wrote is recorded after them: the
            // timeline's order of time is the order in which things were written.
            now_ = std::max(now_, store_.latest_event_time());
            fn();
        });
    } catch (...) {
        writing_ = false;
        pending_warnings_.clear();
        throw;
    }
    writing_ = false;
    for (const std::string& message : std::exchange(pending_warnings_, {}))
        warn(message);
}

Complaint Tracker::note(ComplaintId id, const NoteRequest& r) {
    validate_text(r.text, "the note", max_text_bytes);
    Complaint c;
    // A letter that arrives after closing still belongs in the record, so closed is fine here.
    write([&] {
        c = get(id);
        c.updated_at = now_;
        Event e = event(id, EventKind::note, r.text);
        e.channel = r.channel;
        e.direction = r.direction;
        e.visible = r.visible;
        if (r.direction == Direction::out && !c.responded_at && c.status != Status::closed) {
            c.responded_at = now_;
            e.data = {{"first_response", true}};
        }
        store_.update_complaint(c);
        store_.append_event(e);
        // The customer's answer is what the business was waiting for.
        if (c.status == Status::waiting && r.direction == Direction::in)
            resume_waiting(c, "the customer answered");
    });
    return c;
}

Complaint Tracker::escalate(ComplaintId id, const EscalateRequest& r) {
    validate_text(r.to, "the name to escalate to", max_name_bytes);
    validate_optional(r.reason, "the reason", max_text_bytes);
    validate_deadline(r.due, now_);
    Complaint c;
    write([&] {
        c = get(id);
        require_not_closed(c, "escalate");
        if (c.status == Status::waiting)
            throw ConflictError(fmt::format("#{} is waiting on the customer", id),
                                fmt::format("resume it first with: ombud resume {}", id));
        require_person(r.to, "person to escalate to");
        std::string why;
        std::optional<std::string> to = decider(r.to, why);
        if (!to) {
            // Asking someone who is away beats refusing: `check` reports it until someone is in.
            warn(fmt::format("{}, and nobody stands in; the escalation waits for them", why));
            to = r.to;
            why.clear();
        }
        escalate_to(c, r.to, *to, r.reason, r.due, why, false);
    });
    return c;
}

void Tracker::escalate_to(Complaint& c, const std::string& asked, const std::string& to,
                          const std::optional<std::string>& reason, std::optional<Timestamp> due,
                          const std::string& why, bool automatic) {
    const std::optional<std::string> previous =
        c.escalation ? std::optional(c.escalation->to) : std::nullopt;
    const int level = c.escalation_level + 1;
    if (!due)
        due = policy().due(policy().decide[static_cast<std::size_t>(c.priority)], now_);
    c.escalation = Escalation{
        level, to, reason, due, now_, actor_, asked == to ? std::nullopt : std::optional(asked)};
    c.escalation_level = level;
    c.status = Status::escalated;
    c.updated_at = now_;
    store_.update_complaint(c);
    Event e = event(c.id, EventKind::escalated, reason);
    e.data = {{"to", to},
              {"level", level},
              {"due", json::time_or_null<Data>(due)},
              {"from", json::or_null<Data>(previous)},
              {"instead_of", asked == to ? Data(nullptr) : Data(asked)},
              {"why", why.empty() ? Data(nullptr) : Data(why)},
              {"automatic", automatic}};
    store_.append_event(e);
}

std::optional<std::string> Tracker::decider(const std::string& name, std::string& why) {
    std::string current = name;
    std::vector<std::string> seen;
    for (;;) {
        const auto m = store_.find_member(current);
        if (!m || !m->away(now_))
            return current;
        why += fmt::format("{}{} is away until {}", why.empty() ? "" : "; ", current,
                           format_local(*m->away_until));
        seen.push_back(current);
        const auto next = m->stand_in(now_);
        if (!next || std::find(seen.begin(), seen.end(), *next) != seen.end())
            return std::nullopt;
        why += fmt::format(" and {} stands in", *next);
        current = *next;
    }
}

Complaint Tracker::close(ComplaintId id, const CloseRequest& r) {
    validate_optional(r.resolution, "the resolution", max_text_bytes);
    if (r.rating && (*r.rating < 1 || *r.rating > 5))
        throw UsageError(
            fmt::format("invalid --rating {}: use a whole number from 1 to 5", *r.rating));
    Complaint c;
    write([&] {
        c = get(id);
        if (c.status == Status::closed)
            throw ConflictError(fmt::format("#{} is already closed", id),
                                fmt::format("reopen it with: ombud reopen {}", id));
        c.status = Status::closed;
        c.escalation.reset();
        c.waiting_since.reset();
        c.waiting_until.reset();
        c.closed_at = now_;
        c.close_reason = r.reason;
        c.resolution = r.resolution;
        c.rating = r.rating;
        c.updated_at = now_;
        store_.update_complaint(c);
        Event e = event(id, EventKind::closed, r.resolution);
        e.data = {{"reason", to_string(r.reason)},
                  {"rating", r.rating ? Data(*r.rating) : Data(nullptr)}};
        store_.append_event(e);
    });
    return c;
}

Complaint Tracker::reopen(ComplaintId id, const std::optional<std::string>& reason) {
    validate_optional(reason, "the reason", max_text_bytes);
    Complaint c;
    write([&] {
        c = get(id);
        if (c.status != Status::closed)
            throw ConflictError(
                fmt::format("#{} is not closed (it is {})", id, to_string(c.status)));
        Event e = event(id, EventKind::reopened, reason);
        e.data = {{"previous_close_reason",
                   c.close_reason ? Data(to_string(*c.close_reason)) : Data(nullptr)}};
        c.status = Status::open;
        c.closed_at.reset();
        c.close_reason.reset();
        c.resolution.reset();
        c.rating.reset();
        c.updated_at = now_;
        // Coming back is a new promise: the policy's resolution time, counted from now.
        if (const auto due =
                policy().due(policy().resolve[static_cast<std::size_t>(c.priority)], now_))
            c.due = due;
        e.data["due"] = json::time_or_null<Data>(c.due);
        store_.update_complaint(c);
        store_.append_event(e);
    });
    return c;
}

Complaint Tracker::assign(ComplaintId id, const std::string& to, const std::string& reason) {
    validate_text(to, "the new owner", max_name_bytes);
    validate_text(reason, "the reason", max_text_bytes);
    Complaint c;
    write([&] {
        c = get(id);
        require_not_closed(c, "assign");
        if (c.owner == to)
            throw ConflictError(fmt::format("#{} is already owned by {}", id, to));
        require_person(to, "new owner");
        const std::string from = c.owner;
        c.owner = to;
        ++c.handoffs;
        c.updated_at = now_;
        store_.update_complaint(c);
        Event e = event(id, EventKind::assigned, reason);
        e.data = {{"from", from}, {"to", to}, {"handoffs", c.handoffs}};
        store_.append_event(e);
    });
    return c;
}

Complaint Tracker::get(ComplaintId id) {
    auto c = store_.find_complaint(id);
    if (!c)
        throw NotFoundError(fmt::format("no complaint #{}", id),
                            "run `ombud list --all` to see the numbers");
    return *c;
}

std::pair<Complaint, std::vector<Event>> Tracker::show(ComplaintId id) {
    std::pair<Complaint, std::vector<Event>> result;
    store_.read([&] {
        result.first = get(id);
        HistoryFilter f;
        f.complaint_id = id;
        f.newest_first = false;
        store_.list_events(f, [&](const Event& e) { result.second.push_back(e); });
    });
    return result;
}

void Tracker::require_customer(const std::optional<std::string>& customer) {
    if (customer && !store_.customer_exists(*customer))
        throw NotFoundError(fmt::format("no customer \"{}\"", *customer),
                            "customers are matched by full name or e-mail address");
}

void Tracker::list(const ListFilter& f, const std::function<void(const Complaint&)>& row) {
    require_customer(f.customer);
    store_.list_complaints(f, row);
}

void Tracker::search(const std::string& query, const ListFilter& f,
                     const std::function<void(const SearchHit&)>& row) {
    validate_text(query, "the search", max_name_bytes);
    std::vector<std::string> words;
    std::istringstream in(query);
    for (std::string w; in >> w;)
        words.push_back(w);
    if (words.size() > 16)
        throw UsageError("a search takes at most 16 words", "leave out the common ones");
    require_customer(f.customer);
    store_.search(words, f, row);
}

void Tracker::history(HistoryFilter f, const std::function<void(const Event&)>& row) {
    if (f.complaint_id)
        get(*f.complaint_id);
    require_customer(f.customer);
    if (f.complaint_id && f.limit) {
        // A timeline cut short keeps its newest events, still told oldest first.
        std::vector<Event> last;
        store_.list_events(f, [&](const Event& e) { last.push_back(e); });
        for (auto it = last.rbegin(); it != last.rend(); ++it)
            row(*it);
        return;
    }
    f.newest_first = !f.complaint_id;
    store_.list_events(f, row);
}

} // namespace ombud
