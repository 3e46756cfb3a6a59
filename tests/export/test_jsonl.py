"""JSON Lines: the documented line shape, the paired reader, and one error per bad line."""

from __future__ import annotations

import io
import json

import pytest
from hypothesis import given, settings

from spyglass.export.jsonl import FORMAT, VERSION, LineError, case_line, read_jsonl, write_jsonl
from spyglass.records import Case

from .samples import SAMPLE_CASES, cases, soldiers_case


def test_line_starts_with_format_and_version_then_record_fields() -> None:
    data = json.loads(case_line(soldiers_case()))
    assert list(data)[:2] == ["format", "version"]
    assert (data["format"], data["version"]) == ("spyglass.case", 1) == (FORMAT, VERSION)
    assert list(data)[2:] == list(Case.model_fields)
    assert data["evidence"]["stage"]["sentence"].startswith("The court jailed")
    assert data["sources"][0]["url"] == "https://news.example/held"
    assert data["sentence_months"] == [70, 84]


def test_evidence_keys_are_sorted_so_equal_cases_give_equal_bytes() -> None:
    case = soldiers_case()
    shuffled = case.model_copy(update={"evidence": dict(reversed(list(case.evidence.items())))})
    assert case_line(case) == case_line(shuffled)


@pytest.mark.parametrize("make", SAMPLE_CASES)
def test_reader_returns_what_the_writer_wrote(make) -> None:
    out = io.StringIO()
    write_jsonl([make(), make()], out)
    assert list(read_jsonl(io.StringIO(out.getvalue()), "x.jsonl")) == [make(), make()]


@given(cases())
@settings(max_examples=60, deadline=None)
def test_any_case_survives_write_and_read(case: Case) -> None:
    line = case_line(case)
    assert line.splitlines() == [line]  # one case, one line, for any line-splitting reader
    assert list(read_jsonl([line.encode("utf-8")])) == [case]


GOOD = case_line(soldiers_case())


@pytest.mark.parametrize(("line", "problem"), [
    (b"{not json", "not valid JSON"),
    (b"[1, 2]", "not a JSON object"),
    (b'{"id": "x"}', "format is None, expected 'spyglass.case'"),
    (GOOD.replace('"version": 1', '"version": 2').encode(), "version 2 is not supported"),
    (GOOD.replace('"version": 1', '"version": "1"').encode(), "version '1' is not supported"),
    (GOOD.replace('"stage": "sentenced"', '"stage": "jailed"').encode(), "field stage:"),
    (GOOD.replace('"id": "case-tw-soldiers", ', "").encode(), "field id: Field required"),
    (b'{"format": "spyglass.case", "version": 1, "id": "\xff"}', "not UTF-8"),
])
def test_bad_line_is_reported_with_file_and_line(line: bytes, problem: str) -> None:
    found = list(read_jsonl([GOOD.encode() + b"\n", b"\n", line + b"\n", GOOD.encode() + b"\n"], "cases.jsonl"))
    assert [type(item) for item in found] == [Case, LineError, Case]
    error = found[1]
    assert isinstance(error, LineError)
    assert str(error).startswith("cases.jsonl:3: ")
    assert problem in str(error)
    assert "\n" not in str(error)


def test_unknown_keys_are_ignored_and_a_bom_is_skipped() -> None:
    data = json.loads(GOOD)
    data["added_in_a_later_release"] = {"x": 1}
    line = "\ufeff" + json.dumps(data)
    assert list(read_jsonl([line])) == [soldiers_case()]
