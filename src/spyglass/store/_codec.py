"""Pure conversions between records and what the tables hold: JSON, years, bands, search text.

No SQL here; both backends share these so they store exactly the same values.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from functools import lru_cache

from pydantic import ValidationError

from spyglass.errors import InputError
from spyglass.names import spelling_key
from spyglass.records import STAGE_ORDER, Case, CaseFacts, Correction, case_title
from spyglass.services import service_by_id

__all__ = [
    "now", "normal_time", "redacted", "fingerprint_bands", "band_keys", "query_words", "fts5_query",
    "case_years", "first_year", "case_search_text", "apply_corrections", "checked_correction",
    "stage_rank", "person_key", "CORRECTABLE",
]

BANDS = 4
# Fields an analyst may correct: the case facts and the display title.
CORRECTABLE: tuple[str, ...] = (*CaseFacts.model_fields, "title")
_MAX_WORDS = 32  # a longer query is still valid; words past this add cost, not precision
_WORD = re.compile(r"\w+")


def now() -> str:
    """The current time as the store writes it (sortable as text)."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def normal_time(value: str) -> str:
    """Any ISO date or timestamp as the store's UTC form, so text comparison orders correctly."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError as err:
        raise InputError(f"{value!r} is not an ISO date or time", "use e.g. 2026-01-31T12:00:00Z") from err
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.astimezone(UTC).isoformat(timespec="microseconds")


def redacted(target: str) -> str:
    """A database URL without its password, for messages and ``Store.target``."""
    return re.sub(r"(://[^:/@]+):[^@/]*@", r"\1:***@", target)


def fingerprint_bands(fingerprint: str, bands: int = BANDS) -> list[str]:
    """``"<i>:<chunk>"`` for each of ``bands`` equal slices of a hex fingerprint (16 bits each for 64)."""
    fp = fingerprint.strip().lower()
    if not fp:
        return []
    if len(fp) < 16 and all(ch in "0123456789abcdef" for ch in fp):
        fp = fp.zfill(16)  # a simhash printed without leading zeros
    size = -(-len(fp) // bands)
    return [f"{i}:{fp[i * size:(i + 1) * size]}" for i in range(bands) if fp[i * size:(i + 1) * size]]


def band_keys(values: list[str]) -> list[str]:
    """Band strings as given, with any bare fingerprint expanded into its bands."""
    out: list[str] = []
    for value in values:
        out.extend([value] if ":" in value else fingerprint_bands(value))
    return list(dict.fromkeys(out))


def query_words(text: str | None) -> list[str]:
    """The words of a user's query; punctuation and search syntax are dropped, never interpreted."""
    return _WORD.findall(text or "")[:_MAX_WORDS]


