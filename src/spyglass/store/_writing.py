"""Ingest writes: analyses (articles, bands, mentions, stats), cases with blocking keys, rejections.

Every write replaces what the same input wrote before, so re-ingesting changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from spyglass.records import Analysis, Article, Case, Mention, Rejected
from spyglass.store import _codec
from spyglass.store._engine import SqlBase, chunks, locked

__all__ = ["WriteMixin", "ARTICLE_COLUMNS", "article_of"]

INGEST = "spyglass"  # who the audit log names for machine changes
ARTICLE_COLUMNS = (
    "id", "source", "item", "kind", "title", "url", "published", "published_precision", "author",
    "categories", "tags", "comment_count", "site_name", "language", "text", "partial", "fingerprint",
)
_ARTICLE_SELECT = ", ".join(f"a.{name}" for name in ARTICLE_COLUMNS)


def article_of(row: tuple[Any, ...]) -> Article:
    """An Article from the ARTICLE_COLUMNS of a row."""
    data = dict(zip(ARTICLE_COLUMNS, row, strict=False))
    data["categories"] = json.loads(data["categories"])
    data["tags"] = json.loads(data["tags"])
    data["partial"] = bool(data["partial"])
    return Article.model_validate(data)


def _article_params(article: Article, duplicate_of: str | None, at: str) -> tuple[Any, ...]:
    return (
        article.id, article.source, article.item, article.kind, article.title, article.url,
        article.published, article.published_precision, article.author, json.dumps(list(article.categories)),
        json.dumps(list(article.tags)), article.comment_count, article.site_name, article.language,
        article.text, int(article.partial), article.fingerprint, duplicate_of, at,
    )


class WriteMixin(SqlBase):
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def save_analysis(self, analysis: Analysis, duplicate_of: str | None = None) -> None:
        """Store an article with its analysis, mentions and stats, replacing any earlier copy."""
        article = analysis.article
        with self.transaction():
            self._exec(_UPSERT_ARTICLE, _article_params(article, duplicate_of, _codec.now()))
            self._exec("DELETE FROM article_bands WHERE article_id = ?", (article.id,))
            self._many(
                "INSERT INTO article_bands (band, article_id) VALUES (?, ?)",
                [(band, article.id) for band in dict.fromkeys(_codec.fingerprint_bands(article.fingerprint))],
            )
            relevance = analysis.relevance
            self._exec(_UPSERT_ANALYSIS, (
                article.id, int(relevance.is_espionage), relevance.score, relevance.model_dump_json(),
                json.dumps([e.model_dump(mode="json") for e in analysis.entities]),
            ))
            self._exec("DELETE FROM mentions WHERE article_id = ?", (article.id,))
            self._many(_INSERT_MENTION, [
                (f"{m.article_id}:{m.index}", article.id, pos, m.published, m.model_dump_json())
                for pos, m in enumerate(analysis.mentions)
            ])
            self._exec("DELETE FROM stats WHERE article_id = ?", (article.id,))
            self._many(
                "INSERT INTO stats (article_id, pos, subject, year, value, evidence, country, measure) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (article.id, pos, s.subject, s.year, s.value, s.evidence.model_dump_json() if s.evidence else None,
                     s.country, s.measure)
                    for pos, s in enumerate(analysis.stats)
                ],
            )

    @locked
    def near_duplicates(self, fingerprint_bands: Iterable[str], limit: int = 100) -> list[Article]:
        """Stored articles sharing at least one fingerprint band, oldest stored first."""
        bands = _codec.band_keys(list(fingerprint_bands))
        if not bands:
            return []
        marks = ", ".join("?" * len(bands))
        rows = self._rows(
            f"SELECT {_ARTICLE_SELECT} FROM articles a WHERE a.id IN "
            f"(SELECT article_id FROM article_bands WHERE band IN ({marks})) ORDER BY a.seq LIMIT ?",
            (*bands, limit),
        )
        return [article_of(row) for row in rows]

    @locked
    def candidate_cases(self, keys: Iterable[str]) -> list[Case]:
        """Machine cases sharing a blocking key with the given keys, by id."""
        ids: list[str] = []
        for part in chunks(list(dict.fromkeys(keys))):
            sql = f"SELECT DISTINCT case_id FROM case_keys WHERE key IN ({', '.join('?' * len(part))})"
            ids.extend(row[0] for row in self._rows(sql, part))
        found = self._cases_by_id(ids, column="machine")
        return [found[case_id] for case_id in sorted(found)]

    def save_case(self, case: Case, keys: Iterable[str]) -> None:
        """Upsert a case's machine values; corrections are re-applied, history kept for watchlists."""
        machine_json = case.model_dump_json()
        with self.transaction():
            self._exec("DELETE FROM case_keys WHERE case_id = ?", (case.id,))
            if self._case_doc(case.id, "machine") != machine_json:
                self._store_changed_case(case)
            self._many(
                "INSERT INTO case_keys (key, case_id) VALUES (?, ?)",
                [(key, case.id) for key in dict.fromkeys(keys)],
            )

    def _store_changed_case(self, case: Case) -> None:
        at = _codec.now()
        is_new, previous, effective = self._write_case(case, at)
        self._exec("DELETE FROM case_mentions WHERE case_id = ?", (case.id,))
        self._many(
            "INSERT INTO case_mentions (case_id, mention_key, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(case.id, f"{article_id}:{index}", article_id) for article_id, index in case.mentions],
        )
        if is_new:
            self._event(case.id, "new", effective.stage, at)
            self._audit(at, INGEST, "ingest", case.id, "case created")
            return
        assert previous is not None
        if previous.stage != effective.stage:
            self._event(case.id, "stage", effective.stage, at)
        changed = [f for f in type(case).model_fields if getattr(previous, f) != getattr(effective, f)]
        self._audit(at, INGEST, "ingest", case.id, "case updated: " + ", ".join(changed or ["sources"]))

    def delete_case(self, case_id: str, why: str = "") -> None:
        """Remove a machine case (its keys, years and mention links go with it); corrections stay."""
        with self.transaction():
            if self._one("SELECT 1 FROM cases WHERE id = ?", (case_id,)) is None:
                return
            self._exec("DELETE FROM cases WHERE id = ?", (case_id,))
            self._audit(_codec.now(), INGEST, "ingest", case_id, "case removed", why)

    @locked
    def mentions_of(self, case_id: str) -> list[Mention]:
        rows = self._rows(
            "SELECT m.data FROM case_mentions cm JOIN mentions m ON m.key = cm.mention_key "
            "WHERE cm.case_id = ? ORDER BY m.published ASC NULLS LAST, m.key",
            (case_id,),
        )
        return [Mention.model_validate_json(row[0]) for row in rows]

    @locked
    def machine_case(self, case_id: str) -> Case:
        return self._case_record(case_id, "machine")

    def save_rejected(self, rejected: Rejected) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO rejected (source, member, code, reason, at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (source, member) DO UPDATE SET code = excluded.code, reason = excluded.reason",
                (rejected.source, rejected.member or "", rejected.code, rejected.reason, _codec.now()),
            )

    @locked
    def rejected_counts(self) -> dict[str, int]:
        rows = self._rows("SELECT code, COUNT(*) FROM rejected GROUP BY code ORDER BY code")
        return {code: int(count) for code, count in rows}


_UPSERT_ARTICLE = """
INSERT INTO articles (id, source, item, kind, title, url, published, published_precision, author,
                      categories, tags, comment_count, site_name, language, text, partial,
                      fingerprint, duplicate_of, stored_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    source = excluded.source, item = excluded.item, kind = excluded.kind, title = excluded.title,
    url = excluded.url, published = excluded.published, published_precision = excluded.published_precision,
    author = excluded.author, categories = excluded.categories, tags = excluded.tags,
    comment_count = excluded.comment_count, site_name = excluded.site_name, language = excluded.language,
    text = excluded.text, partial = excluded.partial, fingerprint = excluded.fingerprint,
    duplicate_of = excluded.duplicate_of
"""
_UPSERT_ANALYSIS = """
INSERT INTO analyses (article_id, is_espionage, score, relevance, entities) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (article_id) DO UPDATE SET is_espionage = excluded.is_espionage, score = excluded.score,
    relevance = excluded.relevance, entities = excluded.entities
"""
_INSERT_MENTION = """
INSERT INTO mentions (key, article_id, pos, published, data) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (key) DO UPDATE SET article_id = excluded.article_id, pos = excluded.pos,
    published = excluded.published, data = excluded.data
"""
