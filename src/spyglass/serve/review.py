"""The review queue on the web: ``/review`` (page and forms) and ``/api/v1/review``.

Each item shows the case, field and value, why it is queued and its evidence sentence with
the words that state the value highlighted (``serve.highlight``: text pieces, never markup).
Confirming and correcting are POST forms carrying the session's CSRF token, as the case page's
correction form does; the API takes a bearer token.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field

from spyglass.records import CaseFacts
from spyglass.store.base import Confirmation, ReviewItem, ReviewQuery, Store

from .api import Page, PagingDep, StoreDep, case_query, paged, refuse_unknown_parameters
from .corrections import correction_of, form_value_of, value_from_form
from .highlight import Piece, Span, pieces_of
from .problems import ERROR_RESPONSES, ApiError
from .security import check_csrf, require_write, safe_next, session_of
from .views import PER_PAGE, CaseFilters, case_filters, country_name, sentence_text, value_text

__all__ = ["router", "api_router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
api_router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES,
                       dependencies=[Depends(refuse_unknown_parameters)])

REVIEWED_FIELDS: tuple[str, ...] = tuple(CaseFacts.model_fields)
SCAN = 2000  # the newest matching cases ranked, unless a request asks for more or fewer
FieldsParam = Annotated[list[str], Query(alias="field", description="only this case field; repeat for several")]
ScanParam = Annotated[int, Query(ge=1, le=100_000, description="how many of the newest matching cases are ranked")]


@dataclass(frozen=True)
class ItemView:
    """What the page shows of one item: the item, its highlighted evidence, its form values."""

    item: ReviewItem
    pieces: list[Piece]
    text: str  # the value as a line of text ("China", "7 y", "25,000 USD")
    shown: str  # the value as JSON, sent back with Confirm so a changed value is not confirmed
    typed: str  # the value as an analyst would type it into the correction box


def _view(item: ReviewItem) -> ItemView:
    evidence = item.evidence
    spans = []
    if evidence is not None and evidence.quote_start is not None and evidence.quote_end is not None:
        spans.append(Span(evidence.quote_start, evidence.quote_end, item.field, key=item.field))
    pieces = pieces_of(evidence.sentence, spans) if evidence is not None else []
    return ItemView(item, pieces, _text(item.field, item.value), json.dumps(item.value, ensure_ascii=False),
                    _typed(item.field, item.value))


def _typed(field: str, value: Any) -> str:
    """The value in the shorthand `case edit --set` reads ("70-84", "2015-2020", "25000 USD; 3800 CNY")."""
    if field in ("sentence_months", "period") and isinstance(value, list) and len(value) == 2:
        low, high = ("" if v is None else str(v) for v in value)
        return low if field == "sentence_months" and low == high else f"{low}-{high}"
    if field == "payments" and isinstance(value, list):
        return "; ".join(f"{_amount(p['amount'])} {p['currency']}" for p in value if isinstance(p, dict))
    return form_value_of(value)


def _amount(amount: float) -> str:
    return str(int(amount)) if amount == int(amount) else str(amount)  # never 1.4e+06


def _text(field: str, value: Any) -> str:
    if field in ("sponsor_country", "target_country") and isinstance(value, str):
        return country_name(value)
    if field == "accused_nationality" and isinstance(value, list):
        return ", ".join(country_name(code) for code in value)
    if field == "sentence_months" and isinstance(value, list):
        return sentence_text((value[0], value[1]))
    if field == "payments" and isinstance(value, list):
        return ", ".join(f"{p['amount']:,.0f} {p['currency']}" for p in value if isinstance(p, dict))
    if field == "period" and isinstance(value, list):
        return "–".join("?" if year is None else str(year) for year in value)
    return value_text(value)


def _page_link(filters: CaseFilters, fields: list[str], scan: int) -> Callable[[int], str]:
    """Links to other pages of the same queue: the case filters, the fields and the scan kept."""
    extra = [("field", f) for f in fields if f.strip()] + ([("scan", str(scan))] if scan != SCAN else [])
    extra += [("per_page", str(filters.per_page))] if filters.per_page != PER_PAGE else []

    def link(number: int) -> str:
        pairs = filters.params.pairs + extra + ([("page", str(number))] if number > 1 else [])
        return "/review" + ("?" + urlencode(pairs) if pairs else "")

    return link


def _query(filters: CaseFilters, fields: list[str], scan: int) -> ReviewQuery:
    """The review query of a request: the case filters and page, and the fields asked for."""
    try:
        return ReviewQuery(cases=filters.query.model_copy(update={"limit": 50, "offset": 0}),
                           fields=tuple(f for f in fields if f.strip()), scan=scan,
                           limit=filters.per_page, offset=(filters.page - 1) * filters.per_page)
    except ValueError as err:
        raise ApiError(422, "invalid-request", f"bad review query: {err}") from None


@router.get("/review")
def review_page(request: Request, store: StoreDep, filters: Annotated[CaseFilters, Depends(case_filters)],
                fields: FieldsParam = [], scan: ScanParam = SCAN) -> Response:  # noqa: B006
    page = store.review(_query(filters, fields, scan))
    pages = max(1, -(-page.total // filters.per_page))
    here = str(request.url.path) + (f"?{request.url.query}" if request.url.query else "")
    return request.app.state.templates.TemplateResponse(request, "review.html", {
        "session": session_of(request), "page": page, "views": [_view(i) for i in page.items],
        "filters": filters, "pages": pages, "here": here, "page_link": _page_link(filters, fields, scan),
        "field_names": REVIEWED_FIELDS, "chosen_fields": fields,
    })


@router.post("/review/confirm")
def confirm_form(request: Request, store: StoreDep, case_id: Annotated[str, Form(max_length=200)],
                 field: Annotated[str, Form(max_length=50)], shown: Annotated[str, Form(max_length=20_000)],
                 csrf: Annotated[str, Form(max_length=100)] = "", why: Annotated[str, Form(max_length=1000)] = "",
                 next: Annotated[str, Form(max_length=2000)] = "/review") -> Response:
    session = check_csrf(request, session_of(request), csrf)
    _still_shown(store, case_id, field, shown)
    store.confirm(case_id, field, session.who, why)
    return RedirectResponse(safe_next(next), status_code=303)


@router.post("/review/correct")
def correct_form(request: Request, store: StoreDep, case_id: Annotated[str, Form(max_length=200)],
                 field: Annotated[str, Form(max_length=50)], why: Annotated[str, Form(max_length=1000)],
                 csrf: Annotated[str, Form(max_length=100)] = "", value: Annotated[str, Form(max_length=5000)] = "",
                 next: Annotated[str, Form(max_length=2000)] = "/review") -> Response:
    session = check_csrf(request, session_of(request), csrf)
    store.case(case_id)
    store.add_correction(correction_of(case_id, field, value_from_form(field, value), why, session.who))
    return RedirectResponse(safe_next(next), status_code=303)


def _still_shown(store: Store, case_id: str, field: str, shown: str) -> None:
    """A 409 when a newer report changed the value after the page showed it: confirm what you saw."""
    if field not in REVIEWED_FIELDS:
        return  # ``Store.confirm`` refuses it, with the fields it takes
    current = store.case(case_id).model_dump(mode="json").get(field)
    try:
        seen = json.loads(shown)
    except ValueError:
        raise ApiError(422, "invalid-request", "the form's value is not JSON; reload the review queue") from None
    if current != seen:
        raise ApiError(409, "conflict", f"{field} of case {case_id} changed since the page was shown; "
                       "reload the review queue and check the new value")


# --- API ----------------------------------------------------------------------------------------

class ReviewList(Page[ReviewItem]):
    """The queue in the API's one envelope; ``total`` counts the fields queued over the cases ranked."""

    scanned: int = Field(description="cases ranked: the newest matching ones, at most `scan`")


