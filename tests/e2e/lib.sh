# shellcheck shell=bash
# Shared helpers of the end-to-end suites, sourced by every tests/e2e/test_*.sh.
#
#     bash tests/e2e/test_open.sh /path/to/ombud
#
# A suite is a flat list of test cases in the style of ccache's test suite:
#
#     TEST "open prints the new number"
#     run open "Parcel damaged"
#     expect_rc 0
#     expect_contains "$out" "Opened #1"
#
# Every TEST gets its own folder ($T, also the working directory), its own HOME and a fresh
# database path ($OMBUD_DB, not created yet). `run ARGS…` runs ombud with stdin from /dev/null and
# leaves $out, $err and $rc (the files are $OUT_FILE and $ERR_FILE). A failed expectation prints
# the test name, the command, expected and actual values and the captured stderr, and marks the
# test case failed; the case goes on, so one run shows every problem. `finish` prints
# "N passed, N failed" and sets the exit status (125 when everything was skipped).
#
# Running:   run, run_stdin TEXT, run_cmd, run_shifted OFFSET, run_faked SPEC (libfaketime),
#            run_as_nobody, run_to_full, ok (run and expect 0)
# Checking:  expect_rc, expect_eq, expect_ne, expect_contains, expect_not_contains,
#            expect_match, expect_no_match, expect_empty, expect_file_exists, expect_no_file,
#            json_get EXPR, expect_json EXPR VALUE…, expect_shape, expect_json_error CODE,
#            expect_fits FILE WIDTH, expect_no_controls FILE, snapshot + expect_unchanged
# Database:  policy_off, sql QUERY, db_fingerprint, event_count, file_hash, hold_write_lock,
#            release_write_lock
# Other:     SKIP REASON, have_faketime, can_drop_privileges, disk_dir
#
# JSON checks are Python expressions on the output (`d`), evaluated by one Python process that
# serves the whole suite.

set -u

