-- 007: the audit chain, linear per transaction.
--
-- Each audit row used to read and update the one row of audit_head.  In a
-- long transaction (an import of 20,000 rows) every update leaves a dead
-- version of that row which the next one walks past, so the cost grew with
-- the square of the rows (20,000 inserts: 19 s).  Now writers serialise on
-- a transaction-level advisory lock and each row takes the place after the
-- last one: rows carry their position in the chain (seq, unique), and the
-- previous hash is that of the row with the highest seq — an index lookup.
-- The lock is held to the end of the transaction, as the row lock on
-- audit_head was, so the chain stays one line.

ALTER TABLE audit_log ADD COLUMN seq bigint;

-- The rows so far, numbered along their links from the first one: the
-- one change ever made to existing audit rows, so the append-only trigger
-- steps aside for it inside this migration's transaction.
ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only;
WITH RECURSIVE chain (id, hash, seq) AS (
  SELECT id, hash, 1::bigint FROM audit_log WHERE prev_hash = '\x00'::bytea
  UNION ALL
  SELECT a.id, a.hash, c.seq + 1 FROM audit_log a JOIN chain c ON a.prev_hash = c.hash
)
UPDATE audit_log a SET seq = c.seq FROM chain c WHERE a.id = c.id;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only;

ALTER TABLE audit_log ALTER COLUMN seq SET NOT NULL;
CREATE UNIQUE INDEX audit_log_seq ON audit_log (seq);

CREATE OR REPLACE FUNCTION wg_audit_chain () RETURNS trigger
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp
  AS $$
  DECLARE
    last record;
  BEGIN
    -- 8471: the audit chain's own key (two-key space; sessions use 8470).
    PERFORM pg_advisory_xact_lock(8471, 0);
    SELECT hash, seq INTO last FROM audit_log ORDER BY seq DESC LIMIT 1;
    NEW.prev_hash := coalesce(last.hash, '\x00'::bytea);
    NEW.seq := coalesce(last.seq, 0) + 1;
    NEW.at := clock_timestamp();
    NEW.hash := sha256(NEW.prev_hash || convert_to(concat_ws('|', NEW.at, NEW.user_id,
                  NEW.action, NEW.table_name, NEW.record_id, NEW.path, NEW.changes,
                  NEW.reason), 'UTF8'));
    RETURN NEW;
  END
  $$;

-- The head is the row with the highest seq; the table of migration 002
-- goes, so that nothing reads a head that is no longer kept.
DROP TABLE audit_head;
