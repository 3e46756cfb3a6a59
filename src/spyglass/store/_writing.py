"""Ingest writes: analyses (articles, bands, mentions, stats), cases with blocking keys, rejections.

Every write replaces what the same input wrote before, so re-ingesting changes nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from itertools import islice
from typing import Any, TypeVar

from spyglass.records import Analysis, Article, Case, Mention, Rejected
from spyglass.store import _codec, _tally
from spyglass.store._engine import SqlBase, chunks, locked

__all__ = ["WriteMixin", "ARTICLE_COLUMNS", "article_of"]

T = TypeVar("T")
INGEST = "spyglass"  # who the audit log names for machine changes
WRITE_BATCH = 500  # records per group of statements: big enough to share round trips, small in memory
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


def _batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    found = iter(items)
    while batch := list(islice(found, size)):
        yield batch


class WriteMixin(SqlBase):
    def has_article(self, article_id: str) -> bool:
        with self._lock:
            return self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is not None

    def save_analysis(self, analysis: Analysis, duplicate_of: str | None = None) -> None:
        """Store an article with its analysis, mentions and stats, replacing any earlier copy."""
        self.save_analyses([analysis], {analysis.article.id: duplicate_of} if duplicate_of else None)

    def save_analyses(self, analyses: Iterable[Analysis], duplicate_of: Mapping[str, str] | None = None) -> None:
        """``save_analysis`` for many articles at once: one statement per table for each batch.

        ``duplicate_of`` maps an article id to the article it repeats. An article given twice
        is stored as given last, as two calls in a row would store it.
        """
        duplicates = duplicate_of or {}
        with self.transaction():
            for batch in _batches(analyses, WRITE_BATCH):
                latest = {self._stored(analysis.article.id): analysis for analysis in batch}
                self._write_analyses(list(latest.values()), duplicates)

    def _write_analyses(self, batch: list[Analysis], duplicates: Mapping[str, str]) -> None:
        at = _codec.now()
        ids = [analysis.article.id for analysis in batch]
        before = self._article_states(ids)
        self._many(_UPSERT_ARTICLE, [_article_params(a.article, duplicates.get(a.article.id), at) for a in batch])
        self._delete_where_in("article_bands", "article_id", ids)
        self._many("INSERT INTO article_bands (band, article_id) VALUES (?, ?)", [
            (band, a.article.id) for a in batch for band in dict.fromkeys(_codec.fingerprint_bands(a.article.fingerprint))
        ])
        self._many(_UPSERT_ANALYSIS, [
            (a.article.id, int(a.relevance.is_espionage), a.relevance.score, a.relevance.model_dump_json(),
             json.dumps([e.model_dump(mode="json") for e in a.entities]))
            for a in batch
        ])
        mentions = -self._delete_where_in("mentions", "article_id", ids)
        self._many(_INSERT_MENTION, [
            (f"{m.article_id}:{m.index}", a.article.id, pos, m.published, m.model_dump_json())
            for a in batch for pos, m in enumerate(a.mentions)
        ])
        self._delete_where_in("stats", "article_id", ids)
        self._many(
            "INSERT INTO stats (article_id, pos, subject, year, value, evidence, country, measure) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (a.article.id, pos, s.subject, s.year, s.value, s.evidence.model_dump_json() if s.evidence else None,
                 s.country, s.measure)
                for a in batch for pos, s in enumerate(a.stats)
            ],
        )
        after = {a.article.id: (a.article.source, a.article.id in duplicates, a.relevance.is_espionage) for a in batch}
        self._count_articles(before, after, mentions + sum(len(a.mentions) for a in batch))

    def _article_states(self, ids: list[str]) -> dict[str, tuple[str, bool, bool]]:
        """(source, is a duplicate, is relevant) of the stored articles among ``ids``."""
        found: dict[str, tuple[str, bool, bool]] = {}
        asked = self._requested(ids)
        for part in chunks(ids):
            rows = self._rows(
                "SELECT a.id, a.source, a.duplicate_of, n.is_espionage FROM articles a "
                f"LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id IN ({', '.join('?' * len(part))})",
                part,
            )
            found.update((asked.get(i, i), (source, dup is not None, bool(relevant))) for i, source, dup, relevant in rows)
        return found

    def _count_articles(
        self, before: dict[str, tuple[str, bool, bool]], after: dict[str, tuple[str, bool, bool]], mentions: int
    ) -> None:
        """Move ``store_counts`` and ``source_counts`` from the articles as they were to as they are."""
        sources: Counter[str] = Counter(source for source, _, _ in after.values())
        sources.subtract(source for source, _, _ in before.values())
        self._many(_tally.ADD_SOURCE, sorted((source, n) for source, n in sources.items() if n))
        self._add_counts({
            "articles": len(after) - len(before),
            "duplicates": sum(d for _, d, _ in after.values()) - sum(d for _, d, _ in before.values()),
            "relevant": sum(r for _, _, r in after.values()) - sum(r for _, _, r in before.values()),
            "mentions": mentions,
        })

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
        self.save_cases([(case, keys)])

    def save_cases(self, cases: Iterable[tuple[Case, Iterable[str]]]) -> None:
        """``save_case`` for many cases at once, in order: one statement per table for each batch."""
        with self.transaction():
            for batch in _batches(cases, WRITE_BATCH):
                run: dict[str, tuple[Case, list[str]]] = {}
                for case, keys in batch:
                    if self._stored(case.id) in run:  # the same case again: what came before is stored first
                        self._write_case_batch(list(run.values()))
                        run = {}
                    run[self._stored(case.id)] = (case, list(dict.fromkeys(keys)))
                self._write_case_batch(list(run.values()))

    def _write_case_batch(self, batch: list[tuple[Case, list[str]]]) -> None:
        """Cases of distinct ids with their keys; only cases whose machine values changed are rewritten."""
        ids = [case.id for case, _ in batch]
        stored = self._docs_by_id(ids, "machine")
        self._delete_where_in("case_keys", "case_id", ids)
        changed = [case for case, _ in batch if stored.get(case.id) != case.model_dump_json()]
        if changed:
            self._store_changed_cases(changed)
        self._many("INSERT INTO case_keys (key, case_id) VALUES (?, ?)", [
            (key, case.id) for case, keys in batch for key in keys
        ])

    def _store_changed_cases(self, cases: list[Case]) -> None:
        at = _codec.now()
        written = self._write_cases(cases, at)
        self._delete_where_in("case_mentions", "case_id", [case.id for case in cases])
        self._many(
            "INSERT INTO case_mentions (case_id, mention_key, article_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(case.id, f"{article_id}:{index}", article_id) for case in cases for article_id, index in case.mentions],
        )
        events: list[tuple[str, str, str | None, str]] = []
        audits: list[tuple[str, str, str, str, str, str]] = []
        for case, (is_new, previous, effective) in zip(cases, written, strict=True):
            if is_new:
                events.append((case.id, "new", effective.stage, at))
                audits.append((at, INGEST, "ingest", case.id, "case created", ""))
                continue
            assert previous is not None
            if previous.stage != effective.stage:
                events.append((case.id, "stage", effective.stage, at))
            changed = [f for f in type(case).model_fields if getattr(previous, f) != getattr(effective, f)]
            audits.append((at, INGEST, "ingest", case.id, "case updated: " + ", ".join(changed or ["sources"]), ""))
        self._many("INSERT INTO case_events (case_id, change, stage, at) VALUES (?, ?, ?, ?)", events)
        self._many("INSERT INTO audit (at, who, action, case_id, detail, why) VALUES (?, ?, ?, ?, ?, ?)", audits)

    def delete_case(self, case_id: str, why: str = "") -> None:
        """Remove a machine case (its keys, years and mention links go with it); corrections stay."""
        with self.transaction():
            doc = self._case_doc(case_id, "data")
            if doc is None:
                return
            self._tally([Case.model_validate_json(doc)], [])
            self._add_counts({"cases": -1})
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
            key = (rejected.source, rejected.member or "")
            if self._one("SELECT 1 FROM rejected WHERE source = ? AND member = ?", key) is None:
                self._add_counts({"rejected": 1})
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
