#include <ombud/json.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

namespace ombud::json {
namespace {

using json = Json;

} // namespace

json to_json(const Customer& c) {
    return {
        {"id", c.id}, {"name", c.name}, {"email", or_null(c.email)}, {"phone", or_null(c.phone)}};
}

json to_json(const Complaint& c) {
    json escalation = nullptr;
    if (c.escalation) {
        escalation = {{"level", c.escalation->level},
                      {"to", c.escalation->to},
                      {"reason", or_null(c.escalation->reason)},
                      {"due", time_or_null(c.escalation->due)},
                      {"since", time_or_null(c.escalation->since)},
                      {"by", or_null(c.escalation->by)},
                      {"instead_of", or_null(c.escalation->instead_of)}};
    }
    json waiting = nullptr;
    if (c.waiting_since)
        waiting = {{"since", format_rfc3339(*c.waiting_since)},
                   {"until", time_or_null(c.waiting_until)}};
    json next = nullptr;
    if (const auto d = c.next_deadline())
        next = {{"kind", to_string(d->kind)}, {"at", format_rfc3339(d->at)}};
    return {
        {"id", c.id},
        {"title", c.title},
        {"status", to_string(c.status)},
        {"priority", to_string(c.priority)},
        {"category", or_null(c.category)},
        {"channel", or_null(c.channel)},
        {"customer", c.customer ? to_json(*c.customer) : json(nullptr)},
        {"owner", c.owner},
        {"handoffs", c.handoffs},
        {"escalation", escalation},
        {"due", time_or_null(c.due)},
        {"response_due", time_or_null(c.response_due)},
        {"responded_at", time_or_null(c.responded_at)},
        {"waiting", waiting},
        {"next_deadline", next},
        {"created_at", format_rfc3339(c.created_at)},
        {"updated_at", format_rfc3339(c.updated_at)},
        {"closed_at", time_or_null(c.closed_at)},
        {"close_reason",
         c.close_reason ? json(std::string(to_string(*c.close_reason))) : json(nullptr)},
        {"resolution", or_null(c.resolution)},
        {"rating", or_null(c.rating)},
    };
}

json to_json(const Event& e) {
    return {
        {"id", e.id},
        {"complaint_id", e.complaint_id},
        {"at", format_rfc3339(e.at)},
        {"actor", e.actor},
        {"kind", to_string(e.kind)},
        {"text", or_null(e.text)},
        {"channel", or_null(e.channel)},
        {"direction", e.direction ? json(std::string(to_string(*e.direction))) : json(nullptr)},
        {"visible", e.visible},
        {"data", e.data.is_object() ? json(e.data) : json::object()},
    };
}

json to_json(const Complaint& c, const std::vector<Event>& events) {
    json j = to_json(c);
    j["events"] = json::array();
    for (const auto& e : events)
        j["events"].push_back(to_json(e));
    return j;
}

json to_json(const TeamMember& m) {
    return {{"name", m.name},
            {"email", or_null(m.email)},
            {"deputy", or_null(m.deputy)},
            {"away_until", time_or_null(m.away_until)},
            {"away_deputy", or_null(m.away_deputy)},
            {"added_by_use", m.added_by_use}};
}

json to_json(const Holiday& h) {
    return {{"date", h.day}, {"name", or_null(h.name)}};
}

std::string dump(const json& j) {
    return j.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

namespace {

// Appends `s` as a JSON string, escaped as nlohmann::json's dump escapes it; invalid UTF-8 is
// left to nlohmann's own replacement, so both writers give the same bytes.
void append_string(std::string& out, std::string_view s) {
    if (text::invalid_utf8_at(s)) {
        out += dump(Json(std::string(s)));
        return;
    }
    static constexpr char hex[] = "0123456789abcdef";
    out += '"';
    for (const char ch : s) {
        const auto b = static_cast<unsigned char>(ch);
        switch (ch) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (b < 0x20) {
                out += "\\u00";
                out += hex[b >> 4];
                out += hex[b & 0xF];
            } else {
                out += ch;
            }
        }
    }
    out += '"';
}

// Writes one object's members: each key once, in order, with its comma.
class Members {
  public:
    explicit Members(std::string& out) : out_(out) { out_ += '{'; }
    // With a first member "type", as the lines of an export have.
    Members(std::string& out, std::string_view type) : Members(out) {
        if (!type.empty())
            text("type", type);
    }
    ~Members() { out_ += '}'; }
    Members(const Members&) = delete;
    Members& operator=(const Members&) = delete;

    std::string& key(std::string_view k) {
        if (!first_)
            out_ += ',';
        first_ = false;
        out_ += '"';
        out_ += k; // keys are ombud's own: plain ASCII
        out_ += "\":";
        return out_;
    }
    void text(std::string_view k, std::string_view v) { append_string(key(k), v); }
    void text(std::string_view k, const std::string& v) { append_string(key(k), v); }
    void text(std::string_view k, const std::optional<std::string>& v) {
        if (v)
            text(k, *v);
        else
            null(k);
    }
    void integer(std::string_view k, std::int64_t v) { key(k) += fmt::format_int(v).c_str(); }
    void integer(std::string_view k, const std::optional<std::int64_t>& v) {
        if (v)
            integer(k, *v);
        else
            null(k);
    }
    void time(std::string_view k, Timestamp t) { text(k, format_rfc3339(t)); }
    void time(std::string_view k, const std::optional<Timestamp>& t) {
        if (t)
            time(k, *t);
        else
            null(k);
    }
    void null(std::string_view k) { key(k) += "null"; }

  private:
    std::string& out_;
    bool first_ = true;
};

} // namespace

void append(std::string& out, const Event& e, std::string_view type) {
    Members m(out, type);
    m.integer("id", e.id);
    m.integer("complaint_id", e.complaint_id);
    m.time("at", e.at);
    m.text("actor", e.actor);
    m.text("kind", to_string(e.kind));
    m.text("text", e.text);
    m.text("channel", e.channel);
    if (e.direction)
        m.text("direction", to_string(*e.direction));
    else
        m.null("direction");
    m.key("visible") += e.visible ? "true" : "false";
    // Event data is nlohmann::json, whose keys are sorted: as to_json(e) orders them.
    m.key("data") += e.data.is_object()
                         ? e.data.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace)
                         : "{}";
}

