#!/usr/bin/env bash
# Builds a large, realistic ombud database for benchmarks: N complaints (default 1,000,000) with
# about 5 events each, N * 3 / 10 customers with Dutch and international names, 15 owners; most
# complaints closed, the newest few thousand open or escalated. What the data looks like, and
# the rare word for search benchmarks ("xylofoon", in exactly 7 notes of 7 complaints), is
# described in bench/make-db.py and bench/README.md.
#
# usage: bench/make-db.sh OMBUD_BINARY DB_FILE [N]
#
# ombud makes the schema (one `ombud open`), so the data always goes into the real one. For
# speed, the load drops every trigger and every index not on events, fills the tables with the
# sqlite3 shell, then re-creates them from the SQL text the file itself held (sqlite_schema) and
# rebuilds the full-text indexes; the schema afterwards is checked to be byte for byte what ombud
# made. Timings of each phase go to stderr. Needs sqlite3 (with FTS5) and python3.
#
# Environment: MAKE_DB_NOW (Unix seconds) fixes "now", so the same N gives the same file;
# default: the current time.
set -euo pipefail

if [ $# -lt 2 ] || [ $# -gt 3 ]; then
    echo "usage: $0 OMBUD_BINARY DB_FILE [N]" >&2
    exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
ombud=$1 db=$2 n=${3:-1000000}
if ! [[ $n =~ ^[1-9][0-9]*$ ]] || [ "$n" -lt 10 ]; then
    echo "$0: N must be a whole number of at least 10, not \"$n\"" >&2
    exit 2
fi
now=${MAKE_DB_NOW:-$(date +%s)}
python=${PYTHON:-python3}
start=$(date +%s%N)

rm -f "$db" "$db-wal" "$db-shm"
# Let ombud create the schema, so the benchmark measures the real one.
OMBUD_DB=$db OMBUD_USER=bench "$ombud" open "seed" >/dev/null

schema_query="SELECT type, name, tbl_name, sql FROM sqlite_schema ORDER BY type, name"
schema_before=$(sqlite3 -batch "$db" "$schema_query")
# What the load drops: every trigger, and the indexes of every table but events. Events are
# inserted in order of time, so keeping their indexes up to date on the way costs less than
# reading the gigabyte of event rows once more for each index afterwards.
dropped="sql IS NOT NULL AND (type = 'trigger' OR type = 'index' AND tbl_name <> 'events')"
# Their SQL in the order it was made (triggers last), each as its own statement.
saved=$(sqlite3 -batch "$db" "SELECT sql || ';' FROM sqlite_schema WHERE $dropped
    ORDER BY type = 'trigger', rowid")
drops=$(sqlite3 -batch "$db" "SELECT 'DROP ' || upper(type) || ' \"' || replace(name, '\"', '\"\"')
    || '\";' FROM sqlite_schema WHERE $dropped")
fts=$(sqlite3 -batch "$db" "SELECT 'INSERT INTO \"' || name || '\" (\"' || name
    || '\") VALUES (''rebuild'');' FROM sqlite_schema
    WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%' ORDER BY rowid")

{
    echo "$drops"
    "$python" "$here/make-db.py" "$n" "$now"
    echo "BEGIN;"
    echo "$saved"
    echo "INSERT INTO clock VALUES ('indexes and triggers', julianday('now'));"
    echo "$fts"
    echo "COMMIT;"
    echo "INSERT INTO clock VALUES ('full-text indexes', julianday('now'));"
    # ombud keeps its file in WAL mode on a local disk; the load ran without a journal.
    echo "PRAGMA journal_mode = WAL;"
    echo "SELECT printf('make-db: %-22s %6.1f s', phase,
        (at - lag(at) OVER (ORDER BY rowid)) * 86400) FROM clock WHERE rowid > 1;"
} | sqlite3 -batch "$db" >"$db.log" 2>&1 || {
    cat "$db.log" >&2
    echo "$0: loading failed" >&2
    exit 1
}
grep '^make-db:' "$db.log" >&2 || true
rm -f "$db.log"

schema_after=$(sqlite3 -batch "$db" "$schema_query")
if [ "$schema_before" != "$schema_after" ]; then
    echo "$0: the schema after loading differs from the one ombud made:" >&2
    diff <(echo "$schema_before") <(echo "$schema_after") >&2 || true
    exit 1
fi
counts=$(sqlite3 -batch -separator ' ' "$db" "SELECT (SELECT count(*) FROM complaints),
    (SELECT count(*) FROM events), (SELECT count(*) FROM customers)")
read -r complaints events customers <<<"$counts"
elapsed=$((($(date +%s%N) - start) / 1000000))
printf 'make-db: %s complaints, %s events, %s customers, %s MB in %d.%d s\n' \
    "$complaints" "$events" "$customers" "$(($(stat -c %s "$db") / 1000000))" \
    $((elapsed / 1000)) $((elapsed % 1000 / 100)) >&2
