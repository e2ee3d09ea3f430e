#!/usr/bin/env bash
# Runs a libFuzzer target for ctest (tests/fuzz/CMakeLists.txt).
#
#   run.sh replay FUZZER CORPUS REGRESSIONS
#       Runs every file in both folders once; fails on the first input that crashes.
#   run.sh fuzz FUZZER CORPUS REGRESSIONS ARTIFACTS SECONDS MAX_LEN
#       Fuzzes for SECONDS, starting from both folders. New inputs go to a temporary folder (the
#       source tree is only read); a crashing input is written to ARTIFACTS.
set -euo pipefail

mode=$1 fuzzer=$2 corpus=$3 regressions=$4
name=$(basename "$fuzzer")

case $mode in
replay)
    inputs=()
    for f in "$regressions"/* "$corpus"/*; do
        # Only files: libFuzzer would take a folder for a corpus and start fuzzing.
        [ -f "$f" ] && inputs+=("$f")
    done
    if [ ${#inputs[@]} -eq 0 ]; then
        echo "$name: no inputs in $regressions or $corpus"
        exit 0
    fi
    echo "$name: running ${#inputs[@]} inputs once each"
    "$fuzzer" -timeout=10 "${inputs[@]}" && exit 0
    # One process stops at the first failure: try each input alone to name them all.
    failed=()
    for f in "${inputs[@]}"; do
        "$fuzzer" -timeout=10 "$f" >/dev/null 2>&1 || failed+=("$f")
    done
    echo >&2
    echo "$name: ${#failed[@]} inputs fail:" >&2
    printf '  %s\n' "${failed[@]}" >&2
    echo "Reproduce one with: $fuzzer FILE" >&2
    exit 1
    ;;
fuzz)
    artifacts=$5 seconds=$6 max_len=$7
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mkdir -p "$artifacts"
    touch "$work/.start"
    status=0
    # The first folder is the one libFuzzer writes to; the others are only read.
    "$fuzzer" -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -print_final_stats=1 \
        -artifact_prefix="$artifacts/" "$work" "$corpus" "$regressions" || status=$?
    if [ $status -ne 0 ]; then
        echo >&2
        echo "$name failed (exit $status). Inputs it wrote:" >&2
        find "$artifacts" -type f -newer "$work/.start" -print >&2
        echo "Reproduce one with: $fuzzer FILE" >&2
        echo "Keep it as a regression test: copy it into tests/fuzz/regressions/$name/" \
            "under a name that says what goes wrong." >&2
        exit $status
    fi
    ;;
*)
    echo "usage: $0 replay|fuzz FUZZER CORPUS REGRESSIONS [ARTIFACTS SECONDS MAX_LEN]" >&2
    exit 2
    ;;
esac
