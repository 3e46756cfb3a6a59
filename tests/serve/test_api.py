"""The JSON API over a real SQLite store: every endpoint, its filters, its refusals, one error shape."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from spyglass.serve import create_app
from spyglass.settings import load_settings
from spyglass.store import CaseQuery, Watch, open_store

from . import dataset
from .conftest import Database, client_for, make_app

ERROR_KEYS = {"error"}
DETAIL_KEYS = {"code", "message"}


def assert_error(response: httpx.Response, status: int, code: str) -> None:
    """Every error has exactly ``{"error": {"code", "message"}}``, JSON, with the given status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == ERROR_KEYS and set(body["error"]) == DETAIL_KEYS, body
    assert body["error"]["code"] == code, body
    assert body["error"]["message"].strip()


# --- reading --------------------------------------------------------------------------------

@pytest.mark.parametrize(("query", "expected_ids"), [
    ("", {c.id for c in dataset.cases()}),
    ("?sponsor=CN", {"case-tw-soldiers", "case-plain-2", "case-plain-4"}),
    ("?sponsor=cn&target=TW", {"case-tw-soldiers", "case-plain-4"}),
    ("?sponsor=China&target=Taiwanese", {"case-tw-soldiers", "case-plain-4"}),  # names and demonyms too
    ("?sponsor=RU&sponsor=IR", {"case-xss", "case-plain-0", "case-plain-1", "case-plain-3"}),
    ("?service=gru", {"case-plain-0", "case-plain-1"}),
    ("?stage=sentenced", {"case-tw-soldiers"}),
    ("?stage=charged&stage=arrested", {"case-xss", "case-plain-0", "case-plain-1", "case-plain-3", "case-plain-4"}),
    ("?year=2025", {"case-tw-soldiers", "case-plain-3"}),
    ("?q=soldiers", {"case-tw-soldiers"}),
    ("?q=Berlin", {"case-xss"}),
    ("?person=%3CIMG%20SRC%3Dx%20onerror%3Dalert(1)%3E", {"case-xss"}),  # a whole accused name, any case
    ("?person=Nobody&sponsor=RU", set()),
])
def test_cases_filters(client: httpx.Client, query: str, expected_ids: set[str]) -> None:
    body = client.get("/api/v1/cases" + query).json()
    assert {c["id"] for c in body["items"]} == expected_ids
    assert body["total"] == len(expected_ids)


@pytest.mark.parametrize(("url", "name"), [("/api/v1/cases?text=navy", "text"), ("/api/v1/stats?year=2024", "year"),
                                          ("/api/v1/cases?q=navy&pgae=2", "pgae")])
def test_an_unknown_query_parameter_is_a_400_not_ignored(client: httpx.Client, url: str, name: str) -> None:
    answer = client.get(url)
    assert answer.status_code == 400
    assert answer.json()["error"]["message"].startswith(f"unknown query parameter {name!r}")
    assert client.get("/api/v1/cases?q=navy&page=1").status_code == 200  # declared ones still work


def test_an_unknown_country_is_refused_not_matched_against_nothing(client: httpx.Client) -> None:
    answer = client.get("/api/v1/cases?sponsor=Narnia")
    assert answer.status_code == 422
    assert "unknown country 'Narnia'" in answer.text


def test_cases_pages_and_facets(client: httpx.Client) -> None:
    first = client.get("/api/v1/cases?per_page=3&sort=-last_reported").json()
    second = client.get("/api/v1/cases?per_page=3&page=2&sort=-last_reported").json()
    assert first["total"] == second["total"] == len(dataset.cases())
    assert len(first["items"]) == 3 and not {c["id"] for c in first["items"]} & {c["id"] for c in second["items"]}
    dates = [c["last_reported"] for c in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)
    assert first["facets"]["sponsor"] == {"CN": 3, "RU": 3, "IR": 1}


