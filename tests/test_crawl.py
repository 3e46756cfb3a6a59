"""The crawl writer: files an earlier run finished are skipped, each file is checkpointed with its
last record, and what a worker's pieces say about a file (empty, lost) is stored as a whole-file run says it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from spyglass.crawl import CrawlReport, Piece, ingest_crawl, store_pieces
from spyglass.records import Rejected
from spyglass.settings import Settings, load_settings
from spyglass.sources.slices import InputFile, Slice
from spyglass.store import Store, open_store

from .crawls import build_crawl, canonical_dump

FILES, PAGES = 3, 4


@pytest.fixture(scope="module")
def crawl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_crawl(tmp_path_factory.mktemp("crawl") / "crawl", files=FILES, per_file=PAGES)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "crawl.db"))
    yield opened
    opened.close()


def _settings(tmp_path: Path) -> Settings:
    return load_settings(cache_dir=str(tmp_path / "cache"), analysis_deadline=60.0)


def _keys(folder: Path) -> list[str]:
    return sorted(str(p.resolve()) for p in folder.iterdir())


def test_a_second_run_skips_every_finished_file_and_redo_reads_them(crawl: Path, store: Store, tmp_path: Path) -> None:
    first = ingest_crawl([str(crawl)], store, _settings(tmp_path))
    assert (first.files, first.finished, first.already_done) == (FILES + 1, FILES + 1, 0)
    assert first.bytes_done == first.bytes_total == sum(p.stat().st_size for p in crawl.iterdir())
    again = ingest_crawl([str(crawl)], store, _settings(tmp_path))
    assert (again.files, again.already_done, again.summary.documents) == (0, FILES + 1, 0)
    redo = ingest_crawl([str(crawl)], store, _settings(tmp_path), redo=True)
    assert (redo.already_done, redo.summary.stored, redo.summary.skipped) == (0, 0, first.summary.stored)


def test_a_checkpoint_says_what_its_file_gave(crawl: Path, store: Store, tmp_path: Path) -> None:
    ingest_crawl([str(crawl)], store, _settings(tmp_path))
    done = store.finished_files(_keys(crawl))
    assert sorted(done) == _keys(crawl)
    first = done[str(sorted(crawl.iterdir())[0].resolve())]
    assert (first.documents, first.articles, first.rejected) == (2 * PAGES, PAGES, 0)  # and a weather page each
    damaged = done[str((crawl / "CC-NEWS-damaged.warc").resolve())]
    assert damaged.rejected == 1 and damaged.documents >= 3  # its good records (no cue: prefiltered), one warc-invalid


def test_a_run_stopped_between_batches_resumes_to_the_clean_store(crawl: Path, tmp_path: Path) -> None:
    clean = str(tmp_path / "clean.db")
    whole = open_store(clean)
    ingest_crawl([str(crawl)], whole, _settings(tmp_path))
    whole.close()

    def stop_after_two_files(report: CrawlReport) -> None:
        if report.finished >= 2:
            raise KeyboardInterrupt  # Ctrl-C right after the batch that finished the second file

    stopped = str(tmp_path / "stopped.db")
    store = open_store(stopped)
    try:
        with pytest.raises(KeyboardInterrupt):
            ingest_crawl([str(crawl)], store, _settings(tmp_path), progress=stop_after_two_files)
        assert len(store.finished_files(_keys(crawl))) == 2
        resumed = ingest_crawl([str(crawl)], store, _settings(tmp_path))
    finally:
        store.close()
    assert resumed.already_done == 2
    assert canonical_dump(stopped) == canonical_dump(clean)


def _file(path: str) -> InputFile:
    return InputFile(path, 300, 1)


def test_a_cut_archive_whose_ranges_held_no_record_is_rejected_once_as_empty(store: Store) -> None:
    file = _file("/crawl/images.warc.gz")
    pieces = [Piece((), Slice((file,), 0, 100, last=False)), Piece((), Slice((file,), 100, 300))]
    report = CrawlReport()
    store_pieces(pieces, store, report)
    assert report.summary.rejected == {"warc-empty": 1} and store.rejected_counts() == {"warc-empty": 1}
    assert list(store.finished_files([file.key])) == [file.key]


def test_a_file_a_worker_died_on_is_not_finished_so_the_next_run_reads_it(store: Store) -> None:
    lost, kept = _file("/crawl/a.warc.gz"), _file("/crawl/b.warc.gz")
    died = Rejected(source=lost.path, member="bytes 0-100", code="worker-died", reason="the worker died")
    pieces = [Piece((died,), Slice((lost,), 0, 100, last=False)), Piece((), Slice((lost,), 100, 300), records=3),
              Piece((), Slice((kept,)))]
    report = CrawlReport()
    store_pieces(pieces, store, report)
    assert list(store.finished_files([lost.key, kept.key])) == [kept.key]
    assert report.summary.rejected == {"worker-died": 1}


def test_a_file_read_in_many_batches_is_counted_whole_and_prefiltered_pages_with_it(tmp_path: Path) -> None:
    crawl = build_crawl(tmp_path / "long", files=1, per_file=30, damaged=False)  # 61 documents: over a batch
    store = open_store(str(tmp_path / "long.db"))
    try:
        report = ingest_crawl([str(crawl)], store, _settings(tmp_path))
        [done] = store.finished_files(_keys(crawl)).values()
    finally:
        store.close()
    assert (report.summary.documents, report.summary.prefiltered, report.summary.articles) == (61, 30, 31)
    assert (done.documents, done.articles, done.rejected) == (61, 31, 0)
