# Crash safety: writers killed with SIGKILL at random moments, over and over. A write whose
# ombud exited 0 before the kill must be stored, exactly once; the one write in flight at the
# kill may or may not be there, but never half (a complaint without the first note it was opened
# with) and never twice; the file stays consistent and ombud keeps reading and writing it.
source "$(dirname "$0")/lib.sh" "$@"

# Reproducible choices of what to write and when to kill (the machine's timing still varies).
RANDOM=${OMBUD_CRASH_SEED:-4242}

# The writer: a loop of writes, each logged to the ack file only after ombud exited 0, so the
# ack file holds exactly what was acknowledged. In turn: an open with a first note (two rows that
# must appear together or not at all), a small note, a plain open, and a large note (~25 pages in
# one transaction, so kills also land in the middle of writing one). The loop ends by itself
# after a minute, should a kill ever miss it.
# Arguments: OMBUD ROUND ACK-FILE FAIL-FILE BIG-FILE
cat >"$E2E_TMP/writer.sh" <<'WRITER'
ombud=$1 round=$2 ack=$3 fails=$4 big=$5
i=0
while [ "$SECONDS" -lt 60 ]; do
    i=$((i + 1))
    name="crash-$round-$i"
    case $((i % 4)) in
        0) { printf '%s\n' "$name"; cat "$big"; } | "$ombud" note 1 - >/dev/null 2>>"$fails.err"
           code=$?; kind=note ;;
        1) "$ombud" open "$name" --note "first note of $name" </dev/null >/dev/null 2>>"$fails.err"
           code=$?; kind=open+note ;;
        2) "$ombud" note 1 "$name" </dev/null >/dev/null 2>>"$fails.err"
           code=$?; kind=note ;;
        3) "$ombud" open "$name" </dev/null >/dev/null 2>>"$fails.err"
           code=$?; kind=open ;;
    esac
    if [ "$code" = 0 ]; then
        printf '%s\t%s\t%s\n' "$kind" "$name" "$round" >>"$ack"
    else
        printf '%s\t%s\texit %s\n' "$kind" "$name" "$code" >>"$fails"
    fi
done
WRITER

# The large note, just under the 100,000-byte limit of a note.
head -c 99000 /dev/zero | tr '\0' 'z' >"$E2E_TMP/big.txt"

# How long one write takes with this build (a sanitizer build starts ~20x slower), so the kills
# fall across several writes in any build.
"$OMBUD" --db "$E2E_TMP/probe.db" open "probe" </dev/null >/dev/null 2>&1
start=$(date +%s%N)
for _ in 1 2 3; do
    "$OMBUD" --db "$E2E_TMP/probe.db" note 1 "probe" </dev/null >/dev/null 2>&1
done
WRITE_MS=$((($(date +%s%N) - start) / 3000000))
[ "$WRITE_MS" -lt 5 ] && WRITE_MS=5
# What a database made by this ombud says about itself, to compare half-made ones with.
COMPLETE_HEADER=$(sqlite3 -batch "$E2E_TMP/probe.db" 'PRAGMA user_version; PRAGMA application_id')
COMPLETE_SCHEMA=$(sqlite3 -batch "$E2E_TMP/probe.db" 'SELECT count(*) FROM sqlite_schema')
rm -f "$E2E_TMP"/probe.db*

# crash_round ROUND: starts the writer on $OMBUD_DB in its own process group, kills the whole
# group (the loop and the ombud it is running) with SIGKILL after a random time between 0 and
# ~12 writes, and waits for it.
crash_round() {
    local round=$1 pgid max_ms ms
    # setsid without a fork: the loop's pid is its process group, so the kill reaches exactly
    # the loop and the ombud it started, and nothing else.
    setsid bash "$E2E_TMP/writer.sh" "$OMBUD" "$round" "$T/ack" "$T/fails" "$E2E_TMP/big.txt" \
        </dev/null >/dev/null 2>&1 &
    pgid=$!
    BG_PIDS+=("$pgid")
    # The random time counts from when the process group exists (setsid has run).
    local tries=0
    while ! kill -0 -- "-$pgid" 2>/dev/null; do
        tries=$((tries + 1))
        if [ "$tries" -gt 200 ]; then
            _fail "the writer of round $round did not become its own process group"
            break
        fi
        sleep 0.01
    done
    max_ms=$((WRITE_MS * 12))
    ms=$((RANDOM * 32768 + RANDOM))
    ms=$((ms % max_ms))
    sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
    kill -KILL -- "-$pgid" 2>/dev/null
    wait "$pgid" 2>/dev/null
    KILL_MS+=("$ms")
}

