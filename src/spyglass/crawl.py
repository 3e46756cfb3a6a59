"""Resumable ingest of a crawl: files a run finished are skipped, the rest read in slices and stored in input order.

``pipeline`` chains the stages of every slice (``analyses_of`` on the reading side,
``ingest_batches`` on the writing side); this module decides what is read (a file an earlier
run finished is skipped while its size and time are unchanged), where (here, or on dask workers
through ``distributed``), and writes each file's checkpoint in the transaction that stores its
last record, so a kill never marks a file whose records are not all stored. Storing an article
twice is a no-op anyway (the pipeline skips stored article ids), so a file cut off by a kill is
simply read again.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spyglass.errors import InputError
from spyglass.pipeline import IngestSummary, analyses_of, ingest_batches, warmed_analyzer
from spyglass.records import Analysis, RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources.slices import SLICE_BYTES, InputFile, Slice, input_files, slice_items

if TYPE_CHECKING:
    from spyglass.store import FinishedFile, Store
    from spyglass.understand import Analyzer

__all__ = ["Stream", "Piece", "Work", "CrawlReport", "ingest_crawl", "store_pieces", "plan_of", "is_stream", "BATCH"]

BATCH = 50  # analyses stored per transaction: short writes beside a serving web app


@dataclass(frozen=True)
class Stream:
    """An input that is no local file (a URL, ``-`` for stdin): read in order, never checkpointed."""

    given: str


Work = InputFile | Stream | Rejected  # one step of a crawl's plan, in input order


Skipped = tuple[str, str | None]  # (source, member) of a page the prefilter skipped unparsed


@dataclass(frozen=True)
class Piece:
    """Found items in input order; ``ends`` is the slice they complete (None: more of it follows)."""

    found: tuple[Analysis | Rejected, ...]
    ends: Slice | None = None
    records: int = 0  # items a byte range of a WARC file held (to tell an archive with none)
    prefiltered: tuple[Skipped, ...] = ()  # pages among them the prefilter found no cue in
    within: Slice | None = None  # the slice a piece that does not end it is part of

    @property
    def files(self) -> tuple[InputFile, ...]:
        """The files its items come from (none for a URL, stdin or a listing problem)."""
        of = self.ends or self.within
        return of.files if of is not None else ()


@dataclass(frozen=True)
class CrawlBatch:
    """A ``pipeline.Batch``: found items, and the checkpoints of the files they finish."""

    found: tuple[Analysis | Rejected, ...]
    finishes: tuple[FinishedFile, ...] = ()

    def then(self, store: Store) -> None:
        for done in self.finishes:
            store.finish_file(done)


@dataclass
class CrawlReport:
    """What a crawl did and how far it is, for the progress line and the closing summary."""

    summary: IngestSummary = field(default_factory=IngestSummary)
    files: int = 0  # files to read this run
    finished: int = 0  # of them, wholly stored
    already_done: int = 0  # files an earlier run finished, not read again
    bytes_total: int = 0
    bytes_done: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def pages_per_second(self) -> float:
        return self.summary.documents / max(time.monotonic() - self.started, 1e-9)


def is_stream(given: str) -> bool:
    """Standard input or a URL: read as it comes, not as a file."""
    return given == "-" or given[:8].lower().startswith(("http://", "https://"))


def ingest_crawl(
    inputs: Iterable[str], store: Store, settings: Settings, *, workers: int | None = None,
    scheduler: str | None = None, redo: bool = False, progress: Callable[[CrawlReport], None] | None = None,
    slice_bytes: int = SLICE_BYTES,
) -> CrawlReport:
    """Read, understand, link and store the inputs, skipping files an earlier run finished (unless ``redo``).

    With ``workers`` (a local dask cluster of that many processes) or ``scheduler`` (an existing
    one's address), slices are read and analysed by dask workers; linking and storing stay here,
    in input order, so the store is the one a single-process run makes.
    """
    report = CrawlReport()
    plan = plan_of(list(inputs), store, settings, redo, report)
    if workers is None and scheduler is None:
        pieces = _local_pieces(plan, settings)
    else:
        from spyglass.distributed import distributed_pieces

        if any(isinstance(w, Stream) for w in plan):
            raise InputError("dask workers read local files and folders only",
                             "ingest URLs and - in a run without --workers or --scheduler")
        pieces = distributed_pieces(plan, settings, workers=workers, scheduler=scheduler, slice_bytes=slice_bytes)
    store_pieces(pieces, store, report, progress, settings.cache_dir)
    return report


def store_pieces(
    pieces: Iterable[Piece], store: Store, report: CrawlReport,
    progress: Callable[[CrawlReport], None] | None = None, log_folder: str | None = None,
) -> None:
    """Link and store pieces in the order given, each file's checkpoint with its last item (the one writer)."""
    summary = report.summary = IngestSummary()
    batches = _batches(pieces, report)
    ingest_batches(batches, store, _reporting(report, progress), log_folder, summary=summary)


def plan_of(inputs: list[str], store: Store, settings: Settings, redo: bool, report: CrawlReport) -> list[Work]:
    """Every input in order: local files (those already finished left out), streams, listing problems."""
    from spyglass.sources.files import globs_of

    plan: list[Work] = []
    for given in inputs:
        plan.extend([Stream(given)] if is_stream(given) else input_files([given], globs_of(settings.exclude)))
    files = [w for w in plan if isinstance(w, InputFile)]
    done = {} if redo else store.finished_files(f.key for f in files)
    skipped = {f for f in files if (c := done.get(f.key)) is not None and (c.size, c.mtime_ns) == (f.size, f.mtime_ns)}
    report.already_done = len(skipped)
    report.files = len(files) - len(skipped)
    report.bytes_total = sum(f.size for f in files if f not in skipped)
    return [w for w in plan if not (isinstance(w, InputFile) and w in skipped)]


def _local_pieces(plan: list[Work], settings: Settings) -> Iterator[Piece]:
    """Each step of the plan read and analysed in this process, a file at a time, a batch at a time."""
    from spyglass.sources import read_inputs

    analyzer = warmed_analyzer(settings)
    for work in plan:
        if isinstance(work, Rejected):
            yield Piece((work,))
        elif isinstance(work, Stream):
            yield from _chunked(read_inputs([work.given], settings), settings, analyzer, None)
        else:
            piece = Slice((work,))
            yield from _chunked(slice_items(piece, settings.max_bytes, settings.cache_dir), settings, analyzer, piece)


def _chunked(
    raws: Iterable[RawItem | Rejected], settings: Settings, analyzer: Analyzer, ends: Slice | None,
) -> Iterator[Piece]:
    """The analyses of ``raws`` in pieces of at most ``BATCH`` items; the last one (maybe empty)
    completes ``ends``. Each piece names the pages the prefilter skipped since the one before."""
    skipped: list[Skipped] = []
    found = analyses_of(raws, settings, analyzer, skipped=lambda raw: skipped.append((raw.source, raw.member)))
    while True:
        chunk = tuple(item for _, item in zip(range(BATCH), found, strict=False))
        passed, skipped[:] = tuple(skipped), []
        if len(chunk) < BATCH:
            yield Piece(chunk, ends, prefiltered=passed)
            return
        yield Piece(chunk, prefiltered=passed, within=ends)


def _batches(pieces: Iterable[Piece], report: CrawlReport) -> Iterator[CrawlBatch]:
    """Pieces as batches of at most ``BATCH`` items, each file's checkpoint with its last item."""
    tally = _Tally()
    for piece in pieces:
        for source, member in piece.prefiltered:
            report.summary.count_prefiltered(RawItem(source=source, member=member, content=b""))
        found = piece.found + tally.closing(piece)
        tally.count(found, piece)
        chunks = [found[i:i + BATCH] for i in range(0, len(found), BATCH)] or [()]
        finishes = tally.finish(piece.ends.finished) if piece.ends is not None else ()
        for chunk in chunks[:-1]:
            yield CrawlBatch(chunk)
        if piece.ends is not None:
            report.bytes_done += piece.ends.size
            report.finished += len(finishes)
        yield CrawlBatch(chunks[-1], finishes)


class _Tally:
    """Per file: what its items gave (for its checkpoint), and whether a slice of it was lost."""

    def __init__(self) -> None:
        self.counts: dict[str, Counter[str]] = {}
        self.documents: dict[str, set[str]] = {}
        self.records: Counter[str] = Counter()  # items read from the byte ranges of a cut WARC file
        self.lost: set[str] = set()  # files a worker died reading: not finished, read again next run

    def count(self, found: tuple[Analysis | Rejected, ...], piece: Piece) -> None:
        paths = [f.path for f in piece.files]
        for source, member in piece.prefiltered:
            self._document(paths, source, source if member is None else f"{source}#{member}")
        for item in found:
            source = item.source if isinstance(item, Rejected) else item.article.source
            key = f"{source}#{item.member or ''}" if isinstance(item, Rejected) else source  # as IngestSummary counts
            path = self._document(paths, source, key)
            if path is None:
                continue
            self.counts.setdefault(path, Counter())["rejected" if isinstance(item, Rejected) else "articles"] += 1
            if isinstance(item, Rejected) and item.code == "worker-died":
                self.lost.add(path)

    def _document(self, paths: list[str], source: str, key: str) -> str | None:
        """Note a document of the file ``source`` names; that file's path, None when none of ``paths``."""
        path = next((p for p in paths if source == p or source.startswith(p + "#")), None)
        if path is not None:
            self.documents.setdefault(path, set()).add(key)
        return path

    def closing(self, piece: Piece) -> tuple[Rejected, ...]:
        """The rejection of a WARC file cut in ranges none of which held a record (read whole, the
        archive says so itself)."""
        from spyglass.sources.warc import empty_archive

        ends = piece.ends
        if ends is None or ends.end is None:
            return ()
        path = ends.files[0].path
        self.records[path] += piece.records
        if not ends.last or self.records.pop(path) or path in self.lost:
            return ()
        return (empty_archive(path),)

    def finish(self, files: tuple[InputFile, ...]) -> tuple[FinishedFile, ...]:
        """The checkpoints of the files just completed, but for those a worker died reading."""
        from spyglass.store import FinishedFile

        done = []
        for file in files:
            counts = self.counts.pop(file.path, Counter())
            documents = len(self.documents.pop(file.path, ()))
            if file.path in self.lost:
                self.lost.discard(file.path)
                continue
            done.append(FinishedFile(path=file.key, size=file.size, mtime_ns=file.mtime_ns, documents=documents,
                                     articles=counts["articles"], rejected=counts["rejected"]))
        return tuple(done)


def _reporting(report: CrawlReport, progress: Callable[[CrawlReport], None] | None) -> Callable[[IngestSummary], None]:
    def update(summary: IngestSummary) -> None:
        report.summary = summary
        if progress is not None:
            progress(report)

    return update
