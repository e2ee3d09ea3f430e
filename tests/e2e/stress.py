#!/usr/bin/env python3
"""Many ombud processes writing one database at once, and a check that nothing was lost.

Shared by tests/e2e/test_stress.sh (8 x 40 operations) and bench/stress.sh (longer runs):

    stress.py run OMBUD DB WORKDIR [--processes P] [--operations N] [--seed S] [--shared K]

`run` puts the workers on the team (their names, w1 … wP, are one letter apart, which ombud
would take for typos of each other), opens K shared complaints, starts P worker processes at once
and waits for them, then verifies the database against the workers' logs. Each worker
(`stress.py worker …`, started by `run`) performs N commands drawn from a seeded mix of open,
note, escalate, assign, close, reopen and show. It acts only on complaints it opened itself, whose
state it tracks, so every command is valid and must exit 0; the shared complaints only get notes,
which are valid in every state, so all workers contend for the same rows too. A worker writes a
line to its log for every command, only after it finished: what was acknowledged (exit 0) and
what failed.

The verifier replays the logs and checks the database for:
  - every command exited 0 and printed the complaint it changed, in the state expected;
  - every acknowledged open, note, escalation, hand-off, close and reopening is stored, exactly
    once, in the order each worker made them, with all its fields;
  - no complaint or event that nobody acknowledged, no customer created twice;
  - no impossible state: status, closed_at, close_reason, rating, the escalation columns, the
    escalation level (the number of escalations ever made: a decision or a close ends an
    escalation, not the count), the hand-off count, updated_at and the last state-changing event
    all agree, and no event is dated before one recorded ahead of it;
  - everyone a complaint was assigned or escalated to is on the team (joined on first use, by
    whichever worker named them first);
  - PRAGMA integrity_check is ok and PRAGMA foreign_key_check is empty.

It prints a summary and exits 0 when all of that holds, 1 when anything was lost or is
inconsistent (each problem is printed), 2 on bad usage. The seed makes every worker's sequence
of commands reproducible (the interleaving between workers is up to the machine).
"""

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import time

CUSTOMERS = ["Customer %s" % c for c in "ABCDE"]
PEOPLE = ["anna", "bob", "chris", "dana", "erik"]
BOSSES = ["maria", "mark", "mila"]
PRIORITIES = ["low", "normal", "high", "urgent"]
CHANNELS = ["phone", "email", "letter", "chat", "social", "in-person", "web", "other"]
CLOSE_REASONS = ["resolved", "rejected", "duplicate", "withdrawn"]


# ---------------------------------------------------------------------------------------------
# Worker


