#!/usr/bin/env bash
# Exports from the app's screens: the meeting brief from the meeting view is
# byte for byte the CLI's brief, private (0600), and a second export to the
# same file asks before replacing it (n keeps the old one); an edited path
# with ~ and new directories; errors shown; .ics and CSV from the meetings
# list (the .ics parses with python3-icalendar); the coaching summary
# exported from coach mode shows a private reflection only as "(private)".
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }

tw profile add Sam >/dev/null || tui_fail "profile add"
tw profile use Sam >/dev/null || tui_fail "profile use"
tw sponsor add "María López" >/dev/null || tui_fail "sponsor add"
tw sponsor add "Ada Byron" >/dev/null || tui_fail "sponsor add"
tw meeting add --sponsor "María López" --when '2030-12-03 10:00' \
	--agenda $'Scope of the platform team, and; the ask\nSecond line' >/dev/null ||
	tui_fail "meeting add"
tw meeting add --sponsor "Ada Byron" --when '2031-01-15 09:30' --agenda "Engines" >/dev/null ||
	tui_fail "meeting add"
tw action add "Send the deck" --due 2020-01-01 --meeting 1 >/dev/null || tui_fail "action add"
tw action add "Read \"her\" book, twice" >/dev/null || tui_fail "action add"

BRIEF="$HOME/twoway-brief-2030-12-03-maria-lopez.md"
tw export --format md --meeting 1 > "$SCRATCH/brief.cli" || tui_fail "CLI brief"
grep -qF "Scope of the platform team" "$SCRATCH/brief.cli" || tui_fail "CLI brief has no agenda"

tui_start 80 24
tui_wait "Guides"
tui_keys m
tui_wait "Scope of the platform"
tui_keys Enter
tui_wait "Meeting with María López, planned"
tui_wait "x brief  i .ics"

# ---- ? lists the export keys ----
tui_keys '?'
tui_wait "export your brief (in it, Tab: the agenda)"
tui_wait "export all meetings for a calendar (.ics)"
tui_keys Escape
tui_wait_gone "Keys: Meeting with"

# ---- the brief: the default file in $HOME, identical to the CLI ----
tui_keys x
tui_wait "Export your private brief (Markdown) to:"
tui_wait "~/twoway-brief-2030-12-03-maria-lopez.md"
tui_keys Enter
tui_wait "wrote $BRIEF"
tui_wait_gone "Export your private brief"
[ -f "$BRIEF" ] || tui_fail "no file at $BRIEF"
cmp -s "$BRIEF" "$SCRATCH/brief.cli" || {
	diff "$SCRATCH/brief.cli" "$BRIEF"
	tui_fail "the app's brief differs from 'twoway export --format md --meeting 1'"
}
[ "$(stat -c %a "$BRIEF")" = 600 ] || tui_fail "brief mode $(stat -c %a "$BRIEF"), not 600"

# ---- the same file again: asked first; n keeps the old file ----
printf 'my own edits\n' > "$BRIEF"
tui_keys x
tui_wait "~/twoway-brief-2030-12-03-maria-lopez.md"
tui_keys Enter
tui_wait "The file exists: replace it? y/n"
tui_keys n
tui_wait "kept the existing file; nothing written"
[ "$(cat "$BRIEF")" = "my own edits" ] || tui_fail "n did not keep the old file"
# Still in the dialog after n: enter asks again, and y replaces it.
tui_keys Enter
tui_wait "The file exists: replace it? y/n"
tui_keys y
tui_wait "wrote $BRIEF"
cmp -s "$BRIEF" "$SCRATCH/brief.cli" || tui_fail "y did not replace the file with the brief"
[ "$(stat -c %a "$BRIEF")" = 600 ] || tui_fail "replaced brief is not 0600"

# ---- an edited path: ~ expands, missing directories are made 0700 ----
tui_keys x
tui_wait "Export your private brief"
tui_keys C-u
tui_type "~/exports/q?/brief.md"
tui_wait "~/exports/q?/brief.md"
tui_keys Enter
tui_wait "wrote $HOME/exports/q?/brief.md"
cmp -s "$HOME/exports/q?/brief.md" "$SCRATCH/brief.cli" || tui_fail "edited path: wrong content"
[ "$(stat -c %a "$HOME/exports/q?")" = 700 ] || tui_fail "new directory is not 0700"

# ---- errors: the core's message in the status line; nothing written ----
tui_keys x
tui_wait "Export your private brief"
tui_keys C-u
tui_type "~/twoway-brief-2030-12-03-maria-lopez.md/inside.md"
tui_keys Enter
tui_wait "not exported: '$HOME/twoway-brief"
grep -qF "maria-lopez.md' is not a directory" "$XDG_STATE_HOME/twoway/twoway.log" ||
	tui_fail "the core's message is not in the log"
tui_wait "Export your private brief"          # the dialog stays open
tui_keys C-u
tui_keys Enter
tui_wait "name the file to write"
tui_type "~/exports"
tui_keys Enter
tui_wait "is a directory: add a file name"
tui_keys Escape
tui_wait "export cancelled"
tui_wait_gone "Export your private brief"
[ ! -e "$HOME/twoway-meetings.ics" ] || tui_fail "a cancelled export wrote a file"

