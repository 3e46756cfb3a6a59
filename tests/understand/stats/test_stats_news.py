"""Held-out statistics: news paragraphs written for this test (invented wording, real kinds of
phrasing), each with the (year, value) pairs an annotator following SCHEMA.md would record:
per-year counts of espionage prosecutions, arrests or cases, breakdowns of a year included,
"nil"/"no" as 0, and no multi-year or cumulative totals. Written before any fix for them; a
failure is a general weakness of the reader, never a text to special-case.

Before the fixes 7 of the first 23 were right; the second batch (17, written after those fixes
and before its own) had 11 right, the third (10) 7; all 50 are right now."""

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

# A second batch, written after the fixes for the first and before any fix of its own.
NEWS_2: list[tuple[str, str, str, str, set[tuple[int, int]]]] = [
    ("fiscal-years", "2024-01-22", "Fewer espionage cases at Justice",
     "The Justice Department brought espionage-related charges in 9 cases in fiscal year 2023, compared to 14 in "
     "fiscal 2022, according to its annual statistical report.",
     {(2023, 9), (2022, 14)}),
    ("inline-colon-pairs", "2024-03-14", "Spy arrests rise sharply",
     "Arrests for spying rose sharply (2022: 12; 2023: 27), the interior ministry said in its security report.",
     {(2022, 12), (2023, 27)}),
    ("figure-stood-at", "2025-01-19", "Record espionage indictments",
     "Prosecutors indicted 64 people for Chinese espionage last year, the bureau said in its annual report. In "
     "2023 the figure stood at 48.",
     {(2024, 64), (2023, 48)}),
    ("semicolon-list", "2024-02-02", "Indictments by year",
     "Espionage indictments, according to the prosecutors' yearly statistics: 2021 – 16; 2022 – 10; 2023 – 48.",
     {(2021, 16), (2022, 10), (2023, 48)}),
    ("compound-number-words", "2025-01-12", "Arrests for spying",
     "Police statistics show twenty-three people were arrested for spying in 2024, up from fourteen in 2023.",
     {(2024, 23), (2023, 14)}),
    ("the-year-total-of", "2025-01-28", "Espionage charges almost double",
     "Nearly 60 people were charged with espionage in 2024, almost double the 2023 total of 31, the figures show.",
     {(2024, 60), (2023, 31)}),
    ("reached-highest-since", "2024-04-04", "Espionage cases at record",
     "The number of espionage cases handled by prosecutors reached 25 in 2023, the highest since records began "
     "in 2000.",
     {(2023, 25)}),
    ("of-the-cumulative", "2025-02-15", "Espionage cases since 2020",
     "Of the 110 espionage cases opened since 2020, 35 were opened in 2024 alone, the report said.",
     {(2024, 35)}),
    ("year-then-brackets", "2022-01-10", "Spy arrests by year",
     "Spy arrests recorded by the counter-intelligence service: 2019 (4), 2020 (9), 2021 (15).",
     {(2019, 4), (2020, 9), (2021, 15)}),
    ("year-on-year", "2025-01-03", "Counter-espionage arrests jump",
     "Counter-espionage arrests in the country jumped 50% year-on-year to 45 in 2024, the ministry said.",
     {(2024, 45)}),
    ("last-year-first", "2024-03-01", "Spy detentions up",
     "Last year, 19 people were detained on suspicion of espionage, compared with 7 in 2022 and 4 in 2021, "
     "police data show.",
     {(2023, 19), (2022, 7), (2021, 4)}),
    ("german-jahr-davor", "2024-05-02", "Mehr Verurteilungen wegen Spionage",
     "Im Jahr 2023 wurden laut Statistik 23 Personen wegen Spionage verurteilt, im Jahr davor waren es 15.",
     {(2023, 23), (2022, 15)}),
    ("french-contre", "2024-02-09", "Espionnage : plus de mises en examen",
     "En 2023, 12 personnes ont été mises en examen pour espionnage, contre 5 en 2022, selon les chiffres du "
     "parquet.",
     {(2023, 12), (2022, 5)}),
    ("spanish-causas", "2025-01-16", "Más causas por espionaje",
     "Según datos de la Fiscalía, en 2024 se abrieron 14 causas por espionaje, frente a 6 en 2023.",
     {(2024, 14), (2023, 6)}),
    # what is not a statistic
    ("two-years-combined", "2024-01-09", "Spy convictions",
     "Twelve people were convicted of spying in 2022 and 2023 combined, the court statistics show.",
     set()),
    ("staff-numbers", "2024-06-06", "Counter-intelligence agency grows",
     "The counter-intelligence agency employs 3,000 people and in 2023 opened a new office; its annual report says "
     "it thwarted several espionage plots.",
     set()),
    ("since-the-law", "2024-08-08", "Espionage law five years on",
     "Since the law came into force in 2019, prosecutors have brought 85 espionage cases, the report said.",
     set()),
]

