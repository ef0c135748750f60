#!/usr/bin/env bash
# Bash completion (contrib/twoway.bash) against the real binary: profile
# names with spaces complete as one quoted word, from the database named
# by --db on the line; commands, subcommands and item ids complete too.
. "$(dirname "$0")/lib.sh"

# The completion calls `twoway`: point it at the binary under test.
twoway() { "$TWOWAY" "$@"; }
. "$TW_SRC/contrib/twoway.bash"

# complete WORD...: completes the last WORD of `twoway WORD...`; keeps
# the candidates, one a line, in GOT.
complete_line() {
	COMP_WORDS=(twoway "$@")
	COMP_CWORD=$(($# ))
	COMPREPLY=()
	_twoway
	GOT=$(printf '%s\n' "${COMPREPLY[@]}" | sort)
}

# expect_got TEXT WHAT: the candidates are exactly TEXT.
expect_got() {
	CHECKS=$((CHECKS + 1))
	[ "$GOT" = "$1" ] || fail "$2: got
$GOT
expected
$1"
}

ok profile add "Zoë Ng"
ok profile add "Zoe Old" --role Lead
ok profile add Alice

complete_line --db "$DB" --profile ""
expect_got $'Alice\nZoe\\ Old\nZo\xc3\xab\\ Ng' "--profile lists every name, spaces quoted"
complete_line --db "$DB" --profile Zo
expect_got $'Zoe\\ Old\nZo\xc3\xab\\ Ng' "--profile Zo"
complete_line --db "$DB" --profile 'Zoe\ O'
expect_got 'Zoe\ Old' "--profile with an escaped space typed"
complete_line --db "$DB" profile use A
expect_got 'Alice' "profile use NAME"
complete_line --db "$SCRATCH/other.db" --profile Zo
expect_got '' "names come from the --db on the line"
CHECKS=$((CHECKS + 1))
[ -e "$SCRATCH/other.db" ] && fail "completing a profile name created $SCRATCH/other.db"
complete_line --db "$SCRATCH/none.db" --content "$CONTENT" tick cli-test/prepare/ag
expect_got 'cli-test/prepare/agenda' "item ids without a database"
CHECKS=$((CHECKS + 1))
[ -e "$SCRATCH/none.db" ] && fail "completing an item id created $SCRATCH/none.db"

complete_line pro
expect_got 'profile' "a command"
complete_line sponsor e
expect_got 'edit' "a subcommand"
complete_line export --co
expect_got $'--coach\n--coaching\n--color\n--content' "export options"
complete_line --db "$DB" --content "$CONTENT" tick cli-test/prepare/ag
expect_got 'cli-test/prepare/agenda' "an item id"
complete_line sponsor list --j
expect_got '--json' "--json on a listing"
complete_line checkup s
expect_got 'start' "checkup start"
complete_line rate --ch
expect_got '--checkup' "rate --checkup"
complete_line backup list --j
expect_got '--json' "--json on backup list"
complete_line backup r
expect_got 'restore' "a backup subcommand"
complete_line --color a
expect_got $'always\nauto' "--color values"

finish
