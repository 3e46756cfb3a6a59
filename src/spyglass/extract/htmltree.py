"""HTML text -> an lxml tree, parsed as trafilatura parses it but with a cheaper element lookup.

trafilatura (``utils.load_html``) parses with ``lxml.html.HTMLParser``, whose element class
lookup is a Python method that runs for every element lxml hands to Python code: about a fifth
of the time of extracting a page's text. The parsers here take the same options, and a page gets
the same repairs and the same fallback as in ``load_html``, but every element is an
``HtmlElement`` chosen in C: lxml's form classes (``InputElement``...), which neither trafilatura
nor Spyglass uses, are not made. Each thread has its own parsers: an lxml parser must not be
used by two threads at once.
"""

from __future__ import annotations

import threading

from lxml import etree
from lxml.html import (
    HtmlComment,
    HtmlElement,
    HtmlEntity,
    HTMLParser,
    HtmlProcessingInstruction,
    document_fromstring,
    fromstring,
)
from trafilatura.utils import is_dubious_html, repair_faulty_html

__all__ = ["page_tree", "document_tree"]

_LOOKUP = etree.ElementDefaultClassLookup(
    element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity)
# ``trafilatura.utils.HTML_PARSER``'s options
_TRAFILATURA = {"collect_ids": False, "default_doctype": False, "encoding": "utf-8", "remove_comments": True,
                "remove_pis": True}
_PARSERS = threading.local()


def page_tree(html: str) -> HtmlElement | None:
    """The tree of a page as ``trafilatura.utils.load_html`` makes it from a string: the same
    repairs, the same second try from bytes, None for a text that is no HTML."""
    beginning = html[:50].lower()
    repaired = repair_faulty_html(html, beginning)
    from_bytes = False
    try:
        tree = fromstring(repaired, parser=_parser("trafilatura"))
    except ValueError:  # a Unicode string with an encoding declaration
        tree, from_bytes = _from_bytes(repaired), True
    except Exception:  # noqa: BLE001 - load_html gives up on this pass for any error of lxml's
        tree = None
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(repaired)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # a fragment, not a page
    return tree


def document_tree(html: str) -> HtmlElement:
    """``lxml.html.document_fromstring`` with lxml's default options (comments kept)."""
    tree: HtmlElement = document_fromstring(html, parser=_parser("plain"))
    return tree


def _from_bytes(html: str) -> HtmlElement | None:
    try:
        tree: HtmlElement = fromstring(html.encode("utf8", "surrogatepass"), parser=_parser("trafilatura"))
    except Exception:  # noqa: BLE001 - as in load_html: a page lxml cannot read has no tree
        return None
    return tree


def _parser(kind: str) -> HTMLParser:
    """This thread's parser of the kind: trafilatura's options, or lxml's defaults ("plain")."""
    parser: HTMLParser | None = getattr(_PARSERS, kind, None)
    if parser is None:
        parser = HTMLParser(**(_TRAFILATURA if kind == "trafilatura" else {}))
        parser.set_element_class_lookup(_LOOKUP)
        setattr(_PARSERS, kind, parser)
    return parser
