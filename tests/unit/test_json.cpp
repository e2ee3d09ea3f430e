#include <ombud/json.hpp>
#include <ombud/text.hpp>

#include <doctest/doctest.h>

#include <string>
#include <vector>

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

namespace {

// Texts that stress the writer: every escape, controls, DEL, non-ASCII, bidi, invalid UTF-8.
const std::vector<std::string> nasty = {
    "",
    "plain",
    "quote \" and backslash \\ and slash /",
    "lines\nand\ttabs\rand\bback\fform",
    std::string("nul \0 inside", 12),
    "\x01\x1f\x7f controls and DEL",
    "Zoë, café, 漢字, emoji 🎉",
    "bidi \u202e reversed",
    "invalid \xff byte",
    "truncated \xe2\x82",
    "overlong \xc0\xaf",
    "surrogate \xed\xa0\x80 half",
};

// An export line as a Json: "type" first, then the members of `body`.
json::Json typed(const char* type, const json::Json& body) {
    json::Json j = {{"type", type}};
    for (const auto& [key, value] : body.items())
        j[key] = value;
    return j;
}

template <typename T> std::string appended(const T& x) {
    std::string out = "prefix:";
    json::append(out, x);
    return out;
}

} // namespace

TEST_CASE("append writes the bytes of dump(to_json) for every shape of complaint") {
    for (std::size_t i = 0; i < 4 * nasty.size(); ++i) {
        const std::string& t = nasty[i % nasty.size()];
        const auto some = [&](int bit) -> std::optional<std::string> {
            return (i >> bit) & 1 ? std::optional<std::string>(t) : std::nullopt;
        };
        Complaint c;
        c.id = static_cast<ComplaintId>(i * 7919 + 1);
        c.title = t;
        c.status = static_cast<Status>(i % 4);
        c.priority = static_cast<Priority>(i % 4);
        c.category = some(0);
        c.channel = some(1);
        if (i % 3)
            c.customer = Customer{static_cast<std::int64_t>(i), t, some(2), some(3)};
        c.owner = nasty[(i + 1) % nasty.size()];
        c.handoffs = static_cast<int>(i);
        if (i % 2)
            c.escalation =
                Escalation{.level = static_cast<int>(i % 3 + 1),
                           .to = t,
                           .reason = some(2),
                           .due = i % 4 ? std::optional<Timestamp>(1795428300 + i) : std::nullopt,
                           .since = 1795400000,
                           .by = some(3),
                           .instead_of = some(4)};
        c.due = (i % 5) ? std::optional<Timestamp>(1795500000 - 3600 * i) : std::nullopt;
        c.response_due = (i % 3) ? std::optional<Timestamp>(1795450000) : std::nullopt;
        c.responded_at = (i % 4 == 1) ? std::optional<Timestamp>(1795440000) : std::nullopt;
        if (i % 6 == 2) {
            c.waiting_since = 1795410000;
            c.waiting_until = (i % 4) ? std::optional<Timestamp>(1795600000) : std::nullopt;
        }
        c.created_at = 1795300000;
        c.updated_at = 1795300000 + static_cast<Timestamp>(i);
        c.closed_at = (i % 5 == 4) ? std::optional<Timestamp>(1795420000) : std::nullopt;
        if (i % 5 == 4)
            c.close_reason = static_cast<CloseReason>(i % 4);
        c.resolution = some(5);
        if (i % 6)
            c.rating = static_cast<int>(i % 5 + 1);
        c.escalation_level = c.escalation ? c.escalation->level : static_cast<int>(i % 3);
        CAPTURE(i);
        CHECK(appended(c) == "prefix:" + json::dump(json::to_json(c)));
        // As an export line: the customer by id, the escalation level kept, no next deadline.
        json::Json shown = json::to_json(c);
        json::Json expected = {{"type", "complaint"}};
        for (const auto& [key, value] : shown.items()) {
            if (key == "customer")
                expected["customer_id"] = c.customer ? json::Json(c.customer->id) : nullptr;
            else if (key != "next_deadline")
                expected[key] = value;
            if (key == "escalation")
                expected["escalation_level"] = c.escalation_level;
        }
        std::string line;
        json::append_record(line, c);
        CHECK(line == json::dump(expected));
        if (c.customer) {
            std::string customer_line;
            c.customer->created_at = 1795200000 + static_cast<Timestamp>(i);
            json::append_record(customer_line, *c.customer);
            json::Json customer = typed("customer", json::to_json(*c.customer));
            customer["created_at"] = format_rfc3339(c.customer->created_at);
            CHECK(customer_line == json::dump(customer));
        }
    }
}

