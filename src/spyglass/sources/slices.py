"""Cut a crawl into slices of work: runs of small files read whole, and big WARC files cut at record boundaries.

A slice is what one worker reads in one go. Reading a slice yields exactly the items that
reading its files from start to end yields for those records (``path_items``), so where a slice
is read never changes what is stored. A WARC file is cut only where an index pass has checked
every record's framing (each gzip member one complete record, or each plain record followed by
its blank line); a file with anything irregular stays one slice and is read as a whole, so its
damage is reported exactly as a single-process run reports it.
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from spyglass.records import RawItem, Rejected

from .files import file_items, listed, unreachable
from .gzipped import INFLATE_ERROR, GunzipStream, inflater
from .sniff import is_warc, sniff
from .warc import warc_items

__all__ = ["InputFile", "Slice", "input_files", "slices_of", "grouped", "slice_items", "SLICE_BYTES"]

SLICE_BYTES = 2_000_000  # bytes of input per slice: a few seconds of work, hundreds of slices per CC-NEWS file
_GROUP_FILES = 200  # most small files in one slice, so one odd file costs little on a worker death
_READ = 1 << 20
_INFLATE = 1 << 20  # most bytes one call to zlib may produce while indexing (a member may be huge)
_HEADER_CAP = 64 * 1024  # a WARC header block longer than this is irregular
_LENGTH = re.compile(rb"\r\nContent-Length:[ \t]*(\d+)[ \t]*\r\n", re.IGNORECASE)


@dataclass(frozen=True)
class InputFile:
    """A local file to ingest: the path as found (articles name it), its size and time."""

    path: str
    size: int
    mtime_ns: int

    @property
    def key(self) -> str:
        """The checkpoint key: the absolute path, whichever way it was given."""
        return os.path.abspath(self.path)


@dataclass(frozen=True)
class Slice:
    """Whole files read in order, or bytes ``start``..``end`` of one WARC file (``last``: its last range)."""

    files: tuple[InputFile, ...]
    start: int = 0
    end: int | None = None
    last: bool = True

    @property
    def finished(self) -> tuple[InputFile, ...]:
        """The files wholly read once this slice is."""
        return self.files if self.last else ()

    @property
    def size(self) -> int:
        return sum(f.size for f in self.files) if self.end is None else self.end - self.start


def input_files(paths: Iterable[str], exclude: tuple[str, ...] = ()) -> Iterator[InputFile | Rejected]:
    """Every file the local inputs stand for, in reading order, with what cannot be listed or reached."""
    for path in paths:
        for found in listed(path, exclude):
            if isinstance(found, Rejected):
                yield found
                continue
            problem = unreachable(found)
            if problem is not None:
                yield problem
                continue
            stat = os.stat(found)
            yield InputFile(found, stat.st_size, stat.st_mtime_ns)


def grouped(files: Iterable[InputFile], slice_bytes: int = SLICE_BYTES) -> Iterator[Slice | InputFile]:
    """Runs of small files as whole-file slices; a file bigger than a slice comes alone, to be cut by ``slices_of``."""
    run: list[InputFile] = []
    for file in files:
        if file.size > slice_bytes:
            if run:
                yield Slice(tuple(run))
                run = []
            yield file
            continue
        if run and (sum(f.size for f in run) + file.size > slice_bytes or len(run) >= _GROUP_FILES):
            yield Slice(tuple(run))
            run = []
        run.append(file)
    if run:
        yield Slice(tuple(run))


def slices_of(file: InputFile, slice_bytes: int = SLICE_BYTES) -> list[Slice]:
    """One file as slices: byte ranges of about ``slice_bytes`` when it is a regular WARC file, else whole."""
    try:
        starts = record_starts(file.path)
    except OSError:
        starts = None  # reading it whole reports the problem as a single-process run does
    if not starts:
        return [Slice((file,))]
    cuts = _cuts(starts, slice_bytes)
    ends = [*cuts[1:], file.size]
    return [Slice((file,), start, end, last=end == file.size) for start, end in zip(cuts, ends, strict=True)]


def _cuts(starts: list[int], slice_bytes: int) -> list[int]:
    """Record starts at which a new slice begins, each slice at least ``slice_bytes`` long but the last."""
    cuts = [starts[0]]
    for start in starts[1:]:
        if start - cuts[-1] >= slice_bytes:
            cuts.append(start)
    return cuts


def slice_items(piece: Slice, max_bytes: int, log_folder: str | None = None) -> Iterator[RawItem | Rejected]:
    """The items of a slice: those of its whole files, or of the WARC records in its byte range.

    As in ``read_inputs``, an unexpected error ends that file with one ``internal`` rejection
    (traceback logged in ``log_folder``) and the next file is read.
    """
    from . import _guarded

    if piece.end is None:
        for file in piece.files:
            yield from _guarded(file.path, file_items(file.path, max_bytes), log_folder)
        return
    yield from _guarded(piece.files[0].path, _range_items(piece, max_bytes), log_folder)


def _range_items(piece: Slice, max_bytes: int) -> Iterator[RawItem | Rejected]:
    assert piece.end is not None
    source = piece.files[0].path
    with open(source, "rb") as stream:
        stream.seek(piece.start)
        window = io.BufferedReader(_Window(stream, piece.end - piece.start))
        records: BinaryIO = window
        if sniff(window.peek(8)) == "gzip":
            records = io.BufferedReader(GunzipStream(window, limit=None))
        yield from warc_items(records, source, max_bytes, part=True)


# --- the index pass: where each record starts, once its framing is checked ----------------------


class Irregular(Exception):
    """The file's framing is not what a cut needs; it is read whole instead."""


