#include <ombud/json.hpp>

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

} // namespace ombud::json
