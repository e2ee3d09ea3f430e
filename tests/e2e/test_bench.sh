# bench/make-db.sh: the generated benchmark database is one ombud could have written itself, at a
# small N: it passes `ombud db check`, has the documented shape (counts, statuses, the rare word)
# and ombud reads and writes it. No timings are checked here.
source "$(dirname "$0")/lib.sh" "$@"

ROOT=$(cd "$E2E_DIR/../.." && pwd)
MAKE_DB="$ROOT/bench/make-db.sh"
N=2000
# make-db.py: the newest min(N/5, 7000) complaints may be open; N*3/10 customers; "xylofoon" in
# complaints 1 + k*(N-1)/6, k = 0..6.
WINDOW=400
CUSTOMERS=600
RARE_IDS="[1, 334, 667, 1000, 1333, 1666, 2000]"

BENCH_DB="$E2E_TMP/bench.db"
# use_bench_db: the current test case reads the database built by the first one.
use_bench_db() {
    export OMBUD_DB="$BENCH_DB"
}

TEST "make-db.sh builds a database of N complaints that passes ombud db check"
run_cmd bash "$MAKE_DB" "$OMBUD" "$BENCH_DB" "$N"
expect_rc 0
expect_contains "$err" "make-db: $N complaints"
use_bench_db
run db check
expect_rc 0
run --json db check
expect_rc 0
expect_json 'd["ok"]' true 'd["complaints"]' "$N" 'd["customers"]' "$CUSTOMERS" \
    'd["journal_mode"]' wal
# About five events each.
expect_json "$((N * 45 / 10)) <= d['events'] <= $((N * 55 / 10))" true

