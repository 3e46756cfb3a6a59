"""One bad article never ends a run: an error while analysing it, or while linking and storing
it, becomes an ``internal`` rejection.

The analyzer (or the linker) is made to fail for one article (standing in for a bug); the
rest of the run, and everything stored before it, must be untouched, and the traceback must
be in the error log that the one-line reason names.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.cli import app
from spyglass.errors import ERROR_LOG
from spyglass.pipeline import analyses, ingest
from spyglass.records import Analysis, Article, Rejected
from spyglass.settings import load_settings
from spyglass.store import CaseQuery, open_store
from spyglass.understand import Analyzer

GOOD = (
    "Kevin Mallory, a former CIA officer, was sentenced on Friday to twenty years in prison for "
    "conspiring to spy for China, prosecutors in Virginia said.\n"
)
BAD = "Ron Hansen, a former DIA officer, was sentenced to ten years for trying to sell secrets to China.\n"
MARKER = "Hansen"


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    (tmp_path / "docs").mkdir()
    good, bad = tmp_path / "docs" / "a-good.txt", tmp_path / "docs" / "b-bad.txt"
    good.write_text(GOOD, encoding="utf-8")
    bad.write_text(BAD, encoding="utf-8")
    return [str(good), str(bad)]


@pytest.fixture
def broken_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    """An analyzer with a bug that only one article meets."""
    real = Analyzer.analyse

    def analyse(self: Analyzer, article: Article) -> Analysis:
        if MARKER in article.text:
            raise ZeroDivisionError("a bug in understand")
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", analyse)


def _log_named_in(reason: str) -> Path:
    found = re.search(r"traceback in (\S+), please report it", reason)
    assert found, reason
    return Path(found.group(1))


def test_a_failing_article_becomes_an_internal_rejection_and_the_run_goes_on(
    inputs: list[str], tmp_path: Path, broken_analyzer: None
) -> None:
    settings = load_settings(cache_dir=str(tmp_path / "cache"))
    found = list(analyses(inputs, settings))
    assert [type(f).__name__ for f in found] == ["Analysis", "Rejected"]
    rejected = found[1]
    assert isinstance(rejected, Rejected)
    assert (rejected.source, rejected.member, rejected.code) == (inputs[1], "item 0", "internal")
    assert "ZeroDivisionError while analysing the article: a bug in understand" in rejected.reason
    log = _log_named_in(rejected.reason)
    assert log == tmp_path / "cache" / ERROR_LOG
    text = log.read_text(encoding="utf-8")
    assert f"{inputs[1]}#item 0" in text and "Traceback (most recent call last)" in text
    assert "ZeroDivisionError: a bug in understand" in text
    assert "\n" not in rejected.line()


def test_ingest_keeps_what_was_stored_and_stores_the_rest(inputs: list[str], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    settings = load_settings(cache_dir=str(tmp_path / "cache"))
    db = tmp_path / "cases.db"
    store = open_store(str(db))
    try:
        first = ingest(inputs[:1], store, settings)  # stored before the bug shows up
        cases_before = store.cases(CaseQuery()).total
        assert first.stored == 1 and cases_before == 1
        real = Analyzer.analyse
        monkeypatch.setattr(Analyzer, "analyse",
                            lambda self, a: (_ for _ in ()).throw(RuntimeError("boom")) if MARKER in a.text
                            else real(self, a))
        later = ingest(inputs, store, settings)
    finally:
        store.close()
    assert later.rejected == {"internal": 1}
    assert later.skipped == 1  # the good article stays as it was
    reopened = open_store(str(db))
    try:
        assert reopened.cases(CaseQuery()).total == cases_before
        assert reopened.rejected_counts() == {"internal": 1}
    finally:
        reopened.close()


def test_extract_prints_one_line_and_goes_on(inputs: list[str], tmp_path: Path, broken_analyzer: None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPYGLASS_CACHE_DIR", str(tmp_path / "cache"))
    result = CliRunner().invoke(app, ["extract", *inputs])
    assert result.exit_code == 1, result.output
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [inputs[0]]
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{inputs[1]}#item 0: rejected (internal): unexpected ZeroDivisionError")
    assert _log_named_in(line).is_file()
    assert "Traceback" not in result.stderr


def test_a_sentence_over_spacys_limit_does_not_end_extract(tmp_path: Path, inputs: list[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """spaCy refuses texts over 1,000,000 characters (E088); until understand splits them, that
    article is an ``internal`` rejection and the other inputs are still analysed."""
    monkeypatch.setenv("SPYGLASS_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SPYGLASS_ANALYSIS_DEADLINE", "0")  # about E088, not time: its long sentence is slow in understand
    sentence = ("Kevin Mallory, a former CIA officer, was arrested and charged with spying for China "
                + ", ".join(["and he met intelligence officers in Shanghai"] * 26_000) + ".")
    assert len(sentence) > 1_000_000
    huge = tmp_path / "huge.txt"
    huge.write_text(f"Spy arrested\n\n{sentence}\n\nHe was sentenced to twenty years for espionage.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(huge), inputs[0]])
    assert "Traceback" not in result.output
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert inputs[0] in sources
    if result.exit_code == 1:  # today: E088 costs this one article
        [line] = result.stderr.splitlines()
        assert line.startswith(f"{huge}#item 0: rejected (internal):") and "E088" in line
    else:  # once understand bounds its input, the article is analysed like any other
        assert result.exit_code == 0 and str(huge) in sources


def test_a_bug_in_linking_one_article_costs_that_article_only(inputs: list[str], tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A bug met while linking and storing one article (here in ``link``) rolls back that
    article's writes alone; the others of the same batch are stored, and the bad one is an
    ``internal`` rejection whose log holds the traceback."""
    import spyglass.pipeline as pipeline

    real = pipeline._link_mention

    def link(mention, source, store, cannot, summary):  # type: ignore[no-untyped-def]
        if any(MARKER in name for name in mention.accused_names):
            raise KeyError("a bug in link")
        return real(mention, source, store, cannot, summary)

    monkeypatch.setattr(pipeline, "_link_mention", link)
    settings = load_settings(cache_dir=str(tmp_path / "cache"))
    db = tmp_path / "cases.db"
    store = open_store(str(db))
    try:
        summary = ingest([inputs[1], inputs[0]], store, settings)  # the bad article first, one batch
        cases = store.cases(CaseQuery()).items
    finally:
        store.close()
    assert summary.rejected == {"internal": 1} and summary.stored == 1
    assert [list(c.accused_names) for c in cases] == [["Kevin Mallory"]]
    reopened = open_store(str(db))
    try:
        assert reopened.rejected_counts() == {"internal": 1}
        assert not reopened.has_article(_article_id(inputs[1], settings))
    finally:
        reopened.close()
    text = (tmp_path / "cache" / ERROR_LOG).read_text(encoding="utf-8")
    assert f"{inputs[1]}#item 0" in text and "KeyError: 'a bug in link'" in text


def _article_id(path: str, settings: object) -> str:
    from spyglass.pipeline import articles

    (article,) = articles([path], settings)  # type: ignore[arg-type]
    assert isinstance(article, Article)
    return article.id
