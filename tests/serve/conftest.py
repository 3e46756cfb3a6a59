"""Fixtures for the serve tests: a real SQLite database filled through the store API, the app
over it, and an in-process HTTP client that talks to it as a loopback browser would."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI

from spyglass.serve import create_app
from spyglass.settings import load_settings
from spyglass.store import open_store

from . import dataset

BASE = "http://127.0.0.1"
ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Database:
    path: Path
    token: str


def make_database(folder: Path) -> Database:
    path = folder / "serve.db"
    store = open_store(str(path))
    try:
        dataset.fill(store)
        token = store.create_token("tests")
    finally:
        store.close()
    return Database(path, token)


@pytest.fixture
def database(tmp_path: Path) -> Database:
    """A fresh database per test, so writes in one test never leak into another."""
    return make_database(tmp_path)


def make_app(database: Database, host: str = "127.0.0.1") -> FastAPI:
    return create_app(str(database.path), load_settings(host=host, db=str(database.path)))


class SyncASGITransport(httpx.BaseTransport):
    """httpx's ASGI transport for a synchronous client (Starlette's TestClient is deprecated
    in favour of httpx2, and its warning would fail the run)."""

    def __init__(self, app: FastAPI) -> None:
        self._transport = httpx.ASGITransport(app=app)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            response = await self._transport.handle_async_request(request)
            body = await response.aread()
            return httpx.Response(response.status_code, headers=response.headers, content=body)

        return asyncio.run(send())


def client_for(app: FastAPI) -> httpx.Client:
    return httpx.Client(transport=SyncASGITransport(app), base_url=BASE)


@pytest.fixture
def client(database: Database) -> Iterator[httpx.Client]:
    app = make_app(database)
    with client_for(app) as http:
        yield http
    app.state.stores.close()


@pytest.fixture
def auth(database: Database) -> dict[str, str]:
    return {"Authorization": f"Bearer {database.token}"}
