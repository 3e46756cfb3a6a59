"""Read years and year ranges ("between 2002 and 2024", "2002-24", "since at least 1981")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spyglass.understand.tables.grammar import grammar_of

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
_DASH_RANGE = (r"(?P<a>Y)\s*(?:-|–|—|/)\s*(?P<b>(?:19|20)\d{2}(?!\d)|\d{2}(?!\d))", "year_range.dash")


@cache
def _year_range_regexes(lang: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    rules = [*grammar_of(lang).year_ranges, _DASH_RANGE]
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
