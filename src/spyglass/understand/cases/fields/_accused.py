"""The accused count and roles fields: how many people a proceeding accuses (a number with a
person noun, a pair, the names, one person) and the occupations printed for them."""

from __future__ import annotations

import re

from spyglass.understand import lexicon, quantities
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, alternation, person_words_any
from spyglass.understand.lexicon import case_terms
from spyglass.understand.lexicon.hits import Hit
from spyglass.understand.quantities import number_of
from spyglass.understand.sentences import rest_of
from spyglass.understand.tables.cues import cue

__all__ = ["count_of", "names_found", "roles_of"]

_OFFICIAL_BEFORE = cue("roles.official_before")


def _count_pattern() -> re.Pattern[str]:
    """<number> <up to three modifiers> <person noun, role or demonym>: "four Taiwanese soldiers"."""
    nouns = {n.lower() for n in case_terms.person_nouns()}
    for lang in lexicon.LANGS:
        nouns |= {t.text.lower() for t in lexicon.role_terms(lang)}
        nouns |= {t.text.lower() for t in lexicon.country_terms(lang) if t.form in ("demonym", "citizen")}
    alt = alternation(nouns)
    words = (w for lang in lexicon.LANGS for w, n in quantities.number_words(lang).items()
             if n.kind in ("unit", "ten", "dozen") and 1 <= n.value <= 99 and len(w) > 2)
    num = r"\d{1,3}|" + alternation(words)  # a trie: the longest number word wins
    return re.compile(rf"(?<![\w$€£.,-])(?P<n>{num})\s(?P<rest>(?:[\w'’.-]+ ){{0,3}}?)(?P<noun>{alt})(?:s|es)?\b", re.I)


_COUNT = _count_pattern()
_COUNT_REST_STOP = cue("count.rest_stop")
# A count that describes a population or a statistic, not the accused of one proceeding.
_COUNT_AGGREGATE_BEFORE = cue("count.aggregate_before")
_COUNT_AGGREGATE_AFTER = cue("count.aggregate_after")
_PLUS_ONE_BEFORE = cue("count.plus_one_before")
_PLUS_ONE_AFTER = cue("count.plus_one_after")
_PLUS_MORE_AFTER = cue("count.plus_more_after")
_PAIR = cue("count.pair")
_TRIO = cue("count.trio")
_KIN_ACCUSED = cue("count.kin_accused")
_ALL_N = cue("count.all_n")
_ALL_N_AFTER = cue("count.all_n_after")
_KIN_TERM = cue("count.kin_term")
# A count of the people the accused betrayed, exposed or recruited, not of the accused.
_OTHERS_BEFORE = cue("count.others_before")


def _singular_pattern() -> re.Pattern[str]:
    """One person spoken of: "a British man", "an engineer", "a one-time aide", "he was"."""
    # singular nouns only: "the number of people" speaks of many
    # a demonym is a person noun too ("een 39-jarige Iraniër", "a Dane")
    demonyms = {t.text.lower() for lang in lexicon.LANGS for t in lexicon.country_terms(lang) if t.form in ("demonym", "citizen")}
    # ... but not one that is also the adjective ("the Israeli intelligence agency" names no one)
    demonyms -= {t.text.lower() for lang in lexicon.LANGS for t in lexicon.country_terms(lang) if t.form == "adjective"}
    alt = alternation(w for w in person_words_any() | demonyms if not w.endswith("s") and w not in ("men", "women", "people", "police"))
    # the singular articles of our languages: "a", "ein(en)", "un(e)", "una", "uno", "een", "ett", "en",
    # "um(a)"; Turkish has none: "bir" (one), or an age or a nationality before the noun ("38 yaşındaki
    # mühendis", "Çin uyruklu sanık")
    article = r"an?|the|ein|eine|einen|einem|einer|un|une|una|uno|een|ett|en|um|uma|bir|yaşındaki|uyruklu|" \
              r"el|il|lo|le|la|al|au|del|du|het"  # not German "der/den/dem", plural forms too
    return re.compile(rf"(?:^|[\s—–-])(?:{article})\s+(?:[\w'’-]+\s+){{0,3}}?(?:{alt})\b(?!-)|\b(?:he|she) (?:was|is|has|had)\b", re.I)


_SINGULAR = _singular_pattern()


_THE_N = cue("count.the_n")
# "兩名男子", "外交官2人", "4명": a number with a classifier that counts people (one group holds the number)
_CLASSIFIER = cue("count.classifier")
# "男性（64）": one person told by an age in brackets, where a language has no article
_ONE = cue("count.one")


def _value(word: str) -> float | None:
    """A count printed in digits or in words of any of our languages ("trois", "zwei", "dos")."""
    return next((n for lang in lexicon.LANGS if (n := number_of(word, lang))), None)


def _stated_count(f: SentenceFacts) -> int | None:
    found = _stated_count_at(f)
    return found[0] if found else None


def _stated_count_at(f: SentenceFacts) -> tuple[int, tuple[int, int]] | None:
    """The count a number with a person noun states, and where the number stands."""
    for m in _COUNT.finditer(f.text):
        if _COUNT_REST_STOP.search(m.group("rest")):
            continue
        before = f.text[max(0, m.start() - 150) : m.start()]
        after = rest_of(f.text, m.end())
        if _COUNT_AGGREGATE_BEFORE.search(before[-20:]) or _COUNT_AGGREGATE_AFTER.match(after):
            continue
        if _OTHERS_BEFORE.search(before[-50:]):
            continue  # "led to the arrest of at least ten Soviet officials": victims, not the accused
        n = _value(m.group("n"))
        if not n or not 1 <= n <= 200:
            continue
        span = m.span("n")
        if plus := _PLUS_ONE_BEFORE.search(before):
            n, span = n + 1, (m.start() - len(before) + plus.start(), span[1])  # "a Chinese national ... along with two Filipinos"
        elif plus := _PLUS_ONE_AFTER.match(after):
            n, span = n + 1, (span[0], m.end() + plus.end())  # "two employees and a third man"
        elif (more := _PLUS_MORE_AFTER.match(after)) and (extra := _value(more.group("m"))):
            n, span = n + extra, (span[0], m.end() + more.end())  # "three men and two women"
        return int(n), span
    return None


