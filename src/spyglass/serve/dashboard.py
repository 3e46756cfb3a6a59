"""The overview's figures, gathered from the store's dashboard aggregates in one place.

The store counts (cases per year by sponsor, sponsor x target pairs, recent changes); this
module only shapes them for the page: matrix rows and columns. Reported statistics come as the
store's series (``Store.stat_series``): each series once, one point a year, with its sources.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

from spyglass.records import Case
from spyglass.store.base import CaseChange, CaseQuery, PairCount, StatSeries, Store

from .charts import heat_level

__all__ = ["Overview", "Matrix", "overview_of", "matrix_of", "first_cases"]

TOP_SPONSORS = 12
TOP_TARGETS = 12
LATEST = 8
PAIRS = 60


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
class Overview:
    counts: dict[str, int]
    per_year: list[tuple[int, str, int]]  # (year, sponsor, cases)
    matrix: Matrix
    latest: list[Case]
    changes: list[CaseChange]
    stats: list[StatSeries]  # each reported series once, most sources first


def matrix_of(pairs: list[PairCount]) -> Matrix:
    """Rows and columns ordered by how many cases they hold."""
    cells = {(p.sponsor, p.target): p.count for p in pairs if p.count}
    rows: dict[str, int] = defaultdict(int)
    columns: dict[str, int] = defaultdict(int)
    for (sponsor, target), n in cells.items():
        rows[sponsor] += n
        columns[target] += n
    return Matrix(sorted(rows, key=lambda k: (-rows[k], k))[:TOP_SPONSORS],
                  sorted(columns, key=lambda k: (-columns[k], k))[:TOP_TARGETS],
                  cells, max(cells.values(), default=0))


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
        changes=store.recent_changes(limit=LATEST),
        stats=store.stat_series(),
    )
