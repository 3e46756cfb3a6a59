"""Turn printed quantities into values with character spans: numbers ("four", "1.200",
"3,8 Millionen", "5mila"), durations in months ("five and a half years" -> 66, life terms),
money with its ISO 4217 currency ("NT$3.8 million" -> 3800000 TWD), years and year ranges,
and country names to ISO alpha-2.

Pure functions over one text; every regex is built once per language from the rule tables in
``lexicon`` (numbers.tsv, currencies.tsv) and cached. Nothing here decides what a value means
in a case (a duration may be a prison term, a fine is still money): callers do that with the
spans and the rule ids returned.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

import pycountry

from spyglass.understand import lexicon

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


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: float
    text: str


@dataclass(frozen=True)
class Duration:
    start: int
    end: int
    months: int | Literal["life"]
    text: str
    rule: str


@dataclass(frozen=True)
class DurationRange:
    start: int
    end: int
    low: int
    high: int
    text: str = ""
    rule: str = "duration.range"


@dataclass(frozen=True)
class Money:
    start: int
    end: int
    amount: float
    currency: str
    text: str
    rule: str


@dataclass(frozen=True)
class YearRange:
    start: int
    end: int
    first: int
    last: int | None
    text: str
    rule: str


# ---------------------------------------------------------------- numbers

# Thousands and decimal separators: English writes 1,805,000.50; German, French, Spanish and
# Italian write 1.805.000,50 (French also 1 805 000 with a (narrow) no-break space).
_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    "other": r"\d{1,3}(?:[.\u00a0\u202f']\d{3})+(?:,\d+)?|\d+(?:,\d+)?",
}
_CONNECTORS = {  # "and" inside one number: "one hundred and five", "vingt et un", "treinta y dos"
    "en": r"(?:(?<=hundred)|(?<=thousand))\s+and\s+|\s+and\s+(?=a\s+half\b|half\b)",
    "de": r"\s+und\s+(?=ein\s*halb)",
    "fr": r"\s+et\s+(?=(?:un|une|onze|demie?)\b)",
    "es": r"(?<=nta)\s+y\s+(?=\w)|\s+y\s+(?=medi[oa]\b)",
    "it": r"\s+e\s+(?=mezz[oa]\b)",
}


def _digits(lang: str) -> str:
    return _DIGITS["en"] if lang == "en" else _DIGITS["other"]


def _words(lang: str) -> dict[str, lexicon.NumberWord]:
    return lexicon.number_words(lang)


@cache
def _word_token(lang: str) -> str:
    """One number word, or several glued ("einundzwanzig", "ventuno", "duemila")."""
    words = _words(lang)
    # Outside English an article is also the number one ("ein", "un"), also inside a word.
    plain = [w.word for w in words.values() if w.kind != "and" and (w.kind != "article" or lang != "en")]
    glue = [w.word for w in words.values() if w.kind == "and" and lang != "en"]
    alt_plain = "|".join(re.escape(w) for w in sorted(set(plain), key=len, reverse=True))
    # "und"/"e" only between two number words inside one word ("einundzwanzig"), never alone.
    alt_glue = "|".join(re.escape(w) for w in sorted(set(glue), key=len, reverse=True))
    alt = f"(?:{alt_plain})(?:(?:{alt_glue})?(?:{alt_plain}))*" if glue else f"(?:{alt_plain})+"
    articles = [re.escape(w.word) for w in words.values() if w.kind == "article"]
    # "a"/"an" count only before a multiplier ("a dozen", "a million", "a half").
    article = rf"(?:{'|'.join(articles)})(?=\s+(?:dozen|hundred|thousand|million|billion|half)\b)" if lang == "en" else "|".join(articles)
    return rf"(?:\b(?:{article})\b|\b{alt}\b|\b{alt}(?=['’]))"


@cache
def _number_regex(lang: str) -> re.Pattern[str]:
    word = _word_token(lang)
    # After digits a scale word of any language is unambiguous ("5mila" in an English text).
    scales = sorted({re.escape(w.word) for each in lexicon.LANGS for w in _words(each).values() if w.kind == "scale"},
                    key=len, reverse=True)
    scale = rf"(?:{'|'.join(sorted(scales, key=len, reverse=True))})"
    literal = rf"(?<![\d.,])(?:{_digits(lang)})(?:\s*{scale}\b|(?=[a-z])(?:{word}))?"
    seq = rf"{word}(?:(?:\s+|\s*-\s*|{_CONNECTORS[lang]}){word})*"
    half = _HALF_SUFFIX[lang]
    return re.compile(rf"(?:{literal}|{seq})(?:{half})?", re.IGNORECASE)


_HALF_SUFFIX = {
    "en": r"\s+and\s+a\s+half\b",
    "de": r"\s*einhalb\b",
    "fr": r"\s+et\s+demie?\b",
    "es": r"\s+y\s+medi[oa]\b",
    "it": r"\s+e\s+mezz[oa]\b",
}


@cache
def _any_scale() -> dict[str, lexicon.NumberWord]:
    """Scale words of every language ("thousand", "mila", "Millionen", "millones")."""
    return {k: w for lang in lexicon.LANGS for k, w in lexicon.number_words(lang).items() if w.kind == "scale"}


def _parse_digits(token: str, lang: str) -> float | None:
    token = token.replace("\u00a0", "").replace("\u202f", "").replace("'", "")
    if lang == "en":
        token = token.replace(",", "")
    else:
        # "1.200" is twelve hundred; "2.5" (English style in a German text) stays 2.5.
        if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token) or "," in token:
            token = token.replace(".", "").replace(",", ".")
    try:
        return float(token)
    except ValueError:
        return None


@cache
def _segmenter(lang: str) -> re.Pattern[str]:
    words = sorted(_words(lang), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE)


def _word_values(token: str, lang: str) -> list[lexicon.NumberWord] | None:
    """Split a (possibly glued) word into number words, or None if it is not one."""
    words, out, pos = _words(lang), [], 0
    low = token.casefold()
    while pos < len(low):
        if low[pos] == "-":
            pos += 1
            continue
        m = _segmenter(lang).match(low, pos)
        if m is None:
            return None
        out.append(words[m.group().casefold()])
        pos = m.end()
    return out


_TOKEN = re.compile(r"\d[\d.,\u00a0\u202f']*|[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def number_of(text: str, lang: str = "en") -> float | None:
    """The value of a printed number: "four", "twenty-one", "1,200", "1.200" (de), "2.5
    million", "3,8 Millionen", "five and a half", "a dozen", "5mila". None if not a number."""
    parts: list[lexicon.NumberWord | float] = []
    for m in _TOKEN.finditer(text.strip()):
        tok = m.group()
        if tok[0].isdigit():
            value = _parse_digits(tok.rstrip(".,"), lang)
            if value is None:
                return None
            parts.append(value)
        else:
            found = _word_values(tok, lang)
            if found is None and parts and isinstance(parts[-1], float) and tok.casefold() in _any_scale():
                found = [_any_scale()[tok.casefold()]]
            if found is None:
                return None
            parts.extend(found)
    return _evaluate(parts) if parts else None


