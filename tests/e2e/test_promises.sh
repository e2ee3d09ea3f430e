# Promises and mandate: the team, escalations that reach someone, decisions, business-hour
# deadlines, waiting on the customer, and `ombud check` with its exit codes and --act.
#
# Every command runs at a fixed instant (faketime, UTC) against a shop in Amsterdam, so each
# deadline is known exactly. December 2026: the 2nd is a Wednesday, the 25th a Friday.
source "$(dirname "$0")/lib.sh" "$@"

# at "YYYY-MM-DD HH:MM:SS" ARGS…: runs ombud with the clock stopped at that UTC instant.
at() {
    run_faked "$@"
}
# ok_at: `at`, and the step must succeed.
ok_at() {
    at "$@"
    expect_rc 0
}

# The shop of the manual's example: open Monday to Saturday, closed on Christmas.
shop() {
    ok_at "2026-12-01 08:00:00" config set timezone Europe/Amsterdam
    ok_at "2026-12-01 08:00:00" config set hours "mon-fri 09:00-17:00, sat 10:00-14:00"
    ok_at "2026-12-01 08:00:00" holiday add 2026-12-25 --name Christmas
}

if ! have_faketime; then
    TEST "promises need a movable clock"
    SKIP "libfaketime does not work here"
    finish
fi

TEST "team add, list, away and back"
run team add maria --email maria@shop.nl --deputy bob
expect_rc 0
expect_eq "$out" "Added maria <maria@shop.nl>, deputy bob to the team"
# The deputy was not on the team yet: accepted, with a hint to add them properly.
expect_contains "$err" 'bob is new to the team'
expect_contains "$err" 'ombud team add "bob"'
ok team add bob --email bob@shop.nl
expect_empty "$err"
ok_at "2026-12-02 08:00:00" --json team away maria --until 2026-12-14
expect_json 'd["name"]' maria 'd["away_until"]' 2026-12-14T00:00:00Z 'd["deputy"]' bob
ok_at "2026-12-02 08:00:00" team list
expect_contains "$out" "maria <maria@shop.nl>, deputy bob, away until 2026-12-14 00:00"
ok_at "2026-12-02 08:00:00" --json team list
expect_json '[m["name"] for m in d]' '["bob", "maria"]' \
    'sorted(d[1])' '["added_by_use", "away_deputy", "away_until", "deputy", "email", "name"]' \
    'd[0]["added_by_use"]' false
# A duration lies ahead: two weeks from now, not two weeks ago.
ok_at "2026-12-02 08:00:00" --json team away bob --until 2w
expect_json 'd["away_until"]' 2026-12-16T08:00:00Z
ok_at "2026-12-03 08:00:00" --json team back maria
expect_json 'd["away_until"]' null
# The bare command lists the team too.
ok team
expect_contains "$out" "bob <bob@shop.nl>"

TEST "team errors: unknown members, a return in the past, standing in for oneself"
ok team add maria
snapshot
run team back mraia
expect_rc 3
expect_contains "$err" "mraia is not on the team"
expect_contains "$err" "did you mean maria?"
at "2026-12-02 08:00:00" team away maria --until 2026-12-01
expect_rc 2
expect_contains "$err" "in the past"
run team away maria --until 3d --deputy maria
expect_rc 2
expect_contains "$err" "cannot stand in for themselves"
run --json team back nobody
expect_rc 3
expect_json_error not_found
expect_unchanged

TEST "a new name is accepted once with a warning; a near miss is a typo"
run open "Parcel lost" --owner anna
expect_rc 0
expect_contains "$err" "anna is new to the team (as owner)"
run open "Parcel lost again" --owner anna
expect_rc 0
expect_empty "$err"
snapshot
# Two letters swapped is the commonest typo.
run open "Third parcel" --owner anan
expect_rc 2
expect_contains "$err" "anan is not on the team; did you mean anna?"
expect_contains "$err" 'ombud team add "anan"'
run assign 1 annna --reason "Knows lamps"
expect_rc 2
expect_contains "$err" "did you mean anna?"
expect_unchanged
ok --json team list
expect_json '[[m["name"], m["added_by_use"]] for m in d]' '[["anna", true]]'

