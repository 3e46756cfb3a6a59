"""The review queue on the web: ``/review`` lists fields most likely wrong first with their
evidence highlighted, Confirm and Correct are CSRF-checked forms, and ``/api/v1/review`` and
``POST /api/v1/cases/{id}/confirmations`` do the same for API clients."""

from __future__ import annotations

import re
from collections.abc import Iterator

import httpx
import pytest

from spyglass.store import open_store
from tests.reviewdata import TAIPEI, report, save_taipei

from . import dataset
from .conftest import Database, client_for, make_app, make_database

HTML = {"accept": "text/html"}


@pytest.fixture
def database(tmp_path: object) -> Database:
    """The serve dataset plus the Taipei case, whose two reports disagree on the term."""
    made = make_database(tmp_path)  # type: ignore[arg-type]
    store = open_store(str(made.path))
    try:
        save_taipei(store, report("t1", "2025-01-10", 84), report("t2", "2025-03-02", 96, confidence=0.6))
    finally:
        store.close()
    return made


@pytest.fixture
def client(database: Database) -> Iterator[httpx.Client]:
    app = make_app(database)
    with client_for(app) as http:
        yield http
    app.state.stores.close()


def _login(client: httpx.Client, token: str) -> str:
    response = client.post("/login", data={"token": token, "name": "Ada", "next": "/review"})
    assert response.status_code == 303
    client.cookies.set("spyglass_session", response.cookies["spyglass_session"])
    page = client.get("/review", headers=HTML).text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


def _items(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<li class="review-item" id="[^"]+" data-case="([^"]+)" data-field="([^"]+)"', page)


def test_the_page_lists_the_most_doubtful_field_first_with_reasons_and_highlighted_evidence(client: httpx.Client) -> None:
    page = client.get("/review", headers=HTML)
    assert page.status_code == 200
    assert _items(page.text)[0] == (TAIPEI, "sentence_months")
    first = page.text[page.text.index('data-field="sentence_months"'):]
    assert "2 sources disagree: 96 vs 84 months" in first
    assert "changed by report of 2025-03-02: 84 → 96 months" in first
    assert "confidence 0.60" in first
    assert re.search(r'<mark class="ev"[^>]*>96 months</mark>', first)
    assert "Log in with a token" in page.text and 'action="/review/confirm"' not in page.text


def test_the_correction_box_holds_the_value_in_the_shorthand_case_edit_reads(client: httpx.Client,
                                                                             database: Database) -> None:
    _login(client, database.token)
    page = client.get("/review", headers=HTML).text
    first = page[page.index('data-field="sentence_months"'):]
    assert re.search(r'name="value" type="text" value="96"', first)


def test_hostile_evidence_is_escaped_on_the_queue(client: httpx.Client) -> None:
    page = client.get("/review", params={"per_page": 200}, headers=HTML).text
    assert any(case_id == dataset.XSS_CASE for case_id, _ in _items(page))
    assert "<img src=x" not in page and "<script>alert" not in page and "&lt;img src=x onerror" in page


def test_confirm_with_one_click_leaves_the_queue_and_shows_on_the_case_page(client: httpx.Client, database: Database) -> None:
    csrf = _login(client, database.token)
    page = client.get("/review", headers=HTML).text
    shown = re.search(r'name="field" value="sentence_months">\s*<input type="hidden" name="shown" value="([^"]+)"', page)
    assert shown is not None and shown.group(1) == "[96, 96]"
    response = client.post("/review/confirm", data={"csrf": csrf, "case_id": TAIPEI, "field": "sentence_months",
                                                    "shown": "[96, 96]", "next": "/review"})
    assert (response.status_code, response.headers["location"]) == (303, "/review")
    assert (TAIPEI, "sentence_months") not in _items(client.get("/review", headers=HTML).text)
    case_page = client.get(f"/cases/{TAIPEI}", headers=HTML).text
    row = case_page[case_page.index('id="field-sentence_months"'):]
    assert re.match(r'(?s).*?<span class="badge confirmed"[^>]*>confirmed</span>.*?</tr>', row)
    assert "web:Ada" in case_page and "sentence_months = [96, 96] confirmed" in case_page


