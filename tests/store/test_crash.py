"""A killed ingest, run again, ends in the same database as one clean run (SQLite and PostgreSQL)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from spyglass.store import CaseQuery, Store, open_store

SRC = Path(__file__).resolve().parents[2] / "src"

# Writes 5 batches of 20 articles (every 4th reporting a case, saved as linking would) and
# kills itself with SIGKILL in the middle of batch KILL_AT when that is >= 0.
SCRIPT = """
import os, signal, sys
from spyglass.records import Analysis, Article, Case, Mention, Relevance
from spyglass.store import open_store

target, kill_at = sys.argv[1], int(sys.argv[2])
store = open_store(target)
for batch in range(5):
    with store.transaction():
        for n in range(batch * 20, batch * 20 + 20):
            art = Article(id=f"a{n}", source="feed.xml", item=n, kind="feed_item", text=f"spy story {n}",
                          fingerprint=f"{n:016x}")
            mentions = (Mention(article_id=art.id, index=0, stage="arrested"),) if n % 4 == 0 else ()
            store.save_analysis(Analysis(article=art, relevance=Relevance(is_espionage=bool(mentions), score=1.0),
                                         mentions=mentions))
            if mentions:
                case_id = f"c{n % 3}"
                found = store.candidate_cases([f"k{n % 3}"])
                old = found[0].mentions if found else ()
                store.save_case(Case(id=case_id, stage="arrested", mentions=tuple(dict.fromkeys((*old, (art.id, 0))))),
                               [f"k{n % 3}"])
            if batch == kill_at and n == batch * 20 + 10:
                os.kill(os.getpid(), signal.SIGKILL)
store.close()
"""


def run(target: str, kill_at: int) -> int:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-c", SCRIPT, target, str(kill_at)], env=env, timeout=120).returncode


def snapshot(store: Store) -> tuple[object, ...]:
    """Everything a user can see, without write timestamps."""
    return (
        store.counts(),
        [a.id for a in store.articles(limit=1000)],
        [c.model_dump() for c in store.iter_cases(CaseQuery())],
        [(h.kind, h.id) for h in store.search("spy story", limit=200)],
        [a.id for a in store.near_duplicates(["0000000000000010"])],
        [(e.action, e.case_id) for e in store.audit()] != [],
    )


def test_killed_ingest_rerun_equals_clean_run(store_url: str, tmp_path: Path) -> None:
    assert run(store_url, kill_at=2) == -signal.SIGKILL
    store = open_store(store_url)
    assert store.counts()["articles"] == 40  # two whole batches, nothing of the third
    store.close()
    assert run(store_url, kill_at=-1) == 0
    clean_path = str(tmp_path / "clean.db")
    assert run(clean_path, kill_at=-1) == 0
    rerun, clean = open_store(store_url), open_store(clean_path)
    assert snapshot(rerun) == snapshot(clean)
    assert rerun.counts()["articles"] == 100 and rerun.counts()["cases"] == 3
    rerun.close()
    clean.close()
