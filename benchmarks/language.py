"""Language identification measured: the detector in use against the function-word counter it
replaced, on every text of the gold sets, their titles (first line) and their openings.

Real news (``../shared/realnews``, when its texts are present) has a gold language per text;
the development corpus has none, so there the two detectors' answers are compared with each
other and with the article language the reader records (a feed's or a page's own ``lang``).
Prints accuracy, how often a detector gives no answer, and time per call; figures go to
``benchmarks/results/language.json``.

    .venv/bin/python benchmarks/language.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from evaluate import DEFAULT_SHARED, realnews_present  # noqa: E402

from spyglass.extract.language import language_of  # noqa: E402

OUTPUT = ROOT / "benchmarks" / "results" / "language.json"
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
# The function-word counter used before py3langid (kept here only as the baseline).
_STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to in is was for that with on as by at from he his it have has had were which who said".split()),
    "de": frozenset("der die das und ist nicht mit sich den dem auf für ein eine auch wurde von zu im des bei nach hat".split()),
    "fr": frozenset("le la les et des est une dans pour qui du au sur pas par avec il elle ont été selon ce".split()),
    "es": frozenset("el la los las y del en que por con una para es se su al lo como fue según más".split()),
    "it": frozenset("il la di che e per una con del della sono nel alla gli dei ha è stato anche delle".split()),
    "nl": frozenset("de het een en van dat is niet op te zijn met voor ook werd naar bij door".split()),
    "pt": frozenset("o a os as e do da em que para com uma não por foi no na ao pelo".split()),
}


def function_words(text: str) -> str | None:
    """The previous detector: counts frequent words of seven languages; None when unsure."""
    words = [w.lower() for w in _WORD.findall(text[:2500])]
    if len(words) < 8:
        return None
    ranked = sorted(((sum(1 for w in words if w in t), c) for c, t in _STOPWORDS.items()), reverse=True)
    (top, best), (second, _) = ranked[0], ranked[1]
    if top < max(3, len(words) * 0.05) or top < second * 1.2:
        return None
    return best


def _views(text: str) -> dict[str, str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return {"text": text, "title": lines[0] if lines else "", "opening": text[:200]}


def realnews(shared: Path) -> dict[str, object]:
    gold = {}
    for line in (shared / "realnews" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold[record["id"]] = record["lang"]
    out: dict[str, object] = {}
    for view in ("text", "title", "opening"):
        tally: dict[str, Counter[str]] = {"now": Counter(), "before": Counter()}
        for doc, lang in gold.items():
            sample = _views((shared / "realnews" / "texts" / f"{doc}.txt").read_text(encoding="utf-8"))[view]
            for name, detect in (("now", language_of), ("before", function_words)):
                got = detect(sample)
                tally[name]["right" if got == lang else "none" if got is None else "wrong"] += 1
        out[view] = {name: {"right": t["right"], "wrong": t["wrong"], "none": t["none"],
                            "accuracy": round(t["right"] / len(gold), 3)} for name, t in tally.items()}
    return {"texts": len(gold), **out}


def corpus(shared: Path) -> dict[str, object]:
    files = sorted(p for p in (shared / "corpus").rglob("*") if p.is_file() and p.suffix in (".txt", ".html", ".xml"))
    agree = disagree = none_now = none_before = 0
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        text = re.sub(r"<[^>]+>", " ", text) if path.suffix != ".txt" else text
        now, before = language_of(text), function_words(text)
        none_now += now is None
        none_before += before is None
        if now is not None and before is not None:
            agree += now == before
            disagree += now != before
    return {"files": len(files), "both_answered_and_agree": agree, "both_answered_and_differ": disagree,
            "no_answer_now": none_now, "no_answer_before": none_before}


def speed() -> dict[str, float]:
    sample = "A former navy engineer was sentenced on Tuesday to six years in prison for passing secrets to China."
    out = {}
    for name, detect in (("now", language_of), ("before", function_words)):
        start = time.perf_counter()
        for _ in range(2000):
            detect(sample)
        out[f"{name}_ms_per_call"] = round((time.perf_counter() - start) / 2000 * 1000, 4)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    args = ap.parse_args()
    results: dict[str, object] = {"corpus": corpus(args.shared), "speed": speed()}
    if realnews_present(args.shared):
        results["realnews"] = realnews(args.shared)
    else:
        print("realnews texts absent: scoring the corpus only (shared/realnews/README.md says how to fill them)")
    print(json.dumps(results, indent=1))
    OUTPUT.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
