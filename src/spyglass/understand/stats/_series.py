"""Name the series a reported count belongs to: the reporting state and a normalised measure.

The measure is assembled from the parts of ``tables/stats_measures.tsv`` found around the count:
the unit it is read with ("64 people", "13 cases", "465 agents"), the step they reached (the act
nearest the count), the offence (spying unless treason is named) and the sponsor ("for China",
"Chinese espionage", "contact with Iranian intelligence"), plus a breakdown's share ("military
veterans"). Parts a sentence leaves out ("The figure compares with 48 people in 2023") come from
the figure it continues. The country is the state that reports or prosecutes: a state, service,
court or place named in the count's sentence that is not the sponsor, else the figure it
continues, the sentence before, the title or the opening of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from spyglass.understand.lexicon import countries_in, country_terms, places_in, services_in
from spyglass.understand.tables import read_rows

__all__ = ["Measure", "measure_of", "reporter_of", "sponsor_of", "unit_of", "country_name"]

_SKIPPABLE = (r"(?:(?!(?:were|was|are|is|be|been|being|have|has|had|in|of|for|from|to|during|last|this|the|and|or|"
              r"under|up|down|with|against|than|compared|who|which|a|an)\b)[\w'’-]+\s+)")
_SPY_NOUN = (r"(?:espionage|spying|spy|spies|intelligence|agents?|secret services?|security services?|military "
             r"intelligence|handlers?|operatives?|government|state|authorities|regime|services)")
_FOR = r"(?:for|on behalf of|working for|to|involving|in favou?r of|на|в пользу)"
_NOT_REPORTER_BEFORE = re.compile(r"(?:\b(?:for|on behalf of|to|with|from|of)\s+(?:the\s+)?|\bnon-?)$", re.IGNORECASE)


@dataclass(frozen=True)
class _Part:
    id: str
    part: str
    label: str
    also: str  # unit: the act it names; act: its label after "cases"; offence: its noun form
    pattern: re.Pattern[str]
    lead: re.Pattern[str]  # the pattern after up to three words that are not verbs ("suspected espionage cases")


@cache
def _parts() -> dict[str, tuple[_Part, ...]]:
    out: dict[str, list[_Part]] = {"unit": [], "act": [], "offence": []}
    for rid, part, label, also, pattern in read_rows("stats_measures.tsv", 5):
        rx = re.compile(r"(?<!\w)(?:" + pattern + r")(?!\w)", re.IGNORECASE)
        lead = re.compile(rf"\s*{_SKIPPABLE}{{0,3}}?(?:{rx.pattern})", re.IGNORECASE)
        out[part].append(_Part(rid, part, label, "" if also == "-" else also, rx, lead))
    return {k: tuple(v) for k, v in out.items()}


@dataclass(frozen=True)
class Measure:
    """What a count counts; ``None`` parts are unknown and may be filled from the figure it continues."""

    unit: str | None = None
    act: str | None = None
    offence: str | None = None
    sponsor: str | None = None  # alpha-2
    group: str = ""  # a breakdown's share

    def filled(self, other: Measure | None) -> Measure:
        if other is None:
            return self
        return Measure(self.unit or other.unit, self.act or other.act, self.offence or other.offence,
                       self.sponsor or other.sponsor, self.group)

    def with_group(self, group: str) -> Measure:
        return replace(self, group=group)

    def text(self) -> str:
        """ "people prosecuted for spying for China", "agents stopped", "espionage cases involving Iran"."""
        parts = _parts()
        offence = next((p for p in parts["offence"] if p.label == (self.offence or "spying")), parts["offence"][-1])
        act = next((p for p in parts["act"] if p.label == self.act), None)
        sponsor = country_name(self.sponsor) if self.sponsor else ""
        unit = self.unit or ("people" if act else "cases")
        if unit == "cases":
            words = f"{offence.also} cases" + (f" involving {sponsor}" if sponsor else "") + (
                f" ({act.also})" if act and act.also else "")
        elif unit == "people":
            verb = act.label if act else "accused"
            words = f"people {verb} {'of' if verb in ('convicted', 'accused') else 'for'} {offence.label}" + (
                f" for {sponsor}" if sponsor else "")
        else:
            words = unit + (f" working for {sponsor}" if sponsor else "") + (f" {act.label}" if act else "")
        return words + (f": {self.group}" if self.group else "")


def unit_of(noun: str) -> str | None:
    """The unit a count is read with, from the words right after it ("people", "cases", "agents")."""
    return _unit_part(noun)[0]


def _unit_part(noun: str) -> tuple[str | None, str | None]:
    for part in _parts()["unit"]:
        if part.lead.match(noun):
            return part.label, part.also or None
    if re.match(rf"\s*{_SKIPPABLE}{{0,2}}?[A-Z]\w+(?:is|ns|es|is|s)\b", noun) and _demonym_plural(noun):
        return "people", None
    return None, None


def _demonym_plural(noun: str) -> bool:
    """ "37 Israelis", "12 Ukrainians": a country's people."""
    return any(h.term.form in ("demonym", "adjective", "citizen") and h.text.endswith("s")
               for h in countries_in(noun[:40]))


