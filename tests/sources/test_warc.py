"""Damaged WARC archives: warcio's multi-line warnings never reach stderr; the archive gets one
``warc-invalid`` line and its good records are still read."""

from __future__ import annotations

import gzip
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from spyglass.records import RawItem, Rejected
from spyglass.sources.files import path_items

from .helpers import article_html

SRC = Path(__file__).resolve().parents[2] / "src"
LAUNCH = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"


def _record(url: str, title: str) -> bytes:
    body = article_html(title).encode()
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=False)
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                  http_headers=headers))
    return out.getvalue()


def _short_length(record: bytes, by: int = 40) -> bytes:
    """The record with a Content-Length ``by`` bytes too small (a common crawler bug)."""
    found = re.search(rb"Content-Length: (\d+)", record)
    assert found
    return record.replace(found.group(0), b"Content-Length: %d" % (int(found.group(1)) - by), 1)


def damaged_warc(bad_records: int) -> bytes:
    """Good records between ``bad_records`` records whose Content-Length is wrong."""
    parts = [_record("http://news.example/0", "Story zero")]
    for i in range(1, bad_records + 1):
        parts += [_short_length(_record(f"http://news.example/bad-{i}", f"Bad {i}")),
                  _record(f"http://news.example/{i}", f"Story {i}")]
    return b"".join(parts)


@pytest.mark.parametrize("compressed", [False, True])
def test_a_damaged_archive_is_one_rejection_and_its_good_records_are_read(tmp_path: Path, compressed: bool,
                                                                          capfd: pytest.CaptureFixture[str]) -> None:
    data = damaged_warc(3)
    path = tmp_path / ("crawl.warc.gz" if compressed else "crawl.warc")
    path.write_bytes(gzip.compress(data) if compressed else data)
    found = list(path_items(str(path), 1_000_000))
    read = [f for f in found if isinstance(f, RawItem)]
    rejected = [f for f in found if isinstance(f, Rejected)]
    assert {r.url for r in read} >= {"http://news.example/0", "http://news.example/3"}
    [damage] = rejected
    assert damage.code == "warc-invalid"
    assert "3 records not followed by a blank line (a wrong Content-Length?), the first at byte" in damage.reason
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")


def test_the_cli_prints_one_line_per_rejection_and_no_warcio_warning(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.warc"
    damaged.write_bytes(damaged_warc(50))
    garbage = tmp_path / "garbage.warc"
    garbage.write_bytes(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: nonsense\r\n\r\n" + b"x" * 100)
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, "-c", LAUNCH, "articles", str(damaged), str(garbage), "--format", "jsonl"],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1
    assert len(done.stdout.splitlines()) >= 51  # every good record is still read
    lines = done.stderr.splitlines()
    assert lines[0].startswith(f"{damaged}: rejected (warc-invalid): WARC archive is damaged: 50 records not "
                               "followed by a blank line (a wrong Content-Length?), the first at byte ")
    assert lines[-1] == f"spyglass: {len(lines) - 1} input(s) rejected"
    assert all(line.startswith(f"{garbage}: rejected (") for line in lines[1:-1]) and len(lines) > 2
    assert "WARNING" not in done.stderr and "Offset:" not in done.stderr and "Traceback" not in done.stderr
