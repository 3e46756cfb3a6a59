"""End-to-end tests of `spyglass review`, `review confirm` and `review correct` (subprocess, real ingest)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from .test_store_cli import spyglass

pytestmark = pytest.mark.slow  # each test runs the real CLI over the ingested samples


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("review") / "samples.db"
    done = spyglass("ingest", "--samples", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy


def _queue(db: Path, *options: str) -> list[dict]:
    done = spyglass("review", "-f", "jsonl", *options, db=db)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _mallory_stage(db: Path) -> dict:
    [item] = [i for i in _queue(db, "--limit", "1000", "--field", "stage") if "Mallory" in i["case_title"]]
    return item


def test_review_lists_the_most_doubtful_fields_first_each_with_why(sample_db: Path) -> None:
    items = _queue(sample_db, "--limit", "8")
    assert len(items) == 8
    assert [i["doubt"] for i in items] == sorted((i["doubt"] for i in items), reverse=True)
    assert all(i["reasons"] and i["reasons"][0]["text"].startswith(("confidence 0.", "no evidence")) for i in items)
    mallory = _mallory_stage(sample_db)
    assert [r["text"] for r in mallory["reasons"]][1:] == ["changed by report of 2019-05-17: charged → sentenced"]
    table = spyglass("review", "--limit", "3", db=sample_db)
    assert table.returncode == 0 and "why queued" in table.stdout
    assert "3 of " in table.stdout and "confirm with `spyglass review confirm CASE FIELD`" in table.stdout


def test_review_json_is_one_envelope_and_filters_narrow_it(sample_db: Path) -> None:
    done = spyglass("review", "-f", "json", "--limit", "2", "--offset", "1", db=sample_db)
    body = json.loads(done.stdout)
    assert set(body) == {"items", "total", "scanned", "limit", "offset"} and (body["limit"], body["offset"]) == (2, 1)
    assert len(body["items"]) == 2 and body["total"] > 2
    chinese = _queue(sample_db, "--sponsor", "China", "--limit", "1000")
    assert chinese and all("CN →" in i["case_title"] for i in chinese)
    assert {i["field"] for i in _queue(sample_db, "--field", "roles", "--limit", "1000")} == {"roles"}


def test_confirm_is_audited_leaves_the_queue_survives_re_ingest_and_is_exported(db: Path) -> None:
    case_id = _mallory_stage(db)["case_id"]
    done = spyglass("review", "confirm", case_id, "stage", "--why", "DOJ press release", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f'{case_id}: stage = "sentenced" confirmed by tester'
    assert case_id not in {i["case_id"] for i in _queue(db, "--field", "stage", "--limit", "1000")}
    shown = spyglass("case", "show", case_id, db=db).stdout
    assert "tester  confirm  stage = \"sentenced\" confirmed  — DOJ press release" in shown
    assert "stage: sentenced  (confirmed)" in shown
    again = spyglass("ingest", "--samples", "--redo", db=db)  # read every sample again
    assert again.returncode == 0, again.stderr
    assert case_id not in {i["case_id"] for i in _queue(db, "--field", "stage", "--limit", "1000")}
    exported = spyglass("export", "--format", "jsonl", db=db).stdout
    [line] = [json.loads(x) for x in exported.splitlines() if json.loads(x)["id"] == case_id]
    assert line["confirmed_fields"] == ["stage"]


def test_correct_goes_through_case_edit_and_leaves_the_queue(db: Path) -> None:
    case_id = _mallory_stage(db)["case_id"]
    done = spyglass("review", "correct", case_id, "sentence_months", "240", "--why", "20 years per the judgment", db=db)
    assert done.returncode == 0, done.stderr
    case = json.loads(spyglass("case", "show", case_id, "-f", "json", db=db).stdout)
    assert case["sentence_months"] == [240, 240]
    assert (case_id, "sentence_months") not in {(i["case_id"], i["field"]) for i in _queue(db, "--limit", "1000")}


@pytest.mark.parametrize(("args", "status", "words"), [
    (("review", "confirm", "c-nope", "stage"), 3, "no case 'c-nope' to confirm"),
    (("review", "confirm", "CASE", "colour"), 2, "'colour' is not a case field"),
    (("review", "--field", "colour"), 2, "'colour' is not a case field"),
    (("review", "-f", "xml"), 2, "unknown format 'xml'"),
    (("review", "--sponsor", "Narnia"), 2, "unknown country 'Narnia' in --sponsor"),
    (("review", "--limit", "0"), 2, "bad --limit"),
    (("review", "correct", "CASE", "stage", "convicted"), 2, "--why"),
])
def test_bad_requests_are_one_line_errors(sample_db: Path, args: tuple[str, ...], status: int, words: str) -> None:
    if "CASE" in args:
        args = tuple(_queue(sample_db, "--limit", "1")[0]["case_id"] if a == "CASE" else a for a in args)
    done = spyglass(*args, db=sample_db)
    lines = done.stderr.strip().splitlines()
    assert done.returncode == status and len(lines) == 1 and lines[0].startswith("spyglass: ") and words in lines[0], done.stderr
