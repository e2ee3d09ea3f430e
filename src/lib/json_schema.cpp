#include <ombud/error.hpp>
#include <ombud/json_schema.hpp>
#include <ombud/text.hpp>

#include <ombud/json_schema_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <deque>

namespace ombud::json_schema {
namespace {

using json::Json;

constexpr std::string_view defs_prefix = "#/$defs/";

const Json& parsed() {
    static const Json schema = Json::parse(generated::text);
    return schema;
}

const Json& defs() {
    return parsed().at("$defs");
}

// The `$defs` names `value` refers to, anywhere inside it.
void collect_refs(const Json& value, std::vector<std::string>& out) {
    if (value.is_object()) {
        for (const auto& [key, child] : value.items()) {
            if (key == "$ref" && child.is_string()) {
                const auto& ref = child.get_ref<const std::string&>();
                if (ref.starts_with(defs_prefix))
                    out.push_back(ref.substr(defs_prefix.size()));
            } else {
                collect_refs(child, out);
            }
        }
    } else if (value.is_array()) {
        for (const auto& child : value)
            collect_refs(child, out);
    }
}

[[noreturn]] void unknown(std::string_view name) {
    std::string best;
    // Close enough to be a typo, and not a guess at a word of one or two letters.
    std::size_t best_distance =
        std::min<std::size_t>(3, std::max<std::size_t>(2, name.size() / 2 + 1));
    for (const auto& [key, value] : defs().items()) {
        if (const std::size_t d = text::edit_distance(name, key); d < best_distance) {
            best_distance = d;
            best = key;
        }
    }
    std::string all;
    for (const std::string& n : outputs())
        all += (all.empty() ? "" : ", ") + n;
    throw UsageError(fmt::format("no definition \"{}\" in the schema", text::sanitize(name)),
                     best.empty() ? fmt::format("what commands print: {}; run `ombud schema` "
                                                "for every definition",
                                                all)
                                  : fmt::format("did you mean `{}`?", best));
}

} // namespace

std::string_view text() {
    return generated::text;
}

std::vector<std::string> names() {
    std::vector<std::string> out;
    for (const auto& [key, value] : defs().items())
        out.push_back(key);
    return out;
}

std::vector<std::string> outputs() {
    std::vector<std::string> out;
    collect_refs(parsed().at("anyOf"), out);
    return out;
}

std::string summary(std::string_view name) {
    const auto it = defs().find(std::string(name));
    if (it == defs().end() || !it->contains("description"))
        return {};
    const auto& description = it->at("description").get_ref<const std::string&>();
    std::string first =
        description.substr(0, std::min(description.find(": "), description.find(". ")));
    if (first.ends_with('.'))
        first.pop_back();
    return first;
}

Json definition(std::string_view name) {
    const auto it = defs().find(std::string(name));
    if (it == defs().end())
        unknown(name);
    Json out = {{"$schema", parsed().at("$schema")}};
    for (const auto& [key, value] : it->items())
        out[key] = value;
    // Every definition it reaches, so the result validates on its own.
    std::vector<std::string> reached;
    std::deque<std::string> todo;
    collect_refs(*it, reached);
    todo.assign(reached.begin(), reached.end());
    Json refs = Json::object();
    while (!todo.empty()) {
        const std::string next = todo.front();
        todo.pop_front();
        if (refs.contains(next))
            continue;
        const Json& def = defs().at(next);
        refs[next] = def;
        std::vector<std::string> more;
        collect_refs(def, more);
        todo.insert(todo.end(), more.begin(), more.end());
    }
    // In the order of the file, as `ombud schema` prints them.
    Json ordered = Json::object();
    for (const auto& [key, value] : defs().items())
        if (refs.contains(key))
            ordered[key] = value;
    if (!ordered.empty())
        out["$defs"] = ordered;
    return out;
}

} // namespace ombud::json_schema
