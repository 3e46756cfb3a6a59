"""The store contract, kept counts: ``counts()``, case-list totals and facets, and the dashboard's
charts come from counts the writers keep (``store/_tally.py``). After any mix of new, changed,
corrected and deleted cases they must equal counting the stored records by hand."""

from __future__ import annotations

from collections import Counter

import pytest

from spyglass.records import Case, Correction, Rejected
from spyglass.store import CaseQuery, Store, open_store
from spyglass.store._codec import case_years, first_year

from .conftest import UNDO_0009, UNDO_0010, analysis, article, case, mention
from .test_contract import _facets_by_hand

AT = "2026-01-01T00:00:00.000000+00:00"


@pytest.fixture
def churned(store: Store) -> Store:
    """Cases created, changed, corrected and deleted, in bulk and one at a time (services by
    their canonical ids, as linking gives them to the store)."""
    store.save_cases([
        (case(f"c{n}", sponsor_country=("CN", "RU", None)[n % 3], target_country=("US", "DE", "TW", "GB")[n % 4],
              sponsor_service=(None, "svc.cn.mss", "svc.ru.gru")[n % 3], stage=("arrested", "charged", None)[n % 3],
              first_reported=f"{2018 + n % 5}-03-01", last_reported=f"{2019 + n % 6}-05-01",
              period=(2010, 2012) if n % 4 == 0 else None), [])
        for n in range(24)
    ])
    store.save_case(case("c1", sponsor_country="IR", stage="sentenced", first_reported=None, last_reported=None,
                         timeline=()), [])  # every facet value and every year changes
    store.save_cases([(case("c2", target_country=None), []), (case("c2", target_country="PL"), [])])
    store.save_case(case("c25", sponsor_service=""), [])  # an empty value is a value, not none
    for case_id, field, value in (("c3", "stage", "convicted"), ("c4", "sponsor_country", "KP"),
                                  ("c5", "period", [2001, 2003]), ("c4", "sponsor_country", "CN")):
        store.add_correction(Correction(case_id=case_id, field=field, value=value, why="check", who="ana", at=AT))
    for case_id in ("c6", "c7", "nope"):
        store.delete_case(case_id)
    store.save_case(case("c7", sponsor_country="BY"), [])  # back again, other facts
    return store


QUERIES = [
    CaseQuery(), CaseQuery(sponsor=("CN",)), CaseQuery(sponsor=("CN", "RU", "IR")), CaseQuery(stage=("charged",)),
    CaseQuery(target=("US",), stage=("arrested", "charged")), CaseQuery(service=("",)), CaseQuery(service=("svc.ru.gru",)),
    CaseQuery(year=2020), CaseQuery(year=2011, sponsor=("CN",)), CaseQuery(year=2002), CaseQuery(year=1999),
    CaseQuery(sponsor=("XX",)), CaseQuery(sponsor=("CN",), limit=3, offset=2, sort="first_reported"),
]


@pytest.mark.parametrize("query", QUERIES)
def test_case_lists_count_what_is_stored(churned: Store, query: CaseQuery) -> None:
    streamed = list(churned.iter_cases(query))
    page = churned.cases(query)
    assert page.total == len(streamed)
    assert [c.id for c in page.items] == [c.id for c in streamed][query.offset:query.offset + query.limit]
    assert _sorted(page.facets) == _sorted(_facets_by_hand(streamed))


@pytest.mark.parametrize("query", [None, CaseQuery(sponsor=("CN", "IR")), CaseQuery(stage=("arrested",)),
                                   CaseQuery(year=2020)])
def test_dashboard_charts_count_what_is_stored(churned: Store, query: CaseQuery | None) -> None:
    cases = list(churned.iter_cases(query or CaseQuery()))
    for field, value_of in (("sponsor", _sponsor), ("target", _target), ("service", _service), ("stage", _stage)):
        plain = Counter(value_of(c) for c in cases if value_of(c) is not None)
        assert [(r.value, r.count) for r in churned.case_counts_by(field, query=query)] == sorted(
            plain.items(), key=lambda vc: (-vc[1], vc[0]))
        stacked = Counter((value_of(c), first_year(c)) for c in cases
                          if value_of(c) is not None and first_year(c) is not None)
        assert [(r.value, r.year, r.count) for r in churned.case_counts_by(field, by_year=True, query=query)] == sorted(
            ((v, y, n) for (v, y), n in stacked.items()), key=lambda vyn: (vyn[1], vyn[0]))
    years = Counter(first_year(c) for c in cases if first_year(c) is not None)
    assert [(r.year, r.count) for r in churned.case_counts_by("year", query=query)] == sorted(years.items())
    pairs = Counter((c.sponsor_country, c.target_country) for c in cases if c.sponsor_country and c.target_country)
    assert [(p.sponsor, p.target, p.count) for p in churned.country_pairs(limit=5, query=query)] == sorted(
        ((s, t, n) for (s, t), n in pairs.items()), key=lambda stn: (-stn[2], stn[0], stn[1]))[:5]


