"""The store contract for crawl checkpoints (files wholly stored), on SQLite and PostgreSQL alike."""

from __future__ import annotations

from pathlib import Path

import pytest

from spyglass.store import FinishedFile, Store

from .conftest import analysis, article


def _done(path: str, size: int = 100, **counts: int) -> FinishedFile:
    return FinishedFile(path=path, size=size, mtime_ns=1_700_000_000_123_456_789, **counts)


def test_a_finished_file_is_found_with_its_counts(store: Store) -> None:
    store.finish_file(_done("/crawl/a.warc.gz", documents=40, articles=38, rejected=2))
    found = store.finished_files(["/crawl/a.warc.gz", "/crawl/b.warc.gz"])
    assert list(found) == ["/crawl/a.warc.gz"]
    done = found["/crawl/a.warc.gz"]
    assert (done.size, done.mtime_ns, done.documents, done.articles, done.rejected) == (
        100, 1_700_000_000_123_456_789, 40, 38, 2)
    assert done.finished_at.endswith("+00:00")


def test_finishing_a_file_again_replaces_its_checkpoint(store: Store) -> None:
    store.finish_file(_done("/crawl/a.warc", size=100, documents=1))
    store.finish_file(_done("/crawl/a.warc", size=250, documents=3))
    assert store.finished_files(["/crawl/a.warc"])["/crawl/a.warc"].size == 250
    assert store.finished_files(["/crawl/a.warc"])["/crawl/a.warc"].documents == 3


def test_many_paths_are_looked_up_at_once(store: Store) -> None:
    paths = [f"/crawl/CC-NEWS-{i:05d}.warc.gz" for i in range(1_200)]  # over one IN (...) chunk
    with store.transaction():
        for path in paths[::2]:
            store.finish_file(_done(path))
    assert sorted(store.finished_files(paths)) == sorted(paths[::2])


def test_a_checkpoint_rolls_back_with_the_batch_it_was_written_in(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction():
        store.save_analysis(analysis(article("a1", "last record of the file")))
        store.finish_file(_done("/crawl/a.warc.gz"))
        raise RuntimeError("killed before the commit")
    assert store.finished_files(["/crawl/a.warc.gz"]) == {} and not store.has_article("a1")


def test_a_crawl_resumes_on_this_backend(store: Store, tmp_path: Path) -> None:
    """The writer's checkpoints on each backend: a second run reads nothing and changes nothing."""
    from spyglass.crawl import ingest_crawl
    from spyglass.settings import load_settings

    from ..crawls import build_crawl

    crawl = build_crawl(tmp_path / "crawl", files=2, per_file=2, damaged=False)
    settings = load_settings(cache_dir=str(tmp_path / "cache"), analysis_deadline=60.0)
    first = ingest_crawl([str(crawl)], store, settings)
    counts = store.counts()
    again = ingest_crawl([str(crawl)], store, settings)
    assert (first.finished, again.already_done, again.summary.documents) == (2, 2, 0)
    assert store.counts() == counts and counts["articles"] == 5  # two files of two pages, and a copy