class ConfirmationList(Page[Confirmation]):
    pass


class ConfirmationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str = Field(min_length=1, max_length=50, description="a case field, e.g. 'stage'")
    value: Any = Field(default=None, description="the value confirmed, as the case shows it; refused (409) "
                       "when the case shows another now; leave it out to confirm whatever it shows")
    why: str = Field(default="", max_length=1000, description="what shows the value is right")


@api_router.get("/review", response_model=ReviewList, summary="Case fields most likely wrong first, with reasons")
def review_list(request: Request, store: StoreDep, filters: Annotated[CaseFilters, Depends(case_filters)],
                at: PagingDep, fields: FieldsParam = [], scan: ScanParam = SCAN) -> ReviewList:  # noqa: B006
    wanted = case_query(request, filters, at)  # limit/offset like every list (or the page's page/per_page)
    query = _query(filters, fields, scan).model_copy(update={"limit": wanted.limit, "offset": wanted.offset})
    page = store.review(query)
    return ReviewList(items=page.items, total=page.total, scanned=page.scanned, limit=query.limit, offset=query.offset)


@api_router.get("/cases/{case_id}/confirmations", response_model=ConfirmationList,
                summary="Who confirmed which field of a case, when, why and which value, oldest first")
def confirmations(store: StoreDep, case_id: str, at: PagingDep) -> ConfirmationList:
    store.case(case_id)  # 404 for an unknown case rather than an empty list
    return paged(ConfirmationList, store.confirmations(case_id), at)


@api_router.post("/cases/{case_id}/confirmations", response_model=Confirmation, status_code=201,
                 summary="Confirm a case field's value (token needed); it leaves the review queue")
def confirm_api(store: StoreDep, case_id: str, body: ConfirmationIn,
                who: Annotated[str, Depends(require_write)]) -> Confirmation:
    if "value" in body.model_fields_set:
        _still_shown(store, case_id, body.field, json.dumps(body.value))
    return store.confirm(case_id, body.field, who, body.why)
