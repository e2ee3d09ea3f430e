# ombud db: check, backup and share, in both output formats and with every error.
source "$(dirname "$0")/lib.sh" "$@"

setup_some() {
    ok open "Parcel damaged" --customer "Jan de Vries" --email jan@example.nl
    ok note 1 "Called back"
    ok open "Invoice wrong"
    ok close 2 --resolution "Corrected"
}

TEST "db check reports a sound database with its counts (exit 0)"
setup_some
run db check
expect_rc 0
expect_contains "$out" "Checked $OMBUD_DB: schema 3, wal journal, 2 complaints, 4 events, 1 customer"
expect_match "$out" "integrity +ok"
expect_match "$out" "foreign keys +ok"
expect_match "$out" "consistency +ok"
run --json db check
expect_rc 0
expect_json 'd["ok"]' true 'd["problems"]' '[]' 'd["schema_version"]' 3 \
    'd["complaints"]' 2 'd["events"]' 4 'd["customers"]' 1 'd["journal_mode"]' wal \
    'd["path"]' "$OMBUD_DB"

TEST "db check names what is wrong and exits 6"
setup_some
# What another program could do behind ombud's back.
sql "PRAGMA foreign_keys = OFF; UPDATE complaints SET status = 'closed' WHERE id = 1;
     UPDATE complaints SET customer_id = 42 WHERE id = 2;"
snapshot
run db check
expect_rc 6
expect_match "$out" "foreign keys +1 problem"
expect_match "$out" "consistency +1 problem"
expect_contains "$out" "complaint #1 is closed but its closing time says otherwise"
expect_contains "$out" "complaints row 2 refers to a missing row of customers"
expect_contains "$err" "ombud: error: $OMBUD_DB has 2 problems"
run --json db check
expect_rc 6
expect_json 'd["ok"]' false 'sorted(p["check"] for p in d["problems"])' '["consistency", "foreign_keys"]'
expect_json_error storage
expect_unchanged

TEST "db check finds a damaged page (exit 6)"
setup_some
for i in $(seq 60); do
    ok note 1 "A long note to fill pages: $(printf 'x%.0s' $(seq 400)) $i"
done
sqlite3 "$OMBUD_DB" 'PRAGMA wal_checkpoint(TRUNCATE)' >/dev/null
page=$(sql "SELECT rootpage FROM sqlite_schema WHERE name = 'events_by_complaint'")
size=$(sql 'PRAGMA page_size')
printf '\377%.0s' $(seq 64) | dd of="$OMBUD_DB" bs=1 seek=$(((page - 1) * size + 8)) conv=notrunc 2>/dev/null
run db check
expect_rc 6
expect_match "$out" "integrity +[0-9]+ problems?"
expect_contains "$err" "problem"

TEST "db check and db backup on a missing database are not found (exit 3) and create nothing"
run db check
expect_rc 3
expect_contains "$err" "there is no database at $OMBUD_DB"
run --json db backup "$T/copy.db"
expect_rc 3
expect_json_error not_found
expect_no_file "$OMBUD_DB"
expect_no_file "$T/copy.db"

TEST "db check on a file that is not a database is a storage error (exit 6)"
printf 'just some text\n%.0s' $(seq 100) >"$OMBUD_DB"
before=$(file_hash "$OMBUD_DB")
run db check
expect_rc 6
expect_contains "$err" "not an ombud database"
expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"

TEST "db backup writes a complete, private copy that ombud can use"
setup_some
run db backup "$T/copy.db"
expect_rc 0
expect_match "$out" "^Backed up $OMBUD_DB to $T/copy.db \\(2 complaints, [0-9]+ KiB\\)"
expect_eq "$(stat -c %a "$T/copy.db")" 600 "mode of the copy"
expect_eq "$(sqlite3 "$T/copy.db" 'PRAGMA integrity_check')" ok "integrity of the copy"
# The copy is one file, whatever journal the original uses.
expect_eq "$(sqlite3 "$T/copy.db" 'PRAGMA journal_mode')" delete "journal of the copy"
expect_eq "$(sqlite3 "$T/copy.db" .dump | sha256sum)" "$(sqlite3 "$OMBUD_DB" .dump | sha256sum)" \
    "contents of the copy"
