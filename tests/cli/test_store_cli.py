"""End-to-end tests of ingest, cases, case show/edit/merge/split, search and stats (subprocess)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # each test runs the real CLI; the shared database takes ~6 s to build

SRC = Path(__file__).resolve().parents[2] / "src"


def spyglass(*args: str, db: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run the installed command's entry point on this checkout, as a user would."""
    env = {**os.environ, "PYTHONPATH": str(SRC), "SPYGLASS_USER": "tester", "COLUMNS": "200"}
    if db is not None:
        env["SPYGLASS_DB"] = str(db)
    code = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"
    return subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env,
                          timeout=300, check=False)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "samples.db"
    done = spyglass("ingest", "--samples", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample database for tests that change it."""
    copy = tmp_path / "copy.db"
    shutil.copy(sample_db, copy)
    return copy


def _summary(stdout: str) -> dict[str, int]:
    """The closing summary table as {row: count}."""
    found = re.findall(r"^[│|]\s*(.+?)\s*[│|]\s*(\d+)\s*[│|]$", stdout, flags=re.MULTILINE)
    return {name: int(count) for name, count in found}


def _cases(db: Path, *filters: str) -> list[dict]:
    done = spyglass("cases", "--format", "jsonl", *filters, db=db)
    assert done.returncode == 0, done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def _mallory(db: Path) -> dict:
    [case] = [c for c in _cases(db) if any("Mallory" in n for n in c["accused_names"])]
    return case


def _one_line_error(done: subprocess.CompletedProcess[str], status: int, words: str) -> None:
    assert done.returncode == status, (done.stdout, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("spyglass: ") and words in lines[0], done.stderr


def test_ingest_prints_a_summary_and_a_rerun_stores_nothing(db: Path) -> None:
    again = spyglass("ingest", "--samples", db=db)
    assert again.returncode == 0, again.stderr
    rows = _summary(again.stdout)
    assert (rows["documents"], rows["stored"], rows["new cases"], rows["updated cases"]) == (0, 0, 0, 0)
    assert re.search(r"^spyglass: skipped \d+ file\(s\) an earlier run finished \(--redo reads them again\)$",
                     again.stderr, flags=re.MULTILINE), again.stderr
    redo = spyglass("ingest", "--samples", "--redo", db=db)
    assert redo.returncode == 0, redo.stderr
    rows = _summary(redo.stdout)
    assert rows["already stored"] > 0
    assert (rows["stored"], rows["new cases"], rows["updated cases"]) == (0, 0, 0)
    assert "skipped" not in redo.stderr


def test_ingest_exits_1_on_rejects_but_stores_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "junk.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "note.txt").write_text(
        "Spy jailed\n\nA former army officer was sentenced to eight years in prison on Monday for "
        "spying for Russia's GRU military intelligence service, a court in Tallinn said.\n",
        encoding="utf-8",
    )
    done = spyglass("ingest", str(folder), "--db", str(tmp_path / "x.db"))
    assert done.returncode == 1
    assert "rejected (binary)" in done.stderr
    assert "stored" in done.stdout and "rejected: binary" in done.stdout


def test_ingest_without_input_is_a_one_line_error(tmp_path: Path) -> None:
    _one_line_error(spyglass("ingest", "--db", str(tmp_path / "x.db")), 2, "nothing to ingest")


def test_two_bundled_reports_of_mallory_are_one_case_with_a_two_step_timeline(sample_db: Path) -> None:
    case = _mallory(sample_db)
    assert [e["stage"] for e in case["timeline"]][-1] == "sentenced" and len(case["timeline"]) == 2
    assert [e["date"][:7] for e in case["timeline"]] == ["2017-06", "2019-05"]
    assert len(case["sources"]) == 2


def test_cases_filters_and_table(sample_db: Path) -> None:
    assert _mallory(sample_db)["id"] in {c["id"] for c in _cases(sample_db, "--sponsor", "cn", "--target", "US")}
    chinese = {c["id"] for c in _cases(sample_db, "--sponsor", "cn")}
    # a country is accepted as a code, a name or a demonym, and means the same everywhere
    assert {c["id"] for c in _cases(sample_db, "--sponsor", "China")} == chinese
    assert {c["id"] for c in _cases(sample_db, "--sponsor", "Chinese")} == chinese
    mallory = _mallory(sample_db)
    named = _cases(sample_db, "--person", mallory["accused_names"][0].upper())
    assert [c["id"] for c in named] == [mallory["id"]]
    words = mallory["accused_names"][0].lower().split()
    partial = _cases(sample_db, "--person", f"{words[0]} {words[-1]}")  # "kevin mallory" for a middle-named man
    assert mallory["id"] in {c["id"] for c in partial}
    assert all(c["stage"] == "sentenced" for c in _cases(sample_db, "--stage", "sentenced"))
    table = spyglass("cases", "--limit", "3", db=sample_db)
    assert table.returncode == 0 and "of" in table.stdout.splitlines()[-1]
    assert table.stdout.splitlines()[-1].startswith("3 of ")


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (("cases", "--stage", "jailed"), 2, "unknown stage 'jailed'"),
        (("cases", "--sort", "colour"), 2, "bad --sort"),
        (("cases", "--format", "xml"), 2, "unknown format 'xml'"),
        (("case", "show", "c-000000000000"), 3, "c-000000000000"),
        (("case", "edit", "c-000000000000", "--set", "stage=convicted", "--why", "x"), 3, "c-000000000000"),
        (("search", "x", "--kind", "people"), 2, "unknown kind"),
    ],
)
def test_bad_requests_are_one_line_errors(sample_db: Path, args: tuple[str, ...], status: int, words: str) -> None:
    _one_line_error(spyglass(*args, db=sample_db), status, words)


def test_case_show_has_fields_evidence_timeline_and_sources(sample_db: Path) -> None:
    case = _mallory(sample_db)
    done = spyglass("case", "show", case["id"], db=sample_db)
    assert done.returncode == 0, done.stderr
    for words in ("Mallory", "timeline", "sentenced", "sources", "mentions", "“"):
        assert words in done.stdout, words


def test_case_edit_wins_and_is_audited(db: Path) -> None:
    case = _mallory(db)
    done = spyglass("case", "edit", case["id"], "--set", "stage=convicted", "--why", "plea deal reported", db=db)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("US, convicted")  # the title follows the corrected stage
    assert (_mallory(db)["stage"], _mallory(db)["title"][-9:]) == ("convicted", "convicted")
    again = spyglass("ingest", "--samples", db=db)
    assert again.returncode == 0 and _mallory(db)["stage"] == "convicted"
    shown = spyglass("case", "show", case["id"], db=db).stdout
    assert "stage: convicted  (corrected)" in shown and "plea deal reported" in shown and "tester" in shown


@pytest.mark.parametrize(
    ("setting", "words"),
    [("colour=red", "unknown case field 'colour'"), ("stage=jailed", "invalid value 'jailed' for stage")],
)
def test_case_edit_validates_field_and_value(db: Path, setting: str, words: str) -> None:
    _one_line_error(spyglass("case", "edit", _mallory(db)["id"], "--set", setting, "--why", "x", db=db), 2, words)


@pytest.mark.parametrize(("setting", "words"), [
    ('payments=[{"amount": "NaN", "currency": "USD"}]', "invalid value"),
    ('payments=[{"amount": 1e999, "currency": "USD"}]', "invalid value"),
    ("sponsor_country=QQ", "'QQ' is not an ISO 3166-1 alpha-2 country code"),
    ("period=2020-2015", "starts in 2020, after it ends (2015)"),
    ("accused_count=0", "0 is not a count between 1"),
])
def test_case_edit_refuses_values_no_page_could_show_and_stores_nothing(db: Path, setting: str, words: str) -> None:
    case = _mallory(db)
    done = spyglass("case", "edit", case["id"], "--set", "stage=convicted", "--set", setting, "--why", "x", db=db)
    _one_line_error(done, 2, words)
    assert _mallory(db) == case  # not even the valid stage=convicted before it
    assert spyglass("export", "--format", "stix", db=db).returncode == 0


def test_case_edit_takes_a_country_by_name_or_demonym(db: Path) -> None:
    case = _mallory(db)
    done = spyglass("case", "edit", case["id"], "--set", "sponsor_country=Russia", "--set",
                    "accused_nationality=American, Chinese", "--why", "re-read the indictment", db=db)
    assert done.returncode == 0, done.stderr
    edited = _mallory(db)
    assert (edited["sponsor_country"], edited["accused_nationality"]) == ("RU", ["US", "CN"])
    _one_line_error(spyglass("case", "edit", case["id"], "--set", "sponsor_country=Narnia", "--why", "x", db=db),
                    2, "'NARNIA' is not an ISO 3166-1 alpha-2 country code")


def test_case_edit_needs_a_reason(db: Path) -> None:
    done = spyglass("case", "edit", _mallory(db)["id"], "--set", "stage=convicted", db=db)
    assert done.returncode == 2 and "--why" in done.stderr


def test_merge_and_undo_merge_round_trip(db: Path) -> None:
    before = sorted(json.dumps(c, sort_keys=True) for c in _cases(db))
    mallory = _mallory(db)
    other = next(c for c in _cases(db, "--sponsor", "RU") if c["first_reported"])
    merged = spyglass("case", "merge", mallory["id"], other["id"], "--why", "testing", db=db)
    assert merged.returncode == 0, merged.stderr
    assert len(_cases(db)) == len(before) - 1
    kept = merged.stdout.split(" into ")[1].split(":")[0]
    gone = other["id"] if kept == mallory["id"] else mallory["id"]
    undone = spyglass("case", "split", kept, "--undo-merge", gone, "--why", "undo test", db=db)
    assert undone.returncode == 0, undone.stderr
    assert sorted(json.dumps(c, sort_keys=True) for c in _cases(db)) == before


def test_split_moves_a_mention_out(db: Path) -> None:
    case = _mallory(db)
    article, index = case["mentions"][-1]
    done = spyglass("case", "split", case["id"], "--mention", f"{article}:{index}", "--why", "two people", db=db)
    assert done.returncode == 0, done.stderr
    assert len([c for c in _cases(db) if any("Mallory" in n for n in c["accused_names"])]) == 2
    _one_line_error(spyglass("case", "split", case["id"], "--mention", "nope:1", "--why", "x", db=db), 2, "nope:1")


def test_search_finds_cases_and_articles(sample_db: Path) -> None:
    done = spyglass("search", "Mallory", db=sample_db)
    assert done.returncode == 0, done.stderr
    assert "case " in done.stdout and "article " in done.stdout
    assert spyglass("search", "zzzzqqq", db=sample_db).stdout.strip().endswith("0 hits")


def test_stats_shows_years_pairs_and_series(sample_db: Path) -> None:
    done = spyglass("stats", db=sample_db)
    assert done.returncode == 0, done.stderr
    for words in ("cases per year by sponsor", "cases per year by target", "top country pairs", "reported statistics"):
        assert words in done.stdout
    assert "CN → US" in done.stdout


# --- the development corpus (../shared/corpus; skipped when absent) --------------------------


@pytest.fixture(scope="module")
def corpus_db(corpus_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("corpus") / "corpus.db"
    done = spyglass("ingest", *(str(corpus_dir / d) for d in ("text", "html", "feeds")), "--db", str(db))
    assert done.returncode in (0, 1), done.stderr  # 1: some document rejected, the rest stored
    return db


def _seed_taiwan_cases(db: Path) -> set[str]:
    """Ids of cases the seed page reports with Taiwan as the prosecuting state."""
    from spyglass.store import CaseQuery, open_store

    store = open_store(str(db))
    try:
        return {
            case.id for case in store.iter_cases(CaseQuery(target=("TW",)))
            if any("seed-intelnews" in store.article(s.article_id).article.source for s in case.sources)
        }
    finally:
        store.close()


def test_stats_shows_each_reported_series_once_with_its_sources(corpus_db: Path) -> None:
    done = spyglass("stats", db=corpus_db)
    assert done.returncode == 0, done.stderr
    table = done.stdout[done.stdout.index("reported statistics"):]
    rows = [line for line in table.splitlines() if "people prosecuted for spying for China" in line
            and "│ TW" in line and "China:" not in line]
    assert len(rows) == 1, table  # the Taiwan series, reported by four corpus articles, is one row
    assert re.search(r"2024: 64 \((?:[2-9])\)", table)


def test_corpus_ingested_twice_keeps_the_same_cases(corpus_db: Path, corpus_dir: Path) -> None:
    before = sorted(c["id"] for c in _cases(corpus_db))
    again = spyglass("ingest", *(str(corpus_dir / d) for d in ("text", "html", "feeds")), db=corpus_db)
    assert _summary(again.stdout)["stored"] == 0
    assert sorted(c["id"] for c in _cases(corpus_db)) == before and len(before) > 0


def test_seed_taiwan_case_is_found_by_search_and_by_filters(corpus_db: Path) -> None:
    seed = _seed_taiwan_cases(corpus_db)
    assert seed, "the seed's Taiwan case was not linked into any case"
    found = spyglass("search", "Taiwan", "--limit", "50", db=corpus_db)
    assert seed & set(re.findall(r"c-[0-9a-f]{12}", found.stdout))
    assert seed & {c["id"] for c in _cases(corpus_db, "--sponsor", "CN", "--target", "TW")}


def test_bracketed_text_is_printed_as_written_not_as_markup(db: Path) -> None:
    case = _mallory(db)
    who = "[bold]ada[/bold]"
    done = spyglass("case", "edit", case["id"], "--set", "stage=convicted", "--why", "plea [sic]", "--who", who, db=db)
    assert done.returncode == 0, done.stderr
    shown = spyglass("case", "show", case["id"], db=db).stdout
    assert who in shown and "plea [sic]" in shown


@pytest.mark.parametrize("args", [("cases", "--sponsor", "Narnia"), ("cases", "--target", "ZZ"),
                                  ("export", "--format", "csv", "--sponsor", "Atlantis"),
                                  ("watch", "add", "nowhere", "--target", "Atlantis")])
def test_an_unknown_country_is_refused_in_one_line_naming_the_option(sample_db: Path, args: tuple[str, ...]) -> None:
    done = spyglass(*args, db=sample_db)
    option = next(a for a in args if a in ("--sponsor", "--target"))
    _one_line_error(done, 2, f"in {option}")
    assert "unknown country" in done.stderr


def test_listing_commands_print_table_jsonl_or_json_and_refuse_other_formats(sample_db: Path) -> None:
    listed = json.loads(spyglass("cases", "-f", "json", "--limit", "2", db=sample_db).stdout)
    assert set(listed) == {"items", "total", "limit", "offset"} and len(listed["items"]) == 2
    assert listed["total"] >= 2 and {"id", "stage", "evidence"} <= set(listed["items"][0])
    hits = [json.loads(line) for line in spyglass("search", "Taiwan", "-f", "jsonl", db=sample_db).stdout.splitlines()]
    assert hits and all({"kind", "id", "title", "snippet"} <= set(h) for h in hits)
    found = json.loads(spyglass("search", "Taiwan", "--format", "json", db=sample_db).stdout)
    assert found["total"] == len(found["items"]) == len(hits)
    figures = json.loads(spyglass("stats", "-f", "json", db=sample_db).stdout)
    assert set(figures) == {"counts", "cases_by_sponsor", "cases_by_target", "top_pairs", "reported_statistics"}
    case_id = listed["items"][0]["id"]
    shown = spyglass("case", "show", case_id, "-f", "jsonl", db=sample_db).stdout
    assert len(shown.strip().splitlines()) == 1 and json.loads(shown)["id"] == case_id
    for args in (("cases", "-f", "xml"), ("search", "Taiwan", "-f", "csv"), ("stats", "-f", "jsonl"),
                 ("case", "show", case_id, "--format", "yaml")):
        _one_line_error(spyglass(*args, db=sample_db), 2, "unknown format")


@pytest.mark.parametrize("command", ["ingest", "articles"])
def test_the_private_address_hint_names_an_option_the_command_has(tmp_path: Path, command: str) -> None:
    done = spyglass(command, "http://127.0.0.1:9/report.html", db=tmp_path / "x.db") if command == "ingest" \
        else spyglass(command, "http://127.0.0.1:9/report.html")
    assert "pass --allow-private" in done.stderr, done.stderr
    assert "--allow-private" in spyglass(command, "--help").stdout


def test_ingest_leaves_out_what_exclude_names_and_says_how_many(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    (folder / "drafts").mkdir(parents=True)
    story = ("A former navy engineer was sentenced on Tuesday to eight years in prison for passing submarine "
             "drawings to Chinese intelligence, a court in Kiel said.")
    (folder / "story.txt").write_text(story, encoding="utf-8")
    (folder / "drafts" / "draft.txt").write_text(story.replace("navy", "army"), encoding="utf-8")
    (folder / "notes.txt").write_text(story.replace("Kiel", "Bremen"), encoding="utf-8")
    db = tmp_path / "x.db"
    done = spyglass("ingest", str(folder), "--exclude", "drafts/*", "--exclude", "notes.*", db=db)
    assert done.returncode == 0, done.stderr
    assert "left out 2 file(s) matching --exclude" in done.stderr
    listed = json.loads(spyglass("cases", "-f", "json", db=db).stdout)
    assert listed["total"] == 1 and "Kiel" in json.dumps(listed["items"][0])
