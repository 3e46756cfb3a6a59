"""Dask (dask.distributed) as the distributed engine: workers read and analyse slices, this process stores them.

Workers run ``read_slice``: ``sources`` reads one slice of the crawl and ``pipeline.analyses_of``
turns its documents into analyses (prefilter, extract, understand) with one ``Analyzer``, so one
spaCy model, per worker process. Big WARC files are cut into slices on workers too
(``plan_file``), ahead of their turn. This process keeps a bounded number of slices in flight and
takes their results in the order it submitted them, so linking (which reads what is already
stored) sees articles in input order and the store is the one a single-process run makes.

A slice whose worker dies (a crash, the memory limit) is retried once on another worker, then
becomes ``worker-died`` rejections and the run goes on; its files are not checkpointed, so the
next run reads them again.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, cast

from spyglass.crawl import Piece, Work
from spyglass.errors import InputError, internal_reason
from spyglass.pipeline import analyses_of, warmed_analyzer
from spyglass.records import RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources.slices import SLICE_BYTES, InputFile, Slice, grouped, slice_items, slices_of

if TYPE_CHECKING:
    from distributed import Client, Future

    from spyglass.understand import Analyzer

__all__ = ["distributed_pieces", "read_slice", "plan_file", "connected", "LOCAL_CONFIG"]

_LOOKAHEAD = 4  # big files being cut on workers ahead of their turn
_CONNECT_TIMEOUT = "10s"
_ANALYZERS: dict[Settings, Analyzer] = {}  # per worker process: the spaCy model loads once, not per slice

Reader = Callable[[Slice, Settings], Piece]
LOCAL_CONFIG = {
    # one retry: a slice that kills a second worker is the slice's fault, not the workers'
    "distributed.scheduler.allowed-failures": 1,
    # a worker holds only the slice it runs, so a crash blames that slice alone, never one queued behind it
    "distributed.scheduler.worker-saturation": 1.0,
    # the scheduler runs in this process beside the writer: its 20 ms event-loop tick took 4% of a
    # core doing nothing (0.9% at 500 ms), and with tasks queued on the scheduler there is nothing to steal
    "distributed.admin.tick.interval": "500ms",
    "distributed.scheduler.work-stealing": False,
    # each worker's sampling profiler walks the running task's stack every 10 ms: about 2% of a
    # worker's CPU on a crawl (20,000 records, back to back), for a dashboard page a crawl never reads
    "distributed.worker.profile.enabled": False,
}


def read_slice(piece: Slice, settings: Settings) -> Piece:
    """On a worker: the analyses of one slice, with how many items its byte range held."""
    counted = _Counted(slice_items(piece, settings.max_bytes, settings.cache_dir))
    skipped: list[tuple[str, str | None]] = []
    found = tuple(analyses_of(counted, settings, _analyzer(settings),
                              skipped=lambda raw: skipped.append((raw.source, raw.member))))
    return Piece(found, ends=piece, records=counted.count, prefiltered=tuple(skipped))


def plan_file(file: InputFile, slice_bytes: int) -> list[Slice]:
    """On a worker: one big file as slices (the index pass reads all of it)."""
    return slices_of(file, slice_bytes)


def _analyzer(settings: Settings) -> Analyzer:
    if settings not in _ANALYZERS:
        _ANALYZERS[settings] = warmed_analyzer(settings)
    return _ANALYZERS[settings]


class _Counted:
    """The items of a slice, counted as they pass."""

    def __init__(self, items: Iterable[RawItem | Rejected]) -> None:
        self._items = iter(items)
        self.count = 0

    def __iter__(self) -> Iterator[RawItem | Rejected]:
        for item in self._items:
            self.count += 1
            yield item


def distributed_pieces(
    plan: list[Work], settings: Settings, *, workers: int | None = None, scheduler: str | None = None,
    slice_bytes: int = SLICE_BYTES, read: Reader = read_slice,
) -> Iterator[Piece]:
    """The pieces of a crawl's plan, read on dask workers, in plan order, a bounded number in flight."""
    with connected(workers, scheduler) as client:
        # slices take from 0.1 s to many seconds: a deep window keeps every worker busy while the
        # writer waits for a slow slice at the head (results are a few MB a slice)
        in_flight = max(8, 4 * _threads(client))
        steps = _steps(client, plan, slice_bytes)
        yield from _in_order(client, steps, settings, in_flight, read)