class Worker:
    def __init__(self, args):
        self.ombud = args.ombud
        self.db = args.db
        self.me = "w%d" % args.id
        self.rng = random.Random("%s-%d" % (args.seed, args.id))
        self.shared = list(range(1, args.shared + 1))
        self.operations = args.operations
        self.log = open(args.log, "a", encoding="utf-8")
        # id -> what this worker knows about its own complaint
        self.mine = {}

    def write(self, record):
        self.log.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.log.flush()

    def ombud_json(self, step, op, argv, stdin=None):
        """Runs ombud --json ARGV; returns the printed object, or None after logging a failure."""
        cmd = [self.ombud, "--db", self.db, "--as", self.me, "--json"] + argv
        try:
            p = subprocess.run(cmd, input=stdin.encode() if stdin is not None else b"",
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        except OSError as exc:
            # The binary could not be started at all (being rebuilt, say): a failure to report,
            # not a reason to stop this worker.
            self.write({"step": step, "op": op, "fail": True, "rc": "not started", "argv": argv,
                        "stderr": str(exc)})
            return None
        if p.returncode != 0:
            self.write({"step": step, "op": op, "fail": True, "rc": p.returncode,
                        "argv": argv, "stderr": p.stderr.decode("utf-8", "replace")[:2000]})
            return None
        try:
            return json.loads(p.stdout)
        except ValueError as exc:
            self.write({"step": step, "op": op, "fail": True, "rc": 0, "argv": argv,
                        "stderr": "stdout is not JSON (%s): %r" % (exc, p.stdout[:300])})
            return None

    def expect(self, step, op, got, complaint_id, argv):
        """The complaint object printed by a command agrees with the state this worker tracks."""
        c = self.mine[complaint_id]
        want = {"id": complaint_id, "status": c["status"], "owner": c["owner"],
                "handoffs": c["handoffs"],
                "escalation": None if c["status"] != "escalated" else
                {"level": c["level"], "to": c["to"]},
                "rating": c["rating"], "close_reason": c["close_reason"]}
        have = {"id": got.get("id"), "status": got.get("status"), "owner": got.get("owner"),
                "handoffs": got.get("handoffs"),
                "escalation": None if got.get("escalation") is None else
                {"level": got["escalation"].get("level"), "to": got["escalation"].get("to")},
                "rating": got.get("rating"), "close_reason": got.get("close_reason")}
        if have != want:
            self.write({"step": step, "op": op, "fail": True, "rc": 0, "argv": argv,
                        "stderr": "printed %s, expected %s" % (json.dumps(have),
                                                                json.dumps(want))})
            return False
        return True

    def choose(self):
        open_ids = [i for i, c in self.mine.items() if c["status"] != "closed"]
        closed_ids = [i for i, c in self.mine.items() if c["status"] == "closed"]
        ops = [("open", 3)]
        if self.mine or self.shared:
            ops.append(("note", 4))
        if open_ids:
            ops += [("escalate", 2), ("assign", 2), ("close", 2)]
        if closed_ids:
            ops.append(("reopen", 1))
        if self.mine:
            ops.append(("show", 1))
        total = sum(w for _, w in ops)
        r = self.rng.uniform(0, total)
        for op, w in ops:
            r -= w
            if r <= 0:
                return op, open_ids, closed_ids
        return ops[-1][0], open_ids, closed_ids

    def run(self):
        rng = self.rng
        for step in range(1, self.operations + 1):
            # The first command always opens a complaint, so the others have targets.
            op, open_ids, closed_ids = ("open", [], []) if step == 1 else self.choose()
            tag = "%s-%d" % (self.me, step)
            if op == "open":
                title = "%s complaint" % tag
                customer = rng.choice(CUSTOMERS + [None])
                priority = rng.choice(PRIORITIES)
                channel = rng.choice(CHANNELS + [None])
                note = "%s first note %s" % (tag, "x" * rng.randrange(0, 400)) \
                    if rng.random() < 0.4 else None
                argv = ["open", title, "--priority", priority]
                if customer:
                    argv += ["--customer", customer]
                if channel:
                    argv += ["--channel", channel]
                if note:
                    argv += ["--note", note]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                cid = got.get("id")
                self.mine[cid] = {"status": "open", "owner": self.me, "handoffs": 0, "level": 0,
                                  "to": None, "rating": None, "close_reason": None}
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "title": title,
                            "customer": customer, "priority": priority, "channel": channel,
                            "note": note})
            elif op == "note":
                if self.shared and (not self.mine or rng.random() < 0.3):
                    cid = rng.choice(self.shared)
                else:
                    cid = rng.choice(sorted(self.mine))
                text = "%s note %s" % (tag, "y" * rng.randrange(0, 2000))
                channel = rng.choice(CHANNELS + [None])
                direction = rng.choice(["in", "out", None])
                visible = rng.random() < 0.3
                argv = ["note", str(cid)]
                if channel:
                    argv += ["--channel", channel]
                if direction:
                    argv += ["--direction", direction]
                if visible:
                    argv.append("--visible")
                via_stdin = rng.random() < 0.3
                if via_stdin:
                    got = self.ombud_json(step, op, argv + ["-"], stdin=text + "\n")
                else:
                    got = self.ombud_json(step, op, argv + [text])
                if got is None:
                    continue
                if cid in self.mine and not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "text": text, "channel": channel,
                            "direction": direction, "visible": visible})
            elif op == "escalate":
                cid = rng.choice(open_ids)
                to = rng.choice(BOSSES)
                reason = "%s escalation" % tag
                argv = ["escalate", str(cid), "--to", to, "--reason", reason]
                if rng.random() < 0.5:
                    argv += ["--due", "3d"]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                c = self.mine[cid]
                previous = c["to"]
                c.update(status="escalated", level=c["level"] + 1, to=to)
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "to": to, "reason": reason,
                            "level": c["level"], "from": previous})
            elif op == "assign":
                cid = rng.choice(open_ids)
                c = self.mine[cid]
                to = rng.choice([p for p in PEOPLE + [self.me] if p != c["owner"]])
                reason = "%s hand-off" % tag
                argv = ["assign", str(cid), to, "--reason", reason]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                previous = c["owner"]
                c.update(owner=to, handoffs=c["handoffs"] + 1)
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "to": to, "from": previous,
                            "reason": reason, "handoffs": c["handoffs"]})
            elif op == "close":
                cid = rng.choice(open_ids)
                reason = rng.choice(CLOSE_REASONS)
                rating = rng.choice([1, 2, 3, 4, 5, None])
                resolution = "%s resolution" % tag if rng.random() < 0.8 else None
                argv = ["close", str(cid), "--reason", reason]
                if rating:
                    argv += ["--rating", str(rating)]
                if resolution:
                    argv += ["--resolution", resolution]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                # Closing ends the escalation; its level stays, for the next one to raise.
                self.mine[cid].update(status="closed", to=None, rating=rating,
                                      close_reason=reason)
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "reason": reason,
                            "rating": rating, "resolution": resolution})
            elif op == "reopen":
                cid = rng.choice(closed_ids)
                reason = "%s reopening" % tag
                argv = ["reopen", str(cid), "--reason", reason]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                previous = self.mine[cid]["close_reason"]
                self.mine[cid].update(status="open", rating=None, close_reason=None)
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid, "reason": reason,
                            "previous": previous})
            elif op == "show":
                # A reader among the writers sees its own acknowledged writes.
                cid = rng.choice(sorted(self.mine))
                argv = ["show", str(cid)]
                got = self.ombud_json(step, op, argv)
                if got is None:
                    continue
                if not self.expect(step, op, got, cid, argv):
                    continue
                self.write({"step": step, "op": op, "id": cid,
                            "events": len(got.get("events", []))})
        self.write({"done": True, "steps": self.operations})
        self.log.close()
        return 0


