# ombud import --csv: a spreadsheet's rows as complaints, validated all first, written in one
# transaction, all or nothing unless --skip-bad-rows; --dry-run tells what it would do.
source "$(dirname "$0")/lib.sh" "$@"

# csv FILE LINE…: writes the lines to FILE, each ended by CRLF as Excel ends them.
csv() {
    local file=$1
    shift
    printf '%s\r\n' "$@" >"$file"
}

TEST "columns are found by their headers and synonyms; each row opens a complaint"
csv "$T/shop.csv" \
    'Subject,Customer name,E-mail,Telephone,Channel,Category,Priority,Assigned to,Deadline,Notes,Date' \
    'Parcel damaged,Jan de Vries,jan@example.nl,+31 6 1234 5678,Phone,delivery,High,anna,2026-03-10,Box crushed,2026-03-02 09:30' \
    'Invoice twice,,piet@example.nl,,email,billing,,,,,2026-03-03'
run import --csv "$T/shop.csv"
expect_rc 0
expect_eq "$out" "Imported 2 complaints from $T/shop.csv as #1 to #2, with 2 new customers and anna new to the team"
# As open warns of a name new to the team.
expect_contains "$err" "ombud: warning: anna is new to the team (as owner)"
run --json show 1
expect_shape
expect_json 'd["title"]' "Parcel damaged" 'd["customer"]["name"]' "Jan de Vries" \
    'd["customer"]["email"]' jan@example.nl 'd["customer"]["phone"]' "+31 6 1234 5678" \
    'd["channel"]' phone 'd["category"]' delivery 'd["priority"]' high 'd["owner"]' anna \
    'd["created_at"]' 2026-03-02T09:30:00Z 'd["due"]' 2026-03-10T23:59:59Z \
    '[e["kind"] for e in d["events"]]' '["opened", "note"]' \
    'd["events"][1]["text"]' "Box crushed" 'd["events"][1]["direction"]' in \
    '[e["at"] for e in d["events"]]' '["2026-03-02T09:30:00Z", "2026-03-02T09:30:00Z"]'
run --json show 2
expect_json 'd["customer"]["name"]' piet@example.nl 'd["priority"]' normal 'd["owner"]' tester \
    'd["created_at"]' 2026-03-03T00:00:00Z '[e["kind"] for e in d["events"]]' '["opened"]'

TEST "field names themselves work in any case, and ombud's own CSV listing reads back"
csv "$T/fields.csv" 'TITLE,customer,EMAIL,phone,channel,category,priority,owner,due,note,At' \
    'Broken,Ann,ann@example.nl,+31 6 1234 5678,web,product,urgent,maria,2026-05-01 17:00,Screen,2026-04-01 08:00'
ok import --csv "$T/fields.csv"
run --json show 1
expect_json 'd["customer"]["email"]' ann@example.nl 'd["channel"]' web 'd["priority"]' urgent \
    'd["owner"]' maria 'd["due"]' 2026-05-01T17:00:00Z 'd["created_at"]' 2026-04-01T08:00:00Z
ok list --all --format csv
cp "$OUT_FILE" "$T/listing.csv"
# The listing guards a cell a spreadsheet would take for a formula with a ', which reads back off.
expect_contains "$out" ",'+31 6 1234 5678,"
# The listing has columns no complaint to open has (id, status, …): --ignore-unknown.
run --db "$T/copy.db" import --csv "$T/listing.csv"
expect_rc 2
expect_contains "$err" 'unknown columns "id", "status"'
run --db "$T/copy.db" import --csv "$T/listing.csv" --ignore-unknown
expect_rc 0
run --db "$T/copy.db" --json show 1
expect_json 'd["title"]' Broken 'd["customer"]["email"]' ann@example.nl \
    'd["customer"]["phone"]' "+31 6 1234 5678" 'd["owner"]' maria \
    'd["created_at"]' 2026-04-01T08:00:00Z

TEST "--map names other columns, an empty field leaves one out; semicolons by --delimiter"
# Dutch Excel: semicolons, day-first dates, a BOM.
printf '\xEF\xBB\xBFOnderwerp;Klant;Datum;Intern\r\n"Factuur; twee keer";Jan Jansen;23-11-2025;geheim\r\n' >"$T/nl.csv"
run import --csv "$T/nl.csv"
expect_rc 2
expect_contains "$err" "the header is one column"
expect_contains "$err" "hint: give --delimiter ';'"
run import --csv "$T/nl.csv" --delimiter ';'
expect_rc 2
expect_contains "$err" 'unknown columns "Onderwerp", "Klant", "Datum" and "Intern"'
expect_contains "$err" 'hint: name the field of each with --map "COLUMN=FIELD"'
expect_no_file "$OMBUD_DB"
run import --map "Onderwerp=title" --map "klant = customer" --map Datum=at --map Intern= \
    --delimiter ';' --csv "$T/nl.csv"
