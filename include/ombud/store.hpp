#pragma once
// Storage of complaints, customers and events in one SQLite file. All SQL of ombud lives
// behind this interface.

#include <ombud/model.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace ombud {

/// The schema version this ombud writes and understands.
inline constexpr int schema_version = 3;
/// `PRAGMA application_id` of an ombud database ("OMBD").
inline constexpr std::int32_t application_id = 0x4F4D4244;

enum class OpenMode {
    read,   ///< a missing file reads as an empty database and is not created
    change, ///< for changes to existing complaints: a missing file is not created either
    write,  ///< a missing file is created, with its folder
};

/// Which complaints `list` shows. Unset fields do not filter.
struct ListFilter {
    std::vector<Status> statuses; ///< empty: every status but closed, unless `include_closed`
    bool include_closed = false;
    std::optional<std::string> owner;
    std::optional<std::string> customer; ///< name or e-mail: every customer it matches
    std::optional<std::string> category;
    std::optional<Priority> priority;
    /// Only complaints with a promise (response, resolution, decision) due before then: `now`
    /// for the overdue ones.
    std::optional<Timestamp> due_before;
    bool escalated_only = false;
    std::optional<Timestamp> since; ///< only complaints with activity since then
    std::optional<std::int64_t> limit;
};

/// A piece of a search snippet: matching words are `highlighted`.
struct SnippetPart {
    std::string text;
    bool highlighted = false;
};

/// A complaint that `Store::search` found, with where and how it matched best.
struct SearchHit {
    Complaint complaint;
    /// "title", "customer", or the kind of event whose text matched ("note", "closed" …).
    std::string field;
    /// A few words around the match; the text as stored, so renderers must escape it.
    std::vector<SnippetPart> snippet;
};

/// Which events `history` shows.
struct HistoryFilter {
    std::optional<ComplaintId> complaint_id;
    std::optional<std::string> customer; ///< name or e-mail: every customer it matches
    std::optional<std::string> actor;
    std::optional<Timestamp> since;
    std::optional<std::int64_t> limit;
    bool newest_first = true;
};

/// Fields that identify a customer when a complaint is opened.
struct CustomerInput {
    std::string name; ///< may be empty in an OpenRequest given an e-mail address or phone
    std::optional<std::string> email;
    std::optional<std::string> phone;
};

/// What a shell completion asks for.
enum class SuggestionKind {
    open_complaints,   ///< numbers of complaints that are not closed, titles as descriptions
    closed_complaints, ///< numbers of closed complaints
    complaints,        ///< numbers of recently active complaints of any status
    people,            ///< owners, escalation targets and recent actors
    customers,         ///< customer names
    categories,        ///< categories in recent use
};

struct Suggestion {
    std::string value;
    std::string description;
};

/// How a database is opened.
struct StoreOptions {
    /// Bounds every wait for a lock, in milliseconds.
    int busy_timeout_ms = 10000;
    /// Whether the file is on a network share (rollback journal instead of WAL); detected with
    /// statfs when unset.
    std::optional<bool> network_share;
    /// Receives what the user should know but that does not stop the command: a network share
    /// detected, a backup made before a schema upgrade.
    std::function<void(const std::string&)> warn;
};

/// One thing `Store::check` found wrong.
struct CheckProblem {
    std::string check; ///< "integrity", "foreign_keys" or "consistency"
    std::string message;
};

/// What `Store::check` found.
struct CheckReport {
    int schema_version = 0;
    std::string journal_mode;
    std::int64_t complaints = 0;
    std::int64_t events = 0;
    std::int64_t customers = 0;
    std::vector<CheckProblem> problems; ///< empty when the file is sound
};

/// What `Store::backup` wrote.
struct BackupReport {
    std::string path;
    std::int64_t bytes = 0;
    std::int64_t complaints = 0;
};

class Store {
  public:
    /// Opens (and, for `write`, creates or upgrades) the database at `path`.
    /// Throws StorageError for files that are not ombud databases or come from a newer ombud;
    /// such files are left untouched. An existing file is copied next to itself before its
    /// schema is upgraded.
    static std::unique_ptr<Store> open(const std::string& path, OpenMode mode,
                                       const StoreOptions& options = {});
    /// The same with only a busy timeout.
    static std::unique_ptr<Store> open(const std::string& path, OpenMode mode, int busy_timeout_ms);
    /// Makes a new database at `path` and has `fill` write to it before anyone can see it: the
    /// file appears only when `fill` returns, so when it throws nothing is left behind.
    /// ConflictError when a file appears at `path` meanwhile.
    static void create_filled(const std::string& path, const StoreOptions& options,
                              const std::function<void(Store&)>& fill);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// `PRAGMA user_version` of the open file.
    int version() const;

    /// Runs `fn` in one BEGIN IMMEDIATE transaction: committed when `fn` returns, rolled back
    /// when it throws. Lock waits past the busy timeout throw BusyError.
    void write(const std::function<void()>& fn);

