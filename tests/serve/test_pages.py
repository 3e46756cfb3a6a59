"""Server-rendered pages over HTTP: content, shareable URLs, security headers, hostile text,
login and CSRF. The browser tests drive the same pages in chromium."""

from __future__ import annotations

import re

import httpx
import pytest

from spyglass.records import CaseSource, TimelineEvent
from spyglass.serve.charts import OTHER, PALETTE, cases_per_year_spec
from spyglass.serve.dashboard import matrix_of
from spyglass.serve.reader import Origin, origin_of
from spyglass.serve.security import CSP
from spyglass.store import open_store
from spyglass.store.base import PairCount

from . import dataset
from .conftest import Database, client_for, make_app

HTML = {"accept": "text/html"}
PAGES = ["/", "/cases", "/cases?q=Taiwan&sponsor=CN", f"/cases/{dataset.TAIWAN_CASE}", f"/cases/{dataset.XSS_CASE}",
         "/articles", "/articles/art-tw-2025", "/articles/art-xss", "/countries/TW", "/services/svc.ru.gru",
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
    assert not re.search(r'(?:src|action)="(?:https?:)?//|<link[^>]*href="(?:https?:)?//', page), \
        "a page loads from another origin"
    # The one way out: a link to an article's own web address, which tells that site nothing.
    for anchor in re.findall(r'<a [^>]*href="(?:https?:)?//[^>]*>', page):
        assert 'rel="noopener noreferrer nofollow"' in anchor, f"a link to another origin: {anchor}"
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
    ("/services/svc.cn.mss", ["Spy case 2: CN against US"], ["Spy case 0"]),
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
    audit = client.get(f"/api/v1/cases/{dataset.TAIWAN_CASE}/audit").json()["items"]
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


# --- what an analyst meets on the overview and the reader (issue 12, "Dashboard") ----------

def _per_year(sponsors: int) -> list[tuple[int, str | None, int]]:
    codes = ["CN", "RU", "IR", "KP", "IN", "PK", "FR", "TR", "SA", "VN", "BY", "CU", "EG", "AE", "NL"][:sponsors]
    return [(2010 + n, code, 20 - n) for n, code in enumerate(codes)] + [(2012, None, 1)]


@pytest.mark.parametrize("sponsors", [3, 9, 15])
def test_cases_per_year_names_countries_and_never_repeats_a_colour(sponsors: int) -> None:
    spec = cases_per_year_spec(_per_year(sponsors))
    colour = spec["encoding"]["color"]
    domain, palette = colour["scale"]["domain"], colour["scale"]["range"]
    assert len(palette) == len(domain) and len(set(palette)) == len(palette) and set(palette) <= set(PALETTE)
    assert domain[0] == "China" and "Unknown" in domain or OTHER in domain
    assert not [name for name in domain if re.fullmatch(r"[A-Z]{2}", name)]
    assert {v["sponsor"] for v in spec["data"]["values"]} == set(domain)
    assert (OTHER in domain) == (sponsors + 1 > len(PALETTE))
    assert sum(v["cases"] for v in spec["data"]["values"]) == sum(n for _, _, n in _per_year(sponsors))


def test_cases_per_year_has_every_year_as_text_and_whole_number_ticks() -> None:
    spec = cases_per_year_spec([(2019, "CN", 2), (2023, "RU", 1)])
    x, y = spec["encoding"]["x"], spec["encoding"]["y"]
    assert x["type"] == "ordinal" and x["scale"]["domain"] == ["2019", "2020", "2021", "2022", "2023"]
    assert {v["year"] for v in spec["data"]["values"]} == {"2019", "2023"}
    assert y["axis"]["format"] == ",d" and y["axis"]["tickMinStep"] == 1
    assert spec["width"] == "container"
    misread = cases_per_year_spec([(1025, "CN", 1), (2024, "CN", 1)])["encoding"]["x"]["scale"]["domain"]
    assert misread == ["1025", "2024"]  # a thousand empty years would only hide the real ones


def test_who_spies_on_whom_drops_rows_and_columns_left_empty_by_the_cut() -> None:
    """Twelve targets fit; a sponsor whose only target is the thirteenth has no row."""
    pairs = [PairCount(sponsor="CN", target=f"T{n:02d}", count=5) for n in range(12)]
    pairs += [PairCount(sponsor="KP", target="ZZ", count=1), PairCount(sponsor="", target="T00", count=3)]
    matrix = matrix_of(pairs)
    assert "KP" not in matrix.sponsors and "ZZ" not in matrix.targets and "" not in matrix.sponsors
    assert all(any(matrix.count(s, t) for t in matrix.targets) for s in matrix.sponsors)
    assert all(any(matrix.count(s, t) for s in matrix.sponsors) for t in matrix.targets)


def test_who_spies_on_whom_heads_rows_and_columns_with_names(client: httpx.Client) -> None:
    page = client.get("/", headers=HTML).text
    matrix = page[page.index('<table class="matrix">'):page.index("</table>", page.index('<table class="matrix">'))]
    heads = re.findall(r'<th scope="(?:col|row)"><a href="/countries/\w+">([^<]+)</a>', matrix)
    assert "Germany" in heads and "Russia" in heads
    assert not [h for h in heads if re.fullmatch(r"[A-Z]{2}", h)]


def _stage_changes(page: str) -> str:
    start = page.index("<h2>Stage changes</h2>")
    return page[start:page.index("</section>", start)]


def test_stage_changes_are_dated_by_the_news_once_a_case(database: Database) -> None:
    """A case charged in 2023 and convicted in a report of 2026-01-10: listed once, on 2026-01-10,
    however recently either was stored."""
    store = open_store(str(database.path))
    try:
        case = store.case("case-plain-4")  # charged, reported 2023-11-20
        later = dataset.analyses()[-1].model_copy(deep=True)
        article = later.article.model_copy(update={"id": "art-plain-4b", "published": "2026-01-10"})
        mention = later.mentions[0].model_copy(update={"article_id": "art-plain-4b", "stage": "convicted",
                                                       "published": "2026-01-10"})
        store.save_analysis(later.model_copy(update={"article": article, "mentions": (mention,)}))
        store.save_case(case.model_copy(update={
            "stage": "convicted", "last_reported": "2026-01-10", "mentions": (*case.mentions, ("art-plain-4b", 0)),
            "timeline": (*case.timeline, TimelineEvent(stage="convicted", date="2026-01-10", article_id="art-plain-4b")),
            "sources": (*case.sources, CaseSource(article_id="art-plain-4b", published="2026-01-10"))}),
            keys=["CN:TW"])
    finally:
        store.close()
    app = make_app(database)
    with client_for(app) as http:
        changes = _stage_changes(http.get("/", headers=HTML).text)
    app.state.stores.close()
    assert changes.count('href="/cases/case-plain-4"') == 1
    dates = re.findall(r'<time datetime="([\d-]+)">', changes)
    news = {c.first_reported for c in dataset.cases()} | {"2026-01-10"}
    assert dates and set(dates) <= news, f"dates not from the news: {set(dates) - news}"
    assert dates == sorted(dates, reverse=True)
    item = changes[changes.index('href="/cases/case-plain-4"'):]
    assert item[:item.index("</li>")].count('datetime="2026-01-10"') == 1


def test_article_reader_links_the_cases_it_produced(client: httpx.Client) -> None:
    page = client.get("/articles/art-tw-2025", headers=HTML).text
    section = page[page.index('id="cases-here"'):]
    assert f'href="/cases/{dataset.TAIWAN_CASE}"' in section[:section.index("</section>")]
    assert "The court sentenced the four soldiers to between 70 and 84 months" in section  # what it says of it


@pytest.mark.parametrize(("url", "source", "shown"), [
    ("https://news.example/a", "/home/ada/news/a.html", Origin("https://news.example/a", "https://news.example/a")),
    (None, "/home/ada/news/a.html", Origin("a.html (local file)")),
    (None, "C:\\Users\\ada\\news\\b.htm", Origin("b.htm (local file)")),
    (None, "file:///srv/dump/c.warc.gz", Origin("c.warc.gz (local file)")),
    ("javascript:alert(1)", "/tmp/d.txt", Origin("d.txt (local file)")),
    (None, "https://feeds.example/rss", Origin("https://feeds.example/rss", "https://feeds.example/rss")),
    (None, "-", Origin("standard input")),
    (None, "/", Origin("local file")),
    (None, None, None),
])
def test_reader_shows_where_an_article_came_from_without_local_paths(
        url: str | None, source: str | None, shown: Origin | None) -> None:
    assert origin_of(url, source) == shown


def test_reader_hides_a_local_path(database: Database) -> None:
    store = open_store(str(database.path))
    try:
        local = dataset.analyses()[-1]
        article = local.article.model_copy(update={"id": "art-local", "url": None,
                                                   "source": "/home/ada/private/news/x.html"})
        store.save_analysis(local.model_copy(update={"article": article}))
    finally:
        store.close()
    app = make_app(database)
    with client_for(app) as http:
        page = http.get("/articles/art-local", headers=HTML).text
    app.state.stores.close()
    assert "/home/ada" not in page and "x.html (local file)" in page
