"""Atom feeds over a store: recent case changes, for a query or for a saved watchlist.

The store records when each case appeared and when it reached a new stage
(``Store.recent_changes``); a feed shows each case's latest change, newest first.
"""

from __future__ import annotations

from spyglass.store.base import CaseChange, CaseQuery, Store

from .atom import FeedEntry, atom_feed, latest_entries

__all__ = ["FEED_LIMIT", "query_feed", "watch_feed", "entries_of"]

FEED_LIMIT = 100  # entries per feed; feed readers keep what they have already seen


def entries_of(changes: list[CaseChange]) -> list[FeedEntry]:
    return [FeedEntry(case=change.case, change=change.change, at=change.at) for change in changes]


def query_feed(store: Store, query: CaseQuery, *, base_url: str, self_url: str,
               title: str = "Spyglass: new and updated espionage cases", limit: int = FEED_LIMIT) -> bytes:
    """The Atom feed of the newest changes among cases matching ``query``."""
    # Several changes of one case collapse into one entry, so ask for more than ``limit``.
    changes = store.recent_changes(limit=limit * 4, query=query)
    entries = latest_entries(entries_of(changes), limit=limit)
    label = "query|" + query.model_dump_json(exclude={"limit", "offset", "sort"})
    return atom_feed(entries, title=title, label=label, base_url=base_url, self_url=self_url)


def watch_feed(store: Store, name: str, *, base_url: str, self_url: str, limit: int = FEED_LIMIT) -> bytes:
    """The Atom feed of a saved watchlist (``NotFoundError`` when there is no such watchlist).

    Reading the feed does not mark the watchlist checked; only ``spyglass watch check`` does.
    """
    watch = store.watch(name)
    changes = store.recent_changes(limit=limit * 4, query=watch.query)
    entries = latest_entries(entries_of(changes), limit=limit)
    return atom_feed(entries, title=f"Spyglass watchlist: {name}", label="watch|" + name,
                     base_url=base_url, self_url=self_url)
