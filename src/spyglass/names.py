"""People's printed names, shared by understand and link: folded tokens, initials, and when
two names are the same person.

Names arrive as printed ("Kevin Mallory", "Mallory", "Jian G.", "Dong Yuyu"); two printed names
are the same person when the full tokens of the shorter are all in the longer and its
initials fit the remaining tokens, so "Mallory" = "Kevin Mallory" and "Jian G." = "Jian Guo".

Names stay printed in their own script; folding compares them in Latin letters (``latin``), so
"Иван Петров" in a Russian report and "Ivan Petrov" in an English one are one person.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["NameParts", "name_parts", "same_person", "names_overlap", "full_names_overlap", "fold", "latin",
           "spelling_key", "country_display_name"]

# particles that are not surnames by themselves ("de", "van", "al")
_PARTICLES = frozenset({"de", "da", "del", "der", "di", "du", "la", "le", "van", "von", "al", "el", "bin", "ibn"})
_WORD = re.compile(r"[^\W\d_]+\.?", re.UNICODE)


def fold(text: str) -> str:
    """Lower case in Latin letters without diacritics, so "Kõuts" and "Kouts" meet, and so do
    "Петров" and "Petrov"."""
    decomposed = unicodedata.normalize("NFKD", latin(text))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


# Spellings that transliterations of one name differ by, made one (applied in this order to folded
# words): Russian "Сергей" is "Sergey" to anyascii, "Sergei" in English news and "Sergej" in
# German; "Алексей" is "Aleksey"/"Alexei"; "Юрий" is "Yuriy", "Yuri" and French "Iouri";
# "Иванов" is German "Iwanow"; Korean "정호" is "Jeongho" (Revised) and "Jong-ho" (the press).
_SPELLINGS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(a), b) for a, b in (
    (r"['\u2019\-]", ""),  # "Jian-guo", "Jong-ho", "O'Brien": one word
    (r"dzh|dj", "j"), (r"zh", "j"), (r"t?sch|tch", "ch"), (r"kh", "h"), (r"ks", "x"), (r"w", "v"),
    (r"eo", "o"), (r"ou", "u"), (r"[jy]", "i"),
    (r"(.)\1+", r"\1"),  # "Yuriy" -> "iurii" -> "iuri"; "Mallory" and "Malory" meet too
))


def spelling_key(name: str) -> str:
    """A name as the person filter compares it, word by word: folded into Latin letters, with the
    spellings transliterations differ by made one, so "Sergei Ivanov", "Sergej Iwanow" and
    "Сергей Иванов" are all "sergei ivanov", and "王建国" and "Wang Jian-guo" are "vang ianguo"."""
    words = []
    for word in fold(name).split():
        for pattern, replacement in _SPELLINGS:
            word = pattern.sub(replacement, word)
        if word:
            words.append(word)
    return " ".join(words)


# Letters outside the Latin script (Latin-1, Extended-A/B, IPA, Extended Additional are Latin).
_NOT_LATIN = re.compile(r"[^\W\d_a-zA-Z\u00c0-\u02af\u1e00-\u1eff]")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_HANGUL = re.compile(r"[\uac00-\ud7af]+")
_SYLLABLE = re.compile(r"[A-Z][a-z]*")
_SIGNS = re.compile(r"[ьъЬЪ]")
# Korean surnames as the press spells them, by their Revised Romanization ("Gim" is "Kim").
_KOREAN_SURNAMES = {
    "Gim": "Kim", "I": "Lee", "Bak": "Park", "Choe": "Choi", "Jeong": "Jung", "Gang": "Kang", "Jo": "Cho",
    "Yun": "Yoon", "Im": "Lim", "O": "Oh", "Sin": "Shin", "Gwon": "Kwon", "An": "Ahn", "Yu": "Yoo",
    "Jeon": "Jeon", "Go": "Ko", "Mun": "Moon", "Heo": "Heo", "No": "Roh", "Gwak": "Kwak", "Seong": "Sung",
    "Ju": "Joo", "U": "Woo", "Gu": "Koo", "Eom": "Um", "Cheon": "Chun", "Hyeon": "Hyun", "Ryu": "Ryu",
}


def latin(name: str) -> str:
    """A printed name in Latin letters: as printed when it is Latin already; Cyrillic, Greek and
    kana by anyascii's transliteration ("Юрий Жуков" -> "Yuriy Zhukov"); a Chinese name as
    surname and given name in pinyin ("王建国" -> "Wang Jianguo"); a Korean one in Revised
    Romanization with the surname the press uses ("김정호" -> "Kim Jeongho")."""
    if not _NOT_LATIN.search(name):
        return name
    from anyascii import anyascii

    name = _SIGNS.sub("", name)  # the press drops soft and hard signs ("Коваль" is "Koval")
    name = _HAN.sub(lambda m: f" {_east_asian(anyascii(m.group()))} ", name)
    name = _HANGUL.sub(lambda m: f" {_east_asian(anyascii(m.group()), korean=True)} ", name)
    return " ".join(anyascii(name).split())


def _east_asian(romanised: str, korean: bool = False) -> str:
    """"WangJianGuo" -> "Wang Jianguo": the first syllable is the surname, the rest the given name."""
    syllables = _SYLLABLE.findall(romanised)
    if len(syllables) < 2:
        return romanised
    surname = _KOREAN_SURNAMES.get(syllables[0], syllables[0]) if korean else syllables[0]
    return f"{surname} {''.join(syllables[1:]).capitalize()}"


@dataclass(frozen=True)
class NameParts:
    words: frozenset[str]  # full name tokens, folded
    initials: tuple[str, ...]  # single letters, "G." -> "g"


@lru_cache(maxsize=65536)  # the same names come back for every candidate case
def name_parts(name: str) -> NameParts:
    """Split a printed name into full words and initials; particles are dropped."""
    words: set[str] = set()
    initials: list[str] = []
    for token in _WORD.findall(fold(name)):
        bare = token.rstrip(".")
        if len(bare) == 1 or (token.endswith(".") and len(bare) <= 2):
            initials.append(bare[0])
        elif bare not in _PARTICLES:
            words.add(bare)
    return NameParts(frozenset(words), tuple(initials))


def same_person(a: str, b: str) -> bool:
    """True when two printed names can be one person (see the module docstring)."""
    pa, pb = name_parts(a), name_parts(b)
    short, long = (pa, pb) if len(pa.words) <= len(pb.words) else (pb, pa)
    if not short.words or not short.words <= long.words:
        return False
    spare = sorted(long.words - short.words)
    letters = [w[0] for w in spare] + list(long.initials)
    for initial in short.initials:
        if initial not in letters:
            return False
        letters.remove(initial)
    return True


def names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when some name in ``a`` and some name in ``b`` are one person."""
    others = list(b)
    return any(same_person(x, y) for x in a for y in others)