def test_case_and_its_evidence(client: httpx.Client) -> None:
    case = client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()
    assert (case["sponsor_country"], case["target_country"], case["stage"]) == ("CN", "TW", "sentenced")
    assert case["sentence_months"] == [70, 84]
    evidence = case["evidence"]["sentence_months"]
    assert dataset.TAIWAN_TEXT[evidence["start"]:evidence["end"]] == dataset.SENTENCING


def test_articles_and_article(client: httpx.Client) -> None:
    listed = client.get("/api/v1/articles?limit=3").json()["items"]
    assert len(listed) == 3 and all("text" in a for a in listed)
    analysis = client.get("/api/v1/articles/art-xss").json()
    # JSON carries the hostile text as data; the content type and nosniff keep browsers from running it
    assert analysis["article"]["text"] == dataset.XSS_TEXT
    assert {e["label"] for e in analysis["entities"]} == {"PERSON", "COUNTRY", "ORG"}


def test_search(client: httpx.Client) -> None:
    hits = client.get("/api/v1/search", params={"q": "Taiwan"}).json()["items"]
    assert {"kind", "id", "title", "snippet"} <= set(hits[0])
    assert dataset.TAIWAN_CASE in {h["id"] for h in hits if h["kind"] == "case"}
    assert "art-tw-2025" in {h["id"] for h in hits if h["kind"] == "article"}


def test_stats(client: httpx.Client) -> None:
    body = client.get("/api/v1/stats").json()
    assert body["counts"]["cases"] == len(dataset.cases())
    assert {(s["year"], s["value"]) for s in body["reported"]} == {(2023, 48), (2024, 64)}


def test_people_are_entities_with_case_counts(client: httpx.Client) -> None:
    rows = client.get("/api/v1/entities", params={"kind": "person"}).json()["items"]
    assert [(r["kind"], r["id"], r["name"], r["cases"]) for r in rows] == [
        ("person", "<img src=x onerror=alert(1)>", "<img src=x onerror=alert(1)>", 1)]
    everything = client.get("/api/v1/entities").json()["items"]
    assert {r["kind"] for r in everything} == {"country", "service", "person"}


def test_the_person_page_lists_the_cases_naming_them(client: httpx.Client) -> None:
    page = client.get("/people/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", headers={"accept": "text/html"}).text
    assert f"/cases/{dataset.XSS_CASE}" in page and f"/cases/{dataset.TAIWAN_CASE}" not in page


@pytest.mark.parametrize(("kind", "expected"), [
    ("country", {("CN", 3, 0), ("TW", 0, 2), ("RU", 3, 0), ("DE", 0, 2)}),
    ("service", {("svc.ru.gru", 0, 0), ("svc.cn.mss", 0, 0)}),
])
def test_entities(client: httpx.Client, kind: str, expected: set[tuple[str, int, int]]) -> None:
    rows = client.get("/api/v1/entities", params={"kind": kind}).json()["items"]
    assert {r["kind"] for r in rows} == {kind}
    assert expected <= {(r["id"], r["as_sponsor"], r["as_target"]) for r in rows}


# --- one envelope and one paging scheme ------------------------------------------------------

ENVELOPE = {"items", "total", "limit", "offset"}
MAX_LIMIT = 200
# What a list endpoint needs besides paging to answer with several items (from the dataset).
PATH_VALUES = {"case_id": dataset.TAIWAN_CASE}
REQUIRED = {"/api/v1/search": {"q": "Taiwan"}}


def _api_gets() -> dict[str, dict[str, Any]]:
    """Path -> the JSON schema of its 200 answer, for every JSON GET of the API, as the app's
    OpenAPI document tells clients (read from the app itself: no database is opened)."""
    document = create_app("never-opened.db", load_settings(host="127.0.0.1")).openapi()
    models = document["components"]["schemas"]
    found = {}
    for path, operations in document["paths"].items():
        answer = operations.get("get", {}).get("responses", {}).get("200", {}).get("content", {})
        if path.startswith("/api/") and "application/json" in answer:
            schema = answer["application/json"]["schema"]
            found[path] = models[schema["$ref"].rsplit("/", 1)[-1]] if "$ref" in schema else schema
    return found