# check_after_kill: right after a kill, ombud itself (not the sqlite3 shell, which would
# recover the file first) reads the database, and the file is consistent. (Short reads: the
# whole timeline, with its large notes, is read once at the end.)
check_after_kill() {
    local round=$1
    [ -e "$OMBUD_DB" ] || return 0
    # With the rollback journal, a journal left behind means the kill fell inside a transaction.
    [ -s "$OMBUD_DB-journal" ] && HOT_JOURNALS=$((HOT_JOURNALS + 1))
    run --json list --all --limit 3
    if [ "$rc" != 0 ]; then
        _fail "round $round: ombud list failed right after the kill"
        return 1
    fi
    run --json history 1 --limit 2
    if [ "$rc" != 0 ]; then
        _fail "round $round: ombud history 1 failed right after the kill"
        return 1
    fi
    local integrity
    integrity=$(sql 'PRAGMA integrity_check' 2>&1)
    if [ "$integrity" != ok ]; then
        _fail "round $round: integrity_check after the kill: $integrity"
        return 1
    fi
}

# verify_acks: everything in $T/ack is stored exactly once; of what is stored and was not
# acknowledged, at most one write per round (the one in flight); no open without its note.
verify_acks() {
    local report
    touch "$T/ack"
    report=$(sqlite3 -batch "$T/check.db" <<SQL 2>&1
.mode tabs
CREATE TABLE ack (kind TEXT, name TEXT, round INTEGER);
.import '$T/ack' ack
ATTACH 'file:$OMBUD_DB?mode=ro' AS o;
CREATE TEMP VIEW stored AS
    SELECT 'open' AS kind, title AS name, id FROM o.complaints WHERE title LIKE 'crash-%'
    UNION ALL
    SELECT 'note', CASE WHEN instr(text, char(10)) > 0
                        THEN substr(text, 1, instr(text, char(10)) - 1) ELSE text END, id
    FROM o.events WHERE kind = 'note' AND text LIKE 'crash-%';
SELECT 'lost: ' || kind || ' ' || name FROM ack
    WHERE NOT EXISTS (SELECT 1 FROM stored s WHERE s.name = ack.name
                                               AND s.kind = substr(ack.kind, 1, 4));
SELECT 'stored ' || count(*) || ' times: ' || name FROM stored GROUP BY name HAVING count(*) > 1;
SELECT 'round ' || r || ': ' || count(*) || ' writes stored without acknowledgement: '
       || group_concat(name, ' ')
    FROM (SELECT name, CAST(substr(name, 7, instr(substr(name, 7), '-') - 1) AS INTEGER) AS r
          FROM stored WHERE name NOT IN (SELECT name FROM ack))
    GROUP BY r HAVING count(*) > 1;
SELECT 'half a write: #' || c.id || ' ' || c.title || ' has ' || count(e.id) || ' events'
    FROM o.complaints c LEFT JOIN o.events e ON e.complaint_id = c.id
    WHERE c.id > 1
    GROUP BY c.id
    HAVING count(e.id) <> CASE WHEN CAST(substr(c.title, length(rtrim(c.title, '0123456789')) + 1)
                                         AS INTEGER) % 4 = 1 THEN 2 ELSE 1 END;
SELECT 'first note missing or wrong on #' || c.id FROM o.complaints c
    WHERE c.id > 1
      AND CAST(substr(c.title, length(rtrim(c.title, '0123456789')) + 1) AS INTEGER) % 4 = 1
      AND NOT EXISTS (SELECT 1 FROM o.events e WHERE e.complaint_id = c.id AND e.kind = 'note'
                                                 AND e.text = 'first note of ' || c.title);
SELECT 'large note cut short: event ' || id FROM o.events
    WHERE kind = 'note' AND text LIKE 'crash-%' || char(10) || '%' AND length(text) <> (
        instr(text, char(10)) + 99000);
SQL
    )
    rm -f "$T/check.db"
    if [ -n "$report" ]; then
        _fail "$report"
        return 1
    fi
}

