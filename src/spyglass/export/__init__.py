"""Export stage: cases -> CSV, JSON Lines (with its reader), STIX 2.1 and Atom.

Writers are pure functions over ``records.Case`` iterables that stream to a text file, so an
export holds one case in memory at a time. ``export_cases`` connects them to a store query.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TextIO

from spyglass.store.base import CaseQuery, Store

from .csv import CSV_COLUMNS, write_csv
from .jsonl import FORMAT, VERSION, LineError, case_line, read_jsonl, write_jsonl

__all__ = [
    "FORMATS", "ExportFormat", "export_cases", "CSV_COLUMNS", "write_csv",
    "FORMAT", "VERSION", "LineError", "case_line", "read_jsonl", "write_jsonl",
]

ExportFormat = Literal["csv", "jsonl", "stix", "atom"]
FORMATS: tuple[ExportFormat, ...] = ("csv", "jsonl", "stix", "atom")


def export_cases(store: Store, query: CaseQuery, fmt: ExportFormat, out: TextIO, *,
                 base_url: str = "http://127.0.0.1:8000", feed_limit: int = 100) -> int:
    """Write the cases matching ``query`` in ``fmt``; returns how many cases were written.

    CSV, JSON Lines and STIX stream every match, each case with the fields an analyst confirmed
    or corrected (``Store.confirmed_fields``: a few per reviewed case, read once up front);
    Atom holds the newest ``feed_limit`` changes.
    """
    confirmed: Mapping[str, Sequence[str]] = store.confirmed_fields() if fmt != "atom" else {}
    if fmt == "csv":
        return write_csv(store.iter_cases(query), out, confirmed)
    if fmt == "jsonl":
        return write_jsonl(store.iter_cases(query), out, confirmed)
    if fmt == "stix":
        from .stix import write_stix  # stix2 takes a second to import

        label = query.model_dump_json(exclude={"limit", "offset", "sort"})
        return write_stix(store.iter_cases(query), out, label=label, confirmed=confirmed)
    from .feeds import query_feed

    feed = query_feed(store, query, base_url=base_url, self_url=base_url.rstrip("/") + "/feed.atom",
                      limit=feed_limit)
    out.write(feed.decode("utf-8"))
    return feed.count(b"<entry>")
