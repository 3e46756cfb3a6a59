"""Read sums of money with their ISO 4217 currency ("NT$3.8 million" -> 3800000 TWD,
"5mila euro", "$7,000-20,000" as two sums with the currency carried)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spyglass.understand.lexicon._places import places_in
from spyglass.understand.quantities._amount_words import currency_of, currency_terms
from spyglass.understand.quantities._numbers import number_of, number_regex
from spyglass.understand.quantities._windows import WORD, anchors, windows
from spyglass.understand.tables.grammar import grammar_of

__all__ = ["Money", "money_in"]


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    text: str
    rule: str


# Words that are currencies only next to a real sum ("won", "pounds" of explosives).
_WEAK_CURRENCY = frozenset({"won", "rand", "dong", "lei", "pound", "pounds", "real", "lira", "Franken", "pesos"})
_RANGE_JOIN = r"\s*(?:-|–|—|to|bis|à|a|al)\s*"
_BETWEEN = r"\b(?:between|zwischen|entre|tra|fra)\s+$"
_BETWEEN_AND = r"\s+(?:and|und|et|y|e)\s+"
# What may follow the second number of "between $7,000 and 20 ..." when it is not money.
_NOT_MONEY = (r"[$€£¥]|%|per\s*cent|percent|years?|months?|weeks?|days?|hours?|people|persons|men|women"
              r"|jahre?n?|monate?n?|ans|mois|años|meses|anni|mesi")


@cache
def _money_regexes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    terms = currency_terms()
    prefixes = [t for t in terms if not t.isalpha() or t.isupper() or t in ("Rs",)]
    words = [t for t in terms if t not in prefixes or t.isupper()]
    prefix_alt = "|".join(re.escape(t) for t in sorted(prefixes, key=len, reverse=True))
    word_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(words, key=len, reverse=True))
    number = number_regex(lang).pattern
    before = rf"(?<![A-Za-z])(?P<cur>{prefix_alt})\s?(?P<num>{number})"
    after = rf"(?P<num>{number})\s*(?:(?:of|de|d'|di|d’)\s*)?(?P<cur>{word_alt}|[€£¥₹₩₪₽₴₺₱₫$])(?![A-Za-z])"
    return re.compile(before), re.compile(after, re.IGNORECASE)


_AUTHORITY = r"\s+(?:police|authorities|agencies|court|Army|Navy|Air\s+Force|military)"
_INDIA = re.compile(rf"\bIndian{_AUTHORITY}|\bNew\s+Delhi\b")
_PAKISTAN = re.compile(rf"\bPakistani{_AUTHORITY}|\bIslamabad\b")


def _pakistani_story(window: str) -> bool:
    """"Rs" is Pakistani where the story happens in Pakistan: its places and authorities
    decide, then the country's name; an Indian story about Pakistani handlers ("to a Pakistani
    intelligence operative for Rs 50,000") still pays in Indian rupees."""
    places = [p.term.country for p in places_in(window)]
    pk = places.count("PK") + len(_PAKISTAN.findall(window))
    india = places.count("IN") + len(_INDIA.findall(window))
    if pk != india:
        return pk > india
    return bool(re.search(r"\bPakistan\b", window)) and not re.search(r"\bIndia\b", window)


def _currency_in_context(symbol: str, text: str, start: int) -> str | None:
    code = currency_of(symbol)
    window = text[max(0, start - 200):start + 200]
    if symbol == "¥" and re.search(r"\b(?:yuan|renminbi|RMB|Chin\w+)\b", window):
        return "CNY"
    if code == "INR" and _pakistani_story(window):
        return "PKR"
    if code == "INR" and re.search(r"\bSri\s+Lanka", window):
        return "LKR"
    if symbol in _YUAN and _HONG_KONG_STORY.search(window):
        return "HKD"
    if symbol in _YUAN and _TAIWAN_STORY.search(window):
        return "TWD"
    return code


