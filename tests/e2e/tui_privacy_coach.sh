#!/usr/bin/env bash
# Coach mode never shows private text: with a private canary on every
# reflect item of every guide (for the coached sponsee and for the profile
# in use), coach mode walks every item of every guide pressing Enter, e,
# space, a digit and Ctrl-P on each, and leaves by every exit (q from the
# session, Esc from the first picker, q from the summary; from --coach and
# from Home, where a hand-back screen comes first). Every byte the app
# draws is logged (tmux pipe-pane: every frame) and the screen is captured
# after each item's keys: the canary never appears. Private items are
# refused.
. "$(dirname "$0")/tui_lib.sh"
tui_setup

CAN=Kx4canary
tw() { "$TWOWAY" --db "$DB" "$@"; }
FRAMES=0
# snap: one frame, which must not hold the canary.
snap() {
	local s
	s=$(tui_screen)
	FRAMES=$((FRAMES + 1))
	grep -qF "$CAN" <<<"$s" && tui_fail "frame $FRAMES shows private text"
	return 0
}
# k KEYS...: sends the keys, then takes a frame.
k() {
	tui_keys "$@"
	snap
}
# start: the app with every byte it draws logged to $SCRATCH/drawn.
start() {
	tui_start "$@"
	tmux -L "$SOCK" pipe-pane -o "cat >>$(printf '%q' "$SCRATCH/drawn")"
}

tw profile add Priya >/dev/null && tw profile add Marcus >/dev/null || tui_fail "profile add"
tw profile use Priya >/dev/null || tui_fail "profile use"
ITEMS=$(tw guides | awk '$1 == "..." { print $2 }')
for who in Priya Marcus; do # the check-up's answers belong to a run
	tw --profile $who sponsor add "Dana Reyes" >/dev/null &&
		tw --profile $who checkup start dana >/dev/null || tui_fail "checkup start"
done
# (under the sanitizers the first pair of saves is leak-checked; the other
# 114 repeat it, and the check at exit costs as much as the save)
leaks=
for who in Priya Marcus; do
	for it in $ITEMS; do
		printf 'public first %s\n' "$who" |
			ASAN_OPTIONS="${ASAN_OPTIONS:-}$leaks" tw --profile $who reflect "$it" >/dev/null &&
			printf '%s %s on %s\n' "$CAN" "$who" "$it" |
			ASAN_OPTIONS="${ASAN_OPTIONS:-}$leaks" tw --profile $who reflect "$it" --private \
				>/dev/null || tui_fail "reflect $it"
		leaks=:detect_leaks=0
	done
done
printf '%s free\n' "$CAN" | tw --profile Priya reflect - --private >/dev/null

GUIDES=$(tw guides | awk '/^[a-z]/ { print $1 }')
# start_session FROM_HOME GUIDE_INDEX: coach mode on Marcus with that guide.
start_session() {
	if [ "$1" = home ]; then
		k c
	else
		start 120 40 -- --coach
	fi
	tui_wait "Whose session is it?"
	snap
	k G k Enter                            # Marcus, the last profile
	tui_wait "Sponsee: Marcus"
	snap
	if tui_screen | grep -qF "Resume session"; then
		k Enter
	else
		tui_wait "The coach's name"
		tui_type "Robin"
		k Enter
	fi
	tui_wait "Which guide will you walk together?"
	local i
	for i in $(seq "$2"); do k j; done
	k Enter
	tui_wait "Coach notes"
	snap
}

# ---- every item of every guide, from --coach; leaving ends in the shell ----
gi=0
for g in $GUIDES; do
	start_session coach "$gi"
	rows=$(tw guides "$g" | grep -c '^  ')
	for _ in $(seq "$rows"); do
		# Down, not j: a key that is none here (3 on a check item, e
		# after it) makes the printable keys right behind it typing,
		# and an arrow ends that (the app's typing guard)
		k Down Enter Space 3 e C-p
	done
	k Down                                 # an arrow: letters are keys again
	if [ $gi = 0 ]; then
		# a private item says why it stays closed
		tui_keys Home Down Down Down Down
		tui_keys Enter
		tui_wait "private reflection: it stays closed in coach mode"
		tui_keys C-p
		tui_wait "private or not is the sponsee's choice"
		snap
	fi
	k q                                    # exit 1: q from the session
	tui_wait_exit
	gi=$((gi + 1))
done
# exit 2: Esc from the first picker of --coach
start 120 40 -- --coach
tui_wait "Whose session is it?"
k Escape
tui_wait_exit
# exit 3: the summary's q
start_session coach 0
k E y
tui_wait "summary"
snap
k q
tui_wait_exit
# the coach's flag stayed the sponsee's
[ "$(sqlite3 -readonly "$DB" "SELECT count(*) FROM reflections WHERE NOT is_private
	AND text LIKE '%$CAN%'")" = 0 ] || tui_fail "coach mode made a private reflection public"

# ---- from Home: a hand-back screen with nothing private, then Home ----
start 120 40
tui_wait "Recent reflections"
tui_wait "(private)"
snap
# exit 4: Esc from the first picker
k c
tui_wait "Whose session is it?"
k Escape
tui_wait "Coach mode is over"
tui_wait "Hand the keyboard back to Priya"
snap
k x /                                   # nothing but Enter (and c, q) leaves
tui_wait "Enter hands back"
snap
k Enter
tui_wait "Recent reflections"
snap
# exit 5: q from a session
start_session home 1
k j j Enter q
tui_wait "Coach mode is over"
snap
k Enter
tui_wait "Recent reflections"
snap
# exit 6: the summary, after coaching again from the hand-back screen
start_session home 2
k E y
tui_wait "summary"
snap
k q
tui_wait "Coach mode is over"
snap
k c
tui_wait "Whose session is it?"
k Escape
tui_wait "Coach mode is over"
k Enter
tui_wait "Recent reflections"
snap
# search from Home: hits, no private text
k /
tui_type "Priya on"                     # words of the private text only
tui_wait "(private: Ctrl-R shows it)"
snap
# the sponsee may look on purpose
tui_keys C-r
tui_wait "$CAN"
tui_keys Escape q
tui_wait_exit
# every byte drawn before the sponsee asked to see it (Ctrl-R) above
DRAWN=$(wc -c <"$SCRATCH/drawn" 2>/dev/null || echo 0)
[ "$DRAWN" -gt 10000 ] || tui_fail "nothing drawn was logged (test broken): $DRAWN bytes"
head -c "$(grep -abo 'Ctrl-R shows it' "$SCRATCH/drawn" | tail -1 | cut -d: -f1)" \
	"$SCRATCH/drawn" | grep -aqF "$CAN" && tui_fail "the app drew private text"
echo "ok: coach mode showed no private text in $FRAMES frames"

