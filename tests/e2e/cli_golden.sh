#!/usr/bin/env bash
# Golden test of the scriptable CLI: a scripted session (profiles, sponsors,
# progress, reflections with history, meetings, actions, search, delete,
# undo, purge) whose stdout is compared with tests/data/cli/*.out.
. "$(dirname "$0")/lib.sh"

# Profiles.
ok profile add Alice --role "Platform engineer" --goals "Lead the storage team"
golden profile-add
ok profile add "Zoë Ng" --role Designer
ok profile add "Kim Park" # no role: the line ends after the name
ok profile list
golden profile-list-before
ok profile use Alice
golden profile-use
ok profile list
golden profile-list
ok profile list --names
golden profile-names

# Sponsors.
ok sponsor add "Maria Lopez" --title "VP Engineering" --org Acme --met "offsite 2025" \
	--homework "Writes about platform teams" --stage connector
golden sponsor-add
ok sponsor add "Sam Ho" --title CTO --org Acme
ok sponsor edit "Sam Ho" --stage opportunity-giver --met "a hackathon"
golden sponsor-edit
ok sponsor list
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/' <<<"$OUT") # the day the stage was set
golden sponsor-list
ok sponsor show 1
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/' <<<"$OUT")
golden sponsor-show

# Progress.
ok tick cli-test/prepare/agenda
golden tick
ok tick cli-test/debrief/thanks
ok tick cli-test/debrief/thanks --undo
golden tick-undo
ok rate cli-test/prepare/confidence 4
golden rate
ok rate cli-test/prepare/confidence 3

# Reflections: stdin, a second version, a private free-standing one.
ok reflect cli-test/debrief/lesson <<<"She cares about developer experience."
golden reflect-1
printf 'She cares about developer experience.\nAnd about café culture: déjà vu.\n' >"$SCRATCH/r2"
ok reflect cli-test/debrief/lesson --private <"$SCRATCH/r2"
golden reflect-2
ok search café déj --private
golden search-cafe
ok reflect - --private <<<"A free-standing thought about the offsite."
golden reflect-free
ok reflect --free <<<"Another free-standing note."
ok history 2 --private
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' <<<"$OUT")
golden history-free
ok guides cli-test
golden guides
ok history cli-test/debrief/lesson --private
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' <<<"$OUT")
golden history
ok history cli-test/debrief/lesson --restore 1
golden history-restore
ok history cli-test/debrief/lesson --private
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' <<<"$OUT")
golden history-after-restore

# Meetings and actions.
ok meeting add --sponsor "Maria Lopez" --when "2026-03-02 10:30" --agenda "Platform roadmap
Ask for the storage lead role"
golden meeting-add
ok meeting add --sponsor 2 --when 2026-02-01
ok meeting held 2 --notes "Talked about the hackathon" --outcome "Intro to the storage team"
golden meeting-held
ok meeting list
golden meeting-list
ok meeting list --planned
golden meeting-list-planned
ok action add "Send the roadmap draft" --due 2099-03-09 --meeting 1
golden action-add
ok action add "Introduce me to the storage lead" --owner sponsor --meeting 2 --due 2020-02-10
ok action add "Read the platform blog"
ok action done 3
ok meeting show 1
golden meeting-show
ok action list
golden action-list
ok action list --overdue
golden action-list-overdue
ok action done 3 --undo
ok action list --open
golden action-list-open

# Search.
ok search storage
golden search-storage
ok search developer
golden search-developer
run search nothingmatchesthis
expect_rc 1 "search with no match exits 1, like grep"
golden search-none

# Delete, undo, purge.
ok delete action 2
golden delete
ok action list
golden action-list-deleted
ok undo action 2
golden undo
ok delete action 3
ok delete meeting 2
ok purge
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' <<<"$OUT")
golden purge-list
ok action list
golden action-list-before-purge
ok purge --yes
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}/TIME/' <<<"$OUT")
golden purge-yes
ok purge
golden purge-empty

# --profile picks another profile for one command, wherever it stands.
ok sponsor list --profile "Zoë Ng"
golden sponsor-list-other
ok --profile "Zoë Ng" guides cli-test
golden guides-other

# A profile or sponsor can be deleted by name; undo takes the id printed.
ok sponsor add "Temp Person"
ok delete sponsor "Temp Person"
golden delete-sponsor-name
ok sponsor list
OUT=$(sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/YYYY-MM-DD/' <<<"$OUT")
golden sponsor-list-after-delete
ok undo sponsor 3
ok delete profile "Kim Park"
golden delete-profile-name
ok undo profile 3
ok profile list --names
golden profile-names-after-undo

# Progress on an item that left the content is kept and listed.
CONTENT="$TW_TEST_DATA/cli/removed"
ok tick cli-test/debrief/thanks-note
ok guides cli-test
golden guides-removed
CONTENT="$TW_TEST_DATA/cli/content"
ok tick cli-test/debrief/thanks
ok guides cli-test
golden guides-removed-back

# Columns line up by terminal width: CJK and emoji take two columns, an
# accented letter one (a fresh profile keeps the other listings as they are).
ok profile add "Wide names"
ok --profile "Wide names" sponsor add "日本太郎" --title CTO
ok --profile "Wide names" sponsor add "Ann" --title VP
ok --profile "Wide names" sponsor add "Zoë 🎉" --title Lead
ok --profile "Wide names" sponsor list
golden sponsor-list-wide

# Control characters are shown as '?' wherever they fall in a cell, also
# inside the eight-byte runs the table copies whole: ESC, DEL and a C1
# control (CSI, two bytes in UTF-8), each alone in its cell at every
# offset from 0 to 17, and the TEXT column still starts where its header
# does. The CLI refuses such text, so another program writes it in.
ok profile add "Escapes"
for c in 27 127 155; do
	for k in $(seq 0 17); do
		ok --profile Escapes action add "escape $c $k"
	done
done
sqlite3 "$DB" "UPDATE actions SET text =
	replace(hex(zeroblob(CAST(substr(text, 8 + instr(substr(text, 8), ' ')) AS INTEGER))), '00', 'a')
	|| char(CAST(substr(text, 8) AS INTEGER)) || 'z tail' WHERE text LIKE 'escape %'"
ok --profile Escapes action list
CHECKS=$((CHECKS + 1))
python3 - "$OUT" <<'PY' || fail "control characters reached the action list"
import sys
out = sys.argv[1]
assert "\x1b" not in out and "\x7f" not in out and "\x9b" not in out, repr(out[:200])
lines = out.split("\n")
col = lines[0].index("TEXT")
texts = sorted(l[col:] for l in lines[1:] if l.strip())
want = sorted("a" * k + "?z tail" for _ in range(3) for k in range(18))
assert texts == want, (texts[:5], want[:5])
PY

# No golden line ends in white space (a table pads only up to its last
# non-empty cell).
CHECKS=$((CHECKS + 1))
trailing=$(grep -n ' $' "$GOLDEN"/*.out)
[ -z "$trailing" ] || fail "lines ending in spaces: $trailing"

finish
