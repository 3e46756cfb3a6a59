"""Analyst input for corrections: ``FIELD=VALUE`` as typed on the command line -> a checked value.

Values are read the way an analyst writes them ("CN", "240", "life", "72,96", "2015-2020",
"25000 USD", "Kevin Mallory; Ron Hansen") or as JSON, then validated against
``records.CaseFacts`` so a bad field or value fails with one line before anything is stored.
"""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import ValidationError

from spyglass.errors import InputError
from spyglass.records import CaseFacts
from spyglass.services import service_named

__all__ = ["CORRECTABLE", "correction_value", "shorthand_value"]

CORRECTABLE: tuple[str, ...] = (*CaseFacts.model_fields, "title")
_LISTS = {"accused_names", "accused_nationality", "roles"}
_COUNTRIES = {"accused_nationality", "sponsor_country", "target_country"}
_NULL = {"", "none", "null", "-"}
_PAYMENT = re.compile(r"^\s*([\d.,]+)\s*([A-Za-z]{3})\s*$")


def _parts(raw: str) -> list[str]:
    separator = ";" if ";" in raw else ","
    return [part.strip() for part in raw.split(separator) if part.strip()]


def _term(raw: str) -> Any:
    return "life" if raw.lower() == "life" else int(raw)


def _payment(raw: str) -> dict[str, Any]:
    found = _PAYMENT.match(raw)
    if not found:
        raise ValueError(raw)
    return {"amount": float(found.group(1).replace(",", "")), "currency": found.group(2).upper()}


def _loose(name: str, raw: str) -> Any:
    """The analyst's shorthand for a field, before validation."""
    if raw.lower() in _NULL:
        return () if name in _LISTS or name == "payments" else None
    if name in _LISTS:
        return [p.upper() if name in _COUNTRIES else p for p in _parts(raw)]
    if name in _COUNTRIES:
        return raw.upper()
    if name == "sentence_months":
        ends = [_term(p) for p in re.split(r"[,\-–]", raw) if p.strip()]
        return [ends[0], ends[-1]]
    if name == "period":
        ends = [None if p.strip() in ("", "?") else int(p) for p in re.split(r"[,\-–]", raw)]
        return [ends[0], ends[-1]]
    if name == "payments":
        return [_payment(p) for p in raw.split(";")]
    return raw


def shorthand_value(name: str, raw: str) -> Any:
    """What an analyst typed for ``name`` (in `case edit --set` or the web form), as the JSON
    value to validate: lists split at ';' when there is one, else at ','; payments as
    ``AMOUNT CUR; ...``; terms and periods as ``72-96``, ``2015-``; JSON as it is. A value it
    cannot read is returned as typed, for validation to refuse."""
    try:
        return json.loads(raw) if raw[:1] in "[{\"" else _loose(name, raw)
    except ValueError:
        return raw


def correction_value(name: str, raw: str) -> Any:
    """The JSON value to store for ``name=raw``; ``InputError`` if the field or value is wrong."""
    if name not in CORRECTABLE:
        raise InputError(f"unknown case field {name!r}", f"fields are: {', '.join(CORRECTABLE)}")
    if name == "title":
        return raw
    try:
        value = json.loads(raw) if raw[:1] in "[{\"" else _loose(name, raw)
        if name == "accused_count" and isinstance(value, str):
            value = int(value)
        facts = CaseFacts.model_validate({name: value})
    except (ValueError, ValidationError) as err:
        detail = err.errors()[0]["msg"] if isinstance(err, ValidationError) else "cannot read it"
        raise InputError(f"invalid value {raw!r} for {name}: {detail}", _hint(name)) from None
    if name == "sponsor_service" and facts.sponsor_service is not None:
        return _service_id(facts.sponsor_service)
    return facts.model_dump(mode="json")[name]


def _service_id(value: str) -> str:
    """A service the analyst names in any of its names ("MSS", "Guoanbu") -> its canonical id."""
    found = service_named(value)
    if found is None:
        raise InputError(f"unknown service {value!r} for sponsor_service",
                         "give a service's name, acronym or id, e.g. MSS, Mossad or svc.cn.mss")
    return found.id


def _hint(name: str) -> str:
    hints = {
        "stage": "use one of suspected, arrested, charged, convicted, sentenced, acquitted, expelled, released",
        "sentence_months": "use months: 240, 72-96, 118-life or life",
        "period": "use years: 2015-2020, 2015- or 2015",
        "payments": "use AMOUNT CURRENCY, several separated by ';': 25000 USD; 3800 CNY",
        "accused_count": "use a whole number",
    }
    return hints.get(name, "use a value of the field's type, or JSON")
