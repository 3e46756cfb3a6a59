"""End to end: the real `spyglass extract` command on a temporary file, checked against the jsonl contract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import spyglass

ARTICLE = """Navy sailor jailed for 16 years for spying for China
March 3, 2025 by A. Writer
A US Navy sailor was sentenced on Monday to 16 years in prison for passing classified information to a Chinese intelligence officer. Prosecutors said the sailor, Jinchao Wei, was paid more than $12,000 between 2022 and 2023.
The National Security Bureau said 64 people were prosecuted for spying for China in 2024, up from 48 in 2023, according to its annual report.
"""

FILM_REVIEW = """Review: a cold war thriller that forgets to thrill
March 3, 2025 by A. Critic
The film follows an MI5 officer who suspects her mentor of passing secrets to the KGB. The plot is thin, the cast is excellent and the running time is far too long. In cinemas from Friday; three stars.
"""

TOP_LEVEL = {"source", "item", "kind", "title", "published", "url", "language", "is_espionage", "relevance", "cases", "stats"}
CASE_FIELDS = {
    "accused_count", "accused_names", "accused_nationality", "roles", "sponsor_country", "sponsor_service",
    "target_country", "stage", "sentence_months", "payments", "period", "evidence", "summary",
}
EVIDENCE = {"sentence", "start", "end", "rule", "confidence", "quote", "quote_start", "quote_end"}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed `spyglass` script, importing the package under test."""
    script = shutil.which("spyglass", path=str(Path(sys.executable).parent)) or "spyglass"
    src = str(Path(spyglass.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": src + os.pathsep + os.environ.get("PYTHONPATH", ""), "COLUMNS": "220"}
    return subprocess.run([script, "extract", *args], capture_output=True, text=True, env=env, timeout=120)


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("extract")
    (folder / "case.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "review.txt").write_text(FILM_REVIEW, encoding="utf-8")
    return {"case": folder / "case.txt", "review": folder / "review.txt", "missing": folder / "missing.txt"}


@pytest.fixture(scope="module")
def jsonl(files: dict[str, Path]) -> list[dict]:
    done = run(str(files["case"]), str(files["review"]), "--format", "jsonl")
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


@pytest.mark.slow
def test_one_object_per_article_with_the_contract_fields(jsonl: list[dict], files: dict[str, Path]) -> None:
    assert [line["source"] for line in jsonl] == [str(files["case"]), str(files["review"])]
    for line in jsonl:
        assert TOP_LEVEL <= set(line)
        assert set(line["relevance"]) == {"score", "reasons"}
        assert isinstance(line["is_espionage"], bool)


@pytest.mark.slow
def test_case_article_yields_cases_with_evidence_and_stats(jsonl: list[dict]) -> None:
    case = jsonl[0]
    assert case["is_espionage"] is True
    assert case["cases"], "an espionage article with a sentence reports a case"
    for found in case["cases"]:
        assert CASE_FIELDS <= set(found)
        assert found["sentence_months"] is None or len(found["sentence_months"]) == 2
        assert all(set(p) == {"amount", "currency"} for p in found["payments"])
        for evidence in found["evidence"].values():
            assert set(evidence) == EVIDENCE
            assert 0.0 <= evidence["confidence"] <= 1.0
            assert evidence["quote"] == evidence["sentence"][evidence["quote_start"] : evidence["quote_end"]]
    assert {(s["year"], s["value"]) for s in case["stats"]} == {(2024, 64), (2023, 48)}
    assert all(s["subject"] and set(s["evidence"]) == EVIDENCE for s in case["stats"])


@pytest.mark.slow
def test_film_review_is_not_espionage_and_carries_nothing(jsonl: list[dict]) -> None:
    review = jsonl[1]
    assert (review["is_espionage"], review["cases"], review["stats"]) == (False, [], [])
    assert review["relevance"]["score"] < 0.5


@pytest.mark.slow
def test_rejected_input_is_one_line_on_stderr_and_exit_1(files: dict[str, Path]) -> None:
    done = run(str(files["missing"]), str(files["review"]))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and str(files["missing"]) in lines[0]
    assert len(done.stdout.splitlines()) == 1, "the other input is still extracted"


@pytest.mark.slow
def test_table_format_shows_evidence_sentences(files: dict[str, Path]) -> None:
    done = run(str(files["case"]), "--format", "table")
    assert done.returncode == 0, done.stderr
    assert "case 1" in done.stdout
    assert "Chinese intelligence" in done.stdout
    assert "statistics" in done.stdout
