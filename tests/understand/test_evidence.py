"""Evidence proves its value: every case field's evidence quotes, inside its sentence, the words
that state the value (a country word, demonym, place, authority or service for a country; a
number for a term, a sum or a count; a year for a period; a stage word for a stage).

Run over every field extracted from the bundled samples, the development corpus and, when its
texts are present, the real-news set.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from spyglass.cli.extract import extract_lines
from spyglass.settings import load_settings
from spyglass.understand import quantities
from spyglass.understand.cases.fields._target import _authorities
from spyglass.understand.lexicon import hits
from spyglass.understand.quantities import number_of

SAMPLES = Path(__file__).resolve().parents[2] / "src" / "spyglass" / "samples"
def _states_country(quote: str, code: str, lang: str) -> bool:
    if any(h.kb_id == code for h in hits.countries_in(quote, lang) + hits.countries_in(quote, "en")):
        return True
    if any(hits.service_country(h.kb_id) == code for h in hits.services_in(quote)):
        return True
    if any(h.kb_id == code for h in hits.places_in(quote)):
        return True
    if any(h.kb_id == code for h in hits.places_in(quote.title())):
        return True  # a dateline in capitals ("KOCHI:")
    return any(country == code and pattern.search(quote) for _rid, country, pattern in _authorities())


def _states_months(quote: str, value: list[object], lang: str) -> bool:
    found = {q.value for q in quantities.durations_as_quantities(quote, lang) + quantities.durations_as_quantities(quote, "en")}
    # the low end of a range ("between 70 and 84 months", "four to ten years") is a bare number
    number = number_of(quote.strip(), lang) or number_of(quote.strip(), "en")
    return bool(found & set(value)) or (number is not None and bool({number, number * 12} & set(value)))


def _states_amount(quote: str, value: list[dict[str, object]], lang: str) -> bool:
    found = {round(float(q.value)) for q in quantities.money_as_quantities(quote, lang)}  # type: ignore[arg-type]
    return bool(found & {round(float(p["amount"])) for p in value})  # type: ignore[arg-type]


def _states_year(quote: str, value: list[object], _lang: str) -> bool:
    years = {int(y) for y in re.findall(r"\b(1[89]\d\d|20\d\d)\b", quote)}
    # a relative date ("last year") is resolved against the printed date; the quote names it
    return bool(years & {v for v in value if isinstance(v, int)}) or bool(
        re.search(r"\b(?:last|this|previous)\s+(?:year|week|month)|\bon\s+[A-Z][a-z]+day\b|\byesterday\b", quote)
        or quote in _RELATIVE_YEARS)


# "the year before last", "last year" in the languages whose relative dates the rules read
_RELATIVE_YEARS = frozenset({"おととし", "一昨年", "去年", "昨年", "前年", "지난해", "작년", "재작년", "l'an dernier",
                             "l'année dernière", "el año pasado", "l'anno scorso", "letztes Jahr", "vorletztes Jahr"})


def _states_stage(quote: str, _value: str, lang: str) -> bool:
    return bool(hits.stages_in(quote, lang) or hits.stages_in(quote, "en")
                or re.search(r"freed|released|swap|exchange|traded|handed over|pardon", quote, re.I))


def _states_count(quote: str, value: int, lang: str) -> bool:
    """A number in any of our languages, one person ("the consul", "he was"), a pair ("his
    wife", "brothers") or the accused's names."""
    numbers = {number_of(w, code) for w in re.findall(r"[\w-]+", quote) for code in (lang, "en", "de", "fr")}
    if value in numbers:
        return True
    if value - 1 in numbers and re.search(r"\b(?:an?|another|third|fourth|un|une|una|uno|ein|eine|een|en|ett)\b", quote, re.I):
        return True  # "a Chinese national ... along with two Filipinos", "quatre femmes et un homme"
    if value == 1 and re.match(r"\s*(?:an?|the|he|she|ein\w*|une?|una|uno|een|ett|el|il|lo|le|la|al|au|del|du|der|den|dem|het)\b", quote, re.I):
        return True
    if value == 1 and re.fullmatch(r"\d{1,2}-(?:річн|летн|letni)\w+|\d{1,2}代(?:の)?(?:男性|女性|男|女)", quote):
        return True  # a singular age adjective ("47-річного"), an age decade with "man" ("30代男性")
    if value == 2 and len(re.findall(r"\b(?:an?)\b", quote, re.I)) == 2:
        return True  # "a woman and a man"
    if value == 2 and re.search(r"\b(?:wife|husband|brothers?|sisters?|son|daughter|pair|couple|both|beide\w*)\b", quote, re.I):
        return True
    first = quote[:1]
    caseless = first.isalpha() and not (first.isupper() or first.islower())  # "鄭姓", "김모": scripts without case
    return (first.isupper() or caseless) and not re.match(r"(?:The|A|An)\b", quote)  # names: counted as printed


CHECKS: dict[str, Callable[[str, object, str], bool]] = {
    "target_country": _states_country,  # type: ignore[dict-item]
    "sponsor_country": _states_country,  # type: ignore[dict-item]
    "accused_nationality": lambda q, v, lang: any(_states_country(q, c, lang) for c in v),  # type: ignore[attr-defined]
    "sponsor_service": lambda q, v, _lang: bool(hits.services_in(q)) or q == v,
    "stage": _states_stage,  # type: ignore[dict-item]
    "sentence_months": _states_months,  # type: ignore[dict-item]
    "payments": _states_amount,  # type: ignore[dict-item]
    "period": _states_year,  # type: ignore[dict-item]
    "accused_count": _states_count,  # type: ignore[dict-item]
    "accused_names": lambda q, v, _lang: q in v,  # type: ignore[operator]
    "roles": lambda q, v, lang: bool(hits.roles_in(q, lang) or hits.roles_in(q, "en")),
}


def _fields(inputs: list[str]) -> Iterator[tuple[str, str, object, dict[str, object], str]]:
    for line in extract_lines(inputs, load_settings()):
        row = json.loads(line)
        for case in row["cases"]:
            for name, evidence in case["evidence"].items():
                yield row["source"], name, case[name], evidence, row["language"] or "en"


def _failures(inputs: list[str]) -> tuple[int, list[str]]:
    checked, failures = 0, []
    for source, name, value, evidence, lang in _fields(inputs):
        checked += 1
        quote = evidence.get("quote")
        start, end = evidence.get("quote_start"), evidence.get("quote_end")
        where = f"{Path(source).name} {name}={value!r} [{evidence['rule']}]"
        if not quote or start is None or evidence["sentence"][start:end] != quote:
            failures.append(f"{where}: no quote in {evidence['sentence'][:90]!r}")
        elif not CHECKS[name](quote, value, lang):
            failures.append(f"{where}: {quote!r} does not state it")
    return checked, failures


def _inputs(folder: Path, pattern: str = "**/*") -> list[str]:
    return sorted(str(p) for p in folder.glob(pattern) if p.is_file() and p.name not in ("gold.jsonl", "README.md")
                  and p.suffix != ".py")


@pytest.mark.slow
@pytest.mark.parametrize("which", ["samples", "corpus", "realnews"])
def test_every_field_quotes_the_words_that_state_its_value(which: str, corpus_dir: Path | None = None) -> None:
    if which == "samples":
        inputs = _inputs(SAMPLES)
    else:
        from tests.conftest import SHARED

        folder = SHARED / ("corpus" if which == "corpus" else "realnews/texts")
        if not folder.is_dir() or not any(folder.iterdir()):
            pytest.skip(f"{folder} is absent (realnews texts are filled by hand, never committed)")
        inputs = _inputs(folder)
    checked, failures = _failures(inputs)
    assert checked > 20, f"only {checked} fields extracted from {which}"
    assert not failures, f"{len(failures)} of {checked} fields:\n" + "\n".join(failures[:40])
