"""Currency words and number words (``tables/currencies.tsv``, ``tables/numbers.tsv``): the
tables ``quantities`` reads sums and printed numbers with."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spyglass.understand.tables import lookup_key, read_rows

__all__ = ["NumberWord", "currency_terms", "currency_of", "number_words"]


@dataclass(frozen=True)
class NumberWord:
    lang: str
    word: str
    value: float
    kind: str  # unit | ten | hundred | scale | fraction | dozen | and


@cache
def currency_terms() -> dict[str, str]:
    """Currency symbols and words -> ISO 4217 ("NT$" -> "TWD", "yuan" -> "CNY")."""
    return {text: code for text, code in read_rows("currencies.tsv", 2)}


@cache
def _currency_folded() -> dict[str, str]:
    return {lookup_key(k): v for k, v in currency_terms().items() if not _symbolic(k)}


def _symbolic(text: str) -> bool:
    # Symbols and codes keep their case: "Rs" is rupees, "rs" is not; "CAD" vs "cad".
    return not text.isalpha() or text.upper() == text or len(text) <= 3


def currency_of(text: str) -> str | None:
    """ISO 4217 code of a currency symbol or word, or None."""
    terms = currency_terms()
    return terms.get(text.strip()) or _currency_folded().get(lookup_key(text))


@cache
def number_words(lang: str = "en") -> dict[str, NumberWord]:
    """Number words of ``lang`` by lower-case word ("four" -> 4, "dozen" -> 12, "Millionen")."""
    out: dict[str, NumberWord] = {}
    for row_lang, word, value, kind in read_rows("numbers.tsv", 4):
        if row_lang == lang:
            out[word.casefold()] = NumberWord(lang, word, float(value), kind)
    return out
