-- Crawl checkpoints: an input file whose last record is stored, written in the same transaction
-- as that record, so a resumed ingest skips it. A file counts as the same while its size and
-- modification time (nanoseconds) are unchanged; the counts say what reading it gave.
CREATE TABLE IF NOT EXISTS finished_files (
    path TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    mtime_ns BIGINT NOT NULL,
    documents BIGINT NOT NULL,
    articles BIGINT NOT NULL,
    rejected BIGINT NOT NULL,
    finished_at TEXT NOT NULL
);
