-- Accused names are compared without accents ("Jose Muller" finds "José Müller"): the folded
-- names are emptied here and written again by the store after this migration (_after_migrations).
DELETE FROM case_people;
