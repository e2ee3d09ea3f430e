# Global options: --as, --db and their fallbacks, --json, --color, --version/--help, placement
# after the subcommand, local time, and where the database file is created.
source "$(dirname "$0")/lib.sh" "$@"

TEST "--as beats OMBUD_USER, which beats the login name"
login=$(id -un)
ok --as alice open "By alice"
OMBUD_USER=carol ok --as bob note 1 "By bob"
OMBUD_USER=carol ok note 1 "By carol"
(unset OMBUD_USER && "$OMBUD" note 1 "By the login name" </dev/null >/dev/null 2>&1) ||
    _fail "note without --as and OMBUD_USER failed"
OMBUD_USER="" ok note 1 "Empty OMBUD_USER counts as unset"
run --json history 1
expect_rc 0
expect_json '[e["actor"] for e in d]' "[\"alice\", \"bob\", \"carol\", \"$login\", \"$login\"]"
run --json show 1
expect_json 'd["owner"]' alice

TEST "--db beats OMBUD_DB, which beats XDG_DATA_HOME, which beats ~/.local/share"
export XDG_DATA_HOME="$T/xdg"
ok --db "$T/flag/given.db" open "Via --db"
expect_file_exists "$T/flag/given.db"
expect_no_file "$OMBUD_DB"
expect_no_file "$XDG_DATA_HOME/ombud/ombud.db"
ok open "Via OMBUD_DB"
expect_file_exists "$OMBUD_DB"
expect_no_file "$XDG_DATA_HOME/ombud/ombud.db"
unset OMBUD_DB
ok open "Via XDG_DATA_HOME"
expect_file_exists "$XDG_DATA_HOME/ombud/ombud.db"
expect_no_file "$HOME/.local/share/ombud/ombud.db"
unset XDG_DATA_HOME
ok open "Via HOME"
expect_file_exists "$HOME/.local/share/ombud/ombud.db"
for db in "$T/flag/given.db" "$T/ombud.db" "$T/xdg/ombud/ombud.db" \
    "$HOME/.local/share/ombud/ombud.db"; do
    run --json --db "$db" list
    expect_rc 0
    expect_json 'len(d)' 1
done
run --json --db "$T/xdg/ombud/ombud.db" list
expect_json 'd[0]["title"]' "Via XDG_DATA_HOME"
run --json --db "$HOME/.local/share/ombud/ombud.db" list
expect_json 'd[0]["title"]' "Via HOME"
export OMBUD_DB="$T/ombud.db"

TEST "the database is created with its folders, private to its owner (0600)"
(umask 022 && "$OMBUD" --db "$T/a/b/c/ombud.db" open "Deep" </dev/null >/dev/null 2>&1)
expect_file_exists "$T/a/b/c/ombud.db"
expect_eq "$(stat -c %a "$T/a/b/c/ombud.db" 2>/dev/null)" 600 "file mode"
export XDG_DATA_HOME="$T/xdg"
(unset OMBUD_DB && umask 000 && "$OMBUD" open "Default place" </dev/null >/dev/null 2>&1)
expect_eq "$(stat -c %a "$T/xdg/ombud/ombud.db" 2>/dev/null)" 600 "file mode under umask 000"
unset XDG_DATA_HOME

TEST "read commands on a missing database create neither file nor folder"
export XDG_DATA_HOME="$T/xdg"
(
    unset OMBUD_DB
    for args in "list" "history" "show 1" "list --all" "history 1"; do
        # shellcheck disable=SC2086 # split on purpose
        "$OMBUD" $args </dev/null >/dev/null 2>&1
        # shellcheck disable=SC2086
        "$OMBUD" --json $args </dev/null >/dev/null 2>&1
    done
)
expect_no_file "$T/xdg/ombud"
unset XDG_DATA_HOME
(
    unset OMBUD_DB
    "$OMBUD" list </dev/null >/dev/null 2>&1
    "$OMBUD" history </dev/null >/dev/null 2>&1
    "$OMBUD" show 3 </dev/null >/dev/null 2>&1
)
expect_no_file "$HOME/.local/share/ombud"
run list
expect_rc 0
run show 1
expect_rc 3
run --db "$T/sub/dir/x.db" history
expect_rc 0
expect_no_file "$OMBUD_DB"
expect_no_file "$T/sub"

TEST "a write that fails on a missing database creates neither file nor folder"
export OMBUD_DB="$T/new/ombud.db"
for args in "note 1 text" "close 1" "reopen 1" "escalate 1 --to maria" \
    "assign 1 maria --reason x"; do
    # shellcheck disable=SC2086 # split on purpose
    run $args
    expect_rc 3
    expect_no_file "$T/new"
    rm -rf "$T/new"
done
export OMBUD_DB="$T/ombud.db"

TEST "global options are accepted after the subcommand"
ok open "Before" --as bob --db "$T/other.db"
expect_file_exists "$T/other.db"
expect_no_file "$OMBUD_DB"
run list --json --db "$T/other.db"
expect_rc 0
expect_json '[c["title"] for c in d]' '["Before"]' 'd[0]["owner"]' bob
run show 1 --db "$T/other.db" --json
expect_rc 0
expect_json 'd["events"][0]["actor"]' bob
run list --db "$T/other.db" --color always
expect_rc 0
expect_contains "$out" $'\e['
run note 1 "late option" --db "$T/other.db" --as carol --json
expect_rc 0
expect_json 'd["id"]' 1