@pytest.mark.parametrize(("form", "status", "code"), [
    ({"csrf": "wrong"}, 403, "csrf"),
    ({"shown": "[84, 84]"}, 409, "conflict"),  # a newer report changed the value since the page was shown
    ({"field": "colour"}, 400, "input"),
    ({"case_id": "c-absent"}, 404, "not-found"),
])
def test_a_confirmation_that_cannot_be_trusted_is_refused_and_nothing_stored(
    client: httpx.Client, database: Database, form: dict[str, str], status: int, code: str
) -> None:
    csrf = _login(client, database.token)
    data = {"csrf": csrf, "case_id": TAIPEI, "field": "sentence_months", "shown": "[96, 96]", **form}
    response = client.post("/review/confirm", data=data)
    assert (response.status_code, response.json()["error"]["code"]) == (status, code)
    assert (TAIPEI, "sentence_months") in _items(client.get("/review", headers=HTML).text)


def test_confirming_needs_a_session(client: httpx.Client) -> None:
    response = client.post("/review/confirm", data={"csrf": "x", "case_id": TAIPEI, "field": "stage", "shown": '"sentenced"'})
    assert response.status_code == 401


def test_correct_inline_leaves_the_queue_and_is_audited(client: httpx.Client, database: Database) -> None:
    csrf = _login(client, database.token)
    response = client.post("/review/correct", data={"csrf": csrf, "case_id": TAIPEI, "field": "sentence_months",
                                                    "value": "90", "why": "the appeal court's ruling", "next": "/review"})
    assert response.status_code == 303
    assert (TAIPEI, "sentence_months") not in _items(client.get("/review", headers=HTML).text)
    case = client.get(f"/api/v1/cases/{TAIPEI}").json()
    assert case["sentence_months"] == [90, 90]


def test_filters_and_pages_keep_the_queue_narrow(client: httpx.Client) -> None:
    only = _items(client.get("/review", params={"field": "stage", "sponsor": "China"}, headers=HTML).text)
    assert only and {field for _, field in only} == {"stage"}
    assert _items(client.get("/review", params={"sponsor": "Russia", "field": "sentence_months"}, headers=HTML).text) == []
    paged = client.get("/review", params={"per_page": 2}, headers=HTML).text
    assert len(_items(paged)) == 2
    assert re.search(r'rel="next" href="/review\?per_page=2&amp;page=2"', paged)


def test_the_api_lists_the_queue_in_the_one_envelope_and_refuses_unknown_parameters(client: httpx.Client) -> None:
    body = client.get("/api/v1/review", params={"per_page": 3}).json()
    assert set(body) == {"items", "total", "scanned", "limit", "offset"} and (body["limit"], body["offset"]) == (3, 0)
    first = body["items"][0]
    assert (first["case_id"], first["field"], first["value"]) == (TAIPEI, "sentence_months", [96, 96])
    assert [r["kind"] for r in first["reasons"]] == ["confidence", "conflict", "changed"]
    assert client.get("/api/v1/review", params={"fields": "stage"}).status_code == 400
    assert client.get("/api/v1/review", params={"field": "colour"}).json()["error"]["code"] == "input"


def test_the_api_confirms_with_a_token_only(client: httpx.Client, database: Database) -> None:
    body = {"field": "sentence_months", "value": [96, 96], "why": "the ruling"}
    assert client.post(f"/api/v1/cases/{TAIPEI}/confirmations", json=body).status_code == 401
    auth = {"Authorization": f"Bearer {database.token}"}
    stale = client.post(f"/api/v1/cases/{TAIPEI}/confirmations", json={**body, "value": [84, 84]}, headers=auth)
    assert stale.status_code == 409
    done = client.post(f"/api/v1/cases/{TAIPEI}/confirmations", json=body, headers=auth)
    assert done.status_code == 201 and (done.json()["who"], done.json()["value"]) == ("api-token", [96, 96])
    items = client.get("/api/v1/review", params={"per_page": 200}).json()["items"]
    assert (TAIPEI, "sentence_months") not in {(i["case_id"], i["field"]) for i in items}
    [listed] = client.get(f"/api/v1/cases/{TAIPEI}/confirmations").json()["items"]
    assert (listed["field"], listed["value"], listed["why"]) == ("sentence_months", [96, 96], "the ruling")
    assert client.get("/api/v1/cases/c-absent/confirmations").status_code == 404
