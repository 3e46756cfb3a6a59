"""The SQLite backend (embedded default): one file, WAL, foreign keys, FTS5 full-text search.

Full text: ``articles_fts`` and ``cases_fts`` are external-content FTS5 tables kept in step by
triggers (see ``migrations/sqlite``). User text is reduced to words and each word quoted, so
any string is a valid query. Results come newest stored first (FTS5 walks its doclists in
descending rowid order and stops at the limit), which keeps frequent terms cheap; bm25 ranking
over every match is what costs on common words.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from spyglass.errors import DamagedStoreError, StoreError
from spyglass.store import _codec
from spyglass.store._checkpoints import CheckpointMixin
from spyglass.store._curation import CurationMixin
from spyglass.store._forget import ForgetMixin
from spyglass.store._queries import Where
from spyglass.store._reading import ReadMixin
from spyglass.store._review import ReviewMixin
from spyglass.store._writing import WriteMixin
from spyglass.store.base import SearchHit

__all__ = ["SQLiteStore", "store_error"]

BUSY_TIMEOUT_MS = 10_000  # a second writer (ingest while serving) waits instead of failing
_BATCH = 500


class SQLiteStore(ForgetMixin, ReadMixin, WriteMixin, CurationMixin, CheckpointMixin, ReviewMixin):
    """A Store in one SQLite file (``":memory:"`` for a throwaway database)."""

    backend = "sqlite"

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self._path = path
        self._depth = 0
        self._conn = _connect(path)
        try:
            self.migrate()
        except (sqlite3.DatabaseError, StoreError) as err:
            self._conn.close()
            if isinstance(err, StoreError):
                raise
            raise store_error(path, err) from err

    # --- hooks ----------------------------------------------------------------------------
    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return _Cursor(self._conn.execute(sql, params), self._path)
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._conn.executemany(sql, rows)
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err

    def integrity_problems(self, limit: int = 20) -> list[str]:
        """What ``PRAGMA integrity_check`` finds wrong in the file (``spyglass doctor``); [] when sound."""
        try:
            found = [str(row[0]) for row in self._rows(f"PRAGMA integrity_check({int(limit)})")]
        except StoreError as err:
            return [err.message]
        return [] if found == ["ok"] else [line for row in found for line in row.splitlines() if line.strip()]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE at the outermost level (no deadlock on upgrade), savepoints inside."""
        with self._lock:
            level = self._depth
            self._exec("BEGIN IMMEDIATE" if level == 0 else f"SAVEPOINT sp{level}")
            self._depth += 1
            try:
                yield
            except BaseException:
                self._depth = level
                self._roll_back(level)
                raise
            self._depth = level
            self._exec("COMMIT" if level == 0 else f"RELEASE sp{level}")

    def _roll_back(self, level: int) -> None:
        try:
            if level == 0:
                self._conn.execute("ROLLBACK")
            else:
                self._conn.execute(f"ROLLBACK TO sp{level}")
                self._conn.execute(f"RELEASE sp{level}")
        except sqlite3.Error:
            pass  # a damaged file may refuse even this; the error that got us here is the one to report

    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        # executescript cannot take parameters: version and name come from our own file names.
        script = (
            f"BEGIN IMMEDIATE;\n{sql}\nINSERT INTO schema_version (version, name, applied_at) "
            f"VALUES ({int(version)}, '{name}', '{_codec.now()}');\nCOMMIT;"
        )
        try:
            self._conn.executescript(script)
        except sqlite3.DatabaseError as err:
            if self._conn.in_transaction:
                self._roll_back(0)
            if self.schema_version() >= version:
                return  # another process applied it while we waited for the lock
            raise store_error(self._path, err) from err

    def _text_clause(self, words: list[str]) -> Where:
        match = _codec.fts5_query(words)
        return (
            "(c.seq IN (SELECT rowid FROM cases_fts WHERE cases_fts MATCH ?) "
            "OR c.seq IN (SELECT rowid FROM case_texts_fts WHERE case_texts_fts MATCH ?))",
            [match, match],
        )

    def _match_cases(self, words: list[str]) -> tuple[str, int]:
        # A TEMP table lives in the connection's own temp database: filling it never takes the
        # main file's write lock, so a reader does not contend with an ingest.
        self._exec("CREATE TEMP TABLE IF NOT EXISTS case_match (seq INTEGER PRIMARY KEY)")
        self._exec("DELETE FROM temp.case_match")
        match = _codec.fts5_query(words)
        self._exec(
            "INSERT OR IGNORE INTO temp.case_match (seq) SELECT rowid FROM cases_fts WHERE cases_fts MATCH ? "
            "UNION SELECT rowid FROM case_texts_fts WHERE case_texts_fts MATCH ?",
            (match, match),
        )
        return "temp.case_match", int(self._scalar("SELECT COUNT(*) FROM temp.case_match"))

    def _search_cases(self, words: list[str], limit: int) -> list[SearchHit]:
        rows = self._rows(
            "SELECT c.id, c.title, snippet(cases_fts, 0, '', '', '…', 16), c.last_reported "
            "FROM cases_fts JOIN cases c ON c.seq = cases_fts.rowid WHERE cases_fts MATCH ? "
            "ORDER BY cases_fts.rowid DESC LIMIT ?",
            (_codec.fts5_query(words), limit),
        )
        return [SearchHit(kind="case", id=i, title=t, snippet=_one_line(s), published=p) for i, t, s, p in rows]

    def _search_articles(self, words: list[str], limit: int) -> list[SearchHit]:
        rows = self._rows(
            "SELECT a.id, a.title, snippet(articles_fts, 1, '', '', '…', 16), a.published "
            "FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND a.duplicate_of IS NULL ORDER BY articles_fts.rowid DESC LIMIT ?",
            (_codec.fts5_query(words), limit),
        )
        return [
            SearchHit(kind="article", id=i, title=t or "", snippet=_one_line(s), published=p) for i, t, s, p in rows
        ]

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        # A second connection reads a consistent snapshot (WAL) without holding our lock, so a
        # long export never blocks the web server's requests.
        conn = self._conn if self._path == ":memory:" else _connect(self._path)
        try:
            cursor = _Cursor(conn.execute(sql, params), self._path)
            size = 16  # a reader may want a few rows only (the overview's latest cases): start small
            while batch := cursor.fetchmany(size):
                yield from batch
                size = min(size * 4, _BATCH)
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err
        finally:
            if conn is not self._conn:
                conn.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class _Cursor:
    """A sqlite3 cursor whose rows come with database errors as one-line ``StoreError``s.

    A damaged file often opens fine and fails only when a query reaches a bad page, in the
    middle of fetching; that must read "database X is damaged", not a traceback.
    """

    __slots__ = ("_cursor", "_path")

    def __init__(self, cursor: sqlite3.Cursor, path: str) -> None:
        self._cursor = cursor
        self._path = path

    def fetchone(self) -> Any:
        try:
            return self._cursor.fetchone()
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err

    def fetchall(self) -> list[Any]:
        try:
            return self._cursor.fetchall()
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err

    def fetchmany(self, size: int) -> list[Any]:
        try:
            return self._cursor.fetchmany(size)
        except sqlite3.DatabaseError as err:
            raise store_error(self._path, err) from err

    def __iter__(self) -> Iterator[Any]:
        while batch := self.fetchmany(_BATCH):
            yield from batch

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount


