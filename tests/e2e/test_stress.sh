# Stress: many processes running a random (but seeded) mix of every write command on one
# database at once. Every command must exit 0, every acknowledged write must be stored exactly
# once, and no complaint may end up in a state that no sequence of commands can produce.
# The workers and the verifier live in stress.py, which bench/stress.sh runs for longer.
source "$(dirname "$0")/lib.sh" "$@"

# stress PROCESSES OPERATIONS SEED: runs stress.py on $OMBUD_DB and leaves its report in $out.
stress() {
    run_cmd "$PYTHON" "$E2E_DIR/stress.py" run "$OMBUD" "$OMBUD_DB" "$T/logs" \
        --processes "$1" --operations "$2" --seed "$3"
}

# expect_consistent: what stress.py checked, checked once more from outside with sqlite3, so a
# verifier that silently checks nothing cannot pass.
expect_consistent() {
    expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
    expect_empty "$(sql 'PRAGMA foreign_key_check')" "foreign_key_check"
    expect_eq "$(sql "SELECT count(*) FROM complaints WHERE (status = 'closed') <>
                          (closed_at IS NOT NULL AND close_reason IS NOT NULL)")" 0 \
        "complaints whose status and closed_at/close_reason disagree"
    expect_eq "$(sql "SELECT count(*) FROM complaints WHERE (status = 'escalated') <>
                          (escalated_to IS NOT NULL AND escalation_level >= 1)")" 0 \
        "complaints whose status and escalation disagree"
    expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE handoffs <>
                          (SELECT count(*) FROM events WHERE complaint_id = c.id
                                                         AND kind = 'assigned')")" 0 \
        "complaints whose hand-off count differs from their assigned events"
    # The level counts every escalation; a decision or a close ends one, not the count.
    expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE escalation_level <>
                          (SELECT count(*) FROM events WHERE complaint_id = c.id
                                                         AND kind = 'escalated')")" 0 \
        "complaints whose escalation level differs from their escalated events"
    # The last event that changes the status agrees with the status.
    expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE status <>
                          (SELECT CASE kind WHEN 'closed' THEN 'closed'
                                            WHEN 'escalated' THEN 'escalated' ELSE 'open' END
                           FROM events WHERE complaint_id = c.id
                             AND kind IN ('opened', 'escalated', 'closed', 'reopened')
                           ORDER BY id DESC LIMIT 1)")" 0 \
        "complaints whose status differs from their last state event"
}

# expect_recorded_in_order: in the order events were recorded (id), their times never go
# backwards; complaint #1's updated_at is its newest event's time, and history tells the events
# in the order they were recorded.
expect_recorded_in_order() {
    expect_eq "$(sql "SELECT count(*) FROM events e1 JOIN events e2 ON e2.complaint_id =
                          e1.complaint_id AND e2.id > e1.id AND e2.at < e1.at")" 0 \
        "events recorded after another but dated before it ($(sql "SELECT group_concat(id || ':' ||
         at || ':' || coalesce(text, kind), ', ') FROM events"))"
    expect_eq "$(sql 'SELECT updated_at FROM complaints WHERE id = 1')" \
        "$(sql 'SELECT max(at) FROM events WHERE complaint_id = 1')" "updated_at vs newest event"
    run --json history 1
    expect_json '[e["id"] for e in d] == sorted(e["id"] for e in d)' true
}

TEST "8 processes x 40 mixed writes on one database: all exit 0, nothing lost"
stress 8 40 1
expect_rc 0
expect_contains "$out" "stress: ok"
# stress.py's own count: 8 x 40 commands ran and were all verified.
expect_contains "$out" "320 commands, 0 failed"
acked=$(printf '%s\n' "$out" | sed -n 's/.* \([0-9]*\) and \([0-9]*\) acknowledged$/\1 \2/p')
expect_eq "$acked" "$(sql 'SELECT count(*) FROM complaints') $(sql 'SELECT count(*) FROM events')" \
    "acknowledged complaints and events vs stored"
# Every worker's seeded mix reached each kind of write, so each was exercised concurrently.
expect_eq "$(sql "SELECT group_concat(kind) FROM (SELECT DISTINCT kind FROM events
                                                ORDER BY kind)")" \
    "assigned,closed,escalated,note,opened,reopened" "kinds of events written"
expect_eq "$(sql "SELECT count(DISTINCT actor) FROM events WHERE actor LIKE 'w%'")" 8 \
    "workers with stored events"
