"""Tables of input -> expected output for the extract readers: dates, language, decoding,
dump splitting, single-article scrapes, feeds and HTML metadata. Texts are written here."""

from __future__ import annotations

import pytest

from spyglass.extract import articles_in
from spyglass.extract.dates import parse_date
from spyglass.extract.decode import decoded, normalise_text, repair_mojibake
from spyglass.extract.fingerprint import fingerprint_of
from spyglass.extract.language import language_of
from spyglass.records import Article, RawItem, Rejected


@pytest.mark.parametrize(("text", "expected"), [
    ("March 31, 2025 2 Comments", ("2025-03-31", "day")),
    ("► Author: A. Writer | Date: 31 March 2025 | Permalink", ("2025-03-31", "day")),
    ("18. 4. 2021  09:12", ("2021-04-18", "day")),
    ("2010.07.01 18:02 KST", ("2010-07-01", "day")),
    (" date 2025-05-18", ("2025-05-18", "day")),
    ("2025-08-22T07:30:00.000+08:00", ("2025-08-22", "day")),  # the local date, not UTC
    ("Tue, 17 Dec 2024 23:14:52 -0500", ("2024-12-17", "day")),
    ("30. September 2025", ("2025-09-30", "day")),
    ("12 de abril de 2024", ("2024-04-12", "day")),
    ("21 novembre 2024", ("2024-11-21", "day")),
    ("11 juillet 2020", ("2020-07-11", "day")),
    ("March 2021", ("2021-03", "month")),
    ("2019", ("2019", "year")),
    ("no date here", None),
    ("2024-02-30", None),
    ("Fri, 23 Jun 299999999999999999999917 10:15:00 +0000", None),  # fuzz: OverflowError in email.utils
])
def test_dates(text: str, expected: tuple[str, str] | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "language"), [
    ("The court said on Tuesday that the officer had passed secrets to his handlers for years.", "en"),
    ("Das Gericht hat den Mann am Dienstag zu einer Haftstrafe verurteilt, weil er für China spioniert hat.", "de"),
    ("Le tribunal a condamné mardi les deux anciens agents pour trahison au profit de la Chine, selon le parquet.", "fr"),
    ("El tribunal condenó el martes al exdiplomático por espiar para Cuba durante más de cuatro décadas.", "es"),
    ("Il tribunale ha condannato per spionaggio l'ufficiale della Marina che ha ceduto documenti ai russi.", "it"),
    ("Суд приговорил бывшего офицера к двенадцати годам заключения за шпионаж в пользу иностранного государства.", "ru"),
    ("Sąd skazał byłego żołnierza na osiem lat więzienia za szpiegostwo na rzecz Rosji.", "pl"),
    ("Domstolen dömde den tidigare tjänstemannen till fängelse för grovt spioneri mot Sverige.", "sv"),
    ("法院以间谍罪判处一名前军官十年有期徒刑。", "zh"),
    ("裁判所は元自衛官に対し、スパイ行為で懲役三年の判決を言い渡した。", "ja"),
    ("Spy jailed", None),
])
def test_language(text: str, language: str | None) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(("data", "text"), [
    ("The spy’s handler".encode(), "The spy’s handler"),
    ("The countryâ€™s agency".encode(), "The country’s agency"),  # UTF-8 once read as cp1252
    ("Grüße “aus” Köln, a café".encode("cp1252"), "Grüße “aus” Köln, a café"),
    (b"\xef\xbb\xbfBOM text", "BOM text"),
    ("utf-16 text".encode("utf-16"), "utf-16 text"),
])
def test_decoding(data: bytes, text: str) -> None:
    assert decoded(data) == text


def test_normalising_line_ends_spaces_and_entities() -> None:
    assert normalise_text("a\u00a0b\r\nc &amp; d\u200b\re  ") == "a b\nc & d\ne"
    assert repair_mojibake("naïve café") == "naïve café"


def test_fingerprints_ignore_case_and_punctuation() -> None:
    assert fingerprint_of("Spy jailed, for years!") == fingerprint_of("spy JAILED for years")
    assert len(fingerprint_of("x")) == 16


def _articles(text: str, source: str = "doc.txt") -> list[Article | Rejected]:
    return list(articles_in(RawItem(source=source, content=text.encode("utf-8"))))


