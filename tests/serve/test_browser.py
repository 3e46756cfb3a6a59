"""End to end in Debian's chromium, driven by Playwright, against a real uvicorn server.

The database holds the corpus seed's Taiwan case, built by a real ingest of
``corpus/text/seed-intelnews-2025.txt`` when the corpus is beside the checkout (otherwise the
test dataset's own Taiwan case), plus a hostile article. Every page is screenshotted into
``test-artifacts/``; every test checks that no request left the origin, that the console shows
no error (CSP violations are console errors) and that no dialog opened.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from spyglass.settings import load_settings
from spyglass.store import open_store

from . import dataset
from .conftest import ROOT, Database, make_app
from .live import running

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ARTIFACTS = ROOT / "test-artifacts"
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]


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
    context = browser.new_context(viewport={"width": 1280, "height": 900})
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
    page.wait_for_selector(".chart canvas", timeout=15_000)
    assert page.locator("table.matrix td a").count() >= 1
    watched.shot("overview")
    page.set_viewport_size({"width": 390, "height": 844})
    watched.shot("overview-phone")
    watched.assert_clean()


def test_overview_shows_each_reported_series_once_with_its_sources(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/")
    page.wait_for_selector("figure.stat .chart canvas", timeout=15_000)
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
