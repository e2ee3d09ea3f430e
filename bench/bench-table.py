#!/usr/bin/env python3
"""Builds the markdown table of bench/bench.sh from hyperfine's JSON exports.

usage: bench-table.py OUT_DIR N COUNTS MACHINE SQLITE_VERSION OMBUD_VERSION
"""

import glob
import json
import os
import statistics
import sys

MIB = 1024

# name, what ombud runs, target kind, target value, note
ROWS = [
    ("open", "open (existing customer, by e-mail)", "ratio", 1.3, ""),
    ("note", "note", "ratio", 1.3, ""),
    ("close", "close", "ratio", 1.3, ""),
    ("show", "show ID", "ratio", 1.3, ""),
    ("history-id", "history ID", "ratio", 1.3, ""),
    ("history-customer", "history --customer EMAIL", "ratio", 1.3,
     "(not named in the issue; held to the same 1.3)"),
    ("list-owner", "list --owner X --status open", "ratio", 1.3, ""),
    ("list-all", "list --all --json", "ratio", 1.0, "vs `sqlite3 -json`"),
    ("search-rare", "search RARE (7 complaints)", "absolute", 0.030, ""),
    ("search-common", "search COMMON", "none", None, ""),
    ("startup", "list --status waiting (no rows: start-up)", "none", None, ""),
    ("export", "export", "ratio", 1.0, "vs `sqlite3 -json` of the same rows"),
]


def load(out, name):
    """hyperfine's results for a row, ombud first: from NAME.json, or pooled from the rounds
    NAME.roundK.json that bench.sh times in turned-round order."""
    path = os.path.join(out, "json", f"{name}.json")
    if os.path.exists(path):
        with open(path) as f:
            return json.load(f)["results"]
    rounds = sorted(glob.glob(os.path.join(out, "json", f"{name}.round*.json")))
    if not rounds:
        return None
    pooled = {}  # command name -> its results, in the order of the first round
    for path in rounds:
        with open(path) as f:
            for r in json.load(f)["results"]:
                p = pooled.setdefault(r["command"], {"command": r["command"], "times": [],
                                                     "user_total": 0.0, "system_total": 0.0})
                p["times"] += r["times"]
                p["user_total"] += r["user"] * len(r["times"])
                p["system_total"] += r["system"] * len(r["times"])
    results = []
    for p in pooled.values():
        runs = len(p["times"])
        results.append({"command": p["command"], "times": p["times"],
                        "median": statistics.median(p["times"]),
                        "mean": statistics.fmean(p["times"]),
                        "user": p["user_total"] / runs, "system": p["system_total"] / runs})
    return results


def ms(seconds):
    return f"{seconds * 1000:.1f}"


def main():
    out, n, counts, machine, sqlite_version, ombud_version = sys.argv[1:7]
    complaints, events, customers = counts.split()
    lines = []
    add = lines.append
    add(f"## ombud on {int(complaints):,} complaints")
    add("")
    add(f"{int(complaints):,} complaints, {int(events):,} events, {int(customers):,} customers. "
        f"{ombud_version}, sqlite3 {sqlite_version}. Machine: {machine}.")
    add("")
    add("Medians of hyperfine runs (whole process, `-N`: no shell); the light rows pool rounds "
        "timed in alternating order, so that a change in the machine's speed falls on both "
        "sides. The floor is the sqlite3 shell running the same SQL on the same file "
        "(bench/bench.sh writes it to `sql/`).")
    add("")
    add("| command | ombud [ms] | sqlite3 [ms] | ombud / sqlite3 | CPU | instructions "
        "| target | met |")
    add("|:---|---:|---:|---:|---:|---:|:---|:---|")
    counted = {}
    path = os.path.join(out, "instructions.tsv")
    if os.path.exists(path):
        with open(path) as f:
            for line in f.read().splitlines():
                name, a, b = line.split("\t")
                if a and b:
                    counted[name] = int(a) / int(b)
    extras = []
    for name, label, kind, target, note in ROWS:
        results = load(out, name) if name else None
        if results is None:
            add(f"| `{label}` | — | — | — | — | — | {note or '—'} | — |")
            continue
        o, s = results[0]["median"], results[1]["median"]
        ratio = o / s
        cpu = (results[0]["user"] + results[0]["system"]) / (
            results[1]["user"] + results[1]["system"])
        ir = f"{counted[name]:.2f}" if name in counted else "—"
        for extra in results[2:]:
            extras.append(f"`{label}`: {extra['command']}: {ms(extra['median'])} ms "
                          f"(ombud / this: {o / extra['median']:.2f}).")
        if kind == "ratio":
            goal = f"≤ {target:.1f}×" + (f" {note}" if note else "")
            met = "yes" if ratio <= target else "**no**"
        elif kind == "absolute":
            goal = f"< {target * 1000:.0f} ms"
            met = "yes" if o < target else "**no**"
        else:
            goal, met = "—", "—"
        add(f"| `{label}` | {ms(o)} | {ms(s)} | {ratio:.2f} | {cpu:.2f} | {ir} | {goal} | {met} |")
    add("")
    add("ombud / sqlite3: ratio of the medians of wall-clock time, what the targets are about. "
        "CPU: ratio of the mean user + system time. Instructions: ratio of the instructions "
        "executed, counted by callgrind in one run each (exact, whatever else the machine does).")
    add("")
    for line in extras:
        add(line)
    if extras:
        add("")

    startup = load(out, "startup-small")
    if startup:
        small, large = startup[0]["median"], startup[1]["median"]
        add(f"Start-up against size: `list --status waiting` (no rows) takes {ms(small)} ms on "
            f"2,000 complaints and {ms(large)} ms on {int(complaints):,} "
            f"(ratio {large / small:.2f}).")
    path = os.path.join(out, "startup-instructions.tsv")
    if os.path.exists(path):
        with open(path) as f:
            rows = [line.split("\t") for line in f.read().splitlines()]
        if len(rows) == 2:
            a, b = int(rows[0][1]), int(rows[1][1])
            add(f"Counted by callgrind, the same command executes {a:,} instructions on the small "
                f"file and {b:,} on the large one (ratio {b / a:.3f}): "
                + ("start-up does not grow with the file." if b / a < 1.05 else
                   "**start-up grows with the file.**"))
    add("")

    path = os.path.join(out, "memory.tsv")
    if os.path.exists(path):
        add("Peak memory (GNU time, maximum resident set size), target for `list --all --json`: "
            "< 16 MiB whatever the size:")
        add("")
        add("| command | peak RSS [MiB] | time [s] |")
        add("|:---|---:|---:|")
        with open(path) as f:
            for line in f.read().splitlines():
                name, kib, secs = line.split("\t")
                add(f"| `{name}` | {int(kib) / MIB:.1f} | {float(secs):.1f} |")
        add("")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
