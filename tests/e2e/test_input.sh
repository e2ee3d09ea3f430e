# Bad and hostile input in every field: invalid UTF-8 is refused with a message that says which
# field and where; every size limit holds at its edge; control characters and escape sequences are
# stored exactly but never reach the terminal raw; SQL-looking text and LIKE wildcards are plain
# text. test_errors.sh, test_open.sh, test_show.sh and test_schema.sh have the basic cases.
source "$(dirname "$0")/lib.sh" "$@"

# expect_refused FIELD OFFSET ARGS…: `ombud ARGS…` fails with exit 2, prints nothing on stdout,
# and says on stderr that FIELD is not valid UTF-8 at byte OFFSET. (Each case takes a snapshot
# first and checks with expect_unchanged at its end that none of these wrote anything.)
expect_refused() {
    local field=$1 offset=$2
    shift 2
    run "$@"
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_contains "$err" "ombud: error: $field is not valid UTF-8 (bad byte at offset $offset)"
}

# expect_too_long FIELD BYTES MAX ARGS…: exit 2 and "FIELD is too long (BYTES bytes; at most
# MAX)"; nothing written (snapshot and expect_unchanged around them, as above).
expect_too_long() {
    local field=$1 bytes=$2 max=$3
    shift 3
    run "$@"
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_contains "$err" "$field is too long ($bytes bytes; at most $max)"
}

# text_of BYTES [CHAR]: BYTES bytes of CHAR (one byte) or of "é" (two bytes; BYTES even).
text_of() {
    if [ "${2:-x}" = é ]; then
        local s
        printf -v s '%*s' $(($1 / 2)) ''
        printf '%s' "${s// /é}"
    else
        head -c "$1" /dev/zero | tr '\0' "${2:-x}"
    fi
}

# ---------------------------------------------------------------------------------------------
# Invalid UTF-8

# The kinds of invalid UTF-8, each with the byte offset of its first bad byte when it follows
# "ab": a byte that is never UTF-8, a sequence cut short at the end, an overlong encoding of "/",
# an encoded surrogate, a code point above U+10FFFF, a stray continuation byte.
BAD_BYTES=($'\xff' $'\xc3' $'\xc0\xaf' $'\xed\xa0\x80' $'\xf4\x90\x80\x80' $'\x80')

TEST "every kind of invalid UTF-8 in a title is refused (exit 2) with its byte offset"
ok open "Existing"
snapshot
for bad in "${BAD_BYTES[@]}"; do
    expect_refused "the title" 2 open "ab$bad"
    expect_refused "the title" 2 open "ab${bad}cd"
done
# The offset counts bytes, not characters: "é" is two.
expect_refused "the title" 4 open $'\xc3\xa9\xc3\xa9\xff'
expect_refused "the title" 0 open $'\xff at the start'
# Valid at the start, cut short at the very end.
expect_refused "the title" 6 open $'Caf\xc3\xa9 \xe2\x82'
expect_unchanged

TEST "invalid UTF-8 in every text field of every command is refused and names the field"
ok open "Existing"
ok open "Closed one"
ok close 2
snapshot
# Customer names and notes get every kind; the other fields two kinds each, a different pair
# per field, so every kind still meets several commands.
for b in "${BAD_BYTES[@]}"; do
    expect_refused "the customer name" 2 open "New" --customer "ab$b"
    expect_refused "the note" 2 open "New" --note "ab$b"
    expect_refused "the note" 2 note 1 "ab$b"
done
k=0
# bad_pair: the two kinds of invalid UTF-8 for the next field.
bad_pair() {
    BAD_PAIR=("ab${BAD_BYTES[$((k % 6))]}" "ab${BAD_BYTES[$(((k + 3) % 6))]}")
    k=$((k + 1))
}
bad_pair
for bad in "${BAD_PAIR[@]}"; do
    expect_refused "the e-mail address" 2 open "New" --email "$bad"
done
bad_pair
for bad in "${BAD_PAIR[@]}"; do expect_refused "the phone number" 2 open "New" --phone "$bad"; done
bad_pair
for bad in "${BAD_PAIR[@]}"; do expect_refused "the category" 2 open "New" --category "$bad"; done
bad_pair
for bad in "${BAD_PAIR[@]}"; do expect_refused "the owner" 2 open "New" --owner "$bad"; done
bad_pair
for bad in "${BAD_PAIR[@]}"; do
    expect_refused "the name to escalate to" 2 escalate 1 --to "$bad"
    expect_refused "the reason" 2 escalate 1 --to maria --reason "$bad"
