"""Calibrate field confidences: how often each rule's values were right, measured on the gold sets.

Extracts the development corpus and (when its texts are present) the real-news set, pairs
predicted cases with gold cases the way ``shared/eval/score.py`` does, and counts for every
predicted field value whether it was right (a value in a case that matches no gold case is
wrong). Per field and rule, the confidence is the share that was right, pulled towards the
field's own share when the rule was seen only a few times. Writes
``src/spyglass/understand/tables/confidence.tsv`` (read at run time), prints the reliability
table (of the values given confidence about c, how many were right) and writes the figures to
``benchmarks/results/calibration.json``.

    .venv/bin/python benchmarks/calibrate.py [--shared ../shared] [--check]

``--check`` leaves the table as it is and prints the reliability of the confidences in use.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from evaluate import DEFAULT_SHARED, document_of, realnews_present, scorer  # noqa: E402

TABLE = ROOT / "src" / "spyglass" / "understand" / "tables" / "confidence.tsv"
SHRINK = 5  # observations of the field's rate that a rule's own count is weighed against
BINS = [(0.0, 0.3), (0.3, 0.5), (0.5, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01)]
EXTRA_FIELDS = ("sponsor_service", "accused_names", "roles")


def _right(score: ModuleType, field: str, gold: dict | None, pred: dict) -> bool:
    if gold is None:
        return False  # a value of a case the text does not report
    if field == "accused_names":
        return bool(score.names_overlap(gold, pred))
    if field == "roles":
        return bool({r.lower() for r in gold.get("roles") or []} & {r.lower() for r in pred.get("roles") or []})
    if field == "sponsor_service":
        g, p = (gold.get(field) or "").lower(), (pred.get(field) or "").lower()
        return bool(g) and (g in p or p in g)
    return score.field_value(gold, field) == score.field_value(pred, field)


def observations(score: ModuleType, gold_path: Path, root: Path) -> list[tuple[str, str, float, bool]]:
    """(field, rule, confidence in use, right) for every predicted field value with evidence, and
    for every reported statistic (field ``stats``)."""
    from spyglass.cli.extract import extract_lines
    from spyglass.settings import load_settings

    gold_lines = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    gold: dict[str, list[dict]] = defaultdict(list)
    for g in gold_lines:
        gold[score.doc_key(document_of(g, root))] += g.get("cases") or []
    pred: dict[str, list[dict]] = defaultdict(list)
    gold_stats: dict[str, set[tuple[int, int]]] = defaultdict(set)
    for g in gold_lines:
        gold_stats[score.doc_key(document_of(g, root))] |= {(s.get("year"), s.get("value")) for s in g.get("stats") or []}
    out = []
    for line in extract_lines(sorted(gold), load_settings()):
        row = json.loads(line)
        pred[score.doc_key(row["source"])] += row["cases"]
        for stat in row.get("stats") or []:  # a stat is right when the gold has its year and value
            right = (stat["year"], stat["value"]) in gold_stats[score.doc_key(row["source"])]
            out.append(("stats", stat["evidence"]["rule"], stat["evidence"]["confidence"], right))
    for key, cases in pred.items():
        pairs = {id(p): g for g, p in score.match(gold.get(key, []), cases)}
        for case in cases:
            matched = pairs.get(id(case))
            for field, evidence in case["evidence"].items():
                if field in score.FIELDS or field in EXTRA_FIELDS:
                    out.append((field, evidence["rule"], evidence["confidence"], _right(score, field, matched, case)))
    return out


def calibrated(obs: list[tuple[str, str, float, bool]]) -> list[tuple[str, str, float, int, int]]:
    """Rows of the table: per field its own rate (rule ``*``), then each rule's shrunk rate."""
    by_field: dict[str, list[bool]] = defaultdict(list)
    by_rule: dict[tuple[str, str], list[bool]] = defaultdict(list)
    for field, rule, _conf, right in obs:
        by_field[field].append(right)
        by_rule[(field, rule)].append(right)
    rows = []
    for field in sorted(by_field):
        seen = by_field[field]
        rate = sum(seen) / len(seen)
        rows.append((field, "*", round(rate, 3), sum(seen), len(seen)))
        for (f, rule), hits in sorted(by_rule.items()):
            if f == field:
                rows.append((field, rule, round((sum(hits) + SHRINK * rate) / (len(hits) + SHRINK), 3), sum(hits), len(hits)))
    return rows


