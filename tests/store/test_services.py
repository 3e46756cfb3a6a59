"""The store's part in canonical services and transliterated names, on both backends: search
finds a case by any name of its service, the person filter reads any transliteration of a name,
and migration 0011 rewrites what an older store holds (issue 12, "Entities")."""

from __future__ import annotations

import pytest

from spyglass.records import Correction
from spyglass.store import CaseQuery, Store, open_store
from spyglass.store.base import Watch

from .conftest import case

MSS, GRU = "svc.cn.mss", "svc.ru.gru"
AT = "2026-01-02T00:00:00.000000+00:00"


@pytest.fixture
def named(store: Store) -> Store:
    store.save_cases([
        (case("c1", sponsor_service=MSS, accused_names=("Иванов Сергей",)), []),
        (case("c2", sponsor_service=GRU, sponsor_country="RU", target_country="DE", accused_names=("王建国",)), []),
        (case("c3", sponsor_service=None, accused_names=("Kim Jong-ho", "Sergej Iwanow")), []),
    ])
    return store


@pytest.mark.parametrize(("text", "expected"), [
    ("Guoanbu", ["c1"]),  # a name of the service the case's words never print
    ("Ministry of State Security", ["c1"]),
    ("Glavnoye Razvedyvatelnoye Upravleniye", ["c2"]),
])
def test_search_finds_a_case_by_any_name_of_its_service(named: Store, text: str, expected: list[str]) -> None:
    assert [c.id for c in named.cases(CaseQuery(text=text)).items] == expected


@pytest.mark.parametrize(("person", "expected"), [
    ("ivanov", ["c1", "c3"]),  # Иванов, and Iwanow as German prints it
    ("Sergei Ivanov", ["c1", "c3"]),
    ("иванов сергей", ["c1", "c3"]),
    ("Sergey", ["c1", "c3"]),
    ("Wang Jianguo", ["c2"]),  # 王建国 in pinyin
    ("wang jian-guo", ["c2"]),
    ("Kim Jeongho", ["c3"]),  # Revised Romanization of the press's "Jong-ho"
    ("Ivanov Petrov", []),  # every word still in one name
])
def test_the_person_filter_reads_any_transliteration(named: Store, person: str, expected: list[str]) -> None:
    assert sorted(c.id for c in named.cases(CaseQuery(person=person)).items) == expected


def test_people_group_the_spellings_of_one_name(named: Store) -> None:
    named.save_case(case("c4", accused_names=("Sergei Ivanov",)), [])
    counts = {r.value: r.count for r in named.people()}
    # "Иванов Сергей", "Sergej Iwanow" and "Sergei Ivanov" are one person, shown by one of their names
    assert counts["Sergei Ivanov"] == 3 and "Иванов Сергей" not in counts and "Sergej Iwanow" not in counts


def test_an_upgrade_from_version_10_makes_services_canonical(store_url: str) -> None:
    """A version-10 store kept services as printed; after the upgrade every service value is an
    id: cases (and their facets and tally), corrections, linking keys and watchlists."""
    old = open_store(store_url)
    old.save_cases([
        (case("c1", sponsor_service="MSS"), ["service:mss>TW:2024"]),
        (case("c2", sponsor_service="Ministry of State Security"), ["anon-service:ministry of state security>TW:2024"]),
        (case("c3", sponsor_service="Chinese Ministry of State Security", accused_names=("Сергей Иванов",)), []),
        (case("c4", sponsor_service="GRU", sponsor_country="RU"), []),
        (case("c5", sponsor_service="Ministry of Magic"), []),  # no service goes by it: kept as it is
    ])
    old.add_correction(Correction(case_id="c4", field="sponsor_service", value="Guoanbu", why="court", who="ana", at=AT))
    old.save_watch(Watch(name="beijing", query=CaseQuery(service=("MSS", "Guoanbu"))))
    # what version 10 stored: the corrected value as typed and the name folded without transliteration
    for sql, params in (("UPDATE corrections SET value = ?", ('"Guoanbu"',)),
                        ("UPDATE case_people SET folded = ? WHERE case_id = ?", ("sergey ivanov", "c3")),
                        ("DELETE FROM schema_version WHERE version >= 11", ())):
        old._exec(sql, params)  # type: ignore[attr-defined]
    assert old.cases(CaseQuery(service=(MSS,))).total == 0
    old.close()

    upgraded = open_store(store_url)
    try:
        assert sorted(c.id for c in upgraded.cases(CaseQuery(service=(MSS,))).items) == ["c1", "c2", "c3", "c4"]
        assert upgraded.cases(CaseQuery()).facets["service"] == {MSS: 4, "Ministry of Magic": 1}
        assert {r.value: r.count for r in upgraded.case_counts_by("service")} == {MSS: 4, "Ministry of Magic": 1}
        assert upgraded.machine_case("c4").sponsor_service == GRU  # the machine value too, apart from the correction
        assert [c.value for c in upgraded.corrections("c4")] == [MSS]
        assert upgraded.watch("beijing").query.service == (MSS,)
        assert [c.id for c in upgraded.candidate_cases(["service:svc.cn.mss>TW:2024"])] == ["c1"]
        assert [c.id for c in upgraded.candidate_cases(["anon-service:svc.cn.mss>TW:2024"])] == ["c2"]
        assert [c.id for c in upgraded.cases(CaseQuery(person="Sergei Ivanov")).items] == ["c3"]
        assert upgraded.migrate() == []
    finally:
        upgraded.close()