def money_in(text: str, lang: str = "en") -> list[Money]:
    """Sums of money with ISO 4217 codes: "$7,000", "NT$3.8 million", "280,000 euros",
    "€10.000" (de), "5mila euro", "Rs 3,000"; "$7,000-20,000" gives two, the currency carried."""
    found: list[Money] = []
    for start, end in windows(text, anchors(text, _currency_words(), spaced=grammar_of(lang).spaced)):
        found.extend(_money_between(text, start, end, lang))
    return sorted(found, key=lambda f: (f.start, f.end))


@cache
def _currency_words() -> frozenset[str]:
    """The last word or symbol of each currency term ("won" of "South Korean won"); one letter
    is a word only in the scripts without spaces ("元", "円", "원")."""
    words = {WORD.findall(t.lower())[-1] for t in currency_terms() if WORD.findall(t)}
    return frozenset(w for w in words if len(w) > 1 or not w.isalpha() or _UNSPACED_LETTER.match(w)) - {"try", "cup"}


_UNSPACED_LETTER = re.compile("[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# In Chinese "元" is the yuan of the story's place: Taiwan's and Hong Kong's dollars are printed so too.
_YUAN = frozenset({"元", "圓"})
_TAIWAN_STORY = re.compile("台灣|臺灣|新台幣|新臺幣|國軍|地檢署|調查局|國安局|高等法院")
_HONG_KONG_STORY = re.compile("香港|港幣|港元|港府")


@cache
def _named_before() -> re.Pattern[str]:
    """A currency word printed just before a CJK amount ("新台幣50萬元", "港幣18萬元", "미화 2만달러"):
    it names the currency the unit word after the amount leaves open."""
    words = [t for t in currency_terms() if _UNSPACED_LETTER.match(t) and len(t) > 1]
    return re.compile("(?:" + "|".join(re.escape(t) for t in sorted(words, key=len, reverse=True)) + r")\s?(?:約|约|共|计|計)?$")


def _money_between(text: str, start: int, end: int, lang: str) -> list[Money]:
    before, after = _money_regexes(lang)
    found: list[Money] = []
    for regex, rule in ((before, "money.symbol_first"), (after, "money.amount_first")):
        for m in regex.finditer(text, start, end):
            if any(f.start < m.end() and m.start() < f.end for f in found):
                continue
            money = _money(m, text, lang, rule)
            if money is not None:
                found.append(money)
                found.extend(_range_partner(text, m, money, lang))
    return found


def _money(m: re.Match[str], text: str, lang: str, rule: str) -> Money | None:
    symbol = re.sub(r"\s+", " ", m.group("cur"))
    code = _currency_in_context(symbol, text, m.start())
    if not grammar_of(lang).spaced and (named := _named_before().search(text, max(0, m.start() - 8), m.start())):
        code = currency_of(named.group().rstrip("約约共计計 ")) or code
    amount = number_of(m.group("num"), lang)
    if code is None or amount is None:
        return None
    weak = symbol.casefold() in {w.casefold() for w in _WEAK_CURRENCY}
    if weak and not re.search(r"[,.\s]|[^\W\d_]", m.group("num").strip()):
        return None  # "in 2019 won", "10 pounds": a weak currency word needs a real sum
    return Money(m.start(), m.end(), amount, code, m.group(), rule)


def _range_partner(text: str, m: re.Match[str], first: Money, lang: str) -> list[Money]:
    """The other end of "$7,000-20,000" or "between $7,000 and 20,000", currency carried."""
    if first.rule != "money.symbol_first":
        return []
    join = _RANGE_JOIN
    if re.search(_BETWEEN, text[max(0, m.start() - 12):m.start()], re.IGNORECASE):
        join = rf"(?:{_RANGE_JOIN}|{_BETWEEN_AND})"
    tail = re.compile(rf"{join}(?P<num>{number_regex(lang).pattern})(?!\d|[.,]\d)(?!\s*(?:{_NOT_MONEY}))")
    t = tail.match(text, m.end())
    if t is None:
        return []
    amount = number_of(t.group("num"), lang)
    if amount is None:
        return []
    start = t.start("num")
    return [Money(start, t.end(), amount, first.currency, text[start:t.end()], "money.range_carried")]
