"""Watchlist routes in the real app: Atom feeds per watchlist, JSON list/create/delete behind the token."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest

from spyglass.serve import create_app
from spyglass.settings import load_settings
from spyglass.store import open_store

from .samples import bare_case, hostile_case, soldiers_case

BASE = "http://127.0.0.1"


class _Transport(httpx.BaseTransport):
    """httpx's ASGI transport driven synchronously (TestClient warns, and warnings fail the run)."""

    def __init__(self, app: object) -> None:
        self._inner = httpx.ASGITransport(app=app)  # type: ignore[arg-type]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        async def send() -> httpx.Response:
            response = await self._inner.handle_async_request(request)
            return httpx.Response(response.status_code, headers=response.headers, content=await response.aread())

        return asyncio.run(send())


@pytest.fixture
def api(tmp_path: Path) -> Iterator[tuple[httpx.Client, dict[str, str]]]:
    path = str(tmp_path / "watch.db")
    store = open_store(path)
    try:
        for case in (soldiers_case(), bare_case(), hostile_case()):
            store.save_case(case, [])
        token = store.create_token("tests")
    finally:
        store.close()
    app = create_app(path, load_settings(host="127.0.0.1", db=path))
    with httpx.Client(transport=_Transport(app), base_url=BASE) as client:
        yield client, {"Authorization": f"Bearer {token}"}
    app.state.stores.close()


def test_create_list_feed_delete(api: tuple[httpx.Client, dict[str, str]]) -> None:
    client, auth = api
    assert client.get("/api/v1/watch").json()["items"] == []
    created = client.post("/api/v1/watch", json={"name": "cn-tw", "sponsor": ["cn"], "target": ["TW"]}, headers=auth)
    assert created.status_code == 201
    assert created.json()["query"]["sponsor"] == ["CN"]
    assert [w["name"] for w in client.get("/api/v1/watch").json()["items"]] == ["cn-tw"]

    for path in ("/watch/cn-tw.atom", "/api/v1/watch/cn-tw.atom"):
        response = client.get(path)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        feed = feedparser.parse(response.content)
        assert feed.bozo == 0
        assert [entry.link for entry in feed.entries] == [f"{BASE}/cases/case-tw-soldiers"]

    assert client.delete("/api/v1/watch/cn-tw", headers=auth).status_code == 204
    assert client.get("/watch/cn-tw.atom").status_code == 404
    assert client.delete("/api/v1/watch/cn-tw", headers=auth).status_code == 404


@pytest.mark.parametrize(("method", "path", "body"), [
    ("POST", "/api/v1/watch", {"name": "x"}),
    ("DELETE", "/api/v1/watch/x", None),
])
def test_writes_need_the_token(api: tuple[httpx.Client, dict[str, str]], method: str, path: str, body: object) -> None:
    client, _ = api
    response = client.request(method, path, json=body)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "auth-required"
    wrong = client.request(method, path, json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401


@pytest.mark.parametrize(("body", "status"), [
    ({"name": "../etc"}, 422),
    ({"name": "ok", "surprise": 1}, 422),
    ({"name": "ok", "year": 1200}, 422),
])
def test_bad_watchlists_are_refused(api: tuple[httpx.Client, dict[str, str]], body: dict, status: int) -> None:
    client, auth = api
    assert client.post("/api/v1/watch", json=body, headers=auth).status_code == status


def test_a_taken_name_is_refused(api: tuple[httpx.Client, dict[str, str]]) -> None:
    client, auth = api
    assert client.post("/api/v1/watch", json={"name": "all"}, headers=auth).status_code == 201
    again = client.post("/api/v1/watch", json={"name": "all"}, headers=auth)
    assert again.status_code == 400
    assert "already exists" in again.json()["error"]["message"]
    feed = feedparser.parse(client.get("/watch/all.atom").content)
    assert feed.bozo == 0 and len(feed.entries) == 3
