"""Read years and year ranges ("between 2002 and 2024", "2002-24", "since at least 1981")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

__all__ = ["YearRange", "years_in", "year_ranges_in"]


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int
    first: int
    last: int | None
    text: str
    rule: str


_YEAR = r"(?<![\d.,$€£¥])(?:19|20)\d{2}(?![\d%]|,\d|\.\d)"
_YEAR_RE = re.compile(_YEAR)
_MONTH_WORD = r"(?:[^\W\d_]+\.?\s+)?"
_YEAR_RANGES = {
    "en": [
        (r"\bbetween\s+{m}(?P<a>Y)\s+and\s+{m}(?P<b>Y)", "year_range.between"),
        (r"\bfrom\s+{m}(?P<a>Y)\s+(?:to|until|till|through|thru)\s+{m}(?P<b>Y)", "year_range.from_to"),
        (r"\bsince\s+(?:at\s+least\s+|as\s+early\s+as\s+|early\s+|late\s+|mid-?)?{m}(?P<a>Y)", "year_range.since"),
    ],
    "de": [
        (r"\bzwischen\s+{m}(?P<a>Y)\s+und\s+{m}(?P<b>Y)", "year_range.between"),
        (r"\bvon\s+{m}(?P<a>Y)\s+bis\s+{m}(?P<b>Y)", "year_range.from_to"),
        (r"\bseit\s+(?:mindestens\s+|spätestens\s+)?{m}(?P<a>Y)", "year_range.since"),
    ],
    "fr": [
        (r"\bentre\s+{m}(?P<a>Y)\s+et\s+{m}(?P<b>Y)", "year_range.between"),
        (r"\bde\s+{m}(?P<a>Y)\s+à\s+{m}(?P<b>Y)", "year_range.from_to"),
        (r"\bdepuis\s+(?:au\s+moins\s+)?{m}(?P<a>Y)", "year_range.since"),
    ],
    "es": [
        (r"\bentre\s+{m}(?P<a>Y)\s+y\s+{m}(?P<b>Y)", "year_range.between"),
        (r"\bde(?:sde)?\s+{m}(?P<a>Y)\s+(?:a|hasta)\s+{m}(?P<b>Y)", "year_range.from_to"),
        (r"\bdesde\s+(?:al\s+menos\s+)?{m}(?P<a>Y)", "year_range.since"),
    ],
    "it": [
        (r"\b(?:tra|fra)\s+il\s+{m}(?P<a>Y)\s+e\s+il\s+{m}(?P<b>Y)|\b(?:tra|fra)\s+{m}(?P<a2>Y)\s+e\s+{m}(?P<b2>Y)", "year_range.between"),
        (r"\bdal\s+{m}(?P<a>Y)\s+(?:al|fino\s+al)\s+{m}(?P<b>Y)", "year_range.from_to"),
        (r"\b(?:dal|sin\s+dal|almeno\s+dal)\s+{m}(?P<a>Y)", "year_range.since"),
    ],
}
_DASH_RANGE = (r"(?P<a>Y)\s*(?:-|–|—|/)\s*(?P<b>(?:19|20)\d{2}(?!\d)|\d{2}(?!\d))", "year_range.dash")


@cache
def _year_range_regexes(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = [*_YEAR_RANGES.get(lang, _YEAR_RANGES["en"]), _DASH_RANGE]
    return tuple((re.compile(p.replace("{m}", _MONTH_WORD).replace("Y", _YEAR), re.IGNORECASE), rule)
                 for p, rule in rules)


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(start, end, year) for each four-digit year 1900-2099 that is not part of an amount."""
    return [(m.start(), m.end(), int(m.group())) for m in _YEAR_RE.finditer(text)]


def year_ranges_in(text: str, lang: str = "en") -> list[YearRange]:
    """Year ranges: "between 2002 and 2024", "from 2002 to 2024", "2002-2024", "2002-24",
    "since at least 1981" (open end: ``last`` is None)."""
    found: list[YearRange] = []
    for regex, rule in _year_range_regexes(lang):
        for m in regex.finditer(text):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            groups = m.groupdict()
            first = int(groups.get("a") or groups["a2"])
            last_text = groups.get("b") or groups.get("b2")
            last = _full_year(first, last_text) if last_text else None
            if last is not None and last < first:
                continue
            found.append(YearRange(m.start(), m.end(), first, last, m.group(), rule))
    return sorted(found, key=lambda r: r.start)


def _full_year(first: int, text: str) -> int:
    return int(text) if len(text) == 4 else first // 100 * 100 + int(text)
