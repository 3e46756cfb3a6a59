"""A fetch has a total deadline: a server that trickles bytes is cut off, not waited for.

Each read of these servers returns within the per-read timeout (a byte every 0.2 s against a
timeout of 2 s), which is why the per-read timeout alone let such a fetch run forever. The
servers are real sockets on 127.0.0.1, trickling the headers, a sized body, or a body whose
end is the connection closing (so a cut body must not pass for a whole one).
"""

from __future__ import annotations

import socket
import socketserver
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from spyglass.records import RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources import Fetcher, read_inputs

DEADLINE = 1.5
PAGE = b"<html><body><p>" + b"slow news " * 80 + b"</p></body></html>"


def _response(close_delimited: bool) -> bytes:
    length = b"" if close_delimited else b"Content-Length: %d\r\n" % len(PAGE)
    return b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n" + length + b"Connection: close\r\n\r\n" + PAGE


@contextmanager
def trickling_server(payload: bytes, fast_prefix: int, every: float = 0.2) -> Iterator[tuple[str, list[float]]]:
    """Answer every request with ``payload``: ``fast_prefix`` bytes at once, then one byte per ``every`` s.

    Yields the base URL and, per connection, how long the server kept sending (until the
    client went away or the payload ended).
    """
    stop = threading.Event()
    durations: list[float] = []

    class Handler(socketserver.BaseRequestHandler):
        def handle(self) -> None:
            sock: socket.socket = self.request
            sock.recv(65536)  # the request; its content does not matter here
            started = time.monotonic()
            try:
                sock.sendall(payload[:fast_prefix])
                for i in range(fast_prefix, len(payload)):
                    if stop.wait(every):
                        break
                    sock.sendall(payload[i:i + 1])
            except OSError:
                pass  # the client hung up: what the deadline is for
            durations.append(time.monotonic() - started)

    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", durations
    finally:
        stop.set()
        server.shutdown()
        server.server_close()


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {"allow_private": True, "rate_limit": 0.0, "timeout": 2.0, "respect_robots": False,
                               "fetch_deadline": DEADLINE, "cache_dir": str(tmp_path / "cache")}
    return Settings(**{**base, **overrides})  # type: ignore[arg-type]


def _assert_cut_off(result: RawItem | Rejected, took: float) -> None:
    assert isinstance(result, Rejected), result
    assert result.code == "unreachable"
    assert f"longer than {DEADLINE:g} s in all" in result.reason and "SPYGLASS_FETCH_DEADLINE" in result.reason
    assert DEADLINE <= took < DEADLINE + 1.5, took


@pytest.mark.parametrize(("what", "payload", "fast_prefix"), [
    ("headers trickle", _response(close_delimited=False), 10),
    ("sized body trickles", _response(close_delimited=False), 120),
    ("body ended by closing trickles", _response(close_delimited=True), 110),
])
def test_a_trickling_server_is_cut_off_at_the_total_deadline(tmp_path: Path, what: str, payload: bytes,
                                                             fast_prefix: int) -> None:
    # the whole answer would take over 80 s at a byte per 0.2 s
    assert (len(payload) - fast_prefix) * 0.2 > 80
    with trickling_server(payload, fast_prefix) as (base, durations), Fetcher(_settings(tmp_path)) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(base + "/slow.html")
        took = time.monotonic() - started
        deadline_passed = time.monotonic() + 1.0
        while not durations and time.monotonic() < deadline_passed:
            time.sleep(0.05)
    _assert_cut_off(result, took)
    assert durations and durations[0] < DEADLINE + 1.5  # the server saw the client hang up


def test_robots_txt_counts_against_the_deadline(tmp_path: Path) -> None:
    robots = b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 400\r\n\r\n" + b"#" * 400
    with trickling_server(robots, 5) as (base, _), Fetcher(_settings(tmp_path, respect_robots=True)) as fetcher:
        started = time.monotonic()
        result = fetcher.fetch(base + "/page.html")
        _assert_cut_off(result, time.monotonic() - started)


def test_a_fast_server_is_not_cut_off_and_the_run_goes_on(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with trickling_server(_response(close_delimited=True), fast_prefix=10_000) as (base, _):
        found = list(read_inputs([base + "/slow.html", base + "/again.html"], settings))
    assert [type(f) for f in found] == [RawItem, RawItem]
    assert all(isinstance(f, RawItem) and f.content == PAGE for f in found)
