"""Each language's grammar of quantities, read from ``tables/grammar/<lang>.toml``: the words of
durations (units, life terms, "and", range words, "a"/"one"), the half suffix and number
connectors, year-range phrases, how digits group thousands, and whether the script puts spaces
between words. One file per language, so a language is added by adding files, not code."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Grammar", "grammar_of", "has_grammar"]

_UNITS = ("year", "month", "week", "day")


@dataclass(frozen=True)
class Grammar:
    """What the quantity readers need to know of one language (every pattern a Python regex,
    matched case-insensitively)."""

    lang: str
    spaced: bool  # False for scripts without spaces between words: no word boundaries there
    digits: str  # "en" (1,200.5) or "other" (1.200,5 and 1 200)
    units: dict[str, str]  # year/month/week/day -> pattern of the unit word
    life: str  # a life term
    and_word: str  # "and" between two parts of a duration or a range
    range_start: str  # "between", "from"
    range_to: str  # "to", "-"
    singular: str  # "a"/"one" before a unit ("a year")
    unit_words: frozenset[str]  # the lower-case unit words, the cheap gate before the regexes
    half_suffix: str  # "and a half"
    connector: str  # "and" inside one number ("one hundred and five")
    year_ranges: tuple[tuple[str, str], ...]  # (pattern with {m} and Y, rule id)


def has_grammar(lang: str) -> bool:
    """Whether ``lang`` has a grammar file."""
    return resources.files("spyglass.understand.tables").joinpath("grammar", f"{lang}.toml").is_file()


@cache
def grammar_of(lang: str) -> Grammar:
    """The grammar of ``lang``; English for a language without a file (its digits and years
    still read)."""
    if not has_grammar(lang):
        return grammar_of("en")
    path = resources.files("spyglass.understand.tables").joinpath("grammar", f"{lang}.toml")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    try:
        return _grammar(lang, data)
    except KeyError as err:
        raise ValueError(f"tables/grammar/{lang}.toml: missing {err.args[0]!r}") from err


def _grammar(lang: str, data: dict[str, object]) -> Grammar:
    durations = data["durations"]
    numbers = data["numbers"]
    assert isinstance(durations, dict) and isinstance(numbers, dict)
    ranges = data.get("year_ranges", [])
    assert isinstance(ranges, list)
    return Grammar(
        lang=lang,
        spaced=bool(data.get("spaced", True)),
        digits=str(data.get("digits", "other")),
        units={unit: durations[unit] for unit in _UNITS if durations.get(unit)},
        life=durations["life"],
        and_word=durations["and"],
        range_start=durations["range_start"],
        range_to=durations["range_to"],
        singular=durations["singular"],
        unit_words=frozenset(w.lower() for w in durations["unit_words"]),
        half_suffix=numbers["half_suffix"],
        connector=numbers["connector"],
        year_ranges=tuple((r["pattern"], r["rule"]) for r in ranges),
    )
