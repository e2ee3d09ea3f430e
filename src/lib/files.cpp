#include <ombud/error.hpp>
#include <ombud/files.hpp>

#include <fmt/format.h>

#include <grp.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <filesystem>
#include <system_error>
#include <utility>

namespace ombud::files {

std::optional<std::string_view> network_fs_name(std::uint64_t f_type) {
    // Magic numbers from linux/magic.h and the file systems' own sources. WAL needs shared
    // memory and POSIX locks that work between all users of the file: these cannot promise it.
    static constexpr std::array<std::pair<std::uint64_t, std::string_view>, 14> known{{
        {0x6969, "NFS"},
        {0x517B, "SMB"},
        {0xFF534D42, "CIFS"},
        {0xFE534D42, "SMB2"},
        {0x65735546, "FUSE"},
        {0x01021997, "9P"},
        {0x5346414F, "AFS"},
        {0x6B414653, "AFS"},
        {0x73757245, "Coda"},
        {0x00C36400, "Ceph"},
        {0x0BD00BD0, "Lustre"},
        {0x47504653, "GPFS"},
        {0x7461636F, "OCFS2"},
        {0x01161970, "GFS2"},
    }};
    for (const auto& [magic, name] : known) {
        if (magic == f_type)
            return name;
    }
    return std::nullopt;
}

std::string folder_of(const std::string& path) {
    const std::string parent = std::filesystem::path(path).parent_path().string();
    return parent.empty() ? "." : parent;
}

std::optional<std::string> network_fs_of(const std::string& path) {
    struct statfs info {};
    // The file if it exists, else the nearest folder that does (a new database's folders are
    // created on the same file system).
    std::filesystem::path p = path;
    while (::statfs(p.c_str(), &info) != 0) {
        if (!p.has_parent_path() || p.parent_path() == p) {
            if (::statfs(".", &info) != 0)
                return std::nullopt;
            break;
        }
        p = p.parent_path();
    }
    if (auto name = network_fs_name(static_cast<std::uint64_t>(info.f_type)))
        return std::string(*name);
    return std::nullopt;
}

std::optional<WriteProblem> write_problem(const std::string& path) {
    const std::string folder = folder_of(path);
    struct stat st {};
    const bool exists = ::stat(path.c_str(), &st) == 0;
    if (exists && ::access(path.c_str(), W_OK) != 0) {
        if (errno == EROFS)
            return WriteProblem{"it is on a read-only file system", "copy it somewhere writable"};
        return WriteProblem{
            fmt::format("the file is read-only for you (mode {:04o})", st.st_mode & 07777),
            "ask the file's owner for write permission (`ombud db share` sets it up for a team)"};
    }
    if (::access(folder.c_str(), W_OK) != 0) {
        // SQLite keeps its journal (-wal, -shm or -journal) next to the file.
        return WriteProblem{
            exists ? fmt::format("its folder {} is read-only for you, and SQLite needs to "
                                 "create its journal there",
                                 folder)
                   : fmt::format("its folder {} is read-only for you", folder),
            "ask the folder's owner for write permission, or use a file in a writable folder"};
    }
    return std::nullopt;
}

std::optional<std::string> space_problem(const std::string& path) {
    // A write that failed may have needed a page or a journal frame more than is left.
    constexpr unsigned long long margin = 1 << 20;
    struct statvfs fs {};
    if (::statvfs(folder_of(path).c_str(), &fs) == 0 &&
        static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < margin)
        return std::string("no space left on the device");
    rlimit limit{};
    if (::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY) {
        for (const char* suffix : {"", "-wal", "-journal"}) {
            struct stat st {};
            if (::stat((path + suffix).c_str(), &st) == 0 &&
                static_cast<unsigned long long>(st.st_size) + margin >= limit.rlim_cur)
                return fmt::format("no space: the file size limit of {} bytes (ulimit -f) is "
                                   "reached",
                                   static_cast<unsigned long long>(limit.rlim_cur));
        }
    }
    return std::nullopt;
}

ShareReport share_with_group(const std::string& path, const std::string& group) {
    const auto fail = [](const std::string& what, const std::string& file) {
        const int saved = errno;
        return StorageError(
            fmt::format("cannot {} {}: {}", what, file, std::generic_category().message(saved)),
            saved == EPERM ? "only the file's owner (or root) can do this" : "");
    };
    gid_t gid = static_cast<gid_t>(-1);
    ShareReport report;
    if (!group.empty()) {
        const ::group* g = ::getgrnam(group.c_str());
        if (g == nullptr)
            throw UsageError(fmt::format("there is no group \"{}\" on this computer", group),
                             "see `getent group` for the groups");
        gid = g->gr_gid;
        report.group = group;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        const std::string file = path + suffix;
        struct stat st {};
        if (::stat(file.c_str(), &st) != 0)
            continue;
        if (gid != static_cast<gid_t>(-1) && st.st_gid != gid &&
            ::chown(file.c_str(), -1, gid) != 0)
            throw fail("give the group", file);
        if (::chmod(file.c_str(), 0660) != 0)
            throw fail("change the mode of", file);
        report.files.push_back(file);
        if (report.group.empty()) {
            const ::group* g = ::getgrgid(st.st_gid);
            report.group = g != nullptr ? g->gr_name : std::to_string(st.st_gid);
        }
    }
    report.folder = folder_of(path);
    struct stat file_st {
    }, folder_st{};
    report.folder_ready =
        ::stat(path.c_str(), &file_st) == 0 && ::stat(report.folder.c_str(), &folder_st) == 0 &&
        folder_st.st_gid == file_st.st_gid &&
        (folder_st.st_mode & (S_IWGRP | S_IXGRP | S_ISGID)) == (S_IWGRP | S_IXGRP | S_ISGID);
    return report;
}

} // namespace ombud::files
