-- Dashboard charts count cases per value and year first reported; these indexes cover them.
CREATE INDEX cases_sponsor_year ON cases (sponsor, year);
CREATE INDEX cases_target_year ON cases (target, year);
CREATE INDEX cases_service_year ON cases (service, year);
CREATE INDEX cases_stage_year ON cases (stage, year);
