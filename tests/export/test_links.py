"""Only http(s) URLs leave Spyglass as links: scraped ``javascript:``, ``data:`` and ``file:``
permalinks never reach a STIX ``url``, a CSV cell or an Atom link, and are not stored at all."""

from __future__ import annotations

import csv
import io
import json

import pytest

from spyglass.export.csv import write_csv
from spyglass.export.facts import web_url
from spyglass.export.stix import write_stix
from spyglass.extract import articles_in
from spyglass.records import Article, Case, CaseSource, RawItem

from .stixcheck import problems

HOSTILE = [
    "javascript:alert(document.cookie)", "JavaScript:alert(1)", " javascript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "file:///etc/passwd",
    "vbscript:msgbox(1)", "//evil.example/no-scheme", "http://", "https://[bad", "http://ok.example/\x00x",
]
SAFE = ["https://news.example/a", "http://news.example/b?c=1#d", "HTTPS://News.Example/C"]


def _case() -> Case:
    urls = [*HOSTILE, *SAFE]
    return Case(id="case-links", title="Links", stage="charged", sponsor_country="RU", target_country="DE",
                sources=tuple(CaseSource(article_id=f"art-{i}", url=url) for i, url in enumerate(urls)))


@pytest.mark.parametrize("url", HOSTILE)
def test_other_schemes_are_no_web_url(url: str) -> None:
    assert web_url(url) is None


@pytest.mark.parametrize("url", SAFE)
def test_http_urls_are_kept(url: str) -> None:
    assert web_url(url) == url


def _urls_in(value: object) -> list[str]:
    if isinstance(value, dict):
        return [v for k, v in value.items() if k == "url"] + [u for v in value.values() for u in _urls_in(v)]
    if isinstance(value, list):
        return [u for v in value for u in _urls_in(v)]
    return []


def test_stix_external_references_carry_only_http_urls() -> None:
    out = io.StringIO()
    write_stix([_case()], out)
    bundle = out.getvalue()
    assert sorted(set(_urls_in(json.loads(bundle)))) == sorted(SAFE)
    for bad in ("javascript:", "JavaScript:", "data:text", "file://", "vbscript:"):
        assert bad not in bundle
    errors, _ = problems(bundle)
    assert errors == []


def test_csv_sources_name_the_article_instead_of_a_hostile_url() -> None:
    out = io.StringIO(newline="")
    write_csv([_case()], out)
    [row] = csv.DictReader(io.StringIO(out.getvalue(), newline=""))
    sources = row["sources"].split("; ")
    assert sources[:len(HOSTILE)] == [f"article:art-{i}" for i in range(len(HOSTILE))]
    assert sources[len(HOSTILE):] == SAFE


PAGE = """<html><head><title>Engineer charged</title>
<meta property="og:url" content="{url}"></head><body><article><h1>Engineer charged</h1>
<p>{body}</p><p>{body}</p></article></body></html>"""
BODY = ("Prosecutors said the engineer had copied design files onto a memory stick and handed them "
        "to a contact who introduced himself as a consultant, according to the court papers.")


@pytest.mark.parametrize(("declared", "fetched_from", "stored"), [
    ("javascript:alert(1)", None, None),
    ("javascript:alert(1)", "https://news.example/story", "https://news.example/story"),
    ("data:text/html,x", "https://news.example/story", "https://news.example/story"),
    ("/2024/05/engineer-charged", None, None),  # relative, and nothing to resolve it against
    ("https://news.example/canonical", None, "https://news.example/canonical"),
])
def test_an_article_keeps_only_a_web_address(declared: str, fetched_from: str | None, stored: str | None) -> None:
    raw = RawItem(source="page.html", content=PAGE.format(url=declared, body=BODY).encode(), url=fetched_from)
    [article] = list(articles_in(raw))
    assert isinstance(article, Article)
    assert article.url == stored
