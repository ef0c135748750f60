#!/usr/bin/env bash
# The house rules a grep can check: which files may include sqlite3.h,
# yaml.h and curses.h, and that the core never prints or exits.
set -u
cd "$TW_SRC" || exit 1
fail=0
bad=$(grep -rlE '#include[[:space:]]*[<"]sqlite3\.h' src include | grep -v '^src/core/store')
[ -z "$bad" ] || { echo "sqlite3.h outside src/core/store*: $bad"; fail=1; }
bad=$(grep -rlE '#include[[:space:]]*[<"]yaml\.h' src include | grep -v '^src/core/content')
[ -z "$bad" ] || { echo "yaml.h outside src/core/content*: $bad"; fail=1; }
bad=$(grep -rlE '#include[[:space:]]*[<"](n?cursesw?/)?n?curses\.h' src include | grep -v '^src/tui/')
[ -z "$bad" ] || { echo "curses.h outside src/tui/: $bad"; fail=1; }
# String literals are blanked first: SQL text may call SQLite's printf().
bad=$(for f in src/core/*.c; do sed -E 's/"([^"\\]|\\.)*"/""/g' "$f" |
	grep -nE '(^|[^[:alnum:]_])(printf|fprintf|puts|fputs|perror|exit|_exit|abort)[[:space:]]*\(' |
	sed "s|^|$f:|"; done)
[ -z "$bad" ] || { echo "the core prints or exits:"; echo "$bad"; fail=1; }
for f in src/*/*.c src/*/*.h include/twoway/*.h; do
	head -1 "$f" | grep -q '^/\*' || { echo "$f does not open with a comment on what it holds"; fail=1; }
done
[ $fail -eq 0 ] && echo "house rules hold"
exit $fail
