"""The JSON API under ``/api/v1``: the same store queries as the pages, typed for OpenAPI.

Reading is open on loopback binds; ``POST /ingest`` and ``PATCH /cases/{id}`` need a bearer
token (``serve.security``). Errors always have the shape ``{"error": {"code", "message"}}``; every
list answers one envelope, ``{"items", "total", "limit", "offset"}`` (``Page``), paged by the
``limit`` and ``offset`` query parameters (``paging``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from spyglass.records import Analysis, Article, Case, Stat
from spyglass.store.base import AuditEntry, CaseQuery, SearchHit, StatSeries, Store

from .cache import cached
from .corrections import correction_of
from .ingesting import IngestRequest, IngestSummary, ingest_document
from .problems import ERROR_RESPONSES, ApiError
from .security import require_write
from .views import CaseFilters, case_filters, country_name, service_display

__all__ = ["router", "store_of", "Page", "Paging", "paging", "paged", "case_query", "refuse_unknown_parameters"]

def refuse_unknown_parameters(request: Request) -> None:
    """A query parameter the endpoint does not take is a 400, not ignored: ``?text=navy`` on
    ``/cases`` (whose search parameter is ``q``) would otherwise answer every case."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _query_parameters(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        takes = ", ".join(sorted(known)) or "none"
        raise ApiError(400, "bad-request", f"unknown query parameter {unknown[0]!r}; this endpoint takes: {takes}")


_KNOWN: dict[int, frozenset[str]] = {}


def _query_parameters(dependant: Any) -> frozenset[str]:
    """The query parameters a route declares, its dependencies' included (read once per route)."""
    key = id(dependant)
    if key not in _KNOWN:
        names: set[str] = set()
        stack = [dependant]
        while stack:
            each = stack.pop()
            names.update(field.alias for field in each.query_params)
            stack.extend(each.dependencies)
        _KNOWN[key] = frozenset(names)
    return _KNOWN[key]


router = APIRouter(prefix="/api/v1", tags=["api"], responses=ERROR_RESPONSES,
                   dependencies=[Depends(refuse_unknown_parameters)])

CaseId = Annotated[str, Path(min_length=1, max_length=200, description="case id")]
PEOPLE_LIMIT = 1000  # people listed by /entities, most cases first
ArticleId = Annotated[str, Path(min_length=1, max_length=200, description="article id")]


T = TypeVar("T")
DEFAULT_LIMIT = 50
MAX_LIMIT = 200
MAX_OFFSET = 10_000_000
SEARCH_WINDOW = 200  # hits a search finds, counts and pages through: newest first, the rest never read


class Page(BaseModel, Generic[T]):
    """The one envelope of every list the API answers: a page of items and where it lies in the whole."""

    items: list[T]
    total: int = Field(description="items in the whole list (a search counts its first 200 hits)")
    limit: int = Field(description="most items a page holds, as asked")
    offset: int = Field(description="items of the whole list before this page")


class Paging(BaseModel):
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"most items to answer (1-{MAX_LIMIT})")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip first")] = 0,
) -> Paging:
    """FastAPI dependency: the one paging scheme of every list endpoint, validated and bounded."""
    return Paging(limit=limit, offset=offset)


PagingDep = Annotated[Paging, Depends(paging)]
P = TypeVar("P", bound=Page[Any])


def paged(envelope: type[P], items: Sequence[Any], at: Paging) -> P:
    """The page ``at`` asks for of a whole list held in memory."""
    return envelope(items=list(items[at.offset:at.offset + at.limit]), total=len(items), limit=at.limit,
                    offset=at.offset)


def case_query(request: Request, filters: CaseFilters, at: Paging) -> CaseQuery:
    """The case filters paged by ``limit``/``offset``, or by ``page``/``per_page`` as the dashboard's links
    give them (one or the other: both would say two things)."""
    given = set(request.query_params)
    if not given & {"page", "per_page"}:
        return filters.query.model_copy(update={"limit": at.limit, "offset": at.offset})
    if given & {"limit", "offset"}:
        raise ApiError(400, "bad-request", "page the list by limit and offset, or by page and per_page, not both")
    return filters.query


class CaseList(Page[Case]):
    facets: dict[str, dict[str, int]] = Field(
        default_factory=dict, description="facet -> value -> cases matching the filters")


class ArticleList(Page[Article]):
    pass


class SearchHits(Page[SearchHit]):
    pass


class AuditTrail(Page[AuditEntry]):
    pass


def store_of(request: Request) -> Store:
    """FastAPI dependency: this worker thread's store connection."""
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(store_of)]


class Stats(BaseModel):
    counts: dict[str, int] = Field(description="how many articles, cases... the database holds")
    reported: list[Stat] = Field(description="statistics reported in articles, each with its evidence")
    series: list[StatSeries] = Field(
        default_factory=list,
        description="the reported statistics as series (country, measure): one point a year with its sources")


