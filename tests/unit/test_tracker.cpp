#include "temp_dir.hpp"

#include <ombud/error.hpp>
#include <ombud/tracker.hpp>

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <fmt/format.h>

#include <algorithm>

using namespace ombud;
using ombud::test::TempDir;

namespace {

constexpr Timestamp t0 = 1795356300;

struct Fixture {
    TempDir dir;
    std::unique_ptr<Store> store = Store::open(dir.file("o.db"), OpenMode::write);

    Tracker as(const std::string& who, Timestamp at = t0) { return Tracker(*store, who, at); }

    std::vector<Event> events(ComplaintId id) { return as("x").show(id).second; }

    ComplaintId open_one(const std::string& title = "Parcel damaged") {
        OpenRequest r;
        r.title = title;
        return as("anna").open(r).id;
    }
};

} // namespace

TEST_CASE_FIXTURE(Fixture, "open records the complaint, its customer and an opened event") {
    OpenRequest r;
    r.title = "Parcel damaged";
    r.customer = CustomerInput{"Jan", std::string("jan@example.com"), std::nullopt};
    r.channel = "phone";
    r.priority = Priority::high;
    r.due = t0 + 3600;
    r.note = "The box was crushed";
    const Complaint c = as("anna").open(r);
    CHECK(c.id == 1);
    CHECK(c.owner == "anna");
    CHECK(c.status == Status::open);
    REQUIRE(c.customer);
    CHECK(c.customer->name == "Jan");
    CHECK(c.created_at == t0);

    const auto ev = events(c.id);
    REQUIRE(ev.size() == 2);
    CHECK(ev[0].kind == EventKind::opened);
    CHECK(ev[0].actor == "anna");
    CHECK(ev[0].data["owner"] == "anna");
    CHECK(ev[0].data["priority"] == "high");
    CHECK(ev[1].kind == EventKind::note);
    CHECK(ev[1].text == "The box was crushed");
    CHECK(ev[1].direction == Direction::in);
    CHECK(ev[1].channel == "phone");
    CHECK_FALSE(ev[1].visible);

    OpenRequest second;
    second.title = "Again";
    second.owner = "bob";
    const Complaint d = as("anna").open(second);
    CHECK(d.id == 2);
    CHECK(d.owner == "bob");
}

TEST_CASE_FIXTURE(Fixture, "a customer given only by e-mail is named by it until named") {
    OpenRequest r;
    r.title = "First";
    r.customer = CustomerInput{"", std::string("piet@example.com"), std::nullopt};
    const Complaint first = as("anna").open(r);
    REQUIRE(first.customer);
    CHECK(first.customer->name == "piet@example.com");
    r.customer->name = "Piet Bakker";
    const Complaint second = as("anna").open(r);
    CHECK(second.customer->id == first.customer->id);
    CHECK(second.customer->name == "Piet Bakker");
    r.customer = CustomerInput{"", std::nullopt, std::nullopt};
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "note appends and moves the activity time, also when closed") {
    const auto id = open_one();
    NoteRequest n;
    n.text = "Called back";
    n.channel = "phone";
    n.direction = Direction::out;
    n.visible = true;
    const Complaint c = as("bob", t0 + 60).note(id, n);
    CHECK(c.updated_at == t0 + 60);
    as("bob", t0 + 120).close(id, {});
    n.text = "Letter arrived after closing";
    CHECK(as("bob", t0 + 180).note(id, n).status == Status::closed);
    const auto ev = events(id);
    REQUIRE(ev.size() == 4);
    CHECK(ev[1].actor == "bob");
    CHECK(ev[1].visible);
    CHECK(ev[1].direction == Direction::out);
    CHECK(ev[3].text == "Letter arrived after closing");
    CHECK_THROWS_AS(as("bob").note(99, n), NotFoundError);
}

TEST_CASE_FIXTURE(Fixture, "escalation raises the level and keeps the owner") {
    const auto id = open_one();
    const Complaint first = as("anna").escalate(id, {"maria", std::string("refund"), t0 + 7200});
    CHECK(first.status == Status::escalated);
    REQUIRE(first.escalation);
    CHECK(first.escalation->level == 1);
    CHECK(first.owner == "anna");
    const Complaint second = as("maria").escalate(id, {"director", std::nullopt, std::nullopt});
    CHECK(second.escalation->level == 2);
    CHECK(second.escalation->to == "director");
    const auto ev = events(id);
    REQUIRE(ev.size() == 3);
    CHECK(ev[2].data["from"] == "maria");
    CHECK(ev[2].data["level"] == 2);
    CHECK(ev[1].text == "refund");
}

