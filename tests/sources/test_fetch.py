"""The fetcher: robots.txt, rate limit, conditional GET, content type, size cap and SSRF refusal.

Network-free: a local http.server on 127.0.0.1 (with ``allow_private`` on) or an
``httpx.MockTransport`` with a fake resolver for the address checks.
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from spyglass.records import RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources import Fetcher, read_inputs
from spyglass.sources.fetch import blocked_reason

from .helpers import Route, article_html, local_server

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>https://t.example/1</link><description>Spy case one</description></item>
</channel></rss>"""


def _settings(tmp_path: Path, **overrides: object) -> Settings:
    base: dict[str, object] = {"allow_private": True, "rate_limit": 0.0, "timeout": 5.0,
                               "cache_dir": str(tmp_path / "cache")}
    return Settings(**{**base, **overrides})  # type: ignore[arg-type]


def _feed_route(headers: dict[str, str]) -> Route:
    if headers.get("if-none-match") == '"v1"':
        return Route(304, b"", {"ETag": '"v1"'})
    return Route(200, FEED, {"Content-Type": "application/rss+xml", "ETag": '"v1"',
                             "Last-Modified": "Tue, 17 Dec 2024 09:14:52 GMT"})


ROUTES = {
    "/robots.txt": Route(200, b"User-agent: *\nDisallow: /private/\n", {"Content-Type": "text/plain"}),
    "/feed.xml": _feed_route,
    "/page.html": Route(200, article_html("Served page").encode(), {"Content-Type": "text/html; charset=utf-8"}),
    "/private/page.html": Route(200, b"<html>secret</html>", {"Content-Type": "text/html"}),
    "/photo.png": Route(200, b"\x89PNG\r\n\x1a\n", {"Content-Type": "image/png"}),
    "/big.html": Route(200, b"<p>" + b"x" * 5000 + b"</p>", {"Content-Type": "text/html"}),
    "/moved": Route(302, b"", {"Location": "/page.html"}),
}


def test_fetches_a_page_and_follows_a_safe_redirect(tmp_path: Path) -> None:
    with local_server(ROUTES) as (base, _), Fetcher(_settings(tmp_path)) as fetcher:
        item = fetcher.fetch(base + "/moved")
    assert isinstance(item, RawItem)
    assert item.url == base + "/page.html" and item.source == base + "/moved"
    assert item.charset == "utf-8" and b"Served page" in item.content


def test_robots_txt_disallow_is_obeyed(tmp_path: Path) -> None:
    with local_server(ROUTES) as (base, seen), Fetcher(_settings(tmp_path)) as fetcher:
        result = fetcher.fetch(base + "/private/page.html")
    assert isinstance(result, Rejected) and result.code == "robots"
    assert [s.path for s in seen] == ["/robots.txt"]


def test_requests_to_one_host_are_spaced_by_the_rate_limit(tmp_path: Path) -> None:
    with local_server(ROUTES) as (base, seen), Fetcher(_settings(tmp_path, rate_limit=0.25)) as fetcher:
        for _ in range(3):
            assert isinstance(fetcher.fetch(base + "/page.html"), RawItem)
    times = [s.at for s in seen]
    assert len(times) == 4  # robots.txt, then three pages
    assert min(b - a for a, b in zip(times, times[1:], strict=False)) >= 0.2


def test_a_feed_polled_twice_is_downloaded_once(tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    with local_server(ROUTES) as (base, seen):
        with Fetcher(settings) as fetcher:
            first = fetcher.fetch(base + "/feed.xml")
        with Fetcher(settings) as fetcher:  # a new run: validators come from the cache folder
            second = fetcher.fetch(base + "/feed.xml")
    assert isinstance(first, RawItem) and first.content == FEED
    assert isinstance(second, Rejected) and second.code == "not-modified"
    feed_requests = [s for s in seen if s.path == "/feed.xml"]
    assert feed_requests[1].headers.get("if-none-match") == '"v1"'
    assert feed_requests[1].headers.get("if-modified-since") == "Tue, 17 Dec 2024 09:14:52 GMT"
    assert (feed_requests[1].status, feed_requests[1].body_bytes) == (304, 0)


@pytest.mark.parametrize(("path", "overrides", "code"), [
    ("/photo.png", {}, "content-type"),
    ("/big.html", {"max_bytes": 1000}, "too-large"),
    ("/missing", {}, "http-status"),
])
def test_refusals(tmp_path: Path, path: str, overrides: dict[str, object], code: str) -> None:
    with local_server(ROUTES) as (base, _), Fetcher(_settings(tmp_path, **overrides)) as fetcher:
        result = fetcher.fetch(base + path)
    assert isinstance(result, Rejected) and result.code == code


def test_size_cap_holds_while_streaming_without_content_length(tmp_path: Path) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        chunks = (b"<p>" + b"y" * 400 + b"</p>" for _ in range(10))
        return httpx.Response(200, headers={"Content-Type": "text/html"}, content=chunks)

    settings = _settings(tmp_path, max_bytes=1000, respect_robots=False)
    with Fetcher(settings, transport=httpx.MockTransport(handler)) as fetcher:
        result = fetcher.fetch("http://news.example/stream")
    assert isinstance(result, Rejected) and result.code == "too-large"


def _public_resolver(host: str) -> list[str]:
    return {"localhost": ["127.0.0.1", "::1"], "news.example": ["93.184.216.34"]}[host]


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/feed", "http://10.0.0.1/", "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/", "http://localhost:8080/admin", "http://[::ffff:10.0.0.1]/",
])
def test_private_loopback_and_link_local_addresses_are_refused(tmp_path: Path, url: str) -> None:
    calls: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: calls.append(request) or httpx.Response(200))  # type: ignore[func-returns-value]
    with Fetcher(_settings(tmp_path, allow_private=False), transport=transport, resolve=_public_resolver) as fetcher:
        result = fetcher.fetch(url)
    assert isinstance(result, Rejected) and result.code == "blocked-address"
    assert "--allow-private" in result.reason
    assert calls == []


