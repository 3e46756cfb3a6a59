-- The accused of every case (corrected values), one row per name, for the `person` filter and
-- the people list (see the SQLite migration); existing cases are filled in by the store.
CREATE TABLE case_people (
    folded TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    PRIMARY KEY (folded, case_id)
);
CREATE INDEX case_people_case ON case_people (case_id);
