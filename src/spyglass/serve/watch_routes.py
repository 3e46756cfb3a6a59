"""Watchlist routes: an Atom feed per watchlist, and JSON list/create/delete under ``/api/v1``.

``GET /watch/NAME.atom`` (and the same under ``/api/v1``) serves the newest changes of the
cases a watchlist matches; reading a feed never marks the watchlist checked. Creating and
deleting need the API token (``serve.security.require_write``), like every API write.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request, Response
from pydantic import BaseModel, ConfigDict, Field

from spyglass.export.feeds import watch_feed
from spyglass.export.watch import add_watch
from spyglass.records import STAGES
from spyglass.store.base import CaseQuery, Watch

from .api import Page, PagingDep, StoreDep, paged, refuse_unknown_parameters
from .problems import ERROR_RESPONSES
from .security import require_write

__all__ = ["router", "WatchIn"]

router = APIRouter(tags=["watchlists"], responses=ERROR_RESPONSES)

ATOM = "application/atom+xml; charset=utf-8"
API = [Depends(refuse_unknown_parameters)]  # like every /api/v1 route: an unknown query parameter is a 400
WatchName = Annotated[str, Path(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="watchlist name")]


class WatchIn(BaseModel):
    """A new watchlist: a name and any case filters (the same as ``/api/v1/cases``)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", description="used in /watch/NAME.atom")
    sponsor: list[str] = Field(default=[], description="sponsor countries, ISO alpha-2")
    target: list[str] = Field(default=[], description="target countries, ISO alpha-2")
    service: list[str] = Field(default=[], description="sponsoring services")
    stage: list[str] = Field(default=[], description=f"stages: {', '.join(STAGES)}")
    year: int | None = Field(default=None, ge=1900, le=2100)
    text: str | None = Field(default=None, max_length=200, description="full-text query")

    def query(self) -> CaseQuery:
        return CaseQuery(
            sponsor=tuple(c.strip().upper() for c in self.sponsor), target=tuple(c.strip().upper() for c in self.target),
            service=tuple(self.service), stage=tuple(s.strip().lower() for s in self.stage),
            year=self.year, text=(self.text or "").strip() or None,
        )


def _feed(request: Request, store: StoreDep, name: str) -> Response:
    body = watch_feed(store, name, base_url=str(request.base_url).rstrip("/"), self_url=str(request.url))
    return Response(content=body, media_type=ATOM)


@router.get("/watch/{name}.atom", response_class=Response, responses={200: {"content": {ATOM: {}}}})
def watch_atom(request: Request, store: StoreDep, name: WatchName) -> Response:
    """The Atom feed of a watchlist: its newest new cases and new stages."""
    return _feed(request, store, name)


@router.get("/api/v1/watch/{name}.atom", response_class=Response, responses={200: {"content": {ATOM: {}}}},
            dependencies=API)
def api_watch_atom(request: Request, store: StoreDep, name: WatchName) -> Response:
    """The same Atom feed under the API prefix."""
    return _feed(request, store, name)


class WatchList(Page[Watch]):
    pass


@router.get("/api/v1/watch", dependencies=API)
def list_watches(store: StoreDep, at: PagingDep) -> WatchList:
    """Every watchlist with its filters and the time it was last checked, by name."""
    return paged(WatchList, store.watches(), at)


@router.get("/api/v1/watch/{name}", dependencies=API)
def get_watch(store: StoreDep, name: WatchName) -> Watch:
    return store.watch(name)


@router.post("/api/v1/watch", status_code=201, dependencies=API)
def create_watch(store: StoreDep, body: WatchIn, _who: Annotated[str, Depends(require_write)]) -> Watch:
    """Save a watchlist (needs the API token); 400 when the name is taken."""
    return add_watch(store, body.name, body.query())


@router.delete("/api/v1/watch/{name}", status_code=204, response_class=Response, dependencies=API)
def delete_watch(store: StoreDep, name: WatchName, _who: Annotated[str, Depends(require_write)]) -> Response:
    """Remove a watchlist (needs the API token); 404 when there is none."""
    store.remove_watch(name)
    return Response(status_code=204)
