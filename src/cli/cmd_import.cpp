#include "commands.hpp"

#include <ombud/error.hpp>
#include <ombud/transfer.hpp>

#include <fmt/format.h>

#include <fstream>
#include <iostream>
#include <unistd.h>

namespace ombud::cli {
namespace {

void run_import(const std::string& file, Context& ctx) {
    if (file == "-" && isatty(STDIN_FILENO))
        throw UsageError("import - reads an export from stdin, and stdin is a terminal",
                         "ombud export > all.ndjson; ombud --db new.db import all.ndjson");
    std::ifstream in;
    if (file != "-") {
        in.open(file, std::ios::binary);
        if (!in)
            throw NotFoundError(fmt::format("cannot read {}", file), "check the file name");
    }
    std::istream& source = file == "-" ? std::cin : in;
    const transfer::ImportReport report =
        transfer::import_ndjson(ctx.store(OpenMode::write), source);
    if (source.bad())
        throw Error(ExitCode::failed, fmt::format("reading {} failed", file));
    ctx.out().imported(file == "-" ? "stdin" : file, report);
}

} // namespace

void setup_import(CLI::App& sub, Context& ctx) {
    auto file = std::make_shared<std::string>();
    sub.add_option("FILE", *file, "An export of ombud (NDJSON); - reads stdin")
        ->required()
        ->type_name("");
    sub.callback([file, &ctx] { run_import(*file, ctx); });
}

} // namespace ombud::cli