expect_consistent
# ombud itself reads the result back.
run --json list --all --limit 100000
expect_rc 0
expect_json "len(d)" "$(sql 'SELECT count(*) FROM complaints')" 'shape_problems(d)' '[]'

TEST "a stress run on a disk (where every commit waits for fsync) loses nothing"
# On tmpfs a commit is almost instant; on a disk the writers really queue behind each other.
disk_dir || _fail "no folder on disk"
export OMBUD_DB="$DISK_DIR/stress.db"
stress 4 25 2
expect_rc 0
expect_contains "$out" "stress: ok"
expect_contains "$out" "100 commands, 0 failed"
expect_consistent

TEST "a note read slowly from stdin is not dated before the events recorded meanwhile"
# Deterministic variant of the case below: A starts (and reads the clock), then waits for its
# note on stdin; meanwhile B records a note; then A's note arrives and is recorded after B's.
ok open "Slow input"
mkfifo "$T/a.fifo"
# Read-write open of the FIFO does not block; A's own open for reading then does not either.
exec 8<>"$T/a.fifo"
"$OMBUD" --as a note 1 - <"$T/a.fifo" >/dev/null 2>"$T/a.err" 8>&- &
a=$!
BG_PIDS+=("$a")
sleep 1.2
run --as b note 1 "B, recorded while A was reading"
expect_rc 0
printf 'A, typed slowly' >&8
exec 8>&-
wait "$a"
rc=$?
LAST_CMD="ombud note 1 - <slow-fifo & (1.2 s later) ombud note 1 B; then A's text arrives"
cp "$T/a.err" "$ERR_FILE"
expect_rc 0
expect_eq "$(sql "SELECT group_concat(actor, ',') FROM (SELECT actor FROM events WHERE kind = 'note'
                                                      ORDER BY id)")" "b,a" "order recorded"
expect_recorded_in_order

TEST "a writer that waited for the lock does not date its event before earlier commits"
# Writer A starts, waits for the lock; a second later writer B starts and gets the lock first
# (A is asleep in its busy handler when the lock is released). A's event is recorded after B's,
# so it must not carry an earlier time: otherwise the timeline (ordered by time) tells the
# events in the wrong order and updated_at, "the last activity", moves backwards.
ok open "Contended"
if ! hold_write_lock; then
    _fail "could not take the write lock with sqlite3"
else
    # 9>&-: the writers must not keep the lock holder's input open.
    "$OMBUD" --as a note 1 "A, started first" </dev/null >/dev/null 2>"$T/a.err" 9>&- &
    a=$!
    sleep 1.2
    "$OMBUD" --as b note 1 "B, started a second later" </dev/null >/dev/null 2>"$T/b.err" 9>&- &
    b=$!
    BG_PIDS+=("$a" "$b")
    sleep 0.05
    release_write_lock
    wait "$a"
    rc_a=$?
    wait "$b"
    rc_b=$?
    LAST_CMD="ombud note 1 A & (1.2 s later) ombud note 1 B &, both waiting for one lock"
    cat "$T/a.err" "$T/b.err" >"$ERR_FILE"
    expect_eq "$rc_a $rc_b" "0 0" "exit codes of A and B"
    # In the order they were recorded (id), times never go backwards.
    expect_recorded_in_order
fi

TEST "the verifier notices a lost write"
# A database that lost an acknowledged event must fail the check: delete one note behind
# ombud's back (dropping the append-only trigger first) and verify the same logs again.
stress 2 15 3
expect_rc 0
sql "DROP TRIGGER events_no_delete;
     DELETE FROM events WHERE id = (SELECT max(id) FROM events WHERE kind = 'note');" ||
    _fail "could not delete a note with sqlite3"
cat >"$T/reverify.py" <<'PY'
import json, os, sys
sys.path.insert(0, sys.argv[1])
import stress
logs = {}
for name in sorted(os.listdir(sys.argv[3])):
    with open(os.path.join(sys.argv[3], name)) as f:
        logs["w" + name.split("-")[1].split(".")[0]] = [json.loads(l) for l in f if l.strip()]
result = stress.verify(sys.argv[2], logs, [1, 2, 3])
print("\n".join(result["problems"]))
sys.exit(1 if result["problems"] else 0)
PY
run_cmd "$PYTHON" -B "$T/reverify.py" "$E2E_DIR" "$OMBUD_DB" "$T/logs"
expect_rc 1
expect_match "$out" "events stored, [0-9]+ acknowledged"

finish
