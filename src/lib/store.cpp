#include <ombud/error.hpp>
#include <ombud/files.hpp>
#include <ombud/json.hpp>
#include <ombud/store.hpp>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <fmt/format.h>
#include <sqlite3.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <system_error>
#include <unordered_map>
#include <variant>

namespace ombud {
namespace {

namespace fs = std::filesystem;

// Version 1: customers, complaints and their append-only events. Times are Unix seconds (UTC).
constexpr const char* schema_v1 = R"sql(
CREATE TABLE customers (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT,
    phone TEXT,
    created_at INTEGER NOT NULL
) STRICT;
CREATE INDEX customers_by_name ON customers (name COLLATE NOCASE);
CREATE INDEX customers_by_email ON customers (email COLLATE NOCASE) WHERE email IS NOT NULL;
CREATE INDEX customers_by_phone ON customers (phone) WHERE phone IS NOT NULL;

CREATE TABLE complaints (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'escalated', 'waiting', 'closed')),
    priority TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    category TEXT,
    channel TEXT,
    customer_id INTEGER REFERENCES customers (id),
    owner TEXT NOT NULL,
    handoffs INTEGER NOT NULL DEFAULT 0,
    escalation_level INTEGER NOT NULL DEFAULT 0,
    escalated_to TEXT,
    escalation_reason TEXT,
    escalation_due INTEGER,
    due INTEGER,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    closed_at INTEGER,
    close_reason TEXT CHECK (close_reason IN ('resolved', 'rejected', 'duplicate', 'withdrawn')),
    resolution TEXT,
    rating INTEGER CHECK (rating BETWEEN 1 AND 5)
) STRICT;
-- The partial index serves the default listing (everything not closed) in order, without a sort.
CREATE INDEX complaints_active ON complaints (updated_at, id) WHERE status <> 'closed';
CREATE INDEX complaints_by_activity ON complaints (updated_at, id);
CREATE INDEX complaints_by_status ON complaints (status, updated_at, id);
-- Each filter has a partial index over open work, so a filtered listing reads only open rows
-- however many closed ones years of use have piled up, and a full one for --all, both in order.
CREATE INDEX complaints_by_owner ON complaints (owner, updated_at, id);
CREATE INDEX complaints_active_by_owner ON complaints (owner, updated_at, id)
    WHERE status <> 'closed';
CREATE INDEX complaints_by_category ON complaints (category COLLATE NOCASE, updated_at, id);
CREATE INDEX complaints_active_by_category ON complaints (category COLLATE NOCASE, updated_at, id)
    WHERE status <> 'closed';
-- One customer's complaints are few; their status is filtered on the way.
CREATE INDEX complaints_by_customer ON complaints (customer_id, updated_at, id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    -- A new kind needs a new schema version, so an older ombud refuses the file instead of
    -- misreading it.
    kind TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'escalated', 'assigned', 'closed',
                                       'reopened')),
    text TEXT,
    channel TEXT,
    direction TEXT CHECK (direction IN ('in', 'out')),
    visible INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
    data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
) STRICT;
CREATE INDEX events_by_complaint ON events (complaint_id, at, id);
CREATE INDEX events_by_time ON events (at, id);
CREATE INDEX events_by_actor ON events (actor, at, id);

-- The timeline is the record: corrections are new events, never rewrites.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
)sql";

// Version 2: full-text search over titles, every event's text (notes, reasons, resolutions)
// and customers' names and addresses. The indexes read their text from the tables themselves
// (external content), so nothing is stored twice; triggers keep them in step inside the same
// transactions. remove_diacritics 2 makes "cafe" find "café".
constexpr const char* schema_v2 = R"sql(
CREATE VIRTUAL TABLE title_index USING fts5(
    title, content = 'complaints', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE text_index USING fts5(
    text, content = 'events', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE customer_index USING fts5(
    name, email, content = 'customers', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2');
INSERT INTO title_index (title_index) VALUES ('rebuild');
INSERT INTO text_index (text_index) VALUES ('rebuild');
INSERT INTO customer_index (customer_index) VALUES ('rebuild');

CREATE TRIGGER complaints_indexed AFTER INSERT ON complaints
BEGIN INSERT INTO title_index (rowid, title) VALUES (new.id, new.title); END;
CREATE TRIGGER complaints_reindexed AFTER UPDATE OF title ON complaints
BEGIN
    INSERT INTO title_index (title_index, rowid, title) VALUES ('delete', old.id, old.title);
    INSERT INTO title_index (rowid, title) VALUES (new.id, new.title);
END;
CREATE TRIGGER customers_indexed AFTER INSERT ON customers
BEGIN INSERT INTO customer_index (rowid, name, email) VALUES (new.id, new.name, new.email); END;
CREATE TRIGGER customers_reindexed AFTER UPDATE OF name, email ON customers
BEGIN
    INSERT INTO customer_index (customer_index, rowid, name, email)
    VALUES ('delete', old.id, old.name, old.email);
    INSERT INTO customer_index (rowid, name, email) VALUES (new.id, new.name, new.email);
END;
-- Events are append-only, so an insert is all there is to follow.
CREATE TRIGGER events_indexed AFTER INSERT ON events WHEN new.text IS NOT NULL
BEGIN INSERT INTO text_index (rowid, text) VALUES (new.id, new.text); END;
)sql";

// Version 3: promises and mandate. The team, shared settings and holidays live in the file so
// everyone sharing it works to the same hours and policy; complaints gain the deadlines of the
// service policy, the waiting clock and who asked for a decision. Events gain three kinds; SQLite
// cannot change a CHECK in place, so the table is rebuilt (ids, and with them the search index,
// stay as they are) and its indexes and triggers made again.
constexpr const char* schema_v3 = R"sql(
CREATE TABLE team (
    name TEXT PRIMARY KEY,
    email TEXT,
    deputy TEXT,
    away_until INTEGER,
    away_deputy TEXT,
    -- 1 for a name ombud met first as an owner or escalation target, 0 for `team add`.
    added_by_use INTEGER NOT NULL DEFAULT 0 CHECK (added_by_use IN (0, 1)),
    created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;
CREATE TABLE holidays (
    day TEXT PRIMARY KEY CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    name TEXT
) STRICT;

ALTER TABLE complaints ADD COLUMN response_due INTEGER;
ALTER TABLE complaints ADD COLUMN responded_at INTEGER;
ALTER TABLE complaints ADD COLUMN escalated_at INTEGER;
ALTER TABLE complaints ADD COLUMN escalated_by TEXT;
-- The person asked for a decision when it went to their deputy (escalated_to) instead.
ALTER TABLE complaints ADD COLUMN escalation_for TEXT;
ALTER TABLE complaints ADD COLUMN waiting_since INTEGER;
ALTER TABLE complaints ADD COLUMN waiting_until INTEGER;

CREATE TABLE events_v3 (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    at INTEGER NOT NULL,
    actor TEXT NOT NULL,
    -- A new kind needs a new schema version, so an older ombud refuses the file instead of
    -- misreading it.
    kind TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'escalated', 'assigned', 'closed',
                                       'reopened', 'decided', 'waited', 'resumed')),
    text TEXT,
    channel TEXT,
    direction TEXT CHECK (direction IN ('in', 'out')),
    visible INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
    data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
) STRICT;
INSERT INTO events_v3 SELECT * FROM events;
DROP TABLE events;
ALTER TABLE events_v3 RENAME TO events;
CREATE INDEX events_by_complaint ON events (complaint_id, at, id);
CREATE INDEX events_by_time ON events (at, id);
CREATE INDEX events_by_actor ON events (actor, at, id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_indexed AFTER INSERT ON events WHEN new.text IS NOT NULL
BEGIN INSERT INTO text_index (rowid, text) VALUES (new.id, new.text); END;

-- Who asked for a decision under way, and when: from the timeline.
UPDATE complaints SET
    escalated_at = (SELECT e.at FROM events e WHERE e.complaint_id = complaints.id
                    AND e.kind = 'escalated' ORDER BY e.at DESC, e.id DESC LIMIT 1),
    escalated_by = (SELECT e.actor FROM events e WHERE e.complaint_id = complaints.id
                    AND e.kind = 'escalated' ORDER BY e.at DESC, e.id DESC LIMIT 1)
WHERE escalated_to IS NOT NULL;
)sql";

// Everyone who already owns or decides something joins the team, so nobody gets a warning for a
// name in use: once when a file reaches version 3, and after importing a version-1 export.
constexpr const char* team_from_use = R"sql(
INSERT OR IGNORE INTO team (name, added_by_use, created_at)
SELECT owner, 1, min(created_at) FROM complaints GROUP BY owner;
INSERT OR IGNORE INTO team (name, added_by_use, created_at)
SELECT escalated_to, 1, min(updated_at) FROM complaints WHERE escalated_to IS NOT NULL
GROUP BY escalated_to;
)sql";

