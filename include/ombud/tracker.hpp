#pragma once
// The complaint workflow: validation, state transitions and the events they record.
// Every change is one transaction that updates the complaint and appends its event.

#include <ombud/model.hpp>
#include <ombud/policy.hpp>
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

struct WaitRequest {
    std::optional<Timestamp> until; ///< when to follow up if the customer has not answered
    std::optional<std::string> reason;
};

struct TeamRequest {
    std::string name;
    std::optional<std::string> email;
    std::optional<std::string> deputy;
};

/// A promise that `check` reports: passed (`late`) or closer than the policy's `within`.
struct DeadlineAlert {
    Complaint complaint;
    Deadline deadline;
    bool late = false;
};

/// A team member who is away while decisions wait for them, with nobody in to stand in.
struct UncoveredAbsence {
    TeamMember member;
    std::vector<ComplaintId> waiting;
};

/// What `check` found, and with `act` what it did.
struct Attention {
    Timestamp now = 0;
    /// Deadlines before this are reported (now plus the policy's `within`, in business time).
    Timestamp horizon = 0;
    std::vector<DeadlineAlert> deadlines; ///< earliest first
    /// Waiting on the customer past the time set to follow up.
    std::vector<Complaint> follow_ups;
    std::vector<UncoveredAbsence> absences;
    /// With `act`: escalations past their deadline passed to the next level.
    std::vector<Complaint> moved;
    /// With `act`: escalations past their deadline that had nowhere to go, and why.
    std::vector<std::pair<ComplaintId, std::string>> stuck;

    bool needs_attention() const {
        return !deadlines.empty() || !follow_ups.empty() || !absences.empty() || !stuck.empty();
    }
};

/// A setting as `config list` shows it.
struct SettingValue {
    std::string key;
    std::string value;
    bool is_default = true;
    std::string description;
};

struct CloseRequest {
    std::optional<std::string> resolution;
    CloseReason reason = CloseReason::resolved;
    std::optional<int> rating;
};

/// How Tracker::open_batch treats a batch.
struct BatchOptions {
    /// Opens what can be opened when some requests cannot; otherwise nothing is opened then.
    bool skip_refused = false;
    /// Works out everything and writes nothing.
    bool dry_run = false;
};

/// A request of a batch that cannot be opened.
struct Refusal {
    std::size_t index = 0; ///< its place in the batch
    std::string field;     ///< the field at fault ("owner"), or empty
    std::string problem;
};

/// What Tracker::open_batch did, or would have done.
struct BatchReport {
    /// In the order of the batch; numbered as they would be when nothing was written.
    std::vector<Complaint> opened;
    std::vector<Refusal> refused;
    /// Customers and team members the batch adds, in the order they first appear.
    std::vector<std::string> new_customers;
    std::vector<std::string> new_members;
    bool written = false;
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
    /// Opens `requests` in one transaction, as `open` would each, and says of each one it
    /// cannot open why. Unless `skip_refused`, one such request means nothing is written. With
    /// `dry_run`, nothing is ever written (the transaction is rolled back).
    BatchReport open_batch(const std::vector<OpenRequest>& requests, const BatchOptions& options);
    /// Throws UsageError for what `open` would refuse in `r`; touches nothing.
    void check(const OpenRequest& r) const { check_open_request(r, now_); }
    Complaint note(ComplaintId id, const NoteRequest& r);
    Complaint escalate(ComplaintId id, const EscalateRequest& r);
    Complaint close(ComplaintId id, const CloseRequest& r);
    Complaint reopen(ComplaintId id, const std::optional<std::string>& reason);
    Complaint assign(ComplaintId id, const std::string& to, const std::string& reason);
    /// Records the decision asked for by the escalation; the complaint is open again.
    Complaint decide(ComplaintId id, const std::string& decision);
    /// Stops the clock while the business waits on the customer.
    Complaint wait(ComplaintId id, const WaitRequest& r);
    /// Starts the clock again: the time that was left on each deadline is left again.
    Complaint resume(ComplaintId id, const std::optional<std::string>& reason);

