# Exit codes 2 to 6 for every kind of failure, in human and --json form, and that a failed
# command changes nothing.
source "$(dirname "$0")/lib.sh" "$@"

# expect_usage ARGS…: the human form only, for long lists of bad values.
expect_usage() {
    run "$@"
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_match "$err" '^ombud: error: '
}

# expect_error RC CODE ARGS…: `ombud ARGS…` fails with RC and an "ombud: error:" line on stderr,
# and `ombud --json ARGS…` with RC and a JSON error object of CODE; stdout stays empty in both.
expect_error() {
    local want_rc=$1 code=$2
    shift 2
    run "$@"
    expect_rc "$want_rc"
    expect_empty "$out" "stdout"
    expect_match "$err" '^ombud: error: '
    run --json "$@"
    expect_rc "$want_rc"
    expect_empty "$out" "stdout"
    expect_json_error "$code"
}

# A database with one open complaint (#1, owner tester) and one closed complaint (#2).
setup_two() {
    ok open "Open one" --customer "Jan de Vries" --email jan@example.nl
    ok open "Closed one"
    ok close 2
}

TEST "an unknown command is usage (exit 2), with a suggestion when one is close"
setup_two
snapshot
expect_error 2 usage lsit
run lsit
expect_contains "$err" 'unknown command "lsit"'
expect_contains "$err" "did you mean"
expect_contains "$err" "list"
run opne "New one"
expect_rc 2
expect_contains "$err" "did you mean"
expect_contains "$err" "open"
run --db "$OMBUD_DB" --as bob histroy
expect_rc 2
expect_contains "$err" "history"
run frobnicate
expect_rc 2
expect_not_contains "$err" "did you mean"
expect_contains "$err" "--help"
expect_unchanged

TEST "an unknown option is usage (exit 2) and names the option"
setup_two
snapshot
expect_error 2 usage list --bogus
run list --bogus
expect_contains "$err" "--bogus"
expect_error 2 usage open "New" --priorty high
expect_error 2 usage --frobnicate list
expect_error 2 usage note 1 "text" --channle phone
expect_unchanged

TEST "a missing required argument is usage (exit 2)"
setup_two
snapshot
expect_error 2 usage open
expect_error 2 usage note
expect_error 2 usage escalate 1
expect_error 2 usage escalate --to maria
expect_error 2 usage close
expect_error 2 usage reopen
expect_error 2 usage assign 1
expect_error 2 usage assign 1 maria
expect_error 2 usage assign --reason "x"
expect_error 2 usage show
run escalate 1
expect_contains "$err" "--to"
run assign 1 maria
expect_contains "$err" "--reason"
expect_error 2 usage open "New" --priority
expect_error 2 usage --db
expect_unchanged

TEST "an invalid value is usage (exit 2): priority, channel, direction, reason, status"
setup_two
snapshot
expect_error 2 usage open "New" --priority huge
expect_error 2 usage open "New" --channel pigeon
expect_error 2 usage note 1 "text" --channel pigeon
expect_error 2 usage note 1 "text" --direction sideways
expect_error 2 usage close 1 --reason happy
expect_error 2 usage list --status nope
expect_error 2 usage list --priority huge
expect_error 2 usage --color purple list
expect_unchanged

TEST "an invalid WHEN is usage (exit 2), and so is a deadline in the past"
setup_two
snapshot
for when in someday 2026-02-30 2026-13-01 25:00 12:61 0d -3d 3x "" "next week"; do
    expect_usage open "New" --due "$when"
done
expect_error 2 usage open "New" --due 2020-01-01
run open "New" --due 2020-01-01
expect_contains "$err" "past"
expect_error 2 usage escalate 1 --to maria --due 1999-12-31T23:00
expect_error 2 usage escalate 1 --to maria --due yesterday
expect_error 2 usage history --since whenever
expect_unchanged

