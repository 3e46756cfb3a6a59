"""Listing pages (round-ups of several sibling items) stay one article whose text holds every
item, while comments, related lists and widgets stay out; single-article pages with sibling
cards or comment articles are not listings. Pages are written here; the corpus checks read
the development corpus through the ``corpus_dir`` fixture."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from trafilatura.utils import load_html

from spyglass.extract import articles_in
from spyglass.extract.listing import listing_items
from spyglass.extract.metadata import page_meta
from spyglass.records import Article, RawItem

ITEMS = (
    ("Harbour clerk charged", "Prosecutors charged a harbour clerk with passing ship movements to a foreign "
     "intelligence service, according to an indictment unsealed on Tuesday in the capital."),
    ("Engineer jailed in the north", "A regional court jailed a radar engineer for five years for selling "
     "circuit diagrams to a handler he met at a trade fair, the court said in a statement."),
    ("Two attachés told to leave", "The foreign ministry declared two military attachés persona non grata "
     "after counter-intelligence officers watched them photograph an air base over several weeks."),
)
FURNITURE = ("Great round-up as always", "Sign up for the weekly letter", "Old spy story from the archive")


def _items_html(tag: str = "article") -> str:
    return "".join(
        f'<{tag} class="brief"><p class="kicker">Region</p><h2>{title}</h2><p>{body}</p>'
        f'<p><a href="/tag/x">More on this &rarr;</a></p></{tag}>'
        for title, body in ITEMS
    )


def _page(body: str, ld_type: str | None = "CollectionPage") -> str:
    ld = (f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "{ld_type}", '
          f'"name": "The month in spying", "datePublished": "2024-05-31"}}</script>') if ld_type else ""
    return (f'<!doctype html><html lang="en"><head><title>The month in spying</title>{ld}</head>'
            f'<body><nav><a href="/">Home</a></nav><main>{body}</main>'
            f'<footer><p>{FURNITURE[1]}: one email a week, no tracking.</p></footer></body></html>')


_COMMENTS = (f'<section id="comments"><article class="comment-body"><p>{FURNITURE[0]}, thanks for putting '
             f'it together every month, I read it on the train each time.</p></article></section>')
_RELATED = (f'<aside class="related-posts"><article><h3>{FURNITURE[2]}</h3><p>{FURNITURE[2]}: a long '
            f'excerpt of a related post that is long enough to look like an item summary if it were read.</p>'
            f'</article></aside>')

LISTINGS = [
    # (case, page, item headlines kept: trafilatura keeps an <article>'s heading, not a <div>'s)
    ("collection page", _page(f"<h1>The month in spying</h1>{_items_html()}{_COMMENTS}{_RELATED}"), True),
    ("no structured data", _page(f"<h1>The month in spying</h1>{_items_html()}{_RELATED}", ld_type=None), True),
    ("microdata items", _page(_items_html("div").replace(
        '<div class="brief">', '<div class="brief" itemscope itemtype="https://schema.org/NewsArticle">')), False),
]


def _article(html: str) -> Article:
    found = list(articles_in(RawItem(source="page.html", content=html.encode("utf-8"))))
    assert len(found) == 1 and isinstance(found[0], Article), found
    return found[0]


@pytest.mark.parametrize(("case", "html", "headlines"), LISTINGS)
def test_a_listing_page_is_one_article_with_every_item(case: str, html: str, headlines: bool) -> None:
    article = _article(html)
    for title, body in ITEMS:
        assert body in article.text, case
        assert (title in article.text) is headlines, case
    for furniture in (*FURNITURE, "More on this", "Home"):
        assert furniture not in article.text, (case, furniture)
    assert article.text.count("\n\n") == len(ITEMS) - 1, "a blank line between items"


_MAIN = ("<article><h1>Naval officer jailed for spying</h1><p>A naval officer was jailed for twelve years "
         "on Monday for passing secrets to a foreign intelligence service, the court said.</p>"
         "<p>He had met his handlers in three countries over six years and was paid in cash.</p></article>")
_CARD = ("<article><h3>Card {n}</h3><p>A teaser excerpt of another story, long enough to pass for an item "
         "summary of the kind a round-up page would print under a headline.</p></article>")

SINGLE_ARTICLES = [
    # (case, page, the text trafilatura reads as the article)
    ("main article then sibling cards", _page(_MAIN + _CARD.format(n=1) + _CARD.format(n=2), ld_type="NewsArticle"),
     "jailed for twelve years"),
    ("main article with comment articles", _page(_MAIN + _COMMENTS + _COMMENTS, ld_type=None),
     "jailed for twelve years"),
    ("one item only", _page(_items_html().split("</article>")[0] + "</article>", ld_type=None), ITEMS[0][1]),
]


@pytest.mark.parametrize(("case", "html", "text"), SINGLE_ARTICLES)
def test_a_single_article_page_is_not_a_listing(case: str, html: str, text: str) -> None:
    tree = load_html(html)
    assert listing_items(tree, page_meta(tree).page_type) == [], case
    article = _article(html)
    assert text in article.text and FURNITURE[0] not in article.text, case


def _html_pages(corpus_dir: Path) -> list[Path]:
    return sorted((corpus_dir / "html").glob("*.html"))


def test_the_corpus_round_up_keeps_every_item(corpus_dir: Path) -> None:
    path = corpus_dir / "html" / "list-01-spy-brief-july-2025.html"
    html = path.read_text(encoding="utf-8")
    article = _article(html)
    tree = load_html(html)
    assert tree is not None
    (ld,) = [json.loads(s.text) for s in tree.xpath('//script[@type="application/ld+json"]')]
    headlines = [part["headline"] for part in ld["hasPart"]]
    assert len(headlines) >= 4
    for headline in headlines:
        assert headline in article.text
    assert "Subscribe" not in article.text and "In this issue" not in article.text


def test_no_other_corpus_page_is_taken_for_a_listing(corpus_dir: Path) -> None:
    for path in _html_pages(corpus_dir):
        if path.name.startswith("list-"):
            continue
        tree = load_html(path.read_text(encoding="utf-8"))
        assert listing_items(tree, page_meta(tree).page_type) == [], path.name