def full_names_overlap(a: Iterable[str], b: Iterable[str]) -> bool:
    """True when two names are one person by at least two full words ("Kevin Mallory")."""
    others = list(b)
    return any(
        same_person(x, y) and len(name_parts(x).words & name_parts(y).words) >= 2 for x in a for y in others
    )


# The everyday short English name where ISO 3166's (and pycountry's common name) is an inverted
# or formal one: what readers of the news call the state, the same on every page and export.
_SHORT_NAMES = {
    "RU": "Russia", "PS": "Palestine", "FM": "Micronesia", "CD": "DR Congo", "CG": "Republic of the Congo",
    "BN": "Brunei", "VA": "Vatican City", "CV": "Cape Verde",
}


@lru_cache(maxsize=512)
def country_display_name(code: str | None) -> str:
    """The neutral short English name of an ISO 3166-1 alpha-2 code ("TW" -> "Taiwan", "KR" ->
    "South Korea", "RU" -> "Russia"); the code itself when it is none."""
    if not code:
        return ""
    code = code.upper()
    if code in _SHORT_NAMES:
        return _SHORT_NAMES[code]
    import pycountry  # lazily: most callers never need it

    found = pycountry.countries.get(alpha_2=code) if len(code) == 2 and code.isalpha() else None
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)
