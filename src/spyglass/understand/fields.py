"""Per-field extractors: one function per case field, reading a proceeding's sentence facts.

Each returns the value and a ``Found`` (the sentence index, the rule id and a confidence) so
that the case builder can attach evidence. Context windows decide what a number means: a term
counts only next to sentencing words and away from "sought", "maximum" and the like; a sum is
a payment only next to paying words and away from fines, bail, salaries and conversions; a year
belongs to the period only when the verb nearest to it is an act of spying, not a legal step.
Cue patterns are module constants with rule ids; word lists and authorities are data files
(``data/case_terms.tsv``, ``data/case_authorities.tsv``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spyglass.understand import case_rules, lexicon
from spyglass.understand.entities import Hit, service_country
from spyglass.understand.facts import SentenceFacts
from spyglass.understand.lexicon import _rows as read_rows  # the lexicon's TSV reader
from spyglass.understand.normalise import number_of
from spyglass.understand.quantities import Quantity

__all__ = [
    "Found", "stage_of", "sentence_months_of", "payments_of", "period_of", "sponsor_of",
    "target_of", "nationality_of", "count_of", "roles_of",
]


@dataclass(frozen=True)
class Found:
    """Where a field value came from."""

    facts: SentenceFacts
    rule: str
    confidence: float


def _window(text: str, start: int, end: int, before: int, after: int) -> tuple[str, str]:
    return text[max(0, start - before) : start], text[end : end + after]


# ---------------------------------------------------------------- stage


# A person freed in an exchange: the step of a swap story ("Norway released Mikushin").
_SWAP_FREED = re.compile(r"\b(?:released|freed|handed over|swapped|exchanged|flown (?:out|home|to))\b", re.I)
_SWAP = re.compile(r"\bswap(?:s|ped)?\b|\b(?:prisoner|spy) (?:exchange|trade)\b|\bexchange\b(?!\s+for\b)", re.I)
# Someone the sentence is about: a name, a pronoun or a person noun ("the engineer").
_SUBJECT = re.compile(r"\b(?:he|she|they|him|her|them|his|the (?:couple|pair|two|three|men|man|woman|brothers))\b|"
                      r"(?-i:^[A-Z][a-zà-ÿ’'-]+(?:,| was\b| has\b| had\b| is\b| were\b))", re.I)


# A step said of people in general, not done to the accused: "the first citizen to be
# convicted", "penalties for personnel convicted of espionage".
_GENERIC_STEP = re.compile(r"\bto (?:be|have been)\s+$|\b(?:personnel|people|those|anyone|spies|persons|citizens|members)\s+$|"
                           r"\bend(?:ed|s)? in\s+$", re.I)


_GENERIC_ROLES = frozenset({"spy", "agent", "official", "officer"})


def _about_someone(f: SentenceFacts) -> bool:
    roles = [r for r in f.roles if r.kb_id not in _GENERIC_ROLES]
    return bool(f.persons or f.is_title or roles or _SUBJECT.search(f.text))


def is_swap_story(lead: list[SentenceFacts]) -> bool:
    """Whether the article opens with a prisoner exchange: its prisoners were released in it."""
    return any(_SWAP.search(f.text) and (_SWAP_FREED.search(f.text) or any(h.kb_id in ("convicted", "sentenced") for h in f.stages))
               for f in lead)


def stage_of(facts: list[SentenceFacts], swap_story: bool = False) -> tuple[str | None, Found | None]:
    """The most advanced step reported as done.

    Only sentences about someone count (not "few prosecutions end in conviction"). An
    acquittal wins only when no conviction is reported (not "acquitted on a seventh count"),
    an expulsion only when no court step is (not "the expulsions of diplomats" in a trial
    story); a release in a swap story outranks the sentence served before it.
    """
    hits = [(h, f) for f in facts if _about_someone(f) for h in f.stages if not _GENERIC_STEP.search(f.text[max(0, h.start - 40) : h.start])]
    hits = hits or [(h, f) for f in facts for h in f.stages if not _GENERIC_STEP.search(f.text[max(0, h.start - 40) : h.start])]
    found = {h.kb_id for h, _ in hits}
    swap = swap_story or any(_SWAP.search(f.text) for f in facts)
    best: tuple[int, Hit, SentenceFacts] | None = None
    for hit, f in hits:
        stage = hit.kb_id
        if stage == "acquitted" and found & {"convicted", "sentenced"}:
            continue
        if stage == "expelled" and found & {"charged", "convicted", "sentenced", "acquitted"}:
            continue
        rank = case_rules.STAGE_RANK[stage]
        if best is None or rank > best[0]:
            best = (rank, hit, f)
    if swap:
        for f in facts:
            m = _SWAP_FREED.search(f.text)
            if m and (f.persons or _SWAP.search(f.text) or swap_story) and (best is None or best[1].kb_id != "released"):
                hit = Hit(m.start(), m.end(), m.group(), "released", "stage.released.swap_story", "STAGE")
                best = (case_rules.STAGE_RANK["released"], hit, f)
                break
    if best is None:
        return None, None
    if swap_story and best[1].kb_id in ("convicted", "sentenced"):
        # the prisoners of an exchange story were held after a verdict and freed in the swap
        hit = Hit(best[1].start, best[1].end, best[1].text, "released", "stage.released.swap_prisoner", "STAGE")
        return "released", Found(best[2], hit.rule, 0.5)
    return best[1].kb_id, Found(best[2], best[1].rule, 0.8)


# ---------------------------------------------------------------- sentence

TERM_CUE = re.compile(r"sentenc|jail|prison|imprison|\bterms?\b|d[ée]tention|hard labou?r|behind bars|received|"
                      r"\bgets?\b|\bgiven\b|awarded|handed|\bserve|Haft|Freiheitsstrafe|réclusion|"
                      r"emprisonnement|prisión|cárcel|reclusione|carcere|condann|conden|verurteil|"
                      r"anni di|años de", re.I)
TERM_BLOCK = re.compile(r"sought|seek|seeking|request|asked|demand|maximum|\bup to\b|\bfaces?\b|facing|"
                        r"could|would|carries|carry|punishable|punish\w*|punit|chiest|beantragt|forder|requis|pidi|solicit|"
                        r"remain|left to serve|already served|credit|concurrent|combined|quasi|insgesamt|"
                        r"\bafter\b|\bago\b|\bsince\b|\bfor (?:over|more than|nearly|almost)\b|reduced from|in addition|"
                        r"rights for|deprived", re.I)
_AGE_AFTER = re.compile(r"^[- ]?old|^\s+(?:earlier|later|ago|before)\b|^\s+after (?:the|his|her|their|that|a|an|\d)\b|^[\s\w]{0,12}(?:reprieve|probation|supervised release)|"
                        r"^[^.;]{0,30}concurrent", re.I)
_APPROXIMATE = re.compile(r"(?:nearly|almost|more than|over|about|around|roughly|a little over|just over|fast|quasi|circa)\s+$", re.I)
SENTENCE_RULES = ("sent.term", "sent.life")


_AGE_APPOSITION = re.compile(r"[\w.],\s*$")


# Wording after a term that makes it requested, not imposed ("siebeneinhalb Jahre gefordert").
TERM_BLOCK_AFTER = re.compile(r"^[^.;,]{0,20}\b(?:gefordert|beantragt|requested|sought|demanded|requis|solicitad|chiest)", re.I)
# "- Orlin Novak, 47, the leader — 10 years and 8 months;": a term in a sentencing list.
_LIST_ITEM = re.compile(r"^\s*[-•*–]\s")
_LIST_TERM_BEFORE = re.compile(r"[—–:-]\s*$")


def _is_term(f: SentenceFacts, start: int, end: int) -> bool:
    before, after = _window(f.text, start, end, 70, 30)
    if TERM_BLOCK_AFTER.match(after):
        return False
    if _LIST_ITEM.match(f.text) and _LIST_TERM_BEFORE.search(before):
        return True
    if _AGE_AFTER.search(f.text[end:]):
        return False
    if _AGE_APPOSITION.search(before) and re.match(r"^\s*(?:,|\))", after):
        return False  # "Biot, 58 anni, ...": an age between commas
    clause = re.split(r"[;,]| while | but ", before)[-1]  # a block word belongs to its own clause
    if TERM_BLOCK.search(clause[-45:]) or re.match(r"^\s*(?:\)|of (?:his|her|the) )", after):
        return False
    return bool(TERM_CUE.search(before[-60:]) or TERM_CUE.search(after[:25]))


_LIFE_TERM = re.compile(r"sentence|term|imprisonment|prison|jail|sentenced|ergastolo|perpetu|lebenslang|réclusion", re.I)
_DEATH_BEFORE = re.compile(r"\bdeath\b|\bTod|\bmort\b|\bmuerte\b|\bmorte\b", re.I)


def _is_life_term(f: SentenceFacts, q: Quantity) -> bool:
    """A life term, not a death sentence "commuted to life" or "life" in another sense."""
    if _DEATH_BEFORE.search(f.text[max(0, q.start - 120) : q.start]):
        return False
    clause = re.split(r"[;]|, while |, but | but ", f.text[max(0, q.start - 70) : q.start])[-1]
    if TERM_BLOCK.search(clause[-45:]) or TERM_BLOCK.search(q.text):
        return False  # "can carry a life sentence", "prosecutors sought life"
    return bool(_LIFE_TERM.search(q.text) or _LIFE_TERM.search(f.text[max(0, q.start - 40) : q.end + 20]))


def sentence_months_of(facts: list[SentenceFacts], count: int | None = None) -> tuple[tuple[object, object] | None, Found | None]:
    """[min, max] prison term across the accused, in months, "life" at either end.

    Headlines and approximate wording ("nearly ten years") round the terms, so they count only
    when the body states none exactly. One accused with a life term serves life, whatever
    concurrent terms come with it.
    """
    exact: list[tuple[object, Found]] = []
    rough: list[tuple[object, Found]] = []
    for f in facts:
        for q in f.durations:
            if q.value == "life":
                if not _is_life_term(f, q):
                    continue
            elif not _is_term(f, q.start, q.end):
                continue
            weak = f.is_title or bool(_APPROXIMATE.search(f.text[max(0, q.start - 20) : q.start]))
            (rough if weak else exact).append((q.value, Found(f, q.rule, 0.5 if weak else 0.75)))
    chosen = exact or rough
    if not chosen:
        return None, None
    lows = [end for end, _ in chosen]
    found = chosen[0][1]
    numbers = sorted(v for v in lows if isinstance(v, int))
    life = "life" in lows
    if life and count == 1:
        return ("life", "life"), next(fd for end, fd in chosen if end == "life")
    low_v: object = numbers[0] if numbers else "life"
    high_v: object = "life" if life else numbers[-1]
    return (low_v, high_v), found


# ---------------------------------------------------------------- payments

PAY_CUE = re.compile(r"\bpaid|\bpay(?:ing|s|ments?)?\b|received|receiving|receive|accepted|earned|in exchange|"
                     r"in return|compensat|\bsold\b|selling|\bfor (?:about |around |some |at least |more than )?$|"
                     r"totall?ing|remunerat|envelope|cash|erhielt|bezahlt|Geld|reçu|payé|recibi|pagos?|"
                     r"ricevut|compenso|incass|in cambio|\beach\b|traced|\bper\s+$|\bfür\s+$|\bpour\s+$", re.I)
PAY_BLOCK = re.compile(r"\bfined?\b|\bfines\b|bail|reward|salar|wage|fortnight|seized|\bfound\b|confiscat|demand|"
                       r"asked for|sought|damages|worth|budget|price|cost|bounty|settle|acquisition|shares|"
                       r"Kaution|amende|multa|cauzione|Geldstrafe|subscription|donat|raised|\bby (?:him|her)\b|"
                       r"\bhe paid\b|\bshe paid\b|member|subscri|support|donate|clients|ordered to pay|paid (?:\w+ ){0,3}(?:writers|sources|people|others)|\bbuy|bought|purchas|"
                       r"dead drop|to leave\b|payment for an? (?:\w+ )?(?:source|informant|contact|asset)", re.I)
_CONVERSION = re.compile(r"^\s*\(?\s*(?:roughly|about|around|approximately|some|or|equivalent to|=|~)?\s*$", re.I)


def payments_of(facts: list[SentenceFacts]) -> tuple[list[tuple[float, str]], Found | None]:
    """Sums paid to the accused, in the printed currency, without conversions or trap sums."""
    out: list[tuple[float, str]] = []
    found: Found | None = None
    for f in facts:
        previous_end = -100
        for q in f.money:
            between = f.text[previous_end:q.start] if previous_end >= 0 else ""
            previous_end = q.end
            if between and _CONVERSION.match(between) and "(" in between:
                continue
            before, after = _window(f.text, q.start, q.end, 80, 40)
            if PAY_BLOCK.search(before[-50:]) or PAY_BLOCK.search(after[:25]):
                continue
            if not (PAY_CUE.search(before) or PAY_CUE.search(after[:30])):
                continue
            item = (float(q.value), q.currency or "USD")  # type: ignore[arg-type]
            if item not in out:
                out.append(item)
                found = found or Found(f, q.rule, 0.7)
    return out, found


# ---------------------------------------------------------------- period

SPY_ACT = re.compile(r"spied|spying|spy\b|espionage|passed|provid|sold|shar|handed|worked for|working for|recruit|helped|"
                     r"surveillance|reconnaissance|hack|intrusion|"
                     r"(?:scheme|conspiracy|plot|operation|network) ran|"
                     r"arrangement|collaborat|informa|agent|tasked|lasted|supplied|transmit|leak|contact|"
                     r"met (?:with )?(?:his|her|their)|meetings|photograph|Spion|espion|spionaggio|reclutat|"
                     r"trabaj|colabor|received|payments|collect|copied|cooperat|continued|began|supported|uploaded|conspiracy|"
                     r"gathering|steal|stole", re.I)
_Y = r"(?:19[4-9]\d|20[0-4]\d)"
_MONTHS = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,? )?"
PERIOD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("period.between", re.compile(rf"\b(?:between|from|desde|dal|von|de|zwischen|entre|tra|fra) {_MONTHS}(?P<a>{_Y}) (?:and|to|until|till|through|hasta|al|bis|à|und|et|y|e) {_MONTHS}(?P<b>{_Y})\b", re.I)),
    ("period.months", re.compile(rf"\b(?:between|from) (?:January|February|March|April|May|June|July|August|September|October|November|December) "
                                 rf"(?:and|to|until) (?:January|February|March|April|May|June|July|August|September|October|November|December),? (?P<a>{_Y})(?P<b>)\b", re.I)),
    ("period.dash", re.compile(rf"(?<![\d-])(?P<a>{_Y})\s?[-–]\s?(?P<b>{_Y}|\d\d)(?![\d-])")),
    ("period.in_and", re.compile(rf"\bin (?P<a>{_Y}) and (?P<b>{_Y})\b")),
    ("period.since", re.compile(rf"\b(?:since|from|beginning in|starting in|desde|dal|seit) (?:at least |as early as )?{_MONTHS}(?P<a>{_Y})\b", re.I)),
    ("period.recruited", re.compile(rf"\b(?:recruited|reclutad[oa]|reclutat[oa]|angeworben)[^.;]{{0,40}}?\b(?:in|en|nel) {_MONTHS}(?P<a>{_Y})\b", re.I)),
)
PERIOD_END = re.compile(rf"\buntil (?:shortly before )?(?:his|her|their) (?:arrest|detention)[^.;]{{0,25}}?\b(?P<b>{_Y})\b|"
                        rf"\buntil (?:he|she|they) (?:was|were) (?:arrested|detained)[^.;]{{0,25}}?\b(?P<d>{_Y})\b|"
                        rf"\b(?:continued|cooperate|cooperated|worked) until {_MONTHS}(?P<e>{_Y})\b|"
                        rf"hasta su (?:detención|arresto) en {_MONTHS}(?P<c>{_Y})", re.I)
# "For nearly five years, until his arrest in January 2012": the start is the end minus the years.
PERIOD_SPAN_UNTIL = re.compile(rf"\bfor (?:nearly |almost |about |around |some |more than |over )?(?P<n>\w+) years,? until "
                               rf"(?:his|her|their) (?:arrest|detention)[^.;]{{0,25}}?\b(?P<y>{_Y})\b", re.I)
_RANGE_RULES = ("period.between", "period.months", "period.dash", "period.in_and")


_CLAUSE_BREAK = re.compile(r";|:|\.\s|, (?:and|but|while|when|after|before|where|although)\b| but |, who |, which ")
_START_CUE = re.compile(r"(?:since|from|beginning in|starting in|as early as|at least|recruited in|in|desde|dal|seit|depuis|"
                        r"reclutad[oa] (?:\w+ ){0,3}en|reclutat[oa] (?:\w+ ){0,3}nel)\s+(?:at least\s+)?(?:\w+\s+)?$", re.I)
_OPEN_START = re.compile(r"(?:(?:began|begun|started|start|became|ordered|instructed|tasked|directed)\b[^.;]{0,50}|since|from|beginning in|starting in|as early as|desde|dal|seit|depuis)\s+(?:at least\s+|mindestens\s+|al menos\s+|almeno\s+|au moins\s+)?(?:\w+\s+)?$|"
                         r"(?:recruited|reclutad[oa]|reclutat[oa]|angeworben|anwerben|first tasked)\b[^.;]{0,50}$", re.I)
_END_CUE = re.compile(r"(?:until|till|through|to|bis|hasta|fino al|jusqu'en|jusqu’en)\s+(?:\w+\s+)?$", re.I)
_RELATIVE = (("period.last_year", re.compile(r"\blast year\b|\bl'anno scorso\b|\bel año pasado\b|\bletztes Jahr\b", re.I), -1),
             ("period.this_year", re.compile(r"\b(?:earlier )?this year\b", re.I), 0),
             ("period.this_week", re.compile(r"\b(?:on|last) (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
                                             r"\blast (?:night|week)\b|\byesterday\b|\bthis week\b", re.I), 0))


def _clause(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause around ``pos``."""
    start = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, pos):
        start = m.end()
    nxt = _CLAUSE_BREAK.search(text, pos)
    return start, nxt.start() if nxt else len(text)


