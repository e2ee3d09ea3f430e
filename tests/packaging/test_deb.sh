#!/usr/bin/env bash
# The Debian package: `cpack -G DEB` in the build folder, into a temporary folder. Checks the
# file name, the control fields (the Depends that dpkg-shlibdeps computed included), the file
# list with owners and modes, and that the binary unpacked with `dpkg -x` runs. Nothing is
# installed on the machine.
#
#     bash tests/packaging/test_deb.sh BUILD_DIR SOURCE_DIR
#
# shellcheck disable=SC2317 # the helper functions below run through `check`
# shellcheck source=tests/packaging/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

for tool in cpack dpkg dpkg-deb dpkg-shlibdeps file readelf; do
    command -v "$tool" >/dev/null 2>&1 ||
        skip_suite "$tool is not installed (tools/install-deps installs cpack, dpkg-dev and file)"
done
check "cmake wrote CPackConfig.cmake (cmake/packaging.cmake)" test -f "$BUILD/CPackConfig.cmake"

arch=$(dpkg --print-architecture)
deb_name=ombud_${VERSION}_${arch}.deb

# cpack's DEB generator first builds the `preinstall` target, which with Makefiles rebuilds all
# that is out of date. A test must not rebuild (it would relink build/ombud under the end-to-end
# suites running next to it, and take minutes); it packages what is built. The packaging itself
# is the project's own configuration; the wrapper only names a CMake generator without a
# preinstall target (Ninja), and cpack reads that name just to find the target to build first.
cat >"$TMP/CPackConfig.cmake" <<EOF
include("$BUILD/CPackConfig.cmake")
set(CPACK_CMAKE_GENERATOR Ninja)
EOF

echo "# cpack -G DEB -B $TMP/out, in $BUILD"
run_cpack() {
    (cd "$BUILD" && cpack --config "$TMP/CPackConfig.cmake" -G DEB -B "$TMP/out")
}
check "cpack -G DEB succeeds" run_cpack
expect_eq "it writes one package, named $deb_name" "$deb_name" \
    "$(cd "$TMP/out" 2>/dev/null && ls -- *.deb *.ddeb 2>/dev/null)"
deb=$TMP/out/$deb_name
if [ ! -f "$deb" ]; then
    finish
fi

check "dpkg-deb -I reads the control file" dpkg-deb -I "$deb"
field() {
    dpkg-deb -f "$deb" "$1" 2>&1
}
expect_eq "Package" ombud "$(field Package)"
expect_eq "Version" "$VERSION" "$(field Version)"
expect_eq "Architecture" "$arch" "$(field Architecture)"
expect_eq "Section" utils "$(field Section)"
expect_eq "Priority" optional "$(field Priority)"
expect_match "Maintainer is \"Name <e-mail>\"" '^[^<>]+ <[^<>@ ]+@[^<>@ ]+>$' "$(field Maintainer)"
description=$(field Description)
expect_match "Description: a summary line and an extended description" \
    $'^complaint tracker for the terminal\n ombud logs customer complaints' "$description"
expect_match "Installed-Size is given" '^[0-9]+$' "$(field Installed-Size)"

depends=$(field Depends)
echo "# Depends: $depends"
# dpkg-shlibdeps names each with a minimum version: "libfmt9 (>= 9.1.0+ds1), …". The version
# suffixes of fmt and utf8proc follow their soname, so any is accepted. SQLite and utf8proc are
# linked statically where their static libraries are installed (OMBUD_STATIC_DEPS): then the
# package must not depend on them.
needed=$(readelf -d "$BUILD/ombud" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
expect_match "readelf lists the shared libraries ombud needs" 'libc\.so' "$needed"
for pair in libc:libc6 'libstdc++:libstdc\+\+6' libfmt:'libfmt[0-9]+' libsqlite3:libsqlite3-0 \
    libutf8proc:'libutf8proc[0-9]+'; do
    lib=${pair%%:*} dep=${pair#*:}
    if grep -qF "$lib.so" <<<"$needed"; then
        expect_match "Depends names ${dep//\\/} with a version" \
            "(^|, )${dep} \(>= [^)]+\)(,|$)" "$depends"
    else
        check "Depends leaves out ${dep//\\/}: $lib is linked statically" \
            bash -c '! grep -Eq "$1" <<<"$2"' _ "(^|, )${dep}( |,|$)" "$depends"
    fi
done
# Business time reads the system's zone files, which no library dependency brings in.
expect_match "Depends names tzdata" "(^|, )tzdata(,|$)" "$depends"

# dpkg-deb -c: "drwxr-xr-x root/root 0 2026-11-23 14:27 ./usr/bin/".
listing=$(dpkg-deb -c "$deb" 2>&1)
files=$(awk '$1 !~ /^d/ { print $6 }' <<<"$listing" | sed 's|^\./||')
expect_tree "the package holds exactly the expected files" "$files" "$EXPECTED_FILES"
# Every folder in the package is a parent of an expected file (no stray or empty folders).
parents=$(printf '%s\n' "$EXPECTED_FILES" | while read -r f; do
    while [ "$f" != "${f%/*}" ]; do
        f=${f%/*}
        echo "$f"
    done
done | LC_ALL=C sort -u)
expect_tree "the package's folders are exactly the parents of those files" \
    "$(awk '$1 ~ /^d/ { print $6 }' <<<"$listing" | sed -e 's|^\./||' -e 's|/$||' -e '/^$/d')" \
    "$parents"
expect_eq "everything is owned by root/root" "" "$(awk '$2 != "root/root"' <<<"$listing")"
expect_eq "usr/bin/ombud is -rwxr-xr-x" "-rwxr-xr-x" \
    "$(awk '$6 == "./usr/bin/ombud" { print $1 }' <<<"$listing")"
expect_eq "the other files are -rw-r--r--, the folders drwxr-xr-x" "" \
    "$(awk '$6 != "./usr/bin/ombud" && $1 != "-rw-r--r--" && $1 != "drwxr-xr-x"' <<<"$listing")"

echo "# dpkg -x into $TMP/root"
check "dpkg -x unpacks the package" dpkg -x "$deb" "$TMP/root"
bin=$TMP/root/usr/bin/ombud
is_stripped() {
    file -b "$1" | grep -q ', stripped'
}
check "the unpacked binary is stripped" is_stripped "$bin"
expect_version "the unpacked usr/bin/ombud --version" "$("$bin" --version 2>&1)"
# The package holds what is built: after changes to man/ombud.1, run cmake --build first.
check "the unpacked manual page decompresses to man/ombud.1" \
    cmp <(gzip -dc "$TMP/root/usr/share/man/man1/ombud.1.gz") "$SRC/man/ombud.1"
check "the unpacked zsh completion is completions/_ombud" \
    cmp "$TMP/root/usr/share/zsh/vendor-completions/_ombud" "$SRC/completions/_ombud"

finish
