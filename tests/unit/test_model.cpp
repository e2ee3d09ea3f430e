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
    c.escalation = Escalation{1, "maria", std::nullopt, 2000};
    CHECK(c.overdue(2001));
    CHECK_FALSE(c.overdue(1999));
}

TEST_CASE("the next deadline is the earlier of the complaint's and the decision's") {
    Complaint c;
    CHECK_FALSE(c.next_deadline());
    c.due = 3000;
    CHECK(c.next_deadline() == 3000);
    c.escalation = Escalation{1, "maria", std::nullopt, std::nullopt};
    CHECK(c.next_deadline() == 3000);
    c.escalation->due = 2000;
    CHECK(c.next_deadline() == 2000);
    c.due.reset();
    CHECK(c.next_deadline() == 2000);
}
