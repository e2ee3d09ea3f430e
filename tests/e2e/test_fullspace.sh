# A full disk: the write that does not fit fails with exit code 6 and a message that says there
# is no space; the database stays consistent and readable, everything acknowledged before is
# still there, and once there is room again, writing works again. Two ways to run out: a small
# tmpfs (needs root and mount; skipped otherwise) and a file size limit (ulimit -f, anywhere).
source "$(dirname "$0")/lib.sh" "$@"

# Mount points to take down whatever happens; before lib.sh's cleanup removes the folders, since
# rm -rf on a mounted folder would empty the mount and fail on the folder.
MOUNTS=()
unmount_all() {
    local m
    for m in "${MOUNTS[@]}"; do
        mountpoint -q "$m" 2>/dev/null && umount "$m" 2>/dev/null
    done
    MOUNTS=()
}
trap 'status=$?; unmount_all; (exit $status); cleanup' EXIT

# note_text N SIZE: a note whose first line names it ("note N") and SIZE bytes more.
note_text() {
    printf 'note %s\n' "$1"
    head -c "$2" /dev/zero | tr '\0' 'n'
}

# expect_no_space: the last command failed with exit 6, printed nothing on stdout, and said on
# stderr that there is no space, naming the file.
expect_no_space() {
    expect_rc 6
    expect_empty "$out" "stdout"
    expect_match "$err" '^ombud: error: '
    expect_contains "$err" "$OMBUD_DB"
    expect_match "$err" '[Nn]o space'
}

# expect_notes_kept N SIZE: complaint #1 holds exactly the notes 1..N of note_text (by their
# first lines), in order, each whole (SIZE bytes after its first line); the file is consistent.
expect_notes_kept() {
    local size=$2
    expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check"
    expect_eq "$(sql "SELECT group_concat(substr(text, 6, instr(text, char(10)) - 6), ',')
                      FROM (SELECT text FROM events WHERE complaint_id = 1 AND kind = 'note'
                            ORDER BY id)")" \
        "$(seq -s, 1 "$1")" "notes stored (by number)"
    expect_eq "$(sql "SELECT count(*) FROM events WHERE kind = 'note'
                        AND length(text) <> instr(text, char(10)) + $size")" 0 \
        "notes that are not whole"
}

# run_input INPUT-FILE ARGS…: like `run`, with stdin from INPUT-FILE (a large note: run_stdin
# would put all of it into the command line shown on failure).
run_input() {
    run_limited unlimited "$@"
}

# run_limited BLOCKS INPUT-FILE ARGS…: like `run`, with stdin from INPUT-FILE and files limited
# to BLOCKS KiB (ulimit -f); SIGXFSZ is ignored, so a write past the limit fails with EFBIG
# instead of killing ombud.
run_limited() {
    local blocks=$1 input=$2
    shift 2
    _quote_cmd "$OMBUD" "$@"
    if [ "$blocks" = unlimited ]; then
        LAST_CMD="$LAST_CMD <$(basename "$input")"
    else
        LAST_CMD="(trap '' XFSZ; ulimit -f $blocks; $LAST_CMD <$(basename "$input"))"
    fi
    (
        trap '' XFSZ
        ulimit -f "$blocks" || exit 99
        exec "$OMBUD" "$@"
    ) <"$input" >"$OUT_FILE" 2>"$ERR_FILE"
    rc=$?
    _slurp out "$OUT_FILE"
    _slurp err "$ERR_FILE"
}

TEST "on a full file system (a 1 MB tmpfs), the write that does not fit fails with 'no space'"
if [ "$(id -u)" != 0 ]; then
    SKIP "needs root to mount a small tmpfs"
elif ! mkdir -p "$T/mnt" ||
    ! mount -t tmpfs -o size=1024k,mode=0700 tmpfs "$T/mnt" 2>"$T/mount.err"; then
    SKIP "cannot mount a tmpfs here: $(head -n 1 "$T/mount.err")"
