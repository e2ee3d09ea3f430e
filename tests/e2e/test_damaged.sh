# Damaged files: random bytes, a truncated database, overwritten pages, a broken header. Every
# command that needs what is damaged fails with exit code 6 and one clear line on stderr that
# names the file and says it is damaged or not an ombud database; none crashes (under the
# sanitizer build, a report would change the exit code), and none "repairs" or removes the file.
source "$(dirname "$0")/lib.sh" "$@"

# ---------------------------------------------------------------------------------------------
# A real ombud database of many pages: 200 complaints with long titles and long notes, written
# interleaved (complaint, its events, the next complaint …) as years of use would, so the pages
# of each table and index are spread over the whole file. ombud creates the schema; the rows are
# bulk-inserted with the sqlite3 shell, which takes a fraction of a second in any build.
TEMPLATE="$E2E_TMP/template.db"
"$OMBUD" --db "$TEMPLATE" open "Complaint 1" --customer "Jan de Vries" --note "First note" \
    </dev/null >/dev/null 2>"$E2E_TMP/template.err" || {
    cat "$E2E_TMP/template.err"
    echo "$SUITE: could not create the template database"
    exit 1
}
{
    echo "BEGIN;"
    for i in $(seq 2 200); do
        echo "INSERT INTO complaints (id, title, status, priority, owner, customer_id,
                                      created_at, updated_at)
              VALUES ($i, 'Complaint $i ' || replace(hex(zeroblob(100)), '0', 'ab'), 'open',
                      'normal', 'owner$((i % 7))', 1, 1700000000 + $i, 1700000000 + $i);
              INSERT INTO events (complaint_id, at, actor, kind, data)
              VALUES ($i, 1700000000 + $i, 'tester', 'opened', '{}');
              INSERT INTO events (complaint_id, at, actor, kind, text)
              VALUES ($i, 1700000000 + $i, 'tester', 'note',
                      'Note on $i: ' || replace(hex(zeroblob(750)), '00', 'xy'));"
    done
    echo "COMMIT;"
    echo "PRAGMA wal_checkpoint(TRUNCATE);"
} | sqlite3 -batch "$TEMPLATE" >/dev/null
rm -f "$TEMPLATE-wal" "$TEMPLATE-shm"
PAGE_SIZE=$(sqlite3 -batch "$TEMPLATE" 'PRAGMA page_size')
PAGES=$(sqlite3 -batch "$TEMPLATE" 'PRAGMA page_count')
root_page() {
    sqlite3 -batch "$TEMPLATE" "SELECT rootpage FROM sqlite_schema WHERE name = '$1'"
}

# fresh_copy: $OMBUD_DB is a copy of the template, checked to be a sound ombud database first,
# so a case fails for the damage it makes and not for a bad template.
fresh_copy() {
    cp "$TEMPLATE" "$OMBUD_DB"
    expect_eq "$(sql 'PRAGMA integrity_check')" ok "integrity_check of the undamaged copy"
    expect_eq "$(sql 'SELECT count(*) FROM complaints')" 200 "complaints in the undamaged copy"
    rm -f "$OMBUD_DB-wal" "$OMBUD_DB-shm"
}

