"""Russian and Ukrainian person names: which capitalised runs are names, and each name in the
nominative.

The capitalised-token patterns of ``persons`` find runs like "Житель Владивостока Сергей" or
"Андрея Сомова". pymorphy3's dictionaries (loaded once, lazily, by ``lexicon._slavic``) know
first names, patronymics and surnames (grammemes Name, Patr, Surn): a run keeps the words from its
first name-like word on (a common noun or a place before it is dropped) and must hold one. News
names people in the case the sentence needs ("задержали Андрея Сомова", "Віктору Гаврилюку"), and
annotators record them in the nominative: the first name's analysis says the case and gender, the
patronymic and surname follow it (from the dictionary, or by the surname endings below when the
dictionary does not know the surname: "Сомова" -> "Сомов"). Where the first name's case or gender
is ambiguous, or a surname ending fits no rule, the printed form is kept.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from spyglass.understand.lexicon._slavic import morph
from spyglass.understand.lexicon.hits import Hit

if TYPE_CHECKING:
    from pymorphy3.analyzer import Parse

__all__ = ["CASE_ENDINGS", "CYRILLIC_LANGS", "name_persons", "nominative"]

CYRILLIC_LANGS = frozenset({"ru", "uk"})
# The case endings a name met in the nominative takes later ("Сомов" -> "Сомова", "Сомову", "Сомовым";
# "Ткачук" -> "Ткачукові"): a later mention in another case is the same person.
CASE_ENDINGS = "а|у|ом|ым|им|ой|ую|е|ем|ю|я|ей|ові|еві|ою|ої|ій"
_NAME_TAGS = frozenset({"Name", "Surn", "Patr"})
_INITIAL = re.compile(r"^[А-ЯЁЄІЇҐ]\.$")
_CYRILLIC = re.compile(r"[а-яёєіїґ]", re.I)

# Surname endings in the oblique cases -> the nominative, by gender and case, for surnames the
# dictionary lacks. Masculine -ов/-ев/-ин and -ский decline like adjectives; other masculine
# surnames like nouns ("Ткачука", "Каску"); Ukrainian -енко declines in the masculine only;
# feminine -ова/-ина/-ская decline, feminine surnames ending in a consonant do not.
_SURNAME_ENDINGS: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {
    ("masc", "gent"): (("ского", "ский"), ("цкого", "цкий"), ("ова", "ов"), ("ева", "ев"), ("ёва", "ёв"), ("ина", "ин"),
                       ("ына", "ын"), ("енка", "енко"), ("ька", "ько")),
    ("masc", "datv"): (("скому", "ский"), ("цкому", "цкий"), ("ову", "ов"), ("еву", "ев"), ("ину", "ин"), ("ыну", "ын"),
                       ("енку", "енко"), ("енкові", "енко"), ("ові", ""), ("еві", "")),
    ("masc", "ablt"): (("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"), ("ом", ""),
                       ("ем", "")),
    ("masc", "loct"): (("ском", "ский"), ("ове", "ов"), ("еве", "ев"), ("ине", "ин"), ("ові", ""), ("і", "")),
    ("femn", "accs"): (("скую", "ская"), ("цкую", "цкая"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"),
                       ("ську", "ська"), ("цьку", "цька")),
    ("femn", "gent"): (("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                       ("ської", "ська"), ("ової", "ова"), ("евої", "ева"), ("іної", "іна")),
}
_SURNAME_ENDINGS[("masc", "accs")] = _SURNAME_ENDINGS[("masc", "gent")]
_SURNAME_ENDINGS[("femn", "datv")] = _SURNAME_ENDINGS[("femn", "gent")]
_SURNAME_ENDINGS[("femn", "ablt")] = (("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
                                      ("ською", "ська"), ("овою", "ова"), ("евою", "ева"), ("іною", "іна"))
_SURNAME_ENDINGS[("femn", "loct")] = _SURNAME_ENDINGS[("femn", "gent")]
# a masculine surname that declines like a noun takes these endings after a consonant
_NOUN_ENDINGS = {"gent": "а", "accs": "а", "datv": "у"}


@lru_cache(maxsize=4096)
def _parses(word: str, lang: str) -> tuple[Parse, ...]:
    return tuple(morph(lang).parse(word))


def _name_like(word: str, lang: str) -> bool:
    """A first name, patronymic or surname in the dictionary, an initial, or a word it does not
    know at all (foreign and rare surnames)."""
    if _INITIAL.match(word):
        return True
    parses = _parses(word, lang)
    return any(_NAME_TAGS & p.tag.grammemes for p in parses) or not any(p.is_known for p in parses)


def _is_place(word: str, lang: str) -> bool:
    return any("Geox" in p.tag.grammemes for p in _parses(word, lang))


def name_persons(hits: list[Hit], lang: str) -> list[Hit]:
    """Person hits of a Russian or Ukrainian sentence: each trimmed to its name words and given in
    the nominative; a run with no name word is no person."""
    out = []
    for hit in hits:
        trimmed = _trimmed(hit, lang)
        if trimmed is not None:
            name = nominative(trimmed.text, lang)
            out.append(replace(trimmed, text=name, kb_id=name))
    return out


def _trimmed(hit: Hit, lang: str) -> Hit | None:
    if not _CYRILLIC.search(hit.text):
        return hit
    words = hit.text.split(" ")
    first = next((i for i, w in enumerate(words) if _name_like(w, lang) and not _is_place(w, lang)), None)
    if first is None:
        return None
    kept = words[first:]
    while len(kept) > 1 and _is_place(kept[-1], lang) and not _name_like(kept[-1], lang):
        kept.pop()
    if not any(_NAME_TAGS & p.tag.grammemes for w in kept for p in _parses(w, lang)) and len(kept) < 2:
        return None  # one word no dictionary calls a name: a capitalised noun, not a person
    start = hit.start + len(" ".join(words[:first])) + (1 if first else 0)
    text = " ".join(kept)
    return replace(hit, start=start, end=start + len(text), text=text, kb_id=text)


def _first_name(words: list[str], lang: str) -> tuple[int, Parse] | None:
    """The first name of a run and its analysis, when its case and gender are certain: a name
    that reads several ways ("Романа": a man's in the genitive, a woman's in the nominative)
    takes the reading the next word agrees with ("Романа Ткачука")."""
    for i, word in enumerate(words):
        names = [p for p in _parses(word, lang) if "Name" in p.tag.grammemes and p.tag.number != "plur"]
        if not names:
            continue
        following = [p for w in words[i + 1 :] for p in _parses(w, lang) if {"Surn", "Patr"} & p.tag.grammemes]
        agreeing = [p for p in names if any(f.tag.case == p.tag.case and f.tag.gender in (p.tag.gender, None)
                                             for f in following)]
        chosen = agreeing or names
        if len({(p.normal_form, p.tag.gender) for p in chosen}) != 1:
            return None  # "Саша" is a man's and a woman's name: the case of the rest is unsure
        return i, chosen[0]
    return None


def nominative(name: str, lang: str) -> str:
    """A Russian or Ukrainian name in the nominative ("Олега Викторовича Ветрова" -> "Олег
    Викторович Ветров"), or as printed where the analysis is not confident."""
    words = name.split(" ")
    found = _first_name(words, lang)
    if found is None or found[1].tag.case == "nomn":
        return name
    at, first = found
    out = []
    for i, word in enumerate(words):
        form = word if _INITIAL.match(word) else _word_nominative(word, i == at, first, lang)
        if form is None:
            return name
        out.append(form)
    return " ".join(out)


def _word_nominative(word: str, is_first: bool, first: Parse, lang: str) -> str | None:
    case, gender = first.tag.case, first.tag.gender
    if is_first:
        inflected = first.inflect({"nomn"})
        return _capitalised(inflected.word) if inflected else None
    for p in _parses(word, lang):
        if ({"Patr", "Surn"} & p.tag.grammemes) and p.tag.case == case and p.tag.gender in (gender, None) and (
                p.tag.number != "plur"):  # "Петровых" may be a family's name: no person's nominative
            inflected = p.inflect({"nomn"})
            if inflected:
                return _capitalised(inflected.word)
    return _surname_by_ending(word, gender, case)


def _surname_by_ending(word: str, gender: str | None, case: str | None) -> str | None:
    if gender is None or case is None:
        return None
    for ending, nominative_ending in _SURNAME_ENDINGS.get((gender, case), ()):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)] + nominative_ending
    noun_ending = _NOUN_ENDINGS.get(case)
    if gender == "masc" and noun_ending and word.endswith(noun_ending) and word[-2:-1].lower() not in "аеёиоуыэюяіїє":
        return word[:-1]  # "Ткачука" -> "Ткачук", "Каску" -> "Каск"
    if gender == "femn" and word[-1:].lower() not in "аеёиоуыэюяіїєй":
        return word  # "Оксану Мельник": a woman's surname in a consonant does not decline
    return None


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]
