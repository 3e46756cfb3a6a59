-- Case lists come newest first (missing dates last, ties by id): indexes in exactly that order
-- let a page walk them and stop at its end instead of sorting every match (the store decides
-- from the case tally when a walk is the cheaper way; SQLite reads its plain index backwards).
CREATE INDEX IF NOT EXISTS cases_last_desc ON cases (last_reported DESC NULLS LAST, id);
CREATE INDEX IF NOT EXISTS cases_first_desc ON cases (first_reported DESC NULLS LAST, id);

-- Case lists filtered by a year: each case_years row carries its case's last report, so a page
-- of a year's cases, newest first, reads the first rows of one index instead of sorting every
-- case of that year; case_year_pairs counts the cases active in two years (the year facet of a
-- list filtered by a year). The store keeps both as it writes (store/_tally.py).
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS last_reported TEXT;
UPDATE case_years y SET last_reported = c.last_reported FROM cases c WHERE c.id = y.case_id;
CREATE INDEX IF NOT EXISTS case_years_last ON case_years (year, last_reported DESC NULLS LAST, case_id);

CREATE TABLE IF NOT EXISTS case_year_pairs (
    year INTEGER NOT NULL,
    other_year INTEGER NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (year, other_year)
);
DELETE FROM case_year_pairs;
INSERT INTO case_year_pairs (year, other_year, n)
SELECT a.year, b.year, COUNT(*) FROM case_years a JOIN case_years b ON b.case_id = a.case_id GROUP BY a.year, b.year;
