"""Cheap windows for slow regexes: the quantity regexes run only around anchor words (a unit,
a currency word or symbol) found by a fast scan; spans stay absolute."""

from __future__ import annotations

import re

__all__ = ["WORD", "windows", "anchors"]

WORD = re.compile(r"[^\W\d_]+|[$€£¥₹₩₪₽₴₺₱₫]")
_BEFORE, _AFTER = 60, 30


def windows(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """Merged (start, end) windows around anchor offsets, widened to whitespace."""
    spans: list[tuple[int, int]] = []
    for pos in anchors:
        start, end = max(0, pos - _BEFORE), min(len(text), pos + _AFTER)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def anchors(text: str, words: frozenset[str], prefixes: tuple[str, ...] = (), spaced: bool = True) -> list[int]:
    """Offsets of anchor words (case-insensitive) and symbols in ``text``, in order. In a script
    without spaces (``spaced=False``) a word may stand anywhere inside a run of letters."""
    lowered = text.lower()
    present = (set(WORD.findall(lowered)) & words) if spaced else {w for w in words if w in lowered}
    present.update(w for p in prefixes if p in lowered for w in (p,))
    if not present:
        return []
    # Words must start a word ("won", not "wonder"'s middle); symbols may follow letters ("NT$").
    alts = [rf"(?<![^\W\d_]){re.escape(w)}" if w.isalpha() and spaced else re.escape(w)
            for w in sorted(present, key=len, reverse=True)]
    return [m.start() for m in re.finditer("|".join(alts), text, re.IGNORECASE)]
