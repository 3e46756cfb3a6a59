"""Country words (``tables/country_terms.tsv`` plus pycountry's names in five languages):
terms by language, lookups of a word's country, and the finder of country words in text."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import cache

import pycountry

from spyglass.understand.lexicon._gazetteer import Gazetteer
from spyglass.understand.lexicon._inflect import expand, slug
from spyglass.understand.tables import ENTITY_LANGS, LANGS, lookup_key, read_rows

__all__ = ["COUNTRY_FORMS", "CountryTerm", "CountryHit", "country_terms", "country_term_of", "country_of", "countries_in", "country_code"]

COUNTRY_FORMS = frozenset({"name", "demonym", "adjective", "capital", "citizen"})


@dataclass(frozen=True)
class CountryTerm:
    id: str
    text: str
    country: str
    form: str
    lang: str


@dataclass(frozen=True)
class CountryHit:
    start: int
    end: int
    text: str
    term: CountryTerm


@cache
def _pycountry_names() -> tuple[tuple[str, str], ...]:
    """(name, alpha-2) for pycountry's English names without the "X, Republic of" inversions."""
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(c, attr, None)
            if name and "," not in name and "(" not in name:
                pairs.append((re.sub(r"^the ", "", name), c.alpha_2))
    return tuple(pairs)


@cache
def _all_country_terms() -> tuple[CountryTerm, ...]:
    terms: dict[tuple[str, str], CountryTerm] = {}
    ids: set[str] = set()

    def add(lang: str, country: str, form: str, text: str) -> None:
        key = (lang, text)
        if key not in terms:  # the curated table comes first and wins
            base = tid = f"country.{lang}.{country.lower()}.{form}.{slug(text)}"
            n = 1
            while tid in ids:  # "US" and "U.S." share a slug
                n += 1
                tid = f"{base}_{n}"
            ids.add(tid)
            terms[key] = CountryTerm(tid, text, country, form, lang)

    for lang, country, form, cell in read_rows("country_terms.tsv", 4):
        for text in expand(cell, lang):
            add(lang, country, form, text)
    for name, alpha2 in _pycountry_names():
        add("en", alpha2, "name", name)
    for lang in (*LANGS[1:], *ENTITY_LANGS):
        for name, alpha2 in (*_cldr_names(lang), *_pycountry_translations(lang)):
            add(lang, alpha2, "name", name)
    for term in [t for t in terms.values() if t.lang == "de" and t.form == "name"]:
        if genitive := _german_genitive(term.text):
            add("de", term.country, "name", genitive)
    return tuple(terms.values())


def _german_genitive(name: str) -> str | None:
    """"Russlands", "Chinas", "Nordkoreas": a German country name in the genitive ("das
    Generalkonsulat Russlands"); names ending in a hissing sound or in several words take none."""
    if " " in name or not name[:1].isupper() or name.endswith(("s", "ß", "x", "z")):
        return None
    return name + "s"


# CLDR locales whose short country names a language's texts use: Chinese is printed in
# Simplified (mainland) and Traditional (Taiwan, Hong Kong) characters.
_CLDR_LOCALES = {"zh": ("zh_Hans", "zh_Hant")}


@cache
def _cldr_names(lang: str) -> tuple[tuple[str, str], ...]:
    """CLDR's short country names in ``lang`` (babel ships the data): "Китай", "中国", "Rusya"."""
    from babel import Locale

    codes = {c.alpha_2 for c in pycountry.countries}
    pairs = []
    for locale in _CLDR_LOCALES.get(lang, (lang,)):
        for code, name in Locale.parse(locale).territories.items():
            if code in codes and "," not in name and "(" not in name:
                pairs.append((name, code))
    return tuple(pairs)


@cache
def _pycountry_translations(lang: str) -> tuple[tuple[str, str], ...]:
    """pycountry's translated country names (its gettext catalogues, shipped in its package)."""
    try:
        catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
    except OSError:
        return ()
    pairs = []
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            name = getattr(c, attr, None)
            translated = catalogue.gettext(name) if name else None
            if translated and translated != name and "," not in translated and "(" not in translated:
                pairs.append((translated, c.alpha_2))
    return tuple(pairs)


