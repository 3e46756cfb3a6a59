"""Property tests: arbitrary bytes and text fed to every reader and splitter never raise.

Readers return only ``Article`` / ``Rejected`` records (or their drafts); splitters return
their plain results. Text strategies mix random lines with byline-, teaser- and markup-like
lines so the splitters' interesting branches are reached.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spyglass.extract import articles_in
from spyglass.extract.build import Draft
from spyglass.extract.dates import parse_date
from spyglass.extract.dumps import posts_in
from spyglass.extract.feeds import FeedProblem, feed_drafts
from spyglass.extract.html import html_draft
from spyglass.extract.scrape import scrape_of
from spyglass.records import Article, RawItem, Rejected
from spyglass.settings import Settings
from spyglass.sources import read_inputs

SHAPED_LINES = st.sampled_from([
    "Spy jailed for selling secrets", "March 31, 2025 2 Comments", "June 9, 2025 by A. Writer 6 Comments",
    "► Author: A. Writer | Date: 31 March 2025 | Permalink", "Filed under News Tagged with China, Russia",
    "THE WHITE HOUSE HELD an emergency meeting", "TANG YUANJUN WAS", "Read more of this post", "",
    "Image caption: a court", "Advertisement", "Related: other things", "18. 4. 2021  09:12",
    "<p>para</p>", "<rss version='2.0'><channel>", "<item><title>x</title></item>", "&lt;p&gt;escaped&lt;/p&gt;",
    "SEOUL, May 10 (HSL) - North Korea has released three US citizens it had been holding for years.",
])
TEXTS = st.one_of(st.text(max_size=400), st.lists(st.one_of(SHAPED_LINES, st.text(max_size=60)), max_size=25)
                  .map("\n".join))
BYTES = st.one_of(st.binary(max_size=600), TEXTS.map(lambda t: t.encode("utf-8")),
                  TEXTS.map(lambda t: t.encode("utf-16")), TEXTS.map(lambda t: t.encode("cp1252", "replace")))
PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(BYTES)
def test_articles_in_yields_only_records(data: bytes) -> None:
    results = list(articles_in(RawItem(source="prop", content=data)))
    assert results and all(isinstance(r, Article | Rejected) for r in results)
    assert not any(isinstance(r, Rejected) and r.code == "internal" for r in results)


@PROPERTY
@given(BYTES)
def test_read_inputs_on_a_file_yields_only_records(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc"
        path.write_bytes(data)
        for raw in read_inputs([str(path)], Settings(max_bytes=2000)):
            assert isinstance(raw, RawItem | Rejected)
            if isinstance(raw, RawItem):
                assert all(isinstance(r, Article | Rejected) for r in articles_in(raw))


@PROPERTY
@given(TEXTS)
def test_dump_splitter_and_scrape_reader_never_raise(text: str) -> None:
    lines = text.split("\n")
    for post in posts_in(lines):
        assert isinstance(post.title, str) and all(isinstance(line, str) for line in post.body)
    assert isinstance(scrape_of(lines).text, str)


@PROPERTY
@given(TEXTS)
def test_feed_reader_yields_drafts_or_a_feed_problem(text: str) -> None:
    try:
        for position, draft in feed_drafts(text):
            assert position >= 0 and (draft is None or isinstance(draft, Draft))
    except FeedProblem as problem:
        assert problem.code in ("feed-empty", "feed-invalid")


@PROPERTY
@given(TEXTS)
def test_html_reader_yields_a_draft_or_none(text: str) -> None:
    draft = html_draft(text, None)
    assert draft is None or (isinstance(draft, Draft) and draft.text.strip())


@PROPERTY
@given(st.text(max_size=80))
def test_date_parser_returns_an_iso_date_or_none(text: str) -> None:
    found = parse_date(text)
    assert found is None or (found[1] in ("day", "month", "year") and found[0][:4].isdigit())
