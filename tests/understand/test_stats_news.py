"""Held-out statistics: news paragraphs written for this test (invented wording, real kinds of
phrasing), each with the (year, value) pairs an annotator following SCHEMA.md would record:
per-year counts of espionage prosecutions, arrests or cases, breakdowns of a year included,
"nil"/"no" as 0, and no multi-year or cumulative totals. Written before any fix for them; a
failure is a general weakness of the reader, never a text to special-case."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.understand.stats import stats_in

# (id, published, title, text, expected (year, value) pairs)
NEWS: list[tuple[str, str, str, str, set[tuple[int, int]]]] = [
    ("from-to-detained", "2024-03-02", "Spy detentions double, Polish agency says",
     "Poland's Internal Security Agency (ABW) said in its annual report that the number of people detained on "
     "suspicion of spying for Russia had more than doubled, from 7 in 2022 to 18 in 2023.",
     {(2022, 7), (2023, 18)}),
    ("from-to-found-guilty", "2025-01-10", "Spy verdicts triple in Latvia",
     "Latvia's State Security Service said the number of people found guilty of espionage for Russia has "
     "tripled over three years, from 4 in 2021 to 12 in 2024.",
     {(2021, 4), (2024, 12)}),
    ("accused-against", "2025-01-05", "More accused of spying for Beijing",
     "A report by the security service said 52 people were accused of spying for Beijing in 2024, against 40 "
     "in 2023.",
     {(2024, 52), (2023, 40)}),
    ("breakdown-next-sentence", "2025-01-20", "Lithuania charged record number with espionage",
     "Lithuanian prosecutors brought espionage charges against 21 people in 2024, the Prosecutor General's "
     "Office said in its yearly review. Of the 21 accused, 9 were Lithuanian citizens and 12 were foreigners, "
     "most of them from Belarus.",
     {(2024, 21), (2024, 9), (2024, 12)}),
    ("breakdown-of-the-total", "2025-02-11", "Manila tallies spy arrests",
     "The National Bureau of Investigation said the number of foreigners arrested for espionage rose to 30 "
     "in 2024, the most since it began keeping count. The bureau's report showed that among the suspects, "
     "with 6 of the 30 being Chinese students and 4 being fishermen.",
     {(2024, 30), (2024, 6), (2024, 4)}),
    ("up-from-the-year-before", "2024-06-18", "Russian espionage cases climb in Germany",
     "Germany's domestic intelligence agency recorded 41 suspected espionage cases involving Russia in 2023, "
     "up from 29 the year before, its annual report showed.",
     {(2023, 41), (2022, 29)}),
    ("a-year-earlier-after-anchor", "2024-05-07", "Finnish police see more spy probes",
     "Finnish police opened nine espionage investigations in 2023, against four a year earlier, according to "
     "figures released by the National Bureau of Investigation.",
     {(2023, 9), (2022, 4)}),
    ("rose-to-from", "2025-02-03", "South Korea charges more people with spying for China",
     "The number of people charged with spying for China in South Korea rose to 14 last year from 5 in 2023, "
     "according to data from the Supreme Prosecutors' Office.",
     {(2024, 14), (2023, 5)}),
    ("respectively", "2024-01-15", "Treason convictions keep rising",
     "Court statistics show that judges convicted 8, 11 and 19 people of treason in 2021, 2022 and 2023 "
     "respectively.",
     {(2021, 8), (2022, 11), (2023, 19)}),
    ("pipe-table", "2024-04-01", "Estonia's spy prosecutions by year",
     "The Internal Security Service published the number of espionage prosecutions for the past three years.\n"
     "\n| Year | Espionage prosecutions |\n|------|------|\n| 2021 | 3 |\n| 2022 | 6 |\n| 2023 | 11 |\n",
     {(2021, 3), (2022, 6), (2023, 11)}),
    ("dash-rows", "2023-12-20", "Czech counter-intelligence figures",
     "Russian spies expelled or charged in the Czech Republic, according to the BIS annual reports:\n"
     "2020 — 4\n2021 — 18\n2022 — 7\n",
     {(2020, 4), (2021, 18), (2022, 7)}),
    ("no-convictions", "2022-03-10", "Austria's quiet spy courts",
     "Justice ministry statistics show there were no espionage convictions in Austria in 2020 and three in 2021.",
     {(2020, 0), (2021, 3)}),
    ("compares-next-sentence", "2025-03-12", "Arrests for spying for Iran",
     "Security officials counted 23 arrests for spying on behalf of Iran in 2024. That compares with 11 in 2023.",
     {(2024, 23), (2023, 11)}),
    ("first-half-vs-year", "2025-08-01", "Half-year espionage arrests",
     "In the first half of 2025, 31 people were arrested on suspicion of espionage, the interior ministry said, "
     "compared with 22 in the whole of 2024.",
     {(2025, 31), (2024, 22)}),
    ("alone-and-cumulative", "2024-02-20", "SBU annual summary",
     "Since 2014 the SBU has exposed more than 500 Russian agents; in 2023 alone it detained 73 people suspected "
     "of working for Russian intelligence, 40 per cent more than in 2022.",
     {(2023, 73)}),
    ("including-last-year", "2025-01-30", "Five years of espionage investigations",
     "The agency has opened 120 espionage investigations over the past five years, including 30 last year, its "
     "director told parliament.",
     {(2024, 30)}),
    ("a-total-of", "2025-01-08", "Spy arrests in 2024",
     "A total of 17 people were arrested for espionage in 2024, the highest yearly figure on record, the "
     "national police said.",
     {(2024, 17)}),
    ("of-those", "2024-02-14", "Treason cases in court",
     "Prosecutors charged 25 people with treason in 2023, according to the annual report. Of those, 19 have "
     "already been convicted.",
     {(2023, 25), (2023, 19)}),
    ("german-vorjahr", "2024-06-20", "Mehr Spionageverfahren",
     "Die Bundesanwaltschaft leitete 2023 insgesamt 37 Ermittlungsverfahren wegen Spionage ein, nach 25 im "
     "Vorjahr, wie aus ihrem Jahresbericht hervorgeht.",
     {(2023, 37), (2022, 25)}),
    ("russian-year-phrases", "2024-07-01", "Рекорд по делам о шпионаже",
     "По данным судебной статистики, в 2022 году по статье о шпионаже осудили 4 человека, а в 2023 году — "
     "уже 21 человека.",
     {(2022, 4), (2023, 21)}),
    # what is not a statistic
    ("between-years-total", "2024-05-05", "Espionage convictions since 2019",
     "Between 2019 and 2023, 45 people were convicted of espionage in the country, the court service said.",
     set()),
    ("single-case-numbers", "2024-09-09", "Officer jailed for spying for China",
     "In 2021 the officer met his handler twice and was paid 5,000 euros; on Monday the court jailed him for "
     "six years, the longest espionage sentence handed down in 2024.",
     set()),
    ("ages-and-terms", "2023-11-02", "Two jailed for spying",
     "The two men, aged 34 and 41, were arrested in 2022 and sentenced in 2023 to 8 and 10 years for spying "
     "for Russia, the report said.",
     set()),
]

# Open weaknesses (strict: a fix shows up as XPASS and must be recorded here).
KNOWN_GAPS: dict[str, str] = {}


def _params() -> list[object]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(reason=KNOWN_GAPS[c[0]], strict=True)]
                         if c[0] in KNOWN_GAPS else []) for c in NEWS]


@pytest.mark.parametrize(("published", "title", "text", "expected"), _params())
def test_news_statistics(published: str, title: str, text: str, expected: set[tuple[int, int]]) -> None:
    article = Article(id="n", source="n.txt", item=0, kind="page", title=title, text=text, published=published)
    assert {(s.year, s.value) for s in stats_in(article)} == expected
