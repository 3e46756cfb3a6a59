"""False positives of the relevance filter on real web pages that are (almost all) not about espionage.

Reads every page under a folder (recursive: ``*.html``, ``*.htm``, ``*.html.gz``; in a folder
holding a ``source.html`` only that file, so Readability's ``expected.html`` copies are not read
twice), runs the reader and the analyser on each page exactly as ``spyglass extract`` does, and
prints how many pages were read, flagged as espionage and turned into cases, with each flagged
page's relevance reasons and case names. One page that fails never ends the run: it is counted
as a crash and listed. Figures go to ``benchmarks/results/real_pages.json`` under the folder's
name (other folders' figures in that file are kept).

The pages come from public test sets (never commit them), for example:

    scrapinghub/article-extraction-benchmark  html/*.html.gz       ~180 news pages
    mozilla/readability                       test/test-pages/*/source.html
    adbar/trafilatura                         tests/eval, tests/cache

    .venv/bin/python benchmarks/real_pages.py FOLDER... [--expect FILE] [--quiet]

Each folder is reported on its own, then all of them together. ``--expect`` names a text file of
pages (paths relative to their folder, one a line, ``#`` comments) that really are about
espionage: they are reported apart and not counted as false positives.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "benchmarks" / "results" / "real_pages.json"
SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TARGET_FP_PER_1000 = 1.0


@dataclass
class Flagged:
    page: str
    title: str | None
    score: float
    reasons: tuple[str, ...]
    cases: list[str]
    expected: bool  # listed as really about espionage


@dataclass
class Tally:
    pages: int = 0
    read: int = 0  # pages that gave at least one article
    articles: int = 0
    rejected: int = 0  # pages the reader rejected (no text, not HTML...)
    crashes: list[tuple[str, str]] = field(default_factory=list)
    flagged: list[Flagged] = field(default_factory=list)
    languages: Counter[str] = field(default_factory=Counter)  # articles read per detected language

    @property
    def false_positives(self) -> list[Flagged]:
        return [f for f in self.flagged if not f.expected]

    @property
    def cases(self) -> int:
        return sum(len(f.cases) for f in self.false_positives)


def pages_in(folder: Path) -> list[Path]:
    """The pages under ``folder``, sorted; only ``source.html`` where a folder has one."""
    found = sorted(p for p in folder.rglob("*") if p.is_file() and p.name.lower().endswith(SUFFIXES))
    with_source = {p.parent for p in found if p.name == "source.html"}
    return [p for p in found if p.parent not in with_source or p.name == "source.html"]


def expected_pages(path: Path | None) -> set[str]:
    if path is None:
        return set()
    lines = (line.split("#", 1)[0].strip() for line in path.read_text("utf-8").splitlines())
    return {line for line in lines if line}


def analyse_page(page: Path, rel: str, settings: object, analyzer: object, tally: Tally, expected: set[str]) -> None:
    """Read and analyse one page into the tally; any exception is the caller's to count."""
    from spyglass.pipeline import articles
    from spyglass.records import Article, case_title

    found = list(articles([str(page)], settings))  # type: ignore[arg-type]
    arts = [a for a in found if isinstance(a, Article)]
    tally.articles += len(arts)
    if not arts:
        tally.rejected += 1
        return
    tally.read += 1
    tally.languages.update(a.language or "?" for a in arts)
    hits = [analyzer.analyse(a) for a in arts]  # type: ignore[attr-defined]
    flagged = [h for h in hits if h.relevance.is_espionage]
    if flagged:
        best = max(flagged, key=lambda h: h.relevance.score)
        tally.flagged.append(Flagged(
            page=rel, title=best.article.title, score=best.relevance.score, reasons=best.relevance.reasons,
            cases=[case_title(m) for h in flagged for m in h.mentions], expected=rel in expected,
        ))


def run(folder: Path, expected: set[str], quiet: bool) -> tuple[Tally, float]:
    from spyglass.settings import load_settings
    from spyglass.understand import Analyzer

    settings = load_settings()
    analyzer = Analyzer(settings)
    tally = Tally()
    start = time.perf_counter()
    for page in pages_in(folder):
        rel = str(page.relative_to(folder))
        tally.pages += 1
        try:
            analyse_page(page, rel, settings, analyzer, tally, expected)
        except Exception as err:  # noqa: BLE001 - one bad page must not end the benchmark
            tally.crashes.append((rel, f"{type(err).__name__}: {err}"))
            if not quiet:
                traceback.print_exc(file=sys.stderr)
    return tally, time.perf_counter() - start


