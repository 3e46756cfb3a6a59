-- Case lists filtered by a year read that year's rows of case_years alone: each row carries its
-- case's last report, facet values and every year of the case ("2019,2020"), and one covering
-- index holds them in page order. So a year's page, newest first, is the index's first rows, and
-- the year facet of a list filtered by a year and facet values is counted from the year's rows
-- without touching the cases. case_year_pairs counts the cases active in two years (the year
-- facet of a list filtered by a year alone). The store keeps all of it as it writes.
ALTER TABLE case_years ADD COLUMN last_reported TEXT;
ALTER TABLE case_years ADD COLUMN sponsor TEXT;
ALTER TABLE case_years ADD COLUMN target TEXT;
ALTER TABLE case_years ADD COLUMN service TEXT;
ALTER TABLE case_years ADD COLUMN stage TEXT;
ALTER TABLE case_years ADD COLUMN years TEXT NOT NULL DEFAULT '';
UPDATE case_years SET (last_reported, sponsor, target, service, stage) =
    (SELECT c.last_reported, c.sponsor, c.target, c.service, c.stage FROM cases c WHERE c.id = case_years.case_id);
UPDATE case_years SET years = (SELECT group_concat(y.year, ',') FROM case_years y WHERE y.case_id = case_years.case_id);
CREATE INDEX IF NOT EXISTS case_years_last
    ON case_years (year, last_reported, case_id, sponsor, target, service, stage, years);

CREATE TABLE IF NOT EXISTS case_year_pairs (
    year INTEGER NOT NULL,
    other_year INTEGER NOT NULL,
    n BIGINT NOT NULL,                    -- cases active in both (year = other_year: in that year)
    PRIMARY KEY (year, other_year)
) WITHOUT ROWID;
DELETE FROM case_year_pairs;
INSERT INTO case_year_pairs (year, other_year, n)
SELECT a.year, b.year, COUNT(*) FROM case_years a JOIN case_years b ON b.case_id = a.case_id GROUP BY a.year, b.year;
