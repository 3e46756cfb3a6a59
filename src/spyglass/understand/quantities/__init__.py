"""Turn printed quantities into values with character spans: numbers ("four", "1.200",
"3,8 Millionen", "5mila"), durations in months ("five and a half years" -> 66, life terms),
money with its ISO 4217 currency ("NT$3.8 million" -> 3800000 TWD), years and year ranges,
and country names to ISO alpha-2.

Pure functions over one text; every regex is built once per language from the rule tables in
``lexicon`` (numbers.tsv, currencies.tsv) and cached. Nothing here decides what a value means
in a case (a duration may be a prison term, a fine is still money): callers do that with the
spans and the rule ids returned. This module is the public face; the readers live in
``_numbers``, ``_durations``, ``_money`` and ``_years``.
"""

from __future__ import annotations

from functools import cache

import pycountry

from spyglass.understand import lexicon
from spyglass.understand._durations import Duration, DurationRange, duration_ranges_in, durations_in
from spyglass.understand._money import Money, money_in
from spyglass.understand._numbers import NumberSpan, number_of, numbers_in
from spyglass.understand._years import YearRange, year_ranges_in, years_in

__all__ = [
    "NumberSpan",
    "Duration",
    "DurationRange",
    "Money",
    "YearRange",
    "number_of",
    "numbers_in",
    "durations_in",
    "duration_ranges_in",
    "money_in",
    "years_in",
    "year_ranges_in",
    "country_code",
]


@cache
def country_code(name: str, lang: str | None = None) -> str | None:
    """ISO alpha-2 for a country name, demonym, adjective or capital (in ``lang``, or in any
    language, English first, when None); then pycountry's exact lookup (codes, names,
    official names; never its fuzzy search)."""
    for each in (lang,) if lang else lexicon.LANGS:
        code = lexicon.country_of(name, each)
        if code is not None:
            return code
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None