API_GETS = _api_gets()
LIST_PATHS = sorted(path for path, schema in API_GETS.items()
                    if schema.get("type") == "array" or "items" in schema.get("properties", {}))


def test_the_api_has_list_endpoints_to_check() -> None:
    assert {"/api/v1/cases", "/api/v1/articles", "/api/v1/search", "/api/v1/entities",
            "/api/v1/cases/{case_id}/audit", "/api/v1/watch"} <= set(LIST_PATHS)


@pytest.mark.parametrize("path", LIST_PATHS)
def test_no_endpoint_answers_a_bare_list(path: str) -> None:
    schema = API_GETS[path]
    assert schema.get("type") != "array", f"{path} answers a bare list: answer {{items, total, limit, offset}} (serve.api.Page)"
    assert ENVELOPE <= set(schema["properties"]) and ENVELOPE <= set(schema.get("required", ())), path


@pytest.fixture
def listed(database: Database, client: httpx.Client) -> httpx.Client:
    """The dataset plus two watchlists, a second audit entry and two confirmations, so every list has two items."""
    store = open_store(str(database.path))
    try:
        store.save_watch(Watch(name="cn", query=CaseQuery(sponsor=("CN",))))
        store.save_watch(Watch(name="ru", query=CaseQuery(sponsor=("RU",))))
        store.save_case(store.machine_case(dataset.TAIWAN_CASE).model_copy(update={"stage": "convicted"}), [])
        for field in ("stage", "sponsor_country"):
            store.confirm(dataset.TAIWAN_CASE, field, "ana", "court record")
    finally:
        store.close()
    return client


def _url(path: str) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: PATH_VALUES[m.group(1)], path)


@pytest.mark.parametrize("path", LIST_PATHS)
def test_every_list_endpoint_answers_one_envelope_paged_by_limit_and_offset(listed: httpx.Client, path: str) -> None:
    url, needs = _url(path), REQUIRED.get(path, {})
    whole = listed.get(url, params=needs)
    assert whole.status_code == 200, whole.text
    body = whole.json()
    assert ENVELOPE <= set(body), f"{path} answers {sorted(body) if isinstance(body, dict) else type(body).__name__}"
    assert body["total"] >= len(body["items"]) >= 2 and body["offset"] == 0
    first = listed.get(url, params={**needs, "limit": 1}).json()
    second = listed.get(url, params={**needs, "limit": 1, "offset": 1}).json()
    assert (first["limit"], first["offset"], second["offset"]) == (1, 0, 1)
    assert [first["items"], second["items"]] == [body["items"][:1], body["items"][1:2]]
    assert first["total"] == second["total"] == body["total"]


@pytest.mark.parametrize("path", LIST_PATHS)
@pytest.mark.parametrize("paging", [{"limit": 0}, {"limit": MAX_LIMIT + 1}, {"offset": -1}, {"limit": "ten"}])
def test_every_list_endpoint_bounds_its_paging(client: httpx.Client, path: str, paging: dict[str, object]) -> None:
    assert_error(client.get(_url(path), params={**REQUIRED.get(path, {}), **paging}), 422, "invalid-request")


@pytest.mark.parametrize("path", LIST_PATHS)
def test_every_list_endpoint_refuses_unknown_parameters(client: httpx.Client, path: str) -> None:
    answer = client.get(_url(path), params={**REQUIRED.get(path, {}), "pgae": "2"})
    assert_error(answer, 400, "bad-request")
    assert "'pgae'" in answer.json()["error"]["message"]