# crash_rounds MAX-ROUNDS MAX-SECONDS: rounds of write-and-kill on $OMBUD_DB, with the checks
# after each kill and of everything acknowledged at the end.
crash_rounds() {
    local max_rounds=$1 max_seconds=$2 started=$SECONDS round
    KILL_MS=()
    ROUNDS=0
    HOT_JOURNALS=0
    ok open "Complaint that collects the notes"
    : >"$T/ack"
    : >"$T/fails"
    for round in $(seq "$max_rounds"); do
        # At least 6 rounds, then as many as fit in the time (a sanitizer build does fewer).
        if [ "$round" -gt 6 ] && [ $((SECONDS - started)) -ge "$max_seconds" ]; then
            break
        fi
        ROUNDS=$round
        crash_round "$round"
        check_after_kill "$round" || break
    done
    LAST_CMD="$ROUNDS rounds of (writer loop; kill -9 after ${KILL_MS[*]} ms)"
    rc=""
    if [ -s "$T/fails" ]; then
        cat "$T/fails.err" >"$ERR_FILE"
        _fail "writes failed (with an exit code, not killed):" "$(head -n 20 "$T/fails")"
    fi
    verify_acks
    expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
    expect_empty "$(sql 'PRAGMA foreign_key_check')" "foreign_key_check"
    # The test means something only if writes were acknowledged and others were cut off.
    acked=$(wc -l <"$T/ack")
    if [ "$acked" -lt "$ROUNDS" ]; then
        _fail "only $acked writes acknowledged in $ROUNDS rounds: the kills came too early"
    fi
    # ombud still works on the file: human output, and a new write.
    run list --all
    expect_rc 0
    expect_contains "$out" "crash-"
    run --json show 1
    expect_rc 0
    expect_json 'len(d["events"])' "$(sql 'SELECT count(*) FROM events WHERE complaint_id = 1')"
    ok note 1 "after the crashes"
    run --json history 1 --limit 1
    expect_rc 0
    expect_json 'd[0]["text"]' "after the crashes"
}

# in_flight: how many writes were stored although their writer was killed before it could log
# them (the kill fell between COMMIT and the acknowledgement), for the summary.
in_flight() {
    local stored
    stored=$(sql "SELECT (SELECT count(*) FROM complaints WHERE title LIKE 'crash-%')
                       + (SELECT count(*) FROM events WHERE kind = 'note' AND text LIKE 'crash-%')")
    echo $((stored - $(wc -l <"$T/ack")))
}

TEST "writers killed at random moments on tmpfs lose no acknowledged write"
crash_rounds 40 12
echo "  ($ROUNDS rounds, $acked writes acknowledged, $(in_flight) more stored unacknowledged," \
    "one write ~${WRITE_MS} ms)"

TEST "writers killed at random moments on a disk (commits wait for fsync) lose nothing"
# On a disk the commit (WAL append and fsync) takes real time, so more kills land inside it.
disk_dir || _fail "no folder on disk"
export OMBUD_DB="$DISK_DIR/crash.db"
crash_rounds 20 10
echo "  ($ROUNDS rounds, $acked writes acknowledged, $(in_flight) more stored unacknowledged)"

TEST "writers killed at random moments with the rollback journal (network shares) lose nothing"
# OMBUD_NETWORK_FS=yes: the rollback journal instead of WAL. A writer killed inside its
# transaction has already changed pages of the file itself; the next ombud must roll them back
# from the hot journal before it reads anything.
disk_dir || _fail "no folder on disk"
export OMBUD_DB="$DISK_DIR/journal.db"
export OMBUD_NETWORK_FS=yes
crash_rounds 20 10
expect_eq "$(sql 'PRAGMA journal_mode')" delete "journal mode"
echo "  ($ROUNDS rounds, $acked writes acknowledged, $(in_flight) more stored unacknowledged," \
    "$HOT_JOURNALS kills inside a transaction)"
unset OMBUD_NETWORK_FS

TEST "a writer killed while it creates the database leaves none or a complete one"
# The first write builds the schema under a temporary name and links it into place; a kill at
# any moment must leave either no database or a whole one, never a half-made file.
disk_dir || _fail "no folder on disk"
started=$SECONDS
rounds=0
created=0
for round in $(seq 20); do
    if [ "$round" -gt 4 ] && [ $((SECONDS - started)) -ge 6 ]; then
        break
    fi
    rounds=$round
    export OMBUD_DB="$DISK_DIR/new-$round/ombud.db"
    setsid "$OMBUD" open "first" </dev/null >/dev/null 2>&1 &
    pid=$!
    BG_PIDS+=("$pid")
    # Between 0 and 1.5 writes: the creation is the whole life of this process.
    ms=$((RANDOM % (WRITE_MS * 3 / 2 + 1)))
    sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
    kill -KILL "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [ -e "$OMBUD_DB" ]; then
        created=$((created + 1))
        LAST_CMD="ombud open first, killed after $ms ms (round $round)"
        expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
        expect_eq "$(sql 'PRAGMA user_version; PRAGMA application_id')" "$COMPLETE_HEADER" \
            "schema version and application_id of a database that exists after the kill"
        expect_eq "$(sql 'SELECT count(*) FROM sqlite_schema')" "$COMPLETE_SCHEMA" \
            "tables, indexes and triggers of a database that exists after the kill"
    fi
    # Whatever the kill left, the next ombud uses it (or creates it) without a complaint.
    run open "second"
    expect_rc 0
    run --json list
    expect_rc 0
    expect_json '"second" in [c["title"] for c in d]' true
done
echo "  ($rounds rounds, the database existed after $created of the kills)"

finish
