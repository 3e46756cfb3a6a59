"""The sponsor fields: the state (and named service) the accused worked for, from the wording
around country and service words; expelled diplomats spy for the state of their mission."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spyglass.understand import lexicon
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, about_someone, form_of, lang_of, window
from spyglass.understand.cases.fields._period import SPY_ACT
from spyglass.understand.lexicon.hits import Hit, service_country
from spyglass.understand.tables.cues import cue, cues

__all__ = ["sponsor_of", "mission_state", "sponsor_country_hit", "sponsor_service_hit", "service_lead"]

# Sponsor cues. Rule id -> pattern on the text just before a country or service word.
SPONSOR_BEFORE = cues("sponsor.on_behalf", "sponsor.passed_to")
# What may follow an adjective for it to name a sponsor ("Chinese intelligence", "Russia's GRU").
SPONSOR_AFTER = cue("sponsor.after")
# Contexts that make a service the accused's employer or the investigator, not the sponsor.
SERVICE_NOT_SPONSOR = cue("sponsor.service_not_sponsor")
_NAME_FORMS = frozenset({"name", "capital"})
_OFFICIAL_OF = cue("sponsor.official_of")
_TO_OFFICIALS = cue("sponsor.to_officials")
SPEAKS_AFTER = cue("sponsor.speaks_after")
_FOR_STATE = cue("sponsor.for_state")
_FOREIGN_KINDS = frozenset({"foreign", "military", "combined"})
# Wording that makes a country word something else: a birthplace, a double agent's other side,
# the authority that arrests, a state's institutions.
_BORN_BASED_AFTER = cue("sponsor.born_based_after")
_DOUBLE_AGENT_BEFORE = cue("sponsor.double_agent_before")
_BY_BEFORE = cue("sponsor.by_before")
_STATE_AFTER = cue("sponsor.state_after")
# Wording around a service name: its own agents, operatives of a foreign service, officers after it.
_AGENTS_OF_BEFORE = cue("sponsor.agents_of_before")
_OPERATIVE_BEFORE = cue("sponsor.operative_before")
_OFFICERS_AFTER = cue("sponsor.officers_after")
_BRACKET_GAP = cue("sponsor.bracket_gap")
_NOUN_BEFORE = cue("sponsor.noun_before")
# Spies and agents (not services) before their adjective: the people themselves, whose adjective
# may be their nationality ("espiões búlgaros condenados") as "Bulgarian spies convicted" is
_PEOPLE_BEFORE = cue("sponsor.people_before")


_RECIPIENT_AFTER = cue("sponsor.recipient_after")
_RECIPIENT_BEFORE = cue("sponsor.recipient_before")
_EXPOSED_BEFORE = cue("sponsor.exposed_before")
_RECIPIENT_NOUN_BEFORE = cue("sponsor.recipient_noun_before")
_GIVES = cue("sponsor.gives")
_ACTS_AFTER = cue("sponsor.acts_after")
# A postposition after the state's name ("Rusya adına", "Çin'e casusluk yapan"): whom they served.
_ON_BEHALF_AFTER = cue("sponsor.on_behalf_after")


def sponsor_country_hit(f: SentenceFacts, c: Hit, target: str | None) -> str | None:
    """Rule id when the country word at ``c`` names the state the accused worked for (read
    once per sentence, word and target: every proceeding holding the sentence asks again)."""
    key = ("sponsor_country_hit", c.start, c.end, target)
    if key not in f.cache:
        f.cache[key] = _sponsor_country_rule(f, c, target)
    return f.cache[key]


def _sponsor_country_rule(f: SentenceFacts, c: Hit, target: str | None) -> str | None:
    before, after = window(f.text, c.start, c.end, 80, 50)
    if c.kb_id == target or _BORN_BASED_AFTER.match(after) or _DOUBLE_AGENT_BEFORE.search(before):
        return None
    if _ON_BEHALF_AFTER.match(after):
        return "sponsor.on_behalf_after"
    if form_of(c) != "capital" and _RECIPIENT_NOUN_BEFORE.search(before) and _GIVES.search(f.text):
        return "sponsor.recipient"  # "an das Generalkonsulat Russlands", "a un militar ruso": who got it
    if _given_to_a_people(f, c, before):
        return "sponsor.recipient"  # "passava documenti ai russi", "passed files to the Russians"
    if _OFFICIAL_OF.search(before) and not _TO_OFFICIALS.search(before):
        return None  # "director of Lithuania's State Security Department": an official's employer
    if _BY_BEFORE.search(before) and any(0 <= c.start - h.end <= 12 for h in f.stages):
        return None  # "arrested by Latvia's security service": the authority
    m = SPONSOR_AFTER.match(after)
    if m and any(service_lead(f, s) == c.start and service_country(s.kb_id) == c.kb_id
                 and not sponsor_service_hit(f, s, target) for s in f.services):
        return None  # "an analyst at the US Defense Intelligence Agency": the service's verdict rules
    if m and form_of(c) == "capital" and not after.startswith(("'s", "’s")):
        return None  # "Vienna spy swap": a place the story happened in, not a state's service
    if m and _EXPOSED_BEFORE.search(before):
        return None  # "leaking the identities of undercover South Korean agents": the exposed side
    if m:
        acting = any(0 <= h.start - (c.end + m.end()) <= 25 for h in f.stages) or bool(_ACTS_AFTER.match(after[m.end() :]))
        about = about_someone(f) or bool(f.stages)
        return None if acting or not about else "sponsor.intelligence"  # "Philippine agents arrested"
    if form_of(c) == "adjective" and _NOUN_BEFORE.search(before) and (about_someone(f) or f.stages):
        if _PEOPLE_BEFORE.search(before) and any(0 <= h.start - c.end <= 25 for h in f.stages):
            return None  # "espiões búlgaros condenados": whom the step befalls, by nationality, as in English
        return "sponsor.noun_before"  # "ai servizi segreti russi": the noun before its adjective
    if form_of(c) == "adjective" and _RECIPIENT_AFTER.match(after) and _RECIPIENT_BEFORE.search(before):
        return "sponsor.recipient"  # "providing it to Russian authorities"
    if form_of(c) in _NAME_FORMS or _STATE_AFTER.match(after):
        for rule, pattern in SPONSOR_BEFORE:
            if pattern.search(before) and before.strip():
                return rule
        if _FOR_STATE.search(before) and SPY_ACT.search(before):
            return "sponsor.for_state"
    return None


_LEAD_GAP = cue("sponsor.lead_gap")


def _given_to_a_people(f: SentenceFacts, c: Hit, before: str) -> bool:
    """A nationality used as the noun of a people, right after "to the" ("ai", "a los", "aux",
    "aos", "an die"), in a sentence that gives something: the state that got it. In English
    only the plural is such a noun ("to the Russian embassy" has its noun after)."""
    if form_of(c) not in ("adjective", "demonym") or not _TO_A_PEOPLE.search(before):
        return False
    if lang_of(c) == "en" and not c.text.endswith("s"):
        return False
    return _GIVES.search(f.text) is not None


_TO_A_PEOPLE = cue("sponsor.to_a_people")


def service_lead(f: SentenceFacts, s: Hit) -> int:
    """Where the name of a service begins, a country word before it included ("China's MSS",
    "Latvia's State Security Service")."""
    ends = f.cache.get("country_ends")
    if ends is None:  # sorted once per sentence: a sentence of many services and countries stays linear
        ends = f.cache["country_ends"] = sorted((c.end, c.start) for c in f.countries)
    first = bisect_left(ends, (s.start - 30, -1))
    return next((start for end, start in ends[first : bisect_right(ends, (s.start, s.start))]
                 if _LEAD_GAP.match(f.text[end : s.start])), s.start)


def sponsor_service_hit(f: SentenceFacts, s: Hit, target: str | None) -> str | None:
    country = service_country(s.kb_id)
    lead = service_lead(f, s)
    before, after = f.text[max(0, lead - 80) : lead], f.text[s.end : s.end + 40]
    at_start = lead <= 80  # the window holds the sentence start: "For the DGSE, the case ..." is a topic
    explicit = any((m := p.search(before)) is not None and not (at_start and not before[: m.start()].strip())
                   for _, p in SPONSOR_BEFORE)
    found_svc = lexicon.service_by_id(s.kb_id)
    if explicit and found_svc is not None and found_svc.kind in ("police", "domestic") and _AGENTS_OF_BEFORE.search(before):
        explicit = False  # "agents of the FBI": its own officers
    compound = f.text[s.end : s.end + 2][:1] == "-" and f.text[s.end + 1 : s.end + 2].isalpha()
    if country is None or (country == target and (not explicit or compound)):
        return None  # "für BND-Spion Markus R.": the target state's own service, where the accused worked
    operative = _OPERATIVE_BEFORE.search(before)
    if operative and found_svc is not None and found_svc.kind in _FOREIGN_KINDS:
        explicit = True  # "two agents of the Reconnaissance General Bureau": its operatives
    if not explicit and (SERVICE_NOT_SPONSOR.search(before[-40:]) or SPEAKS_AFTER.match(after)):
        return None  # "according to the MSS", "the MSS revealed": the authority telling the case
    if not explicit and any(0 <= h.start - s.end <= 25 for h in f.stages):
        return None  # "Shin Bet officers arrested ...": the service acts against the accused
    svc = lexicon.service_by_id(s.kb_id)
    if svc is None:
        return None
    if explicit or svc.kind in _FOREIGN_KINDS or (svc.kind != "police" and _OFFICERS_AFTER.match(after)):
        return "sponsor.service"
    return None


_MISSION_AFTER = cue("sponsor.own_mission")
# "the embassy of Iran", "посольства Польши", "ambasady Rosji": the mission named before its state
_MISSION_BEFORE = cue("sponsor.own_mission_before")
_OPEN_BRACKETS = ("(", "（")  # CJK text brackets an acronym full-width: "対外情報庁（SVR）"


def mission_state(facts: list[SentenceFacts], target: str | None) -> tuple[str | None, Found | None]:
    """The state whose embassy or mission an expelled person served ("a staff member of the
    Indian High Commission"): expelled diplomats spy for their own state."""
    for f in facts:
        if not any(h.kb_id == "expelled" for h in f.stages):
            continue
        for c in f.countries:
            if c.kb_id != target and (_MISSION_AFTER.match(f.text[c.end : c.end + 40])
                                      or _MISSION_BEFORE.search(f.text, max(0, c.start - 40), c.start)):
                return c.kb_id, Found(f, "sponsor.own_mission", (c.start, c.end))
    return None, None


def sponsor_of(facts: list[SentenceFacts], target: str | None) -> tuple[str | None, str | None, Found | None, Found | None]:
    """State (and named service) the accused worked for: first named in reading order, with
    where each was read (the service may be named in a later sentence)."""
    for f in facts:
        # (start, state, service as printed, rule, end of the words naming the state, span of the service)
        hits: list[tuple[int, str | None, str | None, str, int, tuple[int, int] | None]] = []
        previous: tuple[Hit, str | None] | None = None
        services = f.services
        for i, s in enumerate(services[:-1]):
            nxt = services[i + 1]
            if f.text[s.end : nxt.start].strip() in _OPEN_BRACKETS and service_country(nxt.kb_id) != service_country(s.kb_id):
                services = [*services[:i], *services[i + 1 :]]  # "Staatssicherheit (MSS)": the bracket says which
                break
        for s in services:
            if previous and 0 <= s.start - previous[0].end <= 3 and f.text[previous[0].end : s.start].strip() in _OPEN_BRACKETS:
                rule = previous[1]  # "Federal Security Service (FSB)": the acronym shares the verdict
            else:
                rule = sponsor_service_hit(f, s, target)
            previous = (s, rule)
            if rule:
                # "the Chinese Ministry of State Security": an adjective right before names the state
                adjective = next((c.kb_id for c in f.countries if 0 <= s.start - c.end <= 20 and form_of(c) == "adjective"
                                  and not _BRACKET_GAP.search(f.text[c.end : s.start])), None)
                # "Federal Security Service (FSB)": the bracketed acronym is the form printed for it
                shown = next((n for n in services if n.kb_id == s.kb_id and n.start > s.end
                              and f.text[s.end : n.start].strip() in _OPEN_BRACKETS), s)
                hits.append((s.start, adjective or service_country(s.kb_id), shown.text, rule, s.end, (shown.start, shown.end)))
        for c in f.countries:
            rule = sponsor_country_hit(f, c, target)
            if rule and not any(h[0] <= c.start < h[0] + 40 and h[1] == c.kb_id for h in hits):
                hits.append((c.start, c.kb_id, None, rule, c.end, None))
        if hits:
            # "a Bulgarian spy ring that worked for Russia": an adjective before "spy" says whose
            # people they are; wording that says whom they worked for outranks it
            explicit = [h for h in hits if h[3] != "sponsor.intelligence"]
            first = min(explicit or hits, key=lambda h: h[0])
            found = Found(f, first[3], (first[0], first[4]))
            if first[2] is not None and first[5] is not None:
                return first[1], first[2], found, Found(f, first[3], first[5])
            # "Russia's GRU": the service right after the country word
            near = next((s for s in f.services if 0 <= s.start - first[0] <= 45 and service_country(s.kb_id) == first[1]), None)
            if near is not None:
                return first[1], near.text, found, Found(f, "sponsor.service_near", (near.start, near.end))
            later = _later_service(facts[facts.index(f) + 1 :], first[1], target)
            return first[1], later[0] if later else None, found, later[1] if later else None
    return None, None, None, None


def _later_service(facts: list[SentenceFacts], country: str | None, target: str | None) -> tuple[str, Found] | None:
    """The sponsor's service named after the sentence that names the state: a headline says
    "spying for Russia", the body "passing information to Russia's FSB"."""
    for f in facts:
        for s in f.services:
            if service_country(s.kb_id) == country and (sponsor_service_hit(f, s, target) or _named_with_its_state(f, s, target)):
                # "対外情報庁（SVR）", "Foreign Intelligence Service (SVR)": the bracketed acronym is the form printed
                shown = next((n for n in f.services if n.kb_id == s.kb_id and n.start > s.end
                              and f.text[s.end : n.start].strip() in _OPEN_BRACKETS), s)
                return shown.text, Found(f, "sponsor.service_later", (shown.start, shown.end))
    return None


def _named_with_its_state(f: SentenceFacts, s: Hit, target: str | None) -> bool:
    """"ao serviço de segurança ucraniano SBU": a service printed right after a country word that the
    sentence gives the sponsor's side (a domestic service too, when it is the one that ran them)."""
    return any(0 <= s.start - c.end <= 3 and c.kb_id == service_country(s.kb_id) and sponsor_country_hit(f, c, target)
               for c in f.countries)


def case_sponsor(
    facts: list[SentenceFacts], target: str | None, lead: list[SentenceFacts], is_lead: bool,
) -> tuple[str | None, str | None, Found | None, Found | None]:
    """Sponsor state and service of one case: its sentences, else for the article's lead case the
    headline and first lines (``lead``)."""
    sponsor, service, found, service_found = sponsor_of(facts, target)
    if sponsor is None and is_lead and lead:
        sponsor, service, found, service_found = sponsor_of(lead, target)
    return sponsor, service, found, service_found


def expelled_sponsor(
    facts: list[SentenceFacts], target: str | None, nationality: list[str], nationality_found: Found | None,
) -> tuple[str | None, Found | None]:
    """Expelled diplomats spy for their own state: the state of their mission, else their
    nationality when it is not the expelling state's."""
    sponsor, found = mission_state(facts, target)
    if sponsor is None and nationality and nationality[0] != target:
        sponsor, found = nationality[0], nationality_found
    return sponsor, found
