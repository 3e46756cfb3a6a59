"""Score `spyglass extract` on the development corpus with ../shared/eval/score.py.

Runs the extraction over every file the gold names (the same jsonl the CLI prints), runs the
scorer, prints its report and writes the figures to ``benchmarks/results/evaluation.json``.

    .venv/bin/python benchmarks/evaluate.py [--shared ../shared] [--details]
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import io
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path(os.environ.get("SPYGLASS_SHARED", ROOT.parent / "shared"))


def scorer(shared: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("spyglass_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{shared / 'eval' / 'score.py'}: scorer not found; pass --shared")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SUMMARY = {
    "case_f1": r"case F1 ([\d.]+)", "field_acc": r"field-acc ([\d.]+)", "relevance_f1": r"relevance F1 ([\d.]+)",
    "distractors_rejected": r"distractors rejected ([\d.]+)", "stats_f1": r"stats F1 ([\d.]+)",
}


def figures(report: str) -> dict[str, float]:
    """The summary line's figures: case F1, field-acc, relevance F1, distractors rejected, stats F1."""
    line = next(line for line in report.splitlines() if line.startswith("case F1"))
    return {name: float(m.group(1)) for name, rx in SUMMARY.items() if (m := re.search(rx, line))}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--details", action="store_true", help="print each document's misses")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "evaluation.json")
    args = ap.parse_args()

    from spyglass.cli.extract import extract_lines
    from spyglass.settings import load_settings

    gold_path = args.shared / "corpus" / "gold.jsonl"
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = sorted({str(args.shared / "corpus" / g["file"]) for g in gold})
    start = time.perf_counter()
    lines = list(extract_lines(inputs, load_settings()))
    seconds = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        out = io.StringIO()
        argv = ["--gold", str(gold_path), "--pred", str(pred)] + (["--details"] if args.details else [])
        with contextlib.redirect_stdout(out):
            scorer(args.shared).main(argv)
    report = out.getvalue()
    print(report, end="")
    result = {"files": len(inputs), "lines": len(lines), "extract_seconds": round(seconds, 2),
              **figures(report), "report": report.splitlines()}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