TEST_CASE_FIXTURE(Fixture, "close, then reopen clears the close") {
    const auto id = open_one();
    as("anna").escalate(id, {"maria", std::nullopt, std::nullopt});
    CloseRequest r;
    r.resolution = "Refunded";
    r.reason = CloseReason::resolved;
    r.rating = 4;
    const Complaint closed = as("anna", t0 + 10).close(id, r);
    CHECK(closed.status == Status::closed);
    CHECK(closed.closed_at == t0 + 10);
    CHECK(closed.rating == 4);
    CHECK_FALSE(closed.escalation);
    CHECK_THROWS_AS(as("anna").close(id, r), ConflictError);
    CHECK_THROWS_AS(as("anna").escalate(id, {"maria", std::nullopt, std::nullopt}), ConflictError);
    CHECK_THROWS_AS(as("anna").assign(id, "bob", "why"), ConflictError);

    const Complaint again = as("anna", t0 + 20).reopen(id, std::string("Invoice came again"));
    CHECK(again.status == Status::open);
    CHECK_FALSE(again.closed_at);
    CHECK_FALSE(again.close_reason);
    CHECK_FALSE(again.resolution);
    CHECK_FALSE(again.rating);
    CHECK_THROWS_AS(as("anna").reopen(id, std::nullopt), ConflictError);
    const auto ev = events(id);
    REQUIRE(ev.size() == 4);
    CHECK(ev[2].kind == EventKind::closed);
    CHECK(ev[2].data["rating"] == 4);
    CHECK(ev[3].kind == EventKind::reopened);
    CHECK(ev[3].data["previous_close_reason"] == "resolved");

    r.rating = 6;
    CHECK_THROWS_AS(as("anna").close(id, r), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "deadlines lie ahead, within a hundred years") {
    OpenRequest r;
    r.title = "x";
    r.due = t0;
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
    r.due = t0 + Timestamp{101} * 365 * 24 * 3600;
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
    CHECK(store->max_complaint_id() == 0);
    r.due = t0 + 1;
    const auto id = as("anna").open(r).id;
    CHECK_THROWS_AS(as("anna").escalate(id, {"maria", std::nullopt, t0 - 60}), UsageError);
    CHECK(as("anna").escalate(id, {"maria", std::nullopt, t0 + 60}).escalation->due == t0 + 60);
}

TEST_CASE_FIXTURE(Fixture, "assignment needs a reason and counts hand-offs") {
    const auto id = open_one();
    const Complaint c = as("anna").assign(id, "bob", "Bob does refunds");
    CHECK(c.owner == "bob");
    CHECK(c.handoffs == 1);
    CHECK_THROWS_AS(as("anna").assign(id, "bob", "again"), ConflictError);
    CHECK_THROWS_AS(as("anna").assign(id, "carol", " "), UsageError);
    CHECK(as("bob").assign(id, "carol", "holiday").handoffs == 2);
    const auto ev = events(id);
    REQUIRE(ev.size() == 3);
    CHECK(ev[1].data["from"] == "anna");
    CHECK(ev[1].data["to"] == "bob");
    CHECK(ev[2].data["handoffs"] == 2);
}

TEST_CASE_FIXTURE(Fixture, "open_batch opens all, tells new customers and team members") {
    std::vector<OpenRequest> batch(3);
    batch[0].title = "First";
    batch[0].customer = CustomerInput{"Jan", std::nullopt, std::nullopt};
    batch[0].owner = "maria";
    batch[1].title = "Second";
    batch[1].customer = CustomerInput{"jan", std::nullopt, std::nullopt};
    batch[1].owner = "maria";
    batch[2].title = "Third";
    batch[2].customer = CustomerInput{"", std::string("piet@example.com"), std::nullopt};
    batch[2].at = t0 - 86400;
    std::vector<std::string> warnings;
    Tracker t = as("anna");
    t.on_warning([&](const std::string& w) { warnings.push_back(w); });
    const BatchReport r = t.open_batch(batch, {});
    CHECK(r.written);
    REQUIRE(r.opened.size() == 3);
    CHECK(r.opened[2].id == 3);
    CHECK(r.opened[2].created_at == t0 - 86400);
    CHECK(r.refused.empty());
    CHECK(r.new_customers == std::vector<std::string>{"Jan", "piet@example.com"});
    CHECK(r.new_members == std::vector<std::string>{"maria"});
    // As `open` warns of a name new to the team.
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].starts_with("maria is new to the team"));
    CHECK(store->max_complaint_id() == 3);
}

