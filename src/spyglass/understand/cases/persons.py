"""Who the people of each sentence are, and which of them may be the accused.

Person names come from spaCy's statistical NER for English (run in one batch on the cue
sentences that may hold a full name) and from capitalised-token patterns elsewhere ("Jian
G."); later mentions by surname alone are matched against the names found. A name is kept as
a possible accused unless its context makes it an official, a speaker, a relative of someone
else, a counterpart (handler, recipient), a leader, a place or an institution.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from spyglass.understand import lexicon
from spyglass.understand.cases._cjk_names import CJK_LANGS, read_cjk_persons
from spyglass.understand.cases._cyrillic_names import CASE_ENDINGS, CYRILLIC_LANGS, name_persons
from spyglass.understand.cases.facts import INTRODUCED, SentenceFacts
from spyglass.understand.lexicon import case_terms
from spyglass.understand.lexicon.hits import Hit, countries_in, services_in, stages_in
from spyglass.understand.sentences import rest_of
from spyglass.understand.tables.cues import cue

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

__all__ = ["MAX_MODEL_SENTENCE", "read_persons", "persons_by_rule", "persons_by_model", "persons_in_docs", "surnamed"]

MAX_MODEL_SENTENCE = 5_000  # characters; longer runs are not sentences the model can read

_OFFICIAL_BEFORE = re.compile(
    r"(?:" + "|".join(re.escape(t) for t in case_terms.official_titles()) + r"|according to|said|told|by)[\s,]+(?:\w+[\s,]+){0,2}$",
    re.I,
)
_OFFICIAL_AFTER = re.compile(r"^(?:,? (?:who|a|an|the) (?:\w+ ){0,3}?(?:spokes\w+|judge|prosecutor|minister|lawyer|"
                             r"attorney|director|chief|president|said|told)|\s+(?:said|says|told|wrote|added|explained|"
                             r"noted|argued|stated|announced|sagte|a déclaré|dijo|ha detto))", re.I)
# "Dominic Roe, chefe de contraterrorismo da Polícia", "X, head of the security service", "X, Leiter der
# Abteilung": a title with what it heads, put after a name: an official, whichever the language
_TITLE_OF_AFTER = re.compile(
    r"^,\s+(?:(?:the|a|an|le|la|el|il|o|der|die|de|het)\s+)?(?:" + "|".join(re.escape(t) for t in case_terms.official_titles())
    + r")\s+(?:of|de|da|do|dos|das|des|du|del|della|dello|dei|degli|van|von|der|d['’])\b", re.I)
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


_TWO_DIGIT_AGE_AFTER = re.compile(r",\s+\d{2}\s*,")
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
_AGED = cue("person.aged")  # "Dennis K. (44)", "Pinheiro, de 39 anos": introduced with an age
# A step said of the counterpart themselves ("handed documents to X, who was later expelled").
_STEP_AGAINST = re.compile(r"^[^.;]{0,40}?\b(?:who|he|she)\s+(?:was|were|has been|had been)\s+(?:later\s+|also\s+)?"
                           r"(?:arrested|detained|charged|expelled|convicted|sentenced|jailed|indicted)\b", re.I)


def _is_place(name: str) -> bool:
    """A facility, place or institution the model took for a person ("John F. Kennedy
    International Airport", "Oberlandesgericht Dresden")."""
    return any(t.lower().strip(".,") in case_terms.institution_words() for t in name.split())


_CREDIT_BEFORE = cue("person.credit_before")
_CREDIT_AFTER = cue("person.credit_after")


def _accused_persons(facts: SentenceFacts, candidates: list[Hit], lang: str = "en") -> list[Hit]:
    """Person names of a cue sentence that may be accused (officials and speakers removed)."""
    introduced_only = not (facts.stages or facts.espionage)
    if introduced_only and not INTRODUCED.search(facts.text):
        return []
    out: list[Hit] = []
    text = facts.text
    for hit in candidates:
        introduced = any(m.start(1) == hit.start for m in _SURNAMED.finditer(text))  # "identified by his surname Kim"
        if introduced_only and not introduced and hit.rule != "person.surnamed" and not _TWO_DIGIT_AGE_AFTER.match(facts.text[hit.end : hit.end + 8]) and not (
                _IDENTIFIED_BEFORE.search(facts.text[max(0, hit.start - 70) : hit.start])) and not (
                _APPOSED_TO_ROLE.search(facts.text[max(0, hit.start - 30) : hit.start])) and not any(
                m.start() <= hit.end and hit.start <= m.end() for m in _AGED.finditer(text)):
            continue  # a sentence with no step: only the person it introduces with an age
        name = hit.text.strip(" .,'’\"“”")
        if (len(name) < 3 and hit.rule != "person.surnamed") or countries_in(name, lang) or services_in(name):
            continue
        if stages_in(name, lang):
            continue  # "Anklage", "Main Anklage": a capitalised German step noun, not a name
        if (_is_place(name) and not introduced) or lexicon.is_place_name(name):
            continue  # "Oberlandesgericht Dresden", "USS Essex", "Bad Homburg"; not "his surname Park"
        if any(s.start < hit.end and hit.start < s.end for s in facts.services):
            continue  # "Shin Bet" read as a person "Shin": part of a service's name
        if case_terms.is_leader(name):
            continue  # "a summit between Kim Jong Un and ...": a leader named, not accused
        following = re.match(r"\s+(\w+)", text[hit.end : hit.end + 30])
        if following and following.group(1).lower() in case_terms.institution_words():
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
                _SAID_BEFORE.search(text[max(0, hit.start - 12) : hit.start]) and _CLAUSE_SUBJECT.match(rest_of(text, hit.end))):
            continue  # "said Marta Saar": the speaker; "said Darius Kairys, 47, had been ...": the accused
        if " " not in name and following and following.group(1).lower() in _PLACE_MODIFIED:
            continue  # "Bolton man charged ...": a town describing the person
        if _OFFICIAL_AFTER.search(text[hit.end : hit.end + 60]) or _TITLE_OF_AFTER.match(text[hit.end : hit.end + 80]):
            continue
        if _COUNTERPART_BEFORE.search(text[max(0, hit.start - 80) : hit.start]) and not _STEP_AGAINST.match(rest_of(text, hit.end)):
            continue  # "handed the files to X", "met his handler X": who received or ran them, not the accused
        if _RELATION_BEFORE.search(text[max(0, hit.start - 40) : hit.start]):
            continue  # "an assistant to Maximilian Krah": the accused is someone else
        if _CREDIT_BEFORE.search(text[max(0, hit.start - 20) : hit.start]) or _CREDIT_AFTER.match(text[hit.end : hit.end + 5]):
            continue  # "Image: Lars Hovland/NTB": who took the picture
        out.append(hit)
    return out