def test_cases_pages_by_limit_and_offset_as_by_page(client: httpx.Client) -> None:
    by_offset = client.get("/api/v1/cases?limit=2&offset=2").json()
    by_page = client.get("/api/v1/cases?per_page=2&page=2").json()
    assert by_offset["items"] == by_page["items"] and (by_offset["limit"], by_offset["offset"]) == (2, 2)
    assert (by_page["limit"], by_page["offset"]) == (2, 2)
    assert_error(client.get("/api/v1/cases?limit=2&page=2"), 400, "bad-request")


# Errors are for API clients: no server file path, no command of the CLI (which they may not have).
LEAKS = re.compile(r"(/[\w.-]+){2,}|\.db\b|`|\bspyglass [a-z]+|--[a-z]")


@pytest.mark.parametrize("path", [
    "/api/v1/cases/no-such-case", "/api/v1/cases/no-such-case/audit", "/api/v1/articles/no-such-article",
    "/api/v1/watch/no-such-watch", "/api/v1/cases?text=navy", "/api/v1/cases?stage=beheaded",
    "/api/v1/cases?sponsor=Narnia", "/api/v1/search", "/api/v1/no-such-endpoint",
])
def test_error_messages_name_no_file_paths_or_commands(client: httpx.Client, path: str) -> None:
    message = client.get(path).json()["error"]["message"]
    assert not LEAKS.search(message), message


def test_a_broken_database_is_reported_without_its_path(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    app = create_app(str(broken), load_settings(host="127.0.0.1", db=str(broken)))
    with client_for(app) as http:
        answer = http.get("/api/v1/cases")
    assert answer.status_code == 500
    message = answer.json()["error"]["message"]
    assert str(tmp_path) not in message and not LEAKS.search(message), message


# --- errors -----------------------------------------------------------------------------------

@pytest.mark.parametrize(("method", "path", "status", "code"), [
    ("GET", "/api/v1/cases/no-such-case", 404, "not-found"),
    ("GET", "/api/v1/cases/no-such-case/audit", 404, "not-found"),
    ("GET", "/api/v1/articles/no-such-article", 404, "not-found"),
    ("GET", "/api/v1/no-such-endpoint", 404, "not-found"),
    ("GET", "/api/v1/cases?year=soon", 422, "invalid-request"),
    ("GET", "/api/v1/cases?stage=beheaded", 422, "invalid-request"),
    ("GET", "/api/v1/cases?per_page=0", 422, "invalid-request"),
    ("GET", "/api/v1/cases?sort=random", 422, "invalid-request"),
    ("GET", "/api/v1/search", 422, "invalid-request"),
    ("GET", "/api/v1/entities?kind=planet", 422, "invalid-request"),
    ("DELETE", "/api/v1/cases", 405, "method-not-allowed"),
])
def test_one_error_shape(client: httpx.Client, method: str, path: str, status: int, code: str) -> None:
    assert_error(client.request(method, path), status, code)


# --- writing ----------------------------------------------------------------------------------

CORRECTION = {"field": "stage", "value": "convicted", "why": "the appeal court overturned the sentence"}


@pytest.mark.parametrize(("headers", "code"), [
    ({}, "auth-required"),
    ({"Authorization": "Bearer wrong-token"}, "auth-invalid"),
    ({"Authorization": "Basic dXNlcjpwYXNz"}, "auth-required"),
])
def test_writes_need_a_token(client: httpx.Client, headers: dict[str, str], code: str) -> None:
    patched = client.patch(f"/api/v1/cases/{dataset.TAIWAN_CASE}", json=CORRECTION, headers=headers)
    assert_error(patched, 401, code)
    assert patched.headers["www-authenticate"].startswith("Bearer")
    posted = client.post("/api/v1/ingest", json={"document": "Spy arrested."}, headers=headers)
    assert_error(posted, 401, code)
    assert client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()["stage"] == "sentenced"


def test_patch_corrects_a_field_and_audits_it(client: httpx.Client, auth: dict[str, str]) -> None:
    response = client.patch(f"/api/v1/cases/{dataset.TAIWAN_CASE}", json=CORRECTION, headers=auth)
    assert response.status_code == 200, response.text
    assert response.json()["stage"] == "convicted"
    assert client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()["stage"] == "convicted"
    audit = client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}/audit").json()["items"]
    assert any(e["action"] == "edit" and e["why"] == CORRECTION["why"] for e in audit)


