// `ombud __complete KIND [PREFIX]`: live values for the shell completion scripts, one per line as
// `value<TAB>description`. Hidden from help; it never fails loudly, because a completion that
// prints an error into the user's prompt is worse than one that offers nothing.

#include "commands.hpp"

#include <ombud/json_schema.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <array>
#include <utility>

namespace ombud::cli {
namespace {

constexpr std::array kinds{
    std::pair{"open", SuggestionKind::open_complaints},
    std::pair{"closed", SuggestionKind::closed_complaints},
    std::pair{"complaints", SuggestionKind::complaints},
    std::pair{"people", SuggestionKind::people},
    std::pair{"customers", SuggestionKind::customers},
    std::pair{"categories", SuggestionKind::categories},
};

void run_complete(const std::string& kind, const std::string& prefix, Context& ctx) {
    // The names `ombud schema` takes come from the binary, not from a database.
    if (kind == "schemas") {
        for (const std::string& name : json_schema::names())
            if (name.starts_with(prefix))
                fmt::print("{}\t{}\n", name, json_schema::summary(name));
        return;
    }
    for (const auto& [name, value] : kinds) {
        if (kind != name)
            continue;
        try {
            for (const auto& s : ctx.store(OpenMode::read).suggest(value, prefix, 50)) {
                // Tabs and newlines would break the line format; sanitize shows them escaped.
                fmt::print("{}\t{}\n", text::sanitize(s.value), text::sanitize(s.description));
            }
        } catch (const std::exception&) {
            // No database yet, a locked or foreign file: simply nothing to offer.
        }
        return;
    }
}

} // namespace

void setup_complete(CLI::App& sub, Context& ctx) {
    auto kind = std::make_shared<std::string>();
    auto prefix = std::make_shared<std::string>();
    sub.group(""); // hidden from `ombud --help`
    sub.add_option("KIND", *kind,
                   "open, closed, complaints, people, customers, categories or schemas")
        ->required();
    sub.add_option("PREFIX", *prefix, "What has been typed so far");
    sub.callback([kind, prefix, &ctx] { run_complete(*kind, *prefix, ctx); });
}

} // namespace ombud::cli