TEST "an escalation to someone away goes to their deputy; the owner stays"
shop
ok team add maria --deputy bob
ok team add bob
ok_at "2026-12-02 08:00:00" team away maria --until 2026-12-14
ok_at "2026-12-02 08:00:00" open "Refund" --owner anna
ok_at "2026-12-02 08:00:00" escalate 1 --to maria --reason "Refund above 200"
expect_eq "$out" "Escalated #1 to bob (level 1), standing in for maria, decision due 2026-12-02 16:00"
ok_at "2026-12-02 08:00:00" --json show 1
expect_shape
# The default decision deadline is a business day (sla.normal.decide): 09:00 to 17:00 local.
expect_json 'd["owner"]' anna 'd["status"]' escalated \
    'd["escalation"]["to"]' bob 'd["escalation"]["instead_of"]' maria \
    'd["escalation"]["by"]' tester 'd["escalation"]["since"]' 2026-12-02T08:00:00Z \
    'd["escalation"]["due"]' 2026-12-02T16:00:00Z 'd["escalation"]["level"]' 1 \
    'd["events"][-1]["kind"]' escalated 'd["events"][-1]["data"]["instead_of"]' maria \
    '"maria is away" in d["events"][-1]["data"]["why"]' true
ok_at "2026-12-02 08:00:00" show 1
expect_contains "$out" "level 1 to bob for maria since 2026-12-02 08:00, decision due 2026-12-02 16:00"
expect_contains "$out" "instead of maria (maria is away until 2026-12-14 00:00 and bob stands in)"
ok_at "2026-12-02 08:00:00" list
expect_match "$out" '#1 escalated .* anna '

TEST "decide ends the escalation, names who decided; escalating again goes a level up"
shop
ok_at "2026-12-02 08:00:00" open "Refund" --owner anna
ok_at "2026-12-02 08:00:00" escalate 1 --to maria --reason "Refund above 200"
ok_at "2026-12-02 09:00:00" decide 1 "Refund approved" --as maria
expect_eq "$out" "Decided on #1; it is open again, owner anna"
ok_at "2026-12-02 09:00:00" --json show 1
expect_json 'd["status"]' open 'd["escalation"]' null 'd["owner"]' anna \
    'd["events"][-1]["kind"]' decided 'd["events"][-1]["actor"]' maria \
    'd["events"][-1]["text"]' "Refund approved"
snapshot
run decide 1 "Twice"
expect_rc 4
expect_contains "$err" "waits for no decision"
run decide 9 "Nothing"
expect_rc 3
run decide 1
expect_rc 2
expect_unchanged
ok_at "2026-12-02 10:00:00" --json escalate 1 --to carol --reason "Goodwill above 500"
expect_json 'd["escalation"]["level"]' 2 'd["escalation"]["to"]' carol
# The decision can come from stdin too.
run_stdin "No goodwill" decide 1 -
expect_rc 0
ok --json history 1
expect_json '[e["kind"] for e in d]' '["opened", "escalated", "decided", "escalated", "decided"]' \
    'd[-1]["text"]' "No goodwill"

TEST "deadlines count opening hours across a weekend and a holiday"
shop
ok_at "2026-12-01 08:00:00" config set sla.normal.response 4h
ok_at "2026-12-01 08:00:00" config set sla.normal.resolve 12h
# Thursday 24 December, 15:00 in Amsterdam: 2h left that day, closed on Christmas and Sunday,
# 4h on Saturday, then Monday.
ok_at "2026-12-24 14:00:00" --json open "Wrong size"
expect_json 'd["response_due"]' 2026-12-26T11:00:00Z 'd["due"]' 2026-12-28T14:00:00Z \
    'd["next_deadline"]' '{"kind": "response", "at": "2026-12-26T11:00:00Z"}'
ok_at "2026-12-24 14:00:00" show 1
expect_contains "$out" "Answer by:  2026-12-26 11:00"
expect_contains "$out" "Due:        2026-12-28 14:00"
# --due sets the resolution deadline; the first response still follows the policy.
ok_at "2026-12-24 14:00:00" --json open "Fixed date" --due 2027-01-15
expect_json 'd["due"]' 2027-01-15T23:59:59Z 'd["response_due"]' 2026-12-26T11:00:00Z
# Opened at night, the clock starts when the shop opens: high priority answers within 2h.
ok_at "2026-12-29 02:00:00" --json open "Late-night mail" --priority high
expect_json 'd["response_due"]' 2026-12-29T10:00:00Z

