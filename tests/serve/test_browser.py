"""End to end in Debian's chromium, driven by Playwright, against a real uvicorn server.

The database holds the corpus seed's Taiwan case, built by a real ingest of
``corpus/text/seed-intelnews-2025.txt`` when the corpus is beside the checkout (otherwise the
test dataset's own Taiwan case), plus a hostile article, plus one case for each of twelve more
sponsor countries, each against a country of its own, reported from 2012 on: more sponsors than
a chart has colours, more targets than the matrix has columns, more years than a phone has
room for. Every page is screenshotted into ``test-artifacts/``, at 1400 px and at 400 px where
the layout is the point; every test checks that no request left the origin, that the console
shows no error (CSP violations are console errors) and that no dialog opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from spyglass.records import Analysis, Article, Case, CaseSource, Mention, Relevance, TimelineEvent
from spyglass.settings import load_settings
from spyglass.store import open_store

from . import dataset
from .conftest import ROOT, Database, make_app
from .live import running

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]
WIDE, PHONE = {"width": 1400, "height": 900}, {"width": 400, "height": 860}
# (sponsor, target, year): one case each, so no sponsor or target is among the largest.
MORE_COUNTRIES = [("KP", "KR", 2012), ("IN", "PK", 2013), ("PK", "IN", 2014), ("FR", "DZ", 2015),
                  ("TR", "GR", 2016), ("SA", "QA", 2017), ("VN", "KH", 2018), ("BY", "LT", 2019),
                  ("CU", "VE", 2020), ("EG", "SD", 2021), ("AE", "OM", 2022), ("NL", "BE", 2022)]
CODE = re.compile(r"^[A-Z]{2}$")


def _more_countries(store: Any) -> None:
    for n, (sponsor, target, year) in enumerate(MORE_COUNTRIES):
        aid, date = f"art-more-{n}", f"{year}-06-0{1 + n % 9}"
        text = f"An official was arrested for spying for {sponsor} against {target}."
        article = Article(id=aid, source=f"/home/analyst/news/more-{n}.html", item=0, kind="post",
                          title=f"Arrest {n}", published=date, published_precision="day", language="en",
                          text=text, fingerprint="")
        facts = dict(accused_count=1, sponsor_country=sponsor, target_country=target, stage="arrested")
        mention = Mention(article_id=aid, index=0, published=date, summary=text, **facts)
        store.save_analysis(Analysis(article=article, relevance=Relevance(is_espionage=True, score=0.8),
                                     mentions=(mention,)))
        store.save_case(Case(id=f"case-more-{n}", title=f"Arrest {n}: {sponsor} against {target}",
                             mentions=((aid, 0),), timeline=(TimelineEvent(stage="arrested", date=date, article_id=aid),),
                             sources=(CaseSource(article_id=aid, title=article.title, published=date),),
                             first_reported=date, last_reported=date, **facts),
                        keys=[f"{sponsor}:{target}"])


def _seed_or_dataset(path: Path) -> None:
    """Real ingest of the seed (and of a second report of its statistics) when the corpus is
    present; the store-API dataset either way."""
    corpus = ROOT.parent / "shared" / "corpus" / "text"
    seed, second = corpus / "seed-intelnews-2025.txt", corpus / "07-deadletterbox-2025-09.txt"
    store = open_store(str(path))
    try:
        if seed.is_file() and second.is_file():
            from spyglass.pipeline import ingest

            ingest([str(seed), str(second)], store, load_settings(db=str(path)))
        else:
            store.save_analysis(dataset.taiwan_wire())
        dataset.fill(store, taiwan=not seed.is_file())
        _more_countries(store)
    finally:
        store.close()


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    folder = tmp_path_factory.mktemp("browser")
    path = folder / "browser.db"
    _seed_or_dataset(path)
    store = open_store(str(path))
    token = store.create_token("browser")
    store.close()
    app = make_app(Database(path, token))
    with running(app) as base:
        yield base, token


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=chromium_path, args=LAUNCH_ARGS, headless=True)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page plus everything it did that a test must check afterwards."""

    page: Any
    base: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        foreign = [u for u in self.requests if not (u.startswith(self.base + "/") or u.startswith("data:"))]
        assert foreign == [], f"requests left the origin: {foreign}"
        assert self.errors == [], f"console errors (CSP violations included): {self.errors}"
        assert self.dialogs == [], f"a dialog opened: {self.dialogs}"

    def shot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


