"""Pages are parsed as trafilatura parses them, every element a plain ``HtmlElement``."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from lxml import etree
from lxml.html import HtmlElement
from trafilatura.utils import load_html

from spyglass.extract.htmltree import document_tree, page_tree
from spyglass.samples import sample_paths

ODD_PAGES = [
    "<p>A fragment of one paragraph.</p>",  # no page: both give None
    "<div><p>One</p><p>Two</p></div>",
    '<?xml version="1.0" encoding="utf-8"?><html><body><p>Declared encoding</p></body></html>',
    "<!DOCTYPE html>\n<html><head><title>T</title></head><body><p>Doctype on the first line</p></body></html>",
    "<html/>\n<body><p>A self-closing root</p></body>",
    "<html><body><form><input name=q value=spy><select><option>x</select></form><p>Form</p></body></html>",
    "<html><body><!-- a comment --><p>Text &amp; entities &eacute;</p><?php echo 1; ?></body></html>",
    "",
    "plain words, no markup at all",
]


def _pages(corpus: Path | None) -> list[str]:
    paths = [Path(p) for p in sample_paths() if Path(p).suffix in (".html", ".htm")]
    if corpus is not None:
        paths += sorted((corpus / "html").glob("*.htm*"))
    return [path.read_text("utf-8", "replace") for path in paths] + ODD_PAGES


def _serialised(tree: HtmlElement | None) -> bytes | None:
    return None if tree is None else etree.tostring(tree)


def test_a_page_parses_as_trafilatura_parses_it(corpus_dir: Path) -> None:
    pages = _pages(corpus_dir)
    assert len(pages) > 20
    for html in pages:
        assert _serialised(page_tree(html)) == _serialised(load_html(html)), html[:80]


@pytest.mark.parametrize("html", ODD_PAGES)
def test_an_odd_page_parses_as_trafilatura_parses_it(html: str) -> None:
    assert _serialised(page_tree(html)) == _serialised(load_html(html))


def test_every_element_is_a_plain_html_element() -> None:
    tree = page_tree(ODD_PAGES[5])
    assert tree is not None
    kinds = {type(element) for element in tree.iter() if isinstance(element.tag, str)}
    assert kinds == {HtmlElement}  # lxml.html would make an InputElement and a SelectElement
    assert tree.text_content().strip().endswith("Form")


def test_a_document_keeps_its_comments_as_lxml_does() -> None:
    tree = document_tree("<html><body><!-- kept --><p>x</p></body></html>")
    assert any(isinstance(node, etree._Comment) for node in tree.iter())


def test_threads_parse_side_by_side() -> None:
    pages = _pages(None) * 5
    alone = [_serialised(page_tree(html)) for html in pages]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda html: _serialised(page_tree(html)), pages))
    assert together == alone
