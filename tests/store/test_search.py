"""The store contract, search at scale: the newest matches first whatever share of rows match,
duplicates left out, and a snippet that shows the word even deep in a long text."""

from __future__ import annotations

import pytest

from spyglass.store import Store

from .conftest import analysis, article, case

FILLER = "Weather and sport filled the rest of the page. " * 120  # ~5,600 characters


@pytest.fixture
def articles(store: Store) -> Store:
    """a01..a12, stored in order; a06 repeats a05."""
    texts = {1: "harbour", 5: "harbour courier", 6: "harbour courier", 9: "courier", 12: "harbour courier"}
    store.save_analyses([analysis(article(f"a{n:02d}", f"{FILLER} The {texts.get(n, 'market')} story {n}."))
                         for n in range(1, 13)], duplicate_of={"a06": "a05"})
    return store


@pytest.mark.parametrize("walk", [1, 3, 2_000])  # rows tested one by one before asking the index (PostgreSQL)
@pytest.mark.parametrize(("text", "limit", "expected"), [
    ("harbour", 2, ["a12", "a05"]),
    ("harbour", 10, ["a12", "a05", "a01"]),  # a06 is a duplicate
    ("courier", 3, ["a12", "a09", "a05"]),
    ("harbour courier", 10, ["a12", "a05"]),
    ("story", 4, ["a12", "a11", "a10", "a09"]),  # every article: the newest four
    ("zebra", 5, []),
])
def test_articles_come_newest_first(
    articles: Store, monkeypatch: pytest.MonkeyPatch, walk: int, text: str, limit: int, expected: list[str]
) -> None:
    from spyglass.store import _pg_search

    monkeypatch.setattr(_pg_search, "WALK", walk)
    assert [hit.id for hit in articles.search(text, limit=limit, kind="article")] == expected


def test_a_snippet_shows_the_word_deep_in_a_long_text(articles: Store) -> None:
    hit = articles.search("harbour", limit=1)[0]
    assert "harbour" in hit.snippet.lower() and len(hit.snippet) < 400


@pytest.mark.parametrize("walk", [1, 2_000])
def test_cases_come_newest_first(store: Store, monkeypatch: pytest.MonkeyPatch, walk: int) -> None:
    from spyglass.store import _pg_search

    monkeypatch.setattr(_pg_search, "WALK", walk)
    store.save_cases([(case(f"c{n}", accused_names=(f"Courier {n}",) if n % 2 else ("Chen Wei",)), [])
                      for n in range(6)])
    assert [hit.id for hit in store.search("courier", limit=2, kind="case")] == ["c5", "c3"]
    assert [hit.id for hit in store.search("courier", kind="case")] == ["c5", "c3", "c1"]
    hits = store.search("courier")
    assert [(hit.kind, hit.id) for hit in hits] == [("case", "c5"), ("case", "c3"), ("case", "c1")]
    assert "Courier 5" in hits[0].snippet
