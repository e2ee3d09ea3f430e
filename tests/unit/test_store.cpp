#include "temp_dir.hpp"

#include <ombud/error.hpp>
#include <ombud/files.hpp>
#include <ombud/store.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/stat.h>

using namespace ombud;
using ombud::test::TempDir;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

Complaint sample(const std::string& title, Timestamp at) {
    Complaint c;
    c.title = title;
    c.owner = "anna";
    c.created_at = c.updated_at = at;
    return c;
}

Event event_of(ComplaintId id, EventKind kind, Timestamp at, const std::string& actor = "anna") {
    Event e;
    e.complaint_id = id;
    e.kind = kind;
    e.at = at;
    e.actor = actor;
    return e;
}

std::vector<ComplaintId> ids(Store& s, const ListFilter& f) {
    std::vector<ComplaintId> out;
    s.list_complaints(f, [&](const Complaint& c) { out.push_back(c.id); });
    return out;
}

std::vector<std::int64_t> event_ids(Store& s, const HistoryFilter& f) {
    std::vector<std::int64_t> out;
    s.list_events(f, [&](const Event& e) { out.push_back(e.id); });
    return out;
}

} // namespace

TEST_CASE("a new database gets the current schema, its application id, WAL and a private file") {
    TempDir dir;
    const std::string path = dir.file("sub/folder/ombud.db");
    auto store = Store::open(path, OpenMode::write);
    CHECK(store->version() == schema_version);
    store.reset();

    SQLite::Database db(path);
    CHECK(db.execAndGet("PRAGMA user_version").getInt() == schema_version);
    CHECK(db.execAndGet("PRAGMA application_id").getInt() == application_id);
    CHECK(db.execAndGet("PRAGMA journal_mode").getString() == "wal");
    for (const char* table : {"customers", "complaints", "events"}) {
        SQLite::Statement st(db, "SELECT strict FROM pragma_table_list WHERE name = ?");
        st.bind(1, table);
        REQUIRE(st.executeStep());
        CHECK_MESSAGE(st.getColumn(0).getInt() == 1, table);
    }
    struct stat sb {};
    REQUIRE(::stat(path.c_str(), &sb) == 0);
    CHECK((sb.st_mode & 0777) == 0600);
}

TEST_CASE("reading or changing a missing database creates nothing") {
    TempDir dir;
    const std::string path = dir.file("absent.db");
    OpenMode mode = OpenMode::read;
    SUBCASE("read") {
        mode = OpenMode::read;
    }
    SUBCASE("change") {
        mode = OpenMode::change;
    }
    auto store = Store::open(path, mode);
    CHECK(ids(*store, ListFilter{}).empty());
    CHECK(store->max_complaint_id() == 0);
    CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("create_filled shows the file only when it is full, and never over another") {
    TempDir dir;
    const std::string path = dir.file("sub/new.db");
    const auto files_in_sub = [&] {
        return std::distance(std::filesystem::directory_iterator(dir.file("sub")),
                             std::filesystem::directory_iterator());
    };
    const auto fill = [&](Store& s) {
        CHECK_FALSE(std::filesystem::exists(path)); // not yet visible
        s.write([&] { s.set_setting("timezone", "Europe/Amsterdam"); });
    };

    CHECK_THROWS_AS(Store::create_filled(path, {},
                                         [&](Store& s) {
                                             fill(s);
                                             throw ombud::UsageError("line 9: bad", "");
                                         }),
                    ombud::UsageError);
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(files_in_sub() == 0);

    Store::create_filled(path, {}, fill);
    CHECK(files_in_sub() == 1); // no journal or scratch file left
    CHECK(Store::open(path, OpenMode::read)->settings().size() == 1);
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);

    bool filled = false;
    CHECK_THROWS_AS(Store::create_filled(path, {}, [&](Store&) { filled = true; }),
                    ombud::ConflictError);
    CHECK_FALSE(filled); // refused before any work
    CHECK(Store::open(path, OpenMode::read)->settings().size() == 1);
}

TEST_CASE("an empty file is initialised in place") {
    TempDir dir;
    const std::string path = dir.file("empty.db");
    std::ofstream(path).close();
    auto store = Store::open(path, OpenMode::write);
    CHECK(store->version() == schema_version);
}