done
bad_pair
for bad in "${BAD_PAIR[@]}"; do
    expect_refused "the new owner" 2 assign 1 "$bad" --reason "why"
    expect_refused "the reason" 2 assign 1 maria --reason "$bad"
done
bad_pair
for bad in "${BAD_PAIR[@]}"; do
    expect_refused "the resolution" 2 close 1 --resolution "$bad"
    expect_refused "the reason" 2 reopen 2 --reason "$bad"
    expect_refused "the acting user's name" 2 --as "$bad" note 1 "text"
done
# From stdin too, for note - and open --note -.
run_stdin $'line one\nline \xed\xa0\x80 two' note 1 -
expect_rc 2
expect_contains "$err" "the note is not valid UTF-8 (bad byte at offset 14)"
run_stdin $'\xc0\xaf' open "New" --note -
expect_rc 2
expect_contains "$err" "the note is not valid UTF-8 (bad byte at offset 0)"
OMBUD_USER=$'us\xffer' run note 1 "text"
expect_rc 2
expect_contains "$err" "the acting user's name is not valid UTF-8 (bad byte at offset 2)"
expect_unchanged

TEST "--json: refused invalid UTF-8 is a JSON usage error, even where the message quotes it"
ok open "Existing"
snapshot
run --json open $'ab\xff'
expect_rc 2
expect_json_error usage
expect_contains "$err" "the title is not valid UTF-8 (bad byte at offset 2)"
# Values that CLI11 or ombud quote back in the message: the JSON must still be valid UTF-8.
for args in "open|New|--priority|hi"$'\xff' "open|New|--channel|"$'\xc3' \
    "list|--status|"$'\xed\xa0\x80' "show|"$'\xff' "open|New|--due|"$'\xc0\xaf' \
    "list|--bogus"$'\xff' $'\xff\xfe'; do
    IFS='|' read -r -a argv <<<"$args"
    run --json "${argv[@]}"
    expect_rc 2
    expect_empty "$out" "stdout"
    expect_json_error usage
done
# In human form, a quoted bad byte is shown escaped, not raw.
run open "New" --priority $'hi\xff'
expect_rc 2
expect_contains "$err" '\xff'
expect_unchanged

# ---------------------------------------------------------------------------------------------
# Size limits: a title 500 bytes; names, e-mail, phone, category 200; notes, reasons and
# resolutions 100,000 (README, man page, include/ombud/tracker.hpp).

TEST "the title: 500 bytes are accepted, 501 refused (exit 2), counted in bytes"
ok open "Existing"
run --json open "$(text_of 500)"
expect_rc 0
expect_json 'len(d["title"])' 500
snapshot
expect_too_long "the title" 501 500 open "$(text_of 501)"
expect_unchanged
# 250 two-byte characters are 500 bytes; one more ASCII byte is too many.
run --json open "$(text_of 500 é)"
expect_rc 0
expect_json 'len(d["title"].encode())' 500
snapshot
expect_too_long "the title" 501 500 open "$(text_of 500 é)x"
expect_unchanged
expect_eq "$(sql 'SELECT group_concat(length(CAST(title AS BLOB))) FROM complaints')" "8,500,500" \
    "stored title lengths in bytes"

TEST "names, e-mail, phone and category: 200 bytes are accepted, 201 refused (exit 2)"
ok open "Existing"
at200=$(text_of 200)
at201=$(text_of 201)
ok open "At the limit" --customer "$at200" --category "$at200" --owner "$at200"
ok open "At the limit too" --email "$at200" --phone "$(text_of 200 7)"
ok escalate 1 --to "$at200"
ok assign 1 "$at200" --reason "at the limit"
ok --as "$at200" note 1 "by a long name"
expect_eq "$(sql "SELECT count(*) FROM complaints WHERE length(owner) = 200")" 2 \
    "owners of 200 bytes"
expect_eq "$(sql "SELECT length(name) || ',' || length(email) || ',' || length(phone)
                  FROM customers WHERE email IS NOT NULL")" "200,200,200" \
    "customer named by a 200-byte e-mail address, with a 200-byte phone number"
