"""One error shape for every failure the server reports: ``{"error": {"code", "message"}}``.

API clients always get that JSON body; a browser asking for a page gets the same code and
message rendered as an HTML page. Exception handlers here turn Spyglass errors, FastAPI's
validation errors and unexpected exceptions into that shape.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from spyglass.errors import AuthError, InputError, NotFoundError, SpyglassError

__all__ = ["ApiError", "ErrorBody", "ErrorDetail", "ERROR_RESPONSES", "error_response", "install_handlers"]

log = logging.getLogger(__name__)

# Codes for HTTP statuses that have no Spyglass exception behind them.
_STATUS_CODES: dict[int, str] = {
    400: "bad-request", 401: "auth-required", 403: "forbidden", 404: "not-found",
    405: "method-not-allowed", 413: "too-large", 415: "unsupported-media-type",
    422: "invalid-request", 429: "too-many-requests",
}


class ErrorDetail(BaseModel):
    code: str
    message: str


class ErrorBody(BaseModel):
    """The body of every error response."""

    error: ErrorDetail


# Declared on every API route so the OpenAPI document tells clients the error shape.
ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": code}
    for status, code in [(400, "bad request"), (401, "token missing or wrong"), (403, "forbidden"),
                         (404, "not found"), (422, "invalid request")]
}


class ApiError(Exception):
    """Raised by routes to answer with a given status, code and one-line message."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def _wants_html(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return False
    return "text/html" in request.headers.get("accept", "")


def error_response(request: Request, status: int, code: str, message: str,
                   headers: dict[str, str] | None = None) -> Response:
    """The error as JSON for API clients, as a page for browsers."""
    if _wants_html(request):
        templates = request.app.state.templates
        return templates.TemplateResponse(
            request, "error.html", {"status": status, "code": code, "message": message},
            status_code=status, headers=headers,
        )
    body = ErrorBody(error=ErrorDetail(code=code, message=message))
    return JSONResponse(body.model_dump(), status_code=status, headers=headers)


def _spyglass_status(err: SpyglassError) -> int:
    if isinstance(err, NotFoundError):
        return 404
    if isinstance(err, AuthError):
        return 401
    if isinstance(err, InputError):
        return 400
    return 500


# A command or an option of the CLI, which a client of the server may not have (`spyglass cases`, --db).
_NAMES_COMMAND = re.compile(r"`|\bspyglass [a-z]|(^|\s)--[a-z]")
# An absolute file path (not the path of a URL: no word character, ':' or '/' just before it).
_FILE_PATH = re.compile(r"(?<![\w:/.])/(?:[^\s'\"/]+/)*[^\s'\",;)/]+")


def public_message(err: SpyglassError, database: str) -> str:
    """What a client of the server is told: the error without the server's file paths (the database
    is "the database") and without a hint that names a CLI command or option."""
    message = err.message.replace(f"database {database}", "the database").replace(database, "the database")
    message = _FILE_PATH.sub("(a file of the server)", message)
    hint = err.hint if err.hint and not _NAMES_COMMAND.search(err.hint) and not _FILE_PATH.search(err.hint) else None
    return f"{message}; {hint}" if hint else message


def _validation_message(err: RequestValidationError) -> str:
    parts = []
    for item in err.errors()[:3]:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("body", "query", "path"))
        parts.append(f"{where or 'request'}: {item.get('msg', 'invalid')}")
    return "; ".join(parts) + "; fix the request and try again"


def install_handlers(app: FastAPI) -> None:
    """Route every kind of failure through ``error_response``."""

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, err: ApiError) -> Response:
        return error_response(request, err.status, err.code, err.message, err.headers)

    @app.exception_handler(SpyglassError)
    async def _spyglass_error(request: Request, err: SpyglassError) -> Response:
        status = _spyglass_status(err)
        if status == 500:
            log.error("store or server error: %s", err)
        stores = getattr(request.app.state, "stores", None)
        return error_response(request, status, err.code, public_message(err, getattr(stores, "target", "") or "\0"))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        return error_response(request, 422, "invalid-request", _validation_message(err))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        code = _STATUS_CODES.get(err.status_code, "error" if err.status_code < 500 else "internal")
        message = err.detail if isinstance(err.detail, str) else code
        return error_response(request, err.status_code, code, message, getattr(err, "headers", None))

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, err: Exception) -> Response:
        log.exception("unexpected error serving %s", request.url.path)
        return error_response(request, 500, "internal", "unexpected server error; please report it")
