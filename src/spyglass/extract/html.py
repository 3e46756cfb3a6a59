"""HTML pages (and feed items' HTML) -> article drafts: main text by trafilatura, metadata
from trafilatura plus JSON-LD, ``og:`` tags and WordPress links (``metadata``).

The page is parsed once with lxml (``htmltree``); our metadata is read from the tree before trafilatura
prunes it. Reader comments are left out (``include_comments=False``); on a paywalled page
hidden elements and the subscription box are removed first, so only the visible part is kept
and the article is marked partial. A listing page (a round-up of sibling items, see
``listing``) stays one article whose text joins every item, each item's text extracted by
trafilatura on its own: given the whole page, trafilatura keeps only the first item.
"""

from __future__ import annotations

import re
from configparser import ConfigParser
from copy import deepcopy
from itertools import islice
from typing import Any

import trafilatura
from lxml import etree
from lxml.html import HtmlElement, tostring
from trafilatura.settings import DEFAULT_CONFIG

from spyglass.records import ArticleKind

from .build import Draft
from .dates import parse_date
from .htmltree import document_tree, page_tree
from .listing import listing_items
from .metadata import PageMeta, fill_fallbacks, page_meta

__all__ = ["html_draft", "fragment_text", "looks_like_html", "PageTooComplex", "MAX_ELEMENTS"]

_HIDDEN = ('//*[@hidden] | //*[@aria-hidden="true"] | //*[contains(translate(@style, " ", ""), "display:none")]'
           ' | //*[contains(concat(" ", normalize-space(@class), " "), " paywall ")]')
_MIN_CHARS, _MIN_WORDS = 25, 5
# The most HTML elements a page may have: four times the largest of 4,567 real web pages measured
# (12,812, a Reddit thread). Past it trafilatura spends seconds in C code that no timer can
# interrupt (a 17 MB page of 90,816 elements took 10 s), so the page is refused before it starts.
MAX_ELEMENTS = 50_000


class PageTooComplex(ValueError):
    """A page whose tree is too large for its text to be extracted in bounded time."""
# A listing item is short; at trafilatura's default minimum (250 chars) it would fall back to
# raw page text, link lines and all, so items are read with our own article minimum.
_ITEM_CONFIG = deepcopy(DEFAULT_CONFIG)
_ITEM_CONFIG["DEFAULT"]["min_extracted_size"] = str(_MIN_CHARS)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption"}
_HTML_MARK = re.compile(r"<(?:p|div|article|br|span|a|h[1-6]|ul|li|table|section|main)[\s/>]", re.I)
_HTML_ROOT = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype html|html|head|body|meta|title)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    """True for an HTML page (its root is HTML) or a text made mostly of HTML markup."""
    head = text[:20_000]
    if _HTML_ROOT.match(head):
        return True
    # A fragment: many tags, and markup from the first character (not a text quoting a tag).
    return head.lstrip().startswith("<") and len(_HTML_MARK.findall(head)) >= 2


def html_draft(html: str, url: str | None, kind: ArticleKind = "page", fragment: bool = False) -> Draft | None:
    """The article of one HTML page or fragment; None when it holds no article text."""
    tree = _parsed(html)
    if tree is None:
        return None
    if sum(1 for _ in islice(tree.iter(), MAX_ELEMENTS + 1)) > MAX_ELEMENTS:
        raise PageTooComplex(f"the page has more than {MAX_ELEMENTS:,} HTML elements (the largest real news page "
                             "measured has 12,812); its text is not extracted")
    meta = page_meta(tree)
    if meta.paywalled:
        _drop(tree, _HIDDEN)
    if not fragment:
        fill_fallbacks(meta, tree, url)  # before trafilatura, which prunes the tree
    # Metadata is ours (JSON-LD, meta tags, htmldate); trafilatura is asked for the main text only.
    items = listing_items(tree, meta.page_type)
    if items:
        doc, text = None, _listing_text(items, url or meta.url)
    else:
        doc = _extracted(tree, url or meta.url, with_metadata=False)
        text = (doc.get("text") or "").strip() if doc else ""
    if not text and fragment:
        text = fragment_text(_parsed(html))
    if len(text) < _MIN_CHARS or len(text.split()) < _MIN_WORDS:
        return None  # a menu or a caption is not an article
    return _draft(kind, text, meta, doc or {}, url, html_lang=tree.get("lang"))