def test_the_year_facet_counts_every_year_of_a_case(churned: Store) -> None:
    cases = list(churned.iter_cases(CaseQuery()))
    assert churned.cases(CaseQuery()).facets["year"] == dict(sorted(
        Counter(str(y) for c in cases for y in case_years(c)).items(), key=lambda yn: (-yn[1], yn[0])))


def test_counts_follow_every_write(store: Store) -> None:
    expected = {"articles": 0, "duplicates": 0, "relevant": 0, "mentions": 0, "cases": 0, "sources": 0, "rejected": 0}

    def check(**changed: int) -> None:
        expected.update(changed)
        assert store.counts() == expected

    check()
    store.save_analyses([analysis(article("a1", "x"), mentions=(mention("a1", 0), mention("a1", 1))),
                         analysis(article("a2", "y", source="feed.xml"))])
    check(articles=2, relevant=1, mentions=2, sources=2)
    store.save_analysis(analysis(article("a1", "x", source="feed.xml"), mentions=(mention("a1", 0),)))
    check(mentions=1, sources=1)  # the same article again: one mention fewer, its old source left empty
    store.save_analysis(analysis(article("a3", "x"), mentions=(mention("a3", 0),)), duplicate_of="a1")
    check(articles=3, duplicates=1, relevant=2, mentions=2, sources=2)
    store.save_analysis(analysis(article("a3", "x")))
    check(duplicates=0, relevant=1, mentions=1)
    store.save_cases([(case("c1"), []), (case("c2"), []), (case("c1", stage="charged"), [])])
    check(cases=2)
    store.delete_case("c1")
    store.delete_case("c1")
    check(cases=1)
    for _ in range(2):
        store.save_rejected(Rejected(source="bad.bin", code="binary", reason="binary file"))
    check(rejected=1)
    with pytest.raises(RuntimeError), store.transaction():
        store.save_analysis(analysis(article("a9", "x")))
        store.save_case(case("c9"), [])
        raise RuntimeError("killed mid-batch")
    check()  # rolled back with the writes


def test_an_upgrade_counts_what_an_older_store_holds(churned: Store, store_url: str) -> None:
    """A store from before the counts (version 8) gets them filled from its rows."""
    churned.save_analyses([analysis(article(f"a{n}", "x", source=f"s{n % 3}"), mentions=(mention(f"a{n}"),) * (n % 2))
                           for n in range(7)])
    expected = {query: churned.cases(query).model_dump() for query in QUERIES}
    counts = churned.counts()
    for sql in (*UNDO_0010, *UNDO_0009, "DELETE FROM schema_version WHERE version >= 9"):
        churned._exec(sql)  # type: ignore[attr-defined]
    churned.close()
    upgraded = open_store(store_url)
    try:
        assert upgraded.counts() == counts
        assert {query: upgraded.cases(query).model_dump() for query in QUERIES} == expected
    finally:
        upgraded.close()


def _sponsor(c: Case) -> str | None:
    return c.sponsor_country


def _target(c: Case) -> str | None:
    return c.target_country


def _service(c: Case) -> str | None:
    return c.sponsor_service


def _stage(c: Case) -> str | None:
    return c.stage


def _sorted(facets: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {field: dict(sorted(counts.items())) for field, counts in facets.items()}


WALKS = [  # enough matches for a page to walk the sort order's index rather than sort them all
    CaseQuery(limit=3), CaseQuery(limit=3, offset=10), CaseQuery(sponsor=("CN", "RU"), limit=2),
    CaseQuery(stage=("arrested",), sort="-first_reported", limit=2, offset=1), CaseQuery(target=("DE",), limit=1),
    CaseQuery(sponsor=("IR",), limit=2),  # few matches: sought and sorted
    CaseQuery(year=2020, limit=2), CaseQuery(year=2020, sponsor=("CN", "RU"), limit=2, offset=1),
    CaseQuery(year=2011, limit=1), CaseQuery(year=2021, stage=("charged",), limit=50),
]


@pytest.mark.parametrize("query", WALKS)
def test_pages_come_in_sort_order_whichever_way_they_are_found(churned: Store, query: CaseQuery) -> None:
    everything = [c for c in churned.iter_cases(CaseQuery(sort="sponsor")) if _matches(c, query)]
    column = "last_reported" if query.sort == "-last_reported" else "first_reported"
    dated = sorted((c for c in everything if getattr(c, column)), key=lambda c: c.id)
    expected = [c.id for c in sorted(dated, key=lambda c: getattr(c, column), reverse=True)]
    expected += sorted(c.id for c in everything if not getattr(c, column))  # missing dates last, by id
    assert [c.id for c in churned.cases(query).items] == expected[query.offset:query.offset + query.limit]
    assert [c.id for c in churned.iter_cases(query)] == expected


def _matches(c: Case, query: CaseQuery) -> bool:
    if query.year is not None and query.year not in case_years(c):
        return False
    return all(not wanted or value in wanted for value, wanted in (
        (c.sponsor_country, query.sponsor), (c.target_country, query.target), (c.sponsor_service, query.service),
        (c.stage, query.stage)))
