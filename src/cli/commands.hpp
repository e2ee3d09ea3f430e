#pragma once
// Every subcommand of ombud, registered in one list.

#include "context.hpp"

#include <CLI/CLI.hpp>

#include <span>

namespace ombud::cli {

struct CommandSpec {
    const char* name;
    const char* summary;
    /// One typical invocation, shown when the command is used wrongly.
    const char* example;
    void (*setup)(CLI::App& sub, Context& ctx);
    /// Whether `--format csv` can show what it prints. Checked before the command runs, so a
    /// command that writes does not write and then fail to show it.
    bool csv = true;
};

void setup_open(CLI::App& sub, Context& ctx);
void setup_note(CLI::App& sub, Context& ctx);
void setup_escalate(CLI::App& sub, Context& ctx);
void setup_close(CLI::App& sub, Context& ctx);
void setup_history(CLI::App& sub, Context& ctx);
void setup_list(CLI::App& sub, Context& ctx);
void setup_show(CLI::App& sub, Context& ctx);
void setup_reopen(CLI::App& sub, Context& ctx);
void setup_assign(CLI::App& sub, Context& ctx);
void setup_search(CLI::App& sub, Context& ctx);
void setup_export(CLI::App& sub, Context& ctx);
void setup_import(CLI::App& sub, Context& ctx);
void setup_db(CLI::App& sub, Context& ctx);
void setup_decide(CLI::App& sub, Context& ctx);
void setup_wait(CLI::App& sub, Context& ctx);
void setup_resume(CLI::App& sub, Context& ctx);
void setup_team(CLI::App& sub, Context& ctx);
void setup_config(CLI::App& sub, Context& ctx);
void setup_holiday(CLI::App& sub, Context& ctx);
void setup_check(CLI::App& sub, Context& ctx);
void setup_schema(CLI::App& sub, Context& ctx);
void setup_help(CLI::App& sub, Context& ctx);
void setup_complete(CLI::App& sub, Context& ctx);

/// The command table: drives registration, help and "did you mean" hints.
std::span<const CommandSpec> commands();

/// The entry of commands() that `app` has parsed so far, or null.
const CommandSpec* selected_command(const CLI::App& app);

/// The version `--version` prints: "0.1.0 (abc1234)" (cmake/version.cmake).
const char* version();

/// Builds the command line: global options and every subcommand, or with `only` (an entry of
/// commands()) just that one, for a command line that names it.
void build_app(CLI::App& app, Context& ctx, const CommandSpec* only = nullptr);

/// An option that leaves `target` empty unless given.
template <typename T>
CLI::Option* add_optional(CLI::App& app, const std::string& name, std::optional<T>& target,
                          const std::string& description) {
    return app.add_option_function<T>(
        name, [&target](const T& v) { target = v; }, description);
}

/// A `--limit N` option: a whole number of at least 1.
CLI::Option* add_limit(CLI::App& app, std::optional<std::int64_t>& target,
                       const std::string& description);

/// The positional complaint number, `42` or `#42`.
CLI::Option* add_id(CLI::App& app, std::string& target);

} // namespace ombud::cli
