-- The text of every case's articles, indexed once per case, so `cases --text` never has to
-- walk every matching article (a frequent word matches a quarter of a large corpus).
CREATE TABLE case_texts (
    seq INTEGER PRIMARY KEY REFERENCES cases (seq) ON DELETE CASCADE,
    body TEXT NOT NULL
);
CREATE VIRTUAL TABLE case_texts_fts USING fts5 (
    body, content = 'case_texts', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER case_texts_fts_insert AFTER INSERT ON case_texts BEGIN
    INSERT INTO case_texts_fts (rowid, body) VALUES (new.seq, new.body);
END;
CREATE TRIGGER case_texts_fts_delete AFTER DELETE ON case_texts BEGIN
    INSERT INTO case_texts_fts (case_texts_fts, rowid, body) VALUES ('delete', old.seq, old.body);
END;
CREATE TRIGGER case_texts_fts_update AFTER UPDATE OF body ON case_texts BEGIN
    INSERT INTO case_texts_fts (case_texts_fts, rowid, body) VALUES ('delete', old.seq, old.body);
    INSERT INTO case_texts_fts (rowid, body) VALUES (new.seq, new.body);
END;
INSERT INTO case_texts (seq, body)
SELECT c.seq, group_concat(a.text, char(10))
FROM cases c JOIN case_mentions cm ON cm.case_id = c.id JOIN articles a ON a.id = cm.article_id
GROUP BY c.seq;
