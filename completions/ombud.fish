# fish completion for ombud, the complaint tracker.
# Install as ~/.config/fish/completions/ombud.fish (or in vendor_completions.d).

set -l commands open note escalate close history list show reopen assign decide wait resume check \
    team config holiday search export import db schema help
set -l channels phone email letter chat social in-person web other
set -l priorities low normal high urgent
# The settings of `ombud config` (src/lib/policy.cpp).
set -l settings hours timezone check.within \
    sla.urgent.response sla.urgent.resolve sla.urgent.decide \
    sla.high.response sla.high.resolve sla.high.decide \
    sla.normal.response sla.normal.resolve sla.normal.decide \
    sla.low.response sla.low.resolve sla.low.decide

complete -c ombud -f

# Options that take a value; every other option is a flag.
set -g __ombud_value_options --db --from-json --as --color --format --customer --email --phone --channel \
    --category --priority --owner --due --note --direction --to --reason --resolution --rating \
    --actor --since --limit --status --group --until --deputy --name --due-within \
    --map --delimiter --dates

# __ombud_words: the command and its positional arguments typed before the cursor, one a line
# (option values left out).
function __ombud_words
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l skip 0
    set -l dashdash 0
    for t in $tokens
        if test $skip = 1
            set skip 0
        else if test $dashdash = 1
            echo -- $t
        else if test "$t" = --
            set dashdash 1
        else if string match -q -- '-*' $t
            contains -- $t $__ombud_value_options; and set skip 1
        else
            echo -- $t
        end
    end
end

# __ombud_needs_arg N COMMAND…: the word at the cursor is the Nth positional argument of one of
# the COMMANDs.
function __ombud_needs_arg
    set -l n $argv[1]
    set -e argv[1]
    set -l words (__ombud_words)
    test (count $words) -eq $n; or return 1
    contains -- $words[1] $argv; or return 1
    # An option being typed is not an argument.
    not string match -q -- '-*' (commandline -ct)
end

# __ombud_command COMMAND…: the command on the line is one of the COMMANDs. Not
# __fish_seen_subcommand_from, which a command's name among the words of `search` (or in the
# title of `open`) would fool: `ombud search open --<TAB>` is no `open`.
function __ombud_command
    set -l words (__ombud_words)
    contains -- "$words[1]" $argv
end

# __ombud_in_db COMMAND: the line is past `ombud db COMMAND` (check, backup or share).
function __ombud_in_db
    __ombud_in db $argv[1]
end

# __ombud_in COMMAND SUB: the line is past `ombud COMMAND SUB` (db, team, config or holiday and
# one of their commands).
function __ombud_in
    set -l words (__ombud_words)
    test "$words[1]" = "$argv[1]"; and test "$words[2]" = "$argv[2]"
end

# __ombud_complete KIND: the live values of KIND (open, closed, complaints, people, customers,
# categories; schemas, the names of `ombud schema`, need no database) as `value<TAB>description`,
# from `ombud __complete`, read from the database a --db before the cursor names (else $OMBUD_DB
# or the default). Nothing when there is no database.
function __ombud_complete
    set -l tokens (commandline -opc)
    set -l bin $tokens[1]
    set -l db
    set -l i 2
    while test $i -le (count $tokens)
        switch $tokens[$i]
            case --db
                if test $i -lt (count $tokens)
                    set i (math $i + 1)
                    set db --db $tokens[$i]
                end
            case '--db=*'
                set db --db (string replace -- --db= '' $tokens[$i])
        end
        set i (math $i + 1)
    end
    # fish leaves ~ alone in the tokens; the shell would expand it when running the command.
    set bin (string replace -r -- '^~/' "$HOME/" $bin)
    set db (string replace -r -- '^~/' "$HOME/" $db)
    # The prefix: the value being typed (after `--option=`), its quotes and backslashes removed.
    set -l prefix (commandline -ct | string replace -r -- '^--[^=]*=' '')
    set prefix (string replace -ra -- '[\\\\\'"]' '' "$prefix")
    command $bin $db __complete $argv[1] "$prefix" </dev/null 2>/dev/null
end

# Global options, accepted before or after the command.
complete -c ombud -l db -r -F -d 'Database file'
complete -c ombud -l as -x -a '(__ombud_complete people)' -d 'Who is acting'
complete -c ombud -l json -d 'Machine-readable output on stdout'
complete -c ombud -l format -x -a 'human json ndjson csv' -d 'What stdout carries'
complete -c ombud -l color -x -a 'auto always never' -d 'Colour in human output'
complete -c ombud -s h -l help -d 'Show help and exit'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -l version -d 'Show the version and exit'

