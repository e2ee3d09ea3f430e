# ombud open --from-json: many complaints from JSON in one transaction, all or nothing.
source "$(dirname "$0")/lib.sh" "$@"

TEST "one object opens one complaint, printed as open prints it"
printf '{"title":"Parcel damaged","customer":"Jan de Vries","email":"jan@example.nl","channel":"phone","category":"delivery","priority":"high","owner":"anna","due":"3d","note":"Box crushed"}' >"$T/one.json"
run open --from-json "$T/one.json"
expect_rc 0
# Like open, with the first answer due by the policy (any time of day, so only its form).
expect_match "$out" '^Opened #1 "Parcel damaged" for Jan de Vries, owner anna, answer by [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}, due [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$'
run --json show 1
expect_json 'd["customer"]["email"]' jan@example.nl 'd["channel"]' phone 'd["category"]' delivery \
    'd["priority"]' high 'd["owner"]' anna 'ts(d["due"]) - ts(d["created_at"])' $((3 * 86400)) \
    'is_time(d["response_due"])' true \
    '[e["kind"] for e in d["events"]]' '["opened", "note"]' 'd["events"][1]["text"]' "Box crushed"

TEST "NDJSON and arrays open many, numbered in order, and --json lists them"
printf '{"title":"First"}\n\n{"title":"Second","phone":"+31 20 555 0101"}\r\n{"title":"Third","priority":"low"}\n' >"$T/many.ndjson"
run --json open --from-json "$T/many.ndjson"
expect_rc 0
expect_shape
expect_json '[c["id"] for c in d]' '[1, 2, 3]' '[c["title"] for c in d]' '["First", "Second", "Third"]' \
    'd[1]["customer"]["name"]' "+31 20 555 0101"
run_stdin '[{"title":"Fourth"},{"title":"Fifth","customer":"Ann"}]' open --from-json -
expect_rc 0
expect_match "$out" '#4 +open'
expect_match "$out" '#5 +open .*Ann'
expect_eq "$(sql 'SELECT count(*) FROM complaints')" 5 "complaints"

TEST "at back-dates a complaint brought over from elsewhere"
run_stdin '{"title":"From the old spreadsheet","at":"2025-03-04T09:30:00Z","note":"Letter"}' --json open --from-json -
expect_rc 0
expect_json 'd["created_at"]' 2025-03-04T09:30:00Z 'd["updated_at"]' 2025-03-04T09:30:00Z
run --json history 1
expect_json '[e["at"] for e in d]' '["2025-03-04T09:30:00Z", "2025-03-04T09:30:00Z"]'
run_stdin '{"title":"Tomorrow","at":"2099-01-01T00:00:00Z"}' open --from-json -
expect_rc 2
expect_contains "$err" "in the future"

TEST "one bad line: exit 2, its line number and field, and nothing is written"
ok open "Existing"
snapshot
check_bad() {
    printf '%s' "$1" >"$T/bad.ndjson"
    run open --from-json "$T/bad.ndjson"
    expect_rc 2
    expect_contains "$err" "$2"
    expect_unchanged
}
check_bad $'{"title":"ok"}\n{"title":"ok too"}\n{"title":"bad","priority":"huge"}\n' \
    'line 3: "priority" is wrong: invalid priority "huge"'
check_bad $'{"title":"ok"}\n{"titel":"typo"}\n' 'line 2: "titel" is not a field of a complaint; did you mean "title"?'
check_bad $'{"title":"ok"}\n{"customer":"no title"}\n' 'line 2: "title" is missing'
check_bad $'{"title":"ok"}\n{"title":""}\n' 'line 2: "title"'
check_bad $'{"title":"ok"}\nnot json\n' 'line 2: not valid JSON'
check_bad $'{"title":"ok"}\n{"title":"ok","due":"yesterday"}\n' 'line 2: the deadline'
check_bad $'{"title":"ok","at":"2099-01-01"}\n' 'line 1: the time it was opened'
# Nothing is checked against a database: a bad input creates none.
printf '{"title":"ok"}\n{"title":"ok","due":"nonsense"}\n' >"$T/bad.ndjson"
run --db "$T/new.db" open --from-json "$T/bad.ndjson"
expect_rc 2
expect_contains "$err" 'line 2: "due" is wrong'
expect_no_file "$T/new.db"
check_bad $'{"title":7}\n' 'line 1: "title" must be a string'
check_bad '[{"title":"a"},"b"]' 'item 2: not a JSON object'
check_bad $'{"title":"bad \xff byte"}\n' 'line 1: not valid JSON'
check_bad '' 'no complaints in the input'
run --json open --from-json "$T/bad.ndjson"
expect_json_error usage

TEST "--from-json goes alone; open needs a TITLE or --from-json"
run open "Title" --from-json -
expect_rc 2
expect_contains "$err" "with --from-json, every field comes from the JSON"
run open
expect_rc 2
expect_contains "$err" "open needs a TITLE"
run open --from-json "$T/missing.json"
expect_rc 3
expect_no_file "$OMBUD_DB"

TEST "10,000 complaints load in one transaction, all there, customers matched"
python3 -c '
import json
for i in range(10000):
    print(json.dumps({"title": "Bulk %d" % i, "customer": "Customer %d" % (i % 300), "channel": "email", "note": "text %d" % i}))
' >"$T/bulk.ndjson"
run --json open --from-json "$T/bulk.ndjson"
expect_rc 0
expect_json 'len(d)' 10000 'd[-1]["id"]' 10000
expect_eq "$(sql 'SELECT count(*) FROM complaints; SELECT count(*) FROM customers; SELECT count(*) FROM events')" \
    $'10000\n300\n20000' "complaints, customers, events"
run db check
expect_rc 0

finish
