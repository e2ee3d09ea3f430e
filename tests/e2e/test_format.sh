# --format human|json|ndjson|csv: NDJSON lines are the elements of the --json arrays, CSV parses
# as RFC 4180 and holds the --json values, its quoting and formula guard, --json against another
# format, unknown formats, errors under ndjson and csv, and listings that stream.
source "$(dirname "$0")/lib.sh" "$@"

FORMAT_PY="$E2E_TMP/format.py"
cat >"$FORMAT_PY" <<'PYTHON'
import csv, io, json, sys

COMPLAINT_COLUMNS = ["id", "title", "status", "priority", "category", "channel", "customer",
                     "customer_email", "customer_phone", "owner", "handoffs", "escalated_to",
                     "escalation_level", "escalation_due", "due", "created_at", "updated_at",
                     "closed_at", "close_reason", "resolution", "rating"]
SEARCH_COLUMNS = COMPLAINT_COLUMNS + ["match_field", "match_snippet"]
EVENT_COLUMNS = ["id", "complaint_id", "complaint_title", "at", "actor", "kind", "text",
                 "channel", "direction", "visible"]


def field(v):
    """What a JSON value becomes in the CSV: null empty, formulas guarded with a '."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if v and v[0] in "=+-@\t\r":
        return "'" + v
    return v


def complaint_row(c):
    cu = c["customer"] or {}
    es = c["escalation"] or {}
    return [field(v) for v in (
        c["id"], c["title"], c["status"], c["priority"], c["category"], c["channel"],
        cu.get("name"), cu.get("email"), cu.get("phone"), c["owner"], c["handoffs"],
        es.get("to"), es.get("level"), es.get("due"), c["due"], c["created_at"],
        c["updated_at"], c["closed_at"], c["close_reason"], c["resolution"], c["rating"])]


def event_row(e, title):
    return [field(v) for v in (
        e["id"], e["complaint_id"], title, e["at"], e["actor"], e["kind"], e["text"],
        e["channel"], e["direction"], e["visible"])]


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check_ndjson(json_path, ndjson_path):
    """The NDJSON file holds, one a line, the elements of the JSON array (or the one object)."""
    want = load_json(json_path)
    if not isinstance(want, list):
        want = [want]
    with open(ndjson_path, "rb") as f:
        raw = f.read()
    p = []
    if raw and not raw.endswith(b"\n"):
        p.append("the output does not end in a newline")
    lines = raw.decode("utf-8").split("\n")[:-1] if raw else []
    got = []
    for n, line in enumerate(lines, 1):
        try:
            obj = json.loads(line)
        except Exception as exc:
            p.append("line %d is not JSON (%s): %r" % (n, exc, line[:200]))
            continue
        if not isinstance(obj, dict):
            p.append("line %d is not an object: %r" % (n, line[:200]))
        got.append(obj)
    if len(lines) != len(want):
        p.append("%d lines for %d elements" % (len(lines), len(want)))
    elif got != want:
        for n, (g, w) in enumerate(zip(got, want), 1):
            if g != w:
                p.append("line %d differs:\n  ndjson: %s\n  json:   %s" % (n, g, w))
                break
    return p


def check_csv(kind, json_path, csv_path, titles_path=None):
    """The CSV file is RFC 4180 with the header of KIND and the values of the JSON file."""
    with open(csv_path, "rb") as f:
        raw = f.read()
    p = []
    if raw.startswith(b"\xef\xbb\xbf"):
        p.append("the file starts with a byte order mark")
    text = raw.decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    # Written again by Python's csv module (minimal quoting, CRLF) it is the same bytes: every
    # line ends in CRLF, and exactly the fields that need quotes have them.
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\r\n").writerows(rows)
    if again.getvalue() != text:
        p.append("not minimal RFC 4180 with CRLF; as Python writes it:\n  %r\n  actual:\n  %r"
                 % (again.getvalue()[:400], text[:400]))
    d = load_json(json_path)
    if kind == "complaints":
        header, want = COMPLAINT_COLUMNS, [complaint_row(c) for c in (d if isinstance(d, list) else [d])]
    elif kind == "search":
        header = SEARCH_COLUMNS
        want = [complaint_row(c) + [field(c["match"]["field"]), field(c["match"]["snippet"])]
                for c in d]
    elif kind == "events":
        titles = {c["id"]: c["title"] for c in load_json(titles_path)}
        header, want = EVENT_COLUMNS, [event_row(e, titles[e["complaint_id"]]) for e in d]
    elif kind == "show":
        header, want = EVENT_COLUMNS, [event_row(e, d["title"]) for e in d["events"]]
    else:
        return ["unknown kind " + kind]
    if not rows or rows[0] != header:
        p.append("header is %r, expected %r" % (rows[:1], header))
    if rows[1:] != want:
        p.append("%d rows for %d expected" % (len(rows) - 1, len(want)))
        for n, (g, w) in enumerate(zip(rows[1:], want), 2):
            if g != w:
                p.append("row %d differs:\n  csv:      %r\n  expected: %r" % (n, g, w))
                break
    return p


def main(argv):
    if argv[1] == "ndjson":
        p = check_ndjson(argv[2], argv[3])
    elif argv[1] == "csv":
        p = check_csv(*argv[2:])
    elif argv[1] == "rows":
        # The parsed CSV as JSON, for expect_json on it.
        with open(argv[2], encoding="utf-8", newline="") as f:
            print(json.dumps(list(csv.reader(f, strict=True)), ensure_ascii=False))
        return 0
    else:
        p = ["unknown mode " + argv[1]]
    for line in p:
        print(line)
    return 1 if p else 0


sys.exit(main(sys.argv))
PYTHON

# expect_ndjson_like_json ARGS…: `ombud --format ndjson ARGS…` prints, one a line, what
# `ombud --json ARGS…` prints (the elements of its array, or its one object).
expect_ndjson_like_json() {
    local report
    run --json "$@"
    expect_rc 0 || return 1
    cp "$OUT_FILE" "$T/want.json"
    run --format ndjson "$@"
    expect_rc 0 || return 1
    if ! report=$("$PYTHON" "$FORMAT_PY" ndjson "$T/want.json" "$OUT_FILE"); then
        _fail "$report"
        return 1
    fi
}

# expect_csv_like_json KIND ARGS…: `ombud --format csv ARGS…` is RFC 4180 CSV with the header of
# KIND (complaints, search, events, show) and the values `ombud --json ARGS…` prints.
expect_csv_like_json() {
    local kind=$1 report
    shift
    run --json list --all
    expect_rc 0 || return 1
    cp "$OUT_FILE" "$T/titles.json"
    run --json "$@"
    expect_rc 0 || return 1
    cp "$OUT_FILE" "$T/want.json"
    run --format csv "$@"
    expect_rc 0 || return 1
    if ! report=$("$PYTHON" "$FORMAT_PY" csv "$kind" "$T/want.json" "$OUT_FILE" "$T/titles.json"); then
        _fail "$report"
        return 1
    fi
}

# csv_rows: the CSV in $OUT_FILE parsed into rows, as JSON in $OUT_FILE (for expect_json).
csv_rows() {
    cp "$OUT_FILE" "$T/out.csv"
    "$PYTHON" "$FORMAT_PY" rows "$T/out.csv" >"$OUT_FILE"
}

# Complaints with every kind of value: customers with and without e-mail and phone, an
# escalation with a deadline, a closed one with a rating, notes with channels and directions.
setup_varied() {
    ok open "Parcel arrived damaged" --customer "Jan de Vries" --email jan@example.nl \
        --phone "+31 6 1234 5678" --category delivery --channel phone --priority high --due 3d
    ok open "Invoice, wrong \"amount\"" --customer "Piet Bakker" --category billing --owner bob
    ok open "No customer at all" --priority low
    ok note 1 "Called back, sent a new parcel" --channel phone --direction out --visible
    ok note 2 $'Line one\nline two, with a comma' --channel email --direction in
    ok escalate 2 --to maria --reason "Refund above 200 euro" --due 1d
    ok assign 3 carol --reason "Carol knows"
    ok close 1 --resolution "=Refunded in full" --rating 4
    # A text that starts with - comes on stdin, where it cannot be taken for an option.
    run_stdin "-internal, do not share" note 3 -
    expect_rc 0
}

CSV_HEADER="id,title,status,priority,category,channel,customer,customer_email,customer_phone,owner,handoffs,escalated_to,escalation_level,escalation_due,due,created_at,updated_at,closed_at,close_reason,resolution,rating"
EVENT_HEADER="id,complaint_id,complaint_title,at,actor,kind,text,channel,direction,visible"

TEST "--format human is the default output and --format json is --json"
# No deadlines: "in 1d" may become "in 23h" between two runs.
policy_off
ok open "Parcel arrived damaged" --customer "Jan de Vries" --priority high
ok open "Invoice, wrong \"amount\"" --owner bob
ok close 1 --rating 4
ok list --all
human=$out
ok --format human list --all
expect_eq "$out" "$human" "--format human list"
ok --json list --all
json=$out
ok --format json list --all
expect_eq "$out" "$json" "--format json list"
ok list --all --format=json
expect_eq "$out" "$json" "list --format=json"
ok --json --format json list --all
expect_eq "$out" "$json" "--json --format json list"

TEST "ndjson: list, history and search print the elements of the --json array, one a line"
setup_varied
expect_ndjson_like_json list
expect_ndjson_like_json list --all
expect_ndjson_like_json history
expect_ndjson_like_json history 2
expect_ndjson_like_json history --customer "Jan de Vries"
expect_ndjson_like_json search parcel
expect_ndjson_like_json search comma
run --format ndjson search comma
expect_json 'd["match"]["field"]' note 'd["match"]["highlights"]' '["comma"]'
expect_shape

TEST "ndjson: show and the other commands print the --json object on one line"
setup_varied
expect_ndjson_like_json show 2
run --format ndjson show 2
expect_eq "$(printf '%s\n' "$out" | wc -l)" 1 "lines of show"
expect_json 'len(d["events"])' 3 'd["escalation"]["to"]' maria
for args in "note 3 Again" "reopen 1 --reason Back" "assign 1 anna --reason Holiday" \
    "escalate 3 --to maria" "close 3 --reason withdrawn" "open Fresh --owner dan"; do
    # shellcheck disable=SC2086 # split on purpose
    run --format ndjson $args
    expect_rc 0
    expect_eq "$(printf '%s\n' "$out" | wc -l)" 1 "lines of $args"
    expect_shape
done
expect_ndjson_like_json db check

TEST "ndjson: an empty listing prints nothing"
run --format ndjson list
expect_rc 0
expect_empty "$out"
ok open "Only one"
run --format ndjson search nothingmatches
expect_rc 0
expect_empty "$out"
run --format ndjson history --actor nobody
expect_rc 0
expect_empty "$out"

TEST "csv: list, search, history and show hold the values of --json"
setup_varied
expect_csv_like_json complaints list
expect_csv_like_json complaints list --all
expect_csv_like_json complaints list --status closed
expect_csv_like_json search search parcel
expect_csv_like_json search search comma
expect_csv_like_json events history
expect_csv_like_json events history 2
expect_csv_like_json show show 1
expect_csv_like_json show show 2

TEST "csv: the commands that change a complaint print it as a header and one row"
setup_varied
run --format csv note 3 "Another one"
expect_rc 0
cp "$OUT_FILE" "$T/note.csv"
run --json show 3
expect_rc 0
report=$("$PYTHON" "$FORMAT_PY" csv complaints "$OUT_FILE" "$T/note.csv") || _fail "$report"
run --format csv open "Brand new" --customer "Klaas"
expect_rc 0
csv_rows
expect_json 'len(d)' 2 'd[1][0]' 4 'd[1][1]' "Brand new" 'd[1][6]' Klaas

TEST "csv: team, config, holiday and check have no CSV form, and are refused before they write"
ok open "Parcel damaged" --customer "Jan de Vries"
snapshot
for args in "team add maria" "team away bram --until 3d --deputy maria" "team" \
    "config set timezone Europe/Amsterdam" "config list" "config get hours" \
    "holiday add 2026-12-25" "holiday list" "check" "check --act"; do
    # shellcheck disable=SC2086 # the words are the arguments
    run --format csv $args
    expect_rc 2
    expect_empty "$out"
    expect_contains "$err" "ombud ${args%% *} has no CSV form"
    expect_contains "$err" "use --json or the human output"
done
expect_unchanged
run --format ndjson team add maria
expect_rc 0
run --json team
expect_json 'd[0]["name"]' maria

TEST "csv: header rows, CRLF line ends, no byte order mark, and a header alone when empty"
# No deadlines, so the row below is the same at any time of day.
policy_off
run --format csv list
expect_rc 0
expect_eq "$out" "$CSV_HEADER"$'\r'
run --format csv history
expect_rc 0
expect_eq "$out" "$EVENT_HEADER"$'\r'
run --format csv search anything
expect_rc 0
expect_eq "$out" "$CSV_HEADER,match_field,match_snippet"$'\r'
ok open "Plain title" --owner anna
run --format csv list
expect_rc 0
expect_eq "$(head -c 3 "$OUT_FILE" | od -An -tx1 | tr -d ' ')" "69642c" "first bytes (no BOM)"
expect_eq "$(tr -cd '\r' <"$OUT_FILE" | wc -c)" 2 "carriage returns (one per line)"
expect_eq "$(wc -l <"$OUT_FILE")" 2 "lines"
expect_match "$out" $'^id,title,[^\n]*\r\n1,Plain title,open,normal,,,,,,anna,0,,,,,[0-9TZ:-]+,[0-9TZ:-]+,,,,\r$'

TEST "csv: commas, quotes, line breaks and carriage returns are quoted, quotes doubled"
ok open $'Comma, "quoted" and\nnew line\rCR end' --customer 'O"Brien, Ltd'
ok note 1 $'first line\r\nsecond line'
run --format csv list
expect_rc 0
expect_contains "$out" $'1,"Comma, ""quoted"" and\nnew line\rCR end",open,normal,,,"O""Brien, Ltd",'
run --format csv history 1
expect_rc 0
expect_contains "$out" $',note,"first line\r\nsecond line",,,false\r'
expect_csv_like_json complaints list
expect_csv_like_json events history 1

TEST "csv: a field that starts like a formula gets a ' in front; JSON keeps it as stored"
ok open "=HYPERLINK(\"http://evil.example\")" --customer "@admin" --phone "+31 6 1234" \
    --category=-5 --owner "bob"
ok note 1 $'\tTabbed'
ok note 1 "a=b+c-d@e"
run --format csv list
expect_rc 0
csv_rows
expect_json 'd[1][1]' "'=HYPERLINK(\"http://evil.example\")" 'd[1][6]' "'@admin" \
    'd[1][8]' "'+31 6 1234" 'd[1][4]' "'-5"
run --format csv history 1
expect_rc 0
csv_rows
expect_json '[r[6] for r in d[1:]]' "[\"\", \"'\\tTabbed\", \"a=b+c-d@e\"]"
run --json show 1
expect_json 'd["title"]' "=HYPERLINK(\"http://evil.example\")" 'd["customer"]["phone"]' "+31 6 1234"
expect_csv_like_json complaints list
expect_csv_like_json show show 1

TEST "csv: absent values are empty fields"
# Without a policy, a new complaint has no due date either.
policy_off
ok open "Bare"
run --format csv list
expect_rc 0
csv_rows
# category, channel, customer, e-mail, phone; escalation; due, closed_at, reason, resolution, rating
expect_json 'len(d[1])' 21 \
    '[d[1][i] for i in (4, 5, 6, 7, 8, 11, 12, 13, 14, 17, 18, 19, 20)]' \
    '["", "", "", "", "", "", "", "", "", "", "", "", ""]' 'd[1][10]' 0
run --format csv history
expect_rc 0
csv_rows
expect_json 'd[1][6:10]' '["", "", "", "false"]'

TEST "csv: text is written as stored; invalid UTF-8 becomes U+FFFD as in JSON"
ok open $'Bell\a and escape \e[31m'
run --format csv list
expect_rc 0
csv_rows
expect_json 'd[1][1]' $'Bell\a and escape \e[31m'
sql "UPDATE complaints SET title = CAST(X'41FF42' AS TEXT) WHERE id = 1"
run --format csv list
expect_rc 0
csv_rows
expect_json 'd[1][1]' $'A\uFFFDB'
run --json list
expect_json 'd[0]["title"]' $'A\uFFFDB'

TEST "csv: import and db reports are key,value pairs"
setup_varied
run --format csv db check
expect_rc 0
expect_match "$out" $'^key,value\r\npath,[^\r]*ombud.db\r\nok,true\r\nschema_version,[0-9]+\r\njournal_mode,[a-z]+\r\ncomplaints,3\r\nevents,[0-9]+\r\ncustomers,2\r$'
run --format csv db backup "$T/copy.db"
expect_rc 0
csv_rows
expect_json '[r[0] for r in d]' '["key", "source", "backup", "bytes", "complaints"]' \
    'd[2][1]' "$T/copy.db" 'd[4][1]' 3
events=$(event_count)
members=$(sql 'SELECT count(*) FROM team')
ok export
cp "$OUT_FILE" "$T/all.ndjson"
run --db "$T/new.db" --format csv import "$T/all.ndjson"
expect_rc 0
csv_rows
expect_json 'd' "[[\"key\", \"value\"], [\"source\", \"$T/all.ndjson\"], [\"customers\", \"2\"], [\"complaints\", \"3\"], [\"events\", \"$events\"], [\"settings\", \"0\"], [\"holidays\", \"0\"], [\"members\", \"$members\"]]"
# bob, maria and carol joined the team on first use.
expect_eq "$members" 3 "team members"

TEST "--json with another --format is a usage error (exit 2), and nothing is written"
for args in "--json --format csv" "--format ndjson --json" "--json --format=human"; do
    # shellcheck disable=SC2086 # split on purpose
    run $args open "Should not exist"
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_contains "$err" "--json and --format"
done
expect_no_file "$OMBUD_DB"
run list --json --format csv
expect_rc 2
expect_json_error usage

TEST "an unknown --format is exit 2 and names the formats"
for f in xml JSON "" tsv; do
    run --format "$f" list
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_contains "$err" "human,json,ndjson,csv"
done
run list --format
expect_rc 2

TEST "errors are the JSON error object under --format json and ndjson, text under csv"
ok open "Something"
run --format ndjson show 99
expect_rc 3
expect_empty "$out" "stdout"
expect_json_error not_found
run --format=ndjson list --status nope
expect_rc 2
expect_json_error usage
run list --format ndjson --bogus
expect_rc 2
expect_json_error usage
run --format json close 1 --rating 9
expect_rc 2
expect_json_error usage
run --format ndjson close 1
expect_rc 0
run --format ndjson close 1
expect_rc 4
expect_json_error conflict
run --format csv show 99
expect_rc 3
expect_empty "$out" "stdout"
expect_match "$err" '^ombud: error: no complaint #99'
run --format csv list --status nope
expect_rc 2
expect_match "$err" '^ombud: error: '

TEST "listings stream: ndjson has one line and csv one row per complaint, for hundreds"
ok open "Seed" --customer "Jan" --category seed
# 399 more complaints, each with its opened event, without 399 runs of ombud.
sql "WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < 400)
     INSERT INTO complaints (id, title, status, priority, category, customer_id, owner,
                             created_at, updated_at)
     SELECT i, 'Complaint ' || i, 'open', 'normal', 'seed', 1, 'tester', 1700000000 + i,
            1700000000 + i FROM n;
     INSERT INTO events (complaint_id, at, actor, kind)
     SELECT id, created_at, 'tester', 'opened' FROM complaints WHERE id > 1;"
run --format ndjson list
expect_rc 0
expect_eq "$(wc -l <"$OUT_FILE")" 400 "ndjson lines of list"
expect_ndjson_like_json list
expect_ndjson_like_json history
run --format ndjson history
expect_eq "$(wc -l <"$OUT_FILE")" 400 "ndjson lines of history"
run --format ndjson list --limit 7
expect_eq "$(wc -l <"$OUT_FILE")" 7 "ndjson lines of list --limit 7"
run --format csv list
expect_rc 0
expect_eq "$(wc -l <"$OUT_FILE")" 401 "csv lines of list (header and rows)"
expect_csv_like_json complaints list
# A reader that stops early is no failure of the listing's output until the pipe closes.
# shellcheck disable=SC2016 # expanded by the inner bash
run_cmd bash -c '"$1" --format ndjson list | head -n 3' _ "$OMBUD"
expect_eq "$(wc -l <"$OUT_FILE")" 3 "lines read by head"

finish
