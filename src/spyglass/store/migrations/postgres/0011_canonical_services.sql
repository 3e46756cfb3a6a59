-- Services become canonical entities: a case stores the id of its service ("svc.cn.mss"), not the
-- words one report printed ("MSS", "Ministry of State Security"), so filters, facets and pages see
-- one service. Ids come from the services table (spyglass.services), which SQL cannot read: the
-- store rewrites cases, corrections, linking keys, watchlists and the tally after this migration
-- (_upgrade.canonical_services). Accused names are compared with their transliterations made one
-- ("Sergei"/"Sergey"/"Сергей"): the folded names are emptied here and written again by the store.
DELETE FROM case_people;
