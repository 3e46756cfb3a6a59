"""The store contract, text filters: total, page and facets stay exact whatever share of cases matches.

A text query is matched once into a set of cases; when most cases match, facets are counted
as (the other filters alone) minus (the cases the text leaves out). Both ways must agree with
counting the streamed matches by hand, alone and combined with every other filter.
"""

from __future__ import annotations

import pytest

from spyglass.records import CaseSource, Stage, TimelineEvent
from spyglass.store import CaseQuery, Store

from .conftest import analysis, article, case
from .test_contract import _facets_by_hand

SPONSORS = ["CN", "RU", "IR"]
TARGETS = ["TW", "DE", "US", "GB"]
STAGES: list[Stage] = ["arrested", "charged", "sentenced"]


def _text(n: int) -> str:
    """Every case says "courier"; all but c00 say "handler"; every fourth says "harbour"."""
    words = ["The courier was questioned."]
    if n:
        words.append("He met his handler.")
    if n % 4 == 0:
        words.append("They met at the harbour.")
    return " ".join(words)


@pytest.fixture
def twelve(store: Store) -> Store:
    with store.transaction():
        for n in range(12):
            cid, aid = f"c{n:02d}", f"art-c{n:02d}"
            first, last = f"{2019 + n % 3}-0{1 + n % 9}-01", f"{2021 + n % 4}-0{1 + n % 9}-15"
            store.save_analysis(analysis(article(aid, _text(n), published=first)))
            store.save_case(case(
                cid, sponsor_country=SPONSORS[n % 3], target_country=TARGETS[n % 4],
                sponsor_service=None if n % 5 == 0 else "MSS", stage=STAGES[n % 3],
                mentions=((aid, 0),), first_reported=first, last_reported=last,
                timeline=(TimelineEvent(stage=STAGES[n % 3], date=first, article_id=aid),),
                sources=(CaseSource(article_id=aid, title=f"Story {n}", published=first),),
            ), [])
    return store


@pytest.mark.parametrize(("query", "total"), [
    (CaseQuery(text="courier"), 12),  # every case: nothing left out
    (CaseQuery(text="handler"), 11),  # all but one: one case subtracted
    (CaseQuery(text="harbour"), 3),  # few: counted directly
    (CaseQuery(text="nothing-like-this"), 0),
    (CaseQuery(text="courier", sponsor=("CN",)), 4),
    (CaseQuery(text="handler", sponsor=("CN",)), 3),  # c00 is CN and has no handler
    (CaseQuery(text="handler", sponsor=("CN", "RU"), stage=("arrested",)), 3),
    (CaseQuery(text="harbour", target=("TW",)), 3),
    (CaseQuery(text="harbour", target=("DE",)), 0),
    (CaseQuery(text="handler", year=2020), 7),
    (CaseQuery(text="courier", year=2019, service=("MSS",)), 3),
    (CaseQuery(text="handler", sort="stage", limit=4, offset=4), 11),
    (CaseQuery(text="courier harbour", sort="first_reported", limit=2), 3),
])
def test_text_filters_give_exact_totals_pages_and_facets(twelve: Store, query: CaseQuery, total: int) -> None:
    streamed = list(twelve.iter_cases(query))  # matched per row, without the shared set
    page = twelve.cases(query)
    assert page.total == len(streamed) == total
    assert [c.id for c in page.items] == [c.id for c in streamed][query.offset:query.offset + query.limit]
    assert _sorted(page.facets) == _sorted(_facets_by_hand(streamed))


def test_each_text_query_gets_its_own_matches(twelve: Store) -> None:
    assert twelve.cases(CaseQuery(text="harbour")).total == 3
    assert twelve.cases(CaseQuery(text="handler")).total == 11
    twelve.delete_case("c04")  # a harbour case, sponsor RU
    assert twelve.cases(CaseQuery(text="harbour")).total == 2
    assert twelve.cases(CaseQuery(text="courier")).facets["sponsor"] == {"CN": 4, "IR": 4, "RU": 3}


def _sorted(facets: dict[str, dict[str, int]]) -> dict[str, dict[str, int]]:
    return {field: dict(sorted(counts.items())) for field, counts in facets.items()}
