#!/usr/bin/env bash
# Dates people type, through the CLI: every form is read against the real
# "now" and the resolved date is echoed back; the expected echo is worked
# out here with date(1). A run that straddles midnight is run again.
. "$(dirname "$0")/lib.sh"

START=$(date +%F)
day() { date -d "$1" '+%a %F'; }
# days to the next weekday N (1 = Monday) strictly after today
next_wd() { local wd; wd=$(date +%u); echo $(( ($1 - wd + 6) % 7 + 1 )); }

ok profile add Alice
ok sponsor add "Dana Reyes"

ok meeting add --sponsor "Dana Reyes" --when "tomorrow 10:30"
expect_out_has "added meeting 1 with Dana Reyes on $(day tomorrow) 10:30" "tomorrow"
ok meeting add --sponsor "Dana Reyes" --when "Thu 11:45"
expect_out_has "on $(day "+$(next_wd 4) days") 11:45" "the next Thursday"
ok meeting add --sponsor "Dana Reyes" --when "+2w"
expect_out_has "on $(day '+14 days') 09:00" "+2w"
ok meeting add --sponsor "Dana Reyes" --when "in 3 days at 3pm"
expect_out_has "on $(day '+3 days') 15:00" "in 3 days at 3pm"
ok meeting add --sponsor "Dana Reyes" --when "9:00"
expect_out_has "on $(day today) 09:00" "a time alone is today"
ok meeting add --sponsor "Dana Reyes" --when "2030-12-7"
expect_out_has "on Sat 2030-12-07 09:00" "an unpadded ISO day"
ok meeting list
expect_out_has "$(date -d '+14 days' +%F) 09:00" "stored as the resolved time"

ok action add "Send the deck" --due "in 3 days"
expect_out_has "added action 1, due $(day '+3 days')" "in 3 days"
ok action add "Book a room" --due fri
expect_out_has "due $(day "+$(next_wd 5) days")" "the next Friday"
ok action add "Read the blog" --due +1w
expect_out_has "due $(day '+7 days')" "+1w"
ok action list
expect_out_has "$(date -d '+3 days' +%F)" "the due date is stored as a day"

# refused with an example, nothing changed
unchanged 1 "twoway: --due: 'someday' is not a date; try fri, +3d or 2026-12-03" \
	action add "Later" --due someday
unchanged 1 "twoway: --when: 'thu 10:99' is not a date; try thu 10:30, +3d or 2026-12-03" \
	meeting add --sponsor "Dana Reyes" --when "thu 10:99"

if [ "$(date +%F)" != "$START" ] && [ -z "${TW_DATES_AGAIN:-}" ]; then
	echo "midnight passed during the run; running again"
	TW_DATES_AGAIN=1 exec bash "$0"
fi
finish
