#pragma once
// The JSON shapes of the interface contract. Absent values are null, never omitted.

#include <ombud/model.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace ombud::json {

/// Keys keep the order of the contract, so output reads well to people too.
using Json = nlohmann::ordered_json;

Json to_json(const Customer& c);
Json to_json(const Complaint& c);
Json to_json(const Event& e);
Json to_json(const TeamMember& m);
Json to_json(const Holiday& h);
/// A complaint with its `events`, as `show` prints it.
Json to_json(const Complaint& c, const std::vector<Event>& events);

/// Compact JSON text; invalid UTF-8 that old data may carry becomes U+FFFD instead of throwing.
std::string dump(const Json& j);

} // namespace ombud::json