def _parsed(html: str) -> HtmlElement | None:
    try:
        tree = page_tree(html)
        if tree is None:
            # trafilatura declines short fragments (a feed item's few paragraphs); lxml does not.
            tree = document_tree(_XML_DECLARATION.sub("", html, count=1))
    except (ValueError, etree.ParserError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _drop(tree: HtmlElement, xpath: str) -> None:
    for node in tree.xpath(xpath):
        if node.getparent() is not None:
            node.drop_tree()


def _extracted(tree: HtmlElement, url: str | None, with_metadata: bool,
               config: ConfigParser = DEFAULT_CONFIG) -> dict[str, Any] | None:
    doc = trafilatura.bare_extraction(
        tree, url=url, include_comments=False, include_tables=True, with_metadata=with_metadata, fast=True,
        deduplicate=False, config=config,
    )
    if doc is None:
        return None
    return doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)


def _listing_text(items: list[HtmlElement], url: str | None) -> str:
    """Every item's main text (its headline included), in page order, a blank line between
    items; trafilatura strips each item's own furniture ("More on ..." link lines)."""
    texts = []
    for item in items:
        page = document_tree(f"<html><body>{tostring(item, encoding='unicode')}</body></html>")
        doc = _extracted(page, url, with_metadata=False, config=_ITEM_CONFIG)
        text = (doc.get("text") or "").strip() if doc else ""
        texts.append(text or fragment_text(page))
    return "\n\n".join(text for text in texts if text)  # a blank line marks where an item ends


def _draft(kind: ArticleKind, text: str, meta: PageMeta, doc: dict[str, Any], url: str | None,
           html_lang: str | None) -> Draft:
    published = parse_date(meta.published or "") or parse_date(str(doc.get("date") or ""))
    return Draft(
        kind=kind,
        text=text,
        title=meta.title or doc.get("title"),
        url=url or meta.url or doc.get("url"),
        published=published[0] if published else None,
        published_precision=published[1] if published else None,
        author="; ".join(meta.author) if meta.author else _author(doc.get("author")),
        categories=meta.categories or list(doc.get("categories") or []),
        tags=meta.tags or _tags(doc.get("tags")),
        comment_count=meta.comment_count,
        site_name=meta.site_name or doc.get("sitename"),
        language=None if not html_lang else None,
        partial=meta.paywalled,
    )


def _author(value: Any) -> str | None:
    """trafilatura's author without the date fragments it sometimes sweeps in ("NAME; June")."""
    if not isinstance(value, str):
        return None
    names = [part.strip() for part in value.split(";")]
    kept = [name for name in names if name and not re.search(r"\d", name) and not _MONTH_ONLY.match(name)]
    return "; ".join(kept) or None


_MONTH_ONLY = re.compile(r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?$", re.I)


def _tags(value: Any) -> list[str]:
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, str):
        return [part.strip() for part in value.split(",")]
    return []


def fragment_text(tree: HtmlElement | None) -> str:
    """Text of an HTML fragment, one block element per line (used when trafilatura finds none)."""
    if tree is None:
        return ""
    lines = []
    for node in tree.iter():
        if isinstance(node.tag, str) and node.tag in _BLOCKS:
            line = re.sub(r"\s+", " ", node.text_content()).strip()
            if line:
                lines.append(line)
    if not lines:
        lines = [re.sub(r"\s+", " ", tree.text_content()).strip()]
    return "\n".join(line for line in lines if line)
