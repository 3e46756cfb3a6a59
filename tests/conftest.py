"""Fixtures shared by every test: where the development corpus is, and real backing services.

The development corpus lives in ``../shared`` beside the checkout; tests that need it are
skipped with a reason when it is absent. PostgreSQL and the browser are real: CI sets
``SPYGLASS_REQUIRE_PG`` / ``SPYGLASS_REQUIRE_BROWSER`` so that a missing service fails the run
instead of skipping.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SPYGLASS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = CORPUS / "gold.jsonl"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The development corpus folder, or a skip when ../shared is not beside the checkout."""
    if not GOLD.is_file():
        pytest.skip(f"development corpus not found at {CORPUS} (set SPYGLASS_SHARED)")
    return CORPUS


@pytest.fixture(scope="session")
def gold(corpus_dir: Path) -> list[dict]:
    """Every gold line of the development corpus."""
    with GOLD.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@pytest.fixture(scope="session")
def pg_url() -> str:
    """URL of a real PostgreSQL database for the contract tests."""
    url = os.environ.get("SPYGLASS_TEST_PG_URL")
    if not url:
        if os.environ.get("SPYGLASS_REQUIRE_PG"):
            pytest.fail("SPYGLASS_REQUIRE_PG is set but SPYGLASS_TEST_PG_URL is not")
        pytest.skip("no PostgreSQL server: set SPYGLASS_TEST_PG_URL (.ci/run starts one)")
    return url


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium for Playwright; Playwright must never download a browser."""
    path = "/usr/bin/chromium"
    if not os.path.exists(path):
        if os.environ.get("SPYGLASS_REQUIRE_BROWSER"):
            pytest.fail("SPYGLASS_REQUIRE_BROWSER is set but /usr/bin/chromium is missing")
        pytest.skip("Debian chromium not installed (apt-get install chromium)")
    return path


def _hypothesis_profiles() -> None:
    """CI replays the same examples every run (derandomize), so a red build is reproducible."""
    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
    settings.register_profile("dev", deadline=None)
    settings.load_profile("ci" if os.environ.get("CI") else "dev")


_hypothesis_profiles()