# ---------------------------------------------------------------------------------------------
# Verifier


def expected_from_logs(logs, shared):
    """Replays the logs: the complaints and events the database must hold, and the failures."""
    problems, failures = [], []
    complaints = {}  # id -> {"worker", "title", "customer", "events": [...], "state": {...}}
    shared_notes = {cid: [] for cid in shared}  # id -> [(worker, text, channel, dir, visible)]
    commands = 0
    for worker, records in sorted(logs.items()):
        done = False
        steps = set()
        for r in records:
            if r.get("done"):
                done = True
                if len(steps) != r["steps"]:
                    problems.append("%s logged %d of its %d commands" % (worker, len(steps),
                                                                          r["steps"]))
                continue
            commands += 1
            steps.add(r["step"])
            if r.get("fail"):
                shown = " ".join(a if len(a) <= 40 else a[:37] + "..." for a in r["argv"])
                failures.append("%s step %d: ombud %s exited %s: %s" % (
                    worker, r["step"], shown, r["rc"], r["stderr"].strip()[:300]))
                continue
            op, cid = r["op"], r["id"]
            if op == "show":
                n = len(complaints[cid]["events"]) if cid in complaints else None
                if r["events"] != n:
                    problems.append("%s step %d: show #%s printed %s events, %s were acknowledged"
                                    % (worker, r["step"], cid, r["events"], n))
                continue
            if op == "open":
                if cid in complaints or cid in shared_notes:
                    problems.append("#%s was handed out twice (to %s and %s)" % (
                        cid, complaints.get(cid, {}).get("worker", "setup"), worker))
                    continue
                state = {"status": "open", "owner": worker, "handoffs": 0, "level": 0,
                         "to": None, "esc_reason": None, "close_reason": None, "rating": None,
                         "resolution": None, "priority": r["priority"]}
                events = [{"kind": "opened", "text": None, "channel": r["channel"],
                           "direction": None, "visible": 0,
                           "data": {"title": r["title"], "priority": r["priority"],
                                    "owner": worker}}]
                if r["note"]:
                    events.append({"kind": "note", "text": r["note"], "channel": r["channel"],
                                   "direction": "in", "visible": 0, "data": {}})
                complaints[cid] = {"worker": worker, "title": r["title"],
                                   "customer": r["customer"], "channel": r["channel"],
                                   "events": events, "state": state}
                continue
            if cid in shared_notes:
                shared_notes[cid].append((worker, r["text"], r["channel"], r["direction"],
                                          1 if r["visible"] else 0))
                continue
            c = complaints.get(cid)
            if c is None or c["worker"] != worker:
                problems.append("%s step %d: %s on #%s, which it did not open" % (
                    worker, r["step"], op, cid))
                continue
            s = c["state"]
            if op == "note":
                c["events"].append({"kind": "note", "text": r["text"], "channel": r["channel"],
                                    "direction": r["direction"],
                                    "visible": 1 if r["visible"] else 0, "data": {}})
            elif op == "escalate":
                s.update(status="escalated", level=r["level"], to=r["to"],
                         esc_reason=r["reason"])
                c["events"].append({"kind": "escalated", "text": r["reason"], "channel": None,
                                    "direction": None, "visible": 0,
                                    "data": {"to": r["to"], "level": r["level"],
                                             "from": r["from"]}})
            elif op == "assign":
                s.update(owner=r["to"], handoffs=r["handoffs"])
                c["events"].append({"kind": "assigned", "text": r["reason"], "channel": None,
                                    "direction": None, "visible": 0,
                                    "data": {"from": r["from"], "to": r["to"],
                                             "handoffs": r["handoffs"]}})
            elif op == "close":
                s.update(status="closed", to=None, esc_reason=None,
                         close_reason=r["reason"], rating=r["rating"],
                         resolution=r["resolution"])
                c["events"].append({"kind": "closed", "text": r["resolution"], "channel": None,
                                    "direction": None, "visible": 0,
                                    "data": {"reason": r["reason"], "rating": r["rating"]}})
            elif op == "reopen":
                s.update(status="open", close_reason=None, rating=None, resolution=None)
                c["events"].append({"kind": "reopened", "text": r["reason"], "channel": None,
                                    "direction": None, "visible": 0,
                                    "data": {"previous_close_reason": r["previous"]}})
        if not done:
            problems.append("%s did not finish (no end marker in its log)" % worker)
    return complaints, shared_notes, commands, failures, problems


