"""The prefilter on real web pages: how many it skips, that it skips none the full path finds relevant, and its speed.

Reads every page under the folders given (as ``real_pages.py`` reads them: ``*.html``,
``*.htm``, ``*.html.gz``; only ``source.html`` where a folder has one), and for each runs
both paths: the full one (extract every article, ``relevance_of`` as the analyzer calls it)
and the prefilter (``pipeline.can_be_relevant``: decoding, then ``understand.prefilter``).
Records pages, passed, skipped, relevant pages, "relevant but skipped" (must be 0) and the
prefilter's own speed (CPU time: MB/s and pages/s, decoding included) to
``benchmarks/results/prefilter.json``.

    nice .venv/bin/python benchmarks/prefilter.py /work/realpages /work/realpages-heldout
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from real_pages import pages_in  # type: ignore[import-not-found]

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUTPUT = ROOT / "benchmarks" / "results" / "prefilter.json"


def measure(folder: Path) -> dict[str, object]:
    """Both paths over every page of one folder."""
    from spyglass.extract import articles_in
    from spyglass.pipeline import can_be_relevant
    from spyglass.records import Article, RawItem
    from spyglass.settings import load_settings
    from spyglass.sources import read_inputs
    from spyglass.understand.relevance import relevance_of

    settings = load_settings()
    tally = {"pages": 0, "passed": 0, "skipped": 0, "relevant": 0, "relevant_but_skipped": 0}
    lost: list[str] = []
    seconds = size = 0.0
    for path in pages_in(folder):
        for raw in read_inputs([str(path)], settings):
            if not isinstance(raw, RawItem):
                continue
            tally["pages"] += 1
            size += len(raw.content)
            started = time.process_time()
            passed = can_be_relevant(raw)
            seconds += time.process_time() - started
            tally["passed" if passed else "skipped"] += 1
            found = [a for a in articles_in(raw) if isinstance(a, Article)]
            if any(relevance_of(a, (a.language or "en").lower()).is_espionage for a in found):
                tally["relevant"] += 1
                if not passed:
                    tally["relevant_but_skipped"] += 1
                    lost.append(str(path.relative_to(folder)))
    return {
        "folder": folder.name, **tally, "share_passed": round(tally["passed"] / max(tally["pages"], 1), 4),
        "megabytes": round(size / 1e6, 1), "prefilter_cpu_seconds": round(seconds, 2),
        "prefilter_mb_per_s": round(size / 1e6 / max(seconds, 1e-9), 1),
        "prefilter_pages_per_s": round(tally["pages"] / max(seconds, 1e-9), 1), "lost_pages": lost,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folders", type=Path, nargs="+", help="folders of real pages (searched recursively)")
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args()
    runs = []
    for folder in args.folders:
        if not folder.is_dir():
            print(f"{folder}: not a folder; pass folders of .html or .html.gz pages", file=sys.stderr)
            return 2
        runs.append(measure(folder))
        print(json.dumps({k: v for k, v in runs[-1].items() if k != "lost_pages"}))
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT).stdout.strip()
    total = {k: sum(int(str(r[k])) for r in runs) for k in ("pages", "passed", "skipped", "relevant", "relevant_but_skipped")}
    seconds = sum(float(str(r["prefilter_cpu_seconds"])) for r in runs)
    size = sum(float(str(r["megabytes"])) for r in runs)
    total.update(share_passed=round(total["passed"] / max(total["pages"], 1), 4), megabytes=round(size, 1),
                 prefilter_mb_per_s=round(size / max(seconds, 1e-9), 1),
                 prefilter_pages_per_s=round(total["pages"] / max(seconds, 1e-9), 1))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({"commit": commit, "total": total, "runs": runs}, indent=2) + "\n", "utf-8")
    print("total", json.dumps(total))
    return 1 if total["relevant_but_skipped"] else 0


if __name__ == "__main__":
    sys.exit(main())
