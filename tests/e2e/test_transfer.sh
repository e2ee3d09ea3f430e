# ombud export and import: every record out as NDJSON and back in without loss.
source "$(dirname "$0")/lib.sh" "$@"

# Every row an import could write; 0 after a refused one.
ROWS="SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM events)
           + (SELECT count(*) FROM customers) + (SELECT count(*) FROM team)
           + (SELECT count(*) FROM settings) + (SELECT count(*) FROM holidays)"

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

TEST "export writes a header, then the team, customers, complaints and events in order"
setup_everything
run export
expect_rc 0
expect_eq "$(head -n 1 "$OUT_FILE")" '{"type":"ombud_export","version":2}' "header"
expect_eq "$(sed 1d "$OUT_FILE" | python3 -c '
import json, sys
kinds = [json.loads(l)["type"] for l in sys.stdin]
print(" ".join(sorted(set(kinds), key=kinds.index)), kinds.count("customer"), kinds.count("complaint"), kinds.count("event"))')" \
    "member customer complaint event 3 3 $(sql 'SELECT count(*) FROM events')" "record kinds and counts"
# maria (escalated to) and ben (assigned) joined the team on first use; no settings, no holidays.
expect_eq "$(grep '"type":"member"' "$OUT_FILE" | cut -d, -f2 | tr '\n' ' ')" \
    '"name":"ben" "name":"maria" ' "member lines, by name"
expect_eq "$(grep -c '"type":"complaint"' "$OUT_FILE")" 3 "complaint lines"
line=$(grep '"type":"complaint","id":1,' "$OUT_FILE")
expect_contains "$line" '"customer_id":1,'
expect_contains "$line" '"escalation":{"level":1,"to":"maria","reason":"Refund above 200 euro"'
expect_contains "$line" '"escalation_level":1,'
expect_not_contains "$line" '"customer":{'
# next_deadline is worked out when read, not stored.
expect_not_contains "$line" '"next_deadline"'
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
expect_eq "$out" "Imported 3 customers, 3 complaints and $(sql 'SELECT count(*) FROM events') events from $T/first.ndjson
with 0 settings, 0 holidays and 2 team members"
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