expect_rc 0
expect_contains "$out" "Imported 1 complaint from $T/nl.csv as #1, with 1 new customer"
run --json show 1
expect_json 'd["title"]' "Factuur; twee keer" 'd["customer"]["name"]' "Jan Jansen" \
    'd["created_at"]' 2025-11-23T00:00:00Z 'len(d["events"])' 1
run --json search geheim
expect_json 'len(d)' 0
# A tab, by name.
printf 'title\tcustomer\nTabbed\tAnn\n' >"$T/tab.tsv"
ok import --csv "$T/tab.tsv" --delimiter tab
run --json show 2
expect_json 'd["title"]' Tabbed 'd["customer"]["name"]' Ann
run import --csv "$T/tab.tsv" --delimiter '|'
expect_rc 2
expect_contains "$err" 'invalid --delimiter "|": use , ; or tab'

TEST "a header the import cannot use is refused before anything is created (exit 2)"
refused() {
    printf '%s' "$1" >"$T/h.csv"
    shift
    run import --csv "$T/h.csv" "${@:2}"
    expect_rc 2
    expect_contains "$err" "$1"
    expect_no_file "$OMBUD_DB"
}
refused $'Titel,Emial\nx,y\n' 'unknown columns "Titel" (did you mean title?) and "Emial" (did you mean email?)'
refused $'customer,email\nJan,j@x.nl\n' 'no column gives the title; the header has "customer", "email"'
refused $'Name,Customer,title\na,b,c\n' 'the columns "Name" and "Customer" both give the customer'
refused $'title\nx\n' '--map names the column "Klant", which the header does not have' --map Klant=customer
refused $'title,Klant\nx,y\n' '--map "Klant=klant": "klant" is not a field' --map Klant=klant
refused $'title,Klant\nx,y\n' '--map "Klant" has no "="' --map Klant
refused '' 'the file is empty: a CSV import needs a header row'
refused $'title,customer\n' 'there are no rows below the header'
refused $'title,customer\n,,\n' 'there are no rows below the header'
refused $'title\n"never closed\nmore\n' 'line 2: a quoted field is never closed'
refused $'title\n"x"y\n' 'line 2: text after the closing quote of a field'
run --json import --csv "$T/h.csv"
expect_json_error usage
run import --csv "$T/missing.csv"
expect_rc 3
expect_contains "$err" "cannot read $T/missing.csv"
run import --csv "$T"
expect_rc 1
expect_eq "$err" "ombud: error: reading the input failed: Is a directory"

TEST "quoted fields hold commas, quotes and line breaks; CRLF, a BOM and blank rows"
printf '\xEF\xBB\xBFtitle,customer,note\r\n"Parcel, damaged","Jan ""the Man"" Smit","First line\r\nsecond line"\r\n,,\r\n\r\nAfter blank rows,Ann,\r\n' >"$T/q.csv"
run --json import --csv "$T/q.csv"
expect_rc 0
expect_json 'd["rows"]' 2 'd["complaints"]' 2 'd["first_id"]' 1 'd["last_id"]' 2
run --json show 1
expect_json 'd["title"]' "Parcel, damaged" 'd["customer"]["name"]' 'Jan "the Man" Smit' \
    'd["events"][1]["text"]' $'First line\nsecond line'
run --json show 2
expect_json 'd["title"]' "After blank rows" 'len(d["events"])' 1
# A row is numbered as the spreadsheet numbers it; the line it starts on when that differs.
printf 'title,priority\n"two\nlines",ok\n,,\nx,huge\n' >"$T/lines.csv"
run import --csv "$T/lines.csv"
expect_rc 2
expect_contains "$err" $'ombud: error: row 2: column "priority": invalid priority "ok"'
expect_contains "$err" $'ombud: error: row 4 (line 5): column "priority": invalid priority "huge"'

TEST "dates: ISO, with a time, RFC 3339, and with --dates day or month first"
csv "$T/iso.csv" 'title,date' 'a,2026-11-02' 'b,2026-11-02 14:05' 'c,2026-11-02T14:05:30' \
    'd,2026-11-02T15:05:00+01:00' 'e,2026-11-02T14:05:00Z' 'f,2026/11/2 9:05'
