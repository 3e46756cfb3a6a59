"""The issue's bar: `spyglass extract` over the development corpus, scored by ../shared/eval/score.py.

Thresholds are the issue's and are never lowered: relevance F1 >= 0.95, distractors rejected
>= 0.8, case F1 >= 0.85, field accuracy >= 0.85. Skipped when ../shared is absent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from spyglass.cli.extract import extract_lines
from spyglass.settings import load_settings

THRESHOLDS = {
    "--min-relevance-f1": "0.95",
    "--min-distractors-rejected": "0.8",
    "--min-case-f1": "0.85",
    "--min-field-acc": "0.85",
}


@pytest.mark.slow
def test_development_corpus_meets_the_issue_thresholds(corpus_dir: Path, gold: list[dict], tmp_path: Path) -> None:
    scorer = corpus_dir.parent / "eval" / "score.py"
    if not scorer.is_file():
        pytest.skip(f"scorer not found at {scorer}")
    inputs = sorted({str(corpus_dir / line["file"]) for line in gold})
    pred = tmp_path / "pred.jsonl"
    pred.write_text("".join(line + "\n" for line in extract_lines(inputs, load_settings())), encoding="utf-8")
    args = [f"{k}={v}" for k, v in THRESHOLDS.items()]
    done = subprocess.run(
        [sys.executable, str(scorer), "--gold", str(corpus_dir / "gold.jsonl"), "--pred", str(pred), *args],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr
