"""Server-rendered pages over HTTP: content, shareable URLs, security headers, hostile text,
login and CSRF. The browser tests drive the same pages in chromium."""

from __future__ import annotations

import re

import httpx
import pytest

from spyglass.serve.security import CSP
from spyglass.store import open_store

from . import dataset
from .conftest import Database, client_for, make_app

HTML = {"accept": "text/html"}
PAGES = ["/", "/cases", "/cases?q=Taiwan&sponsor=CN", f"/cases/{dataset.TAIWAN_CASE}", f"/cases/{dataset.XSS_CASE}",
         "/articles", "/articles/art-tw-2025", "/articles/art-xss", "/countries/TW", "/services/gru",
         "/people/Nobody", "/search?q=spy", "/login"]
HOSTILE = ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg onload=alert(2)>",
           "<script>alert('case')</script>", "<script>alert('title')</script>", "<b>Bad Site</b>",
           '</mark></div><script>document.title="pwned"</script>']


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_strict_headers(client: httpx.Client, path: str) -> None:
    response = client.get(path, headers=HTML)
    assert response.status_code == 200, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["content-security-policy"] == CSP
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "same-origin"
    assert response.headers["x-frame-options"] == "DENY"


def test_csp_is_the_strict_one() -> None:
    for directive in ["default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
                      "object-src 'none'", "frame-ancestors 'none'", "base-uri 'none'"]:
        assert directive in CSP
    assert "unsafe" not in CSP


@pytest.mark.parametrize("path", PAGES)
def test_no_page_loads_anything_from_another_origin_or_inline(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers=HTML).text
    assert not re.search(r'(?:src|href|action)="(?:https?:)?//', page), "a page points at another origin"
    assert not re.search(r"<script(?![^>]*\bsrc=\"/static/)", page), "inline script"
    assert not re.search(r"<style|<[^>]*\sstyle=", page), "inline style"
    assert not re.search(r"<[^>]*\son[a-z]+=", page), "inline event handler"


@pytest.mark.parametrize("path", [f"/cases/{dataset.XSS_CASE}", "/articles/art-xss", "/search?q=spy",
                                  "/cases?q=Berlin", "/", "/people/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"])
def test_hostile_text_is_escaped(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers=HTML).text
    for payload in HOSTILE:
        assert payload not in page
    assert "<img" not in page and "<svg" not in page
    assert page.count("<script") == page.count('<script src="/static/')


def test_hostile_article_shows_its_payload_as_text(client: httpx.Client) -> None:
    page = client.get("/articles/art-xss", headers=HTML).text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_case_page_marks_every_evidence_sentence(client: httpx.Client) -> None:
    page = client.get(f"/cases/{dataset.TAIWAN_CASE}", headers=HTML).text
    marked = re.findall(r'<mark class="ev"[^>]*>(.*?)</mark>', page, flags=re.S)
    texts = [re.sub(r"<[^>]+>", "", m) for m in marked]
    assert any("The court sentenced the four soldiers to between 70 and 84 months" in t for t in texts)
    assert 'id="ev-sentence_months"' in page and 'href="#ev-sentence_months"' in page


def test_article_reader_links_entities(client: httpx.Client) -> None:
    page = client.get("/articles/art-tw-2025", headers=HTML).text
    assert re.search(r'<mark class="ent norp"[^>]*><a href="/countries/TW">Taiwanese</a></mark>', page)
    assert '<mark class="ent money" title="MONEY">$7,000</mark>' in page


@pytest.mark.parametrize(("path", "shown", "hidden"), [
    ("/cases?sponsor=CN", ["Spy case 2: CN against US"], ["Spy case 0: RU against DE"]),
    ("/cases?sponsor=CN&target=TW", ["Spy case 4: CN against TW"], ["Spy case 2: CN against US"]),
    ("/cases?stage=sentenced", ["Four Taiwanese soldiers"], ["Spy case 4"]),
    ("/cases?q=soldiers", ["Four Taiwanese soldiers"], ["Spy case 4"]),
    ("/countries/RU", ["Spy case 0: RU against DE"], ["Spy case 2"]),
    ("/services/mss", ["Spy case 2: CN against US"], ["Spy case 0"]),
])
def test_filtered_pages(client: httpx.Client, path: str, shown: list[str], hidden: list[str]) -> None:
    page = client.get(path, headers=HTML).text
    assert all(s in page for s in shown) and not any(h in page for h in hidden)


def test_facets_and_sort_links_are_shareable_urls(client: httpx.Client) -> None:
    page = client.get("/cases?sponsor=CN", headers=HTML).text
    assert 'href="/cases?sponsor=CN&amp;target=TW"' in page  # add a facet value
    assert 'href="/cases?"' in page  # clicking the chosen value removes it
    assert 'href="/cases?sponsor=CN&amp;sort=stage"' in page


def test_pagination(client: httpx.Client) -> None:
    page = client.get("/cases?per_page=3&page=2", headers=HTML).text
    assert "Page 2 of 3" in page and 'rel="next"' in page and 'rel="prev"' in page


def test_overview_shows_matrix_links_and_chart_specs(client: httpx.Client) -> None:
    page = client.get("/", headers=HTML).text
    assert 'href="/cases?sponsor=RU&amp;target=DE"' in page
    assert page.count('class="chart" data-spec="') == 2  # cases per year + one reported statistic
    assert "Taiwan: people prosecuted for spying for China" in page


