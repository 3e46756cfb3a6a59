"""The target field: the state that arrests, prosecutes or expels, scored over the cues of every
sentence (authorities, courts and police forces of ``tables/case_authorities.tsv``, domestic
services, places, the dateline)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import cache

from spyglass.understand import lexicon
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, form_of, person_words, window
from spyglass.understand.cases.fields._sponsor import (
    SPEAKS_AFTER,
    service_lead,
    sponsor_country_hit,
    sponsor_service_hit,
)
from spyglass.understand.lexicon.hits import Hit, places_in, service_country
from spyglass.understand.tables import read_rows_by_language
from spyglass.understand.tables.cues import cue, reading_language

__all__ = ["target_of", "employer_of"]

TARGET_AFTER = cue("target.after")
TARGET_BEFORE = cue("target.before")
_PLACE_BEFORE = cue("target.place_before")
_PASSIVE = cue("target.passive")
_SPONSOR_SIDE = cue("target.sponsor_side")
_SPONSOR_AFTER = cue("target.sponsor_after")
_DOMESTIC_KINDS = frozenset({"domestic", "police", "combined"})
_DATELINE = cue("target.dateline")
_VENUE_BEFORE = cue("target.venue_before")
_AUTHORITY_BEFORE = cue("target.authority_before")
_EMPLOYER_BEFORE = cue("target.employer_before")
_PARTICIPLES = frozenset("jailed arrested charged expelled sentenced convicted detained indicted prosecuted".split())
_PEOPLE = frozenset(person_words()) - {"police", "prosecutor", "prosecutors", "judge", "court"}


# Names of authorities in kana, ideographs or Hangul stand inside a run of letters ("東京地裁は",
# "서울중앙지법은"): only the others are bounded by word boundaries.
_UNSPACED_START = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


@cache
def _authorities(lang: str | None = "*") -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(rule id, alpha-2, pattern) for courts, prosecutors and police forces (data files): the
    shared rows and those of ``lang``'s file (every file's for ``"*"``)."""
    return tuple((rid, country, re.compile(pattern if _UNSPACED_START.match(pattern) else rf"(?<!\w)(?:{pattern})(?!\w)", re.I))
                 for row_lang, (rid, country, pattern) in read_rows_by_language("case_authorities.tsv", 3)
                 if lang == "*" or row_lang in (None, lang))


@cache
def _any_authority(lang: str | None) -> re.Pattern[str]:
    """All of ``_authorities`` in one pattern: most sentences name none, and one search says so."""
    return re.compile("|".join(p.pattern for _rid, _country, p in _authorities(lang)), re.I)


def _authorities_in(f: SentenceFacts) -> list[tuple[str, str, tuple[int, int]]]:
    """(rule id, alpha-2, span) of the first match of each authority in the sentence, read once
    per sentence (every proceeding that holds the sentence asks again)."""
    found = f.cache.get("authorities")
    if found is None:
        lang = reading_language()  # a language's own courts are named in its texts
        found = f.cache["authorities"] = [
            (rid, country, m.span()) for rid, country, pattern in _authorities(lang)
            if (m := pattern.search(f.text))] if _any_authority(lang).search(f.text) else []
    return found


_COORDINATED = re.compile(r"^\s*(?:,|and|or|und|et|y|e)\s+(?:the\s+)?$", re.I)


# "The AIVD has unmasked two diplomats as spies": a service as the subject that opens a sentence on spying
_OPENS_SENTENCE = re.compile(r"\s*(?:(?:the|de|het|die|der|la|le|el|il|o|a)\s+|l['’])?", re.I)
_DID_AFTER = re.compile(r"\s+(?:(?:has|have|had|heeft|hebben|hatte|hat|haben|a|ont|avait|ha|han|había|har|hade|tem)"
                        r"\s+(?:[\w-]+\s+){0,8}?)?(?:unmasked|exposed|uncovered|ontmaskerde?|ontdekt|enttarnte?|aufgedeckt|"
                        r"démasqué|desenmascar(?:ado|ó)|smascherato)\b", re.I)


