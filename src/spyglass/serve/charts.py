"""Vega-Lite specifications for the overview charts, built as plain data so tests can read them.

Pages put a spec in a ``data-spec`` attribute (autoescaped JSON); ``static/app.js`` hands it
to vega-embed with Vega's expression interpreter, so no ``eval`` is needed under the CSP.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spyglass.store.base import StatSeries

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


def stat_spec(series: StatSeries) -> dict[str, Any]:
    """Bars of one reported series by year (each year's point: the value most sources give)."""
    values = [{"year": str(p.year), "value": p.value, "sources": len(p.sources)} for p in series.points]
    spec = _base(series.subject, values)
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
