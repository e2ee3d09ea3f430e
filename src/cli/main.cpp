// ombud: builds the command line, runs it, and reports every error in one place.

#include "commands.hpp"

#include <ombud/error.hpp>
#include <ombud/json.hpp>
#include <ombud/text.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

using namespace ombud;

// Options of the top level that take a value, so the scan below can skip it.
bool takes_value(std::string_view arg) {
    return arg == "--db" || arg == "--as" || arg == "--color" || arg == "--format";
}

// The command argv names, or null when it names none. A mistyped command gets a suggestion
// before CLI11 sees it and reports "unexpected argument".
const cli::CommandSpec* command_named(int argc, char** argv) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--")
            return nullptr;
        if (takes_value(arg)) {
            ++i;
            continue;
        }
        if (arg.starts_with("-"))
            continue;
        std::string_view best;
        // Close enough to be a typo, and not a guess at a word of one or two letters.
        std::size_t best_distance =
            std::min<std::size_t>(3, std::max<std::size_t>(2, arg.size() / 2 + 1));
        for (const auto& spec : cli::commands()) {
            if (arg == spec.name)
                return &spec;
            if (std::string_view(spec.name).starts_with("__"))
                continue; // hidden helpers are never suggested
            const std::size_t d = text::edit_distance(arg, spec.name);
            if (d < best_distance) {
                best_distance = d;
                best = spec.name;
            }
        }
        throw UsageError(fmt::format("unknown command \"{}\"", text::sanitize(arg)),
                         best.empty() ? "run `ombud --help` to see the commands"
                                      : fmt::format("did you mean `{}`?", best));
    }
    return nullptr;
}

// Errors are JSON with --json, --format json and --format ndjson (CSV is no format for them).
bool json_requested(int argc, char** argv) {
    const auto json_format = [](std::string_view f) { return f == "json" || f == "ndjson"; };
    for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json")
            return true;
        if (arg == "--format" && i + 1 < argc && json_format(argv[i + 1]))
            return true;
        if (arg.starts_with("--format=") && json_format(arg.substr(9)))
            return true;
    }
    return false;
}

int report(const std::string& message, const std::string& hint, std::string_view code_name,
           ExitCode code, bool json, const std::vector<std::string>& details = {}) {
    if (json) {
        const json::Json j = {{"error",
                               {{"code", code_name},
                                {"message", message},
                                {"hint", hint.empty() ? json::Json(nullptr) : json::Json(hint)},
                                {"details", details}}}};
        std::fprintf(stderr, "%s\n", json::dump(j).c_str());
    } else {
        // The particulars first, so the summary and its hint end the output.
        for (const auto& line : details)
            std::fprintf(stderr, "ombud: error: %s\n", text::sanitize(line).c_str());
        std::fprintf(stderr, "ombud: error: %s\n", text::sanitize(message).c_str());
        if (!hint.empty())
            std::fprintf(stderr, "hint: %s\n", text::sanitize(hint).c_str());
    }
    return static_cast<int>(code);
}

// The first option CLI11 reported as unexpected ("…not expected: open --staus"), if any.
std::string unexpected_option(const CLI::ParseError& e) {
    if (dynamic_cast<const CLI::ExtrasError*>(&e) == nullptr)
        return {};
    const std::string what = e.what();
    const auto colon = what.rfind(": ");
    for (std::size_t pos = colon == std::string::npos ? what.size() : colon + 2;
         pos < what.size();) {
        const std::size_t end = std::min(what.find(' ', pos), what.size());
        const std::string word = what.substr(pos, end - pos);
        if (word.starts_with("--"))
            return word.substr(0, word.find('='));
        pos = end + 1;
    }
    return {};
}

// "did you mean `--reason`?" among the options of the command and the global ones.
std::string option_suggestion(const CLI::App& app, const std::string& option) {
    std::vector<const CLI::App*> scopes{&app};
    for (const CLI::App* sub : app.get_subcommands())
        scopes.push_back(sub);
    std::string best;
    std::size_t best_distance = 3;
    for (const CLI::App* scope : scopes) {
        for (const CLI::Option* opt : scope->get_options()) {
            for (const std::string& name : opt->get_lnames()) {
                const std::size_t d = text::edit_distance(option, "--" + name);
                if (d < best_distance) {
                    best_distance = d;
                    best = name;
                }
            }
        }
    }
    return best.empty() ? std::string() : fmt::format("did you mean `--{}`?", best);
}

// Output that never arrived (a full disk, a closed pipe) is a failure, not a success.
int finish_output(bool json) {
    if (std::fflush(stdout) == 0 && !std::ferror(stdout))
        return 0;
    const std::string reason = std::generic_category().message(errno);
    return report("cannot write the output: " + reason, "", "failed", ExitCode::failed, json);
}

} // namespace

int main(int argc, char** argv) {
    const bool json = json_requested(argc, argv);
    cli::Context ctx;
    CLI::App app{"", "ombud"};
    try {
        // Only the command that runs is set up: setting up all of them was a sixth of the
        // start-up. --help with a command shows that command's help; `ombud help` lists them all.
        const cli::CommandSpec* named = command_named(argc, argv);
        const bool all = named == nullptr || std::string_view(named->name) == "help";
        cli::build_app(app, ctx, all ? nullptr : named);
        try {
            app.parse(argc, argv);
        } catch (const CLI::CallForHelp&) {
            std::fputs(app.help().c_str(), stdout);
            return finish_output(json);
        } catch (const CLI::CallForVersion& e) {
            std::puts(e.what());
            return finish_output(json);
        } catch (const CLI::ParseError& e) {
            const auto* spec = cli::selected_command(app);
            const std::string option = unexpected_option(e);
            const std::string message =
                option.empty() ? std::string(e.what()) : "unknown option " + option;
            std::string hint = option.empty() ? std::string() : option_suggestion(app, option);
            if (hint.empty())
                hint = spec ? fmt::format("example: {}  (more: ombud help {})", spec->example,
                                          spec->name)
                            : std::string("run `ombud --help` to see the commands");
            return report(message, hint, "usage", ExitCode::usage, json);
        }
        if (app.get_subcommands().empty()) {
            std::fputs(app.help().c_str(), stdout);
            return finish_output(json);
        }
        const int written = finish_output(json);
        return written != 0 ? written : ctx.exit_status;
    } catch (const Error& e) {
        return report(e.what(), e.hint(), e.code_name(), e.code(), json, e.details());
    } catch (const std::exception& e) {
        return report(e.what(), "", "failed", ExitCode::failed, json);
    }
}
