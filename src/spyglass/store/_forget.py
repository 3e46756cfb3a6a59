"""Forgetting stored articles (``spyglass forget source`` and ``forget article``) and rebuilding the cases they fed.

The articles go with everything read from them: analyses and entities, mentions and their
evidence, stats, fingerprint bands and their rows in the search indexes; a source also loses its
rejections and its crawl checkpoint, so an ingest of it reads it again. Each case that cites a
forgotten article is rebuilt from the mentions it has left by the caller's ``rebuild`` (linking's
own case building: the store never links) and keeps its id, so the analysts' corrections stay on
it and are applied again; a case with no mention left is removed, its corrections kept as
``delete_case`` keeps them. Copies stored as near-duplicates of a forgotten article stand alone
afterwards. All of it is one transaction, audited with who and why: an entry for each case
touched and one for the forget as a whole.
"""

from __future__ import annotations

import os

from spyglass.errors import NotFoundError
from spyglass.records import Case
from spyglass.store import _codec
from spyglass.store._engine import chunks
from spyglass.store._queries import _like_escaped
from spyglass.store._writing import WriteMixin
from spyglass.store.base import Forgetting, Rebuild

__all__ = ["ForgetMixin"]

FORGET = "forget"  # the audit action


class ForgetMixin(WriteMixin):
    def forget_source(self, source: str, rebuild: Rebuild, who: str, why: str, dry_run: bool = False) -> Forgetting:
        """Forget every article of ``source`` (as ingested: a file path or URL; an archive's path takes its
        records too), its rejections and its checkpoint."""
        if dry_run:
            with self._lock:
                return self._source_plan(source).model_copy(update={"dry_run": True})
        with self.transaction():
            plan = self._source_plan(source)
            self._delete_counted("rejected", "source", [source], "rejected")
            self._exec("DELETE FROM finished_files WHERE path IN (?, ?)", (source, _absolute(source)))
            self._forget(plan, rebuild, who, why, f"source {source}")
            return plan

    def forget_article(self, article_id: str, rebuild: Rebuild, who: str, why: str, dry_run: bool = False) -> Forgetting:
        """Forget one article; the rest of its source stays."""
        if dry_run:
            with self._lock:
                return self._article_plan(article_id).model_copy(update={"dry_run": True})
        with self.transaction():
            plan = self._article_plan(article_id)
            self._forget(plan, rebuild, who, why, f"article {article_id}")
            return plan

    # --- what would go ----------------------------------------------------------------------
    def _source_plan(self, source: str) -> Forgetting:
        ids = self._column_where_in("SELECT id, seq FROM articles WHERE source", self._sources_named(source))
        rejected = int(self._scalar("SELECT COUNT(*) FROM rejected WHERE source = ?", (source,)) or 0)
        if not ids and not rejected:
            near = self._sources_ending(source)
            guess = f"did you mean {' or '.join(near)}? " if near else ""
            raise NotFoundError(f"no source {source!r} in {self.target}",
                                f"{guess}name it exactly as ingested: the file path (inside its folder) or URL its articles name")
        return self._plan(ids).model_copy(update={"rejected": rejected})

    def _sources_named(self, source: str) -> list[str]:
        """The stored sources ``source`` names: itself and, for an archive, each of its records ("FILE#<id>")."""
        rows = self._rows(
            "SELECT source FROM source_counts WHERE n > 0 AND (source = ? OR substr(source, 1, ?) = ?)",
            (source, len(source) + 1, source + "#"),
        )
        return [str(row[0]) for row in rows]

    def _sources_ending(self, name: str, limit: int = 3) -> list[str]:
        """Stored sources ending in ``/`` and the file name of ``name``: the same file named from another folder
        ("README.md" or "../news/README.md" for "news/README.md")."""
        tail = name.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        if not tail:
            return []
        patterns = (f"%/{_like_escaped(tail)}", f"%/{_like_escaped(tail)}#%")
        found: list[str] = []
        for sql in (_SOURCES_LIKE, _REJECTED_LIKE):  # sources of articles, then of rejections only
            found += sorted(str(row[0]) for row in self._rows(sql, (*patterns, limit * 10)))
        files = dict.fromkeys(f if f.endswith(tail) else f[:f.index(f"/{tail}#") + len(tail) + 1] for f in found)
        return list(files)[:limit]

    def _article_plan(self, article_id: str) -> Forgetting:
        if self._one("SELECT 1 FROM articles WHERE id = ?", (article_id,)) is None:
            raise NotFoundError(f"no article {article_id!r} in {self.target}",
                                "find article ids with `spyglass search` or in a case's sources")
        return self._plan([article_id])

    def _plan(self, ids: list[str]) -> Forgetting:
        """The cases citing ``ids``, split into those keeping a mention (rebuilt) and the rest (removed)."""
        gone = set(ids)
        cited = self._articles_of_cases(self._cases_citing(ids))
        removed = sorted(case_id for case_id, articles in cited.items() if articles <= gone)
        rebuilt = sorted(case_id for case_id in cited if case_id not in removed)
        copies = [i for i in self._column_where_in("SELECT id, seq FROM articles WHERE duplicate_of", ids) if i not in gone]
        return Forgetting(articles=ids, rebuilt=rebuilt, removed=removed, copies=copies)

    def _cases_citing(self, ids: list[str]) -> list[str]:
        return sorted(set(self._column_where_in("SELECT case_id, 0 FROM case_mentions WHERE article_id", ids)))

    def _articles_of_cases(self, case_ids: list[str]) -> dict[str, set[str]]:
        """Case id -> the articles of its stored mentions (what a rebuild reads)."""
        found: dict[str, set[str]] = {case_id: set() for case_id in case_ids}
        for part in chunks(case_ids):
            rows = self._rows(
                "SELECT cm.case_id, m.article_id FROM case_mentions cm JOIN mentions m ON m.key = cm.mention_key "
                f"WHERE cm.case_id IN ({', '.join('?' * len(part))})", part,
            )
            for case_id, article_id in rows:
                found[str(case_id)].add(str(article_id))
        return found

    def _column_where_in(self, select: str, values: list[str]) -> list[str]:
        """The first column of ``select ... IN (values)``, ordered by its second."""
        rows: list[tuple[str, int]] = []
        for part in chunks(values):
            rows += [(str(a), int(b)) for a, b in self._rows(f"{select} IN ({', '.join('?' * len(part))})", part)]
        return [value for value, _ in sorted(rows, key=lambda row: row[1])]

    # --- forgetting -------------------------------------------------------------------------
    def _forget(self, plan: Forgetting, rebuild: Rebuild, who: str, why: str, what: str) -> None:
        at = _codec.now()
        self._drop_articles(plan.articles)
        self._stand_alone(plan.copies)
        for case_id in plan.removed:
            self._remove_case(case_id)
            self._audit(at, who, FORGET, case_id, f"case removed: no report left without {what}", why)
        self.save_cases(self._rebuilt(case_id, rebuild) for case_id in plan.rebuilt)
        for case_id in plan.rebuilt:
            self._audit(at, who, FORGET, case_id, f"case rebuilt without {what}", why)
        detail = (f"forgot {what}: {len(plan.articles)} article(s), {plan.rejected} rejection(s); "
                  f"{len(plan.rebuilt)} case(s) rebuilt, {len(plan.removed)} removed; "
                  f"{len(plan.copies)} copy(ies) now stand alone")
        self._audit(at, who, FORGET, "", detail, why)

    def _drop_articles(self, ids: list[str]) -> None:
        before = self._article_states(ids)
        for table in ("article_bands", "analyses", "stats"):
            self._delete_where_in(table, "article_id", ids)
        mentions = self._delete_where_in("mentions", "article_id", ids)
        self._delete_where_in("articles", "id", ids)  # the search index follows (triggers, generated columns)
        self._count_articles(before, {}, -mentions)

    def _stand_alone(self, copies: list[str]) -> None:
        """Copies of a forgotten article are the story's only record now: no longer duplicates."""
        for part in chunks(copies):
            self._exec(f"UPDATE articles SET duplicate_of = NULL WHERE id IN ({', '.join('?' * len(part))})", part)
        self._add_counts({"duplicates": -len(copies)})

    def _remove_case(self, case_id: str) -> None:
        doc = self._case_doc(case_id, "data")
        if doc is None:
            return
        self._tally([Case.model_validate_json(doc)], [])
        self._add_counts({"cases": -1})
        self._exec("DELETE FROM cases WHERE id = ?", (case_id,))  # keys, years, docs, texts, people follow

    def _rebuilt(self, case_id: str, rebuild: Rebuild) -> tuple[Case, list[str]]:
        case, keys = rebuild(self.machine_case(case_id), self.mentions_of(case_id))
        if case.id != case_id:  # a new id would leave the old case and its corrections behind
            raise ValueError(f"rebuilding case {case_id} gave case {case.id}; a rebuild keeps the id")
        return case, keys

    def _delete_counted(self, table: str, column: str, values: list[str], counter: str) -> None:
        self._add_counts({counter: -self._delete_where_in(table, column, values)})


_SOURCES_LIKE = ("SELECT source FROM source_counts WHERE n > 0 AND (source LIKE ? ESCAPE '!' OR source LIKE ? ESCAPE '!') "
                 "LIMIT ?")
_REJECTED_LIKE = ("SELECT DISTINCT source FROM rejected WHERE source LIKE ? ESCAPE '!' OR source LIKE ? ESCAPE '!' "
                  "LIMIT ?")


def _absolute(source: str) -> str:
    """The checkpoint key of a local file source (``InputFile.key``); URLs and ``-`` as they are."""
    if source == "-" or "://" in source:
        return source
    return os.path.abspath(source)
