"""Reported statistics: per-year counts of espionage proceedings, and what is not one."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.understand.stats import stats_in


def article(text: str, published: str | None = "2025-02-01", title: str | None = None) -> Article:
    return Article(id="s", source="s.txt", item=0, kind="page", title=title, text=text, published=published)


def pairs(text: str, published: str | None = "2025-02-01", title: str | None = None) -> set[tuple[int, int]]:
    return {(s.year, s.value) for s in stats_in(article(text, published, title))}


PROSE = [
    # a list of years, each count before its year
    ("Officials said the number of espionage prosecutions kept rising: there were 12 prosecutions for "
     "Russian espionage in 2021, 19 in 2022, and 31 in 2023.",
     {(2021, 12), (2022, 19), (2023, 31)}),
    # number words, a comparison, a relative year resolved against the date
    ("The agency's annual report said 27 people were arrested for spying for Iran last year, up from "
     "nine in 2023.",
     {(2024, 27), (2023, 9)}),
    # a breakdown of one year: counts after the year go to it
    ("Of the 40 people charged with espionage in 2024, 22 were soldiers and 6 were police officers, the report said.",
     {(2024, 40), (2024, 22), (2024, 6)}),
    # the figure sentence leans on the sentence before it for its subject
    ("Prosecutors brought record numbers of treason cases. The figure compares with 18 cases in 2022.",
     {(2022, 18)}),
    # part of a year keeps the calendar year
    ("New figures show courts convicted 14 people of espionage in the first six months of 2024, "
     "twice the total for the same period of 2023.",
     {(2024, 14)}),
]

NOT_STATS = [
    ("Cumulative counts", "At least 17 foreigners have been detained for espionage since 2015, the report said."),
    ("Other crimes", "The security service recorded 16,000 cyberattacks in 2023 and opened 5,000 corruption cases, "
     "according to its annual figures on espionage and other threats."),
    ("Money, durations and percentages",
     "The spy received $20,000 in 2019 and was jailed for 12 years in 2021, a rise of 300 per cent in such sentences."),
    ("A single case, no statistics", "In 2019 two officers were arrested for spying for China."),
    ("Technology leaks", "Police recorded 25 technology leak cases in 2024 and 21 in 2023, a record, "
     "in what officials called industrial espionage."),
    ("No year", "The number of espionage arrests rose to 64."),
    ("A range of years", "Figures show 30 espionage cases between 2019 and 2024."),
]


@pytest.mark.parametrize(("text", "expected"), PROSE)
def test_prose_statistics(text: str, expected: set[tuple[int, int]]) -> None:
    assert pairs(text) == expected


@pytest.mark.parametrize(("why", "text"), NOT_STATS)
def test_numbers_that_are_not_espionage_statistics(why: str, text: str) -> None:
    assert pairs(text) == set(), why


def test_relative_year_needs_a_date() -> None:
    assert pairs("The annual report said 27 people were arrested for espionage last year.", published=None) == set()


@pytest.mark.parametrize(("text", "expected"), [
    # undated: the newest year the text names stands for "this year" ...
    ("Figures show 9 people were convicted of espionage in the first half of 2024, against 15 last year.",
     {(2024, 9), (2023, 15)}),
    # ... unless "last year" is compared with it, so comes after it
    ("Taiwan prosecuted 64 people for spying for China last year, up from 48 in 2023, the bureau said.",
     {(2024, 64), (2023, 48)}),
])
def test_undated_relative_years(text: str, expected: set[tuple[int, int]]) -> None:
    assert pairs(text, published=None) == expected


TABLE = """The minister gave the following figures for prosecutions under the espionage law.

  Year    Prosecutions under      Prosecutions under
          the espionage section   the leaks section (unauthorised disclosure)
  2001          2                      4
  2002         nil                     1*
  2003          3                      2
