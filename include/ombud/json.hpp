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
/// With `type`, the object starts with a member "type" (a line of an export).
void append(std::string& out, const Event& e, std::string_view type = {});

} // namespace ombud::json
