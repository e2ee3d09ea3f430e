#!/usr/bin/env bash
# Builds a large ombud database for benchmarks: N complaints (default 1,000,000), each with an
# opened event and a note, spread over customers and owners. Like a real shop's years of use,
# almost all are closed: the newest 400 are open or escalated, however large N is.
# usage: bench/make-db.sh OMBUD_BINARY DB_FILE [N]
set -euo pipefail
ombud=$1 db=$2 n=${3:-1000000}
rm -f "$db" "$db-wal" "$db-shm"
# Let ombud create the schema, so the benchmark measures the real one.
OMBUD_DB=$db OMBUD_USER=bench "$ombud" open "seed" >/dev/null
sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM seq WHERE i < $n / 10)
INSERT INTO customers (name, email, phone, created_at)
SELECT 'Customer ' || i, 'customer' || i || '@example.com', NULL, 1700000000 FROM seq;
WITH RECURSIVE seq(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM seq WHERE i < $n)
INSERT INTO complaints (id, title, status, priority, category, channel, customer_id, owner,
                        due, created_at, updated_at, closed_at, close_reason, rating)
SELECT i, 'Complaint number ' || i,
       CASE WHEN i > $n - 300 THEN 'open' WHEN i > $n - 400 THEN 'escalated' ELSE 'closed' END,
       CASE i % 4 WHEN 0 THEN 'low' WHEN 1 THEN 'normal' WHEN 2 THEN 'high' ELSE 'urgent' END,
       'category' || (i % 20), 'phone', 1 + i % ($n / 10), 'owner' || (i % 15),
       1700000000 + i * 60 + 86400,
       1700000000 + i * 60, 1700000000 + i * 60 + 3600,
       CASE WHEN i > $n - 400 THEN NULL ELSE 1700000000 + i * 60 + 3600 END,
       CASE WHEN i > $n - 400 THEN NULL ELSE 'resolved' END,
       CASE WHEN i > $n - 400 THEN NULL ELSE 1 + i % 5 END
FROM seq;
UPDATE complaints SET escalated_to = 'manager', escalation_level = 1 WHERE status = 'escalated';
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
SELECT id, created_at, owner, 'opened', NULL, 'phone', NULL, 0, '{}' FROM complaints WHERE id > 1;
INSERT INTO events (complaint_id, at, actor, kind, text, channel, direction, visible, data)
SELECT id, created_at + 600, owner, 'note', 'Customer called about ' || title, 'phone', 'in', 0, '{}'
FROM complaints WHERE id > 1;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
