"""The work one article may cost is bounded: a text cap and a deadline turn outliers into a cut
analysis or a ``too-complex`` rejection, and the run goes on.

Analyzers and readers are replaced by stand-ins that are slow on purpose (standing in for a
super-linear path met by a hostile input); the assertions are on the outcome, never on a time.
"""

from __future__ import annotations

import signal
import threading
import time
import weakref
from pathlib import Path

import pytest
from typer.testing import CliRunner

from spyglass.budget import Overrun, deadline, off_the_clock, text_cut
from spyglass.cli import app
from spyglass.errors import REJECT_CODES
from spyglass.pipeline import analyses
from spyglass.records import Analysis, Article, Rejected, Relevance
from spyglass.settings import load_settings
from spyglass.understand import Analyzer

GOOD = (
    "Kevin Mallory, a former CIA officer, was sentenced on Friday to twenty years in prison for "
    "conspiring to spy for China, prosecutors in Virginia said.\n"
)
SLOW = "Ron Hansen, a former DIA officer, was sentenced to ten years for trying to sell secrets to China.\n"
MARKER = "Hansen"
SPIN_LIMIT = 60.0  # seconds: a stand-in that is never interrupted gives up, so a broken guard fails, not hangs


@pytest.mark.parametrize(
    ("text", "limit", "cut"),
    [
        ("short text", 100, None),  # under the cap: analysed whole
        ("x" * 50, 0, None),  # 0: no cap
        ("one two three four", 10, 7),  # the last word break before the cap
        ("para one.\n\npara two is here", 20, 9),  # a paragraph break wins over a word break
        ("line one\nline two words", 15, 8),  # a line break wins over a word break
        ("x" * 5000, 3000, 3000),  # no break near the cap: cut at the cap
    ],
)
def test_text_cut(text: str, limit: int, cut: int | None) -> None:
    assert text_cut(text, limit) == cut


def test_too_complex_is_in_the_catalogue() -> None:
    assert "too-complex" in REJECT_CODES


@pytest.fixture
def inputs(tmp_path: Path) -> list[str]:
    good, slow = tmp_path / "a-good.txt", tmp_path / "b-slow.txt"
    good.write_text(GOOD, encoding="utf-8")
    slow.write_text(SLOW, encoding="utf-8")
    return [str(slow), str(good)]


@pytest.fixture
def spinning_analyzer(monkeypatch: pytest.MonkeyPatch) -> None:
    """An analyzer stuck on one article, catching every ``Exception`` as understand code may."""
    real = Analyzer.analyse

    def analyse(self: Analyzer, article: Article) -> Analysis:
        if MARKER in article.text:
            end = time.monotonic() + SPIN_LIMIT
            while time.monotonic() < end:
                try:
                    sum(range(1000))
                except Exception:  # noqa: S110 - the guard must not be swallowed by code like this
                    pass
            return real(self, article)
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", analyse)


def _outcomes(found: list[Analysis | Rejected]) -> list[tuple[str, str]]:
    return [
        (Path(x.source).name, x.code) if isinstance(x, Rejected) else (Path(x.article.source).name, "analysed")
        for x in found
    ]


@pytest.mark.usefixtures("spinning_analyzer")
def test_an_article_past_the_deadline_is_rejected_and_the_run_goes_on(inputs: list[str]) -> None:
    found = list(analyses(inputs, load_settings(analysis_deadline=0.5)))
    assert _outcomes(found) == [("b-slow.txt", "too-complex"), ("a-good.txt", "analysed")]
    rejected = found[0]
    assert isinstance(rejected, Rejected) and rejected.member == "item 0"
    assert "analysing the article ran past the 0.5 s its document may take" in rejected.reason
    assert "SPYGLASS_ANALYSIS_DEADLINE" in rejected.reason
    good = found[1]
    assert isinstance(good, Analysis) and good.relevance.is_espionage and good.mentions


@pytest.mark.usefixtures("spinning_analyzer")
def test_the_guard_leaves_no_timer_or_handler_behind(inputs: list[str]) -> None:
    before = signal.getsignal(signal.SIGALRM)
    list(analyses(inputs, load_settings(analysis_deadline=0.5)))
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    assert signal.getsignal(signal.SIGALRM) == before


