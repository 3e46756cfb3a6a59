"""JSON Lines round trip through real databases: export, import into an empty one, export again."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from spyglass.export import export_cases
from spyglass.export.jsonl import LineError
from spyglass.pipeline import import_cases
from spyglass.records import Case
from spyglass.store import CaseQuery, Store, open_store

from .samples import cases, soldiers_case


def _export(store: Store) -> str:
    out = io.StringIO()
    export_cases(store, CaseQuery(), "jsonl", out)
    return out.getvalue()


def _import(store: Store, text: str, source: str = "cases.jsonl") -> list[Case | LineError]:
    return list(import_cases(io.BytesIO(text.encode("utf-8")), store, source=source))


@given(st.lists(cases(), max_size=4, unique_by=lambda case: case.id))
@settings(max_examples=20, deadline=None)
def test_export_import_export_gives_identical_output(found: list[Case]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first, second = open_store(str(Path(folder) / "a.db")), open_store(str(Path(folder) / "b.db"))
        try:
            for case in found:
                first.save_case(case, [])
            exported = _export(first)
            assert len(exported.splitlines()) == len(found)
            imported = _import(second, exported)
            assert all(isinstance(item, Case) for item in imported)
            assert _export(second) == exported
        finally:
            first.close()
            second.close()


def test_import_stores_blocking_keys_so_ingest_can_link_to_imported_cases(tmp_path: Path) -> None:
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        _import(store, _jsonl(soldiers_case()))
        assert [c.id for c in store.candidate_cases(["pair:CN>TW:2025"])] == ["case-tw-soldiers"]
        assert [c.id for c in store.candidate_cases(["name:chen"])] == ["case-tw-soldiers"]
    finally:
        store.close()


def test_bad_lines_are_reported_and_the_rest_imported(tmp_path: Path) -> None:
    good = _jsonl(soldiers_case())
    other = _jsonl(soldiers_case().model_copy(update={"id": "case-2"}))
    store = open_store(str(tmp_path / "db.sqlite"))
    try:
        found = _import(store, good + "{oops\n" + other, source="in.jsonl")
        assert [str(item) if isinstance(item, LineError) else item.id for item in found] == [
            "case-tw-soldiers", "in.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
            "case-2"]
        assert store.counts()["cases"] == 2
    finally:
        store.close()


def _jsonl(case: Case) -> str:
    from spyglass.export.jsonl import case_line

    return case_line(case) + "\n"
