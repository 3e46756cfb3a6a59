"""Listing pages (round-ups, briefings, archive front pages): find the sibling items whose
texts together make the page's article, so every item is kept and not only the first.

trafilatura chooses one content frame per page; for ``<article>`` markup that is the first
``<article>`` in the document, so a page built of several sibling ``<article>`` items keeps
item one and silently drops the rest. A page is a listing when its structured data says so
(``CollectionPage``, ``ItemList``...), or when at least two sibling items carry prose of their
own, the first item of the page is one of them, and none of them is a full article with an
``<h1>`` (a single article followed by sibling cards is not a listing). Items inside comment
threads, sidebars, related or most-read lists, navigation and footers never count.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.html import HtmlElement

__all__ = ["LISTING_TYPES", "listing_items"]

LISTING_TYPES = frozenset({"CollectionPage", "ItemList", "Blog", "SearchResultsPage"})
_ITEMS = ('//article | //*[contains(@itemtype, "schema.org/") and (contains(@itemtype, "Article")'
          ' or contains(@itemtype, "BlogPosting"))]')
_FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "form"})
# Class or id words of containers whose items are page furniture, not the listing.
_FURNITURE = re.compile(
    r"comment|related|sidebar|widget|most-?read|popular|trending|recommend|promo|newsletter|"
    r"footer|share|sponsor|advert|more-?stories|read-?next|also-?read", re.I)
_MIN_ITEM_CHARS = 120  # prose of a real item summary; a card with a headline alone has less


def listing_items(tree: HtmlElement, page_type: str | None = None) -> list[HtmlElement]:
    """The items of a listing page in document order; [] when the page is not a listing."""
    candidates = _outermost([node for node in tree.xpath(_ITEMS) if not _is_furniture(node)])
    group = _largest_group(candidates)
    if len(group) < 2:
        return []
    if page_type in LISTING_TYPES:
        return group
    if candidates[0] is not group[0] or any(member.xpath(".//h1") for member in group):
        return []
    return group


def _is_furniture(node: HtmlElement) -> bool:
    for element in (node, *node.iterancestors()):
        if element.tag in ("body", "html"):
            break  # page-wide classes ("has-sidebar", "comments-open") describe the page, not the item
        if element.tag in _FURNITURE_TAGS:
            return True
        if _FURNITURE.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return True
    return False


def _outermost(nodes: list[HtmlElement]) -> list[HtmlElement]:
    """Drop items nested in another item (an itemtype on an ``<article>``'s child, a quote card)."""
    chosen = set(nodes)
    return [node for node in nodes if not any(parent in chosen for parent in node.iterancestors())]


def _largest_group(candidates: Iterable[HtmlElement]) -> list[HtmlElement]:
    """The biggest set of siblings (one parent) that each hold prose of their own."""
    # Keyed by the parent element itself: it keeps lxml's proxy alive (an id() would not).
    by_parent: dict[HtmlElement, list[HtmlElement]] = {}
    for node in candidates:
        parent = node.getparent()
        if parent is not None and _prose_chars(node) >= _MIN_ITEM_CHARS:
            by_parent.setdefault(parent, []).append(node)
    return max(by_parent.values(), key=len, default=[])


def _prose_chars(node: HtmlElement) -> int:
    return sum(len(re.sub(r"\s+", " ", p.text_content()).strip()) for p in node.iter("p"))