TEST_CASE("a file from a newer ombud is refused and left byte for byte") {
    TempDir dir;
    const std::string path = dir.file("newer.db");
    Store::open(path, OpenMode::write).reset();
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 7");
        db.exec("PRAGMA journal_mode = DELETE");
    }
    const std::string before = slurp(path);
    for (auto mode : {OpenMode::read, OpenMode::write}) {
        try {
            Store::open(path, mode);
            FAIL("opened a newer file");
        } catch (const StorageError& e) {
            CHECK(std::string(e.what()).find("newer ombud") != std::string::npos);
            CHECK(e.code() == ExitCode::storage);
        }
    }
    CHECK(slurp(path) == before);
}

TEST_CASE("files that are not ombud databases are refused") {
    TempDir dir;
    SUBCASE("text file") {
        const std::string path = dir.file("notes.txt");
        std::ofstream(path) << "this is not a database, just some words that fill a page\n";
        const std::string before = slurp(path);
        CHECK_THROWS_AS(Store::open(path, OpenMode::write), StorageError);
        CHECK(slurp(path) == before);
    }
    SUBCASE("another program's SQLite file") {
        const std::string path = dir.file("other.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE things (x)");
        }
        CHECK_THROWS_AS(Store::open(path, OpenMode::write), StorageError);
    }
    SUBCASE("another program's application id") {
        const std::string path = dir.file("app.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("PRAGMA application_id = 12345");
        }
        CHECK_THROWS_AS(Store::open(path, OpenMode::write), StorageError);
    }
}

TEST_CASE("events are append-only in the database itself") {
    TempDir dir;
    const std::string path = dir.file("o.db");
    auto store = Store::open(path, OpenMode::write);
    store->write([&] {
        const auto id = store->insert_complaint(sample("x", 100));
        store->append_event(event_of(id, EventKind::opened, 100));
    });
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    CHECK_THROWS_AS(db.exec("UPDATE events SET actor = 'mallory'"), SQLite::Exception);
    CHECK_THROWS_AS(db.exec("DELETE FROM events"), SQLite::Exception);
    CHECK(db.execAndGet("SELECT count(*) FROM events WHERE actor = 'anna'").getInt() == 1);
}

TEST_CASE("a failed write leaves nothing behind") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    CHECK_THROWS_AS(store->write([&] {
        store->insert_complaint(sample("lost", 100));
        throw ConflictError("changed my mind");
    }),
                    ConflictError);
    CHECK(store->max_complaint_id() == 0);
    // The connection is usable again afterwards.
    store->write([&] { store->insert_complaint(sample("kept", 100)); });
    auto kept = store->find_complaint(store->max_complaint_id());
    REQUIRE(kept);
    CHECK(kept->title == "kept");
}

TEST_CASE("complaints round-trip every field") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    Complaint c = sample("Parcel", 100);
    c.priority = Priority::urgent;
    c.category = "delivery";
    c.channel = "phone";
    c.due = 500;
    store->write([&] {
        c.customer = store->find_or_create_customer({"Jan", "jan@example.com", "0612"});
        c.id = store->insert_complaint(c);
    });
    auto got = store->find_complaint(c.id);
    REQUIRE(got);
    CHECK(got->title == "Parcel");
    CHECK(got->priority == Priority::urgent);
    CHECK(got->category == "delivery");
    CHECK(got->channel == "phone");
    CHECK(got->due == 500);
    REQUIRE(got->customer);
    CHECK(got->customer->email == "jan@example.com");
    CHECK(got->customer->phone == "0612");

    got->status = Status::closed;
    got->escalation = Escalation{
        2, "maria", std::string("why"), 900, 800, std::string("jan"), std::string("piet")};
    got->handoffs = 3;
    got->closed_at = 700;
    got->close_reason = CloseReason::rejected;
    got->resolution = "no";
    got->rating = 2;
    got->response_due = 650;
    got->responded_at = 640;
    got->updated_at = 700;
    store->write([&] { store->update_complaint(*got); });
    auto again = store->find_complaint(c.id);
    REQUIRE(again);
    CHECK(again->status == Status::closed);
    REQUIRE(again->escalation);
    CHECK(again->escalation->level == 2);
    CHECK(again->escalation->to == "maria");
    CHECK(again->escalation->due == 900);
    CHECK(again->escalation->since == 800);
    CHECK(again->escalation->by == "jan");
    CHECK(again->escalation->instead_of == "piet");
    CHECK(again->escalation_level == 2);
    CHECK(again->response_due == 650);
    CHECK(again->responded_at == 640);
    CHECK(again->handoffs == 3);
    CHECK(again->closed_at == 700);
    CHECK(again->close_reason == CloseReason::rejected);
    CHECK(again->rating == 2);
    CHECK_FALSE(store->find_complaint(c.id + 1));
}

