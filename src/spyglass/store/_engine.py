"""The backend-neutral core every SQL store builds on: statements, locking, migrations, case rows.

Subclasses (``sqlite.py``, ``postgres.py``) supply the connection, transactions, placeholder
style and full-text search; everything else is written once in portable SQL with ``?``
placeholders.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from importlib import resources
from typing import Any, Concatenate, ParamSpec, TypeVar

from spyglass.errors import NotFoundError, StoreError
from spyglass.records import Case, Correction
from spyglass.store import _codec, _tally
from spyglass.store._queries import Where
from spyglass.store.base import SearchHit

__all__ = ["SqlBase", "locked", "migrations"]

P = ParamSpec("P")
R = TypeVar("R")
S = TypeVar("S", bound="SqlBase")
_MIGRATION_NAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")
CHUNK = 500  # parameters per IN (...) list, well under every backend's limit
_CASE_TEXT_CAP = 1_000_000  # characters of article text indexed per case
PEOPLE_VERSION = 5  # the migration that added case_people (filled in by ``_after_migrations``)
ACCENTS_VERSION = 7  # the migration that emptied case_people to fold accents too (filled in again)
# the migration that made services canonical ids and emptied case_people to fold transliterations
SERVICES_VERSION = 11


def locked(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Serialise a method on the store's lock: one connection is shared by a web server's threads."""

    @functools.wraps(method)
    def wrapper(self: S, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


def migrations(backend: str) -> list[tuple[int, str, str]]:
    """(version, name, sql) of every migration file for a backend, in order."""
    folder = resources.files("spyglass.store").joinpath("migrations", backend)
    found = []
    for entry in folder.iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), match.group(2), entry.read_text(encoding="utf-8")))
    return sorted(found)


def chunks(values: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start:start + CHUNK]


