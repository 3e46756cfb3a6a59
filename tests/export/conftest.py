"""A database built from the development corpus in two ingests, with exports taken between them.

The justice-department press releases (``html/gov-0*``) are held back and ingested second, so
tests can see what a new ingest does to exports, feeds and watchlists. Skipped without ../shared.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import pytest

from spyglass.export import export_cases
from spyglass.pipeline import IngestSummary, ingest
from spyglass.settings import load_settings
from spyglass.store import CaseChange, CaseQuery, Store, open_store

WATCH = "cn-us"
WATCH_QUERY = CaseQuery(sponsor=("CN",), target=("US",))


@dataclass
class Staged:
    db: str
    first: dict[str, str]  # format -> export after the first ingest
    second: dict[str, str]  # format -> export after the second
    later: IngestSummary  # what the second ingest did
    checks: list[list[CaseChange]]  # `watch check` before the second ingest, after it, and once more


def corpus_inputs(corpus: Path) -> tuple[list[str], list[str]]:
    files = sorted(str(p) for p in corpus.glob("*/*") if p.is_file())
    held = [f for f in files if "/gov-0" in f]
    return [f for f in files if f not in held], held


def exports(store: Store) -> dict[str, str]:
    found = {}
    for fmt in ("jsonl", "stix", "csv"):
        out = io.StringIO()
        export_cases(store, CaseQuery(), fmt, out)  # type: ignore[arg-type]
        found[fmt] = out.getvalue()
    return found


@pytest.fixture(scope="session")
def staged(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Staged:
    from spyglass.export.watch import add_watch

    db = str(tmp_path_factory.mktemp("corpus") / "corpus.db")
    first_inputs, held = corpus_inputs(corpus_dir)
    store = open_store(db)
    try:
        ingest(first_inputs, store, load_settings())
        add_watch(store, WATCH, WATCH_QUERY)
        checks = [store.check_watch(WATCH)]
        first = exports(store)
        later = ingest(held, store, load_settings())
        checks += [store.check_watch(WATCH), store.check_watch(WATCH)]
        second = exports(store)
    finally:
        store.close()
    return Staged(db, first, second, later, checks)