TEST "without the time-zone database, zones and deadlines fail (exit 1) and change nothing"
setup_two
snapshot
mkdir -p "$E2E_TMP/no-zones"
run_cmd env TZDIR="$E2E_TMP/no-zones" "$OMBUD" config set timezone Europe/Amsterdam
expect_rc 1
expect_contains "$err" "cannot read the time-zone database in $E2E_TMP/no-zones"
expect_contains "$err" "apt-get install tzdata"
run_cmd env TZDIR="$E2E_TMP/no-zones" "$OMBUD" open "Needs a deadline"
expect_rc 1
expect_contains "$err" "cannot read the time-zone database"
expect_unchanged

TEST "an invalid complaint number is usage (exit 2)"
setup_two
snapshot
for id in abc "#0" 0 -1 1.5 "#" "1 2" "#-1" 0x1 99999999999999999999999; do
    expect_usage show "$id"
done
expect_error 2 usage note abc "text"
expect_error 2 usage close "#0"
expect_error 2 usage escalate abc --to maria
expect_error 2 usage assign abc maria --reason "x"
expect_error 2 usage reopen "#x"
expect_error 2 usage history abc
run show abc
expect_contains "$err" "abc"
expect_unchanged

TEST "an invalid number is usage (exit 2): --rating, --limit"
setup_two
snapshot
expect_error 2 usage close 1 --rating 6
expect_error 2 usage close 1 --rating 0
expect_error 2 usage close 1 --rating x
expect_error 2 usage list --limit 0
expect_error 2 usage list --limit x
expect_error 2 usage history --limit 0
run list --limit 0
expect_contains "$err" "limit"
expect_unchanged

TEST "blank or invalid text is usage (exit 2)"
setup_two
snapshot
expect_error 2 usage open "   "
expect_error 2 usage open $'title \xff\xfe'
expect_error 2 usage note 1 ""
expect_error 2 usage note 1 $'\n\t '
expect_error 2 usage assign 1 maria --reason ""
expect_unchanged

TEST "an unknown complaint or customer is not found (exit 3)"
setup_two
snapshot
expect_error 3 not_found show 99
expect_error 3 not_found show "#99"
expect_error 3 not_found note 99 "text"
expect_error 3 not_found escalate 99 --to maria
expect_error 3 not_found close 99
expect_error 3 not_found reopen 99
expect_error 3 not_found assign 99 maria --reason "x"
expect_error 3 not_found history 99
expect_error 3 not_found list --customer "Klaas Vaak"
expect_error 3 not_found list --customer klaas@example.nl
expect_error 3 not_found history --customer "Klaas Vaak"
expect_error 3 not_found history --customer klaas@example.nl
run show 99
expect_contains "$err" "#99"
expect_unchanged

TEST "a state that does not allow it is a conflict (exit 4)"
setup_two
snapshot
expect_error 4 conflict close 2
expect_error 4 conflict reopen 1
expect_error 4 conflict escalate 2 --to maria
expect_error 4 conflict assign 2 maria --reason "x"
expect_error 4 conflict assign 1 tester --reason "already mine"
expect_unchanged
ok escalate 1 --to maria
snapshot
expect_error 4 conflict reopen 1
expect_unchanged

TEST "a database locked past OMBUD_BUSY_TIMEOUT is busy (exit 5) and nothing is written"
setup_two
snapshot
if ! hold_write_lock; then
    _fail "could not take the write lock with sqlite3"
else
    start=$(date +%s%N)
    OMBUD_BUSY_TIMEOUT=200 run note 1 "blocked"
    elapsed_ms=$((($(date +%s%N) - start) / 1000000))
    expect_rc 5
    expect_empty "$out" "stdout"
    expect_match "$err" '^ombud: error: '
    if [ "$elapsed_ms" -gt 5000 ]; then
        _fail "the 200 ms wait limit took ${elapsed_ms} ms"
    fi
    OMBUD_BUSY_TIMEOUT=200 run --json open "blocked too"
    expect_rc 5
    expect_json_error busy
    OMBUD_BUSY_TIMEOUT=200 run close 1
    expect_rc 5
    # Readers are not blocked by a writer.
    OMBUD_BUSY_TIMEOUT=200 run --json list
    expect_rc 0
    expect_json '[c["id"] for c in d]' '[1]'
    release_write_lock
