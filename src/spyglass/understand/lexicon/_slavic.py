"""Inflected forms of Russian, Ukrainian and Polish table entries, and the nominative of Russian and
Ukrainian personal names.

Russian and Ukrainian come from pymorphy3's dictionaries (pymorphy3-dicts-ru/uk, shipped in their
wheels): a word's paradigm gives every case and number ("Россия" -> "России", "Россию", "Россией").
The analysers load lazily, once per process, on the first Cyrillic name to read (about 0.13 s
for Russian and 0.04 s for Ukrainian, and 30 MB); the forms of table entries are kept between
runs (``derived.Memo``), so a process that reads no Russian or Ukrainian article never loads
them. Polish has no such dictionary pinned, so its forms come from ending rules for the classes
the tables hold: adjectives ("rosyjski" -> "rosyjskiego",
"rosyjscy"), nouns in -a ("Rosja" -> "Rosji", "Rosję"), masculine nouns ("agent" -> "agenta",
"agenci", "Ukrainiec" -> "Ukraińca"). Irregular forms are written out in the tables.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from spyglass.understand.derived import Memo, versions

if TYPE_CHECKING:
    from pymorphy3 import MorphAnalyzer
    from pymorphy3.analyzer import Parse

__all__ = ["inflect_ru", "inflect_uk", "inflect_pl", "morph"]

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
_DECLINED = frozenset({"NOUN", "ADJF", "PRTF", "NUMR"})


@cache
def morph(lang: str) -> MorphAnalyzer:
    """The pymorphy3 analyser of ``lang`` ("ru" or "uk"), loaded on first need."""
    from pymorphy3 import MorphAnalyzer

    return MorphAnalyzer(lang=lang)


def _styled(form: str, model: str) -> str:
    """``form`` written with the capitals of ``model`` ("россии" after "Россия")."""
    if model.isupper() and len(model) > 1:
        return form.upper()
    return form[:1].upper() + form[1:] if model[:1].isupper() else form


def _nominative_parse(word: str, lang: str, modifier: bool = False) -> Parse | None:
    """The analysis of a table word, which is written in the nominative; a ``modifier`` (a word
    before another in a phrase) is read as an adjective where it can be ("Главное управление")."""
    parses = [p for p in morph(lang).parse(word) if p.tag.POS in _DECLINED]
    # a declined reading first: "німець" is also an indeclinable surname
    nominative = sorted((p for p in parses if "nomn" in p.tag),
                        key=lambda p: ("Fixd" in p.tag, modifier and p.tag.POS not in ("ADJF", "PRTF")))
    return nominative[0] if nominative else parses[0] if parses else None


def _east_forms(phrase: str, lang: str) -> tuple[str, ...]:
    """Every case and number of a word, or of a phrase whose words agree up to its first noun
    ("Южная Корея" -> "Южной Кореи"; "Соединённые Штаты Америки" keeps "Америки")."""
    words = phrase.split()
    parses = [_nominative_parse(w, lang, modifier=i < len(words) - 1) for i, w in enumerate(words)]
    if len(words) == 1 and parses[0] is not None:
        pos, proper = parses[0].tag.POS, words[0][:1].isupper() and parses[0].tag.number != "plur"
        # a name is singular ("Киев", not "Киевы"); adjectives keep their full forms only
        forms = [f.word for f in parses[0].lexeme if f.tag.POS == pos and not (proper and f.tag.number == "plur")]
        return _with_plain_e([_styled(f, words[0]) for f in forms])
    head = next((i for i, p in enumerate(parses) if p is not None and p.tag.POS == "NOUN"), len(words) - 1)
    noun = parses[head]
    plural = noun is not None and noun.tag.number == "plur"
    proper = phrase[:1].isupper() or (noun is not None and bool({"Sgtm", "Geox"} & noun.tag.grammemes))
    numbers = ("plur",) if plural else ("sing",) if proper else ("sing", "plur")
    out = [phrase]
    for number in numbers:
        # an adjective's accusative follows the noun's animacy where it shows (masculine, plural)
        shows = noun is not None and noun.tag.animacy and (number == "plur" or noun.tag.gender == "masc")
        for case in _CASES:
            inflected = []
            for i, (word, parse) in enumerate(zip(words, parses, strict=True)):
                # the singular keeps the word's own number (Ukrainian marks it by gender alone)
                wanted = {case} if number == "sing" else {case, "plur"}
                if case == "accs" and i < head and shows and noun is not None:
                    wanted.add(str(noun.tag.animacy))
                form = parse.inflect(wanted) if parse is not None and i <= head else None
                inflected.append(_styled(form.word, word) if form is not None else word)
            out.append(" ".join(inflected))
    return _with_plain_e(out)


def _with_plain_e(forms: list[str]) -> tuple[str, ...]:
    """Forms as the dictionary writes them and with "ё" written "е", as the press prints it."""
    out = dict.fromkeys(forms)
    out.update(dict.fromkeys(f.replace("ё", "е").replace("Ё", "Е") for f in forms))
    return tuple(out)


def inflect_ru(word: str) -> tuple[str, ...]:
    """Every case and number of a Russian word or agreeing phrase."""
    return _remembered(word, "ru")


def inflect_uk(word: str) -> tuple[str, ...]:
    """Every case and number of a Ukrainian word or agreeing phrase."""
    return _remembered(word, "uk")


def _remembered(phrase: str, lang: str) -> tuple[str, ...]:
    """``_east_forms``, kept between runs: the tables' words then need no dictionary, and a
    process loads pymorphy3 (30 MB, a second) only to read the names of a Russian or Ukrainian
    article. Every table of every language is built when a process starts."""
    return _memo().get(f"{lang} {phrase}", lambda: _east_forms(phrase, lang), list, tuple)


@cache
def _memo() -> Memo:
    code = Path(__file__).read_text(encoding="utf-8")
    return Memo("inflections", [code, versions("pymorphy3", "pymorphy3-dicts-ru", "pymorphy3-dicts-uk")])


# ---------------------------------------------------------------- Polish, by rule

# Before -e of the locative (and -i/-y of the masculine-personal plural) a hard consonant softens.
_PL_LOCATIVE = (("sk", "sce"), ("st", "ście"), ("k", "ce"), ("g", "dze"), ("ch", "sze"), ("t", "cie"), ("d", "dzie"),
                ("r", "rze"), ("ł", "le"), ("n", "nie"), ("s", "sie"), ("z", "zie"), ("w", "wie"), ("m", "mie"),
                ("b", "bie"), ("p", "pie"), ("f", "fie"))
_PL_VIRILE = (("sk", "scy"), ("ck", "ccy"), ("k", "cy"), ("g", "dzy"), ("ch", "si"), ("sz", "si"), ("st", "ści"),
              ("t", "ci"), ("d", "dzi"), ("r", "rzy"), ("ł", "li"), ("n", "ni"), ("s", "si"), ("z", "zi"), ("ż", "zi"),
              ("w", "wi"), ("m", "mi"), ("b", "bi"), ("p", "pi"), ("c", "cy"))
# Stems that take -y, not -i, after them (hardened consonants) and the soft ones (-i, no -y).
_PL_HARDENED = ("c", "cz", "sz", "rz", "ż", "dz", "dż")
_PL_SOFT_FINAL = {"ś": "s", "ń": "n", "ć": "c", "ź": "z"}


def _swap_end(stem: str, table: tuple[tuple[str, str], ...], default: str) -> str:
    for end, repl in table:
        if stem.endswith(end):
            return stem[: -len(end)] + repl
    return stem + default


def _pl_adjective(adj: str) -> list[str]:
    """"rosyjski" -> rosyjskiego, rosyjskiej, rosyjską, rosyjscy ...; "obcy" -> obcego, obcą ..."""
    stem, soft = adj[:-1], adj.endswith("i")
    i = "i" if soft else "y"
    e = "ie" if soft else "e"
    base = [adj, stem + e + "go", stem + e + "mu", stem + i + "m", stem + i + "ch", stem + i + "mi", stem + e,
            stem + "a", stem + e + "j", stem + "ą"]
    if soft and stem[-1:] in ("k", "g"):
        base.append(_swap_end(stem, _PL_VIRILE, "i"))  # rosyjscy, niemieccy, drodzy
    elif not soft:
        base.append(_swap_end(stem, _PL_VIRILE, "i"))  # zagraniczni, obcy
    return base


def _pl_feminine(noun: str) -> list[str]:
    """A noun in -a ("Rosja", "Ukraina", "Polska", "dyplomata"): the singular cases and the
    plural endings shared by every gender."""
    stem = noun[:-1]
    if stem[-1:] in "aeiouyj" or stem.endswith(("k", "g", "l")):
        gen = stem + "i"
    else:
        gen = stem + "y"
    if stem[-1:] in "aeiouyj" or stem.endswith("l") or stem.endswith(_PL_HARDENED):
        loc = gen
    else:
        loc = _swap_end(stem, _PL_LOCATIVE, "e")
    # masculine nouns of persons in -a take the masculine plural ("dyplomaci", "kierowców")
    virile = [_swap_end(stem, _PL_VIRILE, "i"), stem + "ów"]
    return [noun, gen, loc, stem + "ę", stem + "ą", stem + "o", stem + "om", stem + "ami", stem + "ach", *virile]


def _pl_masculine_person(stem: str) -> list[str]:
    """Plural of a masculine noun of a person ("agenci", "agentów", "żołnierze", "żołnierzy")."""
    plural = [_swap_end(stem, _PL_VIRILE, "i"), stem + "owie", stem + "ów", stem + "om", stem + "ami", stem + "ach"]
    if stem.endswith(_PL_HARDENED) or stem.endswith(("l", "j")):
        plural += [stem + "e", stem + "y"]  # żołnierze, żołnierzy; lekarze, lekarzy
    return plural


def _pl_masculine(noun: str) -> list[str]:
    """A masculine noun ending in a consonant ("agent", "Iran", "Ukrainiec", "Rosjanin")."""
    if noun.endswith("anin"):  # Rosjanin -> Rosjanie, Rosjan
        plural_stem = noun[:-2]
        return [noun, noun + "a", noun + "owi", noun + "em", noun + "ie", plural_stem + "ie", plural_stem,
                plural_stem + "om", plural_stem + "ami", plural_stem + "ach"]
    stem = noun
    if noun.endswith("iec"):  # Ukrainiec -> Ukraińca, Niemiec -> Niemca
        base = noun[:-3]
        stem = (base[:-1] + _PL_SOFTENED[base[-1]] if base[-1:] in _PL_SOFTENED else base) + "c"
    elif noun.endswith("ec"):  # sprzedawca-like -ec: handlowiec -> handlowca
        stem = noun[:-2] + "c"
    soft = noun[-1:] in _PL_SOFT_FINAL
    if soft:  # Białoruś -> Białorusi, Białorusią (feminine); koń -> konia (masculine)
        stem = noun[:-1] + _PL_SOFT_FINAL[noun[-1]] + "i"
        return [noun, stem, stem + "ą", stem + "a", stem + "u", stem + "owi", stem + "em", *_pl_masculine_person(stem)]
    velar = stem.endswith(("k", "g"))
    loc = stem + "u" if velar or stem.endswith(_PL_HARDENED) or stem.endswith(("l", "j")) else \
        _swap_end(stem, _PL_LOCATIVE, "e")
    singular = [noun, stem + "a", stem + "u", stem + "owi", stem + ("iem" if velar else "em"), loc]
    return singular + _pl_masculine_person(stem)


_PL_SOFTENED = {"n": "ń", "s": "ś", "c": "ć", "z": "ź"}


def _pl_forms(word: str) -> list[str]:
    lower = word.lower()
    if lower.endswith(("ski", "cki", "dzki", "ny", "wy", "ty", "ry", "ły", "my", "by", "py", "czy", "szy", "cy", "ki", "gi")):
        return _pl_adjective(word)
    if lower.endswith("a"):
        return _pl_feminine(word)
    if lower[-1:].isalpha() and lower[-1:] not in "eiouyąę":
        return _pl_masculine(word)
    return [word]


def inflect_pl(phrase: str) -> tuple[str, ...]:
    """The cases and numbers of a Polish word, or of an adjective and noun pair whose parts
    agree ("wywiad wojskowy" -> "wywiadu wojskowego" is not built: pairs are written out)."""
    forms = _pl_forms(phrase) if " " not in phrase else [phrase]
    return tuple(dict.fromkeys(forms))