_DAMAGED = ("malformed", "not a database", "vtable constructor failed", "corrupt", "no such table",
            "no such column")


def store_error(path: str, err: sqlite3.Error) -> StoreError:
    """A one-line error naming the file and what to do: damaged, busy, read-only, or other."""
    detail = " ".join(str(err).split()) or type(err).__name__
    lowered = detail.lower()
    if any(mark in lowered for mark in _DAMAGED):
        return DamagedStoreError(f"database {path} is damaged or not a Spyglass database ({detail})",
                          f"check it with `spyglass doctor --db {path}`; restore a backup or ingest into a new file")
    if "locked" in lowered or "busy" in lowered:
        return StoreError(f"database {path} is busy ({detail})", "another process is writing it; try again shortly")
    if "readonly" in lowered or "unable to open" in lowered or "disk i/o" in lowered:
        return StoreError(f"cannot use database {path} ({detail})", "check the permissions of the file and its folder")
    return StoreError(f"database {path} failed ({detail})", f"check it with `spyglass doctor --db {path}`")


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _connect(path: str) -> sqlite3.Connection:
    """Open (creating if needed) a SQLite file with the pragmas Spyglass relies on."""
    if path != ":memory:":
        try:
            folder = Path(path).expanduser().resolve().parent
            if Path(path).is_dir():
                raise StoreError(f"cannot open database {path}: it is a folder", "give a file path such as ./spyglass.db")
            if not folder.is_dir():
                raise StoreError(f"cannot open database {path}: folder {folder} does not exist", "create the folder first")
        except OSError as err:
            raise StoreError(f"cannot open database {path}: {err.strerror or err}",
                             "check the permissions of the file and its folder") from err
    try:
        conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=BUSY_TIMEOUT_MS / 1000)
    except sqlite3.DatabaseError as err:
        raise store_error(path, err) from err
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses nothing committed
        conn.execute("PRAGMA temp_store = MEMORY")  # sorts and the text-match set stay off disk
    except sqlite3.DatabaseError as err:
        conn.close()
        raise store_error(path, err) from err
    return conn
