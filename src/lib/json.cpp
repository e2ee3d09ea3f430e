#include <ombud/json.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <array>

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

// The bytes a JSON string holds as they are, needing neither an escape nor a check of their
// UTF-8: printable ASCII but the quote and the backslash.
constexpr std::array<bool, 256> plain = [] {
    std::array<bool, 256> p{};
    for (int b = 0x20; b < 0x80; ++b)
        p[b] = b != '"' && b != '\\';
    return p;
}();

// Appends `s` as a JSON string, escaped as nlohmann::json's dump escapes it; invalid UTF-8 is
// left to nlohmann's own replacement, so both writers give the same bytes. Runs of characters
// that need no escape are copied at once: most text is nothing but those.

void append_string(std::string& out, std::string_view s) {
    static constexpr char hex[] = "0123456789abcdef";
    const std::size_t start = out.size();
    out += '"';
    bool checked = false; // the UTF-8 of the rest is known to be valid
    std::size_t run = 0;  // where the bytes not yet copied begin
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (plain[b])
            continue;
        if (b >= 0x80) {
            // Checked once, from the first such byte to the end.
            if (!checked && text::invalid_utf8_at(s.substr(i))) {
                out.resize(start);
                out += dump(Json(std::string(s)));
                return;
            }
            checked = true;
            continue;
        }
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (b) {
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
            out += "\\u00";
            out += hex[b >> 4];
            out += hex[b & 0xF];
        }
    }
    out.append(s.data() + run, s.size() - run);
    out += '"';
}

std::string dump_data(const nlohmann::json& data) {
    if (!data.is_object())
        return "{}";
    return data.dump(-1, ' ', false, nlohmann::detail::error_handler_t::replace);
}

// Writes one object's members: each key once, in order, with its comma.
class Members {
  public:
    explicit Members(std::string& out) : out_(out) { out_ += '{'; }
    // With a first member "type", as the lines of an export have.
    Members(std::string& out, std::string_view type) : Members(out) { text("type", type); }
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
    template <typename I> void integer(std::string_view k, const std::optional<I>& v) {
        if (v)
            integer(k, *v);
        else
            null(k);
    }
    /// An enumerator by its word (to_string), or null.
    template <typename E> void word(std::string_view k, const std::optional<E>& v) {
        if (v)
            text(k, to_string(*v));
        else
            null(k);
    }
    void time(std::string_view k, Timestamp t) {
        key(k) += '"';
        append_rfc3339(out_, t);
        out_ += '"';
    }
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

// The members of an event, shown and exported alike; the data from `stored_data` when given.
void event_members(Members& m, const Event& e,
                   std::optional<std::string_view> stored_data = std::nullopt) {
    m.integer("id", e.id);
    m.integer("complaint_id", e.complaint_id);
    m.time("at", e.at);
    m.text("actor", e.actor);
    m.text("kind", to_string(e.kind));
    m.text("text", e.text);
    m.text("channel", e.channel);
    m.word("direction", e.direction);
    m.key("visible") += e.visible ? "true" : "false";
    // Event data is nlohmann::json, whose keys are sorted: as to_json(e) orders them.
    std::string& out = m.key("data");
    if (stored_data && is_canonical(*stored_data))
        out += *stored_data;
    else if (stored_data)
        out += dump_data(read_data(*stored_data));
    else
        out += dump_data(e.data);
}

void customer_members(Members& m, const Customer& c) {
    m.integer("id", c.id);
    m.text("name", c.name);
    m.text("email", c.email);
    m.text("phone", c.phone);
}

enum class Form { shown, exported };

// The members of a complaint as commands show it, or as an export records it.
void complaint_members(Members& m, const Complaint& c, Form form) {
    m.integer("id", c.id);
    m.text("title", c.title);
    m.text("status", to_string(c.status));
    m.text("priority", to_string(c.priority));
    m.text("category", c.category);
    m.text("channel", c.channel);
    if (form == Form::exported) {
        // A reference, not a copy: the customer has its own record.
        m.integer("customer_id", c.customer ? std::optional(c.customer->id) : std::nullopt);
    } else if (c.customer) {
        Members cu(m.key("customer"));
        customer_members(cu, *c.customer);
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
    if (form == Form::exported)
        m.integer("escalation_level", c.escalation_level);
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
    // Derived from the deadlines above: shown, not recorded.
    if (form == Form::shown) {
        if (const auto d = c.next_deadline()) {
            Members n(m.key("next_deadline"));
            n.text("kind", to_string(d->kind));
            n.time("at", d->at);
        } else {
            m.null("next_deadline");
        }
    }
    m.time("created_at", c.created_at);
    m.time("updated_at", c.updated_at);
    m.time("closed_at", c.closed_at);
    m.word("close_reason", c.close_reason);
    m.text("resolution", c.resolution);
    m.integer("rating", c.rating);
}

} // namespace

void append(std::string& out, const Complaint& c) {
    Members m(out);
    complaint_members(m, c, Form::shown);
}

void append(std::string& out, const Event& e) {
    Members m(out);
    event_members(m, e);
}

void append_record(std::string& out, const Complaint& c) {
    Members m(out, "complaint");
    complaint_members(m, c, Form::exported);
}

void append_record(std::string& out, const Customer& c) {
    Members m(out, "customer");
    customer_members(m, c);
    m.time("created_at", c.created_at);
}

void append_record(std::string& out, const Event& e, std::string_view stored_data) {
    Members m(out, "event");
    event_members(m, e, stored_data);
}

nlohmann::json read_data(std::string_view text) {
    if (text == "{}")
        return nlohmann::json::object(); // most events: no parse needed
    nlohmann::json data = nlohmann::json::parse(text, nullptr, false);
    return data.is_object() ? data : nlohmann::json::object();
}

namespace {

// A recursive descent over exactly the JSON that dump() writes; any doubt answers false.
class CanonicalScan {
  public:
    explicit CanonicalScan(std::string_view s) : s_(s) {}