snapshot
expect_too_long "the customer name" 201 200 open "New" --customer "$at201"
expect_too_long "the e-mail address" 201 200 open "New" --email "$at201"
expect_too_long "the phone number" 201 200 open "New" --phone "$(text_of 201 7)"
expect_too_long "the category" 201 200 open "New" --category "$at201"
expect_too_long "the owner" 201 200 open "New" --owner "$at201"
expect_too_long "the name to escalate to" 201 200 escalate 1 --to "$at201"
expect_too_long "the new owner" 201 200 assign 1 "$at201" --reason "too long"
expect_too_long "the acting user's name" 201 200 --as "$at201" note 1 "text"
# Two-byte characters count double.
expect_too_long "the customer name" 202 200 open "New" --customer "$(text_of 202 é)"
expect_unchanged

TEST "notes, reasons and resolutions: 100,000 bytes are accepted, 100,001 refused (exit 2)"
ok open "Existing"
ok open "To close and reopen"
at_max=$(text_of 100000)
over=$(text_of 100001)
ok note 1 "$at_max"
ok open "With a long first note" --note "$at_max"
ok escalate 1 --to maria --reason "$at_max"
ok assign 1 maria --reason "$at_max"
ok close 2 --resolution "$at_max"
ok reopen 2 --reason "$at_max"
expect_eq "$(sql "SELECT count(*) FROM events WHERE length(text) = 100000")" 6 \
    "events with a text of exactly 100,000 bytes"
snapshot
expect_too_long "the note" 100001 100000 note 1 "$over"
expect_too_long "the note" 100001 100000 open "New" --note "$over"
expect_too_long "the reason" 100001 100000 escalate 1 --to mark --reason "$over"
expect_too_long "the reason" 100001 100000 assign 1 mark --reason "$over"
expect_too_long "the resolution" 100001 100000 close 1 --resolution "$over"
expect_unchanged
ok close 1
snapshot
expect_too_long "the reason" 100001 100000 reopen 1 --reason "$over"
expect_unchanged

TEST "a note from stdin: 100,000 bytes are accepted (with or without its newline), more refused"
ok open "Existing"
printf '%s' "$(text_of 100000)" >"$T/max.txt"
printf '%s\n' "$(text_of 100000)" >"$T/max-nl.txt"
printf '%s' "$(text_of 100001)" >"$T/over.txt"
printf '%s\n' "$(text_of 100001)" >"$T/over-nl.txt"
for f in max max-nl; do
    "$OMBUD" note 1 - <"$T/$f.txt" >"$OUT_FILE" 2>"$ERR_FILE"
    rc=$?
    LAST_CMD="ombud note 1 - <$f.txt"
    expect_rc 0
done
expect_eq "$(sql "SELECT count(*) FROM events WHERE kind = 'note' AND length(text) = 100000")" 2 \
    "notes of exactly 100,000 bytes from stdin"
snapshot
for f in over over-nl; do
    "$OMBUD" note 1 - <"$T/$f.txt" >"$OUT_FILE" 2>"$ERR_FILE"
    rc=$?
    _slurp err "$ERR_FILE"
    LAST_CMD="ombud note 1 - <$f.txt"
    expect_rc 2
    expect_contains "$err" "the note is too long (100001 bytes; at most 100000)"
done
"$OMBUD" open "New" --note - <"$T/over.txt" >"$OUT_FILE" 2>"$ERR_FILE"
rc=$?
LAST_CMD="ombud open New --note - <over.txt"
expect_rc 2
# An endless stream is refused as too long once it passes the limit, not read into memory.
yes "an endless complaint" | "$OMBUD" note 1 >"$OUT_FILE" 2>"$ERR_FILE"
rc=${PIPESTATUS[1]}
_slurp err "$ERR_FILE"
LAST_CMD="yes | ombud note 1"
expect_rc 2
expect_contains "$err" "too long"
expect_unchanged

# ---------------------------------------------------------------------------------------------
# Control characters and escape sequences: stored byte for byte, shown escaped.

# Every C0 control except NUL; DEL; C1 controls (U+009B is a one-character CSI to some terminals);
# the bidirectional controls; the line and paragraph separators.
CONTROLS=$'c0:\x01\x02\x03\x04\x05\x06\x07\x08\t\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15'
CONTROLS+=$'\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f del:\x7f c1:\u0080\u0085\u009b\u009d\u009f'
CONTROLS+=$' bidi:\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069 sep:\u2028\u2029'
ESCAPES=$'\e[31mred\e[0m \e]0;window title\a \e]8;;http://evil.example\e\\link\e]8;;\e\\'
ESCAPES+=$' \e[2J\e[H \e[6n'

TEST "control characters and escape sequences are stored exactly, byte for byte"
ok open "$CONTROLS" --customer "$ESCAPES" --email $'a\eb@example.com' --phone $'\r0612' \
    --category $'cat\u202eyrogetac' --owner $'\e[1mboss' --note "$ESCAPES"
