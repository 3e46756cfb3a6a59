"""Reported statistics as series: stored stats grouped by (country, measure), one point a year.

The same series and year reported by several articles is one point with several sources. Where
articles disagree the point takes the value most of them give (ties: the most recently published
report, then the larger value) and keeps the others as conflicts, each with its article.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from spyglass.records import Stat
from spyglass.store.base import StatPoint, StatReport, StatSeries

__all__ = ["StoredStat", "series_of"]


@dataclass(frozen=True)
class StoredStat:
    """A stat as read back with its article's id and publication date (rows in storage order)."""

    stat: Stat
    article_id: str
    published: str | None


def series_of(rows: Iterable[StoredStat]) -> list[StatSeries]:
    """Each series once, the ones with most sources first (ties by subject)."""
    by_series: dict[tuple[str, str], list[StoredStat]] = defaultdict(list)
    for row in rows:
        by_series[row.stat.series].append(row)
    out = [_series(items) for items in by_series.values()]
    return sorted(out, key=lambda s: (-len(s.sources), s.subject))


def _series(items: list[StoredStat]) -> StatSeries:
    first = items[0].stat
    by_year: dict[int, list[StoredStat]] = defaultdict(list)
    for row in items:
        by_year[row.stat.year].append(row)
    points = [_point(year, rows) for year, rows in sorted(by_year.items())]
    return StatSeries(
        country=first.country, measure=first.measure or first.subject, subject=first.subject, points=points,
        sources=list(dict.fromkeys(row.article_id for row in items)),
    )


def _point(year: int, rows: list[StoredStat]) -> StatPoint:
    reports: dict[int, dict[str, StoredStat]] = defaultdict(dict)  # value -> article -> first report
    for row in rows:
        reports[row.stat.value].setdefault(row.article_id, row)
    value = max(reports, key=lambda v: (len(reports[v]), max(r.published or "" for r in reports[v].values()), v))
    agreeing = list(reports[value].values())
    return StatPoint(
        year=year, value=value, sources=[r.article_id for r in agreeing],
        evidence=[r.stat.evidence for r in agreeing if r.stat.evidence is not None],
        conflicts=[StatReport(article_id=r.article_id, value=v, evidence=r.stat.evidence)
                   for v, by_article in reports.items() if v != value for r in by_article.values()],
    )
