"""Fixtures for the store contract: a fresh store on each backend, and small record builders.

``store`` yields a new SQLite file store and a new PostgreSQL store living in a schema of its
own (created for the test, dropped afterwards), so the same test runs on both backends.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from spyglass.records import (
    Analysis,
    Article,
    Case,
    CaseSource,
    Evidence,
    Mention,
    Relevance,
    Stat,
    TimelineEvent,
)
from spyglass.store import Store, open_store


def pg_schema_url(base: str, schema: str) -> str:
    joiner = "&" if "?" in base else "?"
    return f"{base}{joiner}options=-csearch_path%3D{schema}"


@pytest.fixture
def pg_store_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A URL whose search_path is a brand-new schema, dropped when the test ends."""
    import psycopg

    base: str = request.getfixturevalue("pg_url")
    schema = "spyglass_t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    try:
        yield pg_schema_url(base, schema)
    finally:
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "spyglass.db")
    url: str = request.getfixturevalue("pg_store_url")
    return url


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    try:
        yield opened
    finally:
        opened.close()


# What migrations 0010 and 0009 add, undone (newest first): an upgrade test takes a store back
# to an older version by deleting schema_version rows, and SQLite cannot add a column twice.
UNDO_0010 = ("DROP INDEX case_years_last", "DROP TABLE case_year_pairs",
             *(f"ALTER TABLE case_years DROP COLUMN {column}"
               for column in ("last_reported", "sponsor", "target", "service", "stage", "years")))
UNDO_0009 = ("DROP TABLE store_counts", "DROP TABLE source_counts", "DROP TABLE case_tally")


# --- record builders ---------------------------------------------------------------------

def evidence(article_id: str, sentence: str, rule: str = "test") -> Evidence:
    return Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence), rule=rule, confidence=0.9)


def article(
    article_id: str, text: str, title: str | None = None, published: str | None = "2024-03-01",
    fingerprint: str = "", source: str = "sample.html",
) -> Article:
    return Article(
        id=article_id, source=source, item=0, kind="page", title=title, url=f"https://news.example/{article_id}",
        published=published, published_precision="day" if published else None, author="A. Writer",
        categories=("world",), tags=("security", "asia"), comment_count=3, site_name="Example News",
        language="en", text=text, fingerprint=fingerprint,
    )


def analysis(art: Article, mentions: tuple[Mention, ...] = (), stats: tuple[Stat, ...] = ()) -> Analysis:
    return Analysis(
        article=art, relevance=Relevance(is_espionage=bool(mentions), score=0.8, reasons=("keyword:spy",)),
        mentions=mentions, stats=stats,
    )


def mention(article_id: str, index: int = 0, published: str | None = "2024-03-01", **facts: object) -> Mention:
    sentence = f"Sentence {index} of {article_id}."
    return Mention(
        article_id=article_id, index=index, published=published, summary=sentence,
        evidence={"stage": evidence(article_id, sentence)}, **facts,  # type: ignore[arg-type]
    )


def case(case_id: str, **fields: object) -> Case:
    """A case with sensible defaults; ``fields`` override any Case field."""
    article_id = f"art-{case_id}"
    defaults: dict[str, object] = {
        "title": f"Case {case_id}",
        "accused_names": ("Chen Wei",),
        "sponsor_country": "CN",
        "target_country": "TW",
        "sponsor_service": "svc.cn.mss",  # canonical, as linking gives it
        "stage": "arrested",
        "mentions": ((article_id, 0),),
        "timeline": (TimelineEvent(stage="arrested", date="2024-03-01", article_id=article_id),),
        "sources": (CaseSource(article_id=article_id, title=f"Spy case {case_id}", published="2024-03-01"),),
        "evidence": {"stage": evidence(article_id, "He was arrested in Taipei on suspicion of spying.")},
        "first_reported": "2024-03-01",
        "last_reported": "2024-03-01",
    }
    return Case.model_validate({"id": case_id, **{**defaults, **fields}})
