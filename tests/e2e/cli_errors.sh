#!/usr/bin/env bash
# Bad input to the CLI: each case exits 1 (user error) or 2 (usage error)
# with one clear line naming the offending argument, prints nothing on
# stdout, and leaves the database byte-for-byte the same (compared as a dump).
. "$(dirname "$0")/lib.sh"

ok profile add Alice
ok sponsor add "Maria Lopez"
ok meeting add --sponsor "Maria Lopez" --when "2026-03-02 10:30"
ok action add "Send the agenda"
ok reflect cli-test/debrief/lesson <<<"first version"

# Unknown item ids, with suggestions.
unchanged 1 "twoway: unknown item 'cli-test/prepare/agnda'; did you mean: cli-test/prepare/agenda" \
	tick cli-test/prepare/agnda
[[ "$ERR" == *"did you mean: cli-test/prepare/agenda"* ]] || fail "best suggestion first"
unchanged 1 "$(tw tick cli-test/prepare/agnda 2>&1)" rate cli-test/prepare/agnda 3
expect_err_has "unknown item 'cli-test/prepare/agnda'" "rate suggests"
run reflect cli-test/nope/lesson <<<"text"
expect_rc 1 "reflect on an unknown item"
expect_err_has "unknown item 'cli-test/nope/lesson'; did you mean: cli-test/debrief/lesson" \
	"reflect suggests"

# Wrong kind of item.
unchanged 1 "twoway: 'cli-test/prepare/confidence' is a rate item, not a box to tick; use 'twoway rate cli-test/prepare/confidence N'" \
	tick cli-test/prepare/confidence
unchanged 1 "twoway: 'cli-test/prepare/agenda' is a check item, not a rating; use 'twoway tick cli-test/prepare/agenda'" \
	rate cli-test/prepare/agenda 3
unchanged 1 "twoway: rating '6' is not a number from 1 to 5" rate cli-test/prepare/confidence 6
unchanged 1 "twoway: rating 'x' is not a number from 1 to 5" rate cli-test/prepare/confidence x

# Reflections: empty, blank, invalid UTF-8, control characters.
before=$(dump)
for input in "" "   " $'\n\n\t\n'; do
	run reflect cli-test/debrief/lesson <<<"$input"
	expect_rc 1 "empty reflection"
	expect_err "twoway: the reflection is empty; nothing was changed" "empty reflection"
done
printf 'caf\xe9 au lait\n' >"$SCRATCH/latin1"
run reflect cli-test/debrief/lesson <"$SCRATCH/latin1"
expect_rc 1 "latin-1 reflection"
expect_err "twoway: the reflection is not valid UTF-8 text; nothing was changed" "latin-1"
printf 'bell \a and \033[31mred\n' >"$SCRATCH/ctl"
run reflect - <"$SCRATCH/ctl"
expect_rc 1 "control characters"
expect_err "twoway: the reflection holds control characters; nothing was changed" "control"
printf 'nul \0 byte\n' >"$SCRATCH/nul"
run reflect - <"$SCRATCH/nul"
expect_rc 1 "NUL byte"
expect_err_has "holds control characters" "NUL byte"
[ "$(dump)" = "$before" ] || fail "a refused reflection changed the database"

# Invalid UTF-8 in option text.
unchanged 1 "twoway: --title is not valid UTF-8 text; nothing was changed" \
	sponsor add Sam --title $'caf\xe9'
unchanged 1 "twoway: the action text is not valid UTF-8 text; nothing was changed" \
	action add $'\xff\xfe'
unchanged 1 "twoway: --agenda holds control characters; nothing was changed" \
	meeting add --sponsor "Maria Lopez" --when 2026-03-03 --agenda $'a\033[2Jb'

# Dates.
unchanged 1 "twoway: --when: '2026-02-30' is not a date: 2026-02 has no day 30" \
	meeting add --sponsor "Maria Lopez" --when 2026-02-30
unchanged 1 "twoway: --when: 'tomorrowish' is not a date; try thu 10:30, +3d or 2026-12-03" \
	meeting add --sponsor "Maria Lopez" --when tomorrowish