def test_overview_shows_a_series_reported_twice_once_with_both_sources(database: Database) -> None:
    """Two articles report the same series and year: one series, one point, two sources."""
    store = open_store(str(database.path))
    try:
        store.save_analysis(dataset.taiwan_wire())
    finally:
        store.close()
    app = make_app(database)
    with client_for(app) as http:
        page = http.get("/", headers=HTML).text
        body = http.get("/api/v1/stats").json()
    app.state.stores.close()
    section = page[page.index("<h2>Reported statistics</h2>"):]
    assert section.count('<figure class="stat">') == 1
    assert section.count(f'<span class="series">Taiwan: {dataset.TAIWAN_SERIES}</span>') == 1
    assert "2023: 48, 2024: 64 (2 sources)." in section
    assert 'href="/articles/art-tw-2025">1</a>' in section and 'href="/articles/art-tw-wire">2</a>' in section
    (series,) = body["series"]
    assert [(p["year"], p["value"], p["sources"]) for p in series["points"]] == [
        (2023, 48, ["art-tw-2025"]), (2024, 64, ["art-tw-2025", "art-tw-wire"])]


def test_html_errors_have_the_same_code(client: httpx.Client) -> None:
    response = client.get("/cases/missing", headers=HTML)
    assert response.status_code == 404 and "not-found" in response.text
    assert client.get("/cases/missing").json()["error"]["code"] == "not-found"


# --- login and CSRF ---------------------------------------------------------------------------

def _login(client: httpx.Client, token: str) -> str:
    response = client.post("/login", data={"token": token, "name": "Ada", "next": "/cases"})
    assert response.status_code == 303 and response.headers["location"] == "/cases"
    cookie = response.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    client.cookies.set("spyglass_session", response.cookies["spyglass_session"])
    page = client.get(f"/cases/{dataset.TAIWAN_CASE}", headers=HTML).text
    return re.search(r'name="csrf" value="([^"]+)"', page).group(1)  # type: ignore[union-attr]


FORM = {"field": "accused_count", "value": "5", "why": "a fifth soldier was named later"}


def test_login_and_correct_through_the_form(client: httpx.Client, database: object) -> None:
    csrf = _login(client, database.token)  # type: ignore[attr-defined]
    response = client.post(f"/cases/{dataset.TAIWAN_CASE}/corrections", data={**FORM, "csrf": csrf},
                           headers={"Origin": "http://127.0.0.1"})
    assert response.status_code == 303
    assert client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()["accused_count"] == 5
    audit = client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}/audit").json()
    assert any(e["who"] == "web:Ada" and e["why"] == FORM["why"] for e in audit)


@pytest.mark.parametrize(("csrf", "origin", "status", "code"), [
    ("wrong", None, 403, "csrf"),
    ("", None, 403, "csrf"),
    (None, "https://evil.example", 403, "cross-origin"),
    (None, "null", 403, "cross-origin"),
])
def test_form_writes_need_csrf_and_same_origin(client: httpx.Client, database: object, csrf: str | None,
                                               origin: str | None, status: int, code: str) -> None:
    good = _login(client, database.token)  # type: ignore[attr-defined]
    headers = {"Origin": origin} if origin else {}
    response = client.post(f"/cases/{dataset.TAIWAN_CASE}/corrections",
                           data={**FORM, "csrf": good if csrf is None else csrf}, headers=headers)
    assert response.status_code == status and response.json()["error"]["code"] == code
    assert client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()["accused_count"] == 4


def test_form_writes_need_a_session(client: httpx.Client) -> None:
    response = client.post(f"/cases/{dataset.TAIWAN_CASE}/corrections", data={**FORM, "csrf": "x"})
    assert response.status_code == 401 and response.json()["error"]["code"] == "auth-required"


def test_wrong_token_does_not_log_in(client: httpx.Client) -> None:
    response = client.post("/login", data={"token": "nope", "next": "/"}, headers=HTML)
    assert response.status_code == 401 and "set-cookie" not in response.headers


@pytest.mark.parametrize(("given", "followed"), [
    ("/cases?q=x", "/cases?q=x"), ("//evil.example/", "/"), ("https://evil.example/", "/"), ("/\\evil", "/"),
])
def test_login_redirects_only_within_the_site(client: httpx.Client, database: object, given: str, followed: str) -> None:
    response = client.post("/login", data={"token": database.token, "next": given})  # type: ignore[attr-defined]
    assert response.headers["location"] == followed


def test_logout_needs_csrf_and_ends_the_session(client: httpx.Client, database: object) -> None:
    csrf = _login(client, database.token)  # type: ignore[attr-defined]
    assert client.post("/logout", data={"csrf": "bad"}).status_code == 403
    assert client.post("/logout", data={"csrf": csrf}).status_code == 303
    response = client.post(f"/cases/{dataset.TAIWAN_CASE}/corrections", data={**FORM, "csrf": csrf})
    assert response.status_code == 401


@pytest.mark.parametrize(("field", "typed", "stored"), [
    ("accused_names", "Smith, John; Doe, Jane", ["Smith, John", "Doe, Jane"]),  # ';' splits when given, as in the CLI
    ("accused_names", "John Smith, Jane Doe", ["John Smith", "Jane Doe"]),
    ("payments", "25000 USD; 3800 CNY", [{"amount": 25000, "currency": "USD"}, {"amount": 3800, "currency": "CNY"}]),
    ("sentence_months", "72-96", [72, 96]),
    ("period", "2015-", [2015, None]),
])
def test_the_form_reads_what_an_analyst_types_as_the_cli_does(client: httpx.Client, database: object, field: str,
                                                              typed: str, stored: object) -> None:
    csrf = _login(client, database.token)  # type: ignore[attr-defined]
    response = client.post(f"/cases/{dataset.TAIWAN_CASE}/corrections",
                           data={"field": field, "value": typed, "why": "court papers", "csrf": csrf},
                           headers={"Origin": "http://127.0.0.1"})
    assert response.status_code == 303, response.text
    assert client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}").json()[field] == stored