def test_a_hostname_resolving_to_loopback_is_refused_with_the_system_resolver(tmp_path: Path) -> None:
    (result,) = read_inputs(["http://localhost:9/"], _settings(tmp_path, allow_private=False))
    assert isinstance(result, Rejected) and result.code == "blocked-address"


def test_a_redirect_to_a_private_address_is_refused(tmp_path: Path) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(302, headers={"Location": "http://10.0.0.1/admin"})

    settings = _settings(tmp_path, allow_private=False, respect_robots=False)
    with Fetcher(settings, transport=httpx.MockTransport(handler), resolve=_public_resolver) as fetcher:
        result = fetcher.fetch("http://news.example/story")
    assert isinstance(result, Rejected) and result.code == "blocked-address"
    assert calls == ["http://news.example/story"]


EMBEDDED_PRIVATE = [
    "::127.0.0.1", "::10.0.0.1",  # IPv4-compatible
    "::ffff:127.0.0.1", "::ffff:192.168.0.1",  # IPv4-mapped
    "64:ff9b::a00:1", "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe",  # NAT64 of 10.0.0.1, 127.0.0.1, 169.254.169.254
    "2002:a00:1::", "2002:7f00:1::1", "2002:c0a8:1::",  # 6to4 of 10.0.0.1, 127.0.0.1, 192.168.0.1
    "64:ff9b:1::808:808",  # local-use NAT64 (RFC 8215), whatever it embeds
    "fec0::1", "fec0:1:2::3",  # site-local
]


@pytest.mark.parametrize("address", EMBEDDED_PRIVATE)
def test_ipv6_addresses_embedding_private_ipv4_and_site_local_are_refused(tmp_path: Path, address: str) -> None:
    calls: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: calls.append(request) or httpx.Response(200))  # type: ignore[func-returns-value]
    resolver = {"sneaky.example": [address]}.__getitem__  # a public-looking name resolving to it
    with Fetcher(_settings(tmp_path, allow_private=False), transport=transport, resolve=resolver) as fetcher:
        literal = fetcher.fetch(f"http://[{address}]/latest/meta-data/")
        named = fetcher.fetch("http://sneaky.example/")
    for result in (literal, named):
        assert isinstance(result, Rejected) and result.code == "blocked-address", result
        assert "non-public address" in result.reason and "--allow-private" in result.reason
    assert calls == []


@pytest.mark.parametrize("address", ["64:ff9b::808:808", "2002:808:808::1", "::8.8.8.8", "2001:4860:4860::8888"])
def test_ipv6_addresses_embedding_public_ipv4_are_fetched(address: str) -> None:
    assert blocked_reason(f"[{address}]", lambda h: []) is None


@pytest.mark.parametrize(("host", "blocked"), [
    ("8.8.8.8", False), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
    ("100.64.0.1", True), ("0.0.0.0", True), ("fe80::1", True), ("fc00::1", True), ("2001:4860::8888", False),
])
def test_blocked_reason_table(host: str, blocked: bool) -> None:
    assert (blocked_reason(host, lambda h: []) is not None) is blocked


def test_bad_urls_are_rejected(tmp_path: Path) -> None:
    with Fetcher(_settings(tmp_path)) as fetcher:
        result = fetcher.fetch("http://")
    assert isinstance(result, Rejected) and result.code == "bad-url"