TEST_CASE("customers are matched by e-mail, then phone, then name") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        const auto jan = store->find_or_create_customer({"Jan", "jan@example.com", std::nullopt});
        CHECK(store->find_or_create_customer({"J. Jansen", "JAN@example.com", std::nullopt}).id ==
              jan.id);
        const auto piet = store->find_or_create_customer({"Piet", std::nullopt, "0612"});
        CHECK(store->find_or_create_customer({"Pietje", std::nullopt, "0612"}).id == piet.id);
        CHECK(store->find_or_create_customer({"jan", std::nullopt, std::nullopt}).id == jan.id);
        CHECK(store->find_or_create_customer({"Jan", "other@example.com", std::nullopt}).id !=
              jan.id);
    });
    // find_customer finds as find_or_create_customer does, and creates nothing.
    CHECK(store->find_customer({"x", "JAN@example.com", std::nullopt})->name == "Jan");
    CHECK(store->find_customer({"x", std::nullopt, "0612"})->name == "Piet");
    CHECK(store->find_customer({"PIET", std::nullopt, std::nullopt})->name == "Piet");
    CHECK_FALSE(store->find_customer({"Kees", std::nullopt, std::nullopt}));
    CHECK_FALSE(store->find_customer({"Kees", std::nullopt, std::nullopt}));
    CHECK(store->customer_exists("jan@EXAMPLE.com"));
    CHECK_FALSE(store->customer_exists("J. Jansen")); // a known name is not overwritten
    CHECK(store->customer_exists("PIET"));
    CHECK_FALSE(store->customer_exists("nobody"));
    CHECK_FALSE(store->customer_exists("nobody@example.com"));
}

TEST_CASE("details learnt later fill in a customer's gaps") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        const auto first =
            store->find_or_create_customer({"piet@example.com", "piet@example.com", std::nullopt});
        CHECK(first.name == "piet@example.com");
        const auto named =
            store->find_or_create_customer({"Piet Bakker", "piet@example.com", "0612"});
        CHECK(named.id == first.id);
        CHECK(named.name == "Piet Bakker");
        CHECK(named.phone == "0612");
        const auto by_phone = store->find_or_create_customer({"0612", std::nullopt, "0612"});
        CHECK(by_phone.id == first.id);
        CHECK(by_phone.name == "Piet Bakker");
        CHECK(by_phone.email == "piet@example.com");
    });
    CHECK(store->customer_exists("Piet Bakker"));
    CHECK(store->customer_exists("PIET@example.com"));
    store->write([&] {
        // Same phone, another e-mail address: another person, not Piet.
        const auto other =
            store->find_or_create_customer({"Els Bakker", "els@example.com", "0612"});
        CHECK(other.name == "Els Bakker");
        CHECK(other.email == "els@example.com");
    });
    CHECK(store->customer_exists("els@example.com"));
    CHECK_FALSE(store->customer_exists("piet@example.com "));
}

