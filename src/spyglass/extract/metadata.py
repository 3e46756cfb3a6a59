"""Page metadata that trafilatura does not give, or gives less precisely, read from the tree.

JSON-LD (``NewsArticle`` and kin: dates, authors, section, keywords, comment count, paywall
flag), ``og:``/``article:`` meta tags, WordPress category and tag links (``rel="category tag"``
and ``rel="tag"``, outside sidebars and tag clouds) and visible comment counts.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

__all__ = ["PageMeta", "page_meta", "fill_fallbacks", "ARTICLE_TYPES"]

ARTICLE_TYPES = frozenset({
    "NewsArticle", "Article", "BlogPosting", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "LiveBlogPosting", "TechArticle",
    "ScholarlyArticle", "SocialMediaPosting", "WebPage", "CollectionPage", "JobPosting", "PressRelease",
    "Review", "CriticReview", "DiscussionForumPosting",
})
_SIDEBAR = re.compile(r"widget|sidebar|tag-?cloud|tagcloud|related|footer-widgets|menu|breadcrumb", re.I)
_COMMENT_COUNT = re.compile(
    r"^\s*(\d+|one|no)\s+(?:comments?|commentaires?|comentarios?|commenti|kommentare?|responses?|replies|thoughts?"
    r"|reacties|comentários)\b", re.I)


@dataclass
class PageMeta:
    title: str | None = None
    published: str | None = None
    author: list[str] = field(default_factory=list)
    site_name: str | None = None
    url: str | None = None
    categories: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    comment_count: int | None = None
    paywalled: bool = False
    page_type: str | None = None
    html_title: str | None = None


def fill_fallbacks(meta: PageMeta, tree: HtmlElement, url: str | None) -> None:
    """What structured data left open: title from <h1>/<title>, date by htmldate, byline author,
    site name from the host name. Call it before trafilatura prunes the tree."""
    if not meta.title:
        meta.title = _first_text(tree, "//h1") or _page_title(tree)
    if not meta.published:
        from htmldate import find_date

        meta.published = find_date(tree, url=url, original_date=True, extensive_search=False)
    if not meta.author:
        byline = _first_text(tree, '//*[@rel="author" or @itemprop="author" or contains(@class, "author")]')
        if byline and len(byline) <= 80:
            meta.author = [re.sub(r"^(?:by|von|par|por|di|da)\s+", "", byline, flags=re.I)]
    if not meta.site_name and (url or meta.url):
        try:
            host = urlsplit(url or meta.url or "").hostname or ""
        except ValueError:  # a malformed netloc, e.g. "http://[bad"
            host = ""
        meta.site_name = host.removeprefix("www.") or None


def _first_text(tree: HtmlElement, xpath: str) -> str | None:
    for node in tree.xpath(xpath):
        text = re.sub(r"\s+", " ", node.text_content()).strip()
        if text:
            return text
    return None


def _page_title(tree: HtmlElement) -> str | None:
    title = _first_text(tree, "//head/title")
    # "Headline | Site" or "Headline - Site": keep the headline
    return re.split(r"\s+[|\u2013\u2014-]\s+", title)[0] if title else None


def page_meta(tree: HtmlElement) -> PageMeta:
    """Everything the tree states about its article, JSON-LD first, then meta tags and links."""
    meta = PageMeta()
    for node in _json_ld_objects(tree):
        _read_json_ld(meta, node)
    _read_meta_tags(meta, tree)
    _read_wordpress_links(meta, tree)
    if meta.comment_count is None:
        meta.comment_count = _visible_comment_count(tree)
    if tree.xpath('//*[contains(concat(" ", normalize-space(@class), " "), " paywall ")]'):
        meta.paywalled = True
    return meta


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # invalid, or nested deeper than Python's stack
            continue
        yield from _flatten(data)


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for entry in data:
            yield from _flatten(entry)
    elif isinstance(data, dict):
        if "@graph" in data:
            yield from _flatten(data["@graph"])
        yield data


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type", ())
    return {value} if isinstance(value, str) else {str(v) for v in value if isinstance(v, str)}


def _read_json_ld(meta: PageMeta, node: dict[str, Any]) -> None:
    types = _types(node) & ARTICLE_TYPES
    if not types:
        return
    specific = types - {"WebPage"}
    if meta.page_type and not specific:
        return  # a WebPage node adds nothing once an article node was read
    meta.page_type = meta.page_type or sorted(types)[0]
    meta.title = meta.title or _text(node.get("headline") or node.get("title") or node.get("name"))
    meta.published = meta.published or _text(node.get("datePublished") or node.get("datePosted")
                                             or node.get("dateCreated"))
    meta.url = meta.url or _text(node.get("url") or node.get("mainEntityOfPage"))
    if not meta.author:
        meta.author = _names(node.get("author"))
    if not meta.site_name:
        publisher = _names(node.get("publisher") or node.get("hiringOrganization"))
        meta.site_name = publisher[0] if publisher else None
    if not meta.categories:
        meta.categories = _list(node.get("articleSection"))
    if not meta.tags:
        meta.tags = _list(node.get("keywords"))
    count = node.get("commentCount")
    if meta.comment_count is None and isinstance(count, int | str) and str(count).isdigit():
        meta.comment_count = int(count)
    if str(node.get("isAccessibleForFree", "true")).lower() == "false":
        meta.paywalled = True


def _text(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("name")
    if isinstance(value, list) and value:
        value = value[0]
    return value.strip() if isinstance(value, str) and value.strip() else None


def _names(value: Any) -> list[str]:
    entries = value if isinstance(value, list) else [value]
    names = []
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return names


def _list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [part.strip() for part in value.split(",") if part.strip()]
    if isinstance(value, list):
        return [str(part).strip() for part in value if str(part).strip()]
    return []


def _read_meta_tags(meta: PageMeta, tree: HtmlElement) -> None:
    values: dict[str, list[str]] = {}
    for node in tree.xpath("//meta[@content][@property or @name]"):
        key = (node.get("property") or node.get("name") or "").strip().lower()
        values.setdefault(key, []).append(node.get("content", "").strip())
    first = {key: found[0] for key, found in values.items() if found and found[0]}
    meta.title = meta.title or first.get("og:title")
    meta.published = meta.published or first.get("article:published_time") or first.get("date")
    meta.site_name = meta.site_name or first.get("og:site_name")
    canonical = tree.xpath('//link[@rel="canonical"]/@href')
    meta.url = meta.url or first.get("og:url") or (str(canonical[0]) if canonical else None)
    if not meta.author and first.get("author"):
        meta.author = [first["author"]]
    if not meta.categories and first.get("article:section"):
        meta.categories = [first["article:section"]]
    if not meta.tags:
        meta.tags = [tag for tag in values.get("article:tag", []) if tag] or _list(first.get("news_keywords"))


def _read_wordpress_links(meta: PageMeta, tree: HtmlElement) -> None:
    categories: list[str] = []
    tags: list[str] = []
    for link in tree.xpath('//a[contains(concat(" ", normalize-space(@rel), " "), " tag ")]'):
        if _in_sidebar(link):
            continue
        name = link.text_content().strip()
        rel = (link.get("rel") or "").split()
        (categories if "category" in rel else tags).append(name)
    if not tags and not meta.tags:
        # Tag links without rel="tag": a /tag/ or /tags/ path outside sidebars and tag clouds.
        links = tree.xpath('//a[contains(@href, "/tag/") or contains(@href, "/tags/")]')
        tags = [link.text_content().strip() for link in links if not _in_sidebar(link)]
        tags = [tag for tag in tags if len(tag.split()) <= 4 and not re.search(r"[→»›…]", tag)]
    if categories:
        meta.categories = categories
    if tags:
        meta.tags = [tag for tag in tags if tag]


def _in_sidebar(node: HtmlElement) -> bool:
    for ancestor in node.iterancestors():
        if ancestor.tag in ("aside", "nav"):
            return True
        if _SIDEBAR.search(f"{ancestor.get('class', '')} {ancestor.get('id', '')}"):
            return True
    return False


def _visible_comment_count(tree: HtmlElement) -> int | None:
    links = tree.xpath('//a[contains(@href, "#comments") or contains(@href, "#respond")]'
                       ' | //*[contains(@class, "comments-title") or contains(@class, "comments-link")]')
    for node in links:
        match = _COMMENT_COUNT.match(node.text_content())
        if match:
            word = match.group(1).lower()
            return {"one": 1, "no": 0}.get(word, int(word) if word.isdigit() else 0)
    return None