void append(std::string& out, const Complaint& c) {
    Members m(out);
    m.integer("id", c.id);
    m.text("title", c.title);
    m.text("status", to_string(c.status));
    m.text("priority", to_string(c.priority));
    m.text("category", c.category);
    m.text("channel", c.channel);
    if (c.customer) {
        Members cu(m.key("customer"));
        cu.integer("id", c.customer->id);
        cu.text("name", c.customer->name);
        cu.text("email", c.customer->email);
        cu.text("phone", c.customer->phone);
    } else {
        m.null("customer");
    }
    m.text("owner", c.owner);
    m.integer("handoffs", c.handoffs);
    if (c.escalation) {
        Members e(m.key("escalation"));
        e.integer("level", c.escalation->level);
        e.text("to", c.escalation->to);
        e.text("reason", c.escalation->reason);
        e.time("due", c.escalation->due);
        e.time("since", c.escalation->since);
        e.text("by", c.escalation->by);
        e.text("instead_of", c.escalation->instead_of);
    } else {
        m.null("escalation");
    }
    m.time("due", c.due);
    m.time("response_due", c.response_due);
    m.time("responded_at", c.responded_at);
    if (c.waiting_since) {
        Members w(m.key("waiting"));
        w.time("since", *c.waiting_since);
        w.time("until", c.waiting_until);
    } else {
        m.null("waiting");
    }
    if (const auto d = c.next_deadline()) {
        Members n(m.key("next_deadline"));
        n.text("kind", to_string(d->kind));
        n.time("at", d->at);
    } else {
        m.null("next_deadline");
    }
    m.time("created_at", c.created_at);
    m.time("updated_at", c.updated_at);
    m.time("closed_at", c.closed_at);
    if (c.close_reason)
        m.text("close_reason", to_string(*c.close_reason));
    else
        m.null("close_reason");
    m.text("resolution", c.resolution);
    if (c.rating)
        m.integer("rating", *c.rating);
    else
        m.null("rating");
}

} // namespace ombud::json
