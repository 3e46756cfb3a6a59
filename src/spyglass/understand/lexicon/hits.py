"""Entity recognition for case extraction: gazetteer matches plus spaCy persons.

Countries (names, demonyms, capitals), intelligence services, roles and stage phrases come
from helper B's rule tables (``lexicon``); person names come
from spaCy's statistical NER for English and from capitalised-token patterns elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from spyglass.understand import case_rules, lexicon
from spyglass.understand._cues import cue

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

__all__ = ["Hit", "countries_in", "places_in", "services_in", "roles_in", "stages_in", "persons_by_rule", "persons_by_model", "persons_in_docs", "surnamed"]


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
    return lang if lang in lexicon.LANGS else "en"


def countries_in(text: str, lang: str = "en") -> list[Hit]:
    """Country names, demonyms and capitals (helper B's lexicon), kb_id the alpha-2 code.

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
    """Named intelligence and security services (helper B's gazetteer), kb_id the service id."""
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


# Capitalised names for languages without a statistical model: "Jian G.", "Pierre-Marie H.",
# "Walter Biot", "Víctor Manuel Rocha".
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-Ž][a-zß-öø-ÿā-ž]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿā-ž]+)?"
_NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("person.privacy_form", re.compile(rf"\b{_CAP} [A-Z]\.(?=[\s,;:)]|$)")),  # a headline may end on it
    # middle initials may stand inside ("Marcus T. Delaney-Reyes")
    ("person.full_name", re.compile(rf"\b{_CAP}(?: [A-Z]\.)*(?: {_CAP}){{1,3}}\b")),
)


def persons_by_rule(text: str, stopwords: frozenset[str]) -> list[Hit]:
    """Person names by capitalised-token patterns (no model): privacy forms, then full names."""
    hits: list[Hit] = []
    for rule, pattern in _NAME_RULES:
        for found in pattern.finditer(text):
            name = found.group(0)
            if any(h.start < found.end() and found.start() < h.end for h in hits):
                continue
            tokens = name.split()
            if any(t.rstrip(".").lower() in stopwords for t in tokens):
                continue
            if countries_in(name) or services_in(name) or lexicon.is_place_name(name):
                continue
            hits.append(Hit(found.start(), found.end(), name, name, rule, "PERSON"))
    return surnamed(text, hits)


# Where a capitalised run the model left unlabelled stands in a person's place: an apposition
# after it ("Ana Belén Montes, the former analyst", "X, 60, a ...") or a step verb before it.
_APPOSITION_AFTER = re.compile(r"^,\s+(?:\d{1,3}\b|an?\s|the\s|who\s|a\s)")
_STEP_BEFORE = re.compile(r"\b(?:arrested|charged|sentenced|convicted|detained|indicted|jailed|identified as|named)\s+$")


def _unlabelled_names(text: str, taken: list[tuple[int, int]], mislabelled: list[tuple[int, int]],
                      stopwords: frozenset[str]) -> list[Hit]:
    """Full names and privacy forms ("Oleksandr M.") the small model missed (accents, three parts,
    initials are its weak spot), taken where the context says a person and nothing else was
    recognised there, or only a mislabelled span ("BALTIMORE - Marcus T. Delaney-Reyes" as ORG)."""
    out: list[Hit] = []
    for _rule, pattern in reversed(_NAME_RULES):
        for found in pattern.finditer(text):
            start, end = found.span()
            if any(a < end and start < b for a, b in taken) or found.group(0).isupper():
                continue
            if any(t.rstrip(".").lower() in stopwords for t in found.group(0).split()):
                continue
            if any(h.start < end and start < h.end for h in out):
                continue
            strong = _STEP_BEFORE.search(text[max(0, start - 20) : start]) or _AGE_AFTER.match(text[end : end + 8])
            if any(a < end and start < b for a, b in mislabelled) and not strong:
                continue
            if strong or _APPOSITION_AFTER.match(text[end : end + 12]):
                out.append(Hit(start, end, found.group(0), found.group(0), "person.unlabelled_name", "PERSON"))
    return out


_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels the small model gives names it does not know as names ("Ivo Petkov" as ORG).
_MISLABELLED = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART"})
_AGE_AFTER = re.compile(r"^,\s+\d{1,3}\s*,")


