"""The statistics readers' shared vocabulary: the cue table (``tables/relevance_stats.tsv``) as
compiled patterns, the counts a sentence holds, and the ``Claim`` record a reader hands on."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spyglass.understand.tables import read_rows
from spyglass.understand.tables.grammar import grammar_of

__all__ = ["Claim", "Cues", "Count", "YEAR", "stat_cues", "counts_in", "number_value"]

YEAR = r"(?:19[0-9]{2}|20[0-9]{2})"
GROUPS = ("espionage", "measure", "marker", "exclude", "year_last", "year_this", "year_before", "cumulative",
          "backref", "count_word")
_ENGLISH_WORDS = {
    "nil": 0, "none": 0, "zero": 0, "no": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12,
}
# "one" reads as a count too often by accident ("one of the"); "no" counts only before what a
# statistic counts ("no espionage convictions", "no one").
_NO = (r"no(?=\s+(?:[\w-]+\s+){0,2}?(?:cases|convictions|prosecutions|arrests|indictments|investigations|"
       r"proceedings|people|persons|one|spies|agents)\b)")
# What may follow a number that is not a count of people or cases.
_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:-|–)?\s*(?:%|per ?cent|percent|years?|months?|weeks?|days?|hours?|times|fold|year-old|"
    r"st\b|nd\b|rd\b|th\b|million|billion|thousand|km|kilomet|miles|euros?|dollars|pounds|yuan|"
    r"roubles?|rubles?|won|yen|(?:a|per) (?:year|month|day)(?! earlier| before| ago)|[-–]\s*\d|to \d|and \d+ (?:years|months)|"
    r"лет|года?\b|месяц|"
    # a unit glued to a number in the scripts without spaces: sums, shares, times, ages, durations
    r"[万萬億亿千百元円원억만천年년月월日일歲岁세살成倍次회%％]|小[时時]|시간|달러|ドル|[ヶかカ个個]月|개월)",
    re.IGNORECASE,
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:sections?|articles?|paragraphs?|chapter|clause|act|(?:sections?|articles?) \d+ (?:and|or|to)|no\.|§|"
    r"aged|age|ages|aged \d+ (?:and|to)|jan\w*|feb\w*|mar\w*|apr\w*|may|jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|"
    r"nov\w*|dec\w*|us\$|nt\$|rs\.?|a\$|c\$|статье|статьи|ст\.)\s*$",
    re.IGNORECASE,
)
# A letter or digit of a script with spaces between words: counts and cues stand apart from them, but
# inside a run of kana, ideographs or Hangul ("共31件", "사건은 9건으로").
WORD_CHAR = r"[^\W\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
_COUNT_AROUND = (r"(?<!" + WORD_CHAR + r")(?<![$€£¥.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6}|{words})(?!" + WORD_CHAR
                 + r"|%|[.,]\d)")
_DEFINITE = re.compile(r"(?:\bthe|\bthese|\bthose|\bboth|\ball)\s+$", re.IGNORECASE)


@dataclass(frozen=True)
class Cues:
    """One compiled, word-bounded pattern per cue group."""

    patterns: dict[str, re.Pattern[str]]

    def __getattr__(self, group: str) -> re.Pattern[str]:
        try:
            return self.patterns[group]
        except KeyError:
            raise AttributeError(group) from None


@cache
def stat_cues() -> Cues:
    """The cue table as one compiled pattern per group."""
    groups: dict[str, list[str]] = {g: [] for g in GROUPS}
    for _rid, group, pattern in read_rows("relevance_stats.tsv", 3):
        groups[group].append(pattern)
    return Cues({g: re.compile(_bounded(p), re.IGNORECASE) for g, p in groups.items()})


_UNSPACED_START = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _bounded(patterns: list[str]) -> str:
    """The cues of one group as one pattern: word-bounded, but those of the scripts without spaces
    ("起訴", "摘発", "적발") stand anywhere in a run of letters."""
    spaced = [p for p in patterns if not _UNSPACED_START.match(p)]
    unspaced = [p for p in patterns if _UNSPACED_START.match(p)]
    parts = ([r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)"] if spaced else []) + (["|".join(unspaced)] if unspaced else [])
    return "|".join(parts) or r"(?!)"


@cache
def _number_words(lang: str) -> dict[str, int]:
    """Words that write a count in ``lang`` (English by default) plus the cue table's count words."""
    words = dict(_ENGLISH_WORDS) if lang == "en" else {
        word.lower(): int(float(value)) for row_lang, word, value, kind in read_rows("numbers.tsv", 4)
        if row_lang == lang and kind in ("unit", "ten", "dozen") and float(value).is_integer() and float(value) != 1
    } if grammar_of(lang).spaced else {}  # unspaced scripts print counts in digits; "二" stands inside "二审"
    for rid, group, pattern in read_rows("relevance_stats.tsv", 3):
        if group == "count_word":
            words.update({word.lower(): int(rid.rsplit(".", 1)[1]) for word in pattern.split("|")})
    return words


