#!/usr/bin/env bash
# Starting the app: a foreign database is refused with one line on stderr
# and left untouched; an unknown --profile likewise; no terminal, no app.
# Text from content is drawn inertly: a bidi override shows as a placeholder.
. "$(dirname "$0")/tui_lib.sh"
tui_setup

printf 'this is not a database, just a file\n' > "$DB"
cp "$DB" "$SCRATCH/before"
tui_start 80 24
for i in $(seq 1 50); do [ -s "$SCRATCH/exit" ] && break; sleep 0.1; done
[ "$(cat "$SCRATCH/exit")" = 1 ] || tui_fail "foreign db: exit $(cat "$SCRATCH/exit")"
[ "$(wc -l < "$SCRATCH/stderr")" = 1 ] || tui_fail "foreign db: not one line: $(cat "$SCRATCH/stderr")"
grep -q '^twoway: ' "$SCRATCH/stderr" || tui_fail "foreign db message: $(cat "$SCRATCH/stderr")"
cmp -s "$DB" "$SCRATCH/before" || tui_fail "the foreign file was changed"
rm -f "$DB"

tui_start 80 24 -- --profile nobody-here
for i in $(seq 1 50); do [ -s "$SCRATCH/exit" ] && break; sleep 0.1; done
[ "$(cat "$SCRATCH/exit")" = 1 ] || tui_fail "unknown profile: exit $(cat "$SCRATCH/exit")"
grep -q "nobody-here" "$SCRATCH/stderr" || tui_fail "unknown profile message: $(cat "$SCRATCH/stderr")"

out=$("$TWOWAY" --db "$DB" </dev/null 2>&1 >/dev/null)
[ $? -eq 1 ] || tui_fail "without a terminal the app should exit 1"
echo "$out" | grep -q "needs a terminal" || tui_fail "no-terminal message: $out"

mkdir -p "$SCRATCH/evil"
cat > "$SCRATCH/evil/evil.yaml" <<'YAML'
schema: 1
id: zz-evil
title: "Evil \u202Etitle\u202C here"
summary: A guide with a bidi override in its title.
source: twoway tests
locale: en
sections:
  - id: one
    title: Only
    basis: adapted
    items:
      - id: a
        kind: check
        text: "Zero\u200Bwidth and wide 日本"
YAML
tui_start 80 24 -- --content "$SCRATCH/evil"
tui_wait "Evil"
tui_screen | grep -q $'\u202e' && tui_fail "a bidi override reached the screen"
tui_screen | grep "Evil" | grep -qF "Evil �title� here" || tui_fail "no placeholder: $(tui_screen | grep Evil)"
tui_keys G Enter
tui_wait "Zerowidth and wide 日本"
tui_keys q q
tui_wait_exit
echo "tui startup ok"
