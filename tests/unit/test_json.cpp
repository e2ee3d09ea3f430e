#include <ombud/json.hpp>

#include <doctest/doctest.h>

using namespace ombud;

TEST_CASE("a bare complaint has every key, absent values null") {
    Complaint c;
    c.id = 7;
    c.title = "Parcel";
    c.owner = "anna";
    c.created_at = 1795356300; // 2026-11-22T14:05:00Z
    c.updated_at = 1795356300;
    const auto j = json::to_json(c);
    for (const char* key : {"id", "title", "status", "priority", "category", "channel", "customer",
                            "owner", "handoffs", "escalation", "due", "created_at", "updated_at",
                            "closed_at", "close_reason", "resolution", "rating"})
        CHECK_MESSAGE(j.contains(key), key);
    CHECK(j["id"] == 7);
    CHECK(j["status"] == "open");
    CHECK(j["priority"] == "normal");
    CHECK(j["created_at"] == "2026-11-22T14:05:00Z");
    for (const char* key : {"category", "channel", "customer", "escalation", "due", "closed_at",
                            "close_reason", "resolution", "rating"})
        CHECK_MESSAGE(j[key].is_null(), key);
    CHECK_FALSE(j.contains("events"));
}

TEST_CASE("nested customer and escalation objects") {
    Complaint c;
    c.customer = Customer{3, "Jan", std::string("jan@example.com"), std::nullopt};
    c.escalation = Escalation{.level = 2,
                              .to = "maria",
                              .reason = std::string("refund"),
                              .due = 1795356300,
                              .since = 1795349100,
                              .by = std::string("jan"),
                              .instead_of = std::string("piet")};
    c.status = Status::escalated;
    c.close_reason = CloseReason::withdrawn;
    c.rating = 4;
    const auto j = json::to_json(c);
    CHECK(j["customer"] ==
          json::Json{{"id", 3}, {"name", "Jan"}, {"email", "jan@example.com"}, {"phone", nullptr}});
    CHECK(j["escalation"] == json::Json{{"level", 2},
                                        {"to", "maria"},
                                        {"reason", "refund"},
                                        {"due", "2026-11-22T14:05:00Z"},
                                        {"since", "2026-11-22T12:05:00Z"},
                                        {"by", "jan"},
                                        {"instead_of", "piet"}});
    CHECK(j["status"] == "escalated");
    CHECK(j["close_reason"] == "withdrawn");
    CHECK(j["rating"] == 4);
}

TEST_CASE("events carry their kind-specific data object") {
    Event e;
    e.id = 9;
    e.complaint_id = 7;
    e.at = 1795356300;
    e.actor = "anna";
    e.kind = EventKind::note;
    e.text = "Called";
    e.channel = "phone";
    e.direction = Direction::out;
    e.visible = true;
    auto j = json::to_json(e);
    CHECK(j == json::Json{{"id", 9},
                          {"complaint_id", 7},
                          {"at", "2026-11-22T14:05:00Z"},
                          {"actor", "anna"},
                          {"kind", "note"},
                          {"text", "Called"},
                          {"channel", "phone"},
                          {"direction", "out"},
                          {"visible", true},
                          {"data", json::Json::object()}});
    e.data = {{"to", "maria"}, {"level", 1}};
    e.text.reset();
    j = json::to_json(e);
    CHECK(j["data"]["to"] == "maria");
    CHECK(j["text"].is_null());
}

TEST_CASE("show adds the events in order") {
    Complaint c;
    Event a, b;
    a.id = 1;
    b.id = 2;
    const auto j = json::to_json(c, {a, b});
    REQUIRE(j["events"].size() == 2);
    CHECK(j["events"][0]["id"] == 1);
    CHECK(j["events"][1]["id"] == 2);
}

TEST_CASE("dump never throws on invalid UTF-8 and keeps escapes escaped") {
    Complaint c;
    c.title = std::string("bad \xff byte");
    c.owner = "\x1b[31mred";
    const std::string s = json::dump(json::to_json(c));
    CHECK(s.find("bad \xef\xbf\xbd byte") != std::string::npos);
    CHECK(s.find("\\u001b[31mred") != std::string::npos);
    CHECK(s.find('\x1b') == std::string::npos);
}
