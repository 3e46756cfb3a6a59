-- The text of every case's articles, indexed once per case (see the SQLite migration).
CREATE TABLE case_texts (
    seq BIGINT PRIMARY KEY REFERENCES cases (seq) ON DELETE CASCADE,
    body TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(body, 300000))) STORED
);
CREATE INDEX case_texts_tsv ON case_texts USING GIN (tsv);
INSERT INTO case_texts (seq, body)
SELECT c.seq, string_agg(a.text, chr(10))
FROM cases c JOIN case_mentions cm ON cm.case_id = c.id JOIN articles a ON a.id = cm.article_id
GROUP BY c.seq;
