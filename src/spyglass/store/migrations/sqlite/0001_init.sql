-- Spyglass schema v1 for SQLite: articles + analyses (machine output), cases (materialised,
-- machine JSON + effective JSON with corrections), curation tables, FTS5 indexes.

CREATE TABLE articles (
    seq INTEGER PRIMARY KEY,              -- FTS5 rowid; newest stored = highest
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    item INTEGER NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT,
    author TEXT,
    categories TEXT NOT NULL,             -- JSON list
    tags TEXT NOT NULL,                   -- JSON list
    comment_count INTEGER,
    site_name TEXT,
    language TEXT,
    text TEXT NOT NULL,
    partial INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    duplicate_of TEXT,                    -- id of the article this one repeats
    stored_at TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published DESC, seq DESC);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE article_bands (
    band TEXT NOT NULL,                   -- "<i>:<hex>", 16 bits of the 64-bit simhash
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
) WITHOUT ROWID;
CREATE INDEX article_bands_article ON article_bands (article_id);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    is_espionage INTEGER NOT NULL,
    score REAL NOT NULL,
    relevance TEXT NOT NULL,              -- JSON Relevance
    entities TEXT NOT NULL                -- JSON list of Entity
);

CREATE TABLE mentions (
    key TEXT PRIMARY KEY,                 -- "<article_id>:<index>"
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,                 -- position in the analysis
    published TEXT,
    data TEXT NOT NULL                    -- JSON Mention (facts + evidence)
);
CREATE INDEX mentions_article ON mentions (article_id, pos);

CREATE TABLE stats (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    subject TEXT NOT NULL,
    year INTEGER NOT NULL,
    value INTEGER NOT NULL,
    evidence TEXT,                        -- JSON Evidence or NULL
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX stats_subject ON stats (subject, year);

CREATE TABLE cases (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sponsor TEXT,                         -- indexed columns hold corrected values
    target TEXT,
    service TEXT,
    stage TEXT,
    stage_rank INTEGER,
    first_reported TEXT,
    last_reported TEXT,
    year INTEGER,                         -- year first reported
    machine TEXT NOT NULL,                -- JSON Case as linking saved it
    data TEXT NOT NULL,                   -- JSON Case with corrections applied
    search_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX cases_sponsor ON cases (sponsor, target);
CREATE INDEX cases_target ON cases (target);
CREATE INDEX cases_service ON cases (service);
CREATE INDEX cases_stage ON cases (stage);
CREATE INDEX cases_last ON cases (last_reported);
CREATE INDEX cases_first ON cases (first_reported);
CREATE INDEX cases_year ON cases (year);

CREATE TABLE case_years (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    PRIMARY KEY (case_id, year)
) WITHOUT ROWID;
CREATE INDEX case_years_year ON case_years (year, case_id);

CREATE TABLE case_keys (
    key TEXT NOT NULL,                    -- blocking key for candidate_cases
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (key, case_id)
) WITHOUT ROWID;
CREATE INDEX case_keys_case ON case_keys (case_id);

CREATE TABLE case_mentions (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    mention_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (case_id, mention_key)
) WITHOUT ROWID;
CREATE INDEX case_mentions_article ON case_mentions (article_id);

-- Curation is kept apart from machine output and survives case deletion (no foreign keys).
CREATE TABLE corrections (
    seq INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,                  -- JSON
    why TEXT NOT NULL,
    who TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX corrections_case ON corrections (case_id, seq);

CREATE TABLE link_rules (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('must', 'cannot')),
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    who TEXT NOT NULL,
    why TEXT NOT NULL,
    at TEXT NOT NULL
);

CREATE TABLE audit (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX audit_case ON audit (case_id, seq);

CREATE TABLE case_events (
    seq INTEGER PRIMARY KEY,
    case_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new', 'stage')),
    stage TEXT,
    at TEXT NOT NULL
);
CREATE INDEX case_events_at ON case_events (at);

CREATE TABLE watches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,                  -- JSON CaseQuery
    last_checked TEXT
);

CREATE TABLE tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL,                   -- sha256 hex of the secret
    created_at TEXT NOT NULL
);

CREATE TABLE rejected (
    source TEXT NOT NULL,
    member TEXT NOT NULL,
    code TEXT NOT NULL,
    reason TEXT NOT NULL,
    at TEXT NOT NULL,
    PRIMARY KEY (source, member)
);

-- Full text: external-content FTS5 tables kept in step by triggers.
CREATE VIRTUAL TABLE articles_fts USING fts5 (
    title, text, content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
    INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

CREATE VIRTUAL TABLE cases_fts USING fts5 (
    search_text, content = 'cases', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN
    INSERT INTO cases_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
CREATE TRIGGER cases_fts_delete AFTER DELETE ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
END;
CREATE TRIGGER cases_fts_update AFTER UPDATE OF search_text ON cases BEGIN
    INSERT INTO cases_fts (cases_fts, rowid, search_text) VALUES ('delete', old.seq, old.search_text);
    INSERT INTO cases_fts (rowid, search_text) VALUES (new.seq, new.search_text);
END;
