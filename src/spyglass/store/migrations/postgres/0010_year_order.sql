-- Case lists come newest first (missing dates last, ties by id): indexes in exactly that order,
-- holding the facet values too, let a page walk them and stop at its end instead of sorting
-- every match (the store decides from the case tally when a walk is the cheaper way; SQLite
-- reads its plain index backwards).
CREATE INDEX IF NOT EXISTS cases_last_desc ON cases (last_reported DESC NULLS LAST, id)
    INCLUDE (sponsor, target, service, stage);
CREATE INDEX IF NOT EXISTS cases_first_desc ON cases (first_reported DESC NULLS LAST, id)
    INCLUDE (sponsor, target, service, stage);

-- Case lists filtered by a year read that year's rows of case_years alone: each row carries its
-- case's last report, facet values and every year of the case ("2019,2020"), and one covering
-- index holds them in page order (see the SQLite migration). case_year_pairs counts the cases
-- active in two years. The store keeps all of it as it writes.
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS last_reported TEXT;
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS sponsor TEXT;
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS target TEXT;
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS service TEXT;
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS stage TEXT;
ALTER TABLE case_years ADD COLUMN IF NOT EXISTS years TEXT NOT NULL DEFAULT '';
UPDATE case_years y
SET last_reported = c.last_reported, sponsor = c.sponsor, target = c.target, service = c.service, stage = c.stage,
    years = s.years
FROM cases c, (SELECT case_id, string_agg(year::text, ',' ORDER BY year) AS years FROM case_years GROUP BY case_id) s
WHERE c.id = y.case_id AND s.case_id = y.case_id;
CREATE INDEX IF NOT EXISTS case_years_last ON case_years (year, last_reported DESC NULLS LAST, case_id)
    INCLUDE (sponsor, target, service, stage, years);

CREATE TABLE IF NOT EXISTS case_year_pairs (
    year INTEGER NOT NULL,
    other_year INTEGER NOT NULL,
    n BIGINT NOT NULL,
    PRIMARY KEY (year, other_year)
);
DELETE FROM case_year_pairs;
INSERT INTO case_year_pairs (year, other_year, n)
SELECT a.year, b.year, COUNT(*) FROM case_years a JOIN case_years b ON b.case_id = a.case_id GROUP BY a.year, b.year;
