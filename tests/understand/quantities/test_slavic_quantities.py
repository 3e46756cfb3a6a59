"""Terms, sums and numbers as Russian, Ukrainian and Polish print them: numerals in every case
("к двенадцати годам", "pięciu lat"), a half ("два с половиной года"), compounds joined by "и",
"і"/"та", "i", life terms, abbreviated scales with their stop ("150 тыс. рублей", "4 tys. euro"),
and the calendar year before "году"/"roku", which is no term."""

from __future__ import annotations

import pytest

from spyglass.understand.quantities import durations_in, money_in, number_of

TERMS = [
    ("ru", "приговорил к двенадцати годам колонии", 144),
    ("ru", "три года и шесть месяцев", 42),
    ("ru", "к 8 годам и 3 месяцам", 99),
    ("ru", "к 13,5 года", 162),
    ("ru", "полтора года", 18),
    ("ru", "два с половиной года", 30),
    ("ru", "пожизненное лишение свободы", "life"),
    ("uk", "до п’ятнадцяти років", 180),
    ("uk", "три роки і шість місяців", 42),
    ("uk", "три роки та два місяці", 38),
    ("uk", "два з половиною роки", 30),
    ("uk", "довічне ув’язнення", "life"),
    ("pl", "osiem lat i sześć miesięcy", 102),
    ("pl", "pięciu lat", 60),
    ("pl", "półtora roku", 18),
    ("pl", "dwa i pół roku", 30),
    ("pl", "22 lata", 264),
    ("pl", "dożywocie", "life"),
]


@pytest.mark.parametrize(("lang", "text", "months"), TERMS)
def test_terms_in_words_and_digits(lang: str, text: str, months: object) -> None:
    assert [d.months for d in durations_in(text, lang)] == [months]


@pytest.mark.parametrize(("lang", "text"), [("ru", "в 2023 году он уехал"), ("uk", "у 2023 році"), ("pl", "w 2023 roku")])
def test_a_calendar_year_is_no_term(lang: str, text: str) -> None:
    assert durations_in(text, lang) == []


SUMS = [
    ("ru", "получил 150 тыс. рублей", (150000, "RUB")),
    ("ru", "за это 20 тысяч долларов", (20000, "USD")),
    ("uk", "отримав 3 тисячі доларів", (3000, "USD")),
    ("uk", "за що отримала 1200 гривень", (1200, "UAH")),
    ("pl", "otrzymał 4 tys. euro", (4000, "EUR")),
    ("pl", "co najmniej 15 000 zł", (15000, "PLN")),
]


@pytest.mark.parametrize(("lang", "text", "want"), SUMS)
def test_sums_with_their_currency(lang: str, text: str, want: tuple[float, str]) -> None:
    assert [(m.amount, m.currency) for m in money_in(text, lang)] == [want]


@pytest.mark.parametrize(("lang", "word", "value"), [
    ("ru", "двенадцати", 12), ("ru", "двести пятьдесят", 250), ("uk", "п’ятнадцяти", 15), ("uk", "п'ятьма", 5),
    ("pl", "dwudziestu", 20), ("pl", "ośmiu", 8),
])
def test_numerals_in_every_case(lang: str, word: str, value: float) -> None:
    assert number_of(word, lang) == value
