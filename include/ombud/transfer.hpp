#pragma once
// Export and import: the whole database as NDJSON, one record per line, and back, without loss.
//
//     {"type":"ombud_export","version":2}
//     {"type":"setting","key":"hours","value":"mon-sat 09:00-17:00"}
//     {"type":"holiday","date":"2026-12-25","name":"Christmas"}
//     {"type":"member","name":"maria",…,"created_at":…}     a member of `team list --json`
//     {"type":"customer","id":1,"name":"Jan de Vries","email":…,"phone":…,"created_at":…}
//     {"type":"complaint","id":1,…,"customer_id":1,"escalation_level":0,…}
//                                                          the complaint object of the contract
//     {"type":"event","id":1,"complaint_id":1,…}           the event object of the contract
//
// Settings by key, holidays by day, the team by name, then customers, complaints and events in
// the order of their ids, so every record comes after what it refers to. An import also reads
// version 1, which had only customers, complaints and events.

#include <ombud/store.hpp>
#include <ombud/tracker.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <string>
#include <vector>

namespace ombud::transfer {

/// The version of the export format; an import refuses other versions.
inline constexpr int export_version = 2;

/// Writes every record of `store` to `line`, one JSON text per call, without its newline.
void export_ndjson(Store& store, const std::function<void(const std::string&)>& line);

struct ImportReport {
    std::int64_t settings = 0;
    std::int64_t holidays = 0;
    std::int64_t members = 0;
    std::int64_t customers = 0;
    std::int64_t complaints = 0;
    std::int64_t events = 0;
};

/// Reads an export from `in` into `store`, which must hold nothing yet (ConflictError
/// otherwise), in one transaction: a line that is not a valid record is a UsageError naming
/// the line and the field, and then nothing is written.
ImportReport import_ndjson(Store& store, std::istream& in);

/// Reads complaints to open from `text`: one JSON object, an array of them, or NDJSON (one
/// object per line), each with the fields of `ombud open`'s options: title (required),
/// customer, email, phone, channel, category, priority, owner, due (a WHEN, read at `now`),
/// note, and at (when it was opened, for complaints brought over from elsewhere). Throws
/// UsageError naming the line (or item) and the field of the first invalid one; `check` is
/// called on each request, and what it throws is told with the line too.
std::vector<OpenRequest> read_open_requests(const std::string& text, Timestamp now,
                                            const std::function<void(const OpenRequest&)>& check);

} // namespace ombud::transfer