def check_invariants(db):
    """States no sequence of ombud commands can produce, whatever the logs say."""
    p = []
    rows = db.execute("""
        SELECT id, status, closed_at, close_reason, rating, resolution, escalation_level,
               escalated_to, escalation_due, escalated_at, escalated_by, handoffs, created_at,
               updated_at
        FROM complaints""").fetchall()
    for (cid, status, closed_at, close_reason, rating, resolution, level, to, esc_due, esc_at,
         esc_by, handoffs, created_at, updated_at) in rows:
        closed = status == "closed"
        if closed != (closed_at is not None) or closed != (close_reason is not None):
            p.append("#%d: status %s with closed_at %s, close_reason %s"
                     % (cid, status, closed_at, close_reason))
        if not closed and (rating is not None or resolution is not None):
            p.append("#%d: status %s with rating %s, resolution %r"
                     % (cid, status, rating, resolution))
        # An escalation under way has someone asked, a level, when and by whom; none other
        # keeps any of it but the level, which counts every escalation so far.
        escalated = status == "escalated"
        if escalated != (to is not None) or (escalated and level < 1):
            p.append("#%d: status %s with escalated_to %s, escalation_level %s"
                     % (cid, status, to, level))
        if escalated != (esc_at is not None) or escalated != (esc_by is not None):
            p.append("#%d: status %s with escalated_at %s, escalated_by %s"
                     % (cid, status, esc_at, esc_by))
        if not escalated and esc_due is not None:
            p.append("#%d: status %s with escalation_due %s" % (cid, status, esc_due))
        events = db.execute("SELECT id, at, kind, data FROM events WHERE complaint_id = ? "
                            "ORDER BY id", (cid,)).fetchall()
        if not events or events[0][2] != "opened":
            p.append("#%d: the first event is %s, not opened"
                     % (cid, events[0][2] if events else "missing"))
            continue
        kinds = [e[2] for e in events]
        if kinds.count("opened") != 1:
            p.append("#%d: %d opened events" % (cid, kinds.count("opened")))
        if kinds.count("assigned") != handoffs:
            p.append("#%d: handoffs %d, but %d assigned events"
                     % (cid, handoffs, kinds.count("assigned")))
        last_state = [k for k in kinds if k in ("opened", "escalated", "closed", "reopened")][-1]
        want = {"opened": "open", "reopened": "open", "escalated": "escalated",
                "closed": "closed"}[last_state]
        if status != want:
            p.append("#%d: status %s, but the last state event is %s"
                     % (cid, status, last_state))
        if kinds.count("escalated") != level:
            p.append("#%d: escalation_level %d, but %d escalations"
                     % (cid, level, kinds.count("escalated")))
        # Events are recorded in id order; a later one dated before an earlier one means the
        # time was taken before the write lock was (see test_stress.sh).
        ats = [e[1] for e in events]
        back = [(events[i - 1][0], ats[i - 1], events[i][0], ats[i])
                for i in range(1, len(ats)) if ats[i] < ats[i - 1]]
        if back:
            p.append("#%d: %d events dated before the event recorded just before them, "
                     "first event %d at %d, then event %d at %d" % ((cid, len(back)) + back[0]))
        if created_at != ats[0]:
            p.append("#%d: created_at %d, opened at %d" % (cid, created_at, ats[0]))
        if updated_at != ats[-1]:
            p.append("#%d: updated_at %d, last event at %d" % (cid, updated_at, ats[-1]))
    orphans = db.execute("SELECT count(*) FROM events WHERE complaint_id NOT IN "
                         "(SELECT id FROM complaints)").fetchone()[0]
    if orphans:
        p.append("%d events of complaints that do not exist" % orphans)
    dup = db.execute("SELECT name, count(*) FROM customers WHERE email IS NULL AND phone IS NULL "
                     "GROUP BY name COLLATE NOCASE HAVING count(*) > 1").fetchall()
    for name, n in dup:
        p.append("customer %r exists %d times" % (name, n))
    return p


