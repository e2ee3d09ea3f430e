# ombud search: full-text over titles, timelines and customers, with the list filters, in both
# output formats; and the upgrade that gives an older database its index.
source "$(dirname "$0")/lib.sh" "$@"

# Three complaints with words in their titles, notes, resolutions and customers.
setup_shop() {
    ok open "Parcel arrived damaged" --customer "Zoë Jansen" --email zoe@example.nl --owner anna
    ok note 1 "She had coffee at the café while waiting; the box was crushed"
    ok open "Invoice charged twice" --customer "Piet Bakker" --owner ben
    ok close 2 --resolution "Refunded the second charge with a café voucher"
    ok open "Crushed box again" --owner anna
}

# ids: the complaint numbers of the JSON list in $out, in order; sorted_ids: sorted, for cases
# where the ranking is not the point.
ids() {
    json_get '[c["id"] for c in d]'
}
sorted_ids() {
    json_get 'sorted(c["id"] for c in d)'
}

TEST "a word is found in titles, notes, resolutions and customers"
setup_shop
run --json search crushed
expect_rc 0
expect_shape
expect_eq "$(sorted_ids)" "[1, 3]" "complaints with 'crushed'"
expect_json 'sorted((c["id"], c["match"]["field"]) for c in d)' '[[1, "note"], [3, "title"]]' \
    '[c["match"]["highlights"] for c in d if c["id"] == 1]' '[["crushed"]]'
run --json search voucher
expect_eq "$(ids)" "[2]" "a word of a resolution"
expect_json 'd[0]["match"]["field"]' closed 'd[0]["status"]' closed
run --json search bakker
expect_eq "$(ids)" "[2]" "a customer's name"
expect_json 'd[0]["match"]["field"]' customer
run --json search nothinglikethis
expect_rc 0
expect_eq "$out" "[]" "no match"

TEST "case and diacritics are ignored both ways"
setup_shop
run --json search CAFE
expect_eq "$(sorted_ids)" "[1, 2]" "cafe finds café"
run --json search zoe
expect_eq "$(ids)" "[1]" "zoe finds Zoë"
run --json search Zoë
expect_eq "$(ids)" "[1]" "Zoë finds Zoë"
ok open "Cafe owner called"
run --json search café
expect_contains "$(ids)" "4" "café finds Cafe"

TEST "every word must occur, anywhere in the complaint; word* matches a prefix"
setup_shop
run --json search parcel coffee
expect_eq "$(ids)" "[1]" "one word in the title, one in a note"
run --json search parcel voucher
expect_eq "$out" "[]" "words of different complaints"
run --json search 'crush*'
expect_eq "$(sorted_ids)" "[1, 3]" "prefix"
run --json search crush
expect_eq "$out" "[]" "a word is whole without *"

TEST "the list filters narrow a search; closed complaints are included"
setup_shop
run --json search café --status closed
expect_eq "$(ids)" "[2]" "--status closed"
run --json search café --owner anna
expect_eq "$(ids)" "[1]" "--owner"
run --json search café --customer zoe@example.nl
expect_eq "$(ids)" "[1]" "--customer"
run --json search crushed --limit 1
expect_eq "$(json_get 'len(d)')" 1 "--limit"
run --json search crushed --since 1h
expect_eq "$(sorted_ids)" "[1, 3]" "--since"
run_shifted +2d --json search crushed --since 1d
expect_eq "$out" "[]" "--since a day ago, two days later"
run search café --customer nobody@example.nl
expect_rc 3
expect_contains "$err" 'no customer "nobody@example.nl"'

TEST "human output: rows like list, the matching words highlighted and escaped"
setup_shop
ok note 3 $'A \e[31m flooded \e[0m depot\nsecond line'
run --color always search flooded
expect_rc 0
expect_contains "$out" $'\e[1m\e[33mflooded\e[0m'
run search flooded
expect_match "$out" $'^ID +STATUS.*TITLE\n#3 +open +normal +anna .*Crushed box again\n +note: A .*flooded.* depot second line$'
expect_no_controls "$OUT_FILE"
run search nothinglikethis
expect_eq "$out" "No complaints match."

TEST "ranking: the denser match first"
ok open "First"
ok open "Second"
ok note 1 "The courier left the parcel at the neighbours, and the neighbours were away for a week, so the parcel waited"
ok note 2 "Parcel parcel parcel"
run --json search parcel
expect_eq "$(ids)" "[2, 1]" "ranked by bm25"

