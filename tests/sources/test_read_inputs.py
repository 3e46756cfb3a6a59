"""read_inputs and the `spyglass articles` command over good and bad inputs.

Every bad input yields exactly one ``Rejected`` with the expected code and a one-line reason,
the other inputs of the same run still give articles, and the command exits 1 without a
traceback.
"""

from __future__ import annotations

import gzip
import io
import os
import socket
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import spyglass
from spyglass.errors import REJECT_CODES
from spyglass.pipeline import articles
from spyglass.records import Article, RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources import read_inputs

from .helpers import article_html, warc_gz

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(200)
CAP = 20_000


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


# name -> (builder of the input given a temp folder, expected code, words the reason must name)
BAD_INPUTS: dict[str, tuple[Callable[[Path], str], str, str]] = {
    "empty file": (lambda d: _write(d, "empty.html", b""), "empty", "empty"),
    "whitespace only": (lambda d: _write(d, "blank.txt", b"  \n\r\n\t "), "empty", "empty"),
    "binary file": (lambda d: _write(d, "photo.html", PNG), "binary", "binary"),
    "broken encoding": (lambda d: _write(d, "broken.txt", bytes(range(0x80, 0x100)) * 40), "encoding", "decode"),
    "truncated warc.gz": (lambda d: _write(d, "crawl.warc.gz", warc_gz([("https://a.example/1", article_html("One"))])[:-40]),
                          "truncated", "cut short"),
    "truncated gzip": (lambda d: _write(d, "page.html.gz", gzip.compress(article_html("Gz").encode())[:60]),
                       "truncated", "cut short"),
    "html with no text": (lambda d: _write(d, "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
                          "no-text", "no article text"),
    "feed with no items": (lambda d: _write(d, "feed.xml", b"<?xml version='1.0'?><rss version='2.0'><channel>"
                                                          b"<title>Quiet</title></channel></rss>"), "feed-empty", "no items"),
    "file over the size cap": (lambda d: _write(d, "huge.txt", b"word " * (CAP // 4)), "too-large", "size cap"),
    "missing file": (lambda d: str(d / "nope.txt"), "not-found", "no such file"),
    "unreachable url": (lambda d: f"http://127.0.0.1:{_closed_port()}/feed.xml", "unreachable", "connect"),
    "private address": (lambda d: "http://10.0.0.1/feed.xml", "blocked-address", "non-public"),
}


def _settings(name: str, tmp_path: Path) -> Settings:
    # The closed port is on loopback: to see it unreachable, private addresses must be allowed.
    return Settings(max_bytes=CAP, timeout=2.0, rate_limit=0.0, cache_dir=str(tmp_path / "cache"),
                    allow_private=name == "unreachable url")


@pytest.fixture
def good_file(tmp_path: Path) -> str:
    return _write(tmp_path, "good.html", article_html("Engineer charged with passing designs").encode())


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_a_bad_input_yields_one_rejection_and_the_run_goes_on(name: str, tmp_path: Path, good_file: str) -> None:
    build, code, words = BAD_INPUTS[name]
    given = build(tmp_path)
    results = list(articles([given, good_file], _settings(name, tmp_path)))
    rejected = [r for r in results if isinstance(r, Rejected)]
    assert [(r.source, r.code) for r in rejected] == [(given, code)]
    assert code in REJECT_CODES
    assert words in rejected[0].reason and "\n" not in rejected[0].line()
    assert [a.title for a in results if isinstance(a, Article)] == ["Engineer charged with passing designs"]


def _cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": str(Path(spyglass.__file__).parent.parent)}
    return subprocess.run([sys.executable, "-c", "from spyglass.cli import main; main()", "articles", *args],
                          input=stdin, capture_output=True, env=env, timeout=120, check=False)


@pytest.mark.slow
def test_cli_reports_every_bad_input_on_one_line_and_exits_1(tmp_path: Path, good_file: str) -> None:
    inputs = [build(tmp_path) for name, (build, _, _) in sorted(BAD_INPUTS.items()) if name != "unreachable url"]
    done = _cli(*inputs, good_file, "--format", "jsonl", "--max-bytes", str(CAP))
    stderr = done.stderr.decode()
    assert done.returncode == 1
    assert "Traceback" not in stderr
    rejection_lines = [line for line in stderr.splitlines() if ": rejected (" in line]
    assert len(rejection_lines) == len(inputs)
    (line,) = done.stdout.decode().splitlines()
    assert Article.model_validate_json(line).title == "Engineer charged with passing designs"


def test_cli_reads_stdin_and_prints_a_table(good_file: str) -> None:
    done = _cli("-", stdin=Path(good_file).read_bytes())
    assert done.returncode == 0, done.stderr.decode()
    assert "Engineer charged with passing designs" in done.stdout.decode()


def test_cli_usage_error_exits_2() -> None:
    assert _cli("--format", "yaml", "x").returncode == 2


def test_warc_gz_yields_one_item_per_html_response(tmp_path: Path) -> None:
    pages = [(f"https://news.example/{n}", article_html(f"Story {n}")) for n in range(3)]
    path = _write(tmp_path, "crawl.bin", warc_gz(pages))  # no telling extension: content decides
    items = list(read_inputs([path], Settings()))
    assert all(isinstance(i, RawItem) for i in items)
    assert [(i.url, i.content_type) for i in items] == [(u, "text/html; charset=utf-8") for u, _ in pages]
    assert all(i.member and i.member.startswith("<urn:uuid:") for i in items)
    found = [a for a in articles([path], Settings()) if isinstance(a, Article)]
    assert [a.title for a in found] == ["Story 0", "Story 1", "Story 2"]
    assert [a.url for a in found] == [u for u, _ in pages]


def test_uncompressed_warc_without_html_is_rejected(tmp_path: Path) -> None:
    data = gzip.decompress(warc_gz([("https://a.example/", "<html></html>")], extra_records=False))
    only_images = data.replace(b"text/html", b"image/gif")
    (result,) = read_inputs([_write(tmp_path, "x.warc", only_images)], Settings())
    assert isinstance(result, Rejected) and result.code == "warc-empty"


def test_folders_are_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "deep").mkdir(parents=True)
    for rel in ("b/2.html", "a/deep/1.html", "0.html", ".hidden.html"):
        (tmp_path / rel).write_text(article_html(rel))
    sources = [i.source for i in read_inputs([str(tmp_path)], Settings())]
    assert sources == [os.path.join(str(tmp_path), rel) for rel in ("0.html", "a/deep/1.html", "b/2.html")]
    assert all(Path(s).is_file() for s in sources)


def test_stdin_is_read_with_dash_as_source() -> None:
    (item,) = read_inputs(["-"], Settings(), stdin=io.BytesIO(b"<html><body><p>hi</p></body></html>"))
    assert isinstance(item, RawItem) and item.source == "-"


def test_gzip_wrapped_html_is_read(tmp_path: Path) -> None:
    path = _write(tmp_path, "page", gzip.compress(article_html("Zipped story").encode()))
    assert [a.title for a in articles([path], Settings()) if isinstance(a, Article)] == ["Zipped story"]
