"""Server-rendered pages: overview, cases, case, articles, entities, search, login.

Every page reads through the same store methods as the API. Templates get records and plain
strings only; Jinja2 escapes them. Highlights come from ``serve.highlight`` as text pieces.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from spyglass.errors import NotFoundError
from spyglass.records import Analysis, Case
from spyglass.store.base import CaseQuery, Store

from .api import StoreDep
from .cache import cached
from .charts import cases_per_year_spec, stat_spec
from .corrections import EDITABLE, correction_of, form_value_of, value_from_form
from .dashboard import first_cases, overview_of
from .highlight import Span, pieces_of
from .reader import cases_here, origin_of
from .security import SESSION_COOKIE, SESSION_SECONDS, Sessions, check_csrf, safe_next, session_of
from .views import CaseFilters, case_filters

__all__ = ["router"]

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

STAT_CHARTS = 6  # reported series charted on the overview (the ones most articles report) ...
STAT_SERIES = 30  # ... and listed, each once with its points and sources
OVERVIEW_TTL = 10.0  # seconds the overview's article counts may lag an ingest that made no case
_LINKED_LABELS = {"COUNTRY": "countries", "GPE": "countries", "NORP": "countries", "SERVICE": "services"}


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Response:
    context.setdefault("session", session_of(request))
    return request.app.state.templates.TemplateResponse(request, name, context, status_code=status)


@router.get("/")
def overview(request: Request, store: StoreDep) -> Response:
    view = cached(request, store, "overview", lambda: overview_of(store), ttl=OVERVIEW_TTL)
    charts = [json.dumps(cases_per_year_spec(view.per_year))] if view.per_year else []
    stat_charts = [(series, json.dumps(stat_spec(series)) if n < STAT_CHARTS else "")
                   for n, series in enumerate(view.stats[:STAT_SERIES])]
    return _render(request, "overview.html", {"view": view, "charts": charts, "stat_charts": stat_charts})


@router.get("/cases")
def cases(request: Request, store: StoreDep, filters: Annotated[CaseFilters, Depends(case_filters)]) -> Response:
    page = cached(request, store, ("cases", filters.query), lambda: store.cases(filters.query))
    pages = max(1, -(-page.total // filters.per_page))
    return _render(request, "cases.html", {"page": page, "filters": filters, "params": filters.params,
                                           "pages": pages})


def _evidence_articles(store: Store, case: Case) -> list[tuple[Analysis, list[Any]]]:
    """Each article holding evidence for the case, with its text cut at the evidence sentences."""
    by_article: dict[str, list[Span]] = {}
    for name, evidence in case.evidence.items():
        by_article.setdefault(evidence.article_id, []).append(
            Span(evidence.start, evidence.end, name, key=name))
    out = []
    for article_id, spans in list(by_article.items())[:5]:
        try:
            analysis = store.article(article_id)
        except NotFoundError:
            continue
        out.append((analysis, pieces_of(analysis.article.text, spans)))
    return out


def _related(store: Store, case: Case) -> list[Case]:
    if not case.sponsor_country and not case.target_country:
        return []
    query = CaseQuery(sponsor=tuple(filter(None, [case.sponsor_country])),
                      target=tuple(filter(None, [case.target_country])))
    return [c for c in first_cases(store, query, 6) if c.id != case.id][:5]


@router.get("/cases/{case_id}")
def case_page(request: Request, store: StoreDep, case_id: str) -> Response:
    case = store.case(case_id)
    corrected = {c.field for c in store.corrections(case_id)}
    confirmed = set(store.confirmed_fields([case_id]).get(case_id, ())) - corrected
    fields = [(name, getattr(case, name), case.evidence.get(name), name in corrected) for name in EDITABLE]
    return _render(request, "case.html", {
        "case": case, "fields": fields, "sources": _evidence_articles(store, case),
        "related": _related(store, case), "audit": store.audit(case_id),
        "editable": EDITABLE, "form_value": form_value_of, "confirmed": confirmed, "origin_of": origin_of,
    })


@router.post("/cases/{case_id}/corrections")
def correct(request: Request, store: StoreDep, case_id: str, field: Annotated[str, Form(max_length=50)],
            why: Annotated[str, Form(max_length=1000)], csrf: Annotated[str, Form(max_length=100)] = "",
            value: Annotated[str, Form(max_length=5000)] = "") -> Response:
    session = check_csrf(request, session_of(request), csrf)
    store.case(case_id)
    store.add_correction(correction_of(case_id, field, value_from_form(field, value), why, session.who))
    return RedirectResponse(f"/cases/{case_id}#audit", status_code=303)


@router.get("/articles")
def articles(request: Request, store: StoreDep, page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    items = store.articles(limit=50, offset=(page - 1) * 50)
    return _render(request, "articles.html", {"articles": items, "page_number": page})


def _entity_spans(analysis: Analysis) -> list[Span]:
    spans = []
    for entity in analysis.entities:
        folder = _LINKED_LABELS.get(entity.label)
        key = f"/{folder}/{quote(entity.kb_id, safe='')}" if folder and entity.kb_id else ""
        if entity.label == "PERSON":
            key = f"/people/{quote(entity.text, safe='')}"
        spans.append(Span(entity.start, entity.end, entity.label, key=key))
    return spans


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    analysis = store.article(article_id)
    article = analysis.article
    return _render(request, "article.html", {
        "analysis": analysis, "article": article, "origin": origin_of(article.url, article.source),
        "cases_here": cases_here(analysis, store.cases_of_article(article_id)),
        "pieces": pieces_of(article.text, _entity_spans(analysis)),
    })


def _cases_for(request: Request, store: Store, **filters: Any) -> tuple[list[Case], int]:
    query = CaseQuery(limit=50, **filters)
    page = cached(request, store, ("cases", query), lambda: store.cases(query))
    return page.items, page.total


@router.get("/countries/{code}")
def country(request: Request, store: StoreDep, code: str) -> Response:
    code = code.upper()[:3]
    as_sponsor, sponsor_total = _cases_for(request, store, sponsor=(code,))
    as_target, target_total = _cases_for(request, store, target=(code,))
    return _render(request, "country.html", {"code": code, "as_sponsor": as_sponsor, "as_target": as_target,
                                             "sponsor_total": sponsor_total, "target_total": target_total})


@router.get("/services/{service_id}")
def service(request: Request, store: StoreDep, service_id: str) -> Response:
    """A service's page: its name, country and other names, and its cases. Any of its names finds
    it (``/services/MSS``), redirected to the canonical address (``/services/svc.cn.mss``)."""
    from spyglass.services import service_named

    found = service_named(service_id[:200])
    if found is None:
        raise NotFoundError(f"no service {service_id[:200]!r}", "the cases list's Service filter names every service with cases")
    if found.id != service_id:
        return RedirectResponse(f"/services/{quote(found.id, safe='')}", status_code=308)
    items, total = _cases_for(request, store, service=(found.id,))
    return _render(request, "entity.html", {"kind": "Service", "name": found.name, "service": found, "cases": items,
                                            "total": total, "more": f"/cases?service={found.id}"})


@router.get("/people/{name}")
def person(request: Request, store: StoreDep, name: str) -> Response:
    items, total = _cases_for(request, store, person=name[:200])
    more = f"/cases?person={quote(name[:200], safe='')}" if items else None
    if not items:  # an article may print a shorter form ("Mallory"): cases whose text has it
        items, total = _cases_for(request, store, text=f'"{name}"')
    return _render(request, "entity.html", {"kind": "Person", "name": name, "cases": items,
                                            "total": total, "more": more})


@router.get("/search")
def search(request: Request, store: StoreDep, q: Annotated[str, Query(max_length=200)] = "") -> Response:
    hits = store.search(q.strip(), limit=50) if q.strip() else []
    return _render(request, "search.html", {"q": q, "hits": hits})


@router.get("/login")
def login_form(request: Request, next: Annotated[str, Query(max_length=500)] = "/") -> Response:
    return _render(request, "login.html", {"next": safe_next(next), "failed": False})


@router.post("/login")
def login(request: Request, store: StoreDep, token: Annotated[str, Form(max_length=500)],
          name: Annotated[str, Form(max_length=80)] = "", next: Annotated[str, Form(max_length=500)] = "/") -> Response:
    if not token.strip() or not store.check_token(token.strip()):
        return _render(request, "login.html", {"next": safe_next(next), "failed": True}, status=401)
    sessions: Sessions = request.app.state.sessions
    session = sessions.create(who=f"web:{name.strip() or 'analyst'}")
    response = RedirectResponse(safe_next(next), status_code=303)
    response.set_cookie(SESSION_COOKIE, session.id, max_age=SESSION_SECONDS, httponly=True,
                        samesite="strict", secure=request.url.scheme == "https", path="/")
    return response


@router.post("/logout")
def logout(request: Request, csrf: Annotated[str, Form(max_length=100)] = "") -> Response:
    session = check_csrf(request, session_of(request), csrf)
    request.app.state.sessions.drop(session.id)
    response = RedirectResponse("/", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
