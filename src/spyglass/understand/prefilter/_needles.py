"""The strings to look for in a folded text to find a word in any case the full path reads as it.

A text is folded by ``_reading.folded``: ASCII letters lower-cased, ``İ ı ſ K`` mapped to their
ASCII letter, every other character as written. The full path matches a cue in the lower-cased
text, or with ``re.IGNORECASE`` (a text holding ``İ``, cues with case-sensitive parts), so a
letter of a cue stands for every character with the same simple lower case, joined as ``re``
joins them (``re._casefix``: ς and σ, the old Cyrillic forms...). A needle is the word in each
combination of those characters as a folded text holds them; a word with too many (a long
Cyrillic word) is looked for by its longest part with few, bounded only where that part keeps
the word's own edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product

from spyglass.understand.tables.first_chars import ignorecase_key as _fold_key

from ._literals import Word
from ._reading import SPECIAL_FOLDS, folded

__all__ = ["Needle", "needles_of"]

MAX_VARIANTS = 256  # case variants of one needle; a longer word is looked for by a part of it
MIN_PART = 3  # the shortest part of a word looked for in its place


@dataclass(frozen=True)
class Needle:
    """One string to look for; ``left``/``right``: no word character may stand on that side;
    ``exact``: the page's own characters there must read exactly so (a case-sensitive word)."""

    text: str
    left: bool
    right: bool
    exact: str | None = None


@cache
def needles_of(word: Word) -> tuple[Needle, ...]:
    """Every needle that finds ``word`` in a folded text (one tuple per word, shared)."""
    if word.cased:
        return (Needle(folded(word.text), word.left, word.right, word.text),)
    text = word.text
    if _variant_count(text) <= MAX_VARIANTS:
        return tuple(Needle(v, word.left, word.right) for v in _variants(text))
    parts = [(i, j) for i in range(len(text)) for j in range(i + MIN_PART, len(text) + 1)]
    fitting = [(i, j) for i, j in parts if _variant_count(text[i:j]) <= MAX_VARIANTS]
    if not fitting:  # every part of three letters has too many: take the one with fewest
        fitting = [min(parts, key=lambda part: _variant_count(text[part[0]:part[1]]))]
    # the longest part, and of those the earliest: a stem rather than an ending
    i, j = max(fitting, key=lambda part: (part[1] - part[0], -part[0]))
    return tuple(Needle(v, word.left and i == 0, word.right and j == len(text)) for v in _variants(text[i:j]))


def _variant_count(text: str) -> int:
    count = 1
    for char in text:
        count *= len(_case_forms(char))
    return count


def _variants(text: str) -> list[str]:
    return sorted({"".join(chars) for chars in product(*(_case_forms(c) for c in text))})


def _case_forms(char: str) -> tuple[str, ...]:
    """The characters a folded text may hold where the full path reads ``char``."""
    return _fold_classes().get(_fold_key(ord(char)), (_folded_char(char),))


@lru_cache(maxsize=1)
def _fold_classes() -> dict[int, tuple[str, ...]]:
    """Fold key -> the folded forms of every character with that key, where there are several.
    Only the Basic Multilingual Plane: no letter beyond it folds to one inside it (a test checks)."""
    classes: dict[int, set[str]] = {}
    for code in range(0x10000):
        classes.setdefault(_fold_key(code), set()).add(_folded_char(chr(code)))
    return {key: tuple(sorted(chars)) for key, chars in classes.items() if len(chars) > 1}


def _folded_char(char: str) -> str:
    return char.lower() if char.isascii() else SPECIAL_FOLDS.get(char, char)


