"""Polite, safe fetching of http(s) URLs; the only module in Spyglass that talks to the network.

One ``Fetcher`` per run keeps what politeness needs across URLs: robots.txt per host, the time
of the last request per host (rate limit) and, on disk in ``settings.cache_dir``, the ETag and
Last-Modified validators so that a feed polled twice is only downloaded once.

Time: besides the per-read ``timeout``, each fetch (robots.txt and redirects included) has a
total ``fetch_deadline``; a server that trickles bytes is cut off by shutting its socket down
when the deadline passes, so no fetch can stall a crawl.

Safety: every hop (the URL, each redirect, robots.txt) is resolved and refused when any of its
addresses is private, loopback, link-local or otherwise not public, unless ``allow_private``.
The check resolves the name before httpx connects, so a DNS answer that changes in between
(rebinding) is not caught; run Spyglass behind an egress firewall when that matters.
"""

from __future__ import annotations

import hashlib
import ipaddress
import json
import os
import socket
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin
from urllib.robotparser import RobotFileParser

import httpx

from spyglass.records import RawItem, Rejected
from spyglass.settings import Settings

from .mediatype import declared_charset, media_type

__all__ = ["Fetcher", "Resolver", "blocked_reason", "READABLE_TYPES"]

Resolver = Callable[[str], list[str]]

# Media types Spyglass reads; anything else is refused before its body is downloaded.
READABLE_TYPES: tuple[str, ...] = (
    "text/html", "application/xhtml+xml", "text/plain", "text/xml", "application/xml",
    "application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/warc",
    "application/gzip", "application/x-gzip",
)
_MAX_REDIRECTS = 5
_ROBOTS_CAP = 500_000  # bytes of robots.txt read (Google reads 500 KiB)


def system_resolver(host: str) -> list[str]:
    """Every address the system resolver gives for ``host``."""
    infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    return sorted({str(info[4][0]) for info in infos})


IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
# IPv6 prefixes whose last 32 bits (or, for 6to4, bits 16-48) carry an IPv4 address a gateway
# or the host's own stack may deliver to: each is judged by the IPv4 address inside it.
_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052 well-known prefix
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local-use, never public
_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated IPv4-compatible ::a.b.c.d


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64 or (ip in _COMPATIBLE and int(ip) > 1):  # :: and ::1 are not IPv4-compatible
        return ipaddress.IPv4Address(int(ip) & 0xFFFF_FFFF)
    return None


