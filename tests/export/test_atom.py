"""Atom feeds: well-formed for feedparser (no bozo), one entry per case, newest first, stable ids."""

from __future__ import annotations

import feedparser
from hypothesis import given, settings

from spyglass.export.atom import FeedEntry, atom_feed, entry_id, latest_entries
from spyglass.records import Case

from .samples import bare_case, cases, hostile_case, soldiers_case

BASE = "https://spyglass.example"


def _feed(entries: list[FeedEntry]) -> feedparser.FeedParserDict:
    body = atom_feed(entries, title="Spyglass test", label="test", base_url=BASE, self_url=BASE + "/feed.atom")
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    return parsed


def test_entries_carry_title_link_time_and_summary() -> None:
    feed = _feed([FeedEntry(soldiers_case(), "stage", "2026-11-29T02:39:10.123456+00:00")])
    entry = feed.entries[0]
    assert entry.title == "Four Taiwanese soldiers jailed for spying for China"
    assert entry.link == f"{BASE}/cases/case-tw-soldiers"
    assert entry.id == entry_id("case-tw-soldiers")
    assert entry.updated.startswith("2026-11-29T02:39:10")
    assert entry.summary.startswith("New stage: sentenced.")
    assert "Payments: 7000 USD; 20000 USD" in entry.summary
    assert {tag.term for tag in entry.tags} == {"sentenced", "CN", "TW"}
    assert feed.feed.updated.startswith("2026-11-29T02:39:10")


def test_hostile_text_is_escaped_by_the_library_and_forbidden_characters_dropped() -> None:
    entry = _feed([FeedEntry(hostile_case(), "new", "2026-01-01T00:00:00+00:00")]).entries[0]
    assert entry.title == '=HYPERLINK("http://evil.example","click") <script>&amp;'
    assert "\x0b" not in entry.title


def test_one_entry_per_case_its_latest_change_newest_first() -> None:
    entries = [
        FeedEntry(soldiers_case(), "new", "2026-01-01T00:00:00+00:00"),
        FeedEntry(bare_case(), "new", "2026-02-01T00:00:00+00:00"),
        FeedEntry(soldiers_case(), "stage", "2026-03-01T00:00:00+00:00"),
    ]
    chosen = latest_entries(entries, limit=10)
    assert [(e.case.id, e.change) for e in chosen] == [("case-tw-soldiers", "stage"), ("case-bare", "new")]
    assert [e.case.id for e in latest_entries(entries, limit=1)] == ["case-tw-soldiers"]
    assert [e.link for e in _feed(chosen).entries] == [f"{BASE}/cases/case-tw-soldiers", f"{BASE}/cases/case-bare"]


def test_empty_feed_is_valid_and_does_not_read_the_clock() -> None:
    first = atom_feed([], title="t", label="l", base_url=BASE, self_url=BASE)
    assert feedparser.parse(first).bozo == 0
    assert first == atom_feed([], title="t", label="l", base_url=BASE, self_url=BASE)


@given(cases())
@settings(max_examples=40, deadline=None)
def test_any_case_gives_a_well_formed_feed(case: Case) -> None:
    assert len(_feed([FeedEntry(case, "new", "2026-01-01T00:00:00+00:00")]).entries) == 1
