# ombud close: resolution, reason, rating, and closing twice.
source "$(dirname "$0")/lib.sh" "$@"

TEST "close confirms with the reason, resolved by default"
ok open "Parcel arrived damaged"
run close 1
expect_rc 0
expect_eq "$out" "Closed #1 as resolved"
ok open "Invoice"
run close "#2" --reason rejected --rating 4 --resolution "Invoice was correct"
expect_rc 0
expect_eq "$out" "Closed #2 as rejected, rated 4/5"

TEST "close --json sets closed_at, close_reason, resolution and rating"
ok open "Parcel arrived damaged"
run --json close 1 --resolution "Sent a new one" --rating 5
expect_rc 0
expect_shape
expect_json 'd["status"]' closed 'd["close_reason"]' resolved \
    'd["resolution"]' "Sent a new one" 'd["rating"]' 5 'is_time(d["closed_at"])' true \
    'd["closed_at"] == d["updated_at"]' true 'ts(d["closed_at"]) >= ts(d["created_at"])' true

TEST "close without options leaves resolution and rating null"
ok open "Parcel arrived damaged"
run --json close 1
expect_rc 0
expect_json 'd["close_reason"]' resolved 'd["resolution"]' null 'd["rating"]' null \
    'is_time(d["closed_at"])' true

TEST "every close reason and rating is accepted and recorded in the event"
reasons=(resolved rejected duplicate withdrawn)
for i in 1 2 3 4; do
    ok open "Complaint $i"
    ok close "$i" --reason "${reasons[$((i - 1))]}" --rating "$i" --resolution "Resolution $i"
done
ok open "Complaint 5"
ok close 5 --rating 5
run --json list --status closed
expect_rc 0
expect_json 'sorted((c["id"], c["close_reason"], c["rating"]) for c in d)' \
    '[[1, "resolved", 1], [2, "rejected", 2], [3, "duplicate", 3], [4, "withdrawn", 4], [5, "resolved", 5]]'
ok --json history 2
expect_json 'd[-1]["kind"]' closed 'd[-1]["text"]' "Resolution 2" \
    'd[-1]["data"]["reason"]' rejected 'd[-1]["data"]["rating"]' 2

TEST "show has the close details"
ok open "Invoice"
ok close 1 --reason duplicate --rating 2 --resolution "Same as #7"
run show 1
expect_rc 0
expect_match "$out" 'Status: +closed'
expect_match "$out" 'Closed: +[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} \(just now\), duplicate, rated 2/5'
# The label and the value are separate words, like every other header field.
expect_match "$out" 'Resolution: +Same as #7'
expect_contains "$out" "tester: closed as duplicate, rated 2/5"

TEST "closing a closed complaint is a conflict (exit 4) and changes nothing"
ok open "Invoice"
ok close 1 --resolution "First"
snapshot
run close 1 --resolution "Second"
expect_rc 4
expect_contains "$err" "already closed"
run --json close 1
expect_rc 4
expect_contains "$err" '"code":"conflict"'
expect_unchanged
ok --json show 1
expect_json 'd["resolution"]' First

TEST "close refuses a bad rating or reason with exit 2 and stores nothing"
ok open "Invoice"
snapshot
for rating in 6 0 -1 abc 4.5; do
    run close 1 --rating "$rating"
    expect_rc 2
done
run close 1 --rating 6
expect_contains "$err" "rating"
run close 1 --reason happy
expect_rc 2
expect_contains "$err" "resolved, rejected, duplicate, withdrawn"
run close 1 --resolution $'\xc3\x28'
expect_rc 2
run close
expect_rc 2
run close 0
expect_rc 2
expect_unchanged
ok --json show 1
expect_json 'd["status"]' open

TEST "closing an unknown complaint is not found (exit 3)"
ok open "Invoice"
snapshot
run close 3
expect_rc 3
expect_contains "$err" "#3"
expect_unchanged

finish
