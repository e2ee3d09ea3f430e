# ombud reopen: a closed complaint comes back, its close details cleared, its history kept.
source "$(dirname "$0")/lib.sh" "$@"

TEST "reopen confirms with title and owner"
ok open "Invoice for a cancelled plan" --owner anna
ok close 1 --resolution "Cancelled the plan"
run reopen 1 --reason "The invoice came again"
expect_rc 0
expect_eq "$out" 'Reopened #1 "Invoice for a cancelled plan", owner anna'

TEST "reopen --json clears closed_at, close_reason, resolution and rating"
ok open "Invoice" --priority high --category billing
ok close 1 --resolution "Cancelled the plan" --reason resolved --rating 4
run --json reopen "#1" --reason "The invoice came again"
expect_rc 0
expect_shape
expect_json 'd["status"]' open 'd["closed_at"]' null 'd["close_reason"]' null \
    'd["resolution"]' null 'd["rating"]' null 'd["escalation"]' null \
    'd["priority"]' high 'd["category"]' billing 'd["owner"]' tester

TEST "reopen records an event and keeps the earlier close in the timeline"
ok open "Invoice"
ok close 1 --resolution "Cancelled" --rating 3
ok reopen 1 --reason "Came again"
ok close 1 --resolution "Cancelled for real"
ok reopen 1
run --json show 1
expect_rc 0
expect_json '[e["kind"] for e in d["events"]]' \
    '["opened", "closed", "reopened", "closed", "reopened"]' \
    'd["events"][1]["text"]' Cancelled 'd["events"][1]["data"]["rating"]' 3 \
    'd["events"][2]["text"]' "Came again" 'd["events"][2]["actor"]' tester \
    'd["events"][2]["data"]["previous_close_reason"]' resolved \
    'd["events"][4]["text"]' null
run show 1
expect_rc 0
expect_contains "$out" "tester: reopened"
expect_contains "$out" "Came again"
expect_not_contains "$out" "Closed:"

TEST "a reopened complaint shows in the default list again"
ok open "Invoice"
ok close 1
run list
expect_rc 0
expect_eq "$out" "No complaints match."
ok reopen 1
run --json list
expect_rc 0
expect_json '[c["id"] for c in d]' '[1]'

TEST "reopening an open or escalated complaint is a conflict (exit 4)"
ok open "Invoice"
ok open "Refund"
ok escalate 2 --to maria
snapshot
run reopen 1
expect_rc 4
expect_contains "$err" "not closed"
run --json reopen 2
expect_rc 4
expect_contains "$err" '"code":"conflict"'
expect_unchanged

TEST "reopen of an unknown complaint is not found (exit 3); a bad number is usage (exit 2)"
ok open "Invoice"
ok close 1
snapshot
run reopen 2
expect_rc 3
run reopen x1
expect_rc 2
run reopen
expect_rc 2
run reopen 1 --reason $'\xff'
expect_rc 2
expect_unchanged

finish
