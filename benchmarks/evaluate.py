"""Score `spyglass extract` with ../shared/eval/score.py on the development corpus and on real news.

Runs the extraction over every document a gold file names (the same jsonl the CLI prints),
runs the scorer on the whole set and on each language, prints the reports and writes the
figures to ``benchmarks/results/evaluation.json``. The real-news set (``shared/realnews``)
ships without its texts; where ``texts/`` is absent or empty it is skipped with a message.

    .venv/bin/python benchmarks/evaluate.py [--shared ../shared] [--details] [--only corpus|realnews]
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
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = Path(os.environ.get("SPYGLASS_SHARED", ROOT.parent / "shared"))

SUMMARY = {
    "case_f1": r"case F1 ([\d.]+)", "field_acc": r"field-acc ([\d.]+)", "relevance_f1": r"relevance F1 ([\d.]+)",
    "distractors_rejected": r"distractors rejected ([\d.]+)", "stats_f1": r"stats F1 ([\d.]+)",
}
FIELD = re.compile(r"(\w+) ([\d.]+)/(\d+)")


def scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("spyglass_score", shared / "eval" / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"{shared / 'eval' / 'score.py'}: scorer not found; pass --shared")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def figures(report: str) -> dict[str, object]:
    """The summary line's figures and each field's accuracy (with its counts)."""
    line = next(line for line in report.splitlines() if line.startswith("case F1"))
    out: dict[str, object] = {name: float(m.group(1)) for name, rx in SUMMARY.items() if (m := re.search(rx, line))}
    fields = next((line for line in report.splitlines() if line.startswith("fields ")), "")
    out["fields"] = {m.group(1): {"accuracy": float(m.group(2)), "counted": int(m.group(3))} for m in FIELD.finditer(fields)}
    return out


def score(shared: Path, gold: list[dict[str, object]], pred: Path, root: Path, details: bool) -> str:
    """The scorer's report for these gold lines against the predictions."""
    with tempfile.TemporaryDirectory() as tmp:
        gold_path = Path(tmp) / "gold.jsonl"
        gold_path.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        out = io.StringIO()
        argv = ["--gold", str(gold_path), "--root", str(root), "--pred", str(pred)] + (["--details"] if details else [])
        with contextlib.redirect_stdout(out):
            scorer(shared).main(argv)
    return out.getvalue()


def document_of(gold: dict[str, object], root: Path) -> str:
    return str(root / str(gold["file"])) if "file" in gold else str(root / f"{gold['id']}.txt")


def evaluate(shared: Path, name: str, gold_path: Path, root: Path, details: bool) -> dict[str, object]:
    """Extract every document of one gold set and score it: overall, per language, English apart."""
    from spyglass.cli.extract import extract_lines
    from spyglass.settings import load_settings

    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    inputs = sorted({document_of(g, root) for g in gold})
    start = time.perf_counter()
    lines = list(extract_lines(inputs, load_settings()))
    seconds = time.perf_counter() - start
    by_lang: dict[str, list[dict[str, object]]] = defaultdict(list)
    for g in gold:
        by_lang[str(g.get("lang") or "en")].append(g)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.jsonl"
        pred.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
        report = score(shared, gold, pred, root, details)
        print(f"== {name}: all {len(inputs)} documents ==\n{report}", end="")
        result: dict[str, object] = {"documents": len(inputs), "lines": len(lines),
                                     "extract_seconds": round(seconds, 2), **figures(report)}
        if len(by_lang) > 1:
            langs: dict[str, object] = {}
            for lang, subset in sorted(by_lang.items(), key=lambda kv: (kv[0] != "en", kv[0])):
                sub = score(shared, subset, pred, root, False)
                langs[lang] = {"documents": len({document_of(g, root) for g in subset}), **figures(sub)}
            result["languages"] = langs
            others = [g for g in gold if (g.get("lang") or "en") != "en"]
            if others:
                sub = score(shared, others, pred, root, False)
                result["non_english"] = {"documents": len(others), **figures(sub)}
            for lang, row in langs.items():
                assert isinstance(row, dict)
                print(f"  {lang:>3} docs {row['documents']:>3}  case F1 {row.get('case_f1', 0):.3f}  "
                      f"field-acc {row.get('field_acc', 0):.3f}  relevance F1 {row.get('relevance_f1', 0):.3f}  "
                      f"stats F1 {row.get('stats_f1', 0):.3f}")
    result["report"] = report.splitlines()
    return result


def realnews_present(shared: Path) -> bool:
    texts = shared / "realnews" / "texts"
    return texts.is_dir() and any(texts.glob("*.txt"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--details", action="store_true", help="print each document's misses")
    ap.add_argument("--only", choices=["corpus", "realnews"], help="score one set only")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "evaluation.json")
    args = ap.parse_args()

    results: dict[str, object] = {}
    if args.only in (None, "corpus"):
        results["corpus"] = evaluate(args.shared, "corpus", args.shared / "corpus" / "gold.jsonl",
                                     args.shared / "corpus", args.details)
    if args.only in (None, "realnews"):
        if realnews_present(args.shared):
            results["realnews"] = evaluate(args.shared, "realnews", args.shared / "realnews" / "gold.jsonl",
                                           args.shared / "realnews" / "texts", args.details)
        else:
            print(f"realnews: skipped, no texts in {args.shared / 'realnews' / 'texts'} "
                  "(they are third-party and never committed; shared/realnews/README.md says how to fill them)")
            results["realnews"] = {"skipped": "texts absent"}
    if args.only is None:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
