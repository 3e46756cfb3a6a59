"""New and updated cases -> an Atom feed (feedgen builds and escapes the XML).

One entry per case: its latest change ("new case" or "new stage") with the time the database
recorded it, a link to the case page of the dashboard and a plain-text summary of its facts.
Entry ids are ``urn:uuid:`` UUIDv5 of the case id, so a feed reader shows an updated case as
the same item, not a new one.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from spyglass.records import Case

from .facts import EPOCH, NAMESPACE, case_title, fact_lines, moment

__all__ = ["FeedEntry", "latest_entries", "atom_feed", "entry_id", "feed_id"]

# Characters XML 1.0 forbids even escaped; scraped text can hold them and lxml would refuse.
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

_CHANGE_TEXT = {"new": "New case", "stage": "New stage"}


@dataclass(frozen=True)
class FeedEntry:
    """A case and its latest change: ``new`` or ``stage``, at an ISO time."""

    case: Case
    change: str
    at: str


def latest_entries(entries: Iterable[FeedEntry], limit: int = 100) -> list[FeedEntry]:
    """One entry per case (its latest change), newest first, at most ``limit``."""
    latest: dict[str, FeedEntry] = {}
    for entry in entries:
        seen = latest.get(entry.case.id)
        if seen is None or _when(entry) >= _when(seen):
            latest[entry.case.id] = entry
    ordered = sorted(latest.values(), key=lambda e: (_when(e), e.case.id), reverse=True)
    return ordered[:limit]


def _when(entry: FeedEntry) -> datetime:
    return moment(entry.at) or EPOCH


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def entry_id(case_id: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, 'case|' + case_id)}"


def feed_id(label: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, 'feed|' + label)}"


def case_url(base_url: str, case_id: str) -> str:
    from urllib.parse import quote

    return f"{base_url.rstrip('/')}/cases/{quote(case_id, safe='')}"


def _summary(entry: FeedEntry) -> str:
    case = entry.case
    change = _CHANGE_TEXT.get(entry.change, "Updated case")
    if entry.change == "stage" and case.stage:
        change += f": {case.stage}"
    return _clean("\n".join([f"{change}.", *fact_lines(case)]))


def atom_feed(entries: Iterable[FeedEntry], *, title: str, label: str, base_url: str, self_url: str) -> bytes:
    """The Atom document (UTF-8 bytes) for entries already chosen and ordered by ``latest_entries``."""
    from feedgen.feed import FeedGenerator

    chosen = list(entries)
    feed = FeedGenerator()
    feed.id(feed_id(label))
    feed.title(_clean(title))
    feed.author({"name": "Spyglass"})
    feed.link(href=self_url, rel="self")
    feed.link(href=base_url, rel="alternate")
    feed.generator("Spyglass")
    # The feed changes when an entry does; the clock is never read, so equal data gives equal bytes.
    feed.updated(max((_when(e) for e in chosen), default=EPOCH))
    for entry in chosen:
        item = feed.add_entry(order="append")
        item.id(entry_id(entry.case.id))
        item.title(_clean(case_title(entry.case)).strip() or f"Case {entry.case.id}")
        item.link(href=case_url(base_url, entry.case.id), rel="alternate")
        item.updated(_when(entry))
        item.summary(_summary(entry))
        for term in (entry.case.stage, entry.case.sponsor_country, entry.case.target_country):
            if term:
                item.category(term=term)
    result: bytes = feed.atom_str(pretty=True)
    return result
