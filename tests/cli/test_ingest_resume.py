"""Killing `spyglass ingest` mid-crawl and running it again skips the files it finished and ends
in the same store as one clean run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from spyglass.store import open_store

from ..crawls import build_crawl, canonical_dump

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[2] / "src"
LAUNCH = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"
FILES = 8


def _env() -> dict[str, str]:
    # a deadline no page comes near on a loaded machine, so the two stores compared cannot differ by it
    return {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200", "SPYGLASS_ANALYSIS_DEADLINE": "60"}


def _start(folder: Path, db: Path) -> subprocess.Popen[bytes]:
    """An ingest to be killed: its output is not read."""
    return subprocess.Popen([sys.executable, "-c", LAUNCH, "ingest", str(folder), "--db", str(db)], env=_env(),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _ingest(folder: Path, db: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", LAUNCH, "ingest", str(folder), "--db", str(db), *options],
                          env=_env(), capture_output=True, text=True, timeout=600, check=False)


def _finished(db: Path, folder: Path) -> int:
    if not db.exists():
        return 0
    store = open_store(str(db))
    try:
        return len(store.finished_files(str(p.resolve()) for p in folder.iterdir()))
    finally:
        store.close()


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_crawl(tmp_path_factory.mktemp("resume") / "crawl", files=FILES, per_file=15, damaged=False)


def test_a_killed_crawl_resumes_without_redoing_finished_files(crawl: Path, tmp_path: Path) -> None:
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    assert _ingest(crawl, clean).returncode == 0

    run = _start(crawl, crashed)
    deadline = time.monotonic() + 300
    while _finished(crashed, crawl) < 2 and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGKILL)
    assert run.wait(timeout=60) == -signal.SIGKILL
    done_at_kill = _finished(crashed, crawl)
    assert 2 <= done_at_kill < FILES, "the kill must land mid-crawl"

    again = _ingest(crawl, crashed)
    assert again.returncode == 0, again.stderr
    assert f"spyglass: skipped {done_at_kill} file(s) an earlier run finished (--redo reads them again)" in again.stderr
    assert canonical_dump(str(crashed)) == canonical_dump(str(clean))
    assert _finished(crashed, crawl) == FILES


def test_redo_reads_finished_files_again_and_changes_nothing(crawl: Path, tmp_path: Path) -> None:
    db = tmp_path / "redo.db"
    assert _ingest(crawl, db).returncode == 0
    before = canonical_dump(str(db))
    redo = _ingest(crawl, db, "--redo")
    assert redo.returncode == 0 and "skipped" not in redo.stderr
    assert "already stored" in redo.stdout and canonical_dump(str(db)) == before


def test_a_file_changed_since_it_was_finished_is_read_again(crawl: Path, tmp_path: Path) -> None:
    folder = tmp_path / "crawl"
    folder.mkdir()
    for name in sorted(p.name for p in crawl.iterdir())[:2]:
        (folder / name).write_bytes((crawl / name).read_bytes())
    db = tmp_path / "changed.db"
    assert _ingest(folder, db).returncode == 0
    first = sorted(folder.iterdir())[0]
    os.utime(first, ns=(time.time_ns(), time.time_ns()))  # touched: no longer the file that was finished
    again = _ingest(folder, db)
    assert again.returncode == 0 and "spyglass: skipped 1 file(s)" in again.stderr