TEST "--color always colours, never and piped auto and NO_COLOR do not"
ok open "Colourful" --priority urgent
ok escalate 1 --to maria
for cmd in "list" "show 1" "history"; do
    # shellcheck disable=SC2086 # split on purpose
    run --color always $cmd
    expect_rc 0
    expect_contains "$out" $'\e['
    # shellcheck disable=SC2086
    run --color never $cmd
    expect_rc 0
    expect_not_contains "$out" $'\e'
    # shellcheck disable=SC2086
    run $cmd
    expect_rc 0
    expect_not_contains "$out" $'\e'
    # shellcheck disable=SC2086
    NO_COLOR=1 run --color auto $cmd
    expect_rc 0
    expect_not_contains "$out" $'\e'
done
run --json --color always list
expect_rc 0
expect_not_contains "$out" $'\e'
expect_json 'd[0]["title"]' Colourful
run --color purple list
expect_rc 2
expect_contains "$err" "purple"

TEST "--color auto colours on a terminal unless NO_COLOR is set"
if ! command -v script >/dev/null 2>&1 || ! script -qec true /dev/null >/dev/null 2>&1; then
    SKIP "script(1) is needed for a pseudo-terminal"
else
    ok open "On a terminal"
    script -qec "$(printf '%q' "$OMBUD") list" /dev/null </dev/null >"$T/tty.out" 2>&1
    expect_contains "$(cat "$T/tty.out")" $'\e['
    expect_contains "$(cat "$T/tty.out")" "On a terminal"
    NO_COLOR=1 script -qec "$(printf '%q' "$OMBUD") list" /dev/null </dev/null >"$T/tty.out" 2>&1
    expect_not_contains "$(cat "$T/tty.out")" $'\e['
    expect_contains "$(cat "$T/tty.out")" "On a terminal"
fi

TEST "--version and --help"
run --version
expect_rc 0
expect_match "$out" '^ombud [0-9]+\.[0-9]+\.[0-9]+'
run --help
expect_rc 0
for cmd in open note escalate close history list show reopen assign; do
    expect_match "$out" $'\n  '"$cmd"' '
done
for opt in --db --as --json --color --version; do
    expect_contains "$out" "$opt"
done
run list --help
expect_rc 0
expect_contains "$out" "--overdue"
# A command line that names a command sets up only that one: its help is the command's, and
# `ombud help` still shows every command.
run --help list
expect_rc 0
expect_contains "$out" "--overdue"
run --db "$T/x.db" list -h
expect_rc 0
expect_contains "$out" "--overdue"
run help
expect_rc 0
for cmd in open note list search team; do
    expect_match "$out" $'\n  '"$cmd"' '
done
# Options of the command and the global ones are still known, and mistakes still suggested.
run list --ownr anna
expect_rc 2
expect_contains "$err" "did you mean \`--owner\`?"
run list --jsn
expect_rc 2
expect_contains "$err" "did you mean \`--json\`?"
run lsit
expect_rc 2
expect_contains "$err" "did you mean \`list\`?"
# A value of a global option that is a command's name is no command.
run --as list --db "$T/x.db" list --json
expect_rc 0
expect_eq "$out" "[]" "list with --as list"

TEST "ombud help COMMAND prints the same as COMMAND --help"
for cmd in open note list assign; do
    run "$cmd" --help
    expect_rc 0
    help_flag=$out
    run help "$cmd"
    expect_rc 0
    expect_eq "$out" "$help_flag" "ombud help $cmd"
done
run help nonsense
expect_rc 2

TEST "a failed write to stdout is exit 1"
ok open "Something"
if [ ! -w /dev/full ]; then
    SKIP "no /dev/full"
else
    run_to_full list
    expect_rc 1
    run_to_full --json show 1
    expect_rc 1
    run_to_full history 1
    expect_rc 1
    run_to_full --version
    expect_rc 1
    run_to_full --help
    expect_rc 1
fi

TEST "times are stored in UTC and shown in local time"
if [ ! -e /usr/share/zoneinfo/Europe/Amsterdam ]; then
    SKIP "no time zone data"
else
    TZ=Europe/Amsterdam run --json open "Summer" --due 2099-07-01T17:00
    expect_rc 0
    expect_json 'd["due"]' 2099-07-01T15:00:00Z
    TZ=Europe/Amsterdam run --json open "Winter" --due 2099-12-01T17:00
    expect_rc 0
    expect_json 'd["due"]' 2099-12-01T16:00:00Z
    TZ=Europe/Amsterdam run show 1
    expect_rc 0
    expect_match "$out" 'Due: +2099-07-01 17:00'
    run show 1
    expect_rc 0
    expect_match "$out" 'Due: +2099-07-01 15:00'
    TZ=Asia/Tokyo run --json show 2
    expect_json 'd["due"]' 2099-12-01T16:00:00Z
    # A date alone is that day in local time.
    TZ=Asia/Tokyo run --json open "Tokyo" --due 2099-03-10
    expect_rc 0
    expect_json 'd["due"][:10] in ("2099-03-09", "2099-03-10")' true \
        'd["due"] < "2099-03-10T15:00:00Z"' true
fi

TEST "--json errors are one JSON object on stderr, stdout empty"
ok open "Something"
run --json show 9
expect_rc 3
expect_empty "$out" "stdout"
printf '%s' "$err" >"$T/err.json"
OUT_FILE="$T/err.json" expect_json 'list(d)' '["error"]' 'd["error"]["code"]' not_found \
    'isinstance(d["error"]["message"], str) and "#9" in d["error"]["message"]' true
for args in "lsit" "list --bogus" "close 1 --rating 9"; do
    # shellcheck disable=SC2086 # split on purpose
    run --json $args
    expect_rc 2
    expect_empty "$out" "stdout"
    printf '%s' "$err" >"$T/err.json"
    OUT_FILE="$T/err.json" expect_json 'd["error"]["code"]' usage \
        'len(d["error"]["message"]) > 0' true
done
run show 9
expect_rc 3
expect_match "$err" '^ombud: error: '
expect_not_contains "$err" '{"error"'

finish
