#!/usr/bin/env bash
# `cmake --install` into a temporary DESTDIR: every file lands where Debian looks for it, with the
# right mode and content, and nothing else is installed. Also checks that another prefix puts the
# zsh completion in site-functions.
#
#     bash tests/packaging/test_install.sh BUILD_DIR SOURCE_DIR
#
# shellcheck disable=SC2317 # the helper functions below run through `check`
# shellcheck source=tests/packaging/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

command -v cmake >/dev/null 2>&1 || skip_suite "cmake is not installed"

# files_under ROOT: everything below ROOT that is not a folder, relative to ROOT, one a line.
files_under() {
    (cd "$1" && find . -mindepth 1 ! -type d | sed 's|^\./||')
}

# install_into ROOT PREFIX
install_into() {
    DESTDIR=$1 cmake --install "$BUILD" --prefix "$2"
}

# gzip_header_clean FILE: no file name (FLG.FNAME) and no time (MTIME 0) in the gzip header, as
# `gzip -n` writes it, so the compressed page is the same on every build.
gzip_header_clean() {
    local flags mtime
    flags=$(od -An -tu1 -j3 -N1 "$1" | tr -d ' ')
    mtime=$(od -An -tu4 -j4 -N4 "$1" | tr -d ' ')
    echo "flags $flags, mtime $mtime"
    [ $((flags & 8)) -eq 0 ] && [ "$mtime" -eq 0 ]
}

echo "# cmake --install $BUILD --prefix /usr, DESTDIR=$TMP/usr"
root=$TMP/usr
check "cmake --install --prefix /usr succeeds" install_into "$root" /usr
expect_tree "the tree holds exactly the expected files" "$(files_under "$root")" "$EXPECTED_FILES"
expect_eq "no empty folders are left" "" "$(cd "$root" && find . -mindepth 1 -type d -empty)"

bin=$root/usr/bin/ombud
check "usr/bin/ombud is an executable file" test -f "$bin" -a -x "$bin"
expect_eq "usr/bin/ombud has mode 755" 755 "$(stat -c %a "$bin" 2>&1)"
check "usr/bin/ombud is the built binary" cmp "$bin" "$BUILD/ombud"
expect_version "usr/bin/ombud --version" "$("$bin" --version 2>&1)"

man=$root/usr/share/man/man1/ombud.1.gz
expect_eq "the manual page has mode 644" 644 "$(stat -c %a "$man" 2>&1)"
check "the manual page is valid gzip" gzip -t "$man"
# (It differs also when man/ombud.1 changed after the last build: cmake --build updates it.)
check "the manual page decompresses to man/ombud.1" cmp <(gzip -dc "$man") "$SRC/man/ombud.1"
check "the manual page's gzip header has no name and no time" gzip_header_clean "$man"

for pair in \
    "usr/share/bash-completion/completions/ombud:completions/ombud.bash" \
    "usr/share/zsh/vendor-completions/_ombud:completions/_ombud" \
    "usr/share/fish/vendor_completions.d/ombud.fish:completions/ombud.fish"; do
    installed=${pair%%:*}
    source_file=${pair#*:}
    expect_eq "$installed has mode 644" 644 "$(stat -c %a "$root/$installed" 2>&1)"
    check "$installed is $source_file" cmp "$root/$installed" "$SRC/$source_file"
done

echo "# cmake --install $BUILD --prefix /usr/local, DESTDIR=$TMP/local"
root=$TMP/local
check "cmake --install --prefix /usr/local succeeds" install_into "$root" /usr/local
expected_local=$(printf '%s\n' "$EXPECTED_FILES" |
    sed -e 's|^usr/|usr/local/|' -e 's|/zsh/vendor-completions/|/zsh/site-functions/|')
expect_tree "the same files under usr/local, the zsh completion in site-functions" \
    "$(files_under "$root")" "$expected_local"

finish