TEST "an import into a new file that fails on its last line leaves no file; one that works, the file"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
sed '$s/"kind":"[a-z]*"/"kind":"bogus"/' "$T/all.ndjson" >"$T/bad.ndjson"
export OMBUD_DB="$T/sub/new.db"
run import "$T/bad.ndjson"
expect_rc 2
expect_contains "$err" "line $(wc -l <"$T/all.ndjson"): \"kind\""
expect_no_file "$OMBUD_DB"
expect_eq "$(find "$T" -path "$T/sub/*" | wc -l)" 0 "files left in the folder"
run import "$T/all.ndjson"
expect_rc 0
expect_file_exists "$OMBUD_DB"
expect_eq "$(stat -c %a "$OMBUD_DB")" 600 "mode of the new file"
run export
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$T/all.ndjson")" "export of the import"
run --db "$T/sub/new.db" import "$T/all.ndjson"
expect_rc 4

TEST "import reads stdin, and --json reports the counts"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
run_cmd sh -c "\"$OMBUD\" --db \"$T/copy.db\" --json import - <\"$T/all.ndjson\""
expect_rc 0
expect_json 'd["customers"]' 3 'd["complaints"]' 3 'd["source"]' stdin \
    'd["settings"]' 0 'd["holidays"]' 0 'd["members"]' 2

TEST "import into a database that holds anything is a conflict (exit 4) and adds nothing"
setup_everything
"$OMBUD" export >"$T/all.ndjson"
snapshot
run import "$T/all.ndjson"
expect_rc 4
expect_contains "$err" "already holds data; an import needs an empty one"
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
    expect_no_file "$OMBUD_DB"
}
check_bad 7 '7s/"status":"[a-z]*"/"status":"bogus"/' 'line 7: "status" is wrong: invalid status "bogus"'
check_bad 8 '8s/"title":"[^"]*"/"title":""/' 'line 8: "title"'
check_bad 6 '6s/"created_at":"[^"]*"/"created_at":"yesterday"/' 'line 6: "created_at" is wrong'
check_bad 4 '4s/,"name":"[^"]*"//' 'line 4: "name" is missing'
check_bad 11 '11s/"complaint_id":[0-9]*/"complaint_id":99/' 'line 11: "complaint_id" names complaint #99, which no earlier line holds'
check_bad 11 '11s/.*/{not json/' 'line 11: not a JSON object'
check_bad 1 '1s/.*/{"type":"ombud_export","version":3}/' 'line 1: "version" is not one this ombud reads (1 to 2)'
check_bad 1 '1d' 'line 1: "type" must be "ombud_export"'
check_bad 9 '9s/"rating":null/"rating":9/' 'line 9: "rating" must be from 1 to 5'
check_bad 7 '7s/"status":"escalated"/"status":"open"/' 'line 7: "escalation" must be set exactly when the status is escalated'
check_bad 8 '8s/"status":"open"/"status":"escalated"/' 'line 8: "escalation" must be set exactly when the status is escalated'
check_bad 9 '9s/"updated_at":"[^"]*"/"updated_at":"2000-01-01T00:00:00Z"/' 'line 9: "updated_at" must not be before "created_at"'
# The first member moved after the first customer (to line 4): the team comes before them.
check_bad 4 '2{h;d};4G' 'line 4: "type" comes too late'
# Lines 2-3 are the team, 4-6 the customers, 7-9 the complaints, then the events.
expect_eq "$(sed -n '2p;3p;4p;6p;7p;9p;10p' "$T/all.ndjson" | cut -d, -f1 | tr '\n' ' ')" \
    '{"type":"member" {"type":"member" {"type":"customer" {"type":"customer" {"type":"complaint" {"type":"complaint" {"type":"event" ' \
    "the layout the cases above rely on"
run import /dev/null
expect_rc 2
expect_contains "$err" "the input is empty"
# Into a file that exists, empty: the import is one transaction, rolled back.
: >"$OMBUD_DB"
sed '11s/.*/{not json/' "$T/all.ndjson" >"$T/bad.ndjson"
run import "$T/bad.ndjson"
expect_rc 2
expect_eq "$(sql "$ROWS" 2>&1)" 0 "rows after a bad line into an existing file"
rm "$OMBUD_DB"*
# None of the failed imports above left a file behind ($OMBUD_DB did not exist before).
expect_no_file "$OMBUD_DB"
expect_eq "$(find "$T" -name 'new.db*' | wc -l)" 0 "files left next to it"
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
expect_contains "$err" "comes too late: settings, holidays, team, customers, complaints, then events"
# A complaint twice.
{ cat "$T/all.ndjson"; } | awk '{ print } /"type":"complaint","id":3,/ { print }' >"$T/twice.ndjson"
run import "$T/twice.ndjson"
expect_rc 2
expect_contains "$err" '"id" is 3, not above the previous one (3)'

# ---------------------------------------------------------------------------------------------
# Version 2 of the export: the shared settings, the holidays and the team come first.

# setup_promises: a database that uses all of it: settings, holidays, members with deputies and
# absences, an escalation that went to a stand-in, a complaint waiting on the customer, and a
# first response.
setup_promises() {
    ok config set hours "mon-fri 08:30-17:30, sat 10:00-14:00"
    ok config set timezone Europe/Amsterdam
    ok config set sla.normal.resolve 3d
    ok holiday add 2026-12-25 --name Christmas
    ok holiday add 2026-12-26
    ok team add maria --deputy bob --email maria@example.nl
    ok team add kees
    ok team away kees --until 2099-01-10 --deputy maria
    ok open "Parcel arrived damaged" --customer "Zoë de Vries" --priority high
    ok open "Invoice wrong" --owner piet
    ok note 1 "Called back" --channel phone --direction out
    # kees is away: maria is asked instead.
    ok escalate 1 --to kees --reason "Refund above 200 euro"
    ok wait 2 --until 2099-01-05 --reason "Photos of the damage"
}

