"""The store contract, part 1: ingest and reading, run on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from spyglass.errors import NotFoundError
from spyglass.records import Case, Correction, Rejected, Stat
from spyglass.store import CaseQuery, Store, fingerprint_bands

from .conftest import analysis, article, case, evidence, mention


def test_analysis_round_trips(store: Store) -> None:
    art = article("a1", "An engineer was arrested for spying for China.", title="Engineer held")
    saved = analysis(
        art,
        mentions=(mention("a1", 0, sponsor_country="CN", stage="arrested"), mention("a1", 1, stage="charged")),
        stats=(Stat(subject="prosecutions", year=2023, value=48, evidence=evidence("a1", "48 cases.")),),
    )
    store.save_analysis(saved)
    assert store.has_article("a1") and not store.has_article("a2")
    assert store.article("a1") == saved


def test_resaving_an_analysis_changes_nothing(store: Store) -> None:
    saved = analysis(article("a1", "Spy text"), mentions=(mention("a1"),))
    for _ in range(3):
        with store.transaction():
            store.save_analysis(saved)
    assert store.counts() == {
        "articles": 1, "duplicates": 0, "relevant": 1, "mentions": 1, "cases": 0, "sources": 1, "rejected": 0,
    }
    assert [hit.id for hit in store.search("spy")] == ["a1"]


def test_a_failed_batch_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_analysis(analysis(article("a1", "one")))
        store.save_case(case("c1"), ["k"])
        raise RuntimeError("killed mid-batch")
    assert store.counts()["articles"] == 0 and store.counts()["cases"] == 0


@pytest.mark.parametrize("lookup", ["article", "case", "machine_case"])
def test_missing_records_raise_not_found(store: Store, lookup: str) -> None:
    with pytest.raises(NotFoundError, match="nope"):
        getattr(store, lookup)("nope")


def test_case_round_trips_and_is_found_by_its_keys(store: Store) -> None:
    saved = case("c1")
    store.save_case(saved, ["CN-TW:2024", "name:chen wei"])
    assert store.case("c1") == saved and store.machine_case("c1") == saved
    assert store.candidate_cases(["name:chen wei", "unknown"]) == [saved]
    store.save_case(saved, ["CN-TW:2025"])  # keys are replaced, not added
    assert store.candidate_cases(["name:chen wei"]) == []
    assert [c.id for c in store.candidate_cases(["CN-TW:2025"])] == ["c1"]


def test_delete_case(store: Store) -> None:
    store.save_case(case("c1"), ["k"])
    store.delete_case("c1", why="merged into c2")
    store.delete_case("c1")  # absent: no error
    with pytest.raises(NotFoundError):
        store.case("c1")
    assert store.candidate_cases(["k"]) == []


def test_mentions_of_a_case(store: Store) -> None:
    m0, m1 = mention("a1", 0, published="2024-06-01"), mention("a2", 0, published="2024-03-01")
    store.save_analysis(analysis(article("a1", "x"), mentions=(m0,)))
    store.save_analysis(analysis(article("a2", "y"), mentions=(m1,)))
    store.save_case(case("c1", mentions=(("a1", 0), ("a2", 0))), [])
    assert store.mentions_of("c1") == [m1, m0]  # oldest report first


def test_cases_of_an_article_are_the_cases_its_mentions_joined(store: Store) -> None:
    """The reader links an article to its cases: each case once, newest report first."""
    m0, m1 = mention("a1", 0), mention("a1", 1)
    store.save_analysis(analysis(article("a1", "x"), mentions=(m0, m1)))
    store.save_analysis(analysis(article("a2", "y"), mentions=(mention("a2", 0),)))
    store.save_case(case("old", mentions=(("a1", 0), ("a1", 1)), last_reported="2023-01-01"), [])
    store.save_case(case("new", mentions=(("a1", 1), ("a2", 0)), last_reported="2025-01-01"), [])
    store.save_case(case("other", mentions=(("a2", 0),)), [])
    assert [c.id for c in store.cases_of_article("a1")] == ["new", "old"]
    assert store.cases_of_article("absent") == []


def test_near_duplicates_share_a_band(store: Store) -> None:
    store.save_analysis(analysis(article("a1", "x", fingerprint="0123456789abcdef")))
    store.save_analysis(analysis(article("a2", "y", fingerprint="ffff456789abffff")))
    store.save_analysis(analysis(article("a3", "z", fingerprint="ffffffffffffffff")))
    assert fingerprint_bands("0123456789abcdef") == ["0:0123", "1:4567", "2:89ab", "3:cdef"]
    assert [a.id for a in store.near_duplicates(fingerprint_bands("0000456700000000"))] == ["a1", "a2"]
    assert [a.id for a in store.near_duplicates(["0000000000000000"])] == []
    assert [a.id for a in store.near_duplicates(["ffff000000000000"])] == ["a2", "a3"]  # bare fingerprint


CASES = [
    case("c1", sponsor_country="CN", target_country="TW", stage="arrested",
         first_reported="2023-02-01", last_reported="2023-02-01"),
    case("c2", sponsor_country="CN", target_country="US", stage="sentenced", sponsor_service="svc.cn.mss",
         first_reported="2022-05-01", last_reported="2024-07-01", title="Navy engineer sentenced"),
    case("c3", sponsor_country="RU", target_country="DE", stage="charged", sponsor_service="svc.ru.gru",
         first_reported="2024-01-10", last_reported="2024-01-10", accused_names=("Ivan Petrov",),
         evidence={"stage": evidence("art-c3", "Prosecutors charged him with treason in Munich.")}),
    case("c4", sponsor_country=None, target_country="DE", stage=None, sponsor_service=None,
         first_reported=None, last_reported=None, timeline=(), title="Unattributed"),
]


@pytest.fixture
def filled(store: Store) -> Store:
    with store.transaction():
        for item in CASES:
            store.save_case(item, [])
    return store


@pytest.mark.parametrize(("query", "expected"), [
    (CaseQuery(), ["c2", "c3", "c1", "c4"]),
    (CaseQuery(sponsor=("CN",)), ["c2", "c1"]),
    (CaseQuery(sponsor=("CN", "RU"), target=("DE",)), ["c3"]),
    (CaseQuery(service=("svc.ru.gru",)), ["c3"]),
    (CaseQuery(stage=("sentenced", "charged")), ["c2", "c3"]),
    (CaseQuery(year=2023), ["c2", "c1"]),  # c2 runs 2022-2024
    (CaseQuery(text="treason Munich"), ["c3"]),
    (CaseQuery(text="Taiwan"), ["c1"]),  # country names are searchable
    (CaseQuery(text="petrov"), ["c3"]),
    (CaseQuery(text="'; DROP TABLE cases; --"), []),
    (CaseQuery(text='"*'), []),
    (CaseQuery(text="   "), ["c2", "c3", "c1", "c4"]),
    (CaseQuery(person="ivan  PETROV"), ["c3"]),  # an accused name, whatever its case and spacing
    (CaseQuery(person="Chen Wei", sponsor=("CN",)), ["c2", "c1"]),
    (CaseQuery(person="Chen Wei", text="treason"), []),
    (CaseQuery(person="Petrov"), ["c3"]),  # a word of the name finds it...
    (CaseQuery(person="petrov ivan"), ["c3"]),  # ...as do all its words in any order
    (CaseQuery(person="Ivan Smirnov"), []),  # but every word given must be in one name
    (CaseQuery(person="Petro"), []),  # whole words, not fragments
    (CaseQuery(person="100%_"), []),  # LIKE's wildcards in the query are plain characters
    (CaseQuery(person=" "), ["c2", "c3", "c1", "c4"]),
    (CaseQuery(sort="first_reported"), ["c2", "c1", "c3", "c4"]),
    (CaseQuery(sort="-first_reported"), ["c3", "c1", "c2", "c4"]),
    (CaseQuery(sort="stage"), ["c1", "c3", "c2", "c4"]),
    (CaseQuery(sort="sponsor"), ["c1", "c2", "c3", "c4"]),
    (CaseQuery(sort="target"), ["c3", "c4", "c1", "c2"]),
    (CaseQuery(limit=2), ["c2", "c3"]),
    (CaseQuery(limit=2, offset=2), ["c1", "c4"]),
])
def test_case_filters_and_sort(filled: Store, query: CaseQuery, expected: list[str]) -> None:
    page = filled.cases(query)
    assert [c.id for c in page.items] == expected
    everything = query.model_copy(update={"limit": 1000, "offset": 0})
    streamed = [c.id for c in filled.iter_cases(query)]
    assert page.total == len(streamed)
    assert streamed == [c.id for c in filled.cases(everything).items]


def test_facets_count_the_filtered_set(filled: Store) -> None:
    assert filled.cases(CaseQuery(target=("DE", "TW"))).facets == {
        "sponsor": {"CN": 1, "RU": 1},
        "target": {"DE": 2, "TW": 1},
        "service": {"svc.cn.mss": 1, "svc.ru.gru": 1},
        "stage": {"arrested": 1, "charged": 1},
        "year": {"2024": 2, "2023": 1},  # c1 was reported in 2023 and again in 2024
    }
    assert filled.cases(CaseQuery(sponsor=("XX",))).model_dump() == {
        "items": [], "total": 0, "facets": {f: {} for f in ("sponsor", "target", "service", "stage", "year")},
    }


def test_iter_cases_streams_every_match_ignoring_limit(filled: Store) -> None:
    assert [c.id for c in filled.iter_cases(CaseQuery(limit=1))] == ["c2", "c3", "c1", "c4"]
    assert [c.id for c in filled.iter_cases(CaseQuery(sponsor=("CN",), sort="first_reported"))] == ["c2", "c1"]


def test_dashboard_counts(filled: Store) -> None:
    by_sponsor = filled.case_counts_by("sponsor")
    assert [(r.value, r.count) for r in by_sponsor] == [("CN", 2), ("RU", 1)]
    stacked = filled.case_counts_by("sponsor", by_year=True)
    assert [(r.value, r.year, r.count) for r in stacked] == [("CN", 2022, 1), ("CN", 2023, 1), ("RU", 2024, 1)]
    assert [(r.value, r.count) for r in filled.case_counts_by("year")] == [("2022", 1), ("2023", 1), ("2024", 1)]
    assert [(p.sponsor, p.target, p.count) for p in filled.country_pairs()] == [
        ("CN", "TW", 1), ("CN", "US", 1), ("RU", "DE", 1),
    ]
    assert [p.target for p in filled.country_pairs(query=CaseQuery(target=("US",)))] == ["US"]


HOSTILE = ['"', "*", "NEAR(", "'; DROP TABLE articles; --", "a OR b AND NOT c", "title:spy", "^spy",
           "spy*", "(", ")", "-", "\\", "%", "_", "\x00", "", "   ", "😀", "NEAR(spy china, 5)", "AND", "''"]


def test_people_are_counted_by_name_over_the_filtered_cases(filled: Store) -> None:
    assert [(r.value, r.count) for r in filled.people()] == [("Chen Wei", 3), ("Ivan Petrov", 1)]
    assert [(r.value, r.count) for r in filled.people(query=CaseQuery(target=("DE",)))] == [
        ("Chen Wei", 1), ("Ivan Petrov", 1)]
    assert [r.value for r in filled.people(limit=1)] == ["Chen Wei"]
    assert filled.cases(CaseQuery(person="chen wei")).facets["sponsor"] == {"CN": 2}


def test_the_person_filter_sees_corrected_names_and_forgets_deleted_cases(filled: Store) -> None:
    filled.add_correction(Correction(case_id="c3", field="accused_names", value=["Iwan Petrow", "Anna K."],
                                     why="court spelling", who="ana", at="2026-01-02T00:00:00.000000+00:00"))
    assert [c.id for c in filled.iter_cases(CaseQuery(person="iwan petrow"))] == ["c3"]
    assert [c.id for c in filled.iter_cases(CaseQuery(person="Anna"))] == ["c3"]  # a name only the analyst gave
    filled.delete_case("c1")
    assert [(r.value, r.count) for r in filled.people()] == [("Chen Wei", 2), ("Anna K.", 1), ("Iwan Petrow", 1)]


def test_any_search_string_is_valid(filled: Store) -> None:
    filled.save_analysis(analysis(article("a1", "A spy for China was arrested.")))
    for text in HOSTILE:
        assert isinstance(filled.search(text), list), text
        assert filled.cases(CaseQuery(text=text)).total >= 0, text
    assert filled.counts()["articles"] == 1  # still there
    assert [h.id for h in filled.search('"arrested" china* ^spy', kind="article")] == ["a1"]  # words, never operators


def test_case_text_filter_reaches_the_case_articles(store: Store) -> None:
    store.save_analysis(analysis(article("art-c1", "The courier met his handler in Kaohsiung harbour.")))
    store.save_case(case("c1"), [])
    store.save_case(case("c2", mentions=()), [])
    assert [c.id for c in store.cases(CaseQuery(text="Kaohsiung harbour")).items] == ["c1"]
    assert [c.id for c in store.cases(CaseQuery(text="courier", sponsor=("RU",))).items] == []


def test_search_finds_cases_then_articles(filled: Store) -> None:
    filled.save_analysis(analysis(article("a1", "The navy engineer was sentenced to 12 years.", title="Sentenced")))
    filled.save_analysis(analysis(article("a2", "Unrelated weather news.", title="Rain")))
    filled.save_analysis(analysis(article("a3", "The navy engineer, again.", title="Copy")), duplicate_of="a1")
    hits = filled.search("navy engineer")
    assert [(h.kind, h.id) for h in hits] == [("case", "c2"), ("article", "a1")]
    assert "navy engineer" in hits[1].snippet.lower() and hits[1].title == "Sentenced"
    assert [h.id for h in filled.search("navy engineer", kind="article")] == ["a1"]
    assert [h.id for h in filled.search("navy engineer", limit=1, offset=1)] == ["a1"]


def test_countries_are_searchable_by_their_neutral_names_only(filled: Store) -> None:
    hits = filled.search("Taiwan", kind="case")
    assert [h.id for h in hits] == ["c1"]
    assert "Province of China" not in hits[0].snippet  # ISO's inverted form is not what readers see
    assert [h.id for h in filled.search("Russia", kind="case")] == ["c3"]  # the short name, not only "Russian Federation"


@pytest.mark.parametrize(("text", "query"), [
    ("Der Spion wurde in München verhaftet.", "münchen"),
    ("北京 间谍 案", "间谍"),
    ("Шпион арестован в Москве", "арестован"),
])
def test_unicode_search(store: Store, text: str, query: str) -> None:
    store.save_analysis(analysis(article("a1", text)))
    assert [h.id for h in store.search(query)] == ["a1"]


def test_articles_newest_first(store: Store) -> None:
    for article_id, published in [("a1", "2024-01-01"), ("a2", None), ("a3", "2025-01-01")]:
        store.save_analysis(analysis(article(article_id, "t", published=published)))
    assert [a.id for a in store.articles()] == ["a3", "a1", "a2"]
    assert [a.id for a in store.articles(limit=1, offset=1)] == ["a1"]


def test_stats_leave_out_duplicate_articles(store: Store) -> None:
    stat = Stat(subject="espionage prosecutions", year=2023, value=48, evidence=evidence("a1", "48 cases."))
    store.save_analysis(analysis(article("a1", "x"), stats=(stat,)))
    store.save_analysis(analysis(article("a2", "x"), stats=(stat,)), duplicate_of="a1")
    assert store.stats() == [stat]
    assert store.counts()["duplicates"] == 1


def test_rejected_documents_are_counted_once(store: Store) -> None:
    for _ in range(2):
        store.save_rejected(Rejected(source="bad.bin", code="binary", reason="binary file"))
    store.save_rejected(Rejected(source="feed.xml", member="3", code="empty", reason="empty"))
    assert store.rejected_counts() == {"binary": 1, "empty": 1}
    assert store.counts()["rejected"] == 2


def test_sqlite_full_text_indexes_stay_consistent(tmp_path: Path) -> None:
    from spyglass.store import open_store

    store = open_store(str(tmp_path / "x.db"))
    for round_ in range(3):
        store.save_analysis(analysis(article("a1", f"text version {round_}", title=f"t{round_}")))
        store.save_case(case("c1", title=f"title {round_}"), [])
        store.save_case(case("c2"), [])
        store.delete_case("c2")
    for table in ("articles_fts", "cases_fts", "case_texts_fts"):
        store._exec(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")  # type: ignore[attr-defined]
    assert [h.id for h in store.search("version 2")] == ["a1"] and store.search("version 1") == []
    store.close()


@pytest.mark.parametrize("one_pass_rows", [1, 50_000])
@pytest.mark.parametrize("query", [
    CaseQuery(sponsor=("CN", "RU")), CaseQuery(target=("DE", "TW"), year=2024), CaseQuery(text="arrested"), CaseQuery(),
])
def test_every_facet_strategy_gives_the_same_counts(
    filled: Store, monkeypatch: pytest.MonkeyPatch, one_pass_rows: int, query: CaseQuery
) -> None:
    from spyglass.store import _reading

    expected = {
        field: dict(sorted(counts.items()))
        for field, counts in _facets_by_hand(list(filled.iter_cases(query))).items()
    }
    monkeypatch.setattr(_reading, "_ONE_PASS_ROWS", one_pass_rows)
    page = filled.cases(query)
    assert {field: dict(sorted(counts.items())) for field, counts in page.facets.items()} == expected
    assert page.total == len(list(filled.iter_cases(query)))


def _facets_by_hand(cases: list[Case]) -> dict[str, dict[str, int]]:
    from collections import Counter

    from spyglass.store._codec import case_years

    facets: dict[str, Counter[str]] = {f: Counter() for f in ("sponsor", "target", "service", "stage", "year")}
    for item in cases:
        for field, value in (("sponsor", item.sponsor_country), ("target", item.target_country),
                             ("service", item.sponsor_service), ("stage", item.stage)):
            if value is not None:
                facets[field][value] += 1
        facets["year"].update(str(y) for y in case_years(item))
    return {field: dict(counts) for field, counts in facets.items()}
