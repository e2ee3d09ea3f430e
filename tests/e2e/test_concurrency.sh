# Several ombud processes writing one database at the same moment: all must succeed, nothing
# may be lost or duplicated, and the file must stay consistent.
source "$(dirname "$0")/lib.sh" "$@"

# wait_all PID…: waits for each background process and leaves in $rcs every exit code, one line
# "PID RC" each, and in $failures how many were not 0.
wait_all() {
    local pid code
    rcs=""
    failures=0
    for pid in "$@"; do
        wait "$pid"
        code=$?
        rcs+="$pid $code"$'\n'
        [ "$code" = 0 ] || failures=$((failures + 1))
    done
}

TEST "8 processes opening 50 complaints each on one new database lose nothing"
# The database does not exist yet: the first writers race to create it.
expect_no_file "$OMBUD_DB"
pids=()
for p in 1 2 3 4 5 6 7 8; do
    (
        failed=0
        for i in $(seq 50); do
            "$OMBUD" open "p$p-$i" </dev/null >/dev/null 2>>"$T/writer-$p.err" || failed=$((failed + 1))
        done
        exit "$((failed > 0 ? 1 : 0))"
    ) &
    pids+=("$!")
done
BG_PIDS+=("${pids[@]}")
wait_all "${pids[@]}"
LAST_CMD="8 × (50 × ombud open pP-I) in parallel"
if [ "$failures" != 0 ]; then
    cat "$T"/writer-*.err >"$ERR_FILE"
    _fail "$failures of 8 writers had a failing ombud open" "exit codes (pid rc):" "$rcs"
fi
run --json list --limit 1000
expect_rc 0
expect_json 'len(d)' 400 'len({c["id"] for c in d})' 400 \
    'sorted(c["id"] for c in d) == list(range(1, 401))' true \
    'sorted(c["title"] for c in d) == sorted("p%d-%d" % (p, i) for p in range(1, 9) for i in range(1, 51))' true
expect_eq "$(sql "SELECT count(*) FROM events WHERE kind = 'opened'")" 400 "opened events"
expect_eq "$(sql "SELECT count(DISTINCT complaint_id) FROM events")" 400 "complaints with events"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
expect_empty "$(sql 'PRAGMA foreign_key_check')" "foreign_key_check"

TEST "processes that create a new database at the same moment all succeed"
# The first write creates the schema; writers that start together must not take a half-made
# file for someone else's. Repeated, because the window is small; on a disk, where commits take
# real time, because on tmpfs the window is smaller still.
all_failures=0
disk_dir || _fail "no folder on disk"
dir=$DISK_DIR
# Up to 15 rounds, fewer when a slow build (sanitizers) needs more than 20 s for them.
started=$SECONDS
rounds=0
for round in $(seq 15); do
    if [ "$round" -gt 3 ] && [ $((SECONDS - started)) -ge 20 ]; then
        break
    fi
    rounds=$round
    export OMBUD_DB="$dir/round-$round.db"
    pids=()
    for p in 1 2 3 4 5 6 7 8; do
        "$OMBUD" open "round $round, writer $p" </dev/null >/dev/null 2>>"$T/race.err" &
        pids+=("$!")
    done
    BG_PIDS+=("${pids[@]}")
    wait_all "${pids[@]}"
    all_failures=$((all_failures + failures))
    count=$(sql 'SELECT count(*) FROM complaints' 2>&1)
    if [ "$count" != $((8 - failures)) ]; then
        _fail "round $round: $count complaints for $((8 - failures)) successful opens"
    fi
    rm -f "$OMBUD_DB" "$OMBUD_DB-wal" "$OMBUD_DB-shm"
done
LAST_CMD="$rounds rounds of 8 × ombud open on a database that does not exist yet"
if [ "$all_failures" != 0 ]; then
    rc=""
    sed "s|$dir/round-[0-9]*|DB|" "$T/race.err" | sort | uniq -c >"$ERR_FILE"
    _fail "$all_failures of $((rounds * 8)) processes failed"
fi

TEST "parallel notes on one complaint are all recorded"
ok open "Busy complaint"
pids=()
for p in 1 2 3 4; do
    (
        failed=0
        for i in $(seq 10); do
            "$OMBUD" --as "writer$p" note 1 "note $p-$i" </dev/null >/dev/null \
                2>>"$T/notes-$p.err" || failed=$((failed + 1))
        done
        exit "$((failed > 0 ? 1 : 0))"
    ) &
    pids+=("$!")
done
BG_PIDS+=("${pids[@]}")
# Readers keep working while the writers run.
readers_failed=0
for i in $(seq 5); do
    "$OMBUD" --json show 1 </dev/null >/dev/null 2>&1 || readers_failed=$((readers_failed + 1))
done
wait_all "${pids[@]}"
LAST_CMD="4 × (10 × ombud note 1) in parallel"
if [ "$failures" != 0 ]; then
    cat "$T"/notes-*.err >"$ERR_FILE"
    _fail "$failures of 4 writers had a failing ombud note" "$rcs"
fi
expect_eq "$readers_failed" 0 "failed reads during the writes"
run --json show 1
expect_rc 0
expect_json 'len(d["events"])' 41 \
    'sorted(e["text"] for e in d["events"][1:]) == sorted("note %d-%d" % (p, i) for p in range(1, 5) for i in range(1, 11))' true \
    'len({e["id"] for e in d["events"]})' 41
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"

finish
