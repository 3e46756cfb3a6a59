"""The sentence field: prison terms imposed, in months ("life" at either end), told apart from
terms sought, maximums, ages and terms already served by the words around them."""

from __future__ import annotations

import re
from functools import cache

from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, alternation, person_words_any, window
from spyglass.understand.quantities import Quantity
from spyglass.understand.sentences import rest_of
from spyglass.understand.tables.cues import cue

__all__ = ["sentence_months_of"]

# Sentencing words near a term, and words that make it sought, a maximum or time already served.
TERM_CUE = cue("term.cue")
TERM_BLOCK = cue("term.block")
# An age or a date after the number ("47-year-old", "two years later"), a rounded term.
_AGE_AFTER = cue("term.age_after")
_APPROXIMATE = cue("term.approximate")
_AGE_APPOSITION = cue("term.age_apposition")
_COMMA_AFTER = cue("term.comma_after")
_NOT_TERM_AFTER = cue("term.not_term_after")
# A block word belongs to its own clause: where the clause before a term starts.
_CLAUSE_SPLIT = cue("term.clause_split")
_LIFE_CLAUSE_SPLIT = cue("term.life_clause_split")
# Wording after a term that makes it requested, not imposed ("siebeneinhalb Jahre gefordert").
TERM_BLOCK_AFTER = cue("term.block_after")
_REQUESTED_VERB_LAST = cue("term.requested_verb_last")
# "- Orlin Novak, 47, the leader — 10 years and 8 months;": a term in a sentencing list.
_LIST_ITEM = cue("term.list_item")
_LIST_TERM_BEFORE = cue("term.list_term_before")


# "five years for trying to smuggle pills": a term for another crime, not for the spying.
_OTHER_CRIME_AFTER = cue("term.other_crime_after")
# "the appeal court reduced the sentence to 29 years": the term that replaces the first one.
_REDUCED_BEFORE = cue("term.reduced_before")
# "£2,500 a month", "$40,000 a year": a rate of pay right after an amount, not a term.
_RATE_BEFORE = cue("term.rate_before")
_IMPOSED_BEFORE = cue("term.imposed_before")
_IMPOSED_MAXIMUM = cue("term.imposed_maximum")
_SPAN_BEFORE = cue("term.span_before")
_VERB_LAST_BEFORE = cue("term.verb_last_before")
_VERB_LAST_AFTER = cue("term.verb_last_after")


@cache
def _age_of_person() -> re.Pattern[str]:
    """"un ingénieur de 45 ans", "un tecnico di 52 anni", "un militar de 40 años": a person's
    age told after the noun (a term is told after a sentencing word: "une peine de six ans")."""
    return re.compile(rf"\b(?:{alternation(person_words_any())})s?(?:\s+[^\W\d_]+)?\s+(?:de|di|d['’])\s*$", re.I)


def _is_reduced(f: SentenceFacts, start: int) -> bool:
    return bool(_REDUCED_BEFORE.search(f.text[max(0, start - 110) : start]))


def _is_term(f: SentenceFacts, start: int, end: int) -> bool:
    before, after = window(f.text, start, end, 70, 30)
    if TERM_BLOCK_AFTER.match(after) or _OTHER_CRIME_AFTER.match(f.text[end : end + 90]):
        return False
    if _REQUESTED_VERB_LAST.match(f.text[end : end + 200]):
        return False
    if _RATE_BEFORE.search(f.text[max(0, start - 40) : start]) or _SPAN_BEFORE.search(before):
        return False
    if _is_reduced(f, start):
        return True
    if _LIST_ITEM.match(f.text) and _LIST_TERM_BEFORE.search(before):
        return True
    if _AGE_AFTER.search(rest_of(f.text, end)) and not _IMPOSED_BEFORE.search(before):
        return False
    if _AGE_APPOSITION.search(before) and _COMMA_AFTER.match(after):
        return False  # "Biot, 58 anni, ...": an age between commas
    if _age_of_person().search(before[-40:]):
        return False
    if _IMPOSED_MAXIMUM.search(before):
        return True
    clause = _CLAUSE_SPLIT.split(before)[-1]  # a block word belongs to its own clause
    if TERM_BLOCK.search(clause[-45:]) or _NOT_TERM_AFTER.match(after):
        return False
    if _VERB_LAST_BEFORE.search(before) and _VERB_LAST_AFTER.match(rest_of(f.text, end)):
        return True  # "zu fünf Jahren und seine Helfer zu ... verurteilt"
    return bool(TERM_CUE.search(before[-60:]) or TERM_CUE.search(after[:25]))


# "condannato a sei anni X e a quattro anni Y", "sentenced X to six years and Y to four years": a
# second term joined to the first, whose sentencing verb it shares.
_COORDINATED_TERM = cue("term.coordinated")
_LIFE_TERM = cue("term.life_word")
_DEATH_BEFORE = cue("term.death_before")


def _is_life_term(f: SentenceFacts, q: Quantity) -> bool:
    """A life term, not a death sentence "commuted to life" or "life" in another sense."""
    if _DEATH_BEFORE.search(f.text[max(0, q.start - 120) : q.start]):
        return False
    clause = _LIFE_CLAUSE_SPLIT.split(f.text[max(0, q.start - 70) : q.start])[-1]
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
    reduced: list[tuple[object, Found]] = []
    for f in facts:
        termed = False  # a term read earlier in the sentence: "... e a quattro anni il figlio" shares its verb
        for q in f.durations:
            if q.value == "life":
                if not _is_life_term(f, q):
                    continue
            elif not (_is_term(f, q.start, q.end) or termed and _COORDINATED_TERM.search(f.text, max(0, q.start - 12), q.start)):
                continue
            termed = True
            weak = f.is_title or bool(_APPROXIMATE.search(f.text[max(0, q.start - 20) : q.start]))
            (rough if weak else exact).append((q.value, Found(f, f"{q.rule}.rough" if weak else q.rule, (q.start, q.end))))
            if not weak and _is_reduced(f, q.start):
                reduced.append(exact[-1])
    # one accused whose term an appeal changed: the new term replaces the first one
    chosen = reduced if reduced and (count is None or count <= 1) else exact or rough
    if not chosen:
        return None, None
    lows = [end for end, _ in chosen]
    numbers = sorted(v for v in lows if isinstance(v, int))
    life = "life" in lows
    if life and count == 1:
        return ("life", "life"), next(fd for end, fd in chosen if end == "life")
    low_v: object = numbers[0] if numbers else "life"
    high_v: object = "life" if life else numbers[-1]
    return (low_v, high_v), next(fd for end, fd in chosen if end == low_v)


def case_sentence_months(
    facts: list[SentenceFacts], count: int | None, names: list[str],
) -> tuple[tuple[object, object] | None, Found | None]:
    """The prison term of one case: with two accused named, a life term is one person's, not
    the whole proceeding's."""
    return sentence_months_of(facts, count if len(names) < 2 else max(count or 0, len(names)))
