# The database file itself: version and application id, strict tables, foreign keys, WAL,
# append-only events, bound parameters, and refusing a file from a newer ombud untouched.
source "$(dirname "$0")/lib.sh" "$@"

TEST "a new database has user_version 3, application_id OMBD and WAL"
ok open "First"
expect_eq "$(sql 'PRAGMA user_version')" 3 "user_version"
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
expect_eq "$(sql 'PRAGMA user_version')" 3 "user_version"
expect_eq "$(sql 'PRAGMA application_id')" 1330463300 "application_id"
run --json list
expect_json '[c["title"] for c in d]' '["First"]'

TEST "a schema 2 database is copied, then upgraded to 3: owners join the team, nothing is lost"
# What the previous ombud left: its schema (tests/e2e/fixtures/schema2.sql, as it made it) and
# rows as it wrote them. anna and bob own complaints, maria was escalated to; #3 is closed.
sqlite3 -batch "$OMBUD_DB" <"$E2E_DIR/fixtures/schema2.sql" >/dev/null ||
    _fail "could not make a schema 2 database with sqlite3"
sql "INSERT INTO customers (id, name, email, created_at)
     VALUES (1, 'Jan de Vries', 'jan@example.nl', 1764000000);
     INSERT INTO complaints (id, title, status, priority, customer_id, owner, created_at,
                             updated_at)
     VALUES (1, 'Parcel arrived damaged', 'open', 'normal', 1, 'anna', 1764000000, 1764000100);
     INSERT INTO complaints (id, title, status, priority, owner, escalation_level, escalated_to,
                             escalation_reason, escalation_due, created_at, updated_at)
     VALUES (2, 'Invoice wrong', 'escalated', 'high', 'bob', 1, 'maria',
             'Refund above 200 euro', 1764259200, 1764000010, 1764000200);
     INSERT INTO complaints (id, title, status, priority, owner, created_at, updated_at,
                             closed_at, close_reason, resolution, rating)
     VALUES (3, 'Late delivery', 'closed', 'low', 'anna', 1764000020, 1764000300, 1764000300,
             'resolved', 'Sent again', 4);
     INSERT INTO events (complaint_id, at, actor, kind, data) VALUES
         (1, 1764000000, 'anna', 'opened', json_object('title', 'Parcel arrived damaged',
             'priority', 'normal', 'category', NULL, 'owner', 'anna', 'due', NULL,
             'customer_id', 1, 'customer', json_object('name', 'Jan de Vries',
             'email', 'jan@example.nl', 'phone', NULL))),
         (2, 1764000010, 'bob', 'opened', json_object('title', 'Invoice wrong',
             'priority', 'high', 'category', NULL, 'owner', 'bob', 'due', NULL,
             'customer_id', NULL, 'customer', NULL)),
         (3, 1764000020, 'anna', 'opened', json_object('title', 'Late delivery',
             'priority', 'low', 'category', NULL, 'owner', 'anna', 'due', NULL,
             'customer_id', NULL, 'customer', NULL));
     INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, data) VALUES
         (1, 1764000100, 'anna', 'note', 'The box was crushed', 'phone', 'in', '{}'),
         (2, 1764000200, 'bob', 'escalated', 'Refund above 200 euro', NULL, NULL,
          json_object('to', 'maria', 'level', 1, 'due', '2025-11-27T16:00:00Z', 'from', NULL)),
         (3, 1764000300, 'anna', 'closed', 'Sent again', NULL, NULL,
          json_object('reason', 'resolved', 'rating', 4));" >/dev/null ||
    _fail "could not fill the schema 2 database"
sql "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null
expect_eq "$(sql 'PRAGMA user_version')" 2 "user_version of the old file"
cp "$OMBUD_DB" "$T/v2-original.db"
# The columns schema 2 had, to compare before and after.
OLD_COMPLAINTS="SELECT id, title, status, priority, category, channel, customer_id, owner, handoffs,
                       escalation_level, escalated_to, escalation_reason, escalation_due, due,
                       created_at, updated_at, closed_at, close_reason, resolution, rating
                FROM complaints ORDER BY id"
