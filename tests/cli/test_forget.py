"""End-to-end tests of `spyglass forget source` and `forget article` over the bundled samples (subprocess)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spyglass.store import open_store

pytestmark = pytest.mark.slow  # each test runs the real CLI over a database of the ingested samples

SRC = Path(__file__).resolve().parents[2] / "src"
MALLORY = "Kevin Patrick Mallory"
LEDGER = "capitol-ledger-mallory-sentenced-2019.html"  # one of the two sources of Mallory's case
HANSSEN = "Robert Philip Hanssen"  # a case of one article


def spyglass(*args: str, db: Path, stdin: int | None = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    """The real command on this checkout; stdin is not a terminal unless a test says otherwise."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "SPYGLASS_USER": "tester", "SPYGLASS_DB": str(db), "COLUMNS": "200"}
    code = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          stdin=stdin, timeout=120, check=False)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("forget") / "samples.db"
    done = spyglass("ingest", "--samples", db=db)
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy


def _case_of(db: Path, name: str) -> dict | None:
    done = spyglass("cases", "--format", "jsonl", db=db)
    assert done.returncode == 0, done.stderr
    found = [c for c in map(json.loads, done.stdout.splitlines()) if name in c["accused_names"]]
    return found[0] if found else None


def _source_of(db: Path, article_id: str) -> str:
    store = open_store(str(db))
    try:
        return store.article(article_id).article.source
    finally:
        store.close()


def _ledger(db: Path) -> tuple[dict, str]:
    """Mallory's case and the source path of the ledger article reporting it."""
    case = _case_of(db, MALLORY)
    assert case is not None
    [source] = [s for s in (_source_of(db, a["article_id"]) for a in case["sources"]) if s.endswith(LEDGER)]
    return case, source


def test_forgetting_a_source_rebuilds_its_case_and_keeps_the_correction(db: Path) -> None:
    case, source = _ledger(db)
    edited = spyglass("case", "edit", case["id"], "--set", "title=The Mallory file", "--why", "our name", db=db)
    assert edited.returncode == 0, edited.stderr
    done = spyglass("forget", "source", source, "--why", "paywalled copy", "--yes", db=db)
    assert done.returncode == 0, done.stderr
    assert f"forgot source {source}: 1 article(s), 1 case(s) rebuilt, 0 removed" in done.stdout
    after = _case_of(db, MALLORY)
    assert after is not None and after["id"] == case["id"]
    assert after["title"] == "The Mallory file"  # the analyst's correction still wins
    assert len(after["sources"]) == len(case["sources"]) - 1
    assert not any(LEDGER in (s.get("url") or "") + (s.get("title") or "") for s in after["sources"])
    shown = spyglass("case", "show", case["id"], db=db).stdout
    assert "forget" in shown and "paywalled copy" in shown and "tester" in shown


def test_forgetting_an_article_removes_a_case_left_with_no_report(db: Path) -> None:
    case = _case_of(db, HANSSEN)
    assert case is not None and len(case["sources"]) == 1
    article_id = case["sources"][0]["article_id"]
    done = spyglass("forget", "article", article_id, "--why", "wrong page", "--yes", "--who", "ana", db=db)
    assert done.returncode == 0, done.stderr
    assert f"case removed: {case['id']}" in done.stdout
    assert _case_of(db, HANSSEN) is None
    gone = spyglass("case", "show", case["id"], db=db)
    assert gone.returncode == 3 and gone.stderr.startswith("spyglass: no case")


def test_a_dry_run_lists_what_would_go_and_changes_nothing(db: Path) -> None:
    case, source = _ledger(db)
    before = spyglass("stats", "--format", "json", db=db).stdout
    done = spyglass("forget", "source", source, "--dry-run", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"would forget source {source}: 1 article(s), 1 case(s) rebuilt")
    assert f"case rebuilt: {case['id']}" in done.stdout
    assert spyglass("stats", "--format", "json", db=db).stdout == before


def test_without_yes_and_no_terminal_to_ask_nothing_is_forgotten(db: Path) -> None:
    case, source = _ledger(db)
    done = spyglass("forget", "source", source, "--why", "junk", db=db)  # stdin: /dev/null, never waits
    assert done.returncode == 2
    assert done.stderr.strip().splitlines()[-1] == (
        f"spyglass: not forgetting source {source} without confirmation; add --yes to forget without asking")
    assert _case_of(db, MALLORY) == case


def test_an_archive_is_named_by_its_path_and_goes_with_its_records(db: Path) -> None:
    case = _case_of(db, "Anna Chapman")
    assert case is not None
    archive = _source_of(db, case["sources"][0]["article_id"]).split("#", 1)[0]  # "…/illegals-2010.warc.gz"
    done = spyglass("forget", "source", archive, "--dry-run", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"would forget source {archive}: 2 article(s)")


@pytest.mark.parametrize(("answer", "status", "forgotten"), [("y", 0, True), ("n", 1, False), ("", 1, False)])
def test_on_a_terminal_it_asks_first(db: Path, answer: str, status: int, forgotten: bool) -> None:
    case, source = _ledger(db)
    terminal, typed = os.openpty()  # stdin a terminal, as when a person runs it
    try:
        os.write(typed, f"{answer}\n".encode())
        done = spyglass("forget", "source", source, "--why", "junk", db=db, stdin=terminal)
    finally:
        os.close(terminal)
        os.close(typed)
    assert done.returncode == status, done.stderr
    assert f"will forget source {source}" in done.stdout and f"forget source {source}? [y/N]" in done.stdout
    after = _case_of(db, MALLORY)
    assert after is not None and (len(after["sources"]) < len(case["sources"])) == forgotten


@pytest.mark.parametrize(("args", "status", "message"), [
    (("source", "news/nope.html", "--why", "x", "--yes"), 3, "spyglass: no source 'news/nope.html' in "),
    (("article", "no-such-article", "--why", "x", "--yes"), 3, "spyglass: no article 'no-such-article' in "),
    (("article", "no-such-article", "--dry-run"), 3, "spyglass: no article 'no-such-article' in "),
    (("source", LEDGER, "--dry-run"), 3, f"spyglass: no source '{LEDGER}' in "),
])
def test_an_unknown_name_is_one_line_and_an_error_status(db: Path, args: tuple[str, ...], status: int,
                                                          message: str) -> None:
    done = spyglass("forget", *args, db=db)
    assert done.returncode == status
    assert done.stderr.startswith(message) and len(done.stderr.strip().splitlines()) == 1
    if args[1] == LEDGER:  # the file named without its folder: the stored name is offered
        assert "did you mean " in done.stderr and f"/{LEDGER}? " in done.stderr


def test_forgetting_needs_a_reason(db: Path) -> None:
    _, source = _ledger(db)
    done = spyglass("forget", "source", source, "--yes", db=db)
    assert done.returncode == 2
    assert done.stderr.startswith(f"spyglass: forgetting source {source} needs a reason; add --why")
