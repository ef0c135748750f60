#!/usr/bin/env bash
# Preparation per meeting through the CLI: answers, ticks and ratings of
# the before- and after-meeting guides belong to a meeting (--meeting ID,
# else the one being prepared: the next planned), meeting 2 starts clean,
# history and the brief read the meeting's own answers, and --meeting is
# refused for items answered once and for meetings of another profile.
. "$(dirname "$0")/lib.sh"

CH=before-meeting/agenda/the-challenge
ok profile add Ada
ok sponsor add "Dana Reyes"
ok meeting add --sponsor "Dana Reyes" --when "2030-01-10 10:00"
ok meeting add --sponsor "Dana Reyes" --when "2030-02-10 10:00"

run reflect $CH <<<"first meeting words"
expect_out_has "saved reflection 1 on $CH for meeting 1, version 1" "no --meeting: the next planned"
run reflect $CH --meeting 2 <<<"second meeting words"
expect_out_has "saved reflection 2 on $CH for meeting 2, version 1" "--meeting 2: its own answer"
ok history $CH --meeting 2
expect_out_has "second meeting words" "meeting 2's history"
case "$OUT" in *"first meeting words"*) fail "meeting 2's history shows meeting 1's answer" ;; esac
ok history $CH --meeting 1
expect_out_has "first meeting words" "meeting 1's history"
case "$OUT" in *"second meeting words"*) fail "meeting 1's history shows meeting 2's answer" ;; esac

ok tick before-meeting/homework/read-their-work --meeting 2
expect_out_has "ticked before-meeting/homework/read-their-work for meeting 2" "tick for a meeting"
ok rate before-meeting/logistics/readiness 3 --meeting 1
expect_out_has "rated before-meeting/logistics/readiness 3/5 for meeting 1" "rate for a meeting"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" "SELECT meeting_id || ':' || ticked || ':' || rating FROM progress ORDER BY item_id")" = \
	"2:1:0
1:0:3" ] || fail "progress rows: $(sqlite3 "$DB" 'SELECT * FROM progress')"

# the brief of each meeting reads its own answers; private ones stay out
run reflect before-meeting/the-ask/the-ask --meeting 2 <<<"ask for meeting two"
run reflect before-meeting/the-ask/the-ask --meeting 1 --private <<<"SECRET-ASK one"
ok export --format md --meeting 2
expect_out_has "ask for meeting two" "meeting 2's brief has its ask"
ok export --format md --meeting 1
CHECKS=$((CHECKS + 1))
case "$OUT" in *SECRET*|*"meeting two"*) fail "meeting 1's brief: $OUT" ;; esac

# refusals change nothing
unchanged 1 "twoway: 'six-practices/proactive/set-the-meeting' is answered once, not per meeting: leave out --meeting (the before-meeting and after-meeting guides are answered per meeting)" \
	tick six-practices/proactive/set-the-meeting --meeting 1
unchanged 1 "twoway: this profile has no meeting with id 99" \
	tick before-meeting/homework/read-their-work --meeting 99
ok profile add Bo
ok --profile Bo sponsor add Eve
ok --profile Bo meeting add --sponsor Eve --when "2030-03-01 10:00"
unchanged 1 "twoway: this profile has no meeting with id 3" \
	tick before-meeting/homework/read-their-work --meeting 3
run reflect six-practices/proactive/their-story --meeting 1 <<<"x"
expect_rc 1 "reflect on an item answered once with --meeting"
# purge: a purged meeting's answers, ticks and ratings go with it, and the
# list names them first (a private answer's text stays out of the list)
ok --profile Ada delete meeting 1
ok --profile Ada purge
expect_out_has "would remove 3 deleted records:" "purge counts the meeting's answers"
expect_out_has "Reflection $CH: first meeting words (goes with deleted meeting 1)" \
	"purge lists the meeting's answer"
expect_out_has "Reflection before-meeting/the-ask/the-ask (private) (goes with deleted meeting 1)" \
	"purge lists the private answer without its text"
expect_out_has "Meeting with Dana Reyes, 2030-01-10 10:00 (and its 1 tick, rating or draft)" \
	"purge names the meeting's rating"
CHECKS=$((CHECKS + 1))
case "$OUT" in *SECRET*) fail "purge list shows a private answer: $OUT" ;; esac
ok --profile Ada purge --yes
expect_out_has "purged 3 records" "purge --yes"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE meeting_id = 1")" = 0 ] ||
	fail "meeting 1's progress rows outlive its purge: $(sqlite3 "$DB" 'SELECT * FROM progress')"
CHECKS=$((CHECKS + 1))
[ "$(sqlite3 "$DB" "SELECT count(*) FROM progress WHERE meeting_id = 2")" = 1 ] ||
	fail "meeting 2's tick went with meeting 1's purge"
ok --profile Ada purge
expect_out_has "nothing to purge" "nothing left to purge"
finish
