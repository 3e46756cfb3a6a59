-- Reported statistics as series: the state that reports or prosecutes (alpha-2) and the
-- normalised measure ("people prosecuted for spying for China"). Rows stored before this
-- migration keep NULLs and form series by their subject until their article is analysed again.
ALTER TABLE stats ADD COLUMN country TEXT;
ALTER TABLE stats ADD COLUMN measure TEXT;
CREATE INDEX stats_series ON stats (country, measure, year);