# bytes N SEED: N bytes that look random, the same on every machine and Python version.
bytes() {
    "$PYTHON" -c 'import hashlib, sys
n, seed = int(sys.argv[1]), sys.argv[2].encode()
out = b"".join(hashlib.sha256(seed + b"%d" % i).digest() for i in range(n // 32 + 1))
sys.stdout.buffer.write(out[:n])' "$1" "$2"
}

# overwrite OFFSET FILE: writes FILE's bytes over $OMBUD_DB at byte OFFSET, keeping its size.
overwrite() {
    dd if="$2" of="$OMBUD_DB" bs=1 seek="$1" conv=notrunc status=none
}

# overwrite_page PAGE KIND: overwrites page PAGE (1-based) of $OMBUD_DB with 0xFF or random bytes.
overwrite_page() {
    if [ "$2" = ff ]; then
        head -c "$PAGE_SIZE" /dev/zero | tr '\0' '\377' >"$T/page.bin"
    else
        bytes "$PAGE_SIZE" "page-$1" >"$T/page.bin"
    fi
    overwrite $((($1 - 1) * PAGE_SIZE)) "$T/page.bin"
}

# damaged_now: remembers the damaged file, for expect_left_alone.
damaged_now() {
    DAMAGED_HASH=$(file_hash "$OMBUD_DB")
    DAMAGED_SIZE=$(stat -c %s "$OMBUD_DB")
}

# expect_left_alone: the damaged file is still there, byte for byte, with no journal or
# write-ahead log holding changes that would be applied to it later.
expect_left_alone() {
    if [ ! -e "$OMBUD_DB" ]; then
        _fail "the damaged file was removed"
        return 1
    fi
    expect_eq "$(file_hash "$OMBUD_DB")" "$DAMAGED_HASH" \
        "hash of the damaged file (size $(stat -c %s "$OMBUD_DB"), was $DAMAGED_SIZE)"
    expect_no_file "$OMBUD_DB-journal"
    if [ -s "$OMBUD_DB-wal" ]; then
        _fail "a write-ahead log of $(stat -c %s "$OMBUD_DB-wal") bytes was left next to the" \
            "damaged file; it would be written into the file by the next checkpoint"
    fi
}

# _expect_storage_message: $err is one "ombud: error:" line that names the file and says it is
# damaged or not an ombud database, optionally followed by one "hint:" line.
_expect_storage_message() {
    local first=${err%%$'\n'*} rest=""
    [[ $err == *$'\n'* ]] && rest=${err#*$'\n'}
    expect_match "$first" '^ombud: error: ' || return 1
    expect_contains "$first" "$OMBUD_DB" || return 1
    expect_match "$first" '(is damaged|not an ombud database)' || return 1
    if [ -n "$rest" ] && ! [[ $rest =~ ^hint:\ [^$'\n']*$ ]]; then
        _fail "stderr has more than the error line and one hint line"
        return 1
    fi
}

# _expect_no_output COMMAND: stdout is empty, except for list and history, which print rows as
# they read them (README: "Arrays are written one element per line as the rows are read"), so
# rows read before the damaged page may have been printed; the exit code tells they are not all.
_expect_no_output() {
    case $1 in
        list | history) ;;
        *) expect_empty "$out" "stdout" ;;
    esac
}

# expect_damaged ARGS…: `ombud ARGS…` fails with exit 6, the clear message on stderr, nothing on
# stdout (see above), and leaves the file alone.
expect_damaged() {
    run "$@"
    expect_rc 6 || return 1
    _expect_no_output "$1"
    _expect_storage_message
    expect_left_alone
}

# expect_damaged_json ARGS…: the same with --json: one JSON error object of code "storage".
expect_damaged_json() {
    run --json "$@"
    expect_rc 6 || return 1
    _expect_no_output "$1"
    expect_json_error storage
    expect_contains "$err" "$OMBUD_DB"
    expect_left_alone
}

# expect_ok_or_damaged ARGS…: a command that may never touch the damaged page: it succeeds, or
# fails like expect_damaged; never anything else (a crash, another exit code).
expect_ok_or_damaged() {
    run "$@"
    if [ "$rc" = 0 ]; then
        return 0
    fi
    expect_rc 6 || return 1
    _expect_storage_message
    expect_left_alone
}

# The commands every damage that reaches the complaints must stop: reads and writes.
ALL_COMMANDS=("list" "list --all" "show 150" "history" "open New" "note 1 text"
    "assign 1 maria --reason why")

expect_all_damaged() {
    local cmd
    for cmd in "${ALL_COMMANDS[@]}"; do
        # shellcheck disable=SC2086 # split on purpose: command and arguments
        expect_damaged $cmd
    done
    expect_damaged_json show 1
    expect_damaged_json close 1
}

# expect_everyday_damaged: the everyday reads and writes of complaint #1 all fail as damaged.
expect_everyday_damaged() {
    expect_damaged list
    expect_damaged show 1
    expect_damaged history
    expect_damaged open "New"
    expect_damaged note 1 "text"
}

# ---------------------------------------------------------------------------------------------
# Files that are not (or no longer) SQLite at all. test_errors.sh has the text file.

TEST "64 KB of random bytes is not an ombud database (exit 6) for reads and writes"
bytes 65536 random-file >"$OMBUD_DB"
damaged_now
expect_all_damaged
run list
expect_contains "$err" "not an ombud database"

TEST "a file with only the SQLite magic string, or one page of zeros, is refused (exit 6)"
printf 'SQLite format 3\0' >"$OMBUD_DB"
damaged_now
expect_everyday_damaged
head -c 4096 /dev/zero >"$OMBUD_DB"
damaged_now
expect_damaged list
expect_damaged open "New"
expect_damaged note 1 "text"

# ---------------------------------------------------------------------------------------------
# Truncated databases: the header says how many pages there are; the file has fewer.

TEST "a database cut to half its size is damaged (exit 6) for reads and writes"
fresh_copy
truncate -s $((PAGES * PAGE_SIZE / 2)) "$OMBUD_DB"
damaged_now
expect_all_damaged

TEST "a database cut to its first page is damaged (exit 6)"
fresh_copy
truncate -s "$PAGE_SIZE" "$OMBUD_DB"
damaged_now
expect_everyday_damaged

TEST "a database cut inside its last page is damaged (exit 6), not read with zeros for the rest"
# The page count still matches (SQLite rounds the size up), and SQLite reads the missing tail
# of the last page as zeros: the rows at the end of that page (a page fills from its end) come
# back as NUL bytes. PRAGMA integrity_check notices (a CHECK constraint fails); a database file
# is always a whole number of pages, so a size that is not is damage ombud can see at once.
fresh_copy
truncate -s $((PAGES * PAGE_SIZE - 1000)) "$OMBUD_DB"
expect_ne "$(sql 'PRAGMA integrity_check' 2>&1)" ok "integrity_check of the cut file"
rm -f "$OMBUD_DB-wal" "$OMBUD_DB-shm"
damaged_now
expect_damaged list --all
expect_damaged history
expect_damaged open "New"
expect_damaged note 1 "text"

# ---------------------------------------------------------------------------------------------
# Overwritten pages. Which commands must fail follows from which b-tree the page belongs to;
# the others may succeed, because SQLite only notices damage where it reads.

TEST "the complaints table's root page overwritten with 0xFF: every command fails (exit 6)"
fresh_copy
root=$(root_page complaints)
expect_ne "$root" "" "root page of complaints"
overwrite_page "$root" ff
damaged_now
expect_all_damaged

TEST "the complaints table's root page overwritten with random bytes: every command fails"
fresh_copy
overwrite_page "$(root_page complaints)" random
damaged_now
expect_all_damaged

TEST "a leaf page in the middle of the complaints table: what reads its rows fails (exit 6)"
fresh_copy
# The leaves in key order with their row counts; the ids are 1..200 without gaps, so the
# running total tells which complaints a leaf holds.
leaves=$(sqlite3 -batch "$TEMPLATE" "SELECT pageno || ' ' || ncell FROM dbstat
                                     WHERE name = 'complaints' AND pagetype = 'leaf'
                                     ORDER BY path")
n_leaves=$(printf '%s\n' "$leaves" | wc -l)
expect_match "$n_leaves" '^[0-9]+$'
if [ "$n_leaves" -lt 5 ]; then
    _fail "the complaints table has only $n_leaves leaf pages; the template is too small"
fi
first_id=1
k=0
while read -r pageno ncell; do
    k=$((k + 1))
    if [ "$k" = $((n_leaves / 2)) ]; then
        page=$pageno
        victim=$((first_id + ncell / 2))
        break
    fi
    first_id=$((first_id + ncell))
done <<<"$leaves"
expect_eq "$(sql "SELECT title LIKE 'Complaint $victim %' FROM complaints WHERE id = $victim")" 1 \
    "complaint #$victim exists before the damage"
overwrite_page "$page" ff
damaged_now
expect_damaged list
expect_damaged list --all
expect_damaged history
expect_damaged show "$victim"
expect_damaged history "$victim"
expect_damaged note "$victim" "text"
expect_damaged close "$victim"
expect_damaged_json show "$victim"
# Complaint #1 is on the first leaf, which is intact.
expect_ok_or_damaged show 1

TEST "an index page (complaints_active) overwritten: list and writes fail (exit 6)"
fresh_copy
overwrite_page "$(root_page complaints_active)" ff
damaged_now
# The default listing reads this index; every write changes updated_at, which it holds.
expect_damaged list
expect_damaged open "New"
expect_damaged note 1 "text"
expect_damaged escalate 1 --to maria
expect_damaged_json list
# These read the complaints and events, not this index.
expect_ok_or_damaged show 1
expect_ok_or_damaged history 1

TEST "the events table's root page overwritten: timelines and writes fail (exit 6)"
fresh_copy
overwrite_page "$(root_page events)" ff
damaged_now
expect_damaged show 1
expect_damaged show 150
expect_damaged history
expect_damaged history 1
expect_damaged open "New"
expect_damaged note 1 "text"
expect_damaged close 1
expect_damaged_json history
# A plain listing reads only the complaints.
expect_ok_or_damaged list

# ---------------------------------------------------------------------------------------------
# The header and the schema.

TEST "the header (bytes 0-99) overwritten with random bytes: not an ombud database (exit 6)"
fresh_copy
bytes 100 header >"$T/header.bin"
overwrite 0 "$T/header.bin"
damaged_now
expect_all_damaged

TEST "the header fields after the magic string (bytes 16-99) zeroed or random: exit 6"
fresh_copy
head -c 84 /dev/zero >"$T/fields.bin"
overwrite 16 "$T/fields.bin"
damaged_now
expect_everyday_damaged
fresh_copy
bytes 84 fields >"$T/fields.bin"
overwrite 16 "$T/fields.bin"
damaged_now
expect_everyday_damaged

TEST "a header that claims far more pages than the file has is damaged (exit 6)"
fresh_copy
# Bytes 28-31: the database size in pages.
printf '\x7f\xff\xff\xff' >"$T/count.bin"
overwrite 28 "$T/count.bin"
damaged_now
expect_all_damaged

TEST "the schema on page 1 (after the header) overwritten: damaged (exit 6)"
fresh_copy
head -c $((PAGE_SIZE - 100)) /dev/zero | tr '\0' '\377' >"$T/schema.bin"
overwrite 100 "$T/schema.bin"
damaged_now
expect_all_damaged

TEST "a garbled schema entry is damaged (exit 6)"
fresh_copy
sql "PRAGMA writable_schema = ON;
     UPDATE sqlite_schema SET sql = 'CREATE INDEX complaints_active ON nonsense nonsense'
     WHERE name = 'complaints_active';" || _fail "could not garble the schema with sqlite3"
rm -f "$OMBUD_DB-wal" "$OMBUD_DB-shm"
damaged_now
expect_everyday_damaged

TEST "an ombud database missing its events table is damaged (exit 6), not a raw SQL error"
# Another program (or a botched manual repair) dropped a table: the file still says it is an
# ombud database of the current schema, but it is not a whole one.
fresh_copy
version=$(sql 'PRAGMA user_version')
sql "DROP TABLE events" || _fail "could not drop the table with sqlite3"
expect_eq "$(sql 'PRAGMA user_version')" "$version" "user_version after the drop"
expect_ne "$version" 0 "user_version of an ombud database"
rm -f "$OMBUD_DB-wal" "$OMBUD_DB-shm"
damaged_now
expect_damaged show 1
expect_damaged history
expect_damaged open "New"
expect_damaged note 1 "text"
expect_ok_or_damaged list

finish