class EntityRow(BaseModel):
    kind: Literal["country", "service", "person"]
    id: str
    name: str
    as_sponsor: int = 0
    as_target: int = 0
    cases: int = 0


class EntityList(Page[EntityRow]):
    pass


class CorrectionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: str = Field(min_length=1, max_length=50, description="a case field, e.g. 'stage'")
    value: Any = Field(description="the corrected JSON value; null clears the field")
    why: str = Field(min_length=1, max_length=1000, description="why the machine value is wrong")


@router.get("/cases", response_model=CaseList, summary="Cases matching the filters, with facet counts")
def cases(request: Request, store: StoreDep, filters: Annotated[CaseFilters, Depends(case_filters)],
          at: PagingDep) -> CaseList:
    query = case_query(request, filters, at)
    page = cached(request, store, ("cases", query), lambda: store.cases(query))
    return CaseList(items=page.items, total=page.total, facets=page.facets, limit=query.limit, offset=query.offset)


@router.get("/cases/{case_id}", response_model=Case, summary="One case with corrections applied")
def case(store: StoreDep, case_id: CaseId) -> Case:
    return store.case(case_id)


@router.get("/cases/{case_id}/audit", response_model=AuditTrail, summary="Who changed the case, when, why; oldest first")
def case_audit(store: StoreDep, case_id: CaseId, at: PagingDep) -> AuditTrail:
    store.case(case_id)  # 404 for unknown cases rather than an empty trail
    return paged(AuditTrail, store.audit(case_id), at)


@router.patch("/cases/{case_id}", response_model=Case, summary="Correct one field of a case (token needed)")
def correct_case(store: StoreDep, case_id: CaseId, body: CorrectionIn,
                 who: Annotated[str, Depends(require_write)]) -> Case:
    store.case(case_id)
    store.add_correction(correction_of(case_id, body.field, body.value, body.why, who))
    return store.case(case_id)


@router.get("/articles", response_model=ArticleList, summary="Articles, newest first")
def articles(store: StoreDep, at: PagingDep) -> ArticleList:
    return ArticleList(items=store.articles(limit=at.limit, offset=at.offset), total=store.counts()["articles"],
                       limit=at.limit, offset=at.offset)


@router.get("/articles/{article_id}", response_model=Analysis, summary="One article with its entities and mentions")
def article(store: StoreDep, article_id: ArticleId) -> Analysis:
    return store.article(article_id)


@router.get("/search", response_model=SearchHits, summary="Full-text search over cases, then articles; newest first")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=200)], at: PagingDep) -> SearchHits:
    # Counting every hit of a frequent word would read its whole index; the first hits are what
    # a search is for, so it finds (and counts) that many and pages through them.
    return paged(SearchHits, store.search(q, limit=SEARCH_WINDOW), at)


@router.get("/stats", response_model=Stats, summary="Database counts and reported statistics")
def stats(store: StoreDep) -> Stats:
    return Stats(counts=store.counts(), reported=store.stats(), series=store.stat_series())


@router.get("/entities", response_model=EntityList, summary="Countries, services and people with case counts")
def entities(request: Request, store: StoreDep, at: PagingDep,
             kind: Annotated[Literal["country", "service", "person"] | None, Query()] = None) -> EntityList:
    rows: list[EntityRow] = []
    if kind in (None, "country", "service"):
        everything = CaseQuery(limit=1)
        facets = cached(request, store, ("cases", everything), lambda: store.cases(everything)).facets
        rows += _countries(facets) + _simple(facets, "service", "service")
    if kind in (None, "person"):
        people = cached(request, store, ("people", PEOPLE_LIMIT), lambda: store.people(limit=PEOPLE_LIMIT))
        rows += [EntityRow(kind="person", id=p.value, name=p.value, cases=p.count) for p in people]
    return paged(EntityList, [r for r in rows if kind is None or r.kind == kind], at)


def _countries(facets: dict[str, dict[str, int]]) -> list[EntityRow]:
    sponsor, target = facets.get("sponsor", {}), facets.get("target", {})
    codes = sorted(set(sponsor) | set(target))
    return [EntityRow(kind="country", id=c, name=country_name(c), as_sponsor=sponsor.get(c, 0),
                      as_target=target.get(c, 0), cases=sponsor.get(c, 0) + target.get(c, 0)) for c in codes]


def _simple(facets: dict[str, dict[str, int]], facet: str, kind: Literal["service"]) -> list[EntityRow]:
    return [EntityRow(kind=kind, id=v, name=service_display(v), cases=n) for v, n in sorted(facets.get(facet, {}).items())]


@router.post("/ingest", response_model=IngestSummary, status_code=201,
             summary="Ingest one document (text, HTML) or a URL (token needed)")
def ingest(request: Request, store: StoreDep, body: IngestRequest,
           _who: Annotated[str, Depends(require_write)]) -> IngestSummary:
    return ingest_document(body, store, request.app.state.settings)