class SqlBase:
    """Connection-level helpers shared by the reading, writing and curation mixins."""

    backend = ""  # folder name under migrations/
    target: str
    # Whether to write a page's filters so that only the sort order's index can serve them when
    # the store knows a walk is cheaper (SQLite: no statistics). PostgreSQL's planner knows from
    # its own, and the rewritten filters would hide them (it would guess them rare and sort).
    _steers_walks = True

    def __init__(self, target: str) -> None:
        self.target = target
        self._lock = threading.RLock()

    # --- hooks a backend provides -------------------------------------------------------
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        raise NotImplementedError

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def transaction(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        raise NotImplementedError

    def _text_clause(self, words: list[str]) -> Where:
        raise NotImplementedError

    def _match_cases(self, words: list[str]) -> tuple[str, int]:
        """Run the full-text match once into a per-connection temporary set of case ``seq``s.

        Returns the set's table name (for ``SELECT 1 FROM <name> m WHERE m.seq = c.seq``) and
        how many cases it holds. Only valid on this connection until the next call.
        """
        raise NotImplementedError

    def _search_cases(self, words: list[str], limit: int) -> list[SearchHit]:
        raise NotImplementedError

    def _search_articles(self, words: list[str], limit: int) -> list[SearchHit]:
        raise NotImplementedError

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _stored(self, text: str) -> str:
        """``text`` as the database keeps it (PostgreSQL drops NUL characters)."""
        return text

    def _requested(self, values: Sequence[str]) -> dict[str, str]:
        """Each value as the database returns it -> the value asked for, so that results can be
        keyed by what the caller gave even where the database changed it."""
        return {self._stored(value): value for value in values}

    # --- statements -----------------------------------------------------------------------
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return list(self._exec(sql, params).fetchall())

    def _one(self, sql: str, params: Sequence[Any] = ()) -> tuple[Any, ...] | None:
        row = self._exec(sql, params).fetchone()
        return tuple(row) if row is not None else None

    def _scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self._one(sql, params)
        return row[0] if row else None

    # --- migrations -----------------------------------------------------------------------
    @locked
    def schema_version(self) -> int:
        return int(self._scalar("SELECT COALESCE(MAX(version), 0) FROM schema_version") or 0)

    def migrate(self) -> list[int]:
        """Apply every migration newer than the database, each in its own transaction."""
        with self._lock:
            self._exec(
                "CREATE TABLE IF NOT EXISTS schema_version "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            known = migrations(self.backend)
            current = self.schema_version()
            newest = known[-1][0] if known else 0
            if current > newest:
                raise StoreError(
                    f"database {self.target} has schema version {current}, newer than this Spyglass ({newest})",
                    "upgrade spyglass to open it",
                )
            applied = []
            for version, name, sql in known:
                if version > current:
                    self._apply_migration(version, name, sql)
                    applied.append(version)
            self._after_migrations(applied)
            return applied

    # --- case rows ------------------------------------------------------------------------
    def _corrections_of(self, case_id: str) -> list[Correction]:
        rows = self._rows(
            "SELECT case_id, field, value, why, who, at FROM corrections WHERE case_id = ? ORDER BY seq",
            (case_id,),
        )
        return [_correction(row) for row in rows]

    def _write_case(self, machine: Case, at: str, texts: bool = True) -> tuple[bool, Case | None, Case]:
        """Store a machine case with corrections applied; returns (is_new, previous effective, effective)."""
        return self._write_cases([machine], at, texts)[0]

    def _write_cases(
        self, machines: Sequence[Case], at: str, texts: bool = True
    ) -> list[tuple[bool, Case | None, Case]]:
        """``_write_case`` for cases of distinct ids, one statement per table for all of them."""
        ids = [machine.id for machine in machines]
        old = self._docs_by_id(ids, "data")
        corrections = self._corrections_by_case(ids)
        written: list[tuple[bool, Case | None, Case]] = []
        for machine in machines:
            previous = Case.model_validate_json(old[machine.id]) if machine.id in old else None
            effective = _codec.apply_corrections(machine, corrections.get(machine.id, []))
            written.append((previous is None, previous, effective))
        self._many(_UPSERT_CASE, [
            (e.id, e.title, e.sponsor_country, e.target_country, e.sponsor_service, e.stage,
             _codec.stage_rank(e.stage), e.first_reported, e.last_reported, _codec.first_year(e), at, at)
            for _, _, e in written
        ])
        seqs = self._seqs_by_id(ids)
        self._many(_UPSERT_CASE_DOC, [
            (seqs[machine.id], machine.model_dump_json(), effective.model_dump_json(), _codec.case_search_text(effective))
            for machine, (_, _, effective) in zip(machines, written, strict=True)
        ])
        self._write_people({effective.id: effective.accused_names for _, _, effective in written})
        self._delete_where_in("case_years", "case_id", ids)
        self._many(_INSERT_YEAR, [row for _, _, e in written for row in _year_rows(e)])
        if texts:
            self._write_case_texts(seqs, machines)
        self._tally([p for _, p, _ in written], [e for _, _, e in written])
        self._add_counts({"cases": sum(is_new for is_new, _, _ in written)})
        return written

    def _tally(self, before: Sequence[Case | None], after: Sequence[Case | None]) -> None:
        """Move the case tally and the year pairs from cases ``before`` to cases ``after``."""
        self._many(_tally.UPSERT_TALLY, [(*row, n) for row, n in _tally.case_changes(before, after)])
        self._many(_tally.UPSERT_PAIRS, [(*pair, n) for pair, n in _tally.pair_changes(before, after)])

    def _add_counts(self, changes: dict[str, int]) -> None:
        """Add to ``store_counts`` (what ``counts()`` reads), in name order like every writer."""
        self._many(_tally.ADD_COUNT, sorted((name, n) for name, n in changes.items() if n))

    def _delete_where_in(self, table: str, column: str, values: Sequence[str]) -> int:
        """DELETE the rows whose ``column`` is one of ``values`` (table and column are ours, never
        input); returns how many went."""
        deleted = 0
        for part in chunks(values):
            deleted += self._exec(f"DELETE FROM {table} WHERE {column} IN ({', '.join('?' * len(part))})", part).rowcount
        return deleted

    def _seqs_by_id(self, ids: Sequence[str]) -> dict[str, int]:
        found: dict[str, int] = {}
        asked = self._requested(ids)
        for part in chunks(ids):
            sql = f"SELECT id, seq FROM cases WHERE id IN ({', '.join('?' * len(part))})"
            found.update((asked.get(case_id, case_id), int(seq)) for case_id, seq in self._rows(sql, part))
        return found

    def _corrections_by_case(self, ids: Sequence[str]) -> dict[str, list[Correction]]:
        """Corrections of the given cases, oldest first per case."""
        found: dict[str, list[Correction]] = {}
        asked = self._requested(ids)
        for part in chunks(ids):
            rows = self._rows(
                "SELECT case_id, field, value, why, who, at FROM corrections "
                f"WHERE case_id IN ({', '.join('?' * len(part))}) ORDER BY seq",
                part,
            )
            for row in rows:
                found.setdefault(asked.get(row[0], row[0]), []).append(_correction(row))
        return found

    def _write_people(self, names_by_case: dict[str, Sequence[str]]) -> None:
        """Cases' accused names (corrected values) for the ``person`` filter and the people list."""
        self._delete_where_in("case_people", "case_id", list(names_by_case))
        self._many(
            "INSERT INTO case_people (folded, case_id, name) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
            [(_codec.person_key(name), case_id, name)
             for case_id, names in names_by_case.items() for name in names if name.strip()],
        )

    def _after_migrations(self, applied: list[int]) -> None:
        """Fill what a migration added but SQL cannot compute (names folded, titles composed,
        services made canonical)."""
        if not {PEOPLE_VERSION, ACCENTS_VERSION, SERVICES_VERSION} & set(applied):
            return
        with self.transaction():
            if SERVICES_VERSION in applied:
                from spyglass.store._upgrade import canonical_services

                canonical_services(self)
            # corrected cases get their titles composed again (records.case_title) and their names
            for (case_id,) in self._rows("SELECT DISTINCT case_id FROM corrections"):
                self._refresh_case(case_id, _codec.now())
            last = -1
            while rows := self._rows(
                "SELECT c.seq, c.id, d.data FROM cases c JOIN case_docs d ON d.seq = c.seq WHERE c.seq > ? "
                "ORDER BY c.seq LIMIT ?", (last, CHUNK),
            ):
                # only the names are needed: plain JSON is several times faster than a Case
                self._write_people({case_id: json.loads(data).get("accused_names") or () for _, case_id, data in rows})
                last = int(rows[-1][0])

    def _write_case_texts(self, seqs: dict[str, int], machines: Sequence[Case]) -> None:
        """Index the text of each case's articles with the case (``cases --text`` searches it)."""
        wanted = list(dict.fromkeys(article_id for machine in machines for article_id, _ in machine.mentions))
        texts: dict[str, tuple[int, str]] = {}
        asked = self._requested(wanted)
        for part in chunks(wanted):
            sql = f"SELECT id, seq, text FROM articles WHERE id IN ({', '.join('?' * len(part))})"
            texts.update((asked.get(i, i), (int(seq), text)) for i, seq, text in self._rows(sql, part))
        rows = []
        for machine in machines:
            ids = dict.fromkeys(article_id for article_id, _ in machine.mentions if article_id in texts)
            found = sorted(texts[article_id] for article_id in ids)  # in stored order
            rows.append((seqs[machine.id], "\n".join(text for _, text in found)[:_CASE_TEXT_CAP]))
        self._many(
            "INSERT INTO case_texts (seq, body) VALUES (?, ?) ON CONFLICT (seq) DO UPDATE SET body = excluded.body",
            rows,
        )

    def _refresh_case(self, case_id: str, at: str) -> tuple[Case | None, Case] | None:
        """Re-apply corrections to a stored case; (before, after) or None when the case is absent."""
        machine = self._case_doc(case_id, "machine")
        if machine is None:
            return None
        _, previous, effective = self._write_case(Case.model_validate_json(machine), at, texts=False)
        return previous, effective

    def _audit(self, at: str, who: str, action: str, case_id: str, detail: str, why: str = "") -> None:
        self._exec(
            "INSERT INTO audit (at, who, action, case_id, detail, why) VALUES (?, ?, ?, ?, ?, ?)",
            (at, who, action, case_id, detail, why),
        )

    def _event(self, case_id: str, change: str, stage: str | None, at: str) -> None:
        self._exec(
            "INSERT INTO case_events (case_id, change, stage, at) VALUES (?, ?, ?, ?)",
            (case_id, change, stage, at),
        )

    def _case_doc(self, case_id: str, column: str) -> str | None:
        """The ``data`` (corrected) or ``machine`` JSON of one case, None when absent."""
        row = self._one(
            f"SELECT d.{column} FROM cases c JOIN case_docs d ON d.seq = c.seq WHERE c.id = ?", (case_id,)
        )
        return str(row[0]) if row else None

    def _docs_by_id(self, ids: Sequence[str], column: str) -> dict[str, str]:
        """The ``data`` or ``machine`` JSON of the given cases that exist, by id."""
        found: dict[str, str] = {}
        asked = self._requested(ids)
        for part in chunks(ids):
            sql = (
                f"SELECT c.id, d.{column} FROM cases c JOIN case_docs d ON d.seq = c.seq "
                f"WHERE c.id IN ({', '.join('?' * len(part))})"
            )
            found.update((asked.get(case_id, case_id), str(doc)) for case_id, doc in self._rows(sql, part))
        return found

    def _case_record(self, case_id: str, column: str) -> Case:
        """One case as stored (``data`` = corrected, ``machine`` = machine values); NotFoundError if absent."""
        doc = self._case_doc(case_id, column)
        if doc is None:
            raise NotFoundError(f"no case {case_id!r} in {self.target}", "list cases with `spyglass cases`")
        return Case.model_validate_json(doc)

    def _cases_by_id(self, ids: Iterable[str], column: str = "data") -> dict[str, Case]:
        """Cases (``data`` = corrected, ``machine`` = machine values) for the given ids."""
        docs = self._docs_by_id(list(dict.fromkeys(ids)), column)
        return {case_id: Case.model_validate_json(doc) for case_id, doc in docs.items()}


def _year_rows(case: Case) -> list[tuple[Any, ...]]:
    """The case_years rows of a case (effective values): each year with what a year's list reads."""
    years = sorted(_codec.case_years(case))
    signature = ",".join(str(year) for year in years)
    return [(case.id, year, case.last_reported, case.sponsor_country, case.target_country, case.sponsor_service,
             case.stage, signature) for year in years]


def _correction(row: Sequence[Any]) -> Correction:
    case_id, field, value, why, who, at = row
    return Correction(case_id=case_id, field=field, value=json.loads(value), why=why, who=who, at=at)


_UPSERT_CASE = """
INSERT INTO cases (id, title, sponsor, target, service, stage, stage_rank, first_reported,
                   last_reported, year, created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    title = excluded.title, sponsor = excluded.sponsor, target = excluded.target,
    service = excluded.service, stage = excluded.stage, stage_rank = excluded.stage_rank,
    first_reported = excluded.first_reported, last_reported = excluded.last_reported,
    year = excluded.year, updated_at = excluded.updated_at
"""
_INSERT_YEAR = (
    "INSERT INTO case_years (case_id, year, last_reported, sponsor, target, service, stage, years) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)
_UPSERT_CASE_DOC = """
INSERT INTO case_docs (seq, machine, data, search_text) VALUES (?, ?, ?, ?)
ON CONFLICT (seq) DO UPDATE SET machine = excluded.machine, data = excluded.data, search_text = excluded.search_text
"""