TEST "a version 2 export has settings, holidays and the team, each in order, before the rest"
setup_promises
run export
expect_rc 0
cp "$OUT_FILE" "$T/all.ndjson"
expect_eq "$(head -n 1 "$T/all.ndjson")" '{"type":"ombud_export","version":2}' "header"
expect_eq "$(sed 1d "$T/all.ndjson" | python3 -c '
import json, sys
kinds = [json.loads(l)["type"] for l in sys.stdin]
print(" ".join(sorted(set(kinds), key=kinds.index)), *(kinds.count(k) for k in ("setting", "holiday", "member")))')" \
    "setting holiday member customer complaint event 3 2 4" "record kinds and counts"
# Settings by key, holidays by date, members by name: only what was set, never the defaults.
expect_eq "$(sed -n '2,4p' "$T/all.ndjson")" \
    '{"type":"setting","key":"hours","value":"mon-fri 08:30-17:30, sat 10:00-14:00"}
{"type":"setting","key":"sla.normal.resolve","value":"3d"}
{"type":"setting","key":"timezone","value":"Europe/Amsterdam"}' "setting lines"
expect_eq "$(sed -n '5,6p' "$T/all.ndjson")" \
    '{"type":"holiday","date":"2026-12-25","name":"Christmas"}
{"type":"holiday","date":"2026-12-26","name":null}' "holiday lines"
expect_eq "$(sed -n '7,10p' "$T/all.ndjson" | cut -d, -f2 | tr '\n' ' ')" \
    '"name":"bob" "name":"kees" "name":"maria" "name":"piet" ' "member lines, by name"
expect_contains "$(sed -n 9p "$T/all.ndjson")" \
    '"name":"maria","email":"maria@example.nl","deputy":"bob","away_until":null,"away_deputy":null,"added_by_use":false,"created_at":"'
expect_contains "$(sed -n 8p "$T/all.ndjson")" \
    '"name":"kees","email":null,"deputy":null,"away_until":"2099-01-10T00:00:00Z","away_deputy":"maria","added_by_use":false,'
expect_contains "$(sed -n 10p "$T/all.ndjson")" '"name":"piet","email":null,"deputy":null,"away_until":null,"away_deputy":null,"added_by_use":true,'
# The complaints carry the new fields; next_deadline is worked out when read, not exported.
line=$(grep '"type":"complaint","id":1,' "$T/all.ndjson")
expect_match "$line" '"escalation":\{"level":1,"to":"maria","reason":"Refund above 200 euro","due":"[0-9TZ:-]+","since":"[0-9TZ:-]+","by":"tester","instead_of":"kees"\},"escalation_level":1,"due":"[0-9TZ:-]+","response_due":"[0-9TZ:-]+","responded_at":"[0-9TZ:-]+","waiting":null,'
expect_not_contains "$line" '"next_deadline"'
line=$(grep '"type":"complaint","id":2,' "$T/all.ndjson")
expect_match "$line" '"status":"waiting",.*"escalation":null,"escalation_level":0,.*"responded_at":null,"waiting":\{"since":"[0-9TZ:-]+","until":"2099-01-05T23:59:59Z"\},'
expect_not_contains "$line" '"next_deadline"'

