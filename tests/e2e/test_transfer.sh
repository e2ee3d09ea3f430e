# ombud export and import: every record out as NDJSON and back in without loss.
source "$(dirname "$0")/lib.sh" "$@"

# A database with every kind of record and awkward text.
setup_everything() {
    ok open "Parcel arrived damaged" --customer "Zoë de Vries" --email zoe@example.nl \
        --phone "+31 6 1234 5678" --channel phone --category delivery --priority high --due 3d \
        --note $'She called twice.\nSecond line with "quotes" and a tab\there'
    ok open "Invoice wrong" --phone "+31 20 555 0101" --channel letter
    ok open $'Escape \e[31mred\e[0m and bidi \u202e text' --customer "José García"
    ok note 1 "Called back" --channel phone --direction out --visible
    ok escalate 1 --to maria --reason "Refund above 200 euro" --due tomorrow
    ok assign 2 ben --reason "Ben handles invoices"
    ok close 2 --resolution "Corrected" --reason resolved --rating 4
    ok reopen 2 --reason "Wrong again"
    ok close 3 --reason withdrawn
    ok --as "Ünïcode Person" note 3 "Late note after closing"
}

TEST "export writes a header, then customers, complaints and events in id order"
setup_everything
run export
expect_rc 0
expect_eq "$(head -n 1 "$OUT_FILE")" '{"type":"ombud_export","version":1}' "header"
expect_eq "$(sed 1d "$OUT_FILE" | python3 -c '
import json, sys
kinds = [json.loads(l)["type"] for l in sys.stdin]
print(" ".join(sorted(set(kinds), key=kinds.index)), kinds.count("customer"), kinds.count("complaint"), kinds.count("event"))')" \
    "customer complaint event 3 3 $(sql 'SELECT count(*) FROM events')" "record kinds and counts"
expect_eq "$(grep -c '"type":"complaint"' "$OUT_FILE")" 3 "complaint lines"
line=$(grep '"type":"complaint","id":1,' "$OUT_FILE")
expect_contains "$line" '"customer_id":1,'
expect_contains "$line" '"escalation":{"level":1,"to":"maria","reason":"Refund above 200 euro"'
expect_not_contains "$line" '"customer":{'
# Every line is one JSON object.
expect_eq "$(python3 -c '
import json, sys
for l in open(sys.argv[1]): json.loads(l)
print("ok")' "$OUT_FILE")" ok "every line parses"

TEST "export, import, export is byte for byte the same: ids, times, actors, every event"
setup_everything
run export
expect_rc 0
cp "$OUT_FILE" "$T/first.ndjson"
run --db "$T/copy.db" import "$T/first.ndjson"
expect_rc 0
expect_eq "$out" "Imported 3 customers, 3 complaints and $(sql 'SELECT count(*) FROM events') events from $T/first.ndjson"
run --db "$T/copy.db" export
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$T/first.ndjson")" "the second export"
# The copy works like the original: same show, and numbering goes on after the last one.
run --json show 1
cp "$OUT_FILE" "$T/show-original.json"
run --db "$T/copy.db" --json show 1
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$T/show-original.json")" "show 1 in the copy"
run --db "$T/copy.db" --json open "After the import"
expect_json 'd["id"]' 4
run --db "$T/copy.db" --json search refund
expect_json '[c["id"] for c in d]' '[1]'
run --db "$T/copy.db" db check
expect_rc 0

TEST "import reads stdin, and --json reports the counts"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
run_cmd sh -c "\"$OMBUD\" --db \"$T/copy.db\" --json import - <\"$T/all.ndjson\""
expect_rc 0
expect_json 'd["customers"]' 3 'd["complaints"]' 3 'd["source"]' stdin

TEST "import into a database that holds anything is a conflict (exit 4) and adds nothing"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
snapshot
run import "$T/all.ndjson"
expect_rc 4
expect_contains "$err" "already holds complaints"
run --json import "$T/all.ndjson"
expect_rc 4
expect_json_error conflict
expect_unchanged

TEST "a bad line is usage (exit 2), names the line and the field, and nothing is written"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
export OMBUD_DB="$T/new.db"
# check_bad LINE SED-EXPRESSION EXPECTED-MESSAGE
check_bad() {
    sed "$2" "$T/all.ndjson" >"$T/bad.ndjson"
    run import "$T/bad.ndjson"
    expect_rc 2
    expect_contains "$err" "$3"
    expect_eq "$(sql 'SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM events) + (SELECT count(*) FROM customers)' 2>&1)" 0 "rows after a bad line $1"
}
check_bad 5 '5s/"status":"[a-z]*"/"status":"bogus"/' 'line 5: "status" is wrong: invalid status "bogus"'
check_bad 6 '6s/"title":"[^"]*"/"title":""/' 'line 6: "title"'
check_bad 4 '4s/"created_at":"[^"]*"/"created_at":"yesterday"/' 'line 4: "created_at" is wrong'
check_bad 2 '2s/,"name":"[^"]*"//' 'line 2: "name" is missing'
check_bad 9 '9s/"complaint_id":[0-9]*/"complaint_id":99/' 'line 9: "complaint_id" names complaint #99, which no earlier line holds'
check_bad 9 '9s/.*/{not json/' 'line 9: not a JSON object'
check_bad 1 '1s/.*/{"type":"ombud_export","version":2}/' 'line 1: "version" is not 1'
check_bad 1 '1d' 'line 1: "type" must be "ombud_export"'
check_bad 7 '7s/"rating":null/"rating":9/' 'line 7: "rating" must be from 1 to 5'
# Lines 2-4 are the customers, 5-7 the complaints, then the events.
expect_eq "$(sed -n '2p;4p;5p;7p;8p' "$T/all.ndjson" | cut -d, -f1 | tr '\n' ' ')" \
    '{"type":"customer" {"type":"customer" {"type":"complaint" {"type":"complaint" {"type":"event" ' \
    "the layout the cases above rely on"
run import /dev/null
expect_rc 2
expect_contains "$err" "the input is empty"
run import "$T/no-such-file.ndjson"
expect_rc 3
expect_contains "$err" "cannot read $T/no-such-file.ndjson"

TEST "records out of order or repeated are refused"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
export OMBUD_DB="$T/new.db"
# A customer after the events.
{ cat "$T/all.ndjson"; grep '"type":"customer"' "$T/all.ndjson" | tail -n 1; } >"$T/order.ndjson"
run import "$T/order.ndjson"
expect_rc 2
expect_contains "$err" "comes too late: customers, then complaints, then events"
# A complaint twice.
{ cat "$T/all.ndjson"; } | awk '{ print } /"type":"complaint","id":3,/ { print }' >"$T/twice.ndjson"
run import "$T/twice.ndjson"
expect_rc 2
expect_contains "$err" '"id" is 3, not above the previous one (3)'

finish