ok --json import --csv "$T/iso.csv"
run --json list --all
expect_json '[c["created_at"] for c in sorted(d, key=lambda c: c["id"])]' \
    '["2026-11-02T00:00:00Z", "2026-11-02T14:05:00Z", "2026-11-02T14:05:30Z", "2026-11-02T14:05:00Z", "2026-11-02T14:05:00Z", "2026-11-02T09:05:00Z"]'
csv "$T/dmy.csv" 'title,date,deadline' 'g,23-11-2025,24-11-2025' 'h,03/04/2026 14:05,05.04.2026 17:00'
run import --csv "$T/dmy.csv" --dates dmy
expect_rc 0
run --json show 7
expect_json 'd["created_at"]' 2025-11-23T00:00:00Z 'd["due"]' 2025-11-24T23:59:59Z
run --json show 8
expect_json 'd["created_at"]' 2026-04-03T14:05:00Z 'd["due"]' 2026-04-05T17:00:00Z
csv "$T/mdy.csv" 'title,date' 'i,03/04/2026' 'j,11/23/2025 2:05 PM'
ok import --csv "$T/mdy.csv" --dates mdy
run --json show 9
expect_json 'd["created_at"]' 2026-03-04T00:00:00Z
run --json show 10
expect_json 'd["created_at"]' 2025-11-23T14:05:00Z
# Without --dates: a date that reads one way is read so; one that reads two ways is refused.
csv "$T/plain.csv" 'title,date' 'k,23/11/2025'
ok import --csv "$T/plain.csv"
run --json show 11
expect_json 'd["created_at"]' 2025-11-23T00:00:00Z
csv "$T/ambiguous.csv" 'title,date' 'l,03/04/2026'
run import --csv "$T/ambiguous.csv"
expect_rc 2
expect_contains "$err" 'row 2: column "date": "03/04/2026" reads as 3 April or as March 4: say which with --dates dmy (day first) or --dates mdy (month first)'
csv "$T/mixed.csv" 'title,date' 'm,23/11/2025' 'n,11/24/2025'
run import --csv "$T/mixed.csv"
expect_rc 2
expect_contains "$err" 'row 3: column "date": "11/24/2025" has the month first, but row 2 has the day first ("23/11/2025")'
csv "$T/wrong.csv" 'title,date' 'o,11/23/2025' 'p,23-11-25' 'q,45987' 'r,yesterday' 's,2099-01-01'
run import --csv "$T/wrong.csv" --dates dmy
expect_rc 2
expect_contains "$err" '"11/23/2025" has no month 23 (the day comes first, as --dates dmy says)'
expect_contains "$err" '"23-11-25" has a year of two digits: write it in four (2026)'
expect_contains "$err" "\"45987\" is a spreadsheet's number for a date"
expect_contains "$err" '"yesterday" is not a date'
expect_contains "$err" '"2099-01-01" is in the future'
run import --csv "$T/wrong.csv" --dates ymd
expect_rc 2
expect_contains "$err" 'invalid --dates "ymd": use dmy (23/11/2026) or mdy (11/23/2026)'
expect_eq "$(sql 'SELECT count(*) FROM complaints')" 11 "complaints"

TEST "one bad row: exit 2, every bad row told, and nothing is written"
ok open "Existing"
ok team add anna
snapshot
csv "$T/bad.csv" 'title,priority,owner,e-mail,date' \
    'Fine,high,anna,,' \
    ',low,,,' \
    'Bad priority,huge,,,' \
    'Owner mistyped,,Anna,,' \
    'Not UTF-8,,,caf'$'\xe9''@example.nl,' \
    'Also fine,,,,2026-01-02' \
    'Too many,,,,,extra'
run import --csv "$T/bad.csv"
expect_rc 2
expect_eq "$err" 'ombud: error: row 3: column "title": is empty, and every complaint needs a title
ombud: error: row 4: column "priority": invalid priority "huge": use one of low, normal, high, urgent
ombud: error: row 5: column "owner": Anna is not on the team; did you mean anna?
ombud: error: row 6: column "e-mail": is not UTF-8 (a bad byte at offset 3): save the file as CSV UTF-8
ombud: error: row 8: has 6 fields, the header only 5
ombud: error: 5 of 7 rows cannot be imported, so nothing was written
hint: fix them, or import the others with --skip-bad-rows'
expect_unchanged
run --json import --csv "$T/bad.csv"
expect_rc 2
expect_json_error usage
expect_eq "$(python3 -c 'import json,sys; e=json.loads(sys.stdin.read())["error"]; print(len(e["details"]), e["details"][2])' <<<"$err")" \
    '5 row 5: column "owner": Anna is not on the team; did you mean anna?' "JSON error details"