def _non_public(ip: IPAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and (ip.is_site_local or ip in _NAT64_LOCAL):
        return True  # fec0::/10 and local-use NAT64: Python's is_global does not say so
    return not ip.is_global or ip.is_multicast


def blocked_reason(host: str, resolve: Resolver) -> str | None:
    """Why ``host`` must not be fetched (a non-public address), or None when every address is public.

    An IPv6 address embedding an IPv4 one (``::ffff:10.0.0.1``, ``::127.0.0.1``,
    ``64:ff9b::a00:1``, ``2002:a00:1::``) is judged by both, so a private IPv4 address cannot
    pass dressed as IPv6; site-local ``fec0::/10`` is refused too.
    """
    try:
        addresses = [str(ipaddress.ip_address(host.strip("[]")))]
    except ValueError:
        addresses = resolve(host)
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%")[0])
        inner = _embedded_ipv4(ip) if isinstance(ip, ipaddress.IPv6Address) else None
        if _non_public(ip) or (inner is not None and _non_public(inner)):
            shown = f"{ip} (IPv4 {inner})" if inner is not None else str(ip)
            return f"{host} resolves to non-public address {shown}"
    return None


class _Refused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


class _Deadline:
    """The total time one fetch may take: at the deadline every socket it opened is shut down.

    httpx bounds each read, not the whole download; a server sending a byte every few seconds
    would pass every read timeout forever. Sockets are taken from httpcore's trace events as
    they connect; shutting one down wakes a read blocked on it, which then fails or ends.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._timer.cancel()

    def extensions(self) -> dict[str, Callable[[str, dict[str, object]], None]]:
        """Request extensions that let the deadline see each new connection."""
        return {"trace": self._trace}

    def _trace(self, event: str, info: dict[str, object]) -> None:
        if event not in ("connection.connect_tcp.complete", "connection.connect_unix_socket.complete"):
            return
        stream = info.get("return_value")
        sock = stream.get_extra_info("socket") if stream is not None else None  # type: ignore[attr-defined]
        if isinstance(sock, socket.socket):
            with self._lock:
                self._sockets.append(sock)
                if self.expired:
                    _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def refusal(self) -> _Refused:
        return _Refused("unreachable", f"the fetch took longer than {self.seconds:g} s in all "
                                       "(SPYGLASS_FETCH_DEADLINE); the server is too slow, try again later")

    def check(self) -> None:
        """Raise the ``unreachable`` refusal once the deadline has passed."""
        if self.expired:
            raise self.refusal()


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class Fetcher:
    """Fetch URLs politely and safely; ``fetch`` returns a ``RawItem`` or a ``Rejected``."""

    def __init__(
        self,
        settings: Settings,
        transport: httpx.BaseTransport | None = None,
        resolve: Resolver = system_resolver,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.settings = settings
        self._resolve = resolve
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(settings.timeout),
            follow_redirects=False,  # each hop is checked by hand, see _get
            headers={"User-Agent": settings.user_agent},
            # a fresh connection per request, so each fetch's deadline sees (and can cut) its socket
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self._deadline: _Deadline | None = None

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def fetch(self, url: str) -> RawItem | Rejected:
        """The document at ``url``, or why it could not be fetched (within ``settings.fetch_deadline``)."""
        with _Deadline(self.settings.fetch_deadline) as deadline:
            self._deadline = deadline
            try:
                fetched = self._fetch(url)
                deadline.check()  # a body cut short by the deadline must not pass for a whole one
                return fetched
            except _Refused as refused:
                return Rejected(source=url, code=refused.code, reason=refused.reason)
            except (httpx.HTTPError, OSError) as err:
                return self._unreachable(url, err, deadline)
            finally:
                self._deadline = None

    def _unreachable(self, url: str, err: Exception, deadline: _Deadline) -> Rejected:
        if deadline.expired:  # the error is the deadline cutting the socket
            refused = deadline.refusal()
            return Rejected(source=url, code=refused.code, reason=refused.reason)
        if isinstance(err, httpx.TimeoutException):
            return Rejected(source=url, code="unreachable",
                            reason=f"no answer within {self.settings.timeout:g} s; try again later")
        return Rejected(source=url, code="unreachable", reason=f"cannot connect ({_short(err)})")

    def _extensions(self) -> dict[str, Callable[[str, dict[str, object]], None]]:
        return self._deadline.extensions() if self._deadline is not None else {}

    def _fetch(self, url: str) -> RawItem:
        validators = self._validators(url)
        headers = {}
        if validators.get("etag"):
            headers["If-None-Match"] = validators["etag"]
        if validators.get("last_modified"):
            headers["If-Modified-Since"] = validators["last_modified"]
        final_url, response, body = self._get(url, headers)
        if response.status_code == 304:
            raise _Refused("not-modified", "unchanged since the last fetch (HTTP 304); nothing to read")
        self._remember(url, response)
        content_type = response.headers.get("content-type")
        return RawItem(
            source=url,
            content=body,
            url=final_url,
            content_type=content_type,
            charset=_charset(content_type, body),
            fetched_at=datetime.now(UTC).isoformat(timespec="seconds"),
        )

    def _get(self, url: str, headers: dict[str, str]) -> tuple[str, httpx.Response, bytes]:
        for _ in range(_MAX_REDIRECTS + 1):
            target = self._checked(url)
            self._obey_robots(target)
            self._wait_turn(target.host)
            with self._client.stream("GET", target, headers=headers, extensions=self._extensions()) as response:
                if response.is_redirect and "location" in response.headers:
                    url = urljoin(str(target), response.headers["location"])
                    continue
                if response.status_code == 304:
                    return str(target), response, b""
                if response.status_code >= 400:
                    raise _Refused("http-status", f"the server answered HTTP {response.status_code}")
                _check_type(response)
                return str(target), response, self._body(response)
        raise _Refused("http-status", f"more than {_MAX_REDIRECTS} redirects")

    def _checked(self, url: str) -> httpx.URL:
        try:
            target = httpx.URL(url)
        except httpx.InvalidURL as err:
            raise _Refused("bad-url", f"malformed URL ({err})") from err
        if target.scheme not in ("http", "https") or not target.host:
            raise _Refused("bad-url", "only http(s) URLs with a host can be fetched")
        if not self.settings.allow_private:
            try:
                reason = blocked_reason(target.host, self._resolve)
            except (OSError, UnicodeError) as err:
                raise _Refused("unreachable", f"cannot resolve {target.host} ({_short(err)})") from err
            if reason:
                raise _Refused("blocked-address", f"{reason}; pass --allow-private to fetch it")
        return target

    def _body(self, response: httpx.Response) -> bytes:
        cap = self.settings.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise _Refused("too-large", f"the server announces {declared} bytes, over the size cap of {cap}")
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            if self._deadline is not None:
                self._deadline.check()
            size += len(chunk)
            if size > cap:
                raise _Refused("too-large", f"the body exceeds the size cap of {cap} bytes (--max-bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _wait_turn(self, host: str) -> None:
        last = self._last_request.get(host)
        if last is not None:
            delay = last + self.settings.rate_limit - self._clock()
            if delay > 0:
                self._sleep(delay)
        self._last_request[host] = self._clock()

    def _obey_robots(self, target: httpx.URL) -> None:
        if not self.settings.respect_robots:
            return
        origin = f"{target.scheme}://{target.netloc.decode('ascii')}"
        if origin not in self._robots:
            self._robots[origin] = self._robots_of(origin, target.host)
        if not self._robots[origin].can_fetch(self.settings.user_agent, str(target)):
            raise _Refused("robots", f"robots.txt of {origin} disallows this URL")

    def _robots_of(self, origin: str, host: str) -> RobotFileParser:
        parser = RobotFileParser(origin + "/robots.txt")
        self._wait_turn(host)
        try:
            with self._client.stream("GET", origin + "/robots.txt", extensions=self._extensions()) as response:
                status, redirect = response.status_code, response.is_redirect
                text = _head_text(response, _ROBOTS_CAP) if status < 300 else ""
        except httpx.HTTPError:
            parser.parse([])  # no robots.txt reachable: nothing is disallowed
            return parser
        if status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])  # access to robots.txt denied: stay out
        elif status >= 400 or redirect:
            parser.parse([])
        else:
            parser.parse(text.splitlines())
        return parser

    def _cache_file(self, url: str) -> Path:
        digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]
        return Path(self.settings.cache_dir) / "http" / f"{digest}.json"

    def _validators(self, url: str) -> dict[str, str]:
        try:
            data = json.loads(self._cache_file(url).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return {k: str(v) for k, v in data.items() if k in ("etag", "last_modified") and v}

    def _remember(self, url: str, response: httpx.Response) -> None:
        validators = {"etag": response.headers.get("etag"),
                      "last_modified": response.headers.get("last-modified")}
        if not any(validators.values()):
            return
        path = self._cache_file(url)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(json.dumps({"url": url, **validators}), encoding="utf-8")
            os.replace(tmp, path)
        except OSError:
            pass  # a read-only cache only costs a second download next time


def _head_text(response: httpx.Response, cap: int) -> str:
    """The first ``cap`` bytes of a streamed body as text; the rest is never downloaded."""
    data = bytearray()
    for chunk in response.iter_bytes():
        data += chunk
        if len(data) >= cap:
            break
    return bytes(data[:cap]).decode(response.encoding or "utf-8", errors="replace")


def _check_type(response: httpx.Response) -> None:
    media = media_type(response.headers.get("content-type"))
    if media and media not in READABLE_TYPES:
        raise _Refused("content-type", f"the server sent {media}, which Spyglass does not read")


def _charset(content_type: str | None, body: bytes) -> str | None:
    """The charset the server declared, else charset-normalizer's guess for plain text."""
    declared = declared_charset(content_type)
    if declared:
        return declared
    if media_type(content_type) == "text/plain" and body:
        from charset_normalizer import from_bytes

        best = from_bytes(body[:200_000]).best()
        return best.encoding if best else None
    # HTML and XML declare their encoding inside the document; extract reads it there.
    return None


def _short(err: BaseException) -> str:
    text = str(err).strip() or type(err).__name__
    return text.splitlines()[0][:160]
