# Bash completion for twoway: subcommands, their subcommands and options,
# and item ids (from `twoway guides`) for tick, rate, reflect and history.
# Source it, or install it as /usr/share/bash-completion/completions/twoway.

# Runs twoway with the --db and --content given on the command line so far.
_twoway_run()
{
	local i args=()
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --content) args+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}") ;;
		--db=* | --content=*) args+=("${COMP_WORDS[i]}") ;;
		esac
	done
	twoway "${args[@]}" "$@" 2>/dev/null
}

# True when the database completion would read exists: completing a word
# must never create one.
_twoway_db_exists()
{
	local i db=${TWOWAY_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/twoway/twoway.db}
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db) db=${COMP_WORDS[i + 1]} ;;
		--db=*) db=${COMP_WORDS[i]#--db=} ;;
		esac
	done
	[ -f "$db" ]
}

_twoway_items()
{
	_twoway_run guides --ids
}

# Profile names (one a line from `profile list --names`; a name may hold
# spaces) that start with what is typed, quoted for the command line.
_twoway_profiles()
{
	local name typed=${cur//\\/}
	typed=${typed#[\"\']}
	while IFS= read -r name; do
		[[ $name == "$typed"* ]] && COMPREPLY+=("$(printf '%q' "$name")")
	done < <(_twoway_db_exists && _twoway_run profile list --names)
}

_twoway()
{
	local cur prev cmd sub i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	case $prev in
	--db | --content) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--profile) _twoway_profiles; return ;;
	--stage) COMPREPLY=($(compgen -W "mentor strategizer connector opportunity-giver sponsor" -- "$cur")); return ;;
	--owner) COMPREPLY=($(compgen -W "me sponsor" -- "$cur")); return ;;
	--color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
	esac
	cmd="" sub=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --profile | --content | --color) ((i++)) ;;
		-*) ;;
		*) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}; elif [ -z "$sub" ]; then sub=${COMP_WORDS[i]}; fi ;;
		esac
	done
	local global="--db --profile --content --quiet --color --passphrase-stdin --help"
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "profile sponsor guides tick rate reflect history meeting checkup action search delete undo purge export import backup recover check --coach --version $global" -- "$cur"))
		return
	fi
	local words=""
	case $cmd in
	profile)
		case $sub in use | lock | passwd | unlock) _twoway_profiles; return ;; esac
		[ -z "$sub" ] && words="add list use lock passwd unlock" || words="--role --goals --names --json" ;;
	sponsor) [ -z "$sub" ] && words="add list show edit" || words="--name --title --org --met --homework --stage --json" ;;
	meeting) [ -z "$sub" ] && words="add list show held keep" || words="--sponsor --when --agenda --anyway --planned --held --notes --replace --outcome --json" ;;
	checkup) [ -z "$sub" ] && words="start list" || words="--on --sponsor --json" ;;
	action) [ -z "$sub" ] && words="add edit postpone done list" || words="--text --owner --due --meeting --undo --open --overdue --json" ;;
	delete | undo) [ -z "$sub" ] && words="profile sponsor reflection meeting action coaching" ;;
	tick) words="--undo --meeting --checkup $( [ -z "$sub" ] && _twoway_items)" ;;
	rate) words="--meeting --checkup $( [ -z "$sub" ] && _twoway_items)" ;;
	history) words="--restore --json --meeting --checkup $( [ -z "$sub" ] && _twoway_items)" ;;
	guides) words="--ids --json" ;;
	search) words="--json" ;;
	reflect) words="--private --free --meeting --checkup - $( [ -z "$sub" ] && _twoway_items)" ;;
	purge) words="--yes" ;;
	backup) if [ -z "$sub" ]; then words="list now restore"; elif [ "$sub" = list ]; then words="--json"; fi ;;
	export) words="--format --meeting --agenda --coaching --what --out --force --coach" ;;
	check | recover) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	COMPREPLY=($(compgen -W "$words $global" -- "$cur"))
}
complete -F _twoway twoway