DUMP = """My Spy Blog
Home | About

Engineer jailed for passing designs to a foreign agent
May 2, 2024 by Ann Author 3 Comments
AN ENGINEER WHO worked at a shipyard has been jailed for six years for passing designs to a handler.
The court heard he was paid in cash over three years. Read more of this post
► Author: Ann Author | Date: 2 May 2024 | Permalink
A RETIRED COLONEL HAS been charged with spying for a neighbouring country, prosecutors said on
WHY DO SO MANY



Diplomats expelled after embassy raid
April 28, 2024 by Bo Writer No Comments
Two diplomats were told to leave the country within a week after police searched a flat used by the embassy.
Filed under Europe, Analysis Tagged with expulsions, embassy

Recent Posts
Engineer jailed for passing designs to a foreign agent
"""


def test_a_dump_splits_into_posts_then_teasers() -> None:
    found = _articles(DUMP)
    assert [(a.item, a.kind, a.published, a.author, a.comment_count) for a in found] == [  # type: ignore[union-attr]
        (0, "post", "2024-05-02", "Ann Author", 3),
        (1, "post", "2024-04-28", "Bo Writer", 0),
        (2, "teaser", None, None, None),
        (3, "teaser", None, None, None),
    ]
    post0, post1, teaser0, teaser1 = found
    assert isinstance(post0, Article) and isinstance(post1, Article)
    assert post0.text.endswith("over three years.")
    assert "Read more" not in post0.text and "Author" not in post0.text and "RETIRED" not in post0.text
    assert post1.categories == ("Europe", "Analysis") and post1.tags == ("expulsions", "embassy")
    assert "Recent Posts" not in post1.text
    assert isinstance(teaser1, Article) and teaser1.text == "WHY DO SO MANY" and teaser1.partial


def test_crlf_dump_splits_the_same() -> None:
    crlf = [(a.item, a.text) for a in _articles(DUMP.replace("\n", "\r\n")) if isinstance(a, Article)]
    assert crlf == [(a.item, a.text) for a in _articles(DUMP) if isinstance(a, Article)]


SCRAPE = """THE HARBOUR GAZETTE
Home | World | Security

Court jails former officer for selling secrets to a foreign service

Published 14 January 2023

PORT TOWN, Jan 14 (HG) - A former naval officer was jailed on Friday for twelve years after a court found he had sold secrets.

Image caption: The court building. (File photo)

The judge said the officer had betrayed the trust placed in him and had put colleagues at risk for money.

Advertisement

Related: How the navy vets its officers

Prosecutors said he was paid about 40,000 euros over four years by officers of a foreign intelligence service.

Sign up for the Harbour Gazette morning briefing.
"""


def test_a_single_article_scrape_drops_furniture_and_finds_its_date() -> None:
    (article,) = _articles(SCRAPE)
    assert isinstance(article, Article)
    assert (article.kind, article.item, article.published, article.title) == (
        "page", 0, "2023-01-14", "Court jails former officer for selling secrets to a foreign service")
    assert article.text.startswith("PORT TOWN, Jan 14 (HG) - A former naval officer")
    for furniture in ("Image caption", "Advertisement", "Related:", "Sign up", "HARBOUR GAZETTE"):
        assert furniture not in article.text


ARCHIVE_REPRINT = """From the archive, 4 May 1961: the radio operator who sold naval codes

Originally published in the Evening Courier on 4 May 1961

A radio operator at the naval base was sentenced yesterday to ten years in prison after admitting that he sold naval codes to agents of a foreign power.
"""


def test_a_provenance_line_is_not_the_headline_but_still_dates_the_piece() -> None:
    (article,) = _articles(ARCHIVE_REPRINT)
    assert isinstance(article, Article)
    assert article.title == "From the archive, 4 May 1961: the radio operator who sold naval codes"
    assert article.published == "1961-05-04"
    assert "Originally published" not in article.text


ATOM = """<?xml version='1.0' encoding='UTF-8'?><feed xmlns='http://www.w3.org/2005/Atom'>
<title>CI Notes</title>
<entry><title>First</title><link rel='alternate' href='https://b.example/1'/>
<published>2025-08-22T07:30:00.000+08:00</published><author><name>R. Analyst</name></author>
<category term='China'/>
<content type='html'>&amp;lt;p&amp;gt;A sailor was convicted of espionage by a federal jury on Wednesday after a two-week trial.&amp;lt;/p&amp;gt;</content></entry>
<entry><title>Second</title><link rel='alternate' href='https://b.example/2'/>
<published>2025-06-11T09:00:00Z</published>
<content type='html'>&lt;p&gt;Prosecutors indicted four former staffers for spying, seeking long prison terms for each.&lt;/p&gt;</content></entry>
</feed>"""


