"""One catalogue of user-facing errors and rejection codes: code, message, the next step.

Two kinds of failure exist. A document that cannot be used becomes a ``records.Rejected``
with one of ``REJECT_CODES`` and the run goes on. A problem that stops a command (a bad
option, a database that cannot be opened) raises a ``SpyglassError`` subclass, which the CLI
prints as one line and turns into an exit status; users can catch errors by kind.
"""

from __future__ import annotations

import os
import traceback
from datetime import UTC, datetime
from pathlib import Path

__all__ = [
    "REJECT_CODES",
    "ERROR_LOG",
    "internal_reason",
    "log_traceback",
    "SpyglassError",
    "InputError",
    "FetchError",
    "StoreError",
    "DamagedStoreError",
    "NotFoundError",
    "AuthError",
    "ConfigError",
]

# Rejection codes: code -> what it means and what the user can do about it.
REJECT_CODES: dict[str, str] = {
    "not-found": "the file or folder does not exist; check the path",
    "unreadable": "the file could not be read; check its permissions",
    "empty": "the document has no bytes or only whitespace",
    "binary": "the document is binary, not text, HTML, a feed or a WARC archive",
    "encoding": "the text could not be decoded in any known character encoding",
    "truncated": "a compressed file ends early; download it again",
    "too-large": "the document is over the size cap; raise --max-bytes if it is genuine",
    "no-text": "the page holds no article text after boilerplate is removed",
    "not-news": "the document is data or documentation (JSON, Markdown), not a news page or feed",
    "feed-empty": "the feed parsed but holds no items",
    "feed-invalid": "the document looks like a feed but could not be parsed",
    "warc-invalid": "the WARC archive could not be read",
    "warc-empty": "the WARC archive holds no HTML response records",
    "unreachable": "the URL could not be fetched (DNS, connection or timeout)",
    "http-status": "the server answered with an error status",
    "content-type": "the server sent a type Spyglass does not read",
    "robots": "robots.txt disallows fetching this URL",
    "blocked-address": "the URL points at a private, loopback or link-local address; pass --allow-private to fetch it",
    "bad-url": "the URL is malformed or uses a scheme other than http(s)",
    "not-modified": "the server says the document is unchanged since the last fetch",
    "too-complex": "reading the document or analysing the article ran past SPYGLASS_ANALYSIS_DEADLINE seconds; raise it if the input is genuine",
    "internal": "an unexpected error while reading this document; its traceback is in the error log, please report it",
    "worker-died": "the dask worker reading these records died twice (a crash or its memory limit); the next run reads the file again",
}

ERROR_LOG = "spyglass-errors.log"  # in SPYGLASS_CACHE_DIR: the tracebacks behind ``internal`` rejections
_LOG_CAP = 5_000_000  # bytes; a bigger log is moved to ``.old`` so a long crawl cannot fill the disk


class SpyglassError(Exception):
    """Base of every error Spyglass raises on purpose. ``str()`` is one line for the user."""

    code = "error"
    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message}; {hint}" if hint else message)


class InputError(SpyglassError):
    code = "input"
    exit_code = 2


class ConfigError(SpyglassError):
    code = "config"
    exit_code = 2


class FetchError(SpyglassError):
    code = "fetch"


class StoreError(SpyglassError):
    code = "store"


class DamagedStoreError(StoreError):
    """The database file is damaged or not a Spyglass database (``spyglass doctor`` says more)."""

    code = "store-damaged"


class NotFoundError(SpyglassError):
    code = "not-found"
    exit_code = 3


class AuthError(SpyglassError):
    code = "auth"
    exit_code = 4


def log_traceback(where: str, folder: str | None = None) -> str | None:
    """Append the exception being handled, with ``where`` it happened, to the error log.

    Call it inside an ``except`` block. The log is ``ERROR_LOG`` in ``folder`` (default
    ``SPYGLASS_CACHE_DIR``); returns its absolute path, or None when it cannot be written
    (a read-only folder must not turn one bad document into a failed run).
    """
    if folder is None:
        from spyglass.settings import load_settings

        try:
            folder = load_settings().cache_dir
        except SpyglassError:  # a malformed SPYGLASS_* variable must not hide the original error
            folder = ".spyglass-cache"
    path = Path(folder).expanduser().resolve() / ERROR_LOG
    entry = f"--- {datetime.now(UTC).isoformat(timespec='seconds')} {where}\n{traceback.format_exc()}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.is_file() and path.stat().st_size > _LOG_CAP:
            os.replace(path, path.with_name(ERROR_LOG + ".old"))
        with path.open("a", encoding="utf-8", errors="backslashreplace") as log:
            log.write(entry)
    except OSError:
        return None
    return str(path)


def internal_reason(err: BaseException, doing: str, where: str, folder: str | None = None) -> str:
    """The one-line reason of an ``internal`` rejection; logs the traceback and names the log.

    ``doing`` says what failed ("analysing the article"), ``where`` names the input in the log.
    """
    detail = " ".join(str(err).split())[:160]
    log = log_traceback(where, folder)
    saved = f"traceback in {log}" if log else "the traceback could not be saved"
    return f"unexpected {type(err).__name__} while {doing}: {detail}; {saved}, please report it"
