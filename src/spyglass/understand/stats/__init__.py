"""Find reported statistics: per-year counts of espionage prosecutions, arrests or cases, each
named as a series (reporting state, measure) so reports from many articles line up.

Two readers find the counts (``_prose``: sentences, ``_year_rows``: rows of a table in the text
that start with a year), sharing one vocabulary (``_vocabulary``) read from the cue table (``tables/relevance_stats.tsv``); ``_series`` names what each
count counts from ``tables/stats_measures.tsv``. A count that continues the figure before it
("The figure compares with 48 people in 2023, 10 in 2022") takes that figure's series; a
breakdown ("28 were serving soldiers") takes its total's series with its share added.
Cumulative counts ("since 2015"), ranges of years, money, percentages and durations are never
counts. Each stat carries the sentence or table row that states it.
"""

from __future__ import annotations

from spyglass.records import Article, Evidence, Stat

from ._prose import prose_claims
from ._series import Measure, country_name, measure_of, reporter_of
from ._vocabulary import Claim
from ._year_rows import table_claims

__all__ = ["stats_in"]

CONTINUES_WITHIN = 400  # characters between a figure and an elliptical count that continues it
HEAD = 400  # characters of the text that may name the reporting state (dateline, lede)


def stats_in(article: Article, lang: str | None = None) -> list[Stat]:
    """Every per-year espionage count the article reports, each with its series and evidence."""
    named: dict[int, tuple[str | None, Measure]] = {}
    found: dict[tuple[str | None, str, int, int], Stat] = {}
    previous: Claim | None = None
    for claim in [*table_claims(article), *prose_claims(article, lang or article.language or "en")]:
        continued = previous if previous is not None and _continues(claim, previous) else None
        country, measure = _series(article, claim, named, named.get(id(continued)) if continued else None)
        named[id(claim)] = (country, measure)
        previous = claim
        stat = _stat(article, claim, country, measure.text())
        found.setdefault((country, stat.measure or "", stat.year, stat.value), stat)
    return list(found.values())


def _continues(claim: Claim, previous: Claim) -> bool:
    same_reader = (claim.rule == "stats.table") == (previous.rule == "stats.table")
    return same_reader and 0 <= claim.start - previous.start and claim.start - previous.end <= CONTINUES_WITHIN


def _series(
    article: Article, claim: Claim, named: dict[int, tuple[str | None, Measure]],
    continued: tuple[str | None, Measure] | None,
) -> tuple[str | None, Measure]:
    """(reporting state, measure) of one claim; a breakdown shares its total's series."""
    if claim.total is not None and id(claim.total) in named:
        country, total = named[id(claim.total)]
        return country, total.with_group(claim.group)
    measure = measure_of(claim.noun, claim.clause, claim.at).filled(continued[1] if continued else None)
    country = reporter_of(claim.clause, measure.sponsor)
    if country is None and continued is not None:
        country = continued[0]
    for text in (claim.context, article.title or "", article.text[:HEAD]):
        if country is None:
            country = reporter_of(text, measure.sponsor)
    return country, measure


def _stat(article: Article, claim: Claim, country: str | None, measure: str) -> Stat:
    quote = claim.quote or (None, None)
    evidence = Evidence(article_id=article.id, sentence=claim.sentence, start=claim.start, end=claim.end,
                        rule=claim.rule, confidence=claim.confidence, quote_start=quote[0], quote_end=quote[1])
    subject = f"{country_name(country)}: {measure}" if country else measure
    return Stat(subject=subject, year=claim.year, value=claim.value, evidence=evidence, country=country,
                measure=measure)
