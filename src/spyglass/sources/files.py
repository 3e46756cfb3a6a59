"""Read local inputs: files, folders (recursive, sorted) and standard input.

A file is opened once; its first bytes decide what it is (``sniff``), never its name. WARC
archives are streamed record by record, other documents are read whole up to the size cap.
"""

from __future__ import annotations

import fnmatch
import io
import os
from collections.abc import Callable, Iterator
from typing import BinaryIO

from spyglass.records import RawItem, Rejected

from .gzipped import GunzipStream, TooLarge, Truncated
from .sniff import is_warc, sniff
from .warc import warc_items

__all__ = ["path_items", "listed", "file_items", "unreachable", "stream_items", "document_items"]

_HEAD = 8192


def excluded(file: str, folder: str, globs: tuple[str, ...]) -> bool:
    """Whether a file found below ``folder`` matches one of the ``--exclude`` globs, by its name
    ("*.md") or by its path inside the folder ("drafts/*")."""
    if not globs:
        return False
    inside = os.path.relpath(file, folder).replace(os.sep, "/")
    name = os.path.basename(file)
    return any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(inside, g) for g in globs)


def globs_of(setting: str) -> tuple[str, ...]:
    """The globs of a comma-separated ``exclude`` setting."""
    return tuple(g.strip() for g in setting.split(",") if g.strip())


def files_left_out(paths: list[str], globs: tuple[str, ...]) -> int:
    """How many files below the folders among ``paths`` the globs leave out (for the report)."""
    return sum(excluded(f, p, globs) for p in paths if globs and os.path.isdir(p) for f in _files_below(p, lambda _e: None))


def path_items(path: str, max_bytes: int, exclude: tuple[str, ...] = ()) -> Iterator[RawItem | Rejected]:
    """Items of a file, or of every file below a folder (sorted, hidden entries and files
    matching ``exclude`` skipped)."""
    for found in listed(path, exclude):
        if isinstance(found, Rejected):
            yield found
        else:
            yield from file_items(found, max_bytes)


def listed(path: str, exclude: tuple[str, ...] = ()) -> Iterator[str | Rejected]:
    """The files an input path stands for, in reading order: itself, or every file below a folder
    (sorted, hidden entries and files matching ``exclude`` skipped) after what cannot be listed."""
    if not os.path.isdir(path):
        yield path
        return
    unreadable: list[OSError] = []
    files = [f for f in _files_below(path, unreadable.append) if not excluded(f, path, exclude)]
    for err in unreadable:
        yield Rejected(source=err.filename or path, code="unreadable",
                       reason=f"cannot list the folder ({err.strerror or err}); check its permissions")
    if not files and not unreadable:
        yield Rejected(source=path, code="empty", reason="folder holds no files")
    yield from files


def _files_below(folder: str, onerror: Callable[[OSError], None]) -> Iterator[str]:
    for root, dirs, names in os.walk(folder, onerror=onerror):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if not name.startswith("."):
                yield os.path.join(root, name)


def unreachable(path: str) -> Rejected | None:
    """Why a file cannot even be looked at (absent, a folder on the way closed), else None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return Rejected(source=path, code="not-found", reason="no such file or folder")
    except OSError as err:  # a folder on the way that may not be entered, a name too long...
        return Rejected(source=path, code="unreadable", reason=f"cannot reach the file ({err.strerror or err})")
    return None


def file_items(path: str, max_bytes: int) -> Iterator[RawItem | Rejected]:
    """Items of one file: its WARC records, or the one document it holds."""
    problem = unreachable(path)
    if problem is not None:
        yield problem
        return
    try:
        with open(path, "rb") as stream:
            yield from stream_items(stream, path, max_bytes, size=os.fstat(stream.fileno()).st_size)
    except OSError as err:
        yield Rejected(source=path, code="unreadable", reason=f"cannot read the file ({err.strerror or err})")


def stream_items(
    stream: BinaryIO, source: str, max_bytes: int, size: int | None = None
) -> Iterator[RawItem | Rejected]:
    """Items of one byte stream (a file or stdin): WARC records, or one document."""
    head = stream.read(_HEAD)
    kind = sniff(head)
    rest: BinaryIO = io.BufferedReader(_Prefixed(head, stream))
    if kind == "warc":
        yield from warc_items(rest, source, max_bytes)
        return
    if kind == "gzip":
        yield from _gzip_items(rest, source, max_bytes)
        return
    if size is not None and size > max_bytes:
        yield _too_large(source, max_bytes, size)
        return
    data = rest.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield _too_large(source, max_bytes, None)
        return
    yield from document_items(data, source, max_bytes)


def _gzip_items(stream: BinaryIO, source: str, max_bytes: int) -> Iterator[RawItem | Rejected]:
    unzipped = io.BufferedReader(GunzipStream(stream, limit=None))
    try:
        head = unzipped.read(_HEAD)
    except Truncated as err:
        yield Rejected(source=source, code="truncated", reason=f"gzip file is cut short: {err}")
        return
    if is_warc(head):
        yield from warc_items(io.BufferedReader(_Prefixed(head, unzipped)), source, max_bytes)
        return
    try:
        data = head + unzipped.read(max(max_bytes + 1 - len(head), 0))
    except Truncated as err:
        yield Rejected(source=source, code="truncated", reason=f"gzip file is cut short: {err}")
        return
    except TooLarge as err:
        yield Rejected(source=source, code="too-large", reason=str(err))
        return
    if len(data) > max_bytes:
        yield _too_large(source, max_bytes, None)
        return
    yield from document_items(data, source, max_bytes)


def document_items(
    data: bytes,
    source: str,
    max_bytes: int,
    url: str | None = None,
    content_type: str | None = None,
    charset: str | None = None,
    fetched_at: str | None = None,
) -> Iterator[RawItem | Rejected]:
    """One whole document in memory: rejected when empty or binary, else one ``RawItem``."""
    kind = sniff(data[:_HEAD])
    if kind == "empty":
        yield Rejected(source=source, code="empty", reason="the document is empty or only whitespace")
    elif kind == "binary":
        yield Rejected(source=source, code="binary", reason="the document is binary data, not text or HTML")
    elif kind in ("warc", "gzip"):
        # A fetched or piped archive: read it as a container, records capped one by one.
        for found in stream_items(io.BytesIO(data), source, max_bytes):
            yield found.model_copy(update={"url": found.url or url}) if isinstance(found, RawItem) else found
    else:
        yield RawItem(source=source, content=data, url=url, content_type=content_type,
                      charset=charset, fetched_at=fetched_at)


def _too_large(source: str, max_bytes: int, size: int | None) -> Rejected:
    what = f"{size} bytes" if size is not None else "more"
    return Rejected(source=source, code="too-large",
                    reason=f"document is {what}, over the size cap of {max_bytes} bytes (--max-bytes)")


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read for sniffing, put back in front."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if self._head:
            count = min(len(buffer), len(self._head))
            buffer[:count] = self._head[:count]
            self._head = self._head[count:]
            return count
        data = self._rest.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

