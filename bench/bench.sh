#!/usr/bin/env bash
# Times ombud's commands on a database of N complaints (default 1,000,000, made by
# bench/make-db.sh) beside the sqlite3 shell running the same SQL on the same file: the floor
# that any program using SQLite pays. Prints a table of medians and ratios (ombud / sqlite3)
# against the targets of the issue "Fast at a million complaints", and writes it to a file.
#
# usage: bench/bench.sh [OMBUD_BINARY] [N]
#
# Needs hyperfine, sqlite3, python3 and GNU time (/usr/bin/time); valgrind for the instruction
# counts (left out without it).
#
# Environment:
#   BENCH_DB    an existing database made by `bench/make-db.sh OMBUD DB N` with the same N, used
#               instead of building one (building a million takes a few minutes). It is only
#               read; the write benchmarks run on a copy.
#   BENCH_OUT   the folder for results.md and hyperfine's JSON (default ./bench-results-N).
#   BENCH_QUICK 1 for few runs (the default below N = 100,000), 0 for the full count.
#
# Each row times two commands with hyperfine -N (no shell: the commands are started directly, so
# neither pays for a shell). hyperfine runs all of one command, then all of the other, so a
# change in the machine's speed during a row (a shared or virtual machine has them) would land
# on one side; the light rows are therefore timed in rounds, the order of the commands turned
# round each time, and bench-table.py pools the rounds. The sqlite3 side reads its SQL from a
# file with .read; the files are written to BENCH_OUT/sql/ so they can be inspected.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
ombud=$(realpath "${1:-$here/../build/ombud}")
n=${2:-1000000}
if ! [[ $n =~ ^[1-9][0-9]*$ ]] || [ "$n" -lt 100 ]; then
    echo "$0: N must be a whole number of at least 100, not \"$n\"" >&2
    exit 2
fi
for tool in hyperfine sqlite3 python3 /usr/bin/time; do
    if ! command -v "$tool" >/dev/null; then
        echo "$0: $tool is needed (apt-get install hyperfine sqlite3 python3 time)" >&2
        exit 2
    fi
done
quick=${BENCH_QUICK:-$((n < 100000 ? 1 : 0))}
out=$(realpath -m "${BENCH_OUT:-bench-results-$n}")
mkdir -p "$out/json" "$out/sql"
work=$(mktemp -d "${TMPDIR:-/tmp}/ombud-bench.XXXXXXXX")
trap 'rm -rf "$work"' EXIT

log() { echo "bench: $*" >&2; }

# --- The databases ---------------------------------------------------------------------------
if [ -n "${BENCH_DB:-}" ]; then
    db=$(realpath "$BENCH_DB")
    log "using $db"
    gen_log="(BENCH_DB given: not built in this run)"
else
    db=$work/large.db
    log "building a database of $n complaints (bench/make-db.sh)"
    gen_start=$(date +%s%N)
    "$here/make-db.sh" "$ombud" "$db" "$n" 2>"$work/make-db.log"
    gen_ms=$((($(date +%s%N) - gen_start) / 1000000))
    cat "$work/make-db.log" >&2
    gen_log="$(cat "$work/make-db.log")"
fi
small=$work/small.db
"$here/make-db.sh" "$ombud" "$small" 2000 2>/dev/null
write_db=$work/write.db
log "copying the database for the write benchmarks"
cp "$db" "$write_db"

