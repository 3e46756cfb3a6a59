"""Time per MB of `extract` (read + analyse) on documents from 10 KB to 20 MB, text and HTML.

Documents are grown from the bundled samples: their paragraphs, each numbered so boilerplate
removal does not drop repeats, as a plain-text article or as ``<p>`` paragraphs of a sample
page. Each is run through ``pipeline.analyses`` (what `spyglass extract` runs) with default
settings (the per-article text cap and deadline included) and, for sizes up to ``--uncapped``,
with no text cap, to show what the analysis alone costs as text grows. CPU seconds of this
process are measured (other jobs on the machine do not count), for the whole run and for reading alone
(``read_s_per_mb``: sources + extract). A flat per-MB column means linear. Figures go to ``benchmarks/results/linear.json``.

    .venv/bin/python benchmarks/linear.py [--sizes 10000 100000 1000000 5000000 20000000]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from spyglass.pipeline import analyses, articles  # noqa: E402
from spyglass.records import Rejected  # noqa: E402
from spyglass.samples import sample_paths  # noqa: E402
from spyglass.settings import load_settings  # noqa: E402
from spyglass.understand import Analyzer  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "linear.json"
SIZES = [10_000, 50_000, 100_000, 300_000, 1_000_000, 5_000_000, 10_000_000, 20_000_000]
MB = 1_000_000


def paragraphs() -> list[str]:
    """Every paragraph of the text samples longer than a line of boilerplate."""
    out = []
    for path in sample_paths():
        if path.parent.name == "text":
            out += [p.strip() for p in path.read_text(encoding="utf-8").split("\n") if len(p.strip()) > 60]
    return out


def text_document(size: int) -> bytes:
    paras, out, total = paragraphs(), [], 0
    while total < size:
        out.append(f"{paras[len(out) % len(paras)]} ({len(out)})\n\n")
        total += len(out[-1])
    return "".join(out).encode()[:size]


def html_document(size: int) -> bytes:
    page = next(p for p in sample_paths() if p.parent.name == "html").read_text(encoding="utf-8")
    paras, out, total = paragraphs(), [], len(page)
    while total < size:
        out.append(f"<p>{paras[len(out) % len(paras)]} ({len(out)})</p>\n")
        total += len(out[-1])
    return page.replace("<p>", "".join(out) + "<p>", 1).encode()


def measure(path: Path, max_text: int | None) -> dict[str, object]:
    settings = load_settings(max_bytes=25_000_000, max_text=max_text, analysis_deadline=0)
    start = time.process_time()
    list(articles([str(path)], settings))
    read = time.process_time() - start
    start = time.process_time()
    found = list(analyses([str(path)], settings))
    seconds = time.process_time() - start
    rejected = [f.code for f in found if isinstance(f, Rejected)]
    analysed = [f for f in found if not isinstance(f, Rejected)]
    size = path.stat().st_size
    return {
        "bytes": size, "articles": len(analysed), "rejected": rejected,
        "text_chars": sum(len(a.article.text) for a in analysed),
        "seconds": round(seconds, 3), "s_per_mb": round(seconds / (size / MB), 3),
        "read_seconds": round(read, 3), "read_s_per_mb": round(read / (size / MB), 3),
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=SIZES)
    ap.add_argument("--uncapped", type=int, default=300_000, help="largest size also run with no text cap")
    ap.add_argument("--output", type=Path, default=RESULTS)
    args = ap.parse_args()
    Analyzer(load_settings()).nlp()  # the model loads from disk once, outside every measurement
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for kind, make in (("text", text_document), ("html", html_document)):
            for size in args.sizes:
                path = Path(folder) / f"doc-{size}.{kind}"
                path.write_bytes(make(size))
                caps = [("default", None)] + ([("no cap", 0)] if size <= args.uncapped else [])
                for label, cap in caps:
                    row = {"input": kind, "text_cap": label, **measure(path, cap)}
                    rows.append(row)
                    print(f"{kind:5} {label:8} {row['bytes']:>10} bytes  {row['articles']:>4} articles  "
                          f"{row['text_chars']:>10} chars  {row['seconds']:8.2f} s  {row['s_per_mb']:7.3f} s/MB  "
                          f"read {row['read_seconds']:7.2f} s  {row['read_s_per_mb']:7.3f} s/MB", flush=True)
                path.unlink()
    figures = {"benchmark": "linear", "python": platform.python_version(), "machine": platform.machine(),
               "clock": "process CPU seconds, spaCy model loaded beforehand", "rows": rows}
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