TEST "query syntax is never interpreted: quotes, operators and SQL are words"
setup_shop
for q in '"' 'a OR b' 'NEAR(x y)' "x'); DROP TABLE complaints;--" '-' '*' 'title:parcel'; do
    run --json search "$q"
    expect_rc 0
    expect_eq "$out" "[]" "search for $q"
done
expect_eq "$(sql 'SELECT count(*) FROM complaints')" 3 "complaints"

TEST "a blank or invalid query is usage (exit 2)"
setup_shop
run search " "
expect_rc 2
run search
expect_rc 2
run search $'\xff'
expect_rc 2
expect_contains "$err" "UTF-8"
run --json search x --status bogus
expect_rc 2
expect_json_error usage

TEST "notes added later are found at once; the index stays in step with the tables"
setup_shop
ok note 3 "Courier said the depot flooded"
run --json search depot
expect_eq "$(ids)" "[3]" "a new note"
expect_eq "$(sql "INSERT INTO text_index (text_index) VALUES ('integrity-check')" 2>&1)" "" \
    "text index integrity-check"
expect_eq "$(sql "INSERT INTO title_index (title_index) VALUES ('integrity-check')" 2>&1)" "" \
    "title index integrity-check"

TEST "a schema 1 database is copied, then upgraded, and its old notes are found"
setup_shop
# What a database of schema 1 looks like: none of schema 3 (team, settings, holidays, the new
# columns of complaints, the event kinds it added to the CHECK of events) and none of schema 2
# (the indexes and their triggers); user_version 1.
sql "DROP TABLE team; DROP TABLE settings; DROP TABLE holidays;
     ALTER TABLE complaints DROP COLUMN response_due;
     ALTER TABLE complaints DROP COLUMN responded_at;
     ALTER TABLE complaints DROP COLUMN escalated_at;
     ALTER TABLE complaints DROP COLUMN escalated_by;
     ALTER TABLE complaints DROP COLUMN escalation_for;
     ALTER TABLE complaints DROP COLUMN waiting_since;
     ALTER TABLE complaints DROP COLUMN waiting_until;
     CREATE TABLE events_v1 (
         id INTEGER PRIMARY KEY AUTOINCREMENT,
         complaint_id INTEGER NOT NULL REFERENCES complaints (id),
         at INTEGER NOT NULL,
         actor TEXT NOT NULL,
         kind TEXT NOT NULL CHECK (kind IN ('opened', 'note', 'escalated', 'assigned', 'closed',
                                            'reopened')),
         text TEXT,
         channel TEXT,
         direction TEXT CHECK (direction IN ('in', 'out')),
         visible INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1)),
         data TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data))
     ) STRICT;
     INSERT INTO events_v1 SELECT * FROM events;
     DROP TABLE events;
     ALTER TABLE events_v1 RENAME TO events;
     CREATE INDEX events_by_complaint ON events (complaint_id, at, id);
     CREATE INDEX events_by_time ON events (at, id);
     CREATE INDEX events_by_actor ON events (actor, at, id);
     CREATE TRIGGER events_no_update BEFORE UPDATE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
     CREATE TRIGGER events_no_delete BEFORE DELETE ON events
     BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
     DROP TABLE title_index; DROP TABLE text_index; DROP TABLE customer_index;
     DROP TRIGGER complaints_indexed; DROP TRIGGER complaints_reindexed;
     DROP TRIGGER customers_indexed; DROP TRIGGER customers_reindexed;
     PRAGMA user_version = 1;" >/dev/null
before=$(db_fingerprint)
cp "$OMBUD_DB" "$T/v1-original.db"
run --json search crushed
expect_rc 0
expect_eq "$(sorted_ids)" "[1, 3]" "old notes found after the upgrade"
expect_match "$err" "warning: upgraded $OMBUD_DB from schema 1 to 3; the file as it was is kept at $OMBUD_DB\\.schema1-[0-9]{8}-[0-9]{6}\\.bak"
backup=$(ls "$OMBUD_DB".schema1-*.bak)
expect_eq "$(sqlite3 "$backup" 'PRAGMA user_version')" 1 "version of the kept copy"
expect_eq "$(sqlite3 "$backup" .dump | sha256sum)" "$(sqlite3 "$T/v1-original.db" .dump | sha256sum)" \
    "the kept copy is the old file"
expect_eq "$(sql 'PRAGMA user_version')" 3 "version after"
run search crushed
expect_empty "$err" "no warning the second time"
expect_ne "$before" "$(db_fingerprint)" "the file was upgraded"

finish