hex() {
    printf '%s' "$1" | od -An -v -tx1 | tr -d ' \n' | tr a-f A-F
}
expect_eq "$(sql 'SELECT hex(title) FROM complaints')" "$(hex "$CONTROLS")" "title bytes"
expect_eq "$(sql 'SELECT hex(name) FROM customers')" "$(hex "$ESCAPES")" "customer name bytes"
expect_eq "$(sql 'SELECT hex(email) || hex(phone) FROM customers')" \
    "$(hex $'a\eb@example.com')$(hex $'\r0612')" "e-mail and phone bytes"
expect_eq "$(sql 'SELECT hex(category) || hex(owner) FROM complaints')" \
    "$(hex $'cat\u202eyrogetac')$(hex $'\e[1mboss')" "category and owner bytes"
expect_eq "$(sql "SELECT hex(text) FROM events WHERE kind = 'note'")" "$(hex "$ESCAPES")" \
    "note bytes"

TEST "--json round-trips every control character exactly and always parses"
ok open "$CONTROLS" --customer "$ESCAPES" --owner $'\e[1mboss' --note "$CONTROLS"
ok escalate 1 --to $'\u009b2Jmaria' --reason "$ESCAPES"
ok assign 1 $'new\rowner' --reason "$CONTROLS"
ok --as $'\e]0;x\aact' close 1 --resolution "$ESCAPES"
ok reopen 1 --reason $'\u202ereason'
ok note 1 "$CONTROLS"
run --json show 1
expect_rc 0
expect_shape
expect_json 'd["title"]' "$CONTROLS" 'd["customer"]["name"]' "$ESCAPES" \
    'd["owner"]' $'new\rowner' \
    'd["events"][1]["text"]' "$CONTROLS" 'd["events"][2]["text"]' "$ESCAPES" \
    'd["events"][2]["data"]["to"]' $'\u009b2Jmaria' 'd["events"][3]["text"]' "$CONTROLS" \
    'd["events"][3]["data"]["to"]' $'new\rowner' 'd["events"][4]["actor"]' $'\e]0;x\aact' \
    'd["events"][4]["text"]' "$ESCAPES" 'd["events"][5]["text"]' $'\u202ereason' \
    'd["events"][6]["text"]' "$CONTROLS" 'd["events"][0]["data"]["title"]' "$CONTROLS"
run --json list
expect_rc 0
expect_json 'd[0]["title"]' "$CONTROLS" 'd[0]["owner"]' $'new\rowner'
run --json history
expect_rc 0
expect_json 'd[-1]["data"]["title"]' "$CONTROLS" 'd[0]["text"]' "$CONTROLS"
# Each array element is one line: no raw line break from the text splits one.
expect_eq "$(grep -c '' "$OUT_FILE")" 9 "lines of --json history (7 events and the brackets)"
run --json note 1 "$ESCAPES"
expect_rc 0
expect_json 'd["title"]' "$CONTROLS"

TEST "human output of show, list and history never carries a raw control character"
ok open "$CONTROLS" --customer "$ESCAPES" --email $'a\eb@example.com' --phone $'\r0612' \
    --category $'cat\u202eyrogetac' --owner $'\e[1mboss' --note "$ESCAPES"
ok escalate 1 --to $'\u009b2Jmaria' --reason "$ESCAPES" --due 3d
ok assign 1 $'new\rowner' --reason "$CONTROLS"
ok --as $'\e]0;x\aact' close 1 --resolution "$ESCAPES" --rating 2
ok reopen 1 --reason $'\u202ereason'
ok escalate 1 --to $'\e[5mblink'
for args in "show 1" "list" "list --all" "list --escalated" "history" "history 1" \
    "history --limit 3"; do
    # shellcheck disable=SC2086 # split on purpose: command and arguments
    run $args
    expect_rc 0
    expect_no_controls "$OUT_FILE"
done
# Colour on: ombud's own escape sequences are there, the text's are still escaped.
run --color always show 1
expect_rc 0
expect_contains "$out" '\e[31mred'
expect_contains "$out" '\e]0;window title'
# The title is on one line of the list, however many line breaks it holds.
ok open $'first line\nsecond line\rthird\u2028fourth'
run list
expect_rc 0
expect_eq "$(grep -c '' "$OUT_FILE")" 3 "lines of list (header and two rows)"
expect_no_controls "$OUT_FILE"
# Errors that quote user text escape it as well.
run note 1 "$CONTROLS" --channel $'\e[2Jphone'
expect_rc 2
expect_no_controls "$ERR_FILE"
run list --customer "$ESCAPES-unknown"
expect_rc 3
expect_no_controls "$ERR_FILE"