TEST "version 2: export, import, export is byte for byte the same, settings and team included"
setup_promises
run export
expect_rc 0
cp "$OUT_FILE" "$T/first.ndjson"
run --db "$T/copy.db" import "$T/first.ndjson"
expect_rc 0
expect_eq "$out" "Imported 1 customer, 2 complaints and $(event_count) events from $T/first.ndjson
with 3 settings, 2 holidays and 4 team members"
run --db "$T/copy.db" export
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$T/first.ndjson")" "the second export"
# The copy keeps the same hours, holidays and team as the original.
for args in "config list" "holiday list" "team list"; do
    # shellcheck disable=SC2086 # split on purpose
    run --json $args
    cp "$OUT_FILE" "$T/original.json"
    # shellcheck disable=SC2086 # split on purpose
    run --db "$T/copy.db" --json $args
    expect_rc 0
    expect_eq "$(cat "$OUT_FILE")" "$(cat "$T/original.json")" "$args in the copy"
done
# ... and works like it: the waiting complaint can resume, the decision be taken, by maria who
# was asked (no warning: she is on the team).
run --db "$T/copy.db" --json resume 2 --reason "Photos arrived"
expect_rc 0
expect_json 'd["status"]' open 'd["waiting"]' null
run --db "$T/copy.db" --as maria --json decide 1 "Refund approved"
expect_rc 0
expect_empty "$err" "stderr of decide"
expect_json 'd["status"]' open 'd["escalation"]' null
run --db "$T/copy.db" db check
expect_rc 0

TEST "a version 1 export (of the previous ombud) still imports"
# As ombud wrote it before settings and the team: no escalation_level, no deadlines of the
# policy, no waiting. Ids with gaps, as deleted test data or a partial export may leave them.
cat >"$T/v1.ndjson" <<'NDJSON'
{"type":"ombud_export","version":1}
{"type":"customer","id":1,"name":"Zoë de Vries","email":"zoe@example.nl","phone":null,"created_at":"2025-11-23T10:02:11Z"}
{"type":"complaint","id":1,"title":"Parcel arrived damaged","status":"escalated","priority":"high","category":"delivery","channel":"phone","customer_id":1,"owner":"anna","handoffs":0,"escalation":{"level":1,"to":"maria","reason":"Refund above 200 euro","due":"2025-11-24T17:00:00Z"},"due":"2025-11-26T10:02:11Z","created_at":"2025-11-23T10:02:11Z","updated_at":"2025-11-23T11:00:00Z","closed_at":null,"close_reason":null,"resolution":null,"rating":null}
{"type":"complaint","id":3,"title":"Invoice wrong","status":"closed","priority":"normal","category":null,"channel":"letter","customer_id":null,"owner":"ben","handoffs":1,"escalation":null,"due":null,"created_at":"2025-11-23T10:05:00Z","updated_at":"2025-11-23T12:00:00Z","closed_at":"2025-11-23T12:00:00Z","close_reason":"resolved","resolution":"Corrected","rating":4}
{"type":"event","id":1,"complaint_id":1,"at":"2025-11-23T10:02:11Z","actor":"anna","kind":"opened","text":null,"channel":"phone","direction":null,"visible":false,"data":{"category":"delivery","customer":{"email":"zoe@example.nl","name":"Zoë de Vries","phone":null},"customer_id":1,"due":"2025-11-26T10:02:11Z","owner":"anna","priority":"high","title":"Parcel arrived damaged"}}
{"type":"event","id":2,"complaint_id":1,"at":"2025-11-23T10:02:11Z","actor":"anna","kind":"note","text":"She called twice.","channel":"phone","direction":"in","visible":false,"data":{}}
{"type":"event","id":3,"complaint_id":3,"at":"2025-11-23T10:05:00Z","actor":"anna","kind":"opened","text":null,"channel":"letter","direction":null,"visible":false,"data":{"category":null,"customer":null,"customer_id":null,"due":null,"owner":"anna","priority":"normal","title":"Invoice wrong"}}
{"type":"event","id":4,"complaint_id":1,"at":"2025-11-23T11:00:00Z","actor":"anna","kind":"escalated","text":"Refund above 200 euro","channel":null,"direction":null,"visible":false,"data":{"due":"2025-11-24T17:00:00Z","from":null,"level":1,"to":"maria"}}
{"type":"event","id":5,"complaint_id":3,"at":"2025-11-23T11:30:00Z","actor":"anna","kind":"assigned","text":"Ben handles invoices","channel":null,"direction":null,"visible":false,"data":{"from":"anna","handoffs":1,"to":"ben"}}
{"type":"event","id":7,"complaint_id":3,"at":"2025-11-23T12:00:00Z","actor":"ben","kind":"closed","text":"Corrected","channel":null,"direction":null,"visible":false,"data":{"rating":4,"reason":"resolved"}}
NDJSON
run --json import "$T/v1.ndjson"
expect_rc 0
# Version 1 had no team: the owners and the person asked join it, as on a schema upgrade.
expect_json 'd["customers"]' 1 'd["complaints"]' 2 'd["events"]' 6 \
    'd["settings"]' 0 'd["holidays"]' 0 'd["members"]' 3
