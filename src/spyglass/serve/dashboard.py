"""The overview's figures, gathered from the store's dashboard aggregates in one place.

The store counts (cases per year by sponsor, sponsor x target pairs, recent changes); this
module only shapes them for the page: matrix rows and columns, and stage changes once a case,
dated by the news. Reported statistics come as the store's series (``Store.stat_series``): each
series once, one point a year, with its sources.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice
from typing import Literal

from spyglass.records import Case
from spyglass.store.base import CaseChange, CaseQuery, PairCount, StatSeries, Store

from .charts import heat_level

__all__ = ["Overview", "Matrix", "StageChange", "overview_of", "matrix_of", "stage_changes_of", "first_cases"]

TOP_SPONSORS = 12
TOP_TARGETS = 12
LATEST = 8
PAIRS = 60
CHANGE_WINDOW = 4  # recent store events read per change shown: a case's several events count once


@dataclass(frozen=True)
class Matrix:
    """Who spies on whom: sponsors as rows, targets as columns, case counts in cells."""

    sponsors: list[str]
    targets: list[str]
    cells: dict[tuple[str, str], int]
    highest: int

    def count(self, sponsor: str, target: str) -> int:
        return self.cells.get((sponsor, target), 0)

    def level(self, sponsor: str, target: str) -> int:
        return heat_level(self.count(sponsor, target), self.highest)


@dataclass(frozen=True)
class StageChange:
    """A case that is new or reached a new stage, dated by the news that reported it (the
    article's published date), not by when Spyglass stored it."""

    case: Case
    change: Literal["new", "stage"]
    reported: str | None  # YYYY-MM-DD or a shorter prefix; None when no report is dated


@dataclass(frozen=True)
class Overview:
    counts: dict[str, int]
    per_year: list[tuple[int, str, int]]  # (year, sponsor, cases)
    matrix: Matrix
    latest: list[Case]
    changes: list[StageChange]
    stats: list[StatSeries]  # each reported series once, most sources first


def matrix_of(pairs: list[PairCount]) -> Matrix:
    """Rows and columns ordered by how many cases they hold, none of them empty.

    Cutting to the top sponsors and the top targets separately can leave a sponsor whose
    cases all target countries past the cut (an empty row), and the same for a column; those
    are dropped. Dropping empty columns cannot empty a kept row: a kept row has a case in some
    kept column, and that column is not empty.
    """
    cells = {(p.sponsor, p.target): p.count for p in pairs if p.count and p.sponsor and p.target}
    rows: dict[str, int] = defaultdict(int)
    columns: dict[str, int] = defaultdict(int)
    for (sponsor, target), n in cells.items():
        rows[sponsor] += n
        columns[target] += n
    sponsors = sorted(rows, key=lambda k: (-rows[k], k))[:TOP_SPONSORS]
    targets = sorted(columns, key=lambda k: (-columns[k], k))[:TOP_TARGETS]
    targets = [t for t in targets if any((s, t) in cells for s in sponsors)]
    sponsors = [s for s in sponsors if any((s, t) in cells for t in targets)]
    shown = {k: n for k, n in cells.items() if k[0] in sponsors and k[1] in targets}
    return Matrix(sponsors, targets, shown, max(shown.values(), default=0))


def _news_date(change: CaseChange) -> str | None:
    """When the news reported the change: a new case's first report; for a stage, the earliest
    article reporting the case's present stage (its published date, else its timeline date)."""
    case = change.case
    if change.change == "new" or not case.stage:
        return case.first_reported
    published = {source.article_id: source.published for source in case.sources}
    dates = [published.get(event.article_id) or event.date for event in case.timeline if event.stage == case.stage]
    return min((d for d in dates if d), default=None) or case.last_reported


def stage_changes_of(changes: list[CaseChange], n: int) -> list[StageChange]:
    """Each case once (its newest change in the store), newest news first, at most ``n``."""
    seen: set[str] = set()
    out = []
    for change in changes:  # the store gives them newest first
        if change.case.id in seen:
            continue
        seen.add(change.case.id)
        out.append(StageChange(change.case, change.change, _news_date(change)))
    out.sort(key=lambda c: (c.reported is not None, c.reported or ""), reverse=True)
    return out[:n]


def first_cases(store: Store, query: CaseQuery, n: int) -> list[Case]:
    """The first ``n`` matches without the facet counts ``Store.cases`` computes."""
    found = store.iter_cases(query)
    try:
        return list(islice(found, n))
    finally:
        close = getattr(found, "close", None)
        if close is not None:
            close()


def overview_of(store: Store) -> Overview:
    per_year = sorted((row.year, row.value, row.count) for row in store.case_counts_by("sponsor", by_year=True)
                      if row.year is not None)
    return Overview(
        counts=store.counts(),
        per_year=per_year,
        matrix=matrix_of(store.country_pairs(limit=PAIRS)),
        latest=first_cases(store, CaseQuery(), LATEST),
        changes=stage_changes_of(store.recent_changes(limit=LATEST * CHANGE_WINDOW), LATEST),
        stats=store.stat_series(),
    )
