"""Assemble ``Article`` records: stable id, language, fingerprint, tidy metadata.

The id is the first 16 hex digits of a SHA-256 over the document's identity (its URL when
known, else the file's base name, so the same file read through another path keeps its
ids), the item index, the title and the text. Re-reading unchanged content gives the same id.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from spyglass.records import Article, ArticleKind, DatePrecision, RawItem

from .fingerprint import fingerprint_of
from .language import language_of

__all__ = ["Draft", "article_of", "identity_of", "clean_list", "web_url"]


@dataclass
class Draft:
    """What a reader found for one article, before ids and derived fields are added."""

    kind: ArticleKind
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    published_precision: DatePrecision | None = None
    author: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comment_count: int | None = None
    site_name: str | None = None
    language: str | None = None
    partial: bool = False


def identity_of(raw: RawItem) -> str:
    """What names the document whatever path it was given by: URL, else file base name."""
    if raw.url:
        return raw.url
    if raw.member:
        return raw.member
    return os.path.basename(raw.source.rstrip("/\\")) or raw.source


def article_of(raw: RawItem, item: int, draft: Draft) -> Article:
    """The ``Article`` for a draft found at position ``item`` of ``raw``."""
    text = draft.text.strip()
    title = _one_line(draft.title)
    digest = hashlib.sha256(
        "\x1f".join((identity_of(raw), str(item), title or "", text)).encode("utf-8")
    ).hexdigest()[:16]
    return Article(
        id=digest,
        source=raw.source if raw.member is None else f"{raw.source}#{raw.member}",
        item=item,
        kind=draft.kind,
        title=title,
        url=web_url(draft.url, raw.url) or web_url(raw.url),
        published=draft.published,
        published_precision=draft.published_precision if draft.published else None,
        author=_one_line(draft.author),
        categories=clean_list(draft.categories),
        tags=clean_list(draft.tags),
        comment_count=draft.comment_count,
        site_name=_one_line(draft.site_name),
        language=draft.language or language_of(text),
        text=text,
        partial=draft.partial,
        fingerprint=fingerprint_of(text),
    )


def web_url(url: str | None, base: str | None = None) -> str | None:
    """An absolute http(s) URL for a scraped permalink (relative ones joined to ``base``), else None.

    Pages declare ``javascript:``, ``data:`` or ``file:`` permalinks too; stored, they would
    leave in exports as links, so an article keeps only a web address.
    """
    text = (url or "").strip()
    if not text or any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    try:
        if base and not urlsplit(text).scheme:
            text = urljoin(base, text)
        parts = urlsplit(text)
        if parts.scheme.lower() in ("http", "https") and parts.hostname:
            return text
    except ValueError:  # a malformed netloc, e.g. "http://[bad"
        pass
    return None


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    value = re.sub(r"\s+", " ", value).strip()
    return value or None


def clean_list(values: Iterable[str]) -> tuple[str, ...]:
    """Distinct, trimmed, non-empty values in their first order."""
    seen: dict[str, None] = {}
    for value in values:
        cleaned = _one_line(value)
        if cleaned and cleaned.casefold() not in {v.casefold() for v in seen}:
            seen[cleaned] = None
    return tuple(seen)
