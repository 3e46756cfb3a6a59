"""People's printed names, shared by understand and link: folded tokens, initials, and when
two names are the same person.

Names arrive as printed ("Kevin Mallory", "Mallory", "Jian G.", "Dong Yuyu"); two printed names
are the same person when the full tokens of the shorter are all in the longer and its
initials fit the remaining tokens, so "Mallory" = "Kevin Mallory" and "Jian G." = "Jian Guo".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NameParts", "name_parts", "same_person", "names_overlap", "full_names_overlap", "fold",
           "country_display_name"]

# particles that are not surnames by themselves ("de", "van", "al")
_PARTICLES = frozenset({"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "al", "el", "bin", "ibn"})
_WORD = re.compile(r"[^\W\d_]+\.?", re.UNICODE)


def fold(text: str) -> str:
    """Lower case without diacritics, so "Kõuts" and "Kouts" meet."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class NameParts:
    words: frozenset[str]  # full name tokens, folded
    initials: tuple[str, ...]  # single letters, "G." -> "g"


@lru_cache(maxsize=65536)  # the same names come back for every candidate case
def name_parts(name: str) -> NameParts:
    """Split a printed name into full words and initials; particles are dropped."""
    words: set[str] = set()
    initials: list[str] = []
    for token in _WORD.findall(fold(name)):
        bare = token.rstrip(".")
        if len(bare) == 1 or (token.endswith(".") and len(bare) <= 2):
            initials.append(bare[0])
        elif bare not in _PARTICLES:
            words.add(bare)
    return NameParts(frozenset(words), tuple(initials))


def same_person(a: str, b: str) -> bool:
    """True when two printed names can be one person (see the module docstring)."""
    pa, pb = name_parts(a), name_parts(b)
    short, long = (pa, pb) if len(pa.words) <= len(pb.words) else (pb, pa)
    if not short.words or not short.words <= long.words:
        return False
    spare = sorted(long.words - short.words)
    letters = [w[0] for w in spare] + list(long.initials)
    for initial in short.initials:
        if initial not in letters:
            return False
        letters.remove(initial)
    return True


def names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when some name in ``a`` and some name in ``b`` are one person."""
    others = list(b)
    return any(same_person(x, y) for x in a for y in others)


def full_names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when two names are one person by at least two full words ("Kevin Mallory")."""
    others = list(b)
    return any(
        same_person(x, y) and len(name_parts(x).words & name_parts(y).words) >= 2 for x in a for y in others
    )


# The everyday short English name where ISO 3166's (and pycountry's common name) is an inverted
# or formal one: what readers of the news call the state, the same on every page and export.
_SHORT_NAMES = {
    "RU": "Russia", "PS": "Palestine", "FM": "Micronesia", "CD": "DR Congo", "CG": "Republic of the Congo",
    "BN": "Brunei", "VA": "Vatican City", "CV": "Cape Verde",
}


@lru_cache(maxsize=512)
def country_display_name(code: str | None) -> str:
    """The neutral short English name of an ISO 3166-1 alpha-2 code ("TW" -> "Taiwan", "KR" ->
    "South Korea", "RU" -> "Russia"); the code itself when it is none."""
    if not code:
        return ""
    code = code.upper()
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    import pycountry  # lazily: most callers never need it

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 and code.isalpha() else None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)