def record_starts(path: str) -> list[int] | None:
    """The byte offset of every record of a regular WARC file (plain or one gzip member per record);
    None for any other file or for a WARC file with anything irregular."""
    with open(path, "rb") as stream:
        head = stream.read(8192)
        stream.seek(0)
        kind = sniff(head)
        try:
            if kind == "warc":
                return list(_plain_starts(stream))
            if kind == "gzip" and is_warc(inflater().decompress(head, 64)):
                return list(_member_starts(stream))
        except (Irregular, INFLATE_ERROR):
            return None
    return None


def _checked_record(block: bytes, size: int | None) -> int:
    """The header length of a record whose bytes start with ``block``; ``size``, when known, must
    be the whole record's length (header, content, blank line)."""
    end = block.find(b"\r\n\r\n")
    if not block.startswith(b"WARC/1.") or end < 0:
        raise Irregular("no WARC header where a record should start")
    found = _LENGTH.search(block, 0, end + 2)
    if found is None:
        raise Irregular("a record without Content-Length")
    if size is not None and size != end + 4 + int(found.group(1)) + 4:
        raise Irregular("a gzip member that is not exactly one record")
    return end + 4 + int(found.group(1))


def _plain_starts(stream: BinaryIO) -> Iterator[int]:
    offset = 0
    while block := stream.read(_HEADER_CAP):
        yield offset
        offset += _checked_record(block, None)
        stream.seek(offset)
        if stream.read(4) != b"\r\n\r\n":
            raise Irregular("a record not followed by a blank line")
        offset += 4
        stream.seek(offset)


def _member_starts(stream: BinaryIO) -> Iterator[int]:
    """Where each gzip member starts, each checked to hold exactly one whole WARC record."""
    base = 0  # file offset of data[0]
    start = 0
    data = b""
    member = _Member()
    while True:
        if not data:
            data = stream.read(_READ)
            if not data:
                if member.fed:
                    raise Irregular("the last gzip member is cut short")
                return
        member.inflate(data)
        rest = member.left_over()
        base += len(data) - len(rest)
        data = rest
        if member.done:
            _checked_record(member.head, member.size)
            yield start
            start, member = base, _Member()


class _Member:
    """One gzip member being inflated: its first bytes (the WARC header) and its length."""

    def __init__(self) -> None:
        self._zlib = inflater()
        self.head = b""
        self.size = 0
        self.fed = False

    def inflate(self, data: bytes) -> None:
        self.fed = True
        out = self._zlib.decompress(data, _INFLATE)
        self.size += len(out)
        if len(self.head) < _HEADER_CAP:
            self.head += out[: _HEADER_CAP - len(self.head)]

    def left_over(self) -> bytes:
        """Input not taken yet: held back by the output bound, or the start of the next member."""
        return self._zlib.unused_data if self._zlib.eof else self._zlib.unconsumed_tail

    @property
    def done(self) -> bool:
        return self._zlib.eof


class _Window(io.RawIOBase):
    """At most ``length`` bytes of a stream from where it stands: one slice's byte range."""

    def __init__(self, stream: BinaryIO, length: int) -> None:
        self._stream = stream
        self._left = length

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        data = self._stream.read(min(len(buffer), self._left))
        buffer[: len(data)] = data
        self._left -= len(data)
        return len(data)