def _is_aged_name(text: str, start: int, end: int, stopwords: frozenset[str]) -> bool:
    """A full name followed by an age ("Ivo Petkov, 45, received ..."): a person, whatever
    label the model gave it; news gives ages to people, not to firms."""
    name = text[start:end]
    return (bool(_AGE_AFTER.match(text[end : end + 8])) and _NAME_RULES[1][1].fullmatch(name) is not None
            and not any(t.lower() in stopwords for t in name.split()) and not countries_in(name) and not services_in(name))


@cache
def _ranked() -> re.Pattern[str]:
    """Rank titles before a full name ("retired Brigadier Raja Rizwan"): group 1 is the name."""
    ranks = "|".join(re.escape(r).replace(r"\ ", r"[\s-]+") for r in case_rules.rank_titles())
    return re.compile(rf"\b(?:(?:{ranks})\.?\s+)+({_CAP}(?: [A-Z]\.)*(?: {_CAP}){{1,3}})\b")


def _rank_stripped(text: str, hits: list[Hit], stopwords: frozenset[str]) -> list[Hit]:
    """Persons behind a rank title: a person hit that begins with the rank loses it, and a full
    name after a rank that the model labelled otherwise (or not at all) is a person. Without
    this the title's words ("General") make the name look like an institution."""
    out = [h for h in hits if not any(h.start < m.start(1) < h.end for m in _ranked().finditer(text))]
    for m in _ranked().finditer(text):
        name = m.group(1)
        if any(t.lower() in stopwords for t in name.split()) or countries_in(name) or services_in(name):
            continue
        if not any(h.start < m.end(1) and m.start(1) < h.end for h in out):
            out.append(Hit(m.start(1), m.end(1), name, name, "person.after_rank", "PERSON"))
    return out


_SURNAMED = cue("person.surnamed")


def surnamed(text: str, hits: list[Hit]) -> list[Hit]:
    """Surnames the authorities give alone ("a man surnamed Zhong"), added to ``hits``: one
    capitalised word the model never labels as a person."""
    out = list(hits)
    for m in _SURNAMED.finditer(text):
        if not any(h.start < m.end(1) and m.start(1) < h.end for h in out):
            out.append(Hit(m.start(1), m.end(1), m.group(1), m.group(1), "person.surnamed", "PERSON"))
    return sorted(out, key=lambda h: h.start)


def persons_by_model(texts: list[str], nlp: spacy.Language, stopwords: frozenset[str] = frozenset()) -> list[list[Hit]]:
    """spaCy PERSON entities for each text (only the NER component runs), plus full names in a
    person's place that the model left without any label."""
    disabled = [name for name in nlp.pipe_names if name != "ner"]
    return persons_in_docs(list(nlp.pipe(texts, disable=disabled)), stopwords)


def persons_in_docs(docs: list[Doc], stopwords: frozenset[str] = frozenset()) -> list[list[Hit]]:
    """``persons_by_model`` over docs the model has already read."""
    # A name the model calls a place anywhere in the article is a place where it calls it a
    # person too ("Bad Homburg"), as is a place of our own gazetteer.
    places = {e.text for doc in docs for e in doc.ents if e.label_ in _PLACE_LABELS}
    out: list[list[Hit]] = []
    for doc in docs:
        hits = [Hit(e.start_char, e.end_char, e.text, e.text, "spacy:PERSON", "PERSON")
                for e in doc.ents if e.label_ == "PERSON"]
        hits += [Hit(e.start_char, e.end_char, e.text, e.text, "person.aged_name", "PERSON")
                 for e in doc.ents if e.label_ in _MISLABELLED and _is_aged_name(doc.text, e.start_char, e.end_char, stopwords)]
        hits += _unlabelled_names(doc.text, [(e.start_char, e.end_char) for e in doc.ents if e.label_ not in _MISLABELLED],
                                  [(e.start_char, e.end_char) for e in doc.ents if e.label_ in _MISLABELLED], stopwords)
        hits = [h for h in _rank_stripped(doc.text, hits, stopwords) if h.text not in places and not lexicon.is_place_name(h.text)]
        out.append(surnamed(doc.text, hits))  # "surnamed Zhong" is a person whatever the model calls it
    return out