def report(folder: Path, tally: Tally, seconds: float) -> dict[str, object]:
    fps = tally.false_positives
    negatives = max(tally.read - (len(tally.flagged) - len(fps)), 1)
    per_1000 = round(1000 * len(fps) / negatives, 2)
    print(f"folder            {folder}")
    print(f"pages             {tally.pages}")
    print(f"pages read        {tally.read}  ({tally.articles} articles, {tally.rejected} rejected by the reader)")
    print(f"flagged           {len(tally.flagged)}  ({len(tally.flagged) - len(fps)} really about espionage)")
    print(f"false positives   {len(fps)}  ({per_1000} per 1,000 pages; target <= {TARGET_FP_PER_1000})")
    print(f"cases made        {tally.cases}  (from false positives)")
    print(f"crashes           {len(tally.crashes)}")
    print(f"languages         {', '.join(f'{k} {v}' for k, v in tally.languages.most_common())}")
    print(f"seconds           {seconds:.1f}")
    for f in tally.flagged:
        mark = "expected" if f.expected else "FALSE POSITIVE"
        print(f"\n  [{mark}] {f.page}  score={f.score}\n    title: {f.title!r}\n    reasons: {' '.join(f.reasons)}")
        for name in f.cases:
            print(f"    case: {name}")
    for page, error in tally.crashes:
        print(f"\n  [CRASH] {page}: {error}")
    return {
        "folder": folder.name, "pages": tally.pages, "read": tally.read, "articles": tally.articles,
        "rejected": tally.rejected, "flagged": len(tally.flagged), "expected_espionage": len(tally.flagged) - len(fps),
        "false_positives": len(fps), "false_positives_per_1000": per_1000, "cases_from_false_positives": tally.cases,
        "crashes": len(tally.crashes), "seconds": round(seconds, 1),
        "articles_by_language": dict(tally.languages.most_common()),
        "flagged_pages": [{"page": f.page, "expected": f.expected, "cases": len(f.cases)} for f in tally.flagged],
    }


def save(output: Path, figures: dict[str, object]) -> None:
    """Merge this folder's figures into the results file."""
    previous = json.loads(output.read_text("utf-8")) if output.exists() else {}
    runs = previous.get("runs", {}) if isinstance(previous, dict) else {}
    runs[str(figures["folder"])] = figures
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps({"runs": runs}, indent=2, ensure_ascii=False) + "\n", "utf-8")


COUNTS = ("pages", "read", "articles", "rejected", "flagged", "expected_espionage", "false_positives",
          "cases_from_false_positives", "crashes")


def total(runs: list[dict[str, object]]) -> dict[str, object]:
    """All folders' figures added up."""
    summed = {k: sum(int(str(r[k])) for r in runs) for k in COUNTS}
    negatives = max(summed["read"] - summed["expected_espionage"], 1)
    return {
        "folder": "+".join(str(r["folder"]) for r in runs), **summed,
        "false_positives_per_1000": round(1000 * summed["false_positives"] / negatives, 2),
        "seconds": round(sum(float(str(r["seconds"])) for r in runs), 1),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+", help="folders of real pages (searched recursively)")
    ap.add_argument("--expect", type=Path, help="file listing pages that really are about espionage")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    ap.add_argument("--quiet", action="store_true", help="no tracebacks for crashed pages")
    args = ap.parse_args()
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder; pass folders of .html or .html.gz pages", file=sys.stderr)
            return 2
    expected = expected_pages(args.expect)
    runs = []
    for folder in args.folders:
        tally, seconds = run(folder, expected, args.quiet)
        runs.append(report(folder, tally, seconds))
        save(args.output, runs[-1])
        print()
    if len(runs) > 1:
        summed = total(runs)
        print("all folders       " + ", ".join(f"{k} {summed[k]}" for k in (
            "pages", "read", "flagged", "expected_espionage", "false_positives", "false_positives_per_1000",
            "cases_from_false_positives", "crashes")))
        save(args.output, summed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
