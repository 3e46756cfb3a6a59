"""Rule-table matches as one record, ``Hit``: countries, places, services, roles and stages.

Each finder wraps a ``lexicon`` finder and gives every match the same shape (span, what it
denotes as a kb id, the rule id that fired, a label), so sentence facts can keep them side by
side. Person names are found in ``cases.persons``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spyglass.understand import lexicon
from spyglass.understand.tables import ENTITY_LANGS

__all__ = ["Hit", "countries_in", "places_in", "services_in", "service_country", "roles_in", "stages_in"]


@dataclass(frozen=True)
class Hit:
    """A gazetteer or model match: span, what it denotes (kb id) and the rule that fired."""

    start: int
    end: int
    text: str
    kb_id: str
    rule: str
    label: str


def _lang(lang: str) -> str:
    return lang if lang in lexicon.LANGS or lang in ENTITY_LANGS else "en"


def countries_in(text: str, lang: str = "en") -> list[Hit]:
    """Country names, demonyms and capitals (``lexicon``), kb_id the alpha-2 code.

    English terms are searched in every language too: news in any language quotes English
    names ("CIA", "Taiwan") and the English table is the richest.
    """
    hits = [Hit(h.start, h.end, h.text, h.term.country, h.term.id, "COUNTRY") for h in lexicon.countries_in(text, "en")]
    if _lang(lang) != "en":
        for h in lexicon.countries_in(text, lang):
            if not any(o.start < h.end and h.start < o.end for o in hits):
                hits.append(Hit(h.start, h.end, h.text, h.term.country, h.term.id, "COUNTRY"))
        hits.sort(key=lambda h: h.start)
    return hits


def places_in(text: str) -> list[Hit]:
    """Regions and cities below the state ("Rajasthan", "Bad Homburg"), kb_id the alpha-2 code
    of the state they lie in."""
    return [Hit(h.start, h.end, h.text, h.term.country, h.term.id, "PLACE") for h in lexicon.places_in(text)]


def services_in(text: str) -> list[Hit]:
    """Named intelligence and security services (``lexicon``), kb_id the service id."""
    return [Hit(h.start, h.end, h.text, h.service.id, h.service.id, "SERVICE") for h in lexicon.services_in(text)]


def service_country(sid: str) -> str | None:
    """Alpha-2 code of the state a service belongs to."""
    svc = lexicon.service_by_id(sid)
    return svc.country if svc else None


def roles_in(text: str, lang: str = "en") -> list[Hit]:
    """Occupation and rank words, kb_id the lower-case singular printed form."""
    return [Hit(h.start, h.end, h.text, h.term.role, h.term.id, "ROLE") for h in lexicon.roles_in(text, _lang(lang))]


def stages_in(text: str, lang: str = "en") -> list[Hit]:
    """Stage phrases reported as done (announced, requested and negated ones left out)."""
    return [Hit(h.start, h.end, text[h.start:h.end], h.stage, h.rule_id, "STAGE")
            for h in lexicon.stages_in(text, _lang(lang)) if h.kind == "done"]
