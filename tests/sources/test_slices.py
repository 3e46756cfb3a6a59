"""Slices of a crawl: reading the slices of a file yields exactly what reading the file whole yields.

Big regular WARC files are cut at record boundaries; anything irregular (damage, truncation, a
gzip member holding two records) keeps a file whole, so its damage reads as it always did.
"""

from __future__ import annotations

import gzip
import io
import os
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spyglass.records import RawItem, Rejected
from spyglass.sources.files import path_items
from spyglass.sources.slices import (
    InputFile,
    Slice,
    grouped,
    input_files,
    record_starts,
    slice_items,
    slices_of,
)

from .helpers import article_html, warc_gz
from .test_warc import damaged_warc

MAX = 1_000_000


def _pages(count: int) -> list[tuple[str, str]]:
    return [(f"http://news.example/{i}", article_html(f"Story number {i}")) for i in range(count)]


def _plain_warc(pages: list[tuple[str, str]]) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = html.encode()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
    return buffer.getvalue()


def _file(path: Path, data: bytes) -> InputFile:
    path.write_bytes(data)
    return next(f for f in input_files([str(path)]) if isinstance(f, InputFile))


def _read_by_slices(slices: list[Slice]) -> list[RawItem | Rejected]:
    return [item for piece in slices for item in slice_items(piece, MAX)]


@pytest.mark.parametrize(("name", "data"), [
    ("crawl.warc.gz", warc_gz(_pages(40))),  # each record its own gzip member, images between pages
    ("crawl.warc", _plain_warc(_pages(40))),
])
def test_a_regular_warc_file_is_cut_into_ranges_that_read_as_the_whole(tmp_path: Path, name: str, data: bytes) -> None:
    file = _file(tmp_path / name, data)
    slices = slices_of(file, slice_bytes=len(data) // 7)
    assert len(slices) >= 5
    assert [s.last for s in slices] == [False] * (len(slices) - 1) + [True]
    assert slices[0].start == 0 and slices[-1].end == len(data)
    assert all(a.end == b.start for a, b in zip(slices, slices[1:], strict=False))
    assert _read_by_slices(slices) == list(path_items(str(file.path), MAX))
    assert len(_read_by_slices(slices)) == 40


@pytest.mark.parametrize(("why", "data"), [
    ("a wrong Content-Length", damaged_warc(3)),
    ("a wrong Content-Length inside gzip", gzip.compress(damaged_warc(3))),  # one member, many records
    ("cut short", warc_gz(_pages(20))[:-300]),
    ("not a WARC file", gzip.compress(article_html("A page").encode() * 200)),
])
def test_an_irregular_file_stays_whole_and_reads_as_before(tmp_path: Path, why: str, data: bytes) -> None:
    file = _file(tmp_path / "odd.warc.gz", data)
    assert slices_of(file, slice_bytes=100) == [Slice((file,))], why
    assert _read_by_slices([Slice((file,))]) == list(path_items(file.path, MAX))


def test_a_range_without_html_records_is_no_rejection(tmp_path: Path) -> None:
    file = _file(tmp_path / "crawl.warc.gz", warc_gz(_pages(4)))
    starts = record_starts(file.path)
    assert starts is not None and len(starts) == 8  # a page and an image each
    image_only = Slice((file,), starts[1], starts[2], last=False)
    assert list(slice_items(image_only, MAX)) == []


def test_small_files_are_grouped_in_order_and_a_big_one_comes_alone(tmp_path: Path) -> None:
    files = [InputFile(f"/in/{i}.html", size, 0) for i, size in enumerate([10, 20, 30, 500, 40, 50])]
    assert list(grouped(files, slice_bytes=60)) == [
        Slice((files[0], files[1], files[2])), files[3], Slice((files[4],)), Slice((files[5],)),
    ]
    assert Slice((files[0], files[1])).finished == (files[0], files[1])
    assert Slice((files[3],), 0, 100, last=False).finished == ()


def test_input_files_are_listed_in_reading_order_with_what_cannot_be_read(tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    (folder / "b").mkdir(parents=True)
    for name in ("b/2.warc.gz", "a.warc.gz", ".hidden", "notes.md"):
        (folder / name).write_bytes(b"x" * 10)
    found = list(input_files([str(folder), str(tmp_path / "missing.warc")], exclude=("*.md",)))
    files = [f for f in found if isinstance(f, InputFile)]
    assert [os.path.relpath(f.path, folder) for f in files] == ["a.warc.gz", os.path.join("b", "2.warc.gz")]
    assert files[0].size == 10 and files[0].mtime_ns == os.stat(files[0].path).st_mtime_ns
    assert files[0].key == os.path.abspath(files[0].path)
    [missing] = [f for f in found if isinstance(f, Rejected)]
    assert missing.code == "not-found"
