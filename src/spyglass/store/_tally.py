"""Counts kept as the store writes, so that no page counts a million rows to show a number.

- ``store_counts``: what ``Store.counts()`` reports (articles, duplicates, relevant, mentions,
  cases, rejected) and ``source_counts``: articles per source (``sources`` is how many have any).
- ``case_year_pairs``: how many cases are active in both of two years (a year with itself: in
  that year), the ``year`` facet of a list filtered by a year alone (migration 0010).
- ``case_tally``: how many cases have each combination of facet values (sponsor, target,
  service, stage), as ``kind`` says: every case once (``case``, year 0), per year a case was
  reported in or active in (``active``: the ``year`` filter and facet) and per year it was first
  reported (``first``: the dashboard's charts). A case list filtered on facet values and a year
  reads its total and its facets from a few thousand tally rows instead of from its cases.

Values are stored as ``'=' || value``, and a missing value as ``''``, so that none can be told
apart from any value (the tally's key cannot hold NULL). Writers pass each case as it was and as
it is now (``case_changes``) in the transaction that writes it; migration 0009 fills the tables
from what is stored, and any later migration that changes cases must fill them again the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spyglass.records import Case
from spyglass.store._codec import case_years, first_year

__all__ = [
    "COUNTED", "TALLY_FIELDS", "TallyRow", "case_changes", "pair_changes", "encoded", "decoded", "UPSERT_TALLY",
    "UPSERT_PAIRS", "ADD_COUNT", "ADD_SOURCE",
]

COUNTED = ("articles", "duplicates", "relevant", "mentions", "cases", "sources", "rejected")  # Store.counts() order
TALLY_FIELDS = ("sponsor", "target", "service", "stage")  # tally columns, as CaseQuery and the facets name them
TallyRow = tuple[str, int, str, str, str, str]  # kind, year, sponsor, target, service, stage (encoded)

UPSERT_TALLY = (
    "INSERT INTO case_tally (kind, year, sponsor, target, service, stage, n) VALUES (?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (kind, year, sponsor, target, service, stage) DO UPDATE SET n = case_tally.n + excluded.n"
)
UPSERT_PAIRS = (
    "INSERT INTO case_year_pairs (year, other_year, n) VALUES (?, ?, ?) "
    "ON CONFLICT (year, other_year) DO UPDATE SET n = case_year_pairs.n + excluded.n"
)
ADD_COUNT = (
    "INSERT INTO store_counts (name, n) VALUES (?, ?) "
    "ON CONFLICT (name) DO UPDATE SET n = store_counts.n + excluded.n"
)
ADD_SOURCE = (
    "INSERT INTO source_counts (source, n) VALUES (?, ?) "
    "ON CONFLICT (source) DO UPDATE SET n = source_counts.n + excluded.n"
)


def encoded(value: str | None) -> str:
    return "" if value is None else "=" + value


def decoded(value: str) -> str | None:
    return value[1:] if value else None


def _rows_of(case: Case) -> list[TallyRow]:
    combo = (encoded(case.sponsor_country), encoded(case.target_country), encoded(case.sponsor_service),
             encoded(case.stage))
    rows: list[TallyRow] = [("case", 0, *combo)]
    rows += [("active", year, *combo) for year in sorted(case_years(case))]
    first = first_year(case)
    if first is not None:
        rows.append(("first", first, *combo))
    return rows


def case_changes(before: Iterable[Case | None], after: Iterable[Case | None]) -> list[tuple[TallyRow, int]]:
    """Tally rows to add to (+n) or take from (-n) when cases ``before`` become ``after``.

    Sorted by row, so concurrent writers lock tally rows in one order (no deadlock).
    """
    change: Counter[TallyRow] = Counter()
    for case in before:
        if case is not None:
            change.subtract(_rows_of(case))
    for case in after:
        if case is not None:
            change.update(_rows_of(case))
    return sorted((row, n) for row, n in change.items() if n)


def pair_changes(before: Iterable[Case | None], after: Iterable[Case | None]) -> list[tuple[tuple[int, int], int]]:
    """``case_year_pairs`` rows to add to or take from, as ``case_changes``."""
    change: Counter[tuple[int, int]] = Counter()
    for sign, cases in ((-1, before), (1, after)):
        for case in cases:
            if case is not None:
                years = sorted(case_years(case))
                for year in years:
                    for other in years:
                        change[(year, other)] += sign
    return sorted((pair, n) for pair, n in change.items() if n)