# ---- i from the meeting view offers the calendar ----
tui_keys i
tui_wait "Export all meetings (iCalendar) to:"
tui_wait "~/twoway-meetings.ics"
tui_keys Escape
tui_wait_gone "Export all meetings"
[ ! -e "$HOME/twoway-meetings.ics" ] || tui_fail "Esc wrote the calendar"

# ---- the meetings list: .ics (parsed) and CSV ----
tui_keys q
tui_wait "x csv  i .ics"
tui_keys '?'
tui_wait "export all meetings as CSV"
tui_keys Escape
tui_keys i
tui_wait "~/twoway-meetings.ics"
tui_keys Enter
tui_wait "wrote $HOME/twoway-meetings.ics"
[ "$(stat -c %a "$HOME/twoway-meetings.ics")" = 600 ] || tui_fail "ics is not 0600"
/usr/bin/python3 - "$HOME/twoway-meetings.ics" <<'PY' || tui_fail "the .ics does not parse"
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], "rb").read())
ev = [c for c in cal.walk() if c.name == "VEVENT"]
assert len(ev) == 2, len(ev)
uids = {str(e["UID"]) for e in ev}
assert len(uids) == 2 and all(u.startswith("meeting-") for u in uids), uids
assert all("DTSTAMP" in e and "DTSTART" in e for e in ev)
desc = [str(e.get("DESCRIPTION")) for e in ev]
assert any("Scope of the platform team, and; the ask\nSecond line" in d for d in desc), desc
PY
tw export --format ics | sed '/^DTSTAMP/d' > "$SCRATCH/ics.cli"
sed '/^DTSTAMP/d' "$HOME/twoway-meetings.ics" | cmp -s - "$SCRATCH/ics.cli" ||
	tui_fail "the app's .ics differs from the CLI's"

tui_keys x
tui_wait "Export all meetings (CSV) to:"
tui_wait "~/twoway-meetings.csv"
tui_keys Enter
tui_wait "wrote $HOME/twoway-meetings.csv"
tw export --format csv --what meetings | cmp -s - "$HOME/twoway-meetings.csv" ||
	tui_fail "the app's meetings CSV differs from the CLI's"

# ---- action items CSV from the Actions screen ----
tui_keys q
tui_wait "q quit"
tui_keys a
tui_wait "Send the deck"
tui_keys x
tui_wait "Export all action items (CSV) to:"
tui_wait "~/twoway-actions.csv"
tui_keys Enter
tui_wait "wrote $HOME/twoway-actions.csv"
tw export --format csv --what actions | cmp -s - "$HOME/twoway-actions.csv" ||
	tui_fail "the app's actions CSV differs from the CLI's"
grep -qF '"Read ""her"" book, twice"' "$HOME/twoway-actions.csv" || tui_fail "CSV quoting"
[ "$(stat -c %a "$HOME/twoway-actions.csv")" = 600 ] || tui_fail "csv is not 0600"
tui_keys q q
tui_wait_exit

# ---- the coaching summary: coach-facing, private text never in it ----
PRIV="Zebrafish secret about my sponsor"
PUB="Public words about naming the help I need"
tui_start 100 30 -- --coach
tui_wait "Whose session is it?"
tui_keys Enter
tui_wait "The coach's name"
tui_type "Robin Coach"
tui_keys Enter
tui_wait "Which guide will you walk together?"
tui_keys Enter
tui_wait "Coach notes"
# The sponsee writes during the session: one private, one public reflection.
printf '%s\n' "$PRIV" | tw reflect six-practices/proactive/their-story --private >/dev/null ||
	tui_fail "reflect --private"
printf '%s\n' "$PUB" | tw reflect six-practices/clear-ask/name-the-help >/dev/null ||
	tui_fail "reflect"
tui_keys C-x
tui_wait "End the session now?"
tui_keys y
tui_wait "Coaching session 1: summary"
tui_wait "x export  j scroll"
tui_keys '?'
tui_wait "export this summary (Markdown"
tui_keys Escape
tui_keys x
tui_wait "Export the coaching summary (Markdown) to:"
DAY=$(sqlite3 -readonly "$DB" "SELECT date(started, 'unixepoch', 'localtime') FROM coaching WHERE id = 1")
tui_wait "~/twoway-coaching-$DAY-sam.md"
tui_keys Enter
tui_wait "wrote $HOME/twoway-coaching-$DAY-sam.md"
SUM="$HOME/twoway-coaching-$DAY-sam.md"
[ "$(stat -c %a "$SUM")" = 600 ] || tui_fail "summary is not 0600"
grep -qF "$PUB" "$SUM" || tui_fail "the public reflection written in the session is missing"
grep -qF "(private)" "$SUM" || tui_fail "the private reflection is not marked (private)"
grep -qF "Zebrafish" "$SUM" && tui_fail "private reflection text in the coach export"
tw export --format md --coaching 1 | cmp -s - "$SUM" ||
	tui_fail "the app's coaching summary differs from the CLI's"
tui_keys q                        # --coach: leaving the summary leaves twoway
tui_wait_exit
echo "tui exports ok"