TEST_CASE_FIXTURE(Fixture, "open_batch with a refused request writes nothing unless told to skip") {
    open_one("Existing");
    as("anna").team_add({"anna", std::nullopt, std::nullopt});
    OpenRequest ok;
    ok.title = "Fine";
    ok.customer = CustomerInput{"Kees", std::nullopt, std::nullopt};
    OpenRequest typo = ok;
    typo.title = "Owner mistyped";
    typo.owner = "Anna";
    OpenRequest blank;
    blank.title = " ";
    const std::vector<OpenRequest> batch = {ok, typo, blank, ok};

    BatchReport r = as("anna").open_batch(batch, {});
    CHECK_FALSE(r.written);
    REQUIRE(r.refused.size() == 2);
    CHECK(r.refused[0].index == 1);
    CHECK(r.refused[0].field == "owner");
    CHECK(r.refused[0].problem == "Anna is not on the team; did you mean anna?");
    CHECK(r.refused[1].index == 2);
    CHECK(r.refused[1].field == "");
    CHECK(r.refused[1].problem == "the title is empty");
    CHECK(store->max_complaint_id() == 1);
    CHECK_FALSE(store->find_customer({"Kees", std::nullopt, std::nullopt}));

    r = as("anna").open_batch(batch, {.skip_refused = true});
    CHECK(r.written);
    CHECK(r.refused.size() == 2);
    REQUIRE(r.opened.size() == 2);
    CHECK(r.opened[0].id == 2);
    CHECK(r.opened[1].id == 3);
    CHECK(r.new_customers == std::vector<std::string>{"Kees"});
    CHECK(store->max_complaint_id() == 3);
}

TEST_CASE_FIXTURE(Fixture, "open_batch as a dry run tells all and writes nothing") {
    OpenRequest r;
    r.title = "Would be";
    r.owner = "piet";
    r.customer = CustomerInput{"Jan", std::nullopt, std::nullopt};
    std::vector<std::string> warnings;
    Tracker t = as("anna");
    t.on_warning([&](const std::string& w) { warnings.push_back(w); });
    const BatchReport report = t.open_batch({r, r}, {.dry_run = true});
    CHECK_FALSE(report.written);
    CHECK(report.opened.size() == 2);
    CHECK(report.new_customers == std::vector<std::string>{"Jan"});
    CHECK(report.new_members == std::vector<std::string>{"piet"});
    CHECK(warnings.empty());
    CHECK(store->max_complaint_id() == 0);
    CHECK(store->team().empty());
    CHECK_FALSE(store->find_customer({"Jan", std::nullopt, std::nullopt}));
}

namespace {

// What `search` finds for `query`, by complaint number.
std::vector<ComplaintId> found(Tracker t, const std::string& query) {
    std::vector<ComplaintId> ids;
    ListFilter all;
    all.include_closed = true;
    t.search(query, all, [&](const SearchHit& h) { ids.push_back(h.complaint.id); });
    std::sort(ids.begin(), ids.end());
    return ids;
}

// FTS5's own check of an index against the table it indexes; throws when they differ.
void check_index(const std::string& file, const char* index) {
    SQLite::Database db(file, SQLite::OPEN_READWRITE);
    db.exec(fmt::format("INSERT INTO {0} ({0}) VALUES ('integrity-check')", index));
}

int triggers(const std::string& file) {
    SQLite::Database db(file, SQLite::OPEN_READONLY);
    return db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'").getInt();
}

} // namespace

