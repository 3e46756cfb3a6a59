"""Sources stage: where documents come from, as ``RawItem`` records (or ``Rejected`` ones).

Inputs are paths (files or folders, read recursively in sorted order), ``-`` for standard
input, and http(s) URLs. What a document is (text, HTML, feed, WARC, gzip) is decided from
its bytes, never from its name; WARC archives yield one item per HTML response record.
Fetching URLs happens here and only here (``sources.fetch``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from spyglass.errors import internal_reason
from spyglass.records import RawItem, Rejected
from spyglass.settings import Settings

from .fetch import Fetcher
from .files import document_items, globs_of, path_items, stream_items

__all__ = ["read_inputs", "Fetcher"]


def read_inputs(
    inputs: Iterable[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[RawItem | Rejected]:
    """Every raw document behind the inputs, in the order given; bad ones become ``Rejected``."""
    fetcher: Fetcher | None = None
    try:
        for given in inputs:
            if given == "-":
                yield from _guarded(given, stream_items(stdin or sys.stdin.buffer, "-", settings.max_bytes), settings.cache_dir)
            elif _is_url(given):
                fetcher = fetcher or Fetcher(settings)
                yield from _guarded(given, _url_items(fetcher, given, settings.max_bytes), settings.cache_dir)
            else:
                yield from _guarded(given, path_items(given, settings.max_bytes, globs_of(settings.exclude)),
                                    settings.cache_dir)
    finally:
        if fetcher is not None:
            fetcher.close()


def _is_url(given: str) -> bool:
    head = given[:8].lower()
    return head.startswith("http://") or head.startswith("https://")


def _url_items(fetcher: Fetcher, url: str, max_bytes: int) -> Iterator[RawItem | Rejected]:
    fetched = fetcher.fetch(url)
    if isinstance(fetched, Rejected):
        yield fetched
        return
    yield from document_items(fetched.content, url, max_bytes, url=fetched.url,
                              content_type=fetched.content_type, charset=fetched.charset,
                              fetched_at=fetched.fetched_at)


def _guarded(given: str, items: Iterator[RawItem | Rejected], log_folder: str | None) -> Iterator[RawItem | Rejected]:
    """Pass items on; an unexpected error ends this input with one ``internal`` rejection (traceback logged)."""
    try:
        yield from items
    except Exception as err:  # the run must go on with the other inputs
        yield Rejected(source=given, code="internal", reason=internal_reason(err, "reading", given, log_folder))
