-- Case lists filtered by a year: each case_years row carries its case's last report, so a page
-- of a year's cases, newest first, reads the first rows of one index instead of sorting every
-- case of that year; case_year_pairs counts the cases active in two years (the year facet of a
-- list filtered by a year). The store keeps both as it writes (store/_tally.py).
ALTER TABLE case_years ADD COLUMN last_reported TEXT;
UPDATE case_years SET last_reported = (SELECT c.last_reported FROM cases c WHERE c.id = case_years.case_id);
CREATE INDEX IF NOT EXISTS case_years_last ON case_years (year, last_reported, case_id);

CREATE TABLE IF NOT EXISTS case_year_pairs (
    year INTEGER NOT NULL,
    other_year INTEGER NOT NULL,
    n BIGINT NOT NULL,                    -- cases active in both (year = other_year: in that year)
    PRIMARY KEY (year, other_year)
) WITHOUT ROWID;
DELETE FROM case_year_pairs;
INSERT INTO case_year_pairs (year, other_year, n)
SELECT a.year, b.year, COUNT(*) FROM case_years a JOIN case_years b ON b.case_id = a.case_id GROUP BY a.year, b.year;