# Verbs of the spying itself (not the nouns "spying", "espionage", which name the charge).
SPY_VERB = re.compile(r"\b(?:spied|passed|provided|providing|sold|selling|shared|handed (?:over )?|supplied|transmitted|leaked|"
                      r"photographed|copied|collected|collecting|gathered|gathering|recruited|tasked|began (?:\w+ing)|"
                      r"met (?:with )?(?:his|her|their|a|an)|worked (?:for|as an? agent)|cooperated|collaborated|delivered|"
                      r"uploaded|stole|removed|took (?:money|payments|cash)|received (?:payments|money|cash|\$|€|£)|contacted|"
                      r"approached|visited|travel(?:l)?ed|reclutad[oa]|pas[óo]|entreg[óo]|trabaj[óo]|consegn\w+|cedut\w+|"
                      r"vendut\w+|übergab|weitergegeben|angeworben|beschafft|livr\w+|transmis|supported|worked|acted|agreed to work|"
                      r"spionierte|ausgespäht|ausspioniert|sammelte|gab|lasted|continued|spying|espionage arrangement|helped|assisted|"
                      r"became (?:an? )?(?:active |paid )?(?:source|agent|informant|asset)|cedev\w*|passav\w*|vendev\w*|"
                      r"(?:case|scheme|plot|conspiracy|operation|spying|espionage|cooperation|contacts?) (?:began|started)|"
                      r"(?:ordered|instructed|tasked|assigned|directed)\b(?=[^.;]{0,40}\bto (?:report|spy|collect|gather|obtain|monitor|"
                      r"photograph|leave|pass|deliver|recruit|identify))|"
                      r"met\b|smuggled|handing|passing|delivering|photographing|giving|"
                      r"receiv\w+ (?:\w+ )?(?:documents|information|secrets|material|files))", re.I)