    /// Deadlines passed or at risk, follow-ups due, absences nobody covers; with `act`, every
    /// escalation past its deadline goes to the next person in its deputy chain (one
    /// transaction).
    Attention check(bool act);

    std::vector<TeamMember> team() { return store_.team(); }
    /// Adds a member, or completes one ombud added on first use; ConflictError for a member.
    TeamMember team_add(const TeamRequest& r);
    /// `name` is away until `until`; `deputy` stands in instead of their usual deputy.
    TeamMember team_away(const std::string& name, Timestamp until,
                         const std::optional<std::string>& deputy);
    TeamMember team_back(const std::string& name);

    /// Every setting with its value; set_setting checks and stores one and returns it stored.
    std::vector<SettingValue> settings();
    SettingValue setting(const std::string& key);
    SettingValue set_setting(const std::string& key, const std::string& value);
    SettingValue unset_setting(const std::string& key);

    std::vector<Holiday> holidays() { return store_.holidays(); }
    Holiday add_holiday(const std::string& day, const std::optional<std::string>& name);
    Holiday remove_holiday(const std::string& day);

    /// The service policy of the database's settings (read once per tracker).
    const Policy& policy();
    /// The moment `duration` of business time from now has passed.
    Timestamp business_from_now(const BusinessDuration& duration);

    /// Receives what the user should know but that does not stop the command (a name new to
    /// the team, an escalation with nobody in to decide).
    void on_warning(std::function<void(const std::string&)> warn) { warn_ = std::move(warn); }

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
    /// Inserts the complaint `r` asks for (in a write), with its opened event and first note.
    Complaint insert_opened(const OpenRequest& r);
    /// Runs `fn`, which adds `rows` complaints, as a bulk write (Store::bulk) when they are many.
    void in_bulk_if_many(std::size_t rows, const std::function<void()>& fn);
    /// The body of open_batch: each request checked, then opened or refused.
    void open_each(const std::vector<OpenRequest>& requests, BatchReport& report);
    /// Throws NotFoundError when `customer` is given and matches nobody.
    void require_customer(const std::optional<std::string>& customer);
    /// An event of this actor at this time.
    Event event(ComplaintId id, EventKind kind, std::optional<std::string> text) const;

    /// Accepts a name for an owner, a deputy or an escalation: a member, or someone new (added
    /// to the team, with a warning) unless the name is close to a member's (a typo).
    void require_person(const std::string& name, std::string_view role);
    /// Who decides for `name` now: they, or the first one in of their deputy chain. `why` says
    /// who is away; nullopt when nobody in the chain is in.
    std::optional<std::string> decider(const std::string& name, std::string& why);
    /// Escalates `c` (in a write) to `to`, asked for `asked`, at the next level.
    void escalate_to(Complaint& c, const std::string& asked, const std::string& to,
                     const std::optional<std::string>& reason, std::optional<Timestamp> due,
                     const std::string& why, bool automatic);
    /// The member of that name; NotFoundError with "did you mean" otherwise.
    TeamMember member(const std::string& name);
    /// Ends the wait on `c` (in a write): each deadline gets back the time it had left.
    void resume_waiting(Complaint& c, const std::optional<std::string>& reason);
    /// Says `message` now, or, inside a write, once it has been committed: a command that fails
    /// warns about nothing it did not do.
    void warn(const std::string& message) {
        if (writing_)
            pending_warnings_.push_back(message);
        else if (warn_)
            warn_(message);
    }

    Store& store_;
    std::string actor_;
    Timestamp now_;
    std::optional<Policy> policy_;
    std::function<void(const std::string&)> warn_;
    bool writing_ = false;
    std::vector<std::string> pending_warnings_;
};

/// Checks user text: valid UTF-8, within `max_bytes`, and (unless `allow_empty`) not blank.
/// Throws UsageError naming `what` and, for bad UTF-8, the byte offset.
void validate_text(std::string_view s, std::string_view what, std::size_t max_bytes,
                   bool allow_empty = false);

} // namespace ombud