/// Forward migrations: entry i takes a database from version i to version i + 1.
constexpr const char* migrations[] = {schema_v1, schema_v2, schema_v3};
static_assert(std::size(migrations) == schema_version);

// What read_complaint reads, in its order; queries may select more columns after these.
constexpr const char* complaint_fields = R"sql(
       c.id, c.title, c.status, c.priority, c.category, c.channel, c.owner, c.handoffs,
       c.escalation_level, c.escalated_to, c.escalation_reason, c.escalation_due, c.due,
       c.created_at, c.updated_at, c.closed_at, c.close_reason, c.resolution, c.rating,
       c.response_due, c.responded_at, c.escalated_at, c.escalated_by, c.escalation_for,
       c.waiting_since, c.waiting_until, cu.id, cu.name, cu.email, cu.phone)sql";
constexpr int complaint_field_count = 30;

const std::string complaint_columns =
    fmt::format("SELECT {} FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id",
                complaint_fields);

// The columns read_event reads, but for the tenth: the complaint's title.
constexpr const char* event_fields =
    "e.id, e.complaint_id, e.at, e.actor, e.kind, e.text, e.channel, e.direction, e.visible, "
    "e.data";
const std::string event_columns = fmt::format(
    "SELECT {}, c.title FROM events e JOIN complaints c ON c.id = e.complaint_id", event_fields);
// Without the title, which an export leaves to the complaint's own line.
const std::string event_record_columns = fmt::format("SELECT {}, NULL FROM events e", event_fields);

// Every customer a user means by `key`, an e-mail address or a name; binds `key` once.
const char* customer_match(const std::string& key) {
    return key.find('@') != std::string::npos
               ? "(SELECT id FROM customers WHERE email = ? COLLATE NOCASE)"
               : "(SELECT id FROM customers WHERE name = ? COLLATE NOCASE)";
}

// A SELECT whose conditions are added together with their bound values, so the placeholders
// and the values bound to them cannot drift apart.
class Query {
  public:
    explicit Query(std::string select) : sql_(std::move(select)) {}

    template <typename... Values> void where(const std::string& condition, Values... values) {
        sql_ += (conditions_++ ? " AND " : " WHERE ") + condition;
        (values_.emplace_back(std::move(values)), ...);
    }

    /// Values for placeholders in the SELECT itself, before any condition's.
    template <typename... Values> void bind_leading(Values... values) {
        (values_.emplace_back(std::move(values)), ...);
    }

    SQLite::Statement prepare(SQLite::Database& db, std::string_view order_by,
                              std::optional<std::int64_t> limit) {
        std::string sql = fmt::format("{} ORDER BY {}", sql_, order_by);
        if (limit) {
            sql += " LIMIT ?";
            values_.emplace_back(*limit);
        }
        SQLite::Statement st(db, sql);
        int index = 0;
        for (const auto& v : values_)
            std::visit([&](const auto& x) { st.bind(++index, x); }, v);
        return st;
    }

  private:
    std::string sql_;
    int conditions_ = 0;
    std::vector<std::variant<std::int64_t, std::string>> values_;
};

std::optional<std::string> opt_text(const SQLite::Column& c) {
    if (c.isNull())
        return std::nullopt;
    return c.getString();
}

// A text column without a copy, valid until the statement steps again.
std::string_view column_text(SQLite::Statement& st, int index) {
    const SQLite::Column c = st.getColumn(index);
    const char* text = c.getText(); // before getBytes, as SQLite asks
    return {text, static_cast<std::size_t>(c.getBytes())};
}

std::optional<std::int64_t> opt_int(const SQLite::Column& c) {
    if (c.isNull())
        return std::nullopt;
    return c.getInt64();
}

void bind_opt(SQLite::Statement& st, int index, const std::optional<std::string>& v) {
    if (v)
        st.bind(index, *v);
    else
        st.bind(index);
}

void bind_opt(SQLite::Statement& st, int index, const std::optional<std::int64_t>& v) {
    if (v)
        st.bind(index, *v);
    else
        st.bind(index);
}

template <typename Enum> std::optional<std::string> opt_name(const std::optional<Enum>& v) {
    if (!v)
        return std::nullopt;
    return std::string(to_string(*v));
}

// A stored word this ombud does not know means a damaged or foreign file, not bad user input.
template <typename Parse> auto decode(Parse parse, const std::string& word) {
    try {
        return parse(word, "stored value");
    } catch (const UsageError&) {
        throw StorageError(
            fmt::format("the database holds \"{}\", which this ombud does not know", word),
            "the file may come from a newer ombud or be damaged");
    }
}

Complaint read_complaint(SQLite::Statement& st) {
    Complaint c;
    c.id = st.getColumn(0).getInt64();
    c.title = st.getColumn(1).getString();
    c.status = decode(parse_status, st.getColumn(2).getString());
    c.priority = decode(parse_priority, st.getColumn(3).getString());
    c.category = opt_text(st.getColumn(4));
    c.channel = opt_text(st.getColumn(5));
    c.owner = st.getColumn(6).getString();
    c.handoffs = st.getColumn(7).getInt();
    c.escalation_level = st.getColumn(8).getInt();
    if (auto to = opt_text(st.getColumn(9))) {
        c.escalation = Escalation{c.escalation_level,         *to,
                                  opt_text(st.getColumn(10)), opt_int(st.getColumn(11)),
                                  opt_int(st.getColumn(21)),  opt_text(st.getColumn(22)),
                                  opt_text(st.getColumn(23))};
    }
    c.due = opt_int(st.getColumn(12));
    c.created_at = st.getColumn(13).getInt64();
    c.updated_at = st.getColumn(14).getInt64();
    c.closed_at = opt_int(st.getColumn(15));
    if (auto r = opt_text(st.getColumn(16)))
        c.close_reason = decode(parse_close_reason, *r);
    c.resolution = opt_text(st.getColumn(17));
    if (auto r = opt_int(st.getColumn(18)))
        c.rating = static_cast<int>(*r);
    c.response_due = opt_int(st.getColumn(19));
    c.responded_at = opt_int(st.getColumn(20));
    c.waiting_since = opt_int(st.getColumn(24));
    c.waiting_until = opt_int(st.getColumn(25));
    if (!st.getColumn(26).isNull()) {
        c.customer = Customer{st.getColumn(26).getInt64(), st.getColumn(27).getString(),
                              opt_text(st.getColumn(28)), opt_text(st.getColumn(29))};
    }
    return c;
}

// Without `with_data`, the event's data is left for the caller to read from column 9.
Event read_event(SQLite::Statement& st, bool with_data = true) {
    Event e;
    e.id = st.getColumn(0).getInt64();
    e.complaint_id = st.getColumn(1).getInt64();
    e.at = st.getColumn(2).getInt64();
    e.actor = st.getColumn(3).getString();
    e.kind = decode([](const std::string& w, std::string_view) { return parse_event_kind(w); },
                    st.getColumn(4).getString());
    e.text = opt_text(st.getColumn(5));
    e.channel = opt_text(st.getColumn(6));
    if (auto d = opt_text(st.getColumn(7)))
        e.direction = decode(parse_direction, *d);
    e.visible = st.getColumn(8).getInt() != 0;
    if (with_data)
        e.data = json::read_data(column_text(st, 9));
    e.complaint_title = opt_text(st.getColumn(10));
    return e;
}

bool no_space(int errno_value) {
    return errno_value == ENOSPC || errno_value == EFBIG || errno_value == EDQUOT;
}