unchanged 1 "twoway: --when: '2026-03-02 25:00' is not a date; try thu 10:30, +3d or 2026-12-03" \
	meeting add --sponsor "Maria Lopez" --when "2026-03-02 25:00"
unchanged 1 "twoway: --when is empty; nothing was changed" \
	meeting add --sponsor "Maria Lopez" --when " "
unchanged 1 "twoway: --due: '2026-13-01' is not a date; try fri, +3d or 2026-12-03" \
	action add "Do it" --due 2026-13-01
unchanged 1 "twoway: --due: 'thu 10:30' has a time; give a day: fri, +3d or 2026-12-03" \
	action add "Do it" --due "thu 10:30"
# a time the clocks skip is named, not moved (TZ is UTC here: use Berlin)
TZ=Europe/Berlin unchanged 1 "twoway: --when: no 02:30 on Sun 2027-03-28: clocks jump forward for daylight saving; try 03:30" \
	meeting add --sponsor "Maria Lopez" --when "2027-03-28 02:30"

# Unknown profile, sponsor, records.
unchanged 1 "twoway: no profile named 'Bob' (see 'twoway profile list')" \
	sponsor list --profile Bob
unchanged 1 "twoway: unknown profile 'Bob' (see 'twoway profile list')" profile use Bob
unchanged 1 "twoway: unknown sponsor 'Nobody' (see 'twoway sponsor list')" \
	meeting add --sponsor Nobody --when 2026-03-03
unchanged 1 "twoway: unknown sponsor 'Nobody' (see 'twoway sponsor list')" \
	sponsor edit Nobody --title X
unchanged 1 "twoway: no meeting 99 in this profile (see 'twoway meeting list')" meeting show 99
unchanged 1 "twoway: no meeting 99 in this profile (see 'twoway meeting list')" \
	meeting held 99 --notes x
unchanged 1 "twoway: no action 42 in this profile (see 'twoway action list')" action done 42
unchanged 1 "twoway: 'x1' is not a valid meeting id: ids are positive numbers" \
	action add "Follow up" --meeting x1
unchanged 1 "twoway: 'abc' is not a valid action id: ids are positive numbers" action done abc
unchanged 1 "twoway: a profile named 'Alice' already exists" profile add Alice
unchanged 1 "twoway: 'boss' is not a stage; use mentor, strategizer, connector, opportunity-giver or sponsor" \
	sponsor add Kim --stage boss
unchanged 1 "twoway: --owner 'them' is not an owner; use 'me' or 'sponsor'" \
	action add "Do it" --owner them
unchanged 1 "twoway: unknown guide 'nope'; the guides are: $(tw guides | grep -E '^[a-z]' | \
	grep -v '^kept' | cut -d' ' -f1 | paste -sd, | sed 's/,/, /g')" guides nope
unchanged 1 "twoway: no version 7 of reflection 1 on cli-test/debrief/lesson (it has versions 1-1)" \
	history cli-test/debrief/lesson --restore 7
unchanged 1 "twoway: no reflection on cli-test/prepare/agenda yet (write one with 'twoway reflect cli-test/prepare/agenda')" \
	history cli-test/prepare/agenda
unchanged 1 "twoway: no action 99 to delete in profile 'Alice'" delete action 99
unchanged 1 "twoway: unknown sponsor 'Nobody' (see 'twoway sponsor list')" delete sponsor Nobody
unchanged 1 "twoway: unknown profile 'Bob' (see 'twoway profile list')" delete profile Bob
unchanged 1 "twoway: 'Maria Lopez' is not a valid sponsor id: ids are positive numbers" \
	undo sponsor "Maria Lopez"
unchanged 1 "twoway: 'Maria Lopez' is not a valid meeting id: ids are positive numbers" \
	delete meeting "Maria Lopez"

# Usage errors: exit 2, the first line names the problem.
unchanged 2 "twoway tick: unknown option '--force'" tick cli-test/prepare/agenda --force
unchanged 2 "twoway action add: unknown option '--colour'" action add "x" --colour=red
unchanged 2 "twoway: --color takes auto, always or never, not 'red'" action add "x" --color=red
unchanged 2 "twoway tick: missing the ITEM to tick" tick
unchanged 2 "twoway rate: missing the rating N (1 to 5)" rate cli-test/prepare/confidence
unchanged 2 "twoway meeting add: missing --sponsor NAME" meeting add --when 2026-03-03
unchanged 2 "twoway meeting add: missing --when DATE (e.g. 'thu 10:30' or 2026-12-03)" meeting add --sponsor 1
unchanged 2 "twoway meeting add: option '--when' needs a value" \
	meeting add --sponsor 1 --when