def test_patch_takes_a_country_by_name_or_demonym(client: httpx.Client, auth: dict[str, str]) -> None:
    url = f"/api/v1/cases/{dataset.TAIWAN_CASE}"
    body = {"field": "accused_nationality", "value": ["Taiwanese", "Republic of China"], "why": "the court's ruling"}
    response = client.patch(url, json=body, headers=auth)
    assert response.status_code == 200, response.text
    assert client.get(url).json()["accused_nationality"] == ["TW"]


@pytest.mark.parametrize(("body", "status"), [
    ({"field": "stage", "value": "beheaded", "why": "x"}, 422),
    ({"field": "no_such_field", "value": 1, "why": "x"}, 422),
    ({"field": "stage", "value": "charged", "why": ""}, 422),
    ({"field": "stage", "value": "charged"}, 422),
    ({"field": "accused_count", "value": "many", "why": "x"}, 422),
    ({"field": "stage", "value": "charged", "why": "x", "extra": 1}, 422),
])
def test_patch_refuses_bad_corrections(client: httpx.Client, auth: dict[str, str], body: dict, status: int) -> None:
    assert_error(client.patch(f"/api/v1/cases/{dataset.TAIWAN_CASE}", json=body, headers=auth),
                 status, "invalid-request")


NAN_PAYMENT = {"field": "payments", "value": [{"amount": "NaN", "currency": "USD"}], "why": "x"}


@pytest.mark.parametrize("body", [
    json.dumps(NAN_PAYMENT),
    '{"field": "payments", "value": [{"amount": NaN, "currency": "USD"}], "why": "x"}',
    '{"field": "payments", "value": [{"amount": 1e999, "currency": "USD"}], "why": "x"}',
    '{"field": "payments", "value": [{"amount": "-Infinity", "currency": "USD"}], "why": "x"}',
    '{"field": "sponsor_country", "value": "QQ", "why": "x"}',
    '{"field": "accused_nationality", "value": [{"code": "CN"}], "why": "x"}',
    '{"field": "target_country", "value": "", "why": "x"}',
    '{"field": "period", "value": [3000, 1], "why": "x"}',
    '{"field": "accused_count", "value": -3, "why": "x"}',
    '{"field": "accused_names", "value": [""], "why": "x"}',
])
def test_patch_refuses_values_no_page_could_show_and_stores_nothing(
    client: httpx.Client, auth: dict[str, str], body: str
) -> None:
    url = f"/api/v1/cases/{dataset.TAIWAN_CASE}"
    before = client.get(url).json()
    patched = client.patch(url, content=body, headers={**auth, "content-type": "application/json"})
    assert_error(patched, 422, "invalid-request")
    assert "\n" not in patched.json()["error"]["message"]
    assert client.get(url).json() == before
    assert not [e for e in client.get(f"{url}/audit").json()["items"] if e["action"] == "edit"]
    for page in ("/api/v1/cases", "/api/v1/entities", "/", "/cases", f"/cases/{dataset.TAIWAN_CASE}"):
        assert client.get(page).status_code == 200, page


def test_patch_unknown_case(client: httpx.Client, auth: dict[str, str]) -> None:
    assert_error(client.patch("/api/v1/cases/nope", json=CORRECTION, headers=auth), 404, "not-found")


@pytest.mark.parametrize(("url", "code"), [
    ("http://127.0.0.1:9/secret", "blocked-address"),
    ("http://169.254.169.254/latest/meta-data/", "blocked-address"),
    ("http://10.0.0.1/", "blocked-address"),
])
def test_ingest_refuses_private_addresses(client: httpx.Client, auth: dict[str, str], url: str, code: str) -> None:
    assert_error(client.post("/api/v1/ingest", json={"url": url}, headers=auth), 422, code)