_MULTIPLIERS = frozenset({"hundred", "dozen", "scale", "fraction"})


def _evaluate(parts: list[lexicon.NumberWord | float]) -> float | None:
    total, current, top_scale, seen = 0.0, 0.0, 0.0, False
    for i, part in enumerate(parts):
        if isinstance(part, float):
            current, seen = current + part, True
            continue
        kind, value = part.kind, part.value
        if kind == "article":
            # "a dozen", "eine Million", "a half": the article only says "one of them".
            following = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(following, lexicon.NumberWord) and following.kind in _MULTIPLIERS:
                seen = True
                continue
        if kind in ("unit", "ten", "article"):
            current, seen = current + value, True
        elif kind == "hundred":
            current, seen = (current or 1) * value, True
        elif kind == "dozen":
            current, seen = (current or 1) * value, True
        elif kind == "fraction":
            current, seen = current + value, True
        elif kind == "scale":
            if value > top_scale:
                total, top_scale = (total + (current or 1)) * value, value
            else:
                total += (current or 1) * value
            current, seen = 0.0, True
    return total + current if seen else None


def numbers_in(text: str, lang: str = "en") -> list[NumberSpan]:
    """Every number in ``text`` (digits or words) with its span."""
    found = []
    for m in _number_regex(lang).finditer(text):
        value = number_of(m.group(), lang)
        if value is not None:
            found.append(NumberSpan(m.start(), m.end(), value, m.group()))
    return found


# ---------------------------------------------------------------- windows

