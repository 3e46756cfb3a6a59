-- Counts the store keeps as it writes (store/_tally.py), so that no page counts a million rows:
-- the overview's totals, articles per source, and the case tally behind case-list facets and the
-- dashboard's charts. Filled here from what is stored (again, if run again); the store keeps them
-- from now on.
CREATE TABLE IF NOT EXISTS store_counts (
    name TEXT PRIMARY KEY,                -- articles, duplicates, relevant, mentions, cases, rejected
    n BIGINT NOT NULL
);
DELETE FROM store_counts;
INSERT INTO store_counts (name, n) SELECT 'articles', COUNT(*) FROM articles;
INSERT INTO store_counts (name, n) SELECT 'duplicates', COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL;
INSERT INTO store_counts (name, n) SELECT 'relevant', COUNT(*) FROM analyses WHERE is_espionage = 1;
INSERT INTO store_counts (name, n) SELECT 'mentions', COUNT(*) FROM mentions;
INSERT INTO store_counts (name, n) SELECT 'cases', COUNT(*) FROM cases;
INSERT INTO store_counts (name, n) SELECT 'rejected', COUNT(*) FROM rejected;

CREATE TABLE IF NOT EXISTS source_counts (
    source TEXT PRIMARY KEY,
    n BIGINT NOT NULL                     -- articles from this source (0 once none is left)
);
DELETE FROM source_counts;
INSERT INTO source_counts (source, n) SELECT source, COUNT(*) FROM articles GROUP BY source;

-- Cases per combination of facet values; values as '=' || value, '' for none (see _tally.py).
CREATE TABLE IF NOT EXISTS case_tally (
    kind TEXT NOT NULL,                   -- 'case': every case once (year 0); 'active': per year
    year INTEGER NOT NULL,                --   reported or active in; 'first': per year first reported
    sponsor TEXT NOT NULL,
    target TEXT NOT NULL,
    service TEXT NOT NULL,
    stage TEXT NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (kind, year, sponsor, target, service, stage)
);
DELETE FROM case_tally;
INSERT INTO case_tally (kind, year, sponsor, target, service, stage, n)
SELECT 'case', 0, COALESCE('=' || c.sponsor, ''), COALESCE('=' || c.target, ''), COALESCE('=' || c.service, ''),
       COALESCE('=' || c.stage, ''), COUNT(*)
FROM cases c GROUP BY c.sponsor, c.target, c.service, c.stage;
INSERT INTO case_tally (kind, year, sponsor, target, service, stage, n)
SELECT 'active', y.year, COALESCE('=' || c.sponsor, ''), COALESCE('=' || c.target, ''), COALESCE('=' || c.service, ''),
       COALESCE('=' || c.stage, ''), COUNT(*)
FROM cases c JOIN case_years y ON y.case_id = c.id GROUP BY y.year, c.sponsor, c.target, c.service, c.stage;
INSERT INTO case_tally (kind, year, sponsor, target, service, stage, n)
SELECT 'first', c.year, COALESCE('=' || c.sponsor, ''), COALESCE('=' || c.target, ''), COALESCE('=' || c.service, ''),
       COALESCE('=' || c.stage, ''), COUNT(*)
FROM cases c WHERE c.year IS NOT NULL GROUP BY c.year, c.sponsor, c.target, c.service, c.stage;
