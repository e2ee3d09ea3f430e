# ombud never waits for a person: with stdin not a terminal (/dev/null, a pipe that is closed,
# no stdin at all, a pipe that stays open and silent) every command finishes, within seconds,
# with its documented exit code. Commands that take text from stdin read to its end; an empty
# input is a usage error. A hang shows as exit code 124 (timeout).
source "$(dirname "$0")/lib.sh" "$@"

if ! command -v timeout >/dev/null 2>&1; then
    echo "$SUITE: skipped: timeout (coreutils) is needed"
    SUITE_FINISHED=1
    exit 125
fi

# The database every command starts from: #1 open with a customer, #2 escalated to maria, #3
# closed, #4 waiting, #5 due within the hour (so `check` has something to say: exit 10); no
# service policy, so nothing else depends on the time of day.
TEMPLATE=$E2E_TMP/template.db
make_template() {
    policy_off || return 1
    local step
    while IFS= read -r step; do
        eval "set -- $step"
        "$OMBUD" "$@" </dev/null >/dev/null 2>&1 || {
            echo "setting up: ombud $step failed"
            return 1
        }
    done <<'STEPS'
open Parcel --customer "Jan de Vries" --email jan@example.nl
open Second
escalate 2 --to maria --reason Refund
open Third
close 3
open Fourth
wait 4
open Fifth --due 1h
team add bob
STEPS
    cp "$OMBUD_DB" "$TEMPLATE"
}

# finishes MODE EXPECTED ARGS…: ombud ARGS… on a fresh copy of the template, with stdin as MODE
# says, exits EXPECTED within 5 seconds.
#   null    stdin from /dev/null
#   eof     stdin a pipe whose writer has already gone (`: | ombud …`)
#   closed  no stdin at all (file descriptor 0 closed)
#   silent  a pipe that stays open and never says anything: only for commands that do not read
#           stdin, which must not touch it
finishes() {
    local mode=$1 expected=$2
    shift 2
    cp "$TEMPLATE" "$OMBUD_DB"
    rm -f "$OMBUD_DB-wal" "$OMBUD_DB-shm" "$T"/backup*.db "$T/new.db"
    _quote_cmd "$OMBUD" "$@"
    case $mode in
    null)
        LAST_CMD="$LAST_CMD </dev/null"
        timeout -k 2 5 "$OMBUD" "$@" </dev/null >"$OUT_FILE" 2>"$ERR_FILE"
        rc=$?
        ;;
    eof)
        LAST_CMD=": | $LAST_CMD"
        : | timeout -k 2 5 "$OMBUD" "$@" >"$OUT_FILE" 2>"$ERR_FILE"
        rc=$?
        ;;
    closed)
        LAST_CMD="$LAST_CMD <&-"
        timeout -k 2 5 "$OMBUD" "$@" <&- >"$OUT_FILE" 2>"$ERR_FILE"
        rc=$?
        ;;
    silent)
        LAST_CMD="$LAST_CMD <(a pipe that stays open)"
        timeout -k 2 5 "$OMBUD" "$@" <"$T/silent.fifo" >"$OUT_FILE" 2>"$ERR_FILE"
        rc=$?
        ;;
    esac
    _slurp out "$OUT_FILE"
    _slurp err "$ERR_FILE"
    if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
        _fail "it waited: killed after 5 seconds"
    else
        expect_rc "$expected"
    fi
}

# Every command, and what it exits with on the template. The ones marked `stdin` read text from
# stdin and get no `silent` run: waiting for piped text that has not come yet is right.
COMMANDS=$(
    cat <<'COMMANDS'
0 - open New
0 - open New --customer "Jan de Vries" --channel phone --due 3d
2 - open
2 stdin open New --note -
2 stdin open --from-json -
0 - note 1 Called --channel phone --direction out
2 stdin note 1
2 stdin note 1 -
0 - escalate 1 --to bob --reason "Above my limit"
0 - decide 2 Approved
2 stdin decide 2
2 stdin decide 2 -
4 - decide 1 Approved
0 - wait 1 --until 3d
0 - resume 4
0 - close 1 --resolution Done --rating 5
4 - close 3
0 - reopen 3 --reason Again
0 - assign 1 bob --reason "Bob knows"
2 - assign 1 bob
0 - list
0 - list --all --format csv
0 - show 1
3 - show 99
0 - history
0 - history 1 --json
0 - search parcel
10 - check
10 - check --act --json
0 - team
0 - team list
0 - team add zed
0 - team away bob --until 2099-01-01
4 - team back bob
0 - config
0 - config get hours
0 - config set hours "mon-fri 08:00-18:00"
0 - config unset hours
0 - holiday
0 - holiday add 2026-12-25 --name Christmas
0 - export
2 stdin --db new.db import -
4 stdin import -
3 - import missing.ndjson
0 - db check
0 - db backup backup.db
0 - db share
0 - schema
0 - schema complaint
2 - schema complain
0 - help
0 - help open
0 -
0 - --help
0 - --version
2 - frobnicate
0 - __complete open
COMMANDS
)

TEST "the template database"
make_template || _fail "could not make the template"
[ -e "$TEMPLATE" ] || finish

for mode in null eof closed silent; do
    TEST "stdin $mode: every command finishes with its exit code"
    mkfifo "$T/silent.fifo"
    # Held open for reading and writing, so opening it never blocks and reading it always would.
    exec 8<>"$T/silent.fifo"
    while read -r expected reads args; do
        [ "$mode" = silent ] && [ "$reads" = stdin ] && continue
        eval "set -- $args"
        finishes "$mode" "$expected" "$@"
    done <<<"$COMMANDS"
    exec 8>&-
done

TEST "commands that read stdin say what was empty"
cp "$TEMPLATE" "$OMBUD_DB"
run note 1
expect_rc 2
expect_contains "$err" "the note is empty"
run decide 2
expect_rc 2
expect_contains "$err" "the decision is empty"
run open --from-json -
expect_rc 2
expect_contains "$err" "no complaints in the input"
run --db "$T/new.db" import -
expect_rc 2
expect_contains "$err" "the input is empty"

TEST "piped text is read to its end, also without a trailing newline"
cp "$TEMPLATE" "$OMBUD_DB"
run_stdin "The customer called" note 1
expect_rc 0
expect_eq "$(sql 'SELECT text FROM events ORDER BY id DESC LIMIT 1')" "The customer called"
run_stdin "Approved by phone" decide 2
expect_rc 0

finish
