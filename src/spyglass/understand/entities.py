"""Entities of an article in a language whose cases are not read (``tables.ENTITY_LANGS``):
the countries, intelligence services and legal steps it names, with their offsets, so an analyst
sees who and what a Finnish or Arabic report is about before it can be read for cases."""

from __future__ import annotations

from spyglass.records import Article, Entity
from spyglass.understand.lexicon.hits import Hit, countries_in, services_in, stages_in
from spyglass.understand.sentences import sentences_in

__all__ = ["entities_of"]


def entities_of(article: Article, lang: str) -> list[Entity]:
    """Country, service and stage mentions of every sentence, in reading order."""
    out: list[Entity] = []
    for sentence in sentences_in(article.text):
        found: list[Hit] = [*countries_in(sentence.text, lang), *services_in(sentence.text), *stages_in(sentence.text, lang)]
        for hit in sorted(found, key=lambda h: (h.start, h.end)):
            out.append(Entity(text=hit.text, label=hit.label, start=sentence.start + hit.start,
                              end=sentence.start + hit.end, kb_id=hit.kb_id, rule=hit.rule))
    return out
