"""Names as linking compares them, and the blocking keys a mention is filed and found under."""

from __future__ import annotations

import pytest

from spyglass.link import case_keys, lookup_keys, mention_keys, name_keys, same_person
from spyglass.link.keys import name_lookup_keys

from .factories import mention


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Kevin Mallory", "Mallory", True),
        ("Kevin Mallory", "Kevin Patrick Mallory", True),
        ("Jian G.", "Jian Guo", True),
        ("Jian G.", "Jian Wang", False),
        ("Thomas R.", "Thomas R.", True),
        ("Thomas R.", "Herwig F.", False),
        ("Kõuts", "Deniss Kouts", True),  # diacritics folded
        ("Ana Montes", "Ana Belén Montes", True),
        ("Jinchao Wei", "Wei", True),
        ("Wei", "Li", False),
        ("", "Mallory", False),
        # names stay in their script; linking compares them in Latin letters
        ("Иван Петров", "Ivan Petrov", True),
        ("Петров", "Ivan Petrov", True),
        ("Олександр Шевчук", "Oleksandr Shevchuk", True),
        ("Иван Петров", "Ivan Sidorov", False),
        ("王建国", "Wang Jianguo", True),  # surname, then the given name as one word
        ("王建国", "Wang Jianhua", False),
        ("김정호", "Kim Jeongho", True),  # the surname as the press spells it
    ],
)
def test_same_person(a: str, b: str, same: bool) -> None:
    assert same_person(a, b) is same
    assert same_person(b, a) is same


def test_name_keys_are_folded_words_without_initials_or_particles() -> None:
    assert name_keys(["Kevin Mallory", "Jian G.", "Ludwig van Beethoven"]) == [
        "name:beethoven", "name:jian", "name:kevin", "name:ludwig", "name:mallory",
        "names:beethoven+ludwig", "names:kevin+mallory", "solo:jian",
    ]


@pytest.mark.parametrize(
    ("stored", "looking", "found"),
    [
        ("Kevin Mallory", "Mallory", True),  # a surname alone finds the full name
        ("Mallory", "Kevin Mallory", True),  # and the other way round
        ("Kevin Patrick Mallory", "Kevin Mallory", True),
        ("Kevin Mallory", "Kevin Smith", False),  # a shared first name is no key: no "Kevin" bucket
        ("Jian G.", "Jian Guo", True),
    ],
)
def test_name_lookup_finds_the_same_person_without_first_name_buckets(stored: str, looking: str, found: bool) -> None:
    assert bool(set(name_keys([stored])) & set(name_lookup_keys([looking]))) is found


@pytest.mark.parametrize(
    ("printed", "latin"),
    [
        ("Kevin Mallory", "Kevin Mallory"),  # Latin names are left as printed
        ("Kõuts", "Kõuts"),
        ("Юрий Жуков", "Yuriy Zhukov"),
        ("Євген Коваль", "Ievgen Koval"),
        ("鄭昭明", "Zheng Zhaoming"),
        ("이민수", "Lee Minsu"),
    ],
)
def test_names_in_other_scripts_have_a_latin_form(printed: str, latin: str) -> None:
    from spyglass.names import latin as latin_of

    assert latin_of(printed) == latin


def test_a_name_in_cyrillic_is_filed_under_the_keys_of_its_latin_form() -> None:
    assert name_keys(["Иван Петров"]) == name_keys(["Ivan Petrov"])
    assert set(name_keys(["Ivan Petrov"])) & set(name_lookup_keys(["Петров"]))


def test_mention_keys_cover_names_pair_and_service_for_the_report_year() -> None:
    m = mention(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US",
                sponsor_service="MSS", published="2017-06-22")
    assert mention_keys(m) == ["name:kevin", "name:mallory", "names:kevin+mallory", "pair:CN>US:2017",
                               "service:svc.cn.mss>US:2017"]  # the service by its canonical id


def test_lookup_keys_widen_the_year_to_a_window() -> None:
    m = mention(sponsor_country="CN", target_country="TW", published="2024-03-01")
    keys = lookup_keys(m)
    assert "pair:CN>TW:2021" in keys and "pair:CN>TW:2027" in keys
    assert "pair:CN>TW:2020" not in keys


def test_a_later_report_finds_the_case_under_a_shared_key() -> None:
    arrest = mention("feed", sponsor_country="CN", target_country="US", published="2017-06-22")
    sentence = mention("page", sponsor_country="CN", target_country="US", published="2019-05-17")
    assert set(lookup_keys(sentence)) & set(case_keys([arrest]))


def test_undated_mention_without_names_has_no_keys() -> None:
    assert mention_keys(mention(published=None, stage="arrested")) == []


def test_a_named_mention_searches_only_nameless_cases_by_pair() -> None:
    named = mention(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US", published="2019-05-17")
    nameless = mention("early", sponsor_country="CN", target_country="US", published="2017-06-22")
    pair_keys = [k for k in lookup_keys(named) if "pair:" in k]
    assert all(k.startswith("anon-pair:") for k in pair_keys) and "anon-pair:CN>US:2017" in pair_keys
    assert set(lookup_keys(named)) & set(mention_keys(nameless))  # finds the nameless early report
    assert "anon-pair:CN>US:2019" not in mention_keys(named)  # but is not filed as nameless itself


def test_no_pair_key_without_both_countries() -> None:
    assert mention_keys(mention(target_country="US", published="2019-05-17")) == []
