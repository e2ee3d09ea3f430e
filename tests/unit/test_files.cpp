#include "temp_dir.hpp"

#include <ombud/error.hpp>
#include <ombud/files.hpp>

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>
#include <sys/statfs.h>

using namespace ombud;
using ombud::test::TempDir;

namespace {

unsigned mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

void touch(const std::string& path) {
    std::ofstream(path) << "x";
    ::chmod(path.c_str(), 0600);
}

} // namespace

TEST_CASE("network file systems are recognised by their statfs magic number") {
    CHECK(files::network_fs_name(0x6969) == "NFS");
    CHECK(files::network_fs_name(0xFF534D42) == "CIFS");
    CHECK(files::network_fs_name(0xFE534D42) == "SMB2");
    CHECK(files::network_fs_name(0x517B) == "SMB");
    CHECK(files::network_fs_name(0x65735546) == "FUSE");
    // Local ones: ext4, tmpfs, xfs, btrfs, overlayfs.
    for (std::uint64_t local :
         {0xEF53ULL, 0x01021994ULL, 0x58465342ULL, 0x9123683EULL, 0x794C7630ULL})
        CHECK_FALSE(files::network_fs_name(local).has_value());
}

TEST_CASE("the file system of a path that does not exist yet is its nearest folder's") {
    TempDir dir;
    struct statfs info {};
    REQUIRE(::statfs(dir.file("").c_str(), &info) == 0);
    const auto expected = files::network_fs_name(static_cast<std::uint64_t>(info.f_type));
    CHECK(files::network_fs_of(dir.file("no/such/folder/o.db")) ==
          (expected ? std::optional<std::string>(*expected) : std::nullopt));
}

TEST_CASE("folder_of names the folder of a path") {
    CHECK(files::folder_of("/srv/ombud/o.db") == "/srv/ombud");
    CHECK(files::folder_of("o.db") == ".");
    CHECK(files::folder_of("data/o.db") == "data");
}

TEST_CASE("write_problem is quiet for a writable file") {
    TempDir dir;
    touch(dir.file("o.db"));
    CHECK_FALSE(files::write_problem(dir.file("o.db")).has_value());
    CHECK_FALSE(files::write_problem(dir.file("new.db")).has_value());
}

TEST_CASE("share_with_group makes the file and its journal files 0660") {
    TempDir dir;
    const std::string db = dir.file("o.db");
    touch(db);
    touch(db + "-wal");
    const files::ShareReport r = files::share_with_group(db, "");
    CHECK(mode_of(db) == 0660);
    CHECK(mode_of(db + "-wal") == 0660);
    CHECK(r.files == std::vector<std::string>{db, db + "-wal"});
    CHECK_FALSE(r.group.empty());
    CHECK(r.folder == files::folder_of(db));
    // mkdtemp makes the folder 0700: the group cannot make journal files in it.
    CHECK_FALSE(r.folder_ready);
}

TEST_CASE("share_with_group sees a folder the group can use") {
    TempDir dir;
    const std::string folder = dir.file("team");
    REQUIRE(::mkdir(folder.c_str(), 0700) == 0);
    REQUIRE(::chmod(folder.c_str(), 02770) == 0);
    const std::string db = folder + "/o.db";
    touch(db);
    CHECK(files::share_with_group(db, "").folder_ready);
}

TEST_CASE("share_with_group refuses a group that does not exist") {
    TempDir dir;
    touch(dir.file("o.db"));
    CHECK_THROWS_AS(files::share_with_group(dir.file("o.db"), "no-such-group-ombud"), UsageError);
    CHECK(mode_of(dir.file("o.db")) == 0600);
}
