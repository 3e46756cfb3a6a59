"""Read durations in months ("five and a half years" -> 66, "29 years and 2 months" -> 350,
life terms) and ranges of one unit ("between 70 and 84 months")."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spyglass.understand.quantities._numbers import boundary, number_of, number_regex
from spyglass.understand.quantities._windows import anchors, windows
from spyglass.understand.tables.grammar import grammar_of

__all__ = ["Duration", "DurationRange", "durations_in", "duration_ranges_in"]


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    months: int | Literal["life"]
    text: str
    rule: str


@dataclass(frozen=True)
class DurationRange:
    start: int
    end: int
    low: int
    high: int
    text: str = ""
    rule: str = "duration.range"


_UNIT_PREFIXES = ("lebensl",)
_UNIT_MONTHS = {"year": 12.0, "month": 1.0, "week": 7 / 30.4375, "day": 1 / 30.4375}
_CALENDAR_YEAR = re.compile(r"(?:1[89]|20)\d\d")


@cache
def _duration_regexes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    g, b = grammar_of(lang), boundary(lang)
    number = number_regex(lang).pattern
    units = "|".join(rf"(?P<{k}>{v})" for k, v in g.units.items())
    one = rf"(?:(?:{number})|{b}(?:{g.singular}))"
    part = rf"{one}\s*(?:-\s*|['’]\s*)?(?:{units}){b}(?:{g.half_suffix})?"
    unit_only = "|".join(g.units.values())
    plain_part = rf"{one}\s*(?:-\s*|['’]\s*)?(?:{unit_only}){b}(?:{g.half_suffix})?"
    chain = rf"{plain_part}(?:\s*,?\s*(?:(?:{g.and_word})\s*)?{plain_part})*" if not g.spaced else \
        rf"{plain_part}(?:\s*,?\s*(?:(?:{g.and_word})\s+)?{plain_part})*"
    rng = (rf"(?:{b}(?P<pre>{g.range_start})\s*)?(?P<low>{number})\s*(?P<to>{g.range_to}|{b}(?:{g.and_word}){b})\s*"
           rf"(?P<high>{number})\s*(?:-\s*|['’]\s*)?(?:{unit_only}){b}")
    flags = re.IGNORECASE
    return re.compile(part, flags), re.compile(chain, flags), re.compile(rng, flags)


def _part_months(m: re.Match[str], lang: str) -> float | None:
    g = grammar_of(lang)
    unit = next(k for k in g.units if m.group(k))
    head = m.group()[: m.start(unit) - m.start()].strip(" -'’")
    if unit == "year" and _CALENDAR_YEAR.fullmatch(head):
        return None  # "w 2023 roku", "в 2023 году": a year of the calendar, not 2023 years
    value = 1.0 if re.fullmatch(g.singular, head, re.IGNORECASE) else number_of(head, lang)
    if value is None:
        return None
    if re.search(g.half_suffix + "$", m.group(), re.IGNORECASE):
        value += 0.5
    return value * _UNIT_MONTHS[unit]


def _chain_months(text: str, lang: str) -> int | None:
    part_re = _duration_regexes(lang)[0]
    total = 0.0
    for m in part_re.finditer(text):
        months = _part_months(m, lang)
        if months is None:
            return None
        total += months
    # Weeks and days are floored away ("5 years and 3 weeks" -> 60); the epsilon keeps
    # 5.5 * 12 = 66 from becoming 65.999.
    return math.floor(total + 1e-9)


def _ranges(text: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[DurationRange, tuple[int, int], int, tuple[int, int]]]:
    """Ranges with the first number's span, where the second starts, and each one's months in
    the order printed (a pair "seven and six years" is printed high first)."""
    _part, _chain, rng = _duration_regexes(lang)
    found = []
    for m in rng.finditer(text, start, len(text) if end is None else end):
        unit = _unit_of(text[m.end("high"):m.end()], lang)
        low, high = number_of(m.group("low"), lang), number_of(m.group("high"), lang)
        if low is None or high is None or unit is None:
            continue
        paired = re.fullmatch(grammar_of(lang).and_word, m.group("to").strip(), re.IGNORECASE) is not None
        plain_and = m.group("to").strip().lower() == grammar_of(lang).and_word.split("|")[0]
        if paired and plain_and and not (float(low).is_integer() and float(high).is_integer() and low >= 1 and high >= 1):
            continue  # "three and a half years" is one term ("einem beziehungsweise einem halben Jahr" two)
        if paired and low >= 20 and low % 10 == 0 and _connector(lang).match(text, m.end("low")) is not None:
            continue  # "vinte e cinco anos", "one hundred and five years": one number ("neuf et onze ans" is a pair)
        if low > high and not (paired and low < 100):
            continue  # "in March 2023 to 30 years" is not a range; "seven and six years, respectively" is a pair
        if _after_money(text, m.start("low")):
            continue  # "$7,000 and 20 years"
        factor = _UNIT_MONTHS[unit]
        first, second = math.floor(low * factor + 1e-9), math.floor(high * factor + 1e-9)
        span = DurationRange(m.start(), m.end(), min(first, second), max(first, second), m.group())
        found.append((span, (m.start("low"), m.end("low")), m.start("high"), (first, second)))
    return found


@cache
def _connector(lang: str) -> re.Pattern[str]:
    """"and" inside one number in ``lang`` ("vinte e cinco", "hundred and five")."""
    return re.compile(grammar_of(lang).connector, re.IGNORECASE)


def _after_money(text: str, pos: int) -> bool:
    return bool(re.search(r"[$€£¥₹₩₪₽]\s*$|\b(?:US|NT|C|A|NZ|HK)\$\s*$", text[max(0, pos - 4):pos]))


def duration_ranges_in(text: str, lang: str = "en") -> list[DurationRange]:
    """Ranges of one unit: "between 70 and 84 months", "six to eight years", "70-84 months",
    and pairs across co-accused ("à huit et douze ans")."""
    found: list[DurationRange] = []
    for start, end in windows(text, _unit_anchors(text, lang)):
        found.extend(r for r, _low, _high, _months in _ranges(text, lang, start, end))
    return found


def _unit_of(tail: str, lang: str) -> str | None:
    for unit, pattern in grammar_of(lang).units.items():
        if re.search(rf"(?:{pattern}){boundary(lang)}", tail, re.IGNORECASE):
            return unit
    return None


def durations_in(text: str, lang: str = "en") -> list[Duration]:
    """Durations with spans, in months: "70 months", "five and a half years" (66), "29 years
    and 2 months" (350), "zwei Jahre und neun Monate", "vent'anni", life terms ("life").
    A range gives two durations, one per end (see ``duration_ranges_in``)."""
    found: list[Duration] = []
    for start, end in windows(text, _unit_anchors(text, lang)):
        found.extend(_durations_between(text, start, end, lang))
    return sorted(found, key=lambda d: (d.start, d.end))


def _durations_between(text: str, start: int, end: int, lang: str) -> list[Duration]:
    found: list[Duration] = []
    for r, (low_start, low_end), high_start, (first, second) in _ranges(text, lang, start, end):
        found.append(Duration(low_start, low_end, first, text[low_start:low_end], "duration.range.low"))
        found.append(Duration(high_start, r.end, second, text[high_start:r.end], "duration.range.high"))
    for m in _life_regex(lang).finditer(text, start, end):
        found.append(Duration(m.start(), m.end(), "life", m.group(), "duration.life"))
    part, chain, _rng = _duration_regexes(lang)
    for m in chain.finditer(text, start, end):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        months = _chain_months(m.group(), lang)
        if months is not None:
            rule = "duration.compound" if len(part.findall(m.group())) > 1 else "duration.simple"
            found.append(Duration(m.start(), m.end(), months, m.group(), rule))
    return found


@cache
def _life_regex(lang: str) -> re.Pattern[str]:
    return re.compile(grammar_of(lang).life, re.IGNORECASE)


def _unit_anchors(text: str, lang: str) -> list[int]:
    g = grammar_of(lang)
    return anchors(text, g.unit_words, _UNIT_PREFIXES, spaced=g.spaced)