expect_unchanged
# A new database is not even created for a file with a bad row.
run --db "$T/new.db" import --csv "$T/bad.csv"
expect_rc 2
expect_no_file "$T/new.db"

TEST "many bad rows are told up to 20, then how many more"
{
    echo "title,priority"
    for i in $(seq 1 30); do echo "Row $i,bogus"; done
} >"$T/many.csv"
run import --csv "$T/many.csv"
expect_rc 2
expect_contains "$err" 'row 21: column "priority"'
expect_not_contains "$err" 'row 22:'
expect_contains "$err" "ombud: error: … and 10 more; --dry-run lists every one"
expect_contains "$err" "ombud: error: 30 of 30 rows cannot be imported, so nothing was written"

TEST "--skip-bad-rows imports the usable rows and tells the others on stderr"
ok team add anna
csv "$T/bad.csv" 'title,priority,owner' 'Fine,high,anna' 'Bad priority,huge,' 'Owner mistyped,,Anna' 'Also fine,,'
run import --csv "$T/bad.csv" --skip-bad-rows
expect_rc 0
expect_eq "$out" "Imported 2 complaints from $T/bad.csv as #1 to #2
Skipped 2 of 4 rows that cannot be used (told on stderr)"
expect_contains "$err" 'ombud: warning: skipped row 3: column "priority": invalid priority "huge"'
expect_contains "$err" 'ombud: warning: skipped row 4: column "owner": Anna is not on the team; did you mean anna?'
expect_eq "$(sql "SELECT group_concat(title, '|') FROM complaints")" "Fine|Also fine" "titles"
run --json import --csv "$T/bad.csv" --skip-bad-rows
expect_rc 0
expect_json 'd["complaints"]' 2 'd["first_id"]' 3 'd["last_id"]' 4 \
    '[(b["row"], b["column"]) for b in d["bad_rows"]]' '[[3, "priority"], [4, "owner"]]'
# No usable row at all is still an error.
csv "$T/none.csv" 'title,priority' 'a,huge'
snapshot
run import --csv "$T/none.csv" --skip-bad-rows
expect_rc 2
expect_contains "$err" "ombud: error: the one row cannot be imported"
expect_unchanged

TEST "--dry-run writes nothing and tells what would be created and every unusable row"
ok open "Existing" --customer "Jan de Vries"
ok team add anna
snapshot
csv "$T/new.csv" 'Subject,Name,Assigned to,Priority,Intern' \
    'Known customer,Jan de Vries,anna,,x' \
    'New customer,Ann,piet,,y' \
    'Another,Kees,piet,huge,' \
    'Mistyped owner,Kees,Anna,,'
run import --csv "$T/new.csv" --dry-run --map Intern=
expect_rc 2
expect_eq "$out" "Dry run of $T/new.csv: nothing was written
Columns: Subject → title, Name → customer, Assigned to → owner, Priority → priority, Intern (left out)
Would import 2 of 4 rows as complaints
New customers (1): Ann
New to the team (1): piet
Rows it cannot use (2):
  row 4: column \"Priority\": invalid priority \"huge\": use one of low, normal, high, urgent
  row 5: column \"Assigned to\": Anna is not on the team; did you mean anna?"
expect_contains "$err" "ombud: error: 2 of 4 rows cannot be imported, and one such row stops the import"
expect_not_contains "$err" "warning"
expect_unchanged
run import --csv "$T/new.csv" --dry-run --map Intern= --skip-bad-rows
expect_rc 0
expect_contains "$out" "Would import 2 of 4 rows as complaints"
expect_unchanged
# A dry run against no database creates none.
run --db "$T/none.db" import --csv "$T/new.csv" --dry-run --map Intern=
expect_contains "$out" "New to the team (2): anna, piet"
expect_no_file "$T/none.db"

