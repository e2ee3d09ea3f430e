#include "commands.hpp"

#include <ombud/error.hpp>
#include <ombud/files.hpp>

#include <fmt/format.h>

#include <filesystem>

namespace ombud::cli {
namespace {

// The database the maintenance commands work on must exist: checking or copying a file that
// is not there is a mistake worth saying, not an empty result.
Store& existing_store(Context& ctx) {
    const std::string path = ctx.database_path();
    std::error_code ec;
    if (!std::filesystem::exists(path, ec) && !ec)
        throw NotFoundError(fmt::format("there is no database at {}", path),
                            "check --db or OMBUD_DB");
    return ctx.store(OpenMode::read);
}

void run_check(Context& ctx) {
    const CheckReport report = existing_store(ctx).check();
    const std::string path = ctx.database_path();
    ctx.out().checked(path, report);
    if (!report.problems.empty())
        throw StorageError(fmt::format("{} has {} problem{}", path, report.problems.size(),
                                       report.problems.size() == 1 ? "" : "s"),
                           "keep the file as it is and restore a backup (ombud db backup)");
}

void run_backup(const std::string& dest, Context& ctx) {
    const BackupReport report = existing_store(ctx).backup(dest);
    ctx.out().backed_up(ctx.database_path(), report);
}

void run_share(const std::string& group, Context& ctx) {
    // Sharing a database that does not exist yet creates it, so a team can start with it.
    ctx.store(OpenMode::write);
    const std::string path = ctx.database_path();
    ctx.out().shared(path, files::share_with_group(path, group));
}

} // namespace

void setup_db(CLI::App& sub, Context& ctx) {
    sub.require_subcommand(0, 1);
    sub.callback([&sub] {
        if (sub.get_subcommands().empty())
            throw UsageError("ombud db needs what to do: check, backup FILE or share",
                             "example: ombud db check  (more: ombud help db)");
    });
    CLI::App* check = sub.add_subcommand(
        "check", "Check the file: SQLite's integrity and foreign keys, and ombud's own rules");
    check->fallthrough();
    check->callback([&ctx] { run_check(ctx); });

    CLI::App* backup = sub.add_subcommand(
        "backup", "Copy the database to FILE, consistently, while others may go on writing");
    backup->fallthrough();
    auto dest = std::make_shared<std::string>();
    backup->add_option("FILE", *dest, "Where the copy goes; must not exist yet")
        ->required()
        ->type_name("");
    backup->callback([dest, &ctx] { run_backup(*dest, ctx); });

    CLI::App* share = sub.add_subcommand(
        "share", "Let a group read and write the database (mode 0660), for a team");
    share->fallthrough();
    auto group = std::make_shared<std::string>();
    share->add_option("--group", *group, "The team's group (default: the file's group)")
        ->type_name("NAME");
    share->callback([group, &ctx] { run_share(*group, ctx); });
}

} // namespace ombud::cli