def reliability(pairs: list[tuple[float, bool]]) -> tuple[list[dict[str, float]], float]:
    """Per confidence bin: values, mean confidence, share right; and the expected calibration error."""
    table, ece = [], 0.0
    for lo, hi in BINS:
        inside = [(c, r) for c, r in pairs if lo <= c < hi]
        if not inside:
            continue
        mean = sum(c for c, _ in inside) / len(inside)
        acc = sum(r for _, r in inside) / len(inside)
        ece += len(inside) / len(pairs) * abs(mean - acc)
        table.append({"bin": f"{lo:.1f}-{min(hi, 1.0):.1f}", "values": len(inside), "confidence": round(mean, 3),
                      "right": round(acc, 3)})
    return table, round(ece, 3)


def print_reliability(title: str, table: list[dict[str, float]], ece: float) -> None:
    print(f"{title}\n  {'confidence':>10}  {'values':>6}  {'mean conf':>9}  {'share right':>11}")
    for row in table:
        print(f"  {row['bin']:>10}  {row['values']:>6}  {row['confidence']:>9.3f}  {row['right']:>11.3f}")
    print(f"  expected calibration error {ece:.3f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=Path(os.environ.get("SPYGLASS_SHARED", DEFAULT_SHARED)))
    ap.add_argument("--check", action="store_true", help="measure the confidences in use, write nothing")
    ap.add_argument("--output", type=Path, default=ROOT / "benchmarks" / "results" / "calibration.json")
    args = ap.parse_args()
    score = scorer(args.shared)
    sets = {"corpus": (args.shared / "corpus" / "gold.jsonl", args.shared / "corpus")}
    if realnews_present(args.shared):
        sets["realnews"] = (args.shared / "realnews" / "gold.jsonl", args.shared / "realnews" / "texts")
    obs = {name: observations(score, gold, root) for name, (gold, root) in sets.items()}
    everything = [o for rows in obs.values() for o in rows]
    before, before_ece = reliability([(c, r) for _f, _r, c, r in everything])
    print_reliability(f"confidences in use ({', '.join(obs)}; {len(everything)} values)", before, before_ece)
    if args.check:
        return 0
    rows = calibrated(everything)
    lines = ["# Written by benchmarks/calibrate.py (do not edit by hand): per case field and rule, the share",
             "# of its values that matched the gold annotations of shared/corpus and shared/realnews, pulled",
             f"# towards the field's share (rule *) by {SHRINK} observations. Columns: field, rule, confidence,",
             "# values right, values counted.",
             "field  rule  confidence  right  counted"]
    lines += [f"{f}  {r}  {c}  {right}  {n}" for f, r, c, right, n in rows]
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")
    table = {(f, r): c for f, r, c, _, _ in rows}
    after_pairs = [(table.get((f, r), table.get((f, "*"), 0.5)), right) for f, r, _c, right in everything]
    after, after_ece = reliability(after_pairs)
    print_reliability("calibrated confidences (same values)", after, after_ece)
    per_set = {}
    for name, rows_of_set in obs.items():
        t, e = reliability([(table.get((f, r), table.get((f, "*"), 0.5)), right) for f, r, _c, right in rows_of_set])
        per_set[name] = {"values": len(rows_of_set), "reliability": t, "ece": e}
        print_reliability(f"calibrated, {name} alone", t, e)
    held_out = None
    if "realnews" in obs:
        # does it carry over? calibrated on our own corpus alone, measured on real news
        own = {(f, r): c for f, r, c, _, _ in calibrated(obs["corpus"])}
        t, e = reliability([(own.get((f, r), own.get((f, "*"), 0.5)), right) for f, r, _c, right in obs["realnews"]])
        held_out = {"reliability": t, "ece": e}
        print_reliability("held out: calibrated on the corpus alone, measured on realnews", t, e)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "sets": list(obs), "values": len(everything), "shrink": SHRINK,
        "before": {"reliability": before, "ece": before_ece}, "after": {"reliability": after, "ece": after_ece},
        "per_set": per_set, "held_out_realnews": held_out, "rules": len(rows),
    }, indent=2) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows -> {TABLE.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
