"""Exports of the real development corpus: valid STIX, stable ids across ingests, watchlists that fire once."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import pytest

from spyglass.export.csv import CSV_COLUMNS
from spyglass.export.feeds import watch_feed
from spyglass.store import open_store

from .conftest import WATCH, Staged
from .stixcheck import problems

pytestmark = pytest.mark.slow  # ingests the corpus (about 10 s)


def test_the_corpus_bundle_validates(staged: Staged) -> None:
    # The second bundle holds every id of the first (checked below), so one validation covers both.
    assert len(json.loads(staged.second["stix"])["objects"]) > 100
    assert problems(staged.second["stix"]) == ([], [])


def _objects_by_case(bundle: str) -> dict[str, list[str]]:
    """Case id -> the serialised objects that name it (campaign, spies, notes, reports...)."""
    by_case: dict[str, list[str]] = {}
    for line in bundle.splitlines()[1:-1]:
        obj = json.loads(line.rstrip(","))
        case_id = _case_of(obj)
        if case_id:
            by_case.setdefault(case_id, []).append(line.rstrip(","))
    return by_case


def _case_of(obj: dict) -> str | None:
    for values in obj.get("extensions", {}).values():
        if "case_id" in values:
            return str(values["case_id"])
    return None


def test_reexport_after_a_new_ingest_keeps_unchanged_objects_byte_identical(staged: Staged) -> None:
    assert staged.later.new_cases, "the held-back press releases add a case"
    before_lines = {json.loads(line)["id"]: line for line in staged.first["jsonl"].splitlines()}
    after_lines = {json.loads(line)["id"]: line for line in staged.second["jsonl"].splitlines()}
    assert set(before_lines) <= set(after_lines), "no case id is lost"
    unchanged = {case_id for case_id, line in before_lines.items() if after_lines[case_id] == line}
    assert len(unchanged) >= len(before_lines) - len(staged.later.updated_cases) > 0
    before, after = _objects_by_case(staged.first["stix"]), _objects_by_case(staged.second["stix"])
    for case_id in unchanged:
        assert before[case_id] == after[case_id], case_id
    old_ids = {json.loads(line.rstrip(","))["id"] for line in staged.first["stix"].splitlines()[1:-1]}
    new_ids = {json.loads(line.rstrip(","))["id"] for line in staged.second["stix"].splitlines()[1:-1]}
    assert old_ids <= new_ids, "a re-export updates objects, it never renames them"


def test_a_new_case_shows_once_in_watch_check(staged: Staged) -> None:
    before, after, again = staged.checks
    new_case = next(iter(staged.later.new_cases))
    assert new_case not in {c.case.id for c in before}
    assert (new_case, "new") in {(c.case.id, c.change) for c in after}
    assert again == []


def test_a_new_case_appears_in_its_watchlist_feed(staged: Staged) -> None:
    store = open_store(staged.db)
    try:
        body = watch_feed(store, WATCH, base_url="http://127.0.0.1:8000", self_url="http://127.0.0.1:8000/watch/cn-us.atom")
    finally:
        store.close()
    feed = feedparser.parse(body)
    assert feed.bozo == 0
    links = [entry.link for entry in feed.entries]
    new_case = next(iter(staged.later.new_cases))
    assert links.count(f"http://127.0.0.1:8000/cases/{new_case}") == 1
    assert all(entry.tags and {"CN", "US"} <= {t.term for t in entry.tags} for entry in feed.entries)


def test_corpus_csv_opens_with_the_csv_module(staged: Staged) -> None:
    rows = list(csv.DictReader(io.StringIO(staged.second["csv"], newline="")))
    assert rows and list(rows[0]) == list(CSV_COLUMNS)
    assert len(rows) == len(staged.second["jsonl"].splitlines())
    assert all(row["case_id"] for row in rows)