TEST_CASE("listing filters and orders by latest activity") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    ComplaintId a = 0, b = 0, c = 0, d = 0;
    store->write([&] {
        Complaint x = sample("a", 100);
        x.customer = store->find_or_create_customer({"Jan", "jan@example.com", std::nullopt});
        x.category = "billing";
        a = store->insert_complaint(x);
        Complaint y = sample("b", 300);
        y.owner = "bob";
        y.priority = Priority::high;
        y.due = 1000;
        b = store->insert_complaint(y);
        Complaint z = sample("c", 200);
        z.status = Status::escalated;
        c = store->insert_complaint(z);
        Complaint w = sample("d", 400);
        w.status = Status::closed;
        d = store->insert_complaint(w);
    });
    CHECK(ids(*store, {}) == std::vector{b, c, a});
    ListFilter all;
    all.include_closed = true;
    CHECK(ids(*store, all) == std::vector{d, b, c, a});
    ListFilter f;
    f.statuses = {Status::closed};
    CHECK(ids(*store, f) == std::vector{d});
    f = {};
    f.owner = "bob";
    CHECK(ids(*store, f) == std::vector{b});
    f = {};
    f.customer = "JAN@example.com";
    CHECK(ids(*store, f) == std::vector{a});
    f = {};
    f.customer = "jan";
    CHECK(ids(*store, f) == std::vector{a});
    f = {};
    f.category = "Billing";
    CHECK(ids(*store, f) == std::vector{a});
    f = {};
    f.priority = Priority::high;
    CHECK(ids(*store, f) == std::vector{b});
    f = {};
    f.escalated_only = true;
    CHECK(ids(*store, f) == std::vector{c});
    f = {};
    f.due_before = 999;
    CHECK(ids(*store, f).empty());
    f.due_before = 1001;
    CHECK(ids(*store, f) == std::vector{b});
    f = {};
    f.limit = 2;
    CHECK(ids(*store, f) == std::vector{b, c});
    CHECK(store->max_complaint_id() == d);
}

TEST_CASE("history: per complaint, per customer, per actor, since, newest first") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    ComplaintId a = 0, b = 0;
    std::int64_t e1 = 0, e2 = 0, e3 = 0, e4 = 0;
    store->write([&] {
        Complaint x = sample("a", 100);
        x.customer = store->find_or_create_customer({"Jan", std::nullopt, std::nullopt});
        a = store->insert_complaint(x);
        b = store->insert_complaint(sample("b", 200));
        e1 = store->append_event(event_of(a, EventKind::opened, 100));
        e2 = store->append_event(event_of(b, EventKind::opened, 200, "bob"));
        e3 = store->append_event(event_of(a, EventKind::note, 300, "bob"));
        e4 = store->append_event(event_of(b, EventKind::closed, 400));
    });
    CHECK(event_ids(*store, {}) == std::vector{e4, e3, e2, e1});
    HistoryFilter f;
    f.complaint_id = a;
    f.newest_first = false;
    CHECK(event_ids(*store, f) == std::vector{e1, e3});
    f = {};
    f.customer = "jan";
    CHECK(event_ids(*store, f) == std::vector{e3, e1});
    f = {};
    f.actor = "bob";
    CHECK(event_ids(*store, f) == std::vector{e3, e2});
    f = {};
    f.since = 300;
    CHECK(event_ids(*store, f) == std::vector{e4, e3});
    f = {};
    f.limit = 1;
    CHECK(event_ids(*store, f) == std::vector{e4});

    std::optional<Event> first;
    f = {};
    f.complaint_id = b;
    f.limit = 1;
    f.newest_first = false;
    store->list_events(f, [&](const Event& e) { first = e; });
    REQUIRE(first);
    CHECK(first->complaint_title == "b");
    CHECK(first->actor == "bob");
    CHECK(first->data.is_object());
}

TEST_CASE("a writer that cannot get the lock reports busy") {
    TempDir dir;
    const std::string path = dir.file("o.db");
    auto holder = Store::open(path, OpenMode::write);
    auto waiter = Store::open(path, OpenMode::write, 50);
    SQLite::Database lock(path, SQLite::OPEN_READWRITE);
    lock.exec("BEGIN IMMEDIATE");
    CHECK_THROWS_AS(waiter->write([&] { waiter->insert_complaint(sample("x", 1)); }), BusyError);
    lock.exec("ROLLBACK");
    waiter->write([&] { waiter->insert_complaint(sample("x", 1)); });
    CHECK(holder->max_complaint_id() == 1);
}