@contextmanager
def connected(workers: int | None, scheduler: str | None) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, else of a local cluster of ``workers`` processes."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        client = _client_of(scheduler)
        try:
            yield client
        finally:
            client.close()
        return
    if workers is not None and workers < 1:
        raise InputError(f"--workers {workers} starts no worker", "give 1 or more, e.g. --workers 2")
    with dask.config.set(LOCAL_CONFIG), _workers_deaf_to_ctrl_c():
        # the scheduler's HTTP server on a free loopback port: 8787 may be another cluster's
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    try:
        with Client(cluster, set_as_default=False) as client:
            yield client
    finally:
        cluster.close()


@contextmanager
def _workers_deaf_to_ctrl_c() -> Iterator[None]:
    """Start worker processes with SIGINT ignored (a new Python keeps an ignored SIGINT ignored):
    Ctrl-C reaches the whole terminal group, and this process, not each worker, ends the run."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _client_of(scheduler: str) -> Client:
    from distributed import Client

    try:
        return Client(scheduler, timeout=_CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as err:
        detail = " ".join(str(err).split())[:160] or type(err).__name__
        raise InputError(f"cannot reach the dask scheduler at {scheduler} ({detail})",
                         "start one with `dask scheduler` there, or check the address and port") from None


def _threads(client: Client) -> int:
    return sum(int(w.get("nthreads", 1)) for w in client.scheduler_info().get("workers", {}).values())


def _units(plan: list[Work], slice_bytes: int) -> Iterator[Slice | InputFile | Rejected]:
    """The plan as slices of small files, big files still to cut, and listing problems, in order."""
    run: list[InputFile] = []
    for work in plan:
        if isinstance(work, InputFile):
            run.append(work)
            continue
        yield from grouped(run, slice_bytes)
        run = []
        if isinstance(work, Rejected):
            yield work
    yield from grouped(run, slice_bytes)


def _steps(client: Client, plan: list[Work], slice_bytes: int) -> Iterator[Slice | Rejected]:
    """Slices in plan order; big files are cut on workers a few files ahead of their turn."""
    queue: deque[tuple[Slice | InputFile | Rejected, Future | None]] = deque()
    for unit in _units(plan, slice_bytes):
        cutting = isinstance(unit, InputFile)
        queue.append((unit, client.submit(plan_file, unit, slice_bytes, pure=False, priority=1) if cutting else None))
        if len(queue) > _LOOKAHEAD:
            yield from _cut(*queue.popleft())
    while queue:
        yield from _cut(*queue.popleft())


def _cut(unit: Slice | InputFile | Rejected, future: Future | None) -> list[Slice | Rejected]:
    if not isinstance(unit, InputFile):
        return [unit]
    try:
        return list(future.result()) if future is not None else [Slice((unit,))]
    except Exception:  # the index pass failed or its worker died: the file is read whole instead
        return [Slice((unit,))]
    finally:
        if future is not None:
            future.release()


def _in_order(
    client: Client, steps: Iterator[Slice | Rejected], settings: Settings, in_flight: int, read: Reader,
) -> Iterator[Piece]:
    """Submit slices as they come, at most ``in_flight`` unread; yield their pieces in submission order."""
    window: deque[tuple[Slice | Rejected, Future | None]] = deque()
    for step in steps:
        future = None if isinstance(step, Rejected) else client.submit(read, step, settings, pure=False)
        window.append((step, future))
        if len(window) >= in_flight:
            yield _outcome(*window.popleft(), settings)
    while window:
        yield _outcome(*window.popleft(), settings)


def _outcome(step: Slice | Rejected, future: Future | None, settings: Settings) -> Piece:
    """A slice's piece; a slice that killed its workers or failed becomes rejections and the run goes on."""
    from distributed import KilledWorker

    if isinstance(step, Rejected):
        return Piece((step,))  # a listing problem, stored as it is
    assert future is not None  # every slice was submitted
    try:
        return cast(Piece, future.result())
    except KilledWorker:
        return Piece(_lost(step), ends=step)
    except Exception as err:
        reason = internal_reason(err, "reading the slice on a worker", _where(step), settings.cache_dir)
        return Piece(tuple(Rejected(source=f.path, code="internal", reason=reason) for f in step.files), ends=step)
    finally:
        future.release()


def _lost(step: Slice) -> tuple[Rejected, ...]:
    span = f"bytes {step.start}-{step.end}" if step.end is not None else None
    what = f"{span} of this file" if span else "this file"
    reason = (f"the dask worker reading {what} died twice (a crash or its memory limit); "
              "its records were not stored and the next run reads the file again")
    return tuple(Rejected(source=f.path, member=span, code="worker-died", reason=reason) for f in step.files)


def _where(step: Slice) -> str:
    names = ", ".join(f.path for f in step.files[:3]) + (" ..." if len(step.files) > 3 else "")
    return f"{names} (bytes {step.start}-{step.end})" if step.end is not None else names
