"""Vega-Lite specifications for the overview charts, built as plain data so tests can read them.

Pages put a spec in a ``data-spec`` attribute (autoescaped JSON); ``static/app.js`` hands it
to vega-embed with Vega's expression interpreter, so no ``eval`` is needed under the CSP.

Every chart follows the same rules, because an analyst reads them side by side: years on a
time axis (every year in order, a gap in the data a gap on the axis, a label "2023", never
"2,023" or "2023.5"), counts on integer ticks, one colour per series and never one colour for
two (the largest series keep their own, the rest are one "Other"), country names rather than
codes, and a width that follows the page, with turned or fewer year labels and a legend in
two columns when it is narrow.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from spyglass.names import country_display_name
from spyglass.store.base import StatSeries

__all__ = ["PALETTE", "OTHER", "UNKNOWN", "cases_per_year_spec", "stat_spec", "colour_domain", "heat_level"]

_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"  # an identifier, never fetched

# Tableau 10: ten hues readers tell apart; the last, a grey, is kept for "Other".
PALETTE = ("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
           "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
OTHER = "Other"
UNKNOWN = "Unknown"
NARROW = 420  # chart widths (px) below which the legend takes two columns
YEAR_WIDTH = 40  # px a year's band needs for its label to stand level
MAX_SPAN = 100  # years; a wider span (a misread "1025") shows only the years with data


def _base(description: str, values: list[dict[str, Any]]) -> dict[str, Any]:
    # The page shows the title as a heading or caption; the spec keeps it as a description.
    return {
        "$schema": _SCHEMA,
        "description": description,
        "width": "container",
        "height": 220,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"values": values},
        "config": {"font": "system-ui, sans-serif", "view": {"stroke": None}},
    }


def _year_axis(years: Iterable[int]) -> dict[str, Any]:
    """Every year from the first to the last, each a band labelled "2023" (text, so never
    "2,023" or "2023.5"); a year without data is an empty band, not a missing one. Labels turn
    when a band is narrower than a level label, and labels that would still touch are dropped."""
    found = sorted(set(years))
    every = bool(found) and found[-1] - found[0] < MAX_SPAN
    domain = [str(y) for y in (range(found[0], found[-1] + 1) if every else found)]
    return {
        "field": "year", "type": "ordinal", "title": "year", "scale": {"domain": domain},
        "axis": {"labelOverlap": "greedy", "labelSeparation": 4,
                 "labelAngle": {"expr": f"width / {max(1, len(domain))} < {YEAR_WIDTH} ? -45 : 0"}},
    }


def _count_axis(field: str, title: str, aggregate: str | None = None) -> dict[str, Any]:
    """Counts on whole-number ticks ("3", never "2.5"), with thousands separators."""
    encoding: dict[str, Any] = {"field": field, "type": "quantitative", "title": title,
                                "axis": {"format": ",d", "tickMinStep": 1}}
    if aggregate:
        encoding["aggregate"] = aggregate
    return encoding


def _sponsor_name(code: str | None) -> str:
    return country_display_name(code) if code else UNKNOWN


def colour_domain(totals: dict[str, int]) -> list[str]:
    """The series that keep a colour of their own, largest first, then "Other" when the rest
    would need more colours than the palette has."""
    ranked = sorted(totals, key=lambda name: (-totals[name], name))
    if len(ranked) <= len(PALETTE):
        return ranked
    return [*ranked[:len(PALETTE) - 1], OTHER]


def cases_per_year_spec(rows: Iterable[tuple[int, str | None, int]]) -> dict[str, Any]:
    """Bars of cases per year, stacked by sponsor country; rows are (year, sponsor code, count)."""
    named = [(year, _sponsor_name(sponsor), count) for year, sponsor, count in rows]
    totals: dict[str, int] = defaultdict(int)
    for _, name, count in named:
        totals[name] += count
    domain = colour_domain(totals)
    kept = set(domain)
    merged: dict[tuple[int, str], int] = defaultdict(int)
    for year, name, count in named:
        merged[(year, name if name in kept else OTHER)] += count
    values = [{"year": str(year), "sponsor": name, "cases": count} for (year, name), count in sorted(merged.items())]
    spec = _base("Cases per year by sponsor country", values)
    spec["mark"] = {"type": "bar", "tooltip": False}
    spec["encoding"] = {
        "x": _year_axis(year for year, _ in merged),
        "y": _count_axis("cases", "cases", aggregate="sum"),
        "color": {
            "field": "sponsor", "type": "nominal", "title": "sponsor",
            # One colour each, in the domain's order: "Other", when there, is tenth and grey.
            "scale": {"domain": domain, "range": list(PALETTE[:len(domain)])}, "sort": domain,
            "legend": {"orient": "bottom", "direction": "horizontal", "labelLimit": 140,
                       "columns": {"expr": f"width < {NARROW} ? 2 : 5"}},
        },
    }
    return spec


def stat_spec(series: StatSeries) -> dict[str, Any]:
    """Bars of one reported series by year (each year's point: the value most sources give)."""
    values = [{"year": str(p.year), "value": p.value, "sources": len(p.sources)} for p in series.points]
    spec = _base(series.subject, values)
    spec["height"] = 160
    spec["mark"] = {"type": "bar", "tooltip": False}
    whole = all(float(p.value).is_integer() for p in series.points)
    value_axis = _count_axis("value", "reported")
    if not whole:  # a share or an amount with decimals: Vega's own ticks and format
        value_axis["axis"] = {}
    spec["encoding"] = {"x": _year_axis(p.year for p in series.points), "y": value_axis}
    return spec


def heat_level(count: int, highest: int) -> int:
    """A 0-5 shade for a matrix cell; CSS classes colour it (no inline styles under the CSP)."""
    if count <= 0 or highest <= 0:
        return 0
    return max(1, min(5, round(5 * count / highest)))