def _acting_services(f: SentenceFacts) -> list[tuple[str, float, tuple[int, int]]]:
    """States whose domestic service acts in a sentence reporting a step ("the FBI arrested"),
    with a weight; a service the accused worked for ("at the direction of the MPS and the
    Ministry of State Security") gives none. A service the accused worked at ("an employee of
    the KDIC") counts: their employer is usually the state spied on."""
    out: list[tuple[str, float, tuple[int, int]]] = []
    previous: tuple[int, bool] | None = None  # end of the previous service, whether it acted
    for s in f.services:
        svc = lexicon.service_by_id(s.kb_id)
        lead = service_lead(f, s)
        if f.text[max(0, s.start - 2) : s.start].strip() == "(":
            continue  # "Ministry of Public Security (MPS)": judged with the name before it
        if previous is not None and not previous[1] and _COORDINATED.match(f.text[previous[0] : lead]):
            previous = (s.end, False)
            continue
        subject = f.espionage and bool(_OPENS_SENTENCE.fullmatch(f.text[:lead])) and bool(_DID_AFTER.match(f.text, s.end))
        if not f.stages and not subject and not (f.espionage and SPEAKS_AFTER.match(f.text, s.end)):
            previous = (s.end, False)
            continue  # a service acts in a sentence reporting a step, tells of a spy case or opens it
        kinds = _DOMESTIC_KINDS | {"combined"} if subject else _DOMESTIC_KINDS
        acting = (svc is not None and svc.kind in kinds
                  and not _SPONSOR_SIDE.search(f.text[max(0, lead - 20) : lead])
                  and (subject or not sponsor_service_hit(f, s, None)))
        previous = (s.end, acting)
        if acting and svc is not None:
            # "Estonia's Internal Security Service": the country word names whose service it is
            owner = next((c.kb_id for c in f.countries if c.start == lead), svc.country)
            out.append((owner, 2.0, (s.start, s.end)))
    return out


def _only_released(f: SentenceFacts) -> bool:
    """A sentence whose only step is a release: a place in it is where a swap happened
    ("flown home in Vienna spy swap"), not the state that arrested or tried them."""
    return all(h.kb_id == "released" for h in f.stages)


_SWAP = cue("stage.swap")


def _swap_venue(f: SentenceFacts, c: Hit) -> bool:
    """"released ... in a prisoner exchange that took place in Ankara": a place told with the
    release or the swap is where it happened, not the state that tried them (the nearest
    step before the place decides, so "sentenced in Ljubljana" in the same text still counts)."""
    before = [h for h in f.stages if h.end <= c.start]
    if not before:
        return _swap_within(f, 0, c.start)
    nearest = max(before, key=lambda h: h.end)
    return nearest.kb_id == "released" or _swap_within(f, nearest.end, c.start)


def _swap_within(f: SentenceFacts, start: int, end: int) -> bool:
    """Whether a swap word lies wholly in ``text[start:end]``; the sentence is searched once,
    not once per place (a sentence naming thousands of places stays linear)."""
    spans = f.cache.get("swap_spans")
    if spans is None:
        spans = f.cache["swap_spans"] = [m.span() for m in _SWAP.finditer(f.text)]
    i = bisect_left(spans, (start, -1))
    return i < len(spans) and spans[i][1] <= end


def _venue_of_acts(f: SentenceFacts, hit: Hit) -> bool:
    """"during meetings in Jordan", "while studying in China": where the acts happened."""
    return bool(_VENUE_BEFORE.search(f.text, max(0, hit.start - 70), hit.start))


def _done_to_people(span: str) -> bool:
    """"Russian agents arrested in the United States": a step done to the people the country
    word describes (a reduced passive), not by an authority of that country."""
    words = [w.lower() for w in re.findall(r"[\w'’-]+", span)]
    if len(words) < 2 or words[-1] not in _PARTICIPLES or {"have", "has", "had"} & set(words):
        return False  # "Norwegian officials said", "Philippine agents have arrested": they act
    return any(w in _PEOPLE or w.rstrip("s") in _PEOPLE for w in words[:-1])


