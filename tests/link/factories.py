"""Small builders of records for the link tests: a mention or an article in one line."""

from __future__ import annotations

from typing import Any

from spyglass.extract.fingerprint import fingerprint_of
from spyglass.records import Article, Evidence, Mention


def fingerprint(text: str) -> str:
    """The simhash the extract stage stores in ``Article.fingerprint``."""
    return fingerprint_of(text)


def article(id: str, text: str) -> Article:
    return Article(id=id, source=f"{id}.txt", item=0, kind="page", text=text, fingerprint=fingerprint(text))


def mention(article_id: str = "a1", index: int = 0, published: str | None = "2017-06-22", **facts: Any) -> Mention:
    """A mention with evidence for every stated field (the sentence names the field)."""
    evidence = {
        name: Evidence(article_id=article_id, sentence=f"{name} stated in {article_id}", start=0, end=10,
                       rule="test", confidence=0.9)
        for name, value in facts.items() if value not in (None, ())
    }
    return Mention(article_id=article_id, index=index, published=published, evidence=evidence, **facts)