# "arrested in 2021 while handing over documents": caught in the act, the year is an act's year.
_CAUGHT_IN_ACT = re.compile(r"^[^.;]{0,60}?\b(?:while|as (?:he|she|they) (?:was|were)|mentre|mientras|während|alors qu\w*|pendant qu\w*)\b", re.I)


_TO_AUTHORITY = re.compile(r"\s*(?:\w+\s+){0,3}?(?:to|over to)\s+(?:the\s+)?(?:prosecutors?|court|police|investigators)\b", re.I)


def _act_before_step(f: SentenceFacts, lo: int, hi: int, pos: int) -> bool:
    """Whether the nearest verb to ``pos`` inside [lo, hi) is a spying act, not a legal step."""
    acts = [m for m in SPY_VERB.finditer(f.text, lo, hi) if not _TO_AUTHORITY.match(f.text, m.end())]
    if not acts:
        return False
    steps = [h for h in f.stages if lo <= h.start < hi]
    dist = min(abs(pos - (m.end() if m.end() <= pos else m.start())) for m in acts)
    step_dist = min((abs(pos - (h.end if h.end <= pos else h.start)) for h in steps), default=10**6)
    return dist < step_dist


def _act_years(facts: list[SentenceFacts], published_year: int | None) -> tuple[list[tuple[int, str]], Found | None]:
    """(year, "start"|"end"|"act") for every year the text ties to the spying."""
    out: list[tuple[int, str]] = []
    found: Found | None = None
    for f in facts:
        marks = [(q.start, q.end, int(q.value)) for q in f.years if f.text[q.end : q.end + 1] != "s"]  # type: ignore[call-overload]
        if published_year:
            for _rule, pattern, delta in _RELATIVE:
                for m in pattern.finditer(f.text):
                    marks.append((m.start(), -m.end(), published_year + delta))  # negative end: relative
        for start, end, year in marks:
            relative = end < 0
            end = abs(end)
            lo, hi = _clause(f.text, start)
            caught = _CAUGHT_IN_ACT.match(f.text[end:]) and SPY_VERB.search(f.text, end, end + 160)
            if not (_act_before_step(f, lo, hi, start) or caught):
                continue
            before = f.text[max(lo, start - 70) : start]
            if re.search(r"born\s+(?:in\s+)?(?:\w+\s+)?$|\bage\b", before, re.I):
                continue
            kind = "start" if _OPEN_START.search(before) else "end" if _END_CUE.search(before) else "act"
            out.append((year, "relative" if relative and kind == "act" else kind))
            found = found or Found(f, "period.act_year", 0.55)
    return out, found