// Turns SQLite's failures into ombud's typed errors, naming the file and, where the operating
// system said why (`system_errno`), the reason.
[[noreturn]] void rethrow_sqlite(const SQLite::Exception& e, const std::string& path,
                                 int system_errno = 0) {
    const int code = e.getErrorCode();
    const std::string file = path == ":memory:" ? "the database" : path;
    const auto cannot_write = [&](std::string_view verb) {
        const auto why = files::write_problem(path).value_or(
            files::WriteProblem{"it is read-only", "ask the file's owner for write permission"});
        return StorageError(fmt::format("cannot {} {}: {}", verb, file, why.reason), why.hint);
    };
    if (code == SQLITE_FULL || code == SQLITE_IOERR) {
        // SQLite says "full" only for ENOSPC; a file size limit or a quota is an I/O error,
        // and the errno it keeps may be a later call's, so the file system is asked too.
        std::optional<std::string> why = files::space_problem(path);
        if (!why && (code == SQLITE_FULL || no_space(system_errno)))
            why = "no space left on the device";
        if (why)
            throw StorageError(fmt::format("cannot write {}: {}", file, *why),
                               "free some space; nothing of this command was written");
    }
    switch (code) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        throw BusyError(fmt::format("{} stayed locked by another ombud past the wait limit", file),
                        "try again in a moment");
    case SQLITE_NOTADB:
        throw StorageError(fmt::format("{} is not an ombud database: SQLite cannot read it (not "
                                       "SQLite, or its header is damaged)",
                                       file),
                           "run `ombud db check`, or restore the file from a backup");
    case SQLITE_CORRUPT:
        throw StorageError(fmt::format("{} is damaged: {}", file, e.what()),
                           "run `ombud db check`, then restore the file from a backup");
    case SQLITE_READONLY:
    case SQLITE_PERM:
        throw cannot_write("write");
    case SQLITE_CANTOPEN:
        if (files::write_problem(path))
            throw cannot_write("open");
        throw StorageError(fmt::format("cannot open {}", file));
    case SQLITE_ERROR:
        // The schema ombud wrote is missing a part: someone or something changed the file.
        if (std::string_view(e.what()).starts_with("no such"))
            throw StorageError(fmt::format("{} is damaged: {}", file, e.what()),
                               "run `ombud db check`, then restore the file from a backup");
        break;
    default:
        break;
    }
    if (system_errno != 0)
        throw StorageError(fmt::format("{}: {} ({})", file, e.what(),
                                       std::generic_category().message(system_errno)));
    throw StorageError(fmt::format("{}: {}", file, e.what()));
}

// Puts the finished file `temp` at `dest` unless something is there already (false then).
// link() never replaces a file; where a file system has no hard links, rename without replace.
bool publish(const std::string& temp, const std::string& dest) {
    int linked = ::link(temp.c_str(), dest.c_str());
    if (linked != 0 && errno != EEXIST)
        linked = ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, dest.c_str(), RENAME_NOREPLACE);
    const int saved = errno;
    ::unlink(temp.c_str());
    if (linked == 0) {
        // The new name must survive a power cut too.
        const int dir = ::open(files::folder_of(dest).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
        return true;
    }
    if (saved == EEXIST)
        return false;
    throw StorageError(
        fmt::format("cannot create {}: {}", dest, std::generic_category().message(saved)));
}

