#include <ombud/error.hpp>
#include <ombud/json.hpp>
#include <ombud/json_schema.hpp>

#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

using namespace ombud;

namespace {

using json::Json;

Json whole() {
    return Json::parse(json_schema::text());
}

std::vector<std::string> keys(const Json& object) {
    std::vector<std::string> out;
    for (const auto& [key, value] : object.items())
        out.push_back(key);
    return out;
}

// The keys a definition names, in order.
std::vector<std::string> properties(const std::string& name) {
    return keys(whole().at("$defs").at(name).at("properties"));
}

std::vector<std::string> words(const std::string& name) {
    return whole().at("$defs").at(name).at("enum").get<std::vector<std::string>>();
}

// Every `#/$defs/…` reference inside `value`.
void refs(const Json& value, std::set<std::string>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            if (key == "$ref")
                out.insert(child.get<std::string>());
            else
                refs(child, out);
        }
    } else if (value.is_array()) {
        for (const auto& child : value)
            refs(child, out);
    }
}

} // namespace

TEST_CASE("the schema is draft 2020-12 and names what commands print") {
    const Json s = whole();
    CHECK(s.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    const auto names = json_schema::names();
    for (const std::string& output : json_schema::outputs())
        CHECK_MESSAGE(std::find(names.begin(), names.end(), output) != names.end(), output);
    for (const char* name : {"complaint", "complaint_list", "complaint_with_events", "event_list",
                             "search_results", "check_report", "export_line", "error"}) {
        const auto outputs = json_schema::outputs();
        CHECK_MESSAGE(std::find(outputs.begin(), outputs.end(), name) != outputs.end(), name);
    }
    // Every reference resolves.
    std::set<std::string> all;
    refs(s, all);
    for (const std::string& ref : all) {
        REQUIRE(ref.starts_with("#/$defs/"));
        CHECK_MESSAGE(s.at("$defs").contains(ref.substr(8)), ref);
    }
}

TEST_CASE("the schema has the keys the JSON values have, in their order") {
    Complaint c;
    c.id = 1;
    c.title = "Parcel";
    c.owner = "anna";
    CHECK(keys(json::to_json(c)) == properties("complaint_fields"));
    CHECK(keys(json::to_json(Customer{})) == properties("customer"));
    CHECK(keys(json::to_json(Event{})) == properties("event_fields"));
    CHECK(keys(json::to_json(TeamMember{})) == properties("member_fields"));
    CHECK(keys(json::to_json(Holiday{})) == properties("holiday_fields"));
    c.escalation.emplace();
    c.escalation->level = 1;
    CHECK(keys(json::to_json(c)["escalation"]) == properties("escalation"));
    c.waiting_since = 0;
    CHECK(keys(json::to_json(c)["waiting"]) == properties("waiting"));
}

TEST_CASE("the schema's words are the model's") {
    std::vector<std::string> expected;
    for (auto s : {Status::open, Status::escalated, Status::waiting, Status::closed})
        expected.emplace_back(to_string(s));
    CHECK(words("status") == expected);
    expected.clear();
    for (auto p : {Priority::low, Priority::normal, Priority::high, Priority::urgent})
        expected.emplace_back(to_string(p));
    CHECK(words("priority") == expected);
    expected.assign(std::begin(channels), std::end(channels));
    CHECK(words("channel") == expected);
    expected.clear();
    for (int k = 0; k <= static_cast<int>(EventKind::resumed); ++k)
        expected.emplace_back(to_string(static_cast<EventKind>(k)));
    CHECK(words("event_kind") == expected);
    for (const std::string& kind : expected)
        CHECK_MESSAGE(whole().at("$defs").contains("event_data_" + kind), kind);
    expected.clear();
    for (auto r : {CloseReason::resolved, CloseReason::rejected, CloseReason::duplicate,
                   CloseReason::withdrawn})
        expected.emplace_back(to_string(r));
    CHECK(words("close_reason") == expected);
}

TEST_CASE("one definition is a schema of its own") {
    const Json d = json_schema::definition("complaint");
    CHECK(d.at("$schema") == "https://json-schema.org/draft/2020-12/schema");
    CHECK(d.at("$ref") == "#/$defs/complaint_fields");
    std::set<std::string> used;
    refs(d, used);
    for (const std::string& ref : used)
        CHECK_MESSAGE(d.at("$defs").contains(ref.substr(8)), ref);
    // Only what it reaches.
    CHECK_FALSE(d.at("$defs").contains("event"));
    CHECK_FALSE(d.at("$defs").contains("complaint"));
    // A definition that refers to nothing has no $defs.
    CHECK_FALSE(json_schema::definition("time").contains("$defs"));
}

TEST_CASE("an unknown definition is a usage error with a suggestion") {
    try {
        json_schema::definition("complain");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(std::string(e.what()) == "no definition \"complain\" in the schema");
        CHECK(e.hint() == "did you mean `complaint`?");
    }
    try {
        json_schema::definition("zzzz");
        FAIL("no error");
    } catch (const UsageError& e) {
        CHECK(e.hint().starts_with("what commands print: complaint, complaint_list"));
    }
}

TEST_CASE("summaries are the first words of a description") {
    CHECK(json_schema::summary("complaint") == "A complaint");
    CHECK(json_schema::summary("check_report") == "What check prints");
    CHECK(json_schema::summary("complaint_fields").size() > 0);
    CHECK(json_schema::summary("no such name").empty());
}
