"""Benchmark the store at scale on SQLite and PostgreSQL: loading, search, case lists, overview, pages.

Loads ``--articles`` realistic synthetic articles and the cases they report (``store_data``:
about one case per two articles) through the store's bulk writes (``save_analyses``, then
``save_cases``, a batch per transaction), or with ``--load single`` one ``save_analysis`` /
``save_case`` per record in the same transactions. Then times, each call ``--rounds`` times
after two untimed ones:

- search: a common word ("China", "Russia"), two common words, a phrase-like query, rare words
  and a word no article has; as the search page asks (50 hits, cases first) and as the API
  asks for articles (20);
- case lists with their facet counts: all cases, by sponsor, stage, target, service, year,
  combinations, a deep page, other sorts, full text and person filters;
- the overview's figures (``serve.dashboard.overview_of``) and each store call behind them;
- the web pages and API through uvicorn on a loopback port, cold (the result cache emptied
  before each request, as after an ingest) and warm.

Figures go to ``benchmarks/results/store.json`` under the backend and the article count
(``--label before`` files the query figures as the state before a change). An existing
database already holding the articles is reused and only measured (``--keep`` keeps a new one).

    .venv/bin/python benchmarks/store.py --articles 1000000 --db /tmp/store-1m.db --keep
    .venv/bin/python benchmarks/store.py --articles 1000000 --pg-url postgresql://postgres@127.0.0.1:55600/bench
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import islice
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))
from store_data import Corpus  # noqa: E402

from spyglass.serve.dashboard import LATEST, PAIRS, first_cases, overview_of  # noqa: E402
from spyglass.store import CaseQuery, Store, open_store  # noqa: E402

T = TypeVar("T")
RESULTS = Path(__file__).resolve().parent / "results" / "store.json"
SEARCHES = {
    "common: China": "China",
    "common: Russia": "Russia",
    "two common words: China Taiwan": "China Taiwan",
    "phrase-like: state security": "state security",
    "rare (1 in 2,000): Kaliningrad": "Kaliningrad",
    "rarer (1 in 20,000): Vladivostok": "Vladivostok",
    "no match: zzyzx": "zzyzx",
}
CASE_LISTS = {
    "all cases": CaseQuery(),
    "sponsor CN": CaseQuery(sponsor=("CN",)),
    "sponsor RU, stage sentenced": CaseQuery(sponsor=("RU",), stage=("sentenced",)),
    "target US": CaseQuery(target=("US",)),
    "service GRU": CaseQuery(service=("GRU",)),
    "stage arrested, target TW": CaseQuery(stage=("arrested",), target=("TW",)),
    "year 2020": CaseQuery(year=2020),
    "sponsor CN, year 2024": CaseQuery(sponsor=("CN",), year=2024),
    "sponsor CN, page 100": CaseQuery(sponsor=("CN",), offset=4950),
    "sorted by first reported": CaseQuery(sort="first_reported"),
    "sorted by stage, sponsor IR": CaseQuery(sort="stage", sponsor=("IR",)),
    "text China": CaseQuery(text="China"),
    "text Kaliningrad": CaseQuery(text="Kaliningrad"),
    "text China, sponsor RU": CaseQuery(text="China", sponsor=("RU",)),
    "person chen": CaseQuery(person="chen"),
}
PAGES = {
    "/": "/",
    "/cases": "/cases",
    "/cases?sponsor=CN": "/cases?sponsor=CN",
    "/cases?sponsor=RU&stage=sentenced": "/cases?sponsor=RU&stage=sentenced",
    "/cases?target=US&year=2020": "/cases?target=US&year=2020",
    "/cases?q=China": "/cases?q=China",
    "/cases/{largest case}": "/cases/{largest}",
    "/cases/{one-report case}": "/cases/{single}",
    "/search?q=China": "/search?q=China",
    "/search?q=Russia": "/search?q=Russia",
    "/search?q=Kaliningrad": "/search?q=Kaliningrad",
    "/articles": "/articles",
    "api /api/v1/cases?sponsor=CN": "/api/v1/cases?sponsor=CN",
    "api /api/v1/search?q=China": "/api/v1/search?q=China",
    "api /api/v1/entities": "/api/v1/entities",
}


# --- loading ---------------------------------------------------------------------------------
def batches(items: Iterable[T], size: int) -> Iterator[list[T]]:
    found = iter(items)
    while batch := list(islice(found, size)):
        yield batch


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def load(store: Store, corpus: Corpus, batch: int, bulk: bool) -> dict[str, object]:
    """Articles, then cases, one transaction per batch: through the bulk writes, or one call per record."""
    started = time.perf_counter()
    in_store, done, progress = 0.0, 0, []
    for items in batches(corpus.analyses(), batch):
        t0 = time.perf_counter()
        with store.transaction():
            if bulk:
                store.save_analyses(items)
            else:
                for analysis in items:
                    store.save_analysis(analysis)
        in_store += time.perf_counter() - t0
        done += len(items)
        if done % max(corpus.articles // 10, batch) < batch:
            progress.append((done, round(time.perf_counter() - started, 1), rss_mb()))
            print(f"  {done:>9,} articles  {done / (time.perf_counter() - started):7.0f}/s  peak RSS {rss_mb()} MB")
    articles_s = time.perf_counter() - started
    cases_started, cases_store, cases = time.perf_counter(), 0.0, 0
    for found in batches(corpus.cases(), batch // 2):
        t0 = time.perf_counter()
        with store.transaction():
            if bulk:
                store.save_cases(found)
            else:
                for case, keys in found:
                    store.save_case(case, keys)
        cases_store += time.perf_counter() - t0
        cases += len(found)
    cases_s = time.perf_counter() - cases_started
    print(f"  {cases:>9,} cases     {cases / cases_s:7.0f}/s")
    return {
        "mode": "bulk: save_analyses, then save_cases" if bulk else "single: save_analysis, then save_case, per record",
        "batch_articles": batch, "batch_cases": batch // 2,
        "articles_seconds": round(articles_s, 1),
        "articles_per_s": round(corpus.articles / articles_s),  # generating the synthetic data included
        "store_articles_per_s": round(corpus.articles / in_store),  # time inside the store only
        "cases_seconds": round(cases_s, 1),
        "cases_per_s": round(cases / cases_s),
        "store_cases_per_s": round(cases / cases_store),
        "progress_articles_seconds_rss_mb": progress,
    }


# --- timing ----------------------------------------------------------------------------------
def latency(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[math.ceil(len(ordered) * 0.95) - 1] * 1000, 2),  # nearest rank
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def timed(fn: Callable[[], object], rounds: int, before: Callable[[], None] | None = None,
          budget: float = 30.0) -> dict[str, float]:
    """p50/p95/max of ``rounds`` calls after an untimed one; a slow call (the state before a fix)
    stops after ``budget`` seconds with at least three timed calls."""
    if before:
        before()
    fn()  # untimed: warms the connection and the pages the call reads
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < rounds and (len(samples) < 3 or time.perf_counter() - started < budget):
        if before:
            before()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return {**latency(samples), "calls": len(samples)}


def store_queries(store: Store, rounds: int) -> dict[str, object]:
    search_page = {name: timed(partial(store.search, q, limit=50), rounds) for name, q in SEARCHES.items()}
    search_api = {name: timed(partial(store.search, q, limit=20, kind="article"), rounds)
                  for name, q in SEARCHES.items()}
    lists = {name: timed(partial(store.cases, q), rounds) for name, q in CASE_LISTS.items()}
    overview = {
        "overview_of (all below)": timed(lambda: overview_of(store), rounds),
        "counts": timed(store.counts, rounds),
        "case_counts_by sponsor by year": timed(lambda: store.case_counts_by("sponsor", by_year=True), rounds),
        "country_pairs (who spies on whom)": timed(lambda: store.country_pairs(limit=PAIRS), rounds),
        "first cases": timed(lambda: first_cases(store, CaseQuery(), LATEST), rounds),
        "recent_changes": timed(lambda: store.recent_changes(limit=LATEST), rounds),
        "stat_series": timed(store.stat_series, rounds),
        "people": timed(lambda: store.people(limit=100), rounds),
    }
    ids = [c.id for c in store.cases(CaseQuery(limit=200)).items]
    rng = random.Random(3)
    case_reads = {"case": timed(lambda: store.case(rng.choice(ids)), rounds)}
    return {"search_page_50_hits": search_page, "search_api_20_articles": search_api, "case_lists": lists,
            "overview": overview, "case_page_reads": case_reads}


def page_timings(target: str, rounds: int, largest: str, single: str) -> dict[str, object]:
    """Pages and API through uvicorn on loopback: cold (result cache emptied first) and warm."""
    import httpx
    import uvicorn

    from spyglass.serve import create_app
    from spyglass.serve.cache import ResultCache
    from spyglass.settings import load_settings

    app = create_app(target, load_settings(host="127.0.0.1", db=target))
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)

    def clear() -> None:
        app.state.results = ResultCache()

    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=120) as client:
            def get(path: str) -> None:
                client.get(path).raise_for_status()

            paths = {name: path.format(largest=largest, single=single) for name, path in PAGES.items()}
            cold = {name: timed(partial(get, path), rounds, clear) for name, path in paths.items()}
            warm = {name: timed(partial(get, path), rounds) for name, path in paths.items()}
            return {"cold": cold, "warm": warm}
    finally:
        server.should_exit = True
        thread.join(timeout=10)


# --- the run ---------------------------------------------------------------------------------
def db_mb(target: str) -> int:
    if "://" in target:
        import psycopg

        with psycopg.connect(target) as conn:
            row = conn.execute("SELECT pg_database_size(current_database())").fetchone()
        return round(int(row[0]) / 2**20) if row else 0
    return round(sum(p.stat().st_size for p in Path(target).parent.glob(Path(target).name + "*")) / 2**20)


def settle(target: str) -> None:
    """PostgreSQL: VACUUM ANALYZE, as autovacuum does shortly after a bulk load (statistics and
    the visibility map the planner relies on). SQLite needs nothing."""
    if "://" in target:
        import psycopg

        with psycopg.connect(target, autocommit=True) as conn:
            conn.execute("VACUUM ANALYZE")


def landmarks(store: Store) -> tuple[str, str]:
    """The case with the most reports and a case with one, for the case pages."""
    sample = store.cases(CaseQuery(limit=1000)).items
    largest = max(sample, key=lambda c: len(c.mentions))
    single = next(c for c in sample if len(c.mentions) == 1)
    return largest.id, single.id


def server_facts(target: str) -> dict[str, object]:
    facts: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} cores shared",
                                "python": platform.python_version()}
    if "://" in target:
        import psycopg

        with psycopg.connect(target) as conn:
            for name in ("server_version", "shared_buffers", "work_mem", "effective_cache_size", "max_parallel_workers_per_gather"):
                row = conn.execute(f"SHOW {name}").fetchone()
                facts[name] = row[0] if row else None
    else:
        import sqlite3

        facts["sqlite"] = sqlite3.sqlite_version
    return facts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--cases", type=int, help="cases to aim for (default: one per two articles)")
    parser.add_argument("--batch", type=int, default=5000, help="articles per transaction (cases: half)")
    parser.add_argument("--load", choices=["bulk", "single"], default="bulk", help="bulk writes or one call per record")
    parser.add_argument("--rounds", type=int, default=30, help="timed calls of each query")
    parser.add_argument("--db", help="SQLite file (default: a temporary one, removed unless --keep)")
    parser.add_argument("--pg-url", default=os.environ.get("SPYGLASS_BENCH_PG_URL"),
                        help="postgresql:// URL of a database to fill (or reuse); env SPYGLASS_BENCH_PG_URL")
    parser.add_argument("--keep", action="store_true", help="keep a temporary SQLite file")
    parser.add_argument("--label", default="", help="file the figures under this name (e.g. before)")
    parser.add_argument("--no-pages", action="store_true", help="skip the HTTP pages")
    parser.add_argument("--load-only", action="store_true", help="load (and record the load), measure nothing")
    args = parser.parse_args()
    tmp = tempfile.mkdtemp(prefix="spyglass-store-bench-")
    target = args.pg_url or args.db or str(Path(tmp) / "bench.db")
    backend = "postgres" if "://" in target else "sqlite"
    store = open_store(target)
    figures: dict[str, object] = {}
    if store.counts()["articles"] < args.articles:
        corpus = Corpus(args.articles, args.cases)
        print(f"loading {args.articles:,} articles into {store.target} ({args.load})")
        figures["ingest"] = load(store, corpus, args.batch, bulk=args.load == "bulk")
        settle(target)
    figures["counts"] = store.counts()
    figures["db_mb"] = db_mb(target)
    figures["schema_version"] = store.schema_version()
    figures["commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                                       cwd=Path(__file__).parent).stdout.strip()
    figures["server"] = server_facts(target)
    if args.load_only:
        store.close()
        save(backend, args.articles, "load", figures)
        return
    print(f"measuring {figures['counts']}")
    figures["queries"] = store_queries(store, args.rounds)
    largest, single = landmarks(store)
    store.close()
    if not args.no_pages:
        figures["pages"] = page_timings(target, args.rounds, largest, single)
    figures["load_average_after_run"] = [round(x, 2) for x in os.getloadavg()]
    if not args.keep and not args.db and not args.pg_url:
        for path in Path(tmp).iterdir():
            path.unlink()
        Path(tmp).rmdir()
    save(backend, args.articles, args.label, figures)
    print(json.dumps(figures, indent=2))


def save(backend: str, articles: int, label: str, figures: dict[str, object]) -> None:
    report = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    entry = report.setdefault(backend, {}).setdefault(str(articles), {})
    if label:
        entry.setdefault("runs", {})[label] = figures
    else:
        previous_runs = entry.get("runs")
        entry.clear()
        entry.update(figures)
        if previous_runs:
            entry["runs"] = previous_runs
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
