# Fish completion for twoway: subcommands, their subcommands and options,
# profile names (from `profile list --names`) and item ids (from
# `twoway guides --ids`) for tick, rate, reflect and history.

# Runs twoway with the --db and --content given on the line so far.
function __twoway_run
    set -l tokens (commandline -opc)
    set -l args
    set -l n (count $tokens)
    for i in (seq 2 $n)
        switch $tokens[$i]
            case --db --content
                if test $i -lt $n
                    set -a args $tokens[$i] $tokens[(math $i + 1)]
                end
            case '--db=*' '--content=*'
                set -a args $tokens[$i]
        end
    end
    twoway $args $argv 2>/dev/null
end

# True when the database completion would read exists: completing a word
# must never create one.
function __twoway_db_exists
    set -l db $TWOWAY_DB
    if test -z "$db"
        set -l data $XDG_DATA_HOME
        test -z "$data"; and set data $HOME/.local/share
        set db $data/twoway/twoway.db
    end
    set -l tokens (commandline -opc)
    set -l n (count $tokens)
    for i in (seq 2 $n)
        switch $tokens[$i]
            case --db
                test $i -lt $n; and set db $tokens[(math $i + 1)]
            case '--db=*'
                set db (string replace -- --db= '' $tokens[$i])
        end
    end
    test -f "$db"
end

# The candidates for the word being typed, one a line.
function __twoway_complete
    set -l tokens (commandline -opc)
    set -l n (count $tokens)
    set -l prev $tokens[$n]
    switch $prev
        case --profile
            __twoway_db_exists; and __twoway_run profile list --names
            return
        case --stage
            printf '%s\n' mentor strategizer connector opportunity-giver sponsor
            return
        case --owner
            printf '%s\n' me sponsor
            return
        case --format
            printf '%s\n' md csv ics json
            return
        case --color
            printf '%s\n' auto always never
            return
    end
    set -l cmd
    set -l sub
    set -l skip 0
    for i in (seq 2 $n)
        if test $skip = 1
            set skip 0
            continue
        end
        switch $tokens[$i]
            case --db --profile --content --color
                set skip 1
            case '-*'
            case '*'
                if test -z "$cmd"
                    set cmd $tokens[$i]
                else if test -z "$sub"
                    set sub $tokens[$i]
                end
        end
    end
    set -l global --db --profile --content --quiet --color --passphrase-stdin --help
    set -l w
    switch "$cmd"
        case ''
            set w profile sponsor guides tick rate reflect history meeting checkup action \
                search delete undo purge export import backup recover check --coach --version
        case profile
            if contains -- "$sub" use lock passwd unlock
                __twoway_db_exists; and __twoway_run profile list --names
                return
            end
            test -z "$sub"; and set w add list use lock passwd unlock; or set w --role --goals --names --json
        case sponsor
            test -z "$sub"; and set w add list show edit; or set w --name --title --org --met --homework --stage --json
        case meeting
            test -z "$sub"; and set w add list show held keep; or set w --sponsor --when --agenda --anyway --planned --held --notes --replace --outcome --json
        case checkup
            test -z "$sub"; and set w start list; or set w --on --sponsor --json
        case action
            test -z "$sub"; and set w add edit postpone done list; or set w --text --owner --due --meeting --undo --open --overdue --json
        case delete undo
            test -z "$sub"; and set w profile sponsor reflection meeting action coaching
        case tick
            set w --undo --meeting --checkup
            test -z "$sub"; and __twoway_run guides --ids
        case rate
            set w --meeting --checkup
            test -z "$sub"; and __twoway_run guides --ids
        case history
            set w --restore --json --meeting --checkup
            test -z "$sub"; and __twoway_run guides --ids
        case guides
            set w --ids --json
        case search
            set w --json
        case reflect
            set w --private --free --meeting --checkup -
            test -z "$sub"; and __twoway_run guides --ids
        case purge
            set w --yes
        case backup
            if test -z "$sub"
                set w list now restore
            else if test "$sub" = list
                set w --json
            end
        case export
            set w --format --meeting --agenda --coaching --what --out --force --coach
    end
    printf '%s\n' $w $global
end

# Files after --db and --content and for check; the computed words elsewhere.
function __twoway_wants_file
    set -l tokens (commandline -opc)
    contains -- $tokens[-1] --db --content; and return 0
    contains -- check $tokens
end

complete -c twoway -n __twoway_wants_file -F
complete -c twoway -n 'not __twoway_wants_file' -f -a '(__twoway_complete)'