# Commands.
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a open -d 'Log a new complaint'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a note -d 'Record a contact or an internal note'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a escalate -d 'Ask someone with the mandate for a decision'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a close -d 'Close a complaint with its resolution'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a history -d 'Show what happened'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a list -d 'List complaints, most recent activity first'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a show -d 'Show one complaint with its whole timeline'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a reopen -d 'Reopen a closed complaint'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a assign -d 'Hand a complaint to a new owner'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a decide -d 'Record the decision an escalation asked for'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a wait -d 'Wait on the customer: the deadline clock stops'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a resume -d 'Start the clock again after waiting'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a check -d 'For cron: deadlines passed or close'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a team -d 'The team: deputies, who is away'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a config -d 'Shared settings: hours, time zone, targets'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a holiday -d 'Days the business is closed'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a search -d 'Find complaints by any word in their title, notes and resolution'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a export -d 'Write every customer, complaint and event as NDJSON'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a import -d 'Load an export, or the rows of a spreadsheet (--csv)'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a db -d 'Look after the database file'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a schema -d 'Print the JSON Schema of everything ombud prints'
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show help for ombud or one command'

# open
complete -c ombud -n '__ombud_command open' -l customer -x -a '(__ombud_complete customers)' -d "Customer's name"
complete -c ombud -n '__ombud_command open' -l email -x -d "Customer's e-mail address"
complete -c ombud -n '__ombud_command open' -l phone -x -d "Customer's phone number"
complete -c ombud -n '__ombud_command open' -l channel -x -a "$channels" -d 'How it came in'
complete -c ombud -n '__ombud_command open' -l category -x -a '(__ombud_complete categories)' -d 'Free category'
complete -c ombud -n '__ombud_command open' -l priority -x -a "$priorities" -d 'Priority'
complete -c ombud -n '__ombud_command open' -l owner -x -a '(__ombud_complete people)' -d 'Who carries it'
complete -c ombud -n '__ombud_command open' -l due -x -d 'Deadline (WHEN)'
complete -c ombud -n '__ombud_command open' -l note -x -d 'First note; - reads stdin'
complete -c ombud -n '__ombud_command open' -l from-json -r -F -d 'Open many from JSON (- reads stdin)'

# note
complete -c ombud -n '__ombud_command note' -l channel -x -a "$channels" -d 'Contact channel'
complete -c ombud -n '__ombud_command note' -l direction -x -a 'in out' -d 'From (in) or to (out) the customer'
complete -c ombud -n '__ombud_command note' -l visible -d 'Shared with the customer'

# escalate
complete -c ombud -n '__ombud_command escalate' -l to -x -a '(__ombud_complete people)' -d 'Who has the mandate to decide'
complete -c ombud -n '__ombud_command escalate' -l reason -x -d 'The decision that is needed'
complete -c ombud -n '__ombud_command escalate' -l due -x -d 'When the decision is needed'

# close
complete -c ombud -n '__ombud_command close' -l resolution -x -d 'What was done for the customer'
complete -c ombud -n '__ombud_command close' -l reason -x -a 'resolved rejected duplicate withdrawn' -d 'Why it is closed'
complete -c ombud -n '__ombud_command close' -l rating -x -a '1 2 3 4 5' -d "Customer's satisfaction"

# history
complete -c ombud -n '__ombud_command history' -l customer -x -a '(__ombud_complete customers)' -d 'Customer name or e-mail'
complete -c ombud -n '__ombud_command history' -l actor -x -a '(__ombud_complete people)' -d 'Only what this person did'
complete -c ombud -n '__ombud_command history' -l since -x -d 'Only since then (WHEN)'
complete -c ombud -n '__ombud_command history' -l limit -x -d 'At most N events'

# list and search share their filters (search words are free text: nothing to complete)
complete -c ombud -n '__ombud_command list search' -l status -x -a 'open escalated waiting closed' -d 'Only this status'
complete -c ombud -n '__ombud_command list search' -l owner -x -a '(__ombud_complete people)' -d 'Only complaints this person owns'
complete -c ombud -n '__ombud_command list search' -l customer -x -a '(__ombud_complete customers)' -d 'Customer name or e-mail'
complete -c ombud -n '__ombud_command list search' -l category -x -a '(__ombud_complete categories)' -d 'Only this category'
complete -c ombud -n '__ombud_command list search' -l priority -x -a "$priorities" -d 'Only this priority'
complete -c ombud -n '__ombud_command list search' -l overdue -d 'Only those past their deadline'
complete -c ombud -n '__ombud_command list search' -l due-within -x -d 'Only those with a deadline within this business time'
complete -c ombud -n '__ombud_command list search' -l escalated -d 'Only those waiting for a decision'
complete -c ombud -n '__ombud_command list search' -l since -x -d 'Only those with activity since then (WHEN)'
complete -c ombud -n '__ombud_command list search' -l limit -x -d 'At most N rows'
complete -c ombud -n '__ombud_command list' -l all -d 'Include closed complaints'

