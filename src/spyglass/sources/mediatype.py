"""Read a Content-Type header: its bare media type and the charset it declares."""

from __future__ import annotations

__all__ = ["media_type", "declared_charset"]


def media_type(content_type: str | None) -> str:
    """``text/html; charset=utf-8`` -> ``text/html``; empty when there is no header."""
    return (content_type or "").split(";")[0].strip().lower()


def declared_charset(content_type: str | None) -> str | None:
    """The ``charset=`` parameter of the header, unquoted, or None when it names none."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset" and value.strip():
            return value.strip().strip("\"'")
    return None