    /// Runs `fn` in one read transaction, so every query in it sees the same snapshot.
    void read(const std::function<void()>& fn);

    /// Inside a write: runs `fn`, which adds many rows, with the full-text indexing of new rows
    /// set aside, then indexes every row it added at once. FTS5 writes out its pending index at
    /// the end of each statement that may need undoing, so indexing row by row made a batch of
    /// 10,000 opens three times as slow. Only for rows that get new, higher ids (a batch, or an
    /// import into an empty file).
    void bulk(const std::function<void()>& fn);

    std::optional<Complaint> find_complaint(ComplaintId id);
    /// Inserts `c` and returns its number: a new, never reused one when `c.id` is 0, else
    /// `c.id` itself (import). Every field is stored; the customer by its id.
    ComplaintId insert_complaint(const Complaint& c);
    /// Stores every mutable field of `c`.
    void update_complaint(const Complaint& c);
    /// Appends `e` to its complaint's timeline; returns the event id (a new one when `e.id`
    /// is 0, else `e.id`, for import).
    std::int64_t append_event(const Event& e);
    /// Inserts a customer with its id and time (import).
    void insert_customer(const Customer& c);

    /// The time of the latest event (0 when there is none).
    Timestamp latest_event_time();

    /// Whether the database holds nothing at all: no setting, holiday, team member, customer,
    /// complaint or event.
    bool empty();

    /// Puts every owner and person asked for a decision on the team who is not on it yet
    /// (as met by use), as a file reaching schema 3 does; returns how many joined.
    std::int64_t add_team_from_use();

    /// What `dump` streams to: one callback per kind of record.
    struct DumpSink {
        std::function<void(const Setting&)> setting;
        std::function<void(const Holiday&)> holiday;
        std::function<void(const TeamMember&)> member;
        std::function<void(const Customer&)> customer;
        std::function<void(const Complaint&)> complaint;
        /// An event with its data as the database holds it, unparsed: the Event's own `data`
        /// is left empty, since most exports copy the text as it is. The text is valid only
        /// during the call.
        std::function<void(const Event&, std::string_view data)> event;
    };
    /// Streams everything an export holds from one snapshot, in this order: settings by key,
    /// holidays by day, the team by name, then customers, complaints and events by id.
    void dump(const DumpSink& sink);

    /// Whether a customer has this e-mail (when `key` has an `@`) or name, case-insensitively.
    bool customer_exists(const std::string& key);
    /// The customer matching `in` by e-mail, else phone, else name.
    std::optional<Customer> find_customer(const CustomerInput& in);
    /// The customer find_customer finds, with what `in` adds to it; created when none is found.
    Customer find_or_create_customer(const CustomerInput& in);

    /// Streams complaints, most recent activity first.
    void list_complaints(const ListFilter& f, const std::function<void(const Complaint&)>& row);
    /// Streams the complaints whose title, timeline and customer hold every word of `words`
    /// (prefixes when a word ends in `*`; case and diacritics ignored), best match first, filtered
    /// by `f` (closed complaints included unless `f.statuses` says otherwise).
    void search(const std::vector<std::string>& words, const ListFilter& f,
                const std::function<void(const SearchHit&)>& row);
    /// Streams events, each with its complaint's title, ordered by time.
    void list_events(const HistoryFilter& f, const std::function<void(const Event&)>& row);

    /// Values for shell completion that start with `prefix` (case-insensitively), with a short
    /// description each, most recently used first; at most `limit`.
    std::vector<Suggestion> suggest(SuggestionKind kind, const std::string& prefix, int limit);

    /// The team, by name.
    std::vector<TeamMember> team();
    std::optional<TeamMember> find_member(const std::string& name);
    /// Adds `m`, or replaces the member of that name.
    void save_member(const TeamMember& m);

    /// The shared settings (`config`), by key.
    std::vector<Setting> settings();
    void set_setting(const std::string& key, const std::string& value);
    /// False when the key was not set.
    bool unset_setting(const std::string& key);

    /// Days the business is closed, in order.
    std::vector<Holiday> holidays();
    /// False when the day is a holiday already.
    bool add_holiday(const Holiday& h);
    /// False when the day was not a holiday.
    bool remove_holiday(const std::string& day);

    /// The highest complaint number in use (0 when there is none).
    ComplaintId max_complaint_id();

    /// SQLite's integrity and foreign-key checks plus ombud's own rules (a closed complaint
    /// has a closing time, every complaint has its opened event, …).
    CheckReport check();

    /// A consistent copy of the whole database at `dest`, taken with SQLite's online backup
    /// while others may write. `dest` must not exist; it appears complete or not at all.
    BackupReport backup(const std::string& dest);

    /// The journal mode in use: "wal", or "delete" on a network share.
    std::string journal_mode();

  private:
    struct Impl;
    explicit Store(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

} // namespace ombud
