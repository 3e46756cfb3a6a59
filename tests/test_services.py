"""Services as canonical entities: any name, acronym or id finds one service; the name is what
pages and exports show; the lexicon reads the same entities."""

from __future__ import annotations

import pytest

from spyglass.names import spelling_key
from spyglass.services import all_services, canonical_service, service_name, service_named


@pytest.mark.parametrize(("given", "expected"), [
    ("MSS", "svc.cn.mss"),
    ("mss", "svc.cn.mss"),  # typed by a user: case does not count
    ("Ministry of State Security", "svc.cn.mss"),
    ("the Chinese Ministry of State Security", "svc.cn.mss"),
    ("Guoanbu", "svc.cn.mss"),
    ("国家安全部", "svc.cn.mss"),
    ("國家安全部", "svc.cn.mss"),  # Traditional characters, from the Chinese table
    ("SVC.CN.MSS", "svc.cn.mss"),
    ("FSB", "svc.ru.fsb"),
    ("Federalnaya Sluzhba Bezopasnosti", "svc.ru.fsb"),
    ("Служба внешней разведки", "svc.ru.svr"),
    ("SIS", "svc.gb.sis"),  # a shared acronym: the documented default
    ("North Korean Ministry of State Security", "svc.kp.mss"),
    ("Ministry of Magic", None),
    ("", None),
    ("svc.xx.nothing", None),
])
def test_a_service_is_found_by_any_of_its_names(given: str, expected: str | None) -> None:
    found = service_named(given)
    assert (found.id if found else None) == expected


def test_the_sponsor_state_decides_between_services_sharing_a_name() -> None:
    assert canonical_service("SIS", "PT") == "svc.pt.sis"
    assert canonical_service("SIS", "SK") == "svc.sk.sis"
    assert canonical_service("SIS") == "svc.gb.sis"


@pytest.mark.parametrize(("value", "expected"), [
    ("MSS", "svc.cn.mss"), ("svc.cn.mss", "svc.cn.mss"), ("Ministry of Magic", "Ministry of Magic"), (None, None),
])
def test_a_stored_value_becomes_its_id_or_stays(value: str | None, expected: str | None) -> None:
    assert canonical_service(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("svc.cn.mss", "Ministry of State Security"), ("svc.ru.fsb", "Federal Security Service"),
    ("Ministry of Magic", "Ministry of Magic"), (None, ""),
])
def test_the_name_shown_for_a_stored_value(value: str | None, expected: str) -> None:
    assert service_name(value) == expected


def test_every_service_has_a_unique_id_and_name_and_the_lexicon_reads_the_same() -> None:
    from spyglass.understand.lexicon import services

    ids = [s.id for s in all_services()]
    names = [s.name for s in all_services()]
    assert len(ids) == len(set(ids)) > 250 and len(names) == len(set(names))
    assert services() == all_services()


@pytest.mark.parametrize(("names", "same"), [
    (("Sergei Ivanov", "Sergey Ivanov", "Sergej Iwanow", "Сергей Иванов"), True),
    (("Yuri Zhukov", "Yuriy Zhukov", "Iouri Joukov", "Юрий Жуков"), True),
    (("Alexei Navalny", "Aleksey Navalny", "Алексей Навальный"), True),
    (("Wang Jianguo", "Wang Jian-guo", "王建国"), True),
    (("Kim Jeongho", "Kim Jong-ho", "김정호"), True),
    (("Mikhail Petrov", "Mihail Petrov", "Михаил Петров"), True),
    (("Ivan Petrov", "Ivan Smirnov"), False),
])
def test_transliterations_of_one_name_share_a_spelling_key(names: tuple[str, ...], same: bool) -> None:
    assert (len({spelling_key(n) for n in names}) == 1) is same