@pytest.mark.parametrize("body", [{}, {"url": "https://a.example/", "document": "x"}, {"url": "file:///etc/passwd"}])
def test_ingest_needs_one_http_input(client: httpx.Client, auth: dict[str, str], body: dict) -> None:
    assert_error(client.post("/api/v1/ingest", json=body, headers=auth), 422, "invalid-request")


@pytest.mark.slow
def test_ingest_a_document(client: httpx.Client, auth: dict[str, str]) -> None:
    text = ("Police arrest engineer accused of spying for Russia\n"
            "German police arrested an engineer on Tuesday on suspicion of spying for Russian military "
            "intelligence, prosecutors said. He is accused of passing drone designs to the GRU.")
    response = client.post("/api/v1/ingest", json={"document": text, "name": "engineer.txt"}, headers=auth)
    assert response.status_code == 201, response.text
    summary = response.json()
    assert summary["stored"] == 1 and summary["documents"] == 1
    again = client.post("/api/v1/ingest", json={"document": text, "name": "engineer.txt"}, headers=auth).json()
    assert again["stored"] == 0


# --- exposure -------------------------------------------------------------------------------

@pytest.fixture
def exposed(database: Database) -> httpx.Client:
    """The app as `spyglass serve --host 0.0.0.0` builds it."""
    return client_for(make_app(database, host="0.0.0.0"))


@pytest.mark.parametrize("path", ["/api/v1/cases", "/api/v1/stats", f"/api/v1/cases/{dataset.TAIWAN_CASE}",
                                  "/api/v1/articles", "/api/v1/search?q=spy", "/openapi.json"])
def test_non_loopback_bind_needs_a_token_to_read(exposed: httpx.Client, auth: dict[str, str], path: str) -> None:
    assert_error(exposed.get(path), 401, "auth-required")
    assert_error(exposed.get(path, headers={"Authorization": "Bearer wrong"}), 401, "auth-required")
    assert exposed.get(path, headers=auth).status_code == 200


def test_non_loopback_pages_send_browsers_to_login(exposed: httpx.Client) -> None:
    response = exposed.get("/cases", headers={"accept": "text/html"})
    assert response.status_code == 303 and response.headers["location"] == "/login?next=/cases"
    assert exposed.get("/login").status_code == 200
    assert exposed.get("/static/app.css").status_code == 200


def test_loopback_refuses_foreign_host_headers(client: httpx.Client) -> None:
    """DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the data."""
    assert_error(client.get("/api/v1/cases", headers={"Host": "evil.example"}), 400, "bad-host")
    assert client.get("/api/v1/cases", headers={"Host": "localhost:8000"}).status_code == 200


def test_cached_lists_follow_every_write(client: httpx.Client, auth: dict[str, str], database: Database) -> None:
    """Lists and facets are cached per database version: a correction or a CLI-side write shows at once."""
    before = client.get("/api/v1/cases?stage=convicted").json()
    assert dataset.TAIWAN_CASE not in {c["id"] for c in before["items"]}
    client.patch(f"/api/v1/cases/{dataset.TAIWAN_CASE}", json=CORRECTION, headers=auth)
    after = client.get("/api/v1/cases?stage=convicted").json()
    assert dataset.TAIWAN_CASE in {c["id"] for c in after["items"]}
    assert after["facets"]["stage"]["convicted"] == before["facets"]["stage"]["convicted"] + 1
    from spyglass.store import open_store  # a second process-like writer, as `spyglass case edit` would be

    other = open_store(str(database.path))
    other.delete_case("case-plain-0", why="test")
    other.close()
    assert client.get("/api/v1/cases").json()["total"] == len(dataset.cases()) - 1
