"""Crawl checkpoints: which input files are wholly stored, so a resumed ingest skips them.

One portable table (``finished_files``, migration 0008) shared by both backends. The pipeline
writes a file's checkpoint in the transaction that stores its last record, so a kill can never
mark a file whose records are not all stored.
"""

from __future__ import annotations

from collections.abc import Iterable

from spyglass.store import _codec
from spyglass.store._engine import SqlBase, chunks, locked
from spyglass.store.base import FinishedFile

__all__ = ["CheckpointMixin"]

_COLUMNS = ("path", "size", "mtime_ns", "documents", "articles", "rejected", "finished_at")


class CheckpointMixin(SqlBase):
    @locked
    def finished_files(self, paths: Iterable[str]) -> dict[str, FinishedFile]:
        """The checkpoints of the given paths; paths never finished are left out."""
        found: dict[str, FinishedFile] = {}
        for part in chunks(list(dict.fromkeys(paths))):
            sql = f"SELECT {', '.join(_COLUMNS)} FROM finished_files WHERE path IN ({', '.join('?' * len(part))})"
            for row in self._rows(sql, part):
                done = FinishedFile.model_validate(dict(zip(_COLUMNS, row, strict=True)))
                found[done.path] = done
        return found

    def finish_file(self, done: FinishedFile) -> None:
        """Record (or replace) the checkpoint of one file; ``finished_at`` defaults to now."""
        at = done.finished_at or _codec.now()
        with self.transaction():
            self._exec(_UPSERT, (done.path, done.size, done.mtime_ns, done.documents, done.articles,
                                 done.rejected, at))


_UPSERT = f"""
INSERT INTO finished_files ({', '.join(_COLUMNS)}) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (path) DO UPDATE SET
    size = excluded.size, mtime_ns = excluded.mtime_ns, documents = excluded.documents,
    articles = excluded.articles, rejected = excluded.rejected, finished_at = excluded.finished_at
"""