def period_of(facts: list[SentenceFacts], published_year: int | None) -> tuple[tuple[int | None, int | None] | None, Found | None]:
    """Years the spying went on, when the text ties them to it.

    An explicit range tied to the acts wins ("between 2004 and 2012"); otherwise the years of
    the acts span the period, an open start ("since 2015", "recruited in 2018") stays open
    unless an end is stated ("until his arrest in 2020"), and a single dated act is [y, y].
    """
    for f in facts:
        m = PERIOD_SPAN_UNTIL.search(f.text)
        n = number_of(m.group("n")) if m else None
        if m and n and 0 < n < 60:
            last = int(m.group("y"))
            return (last - int(n), last), Found(f, "period.span_until", 0.6)
    hit = _period_matches(facts, ranges=True)
    years, found = _act_years(facts, published_year)
    if published_year:
        years = [(y, k) for y, k in years if y <= published_year]
    if any(k != "relative" for _, k in years):
        years = [(y, k) for y, k in years if k != "relative"]  # printed years win over "on Tuesday"
    years = [(y, "act" if k == "relative" else k) for y, k in years]
    if hit is not None:
        start, end, f, rule = hit
        if not (published_year and start > published_year):
            # an open start stated elsewhere ("from at least 2001") may begin the spying earlier
            earlier = [y for y, k in years if k == "start" and y < start]
            return (min(earlier, default=start), end), Found(f, rule, 0.6)
    hit = _period_matches(facts, ranges=False)
    if hit is not None:
        start, _end, f, rule = hit
        if not (published_year and start > published_year):
            end = _period_end(facts, start)
            return (start, end if end is not None else _arrest_year(facts, start)), Found(f, rule, 0.6)
    if not years:
        return None, None
    low = min(y for y, _ in years)
    closing = [y for y, k in years if k != "start" and y >= low]
    explicit_end = _period_end(facts, low)
    if explicit_end is not None:
        closing.append(explicit_end)
    starts_only = all(k == "start" for y, k in years if y == low) and not [y for y in closing if y > low]
    high = max(closing) if closing and not starts_only else None
    if high is None and starts_only:
        high = _arrest_year(facts, low)
    return (low, high), found


def _year(text: str | None) -> int | None:
    if not text or len(text) == 2:
        return None
    return int(text)


def _period_matches(facts: list[SentenceFacts], ranges: bool) -> tuple[int, int | None, SentenceFacts, str] | None:
    for f in facts:
        if not SPY_ACT.search(f.text) or not (ranges or _about_someone(f)):
            continue  # "services have stepped up recruitment since 2022": about nobody
        for rule, pattern in PERIOD_RULES:
            if (rule in _RANGE_RULES) != ranges:
                continue
            for m in pattern.finditer(f.text):
                if rule == "period.in_and" and not _act_before_step(f, *_clause(f.text, m.start()), m.start()):
                    continue
                start = _year(m.group("a"))
                end = _year(m.groupdict().get("b"))
                if rule == "period.dash" and m.group("b") and len(m.group("b")) == 2 and start:
                    end = start // 100 * 100 + int(m.group("b"))
                if rule == "period.months":
                    end = start  # "between April and September 1974"
                if start is None or (end is not None and end < start):
                    continue
                return start, end, f, rule
    return None


def _arrest_year(facts: list[SentenceFacts], start: int) -> int | None:
    """The year of the accused's arrest, when the text dates it ("arrested in September 2020"):
    spying that began and was never said to stop went on until the arrest."""
    for f in facts:
        for h in f.stages:
            if h.kb_id != "arrested":
                continue
            lo, hi = _clause(f.text, h.start)
            years = [int(q.value) for q in f.years if lo <= q.start < hi and q.start > h.start]  # type: ignore[call-overload]
            if years and years[0] >= start:
                return years[0]
    return None


def _period_end(facts: list[SentenceFacts], start: int) -> int | None:
    for f in facts:
        for m in PERIOD_END.finditer(f.text):
            year = next((int(g) for g in m.groups() if g), None)
            if year is not None and year >= start:
                return year
    return None


# ---------------------------------------------------------------- countries

