#include <ombud/business_time.hpp>
#include <ombud/error.hpp>
#include <ombud/json.hpp>
#include <ombud/policy.hpp>
#include <ombud/text.hpp>
#include <ombud/tracker.hpp>
#include <ombud/transfer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <limits>
#include <vector>

namespace ombud::transfer {
namespace {

using json::Json;

// One line of input being read: every complaint about it names the line and the field.
class Record {
  public:
    Record(const Json& j, std::size_t line, const char* where = "line",
           const char* hint = "an import reads what `ombud export` writes")
        : j_(j), line_(line), where_(where), hint_(hint) {}

    [[noreturn]] void fail(std::string_view field, std::string_view problem) const {
        throw UsageError(fmt::format("{} {}: \"{}\" {}", where_, line_, field, problem), hint_);
    }

    bool has(const char* field) const {
        const auto it = j_.find(field);
        return it != j_.end() && !it->is_null();
    }

    const Json& get(const char* field) const {
        const auto it = j_.find(field);
        if (it == j_.end())
            fail(field, "is missing");
        return *it;
    }

    std::string text(const char* field, std::size_t max_bytes) const {
        const Json& v = get(field);
        if (!v.is_string())
            fail(field, "must be a string");
        const auto& s = v.get_ref<const std::string&>();
        try {
            validate_text(s, field, max_bytes);
        } catch (const UsageError& e) {
            fail(field, fmt::format("is not acceptable: {}", e.what()));
        }
        return s;
    }

    std::optional<std::string> opt_text(const char* field, std::size_t max_bytes) const {
        return get(field).is_null() ? std::nullopt : std::optional(text(field, max_bytes));
    }

    std::int64_t integer(const char* field, std::int64_t min, std::int64_t max) const {
        const Json& v = get(field);
        if (!v.is_number_integer())
            fail(field, "must be a whole number");
        const auto n = v.get<std::int64_t>();
        if (n < min || n > max)
            fail(field, fmt::format("must be from {} to {}", min, max));
        return n;
    }

    std::optional<std::int64_t> opt_integer(const char* field, std::int64_t min,
                                            std::int64_t max) const {
        return get(field).is_null() ? std::nullopt : std::optional(integer(field, min, max));
    }

    Timestamp time(const char* field) const {
        const Json& v = get(field);
        if (!v.is_string())
            fail(field, "must be an RFC 3339 time");
        try {
            return parse_rfc3339(v.get<std::string>());
        } catch (const UsageError& e) {
            fail(field, fmt::format("is wrong: {}", e.what()));
        }
    }

    std::optional<Timestamp> opt_time(const char* field) const {
        return get(field).is_null() ? std::nullopt : std::optional(time(field));
    }

    template <typename Parse> auto word(const char* field, Parse parse) const {
        const std::string w = text(field, max_name_bytes);
        try {
            return parse(w);
        } catch (const UsageError& e) {
            fail(field, fmt::format("is wrong: {}", e.what()));
        }
    }

    const Json& json() const { return j_; }
    std::size_t line() const { return line_; }

