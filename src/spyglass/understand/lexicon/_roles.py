"""Occupations and ranks (``tables/roles.tsv``): terms by language, lookups and the finder of
role words in text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spyglass.understand.lexicon._gazetteer import Gazetteer
from spyglass.understand.lexicon._inflect import expand, slug
from spyglass.understand.tables import lookup_key, read_rows

__all__ = ["RoleTerm", "RoleHit", "role_terms", "role_of", "roles_in"]


@dataclass(frozen=True)
class RoleTerm:
    id: str
    text: str
    role: str
    lang: str


@dataclass(frozen=True)
class RoleHit:
    start: int
    end: int
    text: str
    term: RoleTerm


@cache
def _role_rows() -> tuple[tuple[RoleTerm, bool], ...]:
    """Role terms with a flag for lookup-only ones (``!word`` in the data: "private", "major"
    are ranks only next to a service word, so running text is not searched for them)."""
    found: dict[tuple[str, str], tuple[RoleTerm, bool]] = {}
    for lang, role, cell in read_rows("roles.tsv", 3):
        hidden = cell.startswith("!")
        for text in expand(cell.lstrip("!"), lang):
            term = RoleTerm(f"role.{lang}.{slug(text)}", text, role.lstrip("!"), lang)
            found.setdefault((lang, text.casefold()), (term, hidden))
    return tuple(found.values())


@cache
def _all_role_terms() -> dict[str, tuple[RoleTerm, ...]]:
    out: dict[str, list[RoleTerm]] = {}
    for term, _hidden in _role_rows():
        out.setdefault(term.lang, []).append(term)
    return {lang: tuple(terms) for lang, terms in out.items()}


def role_terms(lang: str = "en") -> tuple[RoleTerm, ...]:
    """Occupations and ranks in ``lang``; ``role`` is the lower-case singular printed form."""
    return _all_role_terms().get(lang, ())


@cache
def _role_index(lang: str) -> dict[str, RoleTerm]:
    return {lookup_key(t.text): t for t in role_terms(lang)}


def role_of(word: str, lang: str = "en") -> str | None:
    term = _role_index(lang).get(lookup_key(word))
    return term.role if term else None


@cache
def _role_gazetteer(lang: str) -> Gazetteer:
    return Gazetteer([(t.text, False, t) for t, hidden in _role_rows() if t.lang == lang and not hidden])


def roles_in(text: str, lang: str = "en") -> list[RoleHit]:
    """Occupations and ranks in ``text`` ("four soldiers" -> soldier)."""
    hits = []
    for start, end, term in _role_gazetteer(lang).find(text):
        assert isinstance(term, RoleTerm)
        hits.append(RoleHit(start, end, text[start:end], term))
    return hits
