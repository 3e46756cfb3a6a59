"""The nationality field: nationality words the text gives the accused ("Taiwanese soldiers",
"a German citizen"), not counterparts, officials or institutions."""

from __future__ import annotations

import re
from functools import lru_cache

from spyglass.understand import lexicon
from spyglass.understand.cases import structure
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, alternation, form_of, lang_of, person_words
from spyglass.understand.lexicon import case_terms
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.tables.cues import cue

__all__ = ["nationality_of"]

# "A Chinese intelligence officer who ...": the subject of the sentence, with only an article before.
_INTELLIGENCE_OFFICER_AFTER = cue("nationality.intelligence_officer_after")
_ARTICLE_ONLY = cue("nationality.article_only")
# "Chinese-born", "Russian intelligence": a word that is not about a person.
_NOT_A_PERSON_AFTER = cue("nationality.not_a_person_after")
_HANDLER_AFTER = cue("nationality.handler_after")
_INSTITUTION = cue("nationality.institution")
# Person nouns that do not make the person accused: officials and counterparts of a story.
_NOT_ACCUSED_NOUNS = frozenset({"resident", "spy", "agent", "people", "lawyer", "president", "judge", "prosecutor",
                                "authority", "investigator", "police", "minister"})
_EXPELLED_NOUNS = frozenset({"official", "diplomat", "consul", "attaché", "officer", "ambassador"})
_DIPLOMAT_NOUNS = frozenset({"diplomat", "consul", "attaché", "ambassador"})
_COUNTERPART_BEFORE = cue("nationality.counterpart_before")
# "a meeting with Ivan Petrov, a Soviet embassy official": the nationality of the counterpart.
_COUNTERPART_NAMED = cue("nationality.counterpart_named")
_PASSPORT = cue("nationality.passport")
_CITIZEN_BEFORE = cue("nationality.citizen_before")
_FROM_AFTER_NAME = cue("nationality.from_after_name")
_MID_STOP = cue("nationality.mid_stop")
_LIST_GAP = cue("nationality.list_gap")
_RETALIATION = cue("seg.retaliation")


def _person_noun_pattern() -> re.Pattern[str]:
    """Up to two words, then a person noun: "Taiwanese [former army] officers"."""
    return re.compile(rf"^(?P<mid>(?:[\w'’.-]+ ){{0,2}}?)(?P<noun>{alternation(person_words())})(?:s|es)?\b", re.I)


_PERSON_NOUN = _person_noun_pattern()


def _singular(noun: str) -> str:
    noun = noun.lower()
    for end in ("es", "s"):
        if noun.endswith(end) and noun[: -len(end)] in _NOT_ACCUSED_NOUNS | _EXPELLED_NOUNS:
            return noun[: -len(end)]
    return noun


# A nationality word used of a person directly: before a full name, or as a noun.
_DEMONYM_AS_PERSON = cue("nationality.demonym_as_person")
_TITLE_AFTER = cue("nationality.title_after")
_SPEAKER_AFTER = cue("nationality.speaker_after")
# Country words that can give a nationality: a capital ("a New Taipei councillor", "the
# embassy in Berlin") never does; a country name only as "citizen of X" or "X passports".
_NATIONALITY_FORMS = frozenset({"adjective", "demonym", "citizen"})


_GENERIC_BEFORE = cue("nationality.generic_before")
_NOT_A_NOUN_AFTER = cue("nationality.national_adjective_after")
_COUNT_BEFORE = cue("nationality.count_before")
_NO_NOUN_AFTER = cue("nationality.no_noun_after")


def _german_noun(text: str, hit: Hit) -> bool:
    """A German nationality word capitalised inside a sentence after a count or an article and
    before no noun ("drei Deutsche", "der Russe"): German capitalises it only as a noun."""
    return (lang_of(hit) == "de" and hit.text[:1].isupper() and hit.start > 0
            and bool(_COUNT_BEFORE.search(text, 0, hit.start)) and bool(_NO_NOUN_AFTER.match(text, hit.end)))


_ROMANCE = frozenset({"fr", "es", "it", "pt"})
_DIPLOMAT_STEMS = ("diplom", "consul", "attach", "addett", "agregad", "funcion", "fonction", "funzion", "ambasciat",
                   "ambassad", "embajador", "embaixador")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\s+$")
