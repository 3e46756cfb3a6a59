"""Read WARC archives (plain, or unzipped by ``files``) into one ``RawItem`` per HTML response record.

warcio parses the records; decompression goes through ``GunzipStream`` so that a truncated
``.warc.gz`` ends with a ``truncated`` rejection instead of silently losing its last records.
What warcio prints on stderr about damaged records is caught and becomes one ``warc-invalid``
line for the archive.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.recordloader import ArcWarcRecord

from spyglass.records import RawItem, Rejected

from .gzipped import TooLarge, Truncated
from .mediatype import declared_charset, media_type

__all__ = ["warc_items", "empty_archive", "HTML_TYPES"]

# Payload types worth extracting; anything else (images, scripts, CSS) is skipped silently,
# since a crawl archive is mostly made of them.
HTML_TYPES = ("text/html", "application/xhtml+xml")
_UNTERMINATED = re.compile(r"Record not followed by newline.*?\n\s*Offset: (\d+)", re.DOTALL)

# warcio logs a warning per record it repairs (spaces in a target URI); with no logging set up,
# Python would print each on stderr. Applications that configure logging still receive them.
logging.getLogger("warcio").addHandler(logging.NullHandler())


def warc_items(stream: BinaryIO, source: str, max_bytes: int, part: bool = False) -> Iterator[RawItem | Rejected]:
    """Every HTML response record of an uncompressed WARC stream, then a rejection if it was damaged.

    A ``.warc.gz`` comes here already unzipped by ``files`` through ``GunzipStream`` (no overall
    cap: a crawl archive is a container, its records are capped one by one), whose ``Truncated``
    surfaces while warcio reads. A ``part`` of an archive (a slice of a crawl) holding no HTML
    record is no rejection: whether the whole archive holds none is for its reader to say.
    """
    found = 0
    noise = _Noise()
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        while True:
            with noise.captured():  # warcio's own reading happens here, never while we yield
                record = next(records, None)
                item = _item_of(record, source, max_bytes) if record is not None else None
            if record is None:
                break
            if item is not None:
                found += 1
                yield item
    except Truncated as err:
        yield Rejected(source=source, code="truncated", reason=f"WARC archive is cut short: {err}")
        return
    except TooLarge as err:
        yield Rejected(source=source, code="too-large", reason=str(err))
        return
    except Exception as err:  # warcio raises bare exceptions for malformed headers
        yield Rejected(source=source, code="warc-invalid", reason=f"WARC archive unreadable: {_first_line(err)}")
        return
    if noise.text:
        yield Rejected(source=source, code="warc-invalid",
                       reason=f"WARC archive is damaged: {noise.summary()}; its other records were read")
    if not found and not part:
        yield empty_archive(source)


def empty_archive(source: str) -> Rejected:
    """The rejection of an archive in which no record is an HTML response."""
    return Rejected(source=source, code="warc-empty", reason="WARC archive holds no HTML response records")


class _Noise:
    """What warcio writes to stderr (multi-line warnings, one per bad record), kept for one line."""

    def __init__(self) -> None:
        self.text = ""

    @contextmanager
    def captured(self) -> Iterator[None]:
        buffer = io.StringIO()
        with redirect_stderr(buffer):
            yield
        self.text += buffer.getvalue()

    def summary(self) -> str:
        unterminated = _UNTERMINATED.findall(self.text)
        if unterminated:
            count = len(unterminated)
            return (f"{count} record{'s' if count > 1 else ''} not followed by a blank line (a wrong "
                    f"Content-Length?), the first at byte {unterminated[0]}")
        return f"warcio says: {_first_line(self.text)}"


def _first_line(text: object) -> str:
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "no detail")[:200]


def _item_of(record: ArcWarcRecord, source: str, max_bytes: int) -> RawItem | Rejected | None:
    if record.rec_type not in ("response", "resource"):
        return None
    content_type = _content_type(record)
    if media_type(content_type) not in HTML_TYPES:
        return None
    member = record.rec_headers.get_header("WARC-Record-ID") or None
    body = record.content_stream().read(max_bytes + 1)
    if len(body) > max_bytes:
        return Rejected(source=source, member=member, code="too-large",
                        reason=f"record is over the size cap of {max_bytes} bytes")
    return RawItem(
        source=source,
        content=body,
        url=record.rec_headers.get_header("WARC-Target-URI"),
        content_type=content_type,
        charset=declared_charset(content_type),
        member=member,
        fetched_at=record.rec_headers.get_header("WARC-Date"),
    )


def _content_type(record: ArcWarcRecord) -> str | None:
    if record.http_headers is not None:
        value = record.http_headers.get_header("Content-Type")
        if value:
            return str(value)
    return record.rec_headers.get_header("Content-Type")
