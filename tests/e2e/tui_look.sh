#!/usr/bin/env bash
# How the screens read at 100x30, 80x24 and 40x12: long checklist items wrap
# under themselves and the focused one is whole on screen after j, PgDn and
# G; Home's next step and overdue actions are not cut; cut text ends in an
# ellipsis; the footer names the keys that really work; the help overlay
# wraps; a message about a screen left behind does not follow the user.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

# A guide whose items are long sentences that start "Item N starts" and
# end "item N ends", so the screen says which item is whole.
CONTENT="$SCRATCH/content"
mkdir -p "$CONTENT"
{
	printf 'schema: 1\nid: zz-look\ntitle: Zed look guide\nsummary: Long items.\n'
	printf 'source: twoway tests\nlocale: en\nsections:\n'
	for s in 1 2; do
		printf '  - id: s%s\n    title: Section %s of the look guide\n    basis: adapted\n    items:\n' "$s" "$s"
		for i in 1 2 3 4 5 6; do
			n=$(( (s - 1) * 6 + i ))
			printf '      - id: i%s\n        kind: check\n' "$i"
			printf '        text: Item %s starts here and goes on about preparing for a sponsor meeting in enough words to need several lines at any width, then item %s ends\n' "$n" "$n"
			printf '        detail: The detail of item %s.\n' "$n"
		done
	done
} > "$CONTENT/zz-look.yaml"

# The list part of the screen: left of the divider (wide layout) or above
# the rule (stacked layout).
list_part() {
	local cols
	cols=$(tmux -L "$SOCK" display -p '#{window_width}')
	if [ "$cols" -ge 100 ]; then
		tui_screen | sed -n '3,$p' | sed 's/│.*//'
	else
		tui_screen | sed -n '3,$p' | sed '/────/,$d'
	fi
}

# The item the detail pane names: its first line "Item N starts ...".
focused() {
	tui_screen | sed -n '3,$p' | sed 's/^.*│//' | grep -oE 'Item [0-9]+ starts' | tail -1 |
		grep -oE '[0-9]+'
}

# The focused item is whole in the list: its first and last words.
whole() {
	local n=$1 what=$2
	[ -n "$n" ] || tui_fail "$what: no focused item in the detail pane"
	list_part | grep -qF "Item $n starts" || tui_fail "$what: item $n's first words are not in the list"
	list_part | grep -qF "item $n ends" || tui_fail "$what: item $n's last words are not in the list"
}

# focus_leaves N WHAT: waits until the focused item is no longer N.
focus_leaves() {
	local i
	for i in $(seq 1 100); do
		[ "$(focused)" != "$1" ] && return 0
		sleep 0.1
	done
	tui_fail "$2: the focus stayed on item $1"
}

open_look_guide() {
	tui_wait "Zed look guide"
	tui_keys G Enter
	tui_wait "Item 1 starts"
}

for size in "100 30" "80 24" "40 12"; do
	# shellcheck disable=SC2086
	tui_start $size -- --content "$CONTENT"
	open_look_guide
	whole 1 "$size first item"
	# Continuation lines sit under the text, not under the [ ] marks.
	list_part | grep -qE '^      [a-z]' || tui_fail "$size: no continuation line indented under the text"
	list_part | grep -qE '^  \[ \] Item 1 starts' || tui_fail "$size: the marks column moved"
	tui_keys j j j
	tui_wait "Item 4 starts"
	whole "$(focused)" "$size after j"
	tui_keys C-f
	focus_leaves 4 "$size PgDn"
	n=$(focused)
	[ "$n" -gt 4 ] || tui_fail "$size: PgDn did not move down (on item $n)"
	whole "$n" "$size after PgDn"
	tui_keys C-b
	focus_leaves "$n" "$size PgUp"
	whole "$(focused)" "$size after PgUp"
	tui_keys G
	tui_wait "item 12 ends"
	whole 12 "$size after G"
	tui_absent "item 1 ends"
	tui_keys g j
	tui_wait "Item 1 starts"
	whole 1 "$size after g"
	tui_keys q q
	tui_wait_exit
done

# Ticking works on a wrapped item and its mark stays in the marks column.
tui_start 80 24 NO_COLOR=1 -- --content "$CONTENT"
open_look_guide
tui_keys Space
tui_wait "[x] Item 1 starts"
tui_keys q q
tui_wait_exit

# Home: the next step is readable whole at 80 columns and says enough at
# 40; an overdue action says so even when its text is long; a private
# reflection shows its own words first.
tw action add "Send the slide deck for the infrastructure all-hands to Amélie with a summary of the three key results" --due 2024-03-20 >/dev/null
tw action add "Follow up on the introduction to the SRE guild lead" --owner sponsor --due 2099-01-01 >/dev/null
tui_start 80 24
tui_wait "Next step:"
tui_wait "7 items left in Be proactive and well prepared, in The"
tui_wait "practices of a successful sponsee"
tui_wait "overdue: Send the slide deck"
tui_screen | grep -F "overdue: Send the slide deck" | grep -qF "…" ||
	tui_fail "a cut action item does not end in an ellipsis"
tui_wait "(sponsor) Follow up on the introduction"
tui_keys q
tui_wait_exit
tui_start 40 12
tui_wait "Next step: 7 items left in Be"
tui_wait "proactive and well prepared"
tui_keys q
tui_wait_exit

# The footer names the keys that work: where q is typed, Esc is the way
# back; the title bar ends in an ellipsis when cut.
tui_start 80 24
tui_wait "q quit"
tui_keys /
tui_wait "Esc back"
tui_absent "q back"
tui_keys Escape
tui_wait "q quit"
tui_keys r
tui_wait "F1 keys  Esc done"
tui_absent "q back"
tui_wait "type below; Esc saves and goes back"
tui_keys C-s
tui_wait "nothing to save"
tui_keys Escape
tui_wait "q quit"
# The editor's message went with it.
tui_wait_gone "nothing to save" 2
tui_keys q
tui_wait_exit
tui_start 40 12
tui_wait "Guides"
tui_keys Enter
tui_wait "twoway · The six practices of a…"
# Footer pairs drop whole: no pair cut in the middle.
tui_screen | tail -1 | grep -qE '(^| )(space tick|1-5 rate)  +\? help  q back' ||
	tui_fail "the footer at 40 columns cut a key in two"
tui_keys q q
tui_wait_exit

# The help overlay wraps long lines and keeps whole keys.
tui_start 80 24
tui_wait "Guides"
tui_keys Enter
tui_wait "space tick"
tui_keys '?'
tui_wait "h, Left, l, Right"
tui_wait "a private reflection, one to write"
tui_wait "F1 where you type text"
tui_keys x
tui_wait_gone "Keys: "
tui_keys q q
tui_wait_exit
echo "tui look ok"