// A new, empty, private file next to `dest` to build it under, so no process ever sees it
// half-made.
std::string private_temp_for(const std::string& dest) {
    const std::string temp =
        fmt::format("{}.{}-{}.new", dest, ::getpid(),
                    std::chrono::steady_clock::now().time_since_epoch().count());
    // Complaints hold personal data: files start private to their owner.
    const int fd = ::open(temp.c_str(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
    if (fd < 0) {
        const std::string reason = std::generic_category().message(errno);
        if (const auto why = files::write_problem(dest))
            throw StorageError(fmt::format("cannot create {}: {}", dest, why->reason), why->hint);
        throw StorageError(fmt::format("cannot create {}: {}", dest, reason));
    }
    ::close(fd);
    return temp;
}

// A SQLite file is a whole number of pages; one that ends inside a page was cut short (a copy
// that stopped, a damaged disk), and SQLite would read the missing bytes as zeros.
void check_whole_pages(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return; // SQLite says why it cannot open the file
    unsigned char header[100];
    const ssize_t got = ::read(fd, header, sizeof header);
    struct stat st {};
    const bool sized = ::fstat(fd, &st) == 0;
    ::close(fd);
    if (got != sizeof header || !sized || std::memcmp(header, "SQLite format 3", 16) != 0)
        return;
    // Bytes 16-17: the page size, big-endian; 1 stands for 65536.
    const long page = header[16] == 0 && header[17] == 1 ? 65536 : header[16] << 8 | header[17];
    if (page >= 512 && st.st_size % page != 0)
        throw StorageError(
            fmt::format("{} is damaged: it ends inside a page ({} bytes in pages of {})", path,
                        static_cast<long long>(st.st_size), page),
            "the file was cut short; restore it from a backup");
}

// "file:" URI of `path` for SQLite, with the characters URIs reserve escaped.
std::string file_uri(const std::string& path, std::string_view query) {
    std::string uri = "file:";
    for (const char ch : path) {
        if (ch == '%' || ch == '?' || ch == '#')
            uri += fmt::format("%{:02X}", static_cast<unsigned char>(ch));
        else
            uri += ch;
    }
    return uri + "?" + std::string(query);
}

// Copies the database open in `src` to `dest`, a file that must not exist yet, with SQLite's
// online backup: one pass under a read snapshot, so the copy is consistent however many
// others write meanwhile. The copy is checked before it is put in place.
BackupReport backup_database(SQLite::Database& src, const std::string& src_path,
                             const std::string& dest) {
    std::error_code ec;
    if (fs::exists(dest, ec))
        throw ConflictError(fmt::format("{} already exists", dest),
                            "choose a new name; a backup never overwrites a file");
    const std::string temp = private_temp_for(dest);
    BackupReport report;
    report.path = dest;
    try {
        {
            SQLite::Database out(temp, SQLite::OPEN_READWRITE);
            SQLite::Backup copy(out, src);
            const int rc = copy.executeStep(-1);
            if (rc != SQLITE_DONE)
                throw BusyError(fmt::format("{} stayed locked while it was being copied", src_path),
                                "try again in a moment");
            // A backup is one self-contained file, whatever journal the original uses.
            out.exec("PRAGMA journal_mode = DELETE");
            const std::string verdict = out.execAndGet("PRAGMA quick_check").getString();
            if (verdict != "ok")
                throw StorageError(
                    fmt::format("the copy of {} does not check out: {}", src_path, verdict),
                    "run `ombud db check` on the original");
            report.complaints = out.execAndGet("SELECT count(*) FROM complaints").getInt64();
        }
        report.bytes = static_cast<std::int64_t>(fs::file_size(temp));
    } catch (const SQLite::Exception& e) {
        ::unlink(temp.c_str());
        rethrow_sqlite(e, dest, errno);
    } catch (...) {
        ::unlink(temp.c_str());
        throw;
    }
    if (!publish(temp, dest))
        throw ConflictError(fmt::format("{} already exists", dest),
                            "choose a new name; a backup never overwrites a file");
    return report;
}

// Where the file is kept as it was before an upgrade from schema `from`: next to it, named
// after the schema and the time (UTC), never over an earlier copy.
std::string upgrade_backup_name(const std::string& path, int from) {
    const std::time_t t = std::time(nullptr);
    std::tm utc{};
    ::gmtime_r(&t, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
    std::string name = fmt::format("{}.schema{}-{}.bak", path, from, stamp);
    std::error_code ec;
    for (int n = 2; fs::exists(name, ec); ++n)
        name = fmt::format("{}.schema{}-{}-{}.bak", path, from, stamp, n);
    return name;
}

// A statement from Store::Impl's cache, or a fresh one when the cached one is in use by an outer
// caller. Reset when the handle goes, so a cached statement never holds a read snapshot open.
class Reused {
  public:
    Reused(SQLite::Statement& cached, bool& in_use) : st_(&cached), in_use_(&in_use) {
        in_use = true;
    }
    explicit Reused(std::unique_ptr<SQLite::Statement> own)
        : own_(std::move(own)), st_(own_.get()) {}
    Reused(const Reused&) = delete;
    Reused& operator=(const Reused&) = delete;
    ~Reused() {
        if (!in_use_)
            return;
        st_->tryReset();
        try {
            st_->clearBindings(); // lets go of the texts bound last (it cannot fail)
        } catch (const SQLite::Exception&) {
        }
        *in_use_ = false;
    }
    SQLite::Statement& operator*() const { return *st_; }

  private:
    std::unique_ptr<SQLite::Statement> own_;
    SQLite::Statement* st_;
    bool* in_use_ = nullptr;
};

} // namespace

struct Store::Impl {
    /// The file as the user named it, for messages and backups.
    std::string path;
    SQLite::Database db;
    StoreOptions options;
    /// The network file system the file is on, if any.
    std::optional<std::string> network;
    /// Opened without locks because its folder is read-only: nothing may be written.
    bool read_only = false;

    // A Store belongs to one thread at a time, so SQLite's lock around every call (two per
    // column read) is left out.
    Impl(const std::string& target, int flags, StoreOptions o)
        : path(target), db(target, flags | SQLite::OPEN_NOMUTEX, o.busy_timeout_ms),
          options(std::move(o)) {}

    /// The statements of single-row reads and writes, prepared once and reused by their SQL: a
    /// batch of 10,000 opens compiles each once, not 10,000 times. Declared after `db`, so
    /// they are finalized before it closes.
    struct Cached {
        std::unique_ptr<SQLite::Statement> statement;
        bool in_use = false;
    };
    std::unordered_map<std::string, Cached> statements;

    Reused reuse(const std::string& sql) {
        Cached& c = statements[sql];
        if (!c.statement)
            c.statement = std::make_unique<SQLite::Statement>(db, sql);
        else if (c.in_use)
            return Reused(std::make_unique<SQLite::Statement>(db, sql));
        return Reused(*c.statement, c.in_use);
    }

    // Every entry point runs through here so SQLite errors leave as typed ombud errors.
    template <typename F> auto guarded(F&& f) {
        try {
            return f();
        } catch (const SQLite::Exception& e) {
            rethrow_sqlite(e, path, sqlite3_system_errno(db.getHandle()));
        }
    }

    void warn(const std::string& message) const {
        if (options.warn)
            options.warn(message);
    }

    int pragma_int(const char* name) {
        return db.execAndGet(fmt::format("PRAGMA {}", name)).getInt();
    }

    /// Refuses a file ombud must not change; true when it needs migrating to `schema_version`.
    bool check_version();
    /// WAL on local disks; the rollback journal on network shares, where WAL is unsafe.
    void choose_journal(bool new_file);
    /// Brings the file up to `schema_version` in one transaction.
    void upgrade();
    /// Makes a complete ombud database at `path`, filled by `fill` when given, unless another
    /// process puts one there first (false then). The file appears only when it is complete.
    static bool create(const std::string& path, const StoreOptions& options,
                       const std::optional<std::string>& network,
                       const std::function<void(Store&)>& fill = {});
};

bool Store::Impl::check_version() {
    const int version = pragma_int("user_version");
    const int app = pragma_int("application_id");
    const auto foreign = [&] {
        return StorageError(
            fmt::format("{} is a SQLite database of another program, not ombud", path));
    };
    if (app != 0 && app != application_id)
        throw foreign();
    if (version > schema_version)
        throw StorageError(
            fmt::format("{} was written by a newer ombud (schema {}; this ombud knows {})", path,
                        version, schema_version),
            "upgrade ombud to use this file; it was left unchanged");
    if (version == schema_version)
        return false;
    if (app == 0 && db.execAndGet("SELECT count(*) FROM sqlite_schema").getInt() > 0)
        throw foreign();
    return true;
}

void Store::Impl::choose_journal(bool new_file) {
    const auto explain = [&] {
        return fmt::format(
            "{} is on a network file system ({}), where SQLite's WAL mode can lose data; "
            "ombud uses the rollback journal there, which is slower and still needs the "
            "share's file locking to work (set OMBUD_NETWORK_FS=no if the file system is "
            "local)",
            path, *network);
    };
    // journal_mode cannot change inside a transaction; WAL lets readers and one writer overlap.
    if (new_file) {
        db.exec(network ? "PRAGMA journal_mode = DELETE" : "PRAGMA journal_mode = WAL");
        if (network)
            warn(explain());
        return;
    }
    if (!network || db.execAndGet("PRAGMA journal_mode").getString() != "wal")
        return;
    // A WAL file brought onto a share (or made before the share was recognised) is switched
    // once; that needs every other connection closed, so it may have to wait for a later run.
    try {
        db.exec("PRAGMA journal_mode = DELETE");
        warn(explain());
    } catch (const SQLite::Exception&) {
        warn(explain() + "; the switch from WAL waits until no other ombud has the file open");
    }
}

void Store::Impl::upgrade() {
    if (read_only) {
        if (check_version())
            throw StorageError(
                fmt::format("{} needs an upgrade, and its folder is read-only", path),
                "run any ombud command once where the folder is writable");
        return;
    }
    const bool needs_upgrade = check_version();
    const int from = pragma_int("user_version");
    choose_journal(needs_upgrade && from == 0);
    if (!needs_upgrade)
        return;
    // The copy is taken before the write lock: a backup cannot read through a connection
    // that is writing. It is one consistent snapshot of the file as it was.
    std::optional<BackupReport> copy;
    if (from > 0)
        copy = backup_database(db, path, upgrade_backup_name(path, from));
    db.exec("BEGIN IMMEDIATE");
    try {
        // Another process may have upgraded the file while this one waited for the lock.
        const bool still = check_version();
        if (still) {
            for (int v = pragma_int("user_version"); v < schema_version; ++v) {
                db.exec(migrations[v]);
                if (v + 1 == 3)
                    db.exec(team_from_use);
            }
            db.exec(fmt::format("PRAGMA application_id = {}", application_id));
            db.exec(fmt::format("PRAGMA user_version = {}", schema_version));
        }
        db.exec("COMMIT");
        if (copy && still)
            warn(fmt::format("upgraded {} from schema {} to {}; the file as it was is kept at {}",
                             path, from, schema_version, copy->path));
        else if (copy)
            ::unlink(copy->path.c_str()); // the other process made its own copy
    } catch (...) {
        if (sqlite3_get_autocommit(db.getHandle()) == 0)
            db.exec("ROLLBACK");
        throw;
    }
}

bool Store::Impl::create(const std::string& path, const StoreOptions& options,
                         const std::optional<std::string>& network,
                         const std::function<void(Store&)>& fill) {
    const fs::path parent = fs::path(path).parent_path();
    std::error_code ec;
    if (!parent.empty())
        fs::create_directories(parent, ec);
    if (ec)
        throw StorageError(
            fmt::format("cannot create the folder {}: {}", parent.string(), ec.message()));
    const std::string temp = private_temp_for(path);
    try {
        auto scratch = std::make_unique<Impl>(temp, SQLite::OPEN_READWRITE, options);
        scratch->path = path;
        scratch->network = network;
        scratch->guarded([&] { scratch->upgrade(); });
        if (fill) {
            scratch->guarded([&] { scratch->db.exec("PRAGMA foreign_keys = ON"); });
            Store store(std::move(scratch));
            fill(store);
        }
    } catch (...) {
        // The scratch file and whatever journal SQLite had started next to it.
        for (const char* suffix : {"", "-wal", "-shm", "-journal"})
            ::unlink((temp + suffix).c_str());
        throw;
    }
    return publish(temp, path);
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::~Store() = default;

std::unique_ptr<Store> Store::open(const std::string& path, OpenMode mode, int busy_timeout_ms) {
    StoreOptions options;
    options.busy_timeout_ms = busy_timeout_ms;
    return open(path, mode, options);
}

namespace {

// The network file system `path` is on, if any, as the options say or statfs finds.
std::optional<std::string> network_of(const std::string& path, const StoreOptions& options) {
    if (!options.network_share)
        return files::network_fs_of(path);
    if (*options.network_share)
        return "OMBUD_NETWORK_FS=yes";
    return std::nullopt;
}

} // namespace

void Store::create_filled(const std::string& path, const StoreOptions& options,
                          const std::function<void(Store&)>& fill) {
    std::error_code ec;
    if (fs::exists(path, ec))
        throw ConflictError(fmt::format("{} exists already", path),
                            "fill a new file, or open this one");
    if (!Impl::create(path, options, network_of(path, options), fill))
        throw ConflictError(fmt::format("{} appeared while ombud was filling it", path),
                            "nothing was written to it; try again with a new file");
}

std::unique_ptr<Store> Store::open(const std::string& path, OpenMode mode,
                                   const StoreOptions& options) {
    std::string target = path;
    int flags = SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE;
    bool read_only = false;
    std::error_code ec;
    // Only a file that is really absent counts as missing; a folder ombud may not read must not
    // pass for an empty database.
    const fs::file_status status = fs::status(path, ec);
    if (ec && ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
        throw StorageError(fmt::format("cannot open {}: {}", path, ec.message()));
    const bool in_memory = path == ":memory:";
    const std::optional<std::string> network = in_memory ? std::nullopt : network_of(path, options);
    if (!in_memory && !fs::exists(status)) {
        if (mode != OpenMode::write) {
            // A database that does not exist yet reads as an empty one; nothing is created for
            // a command that can only fail on it (`close 3` on a mistyped --db).
            target = ":memory:";
        } else {
            Impl::create(path, options, network);
        }
    } else if (!in_memory && mode != OpenMode::write) {
        if (fs::is_regular_file(status) && fs::file_size(path, ec) == 0 && !ec) {
            // An empty file is a database to be; reading it must not make it one.
            target = ":memory:";
        } else if (::access(files::folder_of(path).c_str(), W_OK) != 0 &&
                   !fs::exists(path + "-wal", ec)) {
            // SQLite cannot make its lock files in a read-only folder; with no journal to
            // replay, the file is complete and can be read as it is.
            target = file_uri(path, "immutable=1");
            flags = SQLite::OPEN_READONLY | SQLite::OPEN_URI;
            read_only = true;
        }
    }
    if (target == path)
        check_whole_pages(path);
    std::unique_ptr<Impl> impl;
    try {
        impl = std::make_unique<Impl>(target, flags, options);
    } catch (const SQLite::Exception& e) {
        rethrow_sqlite(e, path);
    }
    impl->path = path;
    impl->network = network;
    impl->read_only = read_only;
    impl->guarded([&] {
        // After the upgrade: a migration that rebuilds a table must not have the rows it drops
        // checked one by one (the pragma has no effect inside the upgrade's transaction).
        impl->upgrade();
        impl->db.exec("PRAGMA foreign_keys = ON");
    });
    return std::unique_ptr<Store>(new Store(std::move(impl)));
}

int Store::version() const {
    return impl_->guarded([&] { return impl_->pragma_int("user_version"); });
}

void Store::write(const std::function<void()>& fn) {
    impl_->guarded([&] {
        impl_->db.exec("BEGIN IMMEDIATE");
        // SQLite may already have rolled back (on SQLITE_FULL, say); only end a live one.
        const auto rollback = [&] {
            if (sqlite3_get_autocommit(impl_->db.getHandle()) == 0)
                impl_->db.exec("ROLLBACK");
        };
        try {
            fn();
            impl_->db.exec("COMMIT");
        } catch (const SQLite::Exception& e) {
            // Why the system refused (no space, a file size limit) before ROLLBACK forgets it.
            const int system_errno = sqlite3_system_errno(impl_->db.getHandle());
            rollback();
            rethrow_sqlite(e, impl_->path, system_errno);
        } catch (...) {
            rollback();
            throw;
        }
    });
}

void Store::bulk(const std::function<void()>& fn) {
    impl_->guarded([&] {
        if (sqlite3_get_autocommit(impl_->db.getHandle()) != 0)
            throw std::logic_error("Store::bulk outside a write");
        // The triggers that index an inserted row, made again afterwards as the file has them;
        // the whole write is one transaction, so a failure puts them back too.
        struct Index {
            const char* trigger;
            const char* table;
            const char* catch_up; // indexes the rows above the highest id before
        };
        static constexpr Index indexes[] = {
            {"complaints_indexed", "complaints",
             "INSERT INTO title_index (rowid, title) SELECT id, title FROM complaints "
             "WHERE id > ?"},
            {"customers_indexed", "customers",
             "INSERT INTO customer_index (rowid, name, email) SELECT id, name, email "
             "FROM customers WHERE id > ?"},
            {"events_indexed", "events",
             "INSERT INTO text_index (rowid, text) SELECT id, text FROM events "
             "WHERE id > ? AND text IS NOT NULL"},
        };
        std::vector<std::pair<std::string, std::int64_t>> saved; // trigger SQL, highest id
        for (const Index& x : indexes) {
            SQLite::Statement st(
                impl_->db, "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
            st.bind(1, x.trigger);
            if (!st.executeStep())
                throw std::logic_error(fmt::format("trigger {} is missing", x.trigger));
            saved.emplace_back(
                st.getColumn(0).getString(),
                impl_->db.execAndGet(fmt::format("SELECT coalesce(max(id), 0) FROM {}", x.table))
                    .getInt64());
            impl_->db.exec(fmt::format("DROP TRIGGER {}", x.trigger));
        }
        fn();
        for (std::size_t i = 0; i < std::size(indexes); ++i) {
            SQLite::Statement st(impl_->db, indexes[i].catch_up);
            st.bind(1, saved[i].second);
            st.exec();
            impl_->db.exec(saved[i].first);
        }
    });
}

void Store::read(const std::function<void()>& fn) {
    impl_->guarded([&] {
        impl_->db.exec("BEGIN");
        try {
            fn();
        } catch (...) {
            if (sqlite3_get_autocommit(impl_->db.getHandle()) == 0)
                impl_->db.exec("ROLLBACK");
            throw;
        }
        impl_->db.exec("COMMIT");
    });
}

std::optional<Complaint> Store::find_complaint(ComplaintId id) {
    return impl_->guarded([&]() -> std::optional<Complaint> {
        const Reused held = impl_->reuse(complaint_columns + " WHERE c.id = ?");
        SQLite::Statement& st = *held;
        st.bind(1, id);
        if (!st.executeStep())
            return std::nullopt;
        return read_complaint(st);
    });
}

namespace {

// The columns a complaint's life changes, in the order bind_state binds them.
constexpr const char* state_columns =
    "status, priority, category, channel, owner, handoffs, escalation_level, escalated_to, "
    "escalation_reason, escalation_due, due, updated_at, closed_at, close_reason, resolution, "
    "rating, response_due, responded_at, escalated_at, escalated_by, escalation_for, "
    "waiting_since, waiting_until";
constexpr int state_column_count = 23;

// `n` comma-separated placeholders.
std::string placeholders(int n) {
    std::string out;
    for (int i = 0; i < n; ++i)
        out += i ? ", ?" : "?";
    return out;
}

// Binds the values of state_columns to parameters 1 to state_column_count.
void bind_state(SQLite::Statement& st, const Complaint& c) {
    const auto& e = c.escalation;
    st.bind(1, std::string(to_string(c.status)));
    st.bind(2, std::string(to_string(c.priority)));
    bind_opt(st, 3, c.category);
    bind_opt(st, 4, c.channel);
    st.bind(5, c.owner);
    st.bind(6, c.handoffs);
    st.bind(7, e ? e->level : c.escalation_level);
    bind_opt(st, 8, e ? std::optional(e->to) : std::nullopt);
    bind_opt(st, 9, e ? e->reason : std::nullopt);
    bind_opt(st, 10, e ? e->due : std::nullopt);
    bind_opt(st, 11, c.due);
    st.bind(12, c.updated_at);
    bind_opt(st, 13, c.closed_at);
    bind_opt(st, 14, opt_name(c.close_reason));
    bind_opt(st, 15, c.resolution);
    bind_opt(st, 16, c.rating ? std::optional<std::int64_t>(*c.rating) : std::nullopt);
    bind_opt(st, 17, c.response_due);
    bind_opt(st, 18, c.responded_at);
    bind_opt(st, 19, e ? e->since : std::nullopt);
    bind_opt(st, 20, e ? e->by : std::nullopt);
    bind_opt(st, 21, e ? e->instead_of : std::nullopt);
    bind_opt(st, 22, c.waiting_since);
    bind_opt(st, 23, c.waiting_until);
}

} // namespace

ComplaintId Store::insert_complaint(const Complaint& c) {
    return impl_->guarded([&] {
        const Reused held =
            impl_->reuse(fmt::format("INSERT INTO complaints ({}, id, title, customer_id, "
                                     "created_at) VALUES ({})",
                                     state_columns, placeholders(state_column_count + 4)));
        SQLite::Statement& st = *held;
        bind_state(st, c);
        bind_opt(st, state_column_count + 1,
                 c.id > 0 ? std::optional<std::int64_t>(c.id) : std::nullopt);
        st.bind(state_column_count + 2, c.title);
        bind_opt(st, state_column_count + 3,
                 c.customer ? std::optional<std::int64_t>(c.customer->id) : std::nullopt);
        st.bind(state_column_count + 4, c.created_at);
        st.exec();
        return impl_->db.getLastInsertRowid();
    });
}

void Store::update_complaint(const Complaint& c) {
    impl_->guarded([&] {
        // The same columns, each set from its parameter: (status, …) = (?1, …).
        const Reused held =
            impl_->reuse(fmt::format("UPDATE complaints SET ({}) = ({}) WHERE id = ?",
                                     state_columns, placeholders(state_column_count)));
        SQLite::Statement& st = *held;
        bind_state(st, c);
        st.bind(state_column_count + 1, c.id);
        st.exec();
    });
}

std::int64_t Store::append_event(const Event& e) {
    return impl_->guarded([&] {
        const Reused held = impl_->reuse(R"sql(
INSERT INTO events (id, complaint_id, at, actor, kind, text, channel, direction, visible, data)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?))sql");
        SQLite::Statement& st = *held;
        bind_opt(st, 1, e.id > 0 ? std::optional<std::int64_t>(e.id) : std::nullopt);
        st.bind(2, e.complaint_id);
        st.bind(3, e.at);
        st.bind(4, e.actor);
        st.bind(5, std::string(to_string(e.kind)));
        bind_opt(st, 6, e.text);
        bind_opt(st, 7, e.channel);
        bind_opt(st, 8, opt_name(e.direction));
        st.bind(9, e.visible ? 1 : 0);
        st.bind(10, e.data.is_object() ? e.data.dump() : std::string("{}"));
        st.exec();
        return impl_->db.getLastInsertRowid();
    });
}

void Store::insert_customer(const Customer& c) {
    impl_->guarded([&] {
        SQLite::Statement st(impl_->db, "INSERT INTO customers (id, name, email, phone, "
                                        "created_at) VALUES (?, ?, ?, ?, ?)");
        st.bind(1, c.id);
        st.bind(2, c.name);
        bind_opt(st, 3, c.email);
        bind_opt(st, 4, c.phone);
        st.bind(5, c.created_at);
        st.exec();
    });
}

Timestamp Store::latest_event_time() {
    return impl_->guarded([&] {
        // events_by_time makes this one index seek.
        return impl_->db.execAndGet("SELECT coalesce(max(at), 0) FROM events").getInt64();
    });
}

bool Store::empty() {
    return impl_->guarded([&] {
        return impl_->db
                   .execAndGet("SELECT NOT EXISTS (SELECT 1 FROM customers) AND "
                               "NOT EXISTS (SELECT 1 FROM complaints) AND "
                               "NOT EXISTS (SELECT 1 FROM events) AND "
                               "NOT EXISTS (SELECT 1 FROM team) AND "
                               "NOT EXISTS (SELECT 1 FROM settings) AND "
                               "NOT EXISTS (SELECT 1 FROM holidays)")
                   .getInt() != 0;
    });
}

std::int64_t Store::add_team_from_use() {
    return impl_->guarded([&] {
        const auto before = sqlite3_total_changes64(impl_->db.getHandle());
        impl_->db.exec(team_from_use);
        return sqlite3_total_changes64(impl_->db.getHandle()) - before;
    });
}

void Store::dump(const DumpSink& sink) {
    read([&] {
        for (const Setting& s : settings())
            sink.setting(s);
        for (const Holiday& h : holidays())
            sink.holiday(h);
        for (const TeamMember& m : team())
            sink.member(m);
        SQLite::Statement cu(
            impl_->db, "SELECT id, name, email, phone, created_at FROM customers ORDER BY id");
        while (cu.executeStep()) {
            sink.customer(Customer{cu.getColumn(0).getInt64(), cu.getColumn(1).getString(),
                                   opt_text(cu.getColumn(2)), opt_text(cu.getColumn(3)),
                                   cu.getColumn(4).getInt64()});
        }
        SQLite::Statement co(impl_->db, complaint_columns + " ORDER BY c.id");
        while (co.executeStep())
            sink.complaint(read_complaint(co));
        SQLite::Statement ev(impl_->db, event_record_columns + " ORDER BY e.id");
        while (ev.executeStep())
            sink.event(read_event(ev, false), column_text(ev, 9));
    });
}

bool Store::customer_exists(const std::string& key) {
    return impl_->guarded([&] {
        SQLite::Statement st(impl_->db, fmt::format("SELECT EXISTS {}", customer_match(key)));
        st.bind(1, key);
        st.executeStep();
        return st.getColumn(0).getInt() != 0;
    });
}

std::optional<Customer> Store::find_customer(const CustomerInput& in) {
    return impl_->guarded([&] {
        // The strongest key given decides: an e-mail address, else a phone number, else the name.
        std::optional<Customer> found;
        const auto find = [&](const char* where, const std::string& key) {
            const Reused held = impl_->reuse(
                fmt::format("SELECT id, name, email, phone FROM customers WHERE {} ORDER BY id "
                            "LIMIT 1",
                            where));
            SQLite::Statement& st = *held;
            st.bind(1, key);
            if (st.executeStep())
                found = Customer{st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                                 opt_text(st.getColumn(2)), opt_text(st.getColumn(3))};
        };
        if (in.email)
            find("email = ? COLLATE NOCASE", *in.email);
        // A phone number shared with a customer of another e-mail address (a family, an office)
        // does not make them the same customer.
        if (!found && in.phone)
            find(in.email ? "phone = ? AND email IS NULL" : "phone = ?", *in.phone);
        if (!found && !in.email && !in.phone)
            find("name = ? COLLATE NOCASE", in.name);
        return found;
    });
}

Customer Store::find_or_create_customer(const CustomerInput& in) {
    return impl_->guarded([&] {
        const std::optional<Customer> found = find_customer(in);
        if (!found) {
            const Reused held = impl_->reuse("INSERT INTO customers (name, email, phone, "
                                             "created_at) VALUES (?, ?, ?, unixepoch())");
            SQLite::Statement& ins = *held;
            ins.bind(1, in.name);
            bind_opt(ins, 2, in.email);
            bind_opt(ins, 3, in.phone);
            ins.exec();
            return Customer{impl_->db.getLastInsertRowid(), in.name, in.email, in.phone};
        }

        // Details learnt later fill the gaps: a real name replaces the address or number that
        // stood in for it, and a missing e-mail or phone is added. Nothing known is overwritten.
        Customer c = *found;
        const bool placeholder_name = c.name == c.email || c.name == c.phone;
        const bool real_name = in.name != in.email && in.name != in.phone;
        if (placeholder_name && real_name)
            c.name = in.name;
        if (!c.email && in.email)
            c.email = in.email;
        if (!c.phone && in.phone)
            c.phone = in.phone;
        if (c.name != found->name || c.email != found->email || c.phone != found->phone) {
            SQLite::Statement up(
                impl_->db, "UPDATE customers SET name = ?, email = ?, phone = ? WHERE id = ?");
            up.bind(1, c.name);
            bind_opt(up, 2, c.email);
            bind_opt(up, 3, c.phone);
            up.bind(4, c.id);
            up.exec();
        }
        return c;
    });
}

namespace {

// The conditions of a complaint listing, shared by `list` and `search`.
void add_filters(Query& q, const ListFilter& f) {
    if (!f.statuses.empty()) {
        std::string in;
        for (auto s : f.statuses)
            in += fmt::format("{}'{}'", in.empty() ? "" : ", ", to_string(s));
        // With closed among them the rows are most of the table: the unary + keeps SQLite
        // walking an index in activity order (and stopping at --limit) instead of sorting.
        const bool closed =
            std::find(f.statuses.begin(), f.statuses.end(), Status::closed) != f.statuses.end();
        q.where(fmt::format("{}c.status IN ({})", closed ? "+" : "", in));
        // Said again in the words of the partial indexes, which SQLite cannot infer from IN.
        if (!closed)
            q.where("c.status <> 'closed'");
    } else if (!f.include_closed) {
        // Written exactly as in the partial indexes, so SQLite can use them.
        q.where("c.status <> 'closed'");
    }
    if (f.escalated_only)
        q.where("c.status = 'escalated'");
    if (f.owner)
        q.where("c.owner = ?", *f.owner);
    if (f.customer)
        q.where(fmt::format("c.customer_id IN {}", customer_match(*f.customer)), *f.customer);
    if (f.category)
        q.where("c.category = ? COLLATE NOCASE", *f.category);
    if (f.priority)
        q.where("c.priority = ?", std::string(to_string(*f.priority)));
    if (f.due_before)
        q.where("c.status IN ('open', 'escalated') AND (c.due < ? OR c.escalation_due < ? OR "
                "(c.response_due < ? AND c.responded_at IS NULL))",
                *f.due_before, *f.due_before, *f.due_before);
    if (f.since)
        q.where("c.updated_at >= ?", *f.since);
}

// One search word as an FTS5 phrase: quoted, so nothing the user types is query syntax, and a
// trailing * kept as a prefix search.
std::string fts_phrase(std::string word) {
    const bool prefix = word.size() > 1 && word.back() == '*';
    if (prefix)
        word.pop_back();
    std::string quoted = "\"";
    for (const char ch : word)
        quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
    return quoted + (prefix ? "\"*" : "\"");
}

// snippet() marks matches with bytes that never occur in UTF-8 text.
constexpr const char* mark_begin = "\xFE";
constexpr const char* mark_end = "\xFF";

std::vector<SnippetPart> split_snippet(std::string_view s) {
    std::vector<SnippetPart> parts;
    bool highlighted = false;
    while (!s.empty()) {
        const std::size_t next = s.find(highlighted ? mark_end[0] : mark_begin[0]);
        if (next != 0)
            parts.push_back({std::string(s.substr(0, next)), highlighted});
        if (next == std::string_view::npos)
            break;
        s.remove_prefix(next + 1);
        highlighted = !highlighted;
    }
    return parts;
}

} // namespace

void Store::list_complaints(const ListFilter& f, const std::function<void(const Complaint&)>& row) {
    impl_->guarded([&] {
        Query q(complaint_columns);
        add_filters(q, f);
        SQLite::Statement st = q.prepare(impl_->db, "c.updated_at DESC, c.id DESC", f.limit);
        while (st.executeStep())
            row(read_complaint(st));
    });
}

void Store::search(const std::vector<std::string>& words, const ListFilter& f,
                   const std::function<void(const SearchHit&)>& row) {
    impl_->guarded([&] {
        // Every word is looked up on its own, in titles, event texts and customers; a complaint is
        // found when each word matches somewhere in it, ranked by the sum of each word's best
        // bm25 score (lower is better), and the snippet is that of its single best match.
        std::string hits;
        for (std::size_t i = 0; i < words.size(); ++i) {
            hits += fmt::format(R"sql({0}
SELECT rowid AS cid, {1} AS word, bm25(title_index) AS score, 'title' AS field,
       snippet(title_index, 0, '{2}', '{3}', '…', 12) AS snip
FROM title_index WHERE title_index MATCH ?
UNION ALL
SELECT e.complaint_id, {1}, bm25(text_index), e.kind,
       snippet(text_index, 0, '{2}', '{3}', '…', 12)
FROM text_index JOIN events e ON e.id = text_index.rowid WHERE text_index MATCH ?
UNION ALL
SELECT c.id, {1}, bm25(customer_index), 'customer',
       snippet(customer_index, -1, '{2}', '{3}', '…', 12)
FROM customer_index JOIN complaints c ON c.customer_id = customer_index.rowid
WHERE customer_index MATCH ?)sql",
                                i == 0 ? "" : "UNION ALL", i, mark_begin, mark_end);
        }
        Query q(fmt::format(R"sql(
WITH hit AS ({}),
best AS (SELECT cid, word, min(score) AS score, field, snip FROM hit GROUP BY cid, word),
found AS (SELECT cid, sum(score) AS score, min(score), field, snip FROM best
          GROUP BY cid HAVING count(*) = {})
SELECT {}, found.field, found.snip
FROM found JOIN complaints c ON c.id = found.cid LEFT JOIN customers cu ON cu.id = c.customer_id
)sql",
                            hits, words.size(), complaint_fields));
        for (const auto& w : words)
            q.bind_leading(fts_phrase(w), fts_phrase(w), fts_phrase(w));
        ListFilter filter = f;
        filter.include_closed = true;
        add_filters(q, filter);
        SQLite::Statement st = q.prepare(impl_->db, "found.score, c.id DESC", f.limit);
        while (st.executeStep()) {
            SearchHit hit;
            hit.complaint = read_complaint(st);
            hit.field = st.getColumn(complaint_field_count).getString();
            hit.snippet = split_snippet(st.getColumn(complaint_field_count + 1).getText());
            row(hit);
        }
    });
}

void Store::list_events(const HistoryFilter& f, const std::function<void(const Event&)>& row) {
    impl_->guarded([&] {
        Query q(event_columns);
        if (f.complaint_id)
            q.where("e.complaint_id = ?", *f.complaint_id);
        if (f.customer)
            q.where(fmt::format("c.customer_id IN {}", customer_match(*f.customer)), *f.customer);
        if (f.actor)
            q.where("e.actor = ?", *f.actor);
        if (f.since)
            q.where("e.at >= ?", *f.since);
        SQLite::Statement st =
            q.prepare(impl_->db, f.newest_first ? "e.at DESC, e.id DESC" : "e.at, e.id", f.limit);
        while (st.executeStep())
            row(read_event(st));
    });
}

std::vector<Suggestion> Store::suggest(SuggestionKind kind, const std::string& prefix, int limit) {
    // Every query reads a bounded, recent slice (open work, the last 1000 complaints or events,
    // or an index range), so completion stays instant on a million complaints.
    const char* sql = nullptr;
    switch (kind) {
    case SuggestionKind::open_complaints:
        sql = "SELECT id, title FROM complaints WHERE status <> 'closed' "
              "AND CAST(id AS TEXT) LIKE ?1 || '%' ESCAPE '\\' ORDER BY updated_at DESC, id DESC "
              "LIMIT ?2";
        break;
    case SuggestionKind::closed_complaints:
        sql = "SELECT id, title FROM (SELECT id, title, status FROM complaints "
              "ORDER BY updated_at DESC, id DESC LIMIT 1000) "
              "WHERE status = 'closed' AND CAST(id AS TEXT) LIKE ?1 || '%' ESCAPE '\\' LIMIT ?2";
        break;
    case SuggestionKind::complaints:
        sql = "SELECT id, title FROM (SELECT id, title FROM complaints "
              "ORDER BY updated_at DESC, id DESC LIMIT 1000) "
              "WHERE CAST(id AS TEXT) LIKE ?1 || '%' ESCAPE '\\' LIMIT ?2";
        break;
    case SuggestionKind::people:
        sql =
            "SELECT name, '' FROM ("
            " SELECT owner AS name FROM complaints WHERE status IN ('open', 'escalated', 'waiting')"
            " UNION SELECT escalated_to FROM complaints WHERE status = 'escalated'"
            " UNION SELECT name FROM team"
            " UNION SELECT actor FROM (SELECT actor FROM events ORDER BY at DESC, id DESC "
            "LIMIT 1000)) WHERE name LIKE ?1 || '%' ESCAPE '\\' ORDER BY name LIMIT ?2";
        break;
    case SuggestionKind::customers:
        sql = "SELECT name, coalesce(email, phone, '') FROM customers "
              "WHERE name >= ?1 COLLATE NOCASE AND name < ?1 || x'f48fbfbf' COLLATE NOCASE "
              "ORDER BY name COLLATE NOCASE LIMIT ?2";
        break;
    case SuggestionKind::categories:
        sql = "SELECT DISTINCT category, '' FROM (SELECT category FROM complaints "
              "ORDER BY updated_at DESC, id DESC LIMIT 1000) "
              "WHERE category LIKE ?1 || '%' ESCAPE '\\' ORDER BY category LIMIT ?2";
        break;
    }
    return impl_->guarded([&] {
        // LIKE must take the prefix literally, `%` and `_` included; the range query takes it raw.
        std::string literal;
        for (char c : prefix) {
            if (c == '%' || c == '_' || c == '\\')
                literal += '\\';
            literal += c;
        }
        SQLite::Statement st(impl_->db, sql);
        st.bind(1, kind == SuggestionKind::customers ? prefix : literal);
        st.bind(2, limit);
        std::vector<Suggestion> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
        return out;
    });
}

namespace {

TeamMember read_member(SQLite::Statement& st) {
    TeamMember m;
    m.name = st.getColumn(0).getString();
    m.email = opt_text(st.getColumn(1));
    m.deputy = opt_text(st.getColumn(2));
    m.away_until = opt_int(st.getColumn(3));
    m.away_deputy = opt_text(st.getColumn(4));
    m.added_by_use = st.getColumn(5).getInt() != 0;
    m.created_at = st.getColumn(6).getInt64();
    return m;
}

constexpr const char* member_columns =
    "SELECT name, email, deputy, away_until, away_deputy, added_by_use, created_at FROM team";

} // namespace

std::vector<TeamMember> Store::team() {
    return impl_->guarded([&] {
        std::vector<TeamMember> out;
        SQLite::Statement st(impl_->db, fmt::format("{} ORDER BY name", member_columns));
        while (st.executeStep())
            out.push_back(read_member(st));
        return out;
    });
}

std::optional<TeamMember> Store::find_member(const std::string& name) {
    return impl_->guarded([&]() -> std::optional<TeamMember> {
        const Reused held = impl_->reuse(fmt::format("{} WHERE name = ?", member_columns));
        SQLite::Statement& st = *held;
        st.bind(1, name);
        if (!st.executeStep())
            return std::nullopt;
        return read_member(st);
    });
}

void Store::save_member(const TeamMember& m) {
    impl_->guarded([&] {
        SQLite::Statement st(impl_->db, "INSERT OR REPLACE INTO team (name, email, deputy, "
                                        "away_until, away_deputy, added_by_use, created_at) "
                                        "VALUES (?, ?, ?, ?, ?, ?, ?)");
        st.bind(1, m.name);
        bind_opt(st, 2, m.email);
        bind_opt(st, 3, m.deputy);
        bind_opt(st, 4, m.away_until);
        bind_opt(st, 5, m.away_deputy);
        st.bind(6, m.added_by_use ? 1 : 0);
        st.bind(7, m.created_at);
        st.exec();
    });
}

std::vector<Setting> Store::settings() {
    return impl_->guarded([&] {
        std::vector<Setting> out;
        SQLite::Statement st(impl_->db, "SELECT key, value FROM settings ORDER BY key");
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), st.getColumn(1).getString()});
        return out;
    });
}

