# ombud list: filters, order, overdue, the table's width, escaping, and bad filters.
source "$(dirname "$0")/lib.sh" "$@"

# Five complaints with different customers, owners, categories, priorities and states.
setup_five() {
    ok open "Damaged parcel" --customer "Jan de Vries" --email jan@example.nl \
        --category delivery --priority high --owner anna
    ok open "Wrong invoice" --customer "Piet Bakker" --category billing --priority low --owner bob
    ok open "Late delivery" --customer "jan de vries" --category delivery --owner anna
    ok open "Rude staff" --priority urgent --owner bob
    ok escalate 4 --to maria
    ok open "Closed one" --customer "Jan de Vries" --owner anna
    ok close 5
}

# list_ids ARGS…: runs `ombud --json list ARGS…` and checks the ids it returns, in order.
# The expected list is the last argument, e.g. list_ids --owner anna '[3, 1]'.
list_ids() {
    local want=${*: -1}
    run --json list "${@:1:$#-1}"
    expect_rc 0 && expect_json '[c["id"] for c in d]' "$want"
}

TEST "list on a missing database is empty and creates nothing"
run list
expect_rc 0
expect_eq "$out" "No complaints match."
run --json list
expect_rc 0
expect_eq "$out" "[]"
expect_no_file "$OMBUD_DB"

TEST "list --json prints an array of complete complaint objects"
setup_five
run --json list
expect_rc 0
expect_shape
expect_json 'len(d)' 4 'd[-1]["customer"]["email"]' jan@example.nl \
    'd[0]["escalation"]["to"]' maria 'd[0]["status"]' escalated

TEST "list hides closed complaints unless --all or --status asks for them"
setup_five
list_ids '[4, 3, 2, 1]'
list_ids --all '[5, 4, 3, 2, 1]'
list_ids --status closed '[5]'
list_ids --status escalated '[4]'
list_ids --status open,escalated '[4, 3, 2, 1]'
list_ids --status open --status closed '[5, 3, 2, 1]'

TEST "list filters by owner, category, priority and escalation"
setup_five
list_ids --owner anna '[3, 1]'
list_ids --owner anna --all '[5, 3, 1]'
list_ids --owner nobody-at-all '[]'
list_ids --category delivery '[3, 1]'
list_ids --category billing '[2]'
list_ids --priority high '[1]'
list_ids --priority urgent '[4]'
list_ids --priority normal --all '[5, 3]'
list_ids --escalated '[4]'
list_ids --owner anna --priority high '[1]'

TEST "list --customer matches by name (any case) and by e-mail"
setup_five
list_ids --customer "Jan de Vries" '[3, 1]'
list_ids --customer "JAN DE VRIES" '[3, 1]'
list_ids --customer jan@example.nl '[3, 1]'
list_ids --customer jan@example.nl --all '[5, 3, 1]'
list_ids --customer "Piet Bakker" '[2]'

TEST "list --customer of an unknown customer is not found (exit 3)"
setup_five
run list --customer "Klaas"
expect_rc 3
expect_contains "$err" "Klaas"
run --json list --customer nobody@example.nl
expect_rc 3
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"not_found"'

TEST "list --limit returns the newest N"
setup_five
list_ids --limit 2 '[4, 3]'
list_ids --limit 1 --all '[5]'
list_ids --limit 1000 '[4, 3, 2, 1]'

TEST "list puts the newest activity first"
ok open "First"
ok open "Second"
ok open "Third"
list_ids '[3, 2, 1]'
if have_faketime; then
    run_shifted +1h note 1 "Customer called again"
    expect_rc 0
    run_shifted +2h note 2 "Mailed"
    expect_rc 0
else
    sleep 1.1
    ok note 1 "Customer called again"
fi
if have_faketime; then
    list_ids '[2, 1, 3]'
else
    list_ids '[1, 3, 2]'
fi

TEST "list --overdue shows only open complaints past their own or their decision deadline"
# Without a policy the only deadlines are the ones given here; with one, the first answer of
# every complaint could fall due within the two days, depending on the time of day.
policy_off
ok open "Own deadline passed" --due 1d
ok open "Deadline ahead" --due 5d
ok open "No deadline"
ok open "Decision deadline passed"
ok escalate 4 --to maria --due 1d
ok open "Closed, deadline passed" --due 1d
ok close 5
list_ids --overdue '[]'
if have_faketime; then
    run_shifted +2d --json list --overdue
    expect_rc 0
    expect_json 'sorted(c["id"] for c in d)' '[1, 4]'
    run_shifted +2d list
    expect_rc 0
    expect_match "$out" '#1 [^#]*LATE [^#]*Own deadline passed'
    expect_match "$out" '#4 [^#]*LATE [^#]*Decision deadline passed'
    expect_no_match "$out" '#2 [^#]*LATE'
    expect_no_match "$out" '#3 [^#]*LATE'
    run_shifted +2d show 1
    expect_rc 0
    expect_match "$out" 'Due: +[0-9-]{10} [0-9:]{5} \([0-9]+h ago\) LATE'
    run_shifted +2d show 2
    expect_rc 0
    expect_not_contains "$out" "LATE"
