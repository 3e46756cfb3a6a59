"""Extract stage: raw documents -> ``Article`` records with metadata.

``articles_in`` decides from the content what a ``RawItem`` holds (an RSS/Atom feed, an HTML
page, a multi-post text dump or a single-article text page) and yields its articles in
document order: posts and feed items first (``item`` 0, 1, ...), then teasers. Anything that
cannot be used becomes a ``Rejected`` record; no exception escapes.

Libraries: trafilatura (HTML main text and metadata), feedparser (feeds), dateparser (dates
in words), charset-normalizer (unknown encodings), lxml (JSON-LD, meta tags, links).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

from spyglass.errors import internal_reason
from spyglass.records import Article, RawItem, Rejected

from .build import Draft, article_of
from .decode import DecodeError, decoded, looks_binary, normalise_text
from .dumps import Post, posts_in
from .feeds import FeedProblem, feed_drafts, looks_like_feed
from .html import PageTooComplex, html_draft, looks_like_html
from .scrape import scrape_of
from .teasers import teaser_title

__all__ = ["articles_in"]


def articles_in(raw: RawItem) -> Iterator[Article | Rejected]:
    """Every article in one raw document, or the reasons it could not be read."""
    try:
        yield from _articles_in(raw)
    except PageTooComplex as err:  # refused before the work starts, not a bug
        yield _rejected(raw, "too-complex", str(err))
    except Exception as err:  # a bug must cost one document, never the run
        where = f"{raw.source}#{raw.member}" if raw.member else raw.source
        yield _rejected(raw, "internal", internal_reason(err, "extracting articles", where))


def _rejected(raw: RawItem, code: str, reason: str, item: int | None = None) -> Rejected:
    member = raw.member if item is None else f"{raw.member or ''}{'#' if raw.member else ''}item {item}"
    return Rejected(source=raw.source, member=member, code=code, reason=reason)


def _articles_in(raw: RawItem) -> Iterator[Article | Rejected]:
    if not raw.content.strip():
        yield _rejected(raw, "empty", "the document is empty or only whitespace")
        return
    if looks_binary(raw.content):
        yield _rejected(raw, "binary", "the document is binary data, not text, HTML or a feed")
        return
    try:
        text = decoded(raw.content, raw.charset)
    except DecodeError as err:
        yield _rejected(raw, "encoding", f"cannot decode the text: {err}")
        return
    not_news = _data_or_docs(text)
    if not_news:
        yield _rejected(raw, "not-news", not_news)
    elif looks_like_feed(text):
        yield from _feed_articles(raw, text)
    elif looks_like_html(text):
        yield from _page_articles(raw, text)
    else:
        yield from _text_articles(raw, normalise_text(text))


_MARKDOWN_FENCE = re.compile(r"^(?:```|~~~)", re.M)
_MARKDOWN_TABLE = re.compile(r"^\|?\s*:?-{3,}:?\s*\|", re.M)
_MARKDOWN_HEADING = re.compile(r"^#{1,6} \S", re.M)


def _data_or_docs(text: str) -> str | None:
    """Why a text document is no news page at all, or None: JSON data (a gold file, a config) or
    Markdown documentation (a README beside the pages), told by content, never by file name."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        first = stripped.split("\n", 1)[0]
        for candidate in (text, first):  # a whole JSON document, or JSON Lines
            try:
                json.loads(candidate)
            except ValueError:
                continue
            return "the document is JSON data, not a news page or feed"
    sample = text[:20_000]
    if _MARKDOWN_HEADING.search(sample) and (_MARKDOWN_FENCE.search(sample) or _MARKDOWN_TABLE.search(sample)):
        return "the document is Markdown documentation (headings with code blocks or tables), not a news page"
    return None


def _feed_articles(raw: RawItem, text: str) -> Iterator[Article | Rejected]:
    try:
        for position, draft in feed_drafts(text):
            if draft is None:
                yield _rejected(raw, "no-text", "feed item holds no text", item=position)
            else:
                yield article_of(raw, position, draft)
    except FeedProblem as problem:
        yield _rejected(raw, problem.code, problem.reason)


def _page_articles(raw: RawItem, text: str) -> Iterator[Article | Rejected]:
    draft = html_draft(text, raw.url)
    if draft is None:
        yield _rejected(raw, "no-text", "the page holds no article text after boilerplate is removed")
        return
    yield article_of(raw, 0, draft)


def _text_articles(raw: RawItem, text: str) -> Iterator[Article | Rejected]:
    lines = text.split("\n")
    posts = posts_in(lines)
    if posts:
        yield from _dump_articles(raw, posts)
        return
    scrape = scrape_of(lines)
    if not scrape.text.strip():
        yield _rejected(raw, "no-text", "the text holds no article prose")
        return
    yield article_of(raw, 0, Draft(
        kind="page", text=scrape.text, title=scrape.title, author=scrape.author,
        published=scrape.published[0] if scrape.published else None,
        published_precision=scrape.published[1] if scrape.published else None,
    ))


def _dump_articles(raw: RawItem, posts: list[Post]) -> Iterator[Article | Rejected]:
    item = 0
    for post in posts:
        if not post.body:
            yield _rejected(raw, "no-text", f"post {post.title[:60]!r} has no body text", item=item)
        else:
            yield article_of(raw, item, _post_draft(post))
        item += 1
    for post in posts:
        for fragment in post.teasers:
            yield article_of(raw, item, Draft(kind="teaser", text=fragment, title=teaser_title(fragment),
                                              partial=True))
            item += 1


def _post_draft(post: Post) -> Draft:
    return Draft(
        kind="post", text="\n".join(post.body), title=post.title, published=post.published,
        published_precision=post.precision,  # type: ignore[arg-type]
        author=post.author, comment_count=post.comment_count, categories=post.categories, tags=post.tags,
    )
