#include "commands.hpp"

#include <ombud/error.hpp>

#include <cstdio>

namespace ombud::cli {

void setup_help(CLI::App& sub, Context&) {
    auto name = std::make_shared<std::string>();
    sub.add_option("COMMAND", *name, "The command to explain");
    sub.callback([name, &sub] {
        const CLI::App* parent = sub.get_parent();
        if (name->empty()) {
            // App::help() would describe the selected subcommand, `help` itself.
            std::fputs(parent->get_formatter()
                           ->make_help(parent, "ombud", CLI::AppFormatMode::Normal)
                           .c_str(),
                       stdout);
            return;
        }
        for (const auto& spec : commands()) {
            if (*name == spec.name) {
                std::fputs(parent->get_subcommand(spec.name)->help("ombud").c_str(), stdout);
                return;
            }
        }
        throw UsageError("unknown command \"" + *name + "\"",
                         "run `ombud --help` to see the commands");
    });
}

} // namespace ombud::cli
