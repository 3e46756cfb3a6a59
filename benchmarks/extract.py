"""Throughput of the understand stage on one core: articles/s and words/s, espionage vs irrelevant.

The development corpus is read once through the pipeline (sources -> extract), repeated to
``--articles`` articles, and analysed with one ``Analyzer`` (``--rounds`` times; the median round
is the figure, every round is listed). Espionage articles get the full
analysis (relevance, cases with NER, stats); irrelevant ones stop at the cheap first filter.
To show the filter pays off, the irrelevant articles are also pushed through the full analysis
and the two rates compared (target: the filter at least 10x faster). The whole CLI path
(reading, extracting and analysing every corpus file) is timed too. Per language, the
espionage articles of that language (the corpus's, and the news paragraphs of our own in
``tests/understand/languages``) are timed the same way, with their mean length, since our
paragraphs are shorter than whole articles (characters/s compares languages fairly); so are the
whole real articles of ``shared/realnews`` per language, where its texts are present. Figures go
to ``benchmarks/results/extract.json``.

    .venv/bin/python benchmarks/extract.py [--articles 3000] [--corpus ../shared/corpus]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")  # one core: no BLAS threads under spaCy
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path(os.environ.get("SPYGLASS_SHARED", ROOT.parent / "shared")) / "corpus"
TARGET_ESPIONAGE_PER_S = 40.0
TARGET_FILTER_SPEEDUP = 10.0


def corpus_inputs(corpus: Path) -> list[str]:
    return sorted(str(p) for folder in ("text", "html", "feeds") for p in (corpus / folder).iterdir() if p.is_file())


def words(text: str) -> int:
    return len(text.split())


def timed(fn, items) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    """CPU seconds of this process: per-core cost, unaffected by other jobs sharing the machine."""
    start = time.process_time()
    out = [fn(item) for item in items]
    return time.process_time() - start, out


def rate(count: int, seconds: float) -> float:
    return round(count / seconds, 1) if seconds else float("inf")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=3000, help="articles to analyse (the corpus repeated)")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--rounds", type=int, default=3, help="timed rounds over the espionage articles (median judged)")
    ap.add_argument("--per-language", type=int, default=300, help="articles timed per language (repeated)")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "extract.json")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})

    from spyglass.pipeline import analyses, articles
    from spyglass.records import Article
    from spyglass.settings import load_settings
    from spyglass.understand import Analyzer
    from spyglass.understand.cases import mentions_in
    from spyglass.understand.relevance import relevance_of
    from spyglass.understand.stats import stats_in

    settings = load_settings()
    inputs = corpus_inputs(args.corpus)
    start = time.process_time()
    found = [a for a in articles(inputs, settings) if isinstance(a, Article)]
    extract_s = time.process_time() - start

    analyzer = Analyzer(settings)
    analyzer.nlp()  # load the model outside the timings
    espionage = [a for a in found if relevance_of(a, a.language or "en").is_espionage]
    irrelevant = [a for a in found if a not in espionage]
    share = len(espionage) / len(found)
    n_esp = max(1, round(args.articles * share))
    n_irr = max(1, args.articles - n_esp)
    esp_items = (espionage * (n_esp // len(espionage) + 1))[:n_esp]
    irr_items = (irrelevant * (n_irr // len(irrelevant) + 1))[:n_irr]

    # rounds over the same articles: CPU time of one process still varies by a few percent from
    # round to round on a shared machine, so every round is reported and the median is judged
    rounds = sorted(timed(analyzer.analyse, esp_items)[0] for _ in range(args.rounds))
    esp_s = rounds[len(rounds) // 2]
    irr_s, _ = timed(analyzer.analyse, irr_items)

    def full(article: Article) -> object:  # what an irrelevant article would cost without the filter
        lang = article.language or "en"
        relevance_of(article, lang)
        return mentions_in(article, lang, analyzer.nlp() if lang == "en" else None), stats_in(article, lang)

    irr_full_s, _ = timed(full, irr_items)

    by_language = language_rates(analyzer, espionage, args.per_language, args.rounds)
    real_news = real_news_rates(analyzer, settings, args.corpus.parent / "realnews", args.per_language, args.rounds)

    start, wall = time.process_time(), time.perf_counter()
    cli_lines = sum(1 for _ in analyses(inputs, settings))
    cli_s, cli_wall = time.process_time() - start, time.perf_counter() - wall

    esp_words = sum(words(a.text) for a in esp_items)
    irr_words = sum(words(a.text) for a in irr_items)
    figures = {
        "machine": {"python": platform.python_version(), "cpu": platform.processor() or platform.machine(), "cores_used": 1},
        "corpus": {"files": len(inputs), "articles": len(found), "espionage": len(espionage), "irrelevant": len(irrelevant)},
        "extract_stage_s": round(extract_s, 3),
        "espionage": {
            "articles": len(esp_items), "seconds": round(esp_s, 3),
            "articles_per_s": rate(len(esp_items), esp_s), "words_per_s": rate(esp_words, esp_s),
            "rounds_articles_per_s": [rate(len(esp_items), r) for r in rounds],
            "target_articles_per_s": TARGET_ESPIONAGE_PER_S,
        },
        "irrelevant_filtered": {
            "articles": len(irr_items), "seconds": round(irr_s, 3),
            "articles_per_s": rate(len(irr_items), irr_s), "words_per_s": rate(irr_words, irr_s),
        },
        "irrelevant_if_fully_analysed": {
            "articles": len(irr_items), "seconds": round(irr_full_s, 3),
            "articles_per_s": rate(len(irr_items), irr_full_s), "words_per_s": rate(irr_words, irr_full_s),
        },
        "filter_speedup": round(irr_full_s / irr_s, 1) if irr_s else None,
        "target_filter_speedup": TARGET_FILTER_SPEEDUP,
        "whole_corpus_read_extract_analyse": {"lines": cli_lines, "cpu_seconds": round(cli_s, 3), "wall_seconds": round(cli_wall, 3)},
        "by_language": by_language,
        "by_language_real_news": real_news,
        "timing": "CPU seconds of one process pinned to one core (time.process_time)",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(figures, indent=2))
    ok = figures["espionage"]["articles_per_s"] >= TARGET_ESPIONAGE_PER_S and (figures["filter_speedup"] or 0) >= TARGET_FILTER_SPEEDUP
    print("targets met" if ok else "below target", file=sys.stderr)
    return 0


def our_paragraphs(lang: str) -> list:  # type: ignore[type-arg]
    """The espionage news paragraphs of our own in ``lang`` (tests/understand/languages), as articles."""
    from importlib import import_module

    from spyglass.records import Article

    sys.path.insert(0, str(ROOT))
    try:
        rows = import_module(f"tests.understand.languages.test_{lang}").NEWS
    except ModuleNotFoundError:
        return []
    return [Article(id=f"{lang}-{rid}", source="bench", item=0, kind="page", title=title, language=lang,
                    published="2025-06-01", text=f"{title}\n{body}")
            for rid, title, body, want in rows if want.get("relevant", True)]


def language_rates(analyzer, espionage: list, per_language: int, rounds: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """Espionage articles per second per core, and characters per second, for every language read."""
    from spyglass.understand.tables import LANGS

    out = {}
    for lang in LANGS:
        items = [a for a in espionage if a.language == lang] + our_paragraphs(lang)
        if not items:
            continue
        analyzer.prepare(lang)
        batch = (items * (per_language // len(items) + 1))[:per_language]
        times = sorted(timed(analyzer.analyse, batch)[0] for _ in range(rounds))
        seconds = times[len(times) // 2]
        chars = sum(len(a.text) for a in batch)
        out[lang] = {"articles": len(batch), "distinct": len(items), "mean_chars": round(chars / len(batch)),
                     "articles_per_s": rate(len(batch), seconds), "chars_per_s": rate(chars, seconds),
                     "meets_target": rate(len(batch), seconds) >= TARGET_ESPIONAGE_PER_S}
    return out


def real_news_rates(analyzer, settings, realnews: Path, per_language: int, rounds: int) -> dict:  # type: ignore[no-untyped-def,type-arg]
    """The same rates on whole real articles: the espionage texts of ``shared/realnews`` per language
    (their texts are filled by hand and never committed; absent, the section says so)."""
    from spyglass.pipeline import articles
    from spyglass.records import Article

    texts = realnews / "texts"
    if not any(texts.glob("*.txt")):
        return {"skipped": f"{texts} is empty: fill it as ../shared/realnews/README says"}
    by_lang: dict[str, list[Article]] = {}
    for line in (realnews / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = texts / f"{gold['id']}.txt"
        if not gold.get("is_espionage") or not path.exists():
            continue
        for found in articles([str(path)], settings):
            if isinstance(found, Article) and analyzer.analyse(found).relevance.is_espionage:
                by_lang.setdefault(found.language or "en", []).append(found)
    out = {}
    for lang, items in sorted(by_lang.items()):
        analyzer.prepare(lang)
        batch = (items * (per_language // len(items) + 1))[:per_language]
        seconds = sorted(timed(analyzer.analyse, batch)[0] for _ in range(rounds))[rounds // 2]
        chars = sum(len(a.text) for a in batch)
        out[lang] = {"articles": len(batch), "distinct": len(items), "mean_chars": round(chars / len(batch)),
                     "articles_per_s": rate(len(batch), seconds), "chars_per_s": rate(chars, seconds),
                     "meets_target": rate(len(batch), seconds) >= TARGET_ESPIONAGE_PER_S}
    return out


if __name__ == "__main__":
    sys.exit(main())
