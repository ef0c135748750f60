#!/usr/bin/env bash
# A long list scrolls: a generated guide of 200 items (via --content) keeps
# the focused row on screen through j, G, g, PgDn and PgUp.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
mkdir -p "$SCRATCH/long"
{
	printf 'schema: 1\nid: zz-long\ntitle: Zed long guide\nsummary: Two hundred items.\n'
	printf 'source: twoway tests\nlocale: en\nsections:\n  - id: all\n    title: All of them\n'
	printf '    basis: adapted\n    items:\n'
	for i in $(seq -w 1 200); do
		printf '      - id: i%s\n        kind: check\n        text: Item number %s\n' "$i" "$i"
	done
} > "$SCRATCH/long/long.yaml"
tui_start 80 24 -- --content "$SCRATCH/long"
tui_wait "Zed long guide"
tui_keys G Enter
tui_wait "Item number 001"
tui_keys G
tui_wait "Item number 200"
tui_absent "Item number 001"
tui_keys Space
tui_wait "[x] Item number 200"
tui_keys g
tui_wait "Item number 001"
tui_absent "Item number 200"
for i in $(seq 1 30); do tui_keys j; done
tui_wait "Item number 030"
tui_absent "Item number 001"
tui_keys NPage
tui_wait "Item number 04"
tui_keys PPage PPage PPage PPage
tui_wait "All of them"
tui_wait "1/200"
tui_keys q q
tui_wait_exit
echo "tui scroll ok"
