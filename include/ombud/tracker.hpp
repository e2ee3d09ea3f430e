#pragma once
// The complaint workflow: validation, state transitions and the events they record.
// Every change is one transaction that updates the complaint and appends its event.

#include <ombud/model.hpp>
#include <ombud/store.hpp>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace ombud {

struct OpenRequest {
    std::string title;
    std::optional<CustomerInput> customer;
    std::optional<std::string> channel;
    std::optional<std::string> category;
    Priority priority = Priority::normal;
    std::optional<std::string> owner; ///< defaults to the actor
    std::optional<Timestamp> due;
    std::optional<std::string> note; ///< first contact, recorded as an incoming note
    /// When it was opened, for complaints brought over from elsewhere; now when unset.
    std::optional<Timestamp> at;
};

struct NoteRequest {
    std::string text;
    std::optional<std::string> channel;
    std::optional<Direction> direction;
    bool visible = false;
};

struct EscalateRequest {
    std::string to;
    std::optional<std::string> reason;
    std::optional<Timestamp> due;
};

struct CloseRequest {
    std::optional<std::string> resolution;
    CloseReason reason = CloseReason::resolved;
    std::optional<int> rating;
};

/// Size limits on user text, in bytes.
inline constexpr std::size_t max_title_bytes = 500;
inline constexpr std::size_t max_name_bytes = 200;
inline constexpr std::size_t max_text_bytes = 100000;

/// Throws UsageError for what `open` at `now` would refuse in `r`, without a database.
void check_open_request(const OpenRequest& r, Timestamp now);

class Tracker {
  public:
    /// `actor` is who acts; `now` is the time every change is stamped with.
    Tracker(Store& store, std::string actor, Timestamp now);

    Complaint open(const OpenRequest& r);
    /// Opens every complaint of `requests` in one transaction: all of them or, when one is
    /// invalid, none.
    std::vector<Complaint> open_all(const std::vector<OpenRequest>& requests);
    /// Throws UsageError for what `open` would refuse in `r`; touches nothing.
    void check(const OpenRequest& r) const { check_open_request(r, now_); }
    Complaint note(ComplaintId id, const NoteRequest& r);
    Complaint escalate(ComplaintId id, const EscalateRequest& r);
    Complaint close(ComplaintId id, const CloseRequest& r);
    Complaint reopen(ComplaintId id, const std::optional<std::string>& reason);
    Complaint assign(ComplaintId id, const std::string& to, const std::string& reason);

    /// The complaint; throws NotFoundError.
    Complaint get(ComplaintId id);
    /// The complaint and its events, oldest first, as one consistent snapshot.
    std::pair<Complaint, std::vector<Event>> show(ComplaintId id);

    /// Throws NotFoundError for an unknown customer.
    void list(const ListFilter& f, const std::function<void(const Complaint&)>& row);
    /// Complaints whose title and timeline hold every word of `query`, best first.
    void search(const std::string& query, const ListFilter& f,
                const std::function<void(const SearchHit&)>& row);
    /// With a complaint id: its timeline, oldest first (with a limit, the newest that many);
    /// otherwise newest first. `newest_first` is set here. Throws NotFoundError for an unknown
    /// complaint or customer.
    void history(HistoryFilter f, const std::function<void(const Event&)>& row);

    /// The highest complaint number, to size an id column.
    ComplaintId max_complaint_id() { return store_.max_complaint_id(); }

    const std::string& actor() const { return actor_; }
    Timestamp now() const { return now_; }

  private:
    /// Runs `fn` in one write transaction, with `now_` moved up to the latest recorded event.
    void write(const std::function<void()>& fn);
    /// Throws NotFoundError when `customer` is given and matches nobody.
    void require_customer(const std::optional<std::string>& customer);
    /// An event of this actor at this time.
    Event event(ComplaintId id, EventKind kind, std::optional<std::string> text) const;

    Store& store_;
    std::string actor_;
    Timestamp now_;
};

/// Checks user text: valid UTF-8, within `max_bytes`, and (unless `allow_empty`) not blank.
/// Throws UsageError naming `what` and, for bad UTF-8, the byte offset.
void validate_text(std::string_view s, std::string_view what, std::size_t max_bytes,
                   bool allow_empty = false);

} // namespace ombud
