"""Content-Type headers: the bare media type and the declared charset, as a table."""

from __future__ import annotations

import pytest

from spyglass.sources.mediatype import declared_charset, media_type

HEADERS = [
    # header, media type, charset
    ("text/html; charset=utf-8", "text/html", "utf-8"),
    ("Text/HTML ;Charset=\"ISO-8859-1\"", "text/html", "ISO-8859-1"),
    ("application/xhtml+xml; charset='windows-1252'", "application/xhtml+xml", "windows-1252"),
    ("text/plain; format=flowed", "text/plain", None),
    ("text/html; charset=", "text/html", None),
    ("", "", None),
    (None, "", None),
]


@pytest.mark.parametrize(("header", "media", "charset"), HEADERS)
def test_header_parts(header: str | None, media: str, charset: str | None) -> None:
    assert media_type(header) == media
    assert declared_charset(header) == charset
