"""Entity rules: sentence splitting, countries, services, money and terms, each as a table."""

from __future__ import annotations

import pytest

from spyglass.understand import entities, quantities
from spyglass.understand.sentences import sentences_in

SPLITS = [
    ("He was arrested. She was charged.", 2),
    ("Jian G. was sentenced on Tuesday. The court said so.", 2),
    ("Lt. Col. Ivanov was expelled from the U.S. in May.", 1),
    ("Title line\nFirst sentence here. Second one!", 3),
]


@pytest.mark.parametrize(("text", "count"), SPLITS)
def test_sentences_split_on_ends_not_abbreviations(text: str, count: int) -> None:
    found = sentences_in(text)
    assert len(found) == count
    assert all(text[s.start : s.end] == s.text for s in found)


COUNTRIES = [
    ("Taiwanese soldiers", ["TW"]),
    ("FOUR TAIWANESE SOLDIERS", ["TW"]),
    ("spying for Moscow and Beijing", ["RU", "CN"]),
    ("ein chinesischer Spion", ["CN"]),
    ("the United Kingdom and the U.S.", ["GB", "US"]),
]


@pytest.mark.parametrize(("text", "codes"), COUNTRIES)
def test_countries_by_name_demonym_and_capital(text: str, codes: list[str]) -> None:
    assert [h.kb_id for h in entities.countries_in(text)] == codes


SERVICES = [
    ("recruited by the GRU", "ru.gru"),
    ("China's Ministry of State Security said", "cn.mss"),
    ("a source for MI6", "gb.sis"),
]


@pytest.mark.parametrize(("text", "sid"), SERVICES)
def test_services_by_acronym_and_name(text: str, sid: str) -> None:
    assert [h.kb_id for h in entities.services_in(text)] == [sid]


MONEY = [
    ("paid $7,000", (7000.0, "USD")),
    ("about NT$6.08 million", (6080000.0, "TWD")),
    ("1,805,000 euros", (1805000.0, "EUR")),
    ("C$72,000", (72000.0, "CAD")),
    ("160 million won", (160000000.0, "KRW")),
    ("5mila euro", (5000.0, "EUR")),
]


@pytest.mark.parametrize(("text", "value"), MONEY)
def test_money_amount_and_currency(text: str, value: tuple[float, str]) -> None:
    (found,) = quantities.money_in(text)
    assert (found.value, found.currency) == value


DURATIONS = [
    ("14 years", (168, 168)),
    ("five and a half years", (66, 66)),
    ("13 years and two months", (158, 158)),
    ("between 70 and 84 months", (70, 84)),
    ("life imprisonment", ("life", "life")),
    ("vier Jahren und neun Monaten", (57, 57)),
    ("29 anni e 2 mesi", (350, 350)),
]


@pytest.mark.parametrize(("text", "months"), DURATIONS)
def test_durations_in_months(text: str, months: tuple[object, object]) -> None:
    (found,) = quantities.durations_in(text)
    assert found.value == months
