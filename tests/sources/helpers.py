"""Builders shared by the sources tests: a WARC.gz writer and a local HTTP server."""

from __future__ import annotations

import io
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ARTICLE_HTML = """<!doctype html><html lang="en"><head><title>{title}</title>
<meta property="og:site_name" content="Test Gazette"></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p class="byline">By Ada Writer, March 3, 2024</p>
<p>{body}</p><p>{body}</p><p>{body}</p></article>
<footer>Copyright Test Gazette</footer></body></html>"""

BODY = ("Prosecutors said the engineer had copied design files onto a memory stick and handed them "
        "to a contact who introduced himself as a consultant, according to the court papers.")


def article_html(title: str) -> str:
    return ARTICLE_HTML.format(title=title, body=BODY)


def warc_gz(pages: list[tuple[str, str]], extra_records: bool = True) -> bytes:
    """A gzipped WARC with one HTML response record per (url, html), plus non-HTML noise records."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    for url, html in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = html.encode()
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                      http_headers=headers))
        if extra_records:
            image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url + ".png", "response",
                                                          payload=io.BytesIO(b"\x89PNG\r\n\x1a\n"), length=8,
                                                          http_headers=image))
    return buffer.getvalue()


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    at: float
    headers: dict[str, str]
    status: int
    body_bytes: int


@contextmanager
def local_server(routes: dict[str, Route | Callable[[dict[str, str]], Route]]) -> Iterator[tuple[str, list[Seen]]]:
    """Serve ``routes`` on 127.0.0.1; yields the base URL and the list of requests seen."""
    seen: list[Seen] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            headers = {k.lower(): v for k, v in self.headers.items()}
            found = routes.get(self.path, Route(404, b"not here"))
            route = found(headers) if callable(found) else found
            self.send_response(route.status)
            for key, value in route.headers.items():
                self.send_header(key, value)
            if "Content-Length" not in route.headers:
                self.send_header("Content-Length", str(len(route.body)))
            self.end_headers()
            self.wfile.write(route.body)
            seen.append(Seen(self.path, time.monotonic(), headers, route.status, len(route.body)))

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
