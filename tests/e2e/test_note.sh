# ombud note: contacts and internal notes, text from arguments or stdin, and bad input.
source "$(dirname "$0")/lib.sh" "$@"

TEST "note confirms in one line and records an internal note"
ok open "Parcel arrived damaged"
run note 1 "Called back, new parcel sent"
expect_rc 0
expect_eq "$out" 'Noted on #1 "Parcel arrived damaged"'
ok --json show 1
expect_json 'len(d["events"])' 2 'd["events"][1]["kind"]' note \
    'd["events"][1]["text"]' "Called back, new parcel sent" 'd["events"][1]["actor"]' tester \
    'd["events"][1]["visible"]' false 'd["events"][1]["channel"]' null \
    'd["events"][1]["direction"]' null 'd["events"][1]["data"]' '{}' \
    'd["events"][1]["complaint_id"]' 1 'is_time(d["events"][1]["at"])' true

TEST "note --json prints the complaint, with updated_at moved on"
ok open "Parcel arrived damaged"
run --json note 1 "Checked with the courier"
expect_rc 0
expect_shape
expect_json 'd["id"]' 1 'd["status"]' open 'd["title"]' "Parcel arrived damaged" \
    'ts(d["updated_at"]) >= ts(d["created_at"])' true 'd.get("events", "none")' none

TEST "note takes the number as 42 or #42"
ok open "One"
ok open "Two"
run note 2 "plain number"
expect_rc 0
expect_contains "$out" "#2"
run note "#2" "hash number"
expect_rc 0
expect_contains "$out" "#2"
ok --json history 2
expect_json '[e["text"] for e in d]' '[null, "plain number", "hash number"]'

TEST "note --channel --direction --visible are recorded"
ok open "Late delivery"
ok note 1 "Mailed the customer the tracking code" --channel email --direction out --visible
ok note 1 "Customer phoned" --channel phone --direction in
ok note 1 "Came by the shop" --channel in-person
ok --json show 1
expect_json 'd["events"][1]["visible"]' true 'd["events"][1]["channel"]' email \
    'd["events"][1]["direction"]' out \
    'd["events"][2]["visible"]' false 'd["events"][2]["channel"]' phone \
    'd["events"][2]["direction"]' in \
    'd["events"][3]["channel"]' in-person 'd["events"][3]["direction"]' null
run show 1
expect_rc 0
expect_contains "$out" "note, shared with the customer (email, outgoing)"
expect_contains "$out" "internal note (phone, incoming)"

TEST "note - reads the text from stdin, without the trailing newline"
ok open "Invoice"
run_stdin $'The customer wrote back.\n' note 1 -
expect_rc 0
ok --json history 1
expect_json 'd[-1]["text"]' "The customer wrote back."

TEST "note without TEXT reads a piped stdin"
ok open "Invoice"
run_stdin $'Piped mail body\n' note 1
expect_rc 0
run_stdin $'Windows line end\r\n' note 1 --channel email
expect_rc 0
ok --json history 1
expect_json 'd[1]["text"]' "Piped mail body" 'd[2]["text"]' "Windows line end" \
    'd[2]["channel"]' email

TEST "on a terminal, a note without TEXT is refused at once instead of waiting for input"
if ! command -v script >/dev/null 2>&1 || ! command -v timeout >/dev/null 2>&1 ||
    ! script -qec true /dev/null >/dev/null 2>&1; then
    SKIP "script(1) and timeout(1) are needed for a pseudo-terminal"
else
    ok open "Invoice"
    snapshot
    LAST_CMD="script -qec 'ombud note 1' /dev/null (stdin a terminal)"
    timeout 20 script -qec "$(printf '%q' "$OMBUD") note 1" /dev/null </dev/null >"$OUT_FILE" 2>&1
    rc=$?
    _slurp out "$OUT_FILE"
    expect_rc 2
    expect_contains "$out" "missing"
    expect_unchanged
fi

TEST "a multi-line note keeps its lines"
ok open "Invoice"
body=$'Dear sir,\n\nThe invoice came again.\n  Regards, Jan'
run_stdin "$body"$'\n' note 1 -
expect_rc 0
ok --json show 1
expect_json 'd["events"][1]["text"]' "$body"
run show 1
expect_rc 0
expect_contains "$out" $'Dear sir,\n'
expect_contains "$out" "The invoice came again."
expect_contains "$out" "  Regards, Jan"
expect_not_contains "$out" '\n'

TEST "a note on a closed complaint is allowed and leaves it closed"
ok open "Refund"
ok close 1 --resolution "Refunded"
run --json note 1 "A thank-you letter arrived" --channel letter --direction in
expect_rc 0
expect_json 'd["status"]' closed 'd["resolution"]' Refunded
ok --json history 1
expect_json '[e["kind"] for e in d]' '["opened", "closed", "note"]'

TEST "note refuses bad input with exit 2 and stores nothing"
ok open "Invoice"
snapshot
run note 1
expect_rc 2
run note 1 -
expect_rc 2
run note 1 "   "
expect_rc 2
run note 1 "text" --channel pigeon
expect_rc 2
expect_contains "$err" "pigeon"
run note 1 "text" --direction sideways
expect_rc 2
expect_contains "$err" "in, out"
run note abc "text"
expect_rc 2
run note
expect_rc 2
expect_contains "$err" "ID"
run note 1 "text" --visible=maybe
expect_rc 2
run_stdin "" note 1
expect_rc 2
expect_unchanged

TEST "note on an unknown complaint is not found (exit 3)"
ok open "Invoice"
snapshot
run note 7 "text"
expect_rc 3
expect_contains "$err" "#7"
run --json note "#7" "text"
expect_rc 3
expect_empty "$out" "stdout"
expect_eq "$(printf '%s' "$err" | "$PYTHON" -c 'import json,sys; print(json.load(sys.stdin)["error"]["code"])')" \
    not_found "error code"
expect_unchanged

finish
