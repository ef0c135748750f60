#!/usr/bin/env bash
# Search results label a meeting with its time in the reader's time zone,
# as `meeting list` does, whatever zone the meeting was written in.
. "$(dirname "$0")/lib.sh"

TZ=UTC ok profile add Alice
TZ=UTC ok sponsor add "Maria Lopez"
TZ=UTC ok meeting add --sponsor "Maria Lopez" --when "2026-03-02 10:30" --agenda "roadmap review"
for zone in UTC Asia/Kolkata America/New_York; do
	when=$(TZ=$zone tw meeting list | awk '$1 == 1 { print $2 " " $3 }')
	TZ=$zone run search roadmap
	expect_rc 0 "search in $zone"
	expect_out_has "Maria Lopez, $when" "search in $zone shows the meeting at $when"
done
# the zones differ, so the test tells a label fixed at write time apart
CHECKS=$((CHECKS + 1))
[ "$(TZ=Asia/Kolkata tw meeting list | awk '$1 == 1 { print $3 }')" = 16:00 ] ||
	fail "meeting list in Asia/Kolkata: $(TZ=Asia/Kolkata tw meeting list)"
finish
