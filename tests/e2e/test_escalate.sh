# ombud escalate: asking someone with the mandate for a decision, levels, deadlines, conflicts.
source "$(dirname "$0")/lib.sh" "$@"

TEST "escalate confirms with the person and the level"
# Without a policy, no decision deadline is set by default: the exact line is known.
policy_off
ok open "Refund above 200 euro"
run escalate 1 --to maria --reason "Refund above my mandate"
expect_rc 0
expect_eq "$out" "Escalated #1 to maria (level 1)"
run escalate "#1" --to boss --due 2d
expect_rc 0
expect_match "$out" '^Escalated #1 to boss \(level 2\), decision due [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$'

TEST "escalate --json sets status and the escalation object"
# No policy, so the complaint has no resolution deadline of its own: escalating must not set one.
policy_off
ok open "Refund above 200 euro"
run --json escalate 1 --to maria --reason "Refund above my mandate" --due 2d
expect_rc 0
expect_shape
expect_json 'd["status"]' escalated \
    'sorted(d["escalation"])' '["by", "due", "instead_of", "level", "reason", "since", "to"]' \
    'd["escalation"]["level"]' 1 'd["escalation"]["to"]' maria \
    'd["escalation"]["reason"]' "Refund above my mandate" \
    'ts(d["escalation"]["due"]) - ts(d["updated_at"])' $((2 * 86400)) \
    'd["escalation"]["since"] == d["updated_at"]' true 'd["escalation"]["by"]' tester \
    'd["escalation"]["instead_of"]' null \
    'd["owner"]' tester 'd["due"]' null

TEST "an escalation without reason or due has them null"
# Without a policy there is no default decision deadline (sla.*.decide is none).
policy_off
ok open "Refund"
run --json escalate 1 --to maria
expect_rc 0
# since is the time of the escalation, so it is compared, not spelled out.
expect_json '{k: v for k, v in d["escalation"].items() if k != "since"}' \
    '{"level": 1, "to": "maria", "reason": null, "due": null, "by": "tester", "instead_of": null}' \
    'd["escalation"]["since"] == d["updated_at"]' true

TEST "by default an escalation gets its decision deadline from the policy"
ok open "Refund" --priority high
run escalate 1 --to maria
expect_rc 0
expect_match "$out" '^Escalated #1 to maria \(level 1\), decision due [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}$'
# maria is not on the team yet: said once, on stderr.
expect_contains "$err" "maria is new to the team"
run --json escalate 1 --to boss
expect_rc 0
expect_json 'is_time(d["escalation"]["due"])' true \
    'ts(d["escalation"]["due"]) > ts(d["escalation"]["since"])' true
ok --json history 1
expect_json 'd[1]["data"]["due"] is not None' true 'd[2]["data"]["due"] is not None' true

TEST "escalating twice goes to level 2 and the event records from and to"
# Without a policy, an escalation without --due has no decision deadline.
policy_off
ok open "Refund"
ok escalate 1 --to maria --reason "Above my mandate"
run --json escalate 1 --to director --reason "Maria is on holiday"
expect_rc 0
expect_json 'd["escalation"]["level"]' 2 'd["escalation"]["to"]' director \
    'd["escalation"]["reason"]' "Maria is on holiday" 'd["escalation"]["due"]' null
ok --json history 1
expect_json '[e["kind"] for e in d]' '["opened", "escalated", "escalated"]' \
    'd[1]["text"]' "Above my mandate" 'd[1]["data"]["to"]' maria 'd[1]["data"]["level"]' 1 \
    'd[1]["data"]["from"]' null \
    'd[2]["data"]["to"]' director 'd[2]["data"]["level"]' 2 'd[2]["data"]["from"]' maria

TEST "show describes an escalation"
ok open "Refund"
ok escalate 1 --to maria --due 3d
run show 1
expect_rc 0
expect_match "$out" 'Status: +escalated, level 1 to maria since [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}, decision due [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \(in [23]d\)'
expect_match "$out" 'tester: escalated to maria \(level 1\), decision due [0-9-]{10} [0-9:]{5}'

TEST "closing clears the escalation"
ok open "Refund"
ok escalate 1 --to maria
run --json close 1
expect_rc 0
expect_json 'd["escalation"]' null 'd["status"]' closed

TEST "escalating a closed complaint is a conflict (exit 4) and changes nothing"
ok open "Refund"
ok close 1
snapshot
run escalate 1 --to maria
expect_rc 4
expect_contains "$err" "closed"
run --json escalate 1 --to maria
expect_rc 4
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"conflict"'
expect_unchanged

TEST "escalate refuses bad input with exit 2 and stores nothing"
ok open "Refund"
snapshot
run escalate 1
expect_rc 2
expect_contains "$err" "--to"
run escalate --to maria
expect_rc 2
run escalate 1 --to maria --due 2020-01-01
expect_rc 2
expect_contains "$err" "past"
run escalate 1 --to maria --due never
expect_rc 2
run escalate abc --to maria
expect_rc 2
run escalate 1 --to "   "
expect_rc 2
expect_unchanged

TEST "escalating an unknown complaint is not found (exit 3)"
ok open "Refund"
snapshot
run escalate 2 --to maria
expect_rc 3
expect_contains "$err" "#2"
expect_unchanged

finish
