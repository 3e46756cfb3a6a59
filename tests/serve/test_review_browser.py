"""The review queue end to end in Debian's chromium (Playwright) against a real uvicorn server:
log in, open /review, confirm the most doubtful field with one click, see it leave the queue
and show as confirmed on the case page; correct another field from the queue at 400 px.
Screenshots at 1400 px and 400 px go to ``test-artifacts/``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spyglass.store import open_store
from tests.reviewdata import TAIPEI, report, save_taipei

from . import dataset
from .conftest import Database, make_app
from .live import running
from .test_browser import PHONE, WIDE, Watched, browser  # noqa: F401  (the module's chromium fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

SENTENCE_ITEM = f'li.review-item[data-case="{TAIPEI}"][data-field="sentence_months"]'
STAGE_ITEM = f'li.review-item[data-case="{TAIPEI}"][data-field="stage"]'


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    """The serve dataset (hostile article included) and the Taipei case, whose reports disagree."""
    path = Path(tmp_path_factory.mktemp("review-browser")) / "review.db"
    store = open_store(str(path))
    try:
        dataset.fill(store)
        save_taipei(store, report("t1", "2025-01-10", 84), report("t2", "2025-03-02", 96, confidence=0.6))
        token = store.create_token("browser")
    finally:
        store.close()
    with running(make_app(Database(path, token))) as base:
        yield base, token


@pytest.fixture
def watched(browser: Any, live: tuple[str, str]) -> Iterator[Watched]:  # noqa: F811
    base, _ = live
    context = browser.new_context(viewport=WIDE)
    page = context.new_page()
    seen = Watched(page, base)
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda msg: seen.errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda err: seen.errors.append(str(err)))
    page.on("dialog", lambda dialog: (seen.dialogs.append(dialog.message), dialog.dismiss()))
    yield seen
    context.close()


QUEUE = "/review?per_page=100"  # every item of the dataset on one page


def _log_in(seen: Watched, token: str) -> None:
    page = seen.page
    page.goto(seen.base + "/login?next=" + QUEUE.replace("?", "%3F").replace("=", "%3D"))
    page.fill("#l-token", token)
    page.fill("#l-name", "Ada")
    page.click("form.login button")
    page.wait_for_url(seen.base + QUEUE)


def _no_sideways_scroll(seen: Watched) -> None:
    width = seen.page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    assert width[0] <= width[1], f"the page scrolls sideways at {width[1]} px: {width[0]} px wide"


def test_confirm_the_most_doubtful_field_with_one_click(watched: Watched, live: tuple[str, str]) -> None:
    page = watched.page
    _log_in(watched, live[1])
    first = page.locator("li.review-item").first
    assert first.get_attribute("data-case") == TAIPEI and first.get_attribute("data-field") == "sentence_months"
    reasons = first.locator("li.reason").all_inner_texts()
    assert reasons == ["confidence 0.60", "2 sources disagree: 96 vs 84 months",
                       "changed by report of 2025-03-02: 84 → 96 months"]
    assert first.locator("blockquote.evidence mark.ev").inner_text() == "96 months"
    watched.shot("review-1400")
    first.locator("form.confirm button").click()
    page.wait_for_url(watched.base + QUEUE)
    assert page.locator(SENTENCE_ITEM).count() == 0
    assert page.locator(STAGE_ITEM).count() == 1  # the case's other fields stay queued
    page.locator(f"{STAGE_ITEM} a.case-link").click()
    page.wait_for_url(re.compile(rf"/cases/{TAIPEI}#field-stage$"))
    assert page.locator("#field-sentence_months .badge.confirmed").inner_text() == "confirmed"
    assert page.locator("#audit li", has_text="sentence_months = [96, 96] confirmed").count() == 1
    assert "web:Ada" in page.locator("#audit li", has_text="confirmed").first.inner_text()
    watched.shot("review-confirmed-case-1400")
    watched.assert_clean()


def test_the_queue_works_at_400_px_and_corrects_inline(watched: Watched, live: tuple[str, str]) -> None:
    page = watched.page
    page.set_viewport_size(PHONE)
    _log_in(watched, live[1])
    _no_sideways_scroll(watched)
    confirm = page.locator("li.review-item form.confirm button").first
    box = confirm.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    watched.shot("review-400")
    item = page.locator(STAGE_ITEM)
    item.locator("details.correct summary").click()
    item.locator("input[name=value]").fill("convicted")
    item.locator("textarea[name=why]").fill("the appeal court quashed the sentence, the conviction stands")
    watched.shot("review-correcting-400")
    item.locator("form.review-correction button").click()
    page.wait_for_url(watched.base + QUEUE)
    assert page.locator(STAGE_ITEM).count() == 0
    _no_sideways_scroll(watched)
    page.goto(watched.base + f"/cases/{TAIPEI}")
    assert "convicted" in page.locator("#field-stage").inner_text()
    watched.assert_clean()


def test_hostile_evidence_stays_text_on_the_queue(watched: Watched) -> None:
    page = watched.page
    page.goto(watched.base + "/review?per_page=200")
    hostile = page.locator(f'li.review-item[data-case="{dataset.XSS_CASE}"]')
    assert hostile.count() >= 1
    assert page.title() != "pwned" and page.locator("main script, main img, main svg").count() == 0
    watched.assert_clean()
