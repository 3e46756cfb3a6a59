"""Turn an analyst's edit (from the API or the HTML form) into a validated ``Correction``.

Both entrances share the rules: the field must be a case field, the value must fit its type
(checked against ``CaseFacts``), and a reason is required so the audit trail says why.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any

from pydantic import ValidationError

from spyglass.records import CaseFacts, Correction, fact_problem

from .problems import ApiError

__all__ = ["EDITABLE", "correction_of", "value_from_form", "form_value_of"]

EDITABLE: tuple[str, ...] = tuple(CaseFacts.model_fields)
_LISTS = {"accused_names", "accused_nationality", "roles"}
_INTS = {"accused_count"}
_COUNTRIES = {"accused_nationality", "sponsor_country", "target_country"}


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _checked(field: str, value: Any) -> Any:
    """The value as JSON after validation against the case schema, or a 422."""
    if field not in EDITABLE:
        raise ApiError(422, "invalid-request", f"{field!r} is not a case field; use one of {', '.join(EDITABLE)}")
    if field in _COUNTRIES:
        from spyglass.understand.lexicon import countries_given

        value = countries_given(value)  # "China", "Chinese" and "CN" are one country
    if field == "sponsor_service" and isinstance(value, str) and value.strip():
        value = _service_id(value)
    try:
        facts = CaseFacts.model_validate({field: value})
    except ValidationError as err:
        first = err.errors()[0]
        raise ApiError(422, "invalid-request",
                       f"{field}: {first.get('msg', 'invalid value')}; send a value of the field's type") from err
    problem = fact_problem(field, getattr(facts, field))
    if problem:
        raise ApiError(422, "invalid-request", f"{field}: {problem}; nothing was stored")
    return facts.model_dump(mode="json")[field]


def _service_id(value: str) -> str:
    """A service named in any of its names ("MSS", "Guoanbu") -> its canonical id, or a 422."""
    from spyglass.services import service_named

    found = service_named(value)
    if found is None:
        raise ApiError(422, "invalid-request",
                       f"sponsor_service: unknown service {value!r}; give a name, acronym or id, e.g. MSS or svc.cn.mss")
    return found.id


def correction_of(case_id: str, field: str, value: Any, why: str, who: str) -> Correction:
    why = why.strip()
    if not why:
        raise ApiError(422, "invalid-request", "a correction needs a reason; say why the value is wrong")
    return Correction(case_id=case_id, field=field, value=_checked(field, value), why=why[:1000],
                      who=who, at=_now())


def value_from_form(field: str, raw: str) -> Any:
    """What an analyst typed in the form as the JSON value of ``field``, read exactly as `case
    edit --set` reads it (lists split at ';' or ',', payments as ``25000 USD; 3800 CNY``, terms
    ``70-84``); an empty box clears the field."""
    from spyglass.pipeline import shorthand_value

    text = raw.strip()
    if not text:
        return [] if field in _LISTS or field == "payments" else None
    if field in _INTS:
        return int(text) if text.isdigit() else text
    return shorthand_value(field, text)


def form_value_of(value: Any) -> str:
    """A stored value as an analyst would type it back into the form."""
    if value is None:
        return ""
    if isinstance(value, tuple | list):
        if value and not isinstance(value[0], str | int):
            return json.dumps([v.model_dump() if hasattr(v, "model_dump") else v for v in value])
        return ", ".join(str(v) for v in value)
    return str(value)