@pytest.fixture
def watched(browser: Any, live: tuple[str, str]) -> Iterator[Watched]:
    base, _ = live
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    seen = Watched(page, base)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: seen.errors.append(str(err)))

    def _dialog(dialog: Any) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", _dialog)
    yield seen
    context.close()


def _open_seed_case(seen: Watched) -> None:
    page = seen.page
    page.goto(seen.base + "/cases")
    page.fill("#cases-q", "Taiwan")
    page.press("#cases-q", "Enter")
    page.wait_for_url(re.compile(r"/cases\?.*q=Taiwan"))
    link = page.locator("table.cases tbody tr", has_text=re.compile("soldier", re.I)).locator("a").first
    link.click()
    page.wait_for_url(re.compile(r"/cases/[^?/]+$"))


def test_overview_draws_charts_and_matrix(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/")
    page.wait_for_selector(".chart svg", timeout=15_000)
    assert page.locator("table.matrix td a").count() >= 1
    watched.shot("overview")
    page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("overview-phone")
    watched.assert_clean()


def test_overview_shows_each_reported_series_once_with_its_sources(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/")
    page.wait_for_selector("figure.stat .chart svg", timeout=15_000)
    taiwan = page.locator("figure.stat", has=page.locator(
        "span.series", has_text=re.compile(r"^Taiwan: people prosecuted for spying for China$")))
    assert taiwan.count() == 1
    caption = taiwan.locator("figcaption").inner_text()
    assert "2024: 64 (2 sources)" in caption
    assert taiwan.locator("figcaption a").count() == 2
    taiwan.locator("figcaption a").nth(1).click()
    page.wait_for_url(re.compile(r"/articles/[^/?]+$"))
    assert page.locator(".article-text").count() == 1
    watched.assert_clean()


def test_matrix_cell_links_to_its_cases(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/")
    page.locator("table.matrix td a").first.click()
    page.wait_for_url(re.compile(r"/cases\?sponsor=\w+&target=\w+"))
    assert page.locator("table.cases tbody tr").count() >= 1
    watched.assert_clean()


def test_search_taiwan_open_case_and_see_sentencing_highlighted(watched: Watched) -> None:
    _open_seed_case(watched)
    page = watched.page
    marks = page.locator("mark.ev", has_text=re.compile(r"sentenced the"))
    assert marks.count() >= 1
    assert re.search(r"70 and 84 months", marks.first.inner_text())
    watched.shot("case")
    watched.assert_clean()


def test_correct_a_field_with_a_reason_and_see_the_audit_entry(watched: Watched, live: tuple[str, str]) -> None:
    _, token = live
    page = watched.page
    page.goto(watched.base + "/login")
    page.fill("#l-token", token)
    page.fill("#l-name", "Ada")
    page.click("form.login button")
    page.wait_for_url(watched.base + "/")
    _open_seed_case(watched)
    page.select_option("#c-field", "roles")
    page.fill("#c-value", "soldier, presidential guard")
    page.fill("#c-why", "three of the four guarded the Office of the President")
    page.click("form.correction button")
    page.wait_for_url(re.compile(r"#audit$"))
    audit = page.locator("#audit li", has_text="guarded the Office of the President")
    assert audit.count() == 1
    assert "web:Ada" in audit.first.inner_text()
    assert "presidential guard" in page.locator("#field-roles").inner_text()
    watched.shot("case-corrected")
    watched.assert_clean()


def test_a_facet_filters_the_cases(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/cases")
    watched.shot("cases")
    page.locator('.facet[data-facet="sponsor"] a', has_text="China").click()
    page.wait_for_url(re.compile(r"sponsor=CN"))
    page.wait_for_selector('.facet[data-facet="sponsor"] a.on')
    sponsors = page.locator('table.cases td[data-label="Sponsor"]').all_inner_texts()
    assert sponsors and set(sponsors) == {"China"}
    watched.shot("cases-faceted")
    page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("cases-phone")
    watched.assert_clean()


@pytest.mark.parametrize("path", ["/articles/art-xss", "/cases/case-xss", "/search?q=spy", "/cases?q=Berlin"])
def test_hostile_text_is_inert(watched: Watched, path: str) -> None:
    page = watched.page
    page.goto(watched.base + path)
    page.wait_for_timeout(300)
    assert page.title() != "pwned"
    assert page.locator("main script, main img, main svg").count() == 0
    if path == "/articles/art-xss":
        assert "<script>alert(1)</script>" in page.locator(".article-text").inner_text()
        watched.shot("article-hostile")
    watched.assert_clean()


def test_article_reader_highlights_entities(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/articles")
    page.locator("ul.articles a", has_text=re.compile("Taiwan", re.I)).first.click()
    page.wait_for_selector(".article-text")
    assert page.locator(".article-text mark.ent").count() >= 1
    watched.shot("article")
    watched.assert_clean()


def test_entity_pages(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/countries/TW")
    assert "Taiwan" in page.locator("h1").inner_text()
    watched.shot("country")
    watched.assert_clean()


# --- what an analyst meets: charts, matrix, changes, layout at 400 px, the reader -----------

VISIBLE_TEXTS = """(selector) => Array.from(document.querySelectorAll(selector))
  .filter((t) => t.getAttribute("opacity") !== "0" && getComputedStyle(t).opacity !== "0")
  .map((t) => { const r = t.getBoundingClientRect();
                return {text: t.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom}; })"""
YEAR_CHART = ".panel.wide:first-of-type .chart svg"


def _overlapping(boxes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    return [(a["text"], b["text"]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5
            and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5]


def _axis(kind: str) -> str:
    return f'{YEAR_CHART} g[aria-label^="{kind}-axis"] .role-axis-label text'


def _no_sideways_scroll(seen: Watched) -> None:
    width = seen.page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways at {width[1]} px: {width[0]} px wide"


def test_cases_per_year_chart_names_countries_with_one_colour_each(watched: Watched) -> None:
    """15 sponsors: the nine largest keep a colour, the rest are "Other"; no colour twice."""
    page = watched.page
    page.set_viewport_size(WIDE)
    page.goto(watched.base + "/")
    page.wait_for_selector(YEAR_CHART, timeout=15_000)
    legend = page.locator(f"{YEAR_CHART} .role-legend-label text").all_text_contents()
    assert "China" in legend and "Russia" in legend and "Other" in legend
    assert not [name for name in legend if CODE.match(name)], f"country codes in the legend: {legend}"
    fills = page.locator(f"{YEAR_CHART} .role-legend-symbol path").evaluate_all(
        "(paths) => paths.map((p) => p.getAttribute('fill'))")
    assert len(fills) == len(legend) and len(set(fills)) == len(fills), f"a colour repeats: {fills}"
    bars = set(page.locator(f"{YEAR_CHART} .role-mark path").evaluate_all(
        "(paths) => paths.map((p) => p.getAttribute('fill'))"))
    assert bars <= set(fills), "a bar has a colour the legend does not explain"
    watched.shot("overview-chart-1400")
    watched.assert_clean()


def test_year_axis_shows_whole_years_and_counts_whole_numbers(watched: Watched) -> None:
    page = watched.page
    page.set_viewport_size(WIDE)
    page.goto(watched.base + "/")
    page.wait_for_selector(YEAR_CHART, timeout=15_000)
    years = page.locator(_axis("X")).all_text_contents()
    assert years and all(re.fullmatch(r"(19|20)\d\d", y) for y in years), f"year labels: {years}"
    assert [int(y) for y in years] == list(range(int(years[0]), int(years[-1]) + 1)), "a year is missing"
    counts = page.locator(_axis("Y")).all_text_contents()
    assert counts and all(re.fullmatch(r"\d[\d,]*", c) for c in counts), f"count ticks: {counts}"
    for figure in page.locator("figure.stat .chart svg").all():
        stat_years = figure.locator('g[aria-label^="X-axis"] .role-axis-label text').all_text_contents()
        assert all(re.fullmatch(r"(19|20)\d\d", y) for y in stat_years), f"statistic years: {stat_years}"
    watched.assert_clean()


@pytest.mark.parametrize("first", [PHONE, WIDE], ids=["opened-on-a-phone", "narrowed-from-1400"])
def test_charts_fit_a_phone_without_overlapping_labels(watched: Watched, first: dict[str, int]) -> None:
    page = watched.page
    page.set_viewport_size(first)
    page.goto(watched.base + "/")
    page.wait_for_selector(YEAR_CHART, timeout=15_000)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(400)  # Vega redraws to the container's new width on the next frames
    for selector in [_axis("X"), _axis("Y"), f"{YEAR_CHART} .role-legend-label text"]:
        boxes = page.evaluate(VISIBLE_TEXTS, selector)
        assert boxes, f"nothing drawn for {selector}"
        assert _overlapping(boxes) == [], f"labels overlap at 400 px: {_overlapping(boxes)}"
    for chart in page.locator(".chart").all():
        box, svg = chart.bounding_box(), chart.locator("svg").bounding_box()
        assert box and svg and svg["x"] + svg["width"] <= box["x"] + box["width"] + 1, "a chart is wider than its panel"
    _no_sideways_scroll(watched)
    watched.shot("overview-400" if first == PHONE else "overview-narrowed-400")
    watched.assert_clean()


def test_who_spies_on_whom_names_countries_and_has_no_empty_row_or_column(watched: Watched) -> None:
    page = watched.page
    page.set_viewport_size(WIDE)
    page.goto(watched.base + "/")
    matrix = page.locator("table.matrix")
    columns = matrix.locator("thead th a").all_inner_texts()
    rows = matrix.locator("tbody th").all_inner_texts()
    assert "Germany" in columns and "China" in rows
    assert not [n for n in columns + rows if CODE.match(n.strip())], f"codes as headers: {columns} {rows}"
    for row in matrix.locator("tbody tr").all():
        assert row.locator("td a").count() >= 1, f"an empty row: {row.inner_text()}"
    for index in range(len(columns)):
        cells = matrix.locator(f"tbody tr td:nth-of-type({index + 1}) a")
        assert cells.count() >= 1, f"an empty column: {columns[index]}"
    watched.assert_clean()


def test_case_list_folds_its_filters_above_the_list_on_a_phone(watched: Watched) -> None:
    page = watched.page
    page.set_viewport_size(PHONE)
    page.goto(watched.base + "/cases")
    summary = page.locator("details.filters > summary")
    assert summary.is_visible() and summary.inner_text().startswith("Filters")
    assert not page.locator('.facet[data-facet="sponsor"]').is_visible(), "filters are open on a phone"
    first_case = page.locator("table.cases tbody tr").first.bounding_box()
    folded = summary.bounding_box()
    assert folded and first_case and folded["y"] + folded["height"] <= first_case["y"], "filters are not above the list"
    assert first_case["y"] < PHONE["height"], "the first case is not on the first screen"
    _no_sideways_scroll(watched)
    watched.shot("cases-400")
    summary.click()
    page.locator('.facet[data-facet="sponsor"] a', has_text="China").click()
    page.wait_for_url(re.compile(r"sponsor=CN"))
    assert "1 on" in page.locator("details.filters > summary").inner_text()
    page.set_viewport_size(WIDE)
    assert not page.locator("details.filters > summary").is_visible(), "a toggle on a wide screen"
    facet, table = page.locator(".facets").bounding_box(), page.locator("table.cases").bounding_box()
    assert facet and table and facet["x"] + facet["width"] <= table["x"], "filters are not beside the list"
    watched.shot("cases-1400")
    watched.assert_clean()


def test_case_page_reads_on_a_phone(watched: Watched) -> None:
    page = watched.page
    _open_seed_case(watched)
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(100)
    _no_sideways_scroll(watched)
    evidence = page.locator("#field-stage td").nth(1)
    box = evidence.bounding_box()
    assert box and box["width"] >= 0.6 * PHONE["width"], f"the evidence is squeezed into {box} px"
    watched.shot("case-400")
    page.set_viewport_size(WIDE)
    watched.shot("case-1400")
    watched.assert_clean()


def test_article_reader_links_its_cases_and_hides_local_paths(watched: Watched) -> None:
    page = watched.page
    page.set_viewport_size(WIDE)
    page.goto(watched.base + "/articles/art-more-3")
    source = page.locator("main p.url").inner_text()
    assert "/home/" not in source and "more-3.html" in source, f"the source shown: {source}"
    assert "/home/analyst" not in page.locator("main").inner_text()
    page.locator('#cases-here a[href^="/cases/"]').first.click()
    page.wait_for_url(re.compile(r"/cases/case-more-3$"))
    page.goto(watched.base + "/articles/art-xss")
    link = page.locator("main p.url a")
    assert link.get_attribute("href") == "https://news.example/art-xss", "a web address is not a link"
    assert page.locator('#cases-here a[href="/cases/case-xss"]').count() == 1
    watched.shot("article-1400")
    page.set_viewport_size(PHONE)
    _no_sideways_scroll(watched)
    watched.shot("article-400")
    watched.assert_clean()
