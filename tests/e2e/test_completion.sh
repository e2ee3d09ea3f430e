# The shell completions: bash completes commands, options and their values, and it offers every
# command and option the binary has, so the two cannot drift apart. All three scripts (bash, zsh,
# fish) complete live values (complaint numbers, people, customers, categories) from
# `ombud __complete`, reading the database a --db on the line names.
#
# What runs where:
#   bash  COMPREPLY of _ombud with COMP_WORDS set by hand, against real databases made with the
#         binary; plus an interactive bash on a pseudo-terminal (Python's pty) to see what
#         readline really inserts for a customer name with a space.
#   fish  `complete -C LINE` (skipped when fish is not installed).
#   zsh   the script loads under compinit without errors, and an interactive zsh on a
#         pseudo-terminal completes commands and live values, and lists descriptions (skipped
#         when zsh is not installed).
source "$(dirname "$0")/lib.sh" "$@"

ROOT=$(cd "$E2E_DIR/../.." && pwd)
SCRIPT=$ROOT/completions/ombud.bash

if ! complete -p >/dev/null 2>&1; then
    echo "$SUITE: skipped: this bash has no programmable completion"
    SUITE_FINISHED=1
    exit 125
fi

# complete_line LINE: the candidates for LINE as if <TAB> were pressed at its end (a trailing
# space starts a new, empty word), sorted, one space apart.
complete_line() {
    local line=$1
    read -r -a COMP_WORDS <<<"$line"
    [[ $line == *" " ]] && COMP_WORDS+=("")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE=$line
    COMP_POINT=${#line}
    COMPREPLY=()
    _ombud ombud "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
    [ ${#COMPREPLY[@]} -gt 0 ] && printf '%s\n' "${COMPREPLY[@]}" | sort | paste -sd ' ' -
}

# expect_completion LINE CANDIDATES: <TAB> after LINE offers exactly CANDIDATES.
expect_completion() {
    LAST_CMD="ombud completion of \"$1<TAB>\""
    expect_eq "$(complete_line "$1")" "$2" "candidates for \"$1<TAB>\""
}

# help_commands / help_options: the commands and the long options in the help text in $out.
help_commands() {
    awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' \
        <<<"$out"
}
help_options() {
    awk '/^Options:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  -/ { print $1 }' <<<"$out" |
        tr ',' '\n' | sed 's/[ =].*//' | grep -E '^--'
}

# missing_from CANDIDATES WORD…: the WORDs that are not among CANDIDATES.
missing_from() {
    local all=" $1 " word missing=""
    shift
    for word in "$@"; do
        [[ $all == *" $word "* ]] || missing+=" $word"
    done
    printf '%s' "$missing"
}

# A group that exists, for `ombud db share --group`: gid 0's, root (wheel on BSDs).
ROOT_GROUP=$(id -gn root 2>/dev/null) || ROOT_GROUP=root

TEST "the script loads and registers _ombud for ombud"
# shellcheck disable=SC1090,SC1091 # the path is computed at run time
LAST_CMD="source $SCRIPT"
source "$SCRIPT"
rc=$?
expect_rc 0
expect_contains "$(complete -p ombud 2>&1)" "-F _ombud"

TEST "command names"
expect_completion "ombud o" "open"
expect_completion "ombud sh" "show"
expect_completion "ombud s" "schema search show"
expect_completion "ombud sc" "schema"
expect_completion "ombud help sc" "schema"
expect_completion "ombud re" "reopen resume"
expect_completion "ombud --json c" "check close config"
expect_completion "ombud --db x.db li" "list"
expect_completion "ombud --color never h" "help history holiday"
expect_completion "ombud help sh" "show"
expect_completion "ombud show 1 x" ""

TEST "options of a command"
expect_completion "ombud close --re" "--reason --resolution"
expect_completion "ombud close 1 --ra" "--rating"
expect_completion "ombud note 1 --v" "--visible"
expect_completion "ombud list --o" "--overdue --owner"
expect_completion "ombud --db x.db assign 1 bob --r" "--reason"
expect_completion "ombud show 1 --j" "--json"
expect_completion "ombud --v" "--version"

TEST "values of options with a fixed set of values"
expect_completion "ombud open --priority " "high low normal urgent"
expect_completion "ombud open x --priority u" "urgent"
expect_completion "ombud list --priority " "high low normal urgent"
expect_completion "ombud list --status " "closed escalated open waiting"
expect_completion "ombud list --status open,e" "open,escalated"
expect_completion "ombud open x --channel " "chat email in-person letter other phone social web"
expect_completion "ombud note 1 --channel in" "in-person"
expect_completion "ombud note 1 --direction " "in out"
expect_completion "ombud close 1 --reason " "duplicate rejected resolved withdrawn"
expect_completion "ombud close 1 --rating " "1 2 3 4 5"
expect_completion "ombud --color " "always auto never"
expect_completion "ombud list --color a" "always auto"
expect_completion "ombud --format " "csv human json ndjson"
expect_completion "ombud list --format n" "ndjson"
expect_completion "ombud --format csv h" "help history holiday"
expect_completion "ombud --format csv show 1 --f" "--format"
expect_completion "ombud import --csv x.csv --dates " "dmy mdy"
expect_completion "ombud import --delimiter " "comma semicolon tab"
expect_completion "ombud import --d" "--dates --db --delimiter --dry-run"

TEST "free-text values complete nothing (and live values nothing without a database)"
expect_completion "ombud escalate 1 --reason " ""
expect_completion "ombud reopen 1 --reason " ""
expect_completion "ombud open --customer " ""
expect_completion "ombud escalate 1 --to " ""
expect_completion "ombud history --since " ""
expect_completion "ombud list --since " ""
expect_completion "ombud import --csv --map " ""

TEST "--db completes file names"
touch "$T/shop.db" "$T/shed.txt" "$T/other.db"
expect_completion "ombud --db $T/sh" "$T/shed.txt $T/shop.db"
expect_completion "ombud list --db $T/o" "$T/other.db"
# The file of an import, also after the options of a CSV import and their values.
expect_completion "ombud import $T/sh" "$T/shed.txt $T/shop.db"
expect_completion "ombud import --csv --map Klant=customer --dates dmy $T/sh" "$T/shed.txt $T/shop.db"

TEST "db: its commands, their options, a new file for backup, groups for --group"
expect_completion "ombud db " "backup check share"
expect_completion "ombud --json db --db x.db s" "share"
expect_completion "ombud help d" "db decide"
expect_completion "ombud db check " ""
expect_completion "ombud db share --" "--as --color --db --format --group --help --json"
expect_completion "ombud db backup --g" ""
touch "$T/shop.db" "$T/shed.txt"
expect_completion "ombud db backup $T/sh" "$T/shed.txt $T/shop.db"
expect_completion "ombud db backup x.db " ""
expect_completion "ombud db share --group " "$(compgen -g | sort | paste -sd ' ' -)"
expect_contains " $(complete_line "ombud db share --group ${ROOT_GROUP:0:2}") " " $ROOT_GROUP "
expect_completion "ombud db share --group $ROOT_GROUP " ""

TEST "--status=VALUE, which bash splits at the ="
COMP_WORDS=(ombud list --status "=" e)
COMP_CWORD=4
COMPREPLY=()
_ombud ombud e "="
expect_eq "${COMPREPLY[*]}" "escalated" "candidates for \"ombud list --status=e<TAB>\""

TEST "every command of \`ombud --help\` is offered"
ok --help
mapfile -t commands < <(help_commands)
expect_ne "${#commands[@]}" 0 "number of commands in \`ombud --help\`"
expect_empty "$(missing_from "$(complete_line "ombud ")" "${commands[@]}")" \
    "commands not offered after \"ombud <TAB>\""

TEST "every global option of \`ombud --help\` is offered"
ok --help
mapfile -t opts < <(help_options)
expect_contains "${opts[*]}" "--db"
expect_empty "$(missing_from "$(complete_line "ombud --")" "${opts[@]}")" \
    "options not offered after \"ombud --<TAB>\""

# expect_options_offered WORD…: every option in `ombud WORD… --help` is offered after
# `ombud WORD… --`. A command with commands of its own (db) lists them in its help: exactly those
# are offered after `ombud WORD… `, and each is checked the same way.
expect_options_offered() {
    local words=$* sub opts subs
    ok "$@" --help
    mapfile -t opts < <(help_options)
    mapfile -t subs < <(help_commands)
    expect_contains "${opts[*]}" "--help"
    expect_empty "$(missing_from "$(complete_line "ombud $words --")" "${opts[@]}")" \
        "options not offered after \"ombud $words --<TAB>\""
    [ ${#subs[@]} -gt 0 ] || return 0
    expect_eq "$(complete_line "ombud $words ")" \
        "$(printf '%s\n' "${subs[@]}" | sort | paste -sd ' ' -)" \
        "candidates for \"ombud $words <TAB>\" (the commands in its help)"
    for sub in "${subs[@]}"; do
        expect_options_offered "$@" "$sub"
    done
}

for cmd in "${commands[@]}"; do
    TEST "every option of \`ombud $cmd --help\` is offered after \`ombud $cmd --\` (so for its commands)"
    expect_options_offered "$cmd"
done

# ---------------------------------------------------------------------------------------------
# Live values from `ombud __complete`, against real databases.

# The scripts run `ombud` from PATH, as they would for a user.
mkdir -p "$E2E_TMP/bin"
ln -s "$OMBUD" "$E2E_TMP/bin/ombud"
export PATH="$E2E_TMP/bin:$PATH"
FIXTURE=$E2E_TMP/fixture.db # #1 and #3 open, #2 closed
OTHER=$E2E_TMP/other.db     # only #1, owned by zed

# complete_words WORD…: <TAB> with COMP_WORDS set to exactly the WORDs, as bash splits the line
# (quotes and backslashes kept; the last WORD is the one being completed, "" for a new one).
# Sets $out to the COMPREPLY entries, sorted, one a line, and $err to the completion's stderr.
complete_words() {
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    COMP_LINE="$*"
    COMP_POINT=${#COMP_LINE}
    COMPREPLY=()
    _quote_cmd "$@"
    LAST_CMD="bash completion of:$LAST_CMD<TAB>"
    rc=""
    _ombud ombud "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}" 2>"$ERR_FILE"
    out=""
    if [ ${#COMPREPLY[@]} -gt 0 ]; then
        out=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
    fi
    _slurp err "$ERR_FILE"
}

# expect_words WORD… -- EXPECTED: complete_words WORD… offers exactly EXPECTED (lines) and
# writes nothing to stderr.
expect_words() {
    local words=()
    while [ "$1" != -- ]; do
        words+=("$1")
        shift
    done
    complete_words "${words[@]}"
    expect_eq "$out" "$2" "candidates"
    expect_empty "$err" "stderr of the completion"
}

nl=$'\n'
TAB=$'\t'

TEST "live values: the databases to complete from"
export OMBUD_DB=$FIXTURE
ok open "Parcel damaged" --customer "Jan de Vries" --email jan@example.com --owner bob \
    --category shipping
ok open "Invoice wrong" --customer "Janet Smith" --phone 0612 --owner alice --category billing
ok open "Rude driver" --customer Piet --owner carol --category "Post & parcels"
ok close 2 --resolution "Credit note sent"
ok escalate 3 --to maria --reason "Compensation?"
ok --db "$OTHER" open "Other database" --customer "Olga" --owner zed
run __complete open
expect_eq "$out" "3${TAB}Rude driver${nl}1${TAB}Parcel damaged" "ombud __complete open"

TEST "bash: the ID of note, escalate, close and assign is an open complaint"
export OMBUD_DB=$FIXTURE
# Option values before it are no arguments, also as `--opt = value` (bash splits at the =).
expect_words ombud close "" -- "1${nl}3"
expect_words ombud note --channel phone "" -- "1${nl}3"
expect_words ombud escalate --due = tomorrow "" -- "1${nl}3"
expect_words ombud --json assign --reason x 3 -- "3"
# Only the first argument is a number.
expect_words ombud close 1 "" -- ""
expect_words ombud note 1 "" -- ""

TEST "bash: the ID of reopen is a closed complaint, of show and history any"
export OMBUD_DB=$FIXTURE
expect_words ombud reopen "" -- "2"
expect_words ombud show "" -- "1${nl}2${nl}3"
expect_words ombud history --actor bob "" -- "1${nl}2${nl}3"

TEST "bash: people for --owner, --to, --actor, --as and the new owner of assign"
export OMBUD_DB=$FIXTURE
# The team (alice joined it as an owner; her complaint is closed) and whoever acted lately.
people="alice${nl}bob${nl}carol${nl}maria${nl}tester"
expect_words ombud list --owner "" -- "$people"
expect_words ombud escalate 1 --to "" -- "$people"
expect_words ombud --as "" -- "$people"
expect_words ombud assign --reason = "Holiday" 1 c -- "carol"
# --owner=c, which bash splits at the =.
expect_words ombud open x --owner = c -- "carol"
expect_words ombud assign 1 bob "" -- ""
# search: the same values as list; nothing for the words it looks for.
expect_words ombud search parcel --owner "" -- "$people"
expect_words ombud search --status "" -- "closed${nl}escalated${nl}open${nl}waiting"
expect_words ombud search "" -- ""

TEST "bash: customer names with spaces are inserted as one word"
export OMBUD_DB=$FIXTURE
expect_words ombud list --customer Jan -- 'Jan\ de\ Vries'"${nl}"'Janet\ Smith'
# As the shell reads what is inserted: one word each.
inserted=()
eval "inserted=($out)"
expect_eq "${#inserted[@]}:${inserted[0]:-}|${inserted[1]:-}" "2:Jan de Vries|Janet Smith" \
    "words of the inserted texts"
# Typed with a backslash, after an =, or in an opened quote (readline closes the quote).
expect_words ombud list --customer 'Jan\ d' -- 'Jan\ de\ Vries'
expect_words ombud history --customer = 'Jan\ d' -- 'Jan\ de\ Vries'
expect_words ombud list --customer '"Jan d' -- 'Jan de Vries'
expect_words ombud open x --customer "'Jan d" -- 'Jan de Vries'

TEST "bash: categories, quoted for the shell"
export OMBUD_DB=$FIXTURE
expect_words ombud list --category "" -- 'Post\ \&\ parcels'"${nl}billing${nl}shipping"
expect_words ombud open x --category s -- "shipping"

TEST "bash: a --db on the line is the database completion reads"
export OMBUD_DB=$FIXTURE
expect_words ombud --db "$OTHER" show "" -- "1"
expect_words ombud --db = "$OTHER" close "" -- "1"
expect_words ombud "--db=$OTHER" close "" -- "1"
expect_words ombud assign --db "$OTHER" 1 "" -- "tester${nl}zed"
# Relative to the working folder, with a space, and from ~.
cp "$OTHER" "$T/other copy.db"
cp "$OTHER" "$HOME/mine.db"
expect_words ombud --db 'other\ copy.db' show "" -- "1"
# shellcheck disable=SC2088 # the completion expands the ~, as the shell will
expect_words ombud --db '~/mine.db' list --owner z -- "zed"

TEST "bash: the names of \`ombud schema\`, from the binary, with or without a database"
expect_no_file "$OMBUD_DB"
expect_words ombud schema check_ -- "check_report"
expect_words ombud schema export_c -- "export_complaint${nl}export_customer"
expect_words ombud --json schema complaint_w -- "complaint_with_events"
expect_words ombud schema complaint "" -- ""
# Every definition of the schema, and nothing else.
ok --json schema
expect_words ombud schema "" -- "$(json_get '"\n".join(sorted(d["$defs"]))')"
expect_no_file "$OMBUD_DB"
export OMBUD_DB=$FIXTURE
expect_words ombud schema check_ -- "check_report"

TEST "bash: without a database, nothing is offered, nothing printed and nothing created"
expect_no_file "$OMBUD_DB"
expect_words ombud close "" -- ""
expect_words ombud list --customer J -- ""
expect_no_file "$OMBUD_DB"
expect_words ombud --db "$T/no/such/folder.db" close "" -- ""
expect_no_file "$T/no"
printf 'not a database\n' >"$T/junk.db"
junk_hash=$(file_hash "$T/junk.db")
expect_words ombud --db "$T/junk.db" close "" -- ""
expect_eq "$(file_hash "$T/junk.db")" "$junk_hash" "hash of a file that is no database"
# The default database, under $HOME.
unset OMBUD_DB
expect_words ombud close "" -- ""
expect_no_file "$HOME/.local/share/ombud"

TEST "an ombud without __complete (an older one) offers nothing and prints nothing"
export OMBUD_DB=$FIXTURE
mkdir -p "$T/old"
# shellcheck disable=SC2016 # $1 is for the script
printf '#!/bin/sh\necho "ombud: error: unexpected argument: $1" >&2\nexit 2\n' >"$T/old/ombud"
chmod +x "$T/old/ombud"
saved_path=$PATH
PATH="$T/old:$PATH"
expect_words ombud close "" -- ""
expect_words ombud list --customer J -- ""
if command -v fish >/dev/null 2>&1; then
    # shellcheck disable=SC2016 # expanded by fish or zsh
    run_cmd fish --no-config -c 'source $argv[1]; and complete -C $argv[2]' \
        "$ROOT/completions/ombud.fish" "ombud close "
    expect_eq "$out" "" "fish candidates for \"ombud close <TAB>\""
    expect_empty "$err" "stderr of fish"
fi
PATH=$saved_path

TEST "bash: __complete is never offered"
expect_words ombud _ -- ""
expect_words ombud __ -- ""
expect_words ombud help _ -- ""
complete_words ombud ""
expect_not_contains "$out" "__complete"
expect_contains "$out" "close"

# ---------------------------------------------------------------------------------------------
# Real shells on a pseudo-terminal.

# drive.py TRANSCRIPT ARGC ARGV… [SEND WAIT]…: runs ARGV on a pseudo-terminal, types each SEND
# and waits (10 s at most) until WAIT appears in what the terminal shows after it. Prints the
# lines the shell printed that contain "RESULT:" (the test's stand-in for ombud prints its
# arguments after it) and a TIMEOUT line for every WAIT that did not come. Everything the terminal
# showed goes to TRANSCRIPT.
DRIVE=$E2E_TMP/drive.py
cat >"$DRIVE" <<'PYTHON'
import os, pty, re, select, signal, sys, time

transcript_path = sys.argv[1]
argc = int(sys.argv[2])
argv = sys.argv[3:3 + argc]
steps = sys.argv[3 + argc:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)
seen = b""


def read_until(needle, timeout):
    global seen
    start = len(seen)
    end = time.time() + timeout
    while time.time() < end:
        if needle is not None and needle.encode() in seen[start:]:
            return True
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                data = os.read(fd, 65536)
            except OSError:
                return needle is None
            if not data:
                return needle is None
            seen += data
    return False


read_until("$ ", 10)
problems = []
for send, wait in zip(steps[0::2], steps[1::2]):
    os.write(fd, send.encode())
    if not read_until(wait, 10):
        # The shell is stuck or far off the script: the remaining steps would only wait too.
        problems.append("TIMEOUT waiting for %r after typing %r; the rest not typed" % (wait, send))
        break
os.write(fd, b"exit\r")
if not read_until(None, 5):
    os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
with open(transcript_path, "wb") as f:
    f.write(seen)
text = seen.decode("utf-8", "replace").replace("\r", "")
for line in text.split("\n"):
    i = line.find("RESULT:")
    if i >= 0:
        print(line[i:])
for p in problems:
    print(p)
PYTHON

# drive SEND WAIT…: runs drive.py with $SHELL_ARGV; sets $out to the RESULT lines (and timeouts).
drive() {
    run_cmd "$PYTHON" "$DRIVE" "$T/transcript" "${#SHELL_ARGV[@]}" "${SHELL_ARGV[@]}" "$@"
    LAST_CMD="${SHELL_ARGV[*]} on a pseudo-terminal (transcript: $T/transcript)"
}

TEST "bash, interactive: what readline inserts for live values"
export OMBUD_DB=$FIXTURE
cat >"$T/bashrc" <<EOF
PS1='\$ '
source '$SCRIPT'
ombud() { local IFS='|'; echo "RES""ULT:\$*"; }
EOF
SHELL_ARGV=(env INPUTRC=/dev/null TERM=dumb HISTFILE=/dev/null bash --noprofile --rcfile "$T/bashrc" -i)
drive $'ombud list --customer Jan\\ d\t\r' "RESULT:" \
    $'ombud list --customer "Jan d\t\r' "RESULT:" \
    $'ombud list --customer=Jan\\ d\t\r' "RESULT:" \
    $'ombud reopen \t\r' "RESULT:" \
    $'ombud --db '"$OTHER"$' show \t\r' "RESULT:" \
    $'ombud cl\t\r' "RESULT:"
expect_eq "$out" "RESULT:list|--customer|Jan de Vries
RESULT:list|--customer|Jan de Vries
RESULT:list|--customer=Jan de Vries
RESULT:reopen|2
RESULT:--db|$OTHER|show|1
RESULT:close" "the arguments of the completed command lines"

# ---------------------------------------------------------------------------------------------
# fish

FISH_SCRIPT=$ROOT/completions/ombud.fish

TEST "bash and fish skip the values of the same options when counting arguments"
# value_options FILE START: the --options of the list that begins on the line matching START.
value_options() {
    sed -n "/$2/,/^\$/p" "$1" | tr -d '"\\' | tr ' ' '\n' | grep -- '^--' | sort
}
bash_value_options=$(value_options "$SCRIPT" '^_ombud_value_options=')
fish_value_options=$(value_options "$FISH_SCRIPT" '^set -g __ombud_value_options')
expect_match "$bash_value_options" '--from-json'
expect_eq "$fish_value_options" "$bash_value_options" "fish's list against bash's"

# fish_complete LINE: the candidates fish offers for LINE, sorted, as `value<TAB>description`.
fish_complete() {
    # shellcheck disable=SC2016 # expanded by fish or zsh
    run_cmd fish --no-config -c 'source $argv[1]; and complete -C $argv[2]' "$FISH_SCRIPT" "$1"
    LAST_CMD="fish: complete -C \"$1\""
    out=$(sort <<<"$out")
}

# expect_fish LINE EXPECTED: fish offers exactly EXPECTED for LINE and prints nothing to stderr.
expect_fish() {
    fish_complete "$1"
    expect_rc 0
    expect_eq "$out" "$2" "candidates"
    expect_empty "$err" "stderr"
}

have_fish() {
    command -v fish >/dev/null 2>&1
}

TEST "fish: the script loads; commands, options and fixed values complete"
if ! have_fish; then
    SKIP "fish is not installed"
else
    # shellcheck disable=SC2016 # expanded by fish or zsh
    run_cmd fish --no-config -c 'source $argv[1]' "$FISH_SCRIPT"
    expect_rc 0
    expect_empty "$err" "stderr of loading the script"
    expect_fish "ombud cl" "close${TAB}Close a complaint with its resolution"
    expect_fish "ombud --json sh" "show${TAB}Show one complaint with its whole timeline"
    expect_fish "ombud close --ra" "--rating${TAB}Customer's satisfaction"
    expect_fish "ombud close 1 --reason " "$(printf '%s\tWhy it is closed\n' duplicate rejected \
        resolved withdrawn)"
    expect_fish "ombud --color n" "never${TAB}Colour in human output"
    expect_fish "ombud --format n" "ndjson${TAB}What stdout carries"
    expect_fish "ombud --format csv sh" "show${TAB}Show one complaint with its whole timeline"
    expect_fish "ombud import --csv x.csv --dates " "$(printf '%s\tHow 03/04/2026 reads\n' dmy mdy)"
    ok --help
    mapfile -t commands < <(help_commands)
    fish_complete "ombud "
    expect_empty "$(missing_from "$(cut -f1 <<<"$out" | paste -sd ' ' -)" "${commands[@]}")" \
        "commands not offered after \"ombud <TAB>\""
    expect_not_contains "$out" "__complete"
    expect_fish "ombud _" ""
    expect_fish "ombud help _" ""
fi

TEST "fish: db, its commands and their options"
if ! have_fish; then
    SKIP "fish is not installed"
else
    expect_fish "ombud db " "backup${TAB}Copy the database to FILE, consistently
check${TAB}Check the file's integrity and ombud's own rules
share${TAB}Let a group read and write the database"
    expect_fish "ombud --json db s" "share${TAB}Let a group read and write the database"
    expect_fish "ombud db check " ""
    fish_complete "ombud db share --"
    expect_contains "$out" "--group${TAB}The team's group"
    fish_complete "ombud db share --group "
    expect_contains "$nl$(cut -f1 <<<"$out")$nl" "$nl$ROOT_GROUP$nl"
    touch "$T/shop.db" "$T/shed.txt"
    expect_fish "ombud db backup $T/sh" "$T/shed.txt$nl$T/shop.db"
fi

TEST "fish: complaint numbers with their titles"
if ! have_fish; then
    SKIP "fish is not installed"
else
    export OMBUD_DB=$FIXTURE
    expect_fish "ombud close " "1${TAB}Parcel damaged${nl}3${TAB}Rude driver"
    expect_fish "ombud escalate --due tomorrow 1" "1${TAB}Parcel damaged"
    expect_fish "ombud reopen " "2${TAB}Invoice wrong"
    expect_fish "ombud history " \
        "1${TAB}Parcel damaged${nl}2${TAB}Invoice wrong${nl}3${TAB}Rude driver"
    expect_fish "ombud close 1 " ""
fi

TEST "fish: people, customers and categories"
if ! have_fish; then
    SKIP "fish is not installed"
else
    export OMBUD_DB=$FIXTURE
    people="alice${nl}bob${nl}carol${nl}maria${nl}tester"
    expect_fish "ombud list --owner " "$people"
    expect_fish "ombud --as " "$people"
    expect_fish "ombud assign 1 m" "maria"
    expect_fish "ombud list --owner=c" "--owner=carol"
    expect_fish "ombud list --customer Jan" \
        "Jan de Vries${TAB}jan@example.com${nl}Janet Smith${TAB}0612"
    expect_fish 'ombud list --customer Jan\ d' "Jan de Vries${TAB}jan@example.com"
    expect_fish 'ombud open x --customer "Jan d' "Jan de Vries${TAB}jan@example.com"
    expect_fish "ombud list --category " "Post & parcels${nl}billing${nl}shipping"
    # search: the same values as list; a command's name among its words is no command.
    expect_fish "ombud search parcel --owner " "$people"
    expect_fish "ombud search --status " "$(printf '%s\tOnly this status\n' closed escalated open waiting)"
    expect_fish "ombud search open --e" "--escalated${TAB}Only those waiting for a decision"
    # The names of `ombud schema`, with the first words of their descriptions.
    expect_fish "ombud schema check_" "check_report${TAB}What check prints"
    expect_fish "ombud schema complaint_w" "complaint_with_events${TAB}What show prints"
fi

TEST "fish: a --db on the line is the database completion reads; none offers nothing"
if ! have_fish; then
    SKIP "fish is not installed"
else
    export OMBUD_DB=$FIXTURE
    expect_fish "ombud --db $OTHER show " "1${TAB}Other database"
    expect_fish "ombud list --db=$OTHER --owner " "tester${nl}zed"
    cp "$OTHER" "$HOME/mine.db"
    expect_fish "ombud --db ~/mine.db close " "1${TAB}Other database"
    export OMBUD_DB=$T/ombud.db
    expect_fish "ombud close " ""
    expect_no_file "$OMBUD_DB"
fi

# ---------------------------------------------------------------------------------------------
# zsh

ZSH_DIR=$ROOT/completions

have_zsh() {
    command -v zsh >/dev/null 2>&1
}

TEST "zsh: _ombud loads under compinit without errors"
if ! have_zsh; then
    SKIP "zsh is not installed"
else
    run_cmd zsh -n "$ZSH_DIR/_ombud"
    expect_rc 0
    expect_empty "$err" "stderr of zsh -n"
    # compinit registers it for ombud from its #compdef line; +X loads it without running it.
    # shellcheck disable=SC2016 # expanded by fish or zsh
    run_cmd zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D
        autoload -Uz +X _ombud || exit 1
        print -r -- $_comps[ombud]
        [[ $functions[_ombud] == *_ombud_live* ]] && print -r -- loaded' zsh "$ZSH_DIR"
    expect_rc 0
    expect_eq "$out" "_ombud${nl}loaded" "the completion function of ombud; _ombud loaded"
    expect_empty "$err" "stderr"
fi

TEST "zsh, interactive: commands, live values with descriptions, --db"
if ! have_zsh; then
    SKIP "zsh is not installed"
else
    export OMBUD_DB=$FIXTURE
    mkdir -p "$T/zdot"
    cat >"$T/zdot/.zshrc" <<EOF
PS1='\$ '
fpath=('$ZSH_DIR' \$fpath)
autoload -Uz compinit && compinit -u -D
ombud() { local IFS='|'; print -r -- "RES""ULT:\$*"; }
EOF
    SHELL_ARGV=(env ZDOTDIR="$T/zdot" TERM=dumb zsh -d -i)
    drive $'ombud cl\t\r' "RESULT:" \
        $'ombud __\t\r' "RESULT:" \
        $'ombud list --priority u\t\r' "RESULT:" \
        $'ombud --format nd\t list\r' "RESULT:" \
        $'ombud reopen \t\r' "RESULT:" \
        $'ombud assign 1 m\t\r' "RESULT:" \
        $'ombud list --owner=c\t\r' "RESULT:" \
        $'ombud list --customer Jan\\ d\t\r' "RESULT:" \
        $'ombud search parcel --owner=c\t\r' "RESULT:" \
        $'ombud search --status w\t\r' "RESULT:" \
        $'ombud schema check_r\t\r' "RESULT:" \
        $'ombud --db '"$OTHER"$' show \t\r' "RESULT:" \
        $'ombud --db '"$T"$'/none.db reopen \t\r' "RESULT:" \
        $'ombud close \t' "Rude driver" \
        $'\r' "RESULT:"
    expect_eq "$out" "RESULT:close
RESULT:__
RESULT:list|--priority|urgent
RESULT:--format|ndjson|list
RESULT:reopen|2
RESULT:assign|1|maria
RESULT:list|--owner=carol
RESULT:list|--customer|Jan de Vries
RESULT:search|parcel|--owner=carol
RESULT:search|--status|waiting
RESULT:schema|check_report
RESULT:--db|$OTHER|show|1
RESULT:--db|$T/none.db|reopen
RESULT:close" "the arguments of the completed command lines"
    # `ombud close <TAB>` lists the open complaints with their titles.
    transcript=$(tr -d '\r' <"$T/transcript")
    expect_match "$transcript" "1 +-- Parcel damaged"
    expect_match "$transcript" "3 +-- Rude driver"
    expect_not_contains "$transcript" "Invoice wrong"
    expect_not_contains "$transcript" "command not found"
    expect_no_file "$T/none.db"
fi

TEST "zsh, interactive: db, its commands and their options"
if ! have_zsh; then
    SKIP "zsh is not installed"
else
    mkdir -p "$T/zdot"
    # LISTMAX: list all the groups, without asking first.
    cat >"$T/zdot/.zshrc" <<EOF
PS1='\$ '
LISTMAX=100000
fpath=('$ZSH_DIR' \$fpath)
autoload -Uz compinit && compinit -u -D
ombud() { local IFS='|'; print -r -- "RES""ULT:\$*"; }
EOF
    touch "$T/shop.db"
    SHELL_ARGV=(env ZDOTDIR="$T/zdot" TERM=dumb zsh -d -i)
    drive $'ombud db ch\t\r' "RESULT:" \
        $'ombud --json db b\t\r' "RESULT:" \
        $'ombud db share --g\t\r' "RESULT:" \
        $'ombud db backup sh\t\r' "RESULT:" \
        $'ombud db \t' "for a team" \
        $'\r' "RESULT:" \
        $'ombud db share --group \t' "$ROOT_GROUP" \
        $'\r' "RESULT:"
    expect_eq "$out" "RESULT:db|check
RESULT:--json|db|backup
RESULT:db|share|--group
RESULT:db|backup|shop.db
RESULT:db
RESULT:db|share|--group" "the arguments of the completed command lines"
    # `ombud db <TAB>` lists exactly db's commands, with descriptions; --group the groups.
    transcript=$(tr -d '\r' <"$T/transcript")
    expect_eq "$(grep -oE '^[a-z]+ +-- ' <<<"$transcript" | cut -d' ' -f1 | paste -sd ' ' -)" \
        "backup check share" "the commands listed for \"ombud db <TAB>\""
    expect_match "$transcript" "share +-- let a group read and write the database"
    expect_match "$transcript" "(^|[[:space:]])$ROOT_GROUP([[:space:]]|\$)"
fi

finish
