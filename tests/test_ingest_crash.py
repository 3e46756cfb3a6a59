"""Killing `spyglass ingest` mid-run and running it again ends in the same database as one clean run."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spyglass.store import CaseQuery, open_store

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[1] / "src"
DOCUMENTS = 240
PEOPLE = ["Anton Berg", "Maria Lind", "Oleg Sokol", "Chen Wei", "Ivan Petrov", "Lena Vogel", "Tomas Kral",
          "Ahmed Saleh", "Yuri Kuznetsov", "Li Na", "Pavel Novak", "Sara Holm"]
SPONSORS = [("Russia", "Russian"), ("China", "Chinese"), ("Iran", "Iranian")]
COURTS = ["Berlin", "Tallinn", "Stockholm", "Prague", "Warsaw", "Vilnius"]


SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sta", "vel", "dor", "pin", "qua", "tre", "zum", "bal", "fen", "gor"]


def _filler(i: int) -> str:
    """Sixty words of local colour no other document shares, so documents are not near-duplicates."""
    rng = random.Random(i)
    words = ("".join(rng.choice(SYLLABLES) for _ in range(3)) for _ in range(60))
    return " ".join(words)


def _document(i: int) -> str:
    person = f"{PEOPLE[i % len(PEOPLE)]} {chr(65 + i // len(PEOPLE) % 26)}."
    sponsor, adjective = SPONSORS[i % len(SPONSORS)]
    city = COURTS[i % len(COURTS)]
    years = 2 + i % 9
    verb = "was arrested" if i % 2 else f"was sentenced to {years} years in prison"
    return (
        f"Spy case in {city}\n\n{person}, a former army officer, {verb} on Monday in {city} for spying "
        f"for {sponsor}. Prosecutors said the {adjective} intelligence service paid the officer for "
        f"documents about air defence between 2019 and 2021. Report number {i}.\n\n{_filler(i)}.\n"
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("crash") / "docs"
    root.mkdir()
    for i in range(DOCUMENTS):
        (root / f"doc-{i:04d}.txt").write_text(_document(i), encoding="utf-8")
    (root / "copy-of-0001.txt").write_text(_document(1), encoding="utf-8")
    return root


def _start(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    code = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"
    return subprocess.Popen([sys.executable, "-c", code, "ingest", str(folder), "--db", str(db)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _articles(db: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(str(db))
    try:
        return store.counts()["articles"]
    finally:
        store.close()


def _dump(db: Path) -> tuple[list[str], dict[str, int]]:
    store = open_store(str(db))
    try:
        cases = sorted(json.dumps(c.model_dump(mode="json"), sort_keys=True) for c in store.iter_cases(CaseQuery()))
        return cases, store.counts()
    finally:
        store.close()


def test_kill_mid_run_then_rerun_equals_one_clean_run(folder: Path, tmp_path: Path) -> None:
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    assert _start(folder, clean).wait(timeout=600) == 0

    run = _start(folder, crashed)
    deadline = time.monotonic() + 300
    while _articles(crashed) < 60 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    assert run.wait(timeout=60) == -signal.SIGKILL
    stored_at_kill = _articles(crashed)
    assert 0 < stored_at_kill < DOCUMENTS, "the kill must land mid-run"

    assert _start(folder, crashed).wait(timeout=600) == 0
    assert _dump(crashed) == _dump(clean)
    cases, counts = _dump(clean)
    assert counts["articles"] == DOCUMENTS + 1 and counts["duplicates"] == 1 and len(cases) > 0