# ---------------------------------------------------------------------------------------------
# SQL-looking text and LIKE wildcards.

TEST "SQL-looking text in every field is stored literally and changes nothing else"
sqlish="x'); DROP TABLE complaints;--"
ok open "$sqlish" --customer "$sqlish" --email "a'--@example.com" --phone "1; DELETE FROM events" \
    --category "' OR 1=1 --" --owner "\"; DROP TABLE events; --" --note "$sqlish"
ok escalate 1 --to "' OR ''='" --reason "); DELETE FROM customers; --"
ok assign 1 "x' OR owner LIKE '%" --reason "' UNION SELECT * FROM events --"
ok close 1 --resolution "'; UPDATE complaints SET status = 'open'; --"
expect_eq "$(sql "SELECT count(*) FROM sqlite_schema WHERE type = 'table'
                  AND name IN ('complaints', 'events', 'customers')")" 3 "tables"
expect_eq "$(sql 'SELECT count(*) FROM events')" 5 "events"
run --json show 1
expect_rc 0
expect_json 'd["title"]' "$sqlish" 'd["customer"]["name"]' "$sqlish" \
    'd["customer"]["email"]' "a'--@example.com" 'd["customer"]["phone"]' "1; DELETE FROM events" \
    'd["category"]' "' OR 1=1 --" 'd["owner"]' "x' OR owner LIKE '%" 'd["status"]' closed \
    'd["resolution"]' "'; UPDATE complaints SET status = 'open'; --" \
    'd["events"][2]["data"]["to"]' "' OR ''='"

TEST "% _ and \\ in filters match literally, never as wildcards"
# Names one letter apart would be refused as typos of each other ("did you mean %?"); people
# really called that are put on the team first.
for name in "%" "_" "\\" '\%'; do
    ok team add "$name"
done
ok open "Percent" --owner "%" --category "%" --customer "%"
ok open "Underscore" --owner "_" --category "_" --customer "_"
ok open "Backslash" --owner "\\" --category "\\" --customer "\\"
ok open "Plain" --owner "anna" --category "a" --customer "Ann"
ok open "Escaped percent" --owner '\%' --category '\%' --customer '\%'
ok --as "%" note 1 "by percent"
ok --as "_" note 2 "by underscore"
# list_titles ARGS… EXPECTED: the titles `ombud --json list ARGS…` prints, newest first.
list_titles() {
    local want=${*: -1}
    run --json list "${@:1:$#-1}"
    expect_rc 0
    expect_json '[c["title"] for c in d]' "$want"
}
list_titles --owner "%" '["Percent"]'
list_titles --owner "_" '["Underscore"]'
list_titles --owner "\\" '["Backslash"]'
list_titles --owner '\%' '["Escaped percent"]'
list_titles --owner "%%" '[]'
list_titles --owner "a%" '[]'
list_titles --owner "_nna" '[]'
list_titles --category "%" '["Percent"]'
list_titles --category "_" '["Underscore"]'
list_titles --category "\\" '["Backslash"]'
list_titles --customer "%" '["Percent"]'
list_titles --customer "_" '["Underscore"]'
list_titles --customer '\%' '["Escaped percent"]'
run list --customer "A%"
expect_rc 3
run list --customer "%@example.com"
expect_rc 3
run --json history --actor "%"
expect_rc 0
expect_json '[e["text"] for e in d]' '["by percent"]'
run --json history --actor "_"
expect_json '[e["text"] for e in d]' '["by underscore"]'
run --json history --actor "t%"
expect_json 'd' '[]'
run --json history --customer "_"
expect_json '[e["complaint_id"] for e in d]' '[2, 2]'
# The completion helper matches prefixes with LIKE, escaped: "%" is a prefix like any other.
run __complete people "%"
expect_rc 0
expect_eq "$(cut -f1 "$OUT_FILE" | sort | tr '\n' ' ')" "% " "people completed for the prefix %"
run __complete people "_"
expect_eq "$(cut -f1 "$OUT_FILE" | sort | tr '\n' ' ')" "_ " "people completed for the prefix _"
run __complete categories "\\"
expect_eq "$(cut -f1 "$OUT_FILE" | sort | tr '\n' ' ')" '\ \% ' "categories completed for \\"

finish
