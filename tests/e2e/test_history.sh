# ombud history: everything newest first, one complaint oldest first, and the filters.
source "$(dirname "$0")/lib.sh" "$@"

# Two customers, three complaints, three actors.
setup_history() {
    ok open "Damaged parcel" --customer "Jan de Vries" --email jan@example.nl
    ok open "Wrong invoice" --customer "Piet Bakker"
    ok --as maria note 1 "Called Jan back" --channel phone --direction out
    ok --as bob note 2 "Checked the invoice"
    ok open "Late delivery" --customer "Jan de Vries"
    ok --as maria close 2 --resolution "Credit note sent"
}

# history_kinds ARGS… EXPECTED: the [complaint id, kind] pairs of `ombud --json history ARGS…`.
history_kinds() {
    local want=${*: -1}
    run --json history "${@:1:$#-1}"
    expect_rc 0 && expect_json '[[e["complaint_id"], e["kind"]] for e in d]' "$want"
}

TEST "history on a missing database is empty and creates nothing"
run history
expect_rc 0
expect_eq "$out" "Nothing happened yet."
run --json history
expect_rc 0
expect_eq "$out" "[]"
run history 1
expect_rc 3
expect_no_file "$OMBUD_DB"

TEST "history without an id lists every event, newest first, as complete event objects"
setup_history
run --json history
expect_rc 0
expect_shape
expect_json 'len(d)' 6 \
    '[e["id"] for e in d] == sorted((e["id"] for e in d), reverse=True)' true \
    '[e["at"] for e in d] == sorted((e["at"] for e in d), reverse=True)' true \
    '[[e["complaint_id"], e["kind"]] for e in d]' \
    '[[2, "closed"], [3, "opened"], [2, "note"], [1, "note"], [2, "opened"], [1, "opened"]]' \
    'd[0]["actor"]' maria 'd[0]["text"]' "Credit note sent" 'd[0]["data"]["reason"]' resolved \
    'd[3]["channel"]' phone 'd[3]["direction"]' out 'd[3]["visible"]' false

TEST "history ID is that complaint's timeline, oldest first"
setup_history
history_kinds 2 '[[2, "opened"], [2, "note"], [2, "closed"]]'
history_kinds "#1" '[[1, "opened"], [1, "note"]]'
run history 2
expect_rc 0
expect_match "$out" 'tester: opened, owner tester, priority normal.*bob: internal note.*Checked the invoice.*maria: closed as resolved'
expect_not_contains "$out" "Damaged parcel"

TEST "history without an id prints each event with its complaint"
setup_history
run history
expect_rc 0
expect_match "$out" '^  [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}  #2 Wrong invoice  maria: closed as resolved'
expect_match "$out" $'\n  [0-9-]{10} [0-9:]{5}  #1 Damaged parcel  maria: internal note \\(phone, outgoing\\)\n      Called Jan back'
expect_eq "$(printf '%s\n' "$out" | grep -c '^  [0-9]')" 6 "number of event lines"

TEST "history --customer matches by name (any case) and by e-mail"
setup_history
history_kinds --customer "Jan de Vries" '[[3, "opened"], [1, "note"], [1, "opened"]]'
history_kinds --customer "jan DE vries" '[[3, "opened"], [1, "note"], [1, "opened"]]'
history_kinds --customer jan@example.nl '[[3, "opened"], [1, "note"], [1, "opened"]]'
history_kinds --customer "Piet Bakker" '[[2, "closed"], [2, "note"], [2, "opened"]]'

TEST "history --customer of an unknown customer is not found (exit 3)"
setup_history
run history --customer "Klaas"
expect_rc 3
expect_contains "$err" "Klaas"
run --json history --customer klaas@example.nl
expect_rc 3
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"not_found"'

TEST "history --actor shows only what that person did"
setup_history
history_kinds --actor maria '[[2, "closed"], [1, "note"]]'
history_kinds --actor bob '[[2, "note"]]'
history_kinds --actor nobody '[]'
history_kinds 2 --actor maria '[[2, "closed"]]'

TEST "history --limit keeps the newest N (a timeline still reads oldest first)"
setup_history
history_kinds --limit 2 '[[2, "closed"], [3, "opened"]]'
history_kinds 2 --limit 1 '[[2, "closed"]]'
history_kinds 2 --limit 2 '[[2, "note"], [2, "closed"]]'
history_kinds --customer "Jan de Vries" --limit 1 '[[3, "opened"]]'

TEST "history --since leaves out what happened before"
if have_faketime; then
    run_shifted -3d open "Old complaint"
    expect_rc 0
    run_shifted -3d note 1 "Old note"
    expect_rc 0
    ok note 1 "New note"
    history_kinds --since 1d '[[1, "note"]]'
    run --json history --since 1d
    expect_json 'd[0]["text"]' "New note"
    history_kinds --since 4d '[[1, "note"], [1, "note"], [1, "opened"]]'
    old_day=$(faketime -f -3d date -u +%Y-%m-%d)
    history_kinds --since "$old_day" '[[1, "note"], [1, "note"], [1, "opened"]]'
    history_kinds 1 --since 2d '[[1, "note"]]'
    history_kinds --since 2000-01-01 '[[1, "note"], [1, "note"], [1, "opened"]]'
else
    ok open "Complaint"
    ok note 1 "Note"
    history_kinds --since 2000-01-01 '[[1, "note"], [1, "opened"]]'
    history_kinds --since 1d '[[1, "note"], [1, "opened"]]'
fi
history_kinds --since 2099-01-01 '[]'
history_kinds --since tomorrow '[]'

TEST "history prints control characters escaped; --json keeps them verbatim"
title=$'\e[31mred\e[0m title'
ok open "$title"
run_stdin $'line \e]0;pwned\a one\nline two' note 1 -
expect_rc 0
ok --as $'ev\eil' note 1 "by a strange actor"
run history
expect_rc 0
expect_no_controls "$OUT_FILE"
expect_contains "$out" "red"
run history 1
expect_rc 0
expect_no_controls "$OUT_FILE"
expect_contains "$out" "line two"
run --json history 1
expect_rc 0
expect_json 'd[1]["text"]' $'line \e]0;pwned\a one\nline two' 'd[2]["actor"]' $'ev\eil'
run --json history
expect_json 'd[-1]["data"]["title"]' "$title"

TEST "history refuses bad input with exit 2"
ok open "Something"
for args in "--since whenever" "--since 2026-13-01" "--limit 0" "--limit x" "abc" "#0" \
    "--bogus"; do
    # shellcheck disable=SC2086 # split on purpose: option and value
    run history $args
    expect_rc 2
done
run --json history --since whenever
expect_rc 2
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"usage"'

TEST "history of an unknown complaint is not found (exit 3)"
ok open "Something"
run history 5
expect_rc 3
expect_contains "$err" "#5"

finish