def measure_of(noun: str, clause: str, at: int) -> Measure:
    """The measure of a count whose following words are ``noun``, standing at ``at`` in ``clause``."""
    unit, implied_act = _unit_part(noun)
    return Measure(unit, implied_act or _nearest("act", clause, at), _nearest("offence", clause, at),
                   sponsor_of(clause))


def _nearest(part: str, clause: str, at: int) -> str | None:
    best: tuple[int, str] | None = None
    for row in _parts()[part]:
        for m in row.pattern.finditer(clause):
            distance = abs(m.start() - at)
            if best is None or distance < best[0]:
                best = (distance, row.label)
    return best[1] if best else None


def sponsor_of(text: str) -> str | None:
    """The state a counted person spied for, where the text names it next to the spying."""
    for hit in countries_in(text):
        before = text[max(0, hit.start - 25) : hit.start]
        after = text[hit.end : hit.end + 40]
        if hit.term.form in ("name", "capital") and re.search(rf"\b{_FOR}\s+(?:the\s+)?$", before, re.IGNORECASE):
            return hit.term.country
        if re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?{_SPY_NOUN}\b", after, re.IGNORECASE) and not re.match(
                r"\s+(?:courts?|prosecutors?|police|authorities)", after, re.IGNORECASE):
            if hit.term.form != "demonym":
                return hit.term.country
    for svc in services_in(text):
        if re.search(rf"\b(?:{_FOR}|of|with)\s+(?:the\s+)?$", text[max(0, svc.start - 20) : svc.start], re.IGNORECASE):
            return svc.service.country
    return None


def reporter_of(text: str, sponsor: str | None) -> str | None:
    """The state that reports or prosecutes, named in ``text``: a service, court, place or state
    that is not the sponsor and not the object of "for", "from" or "with"."""
    for start, country in _reporters(text):
        if country == sponsor or _NOT_REPORTER_BEFORE.search(text[max(0, start - 20) : start]):
            continue
        if sponsor is None and _is_sponsor_form(text, start):
            continue
        return country
    return None


@lru_cache(maxsize=256)  # a title or an opening is asked about for every figure of its article
def _reporters(text: str) -> tuple[tuple[int, str], ...]:
    """(offset, state) of every state, service, place and authority named in ``text``, in order."""
    found = [(h.start, h.term.country) for h in countries_in(text) if not _spy_adjective(text, h.end)]
    found += [(s.start, s.service.country) for s in services_in(text)]
    found += [(p.start, p.term.country) for p in places_in(text)]
    found += [(m.start(), country) for country, rx in _authorities() for m in rx.finditer(text)]
    return tuple(sorted(found))


def _spy_adjective(text: str, end: int) -> bool:
    """ "Chinese espionage", "Russia's intelligence services": the sponsor, not the reporter."""
    after = text[end : end + 40]
    return bool(re.match(rf"(?:['’]s)?\s+(?:[\w-]+\s+)?{_SPY_NOUN}\b", after, re.IGNORECASE)) and not re.match(
        r"(?:['’]s)?\s+(?:national security|domestic|counter)", after, re.IGNORECASE)


def _is_sponsor_form(text: str, start: int) -> bool:
    return bool(re.search(rf"\b{_FOR}\s+(?:the\s+)?$", text[max(0, start - 25) : start], re.IGNORECASE))


@cache
def _authorities() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """Courts, prosecutors and police of ``tables/case_authorities.tsv`` (they name the acting state)."""
    return tuple((country, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.IGNORECASE))
                 for _rid, country, pattern in read_rows("case_authorities.tsv", 3))


@cache
def country_name(code: str) -> str:
    """The short English name of a state ("Taiwan", "Russia"), the first in ``country_terms.tsv``."""
    return next((t.text for t in country_terms("en") if t.country == code and t.form == "name"), code)
