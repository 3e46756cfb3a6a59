"""The store contract, forgetting: an article or a source goes with all read from it, the cases it
fed are rebuilt from what they have left (as linking builds them), corrections stay, all audited."""

from __future__ import annotations

import os

import pytest

from spyglass.errors import NotFoundError
from spyglass.link import case_from, case_keys
from spyglass.records import Case, Correction, Mention, Rejected
from spyglass.store import CaseQuery, FinishedFile, Store

from .conftest import analysis, article, mention

AT = "2026-01-02T03:04:05.000000+00:00"
SPY = {"accused_names": ("Chen Wei",), "sponsor_country": "CN", "target_country": "TW"}


def rebuild(case: Case, mentions: list[Mention]) -> tuple[Case, list[str]]:
    """What `spyglass forget` hands the store: linking's case building under the case's own id."""
    return case_from(mentions, {s.article_id: s for s in case.sources}, case.id), case_keys(mentions)


def _store_article(store: Store, article_id: str, source: str, text: str, mentions: tuple[Mention, ...],
                   duplicate_of: str | None = None) -> None:
    store.save_analysis(analysis(article(article_id, text, source=source), mentions), duplicate_of=duplicate_of)


def _fill(store: Store) -> tuple[str, str]:
    """Case 'arrest' from a.html and b.html, case 'petrov' from c.html alone; returns both ids."""
    arrested = mention("a1", published="2024-03-01", stage="arrested", **SPY)  # type: ignore[arg-type]
    convicted = mention("b1", published="2024-05-01", stage="convicted", **SPY)  # type: ignore[arg-type]
    other = mention("c1", published="2024-04-01", stage="charged", accused_names=("Ivan Petrov",),
                    sponsor_country="RU", target_country="DE")
    _store_article(store, "a1", "news/a.html", "Chen Wei was arrested in Taipei.", (arrested,))
    _store_article(store, "b1", "news/b.html", "Chen Wei was convicted of espionage, the kumquat ruling.", (convicted,))
    _store_article(store, "c1", "news/c.html", "Ivan Petrov was charged in Berlin.", (other,))
    joined = case_from([arrested, convicted], {})
    alone = case_from([other], {})
    store.save_case(joined, case_keys([arrested, convicted]))
    store.save_case(alone, case_keys([other]))
    return joined.id, alone.id


def test_forgetting_a_source_rebuilds_its_cases_from_what_they_have_left(store: Store) -> None:
    joined, _ = _fill(store)
    before = store.counts()
    done = store.forget_source("news/b.html", rebuild, "ana", "a blog, not news")
    assert (done.articles, done.rebuilt, done.removed) == (["b1"], [joined], [])
    assert not store.has_article("b1")
    with pytest.raises(NotFoundError):
        store.article("b1")
    left = store.mentions_of(joined)
    assert [(m.article_id, m.index) for m in left] == [("a1", 0)]
    assert store.machine_case(joined) == rebuild(store.machine_case(joined), left)[0]  # as linking builds it
    shown = store.case(joined)
    assert (shown.stage, shown.mentions, shown.last_reported) == ("arrested", (("a1", 0),), "2024-03-01")
    assert store.search("kumquat") == []  # gone from the article index and from the case's text
    assert store.cases(CaseQuery(text="kumquat")).total == 0
    after = store.counts()
    assert (before["articles"] - after["articles"], before["mentions"] - after["mentions"]) == (1, 1)
    assert after["sources"] == before["sources"] - 1


def test_corrections_stay_on_a_rebuilt_case_and_win_again(store: Store) -> None:
    joined, _ = _fill(store)
    store.add_correction(Correction(case_id=joined, field="sponsor_country", value="IR", why="court record",
                                    who="ana", at=AT))
    store.forget_article("b1", rebuild, "ana", "duplicate press release")
    assert store.case(joined).sponsor_country == "IR"
    assert store.machine_case(joined).sponsor_country == "CN"
    assert [c.field for c in store.corrections(joined)] == ["sponsor_country"]
    assert [c.id for c in store.cases(CaseQuery(sponsor=("IR",))).items] == [joined]


def test_a_case_left_with_no_report_is_removed(store: Store) -> None:
    _, alone = _fill(store)
    done = store.forget_article("c1", rebuild, "ana", "wrong page")
    assert (done.rebuilt, done.removed) == ([], [alone])
    with pytest.raises(NotFoundError):
        store.case(alone)
    assert store.counts()["cases"] == 1
    assert "RU" not in store.cases(CaseQuery()).facets["sponsor"]


def test_every_forget_is_audited_with_who_when_and_why(store: Store) -> None:
    joined, _ = _fill(store)
    store.forget_source("news/b.html", rebuild, "ana", "a blog, not news")
    mine = [e for e in store.audit() if e.action == "forget"]
    assert [(e.case_id, e.who, e.why) for e in mine] == [(joined, "ana", "a blog, not news"), ("", "ana", "a blog, not news")]
    assert "source news/b.html" in mine[0].detail and "1 article(s)" in mine[1].detail
    assert all(e.at for e in mine)


