"""What pages and the API share: reading case filters from query parameters, building
shareable URLs back from them, and the small Jinja2 filters the templates use.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Annotated, Any, get_args
from urllib.parse import urlencode

from fastapi import Query
from jinja2 import Environment

from spyglass.records import STAGES
from spyglass.store.base import CaseQuery, SortKey

from .problems import ApiError

__all__ = ["CaseFilters", "case_filters", "Params", "country_name", "service_display", "install_filters", "PER_PAGE"]

PER_PAGE = 25
SORT_KEYS: tuple[str, ...] = get_args(SortKey)


def _codes(values: list[str]) -> tuple[str, ...]:
    """Country codes as the store keeps them (upper-case alpha-2) from codes, names or demonyms;
    empty form values dropped, anything that is no country refused."""
    from spyglass.understand.lexicon import country_given

    codes = []
    for value in (v for v in values if v.strip()):
        code = country_given(value)
        if code is None:
            raise ApiError(422, "invalid-request", f"unknown country {value!r}; give a name, demonym or ISO code, e.g. China or CN")
        codes.append(code)
    return tuple(dict.fromkeys(codes))


def _services(values: list[str]) -> tuple[str, ...]:
    """Service ids as the store keeps them, from any name, acronym or id of each service ("MSS",
    "Ministry of State Security", "svc.cn.mss"); empty form values dropped, anything that is no
    service refused."""
    from spyglass.services import service_named

    ids = []
    for value in (v for v in values if v.strip()):
        found = service_named(value)
        if found is None:
            raise ApiError(422, "invalid-request", f"unknown service {value!r}; give a name, acronym or id, e.g. MSS or svc.cn.mss")
        ids.append(found.id)
    return tuple(dict.fromkeys(ids))


def _names(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v.strip() for v in values if v.strip()))


def _stages(values: list[str]) -> tuple[str, ...]:
    chosen = _names(values)
    unknown = [s for s in chosen if s not in STAGES]
    if unknown:
        raise ApiError(422, "invalid-request", f"unknown stage {unknown[0]!r}; use one of {', '.join(STAGES)}")
    return chosen


class CaseFilters:
    """The case filters of one request plus its page, as a ``CaseQuery`` and as URL parameters."""

    def __init__(self, query: CaseQuery, page: int, per_page: int) -> None:
        self.query = query
        self.page = page
        self.per_page = per_page

    @property
    def params(self) -> Params:
        q = self.query
        pairs: list[tuple[str, str]] = [("sponsor", v) for v in q.sponsor] + [("target", v) for v in q.target]
        pairs += [("service", v) for v in q.service] + [("stage", v) for v in q.stage]
        if q.year is not None:
            pairs.append(("year", str(q.year)))
        if q.text:
            pairs.append(("q", q.text))
        if q.person:
            pairs.append(("person", q.person))
        if q.sort != "-last_reported":
            pairs.append(("sort", q.sort))
        return Params(pairs)


def case_filters(
    sponsor: Annotated[list[str], Query(description="sponsor country, ISO alpha-2; repeat for several")] = [],  # noqa: B006
    target: Annotated[list[str], Query(description="target country, ISO alpha-2; repeat for several")] = [],  # noqa: B006
    service: Annotated[list[str], Query(description="sponsoring service: id, name or acronym (svc.cn.mss, MSS); repeat for several")] = [],  # noqa: B006
    stage: Annotated[list[str], Query(description=f"stage: {', '.join(STAGES)}; repeat for several")] = [],  # noqa: B006
    year: Annotated[int | None, Query(ge=1900, le=2100, description="a year the case was reported or active in")] = None,
    q: Annotated[str | None, Query(max_length=200, description="full-text search over cases and their articles")] = None,
    person: Annotated[str | None, Query(max_length=200, description="words of an accused person's name, any order and case (kevin mallory)")] = None,
    sort: Annotated[SortKey, Query(description="sort key; a leading '-' sorts descending")] = "-last_reported",
    page: Annotated[int, Query(ge=1, le=10_000, description="1-based page number")] = 1,
    per_page: Annotated[int, Query(ge=1, le=200, description="cases per page")] = PER_PAGE,
) -> CaseFilters:
    """FastAPI dependency: the same filters for the cases page and ``/api/v1/cases``."""
    query = CaseQuery(
        sponsor=_codes(sponsor), target=_codes(target), service=_services(service), stage=_stages(stage),
        year=year, text=(q or "").strip() or None, person=(person or "").strip() or None, sort=sort, limit=per_page, offset=(page - 1) * per_page,
    )
    return CaseFilters(query, page, per_page)


class Params:
    """Query parameters of a page; each method returns a new query string for a link."""

    def __init__(self, pairs: list[tuple[str, str]]) -> None:
        self.pairs = pairs

    def _qs(self, pairs: list[tuple[str, str]]) -> str:
        return "?" + urlencode(pairs) if pairs else "?"

    def has(self, key: str, value: str) -> bool:
        return (key, value) in self.pairs

    def toggle(self, key: str, value: Any) -> str:
        """Add the facet value, or remove it when already chosen; back to page 1 either way."""
        pair = (key, str(value))
        if key == "year":  # one year at a time
            rest = [p for p in self.pairs if p[0] != "year"]
            return self._qs(rest if pair in self.pairs else [*rest, pair])
        return self._qs([p for p in self.pairs if p != pair] if pair in self.pairs else [*self.pairs, pair])

    def sorted_by(self, key: str, current: str) -> str:
        """Sort by ``key``; clicking the current key flips its direction."""
        descending = "-" + key
        if current == key and descending in SORT_KEYS:
            chosen = descending
        elif current == descending:
            chosen = key
        else:
            chosen = descending if descending in SORT_KEYS else key
        return self._qs([p for p in self.pairs if p[0] != "sort"] + [("sort", chosen)])

    def page(self, number: int) -> str:
        return self._qs(self.pairs + ([("page", str(number))] if number > 1 else []))

    def __str__(self) -> str:
        return self._qs(self.pairs)


@lru_cache(maxsize=512)
def country_name(code: str | None) -> str:
    """``"CN"`` -> ``"China"``, ``"TW"`` -> ``"Taiwan"``; unknown codes are shown as they are."""
    from spyglass.names import country_display_name

    return country_display_name(code) if code else "unknown"


def _months(value: object) -> str:
    if value == "life":
        return "life"
    if isinstance(value, int):
        years, months = divmod(value, 12)
        return f"{years} y {months} m" if years and months else f"{years} y" if years else f"{months} m"
    return "?"


def sentence_text(term: tuple[object, object] | None) -> str:
    """``(70, 84)`` -> ``"5 y 10 m - 7 y"``."""
    if not term:
        return ""
    low, high = term
    return _months(low) if low == high else f"{_months(low)} - {_months(high)}"


def value_text(value: object) -> str:
    """A case field's value as one line of text for a table or definition list."""
    if value is None or value == () or value == []:
        return ""
    if isinstance(value, tuple | list):
        return ", ".join(value_text(v) for v in value)
    if hasattr(value, "amount") and hasattr(value, "currency"):
        return f"{value.amount:,.0f} {value.currency}"
    return str(value)


@lru_cache(maxsize=512)
def service_display(value: str | None) -> str:
    """``"svc.cn.mss"`` -> ``"Ministry of State Security"``; a value that is no service's id is
    shown as it is."""
    from spyglass.services import service_name

    return service_name(value)


def install_filters(env: Environment) -> None:
    env.filters["country"] = country_name
    env.filters["service"] = service_display
    env.filters["sentence"] = sentence_text
    env.filters["value"] = value_text
    env.globals["STAGES"] = STAGES
