"""Normalisers: printed numbers, durations, money, years and country names -> values with
spans, as tables of input -> expected output."""

from __future__ import annotations

import pytest

from spyglass.understand import lexicon
from spyglass.understand import quantities as n

NUMBERS = [
    ("en", "four", 4), ("en", "Four", 4), ("en", "twenty-one", 21), ("en", "1,200", 1200), ("en", "2.5", 2.5),
    ("en", "2.5 million", 2_500_000), ("en", "five and a half", 5.5), ("en", "a dozen", 12), ("en", "two dozen", 24),
    ("en", "one hundred and twenty", 120), ("en", "1,805,000", 1_805_000), ("en", "nil", 0), ("en", "$2.5m"[1:], 2_500_000),
    ("de", "1.200", 1200), ("de", "3,8 Millionen", 3_800_000), ("de", "vier", 4), ("de", "einundzwanzig", 21),
    ("de", "zweieinhalb", 2.5), ("de", "eine Million", 1_000_000),
    ("fr", "quatre", 4), ("fr", "quatre-vingt-dix", 90), ("fr", "soixante-dix-sept", 77), ("fr", "vingt et un", 21),
    ("es", "cinco", 5), ("es", "treinta y dos", 32), ("es", "1.200", 1200),
    ("it", "1.200", 1200), ("it", "5mila", 5000), ("it", "ventuno", 21), ("it", "duemila", 2000),
]


@pytest.mark.parametrize(("lang", "text", "value"), NUMBERS)
def test_number_of(lang: str, text: str, value: float) -> None:
    assert n.number_of(text, lang) == value


@pytest.mark.parametrize(("lang", "text"), [("en", "spy"), ("en", ""), ("de", "Spion"), ("en", "four spies")])
def test_number_of_rejects_non_numbers(lang: str, text: str) -> None:
    assert n.number_of(text, lang) is None


def test_numbers_in_gives_spans() -> None:
    text = "Four soldiers and 1,200 pages"
    assert [(s.text, s.value) for s in n.numbers_in(text)] == [("Four", 4), ("1,200", 1200)]


DURATIONS = [
    # (lang, text, [months ...])
    ("en", "70 months", [70]),
    ("en", "sentenced to between 70 and 84 months", [70, 84]),
    ("en", "six to eight years", [72, 96]),
    ("en", "70-84 months", [70, 84]),
    ("en", "five and a half years", [66]),
    ("en", "eight years", [96]),
    ("en", "5 years and 3 weeks", [60]),
    ("en", "29 years and 2 months", [350]),
    ("en", "18 months", [18]),
    ("en", "a year and a half", [18]),
    ("en", "one and a half years", [18]),
    ("en", "a 15-year sentence", [180]),
    ("en", "life imprisonment", ["life"]),
    ("en", "a life sentence", ["life"]),
    ("en", "life in prison", ["life"]),
    ("en", "118 months and life", [118]),  # a bare "life" is not a term
    ("de", "zwei Jahre und neun Monate", [33]),
    ("de", "sechseinhalb Jahre", [78]),
    ("de", "zwischen sechs und acht Jahren", [72, 96]),
    ("de", "lebenslange Haft", ["life"]),
    ("fr", "quatre ans", [48]),
    ("fr", "deux ans et demi", [30]),
    ("fr", "la réclusion criminelle à perpétuité", ["life"]),
    ("es", "cinco años", [60]),
    ("es", "cadena perpetua", ["life"]),
    ("it", "vent'anni", [240]),
    ("it", "20 anni", [240]),
    ("it", "cinque anni e mezzo", [66]),
    ("it", "ventinove anni e due mesi", [350]),
    ("it", "ergastolo", ["life"]),
]


@pytest.mark.parametrize(("lang", "text", "months"), DURATIONS)
def test_durations_in(lang: str, text: str, months: list[int | str]) -> None:
    found = n.durations_in(text, lang)
    assert [d.months for d in found] == months
    for d in found:
        assert text[d.start:d.end] == d.text
        assert d.rule.startswith("duration.")


def test_duration_range_has_both_ends_and_spans() -> None:
    text = "were jailed for between 70 and 84 months in total"
    (rng,) = n.duration_ranges_in(text)
    assert (rng.low, rng.high) == (70, 84)
    assert text[rng.start:rng.end] == "between 70 and 84 months"
    low, high = n.durations_in(text)
    assert (low.text, high.text) == ("70", "84 months")


def test_and_without_between_is_not_a_range() -> None:
    assert n.duration_ranges_in("paid $7,000 and 20 years later") == []


