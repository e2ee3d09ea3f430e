# bash completion for ombud, the complaint tracker.
# Install as share/bash-completion/completions/ombud, or source it from ~/.bashrc.
# tests/e2e/test_completion.sh checks that every option in `ombud help COMMAND` is listed here.

_ombud_commands="open note escalate close history list show reopen assign help"
_ombud_global_options="--db --as --json --color --help --version"

# Options of one command, its own first; the global ones are accepted after it too.
_ombud_options() {
    local opts
    case $1 in
    open) opts="--customer --email --phone --channel --category --priority --owner --due --note" ;;
    note) opts="--channel --direction --visible" ;;
    escalate) opts="--to --reason --due" ;;
    close) opts="--resolution --reason --rating" ;;
    history) opts="--customer --actor --since --limit" ;;
    list) opts="--status --owner --customer --category --priority --overdue --escalated --limit --all" ;;
    show | help) opts="" ;;
    reopen) opts="--reason" ;;
    assign) opts="--reason" ;;
    esac
    echo "$opts --help --db --as --json --color"
}

_ombud() {
    local cur prev cmd i word
    COMPREPLY=()
    cur=${COMP_WORDS[COMP_CWORD]}
    prev=
    ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
    # `--opt=value`, when bash splits at `=`.
    if [[ $cur == "=" ]]; then
        cur=
    elif [[ $prev == "=" ]] && ((COMP_CWORD > 1)); then
        prev=${COMP_WORDS[COMP_CWORD - 2]}
    fi

    # The command is the first word that is neither an option nor an option's value.
    cmd=
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
        --db | --as | --color)
            # The value, and the `=` before it when bash split `--db=PATH`.
            [[ ${COMP_WORDS[i + 1]} == "=" ]] && ((i++))
            ((i++))
            ;;
        -*) ;;
        *)
            cmd=$word
            break
            ;;
        esac
    done

    # Values of options.
    case $prev in
    --db)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
        return
        ;;
    --priority)
        mapfile -t COMPREPLY < <(compgen -W "low normal high urgent" -- "$cur")
        return
        ;;
    --channel)
        mapfile -t COMPREPLY < <(compgen -W "phone email letter chat social in-person web other" -- "$cur")
        return
        ;;
    --direction)
        mapfile -t COMPREPLY < <(compgen -W "in out" -- "$cur")
        return
        ;;
    --status)
        # A comma-separated list: complete the part after the last comma.
        local done_part=
        [[ $cur == *,* ]] && done_part=${cur%,*},
        mapfile -t COMPREPLY < <(compgen -P "$done_part" -W "open escalated waiting closed" -- "${cur##*,}")
        return
        ;;
    --reason)
        # Only `close` takes a word; elsewhere the reason is free text.
        [[ $cmd == close ]] &&
            mapfile -t COMPREPLY < <(compgen -W "resolved rejected duplicate withdrawn" -- "$cur")
        return
        ;;
    --rating)
        mapfile -t COMPREPLY < <(compgen -W "1 2 3 4 5" -- "$cur")
        return
        ;;
    --as | --customer | --email | --phone | --category | --owner | --due | --note | --to | \
        --resolution | --actor | --since | --limit)
        return
        ;;
    esac

    if [[ -z $cmd ]]; then
        if [[ $cur == -* ]]; then
            mapfile -t COMPREPLY < <(compgen -W "$_ombud_global_options" -- "$cur")
        else
            mapfile -t COMPREPLY < <(compgen -W "$_ombud_commands" -- "$cur")
        fi
        return
    fi

    if [[ $cur == -* ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$(_ombud_options "$cmd")" -- "$cur")
    elif [[ $cmd == help ]]; then
        mapfile -t COMPREPLY < <(compgen -W "$_ombud_commands" -- "$cur")
    fi
}

complete -F _ombud ombud
