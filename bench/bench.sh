#!/usr/bin/env bash
# Times ombud's everyday commands on a small and a large database with hyperfine, to show
# that they cost the same at 100 complaints as at a million.
# usage: bench/bench.sh [OMBUD_BINARY] [LARGE_N]     (needs hyperfine and sqlite3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
ombud=$(realpath "${1:-$here/../build/ombud}")
large=${2:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for n in 100 "$large"; do
    echo "building a database of $n complaints" >&2
    "$here/make-db.sh" "$ombud" "$work/$n.db" "$n" >/dev/null
done

# Each command runs against both files; {db} is filled in by hyperfine's parameter list.
commands=(
    "open 'Benchmark complaint' --customer 'Customer 7'"
    "note 50 'Called back'"
    "show 50"
    "history 50"
    "history --limit 20"
    "list --limit 20"
    "list"
    "list --owner owner3"
    "list --customer customer7@example.com"
    "list --status escalated --limit 20"
    "list --overdue --limit 20"
)
for cmd in "${commands[@]}"; do
    hyperfine -N --warmup 3 --min-runs 20 \
        --parameter-list db "$work/100.db,$work/$large.db" \
        --command-name "ombud $cmd ({db})" \
        --export-markdown "$work/out.md" \
        "$ombud --db {db} --as bench $cmd" >/dev/null 2>&1
    sed "s|$work/||g" "$work/out.md" | tail -n +3
done
