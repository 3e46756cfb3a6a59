"""Places below the state (``tables/places.tsv``): regions and cities with the state they lie
in, and the finder of place names in text."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spyglass.understand.lexicon._gazetteer import Gazetteer
from spyglass.understand.lexicon._inflect import expand
from spyglass.understand.tables import read_rows_by_language, split_cell

__all__ = ["PlaceTerm", "PlaceHit", "place_terms", "places_in", "is_place_name"]


@dataclass(frozen=True)
class PlaceTerm:
    id: str
    text: str
    country: str
    kind: str  # region | city


@dataclass(frozen=True)
class PlaceHit:
    start: int
    end: int
    text: str
    term: PlaceTerm


@cache
def place_terms() -> tuple[PlaceTerm, ...]:
    """Every place spelling with its state (alpha-2) and kind."""
    # a language's file may write "word~" for the name's inflected forms ("Хабаровск~": "в Хабаровске")
    return tuple(PlaceTerm(rid, text, country, kind)
                 for lang, (rid, country, kind, cell) in read_rows_by_language("places.tsv", 4)
                 for text in (expand(cell, lang) if lang else split_cell(cell)))


@cache
def _gazetteer() -> Gazetteer:
    # Case-sensitive: place names are capitalised, and "nice" or "reading" are not places.
    return Gazetteer([(t.text, True, t) for t in place_terms()])


def places_in(text: str) -> list[PlaceHit]:
    """Place names in ``text``, longest match first, in reading order."""
    return [PlaceHit(start, end, text[start:end], term) for start, end, term in _gazetteer().find(text)
            if isinstance(term, PlaceTerm)]


@cache
def _names() -> frozenset[str]:
    return frozenset(t.text.casefold() for t in place_terms())


def is_place_name(name: str) -> bool:
    """Whether ``name`` as a whole is a known place ("Bad Homburg")."""
    return name.strip(" .,;:").casefold() in _names()
