"""Publication dates: find a date in a line of text and turn it into ISO with a precision.

ISO forms go through ``datetime.fromisoformat`` first; numeric European forms (``18. 4. 2021``,
``2010.07.01``) through a small parser; month-name forms in the five supported languages
through dateparser, always with explicit languages (fast, and no wild guesses).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache

from spyglass.records import DatePrecision

__all__ = ["DATE_LANGUAGES", "parse_date", "date_in", "Dated"]

Dated = tuple[str, DatePrecision]
DATE_LANGUAGES = ["en", "de", "fr", "es", "it"]

_MONTHS = (
    r"(?:jan(?:uary|uar|vier|\.)?|feb(?:ruary|ruar|braio|rero|\.)?|f[ée]vr(?:ier|\.)?|m[aä]r(?:ch|z|s|zo|\.)?"
    r"|apr(?:il|ile|\.)?|avr(?:il|\.)?|abr(?:il)?|may|mai|mayo|maggio|jun(?:e|i|io|\.)?|juin|giugno"
    r"|jul(?:y|i|io|\.)?|juil(?:let|\.)?|luglio|aug(?:ust|\.)?|ao[uû]t|agosto|sep(?:t(?:ember|embre)?|tiembre|\.)?"
    r"|sett(?:embre)?|oct(?:ober|obre|ubre|\.)?|okt(?:ober|\.)?|ottobre|nov(?:ember|embre|iembre|\.)?"
    r"|dec(?:ember|\.)?|dez(?:ember|\.)?|d[ée]c(?:embre|\.)?|dic(?:iembre|embre)?|enero|gennaio|januar|janvier)"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th|er|\.)?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"

# Date shapes, most specific first: (id, pattern). Each match is handed to a parser below.
DATE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (rule_id, re.compile(pattern, re.IGNORECASE))
    for rule_id, pattern in (
        ("iso-datetime", rf"\b{_YEAR}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-][0-2]\d:?[0-5]\d)?)?\b"),
        ("ymd-dots", rf"\b{_YEAR}[./][01]?\d[./][0-3]?\d\b"),
        ("dmy-dots", rf"\b[0-3]?\d\. ?[01]?\d\. ?{_YEAR}\b"),
        ("month-day-year", rf"\b{_MONTHS} {_DAY},? {_YEAR}\b"),
        ("day-month-year", rf"\b{_DAY} (?:de )?{_MONTHS},? (?:de )?{_YEAR}\b"),
        ("month-year", rf"\b{_MONTHS},? {_YEAR}\b"),
    )
)


def parse_date(value: str) -> Dated | None:
    """ISO date and precision of a date string (ISO, RFC 822 or words), or None."""
    value = value.strip()
    if not value:
        return None
    iso = _from_iso(value)
    if iso:
        return iso
    partial = re.fullmatch(rf"({_YEAR})(?:-([01]\d))?", value)
    if partial:
        year, month = partial.groups()
        return (f"{year}-{month}", "month") if month and 1 <= int(month) <= 12 else (year, "year")
    return _from_rfc822(value) or date_in(value)


def date_in(text: str) -> Dated | None:
    """The first date written anywhere in ``text`` (a byline, a dateline, a masthead)."""
    best: tuple[int, Dated] | None = None
    for rule_id, pattern in DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parsed = _parse_match(rule_id, match.group(0))
        if parsed and (best is None or match.start() < best[0]):
            best = (match.start(), parsed)
    return best[1] if best else None


def _parse_match(rule_id: str, text: str) -> Dated | None:
    if rule_id == "iso-datetime":
        return _from_iso(text)
    if rule_id in ("ymd-dots", "dmy-dots"):
        numbers = [int(n) for n in re.findall(r"\d+", text)]
        year, month, day = numbers if rule_id == "ymd-dots" else numbers[::-1]
        return _checked(year, month, day)
    return _from_words(text, "year" if rule_id != "month-year" else "month")


def _from_iso(value: str) -> Dated | None:
    try:
        # The local date as written: "2025-08-22T07:30+08:00" was published on the 22nd there.
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed.date().isoformat(), "day"


def _checked(year: int, month: int, day: int) -> Dated | None:
    try:
        return date(year, month, day).isoformat(), "day"
    except ValueError:
        return None


# Month names and abbreviations of the supported languages: the fast path before dateparser.
MONTH_NAMES: dict[str, int] = {
    name: number
    for number, names in enumerate((
        "january jan januar janvier enero gennaio ene gen", "february feb februar février fevrier febrero febbraio fév",
        "march mar märz maerz mars marzo mär", "april apr avril abril aprile avr abr",
        "may mai mayo maggio mag", "june jun juni juin junio giugno giu",
        "july jul juli juillet julio luglio juil lug", "august aug août aout agosto ago",
        "september sep sept septembre septiembre settembre set", "october oct oktober octobre octubre ottobre okt ott",
        "november nov novembre noviembre", "december dec dez dezember décembre decembre diciembre dicembre déc dic",
    ), start=1)
    for name in names.split()
}
_WORD_DATE = re.compile(r"(\d{1,2}|[^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{1,2}|[^\W\d_]+)\.?,?\s+(?:de\s+)?(\d{4})$")


def _from_month_table(text: str) -> tuple[int, int, int] | None:
    cleaned = re.sub(r"(?<=\d)(?:st|nd|rd|th|er)\b", "", text.strip(), flags=re.IGNORECASE)
    match = _WORD_DATE.search(cleaned)
    if not match:
        return None
    first, second, year = match.groups()
    day, month_name = (first, second) if first.isdigit() else (second, first)
    month = MONTH_NAMES.get(month_name.lower().rstrip("."))
    if not day.isdigit() or month is None:
        return None
    return int(year), month, int(day)


@lru_cache(maxsize=4096)
def _from_words(text: str, kind: str) -> Dated | None:
    if kind != "month":
        found = _from_month_table(text)
        if found:
            return _checked(*found)
    import dateparser

    cleaned = re.sub(r"(?<=\d)(st|nd|rd|th|er)\b|\bde\b", "", text, flags=re.IGNORECASE)
    cleaned = re.sub(r"(?<=\d)\.", "", cleaned)
    settings = {"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["year", "month"]}
    parsed = dateparser.parse(cleaned, languages=DATE_LANGUAGES, settings=settings)
    if parsed is None:
        return None
    if kind == "month":
        return f"{parsed.year:04d}-{parsed.month:02d}", "month"
    return parsed.date().isoformat(), "day"


def _from_rfc822(value: str) -> Dated | None:
    from email.utils import parsedate_to_datetime

    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a year of 24 digits
        return None
    return parsed.date().isoformat(), "day"
