# `ombud schema` and the JSON it describes: every command's --json output (and NDJSON, every
# export line, every error on stderr) validates against its definition, and a mutated object
# does not, so the schema is as strict as it claims. Needs Python's jsonschema (Debian:
# python3-jsonschema, 4.x, for draft 2020-12).
source "$(dirname "$0")/lib.sh" "$@"

ROOT=$(cd "$E2E_DIR/../.." && pwd)

# A Python that has jsonschema with draft 2020-12: the suite's own, else the one on PATH (a
# version manager's shim is resolved once to its interpreter).
SCHEMA_PY=""
for candidate in "$PYTHON" "$(command -v python3 2>/dev/null)"; do
    [ -n "$candidate" ] || continue
    found=$("$candidate" -c 'import sys, jsonschema; jsonschema.Draft202012Validator
print(sys.executable)' 2>/dev/null) || continue
    SCHEMA_PY=$found
    break
done
if [ -z "$SCHEMA_PY" ]; then
    echo "$SUITE: skipped: Python's jsonschema (4.x) is needed (Debian: python3-jsonschema)"
    SUITE_FINISHED=1
    exit 125
fi

VALIDATE_PY="$E2E_TMP/validate.py"
cat >"$VALIDATE_PY" <<'PYTHON'
"""Validates queued outputs: one request per line of the list file, tab-separated:
EXPECT NAME FILE MODE COMMAND [MUTATION]
EXPECT is valid or invalid; NAME a definition of the schema, or `export` (each line against
export_<its type>); MODE json (the file is one value) or lines (one value per line, at least one);
MUTATION Python statements run on the value `d` before validating. Each value is checked against
the definition inside the whole schema and against `ombud schema NAME` (SCHEMA_DIR/NAME.json)."""
import json, sys
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

schema_dir, list_file = sys.argv[1], sys.argv[2]
whole = json.load(open(schema_dir + "/ombud.json", encoding="utf-8"))
validators = {}


def validators_for(name):
    if name not in validators:
        inside = {"$schema": whole["$schema"], "$ref": "#/$defs/" + name, "$defs": whole["$defs"]}
        alone = json.load(open("%s/%s.json" % (schema_dir, name), encoding="utf-8"))
        validators[name] = [("the whole schema", Draft202012Validator(inside)),
                            ("ombud schema " + name, Draft202012Validator(alone))]
    return validators[name]


def export_name(value):
    t = value.get("type") if isinstance(value, dict) else None
    return "export_header" if t == "ombud_export" else "export_%s" % t


problems = []
for request in open(list_file, encoding="utf-8"):
    fields = request.rstrip("\n").split("\t")
    expect, name, path, mode, command = fields[:5]
    mutation = fields[5] if len(fields) > 5 else ""
    text = open(path, encoding="utf-8").read()
    try:
        values = [json.loads(text)] if mode == "json" else \
            [json.loads(line) for line in text.splitlines() if line.strip()]
    except ValueError as exc:
        problems.append("%s: not JSON (%s): %r" % (command, exc, text[:300]))
        continue
    if not values:
        problems.append("%s: printed nothing to validate" % command)
    for n, d in enumerate(values, 1):
        if mutation:
            exec(mutation)
        names = [export_name(d), "export_line"] if name == "export" else [name]
        # A record of a type the schema does not know is left to export_line.
        names = [n for n in names if n in whole["$defs"]]
        where = "%s (value %d)" % (command, n) if len(values) > 1 else command
        for each in names:
            for against, v in validators_for(each):
                error = best_match(v.iter_errors(d))
                if expect == "valid" and error is not None:
                    problems.append("%s: not a valid %s by %s: at %s: %s" % (
                        where, each, against, "/".join(map(str, error.absolute_path)) or "(top)",
                        error.message[:400]))
                elif expect == "invalid" and error is None:
                    problems.append("%s, after `%s`: %s accepted it by %s" % (
                        where, mutation, each, against))
print("\n".join(problems))
sys.exit(1 if problems else 0)
PYTHON

# The schema as the binary prints it, whole and by definition, for the validator.
SCHEMA_DIR="$E2E_TMP/schema"
mkdir -p "$SCHEMA_DIR"
"$OMBUD" schema >"$SCHEMA_DIR/ombud.json" || {
    echo "$SUITE: \`ombud schema\` failed"
    exit 1
}

# _queue EXPECT NAME FILE MODE [MUTATION]: a copy of FILE is validated by expect_all_valid.
VALID_N=0
_queue() {
    local expect=$1 name=$2 file=$3 mode=$4 mutation=${5:-} n
    local names=("$name")
    [ "$name" = export ] && names=(export_line export_header export_setting export_holiday
        export_member export_customer export_complaint export_event)
    for n in "${names[@]}"; do
        [ -e "$SCHEMA_DIR/$n.json" ] || "$OMBUD" schema "$n" >"$SCHEMA_DIR/$n.json" ||
            _fail "\`ombud schema $n\` failed"
    done
    VALID_N=$((VALID_N + 1))
    cp "$file" "$T/value-$VALID_N.json"
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$expect" "$name" "$T/value-$VALID_N.json" "$mode" \
        "${LAST_CMD//$'\t'/ }" "$mutation" >>"$T/validate.list"
}

# expect_valid NAME [lines]: stdout of the last command is a valid NAME (with `lines`: every
# line is). NAME `export`: each line against the export record of its type.
expect_valid() {
    _queue valid "$1" "$OUT_FILE" "${2:-json}"
}

# expect_valid_error: stderr of the last command is a valid error object.
expect_valid_error() {
    _queue valid error "$ERR_FILE" json
}

# expect_invalid NAME MUTATION: stdout of the last command, changed by the Python statements
# MUTATION (on `d`), is not a valid NAME.
expect_invalid() {
    _queue invalid "$1" "$OUT_FILE" json "$2"
}

# expect_all_valid: runs the validations queued in this test case, in one Python process.
expect_all_valid() {
    local report
    [ -s "$T/validate.list" ] || return 0
    if ! report=$("$SCHEMA_PY" "$VALIDATE_PY" "$SCHEMA_DIR" "$T/validate.list" 2>&1); then
        LAST_CMD="(the schema validations of this test case)"
        rc=""
        : >"$ERR_FILE"
        _fail "$report"
    fi
    rm -f "$T/validate.list"
}

# ok_valid NAME ARGS…: runs `ombud --json ARGS…`, which must succeed, and validates its stdout.
ok_valid() {
    local name=$1
    shift
    ok --json "$@"
    expect_valid "$name"
}

# A moment long past, in RFC 3339.
PAST=2020-03-02T09:00:00Z

# ---------------------------------------------------------------------------------------------

TEST "ombud schema prints the committed file, a valid draft 2020-12 schema"
ok schema
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$ROOT/schema/ombud.schema.json")" \
    "ombud schema against schema/ombud.schema.json"
check=$("$SCHEMA_PY" - "$OUT_FILE" <<'PYTHON' 2>&1
import json, sys
from jsonschema import Draft202012Validator
s = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(s)
assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema", s["$schema"]
# Every object the schema describes is closed: no key it does not name gets through.
def objects(v, path):
    if isinstance(v, dict):
        if v.get("type") == "object" and "properties" in v:
            yield path, v
        for k, x in v.items():
            yield from objects(x, path + "/" + k)
    elif isinstance(v, list):
        for i, x in enumerate(v):
            yield from objects(x, "%s/%d" % (path, i))
for path, o in objects(s, "#"):
    closed = o.get("additionalProperties") is False or o.get("unevaluatedProperties") is False
    fields = path.endswith("_fields")  # building blocks, closed where they are used
    assert closed or fields, "%s is open" % path
    assert fields or set(o.get("required", [])) == set(o["properties"]) or path.startswith(
        "#/$defs/event_data_"), "%s does not require every key" % path
print("ok")
PYTHON
)
expect_eq "$check" ok "check_schema and closed objects"
# The same whatever --format asks for: it is JSON.
ok --format csv schema
expect_eq "$(file_hash "$OUT_FILE")" "$(file_hash "$ROOT/schema/ombud.schema.json")" "--format csv"

TEST "ombud schema NAME prints one definition as a schema of its own"
ok schema complaint
expect_json 'd["$schema"]' https://json-schema.org/draft/2020-12/schema \
    'd["$ref"]' '#/$defs/complaint_fields' \
    'sorted(d["$defs"])' '["channel", "close_reason", "complaint_fields", "customer", "deadline_kind", "escalation", "id", "name", "next_deadline", "priority", "rating", "status", "time", "waiting"]'
ok schema time
expect_json 'd["type"]' string '"$defs" in d' false
# Every definition: a valid schema, and every reference in it resolves inside it.
mkdir -p "$T/defs"
ok --json schema
count=$(json_get 'len(d["$defs"])')
for name in $(json_get '" ".join(d["$defs"])'); do
    run schema "$name"
    expect_rc 0 || continue
    cp "$OUT_FILE" "$T/defs/$name.json"
done
check=$("$SCHEMA_PY" - "$T/defs" <<'PYTHON' 2>&1
import json, os, re, sys
from jsonschema import Draft202012Validator
d = sys.argv[1]
for f in sorted(os.listdir(d)):
    s = json.load(open(os.path.join(d, f), encoding="utf-8"))
    Draft202012Validator.check_schema(s)
    text = json.dumps(s)
    for ref in re.findall(r'"\$ref": "#/\$defs/([a-z_0-9]+)"', text):
        assert ref in s.get("$defs", {}), "%s: #/$defs/%s does not resolve" % (f, ref)
print(len(os.listdir(d)))
PYTHON
)
expect_eq "$check" "$count" "definitions checked"

TEST "ombud schema with an unknown name: usage error, with a suggestion"
run schema complain
expect_rc 2
expect_contains "$err" 'no definition "complain" in the schema'
expect_contains "$err" 'did you mean `complaint`?'
expect_empty "$out"
run --json schema check_reprot
expect_rc 2
expect_valid_error
expect_json_error usage
expect_contains "$err" 'did you mean `check_report`?'
run schema zzz
expect_rc 2
expect_contains "$err" "what commands print: complaint, complaint_list"
run schema complaint event
expect_rc 2
expect_all_valid

TEST "every command that changes a complaint prints a valid complaint"
ok_valid complaint open "Parcel arrived damaged" --customer "Zoë de Vries" --email zoe@example.nl \
    --phone "+31 6 1234" --channel phone --category delivery --priority high \
    --note "The box was crushed"
ok_valid complaint open "Invoice wrong"
ok_valid complaint note 1 "Called back" --channel phone --direction out --visible
ok_valid complaint note 1 "Internal: check the stock"
ok_valid complaint escalate 1 --to maria --reason "Refund above 200 euro" --due 4h
expect_json 'd["status"]' escalated 'd["escalation"]["to"]' maria 'd["next_deadline"] is not None' true
ok_valid complaint --as maria decide 1 "Refund approved"
ok_valid complaint wait 1 --until 3d --reason "Photos of the damage"
expect_json 'd["status"]' waiting 'd["waiting"]["until"] is not None' true 'd["next_deadline"]' null
ok_valid complaint resume 1 --reason "Photos arrived"
ok_valid complaint wait 2
expect_json 'd["waiting"]["until"]' null
ok_valid complaint note 2 "Here are the photos" --channel email --direction in
expect_json 'd["status"]' open
ok_valid complaint assign 1 bob --reason "Bob handles refunds"
ok_valid complaint close 1 --resolution "Refunded" --reason resolved --rating 4
expect_json 'd["closed_at"] is not None' true 'd["rating"]' 4
ok_valid complaint reopen 1 --reason "Refund never arrived"
ok_valid complaint close 1 --reason withdrawn
ok --format ndjson note 2 "By ndjson"
expect_valid complaint
# open --from-json: one object prints a complaint, more print a list.
run_stdin '{"title":"From a form","customer":"Web Shopper","channel":"web","priority":"low"}' \
    --json open --from-json -
expect_rc 0
expect_valid complaint
run_stdin $'{"title":"One"}\n{"title":"Two","email":"two@example.com","due":"3d"}' \
    --json open --from-json -
expect_rc 0
expect_valid complaint_list
expect_json 'len(d)' 2
expect_all_valid

TEST "show, list, history and search print valid listings, also as NDJSON"
ok open "Parcel arrived damaged" --customer "Zoë de Vries" --email zoe@example.nl \
    --channel phone --note "The box was crushed"
ok escalate 1 --to maria --reason "Refund above 200 euro"
ok --as maria decide 1 "Approved"
ok wait 1 --until 2d
ok resume 1
ok note 1 "Sent a new one" --direction out --channel email --visible
ok assign 1 bob --reason "Bob ships"
ok close 1 --resolution "Crushed box replaced" --rating 5
ok reopen 1 --reason "Crushed again"
ok open "Invoice wrong" --category billing
ok_valid complaint_with_events show 1
# Every kind of event is in this timeline, each checked against its data.
expect_json 'sorted(set(e["kind"] for e in d["events"]))' \
    '["assigned", "closed", "decided", "escalated", "note", "opened", "reopened", "resumed", "waited"]'
ok --format ndjson show 1
expect_valid complaint_with_events lines
ok_valid complaint_list list --all
expect_json 'len(d)' 2
ok --format ndjson list --all
expect_valid complaint lines
ok_valid complaint_list list --status closed
expect_json 'd' '[]'
ok_valid event_list history
ok_valid event_list history 1
ok_valid event_list history --customer zoe@example.nl --limit 3
ok --format ndjson history
expect_valid event lines
ok_valid search_results search crushed
expect_json 'len(d)' 1 '[h.lower() for h in d[0]["match"]["highlights"]]' '["crushed"]'
ok_valid search_results search zoe
expect_json 'd[0]["match"]["field"]' customer
ok_valid search_results search invoice
expect_json 'd[0]["match"]["field"]' title
ok --format ndjson search crushed
expect_valid search_hit lines
expect_all_valid

TEST "team, config and holiday print valid members, settings and holidays"
ok_valid member team add maria --email maria@example.nl --deputy bob
ok_valid member team add carol
ok_valid member team away maria --until 2099-01-01 --deputy carol
expect_json 'd["away_until"]' 2099-01-01T00:00:00Z 'd["away_deputy"]' carol
ok_valid member team back maria
ok_valid member_list team list
expect_json '[m["name"] for m in d]' '["bob", "carol", "maria"]'
ok_valid member_list team
ok_valid setting config set hours "mon-fri 09:00-17:00, sat 10:00-14:00"
ok_valid setting config set sla.low.resolve none
ok_valid setting config get hours
ok_valid setting config get timezone
ok_valid setting config unset hours
expect_json 'd["default"]' true
ok_valid setting_list config list
expect_json 'len(d)' 15
ok_valid setting_list config
ok_valid holiday holiday add 2026-12-25 --name Christmas
ok_valid holiday holiday add 2026-12-26
ok_valid holiday holiday remove 2026-12-26
ok_valid holiday_list holiday list
expect_json 'd' '[{"date": "2026-12-25", "name": "Christmas"}]'
ok_valid holiday_list holiday
ok --format ndjson team list
expect_valid member lines
expect_all_valid

# An export with what only time brings: escalations past their decision deadline (#1 to bob,
# whose deputy carol is in; #2 to dave, who has nobody) and a wait past its follow-up (#3).
late_export() {
    cat <<EOF
{"type":"ombud_export","version":2}
{"type":"setting","key":"hours","value":"mon-sun 00:00-24:00"}
{"type":"member","name":"anna","email":null,"deputy":null,"away_until":null,"away_deputy":null,"added_by_use":false,"created_at":"$PAST"}
{"type":"member","name":"bob","email":null,"deputy":"carol","away_until":null,"away_deputy":null,"added_by_use":false,"created_at":"$PAST"}
{"type":"member","name":"carol","email":null,"deputy":null,"away_until":null,"away_deputy":null,"added_by_use":false,"created_at":"$PAST"}
{"type":"member","name":"dave","email":null,"deputy":null,"away_until":null,"away_deputy":null,"added_by_use":false,"created_at":"$PAST"}
{"type":"customer","id":1,"name":"Jan de Vries","email":"jan@example.nl","phone":null,"created_at":"$PAST"}
{"type":"complaint","id":1,"title":"Refund","status":"escalated","priority":"normal","category":null,"channel":"phone","customer_id":1,"owner":"anna","handoffs":0,"escalation":{"level":1,"to":"bob","reason":"Above my limit","due":"2020-03-03T09:00:00Z","since":"$PAST","by":"anna","instead_of":null},"escalation_level":1,"due":null,"response_due":null,"responded_at":null,"waiting":null,"created_at":"$PAST","updated_at":"$PAST","closed_at":null,"close_reason":null,"resolution":null,"rating":null}
{"type":"complaint","id":2,"title":"Second refund","status":"escalated","priority":"high","category":null,"channel":null,"customer_id":null,"owner":"anna","handoffs":0,"escalation":{"level":1,"to":"dave","reason":null,"due":"2020-03-03T09:00:00Z","since":"$PAST","by":"anna","instead_of":null},"escalation_level":1,"due":null,"response_due":null,"responded_at":null,"waiting":null,"created_at":"$PAST","updated_at":"$PAST","closed_at":null,"close_reason":null,"resolution":null,"rating":null}
{"type":"complaint","id":3,"title":"Photos","status":"waiting","priority":"low","category":"returns","channel":null,"customer_id":1,"owner":"anna","handoffs":0,"escalation":null,"escalation_level":0,"due":null,"response_due":null,"responded_at":null,"waiting":{"since":"$PAST","until":"2020-03-05T17:00:00Z"},"created_at":"$PAST","updated_at":"$PAST","closed_at":null,"close_reason":null,"resolution":null,"rating":null}
{"type":"event","id":1,"complaint_id":1,"at":"$PAST","actor":"anna","kind":"opened","text":null,"channel":"phone","direction":null,"visible":false,"data":{"title":"Refund","priority":"normal","category":null,"owner":"anna","due":null,"response_due":null,"customer_id":1,"customer":{"name":"Jan de Vries","email":"jan@example.nl","phone":null}}}
{"type":"event","id":2,"complaint_id":1,"at":"$PAST","actor":"anna","kind":"escalated","text":"Above my limit","channel":null,"direction":null,"visible":false,"data":{"to":"bob","level":1,"due":"2020-03-03T09:00:00Z","from":null,"instead_of":null,"why":null,"automatic":false}}
{"type":"event","id":3,"complaint_id":2,"at":"$PAST","actor":"anna","kind":"opened","text":null,"channel":null,"direction":null,"visible":false,"data":{"title":"Second refund","priority":"high","category":null,"owner":"anna","due":null,"response_due":null,"customer_id":null,"customer":null}}
{"type":"event","id":4,"complaint_id":2,"at":"$PAST","actor":"anna","kind":"escalated","text":null,"channel":null,"direction":null,"visible":false,"data":{"to":"dave","level":1,"due":"2020-03-03T09:00:00Z","from":null,"instead_of":null,"why":null,"automatic":false}}
{"type":"event","id":5,"complaint_id":3,"at":"$PAST","actor":"anna","kind":"opened","text":null,"channel":null,"direction":null,"visible":false,"data":{"title":"Photos","priority":"low","category":"returns","owner":"anna","due":null,"response_due":null,"customer_id":1,"customer":{"name":"Jan de Vries","email":null,"phone":null}}}
{"type":"event","id":6,"complaint_id":3,"at":"$PAST","actor":"anna","kind":"waited","text":"Photos of the damage","channel":null,"direction":null,"visible":false,"data":{"until":"2020-03-05T17:00:00Z"}}
EOF
}

TEST "import, export and db print valid reports, and every export line is a valid record"
late_export >"$T/late.ndjson"
ok_valid import_report import "$T/late.ndjson"
expect_json 'd["complaints"]' 3 'd["members"]' 4
ok_valid complaint open "More" --customer "Jan de Vries" --category returns
ok holiday add 2026-12-25 --name Christmas
ok export
expect_valid export lines
expect_eq "$(head -c 36 "$OUT_FILE")" '{"type":"ombud_export","version":2}' "header"
# The round trip: what an import of it prints, and the export after it.
cp "$OUT_FILE" "$T/all.ndjson"
run_stdin "$(cat "$T/all.ndjson")" --db "$T/copy.db" --json import -
expect_rc 0
expect_valid import_report
ok --db "$T/copy.db" export
expect_valid export lines
ok_valid db_check_report db check
expect_json 'd["ok"]' true 'd["problems"]' '[]'
ok_valid db_backup_report db backup "$T/backup.db"
expect_json 'd["complaints"]' 4
ok_valid db_share_report db share
expect_all_valid

TEST "check prints a valid report with late deadlines, follow-ups, absences, moved and stuck"
late_export >"$T/late.ndjson"
ok import "$T/late.ndjson"
# Late by the policy: opened long ago, its first response is overdue.
run_stdin "{\"title\":\"Old letter\",\"at\":\"$PAST\",\"channel\":\"letter\"}" --json open --from-json -
expect_rc 0
expect_valid complaint
# An absence nobody covers: maria is away, with a decision waiting for her.
ok team add maria
ok escalate 4 --to maria --reason "Goodwill payment"
ok team away maria --until 2099-01-01
run --json check
expect_rc 10
expect_valid check_report
expect_json 'd["needs_attention"]' true \
    '{"decision", "response"} <= set(x["kind"] for x in d["deadlines"])' true \
    'any(x["late"] for x in d["deadlines"])' true \
    '[c["id"] for c in d["follow_ups"]]' '[3]' \
    '[(a["member"]["name"], a["waiting"]) for a in d["absences"]]' '[["maria", [4]]]' \
    'd["moved"]' '[]' 'd["stuck"]' '[]'
run --json check --act
expect_rc 10
expect_valid check_report
expect_json '[(c["id"], c["escalation"]["to"], c["escalation"]["level"]) for c in d["moved"]]' '[[1, "carol", 2]]' \
    '[s["id"] for s in d["stuck"]]' '[2]'
# The escalation check --act made, in the timeline.
ok_valid event_list history 1
expect_json 'd[-1]["kind"]' escalated 'd[-1]["data"]["automatic"]' true
ok_valid complaint_with_events show 1
# Nothing to attend to: exit 0, empty lists, still valid.
ok --db "$T/empty.db" --json check
expect_valid check_report
expect_json 'd["needs_attention"]' false 'd["deadlines"]' '[]'
expect_all_valid

TEST "errors on stderr are valid error objects: usage, not found, conflict, storage"
ok open "Parcel"
ok close 1
run --json open
expect_rc 2
expect_valid_error
expect_json_error usage
run --json list --staus open
expect_rc 2
expect_valid_error
run --json frobnicate
expect_rc 2
expect_valid_error
run --json show 99
expect_rc 3
expect_valid_error
expect_json_error not_found
run --format ndjson history 42
expect_rc 3
expect_valid_error
run --json close 1
expect_rc 4
expect_valid_error
expect_json_error conflict
run --json db backup "$T/ombud.db"
expect_rc 4
expect_valid_error
run --json config set hours "sometimes"
expect_rc 2
expect_valid_error
# A broken rule of ombud's own: db check prints its report, and the error on stderr.
sql "PRAGMA foreign_keys = OFF; INSERT INTO complaints (title, status, priority, owner, created_at,
     updated_at) VALUES ('No opened event', 'open', 'normal', 'anna', 1764000000, 1764000000)"
run --json db check
expect_rc 6
expect_valid db_check_report
expect_json 'd["ok"]' false 'len(d["problems"]) > 0' true
expect_valid_error
expect_json_error storage
expect_all_valid

TEST "the schema is strict: changed objects fail"
ok open "Parcel" --customer "Jan" --channel phone
ok --json show 1
expect_valid complaint_with_events
expect_invalid complaint_with_events 'd["colour"] = "red"'
expect_invalid complaint_with_events 'd["customer"]["nickname"] = "J"'
expect_invalid complaint_with_events 'd["events"][0]["data"]["extra"] = 1'
expect_invalid complaint_with_events 'd["events"][0]["kind"] = "deleted"'
expect_invalid complaint_with_events 'del d["events"]'
ok --json list
expect_valid complaint_list
expect_invalid complaint_list 'd[0]["status"] = "pending"'
expect_invalid complaint_list 'd[0]["priority"] = "Normal"'
expect_invalid complaint_list 'd[0]["channel"] = "fax"'
expect_invalid complaint_list 'del d[0]["rating"]'
expect_invalid complaint_list 'd[0]["rating"] = 6'
expect_invalid complaint_list 'd[0]["id"] = "1"'
expect_invalid complaint_list 'd[0]["created_at"] = "2026-11-22 14:05:00"'
expect_invalid complaint_list 'd[0]["created_at"] = "2026-11-22T14:05:00+01:00"'
expect_invalid complaint_list 'd[0]["due"] = "2026-13-01T00:00:00Z"'
expect_invalid complaint_list 'd[0]["match"] = {"field": "title", "snippet": "", "highlights": []}'
expect_invalid complaint_list 'd[0]["status"] = "closed"'
expect_invalid complaint_list 'd[0]["waiting"] = {"since": d[0]["created_at"], "until": None}'
expect_invalid complaint_list 'd[0]["status"] = "escalated"'
expect_invalid complaint_list 'd[0]["escalation"] = {"level": 1, "to": "maria", "reason": None, "due": None, "since": None, "by": None, "instead_of": None}'
ok --json history
expect_valid event_list
expect_invalid event_list 'd[0]["visible"] = 0'
expect_invalid event_list 'd[0]["direction"] = "sideways"'
expect_invalid event_list 'd[0]["data"]["priority"] = "critical"'
ok export
expect_valid export lines
cp "$OUT_FILE" "$T/export-good"
grep '"type":"complaint"' "$T/export-good" >"$OUT_FILE"
expect_invalid export 'd["customer"] = None'
expect_invalid export 'del d["escalation_level"]'
expect_invalid export 'd["type"] = "grievance"'
head -n 1 "$T/export-good" >"$OUT_FILE"
expect_invalid export 'd["version"] = 3'
run --json show 42
expect_valid_error
cp "$ERR_FILE" "$OUT_FILE"
expect_invalid error 'd["error"]["code"] = "oops"'
expect_invalid error 'd["error"]["message"] = ""'
expect_invalid error 'd["exit"] = 3'
ok --json check
expect_valid check_report
expect_invalid check_report 'd["needs_attention"] = "no"'
expect_invalid check_report 'd["stuck"] = [{"id": 1}]'
expect_all_valid

finish
