-- Keep `cases` narrow (see the SQLite migration): JSON and search text move to `case_docs`.
CREATE TABLE case_docs (
    seq BIGINT PRIMARY KEY REFERENCES cases (seq) ON DELETE CASCADE,
    machine TEXT NOT NULL,
    data TEXT NOT NULL,
    search_text TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(search_text, 300000))) STORED
);
INSERT INTO case_docs (seq, machine, data, search_text) SELECT seq, machine, data, search_text FROM cases;
CREATE INDEX case_docs_tsv ON case_docs USING GIN (tsv);
ALTER TABLE cases DROP COLUMN tsv, DROP COLUMN machine, DROP COLUMN data, DROP COLUMN search_text;
