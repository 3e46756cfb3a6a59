-- The accused of every case (corrected values), one row per name, for the `person` filter and
-- the people list. `folded` is the name as the store compares it (store._codec.person_key);
-- rows of existing cases are filled in by the store right after this migration.
CREATE TABLE case_people (
    folded TEXT NOT NULL,
    case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
    name TEXT NOT NULL,                   -- as printed in the case
    PRIMARY KEY (folded, case_id)
) WITHOUT ROWID;
CREATE INDEX case_people_case ON case_people (case_id);
