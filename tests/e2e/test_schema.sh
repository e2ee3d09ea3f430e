# The database file itself: version and application id, strict tables, foreign keys, WAL,
# append-only events, bound parameters, and refusing a file from a newer ombud untouched.
source "$(dirname "$0")/lib.sh" "$@"

TEST "a new database has user_version 2, application_id OMBD and WAL"
ok open "First"
expect_eq "$(sql 'PRAGMA user_version')" 2 "user_version"
expect_eq "$(sql 'PRAGMA application_id')" 1330463300 "application_id (0x4F4D4244)"
expect_eq "$(sql 'PRAGMA journal_mode')" wal "journal_mode"
expect_eq "$(head -c 15 "$OMBUD_DB")" "SQLite format 3" "file header"

TEST "the tables are STRICT and linked by foreign keys"
ok open "First" --customer "Jan de Vries"
expect_eq "$(sql "SELECT group_concat(name || ':' || strict, ' ') FROM
                  (SELECT name, strict FROM pragma_table_list
                   WHERE schema = 'main' AND name IN ('customers', 'complaints', 'events')
                   ORDER BY name)")" \
    "complaints:1 customers:1 events:1" "strict tables"
expect_eq "$(sql "SELECT \"table\" || '.' || \"to\" FROM pragma_foreign_key_list('events')")" \
    "complaints.id" "events references"
expect_eq "$(sql "SELECT \"table\" || '.' || \"to\" FROM pragma_foreign_key_list('complaints')")" \
    "customers.id" "complaints references"
expect_empty "$(sql 'PRAGMA foreign_key_check')" "foreign_key_check"
expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
# STRICT means a wrong type is refused, not silently stored.
sql "UPDATE complaints SET created_at = 'yesterday' WHERE id = 1" >/dev/null 2>&1 &&
    _fail "a STRICT table accepted TEXT in an INTEGER column"
expect_eq "$(sql "SELECT typeof(created_at) FROM complaints WHERE id = 1")" integer "created_at type"

TEST "events are append-only: the database refuses UPDATE and DELETE"
ok open "First"
ok note 1 "Original text"
before=$(sql "SELECT group_concat(id || '|' || coalesce(text, ''), ',') FROM events")
if sqlite3 "$OMBUD_DB" "UPDATE events SET text = 'rewritten'" >"$T/sql.out" 2>&1; then
    _fail "UPDATE of events succeeded"
fi
expect_contains "$(cat "$T/sql.out")" "append-only"
if sqlite3 "$OMBUD_DB" "DELETE FROM events" >"$T/sql.out" 2>&1; then
    _fail "DELETE of events succeeded"
fi
expect_contains "$(cat "$T/sql.out")" "append-only"
if sqlite3 "$OMBUD_DB" "DELETE FROM events WHERE id = 2" >/dev/null 2>&1; then
    _fail "DELETE of one event succeeded"
fi
expect_eq "$(sql "SELECT group_concat(id || '|' || coalesce(text, ''), ',') FROM events")" \
    "$before" "events after the attempts"
run --json show 1
expect_json 'd["events"][1]["text"]' "Original text"

TEST "complaint numbers are never reused"
ok open "One"
ok open "Two"
ok open "Three"
# Even when the newest row is gone (by hand), its number is not handed out again.
sql "PRAGMA foreign_keys = OFF; DELETE FROM complaints WHERE id = 3;" >/dev/null 2>&1
run --json open "Four"
expect_rc 0
expect_json 'd["id"]' 4

TEST "text is stored through bound parameters, never as SQL"
title="Robert'); DROP TABLE complaints; --"
ok open "$title" --customer "O'Brien \" ; DELETE FROM customers; --" --category "x' OR '1'='1"
run --json show 1
expect_rc 0
expect_json 'd["title"]' "$title" 'd["customer"]["name"]' "O'Brien \" ; DELETE FROM customers; --" \
    'd["category"]' "x' OR '1'='1"
expect_eq "$(sql 'SELECT count(*) FROM complaints')" 1 "complaints"
expect_eq "$(sql 'SELECT count(*) FROM customers')" 1 "customers"
run list --customer "x' OR '1'='1"
expect_rc 3
run --json list --category "nothing' OR '1'='1"
expect_rc 0
expect_eq "$out" "[]"
run --json history --actor "x' OR 1=1 --"
expect_rc 0
expect_eq "$out" "[]"

TEST "a database from a newer ombud is refused (exit 6) and left byte for byte unchanged"
ok open "From the future"
ok note 1 "Some history"
sql "PRAGMA user_version = 99" >/dev/null
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
expect_no_file "$OMBUD_DB-wal"
before=$(file_hash "$OMBUD_DB")
for args in "list" "open x" "show 1" "history" "note 1 more"; do
    # shellcheck disable=SC2086 # split on purpose
    run $args
    expect_rc 6
    expect_empty "$out" "stdout"
    expect_contains "$err" "newer ombud"
done
run --json open "x"
expect_rc 6
expect_json_error storage
expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash after the refused commands"
expect_eq "$(sql 'PRAGMA user_version')" 99 "user_version"
expect_eq "$(sql 'SELECT count(*) FROM events')" 2 "events"

TEST "an empty file becomes an ombud database on the first write"
: >"$OMBUD_DB"
ok open "First"
expect_eq "$(sql 'PRAGMA user_version')" 2 "user_version"
expect_eq "$(sql 'PRAGMA application_id')" 1330463300 "application_id"
run --json list
expect_json '[c["title"] for c in d]' '["First"]'

finish