if [ $# -lt 1 ] || [ -z "$1" ]; then
    echo "usage: bash $0 /path/to/ombud" >&2
    exit 2
fi
OMBUD=$1
case $OMBUD in
    /*) ;;
    *) OMBUD="$PWD/$OMBUD" ;;
esac
if [ ! -x "$OMBUD" ] || [ -d "$OMBUD" ]; then
    echo "$0: $OMBUD is not an executable" >&2
    exit 2
fi
readonly OMBUD

SUITE=$(basename "$0" .sh)
# The folder of the suites, for suites that need files of the source tree.
# shellcheck disable=SC2034 # used by the suites
E2E_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# A real interpreter, not a version manager's shim: each call then costs milliseconds, not half a
# second.
PYTHON=${OMBUD_E2E_PYTHON:-}
if [ -z "$PYTHON" ]; then
    for candidate in /usr/bin/python3 /usr/local/bin/python3 "$(command -v python3 2>/dev/null)"; do
        if [ -n "$candidate" ] && [ -x "$candidate" ]; then
            PYTHON=$candidate
            break
        fi
    done
fi
if [ -z "$PYTHON" ]; then
    echo "$SUITE: skipped: python3 is needed to check JSON output"
    exit 125
fi
if ! command -v sqlite3 >/dev/null 2>&1; then
    echo "$SUITE: skipped: the sqlite3 command-line shell is needed to inspect databases"
    exit 125
fi

# Every write of ombud ends in fsync; on tmpfs that costs nothing, so /dev/shm is preferred
# (OMBUD_E2E_TMPDIR overrides, TMPDIR is the fallback).
E2E_PARENT=${OMBUD_E2E_TMPDIR:-}
if [ -z "$E2E_PARENT" ]; then
    if [ -d /dev/shm ] && [ -w /dev/shm ]; then
        E2E_PARENT=/dev/shm
    else
        E2E_PARENT=${TMPDIR:-/tmp}
    fi
fi
E2E_TMP=$(mktemp -d "$E2E_PARENT/ombud-e2e.XXXXXXXX") || exit 1
BG_PIDS=()
SUITE_FINISHED=0
E2E_DISK_TMP=""

# disk_dir: sets DISK_DIR to a fresh folder on a disk-backed file system (where fsync takes real
# time), for the few cases whose timing depends on it; inside $T when the suite runs on disk.
disk_dir() {
    if [ "$E2E_PARENT" != /dev/shm ]; then
        DISK_DIR="$T/disk"
    else
        if [ -z "$E2E_DISK_TMP" ]; then
            E2E_DISK_TMP=$(mktemp -d "${TMPDIR:-/tmp}/ombud-e2e-disk.XXXXXXXX") || return 1
        fi
        DISK_DIR="$E2E_DISK_TMP/t$TEST_N"
    fi
    mkdir -p "$DISK_DIR"
}

cleanup() {
    local status=$?
    local pid
    for pid in "${BG_PIDS[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    if [ -n "${PY_PID:-}" ]; then
        exec {PY_IN}>&- {PY_OUT}<&-
        kill "$PY_PID" 2>/dev/null
        wait "$PY_PID" 2>/dev/null
    fi
    cd / || true
    # Test cases may have taken write permission away; get it back so everything can go.
    chmod -R u+rwX "$E2E_TMP" 2>/dev/null
    rm -rf "$E2E_TMP"
    [ -n "$E2E_DISK_TMP" ] && rm -rf "$E2E_DISK_TMP"
    if [ "$SUITE_FINISHED" != 1 ]; then
        echo "ABORTED: $SUITE stopped before its end (in test \"${TEST_NAME:-}\")"
        [ "$status" = 0 ] && status=1
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A clean environment: nothing from the caller's shell may steer ombud.
unset OMBUD_DB XDG_DATA_HOME NO_COLOR OMBUD_BUSY_TIMEOUT COLUMNS LINES
unset FAKETIME FAKETIME_NO_CACHE LANGUAGE
export OMBUD_USER=tester
export TZ=UTC
export LC_ALL=C.UTF-8
export HOME="$E2E_TMP/home"
export OMBUD_DB="$E2E_TMP/unused.db"
mkdir -p "$HOME"

# ---------------------------------------------------------------------------------------------
# The Python half: JSON queries, shape checks of the contract, display widths, control bytes.

CHECK_PY="$E2E_TMP/check.py"
cat >"$CHECK_PY" <<'PYTHON'
import datetime, json, re, sys, unicodedata

RFC3339_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")
SNAKE = re.compile(r"^[a-z][a-z0-9]*(_[a-z0-9]+)*$")
COMPLAINT_KEYS = ["id", "title", "status", "priority", "category", "channel", "customer",
                  "owner", "handoffs", "escalation", "due", "response_due", "responded_at",
                  "waiting", "next_deadline", "created_at", "updated_at", "closed_at",
                  "close_reason", "resolution", "rating"]
EVENT_KEYS = ["id", "complaint_id", "at", "actor", "kind", "text", "channel", "direction",
              "visible", "data"]
STATUSES = {"open", "escalated", "waiting", "closed"}
PRIORITIES = {"low", "normal", "high", "urgent"}
CLOSE_REASONS = {"resolved", "rejected", "duplicate", "withdrawn"}
KINDS = {"opened", "note", "escalated", "assigned", "closed", "reopened", "decided", "waited",
         "resumed"}
DEADLINE_KINDS = {"response", "resolution", "decision"}
CHANNELS = {"phone", "email", "letter", "chat", "social", "in-person", "web", "other"}


def ts(s):
    """Unix seconds of an RFC 3339 UTC time like 2026-11-22T14:05:00Z."""
    return int(datetime.datetime.strptime(s, "%Y-%m-%dT%H:%M:%SZ")
               .replace(tzinfo=datetime.timezone.utc).timestamp())


def is_time(v):
    return isinstance(v, str) and bool(RFC3339_UTC.match(v))


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def snake_problems(o, path="$"):
    p = []
    if isinstance(o, dict):
        for k, v in o.items():
            if not SNAKE.match(k):
                p.append("%s: key %r is not snake_case" % (path, k))
            p += snake_problems(v, "%s.%s" % (path, k))
    elif isinstance(o, list):
        for i, v in enumerate(o):
            p += snake_problems(v, "%s[%d]" % (path, i))
    return p


def _check(p, o, key, ok, what):
    if key not in o:
        p.append("missing key %r" % key)
    elif not ok(o[key]):
        p.append("%r is %s, expected %s" % (key, json.dumps(o[key]), what))


def complaint_problems(c):
    """Everything about one complaint object that breaks the contract, as a list of strings."""
    if not isinstance(c, dict):
        return ["complaint is not an object: %r" % (c,)]
    p = []
    _check(p, c, "id", lambda v: is_int(v) and v > 0, "a positive number")
    _check(p, c, "title", lambda v: isinstance(v, str) and v != "", "a string")
    _check(p, c, "status", lambda v: v in STATUSES, "a status")
    _check(p, c, "priority", lambda v: v in PRIORITIES, "a priority")
    _check(p, c, "category", lambda v: v is None or isinstance(v, str), "string or null")
    _check(p, c, "channel", lambda v: v is None or v in CHANNELS, "a channel or null")
    _check(p, c, "customer", lambda v: v is None or isinstance(v, dict), "object or null")
    _check(p, c, "owner", lambda v: isinstance(v, str) and v != "", "a string")
    _check(p, c, "escalation", lambda v: v is None or isinstance(v, dict), "object or null")
    _check(p, c, "handoffs", lambda v: is_int(v) and v >= 0, "a count")
    for k in ("due", "response_due", "responded_at", "closed_at"):
        _check(p, c, k, lambda v: v is None or is_time(v), "RFC 3339 UTC or null")
    _check(p, c, "waiting", lambda v: v is None or isinstance(v, dict), "object or null")
    _check(p, c, "next_deadline", lambda v: v is None or isinstance(v, dict), "object or null")
    extra = sorted(set(c) - set(COMPLAINT_KEYS) - {"events", "match"})
    if extra:
        p.append("keys outside the contract: %s" % ", ".join(extra))
    for k in ("created_at", "updated_at"):
        _check(p, c, k, is_time, "RFC 3339 UTC")
    _check(p, c, "close_reason", lambda v: v is None or v in CLOSE_REASONS, "a reason or null")
    _check(p, c, "resolution", lambda v: v is None or isinstance(v, str), "string or null")
    _check(p, c, "rating", lambda v: v is None or (is_int(v) and 1 <= v <= 5), "1-5 or null")
    cu = c.get("customer")
    if isinstance(cu, dict):
        _check(p, cu, "name", lambda v: isinstance(v, str) and v != "", "a string")
        for k in ("email", "phone"):
            _check(p, cu, k, lambda v: v is None or isinstance(v, str), "string or null")
    es = c.get("escalation")
    if isinstance(es, dict):
        _check(p, es, "level", lambda v: is_int(v) and v >= 1, "a level >= 1")
        _check(p, es, "to", lambda v: isinstance(v, str) and v != "", "a string")
        _check(p, es, "reason", lambda v: v is None or isinstance(v, str), "string or null")
        _check(p, es, "due", lambda v: v is None or is_time(v), "RFC 3339 UTC or null")
        _check(p, es, "since", lambda v: v is None or is_time(v), "RFC 3339 UTC or null")
        for k in ("by", "instead_of"):
            _check(p, es, k, lambda v: v is None or isinstance(v, str), "string or null")
    wa = c.get("waiting")
    if isinstance(wa, dict):
        _check(p, wa, "since", is_time, "RFC 3339 UTC")
        _check(p, wa, "until", lambda v: v is None or is_time(v), "RFC 3339 UTC or null")
        if c.get("status") != "waiting":
            p.append("'waiting' is set but the status is %s" % c.get("status"))
    nd = c.get("next_deadline")
    if isinstance(nd, dict):
        _check(p, nd, "kind", lambda v: v in DEADLINE_KINDS, "a deadline kind")
        _check(p, nd, "at", is_time, "RFC 3339 UTC")
    if "events" in c:
        if not isinstance(c["events"], list):
            p.append("'events' is not an array")
        else:
            for e in c["events"]:
                p += event_problems(e)
    p += snake_problems(c)
    return p


def event_problems(e):
    """Everything about one event object that breaks the contract, as a list of strings."""
    if not isinstance(e, dict):
        return ["event is not an object: %r" % (e,)]
    p = []
    _check(p, e, "id", lambda v: is_int(v) and v > 0, "a positive number")
    _check(p, e, "complaint_id", lambda v: is_int(v) and v > 0, "a positive number")
    _check(p, e, "at", is_time, "RFC 3339 UTC")
    _check(p, e, "actor", lambda v: isinstance(v, str) and v != "", "a string")
    _check(p, e, "kind", lambda v: v in KINDS, "an event kind")
    _check(p, e, "text", lambda v: v is None or isinstance(v, str), "string or null")
    _check(p, e, "channel", lambda v: v is None or v in CHANNELS, "a channel or null")
    _check(p, e, "direction", lambda v: v in (None, "in", "out"), "in, out or null")
    _check(p, e, "visible", lambda v: isinstance(v, bool), "true or false")
    _check(p, e, "data", lambda v: isinstance(v, dict), "an object")
    p += snake_problems(e)
    return p


def shape_problems(d):
    """Problems of a complaint, a list of complaints, or an event list (history)."""
    items = d if isinstance(d, list) else [d]
    p = []
    for x in items:
        if isinstance(x, dict) and "kind" in x:
            p += event_problems(x)
        else:
            p += complaint_problems(x)
    return p


def fmt(v):
    return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)


def evaluate(d, expr):
    env = {"d": d, "re": re, "ts": ts, "datetime": datetime, "is_time": is_time,
           "complaint_problems": complaint_problems, "event_problems": event_problems,
           "shape_problems": shape_problems}
    return fmt(eval(expr, env))


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        return json.loads(raw.decode("utf-8"))
    except Exception as exc:
        print("output is not valid JSON (%s): %r" % (exc, raw[:300]))
        sys.exit(2)


def width(ch):
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def main(argv):
    mode, path = argv[1], argv[2]
    if mode == "get":
        d = load(path)
        try:
            print(evaluate(d, argv[3]))
        except Exception as exc:
            print("<error: %s: %s>" % (type(exc).__name__, exc))
            sys.exit(1)
    elif mode == "expect":
        d = load(path)
        args = argv[3:]
        bad = 0
        for expr, want in zip(args[0::2], args[1::2]):
            try:
                got = evaluate(d, expr)
            except Exception as exc:
                got = "<error: %s: %s>" % (type(exc).__name__, exc)
            if got != want:
                bad += 1
                print("json %s\n      expected: %s\n      actual:   %s" % (expr, want, got))
        sys.exit(1 if bad else 0)
    elif mode == "width":
        limit = int(argv[3])
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        bad = 0
        for n, line in enumerate(text.split("\n"), 1):
            w = sum(width(ch) for ch in re.sub(r"\x1b\[[0-9;]*m", "", line))
            if w > limit:
                bad += 1
                print("line %d is %d columns wide (limit %d): %s" % (n, w, limit, line))
        sys.exit(1 if bad else 0)
    elif mode == "ctrl":
        with open(path, "rb") as f:
            text = f.read().decode("utf-8", "replace")
        bad = [(i, ch) for i, ch in enumerate(text)
               if (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F
               or 0x202A <= ord(ch) <= 0x202E or 0x2066 <= ord(ch) <= 0x2069]
        for i, ch in bad[:5]:
            print("raw control character U+%04X at offset %d: %r" % (ord(ch), i, text[max(0, i - 20):i + 20]))
        sys.exit(1 if bad else 0)
    elif mode == "errors":
        # path is a file of lines "CODE<TAB>STDERR-FILE<TAB>COMMAND".
        bad = 0
        with open(path, encoding="utf-8") as f:
            for line in f:
                code, err_file, cmd = line.rstrip("\n").split("\t", 2)
                with open(err_file, "rb") as ef:
                    raw = ef.read()
                try:
                    text = raw.decode("utf-8")
                    lines = text.rstrip("\n").split("\n")
                    obj = json.loads(text)
                    problems = []
                    if len(lines) != 1:
                        problems.append("not exactly one line")
                    if list(obj) != ["error"]:
                        problems.append("top-level keys are %s, not ['error']" % list(obj))
                    if obj["error"].get("code") != code:
                        problems.append("code is %r, expected %r" % (obj["error"].get("code"), code))
                    if not isinstance(obj["error"].get("message"), str) or not obj["error"]["message"]:
                        problems.append("no message")
                except Exception as exc:
                    problems = ["not a JSON error object (%s)" % exc]
                if problems:
                    bad += 1
                    print("%s\n      stderr: %r\n      %s" % (cmd, raw[:300], "; ".join(problems)))
        sys.exit(1 if bad else 0)
    else:
        sys.exit("unknown mode " + mode)


def serve(args_file, result_file):
    """One request per line on stdin: the arguments are NUL-separated in args_file; the output
    goes to result_file and the exit status to stdout. Saves a Python start per check."""
    import contextlib, io, traceback
    for _ in sys.stdin:
        with open(args_file, "rb") as f:
            argv = ["check.py"] + [a.decode("utf-8", "surrogateescape")
                                   for a in f.read().split(b"\0")[:-1]]
        buf = io.StringIO()
        code = 0
        with contextlib.redirect_stdout(buf):
            try:
                main(argv)
            except SystemExit as exc:
                if isinstance(exc.code, str):
                    print(exc.code)
                    code = 1
                else:
                    code = exc.code or 0
            except Exception:
                traceback.print_exc(file=buf)
                code = 3
        with open(result_file, "w", encoding="utf-8", errors="surrogateescape") as f:
            f.write(buf.getvalue())
        sys.stdout.write("%d\n" % code)
        sys.stdout.flush()


if sys.argv[1] == "serve":
    serve(sys.argv[2], sys.argv[3])
else:
    main(sys.argv)
PYTHON

# _py ARGS…: runs check.py ARGS… and prints its output, with its exit status. One Python process
# serves the whole suite (each start costs ~50 ms); if it is gone, a new one runs just this check.
PY_PID=""
_py_start() {
    mkfifo "$E2E_TMP/py.req" "$E2E_TMP/py.resp" || return 1
    "$PYTHON" -I -S "$CHECK_PY" serve "$E2E_TMP/py.args" "$E2E_TMP/py.result" \
        <"$E2E_TMP/py.req" >"$E2E_TMP/py.resp" &
    PY_PID=$!
    exec {PY_IN}>"$E2E_TMP/py.req" {PY_OUT}<"$E2E_TMP/py.resp"
}
_py() {
    local status=""
    # kill -0 first: writing to a pipe nobody reads would end this shell with SIGPIPE.
    if [ -n "$PY_PID" ] && kill -0 "$PY_PID" 2>/dev/null; then
        printf '%s\0' "$@" >"$E2E_TMP/py.args"
        if printf 'go\n' 1>&"$PY_IN" 2>/dev/null && IFS= read -r -t 120 status <&"$PY_OUT" &&
            [ -n "$status" ]; then
            cat "$E2E_TMP/py.result"
            return "$status"
        fi
    fi
    "$PYTHON" -I -S "$CHECK_PY" "$@"
}
_py_start || PY_PID=""

# ---------------------------------------------------------------------------------------------
# Test cases and their bookkeeping.

TEST_NAME=""
TEST_N=0
ERRORS_QUEUED=0
TEST_FAILED=0
TEST_SKIPPED=0
PASSED=0
FAILED=0
SKIPPED=0
LAST_CMD=""
out=""
err=""
rc=""
T="$E2E_TMP"
OUT_FILE="$E2E_TMP/out"
ERR_FILE="$E2E_TMP/err"

# Ends the current test case: counts it and stops what it left running in the background.
_end_test() {
    [ -z "$TEST_NAME" ] && return 0
    _check_queued_errors
    local pid
    for pid in "${BG_PIDS[@]}"; do
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    BG_PIDS=()
    if [ "$TEST_SKIPPED" = 1 ]; then
        SKIPPED=$((SKIPPED + 1))
    elif [ "$TEST_FAILED" = 1 ]; then
        FAILED=$((FAILED + 1))
        echo "not ok - $TEST_NAME"
    else
        PASSED=$((PASSED + 1))
        echo "ok - $TEST_NAME"
    fi
    TEST_NAME=""
}

# TEST NAME: starts a test case in a fresh folder with a fresh database path and HOME.
TEST() {
    _end_test
    TEST_NAME=$1
    TEST_N=$((TEST_N + 1))
    TEST_FAILED=0
    TEST_SKIPPED=0
    T="$E2E_TMP/t$TEST_N"
    mkdir -p "$T/home"
    export HOME="$T/home"
    export OMBUD_DB="$T/ombud.db"
    OUT_FILE="$T/out"
    ERR_FILE="$T/err"
    out=""
    err=""
    rc=""
    LAST_CMD=""
    cd "$T" || exit 1
}

# SKIP REASON: the current test case cannot run here; it counts as skipped, not passed.
SKIP() {
    TEST_SKIPPED=1
    echo "skip - $TEST_NAME ($1)"
}

# Prints the summary line and exits: 1 when a test case failed, 125 when all were skipped.
finish() {
    _end_test
    SUITE_FINISHED=1
    echo "$PASSED passed, $FAILED failed"
    [ "$SKIPPED" -gt 0 ] && echo "$SKIPPED skipped"
    if [ "$FAILED" -gt 0 ]; then
        exit 1
    fi
    if [ "$PASSED" -eq 0 ] && [ "$SKIPPED" -gt 0 ]; then
        exit 125
    fi
    exit 0
}

# _quote_cmd ARGS…: sets LAST_CMD to the command line, quoted for a shell, ombud for its path.
_quote_cmd() {
    local s="" a q
    for a in "$@"; do
        [ "$a" = "$OMBUD" ] && a=ombud
        if [[ $a =~ ^[A-Za-z0-9_./:=@%+,#-]+$ ]]; then
            s+=" $a"
        else
            printf -v q '%q' "$a"
            s+=" $q"
        fi
    done
    LAST_CMD=${s# }
}

# _slurp VAR FILE: VAR is FILE's contents without trailing newlines, like $(cat FILE) but
# without starting a process.
_slurp() {
    local _v
    IFS= read -r -d '' _v <"$2"
    while [[ $_v == *$'\n' ]]; do
        _v=${_v%$'\n'}
    done
    printf -v "$1" '%s' "$_v"
}

# run_cmd COMMAND ARGS…: runs any command with stdin from /dev/null, capturing like `run`.
run_cmd() {
    _quote_cmd "$@"
    "$@" </dev/null >"$OUT_FILE" 2>"$ERR_FILE"
    rc=$?
    _slurp out "$OUT_FILE"
    _slurp err "$ERR_FILE"
}

# run ARGS…: runs ombud with stdin from /dev/null; sets $out, $err and $rc.
run() {
    run_cmd "$OMBUD" "$@"
}

# run_stdin TEXT ARGS…: like `run`, with TEXT (exactly, no newline added) piped to stdin.
run_stdin() {
    local input=$1 q
    shift
    _quote_cmd "$OMBUD" "$@"
    printf -v q '%q' "$input"
    LAST_CMD="printf %s $q | $LAST_CMD"
    printf '%s' "$input" | "$OMBUD" "$@" >"$OUT_FILE" 2>"$ERR_FILE"
    rc=$?
    _slurp out "$OUT_FILE"
    _slurp err "$ERR_FILE"
}

# run_to_full ARGS…: runs ombud with stdout on /dev/full, where every write fails; sets $rc
# and $err.
run_to_full() {
    _quote_cmd "$OMBUD" "$@"
    LAST_CMD="$LAST_CMD >/dev/full"
    "$OMBUD" "$@" </dev/null >/dev/full 2>"$ERR_FILE"
    rc=$?
    out=""
    _slurp err "$ERR_FILE"
}

# ok ARGS…: runs ombud and fails the test unless it exits 0 (for the set-up steps of a case).
ok() {
    run "$@"
    expect_rc 0
}

_fail() {
    TEST_FAILED=1
    echo "FAIL: $SUITE: $TEST_NAME"
    echo "  command:  ${LAST_CMD:-(none)}"
    local line
    for line in "$@"; do
        echo "  ${line//$'\n'/$'\n'    }"
    done
    if [ -n "$rc" ]; then
        echo "  exit code: $rc"
    fi
    if [ -s "$ERR_FILE" ]; then
        echo "  stderr:"
        head -n 20 "$ERR_FILE" | sed 's/^/    | /'
    fi
}

_show() {
    # Long values are cut so a failure stays readable.
    local s=$1
    if [ "${#s}" -gt 1500 ]; then
        s="${s:0:1500}…"
    fi
    printf '%s' "$s" | sed '2,$s/^/              /'
}

# expect_rc N: the last command exited with N.
expect_rc() {
    if [ "$rc" != "$1" ]; then
        _fail "expected exit code $1, got $rc" "stdout:   $(_show "$out")"
        return 1
    fi
}

# expect_eq ACTUAL EXPECTED [WHAT]
expect_eq() {
    if [ "$1" != "$2" ]; then
        _fail "${3:-value} differs" "expected: $(_show "$2")" "actual:   $(_show "$1")"
        return 1
    fi
}

# expect_ne ACTUAL UNEXPECTED [WHAT]
expect_ne() {
    if [ "$1" = "$2" ]; then
        _fail "${3:-value} should differ from $(_show "$2")"
        return 1
    fi
}

# expect_contains HAYSTACK NEEDLE: NEEDLE occurs in HAYSTACK (as a fixed string).
expect_contains() {
    if [[ $1 != *"$2"* ]]; then
        _fail "expected to find:  $(_show "$2")" "in:                $(_show "$1")"
        return 1
    fi
}

# expect_not_contains HAYSTACK NEEDLE
expect_not_contains() {
    if [[ $1 == *"$2"* ]]; then
        _fail "expected NOT to find: $(_show "$2")" "in:                   $(_show "$1")"
        return 1
    fi
}

# expect_match HAYSTACK REGEX: bash extended regular expression, anywhere in HAYSTACK.
expect_match() {
    if ! [[ $1 =~ $2 ]]; then
        _fail "expected to match: $2" "actual:            $(_show "$1")"
        return 1
    fi
}

# expect_no_match HAYSTACK REGEX
expect_no_match() {
    if [[ $1 =~ $2 ]]; then
        _fail "expected NOT to match: $2" "actual:                $(_show "$1")"
        return 1
    fi
}

# expect_empty VALUE [WHAT]
expect_empty() {
    if [ -n "$1" ]; then
        _fail "expected ${2:-output} to be empty" "actual:   $(_show "$1")"
        return 1
    fi
}

# json_get EXPR: evaluates a Python expression on the JSON in $OUT_FILE (bound to `d`) and prints
# it: strings as they are, anything else as JSON (null, true, 3, [1, 2]).
json_get() {
    _py get "$OUT_FILE" "$1"
}

# expect_json EXPR VALUE [EXPR VALUE]…: each EXPR on the JSON in $OUT_FILE prints as VALUE.
# Helpers in EXPR: ts("…Z") → Unix seconds, is_time(v), re, shape_problems(d) (a list of what
# breaks the contract's complaint/event shape; expect "[]").
expect_json() {
    local report
    if ! report=$(_py expect "$OUT_FILE" "$@"); then
        _fail "$report" "stdout:   $(_show "$out")"
        return 1
    fi
}

# expect_shape: $out is a complaint, a list of complaints or a list of events with every key of
# the contract, times in RFC 3339 UTC, nulls present and snake_case keys.
expect_shape() {
    expect_json 'shape_problems(d)' '[]'
}

# expect_fits FILE WIDTH: no line of FILE is wider than WIDTH display columns.
expect_fits() {
    local report
    if ! report=$(_py width "$1" "$2"); then
        _fail "$report"
        return 1
    fi
}

# expect_no_controls FILE: FILE holds no raw control character (ESC, CR, C1, bidi overrides…).
expect_no_controls() {
    local report
    if ! report=$(_py ctrl "$1"); then
        _fail "$report"
        return 1
    fi
}

# expect_json_error CODE: stderr of the last command is exactly one JSON error object
# {"error":{"code":CODE,"message":…}}. Checked in one batch when the test case ends.
expect_json_error() {
    ERRORS_QUEUED=$((ERRORS_QUEUED + 1))
    printf '%s\n' "$err" >"$T/error-$ERRORS_QUEUED.json"
    printf '%s\t%s\t%s\n' "$1" "$T/error-$ERRORS_QUEUED.json" "$LAST_CMD" >>"$T/errors.list"
}
_check_queued_errors() {
    local report
    [ -s "$T/errors.list" ] || return 0
    if ! report=$(_py errors "$T/errors.list"); then
        LAST_CMD="(the --json error checks above)"
        rc=""
        : >"$ERR_FILE"
        _fail "stderr is not the expected JSON error object:" "$report"
    fi
    rm -f "$T/errors.list"
}

# expect_file_exists PATH / expect_no_file PATH
expect_file_exists() {
    if [ ! -e "$1" ]; then
        _fail "expected the file $1 to exist"
        return 1
    fi
}
expect_no_file() {
    if [ -e "$1" ]; then
        _fail "expected no file at $1"
        return 1
    fi
}

# ---------------------------------------------------------------------------------------------
# The database, seen from outside.

# sql QUERY: runs QUERY on $OMBUD_DB with the sqlite3 shell and prints the result.
sql() {
    sqlite3 -batch "$OMBUD_DB" "$1"
}

# db_fingerprint: one line that changes whenever anything stored in $OMBUD_DB changes.
db_fingerprint() {
    if [ ! -e "$OMBUD_DB" ]; then
        echo "absent"
        return
    fi
    sqlite3 -batch "$OMBUD_DB" .dump | sha256sum | cut -d' ' -f1
}

# event_count: how many events $OMBUD_DB holds ("absent" without a file; sqlite3 would make one).
event_count() {
    if [ ! -e "$OMBUD_DB" ]; then
        echo "absent"
        return
    fi
    sql 'SELECT count(*) FROM events' 2>&1
}

# policy_off: makes $OMBUD_DB a new database whose service policy sets no deadlines (every
# sla.* target "none"), for cases about something else that must not depend on the time of day.
# The template is made once per suite by `ombud import`, then copied.
policy_off() {
    local template="$E2E_TMP/no-policy.db" priority kind
    if [ ! -e "$template" ]; then
        # A failed import must fail the case, not let it run under the default policy.
        {
            echo '{"type":"ombud_export","version":2}'
            for priority in high low normal urgent; do
                for kind in decide resolve response; do
                    echo "{\"type\":\"setting\",\"key\":\"sla.$priority.$kind\",\"value\":\"none\"}"
                done
            done
        } | OMBUD_DB="$template" "$OMBUD" import - >/dev/null 2>&1 || {
            rm -f "$template"
            _fail "policy_off: ombud import of the settings failed"
            return 1
        }
    fi
    cp "$template" "$OMBUD_DB" || _fail "policy_off: could not copy the template database"
}

# snapshot / expect_unchanged: what is stored before and after a command that must not write.
snapshot() {
    SNAPSHOT_EVENTS=$(event_count)
    SNAPSHOT=$(db_fingerprint)
}
expect_unchanged() {
    local now_events
    now_events=$(event_count)
    if [ "$now_events" != "$SNAPSHOT_EVENTS" ]; then
        _fail "the database changed: events before: $SNAPSHOT_EVENTS, after: $now_events"
        return 1
    fi
    if [ "$(db_fingerprint)" != "$SNAPSHOT" ]; then
        _fail "the database contents changed (sqlite3 .dump differs)"
        return 1
    fi
}

# file_hash PATH: sha256 of a file's bytes.
file_hash() {
    sha256sum "$1" | cut -d' ' -f1
}

# hold_write_lock: another connection takes the write lock of $OMBUD_DB (BEGIN IMMEDIATE) and
# keeps it until release_write_lock. Returns 1 if the lock could not be seen taken.
hold_write_lock() {
    rm -f "$T/lock.fifo"
    mkfifo "$T/lock.fifo" || return 1
    sqlite3 -batch "$OMBUD_DB" <"$T/lock.fifo" >"$T/lock.out" 2>&1 &
    LOCK_PID=$!
    BG_PIDS+=("$LOCK_PID")
    exec 9>"$T/lock.fifo"
    printf 'BEGIN IMMEDIATE;\nSELECT 1;\n' >&9
    local _
    for _ in $(seq 100); do
        # The shell's own busy timeout is 0: this fails at once while the lock is held.
        if ! sqlite3 -batch "$OMBUD_DB" 'BEGIN IMMEDIATE; ROLLBACK;' >/dev/null 2>&1; then
            return 0
        fi
        sleep 0.05
    done
    return 1
}
release_write_lock() {
    exec 9>&-
    wait "$LOCK_PID" 2>/dev/null
}

# ---------------------------------------------------------------------------------------------
# Tools some cases need.

# can_drop_privileges: root with setpriv, so a command can run as nobody.
NOBODY_GROUP=""
can_drop_privileges() {
    [ "$(id -u)" = 0 ] || return 1
    command -v setpriv >/dev/null 2>&1 || return 1
    local g
    for g in nogroup nobody; do
        if setpriv --reuid=nobody --regid="$g" --clear-groups true 2>/dev/null; then
            NOBODY_GROUP=$g
            return 0
        fi
    done
    return 1
}

# run_as_nobody ARGS…: runs ombud as the unprivileged user nobody.
run_as_nobody() {
    run_cmd setpriv --reuid=nobody --regid="$NOBODY_GROUP" --clear-groups "$OMBUD" "$@"
}

# libfaketime, preloaded directly rather than through the faketime wrapper: the wrapper shares
# its clock through semaphores in /dev/shm named by its pid, leaves them behind now and then, and
# a later wrapper with the same pid then fails ("sem_open: File exists").
FAKETIME_LIB=""
for candidate in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 \
    /usr/local/lib/faketime/libfaketime.so.1; do
    if [ -e "$candidate" ]; then
        FAKETIME_LIB=$candidate
        break
    fi
done

# have_faketime: libfaketime works with this ombud (an ASan build needs its runtime first, hence
# verify_asan_link_order=0).
FAKETIME_STATE=""
# In a sanitizer build the suites look for memory errors and undefined behaviour, not leaks: the
# leak check at the exit of every process costs a third of the sanitizer pass, and the unit tests
# and fuzzers, which run the same library code, check for leaks.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0:detect_leaks=0"
have_faketime() {
    if [ -z "$FAKETIME_STATE" ]; then
        FAKETIME_STATE=no
        if [ -n "$FAKETIME_LIB" ]; then
            local now shifted
            now=$(date +%s)
            shifted=$(LD_PRELOAD=$FAKETIME_LIB FAKETIME=+10d date +%s 2>/dev/null)
            if [ -n "$shifted" ] && [ $((shifted - now)) -gt 863000 ] &&
                LD_PRELOAD=$FAKETIME_LIB FAKETIME=+10d "$OMBUD" --version >/dev/null 2>&1; then
                FAKETIME_STATE=yes
            fi
        fi
    fi
    [ "$FAKETIME_STATE" = yes ]
}

# run_faked SPEC ARGS…: runs ombud under libfaketime with FAKETIME=SPEC: an offset from the real
# clock (+2d, -3h) or a stopped instant ("2026-12-01 08:00:00", UTC when TZ is).
run_faked() {
    local spec=$1
    shift
    run_cmd env LD_PRELOAD="$FAKETIME_LIB" FAKETIME="$spec" "$OMBUD" "$@"
}

# run_shifted OFFSET ARGS…: runs ombud with the clock moved by OFFSET (+2d, -3h).
run_shifted() {
    run_faked "$@"
}
