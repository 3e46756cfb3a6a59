"""Cases -> CSV for spreadsheets: one row per case, UTF-8 with a header, formula-safe cells.

Scraped text is hostile: a cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or
carriage return) would run as a formula when a spreadsheet opens the file, so such text
cells get a leading apostrophe (OWASP's CSV-injection advice). Numbers are written as numbers.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from typing import TextIO

from spyglass.records import Case, SentenceEnd

from .facts import country_name, payment_text, period_text, service_name, web_url

__all__ = ["CSV_COLUMNS", "csv_row", "write_csv", "safe_cell"]

CSV_COLUMNS: tuple[str, ...] = (
    "case_id",
    "title",
    "stage",
    "sponsor_country",
    "sponsor_country_name",
    "sponsor_service",
    "sponsor_service_name",
    "target_country",
    "target_country_name",
    "accused_count",
    "accused_names",
    "accused_nationality",
    "roles",
    "sentence_min_months",
    "sentence_max_months",
    "payments",
    "payment_amounts",
    "payment_currencies",
    "period",
    "period_start",
    "period_end",
    "first_reported",
    "last_reported",
    "timeline",
    "source_count",
    "sources",
    "confirmed_fields",  # fields an analyst confirmed or corrected (the review queue)
)

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Cell = str | int | float


def safe_cell(value: Cell | None) -> Cell:
    """The value as written to the file: text that a spreadsheet would evaluate is defused."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _joined(values: Iterable[str]) -> str:
    return "; ".join(values)


def _months(end: SentenceEnd) -> Cell | None:
    return end  # an int, "life", or None (empty cell)


def _amount(value: float) -> Cell:
    return int(value) if value == int(value) else value


def _sources(case: Case) -> str:
    return _joined(web_url(s.url) or f"article:{s.article_id}" for s in case.sources)


def _timeline(case: Case) -> str:
    return _joined(f"{event.date or 'undated'} {event.stage}" for event in case.timeline)


def csv_row(case: Case, confirmed: Sequence[str] = ()) -> dict[str, Cell | None]:
    """The spreadsheet columns of one case, before formula-guarding."""
    low, high = case.sentence_months or (None, None)
    start, end = case.period or (None, None)
    return {
        "case_id": case.id,
        "title": case.title,
        "stage": case.stage,
        "sponsor_country": case.sponsor_country,
        "sponsor_country_name": country_name(case.sponsor_country),
        "sponsor_service": case.sponsor_service,
        "sponsor_service_name": service_name(case.sponsor_service) or None,
        "target_country": case.target_country,
        "target_country_name": country_name(case.target_country),
        "accused_count": case.accused_count,
        "accused_names": _joined(case.accused_names),
        "accused_nationality": _joined(case.accused_nationality),
        "roles": _joined(case.roles),
        "sentence_min_months": _months(low),
        "sentence_max_months": _months(high),
        "payments": _joined(payment_text(p) for p in case.payments),
        "payment_amounts": _joined(str(_amount(p.amount)) for p in case.payments),
        "payment_currencies": _joined(p.currency for p in case.payments),
        "period": period_text(case),
        "period_start": start,
        "period_end": end,
        "first_reported": case.first_reported,
        "last_reported": case.last_reported,
        "timeline": _timeline(case),
        "source_count": len(case.sources),
        "sources": _sources(case),
        "confirmed_fields": _joined(confirmed),
    }


def write_csv(cases: Iterable[Case], out: TextIO, confirmed: Mapping[str, Sequence[str]] | None = None) -> int:
    """Write a header and one row per case; returns the number of cases written. ``confirmed``
    maps a case id to the fields an analyst confirmed or corrected.

    ``out`` should be opened with ``newline=""`` (the csv module writes ``\\r\\n`` itself).
    """
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    count = 0
    for case in cases:
        row = csv_row(case, (confirmed or {}).get(case.id, ()))
        writer.writerow({key: safe_cell(value) for key, value in row.items()})
        count += 1
    return count