MONEY = [
    # (lang, text, [(amount, currency) ...])
    ("en", "paid $7,000", [(7000, "USD")]),
    ("en", "$20,000", [(20000, "USD")]),
    ("en", "between $7,000 and $20,000", [(7000, "USD"), (20000, "USD")]),
    ("en", "between $7,000 and 20,000 each", [(7000, "USD"), (20000, "USD")]),
    ("en", "$7,000-20,000", [(7000, "USD"), (20000, "USD")]),
    ("en", "NT$3.8 million", [(3_800_000, "TWD")]),
    ("en", "US$1.4 million", [(1_400_000, "USD")]),
    ("en", "280,000 euros (roughly $317,000)", [(280_000, "EUR"), (317_000, "USD")]),
    ("en", "1,805,000 euros", [(1_805_000, "EUR")]),
    ("en", "C$72,000", [(72_000, "CAD")]),
    ("en", "£5,000", [(5000, "GBP")]),
    ("en", "3,800 yuan", [(3800, "CNY")]),
    ("en", "500,000 roubles", [(500_000, "RUB")]),
    ("en", "Rs 3,000", [(3000, "INR")]),
    ("en", "a Pakistani court fined him Rs 3,000", [(3000, "PKR")]),
    ("en", "50 million won", [(50_000_000, "KRW")]),
    ("en", "more than $12,000", [(12_000, "USD")]),
    ("en", "$2.5m", [(2_500_000, "USD")]),
    ("en", "¥500,000", [(500_000, "JPY")]),
    ("en", "¥500,000 in Chinese yuan", [(500_000, "CNY")]),
    ("en", "USD 5,000", [(5000, "USD")]),
    ("en", "NZ$2,000 a fortnight", [(2000, "NZD")]),
    ("en", "he won in 2019", []),
    ("en", "10 pounds of explosives", []),
    ("en", "$7,000 and 20 years", [(7000, "USD")]),
    ("de", "€10.000", [(10_000, "EUR")]),
    ("de", "3,8 Millionen Euro", [(3_800_000, "EUR")]),
    ("fr", "2 millions d'euros", [(2_000_000, "EUR")]),
    ("es", "5.000 dólares", [(5000, "USD")]),
    ("it", "5mila euro", [(5000, "EUR")]),
]


@pytest.mark.parametrize(("lang", "text", "expected"), MONEY)
def test_money_in(lang: str, text: str, expected: list[tuple[float, str]]) -> None:
    found = n.money_in(text, lang)
    assert [(m.amount, m.currency) for m in found] == expected
    for m in found:
        assert text[m.start:m.end] == m.text


def test_range_partner_carries_the_currency() -> None:
    first, second = n.money_in("paid $7,000-20,000")
    assert (second.currency, second.rule) == ("USD", "money.range_carried")


YEAR_RANGES = [
    ("en", "between 2002 and 2024", (2002, 2024)),
    ("en", "from 2002 to 2024", (2002, 2024)),
    ("en", "2002-2024", (2002, 2024)),
    ("en", "2002–24", (2002, 2024)),
    ("en", "since at least 1981", (1981, None)),
    ("en", "since March 2021", (2021, None)),
    ("de", "zwischen 2019 und 2023", (2019, 2023)),
    ("de", "seit 2019", (2019, None)),
    ("fr", "entre 2002 et 2024", (2002, 2024)),
    ("fr", "depuis 2015", (2015, None)),
    ("es", "desde 2015", (2015, None)),
    ("es", "de 1983 a 2001", (1983, 2001)),
    ("it", "tra il 2002 e il 2024", (2002, 2024)),
    ("it", "dal 2015 al 2020", (2015, 2020)),
]


@pytest.mark.parametrize(("lang", "text", "span"), YEAR_RANGES)
def test_year_ranges_in(lang: str, text: str, span: tuple[int, int | None]) -> None:
    (found,) = n.year_ranges_in(text, lang)
    assert (found.first, found.last) == span
    assert text[found.start:found.end] == found.text


YEARS = [
    ("in 2002 and 2024", [2002, 2024]),
    ("Soviet navy service 1979-1992", [1979, 1992]),
    ("paid $2,000 or NT$2000 or 1,999 pages", []),
    ("in 1899 and 2100", []),
]


@pytest.mark.parametrize(("text", "years"), YEARS)
def test_years_in(text: str, years: list[int]) -> None:
    assert [y for _s, _e, y in n.years_in(text)] == years


COUNTRY_CODES = [
    ("Britain", "GB"), ("the UK", "GB"), ("Taiwanese", "TW"), ("Deutschland", "DE"), ("Viet Nam", "VN"),
    ("Korea, Republic of", "KR"), ("DEU", "DE"), ("Russian Federation", "RU"), ("Narnia", None),
]


@pytest.mark.parametrize(("name", "code"), COUNTRY_CODES)
def test_country_code(name: str, code: str | None) -> None:
    assert lexicon.country_code(name) == code


@pytest.mark.parametrize(("lang", "text", "months"), [
    ("fr", "condamnés à huit et douze ans de prison", [96, 144]),  # two co-accused
    ("it", "nel marzo 2023 a 30 anni", [360]),  # a year is not the low end of a range
    ("en", "paid $7,000 and 20 years later", [240]),
    ("de", "einundzwanzig Jahre", [252]),
    ("de", "einem Jahr und neun Monaten", [21]),
    ("es", "entre 2 y 3 años", [24, 36]),
])
def test_duration_edge_cases(lang: str, text: str, months: list[int]) -> None:
    assert [d.months for d in n.durations_in(text, lang)] == months


def test_a_pair_of_terms_printed_high_first_gives_each_term() -> None:
    found = n.durations_as_quantities("sentenced the two to seven and six years in prison, respectively")
    assert sorted(d.value for d in found) == [72, 84]
    assert [d.value for d in n.durations_as_quantities("sentenced to three and a half years")] == [42]
    assert [d.value for d in n.durations_as_quantities("arrested in 2023 and 30 years later")] == [360]
