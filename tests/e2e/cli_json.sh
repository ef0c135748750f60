#!/usr/bin/env bash
# --json on every listing command, read back with jq: one document each,
# the documented field names, the same records (and the same private text)
# as the plain output. Also the Unix manners: search exits 1 on no match,
# --quiet drops confirmations, and colour only on a terminal or when asked.
. "$(dirname "$0")/lib.sh"

# jq_is FILTER WANT WHAT: jq -r FILTER over the last stdout prints WANT.
jq_is() {
	CHECKS=$((CHECKS + 1))
	local got
	if ! got=$(printf '%s' "$OUT" | jq -r "$1" 2>&1); then
		fail "$3: jq could not read the output ($got):
$OUT"
		return
	fi
	[ "$got" = "$2" ] || fail "$3: jq '$1' gave '$got', expected '$2'"
}

ok profile add "Zoë Ng" --role "Team lead"
ok profile add Other
ok sponsor add 'Ann "Q" Lee' --title CTO --org Acme --stage sponsor --met "at a talk"
ok meeting add --sponsor 'Ann "Q" Lee' --when "2026-03-02 14:30" --agenda $'first line\nsecond\ttabbed'
ok action add "Send the deck" --meeting 1 --due 2026-03-05 --owner sponsor
ok action add "Free-standing"
ok action done 2
ok tick cli-test/prepare/agenda
ok rate cli-test/prepare/confidence 4
printf 'kept to myself: salary\n' | tw reflect cli-test/debrief/lesson --private >/dev/null
printf 'second take on salary\n' | tw reflect cli-test/debrief/lesson >/dev/null

ok profile list --json
jq_is '.profiles | map(.name) | join(",")' "Zoë Ng,Other" "profile list --json names"
jq_is '.profiles[] | select(.current) | .name' "Zoë Ng" "profile list --json current"
jq_is '.profiles[0] | [.id, .role, (.goals|type), (.created|test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$"))] | @tsv' \
	$'1\tTeam lead\tstring\ttrue' "profile list --json fields"

ok sponsor list --json
jq_is '.sponsors[0] | [.id, .name, .stage, .title, .org, .met] | @tsv' \
	$'1\tAnn "Q" Lee\tsponsor\tCTO\tAcme\tat a talk' "sponsor list --json"
ok sponsor show 1 --json
jq_is '[.name, .homework, (.updated|type)] | @tsv' $'Ann "Q" Lee\t\tstring' "sponsor show --json"

ok meeting list --json
jq_is '.meetings[0] | [.id, .sponsor_id, .sponsor, .when, .status] | @tsv' \
	$'1\t1\tAnn "Q" Lee\t2026-03-02T14:30:00+00:00\tplanned' "meeting list --json"
jq_is '.meetings[0].agenda' $'first line\nsecond\ttabbed' "meeting list --json keeps the agenda exact"
ok meeting show 1 --json
jq_is '[.id, .notes, (.actions|length), .actions[0].text, .actions[0].owner, .actions[0].due, (.actions[0].done == null)] | @tsv' \
	$'1\t\t1\tSend the deck\tsponsor\t2026-03-05\ttrue' "meeting show --json with its actions"

ok action list --json
jq_is '.actions | map([.id, .text, .owner, (.due // "-"), (.done != null), (.meeting // 0)] | @tsv) | join("|")' \
	$'1\tSend the deck\tsponsor\t2026-03-05\tfalse\t1|2\tFree-standing\tme\t-\ttrue\t0' "action list --json"
ok action list --open --json
jq_is '.actions | length' 1 "action list --open --json"

ok guides --json
jq_is '.guides | map(.id) | join(",")' "six-practices,before-meeting,after-meeting,checkup,cli-test" "guides --json ids"
jq_is '.guides[] | select(.id=="cli-test") | .sections[0].items | map([.id, .kind, .ticked, (.rating // 0)] | @tsv) | join("|")' \
	$'cli-test/prepare/agenda\tcheck\ttrue\t0|cli-test/prepare/homework\tcheck\tfalse\t0|cli-test/prepare/confidence\trate\tfalse\t4' \
	"guides --json progress"
jq_is '.guides[] | select(.id=="cli-test") | .sections[1].items[0].reflected' true "guides --json reflected"
ok guides cli-test --json
jq_is '[(.guides|length), (.removed|length)] | @tsv' $'1\t0' "guides GUIDE --json"

# Private text: exactly as the plain output has it: hidden (null) unless
# --private, flagged private either way.
printf 'salary is private too\n' | tw reflect cli-test/prepare/homework --private >/dev/null 2>&1 ||
	printf 'salary is private too\n' | tw reflect --free --private >/dev/null
ok history cli-test/debrief/lesson --json
jq_is '.versions | map([.version, .private, (.text // "HIDDEN")] | @tsv) | join("|")' \
	$'1\ttrue\tHIDDEN|2\ttrue\tHIDDEN' "history --json hides private text like the plain output"
ok history cli-test/debrief/lesson
CHECKS=$((CHECKS + 1))
case $OUT in *"kept to myself"*) fail "plain history shows private text without --private" ;; esac
ok history cli-test/debrief/lesson --json --private
jq_is '.versions | map([.version, .private, .text] | @tsv) | join("|")' \
	$'1\ttrue\tkept to myself: salary|2\ttrue\tsecond take on salary' "history --json --private"
ok history cli-test/debrief/lesson --private
CHECKS=$((CHECKS + 1))
case $OUT in *"kept to myself: salary"*) ;; *) fail "plain history --private lost the text" ;; esac
ok search salary --json
jq_is '.query' salary "search --json query"
jq_is '[.hits[] | select(.private) | .snippet] | map(. // "HIDDEN") | unique | join(",")' HIDDEN \
	"search --json hides private snippets like the plain output"