TEST "the first outgoing contact is the first response"
shop
ok_at "2026-12-02 08:00:00" open "Broken lamp"
ok_at "2026-12-02 09:00:00" note 1 "Customer called again" --direction in
ok_at "2026-12-02 09:00:00" --json show 1
expect_json 'd["responded_at"]' null 'd["next_deadline"]["kind"]' response
ok_at "2026-12-02 10:00:00" note 1 "Called back" --direction out
ok_at "2026-12-02 10:00:00" --json show 1
expect_json 'd["responded_at"]' 2026-12-02T10:00:00Z 'd["next_deadline"]["kind"]' resolution
# A later answer does not move the first one.
ok_at "2026-12-02 11:00:00" note 1 "Sent the form" --direction out
ok_at "2026-12-02 11:00:00" --json show 1
expect_json 'd["responded_at"]' 2026-12-02T10:00:00Z

TEST "waiting stops the clock; the next incoming contact resumes it with the time that was left"
shop
ok_at "2026-12-03 09:00:00" open "Photos needed" --owner anna
ok_at "2026-12-03 09:00:00" --json show 1
expect_json 'd["response_due"]' 2026-12-04T09:00:00Z 'd["due"]' 2026-12-09T09:00:00Z
ok_at "2026-12-03 10:00:00" wait 1 --until friday --reason "Photos of the damage"
expect_eq "$out" "#1 waits on the customer; the clock is stopped, follow up 2026-12-04 23:59"
ok_at "2026-12-03 10:00:00" --json show 1
expect_json 'd["status"]' waiting 'd["waiting"]' \
    '{"since": "2026-12-03T10:00:00Z", "until": "2026-12-04T23:59:59Z"}' \
    'd["next_deadline"]' null 'd["events"][-1]["kind"]' waited
snapshot
run wait 1
expect_rc 4
expect_contains "$err" "waiting already"
run escalate 1 --to maria
expect_rc 4
expect_unchanged
# Monday 11:00 local: 7 business hours were left of the response and 35 of the resolution.
ok_at "2026-12-07 10:00:00" note 1 "Photos sent" --direction in
ok_at "2026-12-07 10:00:00" --json show 1
expect_json 'd["status"]' open 'd["waiting"]' null \
    'd["response_due"]' 2026-12-08T09:00:00Z 'd["due"]' 2026-12-11T13:00:00Z \
    '[e["kind"] for e in d["events"]][-2:]' '["note", "resumed"]'
run resume 1
expect_rc 4
expect_contains "$err" "is not waiting"

TEST "resume ends waiting by hand"
shop
ok_at "2026-12-03 09:00:00" open "Photos needed"
ok_at "2026-12-03 10:00:00" wait 1
ok_at "2026-12-07 10:00:00" --json resume 1
expect_json 'd["status"]' open 'd["due"]' 2026-12-11T13:00:00Z
# Closing a waiting complaint ends the wait too.
ok_at "2026-12-07 11:00:00" wait 1
ok_at "2026-12-07 12:00:00" --json close 1 --reason withdrawn
expect_json 'd["status"]' closed 'd["waiting"]' null

TEST "config set, get, unset and list"
ok config set hours "mon-sat 09:00-17:30"
expect_eq "$out" "hours = mon-sat 09:00-17:30"
ok config get hours
expect_eq "$out" "mon-sat 09:00-17:30"
ok --json config get sla.high.response
expect_json 'd["key"], d["value"], d["default"]' '["sla.high.response", "2h", true]'
ok config set sla.high.response none
ok --json config list
expect_json '[s["key"] for s in d][:2]' '["hours", "timezone"]' \
    '[[s["value"], s["default"]] for s in d if s["key"] == "sla.high.response"]' '[["none", false]]'
ok config unset hours
ok config get hours
expect_eq "$out" "mon-fri 09:00-17:00"
snapshot
run config set sla.hihg.response 2h
expect_rc 2
expect_contains "$err" "did you mean sla.high.response"
run config set hours "mon-fri 17:00-09:00"
expect_rc 2
run config set timezone Mars/Olympus
expect_rc 2
run --json config set sla.low.resolve soon
expect_rc 2
expect_json_error usage
expect_unchanged

TEST "holidays: add, list, remove"
ok holiday add 2026-12-25 --name Christmas
expect_eq "$out" "Closed on 2026-12-25 (Christmas)"
ok holiday add 2026-12-26
ok --json holiday list
expect_json 'd' '[{"date": "2026-12-25", "name": "Christmas"}, {"date": "2026-12-26", "name": null}]'
snapshot
run holiday add 2026-12-25
expect_rc 4
run holiday add 2026-02-30
expect_rc 2
run holiday remove 2026-12-31
expect_rc 3
expect_unchanged
ok holiday remove 2026-12-26
ok holiday list
expect_contains "$out" "2026-12-25"
expect_not_contains "$out" "2026-12-26"

