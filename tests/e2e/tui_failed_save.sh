#!/usr/bin/env bash
# A failed save never loses text: while another process holds the write
# lock, Ctrl-S, Esc, Esc in the reflection editor says it could not save
# nor keep a draft, writes the text to a 0600 recovery file in a 0700
# directory and shows its path; only then does the editor close. Once the
# lock is gone, saving works again.
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
mkfifo "$SCRATCH/release"
python3 - "$DB" "$SCRATCH/release" "$SCRATCH/locked" <<'PY' &
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
c.execute("BEGIN EXCLUSIVE")
open(sys.argv[3], "w").close()
open(sys.argv[2]).read()   # blocks until the test writes to the FIFO
c.execute("ROLLBACK")
c.close()
PY
holder=$!
for _ in $(seq 1 100); do [ -e "$SCRATCH/locked" ] && break; sleep 0.1; done
[ -e "$SCRATCH/locked" ] || tui_fail "the lock holder did not start"

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

echo go >"$SCRATCH/release"
wait "$holder"
tui_keys q q
tui_wait_exit
echo "tui_failed_save: ok"