unchanged 2 "twoway action: unknown subcommand 'finish' (use add, edit, postpone, done or list)" action finish 1
unchanged 2 "twoway profile: missing a subcommand: add, list, use, lock, passwd or unlock" profile
unchanged 2 "twoway tick: unexpected argument 'extra'" tick cli-test/prepare/agenda extra
unchanged 2 "twoway delete: unknown KIND 'note' (use profile, sponsor, reflection, meeting, action or coaching)" \
	delete note 1
unchanged 2 "twoway search: missing the words to search for" search
unchanged 2 "twoway: unknown command 'frobnicate'" frobnicate
unchanged 2 "twoway: option '--db' needs a value" sponsor list --db
unchanged 2 "twoway: unexpected 'tick' after --coach: --coach opens the app in coach mode and takes no command" \
	--coach tick cli-test/prepare/agenda
unchanged 2 "twoway tick: unknown option '--coach'" tick cli-test/prepare/agenda --coach
unchanged 2 "twoway export: --coach goes with --format json (md, csv and ics never hold private reflections)" \
	export --format csv --what actions --coach
unchanged 2 "twoway sponsor: unknown subcommand 'delete' (use add, list, show or edit)" \
	sponsor delete "Maria Lopez"
run tick --force cli-test/prepare/agenda
expect_rc 2 "usage error"
[ "$(wc -l <<<"$ERR")" -eq 2 ] || fail "usage error: two lines expected (message and hint): $ERR"
expect_err_has "Try 'twoway tick --help'." "usage hint"

# Every subcommand has --help, on stdout, exit 0, touching nothing.
before=$(dump)
for cmd in check profile sponsor guides tick rate reflect history meeting action search delete \
	undo purge export import; do
	run $cmd --help
	expect_rc 0 "$cmd --help"
	expect_out_has "usage: twoway $cmd" "$cmd --help"
	[ -z "$ERR" ] || fail "$cmd --help wrote on stderr: $ERR"
done
run --help
expect_out_has "reflect" "twoway --help lists the commands"
[ "$(dump)" = "$before" ] || fail "--help changed the database"

# Every command takes --db and --profile wherever they stand: an unknown
# profile is refused by each command that acts on one, before anything
# changes, and --db picks the file.
for args in "guides" "tick cli-test/prepare/agenda" "rate cli-test/prepare/confidence 2" \
	"history cli-test/debrief/lesson" "sponsor list" "meeting list" "action list" \
	"search storage" "export --format ics" "profile list"; do
	read -ra words <<<"$args"
	before=$(dump)
	run "${words[@]}" --profile Nobody
	expect_rc 1 "$args --profile Nobody"
	expect_err "twoway: no profile named 'Nobody' (see 'twoway profile list')" "$args --profile Nobody"
	run --profile Nobody "${words[@]}"
	expect_rc 1 "--profile Nobody $args"
	CHECKS=$((CHECKS + 1))
	[ "$(dump)" = "$before" ] || fail "$args with an unknown --profile changed the database"
	OUT=$("$TWOWAY" --content "$CONTENT" "${words[@]}" --db "$DB" --profile Alice 2>&1)
	CHECKS=$((CHECKS + 1))
	[ $? -eq 0 ] || fail "$args --db DB --profile Alice: $OUT"
done

# A bad command on a missing database creates nothing.
rm -f "$SCRATCH/fresh.db"
"$TWOWAY" --db "$SCRATCH/fresh.db" --content "$CONTENT" tick cli-test/prepare/agnda 2>/dev/null
[ ! -e "$SCRATCH/fresh.db" ] || fail "an unknown item created the database"
"$TWOWAY" --db "$SCRATCH/fresh.db" meeting add --when 2026-02-30 --sponsor x 2>/dev/null
[ ! -e "$SCRATCH/fresh.db" ] || fail "a bad date created the database"

finish
