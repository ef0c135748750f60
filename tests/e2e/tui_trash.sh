#!/usr/bin/env bash
# Deletes that take other records along ask first, and the Trash undoes a
# delete after leaving the screen: a sponsor with a meeting is deleted
# (the app says the meeting goes too and asks), the user leaves Sponsors,
# opens the Trash from Home, and brings the sponsor back with the meeting.
# A private reflection shows in the Trash without its text.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
tw sponsor add Grace --org Navy >/dev/null || tui_fail "sponsor add"
tw sponsor add Ada >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor Grace --when '2031-05-06 10:00' --agenda 'compilers' >/dev/null ||
	tui_fail "meeting add"
printf "secret words\n" | tw reflect six-practices/proactive/homework --private >/dev/null ||
	tui_fail "reflect"
rid=$(tw history six-practices/proactive/homework | sed -n 's/^reflection \([0-9]*\) .*/\1/p')
tw delete reflection "$rid" >/dev/null || tui_fail "delete reflection"

tui_start 100 30
tui_wait "Guides"
tui_keys s
tui_wait "Grace"
tui_keys g
# Ada sorts first; the second row is Grace.
tui_keys j d
tui_wait "delete Grace and their 1 meeting?"
tui_keys n
tui_wait "nothing deleted"
tw sponsor list | grep -qF Grace || tui_fail "Grace deleted without a yes"
tui_keys d
tui_wait "delete Grace and their 1 meeting?"
tui_keys y
tui_wait "deleted Grace"
tw sponsor list | grep -qF Grace && tui_fail "Grace still listed after yes"
tw meeting list | grep -qF 2031-05-06 && tui_fail "the meeting stayed"
# Ada has no meetings: deleted at once (u undoes it right there).
tui_keys g d
tui_wait "deleted Ada"
tui_keys u
tui_wait "sponsor back"

# Leave, then the Trash brings Grace back with the meeting.
tui_keys q
tui_wait "q quit"
tui_keys t
tui_wait "Deleted records of"
tui_wait "Sponsor Grace (and 1 meeting)"
tui_absent "Meeting with Grace"
tui_absent "secret words"
tui_wait "Reflection six-practices/proactive/homework"
tui_keys g u
tui_wait "brought back: Sponsor Grace"
tui_wait_gone "Sponsor Grace (and 1 meeting)"
tw sponsor list | grep -qF Grace || tui_fail "Grace not back"
tw meeting list | grep -qF 2031-05-06 || tui_fail "the meeting not back"
tui_keys q q
tui_wait_exit
echo "tui trash ok"
