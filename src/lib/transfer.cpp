#include <ombud/error.hpp>
#include <ombud/json.hpp>
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

Complaint read_complaint(const Record& r) {
    Complaint c;
    c.id = r.integer("id", 1, max_id);
    c.title = r.text("title", max_title_bytes);
    c.status = r.word("status", [](const std::string& w) { return parse_status(w); });
    c.priority = r.word("priority", [](const std::string& w) { return parse_priority(w); });
    c.category = r.opt_text("category", max_name_bytes);
    if (!r.get("channel").is_null())
        c.channel = r.word("channel", [](const std::string& w) { return parse_channel(w); });
    if (const auto id = r.opt_integer("customer_id", 1, max_id))
        c.customer = Customer{.id = *id};
    c.owner = r.text("owner", max_name_bytes);
    c.handoffs = static_cast<int>(r.integer("handoffs", 0, 1'000'000'000));
    if (const Json& e = r.get("escalation"); !e.is_null()) {
        if (!e.is_object())
            r.fail("escalation", "must be an object or null");
        const Record er(e, r.line(), "line");
        c.escalation = Escalation{static_cast<int>(er.integer("level", 1, 1'000'000)),
                                  er.text("to", max_name_bytes),
                                  er.opt_text("reason", max_text_bytes), er.opt_time("due")};
    }
    c.due = r.opt_time("due");
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
    return c;
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
    const auto typed = [](const char* type, Json body) {
        Json j = {{"type", type}};
        for (auto& [key, value] : body.items())
            j[key] = std::move(value);
        return j;
    };
    store.dump(
        [&](const Customer& c) {
            Json j = typed("customer", json::to_json(c));
            j["created_at"] = format_rfc3339(c.created_at);
            line(json::dump(j));
        },
        [&](const Complaint& c) {
            Json j = typed("complaint", json::to_json(c));
            // A reference, not a copy: the customer has its own record.
            Json out;
            for (auto& [key, value] : j.items()) {
                if (key == "customer")
                    out["customer_id"] = c.customer ? Json(c.customer->id) : Json(nullptr);
                else
                    out[key] = std::move(value);
            }
            line(json::dump(out));
        },
        [&](const Event& e) { line(json::dump(typed("event", json::to_json(e)))); });
}

ImportReport import_ndjson(Store& store, std::istream& in) {
    ImportReport report;
    store.write([&] {
        if (!store.empty())
            throw ConflictError("the database already holds complaints; an import needs an "
                                "empty one",
                                "import into a new file with --db NEW.db");
        // Ids ascend within each kind, as an export writes them: uniqueness is then a
        // comparison with the last one, and a reference a binary search.
        std::vector<std::int64_t> customers, complaints;
        std::int64_t last_event = 0;
        const auto holds = [](const std::vector<std::int64_t>& ids, std::int64_t id) {
            return std::binary_search(ids.begin(), ids.end(), id);
        };
        const auto ascend = [&](const Record& r, std::vector<std::int64_t>& ids, std::int64_t id) {
            if (!ids.empty() && id <= ids.back())
                r.fail("id", fmt::format("is {}, not above the previous one ({})", id, ids.back()));
            ids.push_back(id);
        };
        std::string text;
        std::size_t n = 0;
        bool header = false;
        // The order of the kinds of records: customers, complaints, events.
        int stage = 0;
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
                if (r.integer("version", 0, 1'000'000) != export_version)
                    r.fail("version",
                           fmt::format("is not {}, the version this ombud reads", export_version));
                header = true;
                continue;
            }
            const auto order = [&](int s) {
                if (s < stage)
                    r.fail("type", "comes too late: customers, then complaints, then events");
                stage = s;
            };
            if (type == "customer") {
                order(0);
                const Customer c = read_customer(r);
                ascend(r, customers, c.id);
                store.insert_customer(c);
                ++report.customers;
            } else if (type == "complaint") {
                order(1);
                const Complaint c = read_complaint(r);
                if (c.customer && !holds(customers, c.customer->id))
                    r.fail("customer_id", fmt::format("names customer {}, which no earlier line "
                                                      "holds",
                                                      c.customer->id));
                ascend(r, complaints, c.id);
                store.insert_complaint(c);
                ++report.complaints;
            } else if (type == "event") {
                order(2);
                const Event e = read_event(r);
                if (!holds(complaints, e.complaint_id))
                    r.fail("complaint_id", fmt::format("names complaint #{}, which no earlier "
                                                       "line holds",
                                                       e.complaint_id));
                if (e.id <= last_event)
                    r.fail("id",
                           fmt::format("is {}, not above the previous one ({})", e.id, last_event));
                last_event = e.id;
                store.append_event(e);
                ++report.events;
            } else {
                r.fail("type", "must be customer, complaint or event");
            }
        }
        if (!header)
            throw UsageError("the input is empty: no ombud export",
                             "an import reads what `ombud export` writes");
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
