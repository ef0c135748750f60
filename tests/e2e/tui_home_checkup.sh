#!/usr/bin/env bash
# The check-up opened from Home before any run exists starts a run, as
# `twoway checkup start` does, instead of walking untied answers: with the
# profile's one sponsor at once (the guide walks the run, an answer lands
# in it, Home's bar counts it, and enter again goes on with today's run);
# with two sponsors, Sponsors opens and c on one starts it; with none, a
# message says to add one and nothing is made.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
day() { printf '%d %s' "$(date +%-d)" "$(date '+%b %Y')"; }
runs() { sqlite3 "$DB" "SELECT count(*) FROM checkups"; }

# ---- no sponsor: nothing to start ----
tw profile add Ada >/dev/null || tui_fail "profile add"
tui_start 100 30
tui_wait "Relationship check-up"
tui_keys G Enter
tui_wait "a check-up is taken with a sponsor: add one first (s, then a)"
[ "$(runs)" = 0 ] || tui_fail "a run was made with no sponsor"
tui_keys q
tui_wait_exit 10

# ---- one sponsor: enter starts the run and walks it ----
tw sponsor add "Dana Reyes" >/dev/null || tui_fail "sponsor add"
tui_start 100 30
tui_wait "Relationship check-up"
tui_keys G Enter
tui_wait "Relationship check-up: Dana Reyes, check-up of $(day)"
[ "$(runs)" = 1 ] || tui_fail "runs after enter: $(runs)"
tw checkup list | grep -qF "Dana Reyes" || tui_fail "checkup list: $(tw checkup list)"
tui_keys 4 # rates the first item (the stage) in the run
tui_wait "Rated 4 of 5"
[ "$(sqlite3 "$DB" "SELECT checkup_id || ':' || rating FROM progress WHERE rating > 0")" = "1:4" ] ||
	tui_fail "the rating is not the run's: $(sqlite3 "$DB" 'SELECT * FROM progress')"
tui_keys q
tui_poll_start 10
until tui_screen | grep -F "Relationship check-up (Dana Reyes, $(day))" | grep -qF " 1/20"; do
	tui_poll_next || tui_fail "Home's check-up row does not count the run's rating"
done
# enter again goes on with today's run
tui_keys Enter
tui_wait "Relationship check-up: Dana Reyes, check-up of $(day)"
tui_wait "[4]"
[ "$(runs)" = 1 ] || tui_fail "a second run today: $(runs)"
tui_keys q q
tui_wait_exit 10

# ---- two sponsors, no run: Sponsors opens and c starts it ----
tw profile add Bo >/dev/null || tui_fail "profile Bo"
tw --profile Bo sponsor add "Sam Ho" >/dev/null || tui_fail "sponsor Sam"
tw --profile Bo sponsor add "Eve Lin" >/dev/null || tui_fail "sponsor Eve"
tui_start 100 30 -- --profile Bo
tui_wait "Relationship check-up"
tui_keys G Enter
tui_wait "a check-up is taken with one sponsor: c on them starts it"
tui_wait "Sam Ho"
[ "$(runs)" = 1 ] || tui_fail "a run was made before a sponsor was chosen"
tui_keys c
tui_wait "Relationship check-up: Eve Lin, check-up of $(day)"
[ "$(runs)" = 2 ] || tui_fail "runs after c: $(runs)"
tui_keys q q
tui_wait "Relationship check-up (Eve Lin, $(day))"
tui_keys q
tui_wait_exit 10
echo ok
