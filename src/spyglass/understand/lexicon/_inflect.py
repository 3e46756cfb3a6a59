"""Expand data cells into printed forms (``word~`` -> the word's inflections in a language)
and make rule ids from printed words."""

from __future__ import annotations

import re
import unicodedata

from spyglass.understand.lexicon._slavic import inflect_pl, inflect_ru, inflect_uk
from spyglass.understand.tables import split_cell

__all__ = ["expand", "slug"]


def _inflect_de(adj: str) -> tuple[str, ...]:
    return (adj, *(adj + end for end in ("e", "en", "er", "es", "em")))


def _inflect_fr(adj: str) -> tuple[str, ...]:
    if adj.endswith("e"):
        return adj, adj + "s"
    fem = adj + "ne" if adj.endswith(("ien", "éen")) else adj + "e"
    plural = adj if adj.endswith(("s", "x")) else adj + "s"
    return adj, fem, plural, fem + "s"


def _inflect_es(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "os", stem + "as"
    if adj.endswith(("és", "án", "ín", "ón")):
        plain = adj[:-2] + unicodedata.normalize("NFD", adj[-2])[0] + adj[-1]
        return adj, plain + "a", plain + "es", plain + "as"
    if adj.endswith(("í", "ú")):
        return adj, adj + "es", adj + "s"  # "iraníes", "israelíes" (also written "iranís")
    if adj.endswith(("e", "a")):
        return adj, adj + "s"
    return adj, adj + "es"


def _inflect_it(adj: str) -> tuple[str, ...]:
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "i", stem + "e"
    if adj.endswith("e"):
        return adj, adj[:-1] + "i"
    return (adj,)


def _inflect_en(word: str) -> tuple[str, ...]:
    if word.endswith(("ese", "ss", "sh", "ch", "i", "s")) and not word.endswith("i"):
        return (word,)
    if word.endswith("man"):
        return word, word[:-3] + "men"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word, word[:-1] + "ies"
    return word, word + "s"


def _inflect_nl(adj: str) -> tuple[str, ...]:
    """Dutch adjectives take -e before a noun; a long vowel before one final consonant loses
    its second letter ("Chinees" -> "Chinese", "Indiaas" -> "Indiase", "Russisch" -> "Russische")."""
    m = re.search(r"([aeou])\1([^aeiou])$", adj)
    return adj, (adj[: m.start() + 1] + m.group(2) if m else adj) + "e"


def _inflect_pt(adj: str) -> tuple[str, ...]:
    """Portuguese gender and number: "russo" -> "russa", "russos", "russas"; "chinês" ->
    "chinesa", "chineses"; "alemão" -> "alemã", "alemães"; "espanhol" -> "espanhóis"."""
    if adj.endswith("ão"):
        stem = adj[:-2]
        return adj, stem + "ã", stem + "ães", stem + "ãs", stem + "ãos"
    if adj.endswith("o"):
        stem = adj[:-1]
        return adj, stem + "a", stem + "os", stem + "as"
    if adj.endswith("ês"):
        stem = adj[:-2] + "es"
        return adj, stem + "a", stem + "es", stem + "as"
    if adj.endswith("ol"):
        return adj, adj + "a", adj[:-2] + "óis", adj + "as"
    if adj.endswith(("e", "a", "u")):
        return adj, adj + "s"
    return adj, adj + "es"


def _inflect_sv(word: str) -> tuple[str, ...]:
    """Swedish: an adjective in -sk takes -a and -t ("rysk", "ryska", "ryskt"); a demonym noun its
    plural and definite forms ("kines", "kineser", "kinesen", "kineserna"; "iranier", "iraniern",
    "iranierna"); a name its genitive ("Ryssland" -> "Rysslands", "USA" -> "USA:s")."""
    if word[:1].isupper():
        if word.isupper():
            return word, word + ":s"
        return (word,) if word.endswith(("s", "x", "z")) else (word, word + "s")
    if word.endswith("sk"):
        return word, word + "a", word + "t"
    if word.endswith("ier"):
        return word, word + "n", word + "na"
    return word, word + "er", word + "en", word + "erna"


_TR_BACK = "aıou"
_TR_VOICELESS = "fstkçşhp"


def _tr_suffixes(word: str) -> tuple[str, ...]:
    """A Turkish noun with the case endings of vowel harmony: genitive, accusative, dative,
    locative, ablative, with ("Rus" -> "Rusun", "Rusu", "Rusa", "Rusta", "Rustan", "Rusla")."""
    vowels = [c for c in word.casefold() if c in "aeıioöuü"]
    last = vowels[-1] if vowels else "e"
    two = "a" if last in _TR_BACK else "e"
    four = {"a": "ı", "ı": "ı", "o": "u", "u": "u", "e": "i", "i": "i", "ö": "ü", "ü": "ü"}[last]
    after_vowel = word[-1:].casefold() in "aeıioöuü"
    d = "t" if word[-1:] in _TR_VOICELESS else "d"
    n, y = ("n", "y") if after_vowel else ("", "")
    return tuple(word + end for end in (f"{n}{four}n", f"{y}{four}", f"{y}{two}", f"{d}{two}", f"{d}{two}n", f"{y}l{two}"))


def _inflect_tr(word: str) -> tuple[str, ...]:
    """Turkish demonyms and adjectives take suffixes without an apostrophe, by vowel harmony: the
    plural and every case of both ("İranlı" -> "İranlılar", "İranlıların", "İranlıya"...). Names
    of states take theirs after an apostrophe ("Rusya'ya"), which the gazetteer reads as a token
    boundary, so their stems need no forms."""
    vowels = [c for c in word.casefold() if c in "aeıioöuü"]
    plural = word + ("lar" if vowels and vowels[-1] in _TR_BACK else "ler")
    return word, *_tr_suffixes(word), plural, *_tr_suffixes(plural)


def _uninflected(word: str) -> tuple[str, ...]:
    return (word,)


_INFLECT = {"en": _inflect_en, "de": _inflect_de, "fr": _inflect_fr, "es": _inflect_es, "it": _inflect_it,
            "nl": _inflect_nl, "pt": _inflect_pt, "sv": _inflect_sv, "tr": _inflect_tr}

# Russian, Ukrainian (pymorphy3's dictionaries) and Polish (ending rules) decline in six or seven cases.
_INFLECT.update({"ru": inflect_ru, "uk": inflect_uk, "pl": inflect_pl})


def expand(cell: str, lang: str) -> tuple[str, ...]:
    """``word~`` in a data cell stands for the word's inflected forms in ``lang``."""
    out: list[str] = []
    for part in split_cell(cell):
        inflect = _INFLECT.get(lang, _uninflected)
        forms = inflect(part[:-1]) if part.endswith("~") else (part,)
        out.extend(f for f in forms if f not in out)
    return tuple(out)


def slug(text: str) -> str:
    """An id-safe form of a printed word ("Müller" -> "muller")."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_text.lower()).strip("_")