run --json team list
expect_json '[[m["name"], m["added_by_use"]] for m in d]' '[["anna", true], ["ben", true], ["maria", true]]'
# Fields a version 1 export did not have are absent (null), not made up.
run --json show 1
expect_rc 0
expect_json 'd["escalation"]' '{"level": 1, "to": "maria", "reason": "Refund above 200 euro", "due": "2025-11-24T17:00:00Z", "since": null, "by": null, "instead_of": null}' \
    'd["due"]' 2025-11-26T10:02:11Z 'd["response_due"]' null 'd["responded_at"]' null \
    'd["waiting"]' null 'len(d["events"])' 3
run --json show 3
expect_json 'd["status"]' closed 'd["handoffs"]' 1 'd["rating"]' 4 'd["escalation"]' null
# Written out again, as version 2: customers and events exactly as they came in; complaints
# with the level of their escalation.
run export
expect_rc 0
expect_eq "$(head -n 1 "$OUT_FILE")" '{"type":"ombud_export","version":2}' "header"
expect_eq "$(grep -v '"type":"complaint"' "$OUT_FILE" | grep -v '"type":"member"' | sed 1d)" \
    "$(grep -v '"type":"complaint"' "$T/v1.ndjson" | sed 1d)" "customer and event lines"
expect_contains "$(grep '"type":"complaint","id":1,' "$OUT_FILE")" '"escalation_level":1,'
expect_contains "$(grep '"type":"complaint","id":3,' "$OUT_FILE")" '"escalation":null,"escalation_level":0,'
run --json search twice
expect_json '[c["id"] for c in d]' '[1]'
# Team members by use: no "new to the team" warning for them.
run assign 1 ben --reason "Ben knows parcels"
expect_rc 0
expect_empty "$err"
# Numbering goes on after the highest number, gaps and all.
run --json open "After the import"
expect_json 'd["id"]' 4
run db check
expect_rc 0
# A version 1 export has no settings: such a line in one is refused.
export OMBUD_DB="$T/other.db"
sed '1a {"type":"setting","key":"hours","value":"mon-fri 09:00-17:00"}' "$T/v1.ndjson" >"$T/v1-setting.ndjson"
run import "$T/v1-setting.ndjson"
expect_rc 2
expect_contains "$err" 'line 2: "type" must be customer, complaint or event'
expect_no_file "$OMBUD_DB"

TEST "a wrong setting, holiday or member line is usage (exit 2), names the line and the field"
setup_promises
"$OMBUD" export >"$T/all.ndjson"
export OMBUD_DB="$T/new.db"
# check_bad_line LINE SED-EXPRESSION EXPECTED-MESSAGE: like check_bad above.
check_bad_line() {
    sed "$2" "$T/all.ndjson" >"$T/bad.ndjson"
    run import "$T/bad.ndjson"
    expect_rc 2
    expect_contains "$err" "$3"
    expect_no_file "$OMBUD_DB"
}
# Lines 2-4 are the settings (hours, sla.normal.resolve, timezone), 5-6 the holidays, 7-10 the
# team (bob, kees, maria, piet).
expect_eq "$(sed -n '2p;4p;5p;6p;7p;10p;11p' "$T/all.ndjson" | cut -d, -f1-2 | tr '\n' ' ')" \
    '{"type":"setting","key":"hours" {"type":"setting","key":"timezone" {"type":"holiday","date":"2026-12-25" {"type":"holiday","date":"2026-12-26" {"type":"member","name":"bob" {"type":"member","name":"piet" {"type":"customer","id":1 ' \
    "the layout the cases below rely on"