TEST_CASE_FIXTURE(Fixture, "a large batch is indexed for search as a small one is") {
    open_one("Before the batch");
    const int before = triggers(dir.file("o.db"));
    std::vector<OpenRequest> batch;
    for (int i = 1; i <= 120; ++i) {
        OpenRequest r;
        r.title = fmt::format("Batch item {}", i);
        r.customer = CustomerInput{fmt::format("Zoë Bakker {}", i), std::nullopt, std::nullopt};
        if (i % 3 == 0)
            r.note = "the kettle whistles";
        batch.push_back(r);
    }
    SUBCASE("open_batch") {
        CHECK(as("anna").open_batch(batch, {}).written);
    }
    SUBCASE("open_all") {
        CHECK(as("anna").open_all(batch).size() == 120);
    }

    CHECK(found(as("x"), "kettle").size() == 40);
    CHECK(found(as("x"), "zoe").size() == 120);
    CHECK(found(as("x"), "batch item 77") == std::vector<ComplaintId>{78});
    CHECK(found(as("x"), "before") == std::vector<ComplaintId>{1});
    for (const char* index : {"title_index", "text_index", "customer_index"})
        CHECK_NOTHROW(check_index(dir.file("o.db"), index));
    // The triggers are back, so the next complaint is indexed as it is written.
    CHECK(triggers(dir.file("o.db")) == before);
    open_one("After the kettle");
    CHECK(found(as("x"), "kettle").size() == 41);
}

TEST_CASE_FIXTURE(Fixture, "a large batch rolled back leaves the indexing as it was") {
    open_one("Before the batch");
    const int before = triggers(dir.file("o.db"));
    std::vector<OpenRequest> batch(80);
    for (auto& r : batch)
        r.title = "Kettle";
    batch.back().title = ""; // refused: no title
    CHECK_FALSE(as("anna").open_batch(batch, {}).written);
    CHECK_FALSE(as("anna").open_batch({batch.begin(), batch.end() - 1}, {.dry_run = true}).written);
    CHECK(triggers(dir.file("o.db")) == before);
    CHECK(found(as("x"), "kettle").empty());
    open_one("Kettle again");
    CHECK(found(as("x"), "kettle") == std::vector<ComplaintId>{2});
}

TEST_CASE_FIXTURE(Fixture, "bad text is refused before anything is written") {
    OpenRequest r;
    r.title = std::string("bad \xc3\x28 utf-8");
    try {
        as("anna").open(r);
        FAIL("accepted invalid UTF-8");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "the title is not valid UTF-8 (bad byte at offset 4)");
    }
    r.title = std::string(max_title_bytes + 1, 'x');
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
    r.title = "   ";
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
    r.title = std::string("nul\0byte", 8);
    CHECK_THROWS_AS(as("anna").open(r), UsageError);
    CHECK(store->max_complaint_id() == 0);
    CHECK_THROWS_AS(Tracker(*store, "", t0), UsageError);
}

TEST_CASE_FIXTURE(Fixture, "history and list refuse unknown customers and complaints") {
    open_one();
    HistoryFilter h;
    h.customer = "nobody";
    CHECK_THROWS_AS(as("x").history(h, [](const Event&) {}), NotFoundError);
    h = {};
    h.complaint_id = 5;
    CHECK_THROWS_AS(as("x").history(h, [](const Event&) {}), NotFoundError);
    ListFilter l;
    l.customer = "nobody@example.com";
    CHECK_THROWS_AS(as("x").list(l, [](const Complaint&) {}), NotFoundError);
    CHECK_THROWS_AS(as("x").get(5), NotFoundError);
}

TEST_CASE_FIXTURE(Fixture, "history of one complaint is oldest first, the log newest first") {
    const auto a = open_one("a");
    as("anna", t0 + 10).note(a, {"later", std::nullopt, std::nullopt, false});
    std::vector<std::string> kinds;
    HistoryFilter h;
    h.complaint_id = a;
    as("x").history(h, [&](const Event& e) { kinds.emplace_back(to_string(e.kind)); });
    CHECK(kinds == std::vector<std::string>{"opened", "note"});
    kinds.clear();
    as("x").history({}, [&](const Event& e) { kinds.emplace_back(to_string(e.kind)); });
    CHECK(kinds == std::vector<std::string>{"note", "opened"});
    as("anna", t0 + 20).close(a, {});
    kinds.clear();
    h.limit = 2;
    as("x").history(h, [&](const Event& e) { kinds.emplace_back(to_string(e.kind)); });
    CHECK(kinds == std::vector<std::string>{"note", "closed"});
}