def verify(db_path, logs, shared):
    complaints, shared_notes, commands, failures, problems = expected_from_logs(logs, shared)
    db = sqlite3.connect("file:%s?mode=ro" % db_path, uri=True)
    db.execute("PRAGMA busy_timeout = 10000")
    integrity = [r[0] for r in db.execute("PRAGMA integrity_check")]
    if integrity != ["ok"]:
        problems.append("PRAGMA integrity_check: %s" % "; ".join(integrity[:10]))
    fk = db.execute("PRAGMA foreign_key_check").fetchall()
    if fk:
        problems.append("PRAGMA foreign_key_check: %s" % fk[:10])

    stored = {r[0]: r for r in db.execute("""
        SELECT c.id, c.title, c.status, c.owner, c.handoffs, c.escalation_level, c.escalated_to,
               c.escalation_reason, c.close_reason, c.rating, c.resolution, c.priority,
               c.channel, cu.name
        FROM complaints c LEFT JOIN customers cu ON cu.id = c.customer_id""")}
    want_ids = set(complaints) | set(shared_notes)
    lost = sorted(want_ids - set(stored))
    extra = sorted(set(stored) - want_ids)
    for cid in lost:
        problems.append("#%d was acknowledged but is missing" % cid)
    for cid in extra:
        problems.append("#%d (%r) is stored, but nobody acknowledged opening it"
                        % (cid, stored[cid][1]))

    event_rows = {}
    for row in db.execute("SELECT id, complaint_id, actor, kind, text, channel, direction, "
                          "visible, data FROM events ORDER BY id"):
        event_rows.setdefault(row[1], []).append(row)
    stored_events = sum(len(v) for v in event_rows.values())
    want_events = 0

    for cid, c in sorted(complaints.items()):
        if cid not in stored:
            continue
        (_, title, status, owner, handoffs, level, to, esc_reason, close_reason, rating,
         resolution, priority, channel, customer) = stored[cid]
        s = c["state"]
        have = {"title": title, "status": status, "owner": owner, "handoffs": handoffs,
                "level": level, "to": to, "esc_reason": esc_reason,
                "close_reason": close_reason, "rating": rating, "resolution": resolution,
                "priority": priority, "channel": channel, "customer": customer}
        want = dict(s, title=c["title"], channel=c["channel"], customer=c["customer"])
        for k in want:
            if have[k] != want[k]:
                problems.append("#%d: %s is %r, expected %r" % (cid, k, have[k], want[k]))
        events = event_rows.get(cid, [])
        want_events += len(c["events"])
        if len(events) != len(c["events"]):
            problems.append("#%d has %d events, %d were acknowledged: stored %s, expected %s" % (
                cid, len(events), len(c["events"]), [e[3] for e in events],
                [e["kind"] for e in c["events"]]))
        for i, (got, exp) in enumerate(zip(events, c["events"])):
            _, _, actor, kind, text, ech, edir, visible, data = got
            data = json.loads(data)
            diffs = []
            if actor != c["worker"]:
                diffs.append("actor %r" % actor)
            for k, v in (("kind", kind), ("text", text), ("channel", ech), ("direction", edir),
                         ("visible", visible)):
                if v != exp[k]:
                    diffs.append("%s %r, expected %r" % (k, v, exp[k]))
            for k, v in exp["data"].items():
                if data.get(k) != v:
                    diffs.append("data.%s %r, expected %r" % (k, data.get(k), v))
            if diffs:
                problems.append("#%d event %d (%s): %s" % (cid, i + 1, exp["kind"],
                                                           "; ".join(diffs)))

    for cid, notes in sorted(shared_notes.items()):
        events = event_rows.get(cid, [])
        want_events += 1 + len(notes)
        got_notes = [(e[2], e[4], e[5], e[6], e[7]) for e in events if e[3] == "note"]
        if len(events) != 1 + len(notes) or sorted(got_notes, key=repr) != sorted(notes, key=repr):
            missing = [n for n in notes if n not in got_notes]
            unexpected = [n for n in got_notes if n not in notes]
            problems.append("shared #%d: %d events for %d acknowledged notes; missing: %s; "
                            "not acknowledged: %s" % (cid, len(events), len(notes),
                                                      [n[1][:40] for n in missing[:5]],
                                                      [n[1][:40] for n in unexpected[:5]]))
        # One worker's notes are stored in the order it made them.
        for worker in {n[0] for n in notes}:
            mine = [n[1] for n in notes if n[0] == worker]
            stored_order = [n[1] for n in got_notes if n[0] == worker]
            if stored_order != mine:
                problems.append("shared #%d: the notes of %s are stored out of order"
                                % (cid, worker))

    if stored_events != want_events:
        problems.append("%d events stored, %d acknowledged" % (stored_events, want_events))
    # Whoever was named as new owner or decider is on the team, however many workers named
    # them first at the same time.
    team = {name for (name,) in db.execute("SELECT name FROM team")}
    named = {r["to"] for records in logs.values() for r in records
             if not r.get("fail") and r.get("op") in ("assign", "escalate")}
    for name in sorted(named - team):
        problems.append("%s was assigned or escalated to, but is not on the team" % name)
    problems += check_invariants(db)
    db.close()
    return {"commands": commands, "failures": failures, "problems": problems,
            "complaints": len(stored), "events": stored_events,
            "acknowledged_complaints": len(complaints) + len(shared_notes),
            "acknowledged_events": want_events}


