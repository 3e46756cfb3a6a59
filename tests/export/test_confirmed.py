"""Exports mark the fields an analyst checked: confirmed in the review queue (while the value
stands) or corrected. CSV has a ``confirmed_fields`` column, JSON Lines a ``confirmed_fields``
list, STIX the campaign's extension and description; the STIX bundle stays valid."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from spyglass.export import export_cases, read_jsonl
from spyglass.records import Case, Correction
from spyglass.store import CaseQuery, Store, open_store
from tests.reviewdata import TAIPEI, report, save_taipei

from .stixcheck import problems

FIRST, SECOND = report("t1", "2025-01-10", 84), report("t2", "2025-03-02", 96)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "exports.db"))
    save_taipei(opened, FIRST, SECOND)
    opened.save_case(Case(id="c-other", title="Other", sponsor_country="RU", stage="charged"), [])
    try:
        yield opened
    finally:
        opened.close()


def _export(store: Store, fmt: str) -> str:
    out = io.StringIO()
    export_cases(store, CaseQuery(), fmt, out)  # type: ignore[arg-type]
    return out.getvalue()


def _csv_marks(store: Store) -> dict[str, str]:
    return {row["case_id"]: row["confirmed_fields"] for row in csv.DictReader(io.StringIO(_export(store, "csv")))}


def _jsonl_marks(store: Store) -> dict[str, Any]:
    return {line["id"]: line.get("confirmed_fields") for line in map(json.loads, _export(store, "jsonl").splitlines())}


def _campaign(store: Store, case_id: str) -> dict[str, Any]:
    bundle = _export(store, "stix")
    errors, warnings = problems(bundle)
    assert errors == [] and warnings == [], (errors, warnings)
    [campaign] = [o for o in json.loads(bundle)["objects"] if o["type"] == "campaign" and case_id in o["aliases"]]
    return campaign


def _extension(campaign: dict[str, Any]) -> dict[str, Any]:
    [values] = campaign["extensions"].values()
    return values


def _check(store: Store) -> None:
    store.confirm(TAIPEI, "sentence_months", "ana", "the ruling")
    store.add_correction(Correction(case_id=TAIPEI, field="stage", value="convicted", why="court record",
                                    who="ana", at="2026-01-02T03:04:05.000000+00:00"))


def test_unreviewed_cases_carry_no_marks(store: Store) -> None:
    assert _csv_marks(store) == {TAIPEI: "", "c-other": ""}
    assert _jsonl_marks(store) == {TAIPEI: None, "c-other": None}
    campaign = _campaign(store, TAIPEI)
    assert "confirmed_fields" not in _extension(campaign) and "Confirmed by an analyst" not in campaign["description"]


def test_confirmed_and_corrected_fields_are_marked_in_every_format(store: Store) -> None:
    _check(store)
    assert _csv_marks(store) == {TAIPEI: "stage; sentence_months", "c-other": ""}
    assert _jsonl_marks(store) == {TAIPEI: ["stage", "sentence_months"], "c-other": None}
    campaign = _campaign(store, TAIPEI)
    assert _extension(campaign)["confirmed_fields"] == ["stage", "sentence_months"]
    assert "Confirmed by an analyst: stage, sentence_months" in campaign["description"]
    assert "confirmed_fields" not in _extension(_campaign(store, "c-other"))


def test_a_marked_export_imports_again(store: Store) -> None:
    _check(store)
    found = list(read_jsonl(io.StringIO(_export(store, "jsonl")), source="cases.jsonl"))
    assert sorted(case.id for case in found if isinstance(case, Case)) == ["c-other", TAIPEI]


def test_a_confirmation_a_newer_report_overtook_is_no_longer_marked(store: Store) -> None:
    store.confirm(TAIPEI, "sentence_months", "ana")
    save_taipei(store, FIRST, SECOND, report("t3", "2025-06-20", 120))
    assert _csv_marks(store)[TAIPEI] == ""
    assert _jsonl_marks(store)[TAIPEI] is None