TEST_CASE("append writes the bytes of dump(to_json) for every shape of event") {
    for (std::size_t i = 0; i < 2 * nasty.size(); ++i) {
        const std::string& t = nasty[i % nasty.size()];
        Event e;
        e.id = static_cast<std::int64_t>(i + 1);
        e.complaint_id = 42;
        e.at = 1795428300 + static_cast<Timestamp>(i);
        e.actor = t;
        e.kind = static_cast<EventKind>(i % 9);
        if (i % 2)
            e.text = t;
        if (i % 3)
            e.channel = "phone";
        if (i % 4)
            e.direction = i % 2 ? Direction::in : Direction::out;
        e.visible = i % 5 == 0;
        if (i % 3 == 1)
            e.data = {{"to", t}, {"level", i}, {"due", nullptr}, {"a", {{"nested", true}}}};
        CAPTURE(i);
        CHECK(appended(e) == "prefix:" + json::dump(json::to_json(e)));
        // As an export line: "type" first, then the same members.
        std::string line;
        json::append_record(line, e, json::dump(e.data));
        CHECK(line == json::dump(typed("event", json::to_json(e))));
    }
}

TEST_CASE("is_canonical accepts what dump writes and reads back the same") {
    std::vector<nlohmann::json> objects = {
        nlohmann::json::object(),
        {{"a", 1}},
        {{"due", "2026-11-22T14:05:00Z"}, {"from", nullptr}, {"level", 2}, {"to", "bram"}},
        {{"n", -42}, {"big", 999999999999999999}, {"zero", 0}, {"t", true}, {"f", false}},
        {{"list", {1, "two", nullptr, nlohmann::json::array(), nlohmann::json::object()}}},
        {{"customer", {{"email", nullptr}, {"name", "Zoë"}}}, {"z", {{"y", {{"x", 1}}}}}},
        {{"B", 1}, {"a", 2}, {"é", 3}, {"ä", 4}},
    };
    for (const std::string& t : nasty)
        if (!text::invalid_utf8_at(t))
            objects.push_back({{"text", t}, {"also", {t, t}}});
    std::string controls;
    for (char c = 0; c < 0x20; ++c)
        controls += c;
    objects.push_back({{"controls", controls + "\"\\/\x7f"}});
    for (const auto& o : objects) {
        const std::string text = json::dump(o);
        CAPTURE(text);
        CHECK(json::is_canonical(text));
        CHECK(json::dump(nlohmann::json::parse(text)) == text);
    }
}

TEST_CASE("is_canonical refuses what dump would write differently, and escaped keys") {
    for (const char* text : {
             "",
             "[]",
             "\"text\"",
             "1",
             "null",
             "{",
             "{}x",
             "{} ",
             " {}",
             "{\"a\": 1}",
             "{\"a\":1 }",
             "{\"b\":1,\"a\":2}", // keys out of order
             "{\"a\":1,\"a\":2}", // a key twice
             "{\"a\":1.5}",       // floats
             "{\"a\":1e5}",
             "{\"a\":-0}",
             "{\"a\":01}",
             "{\"a\":+1}",
             "{\"a\":1234567890123456789}", // 19 digits
             "{\"a\":\"\\/\"}",             // escapes dump does not write
             "{\"a\":\"\\u0041\"}",
             "{\"a\":\"\\u001F\"}",
             "{\"a\":\"\\u0008\"}",
             "{\"a\":\"\\ud83c\\udf89\"}",
             "{\"a\":\"\\x\"}",
             "{\"a\":\"\\u00\"}",
             "{\"a\":\"tab\there\"}", // a raw control character
             "{\"a\":\"\xff\"}",      // invalid UTF-8
             "{\"a\":\"\xe2\x82\"}",
             "{\"\\n\":1}", // escaped keys: left to the parser
             "{\"a\":tru}",
             "{\"a\":[1,]}",
             "{\"a\":[1 ]}",
             "{\"a\":}",
             "{\"a\"}",
             "{\"a\":1,}",
         }) {
        CAPTURE(text);
        CHECK_FALSE(json::is_canonical(text));
    }
    std::string deep = "{\"a\":";
    for (int i = 0; i < 100; ++i)
        deep += "[";
    for (int i = 0; i < 100; ++i)
        deep += "]";
    CHECK_FALSE(json::is_canonical(deep + "}"));
}

TEST_CASE("an exported event writes its stored data as dump(read_data) would") {
    Event e;
    e.id = 3;
    e.complaint_id = 2;
    e.at = 1795356300;
    e.actor = "anna";
    e.kind = EventKind::note;
    for (const std::string stored :
         {"{}", "{\"rating\":4,\"reason\":\"resolved\"}",
          "{\"reason\": \"resolved\", \"rating\": 4}", "{\"b\":1,\"a\":2}", "{\"a\":1.50}", "[1,2]",
          "not json", "", "{\"a\":\"\xff\"}", "{\"a\":\"\\u0041\"}"}) {
        CAPTURE(stored);
        std::string fast;
        json::append_record(fast, e, stored);
        Event parsed = e;
        parsed.data = json::read_data(stored);
        CHECK(fast == json::dump(typed("event", json::to_json(parsed))));
    }
    CHECK(json::read_data("[1,2]") == nlohmann::json::object());
    CHECK(json::read_data("{\"a\":1}")["a"] == 1);
}
