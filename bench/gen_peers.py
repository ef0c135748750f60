#!/usr/bin/env python3
"""Equal data for twoway and the tools people use instead.

gen_peers.py N DIR writes, from one seeded word list:
  DIR/twoway.json        a twoway export: 1 profile, N/100 sponsors, N meetings
                         (agenda text) and N action items (text), importable
                         with `twoway import`;
  DIR/task/pending.data  N taskwarrior tasks with the action items' texts, and
  DIR/taskrc             a taskrc using it (no hooks, no news, no colour);
  DIR/calcurse/apts      N calcurse appointments with the meetings' texts and
                         times, and DIR/calcurse/conf.
gen_peers.py --import N FILE writes a twoway export of N records as the
import counts them (a quarter each meetings, action items, reflections and
reflection versions) for the import benchmark; --reflections N FILE one of
N reflections (one version each) for the database size.
About 1 record in 100 holds the word "quarterly", the word searched for.
"""
import json
import os
import random
import sys
import time
import uuid

WORDS = ("mentor team project promotion visibility feedback meeting goal career "
         "leadership stretch assignment network influence strategy roadmap manager "
         "director review impact launch customer growth confidence advocate "
         "opportunity risk budget hiring onboarding architecture migration platform "
         "presentation conference offsite priorities trust credibility ownership "
         "delegation coaching negotiation salary recognition reputation initiative "
         "deadline stakeholder alignment executive board introduction referral "
         "portfolio experiment learning challenge decision conversation question "
         "answer story example progress result metric outcome quality process design "
         "research analysis proposal pitch compilers databases security reliability "
         "latency incident").split()
COMMON = "the and my to a of in we that it for".split()
T0 = 1767225600  # 2026-01-01 00:00 UTC


def text(rnd, lo=6, hi=12):
    n = rnd.randint(lo, hi)
    ws = [rnd.choice(COMMON) if rnd.random() < 0.4 else rnd.choice(WORDS) for _ in range(n)]
    if rnd.random() < 0.01:
        ws[rnd.randrange(n)] = "quarterly"
    return " ".join(ws)


def uid(rnd):
    return str(uuid.UUID(int=rnd.getrandbits(128), version=4))


def export(profiles, sponsors, meetings, actions, reflections):
    out = ['{"app": "twoway", "schema": 4,']
    secs = [("profiles", profiles), ("sponsors", sponsors), ("progress", []), ("ratings", []),
            ("reflections", reflections), ("drafts", []), ("meetings", meetings),
            ("actions", actions), ("coaching", []), ("coaching_events", [])]
    for i, (name, recs) in enumerate(secs):
        body = ",\n".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) for r in recs)
        out.append('"%s": [%s%s%s]%s' % (name, "\n" if recs else "", body, "\n" if recs else "",
                                         "," if i + 1 < len(secs) else "\n}"))
    return "\n".join(out) + "\n"


def records(n, rnd, n_meet, n_act, n_refl, versions=1):
    p = {"uid": uid(rnd), "id": 1, "name": "Bench", "role": "", "goals": "", "created": T0,
         "deleted_at": None}
    ns = max(1, n // 100)
    sponsors = [{"uid": uid(rnd), "id": i + 1, "profile": p["uid"], "name": "Sponsor %d" % i,
                 "title": "", "org": "", "how_met": "", "homework": "", "stage": "mentor",
                 "created": T0, "updated": T0, "deleted_at": None} for i in range(ns)]
    meetings = []
    for i in range(n_meet):
        at = T0 + 86400 + i * 3600 * 7
        meetings.append({"uid": uid(rnd), "id": i + 1, "profile": p["uid"],
                         "sponsor": sponsors[i % ns]["uid"], "at": at, "agenda": text(rnd),
                         "notes": "", "outcome": "", "held": False, "created": T0,
                         "updated": T0, "deleted_at": None})
    actions = [{"uid": uid(rnd), "id": i + 1, "profile": p["uid"], "meeting": None,
                "text": text(rnd), "owner": "me",
                "due": time.strftime("%Y-%m-%d", time.gmtime(T0 + 86400 * (i % 700))),
                "done": "", "created": T0 + i, "deleted_at": None} for i in range(n_act)]
    refl = []
    for i in range(n_refl):
        vs = [{"version": v + 1, "text": text(rnd, 20, 60), "private": False,
               "saved": T0 + i + v} for v in range(versions)]
        refl.append({"uid": uid(rnd), "id": i + 1, "profile": p["uid"], "item": None,
                     "text": vs[-1]["text"], "private": False, "version": versions,
                     "created": T0 + i, "updated": T0 + i, "deleted_at": None, "versions": vs})
    return [p], sponsors, meetings, actions, refl


def peers(n, d):
    rnd = random.Random(12)
    prof, spons, meets, acts, _ = records(n, rnd, n, n, 0)
    with open(os.path.join(d, "twoway.json"), "w") as f:
        f.write(export(prof, spons, meets, acts, []))
    os.makedirs(os.path.join(d, "task"), exist_ok=True)
    with open(os.path.join(d, "task", "pending.data"), "w") as f:
        for a in acts:
            desc = a["text"].replace('"', "'")
            f.write('[description:"%s" due:"%d" entry:"%d" modified:"%d" status:"pending" '
                    'uuid:"%s"]\n' % (desc, T0 + 86400 * (a["id"] % 700), a["created"],
                                      a["created"], a["uid"]))
    open(os.path.join(d, "task", "completed.data"), "w").close()
    with open(os.path.join(d, "taskrc"), "w") as f:
        f.write("data.location=%s\nconfirmation=off\nverbose=nothing\ncolor=off\n"
                "hooks=off\nnews.version=2.6.0\ngc=off\n" % os.path.join(d, "task"))
    os.makedirs(os.path.join(d, "calcurse"), exist_ok=True)
    with open(os.path.join(d, "calcurse", "apts"), "w") as f:
        for m in meets:
            a = time.localtime(m["at"])
            b = time.localtime(m["at"] + 3600)
            f.write("%s @ %s -> %s @ %s |%s\n" % (time.strftime("%m/%d/%Y", a),
                                                  time.strftime("%H:%M", a),
                                                  time.strftime("%m/%d/%Y", b),
                                                  time.strftime("%H:%M", b), m["agenda"]))
    open(os.path.join(d, "calcurse", "todo"), "w").close()
    open(os.path.join(d, "calcurse", "conf"), "w").close()


def main():
    if len(sys.argv) == 4 and sys.argv[1] == "--import":
        n = int(sys.argv[2])
        rnd = random.Random(7)
        q = n // 4
        prof, spons, meets, acts, refl = records(n, rnd, q, q, q)
        with open(sys.argv[3], "w") as f:
            f.write(export(prof, spons, meets, acts, refl))
        return
    if len(sys.argv) == 4 and sys.argv[1] == "--reflections":
        rnd = random.Random(9)
        prof, spons, _, _, refl = records(100, rnd, 0, 0, int(sys.argv[2]))
        with open(sys.argv[3], "w") as f:
            f.write(export(prof, spons, [], [], refl))
        return
    if len(sys.argv) != 3:
        sys.exit("usage: gen_peers.py N DIR | gen_peers.py --import|--reflections N FILE")
    os.makedirs(sys.argv[2], exist_ok=True)
    peers(int(sys.argv[1]), sys.argv[2])


if __name__ == "__main__":
    main()
