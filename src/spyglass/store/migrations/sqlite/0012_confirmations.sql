-- Review queue: an analyst's confirmation that a case field's value is right. Kept apart from
-- machine output like corrections (no foreign key: it outlives a case rebuilt by re-ingest).
-- ``value`` is the JSON value confirmed; a newer report that changes the field lapses it.
CREATE TABLE IF NOT EXISTS confirmations (
    seq INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,                  -- JSON
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS confirmations_case ON confirmations (case_id, field, seq);
