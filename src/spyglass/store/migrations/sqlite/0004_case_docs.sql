-- Keep `cases` narrow (ids and the indexed columns only) so filters and facets read few pages;
-- the case JSON and its search text move to `case_docs`, which cases_fts now indexes.
CREATE TABLE case_docs (
    seq INTEGER PRIMARY KEY REFERENCES cases (seq) ON DELETE CASCADE,
    machine TEXT NOT NULL,                -- JSON Case as linking saved it
    data TEXT NOT NULL,                   -- JSON Case with corrections applied
    search_text TEXT NOT NULL
);
INSERT INTO case_docs (seq, machine, data, search_text) SELECT seq, machine, data, search_text FROM cases;
DROP TRIGGER cases_fts_insert;
DROP TRIGGER cases_fts_delete;
DROP TRIGGER cases_fts_update;
DROP TABLE cases_fts;
ALTER TABLE cases DROP COLUMN machine;
ALTER TABLE cases DROP COLUMN data;
ALTER TABLE cases DROP COLUMN search_text;
CREATE VIRTUAL TABLE cases_fts USING fts5 (
    search_text, content = 'case_docs', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER cases_fts_insert AFTER INSERT ON case_docs BEGIN
    INSERT INTO cases_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON case_docs BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text ON case_docs BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
    INSERT INTO cases_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
INSERT INTO cases_fts (cases_fts) VALUES ('rebuild');