_REGIONAL_AUTHORITY = cue("target.regional_authority")
_AUTHORITY_OF_PLACE = cue("target.authority_of_place")


def _seat_of_authority(f: SentenceFacts, hit: Hit) -> bool:
    """"parquet de Paris", "tribunale di Genova": a court or prosecutor named by its seat."""
    return bool(_AUTHORITY_OF_PLACE.search(f.text[max(0, hit.start - 40) : hit.start]))


def _place_cues(f: SentenceFacts) -> list[tuple[float, str, Found]]:
    """States named through a place below them: a regional authority ("Rajasthan Police",
    "Bavarian prosecutors", "LKA Bayern") acts for its state; a place after "in"/"by" in a
    sentence reporting a step ("a court in Munich") is weaker than a country, as cities share names."""
    out: list[tuple[float, str, Found]] = []
    for p in f.places:
        before = f.text[max(0, p.start - 30) : p.start]
        if _REGIONAL_AUTHORITY.match(f.text[p.end : p.end + 40]) or re.search(
                r"\b(?:LKA|Landeskriminalamt|Staatsanwaltschaft|Polizei)\s+$", f.text[max(0, p.start - 25) : p.start]) or (
                _seat_of_authority(f, p)):
            out.append((2.5, p.kb_id, Found(f, "target.regional_authority", (p.start, p.end))))
        elif (f.stages and (TARGET_BEFORE.search(before) or _PLACE_BEFORE.search(before)) and not _only_released(f)
              and not _swap_venue(f, p) and not _venue_of_acts(f, p)):
            out.append((1.0, p.kb_id, Found(f, "target.place", (p.start, p.end))))
        elif f.stages and (m := _NEXT_WORD.match(f.text, p.end)) and m.group(1).lower() in _PEOPLE:
            # "A Texas man was sentenced": people are most often tried where they live
            out.append((0.8, p.kb_id, Found(f, "target.resident_place", (p.start, p.end))))
    return out


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


_CAPS_DATELINE = cue("target.caps_dateline")


def _dateline_place(text: str) -> str | None:
    """The state of a city or region that opens a sentence as a dateline in capitals
    ("KOCHI: A contract employee ...", "NAGPUR, May 3 -"): where the story is reported from."""
    m = _CAPS_DATELINE.match(text)
    if m is None:
        return None
    hits = places_in(m.group(1).title())
    return hits[0].kb_id if hits and hits[0].start == 0 else None


def _sentence_cues(f: SentenceFacts) -> list[tuple[float, str, Found]]:
    """(score, alpha-2, evidence) of every target cue of one sentence but the dateline, read
    once per sentence (every proceeding holding it asks again)."""
    if "target.cues" in f.cache:
        return f.cache["target.cues"]
    out: list[tuple[float, str, Found]] = []
    weight = 1.5 if f.stages else 1.0
    for c in f.countries:
        before, after = window(f.text, c.start, c.end, 30, 50)
        if sponsor_country_hit(f, c, None):
            continue  # "agents of Saudi Arabia", "for Chinese intelligence": the other side
        if _seat_of_authority(f, c):
            out.append((2.5 * weight, c.kb_id, Found(f, "target.authority_of_place", (c.start, c.end))))
            continue
        if _AUTHORITY_BEFORE.search(f.text, max(0, c.start - 40), c.start):
            out.append((3 * weight, c.kb_id, Found(f, "target.authority", (c.start, c.end))))
            continue
        m = TARGET_AFTER.search(after)
        if (m and not _PASSIVE.search(after[: m.end() + 12]) and not _SPONSOR_SIDE.search(before[-20:])
                and not _done_to_people(m.group()) and not _SPONSOR_AFTER.match(after[m.end() :])):
            out.append((3 * weight, c.kb_id, Found(f, "target.authority", (c.start, c.end))))
        elif (m2 := TARGET_BEFORE.search(before) or (_PLACE_BEFORE.search(before) if form_of(c) == "capital" else None)) and (
                f.stages) and not _only_released(f) and not _swap_venue(f, c) and (
                not _venue_of_acts(f, c)) and (
                not m2.group().lstrip().lower().startswith("by")
                or any(0 <= c.start - h.end <= 25 for h in f.stages)):  # "arrested by the X", not "used by the X"
            out.append((1.5 * weight, c.kb_id, Found(f, "target.place", (c.start, c.end))))
    out.extend((score * weight, code, found) for score, code, found in _place_cues(f))
    out.extend((2.5 * weight, country, Found(f, rid, span)) for rid, country, span in _authorities_in(f))
    out.extend((score * weight, owner, Found(f, "target.domestic_service", span))
               for owner, score, span in _acting_services(f))
    f.cache["target.cues"] = out
    return out