"""


def test_table_keeps_espionage_columns_and_reads_nil_as_zero() -> None:
    found = stats_in(article(TABLE))
    assert {(s.year, s.value) for s in found} == {(2001, 2), (2002, 0), (2003, 3)}
    assert all(s.measure == "people prosecuted for spying" for s in found)
    assert all(s.evidence is not None and s.evidence.rule == "stats.table" for s in found)


def test_colon_rows_under_a_caption() -> None:
    text = "Spies caught by the counter-intelligence service, per year:\n2019: 4\n2020: 7\n"
    assert pairs(text) == {(2019, 4), (2020, 7)}


def test_table_about_something_else_is_ignored() -> None:
    text = "Overseas technology leak cases detected by police\n- 2022: 12 cases\n- 2023: 21 cases\n"
    assert pairs(text, title="Espionage fears as leaks rise") == set()


def test_evidence_points_at_the_sentence() -> None:
    text = "Intro line.\nThe annual report said 27 people were arrested for espionage in 2024."
    (stat,) = stats_in(article(text))
    assert stat.evidence is not None
    assert text[stat.evidence.start : stat.evidence.end] == stat.evidence.sentence
    assert "27 people" in stat.evidence.sentence
    assert stat.subject


# --- series: which state reports the figure and what it counts ---------------------------------

SERIES = [
    # the sponsor after "for" is part of the measure; the acting state is the reporter
    ("Taiwan prosecuted 64 people for spying for China last year, the bureau's annual report said. "
     "The figure compares with 48 people in 2023 and 10 in 2022.", None,
     {(2024, 64), (2023, 48), (2022, 10)}, ("TW", "people prosecuted for spying for China")),
    # "prosecutions for Chinese espionage" is the same series; the title names the state
    ("Specifically, there were 10 prosecutions for Chinese espionage in 2022 and 48 in 2023.",
     "Taiwan jails two officers who spied for Beijing",
     {(2022, 10), (2023, 48)}, ("TW", "people prosecuted for spying for China")),
    # a named service gives the state; "agents" counted under its own unit
    ("The FSB said in its annual summary that it stopped 60 foreign agents in 2023 and 45 in 2022.", None,
     {(2023, 60), (2022, 45)}, ("RU", "agents stopped")),
    # a demonym counts people; the sponsor from "contact with Iranian intelligence"
    ("Shin Bet figures show 20 Israelis were arrested last year on suspicion of contact with Iranian intelligence.",
     None, {(2024, 20)}, ("IL", "people arrested for spying for Iran")),
    # treason is its own offence; the courts name the state
    ("Statistics show Russian courts convicted 30 people of treason in 2023.", None,
     {(2023, 30)}, ("RU", "people convicted of treason")),
    # cases stay cases
    ("Finland's security police said in its annual report that it opened 9 espionage investigations involving "
     "Russia in 2023.", None, {(2023, 9)}, ("FI", "espionage cases involving Russia (opened)")),
]


@pytest.mark.parametrize(("text", "title", "points", "series"), SERIES)
def test_series_country_and_measure(
    text: str, title: str | None, points: set[tuple[int, int]], series: tuple[str, str]
) -> None:
    found = stats_in(article(text, title=title))
    assert {(s.year, s.value) for s in found} == points
    assert {(s.country, s.measure) for s in found} == {series}


def test_breakdowns_extend_their_totals_series() -> None:
    text = ("Taiwan indicted 50 people for spying for China in 2024, the report said. "
            "Of the 50 accused, 20 were serving soldiers and 9 were military veterans.")
    found = {(s.value, s.measure) for s in stats_in(article(text))}
    assert found == {(50, "people prosecuted for spying for China"),
                     (20, "people prosecuted for spying for China: serving soldiers"),
                     (9, "people prosecuted for spying for China: military veterans")}


def test_subject_reads_country_then_measure() -> None:
    (stat,) = stats_in(article("Taiwan prosecuted 64 people for spying for China last year, a record, the report said."))
    assert stat.subject == "Taiwan: people prosecuted for spying for China"
    assert stat.series == ("TW", "people prosecuted for spying for China")


@pytest.mark.parametrize("text", [
    "Intro line.\nThe annual report said 27 people were arrested for espionage in 2024, and nine in 2023.",
    TABLE,
    "Espionage prosecutions by year:\n\n| Year | Cases |\n|---|---|\n| 2021 | 3 |\n| 2022 | nil |\n",
])
def test_evidence_quotes_the_value_inside_its_row_or_sentence(text: str) -> None:
    found = stats_in(article(text))
    assert found
    for stat in found:
        evidence = stat.evidence
        assert evidence is not None and text[evidence.start : evidence.end] == evidence.sentence
        assert evidence.quote is not None
        words = {"nil": 0, "nine": 9}
        assert words.get(evidence.quote.lower(), None) == stat.value or evidence.quote == str(stat.value)
