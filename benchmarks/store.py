"""Benchmark the SQLite store: ingest rate, search and faceted-query latency, memory while ingesting.

Synthetic articles (deterministic, seeded) stream through ``save_analysis`` in batches of one
transaction each; one article in ten reports a case, which is looked up by blocking key and
saved (new or updated) as linking would. Afterwards text searches and faceted case queries are
timed. Figures go to ``benchmarks/results/store.json`` under the article count.

    .venv/bin/python benchmarks/store.py --articles 100000
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TypeVar

from spyglass.records import (
    Analysis,
    Article,
    Case,
    CaseSource,
    Evidence,
    Mention,
    Relevance,
    Stage,
    TimelineEvent,
)
from spyglass.store import CaseQuery, Store, open_store

T = TypeVar("T")
RESULTS = Path(__file__).parent / "results" / "store.json"
SPONSORS = ["CN", "RU", "IR", "KP", "US", "IL", "TR", "IN", "PK", "FR"]
TARGETS = ["TW", "US", "DE", "GB", "FR", "JP", "KR", "UA", "PL", "NL", "SE", "AU", "CA", "IN", "EE"]
STAGES: list[Stage] = ["suspected", "arrested", "charged", "convicted", "sentenced"]
SERVICES = ["MSS", "GRU", "SVR", "FSB", "MOIS", "RGB", "PLA"]
# Planted terms with known document frequencies, to time frequent and rare words apart.
PLANTED = {"espionage": 0.28, "taiwan": 0.03, "submarine": 0.002}
SEARCHES = ["espionage", "taiwan", "submarine", "espionage taiwan", "engineer arrested", "zzyzx", "spy"]


def vocabulary(rng: random.Random, size: int = 20_000) -> tuple[list[str], list[float]]:
    syllables = ["ka", "ri", "to", "men", "sa", "lo", "vek", "na", "dir", "po", "un", "te", "gra", "ex"]
    words = list(dict.fromkeys("".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)))[:size]
    words[:12] = ["the", "of", "and", "to", "in", "was", "for", "engineer", "arrested", "spy", "court", "officials"]
    weights = [1.0 / (rank + 1) for rank in range(len(words))]  # Zipf, like real text
    cumulative, total = [], 0.0
    for weight in weights:
        total += weight
        cumulative.append(total)
    return words, cumulative


def synthetic(count: int, seed: int = 7) -> Iterator[tuple[Analysis, int]]:
    """(analysis, case number or -1) for ``count`` articles; case numbers repeat for updates.

    Bodies come from a pool of Zipf-distributed texts, each article adding its own words and
    the planted terms, so generating the data costs little next to storing it.
    """
    rng = random.Random(seed)
    words, cumulative = vocabulary(rng)
    pool = [rng.choices(words, cum_weights=cumulative, k=rng.randint(80, 220)) for _ in range(2000)]
    cases = 0
    for n in range(count):
        body = [*rng.choice(pool), *rng.choices(words, k=12)]
        body += [term for term, share in PLANTED.items() if rng.random() < share]
        body.insert(rng.randrange(len(body)), f"tok{n}")  # every article has a word of its own
        year = rng.randint(2015, 2026)
        published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        article_id = f"bench-{n:08d}"
        text = " ".join(body).capitalize() + "."
        art = Article(
            id=article_id, source=f"https://site{n % 500}.example/feed", item=n % 20, kind="page",
            title=" ".join(rng.choices(words, k=8)).title(), published=published,
            published_precision="day", language="en", text=text, fingerprint=f"{rng.getrandbits(64):016x}",
        )
        number = -1
        mentions: tuple[Mention, ...] = ()
        if n % 10 == 0:
            number = rng.randrange(cases) if cases and rng.random() < 0.3 else cases
            cases += number == cases
            mentions = (_mention(article_id, published, number, text),)
        yield Analysis(article=art, relevance=Relevance(is_espionage=bool(mentions), score=0.5), mentions=mentions), number


def _mention(article_id: str, published: str, number: int, text: str) -> Mention:
    rng = random.Random(number)  # the same case number always reports the same facts
    sentence = text[:160]
    return Mention(
        article_id=article_id, index=0, published=published, accused_names=(f"Person {number}",),
        sponsor_country=rng.choice(SPONSORS), target_country=rng.choice(TARGETS),
        sponsor_service=rng.choice(SERVICES), stage=random.Random(article_id).choice(STAGES),
        evidence={"stage": Evidence(article_id=article_id, sentence=sentence, start=0, end=len(sentence),
                                    rule="bench", confidence=0.8)},
        summary=sentence,
    )


def link(store: Store, mention: Mention, number: int) -> None:
    """What linking does per mention: look up candidates by key, merge, save."""
    key = f"name:person {number}"
    found = store.candidate_cases([key])
    event = TimelineEvent(stage=mention.stage or "suspected", date=mention.published, article_id=mention.article_id)
    source = CaseSource(article_id=mention.article_id, published=mention.published)
    if found:
        old = found[0]
        dates = sorted(d for d in (old.first_reported, old.last_reported, mention.published) if d)
        case = old.model_copy(update={
            "stage": mention.stage, "mentions": (*old.mentions, (mention.article_id, 0)),
            "timeline": (*old.timeline, event), "sources": (*old.sources, source),
            "first_reported": dates[0], "last_reported": dates[-1],
        })
    else:
        facts = mention.model_dump(include=set(Case.model_fields) & set(Mention.model_fields) - {"evidence"})
        case = Case(**facts, id=f"case-{number}", title=f"Case of Person {number}",
                    mentions=((mention.article_id, 0),), timeline=(event,), sources=(source,),
                    evidence=mention.evidence, first_reported=mention.published, last_reported=mention.published)
    store.save_case(case, [key, f"pair:{case.sponsor_country}-{case.target_country}"])


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ingest(store: Store, count: int, batch: int) -> dict[str, object]:
    samples: list[tuple[int, float]] = []
    started = time.perf_counter()
    in_store = 0.0
    stream = synthetic(count)
    done = 0
    while done < count:
        items = [next(stream) for _ in range(min(batch, count - done))]
        t0 = time.perf_counter()
        with store.transaction():
            for analysis, number in items:
                store.save_analysis(analysis)
                if number >= 0:
                    link(store, analysis.mentions[0], number)
        in_store += time.perf_counter() - t0
        done += len(items)
        del items
        if done % max(count // 10, batch) < batch or done == count:
            samples.append((done, round(rss_mb(), 1)))
            print(f"  {done:>9} articles  {done / (time.perf_counter() - started):8.0f}/s  peak RSS {samples[-1][1]} MB")
    seconds = time.perf_counter() - started
    return {
        "seconds": round(seconds, 1),
        "articles_per_s": round(count / seconds),  # including generating the synthetic data
        "store_articles_per_s": round(count / in_store),  # time inside the store only
        "batch": batch,
        "peak_rss_mb_by_progress": samples,
    }


def latency(run: list[float]) -> dict[str, float]:
    ordered = sorted(run)
    return {
        "p50_ms": round(statistics.median(ordered) * 1000, 2),
        "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 2),
        "max_ms": round(ordered[-1] * 1000, 2),
    }


def timed(calls: Sequence[T], fn: Callable[[T], object]) -> list[float]:
    out = []
    for arg in calls:
        start = time.perf_counter()
        fn(arg)
        out.append(time.perf_counter() - start)
    return out


def queries(store: Store, rounds: int) -> dict[str, object]:
    rng = random.Random(11)
    terms = [SEARCHES[i % len(SEARCHES)] for i in range(rounds)]
    per_term = {term: latency(timed([term] * max(rounds // len(SEARCHES), 5), store.search)) for term in SEARCHES}
    faceted = [
        CaseQuery(sponsor=(rng.choice(SPONSORS),), year=rng.choice([None, rng.randint(2015, 2026)]),
                  stage=rng.choice([(), (rng.choice(STAGES),)]), offset=rng.choice([0, 50]))
        for _ in range(rounds)
    ]
    faceted_text = [q.model_copy(update={"text": rng.choice(["taiwan", "person", "espionage"])}) for q in faceted]
    return {
        "search": latency(timed(terms, store.search)),
        "search_by_term": per_term,
        "faceted_cases": latency(timed(faceted, store.cases)),
        "faceted_cases_with_text": latency(timed(faceted_text[: max(rounds // 4, 10)], store.cases)),
        "all_cases_with_facets": latency(timed([CaseQuery()] * 20, store.cases)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--batch", type=int, default=1000, help="articles per transaction")
    parser.add_argument("--rounds", type=int, default=200, help="timed queries of each kind")
    parser.add_argument(
        "--db", help="SQLite file or postgresql:// URL of an empty database (default: a temporary SQLite file)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or str(Path(tmp) / "bench.db")
        store = open_store(path)
        print(f"ingesting {args.articles} synthetic articles into {store.target}")
        figures: dict[str, object] = {"ingest": ingest(store, args.articles, args.batch)}
        figures["load_average_during_run"] = [round(x, 2) for x in os.getloadavg()]
        figures["counts"] = store.counts()
        backend = "postgres" if "://" in path else "sqlite"
        if backend == "sqlite":
            files = Path(path).parent.glob(Path(path).name + "*")
            figures["db_mb"] = round(sum(p.stat().st_size for p in files) / 2**20)
        figures["queries"] = queries(store, args.rounds)
        store.close()
    report = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    report.setdefault(backend, {})[str(args.articles)] = figures
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
