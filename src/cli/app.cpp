#include "commands.hpp"

#include <ombud/error.hpp>

#include <fmt/format.h>

#include <array>
#include <memory>
#include <string>

namespace ombud::cli {

std::span<const CommandSpec> commands() {
    static constexpr std::array table{
        CommandSpec{
            "open", "Log a new complaint",
            "ombud open \"Parcel arrived damaged\" --customer \"Jan de Vries\" --channel phone",
            setup_open},
        CommandSpec{
            "note", "Record a contact or an internal note on a complaint",
            "ombud note 42 \"Called back, new parcel sent\" --channel phone --direction out",
            setup_note},
        CommandSpec{
            "escalate", "Ask someone with the mandate for a decision",
            "ombud escalate 42 --to maria --reason \"Refund above 200 euro\" --due tomorrow",
            setup_escalate},
        CommandSpec{"close", "Close a complaint with its resolution",
                    "ombud close 42 --resolution \"Refunded in full\" --rating 4", setup_close},
        CommandSpec{"history",
                    "Show what happened: everywhere, on one complaint or with a customer",
                    "ombud history 42", setup_history},
        CommandSpec{"list", "List complaints, most recent activity first", "ombud list --overdue",
                    setup_list},
        CommandSpec{"show", "Show one complaint with its whole timeline", "ombud show 42",
                    setup_show},
        CommandSpec{"reopen", "Reopen a closed complaint",
                    "ombud reopen 42 --reason \"Invoice came again\"", setup_reopen},
        CommandSpec{"assign", "Hand a complaint to a new owner",
                    "ombud assign 42 maria --reason \"Maria handles refunds\"", setup_assign},
        CommandSpec{"decide", "Record the decision an escalation asked for",
                    "ombud decide 42 \"Refund approved in full\" --as maria", setup_decide},
        CommandSpec{"wait", "Wait on the customer: the deadline clock stops",
                    "ombud wait 42 --until friday --reason \"Photos of the damage\"", setup_wait},
        CommandSpec{"resume", "Start the clock again after waiting on the customer",
                    "ombud resume 42 --reason \"Photos arrived by post\"", setup_resume},
        CommandSpec{"check", "For cron: deadlines passed or close, decisions nobody took",
                    "ombud check || mail -s \"ombud\" shop@example.com", setup_check, false},
        CommandSpec{"team", "The team: who owns and decides, deputies, who is away",
                    "ombud team away maria --until 2026-12-01 --deputy piet", setup_team, false},
        CommandSpec{"config", "Shared settings: opening hours, time zone, service targets",
                    "ombud config set hours \"mon-fri 09:00-17:00, sat 10:00-14:00\"", setup_config,
                    false},
        CommandSpec{"holiday", "Days the business is closed",
                    "ombud holiday add 2026-12-25 --name \"Christmas\"", setup_holiday, false},
        CommandSpec{"search", "Find complaints by any word in their title, notes and resolution",
                    "ombud search parcel damaged --status closed", setup_search},
        CommandSpec{"export", "Write every customer, complaint and event as NDJSON",
                    "ombud export > ombud.ndjson", setup_export},
        CommandSpec{"import",
                    "Load an export into an empty database, or a spreadsheet's rows (--csv)",
                    "ombud --db new.db import ombud.ndjson", setup_import},
        CommandSpec{"db", "Look after the database file: check, backup, share",
                    "ombud db backup ~/ombud-2026-11-23.db", setup_db},
        CommandSpec{"schema", "Print the JSON Schema of everything ombud prints",
                    "ombud schema complaint", setup_schema},
        CommandSpec{"help", "Show help for ombud or one command", "ombud help open", setup_help},
        // Hidden: live values for the shell completion scripts.
        CommandSpec{"__complete", "Values for shell completion", "ombud __complete open 4",
                    setup_complete},
    };
    return table;
}

const CommandSpec* selected_command(const CLI::App& app) {
    // By name among the parsed ones: got_subcommand throws for a command that is not set up.
    for (const CLI::App* sub : app.get_subcommands())
        for (const auto& spec : commands())
            if (sub->get_name() == spec.name)
                return &spec;
    return nullptr;
}

void build_app(CLI::App& app, Context& ctx, const CommandSpec* only) {
    app.description("ombud: a complaint tracker for the terminal.\n\n"
                    "Examples:\n"
                    "  ombud open \"Parcel arrived damaged\" --customer \"Jan de Vries\"\n"
                    "  ombud note 1 \"Customer called again\" --channel phone\n"
                    "  ombud list\n"
                    "  ombud show 1\n"
                    "  ombud close 1 --resolution \"Sent a new one\" --rating 5\n");
    app.set_version_flag("--version", std::string("ombud ") + version());
    app.option_defaults()->always_capture_default(false);
    app.add_option("--db", ctx.globals.db,
                   "Database file (default: $OMBUD_DB, else $XDG_DATA_HOME/ombud/ombud.db)")
        ->type_name("PATH");
    app.add_option("--as", ctx.globals.as, "Who is acting (default: $OMBUD_USER, else your login)")
        ->type_name("NAME");
    // --json is short for --format json; the two are settled once parsing is done, before any
    // command runs, so a contradiction is a usage error and not half a command.
    auto json = std::make_shared<bool>(false);
    auto format = std::make_shared<std::string>();
    app.add_flag("--json", *json, "Machine-readable output on stdout (short for --format json)");
    app.add_option("--format", *format, "Output format on stdout (default: human)")
        ->check(CLI::IsMember({"human", "json", "ndjson", "csv"}).description(""))
        ->type_name("human|json|ndjson|csv");
    app.parse_complete_callback([json, format, &ctx, &app] {
        if (*json && !format->empty() && *format != "json")
            throw UsageError(
                fmt::format("--json and --format {} ask for different output", *format),
                "--json is short for --format json; give one of them");
        if (*json || *format == "json")
            ctx.globals.format = Format::json;
        else if (*format == "ndjson")
            ctx.globals.format = Format::ndjson;
        else if (*format == "csv")
            ctx.globals.format = Format::csv;
        else
            ctx.globals.format = Format::human;
        if (const CommandSpec* spec = selected_command(app);
            spec && !spec->csv && ctx.globals.format == Format::csv)
            throw UsageError(fmt::format("ombud {} has no CSV form", spec->name),
                             "use --json or the human output");
    });
    app.add_option("--color", ctx.globals.color, "Colour in human output")
        ->check(CLI::IsMember({"auto", "always", "never"}).description(""))
        ->type_name("auto|always|never");
    app.require_subcommand(0, 1);
    app.fallthrough();
    for (const auto& spec : commands()) {
        if (only != nullptr && only != &spec)
            continue;
        CLI::App* sub = app.add_subcommand(spec.name, spec.summary);
        sub->fallthrough();
        sub->footer(
            fmt::format("Example:\n  {}\n\nGlobal options --db, --as, --json, --format and --color "
                        "work here too; see `ombud --help`.\n",
                        spec.example));
        spec.setup(*sub, ctx);
    }
}

CLI::Option* add_limit(CLI::App& app, std::optional<std::int64_t>& target,
                       const std::string& description) {
    const CLI::Validator at_least_one(
        [](std::string& v) {
            const bool ok = !v.empty() && v.find_first_not_of("0123456789") == std::string::npos &&
                            v.find_first_not_of('0') != std::string::npos;
            return ok ? std::string() : "use a whole number of 1 or more, not " + v;
        },
        "");
    return add_optional(app, "--limit", target, description)->type_name("N")->check(at_least_one);
}

CLI::Option* add_id(CLI::App& app, std::string& target) {
    return app.add_option("ID", target, "Complaint number, 42 or #42")->required()->type_name("");
}

} // namespace ombud::cli
