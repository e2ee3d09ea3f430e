#include <ombud/error.hpp>
#include <ombud/model.hpp>

#include <doctest/doctest.h>

using namespace ombud;

TEST_CASE("complaint ids are written 42 or #42") {
    CHECK(parse_complaint_id("42") == 42);
    CHECK(parse_complaint_id("#42") == 42);
    CHECK(parse_complaint_id("#1") == 1);
    for (const char* bad :
         {"", "#", "0", "#0", "-3", "4x", "x4", "##4", " 4", "99999999999999999999"})
        CHECK_THROWS_AS(parse_complaint_id(bad), UsageError);
}

TEST_CASE("enum words round-trip and reject strangers") {
    for (auto s : {Status::open, Status::escalated, Status::waiting, Status::closed})
        CHECK(parse_status(to_string(s)) == s);
    for (auto p : {Priority::low, Priority::normal, Priority::high, Priority::urgent})
        CHECK(parse_priority(to_string(p)) == p);
    for (auto r : {CloseReason::resolved, CloseReason::rejected, CloseReason::duplicate,
                   CloseReason::withdrawn})
        CHECK(parse_close_reason(to_string(r)) == r);
    for (auto k : {EventKind::opened, EventKind::note, EventKind::escalated, EventKind::assigned,
                   EventKind::closed, EventKind::reopened})
        CHECK(parse_event_kind(to_string(k)) == k);
    CHECK(parse_direction("IN") == Direction::in);
    CHECK(parse_priority("High") == Priority::high);
    CHECK_THROWS_AS(parse_priority("critical"), UsageError);
    CHECK_THROWS_AS(parse_status("done"), UsageError);
    CHECK_THROWS_AS(parse_direction("sideways"), UsageError);
}

TEST_CASE("a bad word is answered with the accepted ones") {
    try {
        parse_priority("critical");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) ==
              "invalid --priority \"critical\": use one of low, normal, high, urgent");
        CHECK(e.code() == ExitCode::usage);
        CHECK(e.code_name() == "usage");
    }
}

TEST_CASE("channels are canonical names") {
    CHECK(parse_channel("Phone") == "phone");
    CHECK(parse_channel("inperson") == "in-person");
    CHECK(parse_channel("in-person") == "in-person");
    CHECK_THROWS_AS(parse_channel("pigeon"), UsageError);
}

TEST_CASE("overdue means open or escalated with a deadline behind us") {
    Complaint c;
    c.due = 1000;
    CHECK(c.overdue(1001));
    CHECK_FALSE(c.overdue(1000));
    c.status = Status::waiting;
    CHECK_FALSE(c.overdue(5000));
    c.status = Status::closed;
    CHECK_FALSE(c.overdue(5000));
    c.status = Status::escalated;
    c.due.reset();
    CHECK_FALSE(c.overdue(5000));
    c.escalation.emplace();
    c.escalation->level = 1;
    c.escalation->to = "maria";
    c.escalation->due = 2000;
    CHECK(c.overdue(2001));
    CHECK_FALSE(c.overdue(1999));
}

TEST_CASE("the next deadline is the earliest promise still to keep") {
    Complaint c;
    CHECK_FALSE(c.next_deadline());
    c.due = 3000;
    REQUIRE(c.next_deadline());
    CHECK(c.next_deadline()->at == 3000);
    CHECK(c.next_deadline()->kind == DeadlineKind::resolution);
    c.escalation.emplace();
    c.escalation->level = 1;
    c.escalation->to = "maria";
    CHECK(c.next_deadline()->at == 3000);
    c.escalation->due = 2000;
    CHECK(c.next_deadline()->at == 2000);
    CHECK(c.next_deadline()->kind == DeadlineKind::decision);
    c.response_due = 1500;
    CHECK(c.next_deadline()->kind == DeadlineKind::response);
    CHECK(c.deadlines().size() == 3);
    // An answer given keeps the response promise; it no longer counts.
    c.responded_at = 1400;
    CHECK(c.next_deadline()->at == 2000);
    CHECK(c.deadlines().size() == 2);
    c.due.reset();
    CHECK(c.next_deadline()->at == 2000);
}

TEST_CASE("waiting stops every clock, response included") {
    Complaint c;
    c.response_due = 1000;
    CHECK(c.overdue(1001));
    c.status = Status::waiting;
    CHECK(c.deadlines().empty());
    CHECK_FALSE(c.overdue(5000));
}

TEST_CASE("a member away names who stands in, only while away") {
    TeamMember m;
    m.name = "maria";
    m.deputy = "piet";
    CHECK_FALSE(m.away(100));
    CHECK_FALSE(m.stand_in(100));
    m.away_until = 200;
    CHECK(m.away(100));
    CHECK(m.stand_in(100) == "piet");
    CHECK_FALSE(m.away(200));
    m.away_deputy = "anna";
    CHECK(m.stand_in(150) == "anna");
}