fi
expect_unchanged
run --json show 1
expect_json 'len(d["events"])' 1 'd["status"]' open

TEST "a writer waits for a lock that is released within the wait limit"
setup_two
if ! hold_write_lock; then
    _fail "could not take the write lock with sqlite3"
else
    # 9>&-: the writer must not keep the lock holder's input open.
    OMBUD_BUSY_TIMEOUT=20000 "$OMBUD" note 1 "waited" </dev/null >"$T/bg.out" 2>"$T/bg.err" 9>&- &
    writer=$!
    BG_PIDS+=("$writer")
    sleep 0.5
    release_write_lock
    wait "$writer"
    rc=$?
    LAST_CMD="OMBUD_BUSY_TIMEOUT=20000 ombud note 1 waited (lock released after 0.5 s)"
    cp "$T/bg.err" "$ERR_FILE"
    expect_rc 0
    run --json history 1
    expect_json 'd[-1]["text"]' waited
fi

TEST "a file that is not SQLite is a storage error (exit 6) and is left alone"
printf 'These are my shopping notes, not a database.\n' >"$OMBUD_DB"
before=$(file_hash "$OMBUD_DB")
expect_error 6 storage list
expect_error 6 storage open "New"
expect_error 6 storage show 1
run open "New"
expect_contains "$err" "$OMBUD_DB"
expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"
expect_no_file "$OMBUD_DB-wal"
expect_no_file "$OMBUD_DB-journal"

TEST "a SQLite database of another program is a storage error (exit 6) and is left alone"
sqlite3 "$OMBUD_DB" "CREATE TABLE recipes (name TEXT, minutes INTEGER);
                     INSERT INTO recipes VALUES ('pancakes', 20);"
expect_eq "$(sql 'PRAGMA application_id')" 0 "application_id of the foreign file"
before=$(file_hash "$OMBUD_DB")
expect_error 6 storage list
expect_error 6 storage open "New"
expect_error 6 storage history
run open "New"
expect_contains "$err" "another program"
expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"
expect_eq "$(sql 'SELECT name FROM sqlite_schema')" recipes "tables in the foreign file"

TEST "a SQLite file with another application_id is a storage error (exit 6)"
sqlite3 "$OMBUD_DB" "PRAGMA application_id = 12345;"
before=$(file_hash "$OMBUD_DB")
expect_error 6 storage open "New"
expect_error 6 storage list
expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"

TEST "a database path that is a folder or cannot be created is a storage error (exit 6)"
mkdir -p "$T/folder.db"
expect_error 6 storage --db "$T/folder.db" open "New"
printf 'x' >"$T/plain-file"
expect_error 6 storage --db "$T/plain-file/sub/ombud.db" open "New"
expect_no_file "$T/plain-file/sub"

TEST "a read-only database is a storage error (exit 6) for writes, and stays unchanged"
if ! can_drop_privileges; then
    SKIP "needs root and setpriv to run as nobody"
else
    setup_two
    chmod 755 "$E2E_TMP" "$T"
    chmod 644 "$OMBUD_DB"
    before=$(file_hash "$OMBUD_DB")
    run_as_nobody open "New"
    expect_rc 6
    expect_empty "$out" "stdout"
    expect_contains "$err" "read-only"
    run_as_nobody --json note 1 "text"
    expect_rc 6
    expect_json_error storage
    run_as_nobody close 1
    expect_rc 6
    expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"
    expect_eq "$(sql 'SELECT count(*) FROM events')" 3 "events"
    chmod 700 "$E2E_TMP"
fi

finish
