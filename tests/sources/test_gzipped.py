"""Gunzip as a stream: every byte back in order whatever the read sizes, truncation noticed, and
work and memory bounded when a small member unpacks to a great deal (a WARC.gz "bomb" record).

The timings behind the linear-work claim are in ``benchmarks/gunzip.py``; here the bound is
checked by what does not depend on the machine: the peak memory while streaming and how many
times zlib is called.
"""

from __future__ import annotations

import gzip
import io
import os
import tracemalloc
import zlib
from pathlib import Path

import pytest

from spyglass.records import Rejected
from spyglass.sources.files import path_items
from spyglass.sources.gzipped import GunzipStream, Truncated, gunzip

MIB = 1024 * 1024
RECORD_MIB = 64


def _gz(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    return packer.compress(data) + packer.flush()


def warc_bomb(payload_bytes: int) -> bytes:
    """A WARC.gz of one HTML response record whose body unpacks to ``payload_bytes`` bytes of 'a'."""
    body = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>" + b"a" * payload_bytes + b"</p>"
    head = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:bomb>\r\n"
            b"WARC-Target-URI: http://bomb.example/\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    return _gz(head + body + b"\r\n\r\n")


@pytest.mark.parametrize("read_size", [1, 7, 4096, 65_536, 1_000_000])
@pytest.mark.parametrize("members", [1, 2, 3])
def test_every_byte_comes_back_in_order_whatever_the_read_size(read_size: int, members: int) -> None:
    data = os.urandom(50_000) + b"a" * 300_000 + os.urandom(20_000)
    step = len(data) // members
    parts = [data[i * step:(i + 1) * step if i < members - 1 else None] for i in range(members)]
    stream = GunzipStream(io.BytesIO(b"".join(gzip.compress(p) for p in parts) + b"\x00" * 10))
    out = bytearray()
    while chunk := stream.read(read_size if read_size > 1 or len(out) < 70_000 else 65_536):
        out += chunk
    assert bytes(out) == data


def test_a_cut_member_is_truncated_and_a_cap_is_enforced() -> None:
    packed = gzip.compress(b"a" * 1_000_000)
    with pytest.raises(Truncated):
        gunzip(packed[:-9])
    with pytest.raises(Exception, match="over 1000 bytes once decompressed"):
        gunzip(packed, limit=1000)


def test_corrupt_deflate_data_is_reported_as_such() -> None:
    data = bytearray(gzip.compress(b"the court sentenced him " * 400))
    data[20:30] = b"\xff" * 10  # inside the deflate stream, past the gzip header
    with pytest.raises(Truncated, match="the gzip data is corrupt"):
        gunzip(bytes(data))


def test_a_small_member_that_unpacks_to_64_mib_is_streamed_in_bounded_steps() -> None:
    """One 64 KB member of 64 MiB read in 4 KB reads (as warcio reads): zlib hands out at most
    64 KB per call, so memory stays small and the work is one pass over the output (the old
    reader held the whole 64 MiB and copied what was left of it on every read: minutes)."""
    packed = _gz(b"a" * RECORD_MIB * MIB)
    assert len(packed) < 100_000
    stream = GunzipStream(io.BytesIO(packed))
    tracemalloc.start()
    try:
        total = 0
        while chunk := stream.read(4096):
            total += len(chunk)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert total == RECORD_MIB * MIB
    assert peak < 4 * MIB, f"peak {peak / MIB:.1f} MiB while streaming"
    assert stream.inflations <= RECORD_MIB * MIB // 65_536 + 2


def test_a_warc_gz_with_one_oversized_record_is_rejected(tmp_path: Path) -> None:
    """The case users met: a 66 KB file whose record unpacks to 64 MiB, over the 20 MB cap."""
    path = tmp_path / "bomb.warc.gz"
    path.write_bytes(warc_bomb(RECORD_MIB * MIB))
    assert path.stat().st_size < 100_000
    [oversized] = list(path_items(str(path), max_bytes=20_000_000))
    assert isinstance(oversized, Rejected) and oversized.code == "too-large"
    assert oversized.member == "<urn:uuid:bomb>" and "20000000 bytes" in oversized.reason