TEST "list --overdue and --due-within, with LATE and SOON in the table"
shop
ok_at "2026-12-01 08:00:00" config set sla.normal.response none
ok_at "2026-12-02 08:00:00" open "Due at noon" --due "2026-12-02T12:00:00Z"
ok_at "2026-12-02 08:00:00" open "Due in the afternoon" --due "2026-12-02T15:00:00Z"
ok_at "2026-12-02 08:00:00" open "Due next week" --due 2026-12-09
at "2026-12-02 13:00:00" --json list --overdue
expect_json '[c["id"] for c in d]' '[1]'
# 16:00 local is two business hours away; the next-week one is not within them.
at "2026-12-02 13:00:00" --json list --due-within 2h
expect_json 'sorted(c["id"] for c in d)' '[1, 2]'
at "2026-12-02 13:00:00" list
expect_match "$out" '#1 .*LATE'
expect_match "$out" '#2 .*SOON'
expect_no_match "$out" '#3 [^#]*(LATE|SOON)'
run list --due-within soon
expect_rc 2

TEST "check exits 0 when nothing needs attention, 10 when something does"
# No database yet: nothing to check, and nothing is created.
run check
expect_rc 0
expect_no_file "$OMBUD_DB"
shop
ok_at "2026-12-02 08:00:00" open "Broken lamp"
at "2026-12-02 08:00:00" check
expect_rc 0
at "2026-12-02 08:00:00" --json check
expect_rc 0
expect_json 'd["needs_attention"]' false 'd["deadlines"]' '[]' 'd["checked_at"]' 2026-12-02T08:00:00Z
# 14:00 local: the response is due at 17:00, within check.within (4h).
at "2026-12-02 13:00:00" check
expect_rc 10
expect_match "$out" '^SOON #1 response due 2026-12-02 16:00'
at "2026-12-03 08:00:00" --json check
expect_rc 10
expect_json 'd["needs_attention"]' true \
    '[[x["complaint"]["id"], x["kind"], x["late"]] for x in d["deadlines"]]' \
    '[[1, "response", true]]'
# A follow-up date passed while waiting is reported too.
ok_at "2026-12-03 09:00:00" note 1 "Called" --direction out
ok_at "2026-12-03 09:00:00" wait 1 --until 2026-12-04
at "2026-12-07 09:00:00" --json check
expect_rc 10
expect_json '[c["id"] for c in d["follow_ups"]]' '[1]' 'd["deadlines"]' '[]'

TEST "check names absences that leave escalations without anyone to decide"
shop
ok team add maria
ok_at "2026-12-02 08:00:00" open "Refund"
ok_at "2026-12-02 08:00:00" team away maria --until 2026-12-10
ok_at "2026-12-02 08:00:00" escalate 1 --to maria --reason "Refund above 200"
expect_contains "$err" "nobody stands in"
at "2026-12-02 08:00:00" --json check
expect_rc 10
expect_json '[[a["member"]["name"], a["waiting"]] for a in d["absences"]]' '[["maria", [1]]]'
at "2026-12-02 08:00:00" check
expect_contains "$out" "AWAY maria is away until 2026-12-10 00:00 and nobody stands in"

TEST "check --act passes an overdue decision along the deputy chain and says why"
shop
ok team add carol --deputy dave
ok team add dave
ok_at "2026-12-02 08:00:00" open "Refund" --owner anna
ok_at "2026-12-02 08:00:00" escalate 1 --to carol --reason "Refund above 200" --due 2h
# Without --act, check reports and changes nothing.
snapshot
at "2026-12-02 11:00:00" check
expect_rc 10
expect_contains "$out" "#1 decision"
expect_unchanged
at "2026-12-02 11:00:00" --json check --act
expect_rc 10
expect_json '[[c["id"], c["escalation"]["to"], c["escalation"]["level"]] for c in d["moved"]]' \
    '[[1, "dave", 2]]'
ok --json show 1
expect_json 'd["owner"]' anna 'd["events"][-1]["kind"]' escalated \
    'd["events"][-1]["data"]["automatic"]' true 'd["events"][-1]["data"]["from"]' carol \
    'd["events"][-1]["text"]' "no decision from carol by 2026-12-02 10:00"
# dave has no deputy: the next overdue check cannot move it, and says so.
at "2026-12-04 11:00:00" --json check --act
expect_rc 10
expect_json 'd["moved"]' '[]' 'd["stuck"]' '[{"id": 1, "reason": "dave has no deputy"}]'

finish