q() { sqlite3 -batch -readonly "$db" "$@"; }
# What the benchmarks touch, chosen from the data so that any N works.
show_id=$(q "SELECT complaint_id FROM events WHERE complaint_id BETWEEN $n / 2 AND $n / 2 + 200
    GROUP BY complaint_id ORDER BY count(*) DESC, complaint_id LIMIT 1")
show_events=$(q "SELECT count(*) FROM events WHERE complaint_id = $show_id")
owner=$(q "SELECT owner FROM complaints WHERE status = 'open' GROUP BY owner
    ORDER BY count(*) DESC, owner LIMIT 1")
owner_rows=$(q "SELECT count(*) FROM complaints WHERE status = 'open' AND owner = '$owner'")
# A regular customer (make-db.py gives customers 1, 1001, 2001 … extra complaints).
customer_email=$(q "SELECT email FROM customers
    WHERE id >= min(1001, (SELECT max(id) FROM customers)) AND email IS NOT NULL
    ORDER BY id LIMIT 1")
customer_events=$(q "SELECT count(*) FROM events e JOIN complaints c ON c.id = e.complaint_id
    JOIN customers cu ON cu.id = c.customer_id WHERE cu.email = '$customer_email'")
open_row=$(q -separator $'\t' "SELECT name, email FROM customers
    WHERE id >= (SELECT max(id) FROM customers) / 2 AND email IS NOT NULL
    AND name NOT LIKE '%''%' ORDER BY id LIMIT 1")
open_name=${open_row%%$'\t'*} open_email=${open_row#*$'\t'}
note_id=$(q "SELECT max(id) FROM complaints WHERE status = 'open'")
close_id=$(q "SELECT max(id) FROM complaints WHERE status = 'closed'")
rare=xylofoon common=refund
hits() {
    q "SELECT count(DISTINCT e.complaint_id) FROM text_index t JOIN events e ON e.id = t.rowid
       WHERE text_index MATCH '$1'"
}
rare_hits=$(hits "$rare") common_hits=$(hits "$common")
counts=$(q -separator ' ' "SELECT (SELECT count(*) FROM complaints),
    (SELECT count(*) FROM events), (SELECT count(*) FROM customers)")
log "complaints, events, customers: $counts; show #$show_id ($show_events events);" \
    "list --owner $owner --status open ($owner_rows rows); history --customer $customer_email" \
    "($customer_events events); search $rare ($rare_hits complaints), $common ($common_hits)"

# --- The SQL of each command, as src/lib/store.cpp runs it ----------------------------------
complaint_columns="SELECT c.id, c.title, c.status, c.priority, c.category, c.channel, c.owner,
       c.handoffs, c.escalation_level, c.escalated_to, c.escalation_reason, c.escalation_due,
       c.due, c.created_at, c.updated_at, c.closed_at, c.close_reason, c.resolution, c.rating,
       c.response_due, c.responded_at, c.escalated_at, c.escalated_by, c.escalation_for,
       c.waiting_since, c.waiting_until, cu.id, cu.name, cu.email, cu.phone
FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id"
event_columns="SELECT e.id, e.complaint_id, e.at, e.actor, e.kind, e.text, e.channel, e.direction,
       e.visible, e.data, c.title
FROM events e JOIN complaints c ON c.id = e.complaint_id"
# What export reads of the events: no title.
event_record_columns="SELECT e.id, e.complaint_id, e.at, e.actor, e.kind, e.text, e.channel,
       e.direction, e.visible, e.data, NULL
FROM events e"
sql_quote() { printf "'%s'" "${1//\'/\'\'}"; }
mark_begin=$'\xfe' mark_end=$'\xff'
# Store::search for one word: its matches in titles, event texts and customers, the best per
# complaint, ranked.
search_sql() {
    local phrase
    phrase=$(sql_quote "\"$1\"")
    cat <<SQL
WITH hit AS (
SELECT rowid AS cid, 0 AS word, bm25(title_index) AS score, 'title' AS field,
       snippet(title_index, 0, '$mark_begin', '$mark_end', '…', 12) AS snip
FROM title_index WHERE title_index MATCH $phrase
UNION ALL
SELECT e.complaint_id, 0, bm25(text_index), e.kind,
       snippet(text_index, 0, '$mark_begin', '$mark_end', '…', 12)
FROM text_index JOIN events e ON e.id = text_index.rowid WHERE text_index MATCH $phrase
UNION ALL
SELECT c.id, 0, bm25(customer_index), 'customer',
       snippet(customer_index, -1, '$mark_begin', '$mark_end', '…', 12)
FROM customer_index JOIN complaints c ON c.customer_id = customer_index.rowid
WHERE customer_index MATCH $phrase),
best AS (SELECT cid, word, min(score) AS score, field, snip FROM hit GROUP BY cid, word),
found AS (SELECT cid, sum(score) AS score, min(score), field, snip FROM best
          GROUP BY cid HAVING count(*) = 1)
SELECT c.id, c.title, c.status, c.priority, c.category, c.channel, c.owner, c.handoffs,
       c.escalation_level, c.escalated_to, c.escalation_reason, c.escalation_due, c.due,
       c.created_at, c.updated_at, c.closed_at, c.close_reason, c.resolution, c.rating,
       cu.id, cu.name, cu.email, cu.phone, found.field, found.snip
FROM found JOIN complaints c ON c.id = found.cid LEFT JOIN customers cu ON cu.id = c.customer_id
ORDER BY found.score, c.id DESC;
SQL
}
sqlfile() { cat >"$out/sql/$1.sql"; }

# Writes: what Tracker::open/note/close do in their one BEGIN IMMEDIATE transaction. ombud turns
# foreign keys on for every connection, so the floor does too.
sqlfile open <<SQL
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
INSERT INTO complaints (title, status, priority, category, channel, customer_id, owner, due,
                        created_at, updated_at)
SELECT 'Benchmark complaint', 'open', 'normal', 'delivery', 'phone', id, 'bench',
       unixepoch() + 86400, unixepoch(), unixepoch()
FROM customers WHERE email = $(sql_quote "$open_email") COLLATE NOCASE ORDER BY id LIMIT 1;
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
VALUES (last_insert_rowid(), unixepoch(), 'bench', 'opened', NULL, 'phone', NULL, 0,
        json_object('title', 'Benchmark complaint', 'priority', 'normal', 'category', 'delivery',
                    'owner', 'bench', 'due', strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+1 day'),
                    'customer_id', 1, 'customer', json_object('name', $(sql_quote "$open_name"),
                    'email', $(sql_quote "$open_email"), 'phone', NULL)));
COMMIT;
SQL
sqlfile note <<SQL
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
$complaint_columns WHERE c.id = $note_id;
UPDATE complaints SET updated_at = unixepoch() WHERE id = $note_id;
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
VALUES ($note_id, unixepoch(), 'bench', 'note', 'Called back, left a message', 'phone', 'out', 0,
        '{}');
COMMIT;
SQL
sqlfile close <<SQL
PRAGMA foreign_keys = ON;
BEGIN IMMEDIATE;
$complaint_columns WHERE c.id = $close_id;
UPDATE complaints SET status = 'closed', escalation_level = 0, escalated_to = NULL,
       escalation_reason = NULL, escalation_due = NULL, closed_at = unixepoch(),
       close_reason = 'resolved', resolution = 'Refunded 25 euro', rating = 4,
       updated_at = unixepoch()
WHERE id = $close_id;
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
VALUES ($close_id, unixepoch(), 'bench', 'closed', 'Refunded 25 euro', NULL, NULL, 0,
        '{"rating":4,"reason":"resolved"}');
COMMIT;
SQL
# Reads.
sqlfile show <<SQL
BEGIN;
$complaint_columns WHERE c.id = $show_id;
$event_columns WHERE e.complaint_id = $show_id ORDER BY e.at, e.id;
COMMIT;
SQL
sqlfile history-id <<SQL
$complaint_columns WHERE c.id = $show_id;
$event_columns WHERE e.complaint_id = $show_id ORDER BY e.at, e.id;
SQL
sqlfile history-customer <<SQL
SELECT EXISTS (SELECT id FROM customers
               WHERE email = $(sql_quote "$customer_email") COLLATE NOCASE);
$event_columns
WHERE c.customer_id IN (SELECT id FROM customers
                        WHERE email = $(sql_quote "$customer_email") COLLATE NOCASE)
ORDER BY e.at DESC, e.id DESC;
SQL
sqlfile list-owner <<SQL
$complaint_columns WHERE c.status IN ('open') AND c.owner = $(sql_quote "$owner")
ORDER BY c.updated_at DESC, c.id DESC;
SELECT coalesce(max(id), 0) FROM complaints;
SQL
# The same rows as the listing can fetch them when the query names the partial index's
# condition: complaints_active_by_owner holds only complaints not closed.
sqlfile list-owner-partial <<SQL
$complaint_columns
WHERE c.status IN ('open') AND c.status <> 'closed' AND c.owner = $(sql_quote "$owner")
ORDER BY c.updated_at DESC, c.id DESC;
SELECT coalesce(max(id), 0) FROM complaints;
SQL
sqlfile list-all <<SQL
$complaint_columns ORDER BY c.updated_at DESC, c.id DESC;
SQL
# Store::export_all: the settings, holidays and team (a few rows), then every customer,
# complaint and event in order of id.
sqlfile export <<SQL
SELECT key, value FROM settings ORDER BY key;
SELECT day, name FROM holidays ORDER BY day;
SELECT name, email, deputy, away_until, away_deputy, added_by_use, created_at FROM team
ORDER BY name;
SELECT id, name, email, phone, created_at FROM customers ORDER BY id;
$complaint_columns ORDER BY c.id;
$event_record_columns ORDER BY e.id;
SQL
search_sql "$rare" | sqlfile search-rare
search_sql "$common" | sqlfile search-common
sqlfile startup <<SQL
$complaint_columns WHERE c.status IN ('waiting') ORDER BY c.updated_at DESC, c.id DESC;
SQL

# --- Timing ----------------------------------------------------------------------------------
# Runs per round, and rounds: light rows 5 x 4 (quick) or 10 x 8 runs of each command, heavy
# rows (seconds a run) one round.
if [ "$quick" = 1 ]; then
    light=(--warmup 1 --runs 4)
    light_rounds=5
    heavy=(--warmup 1 --runs 3)
else
    light=(--warmup 2 --runs 8)
    light_rounds=10
    # shellcheck disable=SC2034 # used through the nameref in bench()
    heavy=(--warmup 1 --min-runs 5 --max-runs 10)
fi
large_rows=$(q "SELECT count(*) FROM complaints")
heavy_if_large() { if [ "$large_rows" -ge 100000 ]; then echo heavy; else echo light; fi; }

have_valgrind=$(command -v valgrind >/dev/null && echo 1 || echo 0)
rm -f "$out/instructions.tsv"
# instructions COMMAND: how many instructions COMMAND (a hyperfine command line) executes, counted
# by callgrind: exact where times on a shared machine are not.
instructions() {
    eval "valgrind --tool=callgrind --callgrind-out-file=/dev/null $1" >/dev/null 2>"$work/cg.log"
    sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/cg.log"
}

# time_rounds NAME ROUNDS HYPERFINE_OPTIONS... -- COMMANDS...: hyperfine's JSON for the
# COMMANDS (--command-name NAME CMD triples) in json/NAME.json, or with several ROUNDS in
# json/NAME.roundK.json, every other round in the reverse order.
time_rounds() {
    local name=$1 rounds=$2
    shift 2
    local options=() commands=()
    while [ "$1" != -- ]; do
        options+=("$1")
        shift
    done
    shift
    commands=("$@")
    rm -f "$out/json/$name.json" "$out/json/$name".round*.json
    local round i target order
    for ((round = 1; round <= rounds; round++)); do
        order=("${commands[@]}")
        if ((round % 2 == 0)); then
            order=()
            for ((i = ${#commands[@]} - 3; i >= 0; i -= 3)); do
                order+=("${commands[@]:i:3}")
            done
        fi
        target="$out/json/$name.json"
        ((rounds > 1)) && target="$out/json/$name.round$round.json"
        hyperfine -N "${options[@]}" --export-json "$target" "${order[@]}" \
            >"$work/hyperfine.out" 2>&1 || {
            cat "$work/hyperfine.out" >&2
            exit 1
        }
    done
}

# bench NAME KIND OMBUD_ARGS SQLITE_ARGS [hyperfine options]: one row of the table: hyperfine
# times both commands, then (for light ones) callgrind counts their instructions. $prepare, if
# set, runs before each run; $extra_name and $extra_cmd add a third command for comparison.
prepare="" extra_name="" extra_cmd=""
bench() {
    local name=$1 kind=$2
    local ombud_cmd="$ombud --as bench $3" sqlite_cmd="sqlite3 -batch $4"
    shift 4
    local -n runs=$kind
    local options=("$@")
    [ -n "$prepare" ] && options+=(--prepare "$prepare")
    local commands=(--command-name "ombud" "$ombud_cmd" --command-name "sqlite3" "$sqlite_cmd")
    [ -n "$extra_cmd" ] && commands+=(--command-name "$extra_name" "$extra_cmd")
    local rounds=1
    [ "$kind" = light ] && rounds=$light_rounds
    log "timing $name"
    time_rounds "$name" "$rounds" "${runs[@]}" "${options[@]}" -- "${commands[@]}"
    if [ "$have_valgrind" = 1 ] && [ "$kind" = light ]; then
        local a b
        [ -n "$prepare" ] && eval "$prepare" >/dev/null
        a=$(instructions "$ombud_cmd")
        [ -n "$prepare" ] && eval "$prepare" >/dev/null
        b=$(instructions "$sqlite_cmd")
        echo "$name	$a	$b" >>"$out/instructions.tsv"
    fi
    prepare="" extra_name="" extra_cmd=""
}
d="--db $db"
w="--db $write_db"
sq() { echo "-init /dev/null $1 '.read $out/sql/$2.sql'"; }

bench open light "$w open 'Benchmark complaint' --customer '$open_name' --email $open_email \
--channel phone --category delivery --due tomorrow" "$(sq "$write_db" open)"
bench note light "$w note $note_id 'Called back, left a message' --channel phone --direction out" \
    "$(sq "$write_db" note)"
# A complaint closes once: each run closes it again after an (untimed) reopen.
prepare="$ombud --db $write_db --as bench reopen $close_id"
bench close light "$w close $close_id --resolution 'Refunded 25 euro' --rating 4" \
    "$(sq "$write_db" close)"
bench show light "$d show $show_id" "$(sq "$db" show)"
bench history-id light "$d history $show_id" "$(sq "$db" history-id)"
bench history-customer light "$d history --customer $customer_email" \
    "$(sq "$db" history-customer)"
extra_name="sqlite3, with status <> 'closed' added"
extra_cmd="sqlite3 -batch $(sq "$db" list-owner-partial)"
bench list-owner light "$d list --owner $owner --status open" "$(sq "$db" list-owner)"
bench list-all "$(heavy_if_large)" "$d list --all --json" "-json $(sq "$db" list-all)"
bench search-rare light "$d search $rare" "$(sq "$db" search-rare)"
bench search-common "$(heavy_if_large)" "$d search $common" "$(sq "$db" search-common)"
bench startup light "$d list --status waiting" "$(sq "$db" startup)"
bench export "$(heavy_if_large)" "$d export" "-json $(sq "$db" export)"

# Start-up against the size of the file: the same command on 2,000 complaints.
log "timing startup-small"
time_rounds startup-small "$light_rounds" "${light[@]}" -- \
    --command-name "ombud list --status waiting (2,000 complaints)" \
    "$ombud --db $small list --status waiting" \
    --command-name "ombud list --status waiting ($n complaints)" \
    "$ombud --db $db list --status waiting"

# Peak memory of the commands that stream many rows.
memory() {
    local name=$1
    shift
    log "peak memory of $name"
    /usr/bin/time -f '%M %e' -o "$work/time.out" "$@" >/dev/null
    read -r kib secs <"$work/time.out"
    echo "$name	$kib	$secs" >>"$out/memory.tsv"
}
rm -f "$out/memory.tsv"
memory "ombud list --all --json" "$ombud" --db "$db" list --all --json
memory "sqlite3 -json (same rows)" \
    sqlite3 -batch -init /dev/null -json "$db" ".read $out/sql/list-all.sql"
memory "ombud export" "$ombud" --db "$db" export
memory "sqlite3 -json (the rows of export)" \
    sqlite3 -batch -init /dev/null -json "$db" ".read $out/sql/export.sql"
memory "ombud history (all events)" "$ombud" --db "$db" history
memory "ombud history --json (all events)" "$ombud" --db "$db" --json history
memory "ombud search $common" "$ombud" --db "$db" search "$common"
memory "ombud show $show_id" "$ombud" --db "$db" show "$show_id"

# Start-up work against the size of the file, counted in instructions.
rm -f "$out/startup-instructions.tsv"
if [ "$have_valgrind" = 1 ]; then
    for f in "$small" "$db"; do
        log "counting the instructions of start-up on $(basename "$f")"
        echo "$(basename "$f")	$(instructions "$ombud --db $f list --status waiting")" \
            >>"$out/startup-instructions.tsv"
    done
fi

# --- The table -------------------------------------------------------------------------------
cpu=$(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)
machine="$(nproc) cores, $cpu, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/bench-table.py" "$out" "$n" "$counts" "$machine" \
    "$(sqlite3 --version | cut -d' ' -f1)" "$("$ombud" --version)" >"$out/results.md"
{
    echo
    if [ -n "${gen_ms:-}" ]; then
        echo "Generator (bench/make-db.sh):" \
            "$((gen_ms / 1000)).$((gen_ms % 1000 / 100)) s for $n complaints:"
    else
        echo "Generator: $gen_log"
        gen_log=""
    fi
    if [ -n "$gen_log" ]; then
        echo '```'
        echo "$gen_log"
        echo '```'
    fi
} >>"$out/results.md"
cat "$out/results.md"
log "written to $out/results.md"
