"""Numbers, prison terms, sums of money and years found in one sentence, by rule.

Private to case extraction: helper B's ``normalise`` module is the shared home of these
normalisers; this module keeps the few the case extractor needs so that it does not wait on it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Quantity", "number_of", "durations_in", "money_in", "years_in", "NUMBER_WORD"]

_UNITS = {
    "zero": 0, "nil": 0, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "both": 2, "pair": 2, "couple": 2,
    # de / fr / es / it
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "quince": 15, "veinte": 20,
    "veinticinco": 25, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7,
    "otto": 8, "nove": 9, "dieci": 10, "venti": 20, "trenta": 30,
}
NUMBER_WORD = r"(?:\d+(?:[.,]\d+)?|" + "|".join(sorted((w for w in _UNITS if len(w) > 2), key=len, reverse=True)) + r"|a|an)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"


@dataclass(frozen=True)
class Quantity:
    """A value found in a sentence, with its span and the rule that read it."""

    start: int
    end: int
    value: object
    text: str
    rule: str
    currency: str | None = None


def number_of(text: str) -> float | None:
    """The number a token group spells: "14", "fourteen", "twenty-five", "1,805,000"."""
    word = text.strip().lower()
    if not word:
        return None
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", word):
        return float(word.replace(",", ""))
    if re.fullmatch(r"\d+(?:\.\d+)?", word):
        return float(word)
    if re.fullmatch(r"\d+,\d{1,2}", word):  # European decimal comma: "4,5"
        return float(word.replace(",", "."))
    parts = re.split(r"[- ]", word)
    if all(p in _UNITS for p in parts):
        return float(sum(_UNITS[p] for p in parts))
    return None


# --- prison terms -------------------------------------------------------------------------

_N = r"(?:\d{1,3}|" + NUMBER_WORD.split("|", 1)[1]
_YEAR = r"(?:years?|yrs?|Jahr(?:e|en)?|ans?|años?|anni|anno)"
_MONTH = r"(?:months?|Monate[n]?|mois|meses|mes|mesi|mese)"
_WEEK = r"(?:weeks?)"
_AND = r"(?:,? and |,? |\s+e\s+|\s+y\s+|\s+und\s+|\s+et\s+)"
DURATION_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("dur.life", re.compile(r"\blife (?:imprisonment|sentences?|terms?|in prison)|\bimprisonment for life|\blife with hard labou?r|\bsentenced to life|\bjailed for life|\blebenslang\w*|\bperpétuité|\bcadena perpetua|\bergastolo|\bprisión perpetua", re.I)),
    ("dur.range.months", re.compile(rf"\b(?:between )?(?P<a>{_N})\s*(?:-|–|to|and)\s*(?P<b>{_N})[- ]{_MONTH}", re.I)),
    ("dur.range.years", re.compile(rf"\b(?:between )?(?P<a>{_N})\s*(?:-|–|to|and)\s*(?P<b>{_N})[- ]{_YEAR}", re.I)),
    ("dur.years.months", re.compile(rf"\b(?P<y>{_N})(?P<half> and a half)?[- ]{_YEAR}(?:'|’)?{_AND}(?P<m>{_N})[- ]{_MONTH}", re.I)),
    ("dur.years", re.compile(rf"\b(?P<y>{_N})(?P<half> and a half|½| e mezzo| y medio| et demi| ?\.5)?[- ]{_YEAR}(?:{_AND}(?P<w>{_N})[- ]{_WEEK})?", re.I)),
    ("dur.months", re.compile(rf"\b(?P<m>{_N})[- ]{_MONTH}", re.I)),
)
# German/Italian compound forms: "fünf Jahre", "5mila" is money, not a term.


def _months(match: re.Match[str], rule: str) -> tuple[int, int] | None:
    groups = match.groupdict()
    if rule.startswith("dur.range"):
        a, b = number_of(groups["a"]), number_of(groups["b"])
        if a is None or b is None or a >= b:
            return None
        factor = 1 if rule.endswith("months") else 12
        return int(a * factor), int(b * factor)
    total = 0.0
    if groups.get("y"):
        years = number_of(groups["y"])
        if years is None:
            return None
        total += years * 12 + (6 if groups.get("half") else 0)
    if groups.get("m"):
        months = number_of(groups["m"])
        if months is None:
            return None
        total += months
    return int(round(total)), int(round(total))


def durations_in(text: str) -> list[Quantity]:
    """Prison-term-like durations: value is (min_months, max_months) or ("life", "life")."""
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for rule, pattern in DURATION_RULES:
        for found in pattern.finditer(text):
            if any(s < found.end() and found.start() < e for s, e in taken):
                continue
            value: object
            if rule == "dur.life":
                value = ("life", "life")
            else:
                months = _months(found, rule)
                if months is None or months[1] <= 0 or months[1] > 12 * 100:
                    continue
                value = months
            taken.append((found.start(), found.end()))
            out.append(Quantity(found.start(), found.end(), value, found.group(0), rule))
    return sorted(out, key=lambda q: q.start)


# --- money --------------------------------------------------------------------------------

_SYMBOLS: tuple[tuple[str, str], ...] = (
    ("US$", "USD"), ("NT$", "TWD"), ("C$", "CAD"), ("CA$", "CAD"), ("A$", "AUD"), ("AU$", "AUD"),
    ("NZ$", "NZD"), ("HK$", "HKD"), ("S$", "SGD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"),
    ("¥", "JPY"), ("₩", "KRW"), ("₽", "RUB"), ("Rs.", "INR"), ("Rs", "INR"), ("₹", "INR"),
    ("EUR", "EUR"), ("USD", "USD"), ("GBP", "GBP"), ("CHF", "CHF"), ("CNY", "CNY"), ("RMB", "CNY"),
)
_WORDS: tuple[tuple[str, str], ...] = (
    ("US dollars", "USD"), ("dollars", "USD"), ("dólares", "USD"), ("dollari", "USD"),
    ("Taiwan dollars", "TWD"), ("Taiwanese dollars", "TWD"), ("Canadian dollars", "CAD"),
    ("euros", "EUR"), ("euro", "EUR"), ("Euro", "EUR"), ("pounds", "GBP"), ("sterling", "GBP"),
    ("yuan", "CNY"), ("renminbi", "CNY"), ("roubles", "RUB"), ("rubles", "RUB"), ("won", "KRW"),
    ("yen", "JPY"), ("rupees", "INR"), ("shekels", "ILS"), ("francs", "CHF"), ("zloty", "PLN"),
)
_AMOUNT = r"\d{1,3}(?:[,.]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"(?:\s*(?P<scale>million|billion|m|bn|mila|Millionen|millions|millones|milioni|thousand|k)\b)?"
_SYM_RE = "|".join(re.escape(s) for s, _ in _SYMBOLS)
_WORD_RE = "|".join(re.escape(w) for w, _ in sorted(_WORDS, key=lambda x: -len(x[0])))
MONEY_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("money.symbol", re.compile(rf"(?P<cur>{_SYM_RE})\s?(?P<amt>{_AMOUNT}){_SCALE}")),
    ("money.word", re.compile(rf"\b(?P<amt>{_AMOUNT}){_SCALE}\s*(?P<cur>{_WORD_RE})\b")),
)
_SCALES = {"million": 1e6, "m": 1e6, "millionen": 1e6, "millions": 1e6, "millones": 1e6,
           "milioni": 1e6, "billion": 1e9, "bn": 1e9, "mila": 1e3, "thousand": 1e3, "k": 1e3}


def _amount(text: str) -> float | None:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):  # 1.805.000 in European style
        return float(text.replace(".", ""))
    return number_of(text)


def money_in(text: str) -> list[Quantity]:
    """Sums of money with their ISO 4217 currency."""
    out: list[Quantity] = []
    codes = dict(_SYMBOLS) | {w.lower(): c for w, c in _WORDS}
    for rule, pattern in MONEY_RULES:
        for found in pattern.finditer(text):
            if any(q.start < found.end() and found.start() < q.end for q in out):
                continue
            amount = _amount(found.group("amt"))
            if amount is None:
                continue
            scale = (found.group("scale") or "").lower()
            amount *= _SCALES.get(scale, 1.0)
            cur = found.group("cur")
            code = codes.get(cur) or codes.get(cur.lower(), "USD")
            out.append(Quantity(found.start(), found.end(), amount, found.group(0), rule, code))
    return sorted(out, key=lambda q: q.start)


_YEAR_RE = re.compile(r"(?<![\d$€£.,])(?:19[4-9]\d|20[0-4]\d)(?![\d,]|\s*(?:euros?|dollars|yuan|won))")


def years_in(text: str) -> list[Quantity]:
    """Four-digit years 1940-2049 (not parts of larger numbers or amounts)."""
    return [Quantity(m.start(), m.end(), int(m.group(0)), m.group(0), "year") for m in _YEAR_RE.finditer(text)]