TEST "the schema is the one ombud makes, indexes and triggers included"
ok open "seed"
fresh=$(sql "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name;
    PRAGMA user_version; PRAGMA application_id; PRAGMA journal_mode")
use_bench_db
expect_eq "$(sql "SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name;
    PRAGMA user_version; PRAGMA application_id; PRAGMA journal_mode")" "$fresh" "schema"

TEST "most complaints are closed; the newest are open or escalated"
use_bench_db
expect_eq "$(sql "SELECT count(*) > $((N * 8 / 10)) FROM complaints WHERE status = 'closed'")" 1 \
    "most are closed"
expect_eq "$(sql "SELECT count(*) > 0 FROM complaints WHERE status = 'open'")" 1 "some are open"
expect_eq "$(sql "SELECT count(*) > 0 FROM complaints WHERE status = 'escalated'")" 1 \
    "some are escalated"
expect_eq "$(sql "SELECT count(*) FROM complaints WHERE status = 'waiting'")" 0 \
    "no command sets waiting"
expect_eq "$(sql "SELECT min(id) > $((N - WINDOW)) FROM complaints WHERE status <> 'closed'")" 1 \
    "only the newest are still in progress"
expect_eq "$(sql "SELECT count(*) > 0 FROM events WHERE kind = 'reopened'")" 1 "some reopened"
expect_eq "$(sql "SELECT count(DISTINCT owner) FROM complaints")" 15 "owners"

TEST "the data follows ombud's rules"
use_bench_db
expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE 'opened' <>
    (SELECT kind FROM events WHERE complaint_id = c.id ORDER BY at, id LIMIT 1)")" \
    0 "complaints whose timeline does not start with opened"
expect_eq "$(sql "SELECT count(*) FROM events a JOIN events b ON b.id = a.id + 1
    WHERE b.at < a.at")" 0 "events whose time goes back"
expect_eq "$(sql "SELECT count(*) FROM events WHERE at > unixepoch()")" 0 "events in the future"
expect_eq "$(sql "SELECT count(*) FROM complaints c
    WHERE updated_at <> (SELECT max(at) FROM events WHERE complaint_id = c.id)
       OR updated_at < created_at")" 0 "complaints whose last change is not their last event"
expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE status = 'closed' AND (closed_at IS NULL
    OR close_reason IS NULL OR closed_at <> (SELECT max(at) FROM events
        WHERE complaint_id = c.id AND kind = 'closed'))")" 0 "closed complaints without their close"
expect_eq "$(sql "SELECT count(*) FROM complaints WHERE status <> 'closed'
    AND (closed_at IS NOT NULL OR close_reason IS NOT NULL OR rating IS NOT NULL)")" 0 \
    "open complaints with a close"
expect_eq "$(sql "SELECT count(*) FROM complaints WHERE (status = 'escalated')
    <> (escalated_to IS NOT NULL AND escalation_level >= 1)
    OR status <> 'escalated' AND escalation_level <> 0")" 0 "escalations"
expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE status = 'escalated' AND escalation_level
    <> (SELECT count(*) FROM events WHERE complaint_id = c.id AND kind = 'escalated')")" 0 \
    "escalation levels that do not match the timeline"
expect_eq "$(sql "SELECT count(*) FROM complaints c WHERE handoffs
    <> (SELECT count(*) FROM events WHERE complaint_id = c.id AND kind = 'assigned')")" 0 \
    "hand-offs that do not match the timeline"
expect_eq "$(sql "SELECT count(*) FROM complaints c JOIN customers cu ON cu.id = c.customer_id
    WHERE cu.created_at > c.created_at")" 0 "customers made after their complaints"
expect_eq "$(sql "SELECT count(*) FROM customers cu
    WHERE NOT EXISTS (SELECT 1 FROM complaints WHERE customer_id = cu.id)")" 0 \
    "customers without complaints"
expect_eq "$(sql "SELECT count(email) - count(DISTINCT lower(email)) FROM customers")" 0 \
    "e-mail addresses shared by two customers"
expect_eq "$(sql "SELECT count(*) FROM events WHERE NOT json_valid(data)
    OR kind = 'opened' AND json_extract(data, '$.title') IS NULL")" 0 "event data"

TEST "names with diacritics, and full-text search finds them without"
use_bench_db
expect_eq "$(sql "SELECT count(*) > 0 FROM customers WHERE name <> lower(name)
    AND name GLOB '*[^ -~]*'")" 1 "names with letters beyond ASCII"
name=$(sql "SELECT name FROM customers WHERE name LIKE 'Zo_ %' AND name <> 'Zoe' LIMIT 1")
expect_match "$name" "^Zo[ëé] "
run --json search zoe
expect_rc 0
expect_json 'len(d) > 0' true

TEST "the rare word is in exactly 7 notes of 7 complaints"
use_bench_db
run --json search xylofoon
expect_rc 0
expect_json 'sorted(c["id"] for c in d)' "$RARE_IDS" \
    'sorted({c["match"]["field"] for c in d})' '["note"]'
expect_eq "$(sql "SELECT count(*) FROM text_index WHERE text_index MATCH 'xylofoon'")" 7 "notes"
expect_eq "$(sql "SELECT count(*) FROM events WHERE text LIKE '%xylofoon%'")" 7 "notes by LIKE"
run --json search refund
expect_json "len(d) > $((N / 10))" true

TEST "list, show and history read it"
use_bench_db
run list
expect_rc 0
expect_contains "$out" "TITLE"
run --json list
expect_json 'len(d)' "$(sql "SELECT count(*) FROM complaints WHERE status <> 'closed'")" \
    'all(c["status"] in ("open", "escalated") for c in d)' true
run --json list --all --limit 5
expect_json 'len(d)' 5
run show 1000
expect_rc 0
expect_contains "$out" "Timeline"
run --json show 1000
expect_json 'd["events"][0]["kind"]' opened 'd["id"]' 1000
email=$(sql "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 1")
run --json history --customer "$email"
expect_rc 0
expect_json 'len(d) > 0' true
run --json list --customer "$email" --all
expect_json 'len(d) > 0' true

TEST "ombud goes on writing to it and it still checks out"
cp "$BENCH_DB" "$OMBUD_DB"
email=$(sql "SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id DESC LIMIT 1")
run --json open "Another one" --customer "Someone" --email "$email"
expect_rc 0
expect_json 'd["id"]' $((N + 1)) 'd["customer"]["email"]' "$email"
ok note $((N + 1)) "Called back"
ok escalate $((N + 1)) --to karin --reason "Above my limit"
ok close $((N + 1)) --resolution "Refunded"
open_id=$(sql "SELECT max(id) FROM complaints WHERE status = 'open' AND id <= $N")
ok close "$open_id" --resolution "Done"
ok reopen 1 --reason "Again"
run db check
expect_rc 0

TEST "the same N and time give the same database"
MAKE_DB_NOW=1790000000 bash "$MAKE_DB" "$OMBUD" "$T/a.db" 200 2>/dev/null
MAKE_DB_NOW=1790000000 bash "$MAKE_DB" "$OMBUD" "$T/b.db" 200 2>/dev/null
dump() {
    sqlite3 -batch "$1" "SELECT * FROM customers; SELECT * FROM complaints; SELECT * FROM events"
}
expect_eq "$(dump "$T/a.db" | sha256sum)" "$(dump "$T/b.db" | sha256sum)" "the two dumps"
expect_eq "$(sqlite3 -batch "$T/a.db" "SELECT count(*) FROM complaints")" 200 "complaints"

TEST "make-db.sh refuses a bad N"
run_cmd bash "$MAKE_DB" "$OMBUD" "$T/x.db" lots
expect_rc 2
expect_contains "$err" "N must be"
expect_no_file "$T/x.db"

finish