def test_in_a_worker_thread_the_deadline_is_checked_when_the_analysis_ends(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """No timer signal reaches a thread: the overrun is not cut short, but rejected all the same."""
    real = Analyzer.analyse

    def analyse(self: Analyzer, article: Article) -> Analysis:
        if MARKER in article.text:
            time.sleep(0.5)
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", analyse)
    found: list[Analysis | Rejected] = []
    worker = threading.Thread(target=lambda: found.extend(analyses(inputs, load_settings(analysis_deadline=0.2))))
    worker.start()
    worker.join()
    assert _outcomes(found) == [("b-slow.txt", "too-complex"), ("a-good.txt", "analysed")]
    assert "ran past the 0.2 s its document may take" in found[0].reason  # type: ignore[union-attr]


def test_a_document_whose_reading_stalls_is_rejected_with_the_articles_read_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import spyglass.extract as extract

    real = extract.articles_in

    def articles_in(raw):  # type: ignore[no-untyped-def]
        found = list(real(raw))
        yield found[0]
        end = time.monotonic() + SPIN_LIMIT
        while time.monotonic() < end:  # stuck on the second article
            pass
        yield from found[1:]

    monkeypatch.setattr(extract, "articles_in", articles_in)
    page = tmp_path / "dump.txt"
    page.write_text(GOOD + "\n\n" + SLOW, encoding="utf-8")
    found = list(analyses([str(page)], load_settings(analysis_deadline=0.5)))
    assert [type(x).__name__ for x in found] == ["Analysis", "Rejected"]
    assert found[1].code == "too-complex"  # type: ignore[union-attr]
    assert "the document took over 0.5 s after 1 article; the rest were not read" in found[1].reason  # type: ignore[union-attr]


FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title>
<item><title>One</title><description>A former officer was arrested for spying for China.</description></item>
<item><title>Two</title><description>A soldier was charged with spying for Russia.</description></item>
<item><title>Three</title><description>An aide was sentenced for spying for Iran.</description></item>
</channel></rss>
"""


def test_the_articles_of_one_document_share_its_allowance(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed (or a dump split into thousands of teasers) cannot stall a crawl by being many articles:
    when the document's time runs out, the article being analysed is rejected and later ones are not read."""
    def analyse(self: Analyzer, article: Article) -> Analysis:
        time.sleep(1.0)
        return Analysis(article=article, relevance=Relevance(is_espionage=False, score=0.0))

    monkeypatch.setattr(Analyzer, "analyse", analyse)
    feed = tmp_path / "feed.xml"
    feed.write_text(FEED, encoding="utf-8")
    found = list(analyses([str(feed)], load_settings(analysis_deadline=1.5)))
    assert [type(x).__name__ for x in found] == ["Analysis", "Rejected"]  # the third item: no line of its own
    assert found[1].code == "too-complex" and found[1].member == "item 1"  # type: ignore[union-attr]
    again = list(analyses([str(feed), str(feed)], load_settings(analysis_deadline=1.5)))
    assert [type(x).__name__ for x in again] == ["Analysis", "Rejected"] * 2  # each document its own allowance


def test_text_past_the_cap_is_stored_but_not_analysed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The analysis reads the first characters; the article keeps its whole text; reasons say so."""
    seen: list[str] = []
    real = Analyzer.analyse

    def analyse(self: Analyzer, article: Article) -> Analysis:
        seen.append(article.text)
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", analyse)
    tail = " ".join(f"Filler sentence number {n} about the weather." for n in range(200))
    page = tmp_path / "long.txt"
    page.write_text(GOOD + tail + "\n", encoding="utf-8")
    (found,) = analyses([str(page)], load_settings(max_text=400))
    assert isinstance(found, Analysis)
    whole = found.article.text
    assert len(whole) > 5000 and "number 199" in whole
    assert len(seen[0]) <= 400 and whole.startswith(seen[0]) and "number 199" not in seen[0]
    note = f"budget:text analysed up to character {len(seen[0])} of {len(whole)}"
    assert note in found.relevance.reasons
    assert found.relevance.is_espionage and found.mentions  # the case at the top is still read
    for mention in found.mentions:
        for evidence in mention.evidence.values():
            assert whole[evidence.start:evidence.end] == evidence.sentence  # offsets hold in the whole text


def test_a_text_under_the_cap_carries_no_budget_note(tmp_path: Path) -> None:
    page = tmp_path / "short.txt"
    page.write_text(GOOD, encoding="utf-8")
    (found,) = analyses([str(page)], load_settings())
    assert isinstance(found, Analysis)
    assert not [r for r in found.relevance.reasons if r.startswith("budget:")]


@pytest.mark.usefixtures("spinning_analyzer")
def test_extract_prints_one_too_complex_line_and_exits_1(inputs: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPYGLASS_ANALYSIS_DEADLINE", "0.5")
    result = CliRunner().invoke(app, ["extract", *inputs])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith(f"{inputs[0]}#item 0: rejected (too-complex): ")
    assert result.stdout.count("\n") == 1 and "Mallory" in result.stdout


def test_an_overrun_lost_in_a_weakref_callback_is_raised_again_in_the_body() -> None:
    # Python cannot raise from a weakref's callback (garbage collection runs them): an Overrun
    # arriving there is lost, and the body would run on past its deadline.
    class Thing:
        pass

    def slow_callback(_ref: object) -> None:
        until = time.monotonic() + 0.3
        while time.monotonic() < until:
            pass

    started = time.monotonic()
    with pytest.raises(Overrun), deadline(0.05):
        thing = Thing()
        kept = weakref.ref(thing, slow_callback)
        del thing  # the callback runs here, past the deadline
        while time.monotonic() < started + 3:
            pass
    assert kept() is None
    assert time.monotonic() - started < 1


def _loading_analyzer(monkeypatch: pytest.MonkeyPatch, off_clock: bool) -> None:
    """An analyzer that loads a slow tool (0.8 s) on the slow article, off the clock or not."""
    real = Analyzer.analyse

    def analyse(self: Analyzer, article: Article) -> Analysis:
        if MARKER in article.text:
            if off_clock:
                with off_the_clock():
                    time.sleep(0.8)
            else:
                time.sleep(0.8)
        return real(self, article)

    monkeypatch.setattr(Analyzer, "analyse", analyse)


@pytest.mark.parametrize("in_thread", [False, True], ids=["timer", "worker-thread"])
def test_a_tool_loaded_off_the_clock_costs_its_document_no_time(
    inputs: list[str], monkeypatch: pytest.MonkeyPatch, in_thread: bool
) -> None:
    """A one-time load inside an analysis (a language's name tool on its first need) neither
    trips the timer nor counts against the document's allowance; the same load on the clock does."""
    settings = load_settings(analysis_deadline=0.5)
    for off_clock, first in ((False, "too-complex"), (True, "analysed")):
        monkeypatch.undo()
        _loading_analyzer(monkeypatch, off_clock)
        found: list[Analysis | Rejected] = []
        if in_thread:
            worker = threading.Thread(target=found.extend, args=(analyses(inputs, settings),))
            worker.start()
            worker.join()
        else:
            found = list(analyses(inputs, settings))
        assert _outcomes(found) == [("b-slow.txt", first), ("a-good.txt", "analysed")], off_clock
    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_off_the_clock_stops_the_timer_and_extends_every_running_deadline() -> None:
    with deadline(0.2) as outer, deadline(0.2) as inner:
        assert outer.interrupts and not inner.interrupts  # one timer, the first deadline's
        with off_the_clock():
            time.sleep(0.3)
        assert 0 < signal.getitimer(signal.ITIMER_REAL)[0] <= 0.2
        assert inner.paused >= 0.3 and outer.paused >= 0.3
        assert not inner.passed and not outer.passed
    with pytest.raises(Overrun), deadline(0.1):  # the timer runs again after the load
        with off_the_clock():
            time.sleep(0.15)
        time.sleep(0.5)
    with off_the_clock():  # outside any deadline it just runs
        pass