def fts5_query(words: list[str]) -> str:
    """An FTS5 MATCH string that requires every word, each quoted so it is never an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def _year_of(value: str | None) -> int | None:
    head = (value or "")[:4]
    if len(head) == 4 and head.isascii() and head.isdigit():
        return int(head)
    return None


def first_year(case: Case) -> int | None:
    """The year a case was first reported (dashboards count cases per year by it)."""
    found = _year_of(case.first_reported)
    if found is None and case.period and case.period[0] is not None and 1000 <= case.period[0] <= 9999:
        found = case.period[0]
    return found


def case_years(case: Case) -> set[int]:
    """Every year a case was reported in or active in (the ``year`` filter and facet)."""
    first, last = _year_of(case.first_reported), _year_of(case.last_reported)
    years = {y for y in (first, last) if y}
    if first and last and 0 <= last - first <= 100:
        years.update(range(first, last + 1))  # reported again later: the case ran in between
    years.update(y for y in (_year_of(e.date) for e in case.timeline) if y)
    if case.period:
        start, end = case.period
        bounded = [y for y in (start, end) if y is not None and 1000 <= y <= 9999]
        years.update(bounded)
        if len(bounded) == 2 and 0 <= bounded[1] - bounded[0] <= 100:
            years.update(range(bounded[0], bounded[1] + 1))
    return years


def person_key(name: str) -> str:
    """An accused name as the ``person`` filter compares it: case, accents, spacing, script and
    the spellings of transliterations do not count ("JOSÉ  Müller" -> "iose muler", "Сергей
    Иванов" and "Sergei Ivanov" -> "ivanov sergei"; ``names.spelling_key``). Words are sorted: the
    people list is one row per person whichever name a report prints first ("Иванов Сергей")."""
    return " ".join(sorted(spelling_key(name).split()))


def stage_rank(stage: str | None) -> int | None:
    return STAGE_ORDER.get(stage) if stage else None


@lru_cache(maxsize=512)
def _country_names(code: str) -> tuple[str, ...]:
    if len(code) != 2 or not code.isascii() or not code.isalpha():
        return ()
    import pycountry  # lazily: only when a case is written

    from spyglass.names import country_display_name

    country = pycountry.countries.get(alpha_2=code.upper())
    if country is None:
        return ()
    # the neutral short name, and ISO's name where it is a plain one ("Russian Federation"); an
    # inverted or disputed form ("Taiwan, Province of China") would show in search snippets
    names = (country_display_name(code), getattr(country, "name", None))
    return tuple(dict.fromkeys(n for n in names if n and "," not in n))


def _service_names(value: str | None) -> tuple[str, ...]:
    """A stored service with every name it goes by, so that search finds its cases by any of them."""
    found = service_by_id(value)
    return (value or "",) if found is None else (found.id, *found.names)


def case_search_text(case: Case) -> str:
    """What full-text search sees of a case: names, roles, countries, service, sentences, titles."""
    countries = [case.sponsor_country, case.target_country, *case.accused_nationality]
    parts: list[str] = [case.title, *case.accused_names, *case.roles]
    for code in countries:
        if code:
            parts += [code, *_country_names(code)]
    parts += _service_names(case.sponsor_service)
    parts += [e.sentence for e in case.evidence.values()]
    parts += [e.evidence.sentence for e in case.timeline if e.evidence]
    parts += [s.title or "" for s in case.sources]
    return "\n".join(dict.fromkeys(p for p in parts if p))


def checked_correction(machine: Case, correction: Correction) -> None:
    """Raise ``InputError`` unless the correction names a correctable field with a valid value."""
    if correction.field not in CORRECTABLE:
        raise InputError(
            f"cannot correct field {correction.field!r} of case {correction.case_id}",
            f"correctable fields: {', '.join(CORRECTABLE)}",
        )
    data = json.loads(machine.model_dump_json())
    data[correction.field] = correction.value
    try:
        Case.model_validate(data)
    except ValidationError as err:
        problem = err.errors()[0]["msg"]
        raise InputError(
            f"invalid value {correction.value!r} for {correction.field} of case {correction.case_id}: {problem}",
            "give a value of the field's type (JSON)",
        ) from err


def apply_corrections(machine: Case, corrections: list[Correction]) -> Case:
    """Machine values overlaid with corrections, oldest first so the latest one wins.

    A title that linking composed from the facts (``records.case_title``) is composed again
    from the corrected facts, so "sentenced" in a title never contradicts a corrected stage;
    a title the analyst corrected, or one that was not composed (an import), stays as it is.
    """
    if not corrections:
        return machine
    data = json.loads(machine.model_dump_json())
    title_corrected = False
    for correction in corrections:
        trial = {**data, correction.field: correction.value}
        try:
            Case.model_validate(trial)
        except ValidationError:
            continue  # checked on entry; skip rather than hide the whole case if rules change
        data = trial
        title_corrected |= correction.field == "title"
    corrected = Case.model_validate(data)
    if title_corrected or machine.title != case_title(machine):
        return corrected
    return corrected.model_copy(update={"title": case_title(corrected)})
