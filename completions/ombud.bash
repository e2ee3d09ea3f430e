# bash completion for ombud, the complaint tracker.
# Install as share/bash-completion/completions/ombud, or source it from ~/.bashrc.
# tests/e2e/test_completion.sh checks that every option in `ombud help COMMAND` (and in
# `ombud CMD SUB --help` for the commands of db, team, config and holiday) is listed here.

_ombud_commands="open note escalate close history list show reopen assign decide wait resume check team config holiday search export import db schema help"
# Commands with commands of their own: `ombud db backup FILE`, `ombud team away NAME`.
_ombud_db_commands="check backup share"
_ombud_team_commands="add away back list"
_ombud_config_commands="set get unset list"
_ombud_holiday_commands="add remove list"
# The settings of `ombud config` (src/lib/policy.cpp).
_ombud_settings="hours timezone check.within \
sla.urgent.response sla.urgent.resolve sla.urgent.decide \
sla.high.response sla.high.resolve sla.high.decide \
sla.normal.response sla.normal.resolve sla.normal.decide \
sla.low.response sla.low.resolve sla.low.decide"
_ombud_global_options="--db --as --json --format --color --help --version"

# Options of one command ("db backup", "team away" for one of theirs), its own first; the global
# ones are accepted after it too.
_ombud_options() {
    local opts=""
    case $1 in
    open) opts="--customer --email --phone --channel --category --priority --owner --due --note --from-json" ;;
    note) opts="--channel --direction --visible" ;;
    escalate) opts="--to --reason --due" ;;
    close) opts="--resolution --reason --rating" ;;
    history) opts="--customer --actor --since --limit" ;;
    list) opts="--status --owner --customer --category --priority --overdue --due-within --escalated --since --limit --all" ;;
    search) opts="--status --owner --customer --category --priority --overdue --due-within --escalated --since --limit" ;;
    import) opts="--csv --map --delimiter --dates --ignore-unknown --skip-bad-rows --dry-run" ;;
    show | help | export | decide | schema) opts="" ;;
    reopen) opts="--reason" ;;
    assign) opts="--reason" ;;
    wait) opts="--until --reason" ;;
    resume) opts="--reason" ;;
    check) opts="--act" ;;
    team | "team back" | "team list") opts="" ;;
    "team add") opts="--email --deputy" ;;
    "team away") opts="--until --deputy" ;;
    config | "config set" | "config get" | "config unset" | "config list") opts="" ;;
    holiday | "holiday remove" | "holiday list") opts="" ;;
    "holiday add") opts="--name" ;;
    db | "db check" | "db backup") opts="" ;;
    "db share") opts="--group" ;;
    esac
    echo "$opts --help --db --as --json --format --color"
}

# Options that take a value (the next word, or `=VALUE`); every other option is a flag.
_ombud_value_options=" --db --from-json --as --color --format --customer --email --phone --channel --category \
--priority --owner --due --note --direction --to --reason --resolution --rating --actor --since \
--limit --status --group --until --deputy --name --due-within --map --delimiter --dates "