    bool whole_object() { return object() && i_ == s_.size(); }

  private:
    static constexpr int max_depth = 64;

    bool eat(char c) {
        if (i_ < s_.size() && s_[i_] == c) {
            ++i_;
            return true;
        }
        return false;
    }

    bool value() {
        if (i_ >= s_.size())
            return false;
        switch (s_[i_]) {
        case '{':
            return object();
        case '[':
            return array();
        case '"':
            return string(nullptr);
        case 't':
            return word("true");
        case 'f':
            return word("false");
        case 'n':
            return word("null");
        default:
            return integer();
        }
    }

    bool word(std::string_view w) {
        if (s_.substr(i_, w.size()) != w)
            return false;
        i_ += w.size();
        return true;
    }

    // Up to 18 digits: always an int64 or uint64 to nlohmann, never a float. No "-0", which
    // dump writes as "0".
    bool integer() {
        const std::size_t start = i_;
        const bool negative = eat('-');
        const std::size_t digits = i_;
        while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9')
            ++i_;
        const std::size_t n = i_ - digits;
        if (n == 0 || n > 18 || (s_[digits] == '0' && (n > 1 || negative)))
            return false;
        return i_ > start;
    }

    // With `key`, the string's raw text between the quotes, which must then hold no escape.
    bool string(std::string_view* key) {
        if (!eat('"'))
            return false;
        const std::size_t start = i_;
        bool ascii = true;
        for (;;) {
            if (i_ >= s_.size())
                return false;
            const auto b = static_cast<unsigned char>(s_[i_]);
            if (b == '"')
                break;
            if (b < 0x20)
                return false;
            if (b >= 0x80)
                ascii = false;
            if (b == '\\') {
                if (key || !escape())
                    return false;
                continue;
            }
            ++i_;
        }
        const std::string_view raw = s_.substr(start, i_ - start);
        ++i_;
        if (!ascii && text::invalid_utf8_at(raw))
            return false;
        if (key)
            *key = raw;
        return true;
    }

    // Only the escapes dump writes: the short ones, and \u00xx in lower case for the other
    // control characters.
    bool escape() {
        ++i_; // the backslash
        if (i_ >= s_.size())
            return false;
        const char c = s_[i_++];
        if (c == '"' || c == '\\' || c == 'b' || c == 'f' || c == 'n' || c == 'r' || c == 't')
            return true;
        if (c != 'u' || s_.substr(i_, 2) != "00" || i_ + 4 > s_.size())
            return false;
        const auto nibble = [](char h) {
            return h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : -1;
        };
        const int hi = nibble(s_[i_ + 2]);
        const int lo = nibble(s_[i_ + 3]);
        i_ += 4;
        if (hi < 0 || hi > 1 || lo < 0)
            return false;
        const int code = hi * 16 + lo;
        return code != '\b' && code != '\f' && code != '\n' && code != '\r' && code != '\t';
    }

    bool object() {
        if (!eat('{') || ++depth_ > max_depth)
            return false;
        if (!eat('}')) {
            std::string_view previous;
            bool first = true;
            do {
                std::string_view key;
                // Keys ascend as std::map orders them: bytes compared unsigned.
                if (!string(&key) || (!first && previous.compare(key) >= 0) || !eat(':') ||
                    !value())
                    return false;
                previous = key;
                first = false;
            } while (eat(','));
            if (!eat('}'))
                return false;
        }
        --depth_;
        return true;
    }

    bool array() {
        if (!eat('[') || ++depth_ > max_depth)
            return false;
        if (!eat(']')) {
            do {
                if (!value())
                    return false;
            } while (eat(','));
            if (!eat(']'))
                return false;
        }
        --depth_;
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    int depth_ = 0;
};

} // namespace

bool is_canonical(std::string_view text) {
    return CanonicalScan(text).whole_object();
}

} // namespace ombud::json