  private:
    const Json& j_;
    std::size_t line_;
    const char* where_;
    const char* hint_;
};

constexpr std::int64_t max_id = std::numeric_limits<std::int64_t>::max();

Customer read_customer(const Record& r) {
    Customer c;
    c.id = r.integer("id", 1, max_id);
    c.name = r.text("name", max_name_bytes);
    c.email = r.opt_text("email", max_name_bytes);
    c.phone = r.opt_text("phone", max_name_bytes);
    c.created_at = r.time("created_at");
    return c;
}

// Fields added in version 2 of the export; a version 1 export lacks them, and they read as null.
std::optional<Timestamp> since_v2(const Record& r, int version, const char* field) {
    return version < 2 && !r.json().contains(field) ? std::nullopt : r.opt_time(field);
}

std::optional<std::string> text_since_v2(const Record& r, int version, const char* field) {
    return version < 2 && !r.json().contains(field) ? std::nullopt
                                                    : r.opt_text(field, max_name_bytes);
}

Complaint read_complaint(const Record& r, int version) {
    Complaint c;
    c.id = r.integer("id", 1, max_id);
    c.title = r.text("title", max_title_bytes);
    c.status = r.word("status", [](const std::string& w) { return parse_status(w); });
    c.priority = r.word("priority", [](const std::string& w) { return parse_priority(w); });
    c.category = r.opt_text("category", max_name_bytes);
    if (!r.get("channel").is_null())
        c.channel = r.word("channel", [](const std::string& w) { return parse_channel(w); });
    if (const auto id = r.opt_integer("customer_id", 1, max_id))
        c.customer.emplace().id = *id;
    c.owner = r.text("owner", max_name_bytes);
    c.handoffs = static_cast<int>(r.integer("handoffs", 0, 1'000'000'000));
    if (const Json& e = r.get("escalation"); !e.is_null()) {
        if (!e.is_object())
            r.fail("escalation", "must be an object or null");
        const Record er(e, r.line(), "line");
        c.escalation = Escalation{.level = static_cast<int>(er.integer("level", 1, 1'000'000)),
                                  .to = er.text("to", max_name_bytes),
                                  .reason = er.opt_text("reason", max_text_bytes),
                                  .due = er.opt_time("due"),
                                  .since = since_v2(er, version, "since"),
                                  .by = text_since_v2(er, version, "by"),
                                  .instead_of = text_since_v2(er, version, "instead_of")};
    }
    c.escalation_level = version < 2
                             ? (c.escalation ? c.escalation->level : 0)
                             : static_cast<int>(r.integer("escalation_level", 0, 1'000'000));
    if (c.escalation && c.escalation->level != c.escalation_level)
        r.fail("escalation_level", "must be the level of the escalation under way");
    c.due = r.opt_time("due");
    c.response_due = since_v2(r, version, "response_due");
    c.responded_at = since_v2(r, version, "responded_at");
    if (version >= 2) {
        if (const Json& w = r.get("waiting"); !w.is_null()) {
            if (!w.is_object())
                r.fail("waiting", "must be an object or null");
            const Record wr(w, r.line(), "line");
            c.waiting_since = wr.time("since");
            c.waiting_until = wr.opt_time("until");
        }
    }
    c.created_at = r.time("created_at");
    c.updated_at = r.time("updated_at");
    c.closed_at = r.opt_time("closed_at");
    if (!r.get("close_reason").is_null())
        c.close_reason =
            r.word("close_reason", [](const std::string& w) { return parse_close_reason(w); });
    c.resolution = r.opt_text("resolution", max_text_bytes);
    if (const auto rating = r.opt_integer("rating", 1, 5))
        c.rating = static_cast<int>(*rating);
    // The rules the database itself keeps, said per field rather than as a failed CHECK.
    if ((c.status == Status::closed) != c.closed_at.has_value())
        r.fail("closed_at", "must be set exactly when the status is closed");
    if ((c.status == Status::waiting) != c.waiting_since.has_value())
        r.fail("waiting", "must be set exactly when the status is waiting");
    // And those `ombud db check` adds, so an import cannot bring in what the check would flag.
    if ((c.status == Status::escalated) != c.escalation.has_value())
        r.fail("escalation", "must be set exactly when the status is escalated");
    if (c.updated_at < c.created_at)
        r.fail("updated_at", "must not be before \"created_at\"");
    return c;
}

TeamMember read_member(const Record& r) {
    TeamMember m;
    m.name = r.text("name", max_name_bytes);
    m.email = r.opt_text("email", max_name_bytes);
    m.deputy = r.opt_text("deputy", max_name_bytes);
    m.away_until = r.opt_time("away_until");
    m.away_deputy = r.opt_text("away_deputy", max_name_bytes);
    const Json& by_use = r.get("added_by_use");
    if (!by_use.is_boolean())
        r.fail("added_by_use", "must be true or false");
    m.added_by_use = by_use.get<bool>();
    m.created_at = r.time("created_at");
    return m;
}

Event read_event(const Record& r) {
    Event e;
    e.id = r.integer("id", 1, max_id);
    e.complaint_id = r.integer("complaint_id", 1, max_id);
    e.at = r.time("at");
    e.actor = r.text("actor", max_name_bytes);
    e.kind = r.word("kind", [](const std::string& w) { return parse_event_kind(w); });
    e.text = r.opt_text("text", max_text_bytes);
    if (!r.get("channel").is_null())
        e.channel = r.word("channel", [](const std::string& w) { return parse_channel(w); });
    if (!r.get("direction").is_null())
        e.direction = r.word("direction", [](const std::string& w) { return parse_direction(w); });
    const Json& visible = r.get("visible");
    if (!visible.is_boolean())
        r.fail("visible", "must be true or false");
    e.visible = visible.get<bool>();
    const Json& data = r.get("data");
    if (!data.is_object())
        r.fail("data", "must be an object");
    e.data = nlohmann::json::parse(data.dump());
    return e;
}

// One complaint to open, from its JSON object.
OpenRequest read_open_request(const Record& r, Timestamp now) {
    static constexpr std::string_view fields[] = {"title",   "customer", "email",    "phone",
                                                  "channel", "category", "priority", "owner",
                                                  "due",     "note",     "at"};
    for (const auto& [key, value] : r.json().items()) {
        if (std::find(std::begin(fields), std::end(fields), key) != std::end(fields))
            continue;
        std::string_view best;
        std::size_t best_distance = 3;
        for (const auto field : fields) {
            if (const std::size_t d = text::edit_distance(key, field); d < best_distance) {
                best_distance = d;
                best = field;
            }
        }
        r.fail(key, best.empty() ? std::string("is not a field of a complaint")
                                 : fmt::format("is not a field of a complaint; did you mean "
                                               "\"{}\"?",
                                               best));
    }
    OpenRequest o;
    o.title = r.text("title", max_title_bytes);
    if (r.has("customer") || r.has("email") || r.has("phone")) {
        const auto optional = [&](const char* field) {
            return r.has(field) ? std::optional(r.text(field, max_name_bytes)) : std::nullopt;
        };
        o.customer =
            CustomerInput{optional("customer").value_or(""), optional("email"), optional("phone")};
    }
    if (r.has("channel"))
        o.channel =
            r.word("channel", [](const std::string& w) { return parse_channel(w, "channel"); });
    if (r.has("category"))
        o.category = r.text("category", max_name_bytes);
    if (r.has("priority"))
        o.priority =
            r.word("priority", [](const std::string& w) { return parse_priority(w, "priority"); });
    if (r.has("owner"))
        o.owner = r.text("owner", max_name_bytes);
    if (r.has("due"))
        o.due = r.word("due",
                       [&](const std::string& w) { return parse_when(w, now, WhenUse::deadline); });
    if (r.has("note"))
        o.note = r.text("note", max_text_bytes);
    if (r.has("at"))
        o.at =
            r.word("at", [&](const std::string& w) { return parse_when(w, now, WhenUse::since); });
    return o;
}

} // namespace

void export_ndjson(Store& store, const std::function<void(const std::string&)>& line) {
    line(json::dump(Json{{"type", "ombud_export"}, {"version", export_version}}));
    std::string buffer;
    const auto record = [&buffer](const auto&... row) -> const std::string& {
        buffer.clear();
        json::append_record(buffer, row...);
        return buffer;
    };
    const auto typed = [](const char* type, Json body) {
        Json j = {{"type", type}};
        for (auto& [key, value] : body.items())
            j[key] = std::move(value);
        return j;
    };
    store.dump({
        .setting =
            [&](const Setting& s) {
                line(json::dump(Json{{"type", "setting"}, {"key", s.key}, {"value", s.value}}));
            },
        .holiday = [&](const Holiday& h) { line(json::dump(typed("holiday", json::to_json(h)))); },
        .member =
            [&](const TeamMember& m) {
                Json j = typed("member", json::to_json(m));
                j["created_at"] = format_rfc3339(m.created_at);
                line(json::dump(j));
            },
        // Customers, complaints and events are nearly every line: written straight into a
        // buffer.
        .customer = [&](const Customer& c) { line(record(c)); },
        .complaint = [&](const Complaint& c) { line(record(c)); },
        .event = [&](const Event& e, std::string_view data) { line(record(e, data)); },
    });
}

ImportReport import_ndjson(Store& store, std::istream& in) {
    ImportReport report;
    store.write([&] {
        if (!store.empty())
            throw ConflictError("the database already holds data; an import needs an empty "
                                "one",
                                "import into a new file with --db NEW.db");
        // Every row gets a new id in an empty file: index them at the end, not one by one.
        store.bulk([&] {
            // Ids ascend within each kind, as an export writes them: uniqueness is then a
            // comparison with the last one, and a reference a binary search.
            std::vector<std::int64_t> customers, complaints;
            std::int64_t last_event = 0;
            const auto holds = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
                return std::binary_search(ids.begin(), ids.end(), id);
            };
            const auto ascend = [&](const Record& r, std::vector<std::int64_t>& ids,
                                    std::int64_t id) {
                if (!ids.empty() && id <= ids.back())
                    r.fail("id",
                           fmt::format("is {}, not above the previous one ({})", id, ids.back()));
                ids.push_back(id);
            };
            std::string text;
            std::size_t n = 0;
            bool header = false;
            int version = 0;
            // The order of the kinds of records: settings, holidays, team, customers, complaints,
            // events.
            int stage = 0;
            std::string last_key;
            while (std::getline(in, text)) {
                ++n;
                if (text.empty() || text == "\r")
                    continue;
                const Json j = Json::parse(text, nullptr, false);
                if (j.is_discarded() || !j.is_object())
                    throw UsageError(fmt::format("line {}: not a JSON object", n),
                                     "an import reads what `ombud export` writes");
                const Record r(j, n);
                const std::string type = r.text("type", 32);
                if (!header) {
                    if (type != "ombud_export")
                        r.fail("type", "must be \"ombud_export\" on the first line: this is not an "
                                       "ombud export");
                    version = static_cast<int>(r.integer("version", 0, 1'000'000));
                    if (version < 1 || version > export_version)
                        r.fail("version", fmt::format("is not one this ombud reads (1 to {})",
                                                      export_version));
                    header = true;
                    continue;
                }
                const auto order = [&](int s) {
                    if (s < stage)
                        r.fail("type", "comes too late: settings, holidays, team, customers, "
                                       "complaints, then events");
                    if (s != stage)
                        last_key.clear();
                    stage = s;
                };
                // Settings, holidays and members each once, in the order an export writes them.
                const auto ascend_key = [&](const char* field, const std::string& key) {
                    if (!last_key.empty() && key <= last_key)
                        r.fail(field, fmt::format("\"{}\" is not after the previous one (\"{}\")",
                                                  key, last_key));
                    last_key = key;
                };
                if (type == "setting" && version >= 2) {
                    order(0);
                    const std::string key = r.text("key", max_name_bytes);
                    std::string value = r.text("value", max_text_bytes);
                    try {
                        setting_spec(key);
                    } catch (const UsageError& e) {
                        r.fail("key", fmt::format("is wrong: {}", e.what()));
                    }
                    try {
                        value = check_setting(key, value);
                    } catch (const UsageError& e) {
                        r.fail("value", fmt::format("is wrong: {}", e.what()));
                    }
                    ascend_key("key", key);
                    store.set_setting(key, value);
                    ++report.settings;
                } else if (type == "holiday" && version >= 2) {
                    order(1);
                    Holiday h{r.text("date", 10), r.opt_text("name", max_name_bytes)};
                    try {
                        h.day = format_local_date(parse_local_date(h.day));
                    } catch (const UsageError& e) {
                        r.fail("date", fmt::format("is wrong: {}", e.what()));
                    }
                    ascend_key("date", h.day);
                    store.add_holiday(h);
                    ++report.holidays;
                } else if (type == "member" && version >= 2) {
                    order(2);
                    const TeamMember m = read_member(r);
                    ascend_key("name", m.name);
                    store.save_member(m);
                    ++report.members;
                } else if (type == "customer") {
                    order(3);
                    const Customer c = read_customer(r);
                    ascend(r, customers, c.id);
                    store.insert_customer(c);
                    ++report.customers;
                } else if (type == "complaint") {
                    order(4);
                    const Complaint c = read_complaint(r, version);
                    if (c.customer && !holds(customers, c.customer->id))
                        r.fail("customer_id",
                               fmt::format("names customer {}, which no earlier line "
                                           "holds",
                                           c.customer->id));
                    ascend(r, complaints, c.id);
                    store.insert_complaint(c);
                    ++report.complaints;
                } else if (type == "event") {
                    order(5);
                    const Event e = read_event(r);
                    if (!holds(complaints, e.complaint_id))
                        r.fail("complaint_id", fmt::format("names complaint #{}, which no earlier "
                                                           "line holds",
                                                           e.complaint_id));
                    if (e.id <= last_event)
                        r.fail("id", fmt::format("is {}, not above the previous one ({})", e.id,
                                                 last_event));
                    last_event = e.id;
                    store.append_event(e);
                    ++report.events;
                } else {
                    r.fail("type", version >= 2 ? "must be setting, holiday, member, customer, "
                                                  "complaint or event"
                                                : "must be customer, complaint or event");
                }
            }
            if (!header)
                throw UsageError("the input is empty: no ombud export",
                                 "an import reads what `ombud export` writes");
            // Version 1 had no team: the people in its records join it, as on a schema upgrade.
            if (version < 2)
                report.members = store.add_team_from_use();
        });
    });
    return report;
}

std::vector<OpenRequest> read_open_requests(const std::string& text, Timestamp now,
                                            const std::function<void(const OpenRequest&)>& check) {
    constexpr const char* hint = "give one JSON object, an array of them, or one per line";
    std::vector<OpenRequest> requests;
    const auto add = [&](const Json& j, std::size_t n, const char* where) {
        if (!j.is_object())
            throw UsageError(fmt::format("{} {}: not a JSON object", where, n), hint);
        requests.push_back(read_open_request(Record(j, n, where, hint), now));
        try {
            check(requests.back());
        } catch (const UsageError& e) {
            throw UsageError(fmt::format("{} {}: {}", where, n, e.what()), e.hint());
        }
    };
    // One value (an object, or an array of objects), else one object per line.
    if (const Json whole = Json::parse(text, nullptr, false); !whole.is_discarded()) {
        if (whole.is_array()) {
            std::size_t n = 0;
            for (const auto& item : whole)
                add(item, ++n, "item");
        } else {
            add(whole, 1, "line");
        }
    } else {
        std::size_t n = 0, start = 0;
        while (start < text.size()) {
            const std::size_t end = std::min(text.find('\n', start), text.size());
            const std::string_view line(text.data() + start, end - start);
            ++n;
            start = end + 1;
            if (line.find_first_not_of(" \t\r") == std::string_view::npos)
                continue;
            const Json j = Json::parse(line, nullptr, false);
            if (j.is_discarded())
                throw UsageError(fmt::format("line {}: not valid JSON", n), hint);
            add(j, n, "line");
        }
    }
    if (requests.empty())
        throw UsageError("no complaints in the input", hint);
    return requests;
}

} // namespace ombud::transfer