# _ombud_dequote WORD: the text WORD stands for, as the shell would pass it (quotes and
# backslashes removed, a leading ~/ expanded), in _ombud_word; the quote WORD leaves open, if any,
# in _ombud_quote. No expansion is run: `$x` stays as it is.
_ombud_dequote() {
    local w=$1 c i n=${#1}
    _ombud_word=
    _ombud_quote=
    for ((i = 0; i < n; i++)); do
        c=${w:i:1}
        if [[ $_ombud_quote == "'" ]]; then
            if [[ $c == "'" ]]; then _ombud_quote=; else _ombud_word+=$c; fi
        elif [[ $_ombud_quote == '"' ]]; then
            if [[ $c == '"' ]]; then
                _ombud_quote=
            elif [[ $c == \\ ]] && ((i + 1 < n)) && [[ ${w:i+1:1} == [\"\\\$\`] ]]; then
                _ombud_word+=${w:i+1:1}
                ((i++))
            else
                _ombud_word+=$c
            fi
        else
            case $c in
            "'" | '"') _ombud_quote=$c ;;
            \\)
                if ((i + 1 < n)); then
                    _ombud_word+=${w:i+1:1}
                    ((i++))
                fi
                ;;
            *) _ombud_word+=$c ;;
            esac
        fi
    done
    if [[ $w == \~ ]]; then
        _ombud_word=$HOME
    elif [[ $w == \~/* ]]; then
        _ombud_word=$HOME/${_ombud_word:2}
    fi
}

# _ombud_live KIND: COMPREPLY gets the live values of KIND (`ombud __complete KIND PREFIX`) that
# start with the current word, read from the database a --db on the line names (else $OMBUD_DB or
# the default). Values are quoted as they must be inserted: `Jan\ de\ Vries`, or plain inside a
# quote the word opened. Nothing at all when there is no database or the binary cannot tell.
_ombud_live() {
    local kind=$1 bin=${_ombud_cmd:-ombud} i word value quote line
    local -a db=() lines=()
    [[ $bin == \~/* ]] && bin=$HOME/${bin:2}
    # The same database as the command will use: the last --db on the line. Its value may come
    # as the next word, after a `=` word (bash splits `--db=PATH` at the =) or in the same word.
    for ((i = 1; i < ${#COMP_WORDS[@]}; i++)); do
        word=${COMP_WORDS[i]}
        if [[ $word == --db=* ]]; then
            ((i == COMP_CWORD)) || _ombud_dequote "${word#--db=}"
        elif [[ $word == --db ]]; then
            [[ ${COMP_WORDS[i + 1]-} == "=" ]] && ((i++))
            ((i++))
            # Not the word being completed, which is no path yet.
            ((i < ${#COMP_WORDS[@]} && i != COMP_CWORD)) || continue
            _ombud_dequote "${COMP_WORDS[i]}"
        else
            continue
        fi
        db=(--db "$_ombud_word")
    done
    _ombud_dequote "$cur"
    quote=$_ombud_quote
    # `command`: the binary, even when a shell function wraps it.
    mapfile -t lines < <(command "$bin" "${db[@]}" __complete "$kind" "$_ombud_word" \
        </dev/null 2>/dev/null)
    for line in "${lines[@]}"; do
        value=${line%%$'\t'*}
        [[ -z $value ]] && continue
        case $quote in
        "'") value=${value//\'/\'\\\'\'} ;;
        '"')
            value=${value//\\/\\\\}
            value=${value//\"/\\\"}
            value=${value//\$/\\\$}
            value=${value//\`/\\\`}
            ;;
        *) printf -v value '%q' "$value" ;;
        esac
        COMPREPLY+=("$value")
    done
}

# _ombud_positional AT: which positional argument of the command at COMP_WORDS[AT] the current
# word is, counting from 1 (option values are not positionals); 0 when it is an option.
_ombud_positional() {
    local i word n=0 dashdash=0
    for ((i = $1 + 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        if ((dashdash)) || [[ $word != -* ]]; then
            ((n++))
        elif [[ $word == -- ]]; then
            dashdash=1
        elif [[ $_ombud_value_options == *" $word "* ]]; then
            [[ ${COMP_WORDS[i + 1]} == "=" ]] && ((i++))
            ((i++))
        fi
    done
    [[ $cur == -* ]] && ((!dashdash)) && n=-1
    echo $((n + 1))
}

_ombud() {
    local cur prev cmd cmd_at i word _ombud_cmd=$1 _ombud_word _ombud_quote
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

    # The command is the first word that is neither an option nor an option's value; `db`, `team`,
    # `config` and `holiday` have commands of their own, so after `ombud db backup` it is
    # "db backup".
    cmd=
    cmd_at=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word=${COMP_WORDS[i]}
        case $word in
        --db | --as | --color | --format)
            # The value, and the `=` before it when bash split `--db=PATH`.
            [[ ${COMP_WORDS[i + 1]} == "=" ]] && ((i++))
            ((i++))
            ;;
        -*) ;;
        *)
            cmd=${cmd:+$cmd }$word
            cmd_at=$i
            [[ $cmd == db || $cmd == team || $cmd == config || $cmd == holiday ]] || break
            ;;
        esac
    done

    # Values of options.
    case $prev in
    --db | --from-json)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        return
        ;;
    --color)
        mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
        return
        ;;
    --format)
        mapfile -t COMPREPLY < <(compgen -W "human json ndjson csv" -- "$cur")
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
    --delimiter)
        # By name: a bare ; would end the command line.
        mapfile -t COMPREPLY < <(compgen -W "comma semicolon tab" -- "$cur")
        return
        ;;
    --dates)
        mapfile -t COMPREPLY < <(compgen -W "dmy mdy" -- "$cur")
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
    --group)
        mapfile -t COMPREPLY < <(compgen -g -- "$cur")
        return
        ;;
    --as | --owner | --to | --actor | --deputy)
        _ombud_live people
        return
        ;;
    --customer)
        _ombud_live customers
        return
        ;;
    --category)
        _ombud_live categories
        return
        ;;
    --email | --phone | --due | --note | --resolution | --since | --limit | --until | --name | --due-within | --map)
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
        return
    fi
    # Positional arguments: complaint numbers and people, live from the database; the commands of
    # db, team, config and holiday; settings; the names of `ombud schema`; the file a backup goes
    # to or an import reads. The
    # words search looks for, decisions, new names and dates are free text: nothing.
    case $cmd:$(_ombud_positional "$cmd_at") in
    help:*) mapfile -t COMPREPLY < <(compgen -W "$_ombud_commands" -- "$cur") ;;
    db:1) mapfile -t COMPREPLY < <(compgen -W "$_ombud_db_commands" -- "$cur") ;;
    team:1) mapfile -t COMPREPLY < <(compgen -W "$_ombud_team_commands" -- "$cur") ;;
    config:1) mapfile -t COMPREPLY < <(compgen -W "$_ombud_config_commands" -- "$cur") ;;
    holiday:1) mapfile -t COMPREPLY < <(compgen -W "$_ombud_holiday_commands" -- "$cur") ;;
    "config get:1" | "config set:1" | "config unset:1")
        mapfile -t COMPREPLY < <(compgen -W "$_ombud_settings" -- "$cur")
        ;;
    "db backup:1" | import:1)
        compopt -o filenames 2>/dev/null
        mapfile -t COMPREPLY < <(compgen -f -- "$cur")
        ;;
    note:1 | escalate:1 | close:1 | assign:1 | decide:1 | wait:1 | resume:1) _ombud_live open ;;
    reopen:1) _ombud_live closed ;;
    schema:1) _ombud_live schemas ;;
    show:1 | history:1) _ombud_live complaints ;;
    assign:2 | "team away:1" | "team back:1") _ombud_live people ;;
    esac
}

complete -F _ombud ombud
