"""Vega-Lite specifications for the overview charts, built as plain data so tests can read them.

Pages put a spec in a ``data-spec`` attribute (autoescaped JSON); ``static/app.js`` hands it
to vega-embed with Vega's expression interpreter, so no ``eval`` is needed under the CSP.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spyglass.records import Stat

__all__ = ["cases_per_year_spec", "stat_spec", "heat_level"]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier, never fetched


def _base(description: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    # The page shows the title as a heading or caption; the spec keeps it as a description.
    return {
        "$schema": _SCHEMA,
        "description": description,
        "width": "container",
        "height": 220,
        "data": {"values": values},
        "config": {"font": "system-ui, sans-serif", "view": {"stroke": None}},
    }


def cases_per_year_spec(rows: Iterable[tuple[int, str, int]]) -> dict[str, Any]:
    """Bars of cases per year, stacked by sponsor country; rows are (year, sponsor, count)."""
    values = [{"year": str(year), "sponsor": sponsor or "unknown", "cases": count}
              for year, sponsor, count in rows]
    spec = _base("Cases per year by sponsor country", values)
    spec["mark"] = {"type": "bar", "tooltip": False}
    spec["encoding"] = {
        "x": {"field": "year", "type": "ordinal", "title": "year", "axis": {"labelAngle": 0}},
        "y": {"field": "cases", "type": "quantitative", "aggregate": "sum", "title": "cases"},
        "color": {"field": "sponsor", "type": "nominal", "title": "sponsor"},
    }
    return spec


def stat_spec(subject: str, stats: Iterable[Stat]) -> dict[str, Any]:
    """Bars of one reported statistic by year (one value per year: the largest reported)."""
    by_year: dict[int, int] = {}
    for stat in stats:
        by_year[stat.year] = max(stat.value, by_year.get(stat.year, stat.value))
    values = [{"year": str(year), "value": value} for year, value in sorted(by_year.items())]
    spec = _base(subject, values)
    spec["height"] = 160
    spec["mark"] = {"type": "bar", "tooltip": False}
    spec["encoding"] = {
        "x": {"field": "year", "type": "ordinal", "title": "year", "axis": {"labelAngle": 0}},
        "y": {"field": "value", "type": "quantitative", "title": "reported"},
    }
    return spec


def heat_level(count: int, highest: int) -> int:
    """A 0-5 shade for a matrix cell; CSS classes colour it (no inline styles under the CSP)."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(5, round(5 * count / highest)))
