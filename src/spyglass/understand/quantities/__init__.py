"""Turn printed quantities into values with character spans: numbers ("four", "1.200",
"3,8 Millionen", "5mila"), durations in months ("five and a half years" -> 66, life terms),
money with its ISO 4217 currency ("NT$3.8 million" -> 3800000 TWD), years and year ranges.

The one public face of the quantity readers. Pure functions over one text; every regex is
built once per language from the rule tables (``tables/numbers.tsv``, ``tables/currencies.tsv``,
read by ``_amount_words``) and cached. Nothing here decides what a value means in a case (a
duration may be a prison term, a fine is still money): callers do that with the spans and the
rule ids returned. The readers live in ``_numbers``, ``_durations``, ``_money`` and ``_years``
(``_windows``: the context windows they share); ``_quantity`` gives the case extractor every
value in one shape (``Quantity``).
"""

from __future__ import annotations

from spyglass.understand.quantities._amount_words import NumberWord, currency_of, currency_terms, number_words
from spyglass.understand.quantities._durations import (
    Duration,
    DurationRange,
    duration_ranges_in,
    durations_in,
)
from spyglass.understand.quantities._money import Money, money_in
from spyglass.understand.quantities._numbers import NumberSpan, number_of, numbers_in
from spyglass.understand.quantities._quantity import (
    MAX_TERM_MONTHS,
    Quantity,
    durations_as_quantities,
    money_as_quantities,
    years_as_quantities,
)
from spyglass.understand.quantities._years import YearRange, year_ranges_in, years_in

__all__ = [
    "NumberSpan",
    "Duration",
    "DurationRange",
    "Money",
    "YearRange",
    "NumberWord",
    "Quantity",
    "MAX_TERM_MONTHS",
    "number_of",
    "numbers_in",
    "durations_in",
    "duration_ranges_in",
    "money_in",
    "years_in",
    "year_ranges_in",
    "number_words",
    "currency_terms",
    "currency_of",
    "durations_as_quantities",
    "money_as_quantities",
    "years_as_quantities",
]