# ---------------------------------------------------------------------------------------------
# run


def run(args):
    os.makedirs(args.workdir, exist_ok=True)
    env = dict(os.environ)
    started = time.monotonic()
    # w1, w2 … are one letter apart: ombud takes a new one for a typo of one on the team and
    # refuses it ("did you mean w3?"), so they are on the team from the start, as staff would be.
    # The others (PEOPLE, BOSSES) join on first use, as the workers name them concurrently.
    for w in range(1, args.processes + 1):
        p = subprocess.run([args.ombud, "--db", args.db, "--as", "setup", "--json", "team", "add",
                            "w%d" % w], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, env=env)
        if p.returncode != 0:
            print("setup: ombud team add w%d exited %d: %s"
                  % (w, p.returncode, p.stderr.decode("utf-8", "replace").strip()))
            return 1
    for k in range(1, args.shared + 1):
        p = subprocess.run([args.ombud, "--db", args.db, "--as", "setup", "--json", "open",
                            "shared complaint %d" % k], stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        if p.returncode != 0 or json.loads(p.stdout).get("id") != k:
            print("setup: ombud open \"shared complaint %d\" exited %d: %s"
                  % (k, p.returncode, p.stderr.decode("utf-8", "replace").strip()))
            return 1
    workers = []
    for w in range(1, args.processes + 1):
        log = os.path.join(args.workdir, "worker-%d.log" % w)
        if os.path.exists(log):
            os.unlink(log)
        workers.append((w, log, subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), "worker", args.ombud, args.db, log,
             "--id", str(w), "--operations", str(args.operations), "--seed", str(args.seed),
             "--shared", str(args.shared)], stdin=subprocess.DEVNULL, env=env)))
    crashed = []
    for w, _, proc in workers:
        if proc.wait() != 0:
            crashed.append("worker %d (the Python driver, not ombud) exited %d"
                           % (w, proc.returncode))
    elapsed = time.monotonic() - started
    logs = {}
    for w, log, _ in workers:
        records = []
        if os.path.exists(log):
            with open(log, encoding="utf-8") as f:
                records = [json.loads(line) for line in f if line.strip()]
        logs["w%d" % w] = records
    result = verify(args.db, logs, list(range(1, args.shared + 1)))
    result["problems"] = crashed + result["problems"]

    print("stress: %d processes x %d operations (seed %s) in %.1f s: %d commands, %d failed"
          % (args.processes, args.operations, args.seed, elapsed, result["commands"],
             len(result["failures"])))
    print("stress: %d complaints and %d events stored; %d and %d acknowledged"
          % (result["complaints"], result["events"], result["acknowledged_complaints"],
             result["acknowledged_events"]))
    for f in result["failures"][:20]:
        print("FAILED COMMAND: " + f)
    for p in result["problems"][:50]:
        print("PROBLEM: " + p)
    more = len(result["failures"]) - 20 + len(result["problems"]) - 50
    if more > 0:
        print("… and more (%d lines left out)" % more)
    ok = not result["failures"] and not result["problems"]
    print("stress: %s" % ("ok: nothing lost, nothing inconsistent" if ok else
                          "FAILED: %d failed commands, %d problems"
                          % (len(result["failures"]), len(result["problems"]))))
    return 0 if ok else 1


def main(argv):
    ap = argparse.ArgumentParser(prog="stress.py")
    sub = ap.add_subparsers(dest="mode", required=True)
    r = sub.add_parser("run", help="start the workers, wait, verify")
    r.add_argument("ombud")
    r.add_argument("db")
    r.add_argument("workdir")
    r.add_argument("--processes", type=int, default=8)
    r.add_argument("--operations", type=int, default=40)
    r.add_argument("--seed", default="1")
    r.add_argument("--shared", type=int, default=3)
    w = sub.add_parser("worker", help="one writer process (started by run)")
    w.add_argument("ombud")
    w.add_argument("db")
    w.add_argument("log")
    w.add_argument("--id", type=int, required=True)
    w.add_argument("--operations", type=int, required=True)
    w.add_argument("--seed", required=True)
    w.add_argument("--shared", type=int, default=0)
    args = ap.parse_args(argv[1:])
    if args.mode == "worker":
        return Worker(args).run()
    if args.processes < 1 or args.operations < 1 or args.shared < 0:
        ap.error("PROCESSES and OPERATIONS must be at least 1")
    args.ombud = os.path.abspath(args.ombud)
    args.db = os.path.abspath(args.db)
    return run(args)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
