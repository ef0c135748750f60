#!/usr/bin/env bash
# Check-ups over time through the CLI: `checkup start` begins a dated run
# with one sponsor, tick/rate/reflect answer the latest run or --checkup ID,
# a run's answers are kept when the next starts fresh, `checkup list` shows
# each run's ratings side by side, rating the stage in a run sets the
# sponsor's stage (sponsor list shows it with its day), and refusals
# (an ambiguous name, a run of another profile, --checkup on another
# guide's item, no run yet) change nothing.
. "$(dirname "$0")/lib.sh"
CONTENT="$TW_SRC/content/en" # the bundled check-up guide
case $(date +%H%M) in 235[89]) sleep 130 ;; esac # the runs are dated today
STAGE=checkup/continuum/stage
TRUST=checkup/trust/trust-level
today=$(date +%Y-%m-%d)

# expect_out TEXT WHAT: stdout of the last run is exactly TEXT.
expect_out() {
	CHECKS=$((CHECKS + 1))
	[ "$OUT" = "$1" ] || fail "$2: stdout was
$OUT
expected
$1"
}

ok profile add Ada
ok sponsor add "Dana Lee"
ok sponsor add "Dana Ruiz"
ok checkup list
expect_out_has "no check-ups yet (start one with 'twoway checkup start SPONSOR')" "empty list"
unchanged 1 "twoway: no check-up started yet: start one with 'twoway checkup start SPONSOR'" \
	rate "$STAGE" 3
unchanged 1 "twoway: 'dana' names 2 sponsors: 1 Dana Lee, 2 Dana Ruiz; use the id" \
	checkup start dana

# the first run, dated in September
ok checkup start "DANA LEE" --on 2026-09-01
expect_out_has "started check-up 1 with Dana Lee on Tue 2026-09-01" "start echoes the day"
ok rate "$STAGE" 2
expect_out_has "rated $STAGE 2/5 for check-up 1" "latest run"
ok rate "$TRUST" 3
ok tick checkup/advocacy/heard-about
ok reflect checkup/continuum/evidence <<<"september words"
expect_out_has "on checkup/continuum/evidence for check-up 1" "reflected on run 1"

# the second starts fresh; the first keeps its answers
ok checkup start 1
expect_out_has "started check-up 2 with Dana Lee on " "by id"
run history checkup/continuum/evidence
expect_rc 1 "the new run has no answer of its own"
ok history checkup/continuum/evidence --checkup 1
expect_out_has "september words" "the first run keeps its answer"
ok rate "$STAGE" 4
ok rate "$TRUST" 4 --checkup 2
ok rate checkup/advocacy/advocacy-level 1 --checkup 1
ok checkup list
expect_out "  ID  DATE        SPONSOR   STAGE  ADVOCACY  TRUST  VALUE  AUTHENTICITY  TICKED
   1  2026-09-01  Dana Lee      2         1      3      -             -     1/8
   2  $today  Dana Lee      4         -      4      -             -     0/8" "two runs side by side"
ok checkup list --sponsor "dana ruiz"
expect_out "no check-ups yet (start one with 'twoway checkup start SPONSOR')" "per sponsor"
ok checkup list --json
OUT=$(jq -r '.checkups[] | "\(.id) \(.ratings["checkup/continuum/stage"]) \(.ratings["checkup/trust/trust-level"])"' <<<"$OUT")
expect_out "$(printf '1 2 3\n2 4 4')" "json ratings"

# the stage has one home: the latest run's rating is the sponsor's stage
ok sponsor list
expect_out_has "Dana Lee   opportunity-giver  $today" "stage and its day"
ok rate "$STAGE" 1 --checkup 1 # an older run does not move the record
ok sponsor show "dana lee"
expect_out_has "Opportunity giver (since $today)" "newer run's stage kept"

# refusals change nothing
unchanged 1 "twoway: this profile has no check-up with id 9" rate "$STAGE" 2 --checkup 9
unchanged 1 "twoway: 'six-practices/proactive/their-story' is not a check-up item: leave out --checkup (only the check-up's items are answered per check-up)" \
	reflect six-practices/proactive/their-story --checkup 1 <<<"words"
unchanged 1 "twoway: unknown sponsor 'Dana R' (see 'twoway sponsor list')" checkup start "Dana R"
ok profile add Bo
unchanged 1 "twoway: this profile has no check-up with id 1" --profile Bo rate "$STAGE" 2 --checkup 1
finish
