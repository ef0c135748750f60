#!/usr/bin/env bash
# Profiles are a boundary: delete, undo and purge act within the profile in
# use; a NAME is looked up by name before it is taken as an id, the same
# in every command; purge lists every record it removes, cascades included.
. "$(dirname "$0")/lib.sh"

ok profile add A
ok profile add B
ok profile use A
ok action add "A's own action"
ok sponsor add "Dana"
ok meeting add --sponsor Dana --when "2026-03-02 10:30"

# B cannot delete A's action, sponsor or meeting.
unchanged 1 "twoway: no action 1 to delete in profile 'B'" --profile B delete action 1
unchanged 1 "twoway: no meeting 1 to delete in profile 'B'" --profile B delete meeting 1
unchanged 1 "twoway: unknown sponsor '1' (see 'twoway sponsor list')" --profile B delete sponsor 1
run action list
expect_out_has "A's own action" "A's action is still there"

# A deletes it; B can neither bring it back nor purge it.
ok delete action 1
unchanged 1 "twoway: no deleted action 1 to bring back in profile 'B'" --profile B undo action 1
ok --profile B purge
expect_out_has "nothing to purge" "B has nothing to purge"
ok --profile B purge --yes
ok undo action 1
run action list
expect_out_has "A's own action" "A brought it back"

# A sponsor named "1": found by name before sponsor id 1, everywhere.
ok sponsor add "1"
ok sponsor show 1
expect_out_has "2" "sponsor show 1 shows the sponsor named 1 (id 2)"
ok meeting add --sponsor 1 --when "2026-04-02 10:30"
expect_out_has "with 1 on" "meeting add --sponsor 1 picks the sponsor named 1"
ok delete sponsor 1
expect_out_has "deleted sponsor 2" "delete sponsor 1 deletes the sponsor named 1"
run sponsor list
expect_out_has "Dana" "Dana is still there"
ok undo sponsor 2
# digits that name nobody are an id
ok sponsor show 2 --profile A
run sponsor show 1
expect_out_has "1" "still by name"

# Purge lists what goes with a deleted record: the sponsor's meetings.
ok delete sponsor Dana
ok purge
expect_out_has "would remove 2 deleted records" "purge counts the sponsor and its meeting"
expect_out_has "Sponsor Dana" "purge lists the sponsor"
expect_out_has "Meeting with Dana" "purge lists the meeting that goes with it"

# A deleted profile: only --all lists it, with everything in it.
ok --profile B sponsor add "Eve"
ok --profile B action add "B's action"
ok delete profile B
ok purge
CHECKS=$((CHECKS + 1))
case "$OUT" in *"Profile B"*) fail "purge of A lists profile B: $OUT" ;; esac
ok purge --all
expect_out_has "would remove 5 deleted records" "purge --all counts B and what is in it"
expect_out_has "Profile B" "purge --all lists profile B"
expect_out_has "Sponsor Eve (goes with deleted profile B)" "the cascade is named"
expect_out_has "Action item: B's action (goes with deleted profile B)" "the cascade is named"
ok purge --all --yes
expect_out_has "purged 5 records" "purge --all removes exactly what it listed"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sponsors WHERE name IN ('Eve','Dana')")" = 0 ] ||
	fail "purged records are still in the database"
run action list
expect_out_has "A's own action" "A's live action survives the purge"

# An export of one profile shows none of another profile's sponsors, even
# for a meeting whose sponsor row was moved there behind twoway's back
# (no command does that): the calendar leaves the meeting out, and the
# JSON leaves out the row that would link to the other profile's sponsor.
ok profile add C
ok profile add D
ok --profile C sponsor add "Yan"
ok --profile D sponsor add "Zed Outsider"
ok --profile C meeting add --sponsor Yan --when "2030-05-02 10:30"
ok --profile C meeting add --sponsor Yan --when "2030-05-09 10:30"
sqlite3 "$DB" "UPDATE meetings SET sponsor_id = (SELECT id FROM sponsors WHERE name = 'Zed Outsider')
  WHERE id = (SELECT max(id) FROM meetings)"
ok export --format json
zed=$(sqlite3 "$DB" "SELECT uid FROM sponsors WHERE name = 'Zed Outsider'")
ok --profile C export --format ics
CHECKS=$((CHECKS + 1))
case "$OUT" in *Zed*) fail "profile C's calendar names D's sponsor: $OUT" ;; esac
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | grep -c '^BEGIN:VEVENT')" = 1 ] || fail "C's calendar: $OUT"
expect_out_has "Meeting with Yan" "C's own meeting is in its calendar"
ok --profile C export --format json
CHECKS=$((CHECKS + 1))
[ -n "$zed" ] || fail "D's sponsor has no uid after a whole export"
case "$OUT" in *"$zed"*|*Zed*) fail "profile C's JSON links to D's sponsor: $OUT" ;; esac
expect_out_has "Yan" "C's own sponsor is in its JSON"

finish
