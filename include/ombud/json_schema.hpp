#pragma once
// The JSON Schema (draft 2020-12) of everything ombud prints, built into the binary from
// schema/ombud.schema.json.

#include <ombud/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace ombud::json_schema {

/// The whole schema, byte for byte the committed file.
std::string_view text();

/// The names under `$defs`, in the order of the file.
std::vector<std::string> names();

/// The names of what commands print (the top-level `anyOf`), in the order of the file.
std::vector<std::string> outputs();

/// The first words of a definition's description, for completion menus ("" when it has none).
std::string summary(std::string_view name);

/// One definition as a schema of its own: its keywords, with `$schema` and the `$defs` it
/// refers to. Throws UsageError, with a "did you mean" where one is close, for an unknown name.
json::Json definition(std::string_view name);

} // namespace ombud::json_schema
