"""A short profile of the fuzz campaign (``benchmarks/fuzz.py``) runs in CI: no traceback, no hang.

A few hundred inputs of every generator (the short profile caps sizes at 1 MB), one worker
process, run as `make fuzz` runs the full campaign. ``internal`` rejections are bugs too: the
inputs behind them are saved and must become regression tests (``test_fuzz_regressions.py``).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INPUTS = 300


def test_short_fuzz_profile(tmp_path: Path) -> None:
    out = tmp_path / "fuzz.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "fuzz.py"), "--profile", "short", "--inputs", str(INPUTS),
         "--workers", "1", "--seed", "7", "--output", str(out), "--save", str(tmp_path / "finds")],
        capture_output=True, text=True, timeout=600, check=False,
    )
    assert out.is_file(), run.stderr[-2000:]
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["inputs"] == INPUTS
    assert set(figures["by_generator"]) == set(figures["generators"])  # every kind of input was made
    assert figures["crashes"] == 0, figures["crash_list"]
    assert figures["hangs"] == 0, figures["hang_list"]
    assert figures["internal"] == 0, figures["internal_list"]
    assert sum(figures["rejections"].values()) > 0  # hostile input is refused with reasons, not waved through
    assert run.returncode == 0, run.stdout[-2000:]