# The quantity regexes are slow to run over a whole article, so they run only in windows
# around a cheap anchor (a unit word, a currency word or symbol); spans stay absolute.
_WORD = re.compile(r"[^\W\d_]+|[$€£¥₹₩₪₽₴₺₱₫]")
_BEFORE, _AFTER = 60, 30


def _windows(text: str, anchors: list[int]) -> list[tuple[int, int]]:
    """Merged (start, end) windows around anchor offsets, widened to whitespace."""
    spans: list[tuple[int, int]] = []
    for pos in anchors:
        start, end = max(0, pos - _BEFORE), min(len(text), pos + _AFTER)
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        while end < len(text) and not text[end].isspace():
            end += 1
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
        else:
            spans.append((start, end))
    return spans


def _anchors(text: str, words: frozenset[str], prefixes: tuple[str, ...] = ()) -> list[int]:
    """Offsets of anchor words (case-insensitive) and symbols in ``text``, in order."""
    present = set(_WORD.findall(text.lower())) & words
    present.update(w for p in prefixes if p in text.lower() for w in (p,))
    if not present:
        return []
    # Words must start a word ("won", not "wonder"'s middle); symbols may follow letters ("NT$").
    alts = [rf"(?<![^\W\d_]){re.escape(w)}" if w.isalpha() else re.escape(w)
            for w in sorted(present, key=len, reverse=True)]
    return [m.start() for m in re.finditer("|".join(alts), text, re.IGNORECASE)]


# ---------------------------------------------------------------- durations

_UNITS = {
    "en": {"year": r"years?|yrs?", "month": r"months?", "week": r"weeks?|fortnights?", "day": r"days?"},
    "de": {"year": r"jahre?n?|jahres", "month": r"monate?n?|monats", "week": r"wochen?", "day": r"tage?n?"},
    "fr": {"year": r"ans?|années?", "month": r"mois", "week": r"semaines?", "day": r"jours?"},
    "es": {"year": r"años?", "month": r"mes|meses", "week": r"semanas?", "day": r"días?"},
    "it": {"year": r"anno|anni", "month": r"mese|mesi", "week": r"settimane?|settimana", "day": r"giorno|giorni"},
}
_LIFE = {
    "en": r"\blife\s+(?:imprisonment|sentences?|terms?|in\s+prison|behind\s+bars)\b|\bimprisonment\s+for\s+life\b"
          r"|\b(?:jailed|imprisoned|sentenced|locked\s+up)\s+for\s+life\b|\bsentenced\s+to\s+life\b|\blife\s+(?=without\s+(?:the\s+possibility\s+of\s+)?parole)",
    "de": r"\blebenslänglich\w*|\blebenslang\w*|\blebenslange[nr]?\s+(?:haft|freiheitsstrafe)\b",
    "fr": r"\b(?:réclusion|prison|détention)\s+(?:criminelle\s+)?à\s+perpétuité\b|\bperpétuité\b",
    "es": r"\b(?:cadena|prisión|reclusión)\s+perpetua\b",
    "it": r"\bergastolo\b|\bcarcere\s+a\s+vita\b",
}
_AND = {"en": r"and", "de": r"und", "fr": r"et", "es": r"y", "it": r"e"}
_RANGE_START = {"en": r"between|from", "de": r"zwischen|von", "fr": r"entre|de", "es": r"entre|de", "it": r"tra|fra|da"}
_RANGE_TO = {"en": r"to|-|–|—", "de": r"bis|-|–|—", "fr": r"à|-|–|—", "es": r"a|-|–|—", "it": r"a|-|–|—"}
_SINGULAR = {"en": r"an?|one", "de": r"ein|eine|einem|einen|einer|eines", "fr": r"un|une", "es": r"un|una", "it": r"un|uno|una"}
_UNIT_WORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "year years yr yrs month months week weeks fortnight fortnights day days life",
        "de": "jahr jahre jahren jahres monat monate monaten monats woche wochen tag tage tagen",
        "fr": "an ans année années mois semaine semaines jour jours perpétuité",
        "es": "año años mes meses semana semanas día días perpetua",
        "it": "anno anni mese mesi settimana settimane giorno giorni ergastolo vita",
    }.items()
}
_UNIT_PREFIXES = ("lebensl",)
_UNIT_MONTHS = {"year": 12.0, "month": 1.0, "week": 7 / 30.4375, "day": 1 / 30.4375}


