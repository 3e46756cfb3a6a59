"""Turn one article into its case mentions (one per proceeding) and the entities behind them.

Steps: split sentences (rules), read every sentence with the shared rule tables (``lexicon``,
``normalise``), run spaCy's NER in one batch on the cue sentences that may hold a full name
(later surname-only mentions are matched against the names it found), keep the person names
that look accused, group the sentences into proceedings (``segment``), then fill each field
from the proceeding's sentences (``fields``) with the sentence, offsets, rule and confidence as
evidence. The headline informs the article's lead case even when it is not part of the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from spyglass.records import Article, Entity, Evidence, Mention, Payment
from spyglass.understand import case_rules, entities, fields, lexicon
from spyglass.understand._cues import cue
from spyglass.understand.confidence import confidence_of
from spyglass.understand.entities import Hit
from spyglass.understand.facts import INTRODUCED, SentenceFacts, facts_of
from spyglass.understand.fields import Found
from spyglass.understand.segment import Proceeding, proceedings_of
from spyglass.understand.sentences import Sentence, sentences_in
from spyglass.understand.split import split_unrelated
from spyglass.understand.stats import stats_in

if TYPE_CHECKING:
    import spacy

__all__ = ["mentions_in"]

LEAD_SENTENCES = 3  # headline and opening lines: what the article is mainly about
MAX_MODEL_SENTENCE = 5_000  # characters; longer runs are not sentences the model can read

_OFFICIAL_BEFORE = re.compile(
    r"(?:" + "|".join(re.escape(t) for t in case_rules.official_titles()) + r"|according to|said|told|by)[\s,]+(?:\w+[\s,]+){0,2}$",
    re.I,
)
_OFFICIAL_AFTER = re.compile(r"^(?:,? (?:who|a|an|the) (?:\w+ ){0,3}?(?:spokes\w+|judge|prosecutor|minister|lawyer|"
                             r"attorney|director|chief|president|said|told)|\s+(?:said|says|told|wrote|added|explained|"
                             r"noted|argued|stated|announced|sagte|a déclaré|dijo|ha detto))", re.I)
# A relation that names someone other than the accused: "an assistant to X", "the wife of X".
_RELATION_BEFORE = re.compile(r"\b(?i:assistant|aide|adviser|advisor|secretary|employee|staffer|spokes\w+|wife|husband|son|"
                              r"daughter|lawyer|mitarbeiter|assistent)\s+(?i:to|of|for|von|des)\s+(?i:the\s+)?"
                              # titles and adjectives between: "an aide to German far-right lawmaker X"
                              r"(?:(?:[a-z][\w-]*|[A-Z][a-z]+(?:an|ese|ish|ch|ic|i)|[A-Z]{2,5})\s+){0,4}$")
# Words that start a capitalised run without being a name in any of our languages.
_STOPWORDS = frozenset(
    "the a an in on at for of and but der die das ein eine und im am le la les un une et du des el los las "
    "y del il lo gli i di e per con nel della ha hat ist est fue wurde according after before when while "
    "this that these those his her their its our court police prosecutors january february march april "
    "may june july august september october november december monday tuesday wednesday thursday friday "
    "saturday sunday image caption related advertisement read more home news menu "
    # duration and sentence nouns, capitalised in German
    "haft monaten monate jahren jahre freiheitsstrafe gefängnis urteil gericht "
    # prepositions and conjunctions that start a capitalised run at a sentence start
    "gegen mit bei nach für aus über unter vor seit dass laut contre avec selon depuis contra con según desde "
    "contro secondo presso dopo "
    # person nouns capitalised in German or at a headline start, never part of the name after them
    "spion spionin agent agentin mitarbeiter mitarbeiterin soldat offizier angeklagte angeklagter "
    "politiker politikers abgeordnete abgeordneten abgeordneter "
    "espion espionne espía spia "
    # German adjectives of time and doubt, capitalised at a headline start ("Früherer Mitarbeiter ...")
    "früherer frühere ehemaliger ehemalige mutmaßlicher mutmaßliche mutmaßlichen".split()
)


_AGE_AFTER = re.compile(r",\s+\d{2}\s*,")
# After "said": a name that is the subject of the reported clause, not the speaker.
_CLAUSE_SUBJECT = re.compile(r"^(?:,\s+\d{2}\s*,)?(?:\s+an?\s[^,.;]{1,40},)?\s+(?:had|has|have|was|is|were|allegedly|admitted|pleaded|denied|"
                             r"passed|sold|gave|received|worked|spied)\b")
_SAID_BEFORE = re.compile(r"\b(?:said|told|say|says)\s+$")
_PLACE_MODIFIED = frozenset("man woman men women couple teenager pensioner resident family businessman".split())
_GROUP_NOUN = re.compile(r"[a-z]+(?:ers|ists|ants|ents|ians|ees|ors)")
_PLACE_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:man|woman|men|women|couple|family)\s+(?:from|of)\s+$", re.I)
_IDENTIFIED_BEFORE = re.compile(r"(?:identified|named|known) (?:only )?as\s+$|" + cue("person.among").pattern + "$")
_SURNAMED = cue("person.surnamed")
# "The aide, Laszlo B., passed ...": the name of the person a role spoke of before.
_APPOSED_TO_ROLE = re.compile(r"\b[Tt]he [a-z]+, $")
_COUNTERPART_BEFORE = cue("person.counterpart_before")
# A step said of the counterpart themselves ("handed documents to X, who was later expelled").
_STEP_AGAINST = re.compile(r"^[^.;]{0,40}?\b(?:who|he|she)\s+(?:was|were|has been|had been)\s+(?:later\s+|also\s+)?"
                           r"(?:arrested|detained|charged|expelled|convicted|sentenced|jailed|indicted)\b", re.I)


def _is_place(name: str) -> bool:
    """A facility, place or institution the model took for a person ("John F. Kennedy
    International Airport", "Oberlandesgericht Dresden")."""
    return any(t.lower().strip(".,") in case_rules.institution_words() for t in name.split())


def _accused_persons(facts: SentenceFacts, candidates: list[Hit], lang: str = "en") -> list[Hit]:
    """Person names of a cue sentence that may be accused (officials and speakers removed)."""
    introduced_only = not (facts.stages or facts.espionage)
    if introduced_only and not INTRODUCED.search(facts.text):
        return []
    out: list[Hit] = []
    text = facts.text
    for hit in candidates:
        introduced = any(m.start(1) == hit.start for m in _SURNAMED.finditer(text))  # "identified by his surname Kim"
        if introduced_only and not introduced and hit.rule != "person.surnamed" and not _AGE_AFTER.match(facts.text[hit.end : hit.end + 8]) and not (
                _IDENTIFIED_BEFORE.search(facts.text[max(0, hit.start - 70) : hit.start])) and not (
                _APPOSED_TO_ROLE.search(facts.text[max(0, hit.start - 30) : hit.start])):
            continue  # a sentence with no step: only the person it introduces with an age
        name = hit.text.strip(" .,'’\"“”")
        if (len(name) < 3 and hit.rule != "person.surnamed") or entities.countries_in(name, lang) or entities.services_in(name):
            continue
        if entities.stages_in(name, lang):
            continue  # "Anklage", "Main Anklage": a capitalised German step noun, not a name
        if (_is_place(name) and not introduced) or lexicon.is_place_name(name):
            continue  # "Oberlandesgericht Dresden", "USS Essex", "Bad Homburg"; not "his surname Park"
        if any(s.start < hit.end and hit.start < s.end for s in facts.services):
            continue  # "Shin Bet" read as a person "Shin": part of a service's name
        if case_rules.is_leader(name):
            continue  # "a summit between Kim Jong Un and ...": a leader named, not accused
        following = re.match(r"\s+(\w+)", text[hit.end : hit.end + 30])
        if following and following.group(1).lower() in case_rules.institution_words():
            continue  # "Nagpur court convicts ...": a place before an institution
        if following and _GROUP_NOUN.fullmatch(following.group(1)):
            continue  # "Falun Gong practitioners", "Hong Kong activists": a name that modifies a group
        if " " not in name and _PLACE_BEFORE.search(text[max(0, hit.start - 40) : hit.start]):
            continue  # "a 41-year-old man from Bolton": one word after "man from" is a place
        if text[max(0, hit.start - 1) : hit.start] in ("‘", "'", "“", '"') and text[hit.end : hit.end + 1] in ("’", "'", "”", '"'):
            continue  # "profiles ‘Neha Sharma’ and ...": a quoted alias or handle, not the accused
        if name.isupper() and len(name) > 2 and not text[hit.end : hit.end + 20].isupper():
            continue  # "NAGPUR:", "FBI": a dateline or an acronym in ordinary text, not a person
        if not introduced and _OFFICIAL_BEFORE.search(text[max(0, hit.start - 40) : hit.start]) and not (
                _SAID_BEFORE.search(text[max(0, hit.start - 12) : hit.start]) and _CLAUSE_SUBJECT.match(text[hit.end :])):
            continue  # "said Marta Saar": the speaker; "said Darius Kairys, 47, had been ...": the accused
        if " " not in name and following and following.group(1).lower() in _PLACE_MODIFIED:
            continue  # "Bolton man charged ...": a town describing the person
        if _OFFICIAL_AFTER.search(text[hit.end : hit.end + 60]):
            continue
        if _COUNTERPART_BEFORE.search(text[max(0, hit.start - 80) : hit.start]) and not _STEP_AGAINST.search(text[hit.end :]):
            continue  # "handed the files to X", "met his handler X": who received or ran them, not the accused
        if _RELATION_BEFORE.search(text[max(0, hit.start - 40) : hit.start]):
            continue  # "an assistant to Maximilian Krah": the accused is someone else
        out.append(hit)
    return out


# Two or more capitalised tokens in a row (or a name and an initial): where a full name may be.
# Lower-case particles may stand inside ("Pieter van der Berg", "Ahmed al-Rashid").
_FULL_NAME = re.compile(r"\b[A-Z][a-zß-öø-ÿā-ž'’-]+(?:\s+(?:(?:van|von|de|da|der|den|du|dos|das|del|di|bin|ibn|ter|ten|le|la)\s+)*"
                        r"(?:[A-Z]\.|(?:al-|el-)?[A-Z][a-zß-öø-ÿā-ž'’-]+))+")


def _known_names(texts: list[str], found: list[list[Hit]]) -> re.Pattern[str] | None:
    """A pattern for the names found so far and their parts ("Jian Guo", "Guo")."""
    parts: set[str] = set()
    for hits in found:
        for hit in hits:
            parts.add(hit.text)
            parts |= {t for t in hit.text.split() if len(t) > 2 and t[:1].isupper() and t.lower() not in _STOPWORDS}
    if not parts:
        return None
    alt = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
    # "the Huangs": a family spoken of by their surname in the plural
    return re.compile(rf"(?<!\w)(?P<name>{alt})(?:s|es)?(?!\w)")


def _persons(all_facts: list[SentenceFacts], lang: str, nlp: spacy.Language | None) -> None:
    """Fill ``persons`` of the cue sentences. The model reads only sentences that may hold a
    full name; later mentions by surname alone are found by matching the names it found."""
    cue = [f for f in all_facts if f.is_cue]
    # a "sentence" longer than any real one (a table or a page without stops) is not given to
    # the model: its cost grows with the length and spaCy refuses a million characters
    read = [f for f in cue if len(f.text) <= MAX_MODEL_SENTENCE and (_FULL_NAME.search(f.text) or _SURNAMED.search(f.text))]
    if nlp is None or lang != "en":
        found = [entities.persons_by_rule(f.text, _STOPWORDS) for f in read]
    else:
        found = entities.persons_by_model([f.text for f in read], nlp, _STOPWORDS)
        for f in all_facts:
            if len(f.text) <= MAX_MODEL_SENTENCE:
                f.parser = nlp  # parsed on first need: which person a nationality, a year belongs to
    found = [[h for h in hits if h.rule == "person.surnamed" or not _is_place(h.text)] for hits in found]
    by_model = {id(f): hits for f, hits in zip(read, found, strict=True)}
    known = _known_names([f.text for f in read], found)
    for f in cue:
        hits = list(by_model.get(id(f), ()))
        if known is not None and id(f) not in by_model:
            for m in known.finditer(f.text):
                if not any(h.start < m.end() and m.start() < h.end for h in hits):
                    hits.append(Hit(m.start("name"), m.end("name"), m.group("name"), m.group("name"), "person.known_name", "PERSON"))
        f.persons = _accused_persons(f, sorted(hits, key=lambda h: h.start), lang)
    if known is not None:
        for f in all_facts:  # who a sentence speaks of, for the segmenter ("X denied it in his last words")
            f.refs = [m.group("name") for m in known.finditer(f.text)]


def _evidence(article: Article, field: str, found: Found) -> Evidence:
    s = found.facts.sentence
    quote = found.span or (None, None)
    return Evidence(article_id=article.id, sentence=article.text[s.start : s.end] or s.text, start=s.start, end=s.end,
                    rule=found.rule, confidence=confidence_of(field, found.rule), quote_start=quote[0], quote_end=quote[1])


def _published_year(article: Article) -> int | None:
    if article.published and article.published[:4].isdigit():
        return int(article.published[:4])
    return None


def _mention(article: Article, index: int, group: Proceeding, fallback_target: tuple[str | None, Found | None],
             lead: list[SentenceFacts]) -> Mention:
    facts = group.facts
    evidence: dict[str, Evidence] = {}
    values: dict[str, object] = {}

    def put(name: str, value: object, found: Found | None) -> None:
        values[name] = value
        if found is not None and value not in (None, [], ()):
            evidence[name] = _evidence(article, name, found)

    titles = [f for f in lead if f.is_title and f not in facts] if index == 0 else []
    stage, found = fields.stage_of([*titles, *facts], fields.is_swap_story(lead))
    put("stage", stage, found)
    target, target_found = fields.target_of(facts)
    if target is None:
        target, target_found = fields.employer_of(facts, None)  # the state whose agency they worked at
    if target is None:
        target, target_found = fallback_target
    sponsor, service, found, service_found = fields.sponsor_of(facts, target)
    if sponsor is None and index == 0 and lead:
        # the article's lead case: its headline and first lines name the sponsor
        sponsor, service, found, service_found = fields.sponsor_of(lead, target)
    nationality, nat_found = fields.nationality_of(facts)
    if not nationality and index == 0:
        # the headline speaks of the lead case's accused ("Retired Austrian colonel jailed")
        nationality, nat_found = fields.nationality_of([f for f in lead if f.is_title])
    if stage == "expelled" and sponsor is None:
        sponsor, found = fields.mission_state(facts, target)  # expelled diplomats spy for their own state
        if sponsor is None and nationality and nationality[0] != target:
            sponsor, found = nationality[0], nat_found
    if target is None and nationality and nationality[0] != sponsor:
        # no authority named: people are most often prosecuted by their own state
        target, target_found = nationality[0], replace(nat_found, rule="target.own_national") if nat_found else None
    put("target_country", target, target_found)
    put("sponsor_country", sponsor, found)
    put("sponsor_service", service, service_found if service else None)
    put("accused_nationality", tuple(nationality), nat_found)
    names = group.names
    put("accused_names", tuple(names), fields.names_found(facts, names, "names.ner") if names else None)
    count, found = fields.count_of(facts, names)
    if count is None and index == 0:
        count, found = fields.count_of([f for f in lead if f.is_title], [])
    put("accused_count", count, found)
    roles, found = fields.roles_of(facts)
    put("roles", tuple(roles), found)
    # two accused named: a life term is one person's, not the whole proceeding's
    months, found = fields.sentence_months_of(facts, count if len(names) < 2 else max(count or 0, len(names)))
    put("sentence_months", months, found)
    payments, found = fields.payments_of(facts)
    put("payments", tuple(Payment(amount=a, currency=c) for a, c in payments), found)
    period, found = fields.period_of(facts, _published_year(article))
    put("period", period, found)
    summary = max(facts, key=lambda f: (bool(f.stages) + bool(f.persons), -f.index)).text
    return Mention(article_id=article.id, index=index, published=article.published, evidence=evidence,
                   summary=summary, **values)  # type: ignore[arg-type]


def _entities(all_facts: list[SentenceFacts]) -> list[Entity]:
    out: list[Entity] = []
    for f in all_facts:
        base = f.sentence.start
        for hit in [*f.countries, *f.services, *f.roles, *f.stages, *f.persons]:
            out.append(Entity(text=hit.text, label=hit.label, start=base + hit.start, end=base + hit.end,
                              kb_id=hit.kb_id, rule=hit.rule))
        for q in f.money:
            out.append(Entity(text=q.text, label="MONEY", start=base + q.start, end=base + q.end,
                              kb_id=q.currency, rule=q.rule))
        for q in f.durations:
            out.append(Entity(text=q.text, label="DURATION", start=base + q.start, end=base + q.end, rule=q.rule))
    return out


def _without_aggregates(article: Article, groups: list[Proceeding]) -> list[Proceeding]:
    """Drop name-less proceedings that open with a yearly statistic ("14 people were arrested
    on suspicion of espionage in 2024, compared with seven in 2023"): a count over a year is
    not a case, and what follows it ("most of those detained") speaks of the same people. The
    statistics reader decides what a yearly count is."""
    if all(g.names for g in groups):
        return groups
    spans = [(s.evidence.start, s.evidence.end) for s in stats_in(article) if s.evidence is not None]
    if not spans:
        return groups

    def in_stat(f: SentenceFacts) -> bool:
        return any(a < f.sentence.end and f.sentence.start < b for a, b in spans)

    def opens_with_stat(g: Proceeding) -> bool:
        first = next((f for f in g.facts if f.stages and not f.is_title), None)
        return first is not None and in_stat(first)

    return [g for g in groups if g.names or not opens_with_stat(g)]


_OTHER_CRIME = cue("case.other_crime")
_SPYING_WORD = cue("case.spying_word")
_NON_STATE_RECIPIENT = cue("case.non_state_recipient")


def _without_other_crimes(groups: list[Proceeding]) -> list[Proceeding]:
    """Drop proceedings whose every step is for a crime that is not spying (murder, terrorism,
    cybercrime, speech) and that never speak of spying: people swapped or named in a spy story
    for other crimes are not cases."""
    def other_crime_only(g: Proceeding) -> bool:
        steps = [f for f in g.facts if f.stages and not f.is_title]
        if steps and all(_NON_STATE_RECIPIENT.search(f.text) for f in steps):
            return True  # "jailed for passing files to arms dealers": a leak to no state
        return (bool(steps) and all(_OTHER_CRIME.search(f.text) for f in steps)
                and not any(_SPYING_WORD.search(f.text) for f in g.facts))

    return [g for g in groups if not other_crime_only(g)]


def mentions_in(article: Article, lang: str, nlp: spacy.Language | None) -> tuple[list[Mention], list[Entity]]:
    """The case mentions of one article, each field with evidence, and the entities found."""
    sentences = sentences_in(article.text)
    title = (article.title or "").strip()
    all_facts = [facts_of(i, s, is_title=(i == 0 and bool(title) and s.text.startswith(title[:30])), lang=lang)
                 for i, s in enumerate(sentences)]
    _persons(all_facts, lang, nlp)
    groups = split_unrelated(proceedings_of(all_facts), lang)
    lead = all_facts[:LEAD_SENTENCES]
    if title and not (all_facts and all_facts[0].is_title):
        # The headline is not part of the text: read it too, as a sentence at offset 0 with
        # no length (its evidence carries the headline, start == end == 0).
        headline = facts_of(-1, Sentence(0, 0, title), is_title=True, lang=lang)
        headline.parser = nlp if lang == "en" and len(title) <= MAX_MODEL_SENTENCE else None
        lead = [headline, *lead]
    fallback = fields.target_of([*lead[:1], *all_facts])
    groups = _without_other_crimes(_without_aggregates(article, groups))
    mentions = [_mention(article, i, g, fallback, lead) for i, g in enumerate(groups)]
    # No step reported and nobody named: an aggregate ("most of those charged were soldiers"), not a case.
    kept = [m for m in mentions if m.stage is not None or m.accused_names]
    return [m.model_copy(update={"index": i}) for i, m in enumerate(kept)], _entities(all_facts)