TEST_CASE("completion suggestions come from recent, relevant rows") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        for (int i = 1; i <= 12; ++i) {
            Complaint c = sample(fmt::format("Complaint {}", i), 100 + i);
            c.owner = i % 2 ? "anna" : "bob";
            c.category = i % 3 ? "billing" : "delivery";
            if (i == 12)
                c.customer = store->find_or_create_customer({"Jan", "jan@example.com", {}});
            if (i == 11)
                c.customer = store->find_or_create_customer({"100% Juice", {}, {}});
            c.status = i <= 3 ? Status::closed : Status::open;
            const auto id = store->insert_complaint(c);
            store->append_event(
                event_of(id, EventKind::opened, 100 + i, i == 5 ? "carol" : "anna"));
        }
    });
    const auto values = [&](SuggestionKind k, const std::string& prefix) {
        std::vector<std::string> out;
        for (const auto& s : store->suggest(k, prefix, 50))
            out.push_back(s.value);
        return out;
    };
    CHECK(values(SuggestionKind::open_complaints, "1") ==
          std::vector<std::string>{"12", "11", "10"});
    CHECK(values(SuggestionKind::closed_complaints, "") == std::vector<std::string>{"3", "2", "1"});
    CHECK(values(SuggestionKind::complaints, "1").size() == 4); // 12, 11, 10, 1
    CHECK(values(SuggestionKind::people, "") == std::vector<std::string>{"anna", "bob", "carol"});
    CHECK(values(SuggestionKind::people, "c") == std::vector<std::string>{"carol"});
    CHECK(values(SuggestionKind::customers, "j") == std::vector<std::string>{"Jan"});
    CHECK(values(SuggestionKind::customers, "100%") == std::vector<std::string>{"100% Juice"});
    CHECK(values(SuggestionKind::categories, "") ==
          std::vector<std::string>{"billing", "delivery"});
    CHECK(values(SuggestionKind::categories, "_").empty()); // LIKE wildcards are literal
    const auto open = store->suggest(SuggestionKind::open_complaints, "12", 50);
    REQUIRE(open.size() == 1);
    CHECK(open[0].description == "Complaint 12");
    CHECK(store->suggest(SuggestionKind::customers, "", 50)[0].description == "");
    CHECK(store->suggest(SuggestionKind::open_complaints, "", 2).size() == 2);
}

TEST_CASE("reading an empty file leaves it empty") {
    TempDir dir;
    const std::string path = dir.file("empty.db");
    std::ofstream(path).close();
    for (OpenMode mode : {OpenMode::read, OpenMode::change}) {
        auto store = Store::open(path, mode);
        CHECK(store->max_complaint_id() == 0);
    }
    CHECK(std::filesystem::file_size(path) == 0);
}

TEST_CASE("a new database on a network share uses the rollback journal and says so") {
    TempDir dir;
    std::vector<std::string> warnings;
    StoreOptions options;
    options.network_share = true;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    const std::string path = dir.file("share.db");
    Store::open(path, OpenMode::write, options).reset();
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("network file system") != std::string::npos);
    CHECK(Store::open(path, OpenMode::read, options)->journal_mode() == "delete");
    // The warning comes once: when the journal is chosen.
    CHECK(warnings.size() == 1);
}

TEST_CASE("a WAL database found on a network share is switched to the rollback journal") {
    TempDir dir;
    const std::string path = dir.file("moved.db");
    CHECK(Store::open(path, OpenMode::write)->journal_mode() == "wal");
    std::vector<std::string> warnings;
    StoreOptions options;
    options.network_share = true;
    options.warn = [&](const std::string& w) { warnings.push_back(w); };
    CHECK(Store::open(path, OpenMode::write, options)->journal_mode() == "delete");
    CHECK(warnings.size() == 1);
    CHECK(Store::open(path, OpenMode::write, options)->journal_mode() == "delete");
    CHECK(warnings.size() == 1);
}

TEST_CASE("check finds a sound database sound and counts its rows") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        const ComplaintId id = store->insert_complaint(sample("Broken", 1000));
        store->append_event(event_of(id, EventKind::opened, 1000));
        store->append_event(event_of(id, EventKind::note, 1001));
    });
    const CheckReport r = store->check();
    CHECK(r.problems.empty());
    CHECK(r.schema_version == schema_version);
    CHECK(r.journal_mode == "wal");
    CHECK(r.complaints == 1);
    CHECK(r.events == 2);
}