else
    MOUNTS+=("$T/mnt")
    export OMBUD_DB="$T/mnt/ombud.db"
    # 1 MB, not less: making the schema (~170 KB at version 3) briefly takes twice that, for the
    # file and its write-ahead log, and the ballast below must still fit beside it.
    # Ballast, to free later: the room that lets writing work again. Generous, because a write-
    # ahead log that could not be copied into the full file keeps what it holds (and its size).
    head -c $((256 * 1024)) /dev/zero >"$T/mnt/ballast"
    ok open "Filling the disk"
    acked=0
    failed=""
    for i in $(seq 1 30); do
        note_text "$i" 50000 >"$T/note.txt"
        run_input "$T/note.txt" note 1 -
        if [ "$rc" = 0 ]; then
            acked=$i
        else
            failed=$i
            break
        fi
    done
    if [ -z "$failed" ]; then
        _fail "30 notes of 50 KB fit on a 1 MB file system"
    else
        expect_no_space
        # The same in JSON: one error object, code storage, the same message.
        run_input "$T/note.txt" --json note 1 -
        expect_rc 6
        expect_json_error storage
        expect_match "$err" '[Nn]o space'
        expect_ne "$acked" 0 "notes written before the disk was full"
        # While the disk is still full, everything acknowledged is there and ombud reads it.
        expect_notes_kept "$acked" 50000
        run --json show 1
        expect_rc 0
        expect_json 'len(d["events"])' $((acked + 1))
        run list
        expect_rc 0
        expect_contains "$out" "Filling the disk"
        # Room again: writing works again, and nothing was lost on the way.
        rm -f "$T/mnt/ballast"
        note_text $((acked + 1)) 50000 >"$T/note.txt"
        run_input "$T/note.txt" note 1 -
        expect_rc 0
        expect_notes_kept $((acked + 1)) 50000
    fi
    unmount_all
fi

TEST "under a file size limit (ulimit -f), the write that crosses it fails with 'no space'"
ok open "Limited"
size=$(stat -c %s "$OMBUD_DB")
# 160 KiB above the file as it is: a few 20 KB notes fit (first in the write-ahead log, then in
# the file itself), then one crosses the limit.
limit=$((size / 1024 + 160))
acked=0
failed=""
for i in $(seq 1 40); do
    note_text "$i" 20000 >"$T/note.txt"
    run_limited "$limit" "$T/note.txt" note 1 -
    if [ "$rc" = 0 ]; then
        acked=$i
    else
        failed=$i
        break
    fi
done
if [ -z "$failed" ]; then
    _fail "40 notes of 20 KB fit under a limit of $limit KiB"
else
    expect_no_space
    expect_ne "$acked" 0 "notes written before the limit"
    run_limited "$limit" "$T/note.txt" --json note 1 -
    expect_rc 6
    expect_json_error storage
    expect_match "$err" '[Nn]o space'
    # Neither file went past the limit, and the notes that were acknowledged are all there,
    # whether they reached the file or still wait in the write-ahead log.
    for f in "$OMBUD_DB" "$OMBUD_DB-wal"; do
        if [ -e "$f" ] && [ "$(stat -c %s "$f")" -gt $((limit * 1024)) ]; then
            _fail "$(basename "$f") is $(stat -c %s "$f") bytes, over the limit of $limit KiB"
        fi
    done
    # Reading works under the limit, and without it.
    : >"$T/empty"
    run_limited "$limit" "$T/empty" --json show 1
    expect_rc 0
    firsts=$(for n in $(seq "$acked"); do printf '"note %d", ' "$n"; done)
    expect_json 'len(d["events"])' $((acked + 1)) \
        '[e["text"].split("\n")[0] for e in d["events"][1:]]' "[${firsts%, }]"
    expect_notes_kept "$acked" 20000
    run list
    expect_rc 0
    expect_contains "$out" "Limited"
    # The limit lifted: the note that failed goes in, after all the others.
    run_input "$T/note.txt" note 1 -
    expect_rc 0
    expect_notes_kept "$failed" 20000
fi

TEST "under a file size limit, a new database that cannot be created fails with 'no space'"
# Creating the schema needs ~170 KB; 8 KiB is not enough. Nothing may be left behind: no
# half-made database that a later ombud would take for an empty one.
: >"$T/empty"
run_limited 8 "$T/empty" open "Too big to start"
expect_no_space
expect_no_file "$OMBUD_DB"
expect_eq "$(cd "$T" && find . -maxdepth 1 -name 'ombud.db*' | sort | tr '\n' ' ')" "" \
    "files left next to the database"
ok open "Without the limit"
expect_eq "$(sql 'SELECT title FROM complaints')" "Without the limit" "complaints"

finish