def target_of(facts: list[SentenceFacts]) -> tuple[str | None, Found | None]:
    """State that arrests, prosecutes or expels: strongest cue first, then reading order.

    Cues: a country word before an authority or an active step ("Polish authorities
    arrested"; not "Bulgarians ... were sentenced"), a court or police force of the
    authorities table, a domestic service in a sentence reporting a step ("the FBI arrested"),
    a place after "in"/"by" in such a sentence.
    """
    scored: list[tuple[float, int, str, Found]] = []
    for order, f in enumerate(facts):
        scored.extend((score, -order, code, found) for score, code, found in _sentence_cues(f))
        if (order == 0 or (order == 1 and facts[0].is_title)) and f.countries and f.countries[0].start == 0 and (
                _DATELINE.match(f.text[f.countries[0].end :])):
            # "TAIPEI — ...", "SEOUL, May 10 (HSL) -": where the story is reported from
            scored.append((1.0, -order, f.countries[0].kb_id, Found(f, "target.dateline", (f.countries[0].start, f.countries[0].end))))
        elif (order == 0 or (order == 1 and facts[0].is_title)) and (place := _dateline_place(f.text)):
            where = _CAPS_DATELINE.match(f.text)
            span = where.span(1) if where else None
            scored.append((1.0, -order, place, Found(f, "target.dateline_place", span)))  # "KOCHI: ..."
    if not scored:
        return None, None
    totals: dict[str, float] = {}
    for score, _, code, _ in scored:
        totals[code] = totals.get(code, 0) + score
    best = max(totals, key=lambda k: totals[k])
    found = next(fd for _, _, code, fd in sorted(scored, key=lambda t: t[:3], reverse=True) if code == best)
    return best, found


def employer_of(facts: list[SentenceFacts], sponsor: str | None) -> tuple[str | None, Found | None]:
    """The state whose service or agency the accused worked at ("a senior analyst at the
    Defense Intelligence Agency"): the state spied on, when no authority is named."""
    for f in facts:
        country_at = {c.start: c.kb_id for c in reversed(f.countries)}  # the first word at each offset
        for s in f.services:
            lead = service_lead(f, s)
            owner = country_at.get(lead) or service_country(s.kb_id)
            if owner is None or owner == sponsor or not _EMPLOYER_BEFORE.search(f.text[max(0, lead - 60) : lead]):
                continue
            if not sponsor_service_hit(f, s, None):
                return owner, Found(f, "target.employer", (s.start, s.end))
    return None, None


def case_target(facts: list[SentenceFacts], fallback: tuple[str | None, Found | None]) -> tuple[str | None, Found | None]:
    """The state that acts against the accused: an authority named in the case's sentences, else
    the state whose agency the accused worked at, else ``fallback`` (the state the whole article
    names as acting). ``own_state_target`` is the last resort, once nationality is known."""
    target, found = target_of(facts)
    if target is None:
        target, found = employer_of(facts, None)  # the state whose agency they worked at
    if target is None:
        target, found = fallback
    return target, found


def own_state_target(
    target: str | None, found: Found | None, nationality: list[str], nationality_found: Found | None, sponsor: str | None,
) -> tuple[str | None, Found | None]:
    """With no authority named, people are most often prosecuted by their own state: the
    accused's nationality, unless it is the sponsor's."""
    if target is None and nationality and nationality[0] != sponsor:
        return nationality[0], replace(nationality_found, rule="target.own_national") if nationality_found else None
    return target, found
