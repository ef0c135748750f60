#!/usr/bin/env bash
# The iCalendar DESCRIPTION and the meetings CSV's agenda column carry each
# meeting's whole live agenda, the one `meeting show` (and the brief) shows:
# the hand part, or while that is blank the meeting's own public answers,
# then the sponsor's open action items (due before the meeting first) as
# they stand today. A private answer's text never goes in; folding and
# escaping stay exact.
. "$(dirname "$0")/lib.sh"

CH=before-meeting/agenda/the-challenge
ASK=before-meeting/the-ask/the-ask
ok profile add Ada
ok sponsor add "Dana Reyes"
ok sponsor add "Sam Ho"
ok meeting add --sponsor "Dana Reyes" --when "2030-01-10 10:00"
ok meeting add --sponsor "Dana Reyes" --when "2030-02-10 10:00" --agenda "Hand plan, with a comma; a semicolon \\ and a backslash"
ok meeting add --sponsor "Sam Ho" --when "2030-03-10 10:00"
run reflect $CH --meeting 1 <<<"PUBLIC-CHALLENGE words, long enough to be folded by the calendar export: éèà 😀 中文 and more words"
run reflect $ASK --meeting 1 --private <<<"SECRET-ASK words"
run reflect $CH --meeting 2 <<<"meeting two's answer stays out: its hand part stands"
ok action add "send the deck" --meeting 1 --due 2029-12-01
ok action add "book a room" --meeting 2 --owner sponsor
ok action add "after the first" --meeting 2 --due 2030-01-20
ok action add "finished thing" --meeting 1
ok action done 4
ok action add "Sam item" --meeting 3 --due 2030-04-01
ok action add "free-standing item"

# what `meeting show` shows, per meeting
for id in 1 2 3; do
	"$TWOWAY" --db "$DB" --content "$CONTENT" meeting show $id --json |
		jq -r .agenda_live >"$SCRATCH/want$id" || fail "meeting show $id"
done
grep -q "PUBLIC-CHALLENGE" "$SCRATCH/want1" || fail "meeting 1 shows no answer: $(cat "$SCRATCH/want1")"
grep -q "^## Due before this meeting" "$SCRATCH/want1" || fail "meeting 1 shows no due items"

ok export --format csv --what meetings --out "$SCRATCH/m.csv"
ok export --format ics --out "$SCRATCH/m.ics"
python3 - "$SCRATCH" <<'PY' || FAILS=$((FAILS + 1))
import csv, sys
d = sys.argv[1]
want = {i: open("%s/want%d" % (d, i), encoding="utf-8").read().rstrip("\n") for i in (1, 2, 3)}
bad = 0
def check(what, got, i):
    global bad
    if got.rstrip("\n") != want[i]:
        bad += 1
        print("FAIL: %s of meeting %d:\n%r\nexpected\n%r" % (what, i, got, want[i]), file=sys.stderr)
with open(d + "/m.csv", newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
for r in rows:
    check("the CSV agenda", r["agenda"], int(r["id"]))
raw = open(d + "/m.ics", "rb").read()
for line in raw.split(b"\r\n"):
    if len(line) > 75:
        bad += 1
        print("FAIL: an ics line of %d octets" % len(line), file=sys.stderr)
text = raw.decode("utf-8").replace("\r\n ", "")
descs, cur = [], None
for line in text.split("\r\n"):
    if line == "BEGIN:VEVENT":
        cur = ""
    elif line.startswith("DESCRIPTION:"):
        cur = line[len("DESCRIPTION:"):]
    elif line == "END:VEVENT":
        descs.append(cur)
def unescape(s):
    out, i = [], 0
    while i < len(s):
        if s[i] == "\\" and i + 1 < len(s):
            out.append("\n" if s[i + 1] in "nN" else s[i + 1])
            i += 2
        else:
            out.append(s[i])
            i += 1
    return "".join(out)
if len(descs) != 3:
    bad += 1
    print("FAIL: %d events" % len(descs), file=sys.stderr)
for i, desc in enumerate(descs, 1):  # by time: meetings 1, 2, 3
    check("the ics DESCRIPTION", unescape(desc or ""), i)
try:
    import icalendar
    cal = icalendar.Calendar.from_ical(raw)
    got = [str(e.get("DESCRIPTION")) for e in cal.walk("VEVENT")]
    for i, g in enumerate(got, 1):
        check("icalendar's DESCRIPTION", g, i)
except ImportError:
    pass
sys.exit(1 if bad else 0)
PY
CHECKS=$((CHECKS + 1))

for f in m.csv m.ics; do
	CHECKS=$((CHECKS + 1))
	! grep -q "SECRET-ASK" "$SCRATCH/$f" || fail "$f holds a private answer"
	CHECKS=$((CHECKS + 1))
	! grep -q "finished thing\|free-standing item" "$SCRATCH/$f" || fail "$f lists a done or free-standing item"
done
# each meeting's own parts, as the app shows them
for want in "PUBLIC-CHALLENGE" "send the deck (me, due 2029-12-01)" "book a room (Dana Reyes)" \
	"Hand plan, with a comma; a semicolon \\ and a backslash" "Sam item (me, due 2030-04-01)"; do
	CHECKS=$((CHECKS + 1))
	grep -qF "$want" "$SCRATCH/m.csv" || fail "the CSV lacks '$want'"
done
CHECKS=$((CHECKS + 1))
! grep -q "meeting two's answer" "$SCRATCH/m.csv" || fail "a hand part's meeting shows its answers too"

finish
