#pragma once
// What ombud needs to know about the file system a database lives on: whether it is a network
// share (where SQLite's WAL mode is unsafe) and why a file cannot be written.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ombud::files {

/// The name of the network (or FUSE) file system with statfs magic number `f_type`, or nothing
/// for a local one.
std::optional<std::string_view> network_fs_name(std::uint64_t f_type);

/// The network file system that holds `path` (a file or, when it does not exist yet, its
/// folder), or nothing when it is local or cannot be told.
std::optional<std::string> network_fs_of(const std::string& path);

/// Why a file cannot be written.
struct WriteProblem {
    std::string reason; ///< in words: "the file is read-only for you (mode 0644)"
    std::string hint;   ///< whom to ask, what to do
};

/// Why the database at `path` cannot be written, or nothing when the file and its folder look
/// writable.
std::optional<WriteProblem> write_problem(const std::string& path);

/// Why writing the database at `path` may have run out of room: the file system is (nearly)
/// full, or the file or its journal reached the process's file size limit (ulimit -f). Nothing
/// when neither is the case. For telling the user why an I/O error happened.
std::optional<std::string> space_problem(const std::string& path);

/// The folder that holds `path` ("." for a bare file name).
std::string folder_of(const std::string& path);

/// What `share_with_group` did.
struct ShareReport {
    std::string group;
    /// The files made group-readable and -writable: the database and its journal files.
    std::vector<std::string> files;
    std::string folder;
    /// Whether the folder lets the group create SQLite's journal files, owned by the group
    /// (group-writable and set-group-ID).
    bool folder_ready = false;
};

/// Makes the database at `path` and its journal files readable and writable by `group` (the
/// file's current group when empty): mode 0660. SQLite gives the journal files it creates later
/// the database's mode. Throws StorageError when a file cannot be changed and UsageError for
/// an unknown group.
ShareReport share_with_group(const std::string& path, const std::string& group);

} // namespace ombud::files