def country_terms(lang: str = "en") -> tuple[CountryTerm, ...]:
    """Country names, short names, capitals, demonyms and adjectives in ``lang``."""
    return _country_terms_by_lang().get(lang, ())


@cache
def _country_terms_by_lang() -> dict[str, tuple[CountryTerm, ...]]:
    out: dict[str, list[CountryTerm]] = {}
    for term in _all_country_terms():
        out.setdefault(term.lang, []).append(term)
    return {lang: tuple(terms) for lang, terms in out.items()}


def _case_sensitive(text: str) -> bool:
    # "US", "UK", "PRC", "U.S.": in lower case some are ordinary words ("us").
    return len(text) <= 4 and text.upper() == text or re.fullmatch(r"(?:[A-Z]\.)+", text) is not None


@cache
def _country_index(lang: str) -> tuple[dict[str, CountryTerm], dict[str, CountryTerm]]:
    exact: dict[str, CountryTerm] = {}
    folded: dict[str, CountryTerm] = {}
    for term in country_terms(lang):
        if _case_sensitive(term.text):
            exact.setdefault(term.text, term)
        else:
            folded.setdefault(lookup_key(term.text), term)
    return exact, folded


def country_term_of(word: str, lang: str = "en") -> CountryTerm | None:
    exact, folded = _country_index(lang)
    stripped = re.sub(r"^(?:the)\s+", "", word.strip().replace("\u2019", "'"), flags=re.I)
    stripped = re.sub(r"'s$", "", stripped)
    return exact.get(stripped) or folded.get(lookup_key(word))


def country_of(word: str, lang: str = "en") -> str | None:
    """ISO alpha-2 of a country name, demonym, adjective or capital ("Taiwanese" -> "TW")."""
    term = country_term_of(word, lang)
    return term.country if term else None


def _case_variants(text: str, lang: str = "en") -> tuple[str, ...]:
    """How a term may be printed: as written, capitalised (sentence start) and in capitals
    (Turkish capitals keep the dot of i and the lack of it of ı: "Çinli" -> "ÇİNLİ")."""
    upper = text.replace("i", "İ").replace("ı", "I").upper() if lang == "tr" else text.upper()
    return tuple(dict.fromkeys((text, text[:1].upper() + text[1:], upper)))


@cache
def _country_gazetteer(lang: str) -> Gazetteer:
    # Case-sensitive on purpose: "china", "turkey", "poles", "chad" are ordinary words.
    return Gazetteer([(v, True, t) for t in country_terms(lang) for v in _case_variants(t.text, lang)])


def countries_in(text: str, lang: str = "en") -> list[CountryHit]:
    """Country mentions in ``text`` ("German-Chinese" gives DE then CN)."""
    hits = []
    for start, end, term in _country_gazetteer(lang).find(text):
        assert isinstance(term, CountryTerm)
        hits.append(CountryHit(start, end, text[start:end], term))
    return hits


@cache
def country_code(name: str, lang: str | None = None) -> str | None:
    """ISO alpha-2 for a country name, demonym, adjective or capital (in ``lang``, or in any
    language, English first, when None); then pycountry's exact lookup (codes, names,
    official names; never its fuzzy search)."""
    for each in (lang,) if lang else LANGS:
        code = country_of(name, each)
        if code is not None:
            return code
    try:
        return str(pycountry.countries.lookup(name.strip()).alpha_2)
    except LookupError:
        return None


def country_given(value: str) -> str | None:
    """ISO alpha-2 of a country as a user gives it to a filter, a watchlist or a form: a code
    ("cn"), a name ("China") or a demonym ("Chinese"); None for anything else."""
    text = value.strip()
    if len(text) == 2 and text.isalpha() and pycountry.countries.get(alpha_2=text.upper()) is not None:
        return text.upper()
    return country_code(text) if text else None


def countries_given(value: object) -> object:
    """A country field's value as a user gave it (a string or a list of them), each string that
    names a country turned into its code ("China" -> "CN"); anything else is left for the
    field's validation to refuse."""
    if isinstance(value, str):
        return country_given(value) or value
    if isinstance(value, list):
        given = [countries_given(v) for v in value]
        if all(isinstance(v, str) for v in given):
            return list(dict.fromkeys(given))  # "Taiwanese" and "Taiwan" are one
        return given  # not a list of strings: validation refuses it
    return value