def _classified_count_at(f: SentenceFacts) -> tuple[int, tuple[int, int]] | None:
    """The count a number with a classifier for people states, and where the number stands."""
    for m in _CLASSIFIER.finditer(f.text):
        group = next((i for i, g in enumerate(m.groups(), 1) if g), 0)
        value = _value(m.group(group)) if group else None
        if value and 1 <= value <= 200 and not _COUNT_AGGREGATE_AFTER.match(rest_of(f.text, m.end())):
            return int(value), m.span(group)
    return None


def count_of(facts: list[SentenceFacts], names: list[str]) -> tuple[int | None, Found | None]:
    """Persons accused in the proceeding, as stated: a number with a person noun, a pair, the
    names found, or one person when the text speaks of one ("a British man", "he was")."""
    if all_of := _all_n(facts):
        return all_of
    for f in facts:
        if not (f.stages or f.is_title):
            continue
        if stated := _stated_count_at(f):
            return stated[0], Found(f, "count.number_noun", stated[1])
        if classified := _classified_count_at(f):
            return classified[0], Found(f, "count.classifier", classified[1])
    for f in facts:
        if (m := _THE_N.search(f.text)) and (value := _value(m.group("n"))):
            return int(value), Found(f, "count.the_n", m.span("n"))
    for f in facts:
        if m := _PAIR.search(f.text):
            return 2, Found(f, "count.pair", m.span())
        if f.stages and (m := _TRIO.search(f.text)):  # "the trio used to share ...": maybe two cases
            return 3, Found(f, "count.trio", m.span())
    for f in facts:
        stepped = f.stages or (f.durations and _KIN_TERM.search(f.text))
        if stepped and (m := _KIN_ACCUSED.search(f.text)) and len(names) <= 2:
            return 2, Found(f, "count.kin_accused", m.span())
    first = next((f for f in facts if f.stages), None)
    if first is not None and (m := _SINGULAR.search(first.text) or _ONE.search(first.text)) and len(names) != 1:
        return 1, Found(first, "count.singular", m.span())
    if names:
        return len(names), names_found(facts, names, "count.names")
    for f in facts:
        if f.stages and (m := _SINGULAR.search(f.text) or _ONE.search(f.text)):
            return 1, Found(f, "count.singular", m.span())
    for f in facts:  # a count in a sentence whose step the tables do not know ("is expelling 18 ...")
        if (stated := _stated_count_at(f)) and f.espionage:
            return stated[0], Found(f, "count.number_noun", stated[1])
    return None, None


def _all_n(facts: list[SentenceFacts]) -> tuple[int, Found] | None:
    """"All three were sentenced", "Alle drei Männer": the count of the whole group, said of people."""
    for f in facts:
        for m in _ALL_N.finditer(f.text):
            value = _value(m.group("n"))
            if value and 2 <= value <= 200 and _people_or_verb_after(f.text, m.end()):
                return int(value), Found(f, "count.all_n", m.span("n"))
    return None


_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def _people_or_verb_after(text: str, end: int) -> bool:
    if _ALL_N_AFTER.match(text[end : end + 60]):
        return True
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1).lower() in person_words_any()


def names_found(facts: list[SentenceFacts], names: list[str], rule: str) -> Found:
    """The first sentence that prints one of the names, with the name's place in it."""
    for f in facts:
        for name in names:
            at = f.text.find(name)
            if at >= 0:
                return Found(f, rule, (at, at + len(name)))
    return Found(facts[0], rule)


_APPOSITION_GAP = re.compile(r"^,\s+(?:(?:a|an|the)\s+)?(?:(?:former|retired|ex-|senior|\w+)\s+){0,2}$")


def _apposed(f: SentenceFacts, hit: Hit) -> bool:
    """A role put next to an accused's name ("Jan Novak, a former prosecutor, was ...")."""
    return any(_APPOSITION_GAP.match(f.text[p.end : hit.start]) for p in f.persons if p.end <= hit.start)


def roles_of(facts: list[SentenceFacts]) -> tuple[list[str], Found | None]:
    """Occupation keywords as printed, lower case, in the proceeding's stage sentences."""
    out: list[str] = []
    found: Found | None = None
    for f in facts:
        if not (f.stages or f.persons or f.is_title):
            continue
        for hit in f.roles:
            before = f.text[max(0, hit.start - 12) : hit.start].lower()
            if _OFFICIAL_BEFORE.search(before):
                continue
            role = hit.kb_id
            if role in case_terms.court_side_roles() and not _apposed(f, hit):
                continue  # "a federal judge", "Prosecutors charged them": the court's side
            if role not in out and role not in {"spy", "agent", "official"}:
                out.append(role)
                found = found or Found(f, hit.rule, (hit.start, hit.end))
    return out[:4], found


def case_count(
    facts: list[SentenceFacts], names: list[str], lead: list[SentenceFacts], is_lead: bool,
) -> tuple[int | None, Found | None]:
    """Persons accused in one case; for the article's lead case the headline may say it."""
    count, found = count_of(facts, names)
    if count is None and is_lead:
        count, found = count_of([f for f in lead if f.is_title], [])
    return count, found