# A third batch, written after the fixes for the second and before any fix of its own.
NEWS_3: list[tuple[str, str, str, str, set[tuple[int, int]]]] = [
    ("year-first-semicolons", "2025-01-20", "Espionage prosecutions by year",
     "In 2022, there were 10 such espionage prosecutions; in 2023, 48; and in 2024, 64, the bureau's report said.",
     {(2022, 10), (2023, 48), (2024, 64)}),
    ("percent-from-to", "2025-01-20", "Indictments up a third",
     "The number of people indicted for spying for China rose 33% from 48 in 2023 to 64 in 2024, the report said.",
     {(2023, 48), (2024, 64)}),
    ("about-thousands", "2024-05-01", "Counterintelligence caseload",
     "During 2023, the FBI opened about 1,200 counterintelligence investigations, according to its annual report.",
     {(2023, 1200)}),
    ("by-sponsor-breakdown", "2025-01-20", "Who they spied for",
     "Of the 64 people indicted last year for espionage, 43 were accused of spying for China and 21 for Russia, "
     "the figures show.",
     {(2024, 64), (2024, 43), (2024, 21)}),
    ("so-far-this-year", "2024-12-30", "Spy arrests double",
     "So far this year, police have arrested 14 people on suspicion of spying for Russia, twice as many as in all "
     "of 2023, the interior ministry said.",
     {(2024, 14)}),
    ("compared-two-years", "2024-03-01", "Russian spies uncovered",
     "Czech counter-intelligence uncovered 12 Russian spies in 2023, compared with 9 in 2022 and 15 in 2021, "
     "according to the BIS annual report.",
     {(2023, 12), (2022, 9), (2021, 15)}),
    ("the-year-before-it", "2024-03-01", "A busy court",
     "The court handled 64 espionage cases in 2023. The year before it handled 48.",
     {(2023, 64), (2022, 48)}),
    ("rise-on-the", "2024-03-01", "Espionage arrests up",
     "Espionage arrests hit 45 in 2023, a 50 per cent rise on the 30 recorded in 2022, police figures show.",
     {(2023, 45), (2022, 30)}),
    ("including-alone", "2024-03-01", "Convictions since 2020",
     "Since 2020, 120 people have been convicted of espionage, including 40 in 2023 alone, the ministry's "
     "statistics show.",
     {(2023, 40)}),
    # not a statistic
    ("case-with-numbers", "2024-03-01", "Spy jailed",
     "The spy, 45, was arrested in 2023 and sentenced last week to 6 years; prosecutors said 3 other people had "
     "been charged, according to the report.",
     set()),
]

# Open weaknesses (strict: a fix shows up as XPASS and must be recorded here).
KNOWN_GAPS: dict[str, str] = {}


def _params() -> list[object]:
    return [pytest.param(*c[1:], id=c[0], marks=[pytest.mark.xfail(reason=KNOWN_GAPS[c[0]], strict=True)]
                         if c[0] in KNOWN_GAPS else []) for c in [*NEWS, *NEWS_2, *NEWS_3]]


@pytest.mark.parametrize(("published", "title", "text", "expected"), _params())
def test_news_statistics(published: str, title: str, text: str, expected: set[tuple[int, int]]) -> None:
    article = Article(id="n", source="n.txt", item=0, kind="page", title=title, text=text, published=published)
    assert {(s.year, s.value) for s in stats_in(article)} == expected
