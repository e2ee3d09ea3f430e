# The bash completion: it completes commands, options and their values, and it offers every
# command and option the binary has, so the two cannot drift apart.
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
expect_completion "ombud re" "reopen"
expect_completion "ombud --json c" "close"
expect_completion "ombud --db x.db li" "list"
expect_completion "ombud --color never h" "help history"
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

TEST "free-text values complete nothing"
expect_completion "ombud escalate 1 --reason " ""
expect_completion "ombud reopen 1 --reason " ""
expect_completion "ombud open --customer " ""
expect_completion "ombud escalate 1 --to " ""
expect_completion "ombud history --since " ""

TEST "--db completes file names"
touch "$T/shop.db" "$T/shed.txt" "$T/other.db"
expect_completion "ombud --db $T/sh" "$T/shed.txt $T/shop.db"
expect_completion "ombud list --db $T/o" "$T/other.db"

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

for cmd in "${commands[@]}"; do
    TEST "every option of \`ombud help $cmd\` is offered after \`ombud $cmd --\`"
    ok help "$cmd"
    mapfile -t opts < <(help_options)
    expect_contains "${opts[*]}" "--help"
    expect_empty "$(missing_from "$(complete_line "ombud $cmd --")" "${opts[@]}")" \
        "options not offered after \"ombud $cmd --<TAB>\""
done

finish
