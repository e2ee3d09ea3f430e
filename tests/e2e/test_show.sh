# ombud show: the header block and the whole timeline, in both formats.
source "$(dirname "$0")/lib.sh" "$@"

# One complaint through every kind of event: opened, note, escalated, assigned, closed, reopened.
full_life() {
    ok open "Invoice for a cancelled plan" --customer "Jan de Vries" --email jan@example.nl \
        --phone 0612345678 --channel phone --category billing --priority high --owner anna \
        --due 3d --note "Third invoice after cancelling"
    ok note 1 "Sent an apology" --channel email --direction out --visible
    ok escalate 1 --to maria --reason "Refund above 200 euro" --due 2d
    ok --as maria assign 1 bob --reason "Bob does refunds"
    ok --as bob close 1 --resolution "Refunded in full" --rating 4
    ok reopen 1 --reason "The invoice came again"
}

TEST "show --json has the complaint and its events in order"
full_life
run --json show 1
expect_rc 0
expect_shape
expect_json 'd["id"]' 1 'd["status"]' open 'd["owner"]' bob 'd["handoffs"]' 1 \
    'd["customer"]["name"]' "Jan de Vries" 'd["customer"]["phone"]' 0612345678 \
    '[e["kind"] for e in d["events"]]' \
    '["opened", "note", "note", "escalated", "assigned", "closed", "reopened"]' \
    '[e["actor"] for e in d["events"]]' \
    '["tester", "tester", "tester", "tester", "maria", "bob", "tester"]' \
    '[e["id"] for e in d["events"]] == sorted(e["id"] for e in d["events"])' true \
    'len({e["id"] for e in d["events"]})' 7
expect_json 'sorted({e["complaint_id"] for e in d["events"]})' '[1]' \
    '[e["at"] for e in d["events"]] == sorted(e["at"] for e in d["events"])' true \
    'd["events"][2]["visible"]' true 'd["events"][2]["direction"]' out \
    'd["events"][3]["data"]["to"]' maria 'd["events"][4]["data"]["from"]' anna \
    'd["events"][4]["data"]["to"]' bob 'd["events"][5]["data"]["rating"]' 4 \
    'd["events"][6]["text"]' "The invoice came again"

TEST "show prints a header block and the timeline"
# Without a policy the reopening keeps the --due 3d (with one it would be due again by the
# policy, at a time that depends on the time of day), and no "Answer by:" line is printed.
policy_off
full_life
run show 1
expect_rc 0
expect_match "$out" '^#1 Invoice for a cancelled plan'
expect_match "$out" $'\n  Status: +open'
expect_match "$out" $'\n  Priority: +high'
expect_match "$out" $'\n  Category: +billing'
expect_match "$out" $'\n  Channel: +phone'
expect_match "$out" $'\n  Customer: +Jan de Vries <jan@example.nl>, 0612345678'
expect_match "$out" $'\n  Owner: +bob \\(1 hand-off\\)'
expect_match "$out" $'\n  Due: +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \\(in [23]d\\)'
expect_match "$out" $'\n  Opened: +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \\(just now\\)'
expect_not_contains "$out" "Answer by:"
expect_contains "$out" $'\nTimeline\n'
expect_contains "$out" "tester: opened, owner anna, priority high"
expect_contains "$out" "tester: internal note (phone, incoming)"
expect_contains "$out" "      Third invoice after cancelling"
expect_contains "$out" "tester: note, shared with the customer (email, outgoing)"
expect_contains "$out" "tester: escalated to maria (level 1), decision due"
expect_contains "$out" "maria: handed from anna to bob"
expect_contains "$out" "bob: closed as resolved, rated 4/5"
expect_contains "$out" "tester: reopened"
# The timeline is in order: opened before the note before the reopening.
expect_match "$out" 'opened, owner anna.*Third invoice.*escalated to maria.*handed from anna.*closed as resolved.*reopened'

TEST "show has an Answer by: line for the first response, until and after it is given"
date_re='[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}'
ok open "Invoice for a cancelled plan" --priority high
run show 1
expect_rc 0
# When it is due depends on the time of day; that it lies ahead does not.
expect_match "$out" $'\n  Answer by: +'"$date_re"' \(in '
expect_match "$out" $'\n  Due: +'"$date_re"' \(in '
# An outgoing note shared with the customer is the first response.
ok note 1 "Sent an apology" --channel email --direction out --visible
run show 1
expect_rc 0
expect_match "$out" $'\n  Answer by: +'"$date_re"' \(answered '"$date_re"$'\\)\n'

TEST "show takes 42 and #42"
ok open "One"
ok open "Two"
run show 2
expect_rc 0
expect_match "$out" '^#2 Two'
run show "#2"
expect_rc 0
expect_match "$out" '^#2 Two'
run --json show "#1"
expect_rc 0
expect_json 'd["title"]' One

TEST "show escapes control characters in every user-written field, JSON keeps them"
title=$'\e[31mred\e[0m title'
note=$'first line\n\e]0;pwned\asecond line\r'
ok open "$title" --customer $'Jan\e[1m' --category $'cat\x7f' --owner $'ow\tner'
run_stdin "$note" note 1 -
expect_rc 0
ok --as $'act\eor' note 1 "by a strange actor"
run show 1
expect_rc 0
expect_no_controls "$OUT_FILE"
expect_contains "$out" "first line"
expect_contains "$out" "second line"
run --json show 1
expect_rc 0
expect_json 'd["title"]' "$title" 'd["customer"]["name"]' $'Jan\e[1m' 'd["owner"]' $'ow\tner' \
    'd["category"]' $'cat\x7f' 'd["events"][1]["text"]' "${note%$'\r'}" \
    'd["events"][2]["actor"]' $'act\eor'

TEST "show prints other Unicode as it is, but escapes bidirectional overrides"
ok open "Café ☕ 日本の苦情" --customer "Zoë Ångström"
ok note 1 $'Right-to-left trick: \u202eevil.exe\u202c done'
run show 1
expect_rc 0
expect_contains "$out" "#1 Café ☕ 日本の苦情"
expect_contains "$out" "Zoë Ångström"
expect_contains "$out" "evil.exe"
expect_no_controls "$OUT_FILE"
run --json show 1
expect_json 'd["events"][1]["text"]' $'Right-to-left trick: \u202eevil.exe\u202c done' \
    'd["title"]' "Café ☕ 日本の苦情"

TEST "show of an unknown complaint is not found (exit 3), on a missing database too"
run show 1
expect_rc 3
expect_contains "$err" "#1"
expect_no_file "$OMBUD_DB"
ok open "One"
run show 2
expect_rc 3
run --json show 2
expect_rc 3
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"not_found"'

TEST "show refuses a bad or missing number with exit 2"
ok open "One"
for id in abc "#0" 0 -1 1x "#" "##1" 99999999999999999999999; do
    run show "$id"
    expect_rc 2
done
run show
expect_rc 2
run show 1 2
expect_rc 2

finish
