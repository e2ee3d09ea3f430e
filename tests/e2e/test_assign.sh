# ombud assign: one owner at a time, every hand-off recorded with a reason and counted.
source "$(dirname "$0")/lib.sh" "$@"

TEST "assign confirms with the new owner and the hand-off count"
ok open "Refund"
run assign 1 maria --reason "Maria handles refunds"
expect_rc 0
expect_eq "$out" "Assigned #1 to maria (hand-off 1)"
run assign "#1" bob --reason "Maria is on holiday"
expect_rc 0
expect_eq "$out" "Assigned #1 to bob (hand-off 2)"

TEST "assign --json changes the owner and counts hand-offs"
ok open "Refund" --owner anna
run --json assign 1 maria --reason "Maria handles refunds"
expect_rc 0
expect_shape
expect_json 'd["owner"]' maria 'd["handoffs"]' 1 'd["status"]' open
run --json assign 1 anna --reason "Back to anna"
expect_rc 0
expect_json 'd["owner"]' anna 'd["handoffs"]' 2

TEST "the assigned event has the reason as text and from/to in data"
ok open "Refund" --owner anna
ok --as maria assign 1 bob --reason "Bob does refunds"
run --json history 1
expect_rc 0
expect_json 'd[-1]["kind"]' assigned 'd[-1]["actor"]' maria 'd[-1]["text"]' "Bob does refunds" \
    'd[-1]["data"]["from"]' anna 'd[-1]["data"]["to"]' bob

TEST "show and list name the new owner"
ok open "Refund"
ok assign 1 maria --reason "one"
ok assign 1 bob --reason "two"
run show 1
expect_rc 0
expect_match "$out" 'Owner: +bob \(2 hand-offs\)'
expect_contains "$out" "tester: handed from tester to maria"
expect_contains "$out" "tester: handed from maria to bob"
run --json list --owner bob
expect_rc 0
expect_json '[c["id"] for c in d]' '[1]'

TEST "an escalated complaint can change hands and stays escalated"
ok open "Refund"
ok escalate 1 --to director
run --json assign 1 maria --reason "Maria follows it up"
expect_rc 0
expect_json 'd["status"]' escalated 'd["owner"]' maria 'd["escalation"]["to"]' director

TEST "assigning to the current owner or a closed complaint is a conflict (exit 4)"
ok open "Refund" --owner anna
ok open "Closed one"
ok close 2
snapshot
run assign 1 anna --reason "no change"
expect_rc 4
expect_contains "$err" "anna"
run --json assign 2 maria --reason "too late"
expect_rc 4
expect_contains "$err" '"code":"conflict"'
run assign 2 maria --reason "too late"
expect_rc 4
expect_contains "$err" "closed"
expect_unchanged

TEST "assign refuses missing or bad input with exit 2 and stores nothing"
ok open "Refund"
snapshot
run assign 1 maria
expect_rc 2
expect_contains "$err" "--reason"
run assign 1 --reason "who?"
expect_rc 2
run assign 1 maria --reason "   "
expect_rc 2
run assign 1 "" --reason "empty name"
expect_rc 2
run assign one maria --reason "bad id"
expect_rc 2
expect_unchanged

TEST "assigning an unknown complaint is not found (exit 3)"
ok open "Refund"
snapshot
run assign 9 maria --reason "x"
expect_rc 3
expect_contains "$err" "#9"
expect_unchanged

finish
