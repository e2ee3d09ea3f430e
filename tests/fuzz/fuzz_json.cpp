// libFuzzer target for JSON input: `open --from-json` (read_open_requests) and `import`
// (import_ndjson into a database in memory). Bad input must be a UsageError (or, for import, a
// ConflictError never: the database is empty), never a crash; what is accepted must be what was
// written: an accepted import exports again without loss. Text json::is_canonical accepts must
// be exactly what dump() writes for it, since an export then copies it unparsed.

#include "fuzz_check.hpp"

#include <ombud/json.hpp>
#include <ombud/store.hpp>
#include <ombud/tracker.hpp>
#include <ombud/transfer.hpp>

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

namespace {

using namespace ombud;

// A fixed moment, so the same input always means the same thing.
constexpr Timestamp now = 1795000000;

void check_open_requests(const std::string& input) {
    const auto requests =
        FUZZ_ACCEPTS(input, transfer::read_open_requests(input, now, [](const OpenRequest& r) {
                         check_open_request(r, now);
                     }));
    if (!requests)
        return;
    FUZZ_CHECK(!requests->empty(), input);
    for (const auto& r : *requests) {
        FUZZ_CHECK(!r.title.empty(), input);
        FUZZ_CHECK(!r.at || *r.at <= now, input);
        FUZZ_CHECK(!r.due || *r.due > r.at.value_or(now), input);
    }
}

void check_import(const std::string& input) {
    auto store = Store::open(":memory:", OpenMode::write);
    std::istringstream in(input);
    const auto report = FUZZ_ACCEPTS(input, transfer::import_ndjson(*store, in));
    if (!report)
        return;
    // What was accepted comes out again, record for record (with the team a version 1 export
    // gets from its owners).
    std::int64_t lines = 0;
    transfer::export_ndjson(*store, [&](const std::string&) { ++lines; });
    FUZZ_CHECK(lines == 1 + report->settings + report->holidays + report->members +
                            report->customers + report->complaints + report->events,
               input);
}

void check_canonical(const std::string& input) {
    if (!json::is_canonical(input))
        return;
    const auto parsed = nlohmann::json::parse(input, nullptr, false);
    FUZZ_CHECK(parsed.is_object(), input);
    FUZZ_CHECK(json::dump(parsed) == input, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string input(reinterpret_cast<const char*>(data), size);
    check_canonical(input);
    check_open_requests(input);
    check_import(input);
    return 0;
}