else
    # Without faketime, move the deadlines into the past directly (complaints may be updated;
    # only events are append-only).
    sql "UPDATE complaints SET due = unixepoch() - 3600 WHERE id IN (1, 5);
         UPDATE complaints SET escalation_due = unixepoch() - 3600 WHERE id = 4;"
    run --json list --overdue
    expect_rc 0
    expect_json 'sorted(c["id"] for c in d)' '[1, 4]'
    run list
    expect_rc 0
    expect_match "$out" '#1 [^#]*LATE [^#]*Own deadline passed'
    expect_no_match "$out" '#2 [^#]*LATE'
fi

TEST "list --overdue counts a first answer not given in time"
# By the default policy a normal complaint is to be answered within one business day: at most
# three days on the clock (Friday evening to Monday's closing), so four days later it has passed.
# --due 30d keeps the resolution deadline out of the way.
ok open "Not answered" --due 30d
ok open "Answered" --due 30d
ok note 2 "We are looking into it" --channel email --direction out --visible
if have_faketime; then
    run_shifted +4d --json list --overdue
    expect_rc 0
    expect_json '[c["id"] for c in d]' '[1]' 'd[0]["next_deadline"]["kind"]' response
else
    SKIP "faketime is needed to move the clock"
fi

TEST "list prints a table with a header and one row per complaint"
# Without a policy the DUE column is "-", not a deadline that depends on the time of day.
policy_off
setup_five
run list
expect_rc 0
expect_match "$out" '^ID +STATUS +PRI +OWNER +CUSTOMER +ACTIVITY +DUE +TITLE'
expect_match "$out" $'\n#1 +open +high +anna +Jan de Vries +just now +- +Damaged parcel'
expect_match "$out" $'\n#4 +escalated +urgent +bob +- +'
expect_not_contains "$out" "Closed one"
expect_eq "$(printf '%s\n' "$out" | wc -l)" 5 "number of lines (header and four rows)"

TEST "the list table fits COLUMNS=60 and COLUMNS=120, CJK and emoji counted double"
ok open "日本語のタイトル、とても長い苦情の説明がここに続きます。日本語のタイトル" \
    --customer "山田太郎さんの長い名前" --owner "オーナーの名前がとても長い" --due 3d
ok open "📦📦📦 Parcel 📦 arrived damaged and the customer wants a full refund now" \
    --customer "Someone with a very long name indeed" --owner averyveryverylongownername
ok open "A fairly long english title that goes on and on and on and on and on and on"
for width in 60 120; do
    COLUMNS=$width run list
    expect_rc 0
    expect_fits "$OUT_FILE" "$width"
    expect_contains "$out" "日本語"
    expect_contains "$out" "…"
    expect_eq "$(printf '%s\n' "$out" | wc -l)" 4 "lines at COLUMNS=$width"
done
# Piped without COLUMNS, nothing is cut.
run list
expect_rc 0
expect_contains "$out" "日本語のタイトル、とても長い苦情の説明がここに続きます。日本語のタイトル"
expect_contains "$out" "A fairly long english title that goes on and on and on and on and on and on"

TEST "a title with an escape sequence is stored verbatim but listed escaped"
title=$'\e[31mred\e[0m \e]0;pwned\a title\rX'
ok open "$title" --customer $'Evil\e[2J Customer' --owner $'own\ber'
run list
expect_rc 0
expect_no_controls "$OUT_FILE"
expect_contains "$out" "red"
run list --all
expect_rc 0
expect_no_controls "$OUT_FILE"
run --json list
expect_rc 0
expect_json 'd[0]["title"]' "$title" 'd[0]["customer"]["name"]' $'Evil\e[2J Customer' \
    'd[0]["owner"]' $'own\ber'

TEST "list refuses bad filters with exit 2"
ok open "Something"
for args in "--status nope" "--status open,nope" "--priority huge" "--limit 0" "--limit abc" \
    "--limit -3" "--bogus"; do
    # shellcheck disable=SC2086 # split on purpose: option and value
    run list $args
    expect_rc 2
done
run list --status nope
expect_contains "$err" "open, escalated, waiting, closed"
run --json list --priority huge
expect_rc 2
expect_empty "$out" "stdout"
expect_contains "$err" '"code":"usage"'

finish