ALL_EVENTS="SELECT * FROM events ORDER BY id"
complaints_before=$(sql "$OLD_COMPLAINTS")
events_before=$(sql "$ALL_EVENTS")
# A read command upgrades the file, after copying it.
run --json search crushed
expect_rc 0
expect_json '[c["id"] for c in d]' '[1]'
expect_match "$err" "warning: upgraded $OMBUD_DB from schema 2 to 3; the file as it was is kept at $OMBUD_DB\\.schema2-[0-9]{8}-[0-9]{6}\\.bak"
expect_eq "$(sql 'PRAGMA user_version')" 3 "user_version after"
expect_eq "$(sql 'PRAGMA application_id')" 1330463300 "application_id after"
# Everyone who owns a complaint or was escalated to is on the team, so nobody gets a warning.
expect_eq "$(sql "SELECT group_concat(name || ':' || added_by_use, ' ')
                  FROM (SELECT name, added_by_use FROM team ORDER BY name)")" \
    "anna:1 bob:1 maria:1" "team after the upgrade"
# The data as it was: every old column of every complaint, every event (rebuilt table) intact.
expect_eq "$(sql "$OLD_COMPLAINTS")" "$complaints_before" "complaints after the upgrade"
expect_eq "$(sql "$ALL_EVENTS")" "$events_before" "events after the upgrade"
expect_eq "$(event_count)" 6 "events"
expect_eq "$(sql 'SELECT count(*) FROM customers')" 1 "customers"
# The search index still reads the rebuilt events table: old text is found, and it is whole.
run --json search refund
expect_json '[c["id"] for c in d]' '[2]'
expect_eq "$(sql "INSERT INTO text_index (text_index) VALUES ('integrity-check')" 2>&1)" "" \
    "text index integrity-check"
run --json show 2
expect_rc 0
expect_json 'd["escalation"]["to"]' maria 'd["escalation"]["level"]' 1 \
    'd["escalation"]["reason"]' "Refund above 200 euro" 'd["owner"]' bob 'd["waiting"]' null \
    'len(d["events"])' 2
# Who asked, and since when, come from the timeline's escalated event.
expect_json 'd["escalation"]["by"]' bob 'ts(d["escalation"]["since"])' 1764000200
expect_empty "$(sql 'PRAGMA foreign_key_check')" "foreign_key_check"
# The copy made before upgrading is the old file.
backup=$(ls "$OMBUD_DB".schema2-*.bak 2>/dev/null)
expect_file_exists "$backup"
expect_eq "$(sqlite3 "$backup" 'PRAGMA user_version')" 2 "version of the kept copy"
expect_eq "$(sqlite3 "$backup" .dump | sha256sum)" "$(sqlite3 "$T/v2-original.db" .dump | sha256sum)" \
    "the kept copy is the old file"
run db check
expect_rc 0
expect_contains "$out" "schema 3"
run show 1
expect_contains "$out" "anna: opened, owner anna"
run list
expect_empty "$err" "no warning the second time"
# The new kinds of event can be written, after the old ones, with the next numbers.
ok --as maria decide 2 "Refund approved"
expect_empty "$err" "stderr of decide (maria is on the team)"
ok wait 1 --reason "Photos of the damage"
ok resume 1 --reason "Photos arrived"
ok escalate 1 --to maria
expect_empty "$err" "stderr of escalate (maria is on the team)"
expect_eq "$(sql "SELECT group_concat(id || ':' || kind, ' ') FROM events WHERE id > 6")" \
    "7:decided 8:waited 9:resumed 10:escalated" "events written after the upgrade"
run --json search approved
expect_json '[c["id"] for c in d]' '[2]'
run db check
expect_rc 0

finish