void Store::set_setting(const std::string& key, const std::string& value) {
    impl_->guarded([&] {
        SQLite::Statement st(impl_->db,
                             "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
        st.bind(1, key);
        st.bind(2, value);
        st.exec();
    });
}

bool Store::unset_setting(const std::string& key) {
    return impl_->guarded([&] {
        SQLite::Statement st(impl_->db, "DELETE FROM settings WHERE key = ?");
        st.bind(1, key);
        return st.exec() > 0;
    });
}

std::vector<Holiday> Store::holidays() {
    return impl_->guarded([&] {
        std::vector<Holiday> out;
        SQLite::Statement st(impl_->db, "SELECT day, name FROM holidays ORDER BY day");
        while (st.executeStep())
            out.push_back({st.getColumn(0).getString(), opt_text(st.getColumn(1))});
        return out;
    });
}

bool Store::add_holiday(const Holiday& h) {
    return impl_->guarded([&] {
        SQLite::Statement st(impl_->db, "INSERT OR IGNORE INTO holidays (day, name) VALUES (?, ?)");
        st.bind(1, h.day);
        bind_opt(st, 2, h.name);
        return st.exec() > 0;
    });
}

bool Store::remove_holiday(const std::string& day) {
    return impl_->guarded([&] {
        SQLite::Statement st(impl_->db, "DELETE FROM holidays WHERE day = ?");
        st.bind(1, day);
        return st.exec() > 0;
    });
}

ComplaintId Store::max_complaint_id() {
    return impl_->guarded([&] {
        return impl_->db.execAndGet("SELECT coalesce(max(id), 0) FROM complaints").getInt64();
    });
}

CheckReport Store::check() {
    auto& db = impl_->db;
    CheckReport report;
    const auto add = [&](const char* check, std::string message) {
        report.problems.push_back({check, std::move(message)});
    };
    impl_->guarded([&] {
        report.schema_version = impl_->pragma_int("user_version");
        report.journal_mode = db.execAndGet("PRAGMA journal_mode").getString();
    });
    // A damaged page can stop a check halfway; what it said up to then is the report.
    const auto run = [&](const char* check, const std::function<void()>& fn) {
        try {
            fn();
        } catch (const SQLite::Exception& e) {
            add(check, fmt::format("the check stopped: {}", e.what()));
        }
    };
    run("integrity", [&] {
        SQLite::Statement st(db, "PRAGMA integrity_check(100)");
        while (st.executeStep()) {
            // A row may hold several findings, one per line, under a heading.
            std::string_view rest = st.getColumn(0).getText();
            while (!rest.empty()) {
                const std::string_view line = rest.substr(0, rest.find('\n'));
                rest.remove_prefix(std::min(rest.size(), line.size() + 1));
                if (line != "ok" && !line.starts_with("*** "))
                    add("integrity", std::string(line));
            }
        }
    });
    run("foreign_keys", [&] {
        SQLite::Statement st(db, "PRAGMA foreign_key_check");
        for (int n = 0; st.executeStep() && n < 100; ++n) {
            add("foreign_keys",
                fmt::format("{} row {} refers to a missing row of {}", st.getColumn(0).getString(),
                            st.getColumn(1).getInt64(), st.getColumn(2).getString()));
        }
    });
    // ombud's own rules, which SQLite cannot know: each query names the complaints breaking one.
    static constexpr std::pair<const char*, const char*> rules[] = {
        {"SELECT id FROM complaints WHERE (status = 'closed') <> (closed_at IS NOT NULL)",
         "is {} but its closing time says otherwise"},
        {"SELECT id FROM complaints WHERE (status = 'escalated') <> (escalated_to IS NOT NULL)",
         "is {} but its escalation says otherwise"},
        {"SELECT id FROM complaints c WHERE NOT EXISTS (SELECT 1 FROM events e "
         "WHERE e.complaint_id = c.id AND e.kind = 'opened')",
         "({}) has no opened event in its timeline"},
        {"SELECT id FROM complaints WHERE updated_at < created_at",
         "({}) was last changed before it was opened"},
    };
    run("consistency", [&] {
        for (const auto& [sql, message] : rules) {
            SQLite::Statement st(db, fmt::format("SELECT x.id, c.status FROM ({} LIMIT 100) x "
                                                 "JOIN complaints c ON c.id = x.id",
                                                 sql));
            while (st.executeStep()) {
                add("consistency",
                    fmt::format("complaint #{} {}", st.getColumn(0).getInt64(),
                                fmt::format(fmt::runtime(message), st.getColumn(1).getString())));
            }
        }
    });
    run("integrity", [&] {
        report.complaints = db.execAndGet("SELECT count(*) FROM complaints").getInt64();
        report.events = db.execAndGet("SELECT count(*) FROM events").getInt64();
        report.customers = db.execAndGet("SELECT count(*) FROM customers").getInt64();
    });
    return report;
}

BackupReport Store::backup(const std::string& dest) {
    return impl_->guarded([&] { return backup_database(impl_->db, impl_->path, dest); });
}

std::string Store::journal_mode() {
    return impl_->guarded([&] { return impl_->db.execAndGet("PRAGMA journal_mode").getString(); });
}

} // namespace ombud