@cache
def _count_regex(lang: str) -> re.Pattern[str]:
    words = sorted((re.escape(w) for w in _number_words(lang) if w != "no"), key=len, reverse=True)
    alternatives = "|".join([*([_compound(lang)] if lang == "en" else []), *words, *([_NO] if lang == "en" else [])])
    return re.compile(_COUNT_AROUND.replace("{words}", alternatives), re.IGNORECASE)


@dataclass(frozen=True)
class Count:
    """A number in a sentence that may count people or cases."""

    start: int
    end: int
    value: int
    definite: bool  # "the 64 charged", "the two men": a reference back, not a new figure
    weak: bool = False  # "no" counts only when read with its own year ("no convictions in 2020")


def _compound(lang: str) -> str:
    """ "twenty-three": a ten and a unit joined by a hyphen or a space."""
    words = _number_words(lang)
    tens = "|".join(w for w, v in words.items() if v >= 20 and v % 10 == 0)
    units = "|".join(w for w, v in words.items() if 1 <= v <= 9)
    return rf"(?:{tens})[- ](?:{units}|one)"


def number_value(raw: str, lang: str = "en") -> int | None:
    """A count written in digits or as a word ("nil" and "no" are 0); None otherwise."""
    raw = raw.lower().strip()
    words = {**_number_words(lang), "one": 1}
    parts = re.split(r"[- ]", raw)
    if len(parts) == 2 and all(p in words for p in parts):
        return words[parts[0]] + words[parts[1]]
    if raw in words and raw != "one":
        return words[raw]
    digits = raw.replace(",", "")
    return int(digits) if digits.isdigit() else None


def counts_in(sentence: str, lang: str = "en") -> list[Count]:
    """Every number in the sentence that counts people or cases: not years, sums, ages, shares."""
    out = []
    for m in _count_regex(lang).finditer(sentence):
        raw = m.group("n")
        if re.fullmatch(YEAR, raw) or _NOT_COUNT_AFTER.match(sentence, m.end()):
            continue
        before = sentence[max(0, m.start() - 25) : m.start()]
        if _NOT_COUNT_BEFORE.search(before):
            continue
        value = number_value(raw, lang)
        if value is not None:
            out.append(Count(m.start(), m.end(), value, bool(_DEFINITE.search(before)), raw.lower() == "no"))
    return out


@dataclass(frozen=True)
class Claim:
    """One per-year count as a reader found it, before its series is named.

    ``start``/``end`` are the offsets of the sentence or table row in the article text;
    ``noun`` is what follows the count ("people were prosecuted", a column label); ``clause``
    is the text its measure is read from; ``total`` is the figure a breakdown divides.
    """

    year: int
    value: int
    start: int
    end: int
    sentence: str
    rule: str
    confidence: float
    noun: str
    clause: str
    at: int  # where the count stands in ``clause``
    context: str = ""  # text before the clause that may name the reporting state (caption, previous sentence)
    group: str = ""  # a breakdown's share of its total ("military veterans")
    quote: tuple[int, int] | None = None  # the words in ``sentence`` that state the value
    total: Claim | None = field(default=None, compare=False)
