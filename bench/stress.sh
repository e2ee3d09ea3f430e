#!/usr/bin/env bash
# The long stress run: PROCESSES ombud writers at once (default 32), each running OPERATIONS
# commands (default 500) from a seeded random mix of open, note, escalate, assign, close, reopen
# and show on one database, then a check that every acknowledged write is stored exactly once and
# no complaint is in an impossible state. The same worker and verifier as the test suite
# tests/e2e/test_stress.sh (8 x 40), in tests/e2e/stress.py.
#
# usage: bench/stress.sh OMBUD_BINARY [PROCESSES] [OPERATIONS]
#
# Environment: STRESS_SEED (default 1) makes each worker's sequence of commands reproducible;
# STRESS_DIR is the folder for the database and the workers' logs (default: a new folder under
# ${TMPDIR:-/tmp}, on disk, where commits wait for fsync; kept when the run fails).
# Exit status: 0 when nothing was lost or inconsistent, 1 otherwise, 2 on bad usage.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: $0 OMBUD_BINARY [PROCESSES] [OPERATIONS]" >&2
    exit 2
fi
ombud=$1
processes=${2:-32}
operations=${3:-500}
if [ ! -x "$ombud" ] || [ -d "$ombud" ]; then
    echo "$0: $ombud is not an executable" >&2
    exit 2
fi
for n in "$processes" "$operations"; do
    if ! [[ $n =~ ^[1-9][0-9]*$ ]]; then
        echo "$0: PROCESSES and OPERATIONS must be positive numbers, not \"$n\"" >&2
        exit 2
    fi
done
if ! command -v python3 >/dev/null 2>&1; then
    echo "$0: python3 is needed" >&2
    exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
dir=${STRESS_DIR:-$(mktemp -d "${TMPDIR:-/tmp}/ombud-stress.XXXXXXXX")}
mkdir -p "$dir"
rm -f "$dir/stress.db" "$dir/stress.db-wal" "$dir/stress.db-shm"

# Nothing from the caller's shell may steer ombud (the workers pass --db and --as themselves);
# the writers wait for the lock with the default limit, as users' commands do.
unset OMBUD_DB OMBUD_USER OMBUD_BUSY_TIMEOUT XDG_DATA_HOME

echo "ombud: $ombud ($("$ombud" --version))"
echo "database: $dir/stress.db"
status=0
python3 -B "$here/../tests/e2e/stress.py" run "$ombud" "$dir/stress.db" "$dir/logs" \
    --processes "$processes" --operations "$operations" --seed "${STRESS_SEED:-1}" || status=$?
if [ "$status" = 0 ] && [ -z "${STRESS_DIR:-}" ]; then
    rm -rf "$dir"
elif [ "$status" != 0 ]; then
    echo "kept for inspection: $dir (the database and each worker's log)"
fi
exit "$status"