# Sponsor cues. Rule id -> pattern on the text just before a country or service word.
SPONSOR_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("sponsor.on_behalf", re.compile(r"(?:on behalf of|in the pay of|at the behest of|recruited by|tasked by|run by|"
                                     r"working for|worked for|work for|spying for|spied for|spy for|spies for|agents? for|(?:an|illegal|unregistered|secret) agents? of|"
                                     r"at the direction of|on the orders of|at the request of|on instructions from|(?:sent|dispatched) by|"
                                     r"informants? for|espionage for|intelligence for|acting for|acted for|benefit of|"
                                     r"im Auftrag (?:des|der|von)|für(?:\s+(?:den|die|das))?|pour le compte d[eu]|au profit d[eu]|pour|"
                                     r"a favor de|para(?:\s+(?:el|la))?|al servizio d[eial]+|per conto d[eial]+|per(?:\s+(?:il|la|i))?)"
                                     r"\s+(?:the\s+|a\s+|an\s+|la\s+|le\s+|l’|l'|el\s+|los\s+|il\s+|den\s+|die\s+|des\s+)?$", re.I)),
    ("sponsor.passed_to", re.compile(r"\b(?:pass\w*|hand\w*|s[oe]ld|sell\w*|leak\w*|provid\w*|transmit\w*|gave|giv\w+|deliver\w*|"
                                     r"sen[dt]\w*|suppl\w+|shar\w+|feed\w*)\b[^.;]{0,70}?\bto\s+(?:the\s+|a\s+|an\s+)?$|"
                                     r"\b(?:vendut\w*|cedut\w*|consegnat\w*|passat\w*|vend\w+|entreg\w+|pas[óo]\w*|remis\w*|livr\w+|"
                                     r"transmis\w*|übergeben|weitergegeben|geliefert|verkauft)\b[^.;]{0,70}?"
                                     r"\b(?:a|à|alla|al|ai|agli|a la|aux|au|an)\s+(?:la\s+|il\s+|den\s+|die\s+)?$", re.I)),
)
# What may follow an adjective for it to name a sponsor ("Chinese intelligence", "Russia's GRU").
SPONSOR_AFTER = re.compile(r"^(?:'s|’s)?[\s-]+(?:\w+[\s-]+){0,2}?(?:intelligence|spy|spies|agents?|handlers?|spymasters?|"
                           r"intelligence officers?|secret services?|special services|security services?|military intelligence|"
                           r"espionage|state security|Geheimdienst\w*|Nachrichtendienst\w*|renseignement|services secrets|"
                           r"inteligencia|servizi|intelligence russa)\b", re.I)
# Contexts that make a service the accused's employer or the investigator, not the sponsor.
SERVICE_NOT_SPONSOR = re.compile(r"(?:employee|employed|official|member|officer|analyst|agent|staff|head|director|chief|spokes\w+)s?"
                                 r"\s+(?:of|at|with|in|de|du|des|der|del|della)\s+(?:la\s+)?(?:the\s+)?(?:\w+\s+){0,2}$|(?:former|ex-|anciens?|ehemalige\w*)\s+(?:\w+\s+){0,3}$|"
                                 r"(?:by|to|told|said|says|according to)\s+(?:the\s+)?$", re.I)
_NAME_FORMS = frozenset({"name", "capital"})
_OFFICIAL_OF = re.compile(r"\b(?:director|head|chief|spokes\w+|officials?|minister|deputy|boss)(?:\s+general)?\s+(?:of|for|at)\s+(?:the\s+)?$", re.I)
_FOR_STATE = re.compile(r"\bfor\s+(?:the\s+)?$", re.I)
_FOREIGN_KINDS = frozenset({"foreign", "military", "combined"})


def _form(hit: Hit) -> str:
    parts = hit.rule.split(".")
    return parts[3] if len(parts) > 3 else "name"


def _sponsor_country_hit(f: SentenceFacts, c: Hit, target: str | None) -> str | None:
    """Rule id when the country word at ``c`` names the state the accused worked for."""
    before, after = _window(f.text, c.start, c.end, 80, 50)
    if c.kb_id == target or re.match(r"^[\s-]?(?:born|based)\b", after, re.I) or re.search(r"double agent for\s+$", before, re.I):
        return None
    if _OFFICIAL_OF.search(before):
        return None  # "director of Lithuania's State Security Department": an official's employer
    if re.search(r"\bby\s+(?:the\s+)?$", before) and any(0 <= c.start - h.end <= 12 for h in f.stages):
        return None  # "arrested by Latvia's security service": the authority
    m = SPONSOR_AFTER.match(after)
    if m:
        acting = any(0 <= h.start - (c.end + m.end()) <= 25 for h in f.stages)
        about = _about_someone(f) or bool(f.stages)
        return None if acting or not about else "sponsor.intelligence"  # "Philippine agents arrested"
    if _form(c) in _NAME_FORMS or re.match(r"^(?:'s|’s)?\s*(?:government|state|regime|embassy|military)\b", after, re.I):
        for rule, pattern in SPONSOR_BEFORE:
            if pattern.search(before) and before.strip():
                return rule
        if _FOR_STATE.search(before) and SPY_ACT.search(before):
            return "sponsor.for_state"
    return None


_LEAD_GAP = re.compile(r"^(?:'s|’s)?(?:\s+[A-Z][\w-]*){0,3}\s*$")


def _service_lead(f: SentenceFacts, s: Hit) -> int:
    """Where the name of a service begins, a country word before it included ("China's MSS",
    "Latvia's State Security Service")."""
    return next((c.start for c in f.countries
                 if 0 <= s.start - c.end <= 30 and _LEAD_GAP.match(f.text[c.end : s.start])), s.start)


def _sponsor_service_hit(f: SentenceFacts, s: Hit, target: str | None) -> str | None:
    country = service_country(s.kb_id)
    lead = _service_lead(f, s)
    before, after = f.text[max(0, lead - 80) : lead], f.text[s.end : s.end + 40]
    at_start = lead <= 80  # the window holds the sentence start: "For the DGSE, the case ..." is a topic
    explicit = any((m := p.search(before)) is not None and not (at_start and not before[: m.start()].strip())
                   for _, p in SPONSOR_BEFORE)
    found_svc = lexicon.service_by_id(s.kb_id)
    if explicit and found_svc is not None and found_svc.kind in ("police", "domestic") and re.search(r"\bagents? of\s+(?:the\s+)?$", before, re.I):
        explicit = False  # "agents of the FBI": its own officers
    if country is None or (country == target and not explicit):
        return None
    operative = re.search(r"\b(?:agents?|officers?|operatives?|spies|spy)\s+(?:of|from)\s+(?:the\s+)?$", before, re.I)
    if operative and found_svc is not None and found_svc.kind in _FOREIGN_KINDS:
        explicit = True  # "two agents of the Reconnaissance General Bureau": its operatives
    if not explicit and SERVICE_NOT_SPONSOR.search(before[-40:]):
        return None
    if not explicit and any(0 <= h.start - s.end <= 25 for h in f.stages):
        return None  # "Shin Bet officers arrested ...": the service acts against the accused
    svc = lexicon.service_by_id(s.kb_id)
    if svc is None:
        return None
    if explicit or svc.kind in _FOREIGN_KINDS or (svc.kind != "police" and re.match(r"^\s*(?:officers?|agents?|handlers?)\b", after, re.I)):
        return "sponsor.service"
    return None


_MISSION_AFTER = re.compile(r"^(?:'s|’s)?\s+(?:embassy|high commission|consulate|mission|diplomat|diplomats|"
                            r"defen[cs]e attaché|military attaché|trade mission)\b", re.I)


