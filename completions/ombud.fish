# fish completion for ombud, the complaint tracker.
# Install as ~/.config/fish/completions/ombud.fish (or in vendor_completions.d).

set -l commands open note escalate close history list show reopen assign help
set -l channels phone email letter chat social in-person web other
set -l priorities low normal high urgent

complete -c ombud -f

# Global options, accepted before or after the command.
complete -c ombud -l db -r -F -d 'Database file'
complete -c ombud -l as -x -d 'Who is acting'
complete -c ombud -l json -d 'Machine-readable output on stdout'
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
complete -c ombud -n "not __fish_seen_subcommand_from $commands" -a help -d 'Show help for ombud or one command'

# open
complete -c ombud -n '__fish_seen_subcommand_from open' -l customer -x -d "Customer's name"
complete -c ombud -n '__fish_seen_subcommand_from open' -l email -x -d "Customer's e-mail address"
complete -c ombud -n '__fish_seen_subcommand_from open' -l phone -x -d "Customer's phone number"
complete -c ombud -n '__fish_seen_subcommand_from open' -l channel -x -a "$channels" -d 'How it came in'
complete -c ombud -n '__fish_seen_subcommand_from open' -l category -x -d 'Free category'
complete -c ombud -n '__fish_seen_subcommand_from open' -l priority -x -a "$priorities" -d 'Priority'
complete -c ombud -n '__fish_seen_subcommand_from open' -l owner -x -d 'Who carries it'
complete -c ombud -n '__fish_seen_subcommand_from open' -l due -x -d 'Deadline (WHEN)'
complete -c ombud -n '__fish_seen_subcommand_from open' -l note -x -d 'First note; - reads stdin'

# note
complete -c ombud -n '__fish_seen_subcommand_from note' -l channel -x -a "$channels" -d 'Contact channel'
complete -c ombud -n '__fish_seen_subcommand_from note' -l direction -x -a 'in out' -d 'From (in) or to (out) the customer'
complete -c ombud -n '__fish_seen_subcommand_from note' -l visible -d 'Shared with the customer'

# escalate
complete -c ombud -n '__fish_seen_subcommand_from escalate' -l to -x -d 'Who has the mandate to decide'
complete -c ombud -n '__fish_seen_subcommand_from escalate' -l reason -x -d 'The decision that is needed'
complete -c ombud -n '__fish_seen_subcommand_from escalate' -l due -x -d 'When the decision is needed'

# close
complete -c ombud -n '__fish_seen_subcommand_from close' -l resolution -x -d 'What was done for the customer'
complete -c ombud -n '__fish_seen_subcommand_from close' -l reason -x -a 'resolved rejected duplicate withdrawn' -d 'Why it is closed'
complete -c ombud -n '__fish_seen_subcommand_from close' -l rating -x -a '1 2 3 4 5' -d "Customer's satisfaction"

# history
complete -c ombud -n '__fish_seen_subcommand_from history' -l customer -x -d 'Customer name or e-mail'
complete -c ombud -n '__fish_seen_subcommand_from history' -l actor -x -d 'Only what this person did'
complete -c ombud -n '__fish_seen_subcommand_from history' -l since -x -d 'Only since then (WHEN)'
complete -c ombud -n '__fish_seen_subcommand_from history' -l limit -x -d 'At most N events'

# list
complete -c ombud -n '__fish_seen_subcommand_from list' -l status -x -a 'open escalated waiting closed' -d 'Only this status'
complete -c ombud -n '__fish_seen_subcommand_from list' -l owner -x -d 'Only complaints this person owns'
complete -c ombud -n '__fish_seen_subcommand_from list' -l customer -x -d 'Customer name or e-mail'
complete -c ombud -n '__fish_seen_subcommand_from list' -l category -x -d 'Only this category'
complete -c ombud -n '__fish_seen_subcommand_from list' -l priority -x -a "$priorities" -d 'Only this priority'
complete -c ombud -n '__fish_seen_subcommand_from list' -l overdue -d 'Only those past their deadline'
complete -c ombud -n '__fish_seen_subcommand_from list' -l escalated -d 'Only those waiting for a decision'
complete -c ombud -n '__fish_seen_subcommand_from list' -l limit -x -d 'At most N rows'
complete -c ombud -n '__fish_seen_subcommand_from list' -l all -d 'Include closed complaints'

# reopen, assign
complete -c ombud -n '__fish_seen_subcommand_from reopen' -l reason -x -d 'Why it is open again'
complete -c ombud -n '__fish_seen_subcommand_from assign' -l reason -x -d 'Why it changes hands'

# help
complete -c ombud -n '__fish_seen_subcommand_from help' -a "$commands"
