"""The store contract, bulk writes: ``save_analyses`` and ``save_cases`` store exactly what one
``save_analysis`` / ``save_case`` per record stores, in the same order, on both backends."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from spyglass.records import Analysis, Case, Correction, Stat
from spyglass.store import CaseQuery, Store, open_store

from .conftest import analysis, article, case, evidence, mention, pg_schema_url


def _analyses() -> list[Analysis]:
    found = []
    for n in range(7):
        aid = f"a{n}"
        found.append(analysis(
            article(aid, f"Report {n}: an engineer was arrested for spying.", fingerprint=f"{n:016x}"),
            mentions=tuple(mention(aid, i, stage="arrested") for i in range(n % 3)),
            stats=(Stat(subject="prosecutions", year=2020 + n, value=n, evidence=evidence(aid, "n cases.")),)
            if n % 2 else (),
        ))
    return found


def _cases() -> list[tuple[Case, list[str]]]:
    """Three cases, c1 given twice (an update in the same batch), keys overlapping."""
    return [
        (case("c1", mentions=(("a1", 0),)), ["name:chen wei"]),
        (case("c2", sponsor_country="RU", target_country="DE", accused_names=("Ivan Petrov",),
              mentions=(("a2", 0), ("a2", 1))), ["name:ivan petrov", "pair:RU-DE"]),
        (case("c1", stage="charged", mentions=(("a1", 0), ("a4", 0))), ["name:chen wei", "pair:CN-TW"]),
        (case("c3", sponsor_country="IR", first_reported="2021-05-01", last_reported="2023-01-01"), []),
    ]


def _state(store: Store) -> dict[str, object]:
    """Everything a reader can see, except the times writes were made at."""
    cases = store.cases(CaseQuery(limit=1000))
    return {
        "articles": [store.article(f"a{n}") for n in range(7)],
        "counts": store.counts(),
        "cases": cases.items, "total": cases.total, "facets": cases.facets,
        "keys": {key: [c.id for c in store.candidate_cases([key])]
                 for key in ("name:chen wei", "name:ivan petrov", "pair:RU-DE", "pair:CN-TW")},
        "mentions": {c.id: store.mentions_of(c.id) for c in cases.items},
        "audit": [(e.case_id, e.action, e.detail) for e in store.audit()],
        "changes": [(c.case.id, c.change, c.case.stage) for c in store.changes_since(CaseQuery(), None)],
        "search": [hit.id for hit in store.search("arrested", limit=50)],
        "text": [c.id for c in store.cases(CaseQuery(text="engineer")).items],
        "people": store.people(),
    }


@pytest.fixture
def twin(request: pytest.FixtureRequest, store_url: str, tmp_path: Path) -> Iterator[Store]:
    """A second empty store on the same backend as ``store``."""
    if "://" not in store_url:
        opened = open_store(str(tmp_path / "twin.db"))
        yield opened
        opened.close()
        return
    import psycopg

    base: str = request.getfixturevalue("pg_url")
    schema = "spyglass_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    opened = open_store(pg_schema_url(base, schema))
    try:
        yield opened
    finally:
        opened.close()
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


def test_bulk_writes_store_what_single_writes_store(store: Store, twin: Store) -> None:
    for item in _analyses():
        twin.save_analysis(item, duplicate_of="a0" if item.article.id == "a5" else None)
    for found, keys in _cases():
        twin.save_case(found, keys)
    store.save_analyses(_analyses(), duplicate_of={"a5": "a0"})
    store.save_cases(_cases())
    assert _state(store) == _state(twin)


def test_an_analysis_given_twice_is_stored_as_given_last(store: Store) -> None:
    first = analysis(article("a1", "first text", title="First"), mentions=(mention("a1", 0), mention("a1", 1)))
    last = analysis(article("a1", "last text", title="Last"), mentions=(mention("a1", 0, stage="charged"),))
    store.save_analyses([first, analysis(article("a2", "other")), last])
    assert store.article("a1") == last
    assert store.counts()["articles"] == 2 and store.counts()["mentions"] == 1
    assert [hit.id for hit in store.search("last")] == ["a1"] and store.search("first") == []


def test_bulk_case_writes_keep_corrections_and_skip_unchanged_cases(store: Store) -> None:
    store.save_cases([(case("c1"), ["k1"]), (case("c2"), ["k2"])])
    store.add_correction(Correction(case_id="c1", field="stage", value="convicted", why="court record",
                                    who="ada", at="2024-05-01T00:00:00.000000+00:00"))
    store.save_cases([(case("c1", title="Retitled"), ["k1"]), (case("c2"), ["k2", "k3"])])
    assert store.case("c1").stage == "convicted" and store.case("c1").title == "Retitled"
    assert store.machine_case("c1").stage == "arrested"
    assert [c.id for c in store.candidate_cases(["k3"])] == ["c2"]  # keys replaced even when unchanged
    assert [e.detail for e in store.audit("c2")] == ["case created"]  # unchanged: no update entry


def test_a_failed_bulk_write_leaves_nothing(store: Store) -> None:
    def failing() -> Iterator[Analysis]:
        yield from _analyses()[:3]
        raise RuntimeError("killed mid-stream")

    with pytest.raises(RuntimeError):
        store.save_analyses(failing())
    assert store.counts()["articles"] == 0
