"""Read printed numbers: digits with any language's separators ("1,200", "1.200", "3,8
Millionen"), number words ("twenty-one", "einundzwanzig", "a dozen", "5mila") and halves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spyglass.understand.quantities._amount_words import NumberWord, number_words
from spyglass.understand.tables import LANGS
from spyglass.understand.tables.grammar import grammar_of

__all__ = ["NumberSpan", "number_of", "numbers_in", "number_regex", "boundary"]


@dataclass(frozen=True)
class NumberSpan:
    start: int
    end: int
    value: float
    text: str


# Thousands and decimal separators: English writes 1,805,000.50; German, French, Spanish and
# Italian write 1.805.000,50 (French also 1 805 000 with a (narrow) no-break space).
_DIGITS = {
    "en": r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?",
    # a plain space groups thousands too ("15 000 euros"), never after a year-like run
    "other": r"\d{1,3}(?:[.\u00a0\u202f']\d{3})+(?:,\d+)?|\d{1,3}(?: \d{3})+(?![\d.,])|\d+(?:,\d+)?",
}
def _digits(lang: str) -> str:
    return _DIGITS[grammar_of(lang).digits]


def boundary(lang: str) -> str:
    """A word boundary in ``lang``'s script; nothing in scripts without spaces between words."""
    return r"\b" if grammar_of(lang).spaced else ""


def _words(lang: str) -> dict[str, NumberWord]:
    return number_words(lang)


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
    article = article or r"(?!)"  # a language without articles: never an empty match
    b = boundary(lang)
    return rf"(?:{b}(?:{article}){b}|{b}{alt}{b}|{b}{alt}(?=['’]))"


@cache
def number_regex(lang: str) -> re.Pattern[str]:
    word = _word_token(lang)
    # After digits a scale word of any language is unambiguous ("5mila" in an English text).
    scales = sorted({re.escape(w.word) for each in LANGS for w in _words(each).values() if w.kind == "scale"},
                    key=len, reverse=True)
    scale = rf"(?:{'|'.join(sorted(scales, key=len, reverse=True))})"
    # an abbreviated scale keeps its stop ("150 тыс. рублей", "4 tys. zł")
    literal = rf"(?<![\d.,])(?:{_digits(lang)})(?:\s*{scale}(?:\b\.?)|(?=[a-z])(?:{word}))?"
    if not grammar_of(lang).spaced:
        literal = _glued_literal(lang)
    seq = rf"{word}(?:(?:\s+|\s*-\s*|{grammar_of(lang).connector}){word})*"
    half = grammar_of(lang).half_suffix
    # "数十万円", "几十万元", "수십만 원": "some" tens of thousands states no number; a number
    # never starts inside a run of numerals (the run is read from its first one)
    inside = "" if grammar_of(lang).spaced else rf"(?<![{_VAGUE}{_numeral_chars(lang)}])"
    return re.compile(rf"{inside}(?:{literal}|{seq})(?:{half})?", re.IGNORECASE)


_VAGUE = "数數幾几수"  # "some" before a numeral, in Japanese, Chinese and Korean


def _numeral_chars(lang: str) -> str:
    """The characters of a language's number words that are one character long (十, 万, 십)."""
    return "".join(sorted({re.escape(w) for w in _words(lang) if len(w) == 1 and not w.isascii()}))


# Words glued to digits in scripts without spaces: place words that multiply the digit before them
# (千 in "6千"), scales (万, 억) and "more than" (余: "8000余元" is 8000).
_GLUED_KINDS = frozenset({"place", "scale", "approx"})


def _glued_literal(lang: str) -> str:
    """Digits with the number words glued to them: "1억6천만", "1억 6천만", "4.5万", "30余万"."""
    glued = [re.escape(w.word) for w in _words(lang).values() if w.kind in _GLUED_KINDS]
    mult = "|".join(sorted(glued, key=len, reverse=True)) or r"(?!)"
    digits = _digits(lang)
    return rf"(?<![\d.,])(?:{digits})(?:\s?(?:{mult})+(?:\s?(?:{digits}))?)*"


@cache
def _any_scale() -> dict[str, NumberWord]:
    """Scale words of every language ("thousand", "mila", "Millionen", "millones")."""
    return {k: w for lang in LANGS for k, w in number_words(lang).items() if w.kind == "scale"}


def _parse_digits(token: str, lang: str) -> float | None:
    token = token.replace("\u00a0", "").replace("\u202f", "").replace("'", "").replace(" ", "")
    if grammar_of(lang).digits == "en":
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


def _word_values(token: str, lang: str) -> list[NumberWord] | None:
    """Split a (possibly glued) word into number words, or None if it is not one."""
    words, out, pos = _words(lang), [], 0
    low = token.casefold()
    while pos < len(low):
        if low[pos] == "-":
            pos += 1
            continue
        m = _segmenter(lang).match(low, pos)
        if m is None or not m.group():  # a language without number words matches only ""
            return None
        out.append(words[m.group().casefold()])
        pos = m.end()
    return out


_SPACED_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?![\d.,])")
# a word may hold an apostrophe (Ukrainian "п'ять", "п’ятнадцяти") or a hyphen
_TOKEN = re.compile(r"\d[\d.,\u00a0\u202f']*|[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)


def number_of(text: str, lang: str = "en") -> float | None:
    """The value of a printed number: "four", "twenty-one", "1,200", "1.200" (de), "2.5
    million", "3,8 Millionen", "five and a half", "a dozen", "5mila". None if not a number."""
    parts: list[NumberWord | float] = []
    text = text.strip()
    if grammar_of(lang).digits != "en":
        text = _SPACED_THOUSANDS.sub(lambda m: m.group().replace(" ", ""), text)  # "15 000" is one number
    for m in _TOKEN.finditer(text):
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


def _evaluate(parts: list[NumberWord | float]) -> float | None:
    total, current, top_scale, seen = 0.0, 0.0, 0.0, False
    digit = 0.0  # the last digit or unit added, which a place word multiplies
    for i, part in enumerate(parts):
        if isinstance(part, float):
            current, seen, digit = current + part, True, part
            continue
        kind, value = part.kind, part.value
        if kind == "article":
            # "a dozen", "eine Million", "a half": the article only says "one of them".
            following = parts[i + 1] if i + 1 < len(parts) else None
            if isinstance(following, NumberWord) and following.kind in _MULTIPLIERS:
                seen = True
                continue
        if kind in ("unit", "ten", "article"):
            current, seen, digit = current + value, True, value
        elif kind == "place":
            # 十, 百, 千 (CJK): the digit just before is multiplied, not all so far ("三百二十" is 320)
            current, seen, digit = current - digit + (digit or 1) * value, True, 0.0
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
            current, seen, digit = 0.0, True, 0.0
    return total + current if seen else None


def numbers_in(text: str, lang: str = "en") -> list[NumberSpan]:
    """Every number in ``text`` (digits or words) with its span."""
    found = []
    for m in number_regex(lang).finditer(text):
        value = number_of(m.group(), lang)
        if value is not None:
            found.append(NumberSpan(m.start(), m.end(), value, m.group()))
    return found
