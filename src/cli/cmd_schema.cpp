// `ombud schema [NAME]`: the JSON Schema of ombud's output, whole or one definition. Always JSON,
// whatever --format says, as export is always NDJSON.

#include "commands.hpp"

#include <ombud/json_schema.hpp>

#include <cstdio>

namespace ombud::cli {
namespace {

void run_schema(const std::string& name) {
    if (name.empty()) {
        const std::string_view text = json_schema::text();
        std::fwrite(text.data(), 1, text.size(), stdout);
        return;
    }
    const std::string text = json_schema::definition(name).dump(
        2, ' ', false, nlohmann::detail::error_handler_t::replace);
    std::fputs(text.c_str(), stdout);
    std::fputc('\n', stdout);
}

} // namespace

void setup_schema(CLI::App& sub, Context&) {
    auto name = std::make_shared<std::string>();
    sub.add_option("NAME", *name,
                   "One definition, such as complaint, event_list or check_report (default: the "
                   "whole schema)")
        ->type_name("");
    sub.callback([name] { run_schema(*name); });
}

} // namespace ombud::cli