check_bad_line 2 '2s/"value":"[^"]*"/"value":"mon-fri 25:00-17:00"/' \
    'line 2: "value" is wrong: invalid value for hours: invalid opening hours "mon-fri 25:00-17:00"'
check_bad_line 3 '3s/"value":"3d"/"value":"soon"/' \
    'line 3: "value" is wrong: invalid value for sla.normal.resolve: invalid duration "soon"'
check_bad_line 4 '4s/"value":"[^"]*"/"value":"Mars\/Olympus"/' \
    'line 4: "value" is wrong: invalid value for timezone: unknown time zone "Mars/Olympus"'
check_bad_line 3 '3s/"value":"3d"/"value":3/' 'line 3: "value" must be a string'
check_bad_line 2 '2s/,"value":"[^"]*"//' 'line 2: "value" is missing'
# Each key once, in order.
check_bad_line 3 '3s/.*/{"type":"setting","key":"hours","value":"mon-fri 09:00-17:00"}/' \
    'line 3: "key" "hours" is not after the previous one ("hours")'
check_bad_line 4 '3{h;d};4G' 'line 4: "key" "sla.normal.resolve" is not after the previous one ("timezone")'
check_bad_line 5 '5s/"date":"2026-12-25"/"date":"2026-13-25"/' 'line 5: "date" is wrong: invalid date "2026-13-25"'
check_bad_line 6 '6s/"date":"2026-12-26"/"date":"2026-12-24"/' 'line 6: "date" "2026-12-24" is not after the previous one ("2026-12-25")'
check_bad_line 7 '7s/"added_by_use":true/"added_by_use":"yes"/' 'line 7: "added_by_use" must be true or false'
check_bad_line 8 '8s/"away_until":"[^"]*"/"away_until":"soon"/' 'line 8: "away_until" is wrong: invalid timestamp "soon"'
# Settings before holidays before the team.
check_bad_line 5 '2{h;d};5G' 'line 5: "type" comes too late: settings, holidays, team, customers, complaints, then events'

TEST "an unknown setting in an import is refused naming its key (exit 2)"
# The key is what is wrong, not the value.
export OMBUD_DB="$T/new.db"
printf '%s\n' '{"type":"ombud_export","version":2}' \
    '{"type":"setting","key":"bogus.key","value":"1"}' >"$T/bad.ndjson"
run import "$T/bad.ndjson"
expect_rc 2
expect_contains "$err" 'unknown setting "bogus.key"'
expect_match "$err" '^ombud: error: line 2: "key" '
expect_no_file "$OMBUD_DB"

TEST "import into a database that holds only a setting, a holiday or a team member: exit 4"
# An import never merges: shared settings, holidays and the team are data like any other.
setup_everything
"$OMBUD" export >"$T/all.ndjson"
# shellcheck disable=SC2317 # called through $setup below
only_setting() { ok config set hours "mon-fri 09:00-12:00"; }
# shellcheck disable=SC2317
only_holiday() { ok holiday add 2026-12-25 --name Christmas; }
# shellcheck disable=SC2317
only_member() { ok team add maria; }
for setup in only_setting only_holiday only_member; do
    export OMBUD_DB="$T/$setup.db"
    $setup
    snapshot
    run import "$T/all.ndjson"
    expect_rc 4
    expect_contains "$err" "the database already holds data; an import needs an empty one"
    run --json import "$T/all.ndjson"
    expect_rc 4
    expect_json_error conflict
    expect_unchanged
done

finish
