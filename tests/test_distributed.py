"""Dask workers read and analyse, one writer stores: the store is the one a single-process run makes.

Each test starts a real local dask cluster (worker processes, one thread each).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from spyglass.crawl import CrawlReport, Piece, ingest_crawl, plan_of, store_pieces
from spyglass.distributed import distributed_pieces, read_slice
from spyglass.settings import Settings, load_settings
from spyglass.sources.slices import InputFile, Slice
from spyglass.store import open_store

from .crawls import build_crawl, canonical_dump

pytestmark = pytest.mark.slow

SRC = Path(__file__).resolve().parents[1] / "src"
LAUNCH = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_crawl(tmp_path_factory.mktemp("distributed") / "crawl", files=5, per_file=12)


@pytest.fixture(scope="module")
def single(crawl: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """What one process stores from the crawl."""
    db = str(tmp_path_factory.mktemp("single") / "single.db")
    store = open_store(db)
    try:
        ingest_crawl([str(crawl)], store, _settings(tmp_path_factory.getbasetemp()))
    finally:
        store.close()
    return canonical_dump(db)


def _settings(folder: Path) -> Settings:
    # a deadline no page here comes near even on a loaded machine: the stores compared must not
    # depend on how busy the cores were (a page over it is too-complex in one run, not the other)
    return load_settings(cache_dir=str(folder / "cache"), analysis_deadline=60.0)


def test_two_workers_store_what_one_process_stores(crawl: Path, single: dict[str, object], tmp_path: Path) -> None:
    db = str(tmp_path / "two.db")
    store = open_store(db)
    try:
        # slices of ~20 kB: every WARC file is cut into ranges read by different workers
        report = ingest_crawl([str(crawl)], store, _settings(tmp_path), workers=2, slice_bytes=20_000)
    finally:
        store.close()
    assert (report.files, report.finished) == (6, 6)
    assert report.summary.prefiltered == 5 * 12 + 5  # weather pages and the damaged archive's, counted on workers
    assert canonical_dump(db) == single
    counts = single["counts"]
    assert isinstance(counts, dict) and counts["articles"] >= 60 and counts["duplicates"] >= 1 and counts["cases"] > 0
    assert single["rejected"] == {"warc-invalid": 1}


def test_the_cli_with_workers_stores_what_it_stores_without(crawl: Path, single: dict[str, object],
                                                            tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    done = _spyglass("ingest", str(crawl), "--workers", "2", "--db", str(db))
    assert done.returncode == 1, done.stderr  # the damaged archive is rejected, the rest stored
    assert "rejected (warc-invalid)" in done.stderr
    assert canonical_dump(str(db)) == single


def _dies_on_the_second_file(piece: Slice, settings: Settings) -> Piece:
    """A reader that kills its worker process on one file, as a crash in a C library would."""
    if piece.files[0].path.endswith("-00001.warc.gz"):
        os._exit(13)
    return read_slice(piece, settings)


def test_a_slice_that_kills_its_workers_is_rejected_and_the_run_goes_on(crawl: Path, single: dict[str, object],
                                                                        tmp_path: Path) -> None:
    db = str(tmp_path / "dies.db")
    store = open_store(db)
    settings = _settings(tmp_path)
    try:
        report = CrawlReport()
        plan = plan_of([str(crawl)], store, settings, False, report)
        one_file_a_slice = max(p.stat().st_size for p in crawl.iterdir()) + 1
        pieces = distributed_pieces(plan, settings, workers=2, slice_bytes=one_file_a_slice,
                                    read=_dies_on_the_second_file)
        store_pieces(pieces, store, report)
        finished = store.finished_files(f.key for f in plan if isinstance(f, InputFile))
    finally:
        store.close()
    assert report.summary.rejected["worker-died"] == 1
    counts = single["counts"]
    assert isinstance(counts, dict) and report.summary.articles == counts["articles"] - 12  # all but the lost file's
    assert sorted(Path(p).name for p in finished) == sorted(
        p.name for p in crawl.iterdir() if not p.name.endswith("-00001.warc.gz"))  # read again next run


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _spyglass(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200", "SPYGLASS_ANALYSIS_DEADLINE": "60"}
    return subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)


def test_a_scheduler_that_cannot_be_reached_is_one_line_naming_it(crawl: Path, tmp_path: Path) -> None:
    address = f"tcp://127.0.0.1:{_free_port()}"
    done = _spyglass("ingest", str(crawl), "--scheduler", address, "--db", str(tmp_path / "x.db"))
    assert done.returncode == 2, done.stderr
    [line] = done.stderr.strip().splitlines()
    assert line.startswith(f"spyglass: cannot reach the dask scheduler at {address} (") and "dask scheduler" in line


def test_workers_read_local_files_only(tmp_path: Path) -> None:
    done = _spyglass("ingest", "https://news.example/a", "--workers", "2", "--db", str(tmp_path / "x.db"))
    assert done.returncode == 2
    assert done.stderr.strip() == ("spyglass: dask workers read local files and folders only; "
                                   "ingest URLs and - in a run without --workers or --scheduler")