TEST_CASE("check reports broken rules, dangling references and names the complaints") {
    TempDir dir;
    const std::string path = dir.file("o.db");
    {
        auto store = Store::open(path, OpenMode::write);
        store->write([&] {
            store->append_event(
                event_of(store->insert_complaint(sample("Fine", 1000)), EventKind::opened, 1000));
            store->insert_complaint(sample("No opened event", 1000));
        });
    }
    {
        // What another program (or a bug) could do behind ombud's back.
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("UPDATE complaints SET status = 'closed' WHERE id = 1");
        db.exec("PRAGMA foreign_keys = OFF");
        db.exec("UPDATE complaints SET customer_id = 99 WHERE id = 1");
    }
    const CheckReport r = Store::open(path, OpenMode::read)->check();
    std::vector<std::string> seen;
    for (const auto& p : r.problems)
        seen.push_back(p.check + ": " + p.message);
    CHECK(seen == std::vector<std::string>{
                      "foreign_keys: complaints row 1 refers to a missing row of customers",
                      "consistency: complaint #1 is closed but its closing time says otherwise",
                      "consistency: complaint #2 (open) has no opened event in its timeline"});
}

TEST_CASE("backup makes a complete, checked, private copy and never overwrites") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        for (int i = 0; i < 50; ++i) {
            const ComplaintId id = store->insert_complaint(sample(fmt::format("c{}", i), 1000));
            store->append_event(event_of(id, EventKind::opened, 1000));
        }
    });
    const BackupReport r = store->backup(dir.file("copy.db"));
    CHECK(r.complaints == 50);
    CHECK(r.bytes == static_cast<std::int64_t>(std::filesystem::file_size(dir.file("copy.db"))));
    struct stat st {};
    REQUIRE(::stat(dir.file("copy.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    {
        SQLite::Database copy(dir.file("copy.db"));
        CHECK(copy.execAndGet("SELECT count(*) FROM events").getInt() == 50);
        CHECK(copy.execAndGet("PRAGMA user_version").getInt() == schema_version);
    }
    const std::string before = slurp(dir.file("copy.db"));
    CHECK_THROWS_AS(store->backup(dir.file("copy.db")), ConflictError);
    CHECK(slurp(dir.file("copy.db")) == before);
    // No temporary file is left behind.
    int files = 0;
    for ([[maybe_unused]] const auto& entry :
         std::filesystem::directory_iterator(files::folder_of(dir.file("o.db"))))
        ++files;
    CHECK(files == 2 + static_cast<int>(std::filesystem::exists(dir.file("o.db-wal"))) +
                       static_cast<int>(std::filesystem::exists(dir.file("o.db-shm"))));
}

TEST_CASE("search finds every word across a complaint, ignoring case and diacritics") {
    TempDir dir;
    auto store = Store::open(dir.file("o.db"), OpenMode::write);
    store->write([&] {
        const ComplaintId a = store->insert_complaint(sample("Koffie in het Café", 1000));
        Event note = event_of(a, EventKind::note, 1001);
        note.text = "De bezorger was te laat";
        store->append_event(note);
        store->insert_complaint(sample("Bezorger kwam niet", 1000));
    });
    const auto found = [&](std::vector<std::string> words) {
        std::vector<ComplaintId> out;
        ListFilter f;
        store->search(words, f, [&](const SearchHit& h) { out.push_back(h.complaint.id); });
        std::sort(out.begin(), out.end());
        return out;
    };
    CHECK(found({"cafe"}) == std::vector<ComplaintId>{1});
    CHECK(found({"CAFÉ", "bezorger"}) == std::vector<ComplaintId>{1});
    CHECK(found({"bezorger"}) == std::vector<ComplaintId>{1, 2});
    CHECK(found({"bezorg*"}) == std::vector<ComplaintId>{1, 2});
    CHECK(found({"bezorg"}).empty());
    CHECK(found({"\"", "OR"}).empty());

    std::vector<SearchHit> hits;
    store->search({"laat"}, ListFilter{}, [&](const SearchHit& h) { hits.push_back(h); });
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].field == "note");
    std::string plain, marked;
    for (const auto& part : hits[0].snippet) {
        plain += part.text;
        if (part.highlighted)
            marked += part.text;
    }
    CHECK(plain == "De bezorger was te laat");
    CHECK(marked == "laat");
}
