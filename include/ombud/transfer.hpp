#pragma once
// Export and import: the whole database as NDJSON, one record per line, and back, without loss.
//
//     {"type":"ombud_export","version":1}
//     {"type":"customer","id":1,"name":"Jan de Vries","email":…,"phone":…,"created_at":…}
//     {"type":"complaint","id":1,…,"customer_id":1,…}      the complaint object of the contract
//     {"type":"event","id":1,"complaint_id":1,…}           the event object of the contract
//
// Customers, then complaints, then events, each in the order of their ids, so every record
// comes after what it refers to.

#include <ombud/store.hpp>

#include <cstdint>
#include <functional>
#include <istream>
#include <string>

namespace ombud::transfer {

/// The version of the export format; an import refuses other versions.
inline constexpr int export_version = 1;

/// Writes every record of `store` to `line`, one JSON text per call, without its newline.
void export_ndjson(Store& store, const std::function<void(const std::string&)>& line);

struct ImportReport {
    std::int64_t customers = 0;
    std::int64_t complaints = 0;
    std::int64_t events = 0;
};

/// Reads an export from `in` into `store`, which must hold nothing yet (ConflictError
/// otherwise), in one transaction: a line that is not a valid record is a UsageError naming
/// the line and the field, and then nothing is written.
ImportReport import_ndjson(Store& store, std::istream& in);

} // namespace ombud::transfer
