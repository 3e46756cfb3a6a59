"""Prison terms, sums of money and years of one sentence as ``Quantity`` records for the case
extractor.

The reading itself is done by the readers of this package (``_durations``, ``_money``,
``_years``); this module only gives every value the same shape (span, value, rule id) so that
sentence facts can keep them side by side.
"""

from __future__ import annotations

from dataclasses import dataclass

from spyglass.understand.quantities._durations import durations_in
from spyglass.understand.quantities._money import money_in
from spyglass.understand.quantities._years import years_in

__all__ = ["Quantity", "durations_as_quantities", "money_as_quantities", "years_as_quantities", "MAX_TERM_MONTHS"]


@dataclass(frozen=True)
class Quantity:
    """A value found in a sentence, with its span and the rule that read it.

    ``value``: months (an int) or ``"life"`` for a term, the amount for money, the year for a
    year.
    """

    start: int
    end: int
    value: object
    text: str
    rule: str
    currency: str | None = None


MAX_TERM_MONTHS = 1200  # longer "terms" are years read as a range end ("in 2013 to 20 years")


def durations_as_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Durations in months, one per printed term (a range gives its two ends; a range with an
    impossible end is dropped whole)."""
    found = durations_in(text, lang)
    bad = {i for i, d in enumerate(found) if d.months != "life" and not 0 < int(d.months) <= MAX_TERM_MONTHS}
    for i in list(bad):  # the partner of a broken range end goes too
        for j in (i - 1, i + 1):
            if 0 <= j < len(found) and found[j].rule.startswith("duration.range"):
                bad.add(j)
    return [Quantity(d.start, d.end, d.months, d.text, d.rule) for i, d in enumerate(found) if i not in bad]


def money_as_quantities(text: str, lang: str = "en") -> list[Quantity]:
    """Sums of money with their ISO 4217 currency."""
    return [Quantity(m.start, m.end, m.amount, m.text, m.rule, m.currency) for m in money_in(text, lang)]


def years_as_quantities(text: str, money: list[Quantity] | None = None) -> list[Quantity]:
    """Four-digit years that are not parts of amounts (``money``: the sums found, "2020 euros")."""
    taken = money or []
    return [Quantity(s, e, y, text[s:e], "year") for s, e, y in years_in(text)
            if not any(m.start <= s < m.end for m in taken)]
