"""CSV export: the columns a spreadsheet user expects, readable by Python's csv module, formula-safe."""

from __future__ import annotations

import csv
import io

import pytest

from spyglass.export.csv import CSV_COLUMNS, safe_cell, write_csv

from .samples import bare_case, hostile_case, soldiers_case


def _rows(*cases) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    assert write_csv(cases, out) == len(cases)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def test_header_is_the_documented_columns() -> None:
    out = io.StringIO()
    write_csv([], out)
    assert next(csv.reader(io.StringIO(out.getvalue()))) == list(CSV_COLUMNS)


@pytest.mark.parametrize(("column", "expected"), [
    ("case_id", "case-tw-soldiers"),
    ("stage", "sentenced"),
    ("sponsor_country", "CN"),
    ("sponsor_country_name", "China"),
    ("sponsor_service", "svc.cn.mss"),  # stored as the service's id
    ("sponsor_service_name", "Ministry of State Security"),
    ("target_country", "TW"),
    ("target_country_name", "Taiwan"),
    ("accused_count", "4"),
    ("accused_names", "Chen Wei; Lin Hao"),
    ("accused_nationality", "TW"),
    ("roles", "soldier"),
    ("sentence_min_months", "70"),
    ("sentence_max_months", "84"),
    ("payments", "7000 USD; 20000 USD"),
    ("payment_amounts", "7000; 20000"),
    ("payment_currencies", "USD; USD"),
    ("period", "2002-2024"),
    ("period_start", "2002"),
    ("period_end", "2024"),
    ("first_reported", "2024-05-02"),
    ("last_reported", "2025-03-28"),
    ("timeline", "2024-05 arrested; 2025-03-28 sentenced"),
    ("source_count", "2"),
    ("sources", "https://news.example/held; https://news.example/jailed"),
])
def test_full_case_row(column: str, expected: str) -> None:
    assert _rows(soldiers_case())[0][column] == expected


def test_empty_values_are_empty_cells() -> None:
    row = _rows(bare_case())[0]
    assert {k for k, v in row.items() if v} == {"case_id", "source_count"}


@pytest.mark.parametrize(("value", "written"), [
    ("=1+1", "'=1+1"),
    ("+cmd", "'+cmd"),
    ("-2+3", "'-2+3"),
    ("@SUM(A1)", "'@SUM(A1)"),
    ("\tclerk", "'\tclerk"),
    ("Ané", "Ané"),
    ("a=b", "a=b"),
    (42, 42),
    (None, ""),
])
def test_formula_guard(value: object, written: object) -> None:
    assert safe_cell(value) == written  # type: ignore[arg-type]


def test_hostile_case_cells_are_defused_and_unicode_kept() -> None:
    row = _rows(hostile_case())[0]
    assert row["title"].startswith("'=HYPERLINK")
    assert row["accused_names"] == "'-2+3; @SUM(A1); +cmd|' /C calc'!A0; Ané Ünal"
    assert row["roles"] == "'\tclerk"
    assert row["sentence_max_months"] == "life"
    assert row["timeline"] == "undated charged"
    assert row["sources"] == "article:art-x"
    for column, cell in row.items():
        assert not cell.startswith(("=", "+", "-", "@")), column
