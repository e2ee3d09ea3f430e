# The manual page: it renders without warnings, and it documents every command and every option
# the binary has, so the two cannot drift apart.
if ! command -v man >/dev/null 2>&1; then
    echo "$(basename "$0" .sh): skipped: man is not installed"
    exit 125
fi
source "$(dirname "$0")/lib.sh" "$@"

ROOT=$(cd "$E2E_DIR/../.." && pwd)
PAGE=$ROOT/man/ombud.1

# The page's source with roff's \- turned into plain hyphens, for searching.
plain_page() {
    sed 's/\\-/-/g' "$PAGE"
}

# section REGEX: the part of the page from the .SH/.SS heading matching REGEX to the next heading.
section() {
    plain_page | awk -v head="$1" '/^\.S[HS] / { inside = ($0 ~ head) } inside'
}

# names_option TEXT OPTION: OPTION occurs in TEXT as a whole option, not as a prefix of another.
names_option() {
    grep -Eq -- "(^|[^a-z0-9-])$2([^a-z0-9-]|\$)" <<<"$1"
}

# expect_line TEXT REGEX WHAT: some line of TEXT matches the extended REGEX.
expect_line() {
    grep -Eq -- "$2" <<<"$1" || expect_eq "(none)" "a line matching $2" "$3"
}

# help_commands: the commands in the help text in $out.
help_commands() {
    awk '/^Subcommands:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  [a-z]/ { print $1 }' \
        <<<"$out"
}

# help_options: the option names (-h, --help, --customer) in the help text in $out.
help_options() {
    awk '/^Options:/ { on = 1; next } on && /^$/ { on = 0 } on && /^  -/ { print $1 }' <<<"$out" |
        tr ',' '\n' | sed 's/[ =].*//' | grep -E '^-'
}

TEST "the page exists"
expect_file_exists "$PAGE"

TEST "man renders the page without warnings"
run_cmd man -l "$PAGE"
expect_rc 0
for width in 80 60 120; do
    run_cmd env MANWIDTH=$width man --warnings -l "$PAGE"
    expect_rc 0
    expect_empty "$err" "warnings at MANWIDTH=$width"
done

TEST "the page has the usual sections"
for head in NAME SYNOPSIS DESCRIPTION COMMANDS "GLOBAL OPTIONS" WHEN STATUSES OUTPUT \
    "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    expect_line "$(grep '^\.SH ' "$PAGE")" "^\\.SH \"?$head\"?\$" "section $head"
done

TEST "every global option of \`ombud --help\` is under GLOBAL OPTIONS"
ok --help
globals=$(section '^\.SH "?GLOBAL OPTIONS')
expect_contains "$globals" "--db"
missing=""
while read -r opt; do
    names_option "$globals" "$opt" || missing+=" $opt"
done < <(help_options)
expect_empty "$missing" "options missing under GLOBAL OPTIONS"

TEST "\`ombud --help\` lists the commands"
ok --help
mapfile -t commands < <(help_commands)
expect_ne "${#commands[@]}" 0 "number of commands"

for cmd in "${commands[@]}"; do
    TEST "command $cmd: its section and synopsis name every option of \`ombud help $cmd\`"
    text=$(section "^\\.SS \"ombud $cmd( |\"|\$)")
    expect_ne "$text" "" "the section .SS \"ombud $cmd …\" under COMMANDS"
    expect_contains "$(section '^\.SH SYNOPSIS')" "\\fBombud $cmd\\fP"
    ok help "$cmd"
    opts=$(help_options)
    expect_contains "$opts" "--help"
    missing=""
    while read -r opt; do
        # What every command accepts (--help, the global options) may be documented once.
        names_option "$text" "$opt" || names_option "$globals" "$opt" || missing+=" $opt"
    done <<<"$opts"
    expect_empty "$missing" "options of \`ombud help $cmd\` missing from its section"
    # A command with subcommands (ombud db check): each one and its options are documented.
    mapfile -t subs < <(help_commands)
    for sub in "${subs[@]}"; do
        expect_contains "$(section '^\.SH SYNOPSIS')" "\\fBombud $cmd\\fP \\fB$sub\\fP"
        names_option "$text" "ombud $cmd $sub" || expect_eq "(none)" "ombud $cmd $sub" "subcommand in the section"
        ok "$cmd" "$sub" --help
        missing=""
        while read -r opt; do
            names_option "$text" "$opt" || names_option "$globals" "$opt" || missing+=" $opt"
        done < <(help_options)
        expect_empty "$missing" "options of \`ombud $cmd $sub --help\` missing from its section"
    done
done

TEST "EXIT STATUS names 0 to 6"
exits=$(section '^\.SH "?EXIT STATUS')
for code in 0 1 2 3 4 5 6; do
    expect_line "$exits" "^\\.B $code\$" "exit status $code"
done

TEST "ENVIRONMENT names the variables ombud reads"
vars=$(section '^\.SH ENVIRONMENT')
for var in OMBUD_DB OMBUD_USER XDG_DATA_HOME OMBUD_BUSY_TIMEOUT OMBUD_NETWORK_FS NO_COLOR TERM COLUMNS; do
    expect_line "$vars" "^\\.B $var\$" "variable $var"
done

finish
