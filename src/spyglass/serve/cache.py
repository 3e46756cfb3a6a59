"""Reuse expensive read results (dashboard aggregates, facet counts) until the cases change.

A result is kept with the database *version* it was computed at: the newest audit entry. The
store audits every case it creates, updates or removes and every correction, merge and split,
so a cached case list or facet count is never staler than the database, whether the change
came through this server or through the CLI. Figures that also depend on articles without
cases (the overview's counts) are cached with a short time-to-live on top.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from spyglass.store.base import Store

__all__ = ["ResultCache", "cached"]

T = TypeVar("T")
Version = tuple[Any, ...]


def version_of(store: Store) -> Version:
    """Cheap fingerprint of the cases' state: the newest audit entry (one indexed query)."""
    last = store.audit(limit=1)
    return (last[-1].at, last[-1].case_id, last[-1].action, last[-1].detail) if last else ()


class ResultCache:
    """A small LRU of results, each valid for one database version."""

    def __init__(self, size: int = 256) -> None:
        self._items: OrderedDict[Hashable, tuple[Version, float, Any]] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable, version: Version, compute: Callable[[], T], ttl: float | None = None) -> T:
        now = time.monotonic()
        with self._lock:
            found = self._items.get(key)
            if found is not None and found[0] == version and found[1] > now:
                self._items.move_to_end(key)
                return found[2]
        value = compute()
        with self._lock:
            self._items[key] = (version, now + ttl if ttl is not None else float("inf"), value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


def cached(request: Request, store: Store, key: Hashable, compute: Callable[[], T], ttl: float | None = None) -> T:
    """``compute()``, or its earlier result if no case changed since (and ``ttl`` seconds have not passed)."""
    version = getattr(request.state, "db_version", None)
    if version is None:
        version = request.state.db_version = version_of(store)
    cache: ResultCache = request.app.state.results
    return cache.get(key, version, compute, ttl)
