"""The case extractor's word lists (``tables/case_terms.tsv``): person nouns, official titles,
institution words, rank titles, the roles of the court side and leaders' names, each row with
an id.

Countries, services, roles and stages are the other lookups of ``lexicon``; currencies and
numbers are read by ``quantities``. The order of legal stages is ``records.STAGE_ORDER``.
"""

from __future__ import annotations

from functools import cache

from spyglass.understand.tables import read_rows

__all__ = ["person_nouns", "official_titles", "institution_words", "court_side_roles", "rank_titles", "is_leader"]


@cache
def _terms() -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for _rid, group, cell in read_rows("case_terms.tsv", 3):
        out.setdefault(group, []).extend(t.strip() for t in cell.split("|") if t.strip())
    return {group: tuple(terms) for group, terms in out.items()}


def person_nouns() -> tuple[str, ...]:
    """Nouns that denote a person ("man", "nationals", "ciudadano")."""
    return _terms()["person"]


@cache
def institution_words() -> frozenset[str]:
    """Lower-case words that make a capitalised run an institution, not a person ("Oberlandesgericht")."""
    return frozenset(t.lower() for t in _terms()["institution"])


def rank_titles() -> tuple[str, ...]:
    """Rank and courtesy titles printed before a name ("Lieutenant General", "Brigadier", "Dr"):
    a role of the person, never part of the name."""
    return tuple(sorted(_terms()["rank"], key=len, reverse=True))


def official_titles() -> tuple[str, ...]:
    """Titles that mark an official or a speaker next to a name ("judge", "spokesman")."""
    return _terms()["official"]


@cache
def court_side_roles() -> frozenset[str]:
    """Roles of those who try, defend or speak about the accused ("judge", "prosecutor")."""
    return frozenset(t.lower() for t in _terms()["court_side"])


@cache
def _leaders() -> frozenset[str]:
    return frozenset(t.lower() for t in _terms()["leader"])


def is_leader(name: str) -> bool:
    """A head of state or government by name ("Kim Jong Un", "Putin"): mentioned, never accused."""
    return name.lower() in _leaders()
