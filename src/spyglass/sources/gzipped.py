"""Decompress gzip (also multi-member, as in WARC.gz) as a stream that notices truncation.

``gzip.GzipFile`` and warcio stop quietly when a member is cut short; a truncated download
must instead become a ``truncated`` rejection, so this reader raises ``Truncated`` when the
compressed input ends inside a member.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

__all__ = ["GunzipStream", "Truncated", "TooLarge", "gunzip"]

_CHUNK = 64 * 1024


class Truncated(Exception):
    """The compressed input ends before its last gzip member is complete."""


class TooLarge(Exception):
    """The decompressed data is over the size cap."""


class GunzipStream(io.RawIOBase):
    """A readable, decompressed view of a gzip stream; ``limit`` caps the output (None: no cap)."""

    def __init__(self, raw: BinaryIO, limit: int | None = None) -> None:
        self._raw = raw
        self._limit = limit
        self._zlib = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._produced = 0
        self._done = False
        self._fed = False  # the current member has been given input

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._done:
            self._pending = self._decompress_some()
        count = min(len(buffer), len(self._pending))
        buffer[:count] = self._pending[:count]
        self._pending = self._pending[count:]
        return count

    def _decompress_some(self) -> bytes:
        if self._zlib.eof:
            leftover = self._zlib.unused_data
            self._zlib = zlib.decompressobj(wbits=31)
            self._fed = False
        else:
            leftover = b""
        compressed = leftover or self._raw.read(_CHUNK)
        if not compressed.strip(b"\x00"):
            # End of input (trailing NUL padding after the last member is common and harmless).
            self._done = True
            if self._fed and not self._zlib.eof:
                raise Truncated("the gzip stream ends inside a member")
            return b""
        self._fed = True
        try:
            out = self._zlib.decompress(compressed)
        except zlib.error as err:
            raise Truncated(f"the gzip data is corrupt ({err})") from err
        self._produced += len(out)
        if self._limit is not None and self._produced > self._limit:
            raise TooLarge(f"over {self._limit} bytes once decompressed")
        return out


def gunzip(data: bytes, limit: int | None = None) -> bytes:
    """Decompress all members of ``data``; raise ``Truncated`` or ``TooLarge``."""
    return GunzipStream(io.BytesIO(data), limit).read()
