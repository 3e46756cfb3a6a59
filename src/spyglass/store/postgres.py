"""The PostgreSQL backend: the same contract as SQLite through psycopg 3, ``tsvector`` + GIN search.

Full text: generated ``tsv`` columns (English configuration) on articles and cases, queried
with ``plainto_tsquery`` over the user's words, so any string is a valid query. A URL may
choose a schema with libpq options, e.g. ``postgresql://host/db?options=-csearch_path%3Dmine``
(the tests give each test its own schema this way).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import psycopg

from spyglass.errors import StoreError
from spyglass.store import _codec, _pg_search
from spyglass.store._checkpoints import CheckpointMixin
from spyglass.store._codec import redacted
from spyglass.store._curation import CurationMixin
from spyglass.store._forget import ForgetMixin
from spyglass.store._queries import Where
from spyglass.store._reading import ReadMixin
from spyglass.store._review import ReviewMixin
from spyglass.store._writing import WriteMixin
from spyglass.store.base import SearchHit

__all__ = ["PostgresStore", "redacted"]

_MIGRATION_LOCK = 0x5397_1A55  # pg_advisory_xact_lock key: one migrator at a time
_HEADLINE = "StartSel=\"\", StopSel=\"\", MaxWords=24, MinWords=8, ShortWord=2"
_BATCH = 500


def _clean(value: Any) -> Any:
    # PostgreSQL text cannot hold NUL; JSON columns are unaffected (NUL is escaped as \u0000).
    return value.replace("\x00", "") if isinstance(value, str) else value


class PostgresStore(ForgetMixin, ReadMixin, WriteMixin, CurationMixin, CheckpointMixin, ReviewMixin):
    """A Store in a PostgreSQL database (the schema first on the search_path)."""

    backend = "postgres"
    _steers_walks = False  # its planner's statistics choose a walk where one pays

    def __init__(self, url: str) -> None:
        super().__init__(redacted(url))
        self._url = url
        self._sql_cache: dict[str, str] = {}
        self._match_ready = False  # the session's temporary case_match table exists
        self._spare: psycopg.Connection[Any] | None = None  # the last stream's connection, kept for the next
        self._conn = _connect(url)
        self.migrate()

    # --- hooks ----------------------------------------------------------------------------
    def _pg(self, sql: str) -> str:
        translated = self._sql_cache.get(sql)
        if translated is None:
            translated = self._sql_cache[sql] = sql.replace("?", "%s")
        return translated

    def _exec(self, sql: str, params: Sequence[Any] = ()) -> Any:
        try:
            return self._conn.execute(self._pg(sql), [_clean(p) for p in params])
        except psycopg.OperationalError as err:
            raise StoreError(f"database {self.target} failed: {_first_line(err)}", "check the server") from err

    def _many(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        cleaned = [[_clean(p) for p in row] for row in rows]
        if cleaned:
            with self._conn.cursor() as cursor:
                cursor.executemany(self._pg(sql), cleaned)

    def _stored(self, text: str) -> str:
        return str(_clean(text))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """A transaction at the outermost level, savepoints inside (psycopg nests them)."""
        with self._lock, self._conn.transaction():
            yield

    def _apply_migration(self, version: int, name: str, sql: str) -> None:
        with self._conn.transaction():
            self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
            if self.schema_version() >= version:
                return  # another process applied it while we waited for the lock
            self._conn.execute(sql.encode("utf-8"))
            self._conn.execute(
                "INSERT INTO schema_version (version, name, applied_at) VALUES (%s, %s, %s)",
                (version, name, _codec.now()),
            )

    def _text_clause(self, words: list[str]) -> Where:
        text = " ".join(words)
        return (
            "(c.seq IN (SELECT seq FROM case_docs WHERE tsv @@ plainto_tsquery('english', ?)) OR c.seq IN "
            "(SELECT seq FROM case_texts WHERE tsv @@ plainto_tsquery('english', ?)))",
            [text, text],
        )

    def _match_cases(self, words: list[str]) -> tuple[str, int]:
        if not self._match_ready:
            # ON COMMIT PRESERVE ROWS (the default): the connection is in autocommit mode.
            self._exec("CREATE TEMP TABLE IF NOT EXISTS case_match (seq BIGINT NOT NULL)")
            self._match_ready = True
        # UNION gives each case once; the index (for the page's probes) is built after the rows
        # are in: keeping it up while 300,000 rows go in took five times as long.
        self._exec("DROP INDEX IF EXISTS pg_temp.case_match_seq")
        self._exec("TRUNCATE pg_temp.case_match")
        text = " ".join(words)
        # A common word matches most cases, and the planner would then test every row's tsvector
        # (read from TOAST: 5 s at 500,000 cases); the GIN index gives the same rows without them.
        self._exec("SET enable_seqscan = off")
        try:
            self._exec(
                "INSERT INTO pg_temp.case_match (seq) SELECT seq FROM case_docs WHERE tsv @@ plainto_tsquery('english', ?) "
                "UNION SELECT seq FROM case_texts WHERE tsv @@ plainto_tsquery('english', ?)",
                (text, text),
            )
        finally:
            self._exec("RESET enable_seqscan")
        self._exec("CREATE INDEX case_match_seq ON pg_temp.case_match (seq)")
        count = int(self._scalar("SELECT COUNT(*) FROM pg_temp.case_match") or 0)
        self._exec("ANALYZE pg_temp.case_match")  # real row counts, so the planner picks the right joins
        return "pg_temp.case_match", count

    def _search_cases(self, words: list[str], limit: int) -> list[SearchHit]:
        seqs = _pg_search.newest_matches(self._rows, "case_docs", "TRUE", " ".join(words), limit)
        snippet, params = _pg_search.window("d.search_text", words)
        rows = self._rows(
            f"SELECT c.id, c.title, ts_headline('english', {snippet}, q, '{_HEADLINE}'), c.last_reported "
            "FROM case_docs d JOIN cases c ON c.seq = d.seq, plainto_tsquery('english', ?) q "
            "WHERE d.seq = ANY(?) ORDER BY d.seq DESC",
            (*params, " ".join(words), seqs),
        ) if seqs else []
        return [SearchHit(kind="case", id=i, title=t, snippet=_one_line(s), published=p) for i, t, s, p in rows]

    def _search_articles(self, words: list[str], limit: int) -> list[SearchHit]:
        seqs = _pg_search.newest_matches(self._rows, "articles", "x.duplicate_of IS NULL", " ".join(words), limit)
        snippet, params = _pg_search.window("a.text", words)
        rows = self._rows(
            f"SELECT a.id, a.title, ts_headline('english', {snippet}, q, '{_HEADLINE}'), a.published "
            "FROM articles a, plainto_tsquery('english', ?) q WHERE a.seq = ANY(?) ORDER BY a.seq DESC",
            (*params, " ".join(words), seqs),
        ) if seqs else []
        return [
            SearchHit(kind="article", id=i, title=t or "", snippet=_one_line(s), published=p) for i, t, s, p in rows
        ]

    def _stream(self, sql: str, params: Sequence[Any]) -> Iterator[tuple[Any, ...]]:
        # Its own connection and a server-side cursor: constant memory, and the shared
        # connection stays free for other requests while an export runs. The connection is kept
        # for the next stream: opening one costs 10-50 ms, more than the overview's queries.
        with self._lock:
            conn, self._spare = self._spare, None
        conn = conn if conn is not None and not conn.closed else _connect(self._url)
        finished = False
        try:
            with conn.transaction(), conn.cursor(name="spyglass_stream") as cursor:
                cursor.execute(self._pg(sql), [_clean(p) for p in params])
                size = 16  # a reader may want a few rows only (the overview's latest cases): start small
                while batch := cursor.fetchmany(size):
                    yield from batch
                    size = min(size * 4, _BATCH)
            finished = True
        except GeneratorExit:  # the reader stopped early (first_cases): rolled back, still sound
            finished = True
            raise
        finally:
            if finished:
                self._keep_spare(conn)
            else:
                conn.close()  # a failed stream's connection may be in any state

    def _keep_spare(self, conn: psycopg.Connection[Any]) -> None:
        with self._lock:
            if self._spare is None and not self._conn.closed:
                self._spare = conn
                return
        conn.close()

    def close(self) -> None:
        with self._lock:
            self._conn.close()
            if self._spare is not None:
                self._spare.close()
                self._spare = None


def _one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def _first_line(err: Exception) -> str:
    return (str(err).strip().splitlines() or ["unknown error"])[0]


def _connect(url: str) -> psycopg.Connection[Any]:
    try:
        conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    except psycopg.Error as err:
        raise StoreError(
            f"cannot connect to {redacted(url)}: {_first_line(err)}", "check the URL and that the server is running"
        ) from err
    # The store's queries read a few index pages; compiling one (JIT, for any whose estimated
    # cost is high, such as a stream over every case) took 50 ms more than running it.
    with contextlib.suppress(psycopg.Error):  # a server without JIT has nothing to turn off
        conn.execute("SET jit = off")
    return conn