def mission_state(facts: list[SentenceFacts], target: str | None) -> tuple[str | None, Found | None]:
    """The state whose embassy or mission an expelled person served ("a staff member of the
    Indian High Commission"): expelled diplomats spy for their own state."""
    for f in facts:
        if not any(h.kb_id == "expelled" for h in f.stages):
            continue
        for c in f.countries:
            if c.kb_id != target and _MISSION_AFTER.match(f.text[c.end : c.end + 40]):
                return c.kb_id, Found(f, "sponsor.own_mission", 0.6)
    return None, None


def sponsor_of(facts: list[SentenceFacts], target: str | None) -> tuple[str | None, str | None, Found | None]:
    """State (and named service) the accused worked for: first named in reading order."""
    for f in facts:
        hits: list[tuple[int, str | None, str | None, str]] = []
        previous: tuple[Hit, str | None] | None = None
        services = f.services
        for i, s in enumerate(services[:-1]):
            nxt = services[i + 1]
            if f.text[s.end : nxt.start].strip() == "(" and service_country(nxt.kb_id) != service_country(s.kb_id):
                services = [*services[:i], *services[i + 1 :]]  # "Staatssicherheit (MSS)": the bracket says which
                break
        for s in services:
            if previous and 0 <= s.start - previous[0].end <= 3 and f.text[previous[0].end : s.start].strip() == "(":
                rule = previous[1]  # "Federal Security Service (FSB)": the acronym shares the verdict
            else:
                rule = _sponsor_service_hit(f, s, target)
            previous = (s, rule)
            if rule:
                # "the Chinese Ministry of State Security": an adjective right before names the state
                adjective = next((c.kb_id for c in f.countries if 0 <= s.start - c.end <= 20 and _form(c) == "adjective"
                                  and not re.search(r"[,.;()]", f.text[c.end : s.start])), None)
                hits.append((s.start, adjective or service_country(s.kb_id), s.text, rule))
        for c in f.countries:
            rule = _sponsor_country_hit(f, c, target)
            if rule and not any(h[0] <= c.start < h[0] + 40 and h[1] == c.kb_id for h in hits):
                hits.append((c.start, c.kb_id, None, rule))
        if hits:
            first = min(hits, key=lambda h: h[0])
            service = first[2]
            if service is None:  # "Russia's GRU": the service right after the country word
                service = next((s.text for s in f.services if 0 <= s.start - first[0] <= 45
                                and service_country(s.kb_id) == first[1]), None)
            return first[1], service, Found(f, first[3], 0.7)
    return None, None, None


TARGET_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:\w+\s){0,2}?(?:police|prosecutors?|court|courts|authorities|government|jury|judge|"
                          r"tribunal|counter-?intelligence|state security|security service|foreign ministry|"
                          r"military court|army chief|navy|security agency|officials said|Justice Department|"
                          r"Polizei|Bundesanwaltschaft|Gericht|Staatsanwalt|justice|procura|tribunale|Corte|fiscal|"
                          r"jails|arrests|charges|expels|sentences|convicts|detains|indicts|orders|jailed|arrested|charged|expelled|"
                          r"responded|retaliated|declared|declaring|expelling|summoned|prosecuted|prosecutes|indicted|"
                          r"sentenced|convicted|detained|indicted)", re.I)
TARGET_BEFORE = re.compile(r"(?:\bin|\bfrom|leave|by|across|\bof)\s+(?:the\s+)?$", re.I)

_PASSIVE = re.compile(r"\b(?:was|were|been|be|is|are|being)\s+(?:\w+\s+)?(?:jailed|arrested|charged|expelled|"
                      r"sentenced|convicted|detained|indicted)\b", re.I)
_SPONSOR_SIDE = re.compile(r"(?:on behalf of|for|to|of|from|with)\s+(?:the\s+)?$", re.I)
_DOMESTIC_KINDS = frozenset({"domestic", "police", "combined"})
_DATELINE = re.compile(r"^\s*(?:[—–-]|,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*\.?\s+\d{1,2}\b)")


