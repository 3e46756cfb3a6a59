"""Build the FastAPI application: store access, templates, security, error shape and routes.

``create_app(store_target, settings)`` is the one entry point; ``spyglass serve`` runs it with
uvicorn and the tests run it in-process or on a loopback port.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates

from spyglass import __version__
from spyglass.settings import Settings
from spyglass.store.base import Store

from .cache import ResultCache
from .problems import install_handlers
from .security import Policy, Sessions, install_middleware
from .views import install_filters

__all__ = ["create_app", "Stores"]

HERE = Path(__file__).parent
WATCH_MODULE = "spyglass.serve.watch_routes"


class Stores:
    """One store connection per worker thread: SQLite connections must not cross threads."""

    def __init__(self, target: str) -> None:
        self.target = target
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            from spyglass.store import open_store

            store = open_store(self.target)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # noqa: BLE001 - a connection owned by a dead thread may refuse
                    pass
            self._all.clear()
        self._local = threading.local()


def _templates() -> Jinja2Templates:
    # Jinja2Templates enables autoescaping for .html; it is forced on here for every template
    # so that no file name can switch it off.
    templates = Jinja2Templates(directory=str(HERE / "templates"))
    templates.env.autoescape = True
    install_filters(templates.env)
    templates.env.globals["version"] = __version__
    return templates


def _include_routes(app: FastAPI) -> None:
    from .api import router as api_router
    from .pages import router as pages_router
    from .review import api_router as review_api_router
    from .review import router as review_router

    app.include_router(api_router)
    app.include_router(review_api_router)
    app.include_router(pages_router)
    app.include_router(review_router)
    # Watchlist routes (Atom feeds, /api/v1/watch*) live in their own module when present.
    if importlib.util.find_spec(WATCH_MODULE) is not None:
        app.include_router(importlib.import_module(WATCH_MODULE).router)


def create_app(store_target: str, settings: Settings) -> FastAPI:
    """The dashboard and JSON API over the store at ``store_target`` (SQLite path or postgresql:// URL).

    ``settings.host`` is the address the server will bind to; it decides whether reading needs
    a token (see ``serve.security``).
    """
    stores = Stores(store_target)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="Spyglass API",
        version=__version__,
        description="Espionage cases extracted from news, with the evidence for every field.",
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN; the CSP forbids that
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.stores = stores
    app.state.policy = Policy.for_bind(settings.host)
    app.state.sessions = Sessions()
    app.state.results = ResultCache()
    app.state.templates = _templates()
    install_handlers(app)
    install_middleware(app)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")
    _include_routes(app)
    return app
