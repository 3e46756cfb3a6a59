"""Who may do what, and the headers that keep hostile scraped text inert.

Policy, decided once from the address the server binds to:
- on a loopback address, reading is open; writing needs a token;
- on any other address, everything but the login page and static files needs a token.

Clients prove a token in two ways. API clients send ``Authorization: Bearer <token>``.
Browsers log in once at ``/login`` with the token; the server keeps a session in memory and
sets an HttpOnly, SameSite=Strict cookie holding only a random session id. Every HTML form
that writes carries that session's CSRF token, and a cross-origin ``Origin`` header is refused.

On loopback the ``Host`` header must name the loopback interface, which stops DNS-rebinding
pages from reading the database through the victim's browser.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fastapi import FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from spyglass.serve.problems import ApiError, error_response

__all__ = [
    "CSP", "SESSION_COOKIE", "Policy", "Session", "Sessions", "is_loopback",
    "install_middleware", "require_write", "session_of", "check_csrf", "safe_next",
]

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
}
SESSION_COOKIE = "spyglass_session"
SESSION_SECONDS = 12 * 3600
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
# Reachable without a token even when the server is exposed: the login form and its assets.
PUBLIC_PREFIXES = ("/static/", "/login", "/favicon.ico")


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and "localhost"; 0.0.0.0 and real interfaces are not."""
    if host.strip("[]") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class Policy:
    read_needs_token: bool
    check_host: bool

    @classmethod
    def for_bind(cls, host: str) -> Policy:
        loopback = is_loopback(host)
        return cls(read_needs_token=not loopback, check_host=loopback)


@dataclass(frozen=True)
class Session:
    id: str
    csrf: str
    who: str
    expires: float


class Sessions:
    """Browser sessions in memory: a restart logs everyone out, which is the safe default."""

    def __init__(self) -> None:
        self._by_id: dict[str, Session] = {}
        self._lock = threading.Lock()

    def create(self, who: str) -> Session:
        session = Session(secrets.token_urlsafe(32), secrets.token_urlsafe(32), who,
                          time.time() + SESSION_SECONDS)
        with self._lock:
            self._by_id[session.id] = session
        return session

    def get(self, session_id: str | None) -> Session | None:
        if not session_id:
            return None
        with self._lock:
            session = self._by_id.get(session_id)
            if session and session.expires < time.time():
                del self._by_id[session_id]
                return None
        return session

    def drop(self, session_id: str | None) -> None:
        with self._lock:
            self._by_id.pop(session_id or "", None)


def bearer_of(request: Request) -> str | None:
    scheme, _, secret = request.headers.get("authorization", "").partition(" ")
    return secret.strip() or None if scheme.lower() == "bearer" else None


def session_of(request: Request) -> Session | None:
    sessions: Sessions = request.app.state.sessions
    return sessions.get(request.cookies.get(SESSION_COOKIE))


def _token_ok(request: Request, secret: str) -> bool:
    return bool(request.app.state.stores.get().check_token(secret))


def _authenticated(request: Request) -> bool:
    secret = bearer_of(request)
    if secret is not None:
        return _token_ok(request, secret)
    return session_of(request) is not None


def require_write(request: Request) -> str:
    """Dependency of every API write: a valid bearer token. Returns who wrote, for the audit."""
    secret = bearer_of(request)
    if secret is None:
        raise ApiError(401, "auth-required", "this request changes data and needs a token; send "
                       "'Authorization: Bearer <token>' (create one with `spyglass token create NAME`)",
                       {"WWW-Authenticate": "Bearer"})
    if not _token_ok(request, secret):
        raise ApiError(401, "auth-invalid", "the bearer token is not known; check it or create one "
                       "with `spyglass token create NAME`", {"WWW-Authenticate": 'Bearer error="invalid_token"'})
    return "api-token"


def check_csrf(request: Request, session: Session | None, sent: str) -> Session:
    """A form write needs a session and its CSRF token; cross-origin posts are refused."""
    if session is None:
        raise ApiError(401, "auth-required", "log in with a token at /login before changing data")
    if not _same_origin(request):
        raise ApiError(403, "cross-origin", "the form was posted from another site; reload the page and retry")
    if not hmac.compare_digest(session.csrf, sent or ""):
        raise ApiError(403, "csrf", "the form's CSRF token is missing or stale; reload the page and retry")
    return session


def _same_origin(request: Request) -> bool:
    origin = request.headers.get("origin")
    if origin is None:  # same-origin navigations from older browsers omit it
        return True
    return origin == f"{request.url.scheme}://{request.url.netloc}"


def safe_next(target: str | None) -> str:
    """Only same-site paths are followed after login, never ``//host`` or absolute URLs."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def _host_ok(request: Request) -> bool:
    host = request.headers.get("host", "")
    name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return name in LOOPBACK_HOSTS


def _is_public(path: str) -> bool:
    return path.startswith(PUBLIC_PREFIXES)


Next = Callable[[Request], Awaitable[Response]]


def _refusal(request: Request) -> Response | None:
    policy: Policy = request.app.state.policy
    if policy.check_host and not _host_ok(request):
        return error_response(request, 400, "bad-host",
                              "this server answers only to localhost; open it as http://127.0.0.1:PORT/")
    if policy.read_needs_token and not _is_public(request.url.path) and not _authenticated(request):
        if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
            return error_response(request, 401, "auth-required", "this server is not on localhost, so "
                                  "every request needs 'Authorization: Bearer <token>'",
                                  {"WWW-Authenticate": "Bearer"})
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)
    return None


async def _guard(request: Request, call_next: Next) -> Response:
    response = _refusal(request) or await call_next(request)
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if request.url.path.startswith("/static/"):
        response.headers.setdefault("Cache-Control", "public, max-age=3600")
    else:
        response.headers.setdefault("Cache-Control", "no-store")
    return response


def install_middleware(app: FastAPI) -> None:
    app.middleware("http")(_guard)
