# shellcheck shell=bash
# Shared helpers of the packaging suites, sourced by tests/packaging/test_*.sh.
#
#     bash tests/packaging/test_install.sh BUILD_DIR SOURCE_DIR
#
# ctest passes the build folder and the source folder. Each check prints `ok - NAME` or
# `not ok - NAME` with what was expected and what was found; the suite goes on after a failure,
# so one run shows every problem. `finish` prints "N passed, N failed" and exits 1 when a check
# failed; `skip_suite REASON` exits 125, which ctest reports as skipped.
#
# Checks:   check NAME CMD…, expect_eq NAME EXPECTED ACTUAL, expect_match NAME REGEX ACTUAL,
#           expect_tree NAME ACTUAL_LIST EXPECTED_LIST, expect_version NAME OUTPUT
# Values:   BUILD, SRC, TMP (removed at exit), VERSION (the project version), EXPECTED_FILES

set -u

if [ $# -lt 2 ] || [ ! -d "$1" ] || [ ! -d "$2" ]; then
    echo "usage: bash $0 BUILD_DIR SOURCE_DIR" >&2
    exit 2
fi
BUILD=$(cd "$1" && pwd)
SRC=$(cd "$2" && pwd)
readonly BUILD SRC

PASSED=0
FAILED=0

TMP=$(mktemp -d "${TMPDIR:-/tmp}/ombud-packaging.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT

# What the install rules put under the prefix /usr (see "What is installed" in CMakeLists.txt).
# shellcheck disable=SC2034 # used by the suites
EXPECTED_FILES="usr/bin/ombud
usr/share/bash-completion/completions/ombud
usr/share/fish/vendor_completions.d/ombud.fish
usr/share/man/man1/ombud.1.gz
usr/share/zsh/vendor-completions/_ombud"

# The project version, as CMake recorded it for this build folder.
VERSION=$(sed -n 's/^CMAKE_PROJECT_VERSION:STATIC=//p' "$BUILD/CMakeCache.txt" 2>/dev/null)
if [ -z "$VERSION" ]; then
    echo "$0: no CMAKE_PROJECT_VERSION in $BUILD/CMakeCache.txt: not a configured ombud build" >&2
    exit 2
fi
readonly VERSION

_pass() {
    PASSED=$((PASSED + 1))
    echo "ok - $1"
}

# _fail NAME DETAIL…: the detail lines are indented under the name.
_fail() {
    local name=$1
    shift
    FAILED=$((FAILED + 1))
    echo "not ok - $name"
    local line
    for line in "$@"; do
        printf '%s\n' "$line" | sed 's/^/    /'
    done
}

# check NAME CMD…: passes when the command exits 0; shows its output when it does not.
check() {
    local name=$1
    shift
    local output rc
    output=$("$@" 2>&1)
    rc=$?
    if [ "$rc" -eq 0 ]; then
        _pass "$name"
    else
        _fail "$name" "command: $*" "exit: $rc" "$output"
    fi
}

expect_eq() {
    if [ "$2" = "$3" ]; then
        _pass "$1"
    else
        _fail "$1" "expected: $2" "actual:   $3"
    fi
}

expect_match() {
    if [[ $3 =~ $2 ]]; then
        _pass "$1"
    else
        _fail "$1" "expected to match: $2" "actual: $3"
    fi
}

# expect_tree NAME ACTUAL EXPECTED: two newline-separated lists of paths, compared sorted.
expect_tree() {
    local actual expected missing unexpected
    actual=$(printf '%s\n' "$2" | sed '/^$/d' | LC_ALL=C sort)
    expected=$(printf '%s\n' "$3" | sed '/^$/d' | LC_ALL=C sort)
    if [ "$actual" = "$expected" ]; then
        _pass "$1"
        return
    fi
    missing=$(LC_ALL=C comm -13 <(printf '%s\n' "$actual") <(printf '%s\n' "$expected"))
    unexpected=$(LC_ALL=C comm -23 <(printf '%s\n' "$actual") <(printf '%s\n' "$expected"))
    _fail "$1" "missing:" "${missing:-  (none)}" "unexpected:" "${unexpected:-  (none)}"
}

# expect_version NAME OUTPUT: OUTPUT is what `ombud --version` printed: "ombud 0.1.0", with
# " (abc1234)" after it when the source folder is a git checkout, naming a commit of it.
expect_version() {
    local name=$1 output=$2 version_re revision
    version_re="^ombud ${VERSION//./\\.}( \(([0-9a-f]{4,40})\))?$"
    if ! [[ $output =~ $version_re ]]; then
        _fail "$name" "expected: ombud $VERSION, optionally followed by \" (REVISION)\"" \
            "actual:   $output"
        return
    fi
    revision=${BASH_REMATCH[2]}
    if [ ! -e "$SRC/.git" ] || ! command -v git >/dev/null 2>&1 ||
        ! git -C "$SRC" rev-parse --git-dir >/dev/null 2>&1; then
        _pass "$name"
    elif [ -z "$revision" ]; then
        _fail "$name" "the source folder is a git checkout, but no revision is shown" \
            "actual:   $output"
    elif ! git -C "$SRC" rev-parse -q --verify "$revision^{commit}" >/dev/null; then
        _fail "$name" "$revision is not a commit of $SRC" "actual:   $output"
    else
        _pass "$name"
    fi
}

skip_suite() {
    echo "$(basename "$0" .sh): skipped: $1"
    exit 125
}

finish() {
    echo "$PASSED passed, $FAILED failed"
    if [ "$FAILED" -gt 0 ]; then
        exit 1
    fi
    exit 0
}