@cache
def _duration_regexes(lang: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    number = _number_regex(lang).pattern
    units = "|".join(rf"(?P<{k}>{v})" for k, v in _UNITS[lang].items())
    one = rf"(?:(?:{number})|\b(?:{_SINGULAR[lang]}))"
    part = rf"{one}\s*(?:-\s*|['’]\s*)?(?:{units})\b(?:{_HALF_SUFFIX[lang]})?"
    unit_only = "|".join(_UNITS[lang].values())
    plain_part = rf"{one}\s*(?:-\s*|['’]\s*)?(?:{unit_only})\b(?:{_HALF_SUFFIX[lang]})?"
    chain = rf"{plain_part}(?:\s*,?\s*(?:{_AND[lang]}\s+)?{plain_part})*"
    rng = (rf"(?:\b(?P<pre>{_RANGE_START[lang]})\s+)?(?P<low>{number})\s*(?P<to>{_RANGE_TO[lang]}|\b{_AND[lang]}\b)\s*"
           rf"(?P<high>{number})\s*(?:-\s*|['’]\s*)?(?:{unit_only})\b")
    flags = re.IGNORECASE
    return re.compile(part, flags), re.compile(chain, flags), re.compile(rng, flags)


def _part_months(m: re.Match[str], lang: str) -> float | None:
    unit = next(k for k in _UNITS[lang] if m.group(k))
    head = m.group()[: m.start(unit) - m.start()].strip(" -'’")
    value = 1.0 if re.fullmatch(_SINGULAR[lang], head, re.IGNORECASE) else number_of(head, lang)
    if value is None:
        return None
    if re.search(_HALF_SUFFIX[lang] + "$", m.group(), re.IGNORECASE):
        value += 0.5
    return value * _UNIT_MONTHS[unit]


def _chain_months(text: str, lang: str) -> int | None:
    part_re = _duration_regexes(lang)[0]
    total = 0.0
    for m in part_re.finditer(text):
        months = _part_months(m, lang)
        if months is None:
            return None
        total += months
    # Weeks and days are floored away ("5 years and 3 weeks" -> 60); the epsilon keeps
    # 5.5 * 12 = 66 from becoming 65.999.
    return math.floor(total + 1e-9)


def _ranges(text: str, lang: str, start: int = 0, end: int | None = None) -> list[tuple[DurationRange, tuple[int, int], int]]:
    """Ranges with the low number's span and where the high end starts."""
    _part, _chain, rng = _duration_regexes(lang)
    found = []
    for m in rng.finditer(text, start, len(text) if end is None else end):
        unit = _unit_of(text[m.end("high"):m.end()], lang)
        low, high = number_of(m.group("low"), lang), number_of(m.group("high"), lang)
        if low is None or high is None or unit is None or low > high:
            continue  # "in March 2023 to 30 years" is not a range
        if _after_money(text, m.start("low")):
            continue  # "$7,000 and 20 years"
        factor = _UNIT_MONTHS[unit]
        span = DurationRange(m.start(), m.end(), math.floor(low * factor + 1e-9),
                             math.floor(high * factor + 1e-9), m.group())
        found.append((span, (m.start("low"), m.end("low")), m.start("high")))
    return found


def _after_money(text: str, pos: int) -> bool:
    return bool(re.search(r"[$€£¥₹₩₪₽]\s*$|\b(?:US|NT|C|A|NZ|HK)\$\s*$", text[max(0, pos - 4):pos]))


def duration_ranges_in(text: str, lang: str = "en") -> list[DurationRange]:
    """Ranges of one unit: "between 70 and 84 months", "six to eight years", "70-84 months",
    and pairs across co-accused ("à huit et douze ans")."""
    found: list[DurationRange] = []
    for start, end in _windows(text, _anchors(text, _UNIT_WORDS[lang], _UNIT_PREFIXES)):
        found.extend(r for r, _low, _high in _ranges(text, lang, start, end))
    return found


def _unit_of(tail: str, lang: str) -> str | None:
    for unit, pattern in _UNITS[lang].items():
        if re.search(rf"(?:{pattern})\b", tail, re.IGNORECASE):
            return unit
    return None


def durations_in(text: str, lang: str = "en") -> list[Duration]:
    """Durations with spans, in months: "70 months", "five and a half years" (66), "29 years
    and 2 months" (350), "zwei Jahre und neun Monate", "vent'anni", life terms ("life").
    A range gives two durations, one per end (see ``duration_ranges_in``)."""
    found: list[Duration] = []
    for start, end in _windows(text, _anchors(text, _UNIT_WORDS[lang], _UNIT_PREFIXES)):
        found.extend(_durations_between(text, start, end, lang))
    return sorted(found, key=lambda d: (d.start, d.end))


def _durations_between(text: str, start: int, end: int, lang: str) -> list[Duration]:
    found: list[Duration] = []
    for r, (low_start, low_end), high_start in _ranges(text, lang, start, end):
        found.append(Duration(low_start, low_end, r.low, text[low_start:low_end], "duration.range.low"))
        found.append(Duration(high_start, r.end, r.high, text[high_start:r.end], "duration.range.high"))
    for m in _life_regex(lang).finditer(text, start, end):
        found.append(Duration(m.start(), m.end(), "life", m.group(), "duration.life"))
    part, chain, _rng = _duration_regexes(lang)
    for m in chain.finditer(text, start, end):
        if any(d.start < m.end() and m.start() < d.end for d in found):
            continue
        months = _chain_months(m.group(), lang)
        if months is not None:
            rule = "duration.compound" if len(part.findall(m.group())) > 1 else "duration.simple"
            found.append(Duration(m.start(), m.end(), months, m.group(), rule))
    return found


@cache
def _life_regex(lang: str) -> re.Pattern[str]:
    return re.compile(_LIFE[lang], re.IGNORECASE)


# ---------------------------------------------------------------- money

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
    terms = lexicon.currency_terms()
    prefixes = [t for t in terms if not t.isalpha() or t.isupper() or t in ("Rs",)]
    words = [t for t in terms if t not in prefixes or t.isupper()]
    prefix_alt = "|".join(re.escape(t) for t in sorted(prefixes, key=len, reverse=True))
    word_alt = "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in sorted(words, key=len, reverse=True))
    number = _number_regex(lang).pattern
    before = rf"(?<![A-Za-z])(?P<cur>{prefix_alt})\s?(?P<num>{number})"
    after = rf"(?P<num>{number})\s*(?:(?:of|de|d'|di|d’)\s*)?(?P<cur>{word_alt}|[€£¥₹₩₪₽₴₺₱₫$])(?![A-Za-z])"
    return re.compile(before), re.compile(after, re.IGNORECASE)


def _currency_in_context(symbol: str, text: str, start: int) -> str | None:
    code = lexicon.currency_of(symbol)
    window = text[max(0, start - 200):start + 200]
    if symbol == "¥" and re.search(r"\b(?:yuan|renminbi|RMB|Chin\w+)\b", window):
        return "CNY"
    if code == "INR" and re.search(r"\bPakistan", window):
        return "PKR"
    if code == "INR" and re.search(r"\bSri\s+Lanka", window):
        return "LKR"
    return code


def money_in(text: str, lang: str = "en") -> list[Money]:
    """Sums of money with ISO 4217 codes: "$7,000", "NT$3.8 million", "280,000 euros",
    "€10.000" (de), "5mila euro", "Rs 3,000"; "$7,000-20,000" gives two, the currency carried."""
    found: list[Money] = []
    for start, end in _windows(text, _anchors(text, _currency_words())):
        found.extend(_money_between(text, start, end, lang))
    return sorted(found, key=lambda f: (f.start, f.end))


@cache
def _currency_words() -> frozenset[str]:
    """The last word or symbol of each currency term ("won" of "South Korean won")."""
    words = {_WORD.findall(t.lower())[-1] for t in lexicon.currency_terms() if _WORD.findall(t)}
    return frozenset(w for w in words if len(w) > 1 or not w.isalpha()) - {"try", "cup"}


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
    tail = re.compile(rf"{join}(?P<num>{_number_regex(lang).pattern})(?!\d|[.,]\d)(?!\s*(?:{_NOT_MONEY}))")
    t = tail.match(text, m.end())
    if t is None:
        return []
    amount = number_of(t.group("num"), lang)
    if amount is None:
        return []
    start = t.start("num")
    return [Money(start, t.end(), amount, first.currency, text[start:t.end()], "money.range_carried")]


# ---------------------------------------------------------------- years

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


# ---------------------------------------------------------------- countries


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