def test_a_source_goes_with_its_rejections_and_its_checkpoint(store: Store) -> None:
    _fill(store)
    store.save_rejected(Rejected(source="news/b.html", member="2", code="empty", reason="nothing in it"))
    path = os.path.abspath("news/b.html")
    store.finish_file(FinishedFile(path=path, size=10, mtime_ns=1, documents=2, articles=1, rejected=1))
    done = store.forget_source("news/b.html", rebuild, "ana", "junk")
    assert done.rejected == 1
    assert store.rejected_counts() == {} and store.counts()["rejected"] == 0
    assert store.finished_files([path]) == {}  # an ingest of it reads it again


def test_copies_of_a_forgotten_article_stand_alone(store: Store) -> None:
    _fill(store)
    copy = mention("d1", published="2024-03-02", stage="arrested", **SPY)  # type: ignore[arg-type]
    _store_article(store, "d1", "mirror/a.html", "Chen Wei was arrested in Taipei, a mirror.", (copy,), duplicate_of="a1")
    assert [h.id for h in store.search("mirror")] == []  # a duplicate is left out of search
    duplicates = store.counts()["duplicates"]
    done = store.forget_article("a1", rebuild, "ana", "retracted")
    assert done.copies == ["d1"]
    assert store.counts()["duplicates"] == duplicates - 1
    assert [h.id for h in store.search("mirror")] == ["d1"]


def test_a_dry_run_lists_what_would_go_and_changes_nothing(store: Store) -> None:
    joined, alone = _fill(store)
    counts, trail = store.counts(), store.audit()
    plan = store.forget_source("news/c.html", rebuild, "ana", "", dry_run=True)
    assert (plan.articles, plan.rebuilt, plan.removed, plan.dry_run) == (["c1"], [], [alone], True)
    assert store.counts() == counts and store.audit() == trail
    assert store.case(alone).id == alone and store.has_article("c1")


@pytest.mark.parametrize("forget", ["source", "article"])
def test_forgetting_an_unknown_name_is_not_found_and_changes_nothing(store: Store, forget: str) -> None:
    _fill(store)
    counts = store.counts()
    with pytest.raises(NotFoundError, match="no (source|article) 'nope'"):
        if forget == "source":
            store.forget_source("nope", rebuild, "ana", "why")
        else:
            store.forget_article("nope", rebuild, "ana", "why")
    assert store.counts() == counts


@pytest.mark.parametrize("given", ["b.html", "./b.html", "elsewhere/b.html"])
def test_an_unknown_source_suggests_the_stored_one_of_the_same_file_name(store: Store, given: str) -> None:
    _fill(store)
    with pytest.raises(NotFoundError, match="did you mean news/b.html[?]"):
        store.forget_source(given, rebuild, "ana", "why")


def test_no_suggestion_matches_by_wildcard(store: Store) -> None:
    _fill(store)
    with pytest.raises(NotFoundError) as raised:
        store.forget_source("%.html", rebuild, "ana", "why")
    assert "did you mean" not in str(raised.value)


def test_an_archive_is_forgotten_with_its_records(store: Store) -> None:
    _fill(store)
    for record in ("<urn:uuid:1>", "<urn:uuid:2>"):
        spy = mention(f"w{record[-2]}", published="2024-06-01", stage="charged", accused_names=("Anna Chapman",),
                      sponsor_country="RU", target_country="US")
        _store_article(store, f"w{record[-2]}", f"crawl/illegals.warc.gz#{record}", "Anna Chapman was charged.", (spy,))
        store.save_case(case_from([spy], {}), case_keys([spy]))
    with pytest.raises(NotFoundError, match="did you mean crawl/illegals.warc.gz[?]"):
        store.forget_source("illegals.warc.gz", rebuild, "ana", "why", dry_run=True)
    done = store.forget_source("crawl/illegals.warc.gz", rebuild, "ana", "not news")
    assert done.articles == ["w1", "w2"] and len(done.removed) == 2
    assert not store.has_article("w1") and store.has_article("a1")


def test_a_source_known_only_by_its_rejections_is_offered_and_forgotten(store: Store) -> None:
    _fill(store)
    store.save_rejected(Rejected(source="news/README.md", code="not-news", reason="documentation, not news"))
    with pytest.raises(NotFoundError, match="did you mean news/README.md[?]"):
        store.forget_source("README.md", rebuild, "ana", "why")
    done = store.forget_source("news/README.md", rebuild, "ana", "not news")
    assert (done.articles, done.rejected) == ([], 1) and store.rejected_counts() == {}
