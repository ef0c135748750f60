#!/usr/bin/env bash
# A failed save never loses text: while another process holds the write
# lock, Ctrl-S, Esc, Esc in the reflection editor says it could not save
# nor keep a draft, writes the text to a 0600 recovery file in a 0700
# directory and shows its path; only then does the editor close. Once the
# lock is gone, saving works again. The private text of a locked profile
# goes to a sealed recovery file instead, which `twoway recover` opens with
# the passphrase.
. "$(dirname "$0")/tui_lib.sh"
tui_setup
tui_test_guide "$SCRATCH/content"
"$TWOWAY" --db "$DB" --content "$SCRATCH/content" profile add Ada >/dev/null ||
	tui_fail "profile add"

tui_start 160 30 TWOWAY_BUSY_TIMEOUT_MS=300 TWOWAY_DRAFT_INTERVAL_MS=3600000 \
	-- --content "$SCRATCH/content"
tui_open_test_guide
tui_keys j j j Enter
tui_wait "new  0 characters"
tui_type "words that must survive"

# Another process takes the write lock and keeps it until told to stop.
tui_hold_lock

tui_keys C-s
tui_wait "nor keep a draft; the text is in"
tui_keys Escape
tui_keys Escape
tui_wait "Write about it" # back on the guide: the editor closed

rec=$(ls "$XDG_STATE_HOME/twoway/recovered/"reflection-*.txt 2>/dev/null | head -1)
[ -n "$rec" ] || tui_fail "no recovery file in $XDG_STATE_HOME/twoway/recovered"
grep -qx "words that must survive" "$rec" || tui_fail "recovery file holds: $(cat "$rec")"
[ "$(stat -c %a "$rec")" = 600 ] || tui_fail "recovery file mode $(stat -c %a "$rec")"
[ "$(stat -c %a "$(dirname "$rec")")" = 700 ] || tui_fail "recovery dir mode"
grep -qF "$rec" "$XDG_STATE_HOME/twoway/twoway.log" ||
	tui_fail "the path was not shown: $(cat "$XDG_STATE_HOME/twoway/twoway.log")"

out=$("$TWOWAY" recover "$rec") || tui_fail "recover of the plain file failed"
[ "$out" = "words that must survive" ] || tui_fail "recover printed: $out"

tui_release_lock
tui_keys q q
tui_wait_exit

# ---- a locked profile: private text is never written in plain ----
PASS='correct horse battery'
CAN=CANARY-5e1d
printf '%s\n' "$PASS" | "$TWOWAY" --db "$DB" --content "$SCRATCH/content" profile lock \
	--passphrase-stdin >/dev/null 2>&1 || tui_fail "profile lock"
tui_start 160 30 TWOWAY_BUSY_TIMEOUT_MS=300 TWOWAY_DRAFT_INTERVAL_MS=3600000 \
	-- --content "$SCRATCH/content"
tui_wait "Zed test guide"
tui_keys r
tui_wait "A free-standing reflection"
tui_keys C-p
tui_wait "marked private"
tui_type "$CAN private words"
tui_hold_lock
tui_keys C-s
tui_wait "nor keep a draft; the text is sealed in"
tui_keys Escape
tui_keys Escape
tui_wait_gone "A free-standing reflection"
sealed=$(ls "$XDG_STATE_HOME/twoway/recovered/"private-reflection-*.sealed 2>/dev/null | head -1)
[ -n "$sealed" ] || tui_fail "no sealed recovery file: $(ls "$XDG_STATE_HOME/twoway/recovered")"
[ "$(stat -c %a "$sealed")" = 600 ] || tui_fail "sealed recovery file mode $(stat -c %a "$sealed")"
hits=$(grep -rlaF "$CAN" "$XDG_STATE_HOME" "$DB" "$DB-wal" 2>/dev/null)
[ -z "$hits" ] || tui_fail "the private text is in plain in: $hits"
tui_release_lock
out=$("$TWOWAY" --db "$DB" recover "$sealed" </dev/null 2>&1) && tui_fail "recover opened a sealed file without the passphrase: $out"
out=$(printf 'a wrong passphrase\n' | "$TWOWAY" --db "$DB" recover "$sealed" --passphrase-stdin 2>&1) &&
	tui_fail "recover took a wrong passphrase: $out"
out=$(printf '%s\n' "$PASS" | "$TWOWAY" --db "$DB" recover "$sealed" --passphrase-stdin) ||
	tui_fail "recover with the passphrase failed"
[ "$out" = "$CAN private words" ] || tui_fail "recover of the sealed file printed: $out"
tui_keys q
tui_wait_exit
echo "tui_failed_save: ok"
