"""End to end, as a user runs them: `spyglass export`, `spyglass import`, `spyglass watch ...`."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import feedparser
import pytest

from spyglass.export.csv import CSV_COLUMNS
from spyglass.store import open_store
from tests.export.samples import bare_case, hostile_case, soldiers_case

SRC = Path(__file__).resolve().parents[2] / "src"
# Run this checkout's code whatever the virtualenv's editable install points at.
LAUNCH = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"


def spyglass(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    env.pop("SPYGLASS_DB", None)
    return subprocess.run([sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True,
                          env=env, timeout=120, input=stdin.decode() if stdin else None)


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "cases.db")
    store = open_store(path)
    try:
        for case in (soldiers_case(), bare_case(), hostile_case()):
            store.save_case(case, [])
    finally:
        store.close()
    return path


def test_export_every_format_to_a_file(db: str, tmp_path: Path) -> None:
    for fmt in ("csv", "jsonl", "stix", "atom"):
        out = tmp_path / f"out.{fmt}"
        done = spyglass("export", "--db", db, "--format", fmt, "-o", str(out))
        assert done.returncode == 0, done.stderr
        assert f"as {fmt} to {out}" in done.stderr
        assert not (tmp_path / f"out.{fmt}.part").exists()
        text = out.read_text(encoding="utf-8")
        if fmt == "csv":
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
            assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 3
        elif fmt == "jsonl":
            assert {json.loads(line)["id"] for line in text.splitlines()} == {"case-tw-soldiers", "case-bare", "case-hostile"}
        elif fmt == "stix":
            assert json.loads(text)["type"] == "bundle"
        else:
            feed = feedparser.parse(text.encode("utf-8"))
            assert feed.bozo == 0 and len(feed.entries) == 3


@pytest.mark.parametrize(("filters", "expected"), [
    (["--sponsor", "cn"], {"case-tw-soldiers"}),
    (["--target", "DE", "--target", "TW"], {"case-tw-soldiers", "case-hostile"}),
    (["--stage", "charged"], {"case-hostile"}),
    ([], {"case-tw-soldiers", "case-bare", "case-hostile"}),
])
def test_export_filters_match_spyglass_cases(db: str, filters: list[str], expected: set[str]) -> None:
    done = spyglass("export", "--db", db, "-f", "jsonl", *filters)
    assert done.returncode == 0, done.stderr
    assert {json.loads(line)["id"] for line in done.stdout.splitlines()} == expected


@pytest.mark.parametrize(("args", "message"), [
    (["-f", "xml"], "--format 'xml' is not known; use one of: csv, jsonl, stix, atom"),
    (["--stage", "jailed"], "unknown stage 'jailed' in --stage; use one of:"),
    (["-f", "atom", "--base-url", "javascript:alert(1)//"], "--base-url 'javascript:alert(1)//' is not an http(s) URL"),
])
def test_export_refuses_bad_options_in_one_line(db: str, args: list[str], message: str) -> None:
    done = spyglass("export", "--db", db, *args)
    assert done.returncode == 2
    assert message in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_import_round_trip_with_a_bad_line(db: str, tmp_path: Path) -> None:
    exported = spyglass("export", "--db", db, "-f", "jsonl").stdout
    lines = exported.splitlines()
    damaged = tmp_path / "cases.jsonl"
    damaged.write_text("\n".join([lines[0], '{"format": "spyglass.case", "version": 9}', *lines[1:]]) + "\n")
    other = str(tmp_path / "other.db")
    done = spyglass("import", str(damaged), "--db", other)
    assert done.returncode == 1
    assert f"spyglass: {damaged}:2: version 9 is not supported" in done.stderr
    assert "imported 3 case(s)" in done.stderr and "1 bad line(s) skipped" in done.stderr
    assert spyglass("export", "--db", other, "-f", "jsonl").stdout == exported


@pytest.mark.parametrize(("change", "problem"), [
    ({"payments": [{"amount": float("nan"), "currency": "USD"}]}, "field payments.0.amount: Input should be a finite number"),
    ({"payments": [{"amount": float("inf"), "currency": "USD"}]}, "field payments.0.amount: Input should be a finite number"),
    ({"sponsor_country": "QQ"}, "field sponsor_country: 'QQ' is not an ISO 3166-1 alpha-2 country code"),
    ({"period": [1066, 1067]}, "field period: 1066 is not a year between 1800 and 2100"),
    ({"accused_count": -2}, "field accused_count: -2 is not a count between 1"),
    ({"accused_names": [" "]}, "field accused_names: ' ' must not be empty"),
    ({"id": "../../admin"}, "field id: '../../admin' is not a case id"),
    ({"first_reported": "yesterday"}, "field first_reported: 'yesterday' is not an ISO date"),
])
def test_import_refuses_values_no_page_could_show(db: str, tmp_path: Path, change: dict, problem: str) -> None:
    line = json.loads(spyglass("export", "--db", db, "-f", "jsonl").stdout.splitlines()[0])
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({**line, **change}) + "\n", encoding="utf-8")  # NaN, Infinity: as Python writes them
    other = str(tmp_path / "other.db")
    done = spyglass("import", str(bad), "--db", other)
    assert done.returncode == 1, done.stderr
    first, summary = done.stderr.splitlines()
    assert first.startswith(f"spyglass: {bad}:1: {problem}")
    assert summary == f"imported 0 case(s) from {bad}; 1 bad line(s) skipped"
    assert spyglass("export", "--db", other, "-f", "jsonl").stdout == ""


@pytest.mark.parametrize(("text", "problem"), [
    ("[" * 100_000 + "]" * 100_000, "not a case: JSON nested too deep or a number too long to read"),
    ('{"format": "spyglass.case", "version": 1, "id": "c-1", "accused_count": ' + "9" * 5000 + "}",
     "not a case: JSON nested too deep or a number too long to read"),
    ("\x00\x01binary\xff", "not UTF-8"),
    ("{bad", "not valid JSON"),
])
def test_import_of_a_malformed_file_is_one_line_per_bad_line(tmp_path: Path, text: str, problem: str) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(text.encode("utf-8", "surrogateescape") if "\xff" not in text else text.encode("latin-1"))
    done = spyglass("import", str(bad), "--db", str(tmp_path / "x.db"))
    assert done.returncode == 1, done.stderr
    first, summary = done.stderr.splitlines()
    assert first.startswith(f"spyglass: {bad}:1: {problem}") and summary.startswith("imported 0 case(s)")


def test_import_of_a_missing_file_says_so(tmp_path: Path) -> None:
    done = spyglass("import", str(tmp_path / "nope.jsonl"), "--db", str(tmp_path / "x.db"))
    assert done.returncode == 2 and "nope.jsonl: no such file" in done.stderr


@pytest.mark.slow  # a dozen CLI runs
def test_watch_lifecycle(db: str) -> None:
    assert spyglass("watch", "add", "china", "--sponsor", "CN", "--db", db).stdout.strip() == "watchlist china: --sponsor CN"
    assert spyglass("watch", "add", "china", "--db", db).returncode == 2
    assert spyglass("watch", "list", "--db", db).stdout.startswith("china\t--sponsor CN\tlast checked: never")

    first = spyglass("watch", "check", "china", "--db", db)
    assert first.stdout.splitlines() == [
        "new case   case-tw-soldiers  sentenced  CN->TW  Four Taiwanese soldiers jailed for spying for China"]
    assert spyglass("watch", "check", "china", "--db", db).stdout == ""

    store = open_store(db)
    try:
        store.save_case(soldiers_case().model_copy(update={"id": "case-new", "title": "New one", "stage": "charged"}), [])
    finally:
        store.close()
    assert spyglass("watch", "check", "china", "--db", db).stdout.splitlines() == [
        "new case   case-new  charged  CN->TW  New one"]
    assert spyglass("watch", "check", "china", "--db", db).stdout == ""

    store = open_store(db)
    try:
        store.save_case(soldiers_case().model_copy(update={"id": "case-new", "title": "New one", "stage": "convicted"}), [])
    finally:
        store.close()
    assert spyglass("watch", "check", "china", "--db", db).stdout.splitlines() == [
        "new stage  case-new  convicted  CN->TW  New one"]

    assert spyglass("watch", "remove", "china", "--db", db).returncode == 0
    assert spyglass("watch", "list", "--db", db).stdout == ""
    gone = spyglass("watch", "remove", "china", "--db", db)
    assert gone.returncode == 3 and "no watchlist named 'china'" in gone.stderr


def test_export_filters_by_accused_person(db: str) -> None:
    """`--person` is shared with `spyglass cases`: only the cases naming that accused are exported."""
    everything = spyglass("export", "--db", db, "--format", "jsonl")
    names = {case["id"]: case["accused_names"] for case in map(json.loads, everything.stdout.splitlines())}
    person = next(n[0] for n in names.values() if n)
    done = spyglass("export", "--db", db, "--format", "jsonl", "--person", person.upper())
    assert done.returncode == 0, done.stderr
    found = [json.loads(line) for line in done.stdout.splitlines()]
    assert found and all(person in case["accused_names"] for case in found)
    assert len(found) < len(names)


def test_an_atom_feed_cut_by_its_limit_says_so(db: str) -> None:
    cut = spyglass("export", "--db", db, "-f", "atom", "--limit", "2")
    assert cut.returncode == 0, cut.stderr
    assert len(feedparser.parse(cut.stdout.encode("utf-8")).entries) == 2
    assert "the feed holds the newest 2 of 3 matching cases; raise --limit for more" in cut.stderr
    whole = spyglass("export", "--db", db, "-f", "atom", "--limit", "5")
    assert "newest" not in whole.stderr
