"""Per-field extractors: one function per case field, reading a proceeding's sentence facts.

Each returns the value and a ``Found`` (the sentence index, the rule id and a confidence) so
that the case builder can attach evidence. Context windows decide what a number means: a term
counts only next to sentencing words and away from "sought", "maximum" and the like; a sum is
a payment only next to paying words and away from fines, bail, salaries and conversions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spyglass.understand import case_rules, lexicon
from spyglass.understand.entities import Hit, service_country
from spyglass.understand.facts import SentenceFacts
from spyglass.understand.quantities import number_of

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


def stage_of(facts: list[SentenceFacts]) -> tuple[str | None, Found | None]:
    """The most advanced step reported as done."""
    best: tuple[int, Hit, SentenceFacts] | None = None
    for f in facts:
        for hit in f.stages:
            rank = case_rules.STAGE_RANK[hit.kb_id]
            if best is None or rank > best[0]:
                best = (rank, hit, f)
    if best is None:
        return None, None
    return best[1].kb_id, Found(best[2], best[1].rule, 0.8)


# ---------------------------------------------------------------- sentence

TERM_CUE = re.compile(r"sentenc|jail|prison|imprison|\bterms?\b|detention|hard labou?r|behind bars|"
                      r"\bgets?\b|\bgiven\b|awarded|handed|\bserve|Haft|Freiheitsstrafe|réclusion|"
                      r"emprisonnement|prisión|cárcel|reclusione|carcere|condann|conden|verurteil|"
                      r"anni di|años de", re.I)
TERM_BLOCK = re.compile(r"sought|seek|seeking|request|asked|demand|maximum|\bup to\b|\bfaces?\b|facing|"
                        r"could|would|carries|carry|punishable|chiest|beantragt|forder|requis|pidi|solicit|"
                        r"remain|left to serve|already served|credit|concurrent|combined|quasi|insgesamt|"
                        r"\bafter\b|\bago\b|\bsince\b|\bfor (?:over|more than|nearly|almost)\b|reduced from|in addition|"
                        r"rights for|deprived", re.I)
_AGE_AFTER = re.compile(r"^[- ]?old|^\s+(?:earlier|later|ago|before|after)|^[\s\w]{0,12}(?:reprieve|probation|supervised release)|"
                        r"^[^.;]{0,30}concurrent", re.I)
_APPROXIMATE = re.compile(r"(?:nearly|almost|more than|over|about|around|roughly|a little over|just over|fast|quasi|circa)\s+$", re.I)
SENTENCE_RULES = ("sent.term", "sent.life")


def _is_term(f: SentenceFacts, start: int, end: int) -> bool:
    before, after = _window(f.text, start, end, 70, 30)
    if _AGE_AFTER.search(f.text[end:]):
        return False
    clause = re.split(r"[;]|, while |, but | but ", before)[-1]
    if TERM_BLOCK.search(clause[-45:]) or re.match(r"^\s*(?:\)|of (?:his|her|the) )", after):
        return False
    return bool(TERM_CUE.search(before[-60:]) or TERM_CUE.search(after[:25]))


def sentence_months_of(facts: list[SentenceFacts]) -> tuple[tuple[object, object] | None, Found | None]:
    """[min, max] prison term across the accused, in months, "life" at either end.

    Headlines and approximate wording ("nearly ten years") round the terms, so they count only
    when the body states none exactly.
    """
    exact: list[tuple[object, Found]] = []
    rough: list[tuple[object, Found]] = []
    for f in facts:
        for q in f.durations:
            if not _is_term(f, q.start, q.end):
                continue
            weak = f.is_title or bool(_APPROXIMATE.search(f.text[max(0, q.start - 20) : q.start]))
            for end in q.value:  # type: ignore[attr-defined]
                (rough if weak else exact).append((end, Found(f, q.rule, 0.5 if weak else 0.75)))
    chosen = exact or rough
    if not chosen:
        return None, None
    lows = [end for end, _ in chosen]
    found = chosen[0][1]
    numbers = sorted(v for v in lows if isinstance(v, int))
    life = "life" in lows
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
                       r"\bhe paid\b|\bshe paid\b|member|subscri|support|donate|clients|ordered to pay|paid (?:\w+ ){0,3}(?:writers|sources|people|others)|\bbuy|bought|purchas", re.I)
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

SPY_ACT = re.compile(r"spied|spying|spy\b|espionage|passed|provid|sold|shar|handed|worked for|working for|recruit|"
                     r"arrangement|collaborat|informa|agent|tasked|lasted|supplied|transmit|leak|contact|"
                     r"met (?:with )?(?:his|her|their)|meetings|photograph|Spion|espion|spionaggio|reclutat|"
                     r"trabaj|colabor|received|payments|collect|copied|cooperat|continued|began|supported|uploaded|conspiracy|"
                     r"gathering|steal|stole", re.I)
_Y = r"(?:19[4-9]\d|20[0-4]\d)"
_MONTHS = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,? )?"
PERIOD_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("period.between", re.compile(rf"\b(?:between|from|desde|dal|von|de) {_MONTHS}(?P<a>{_Y}) (?:and|to|until|till|through|hasta|al|bis|à) {_MONTHS}(?P<b>{_Y})\b", re.I)),
    ("period.dash", re.compile(rf"(?<![\d-])(?P<a>{_Y})\s?[-–]\s?(?P<b>{_Y}|\d\d)(?![\d-])")),
    ("period.in_and", re.compile(rf"\bin (?P<a>{_Y}) and (?P<b>{_Y})\b")),
    ("period.since", re.compile(rf"\b(?:since|from|beginning in|starting in|desde|dal|seit) (?:at least |as early as )?{_MONTHS}(?P<a>{_Y})\b", re.I)),
    ("period.recruited", re.compile(rf"\b(?:recruited|reclutad[oa]|reclutat[oa]|angeworben)[^.;]{{0,40}}?\b(?:in|en|nel) {_MONTHS}(?P<a>{_Y})\b", re.I)),
)
PERIOD_END = re.compile(rf"\buntil (?:shortly before )?(?:his|her|their) (?:arrest|detention)[^.;]{{0,25}}?\b(?P<b>{_Y})\b|"
                        rf"\buntil (?:he|she|they) (?:was|were) (?:arrested|detained)[^.;]{{0,25}}?\b(?P<d>{_Y})\b|"
                        rf"\b(?:continued|cooperate|cooperated|worked) until {_MONTHS}(?P<e>{_Y})\b|"
                        rf"hasta su detención en {_MONTHS}(?P<c>{_Y})", re.I)
_RANGE_RULES = ("period.between", "period.dash", "period.in_and")


def _year(text: str | None) -> int | None:
    if not text or len(text) == 2:
        return None
    return int(text)


def _period_matches(facts: list[SentenceFacts], ranges: bool) -> tuple[int, int | None, SentenceFacts, str] | None:
    for f in facts:
        if not SPY_ACT.search(f.text):
            continue
        for rule, pattern in PERIOD_RULES:
            if (rule in _RANGE_RULES) != ranges:
                continue
            for m in pattern.finditer(f.text):
                start = _year(m.group("a"))
                end = _year(m.groupdict().get("b"))
                if rule == "period.dash" and m.group("b") and len(m.group("b")) == 2 and start:
                    end = start // 100 * 100 + int(m.group("b"))
                if start is None or (end is not None and end < start):
                    continue
                return start, end, f, rule
    return None


def period_of(facts: list[SentenceFacts], published_year: int | None) -> tuple[tuple[int | None, int | None] | None, Found | None]:
    """Years the spying went on, when the text ties them to it: ranges first, then open starts."""
    hit = _period_matches(facts, ranges=True) or _period_matches(facts, ranges=False)
    if hit is None:
        return None, None
    start, end, f, rule = hit
    if published_year and start > published_year:
        return None, None
    if end is None:
        end = _period_end(facts, start)
    return (start, end), Found(f, rule, 0.6)


def _period_end(facts: list[SentenceFacts], start: int) -> int | None:
    for f in facts:
        for m in PERIOD_END.finditer(f.text):
            year = next((int(g) for g in m.groups() if g), None)
            if year is not None and year >= start:
                return year
    return None


# ---------------------------------------------------------------- countries

SPONSOR_BEFORE = re.compile(r"(?:\bfor|on behalf of|agents? of|\bto|benefit of|working for|worked for|recruited by|"
                            r"employed by|by|\bof|für|pour|para|per|a favor de|al servizio d)\s+(?:the\s+|a\s+|la\s+|il\s+|den\s+|die\s+|le\s+)?$", re.I)
SPONSOR_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:\w+\s)?(?:intelligence|spy|spies|agents?|handlers?|officers? who|military intelligence|"
                           r"government|state|secret service|services|Geheimdienst|Nachrichtendienst|renseignement|"
                           r"inteligencia|intelligence)", re.I)
TARGET_AFTER = re.compile(r"^(?:'s|’s)?\s*(?:\w+\s){0,2}?(?:police|prosecutors?|court|courts|authorities|government|jury|judge|"
                          r"tribunal|counter-?intelligence|state security|security service|foreign ministry|"
                          r"military court|army chief|navy|security agency|officials said|Justice Department|"
                          r"Polizei|Bundesanwaltschaft|Gericht|Staatsanwalt|justice|procura|tribunale|Corte|fiscal|"
                          r"jails|arrests|charges|expels|sentences|convicts|detains|indicts|orders|jailed|arrested|charged|expelled|"
                          r"sentenced|convicted|detained|indicted)", re.I)
TARGET_BEFORE = re.compile(r"(?:\bin|\bfrom|leave|by|across|\bof)\s+(?:the\s+)?$", re.I)
US_FEDERAL = re.compile(r"\bfederal (?:court|jury|judge|prosecutors|grand jury|agents)|U\.S\. District|Justice Department|"
                        r"Department of Justice|U\.S\. Attorney", re.I)
EXPULSION_SUBJECT = re.compile(r"diplomat|embassy|attach|consul|official", re.I)


def sponsor_of(facts: list[SentenceFacts], target: str | None) -> tuple[str | None, str | None, Found | None]:
    """State (and named service) the accused worked for: first named in reading order."""
    for f in facts:
        hits: list[tuple[int, str | None, str | None, str]] = []
        for s in f.services:
            before = f.text[max(0, s.start - 40) : s.start]
            country = service_country(s.kb_id)
            if country == target and not SPONSOR_BEFORE.search(before):
                continue
            display = s.text
            hits.append((s.start, country, display, "sponsor.service"))
        for c in f.countries:
            before, after = _window(f.text, c.start, c.end, 40, 40)
            if re.match(r"^-born|^\s+born", after):
                continue
            if SPONSOR_BEFORE.search(before) and SPY_ACT.search(f.text) or SPONSOR_AFTER.search(after):
                if c.kb_id != target:
                    hits.append((c.start, c.kb_id, None, "sponsor.country"))
        if hits:
            first = min(hits, key=lambda h: h[0])
            return first[1], first[2], Found(f, first[3], 0.7)
    return None, None, None


def target_of(facts: list[SentenceFacts]) -> tuple[str | None, Found | None]:
    """State that arrests, prosecutes or expels: strongest cue first, then reading order."""
    scored: list[tuple[float, int, str, Found]] = []
    for order, f in enumerate(facts):
        weight = 1.5 if f.stages else 1.0
        for c in f.countries:
            before, after = _window(f.text, c.start, c.end, 30, 50)
            if TARGET_AFTER.search(after):
                scored.append((3 * weight, -order, c.kb_id, Found(f, "target.authority", 0.8)))
            elif TARGET_BEFORE.search(before) and f.stages:
                scored.append((1.5 * weight, -order, c.kb_id, Found(f, "target.place", 0.5)))
        if US_FEDERAL.search(f.text):
            scored.append((2.5 * weight, -order, "US", Found(f, "target.us_federal", 0.7)))
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
                          r"Ambassador|Consulate|Embassy|Government)$", re.I)
# Person nouns that do not make the person accused: officials and counterparts of a story.
_NOT_ACCUSED_NOUNS = frozenset({"official", "officials", "ambassador", "ambassadors", "resident", "residents",
                                "spy", "spies", "agent", "agents", "people", "lawyer", "minister", "president"})
_COUNTERPART_BEFORE = re.compile(r"(?:\bto|\bwith|\bfor|\bfrom|\bmet|meeting|identity of|posing as|false|fake|"
                                 r"cover as|summoned)\s+(?:a|an|the|two|three|his|her|their|several|other)?\s*$", re.I)
_PASSPORT = re.compile(r"^\s+(?:passports?|citizenship|nationality)\b", re.I)


def _person_noun_pattern() -> re.Pattern[str]:
    nouns = sorted(set(case_rules.PERSON_NOUNS) | {t.text.lower() for t in lexicon.role_terms('en')}, key=len, reverse=True)
    alt = "|".join(re.escape(n) for n in nouns)
    return re.compile(rf"^(?P<mid>(?:[\w'’-]+ ){{0,3}}?)(?P<noun>{alt})(?:s|es)?\b", re.I)


_PERSON_NOUN = _person_noun_pattern()


def _attached(text: str, hit: Hit, expelled: bool) -> bool:
    """Whether the nationality word at ``hit`` is given to a person of the story."""
    after = text[hit.end : hit.end + 60]
    before = text[max(0, hit.start - 25) : hit.start]
    if re.match(r"^-born|^\s+born|^-?based|^\s+(?:intelligence|government|state|authorities)\b", after, re.I):
        return False
    if re.search(r"(?:citizen|national|passports?|citizenship) of (?:the )?$", before, re.I) or _PASSPORT.match(after):
        return True
    if _COUNTERPART_BEFORE.search(before):
        return False
    m = _PERSON_NOUN.match(after[1:]) if after[:1] == " " else None
    if not m:
        return False
    shouting = text.isupper() or text[:40].isupper()
    mid = m.group("mid").split()
    if any(re.fullmatch(r"\w+(?:ed|s)|\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an|the|of|and", w, re.I)
           for w in mid):
        return False  # a verb or a count between them: "Sweden expelled three Russian diplomats"
    words = mid + [m.group("noun")]
    if not shouting and any(w[:1].isupper() and _INSTITUTION.match(w) for w in words):
        return False  # "a New Zealand Army private", "U.S. Ambassador": an institution, not a nationality
    noun = m.group("noun").lower()
    if noun in _NOT_ACCUSED_NOUNS or noun.rstrip("s") in _NOT_ACCUSED_NOUNS:
        return expelled and noun.startswith("official")
    if re.search(r"handler|contact|recruiter|intelligence officers", after[: m.end() + 2], re.I):
        return False
    return hit.text[:1].isupper() or shouting


def nationality_of(facts: list[SentenceFacts]) -> tuple[list[str], Found | None]:
    """Nationalities the text gives the accused ("Taiwanese soldiers", "a German citizen")."""
    out: list[str] = []
    found: Found | None = None
    expelled = any(h.kb_id == "expelled" for f in facts for h in f.stages)
    for f in facts:
        hits = f.countries
        for i, c in enumerate(hits):
            ok = _attached(f.text, c, expelled)
            # "German-Chinese citizen", "Russian-Spanish dual national": both words count.
            nxt = hits[i + 1] if i + 1 < len(hits) else None
            if not ok and nxt is not None and nxt.start == c.end + 1 and f.text[c.end] == "-":
                ok = _attached(f.text, nxt, expelled)
            if ok and c.kb_id not in out:
                out.append(c.kb_id)
                found = found or Found(f, "nationality.attached", 0.7)
    return out, found


_COUNT = re.compile(r"(?<![\w$€£])(?P<n>\d{1,3}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                    r"thirteen|fourteen|fifteen|twenty|zwei|drei|vier|fünf|deux|trois|quatre|dos|tres|cuatro|"
                    r"due|tre|quattro) (?P<rest>(?:[\w'’-]+ ){0,3}?)(?P<noun>people|persons|men|women|individuals|"
                    r"suspects|nationals|citizens|soldiers|officers|diplomats|officials|spies|employees|staffers|"
                    r"students|sailors|majors|engineers|agents|members|brothers|illegals|Filipinos|Russians|"
                    r"Chinese|Personen|personnes|personas|persone|Männer)\b", re.I)
_PAIR = re.compile(r"\b(?:the|two) (?:brothers|couple|pair)\b|\bbrothers\b|\bmarried couple\b", re.I)


def count_of(facts: list[SentenceFacts], names: list[str]) -> tuple[int | None, Found | None]:
    """Persons accused in the proceeding, as stated."""
    for f in facts:
        if not (f.stages or f.is_title):
            continue
        for m in _COUNT.finditer(f.text):
            if re.search(r"years?|months?|\bof\b|\$|%", m.group("rest"), re.I):
                continue
            n = number_of(m.group("n"))
            if n and 1 <= n <= 200:
                return int(n), Found(f, "count.number_noun", 0.7)
    for f in facts:
        if _PAIR.search(f.text):
            return 2, Found(f, "count.pair", 0.6)
    if names:
        return len(names), Found(facts[0], "count.names", 0.5)
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
