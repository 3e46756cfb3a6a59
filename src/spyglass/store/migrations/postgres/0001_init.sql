-- Spyglass schema v1 for PostgreSQL: the same tables as SQLite; full text through generated
-- tsvector columns with GIN indexes instead of FTS5 tables. JSON is kept as text so both
-- backends return byte-identical records.

CREATE TABLE articles (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source TEXT NOT NULL,
    item BIGINT NOT NULL,
    kind TEXT NOT NULL,
    title TEXT,
    url TEXT,
    published TEXT,
    published_precision TEXT,
    author TEXT,
    categories TEXT NOT NULL,
    tags TEXT NOT NULL,
    comment_count BIGINT,
    site_name TEXT,
    language TEXT,
    text TEXT NOT NULL,
    partial INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    duplicate_of TEXT,
    stored_at TEXT NOT NULL,
    -- tsvector values are capped at 1 MB: index the first 300k characters of long texts
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english'::regconfig, coalesce(title, '')), 'A')
        || setweight(to_tsvector('english'::regconfig, left(text, 300000)), 'B')
    ) STORED
);
CREATE INDEX articles_published ON articles (published DESC NULLS LAST, seq DESC);
CREATE INDEX articles_source ON articles (source);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;
CREATE INDEX articles_tsv ON articles USING GIN (tsv);

CREATE TABLE article_bands (
    band TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    PRIMARY KEY (band, article_id)
);
CREATE INDEX article_bands_article ON article_bands (article_id);

CREATE TABLE analyses (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    is_espionage INTEGER NOT NULL,
    score DOUBLE PRECISION NOT NULL,
    relevance TEXT NOT NULL,
    entities TEXT NOT NULL
);

CREATE TABLE mentions (
    key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    published TEXT,
    data TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions (article_id, pos);

CREATE TABLE stats (
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    pos INTEGER NOT NULL,
    subject TEXT NOT NULL,
    year INTEGER NOT NULL,
    value BIGINT NOT NULL,
    evidence TEXT,
    PRIMARY KEY (article_id, pos)
);
CREATE INDEX stats_subject ON stats (subject, year);

CREATE TABLE cases (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    title TEXT NOT NULL,
    sponsor TEXT,
    target TEXT,
    service TEXT,
    stage TEXT,
    stage_rank INTEGER,
    first_reported TEXT,
    last_reported TEXT,
    year INTEGER,
    machine TEXT NOT NULL,
    data TEXT NOT NULL,
    search_text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    tsv tsvector GENERATED ALWAYS AS (to_tsvector('english'::regconfig, left(search_text, 300000))) STORED
);
CREATE INDEX cases_sponsor ON cases (sponsor, target);
CREATE INDEX cases_target ON cases (target);
CREATE INDEX cases_service ON cases (service);
CREATE INDEX cases_stage ON cases (stage);
CREATE INDEX cases_last ON cases (last_reported);
CREATE INDEX cases_first ON cases (first_reported);
CREATE INDEX cases_year ON cases (year);
CREATE INDEX cases_tsv ON cases USING GIN (tsv);

CREATE TABLE case_years (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    PRIMARY KEY (case_id, year)
);
CREATE INDEX case_years_year ON case_years (year, case_id);

CREATE TABLE case_keys (
    key TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    PRIMARY KEY (key, case_id)
);
CREATE INDEX case_keys_case ON case_keys (case_id);

CREATE TABLE case_mentions (
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    mention_key TEXT NOT NULL,
    article_id TEXT NOT NULL,
    PRIMARY KEY (case_id, mention_key)
);
CREATE INDEX case_mentions_article ON case_mentions (article_id);

CREATE TABLE corrections (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL,
    field TEXT NOT NULL,
    value TEXT NOT NULL,
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
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    case_id TEXT NOT NULL,
    detail TEXT NOT NULL,
    why TEXT NOT NULL
);
CREATE INDEX audit_case ON audit (case_id, seq);

CREATE TABLE case_events (
    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    case_id TEXT NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('new', 'stage')),
    stage TEXT,
    at TEXT NOT NULL
);
CREATE INDEX case_events_at ON case_events (at);

CREATE TABLE watches (
    name TEXT PRIMARY KEY,
    query TEXT NOT NULL,
    last_checked TEXT
);

CREATE TABLE tokens (
    name TEXT PRIMARY KEY,
    hash TEXT NOT NULL,
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