# Two or more capitalised tokens in a row (or a name and an initial): where a full name may be.
# Lower-case particles may stand inside ("Pieter van der Berg", "Ahmed al-Rashid").
_FULL_NAME = re.compile(r"\b[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][a-zß-öø-ÿā-žа-яёєіїґ'’-]+(?:\s+(?:(?:van|von|de|da|der|den|du|dos|das|del|di|bin|ibn|ter|ten|le|la)\s+)*"
                        r"(?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ]\.|(?:al-|el-)?[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][a-zß-öø-ÿā-žа-яёєіїґ'’-]+))+")


# Capitalised words that are never a person's name, though they stand in capitalised runs: parts of
# institutions, laws, offices and mastheads ("the Justice Department", "the Official Secrets Act").
_NAMELESS_CAPITALS = frozenset(
    "act acts department court ministry security intelligence service services bureau agency police office "
    "district attorney attorneys justice national federal state states party army navy force forces corps "
    "committee council union republic government university high supreme prosecutors prosecutor division "
    "section investigation commission house senate congress parliament military general staff directorate "
    "command guard coast air defense defence special judicial county times post news press daily herald "
    "tribune journal reuters associated television radio online international central information technology "
    "official secret secrets".split()
)
_CAPITALISED = re.compile(r"(?<![\w'’])[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][\w'’.-]*")


def only_known_capitals(f: SentenceFacts) -> bool:
    """Is every capitalised word of the sentence a known country, place or service, an acronym, or a
    word never part of a person's name? Then the model has no name to find there ("The Justice
    Department said the United States ..."), and is not asked: it is the costliest step of English
    analysis. One unknown capitalised word, the first included ("Wang told the Justice Department"),
    and it is asked."""
    known = [(h.start, h.end) for h in (*f.countries, *f.places, *f.services)]
    for m in _CAPITALISED.finditer(f.text):
        word = m.group(0).rstrip(".'’")
        if word.isupper() or any(start <= m.start() < end for start, end in known):
            continue
        bare = word.lower().removesuffix("'s").removesuffix("’s")
        if bare not in _STOPWORDS and bare not in _NAMELESS_CAPITALS and bare not in case_terms.institution_words():
            return False
    return True


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
    # "the Huangs": a family spoken of by their surname in the plural; "Сомова": a case of "Сомов"
    return re.compile(rf"(?<!\w)(?P<name>{alt})(?:s|es|{CASE_ENDINGS})?(?!\w)")


_COORDINATED = re.compile(r"\s*(?:,\s*)?(?:and|&)\s+$|\s*,\s*$")


