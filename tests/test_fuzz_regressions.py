"""Inputs the fuzz campaign (``benchmarks/fuzz.py``) found, kept in ``tests/fixtures/fuzz/``.

Each goes through `spyglass extract` as a user would run it: no traceback, no ``internal``
rejection. Files named ``understand-*`` met a super-linear path inside ``understand``: their whole
text (no cap) must be analysed within a 1 s deadline. The many-years sentence took 35 s before
``_period.py`` read a sentence once; the many-places one (97 KB) took 9 s before ``_target.py``
searched a sentence for swap words once instead of once per place (each now well under 1 s).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.pipeline import analyses
from spyglass.records import Rejected
from spyglass.settings import load_settings

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "fuzz"
FOUND = sorted(FIXTURES.iterdir())
UNDERSTAND = sorted(p.name for p in FOUND if p.name.startswith("understand-"))


def test_the_fixtures_are_there() -> None:
    assert len(FOUND) >= 6 and len(UNDERSTAND) >= 2


@pytest.mark.parametrize("path", FOUND, ids=[p.name for p in FOUND])
def test_extract_reads_the_input_without_a_traceback_or_internal_rejection(
    path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPYGLASS_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("SPYGLASS_ANALYSIS_DEADLINE", "2")  # a too-complex rejection is an answer too
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert "(internal)" not in result.stderr, result.stderr
    assert not (tmp_path / "spyglass-errors.log").exists()
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    rejected = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) + len(rejected) >= 1  # every input is either read or rejected with a line


@pytest.mark.parametrize("name", ["jsonld-nested-2000-deep.html", "feed-charref-past-last-code-point.xml",
                                  "feed-declared-encoding-with-nul.xml", "feed-declares-utf16-written-in-utf8.xml"])
def test_the_article_is_still_read_and_found_about_espionage(name: str) -> None:
    (found,) = analyses([str(FIXTURES / name)], load_settings())
    assert not isinstance(found, Rejected), found
    assert found.relevance.is_espionage


@pytest.mark.parametrize(
    "name", UNDERSTAND
)
def test_a_long_sentence_is_analysed_within_a_linear_budget(name: str) -> None:
    (found,) = analyses([str(FIXTURES / name)], load_settings(analysis_deadline=1.0, max_text=0))
    assert not isinstance(found, Rejected), found.reason


def test_a_text_split_into_1563_articles_stops_at_its_documents_allowance() -> None:
    """A 1.2 MB text the dump reader splits into 1,563 posts and teasers took 10 s (and a 13 MB
    one over 60 s) when each article had its own deadline: the document's articles share one."""
    found = list(analyses([str(FIXTURES / "text-dump-1563-articles.txt.gz")], load_settings(analysis_deadline=1.0)))
    late = [x for x in found if isinstance(x, Rejected) and x.code == "too-complex"]
    assert len(late) == 1 and found[-1] == late[0]
    # the allowance runs out while an article is analysed or while the next is read (on a busy
    # machine): either way the rest of the document is not read, and the reason says so
    assert "later articles were not read" in late[0].reason or "the rest were not read" in late[0].reason
    assert 0 < len(found) < 1563