def test_atom_items_in_file_order_with_double_escaped_html() -> None:
    found = _articles(ATOM, "feed.atom")
    assert [(a.item, a.kind, a.title, a.published, a.url) for a in found] == [  # type: ignore[union-attr]
        (0, "feed_item", "First", "2025-08-22", "https://b.example/1"),
        (1, "feed_item", "Second", "2025-06-11", "https://b.example/2"),
    ]
    first = found[0]
    assert isinstance(first, Article)
    assert first.text.startswith("A sailor was convicted") and "<p>" not in first.text and "&lt;" not in first.text
    assert (first.author, first.categories, first.site_name) == ("R. Analyst", ("China",), "CI Notes")


PAGE = """<!doctype html><html lang="en"><head><title>Spy case | Gazette</title>
<meta property="og:site_name" content="The Gazette">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Officer jailed for spying", "datePublished": "2024-03-03T10:00:00+01:00",
 "author": [{"@type": "Person", "name": "Ada Writer"}], "isAccessibleForFree": false,
 "commentCount": 5, "keywords": "espionage, navy"}</script>
<script id="__NEXT_DATA__" type="application/json">{"props": {"pageProps": {"story": "hidden json copy"}}}</script>
</head><body><div class="cookie-banner">We use cookies to improve your experience.</div>
<article><h1>Officer jailed for spying</h1>
<p>A naval officer was jailed for twelve years on Monday for passing secrets to a foreign intelligence service.</p>
<p>The court heard that he had been paid in cash and had met his handlers in three countries over six years.</p>
<div class="paywalled-content" style="display: none"><p>Hidden paragraph behind the paywall that must not be read.</p></div>
</article><div class="paywall"><p>Subscribe to keep reading.</p></div>
<section class="related"><h2>Most read</h2><ul><li><a href="/x">Another spy story headline</a></li></ul></section>
</body></html>"""


def test_html_page_metadata_and_visible_text_only() -> None:
    (article,) = _articles(PAGE, "page.html")
    assert isinstance(article, Article)
    assert (article.kind, article.title, article.published, article.author, article.site_name) == (
        "page", "Officer jailed for spying", "2024-03-03", "Ada Writer", "The Gazette")
    assert (article.comment_count, article.tags, article.partial, article.language) == (
        5, ("espionage", "navy"), True, "en")
    assert "twelve years" in article.text
    for hidden in ("Hidden paragraph", "hidden json copy", "cookies", "Subscribe", "Another spy story"):
        assert hidden not in article.text


def test_a_page_of_more_elements_than_any_real_page_is_refused_before_extraction() -> None:
    from spyglass.extract.html import MAX_ELEMENTS

    paragraph = "<p>The court heard that the engineer passed drawings to a foreign intelligence officer.</p>"
    huge = "<html><body>" + paragraph * (MAX_ELEMENTS + 10) + "</body></html>"
    (rejected,) = _articles(huge, "huge.html")
    assert isinstance(rejected, Rejected)
    assert rejected.code == "too-complex"
    assert "more than 50,000 HTML elements" in rejected.reason
    (article,) = _articles("<html><body>" + paragraph * 5_000 + "</body></html>", "long.html")
    assert isinstance(article, Article)  # a long page well under the cap is read as usual


@pytest.mark.parametrize(("name", "text"), [
    ("gold.jsonl", '{"id": "d1", "cases": []}\n{"id": "d2", "cases": []}\n'),
    ("cases.json", '[{"id": "c-1", "stage": "sentenced", "summary": "An engineer was jailed for spying."}]'),
    ("README.md", "# Spy news corpus\n\nPages copied from blogs.\n\n```sh\nspyglass ingest .\n```\n"),
    ("NOTES.md", "## Sources\n\n| site | pages |\n|---|---|\n| intelNews | 12 |\n"),
])
def test_data_and_documentation_beside_the_news_are_left_out_and_said_so(name: str, text: str) -> None:
    (rejected,) = _articles(text, name)
    assert isinstance(rejected, Rejected) and rejected.code == "not-news", rejected


def test_news_text_with_a_hashtag_or_brackets_is_still_news() -> None:
    text = ("#Espionage: A former navy engineer was sentenced on Tuesday to eight years in prison for passing "
            "submarine drawings to a foreign intelligence officer [updated], prosecutors said.")
    (article,) = _articles(text, "post.txt")
    assert isinstance(article, Article)