def _add_known_accused(read: list[SentenceFacts], by_model: dict[int, list[Hit]], lang: str) -> None:
    """Coordinated with a name the model found, a name it left out that is an accused elsewhere
    in the article ("convicted Sokolov and Igor Gostev" after "Vladimir Sokolov ... convicted"):
    co-accused, so the sentence joins that person's proceeding. Only accused names count, not
    every name the model found ("Court Martial"), and only side by side ("Zhao was arrested on the
    same day as another sailor, Jinchao Wei" tells of two cases)."""
    accused = _known_names([f.text for f in read], [f.persons for f in read])
    if accused is None:
        return
    for f in read:
        hits = list(f.persons)
        model = by_model[id(f)]
        extra = [Hit(m.start("name"), m.end("name"), m.group("name"), m.group("name"), "person.known_name", "PERSON")
                 for m in accused.finditer(f.text)
                 if not any(h.start < m.end() and m.start() < h.end for h in model)
                 and any(_COORDINATED.match(f.text[m.end() : h.start]) or _COORDINATED.match(f.text[h.end : m.start()])
                         for h in model)]
        if extra:
            f.persons = _accused_persons(f, sorted([*hits, *extra], key=lambda h: h.start), lang)


def read_persons(all_facts: list[SentenceFacts], lang: str, nlp: spacy.Language | None) -> None:
    """Fill ``persons`` of the cue sentences. The model reads only sentences that may hold a
    full name; later mentions by surname alone are found by matching the names it found."""
    if lang in CJK_LANGS:
        return read_cjk_persons(all_facts, lang)  # names in their script, by each language's tool
    cue = [f for f in all_facts if f.is_cue]
    # a "sentence" longer than any real one (a table or a page without stops) is not given to
    # the model: its cost grows with the length and spaCy refuses a million characters
    read = [f for f in cue if len(f.text) <= MAX_MODEL_SENTENCE and (_SURNAMED.search(f.text) or _FULL_NAME.search(f.text)
                                                                       and not (lang == "en" and only_known_capitals(f)))]
    if nlp is None or lang != "en":
        found = [persons_by_rule(f.text, _STOPWORDS) for f in read]
    else:
        found = persons_by_model([f.text for f in read], nlp, _STOPWORDS)
        for f in all_facts:
            if len(f.text) <= MAX_MODEL_SENTENCE:
                f.parser = nlp  # parsed on first need: which person a nationality, a year belongs to
    if lang in CYRILLIC_LANGS:
        found = [name_persons(hits, lang) for hits in found]  # name words only, in the nominative
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
    if nlp is not None and lang == "en":
        _add_known_accused(read, by_model, lang)
    if known is not None:
        for f in all_facts:  # who a sentence speaks of, for the segmenter ("X denied it in his last words")
            f.refs = [m.group("name") for m in known.finditer(f.text)]


# Capitalised names for languages without a statistical model: "Jian G.", "Pierre-Marie H.",
# "Walter Biot", "Víctor Manuel Rocha".
_CAP = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ][a-zß-öø-ÿā-žа-яёєіїґ]+(?:-[A-ZÀ-ÖØ-ÞА-ЯЁЄІЇҐ][a-zß-öø-ÿā-žа-яёєіїґ]+)?"
_NAME_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a headline may end on it; Turkish gives two initials ("Ali R.K.") and suffixes them ("Hasan Ç.'nin")
    ("person.privacy_form", re.compile(rf"\b{_CAP} (?:[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁЄІЇҐ]\.){{1,2}}(?=[\s,;:)'’]|$)")),
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
    ranks = "|".join(re.escape(r).replace(r"\ ", r"[\s-]+") for r in case_terms.rank_titles())
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
    # The component is called directly: ``nlp.pipe(disable=...)`` reconfigures the pipeline on
    # every call, a third of the model's cost for the few sentences of one article.
    ner = nlp.get_pipe("ner")
    docs = [nlp.make_doc(text) for text in texts]
    read = [ner(docs[0])] if len(docs) == 1 else list(ner.pipe(docs))  # type: ignore[attr-defined]
    return persons_in_docs(read, stopwords)


def persons_in_docs(docs: list[Doc], stopwords: frozenset[str] = frozenset()) -> list[list[Hit]]:
    """``persons_by_model`` over docs the model has already read."""
    # A name the model calls a place anywhere in the article is a place where it calls it a
    # person too ("Bad Homburg"), as is a place of our own gazetteer.
    places = {e.text for doc in docs for e in doc.ents if e.label_ in _PLACE_LABELS}
    out: list[list[Hit]] = []
    for doc in docs:
        text = doc.text  # spaCy joins every token's text on each read of ``Doc.text``: read it once
        ents = list(doc.ents)
        hits = [Hit(e.start_char, e.end_char, e.text, e.text, "spacy:PERSON", "PERSON") for e in ents if e.label_ == "PERSON"]
        hits += [Hit(e.start_char, e.end_char, e.text, e.text, "person.aged_name", "PERSON")
                 for e in ents if e.label_ in _MISLABELLED and _is_aged_name(text, e.start_char, e.end_char, stopwords)]
        hits += _unlabelled_names(text, [(e.start_char, e.end_char) for e in ents if e.label_ not in _MISLABELLED],
                                  [(e.start_char, e.end_char) for e in ents if e.label_ in _MISLABELLED], stopwords)
        hits = [h for h in _rank_stripped(text, hits, stopwords) if h.text not in places and not lexicon.is_place_name(h.text)]
        out.append(surnamed(text, hits))  # "surnamed Zhong" is a person whatever the model calls it
    return out