# "cedeva documenti a un militare russo", "sa liaison avec l'interprète chinoise": the one given to or met
# Spanish marks a person who is the object of a verb with "a" ("detuvo en Madrid a un militar español"):
# after a legal step, "a un ..." is the accused, not the one given something.
_PERSONAL_A = cue("nationality.personal_a")
_COUNTERPART_ARTICLE = re.compile(r"\b(?:a|à|al|alla|ai|agli|aux|au|ao|aos|às|con|avec|com)\s+(?:(?:un|una|une|uno|um|uma|"
                                  r"uns|umas|l|la|le|il|lo|el|los|las|les|i|gli|o|os|as)(?:\s+|['’]))?$", re.I)


@lru_cache(maxsize=8)
def _role_words(lang: str) -> frozenset[str]:
    return frozenset(t.text.lower() for t in lexicon.role_terms(lang))


def _after_person_noun(text: str, hit: Hit, expelled: bool) -> bool:
    """A Romance nationality adjective after its noun ("dos diplomáticos iraníes", "un espion
    russe"): said of the accused, officials and diplomats only where they are expelled."""
    lang = lang_of(hit)
    if lang not in _ROMANCE:
        return False
    if form_of(hit) not in ("adjective", "demonym"):
        return False
    m = _WORD_BEFORE.search(text, max(0, hit.start - 40), hit.start)
    if m is not None and m.group(1).lower() not in _role_words(lang):
        # one word may stand between: "deux ex-agents secrets français", "agenti segreti russi"
        m = _WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
    if m is None or m.group(1).lower() not in _role_words(lang):
        return False
    if _COUNTERPART_ARTICLE.search(text, max(0, m.start() - 12), m.start()) and not (
            lang == "es" and _PERSONAL_A.search(text, max(0, m.start() - 80), m.start())):
        return False
    return expelled or not m.group(1).lower().startswith(_DIPLOMAT_STEMS)


def _attached(text: str, hit: Hit, expelled: bool) -> bool:
    """Whether the nationality word at ``hit`` is given to a person of the story."""
    if form_of(hit) == "capital":
        return False
    after = text[hit.end : hit.end + 60]
    before = text[max(0, hit.start - 25) : hit.start]
    if _INTELLIGENCE_OFFICER_AFTER.match(after) and _ARTICLE_ONLY.fullmatch(text[: hit.start]):
        return True  # "A Chinese intelligence officer who ... was sentenced": the sentence's subject
    if _NOT_A_PERSON_AFTER.match(after):
        return False
    if form_of(hit) == "name" and _FROM_AFTER_NAME.search(before):
        return True  # "“Robert A” from Ukraine": where the named person is from
    if _COUNTERPART_BEFORE.search(before) or _COUNTERPART_NAMED.search(text[max(0, hit.start - 70) : hit.start]):
        return False
    if _GENERIC_BEFORE.search(before):
        return False  # "any Chinese citizen who meets a diplomat": anyone, not the accused
    passport = _PASSPORT.match(after)
    if passport and _NOT_A_NOUN_AFTER.match(after, passport.end()):
        return False  # "U.S. national defense information": "national" is an adjective here
    if _CITIZEN_BEFORE.search(before) or passport:
        return True
    if form_of(hit) not in _NATIONALITY_FORMS:
        return False
    if _german_noun(text, hit):
        return True  # "drei Deutsche – Thomas R., ... – festgenommen": a nationality used as a noun
    if form_of(hit) == "demonym" and _COUNT_BEFORE.search(text, 0, hit.start) and _NO_NOUN_AFTER.match(text, hit.end):
        return True  # "een 39-jarige Iraniër gearresteerd", "två kineser greps": a demonym is a person noun
    if _after_person_noun(text, hit, expelled):
        return True
    if _DEMONYM_AS_PERSON.match(after) and form_of(hit) in _NATIONALITY_FORMS and not _TITLE_AFTER.match(after):
        return True  # "Singaporean Dickson Yeo jailed", "a Singaporean who ..."
    m = _PERSON_NOUN.match(after[1:]) if after[:1] == " " else None
    if not m:
        return False
    shouting = text.isupper() or text[:40].isupper()
    mid = m.group("mid").split()
    if any(_MID_STOP.fullmatch(w) for w in mid):
        return False  # a verb or a count between them: "Sweden expelled three Russian diplomats"
    words = mid + m.group("noun").split()
    if any((shouting or w[:1].isupper()) and _INSTITUTION.match(w) for w in words):
        return False  # "a New Zealand Army private", "U.S. District Judge": an institution, not a nationality
    noun = _singular(m.group("noun"))
    if noun in _NOT_ACCUSED_NOUNS and not (expelled and noun in _EXPELLED_NOUNS):
        return False
    if noun in _DIPLOMAT_NOUNS and not expelled:
        return False  # "meetings with Japanese diplomats": diplomats are counterparts unless expelled
    if m.group("noun").lower() == "officials" and not expelled:
        return False  # "British officials warned": the authorities, unless officials are expelled
    if _SPEAKER_AFTER.match(after[1 + m.end() :]):
        return False  # "Norwegian officials said": speakers, not the accused
    if _HANDLER_AFTER.search(after[: m.end() + 2]):
        return False
    return hit.text[:1].isupper() or shouting


