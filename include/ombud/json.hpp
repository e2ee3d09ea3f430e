#pragma once
// The JSON shapes of the interface contract. Absent values are null, never omitted.

#include <ombud/model.hpp>

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace ombud::json {

/// Keys keep the order of the contract, so output reads well to people too.
using Json = nlohmann::ordered_json;

/// The value, or null when it is absent: the contract never leaves a key out. J is the JSON
/// type to build (Json for output, nlohmann::json for event data).
template <typename J = Json, typename T> J or_null(const std::optional<T>& v) {
    return v ? J(*v) : J(nullptr);
}

/// The moment as RFC 3339 text, or null.
template <typename J = Json> J time_or_null(const std::optional<Timestamp>& t) {
    return t ? J(format_rfc3339(*t)) : J(nullptr);
}

Json to_json(const Customer& c);
Json to_json(const Complaint& c);
Json to_json(const Event& e);
Json to_json(const TeamMember& m);
Json to_json(const Holiday& h);
/// A complaint with its `events`, as `show` prints it.
Json to_json(const Complaint& c, const std::vector<Event>& events);

/// Compact JSON text; invalid UTF-8 that old data may carry becomes U+FFFD instead of throwing.
std::string dump(const Json& j);

/// Append dump(to_json(x)) to `out` without building the object first: listings and
/// histories write millions of rows, and building each row's Json took most of their time.
void append(std::string& out, const Complaint& c);
void append(std::string& out, const Event& e);

/// Append a line of an export: the record behind a first member "type", as import reads it.
/// A complaint refers to its customer by `customer_id`, keeps the level of its latest escalation
/// (`escalation_level`, also after it ended) and leaves out the derived `next_deadline`.
void append_record(std::string& out, const Complaint& c);
/// A customer with its `created_at`.
void append_record(std::string& out, const Customer& c);
/// An event whose data is `stored_data`, the text the database holds, rather than `e.data`:
/// text already in the form dump() writes is copied as it is, anything else parsed first.
void append_record(std::string& out, const Event& e, std::string_view stored_data);

/// An event's data from its stored text: the object it holds, or an empty object when the text
/// is not one (old or damaged data is shown, not refused).
nlohmann::json read_data(std::string_view text);

/// Whether `text` is a JSON object exactly as nlohmann::json's dump() writes it: compact, keys
/// in ascending byte order and unique, integers only, strings valid UTF-8 escaped only where
/// dump escapes. Conservative: some such objects (with escaped keys, say) are called not
/// canonical, which costs only the parse it would have saved.
bool is_canonical(std::string_view text);

} // namespace ombud::json
