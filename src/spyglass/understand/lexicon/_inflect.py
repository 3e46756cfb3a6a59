"""Expand data cells into printed forms (``word~`` -> the word's inflections in a language)
and make rule ids from printed words."""

from __future__ import annotations

import re
import unicodedata

from spyglass.understand.tables import split_cell

__all__ = ["expand", "slug"]


def _inflect_de(adj: str) -> tuple[str, ...]:
    return (adj, *(adj + end for end in ("e", "en", "er", "es", "em")))


def _inflect_fr(adj: str) -> tuple[str, ...]:
    if adj.endswith("e"):
        return adj, adj + "s"
    fem = adj + "ne" if adj.endswith(("ien", "éen")) else adj + "e"
    plural = adj if adj.endswith(("s", "x")) else adj + "s"
    return adj, fem, plural, fem + "s"


def _inflect_es(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "os", stem + "as"
    if adj.endswith(("és", "án", "ín", "ón")):
        plain = adj[:-2] + unicodedata.normalize("NFD", adj[-2])[0] + adj[-1]
        return adj, plain + "a", plain + "es", plain + "as"
    if adj.endswith(("í", "ú")):
        return adj, adj + "es", adj + "s"  # "iraníes", "israelíes" (also written "iranís")
    if adj.endswith(("e", "a")):
        return adj, adj + "s"
    return adj, adj + "es"


def _inflect_it(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "i", stem + "e"
    if adj.endswith("e"):
        return adj, adj[:-1] + "i"
    return (adj,)


def _inflect_en(word: str) -> tuple[str, ...]:
    if word.endswith(("ese", "ss", "sh", "ch", "i", "s")) and not word.endswith("i"):
        return (word,)
    if word.endswith("man"):
        return word, word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word, word[:-1] + "ies"
    return word, word + "s"


def _uninflected(word: str) -> tuple[str, ...]:
    return (word,)


_INFLECT = {"en": _inflect_en, "de": _inflect_de, "fr": _inflect_fr, "es": _inflect_es, "it": _inflect_it}


def expand(cell: str, lang: str) -> tuple[str, ...]:
    """``word~`` in a data cell stands for the word's inflected forms in ``lang``."""
    out: list[str] = []
    for part in split_cell(cell):
        inflect = _INFLECT.get(lang, _uninflected)
        forms = inflect(part[:-1]) if part.endswith("~") else (part,)
        out.extend(f for f in forms if f not in out)
    return tuple(out)


def slug(text: str) -> str:
    """An id-safe form of a printed word ("Müller" -> "muller")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