ok search salary --json --private
jq_is '[.hits[] | select(.private) | .snippet | test("\\[salary\\]")] | all' true "search --json --private"
run search salary
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | grep -c '^reflection')" = "$(tw search salary --json | jq '.hits | length')" ] ||
	fail "plain and JSON search list different hits: $OUT"

# search exits 1 when nothing matches, in both forms, like grep.
run search nothingmatchesthis
expect_rc 1 "search with no match"
run search nothingmatchesthis --json
expect_rc 1 "search --json with no match"
jq_is '.hits | length' 0 "search --json with no match is still a document"

# Text that needs escaping comes back exactly.
ok sponsor add $'Tab\there' --homework $'back\\slash "quoted" \xe2\x82\xac'
ok sponsor show $'Tab\there' --json
jq_is '.homework' $'back\\slash "quoted" \xe2\x82\xac' "escaped text round-trips through jq"

# backup list: the day's automatic backup (taken before the first write
# above) and one taken now, newest first, the same IDs as the table.
ok backup now
ok backup list --json
jq_is '.directory' "$SCRATCH/backups" "backup list --json directory"
jq_is '.backups | map(.kind) | join(",")' "manual,daily" "backup list --json kinds, newest first"
jq_is '.backups | map((.id|type) + (.date|test("^[0-9]{4}-[0-9]{2}-[0-9]{2}$")|tostring) + (.taken|test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}[+-][0-9]{2}:[0-9]{2}$")|tostring) + (.size|type)) | unique | join(",")' \
	"stringtruetruenumber" "backup list --json field types"
jq_is '.backups[1] | .date as $d | [.id == $d, (.path | startswith("'"$SCRATCH"'/backups/twoway-" + $d))] | @tsv' \
	$'true\ttrue' "backup list --json: the daily id is its date, the path in the directory"
CHECKS=$((CHECKS + 1))
while IFS=$'\t' read -r path size; do
	[ -f "$path" ] && [ "$(stat -c %s "$path")" = "$size" ] ||
		fail "backup list --json: $path is not a file of $size bytes"
done < <(printf '%s' "$OUT" | jq -r '.backups[] | [.path, .size] | @tsv')
JSON_IDS=$(printf '%s' "$OUT" | jq -r '.backups[].id')
ok backup list
CHECKS=$((CHECKS + 1))
[ "$(printf '%s\n' "$OUT" | awk 'NR > 1 { print $1 }')" = "$JSON_IDS" ] ||
	fail "backup list and backup list --json list different ids: $OUT / $JSON_IDS"
OUT=$("$TWOWAY" --db "$SCRATCH/none/empty.db" backup list --json 2>&1)
jq_is '[(.directory | endswith("/none/backups")), (.backups | length)] | @tsv' $'true\t0' \
	"backup list --json with no backups is still a document"
unchanged 2 "twoway backup list: unknown option '--jsno'" backup list --jsno

# --json is only where a listing is.
unchanged 2 "twoway tick: unknown option '--json'" tick cli-test/prepare/homework --json
run guides --ids --json
expect_rc 2 "guides --ids --json"

# --quiet: no confirmation, same effect.
run --quiet tick cli-test/prepare/homework
expect_rc 0 "tick --quiet"
CHECKS=$((CHECKS + 1))
[ -z "$OUT" ] || fail "tick --quiet printed: $OUT"
ok guides cli-test --json
jq_is '.guides[0].sections[0].items[1].ticked' true "tick --quiet still ticked"
run sponsor add Quiet -q
CHECKS=$((CHECKS + 1))
[ "$RC" = 0 ] && [ -z "$OUT" ] || fail "sponsor add -q: exit $RC, printed: $OUT"
run sponsor add Loud
expect_out_has "added sponsor 'Loud'" "without --quiet the confirmation stays"

# Colour: never into a pipe by default, NO_COLOR wins over a terminal,
# --color=always forces it, --color=never and a bad value.
ESC=$'\033'
no_escape() {
	CHECKS=$((CHECKS + 1))
	case $OUT in *"$ESC"*) fail "$1: output carries escape sequences" ;; esac
}
unset NO_COLOR
export TERM=xterm
ok sponsor list
no_escape "sponsor list into a pipe"
ok --color=auto meeting list
no_escape "--color=auto into a pipe"
ok --color=always sponsor list
CHECKS=$((CHECKS + 1))
case $OUT in "$ESC[1m"*ID*"$ESC[0m"*) ;; *) fail "--color=always: no bold header: $OUT" ;; esac
ok sponsor list --color never
no_escape "--color never"
run --color=sometimes sponsor list
expect_rc 2 "--color=sometimes"
expect_err_has "--color takes auto, always or never, not 'sometimes'" "--color=sometimes"
# On a terminal (script(1) gives one): bold header, unless NO_COLOR is set.
if command -v script >/dev/null 2>&1; then
	tty_out() { script -qec "$(printf '%q ' "$TWOWAY" --db "$DB" --content "$CONTENT" "$@")" /dev/null </dev/null; }
	OUT=$(tty_out sponsor list)
	CHECKS=$((CHECKS + 1))
	case $OUT in *"$ESC[1m"*) ;; *) fail "sponsor list on a terminal: no colour: $OUT" ;; esac
	OUT=$(NO_COLOR=1 tty_out sponsor list)
	no_escape "NO_COLOR=1 on a terminal"
	OUT=$(TERM=dumb tty_out sponsor list)
	no_escape "TERM=dumb on a terminal"
fi
export NO_COLOR=1

finish
