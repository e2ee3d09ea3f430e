#include "commands.hpp"

#include <ombud/transfer.hpp>

#include <cstdio>

namespace ombud::cli {
namespace {

void run_export(Context& ctx) {
    // Always NDJSON, streamed: one line per record, whatever --json says.
    transfer::export_ndjson(ctx.store(OpenMode::read), [](const std::string& line) {
        std::fwrite(line.data(), 1, line.size(), stdout);
        std::fputc('\n', stdout);
    });
}

} // namespace

void setup_export(CLI::App& sub, Context& ctx) {
    sub.callback([&ctx] { run_export(ctx); });
}

} // namespace ombud::cli
