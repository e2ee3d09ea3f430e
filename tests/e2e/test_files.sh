# The database file and its surroundings: permissions, read-only files and folders, network
# shares, empty files.
source "$(dirname "$0")/lib.sh" "$@"

# as_nobody_setup: a folder nobody may enter, with $OMBUD_DB inside. Root ignores file modes,
# so these cases run as nobody.
as_nobody_setup() {
    chmod 755 "$E2E_TMP" "$T"
    mkdir -p "$T/data"
    export OMBUD_DB="$T/data/ombud.db"
    ok open "First" --customer "Ann"
    chown -R nobody "$T/data"
}

TEST "a read-only file: reads work, writes exit 6 and say the file is read-only"
if ! can_drop_privileges; then
    SKIP "needs root and setpriv to run as nobody"
else
    as_nobody_setup
    chmod 444 "$OMBUD_DB"
    before=$(file_hash "$OMBUD_DB")
    run_as_nobody --json list
    expect_rc 0
    expect_json 'len(d)' 1
    run_as_nobody note 1 "More"
    expect_rc 6
    expect_contains "$err" "cannot write $OMBUD_DB: the file is read-only for you (mode 0444)"
    expect_contains "$err" "hint: ask the file's owner for write permission"
    run_as_nobody --json open "New"
    expect_rc 6
    expect_json_error storage
    expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"
fi

TEST "a read-only folder: reads work, writes exit 6 and name the folder"
if ! can_drop_privileges; then
    SKIP "needs root and setpriv to run as nobody"
else
    as_nobody_setup
    chmod 555 "$T/data"
    before=$(file_hash "$OMBUD_DB")
    run_as_nobody --json show 1
    expect_rc 0
    expect_json 'd["title"]' First
    run_as_nobody history
    expect_rc 0
    expect_contains "$out" "First"
    run_as_nobody note 1 "More"
    expect_rc 6
    expect_contains "$err" "its folder $T/data is read-only for you"
    expect_contains "$err" "hint: ask the folder's owner"
    run_as_nobody --db "$T/data/other.db" open "New"
    expect_rc 6
    expect_contains "$err" "cannot create $T/data/other.db: its folder $T/data is read-only"
    expect_eq "$(file_hash "$OMBUD_DB")" "$before" "file hash"
    expect_eq "$(ls "$T/data")" "ombud.db" "files in the folder"
fi

TEST "a folder nobody may enter is a storage error (exit 6), not an empty database"
if ! can_drop_privileges; then
    SKIP "needs root and setpriv to run as nobody"
else
    as_nobody_setup
    chown root "$T/data" && chmod 700 "$T/data"
    run_as_nobody list
    expect_rc 6
    expect_contains "$err" "Permission denied"
fi

TEST "a team member in the group can write a shared database; others cannot"
if ! can_drop_privileges; then
    SKIP "needs root and setpriv to run as nobody"
else
    chmod 755 "$E2E_TMP" "$T"
    mkdir -p "$T/team"
    export OMBUD_DB="$T/team/ombud.db"
    ok db share --group "$NOBODY_GROUP"
    chgrp "$NOBODY_GROUP" "$T/team" && chmod 2770 "$T/team"
    # A member of the group, not the owner.
    run_cmd setpriv --reuid=daemon --regid=daemon --groups="$(getent group "$NOBODY_GROUP" | cut -d: -f3)" \
        "$OMBUD" --as member open "From a colleague"
    expect_rc 0
    run_cmd setpriv --reuid=daemon --regid=daemon --groups="$(getent group "$NOBODY_GROUP" | cut -d: -f3)" \
        "$OMBUD" --as member note 1 "Noted by the colleague"
    expect_rc 0
    for f in "$OMBUD_DB" "$OMBUD_DB"-wal "$OMBUD_DB"-shm; do
        [ -e "$f" ] && expect_eq "$(stat -c %a "$f")" 660 "mode of $f"
    done
    # Outside the group: not even reading.
    run_cmd setpriv --reuid=daemon --regid=daemon --clear-groups "$OMBUD" list
    expect_rc 6
    expect_eq "$(sql 'SELECT count(*) FROM events')" 2 "events"
fi

TEST "OMBUD_NETWORK_FS=yes: the rollback journal, with a warning when it is chosen"
run_cmd env OMBUD_NETWORK_FS=yes "$OMBUD" open "On a share"
expect_rc 0
expect_contains "$err" "warning: $OMBUD_DB is on a network file system"
expect_contains "$err" "rollback journal"
expect_eq "$(sql 'PRAGMA journal_mode')" delete "journal mode"
run_cmd env OMBUD_NETWORK_FS=yes "$OMBUD" note 1 "Second write"
expect_rc 0
expect_empty "$err" "stderr of the second write"
expect_no_file "$OMBUD_DB-wal"
expect_eq "$(sql 'SELECT count(*) FROM events')" 2 "events"

TEST "a WAL database found on a network share is switched to the rollback journal once"
ok open "Made on a local disk"
expect_eq "$(sql 'PRAGMA journal_mode')" wal "journal mode before"
run_cmd env OMBUD_NETWORK_FS=yes "$OMBUD" list
expect_rc 0
expect_contains "$err" "network file system"
expect_eq "$(sql 'PRAGMA journal_mode')" delete "journal mode after"
run_cmd env OMBUD_NETWORK_FS=yes "$OMBUD" list
expect_empty "$err" "stderr the second time"

TEST "OMBUD_NETWORK_FS=no keeps WAL; a bad value is usage (exit 2)"
run_cmd env OMBUD_NETWORK_FS=no "$OMBUD" open "Local"
expect_rc 0
expect_empty "$err" "stderr"
expect_eq "$(sql 'PRAGMA journal_mode')" wal "journal mode"
run_cmd env OMBUD_NETWORK_FS=maybe "$OMBUD" list
expect_rc 2
expect_contains "$err" "OMBUD_NETWORK_FS must be yes, no or auto"

TEST "read commands on an empty file leave it empty; the first write makes it a database"
: >"$OMBUD_DB"
for cmd in list history "show 1" "db check"; do
    # shellcheck disable=SC2086 # the words of the command
    run $cmd
done
expect_eq "$(stat -c %s "$OMBUD_DB")" 0 "size after reads"
ok open "First"
expect_eq "$(sql 'PRAGMA user_version')" 3 "schema after the first write"

finish