@cache
def _authorities() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(rule id, alpha-2, pattern) for courts, prosecutors and police forces (data file)."""
    return tuple((rid, country, re.compile(rf"(?<!\w)(?:{pattern})(?!\w)", re.I))
                 for rid, country, pattern in read_rows("case_authorities.tsv", 3))


def target_of(facts: list[SentenceFacts]) -> tuple[str | None, Found | None]:
    """State that arrests, prosecutes or expels: strongest cue first, then reading order.

    Cues: a country word before an authority or an active step ("Polish authorities
    arrested"; not "Bulgarians ... were sentenced"), a court or police force of the
    authorities table, a domestic service in a sentence reporting a step ("the FBI arrested"),
    a place after "in"/"by" in such a sentence.
    """
    scored: list[tuple[float, int, str, Found]] = []
    for order, f in enumerate(facts):
        weight = 1.5 if f.stages else 1.0
        for c in f.countries:
            before, after = _window(f.text, c.start, c.end, 30, 50)
            if _sponsor_country_hit(f, c, None):
                continue  # "agents of Saudi Arabia", "for Chinese intelligence": the other side
            m = TARGET_AFTER.search(after)
            if m and not _PASSIVE.search(after[: m.end() + 12]) and not _SPONSOR_SIDE.search(before[-20:]):
                scored.append((3 * weight, -order, c.kb_id, Found(f, "target.authority", 0.8)))
            elif (m2 := TARGET_BEFORE.search(before)) and f.stages and (
                    not m2.group().lstrip().lower().startswith("by")
                    or any(0 <= c.start - h.end <= 25 for h in f.stages)):  # "arrested by the X", not "used by the X"
                scored.append((1.5 * weight, -order, c.kb_id, Found(f, "target.place", 0.5)))
        if order == 0 and f.countries and f.countries[0].start == 0 and _DATELINE.match(f.text[f.countries[0].end :]):
            # "TAIPEI — ...", "SEOUL, May 10 (HSL) -": where the story is reported from
            scored.append((1.0, -order, f.countries[0].kb_id, Found(f, "target.dateline", 0.4)))
        for rid, country, pattern in _authorities():
            if pattern.search(f.text):
                scored.append((2.5 * weight, -order, country, Found(f, rid, 0.7)))
        if f.stages:
            for s in f.services:
                svc = lexicon.service_by_id(s.kb_id)
                lead = _service_lead(f, s)
                if f.text[max(0, s.start - 2) : s.start].strip() == "(":
                    continue  # "Ministry of Public Security (MPS)": judged with the name before it
                if (svc is not None and svc.kind in _DOMESTIC_KINDS and not _SPONSOR_SIDE.search(f.text[max(0, lead - 20) : lead])
                        and not _sponsor_service_hit(f, s, None)):
                    # "Estonia's Internal Security Service": the country word names whose service it is
                    owner = next((c.kb_id for c in f.countries if c.start == lead), svc.country)
                    scored.append((2.0 * weight, -order, owner, Found(f, "target.domestic_service", 0.6)))
    if not scored:
        return None, None
    totals: dict[str, float] = {}
    for score, _, code, _ in scored:
        totals[code] = totals.get(code, 0) + score
    best = max(totals, key=lambda k: totals[k])
    found = next(fd for _, _, code, fd in sorted(scored, reverse=True) if code == best)
    return best, found


# ---------------------------------------------------------------- accused

_INSTITUTION = re.compile(r"^(?:Army|Navy|Air|Force|Defen[cs]e|Forces|Ministry|Police|Marine|Corps|Coast|Guard|"
                          r"Ambassador|Consulate|Embassy|Government|District|Federal|Court|Parliament)$", re.I)
# Person nouns that do not make the person accused: officials and counterparts of a story.
_NOT_ACCUSED_NOUNS = frozenset({"resident", "spy", "agent", "people", "lawyer", "president", "judge", "prosecutor",
                                "authority", "investigator", "police", "minister"})
_EXPELLED_NOUNS = frozenset({"official", "diplomat", "consul", "attaché", "officer", "ambassador"})
_COUNTERPART_BEFORE = re.compile(r"(?:\bto|(?<!along )(?<!together )\bwith|\bfor|\bfrom|\bmet|meeting|identity of|posing as|false|fake|"
                                 r"spying on|spied on|information (?:on|about)|reporting on|watching|monitoring|"
                                 r"cover as|summoned|against|then|born in|nacid[oa] en|geboren in|née? à|nat[oa] a)\s+"
                                 r"(?:a|an|the|two|three|his|her|their|several|other|another|un|una|ein|eine)?\s*$", re.I)
# "a meeting with Ivan Petrov, a Soviet embassy official": the nationality of the counterpart.
_COUNTERPART_NAMED = re.compile(r"\b(?:to|with|from|met|meeting|handler|contact)\s+(?:[A-Z][\w'’.-]+\s+){1,3}?[A-Z][\w'’.-]+,\s+"
                                r"(?:a|an|the)\s+(?:\w+\s+)?$")
_PASSPORT = re.compile(r"^\s+(?:passports?|citizenship|nationality|citizens?|nationals?|Staatsbürger\w*|"
                       r"Staatsangehörig\w*)\b|^\s*(?:dual|double)\s+(?:national|citizen)", re.I)
_CITIZEN_BEFORE = re.compile(r"(?:citizens?|nationals?|passports?|citizenship|ciudadan[oa]s?|cittadin[oa]|citoyen(?:ne)?s?|"
                             r"ressortissant(?:e)?s?|Staatsbürger\w*) (?:of (?:the )?)?$", re.I)
_MID_STOP = re.compile(r"\w+ed|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|of|and|as|to|in|for|with|by|"
                       r"who|was|is|were|are|y|e|et|und|de|di|del|della|von|at|on|from", re.I)
_LIST_GAP = re.compile(r"^(?:,\s*|\s+and\s+|,\s+and\s+|-|/|\s+y\s+|\s+e\s+|\s+und\s+|\s+et\s+)$")


def _person_noun_pattern() -> re.Pattern[str]:
    nouns = sorted({n.lower() for n in case_rules.person_nouns()} | {t.text.lower() for t in lexicon.role_terms('en')}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"^(?P<mid>(?:[\w'’.-]+ ){{0,2}}?)(?P<noun>{alt})(?:s|es)?\b", re.I)


_PERSON_NOUN = _person_noun_pattern()


def _singular(noun: str) -> str:
    noun = noun.lower()
    for end in ("es", "s"):
        if noun.endswith(end) and noun[: -len(end)] in _NOT_ACCUSED_NOUNS | _EXPELLED_NOUNS:
            return noun[: -len(end)]
    return noun


# A nationality word used of a person directly: before a full name, or as a noun.
_DEMONYM_AS_PERSON = re.compile(r"^\s+[A-Z][a-zà-ÿ’'-]+\s+[A-Z][a-zà-ÿ’'-]+|^\s+(?:who|whom)\b")
_TITLE_AFTER = re.compile(r"^\s+(?:President|Prime|Premier|Foreign|Defence|Defense|Interior|Minister|Ambassador|Embassy|"
                          r"Navy|Army|Air|Ministry|Government|National|Federal|State|Supreme|High|Central|Communist|Coast)\b")
_SPEAKER_AFTER = re.compile(r"^\s*(?:said|say|says|told|announced|confirmed|declined|denied|stated|added)\b", re.I)
# Country words that can give a nationality: a capital ("a New Taipei councillor", "the
# embassy in Berlin") never does; a country name only as "citizen of X" or "X passports".
_NATIONALITY_FORMS = frozenset({"adjective", "demonym", "citizen"})


def _attached(text: str, hit: Hit, expelled: bool) -> bool:
    """Whether the nationality word at ``hit`` is given to a person of the story."""
    if _form(hit) == "capital":
        return False
    after = text[hit.end : hit.end + 60]
    before = text[max(0, hit.start - 25) : hit.start]
    if re.match(r"^\s+intelligence\s+(?:officer|agent|operative)", after, re.I) and re.fullmatch(r"\s*(?:an?|the)?\s*", text[: hit.start], re.I):
        return True  # "A Chinese intelligence officer who ... was sentenced": the sentence's subject
    if re.match(r"^[\s-]?(?:born|based|origin)\b|^\s+(?:intelligence|government|state|authorities)\b", after, re.I):
        return False
    if _COUNTERPART_BEFORE.search(before) or _COUNTERPART_NAMED.search(text[max(0, hit.start - 70) : hit.start]):
        return False
    if _CITIZEN_BEFORE.search(before) or _PASSPORT.match(after):
        return True
    if _form(hit) not in _NATIONALITY_FORMS:
        return False
    if _DEMONYM_AS_PERSON.match(after) and _form(hit) in _NATIONALITY_FORMS and not _TITLE_AFTER.match(after):
        return True  # "Singaporean Dickson Yeo jailed", "a Singaporean who ..."
    m = _PERSON_NOUN.match(after[1:]) if after[:1] == " " else None
    if not m:
        return False
    shouting = text.isupper() or text[:40].isupper()
    mid = m.group("mid").split()
    if any(_MID_STOP.fullmatch(w) for w in mid):
        return False  # a verb or a count between them: "Sweden expelled three Russian diplomats"
    words = mid + m.group("noun").split()
    if not shouting and any(w[:1].isupper() and _INSTITUTION.match(w) for w in words):
        return False  # "a New Zealand Army private", "U.S. District Judge": an institution, not a nationality
    noun = _singular(m.group("noun"))
    if noun in _NOT_ACCUSED_NOUNS and not (expelled and noun in _EXPELLED_NOUNS):
        return False
    if m.group("noun").lower() == "officials" and not expelled:
        return False  # "British officials warned": the authorities, unless officials are expelled
    if _SPEAKER_AFTER.match(after[1 + m.end() :]):
        return False  # "Norwegian officials said": speakers, not the accused
    if re.search(r"handler|contact|recruiter|intelligence officers?", after[: m.end() + 2], re.I):
        return False
    return hit.text[:1].isupper() or shouting


def nationality_of(facts: list[SentenceFacts]) -> tuple[list[str], Found | None]:
    """Nationalities the text gives the accused ("Taiwanese soldiers", "a German citizen").

    Lists share the verdict of their last word: "American, British and Irish citizenship",
    "a Russian-Spanish dual national".
    """
    out: list[str] = []
    found: Found | None = None
    expelled = any(h.kb_id == "expelled" for f in facts for h in f.stages)
    for f in facts:
        hits = f.countries
        verdicts = [False] * len(hits)
        for i in range(len(hits) - 1, -1, -1):
            c = hits[i]
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if nxt is not None and _LIST_GAP.match(f.text[c.end : nxt.start]):
                verdicts[i] = verdicts[i + 1]
            else:
                verdicts[i] = _attached(f.text, c, expelled)
        for c, ok in zip(hits, verdicts, strict=True):
            if ok and c.kb_id not in out:
                out.append(c.kb_id)
                found = found or Found(f, "nationality.attached", 0.7)
    return out, found


def _count_pattern() -> re.Pattern[str]:
    """<number> <up to three modifiers> <person noun, role or demonym>: "four Taiwanese soldiers"."""
    nouns = {n.lower() for n in case_rules.person_nouns()}
    for lang in lexicon.LANGS:
        nouns |= {t.text.lower() for t in lexicon.role_terms(lang)}
        nouns |= {t.text.lower() for t in lexicon.country_terms(lang) if t.form in ("demonym", "citizen")}
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    words = sorted((w for lang in lexicon.LANGS for w, n in lexicon.number_words(lang).items()
                    if n.kind in ("unit", "ten", "dozen") and 1 <= n.value <= 99 and len(w) > 2), key=len, reverse=True)
    num = r"\d{1,3}|" + "|".join(re.escape(w) for w in words)
    return re.compile(rf"(?<![\w$€£.,-])(?P<n>{num})\s(?P<rest>(?:[\w'’.-]+ ){{0,3}}?)(?P<noun>{alt})(?:s|es)?\b", re.I)


_COUNT = _count_pattern()
_COUNT_REST_STOP = re.compile(r"\b(?:years?|months?|weeks?|days?|of|the|and|in|to|for|at|on|who|were|was|more|"
                              r"separate|different)\b|\$|%|\d", re.I)
# A count that describes a population or a statistic, not the accused of one proceeding.
_COUNT_AGGREGATE_BEFORE = re.compile(r"(?:\bof the|\bamong|\bincluding|\btotal of|\bout of|\bsome|\band)\s+$", re.I)
_COUNT_AGGREGATE_AFTER = re.compile(r"^[^.;:]{0,50}?\b(?:cases|since|so far|last year|this year|a year|per year|in (?:19|20)\d\d)\b", re.I)
_PLUS_ONE_BEFORE = re.compile(r"\b(?:an?)\s+(?:[\w'’-]+\s+){0,4}?[\w'’-]+,?\s+(?:[^.;]{0,110}?\s)?(?:along with|together with|and)\s+$", re.I)
_PLUS_ONE_AFTER = re.compile(r"^[^.;]{0,40}?\band an? (?:third|fourth|fifth|sixth|other|further)\b", re.I)
_PAIR = re.compile(r"\b(?:the|two) (?:brothers|couple|pair)\b|\bbrothers\b|\bmarried couple\b|"
                   r"\ban? (?:\w+ )?(?:man|woman|person) and an? (?:\w+ )?(?:man|woman|person)\b|"
                   r"\band (?:his|her) (?:younger |elder |older )?(?:brother|sister|wife|husband|son|daughter|father|mother|partner)\b", re.I)
def _singular_pattern() -> re.Pattern[str]:
    """One person spoken of: "a British man", "an engineer", "a one-time aide", "he was"."""
    nouns = {n.lower() for n in case_rules.person_nouns()} | {t.text.lower() for t in lexicon.role_terms("en")}
    alt = "|".join(re.escape(n) for n in sorted(nouns, key=len, reverse=True))
    return re.compile(rf"(?:^|[\s—–-])(?:an?|the)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{alt})\b(?!-)|\b(?:he|she) (?:was|is|has|had)\b", re.I)


_SINGULAR = _singular_pattern()


def _stated_count(f: SentenceFacts) -> int | None:
    for m in _COUNT.finditer(f.text):
        if _COUNT_REST_STOP.search(m.group("rest")):
            continue
        before = f.text[max(0, m.start() - 150) : m.start()]
        after = f.text[m.end() :]
        if _COUNT_AGGREGATE_BEFORE.search(before[-20:]) or _COUNT_AGGREGATE_AFTER.match(after):
            continue
        n = number_of(m.group("n"))
        if not n or not 1 <= n <= 200:
            continue
        if _PLUS_ONE_BEFORE.search(before) or _PLUS_ONE_AFTER.match(after):
            n += 1  # "a Chinese national ... along with two Filipinos", "two employees and a third man"
        return int(n)
    return None


def count_of(facts: list[SentenceFacts], names: list[str]) -> tuple[int | None, Found | None]:
    """Persons accused in the proceeding, as stated: a number with a person noun, a pair, the
    names found, or one person when the text speaks of one ("a British man", "he was")."""
    for f in facts:
        if not (f.stages or f.is_title):
            continue
        n = _stated_count(f)
        if n is not None:
            return n, Found(f, "count.number_noun", 0.7)
    for f in facts:
        if _PAIR.search(f.text):
            return 2, Found(f, "count.pair", 0.6)
    first = next((f for f in facts if f.stages), None)
    if first is not None and _SINGULAR.search(first.text) and len(names) != 1:
        return 1, Found(first, "count.singular", 0.5)
    if names:
        return len(names), Found(facts[0], "count.names", 0.5)
    for f in facts:
        if f.stages and _SINGULAR.search(f.text):
            return 1, Found(f, "count.singular", 0.4)
    for f in facts:  # a count in a sentence whose step the tables do not know ("is expelling 18 ...")
        n = _stated_count(f)
        if n is not None and f.espionage:
            return n, Found(f, "count.number_noun", 0.5)
    return None, None


def roles_of(facts: list[SentenceFacts]) -> tuple[list[str], Found | None]:
    """Occupation keywords as printed, lower case, in the proceeding's stage sentences."""
    out: list[str] = []
    found: Found | None = None
    for f in facts:
        if not (f.stages or f.persons or f.is_title):
            continue
        for hit in f.roles:
            before = f.text[max(0, hit.start - 12) : hit.start].lower()
            if re.search(r"\b(?:judge|prosecutor)\b", before):
                continue
            role = hit.kb_id
            if role not in out and role not in {"spy", "agent", "official"}:
                out.append(role)
                found = found or Found(f, hit.rule, 0.5)
    return out[:4], found
