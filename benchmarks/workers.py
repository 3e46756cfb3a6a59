"""One process vs dask workers on real pages: pages/s, CPU, and what the writer costs.

Packs the real HTML pages of the given folders (default ``../realpages`` and
``../realpages-heldout`` beside the checkout, as fetched for the issue "Read real reporting")
into CC-NEWS-like WARC.gz files in a temporary folder, then ingests them into a fresh SQLite
store three ways in one run: one process, ``--workers 1`` and ``--workers 2``. For each it
records wall time, pages/s overall and in steady state (from the first stored batch to the
last, leaving out cluster start-up and model loading), the CPU seconds of this process (the
writer, and for dask the scheduler) and of the worker processes, and the machine's load
average, since on a shared machine the cores a run gets are not all its own.

On a machine others load too, wall-clock ratios say more about them than about Spyglass; so
the result also projects pages/s on free cores from the CPU seconds measured: a worker's CPU a
page (less the one warm-up every worker process pays) and the writer's CPU a page, k workers
sharing the cores with the writer.

    .venv/bin/python benchmarks/workers.py [FOLDER ...] [--pages-per-file 100] [--out benchmarks/results/workers.json]
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import resource
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = [ROOT.parent / "realpages", ROOT.parent / "realpages-heldout"]


def pages(folders: list[Path]) -> Iterator[tuple[str, bytes]]:
    """(name, html bytes) of every page below the folders, gzipped ones unpacked."""
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix not in (".html", ".htm", ".gz"):
                continue
            data = path.read_bytes()
            if path.suffix == ".gz":
                try:
                    data = gzip.decompress(data)
                except (OSError, EOFError):
                    continue
            yield path.name, data


def pack(folders: list[Path], out: Path, per_file: int) -> int:
    """The pages as WARC.gz files of ``per_file`` response records each; returns how many pages."""
    out.mkdir(parents=True, exist_ok=True)
    count = 0
    stream = None
    for name, data in pages(folders):
        if count % per_file == 0:
            if stream is not None:
                stream.close()
            stream = open(out / f"CC-NEWS-20240101{count // per_file:06d}-{count // per_file:05d}.warc.gz", "wb")
            writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://real.example/{count}/{name}", "response",
                                                      payload=io.BytesIO(data), length=len(data),
                                                      http_headers=headers))
        count += 1
    if stream is not None:
        stream.close()
    return count


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def measure(crawl: Path, db: Path, workers: int | None) -> dict[str, object]:
    """One ingest of the crawl into a new store, timed."""
    from spyglass.crawl import CrawlReport, ingest_crawl
    from spyglass.settings import load_settings
    from spyglass.store import open_store

    marks: list[tuple[float, int]] = []

    def progress(report: CrawlReport) -> None:
        marks.append((time.monotonic(), report.summary.documents))

    settings = load_settings(cache_dir=str(db.parent / "cache"))
    store = open_store(str(db))
    load_before = os.getloadavg()[0]
    cpu_self, cpu_children = _cpu(resource.RUSAGE_SELF), _cpu(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    try:
        report = ingest_crawl([str(crawl)], store, settings, workers=workers, progress=progress)
    finally:
        store.close()
    wall = time.monotonic() - started
    documents = report.summary.documents
    first, last = marks[0], marks[-1]
    steady = (last[1] - first[1]) / max(last[0] - first[0], 1e-9)
    return {
        "engine": "one process" if workers is None else f"dask --workers {workers}",
        "documents": documents, "prefiltered": report.summary.prefiltered, "articles": report.summary.articles,
        "stored": report.summary.stored,
        "wall_s": round(wall, 1), "pages_per_s": round(documents / wall, 1), "steady_pages_per_s": round(steady, 1),
        "writer_cpu_s": round(_cpu(resource.RUSAGE_SELF) - cpu_self, 1),
        "worker_cpu_s": round(_cpu(resource.RUSAGE_CHILDREN) - cpu_children, 1),
        "load_average_before": round(load_before, 1), "load_average_after": round(os.getloadavg()[0], 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path, default=DEFAULT_FOLDERS)
    parser.add_argument("--pages-per-file", type=int, default=100)
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "results" / "workers.json")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="spyglass-workers-") as tmp:
        crawl = Path(tmp) / "crawl"
        count = pack(args.folders, crawl, args.pages_per_file)
        size = sum(p.stat().st_size for p in crawl.iterdir())
        print(f"{count} pages in {len(list(crawl.iterdir()))} WARC.gz files ({size / 1e6:.0f} MB)", file=sys.stderr)
        runs = []
        for workers in (None, 1, 2):
            run = measure(crawl, Path(tmp) / f"run-{workers}.db", workers)
            print(json.dumps(run), file=sys.stderr)
            runs.append(run)
    one, two = runs[1], runs[2]
    warm_up = _warm_up_cpu()
    result = {
        "warm_up_cpu_s": round(warm_up, 1), "projected_on_free_cores": _projection(runs, warm_up, count),
        "pages": count, "cores": os.cpu_count(), "commit": _commit(), "runs": runs,
        "two_over_one_worker": round(float(two["pages_per_s"]) / float(one["pages_per_s"]), 2),  # type: ignore[arg-type]
        "two_over_one_worker_steady": round(
            float(two["steady_pages_per_s"]) / float(one["steady_pages_per_s"]), 2),  # type: ignore[arg-type]
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


def _warm_up_cpu() -> float:
    """CPU seconds a fresh process spends before its first page (imports, tables, spaCy model)."""
    import subprocess

    code = ("import time; t = time.process_time(); from spyglass.pipeline import warmed_analyzer; "
            "from spyglass.settings import load_settings; warmed_analyzer(load_settings()); print(time.process_time() - t)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(done.stdout.strip().splitlines()[-1])


def _projection(runs: list[dict[str, object]], warm_up: float, pages: int) -> dict[str, float]:
    """pages/s on 1 and 2 free cores from the CPU measured: workers share the cores with the writer."""
    one, two = runs[1], runs[2]
    per_page_worker = (float(two["worker_cpu_s"]) - 2 * warm_up) / pages  # type: ignore[arg-type]
    per_page_writer = float(two["writer_cpu_s"]) / pages  # type: ignore[arg-type]
    one_worker = 1 / per_page_worker  # the writer has the other core to itself
    two_workers = 2 / (per_page_worker + per_page_writer)
    single = pages / (float(runs[0]["writer_cpu_s"]) - warm_up)  # type: ignore[arg-type]
    return {"worker_ms_a_page": round(1000 * per_page_worker, 2), "writer_ms_a_page": round(1000 * per_page_writer, 2),
            "one_process": round(single, 1), "one_worker": round(one_worker, 1), "two_workers": round(two_workers, 1),
            "two_over_one_worker": round(two_workers / one_worker, 2),
            "one_worker_cpu_s_less_warm_up": round(float(one["worker_cpu_s"]) - warm_up, 1)}  # type: ignore[arg-type]


def _commit() -> str:
    import subprocess

    done = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                          check=False)
    return done.stdout.strip()


if __name__ == "__main__":
    main()
