"""RSS 2.0, RSS 1.0 and Atom feeds -> one article draft per item, in file order.

feedparser reads the feed (it tolerates broken ones); each item's HTML content goes through
the same HTML path as a page (``html.html_draft``). The feed's own fields (title, link,
author, date as written, categories, ``slash:comments``) win over what the HTML says.
Content that was escaped twice (``&lt;p&gt;`` showing up as text) is unescaped once more.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from typing import Any

import feedparser

from .build import Draft
from .dates import parse_date
from .html import html_draft

__all__ = ["looks_like_feed", "feed_drafts", "FeedProblem"]

_FEED_ROOT = re.compile(
    r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<\?xml-stylesheet[^>]*\?>\s*|<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*"
    r"<(?:rss|feed|rdf:RDF|RDF)\b", re.DOTALL | re.IGNORECASE)
_ESCAPED_TAG = re.compile(r"&lt;/?(?:p|div|br|a|b|i|em|strong|span|ul|li|h[1-6]|blockquote)\b", re.IGNORECASE)
_REAL_TAG = re.compile(r"<(?:p|div|br|a|b|i|em|strong|span|ul|li|h[1-6]|blockquote)\b", re.IGNORECASE)
_CHARREF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_LAST_CODE_POINT = 0x10FFFF
_DECLARED_ENCODING = re.compile(r"""^(\s*<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])[^"'>]*\2""")


class FeedProblem(Exception):
    """The feed cannot be used as a whole; ``code`` is a rejection code."""

    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def looks_like_feed(text: str) -> bool:
    """True when the document's root element is an RSS, RDF or Atom feed."""
    return bool(_FEED_ROOT.match(text[:5000]))


def feed_drafts(text: str) -> Iterator[tuple[int, Draft | None]]:
    """(position, draft) for every item in file order; the draft is None for an item without text."""
    try:
        parsed = feedparser.parse(_prepared(text), sanitize_html=False, resolve_relative_uris=False)
    except (KeyError, ValueError, TypeError, AttributeError, IndexError) as err:
        # feedparser's loose parser trips over some broken markup (a <category> cut off in a
        # way that leaves no 'tags'): the feed is invalid, not Spyglass broken
        raise FeedProblem("feed-invalid", f"feedparser failed on it ({type(err).__name__}: {err})") from err
    entries = parsed.get("entries") or []
    if not entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            raise FeedProblem("feed-invalid", f"the feed cannot be parsed ({parsed.get('bozo_exception')})")
        raise FeedProblem("feed-empty", "the feed holds no items")
    feed = parsed.get("feed") or {}
    for position, entry in enumerate(entries):
        yield position, _entry_draft(entry, feed)


def _prepared(text: str) -> str:
    """The decoded feed as feedparser can take it: declared UTF-8 (the text is decoded already, and
    feedparser re-encodes it: an ``encoding="utf-16"`` or ``"utf-8\\0"`` left in would be applied
    to those bytes or fail), character references valid."""
    return _valid_charrefs(_DECLARED_ENCODING.sub(r'\1"utf-8"', text, count=1))


def _valid_charrefs(text: str) -> str:
    """Character references past the last code point (``&#x110000;``) as U+FFFD: feedparser's
    loose parser calls ``chr()`` on them and fails on the whole feed."""
    def valid(ref: re.Match[str]) -> str:
        value = int(ref.group(1), 16) if ref.group(1) else int(ref.group(2))
        return ref.group(0) if value <= _LAST_CODE_POINT else "&#xFFFD;"

    return _CHARREF.sub(valid, text) if "&#" in text else text


def _entry_draft(entry: Any, feed: Any) -> Draft | None:
    body = _content(entry)
    link = entry.get("link") or None
    draft = html_draft(body, link, kind="feed_item", fragment=True) if body.strip() else None
    if draft is None:
        return None
    published = parse_date(entry.get("published") or entry.get("updated") or "")
    if published:
        draft.published, draft.published_precision = published
    draft.title = entry.get("title") or draft.title
    draft.url = link or draft.url
    detail = entry.get("author_detail") or {}
    draft.author = detail.get("name") or entry.get("author") or draft.author
    terms = [tag.get("term") for tag in entry.get("tags") or [] if tag.get("term")]
    if terms:
        draft.categories = terms
    comments = str(entry.get("slash_comments") or entry.get("thr_total") or "").strip()
    if comments.isdigit():
        draft.comment_count = int(comments)
    draft.site_name = feed.get("title") or draft.site_name
    return draft


def _content(entry: Any) -> str:
    """The richest HTML the entry has: full content, else summary; unescaped once more if needed."""
    values = [c.get("value", "") for c in entry.get("content") or []]
    body = max(values, key=len) if values else ""
    if len(body) < len(entry.get("summary") or ""):
        body = entry.get("summary") or ""
    if _ESCAPED_TAG.search(body) and not _REAL_TAG.search(body):
        body = html.unescape(body)
    return body