def _bound(f: SentenceFacts, hit: Hit, by_rules: bool) -> bool:
    """The rules' verdict, overruled where the sentence's parse says whom the word is said of."""
    if f.parser is None or form_of(hit) not in ("adjective", "demonym") or hit.text.isupper():
        # a country's name gives a nationality only by the rules' "citizen of X"; text in
        # capitals parses badly
        return by_rules
    if not by_rules and "against" not in f.text[: hit.start]:
        return False  # the parse only vetoes, or adds after "against": nothing to ask it
    if by_rules and _PASSPORT.match(f.text[hit.end : hit.end + 40]):
        # "a Czech citizen", "dual German-Russian citizenship": said of a person as such, unless the
        # parse finds them victims ("a plot to assassinate Israeli citizens")
        return not structure.is_victim(f.doc, hit.start, hit.end)
    steps = [(h.start, h.end) for h in f.stages]
    verdict = structure.holder_is_accused(f.doc, hit.start, hit.end, steps, case_terms.institution_words(),
                                          person_words())
    # the parse vetoes freely; it adds a nationality the rules missed only after "against",
    # where the rules see a counterpart ("charges against two Dutch engineers")
    if verdict is False or (verdict and structure.after_against(f.doc, hit.start, hit.end)):
        return verdict
    return by_rules


def nationality_of(facts: list[SentenceFacts]) -> tuple[list[str], Found | None]:
    """Nationalities the text gives the accused ("Taiwanese soldiers", "a German citizen").

    Lists share the verdict of their last word: "American, British and Irish citizenship",
    "a Russian-Spanish dual national".
    """
    out: list[str] = []
    found: Found | None = None
    expelled = any(h.kb_id == "expelled" for f in facts for h in f.stages)
    for i, f in enumerate(facts):
        if i and _RETALIATION.search(f.text):
            continue  # "Moscow ousted two Colombian diplomats in retaliation": the other side's people
        for c, ok in zip(f.countries, _verdicts(f, expelled), strict=True):
            if ok and c.kb_id not in out:
                out.append(c.kb_id)
                found = found or Found(f, "nationality.attached", (c.start, c.end))
    return out, found


def _verdicts(f: SentenceFacts, expelled: bool) -> list[bool]:
    """Per country word of the sentence, whether it is given to the accused; read once per
    sentence (every proceeding holding it asks again)."""
    key = ("nationality.verdicts", expelled)
    if key in f.cache:
        return f.cache[key]
    hits = f.countries
    verdicts = [False] * len(hits)
    for i in range(len(hits) - 1, -1, -1):
        c = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        if nxt is not None and _LIST_GAP.match(f.text[c.end : nxt.start]):
            verdicts[i] = verdicts[i + 1]
        else:
            verdicts[i] = _bound(f, c, _attached(f.text, c, expelled))
    for i, c in enumerate(hits):
        # "14 citizens of Ukraine, Belarus and Russia": the noun before a list speaks of all of it
        listed = i > 0 and _LIST_GAP.match(f.text[hits[i - 1].end : c.start]) is not None
        if listed or not _CITIZEN_BEFORE.search(f.text[max(0, c.start - 25) : c.start]):
            continue
        j = i
        if _bound(f, c, _attached(f.text, c, expelled)):
            verdicts[i] = True
            while j + 1 < len(hits) and _LIST_GAP.match(f.text[hits[j].end : hits[j + 1].start]):
                j += 1
                verdicts[j] = True
    f.cache[key] = verdicts
    return verdicts


def case_nationality(facts: list[SentenceFacts], lead: list[SentenceFacts], is_lead: bool) -> tuple[list[str], Found | None]:
    """Nationalities of one case's accused; for the article's lead case the headline speaks of
    them too ("Retired Austrian colonel jailed")."""
    nationality, found = nationality_of(facts)
    if not nationality and is_lead:
        nationality, found = nationality_of([f for f in lead if f.is_title])
    return nationality, found
