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
    std::ifstream in;
    std::istream& source = Context::input(file, in, "import");
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
