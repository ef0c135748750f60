# Bash completion for twoway: subcommands, their subcommands and options,
# and item ids (from `twoway guides`) for tick, rate, reflect and history.
# Source it, or install it as /usr/share/bash-completion/completions/twoway.

_twoway_items()
{
	twoway guides 2>/dev/null | grep -oE '[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+' | sort -u
}

_twoway()
{
	local cur prev cmd sub i
	COMPREPLY=()
	cur=${COMP_WORDS[COMP_CWORD]}
	prev=${COMP_WORDS[COMP_CWORD - 1]}
	case $prev in
	--db | --content) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--profile) COMPREPLY=($(compgen -W "$(twoway profile list 2>/dev/null | awk 'NR > 1 { print $3 }')" -- "$cur")); return ;;
	--stage) COMPREPLY=($(compgen -W "mentor strategizer connector opportunity-giver sponsor" -- "$cur")); return ;;
	--owner) COMPREPLY=($(compgen -W "me sponsor" -- "$cur")); return ;;
	esac
	cmd="" sub=""
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		--db | --profile | --content) ((i++)) ;;
		-*) ;;
		*) if [ -z "$cmd" ]; then cmd=${COMP_WORDS[i]}; elif [ -z "$sub" ]; then sub=${COMP_WORDS[i]}; fi ;;
		esac
	done
	local global="--db --profile --content --help"
	if [ -z "$cmd" ]; then
		COMPREPLY=($(compgen -W "profile sponsor guides tick rate reflect history meeting action search delete undo purge export import check --coach --version $global" -- "$cur"))
		return
	fi
	local words=""
	case $cmd in
	profile) [ -z "$sub" ] && words="add list use" || words="--role --goals" ;;
	sponsor) [ -z "$sub" ] && words="add list show edit" || words="--name --title --org --met --homework --stage" ;;
	meeting) [ -z "$sub" ] && words="add list show held" || words="--sponsor --when --agenda --planned --held --notes --outcome" ;;
	action) [ -z "$sub" ] && words="add done list" || words="--owner --due --meeting --undo --open --overdue" ;;
	delete | undo) [ -z "$sub" ] && words="profile sponsor reflection meeting action coaching" ;;
	tick) words="--undo $( [ -z "$sub" ] && _twoway_items)" ;;
	rate | history) words="--restore $( [ -z "$sub" ] && _twoway_items)" ;;
	reflect) words="--private --free - $( [ -z "$sub" ] && _twoway_items)" ;;
	purge) words="--yes" ;;
	export) words="--format --meeting --coaching --what --out --force" ;;
	check) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	esac
	COMPREPLY=($(compgen -W "$words $global" -- "$cur"))
}
complete -F _twoway twoway