# import reads a file: an export, or with --csv a spreadsheet's
complete -c ombud -n '__ombud_command import; and __ombud_needs_arg 1 import' -F
complete -c ombud -n '__ombud_command import' -l csv -d 'Read FILE as CSV, one complaint a row'
complete -c ombud -n '__ombud_command import' -l map -x -d 'The field a column gives: COLUMN=FIELD'
complete -c ombud -n '__ombud_command import' -l delimiter -x -a 'comma semicolon tab' -d 'Between fields'
complete -c ombud -n '__ombud_command import' -l dates -x -a 'dmy mdy' -d 'How 03/04/2026 reads'
complete -c ombud -n '__ombud_command import' -l ignore-unknown -d 'Leave out columns that give no field'
complete -c ombud -n '__ombud_command import' -l skip-bad-rows -d 'Import the usable rows, tell the others'
complete -c ombud -n '__ombud_command import' -l dry-run -d 'Check every row and write nothing'

# reopen, assign
complete -c ombud -n '__ombud_command reopen' -l reason -x -d 'Why it is open again'
complete -c ombud -n '__ombud_command assign' -l reason -x -d 'Why it changes hands'

# wait, resume, check (decide takes only the number and the decision)
complete -c ombud -n '__ombud_command wait' -l until -x -d 'When to follow up (WHEN)'
complete -c ombud -n '__ombud_command wait' -l reason -x -d 'What the customer is to send or do'
complete -c ombud -n '__ombud_command resume' -l reason -x -d 'Why the wait is over'
complete -c ombud -n '__ombud_command check' -l act -d 'Pass late escalations to the next in the deputy chain'

# team and its commands
complete -c ombud -n '__ombud_needs_arg 1 team' -a add -d 'Add someone to the team, or complete their entry'
complete -c ombud -n '__ombud_needs_arg 1 team' -a away -d 'Mark someone away until a date'
complete -c ombud -n '__ombud_needs_arg 1 team' -a back -d 'Mark someone back early'
complete -c ombud -n '__ombud_needs_arg 1 team' -a list -d 'Show the team, deputies and who is away'
complete -c ombud -n '__ombud_in team add' -l email -x -d 'Their e-mail address'
complete -c ombud -n '__ombud_in team add' -l deputy -x -a '(__ombud_complete people)' -d 'Who decides in their place'
complete -c ombud -n '__ombud_in team away' -l until -x -d 'When they are back (WHEN)'
complete -c ombud -n '__ombud_in team away' -l deputy -x -a '(__ombud_complete people)' -d 'Who decides in their place this time'
complete -c ombud -n '__ombud_in team away; and __ombud_needs_arg 2 team' -a '(__ombud_complete people)'
complete -c ombud -n '__ombud_in team back; and __ombud_needs_arg 2 team' -a '(__ombud_complete people)'

# config and its commands
complete -c ombud -n '__ombud_needs_arg 1 config' -a set -d 'Set a shared setting'
complete -c ombud -n '__ombud_needs_arg 1 config' -a get -d 'Show one setting'
complete -c ombud -n '__ombud_needs_arg 1 config' -a unset -d 'Go back to the default of a setting'
complete -c ombud -n '__ombud_needs_arg 1 config' -a list -d 'Show every setting, with the defaults'
complete -c ombud -n '__ombud_needs_arg 2 config; and not __ombud_in config list' -a "$settings"

# holiday and its commands
complete -c ombud -n '__ombud_needs_arg 1 holiday' -a add -d 'Close the business on a date'
complete -c ombud -n '__ombud_needs_arg 1 holiday' -a remove -d 'Open on a date after all'
complete -c ombud -n '__ombud_needs_arg 1 holiday' -a list -d 'Show the holidays'
complete -c ombud -n '__ombud_in holiday add' -l name -x -d 'What the day is'

# db and its commands
complete -c ombud -n '__ombud_needs_arg 1 db' -a check -d "Check the file's integrity and ombud's own rules"
complete -c ombud -n '__ombud_needs_arg 1 db' -a backup -d 'Copy the database to FILE, consistently'
complete -c ombud -n '__ombud_needs_arg 1 db' -a share -d 'Let a group read and write the database'
complete -c ombud -n '__ombud_in_db backup; and __ombud_needs_arg 2 db' -F
complete -c ombud -n '__ombud_in_db share' -l group -x -a '(__fish_complete_groups)' -d "The team's group"

# schema: the names of its definitions, from the binary
complete -c ombud -n '__ombud_needs_arg 1 schema' -a '(__ombud_complete schemas)'

# help
complete -c ombud -n '__ombud_command help' -a "$commands"

# Complaint numbers (with their titles) and new owners, live from the database.
complete -c ombud -n '__ombud_needs_arg 1 note escalate close assign decide wait resume' -a '(__ombud_complete open)'
complete -c ombud -n '__ombud_needs_arg 1 reopen' -a '(__ombud_complete closed)'
complete -c ombud -n '__ombud_needs_arg 1 show history' -a '(__ombud_complete complaints)'
complete -c ombud -n '__ombud_needs_arg 2 assign' -a '(__ombud_complete people)'