run --db "$T/copy.db" --json show 1
expect_rc 0
expect_json 'd["title"]' "Parcel damaged" 'len(d["events"])' 2
run --json db backup "$T/copy2.db"
expect_rc 0
expect_json 'd["source"]' "$OMBUD_DB" 'd["backup"]' "$T/copy2.db" 'd["complaints"]' 2 \
    "d[\"bytes\"] == $(stat -c %s "$T/copy2.db")" true

TEST "db backup never overwrites a file (exit 4) and leaves nothing half-made"
setup_some
printf 'precious' >"$T/taken.db"
run db backup "$T/taken.db"
expect_rc 4
expect_contains "$err" "$T/taken.db already exists"
expect_eq "$(cat "$T/taken.db")" precious "the existing file"
run --json db backup "$T/taken.db"
expect_rc 4
expect_json_error conflict
run db backup "$T/no/such/folder/copy.db"
expect_rc 6
expect_contains "$err" "cannot create $T/no/such/folder/copy.db"
expect_eq "$(find "$T" -name '*.new' | wc -l)" 0 "temporary files left"

TEST "db backup is consistent while others write"
setup_some
for i in $(seq 30); do ok open "Before $i"; done
(
    for i in $(seq 40); do
        "$OMBUD" open "During $i" </dev/null >/dev/null 2>>"$T/writer.err" || exit 1
    done
) &
writer=$!
BG_PIDS+=("$writer")
copies=0
for i in $(seq 5); do
    run db backup "$T/during-$i.db"
    expect_rc 0 && copies=$((copies + 1))
    n=$(sqlite3 "$T/during-$i.db" 'SELECT count(*) FROM complaints')
    e=$(sqlite3 "$T/during-$i.db" "SELECT count(*) FROM events WHERE kind = 'opened'")
    # Each complaint of the copy comes with its opened event: the copy is one moment.
    expect_eq "$e" "$((n))" "opened events in copy $i (complaints: $n)"
    expect_eq "$(sqlite3 "$T/during-$i.db" 'PRAGMA integrity_check')" ok "integrity of copy $i"
done
wait "$writer"
expect_eq "$?" 0 "the writer's exit status"
expect_eq "$copies" 5 "copies made"

TEST "db share makes the file group-writable and says what the folder needs"
setup_some
mkdir -p "$T/team" && chmod 700 "$T/team"
export OMBUD_DB="$T/team/ombud.db"
ok open "Shared"
run db share
expect_rc 0
expect_contains "$out" "Shared $OMBUD_DB with the group $(id -gn)"
expect_eq "$(stat -c %a "$OMBUD_DB")" 660 "mode of the database"
expect_contains "$err" "warning: the group cannot create SQLite's journal files in $T/team"
expect_contains "$err" "chmod g+rwxs"
chmod 2770 "$T/team"
run --json db share
expect_rc 0
expect_json 'd["mode"]' 0660 'd["folder_ready"]' true 'd["group"]' "$(id -gn)" \
    'd["files"][0]' "$OMBUD_DB"
expect_empty "$err" "stderr"
# SQLite gives the journal files it makes the database's mode.
hold_write_lock || _fail "could not take the write lock"
expect_eq "$(stat -c %a "$OMBUD_DB-wal" 2>/dev/null)" 660 "mode of the -wal file"
release_write_lock

TEST "db share creates a missing database and refuses an unknown group (exit 2)"
export OMBUD_DB="$T/new/ombud.db"
run db share --group no-such-group-ombud
expect_rc 2
expect_contains "$err" 'there is no group "no-such-group-ombud"'
run db share --group "$(id -gn)"
expect_rc 0
expect_eq "$(stat -c %a "$OMBUD_DB")" 660 "mode of the new database"
expect_eq "$(stat -c %G "$OMBUD_DB")" "$(id -gn)" "group of the new database"

TEST "db needs one of its subcommands (exit 2)"
run db
expect_rc 2
expect_contains "$err" "ombud db"
run db frobnicate
expect_rc 2
run db backup
expect_rc 2
expect_contains "$err" "FILE"

finish
