"""`spyglass doctor`: whether a database is usable, and if not, what is wrong with it.

Opening it applies pending migrations (a file that cannot even be opened is reported by
``open_store`` as damaged, busy or unreadable); then SQLite's ``PRAGMA integrity_check`` reads
every page, and the counts every dashboard shows are computed once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from spyglass.errors import StoreError

__all__ = ["Health", "check_store"]

MAX_PROBLEMS = 20  # integrity_check stops after this many; the first ones say enough


@dataclass(frozen=True)
class Health:
    """What ``check_store`` found: the problems (none when sound) and, for a sound one, its counts."""

    target: str
    backend: str
    schema_version: int
    problems: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def sound(self) -> bool:
        return not self.problems


def check_store(target: str) -> Health:
    """Open the database at ``target`` and check it; ``StoreError`` when it cannot be opened at all."""
    from spyglass.store import open_store
    from spyglass.store.sqlite import SQLiteStore

    if "://" not in target and target.strip() != ":memory:" and not Path(target).expanduser().exists():
        raise StoreError(f"no database at {target}", "give the path of an existing one (--db or SPYGLASS_DB)")
    store = open_store(target)
    try:
        version = store.schema_version()
        problems = store.integrity_problems(MAX_PROBLEMS) if isinstance(store, SQLiteStore) else []
        counts: dict[str, int] = {}
        if not problems:
            try:
                counts = store.counts()
            except StoreError as err:
                problems = [err.message]
        return Health(target=getattr(store, "target", target), backend=getattr(store, "backend", ""), schema_version=version,
                      problems=problems, counts=counts)
    finally:
        store.close()