TEST "--dry-run --json: the report as one object"
ok team add anna
snapshot
csv "$T/new.csv" 'title,customer,owner,priority' 'A,Ann,piet,' 'B,Ann,piet,huge' 'C,Kees,,'
run --json import --csv "$T/new.csv" --dry-run
expect_rc 2
expect_json 'sorted(d)' '["bad_rows", "columns", "complaints", "dry_run", "first_id", "last_id", "new_customers", "new_members", "rows", "source", "written"]' \
    'd["dry_run"]' true 'd["written"]' false 'd["rows"]' 3 'd["complaints"]' 2 \
    'd["first_id"]' null 'd["new_customers"]' '["Ann", "Kees"]' 'd["new_members"]' '["piet"]' \
    'd["columns"][3]' '{"column": "priority", "field": "priority"}' \
    'd["bad_rows"]' '[{"row": 3, "line": 3, "column": "priority", "problem": "invalid priority \"huge\": use one of low, normal, high, urgent"}]'
expect_json_error usage
expect_unchanged
run --json import --csv "$T/new.csv" --dry-run --skip-bad-rows --ignore-unknown
expect_rc 0
expect_empty "$err" "stderr"
run --format csv import --csv "$T/new.csv" --dry-run --skip-bad-rows
expect_rc 0
expect_contains "$out" $'key,value\r\nsource,'
expect_contains "$out" $'\r\ndry_run,true\r\n'
expect_contains "$out" $'\r\nnew_customer,Ann\r\nnew_customer,Kees\r\n'
expect_contains "$out" $'\r\ncolumn,owner=owner\r\n'
expect_contains "$out" $'\r\nbad_row,"row 3: column ""priority"": invalid priority ""huge""'
expect_unchanged

TEST "deadlines by the service policy and warnings as open gives them"
csv "$T/one.csv" 'title,priority,owner,date' 'From the sheet,high,maria,2026-03-02 09:30'
run import --csv "$T/one.csv"
expect_rc 0
expect_contains "$err" "ombud: warning: maria is new to the team (as owner)"
run_stdin '{"title":"From JSON","priority":"high","owner":"maria","at":"2026-03-02T09:30:00Z"}' open --from-json -
expect_rc 0
run --json list --all
expect_json 'd[0]["due"] == d[1]["due"] and d[0]["response_due"] == d[1]["response_due"]' true \
    'd[0]["due"] is not None' true

TEST "stdin with -, and options of a CSV import need --csv"
run_stdin $'title,customer\nFrom a pipe,Ann\n' import --csv -
expect_rc 0
expect_contains "$out" "Imported 1 complaint from stdin as #1"
for opt in "--map a=title" "--delimiter ;" "--dates dmy" --ignore-unknown --skip-bad-rows --dry-run; do
    # shellcheck disable=SC2086 # the option and its value as two words
    run --db "$T/other.db" import "$T/x.ndjson" $opt
    expect_rc 2
    expect_contains "$err" "${opt%% *} is an option of a CSV import"
done
expect_no_file "$T/other.db"

TEST "10,000 rows load in one transaction"
ok team add anna
"$PYTHON" - "$T/big.csv" <<'PYTHON'
import sys
with open(sys.argv[1], "w", newline="") as f:
    f.write("title,customer,email,priority,owner,date,note\r\n")
    for i in range(1, 10001):
        f.write('Complaint %d,Customer %d,c%d@example.nl,%s,%s,2026-%02d-%02d 10:%02d,"Note %d, line 1\nline 2"\r\n'
                % (i, i % 3000, i % 3000, ("low", "normal", "high")[i % 3],
                   ("anna", "piet")[i % 2], 1 + i % 9, 1 + i % 28, i % 60, i))
PYTHON
run import --csv "$T/big.csv"
expect_rc 0
expect_eq "$out" "Imported 10000 complaints from $T/big.csv as #1 to #10000, with 3000 new customers and piet new to the team"
expect_eq "$(sql 'SELECT count(*), min(id), max(id) FROM complaints')" "10000|1|10000" "complaints"
expect_eq "$(sql 'SELECT count(*) FROM events')" 20000 "events"
expect_eq "$(sql 'SELECT count(*) FROM customers')" 3000 "customers"
expect_eq "$(sql "SELECT title, owner FROM complaints WHERE id = 10000")" "Complaint 10000|anna" "last row"
# One more row that only the database refuses (a name close to a team member's), after 10,000
# that it took: the one transaction is rolled back, and nothing of the 10,000 stays.
snapshot
cp "$T/big.csv" "$T/bigger.csv"
printf 'One too many,Customer 1,,,Anna,2026-01-01,\r\n' >>"$T/bigger.csv"
run import --csv "$T/bigger.csv"
expect_rc 2
expect_contains "$err" 'row 10002 (line 20002): column "owner": Anna is not on the team; did you mean anna?'
expect_contains "$err" "1 of 10001 rows cannot be imported, so nothing was written"
expect_unchanged

finish
