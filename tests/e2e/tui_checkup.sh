#!/usr/bin/env bash
# Two check-up runs showing a trend: a run taken in September (through the
# CLI) and one taken in the app today. On Sponsors, c starts the run and
# walks the check-up for it: it starts clean with September's answers
# beside each item as "last time"; rating the stage shows it over time and
# sets the sponsor's stage (dated); back on Sponsors the check-ups read as a
# trend with arrows, and the September run keeps its answers. Search finds
# the sponsor by her homework notes and opens her.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tw() { "$TWOWAY" --db "$DB" "$@"; }
STAGE=checkup/continuum/stage

tw sponsor add "Dana Reyes" --stage mentor --homework "writes on quorum reads" >/dev/null ||
	tui_fail "sponsor add"
tw checkup start "dana reyes" --on 2026-09-01 >/dev/null || tui_fail "checkup start"
tw rate $STAGE 2 >/dev/null || tui_fail "rate stage"
tw rate checkup/trust/trust-level 3 >/dev/null || tui_fail "rate trust"
tw tick checkup/advocacy/heard-about >/dev/null || tui_fail "tick"
today=$(date +%s)
day() { printf '%d %s' "$(date -d "@$1" +%-d)" "$(date -d "@$1" '+%b %Y')"; }

tui_start 160 40
tui_wait "Relationship check-up"
tui_keys s
tui_wait "Dana Reyes"
tui_wait "Check-ups (c starts one)"
tui_wait "1 Sep 2026  stage 2  trust 3"
tui_keys c
# the new run: nothing done, September's answer beside the stage
tui_wait "Relationship check-up: Dana Reyes, check-up of $(day "$today")"
tui_wait " 0/"
tui_wait "Last time (Dana Reyes, check-up of 1 Sep 2026): rated 2 of 5"
tui_keys 4
tui_wait "Rated 4 of 5"
tui_wait "Over time: 1 Sep 2026 2, $(day "$today") 4"
# the trust item: September's rating as last time; copy it, then raise it
tui_keys j j j j j j j j # past the continuum and advocacy items
tui_wait "Last time (Dana Reyes, check-up of 1 Sep 2026): rated 3 of 5"
tui_keys c
tui_wait "copied last time's answer to this check-up"
tui_keys 5
tui_wait "Over time: 1 Sep 2026 3, $(day "$today") 5"
tui_keys q
tui_wait "Check-ups (c starts one)"
tui_wait "1 Sep 2026  stage 2  trust 3"
tui_wait "$(day "$today")  stage 4↑  trust 5↑"
tui_wait "Stage: Opportunity giver, since $(day "$today")"
# c again today goes on with today's run, it does not start a third
tui_keys c
tui_wait "Rated 4 of 5"
tui_keys q q
# search covers sponsors: the sponsor's homework finds her, enter opens her
tui_wait "Relationship check-up"
tui_keys /
tui_type "quorum"
tui_wait "[quorum]"
tui_wait "Dana Reyes"
tui_keys Enter
tui_wait "Check-ups (c starts one)"
tui_keys q
tui_keys Escape
tui_wait "Relationship check-up"
tui_keys q
tui_wait_exit 5

out=$(tw checkup list) || tui_fail "checkup list"
grep -q "^   1  2026-09-01  Dana Reyes      2         -      3      -             -     1/8$" <<<"$out" ||
	tui_fail "the September run changed: $out"
grep -q "^   2  .*  Dana Reyes      4         -      5      -             -     0/8$" <<<"$out" ||
	tui_fail "today's run: $out"
[ "$(grep -c 'Dana Reyes' <<<"$out")" = 2 ] || tui_fail "a third run: $out"
echo "tui_checkup: OK"
