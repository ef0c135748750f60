#!/usr/bin/env bash
# Action items you can change, through the CLI: edit text, owner, due date
# and meeting; postpone by an offset from the due date (from today when it
# has passed or there is none); the list marks overdue items and names the
# sponsor; `meeting held --notes` adds to earlier notes unless --replace.
. "$(dirname "$0")/lib.sh"

START=$(date +%F)
day() { date -d "$1" '+%a %F'; }

ok profile add Alice
ok sponsor add "Dana Reyes"
ok sponsor add "Sam Ho"
ok meeting add --sponsor "Dana Reyes" --when "2030-01-10 10:00"
ok meeting add --sponsor "Sam Ho" --when "2030-02-10 10:00"
ok action add "Send the deck" --due 2030-01-20 --meeting 1
ok action add "Book a room" --due 2020-01-01
ok action add "Read the blog"

# edit: each field alone, the others kept
ok action edit 1 --text "Send the revised deck"
expect_out_has "changed action 1: due Sun 2030-01-20, owner me, meeting 1" "edit text"
ok action edit 1 --owner sponsor --meeting 2
expect_out_has "changed action 1: due Sun 2030-01-20, owner sponsor, meeting 2" "edit owner"
ok action edit 1 --due "2030-1-25"
expect_out_has "due Fri 2030-01-25" "edit due"
ok action list
expect_out_has "   1  [ ]  2030-01-25          sponsor  Sam Ho   2        Send the revised deck" "edited row"
ok action edit 1 --meeting none --due none
expect_out_has "changed action 1: due none, owner sponsor, meeting none" "clear due and meeting"
ok action list
expect_out_has "   1  [ ]  -                   sponsor  -        -        Send the revised deck" "cleared"

# overdue marked, sponsor named
ok action edit 2 --meeting 1
ok action list --overdue
expect_out_has "   2  [ ]  2020-01-01 overdue  me       Dana Reyes  1        Book a room" "overdue and sponsor"

# postpone: from the due date while it is ahead
ok action edit 3 --due 2030-03-01
ok action postpone 3 +3d
expect_out_has "postponed action 3 to Mon 2030-03-04 (was Fri 2030-03-01)" "postpone +3d"
ok action postpone 3
expect_out_has "postponed action 3 to Mon 2030-03-11 (was Mon 2030-03-04)" "postpone default +1w"
ok action postpone 3 "in 2 weeks"
expect_out_has "to Mon 2030-03-25" "postpone in 2 weeks"
# an overdue item: from today
ok action postpone 2 +2d
expect_out_has "postponed action 2 to $(day '+2 days') (was Wed 2020-01-01)" "overdue: from today"
ok action list --overdue
expect_out_has "no overdue actions" "no longer overdue"

# refused, nothing changed
unchanged 2 "twoway action edit: nothing to change: give --text, --due, --owner or --meeting" \
	action edit 1
unchanged 1 "twoway: --due: 'whenever' is not a date; try fri, +3d or 2026-12-03" \
	action edit 1 --due whenever
unchanged 1 "twoway: --owner 'boss' is not an owner; use 'me' or 'sponsor'" \
	action edit 1 --owner boss
unchanged 1 "twoway: no meeting 9 in this profile (see 'twoway meeting list')" \
	action edit 1 --meeting 9
unchanged 1 "twoway: no action 99 in this profile (see 'twoway action list')" \
	action edit 99 --text x
unchanged 1 "twoway: --text is empty; nothing was changed" action edit 1 --text ""
unchanged 1 "twoway: 'fri' is not an offset; try +3d, +1w or 'in 2 weeks' (to set a day, use action edit --due)" \
	action postpone 3 fri
unchanged 1 "twoway: '+3x' is not a date; try fri, +3d or 2026-12-03" action postpone 3 +3x
ok profile add Bob
unchanged 1 "twoway: no action 1 in this profile (see 'twoway action list')" \
	action edit 1 --text x --profile Bob

# meeting held: notes add up unless --replace
ok meeting held 1 --notes "Talked about the roadmap"
expect_out_has "meeting 1 with Dana Reyes marked held" "held"
ok meeting held 1 --notes "She will intro me to Sam"
expect_out_has "notes added to the earlier ones" "appended"
ok meeting show 1
expect_out_has "Talked about the roadmap" "first notes kept"
expect_out_has "She will intro me to Sam" "second notes there"
ok meeting held 1 --notes "Only this" --replace
expect_out_has "notes replaced" "replaced"
ok meeting show 1
case "$OUT" in *"Talked about"*) fail "--replace kept the old notes: $OUT" ;; esac
expect_out_has "Only this" "replaced notes"
unchanged 2 "twoway meeting held: --replace replaces the notes: give --notes too" \
	meeting held 1 --replace

if [ "$(date +%F)" != "$START" ] && [ -z "${TW_DATES_AGAIN:-}" ]; then
	echo "midnight passed during the run; running again"
	TW_DATES_AGAIN=1 exec bash "$0"
fi
finish
