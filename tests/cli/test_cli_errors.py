"""Bad input to the CLI ends in one `spyglass: ...` line and an exit status, never a traceback.

One test per case of issue 13's table: a malformed database URL, a damaged SQLite file under
`stats`, `search` and `ingest` (and `spyglass doctor` naming the damage), `export -o` into a
missing folder or onto a folder, `import` of a malformed file or a folder, and a database
folder or import file the user may not read. The commands run as a user runs them, in a
subprocess, on real files.

Permission tests need a process that file permissions apply to: as root, the command runs
under ``setpriv`` without the capabilities that let root read anything (CAP_DAC_OVERRIDE and
CAP_DAC_READ_SEARCH); where that is impossible they are skipped with that reason.
A malformed ``SPYGLASS_*`` setting and inputs behind a locked folder are covered too.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
LAUNCH = "import sys; sys.argv[0] = 'spyglass'; from spyglass.cli import main; main()"
UNPRIVILEGED = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search"]


def spyglass(*args: str, unprivileged: bool = False, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC), "COLUMNS": "200"}
    env.pop("SPYGLASS_DB", None)
    prefix = UNPRIVILEGED if unprivileged and os.geteuid() == 0 else []
    return subprocess.run([*prefix, sys.executable, "-c", LAUNCH, *args], capture_output=True, text=True,
                          env=env, timeout=300, check=False, input=stdin)


def one_line_error(done: subprocess.CompletedProcess[str], status: int, *words: str) -> str:
    """The single stderr line of a failed command, checked for status, words and no traceback."""
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == status, (done.returncode, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert lines[0].startswith("spyglass: "), lines[0]
    for word in words:
        assert word in lines[0], (word, lines[0])
    return lines[0]


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("errors") / "samples.db"
    done = spyglass("ingest", "--samples", "--db", str(db))
    assert done.returncode == 0, done.stderr
    return db


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "cases.db"
    shutil.copy(sample_db, copy)
    return copy


def _damaged(path: Path, how: str) -> Path:
    """Damage a real database file as disks and careless copies do."""
    data = path.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    kept = {"zeroed": 0, "pages after the first zeroed": page, "second half zeroed": len(data) // 2}[how]
    path.write_bytes(data[:kept] + bytes(len(data) - kept))
    return path


DAMAGE = ["zeroed", "pages after the first zeroed", "second half zeroed"]
COMMANDS = [("stats",), ("search", "Mallory"), ("ingest", "-")]


def test_a_malformed_database_url_is_one_line(tmp_path: Path) -> None:
    done = spyglass("cases", "--db", "postgresql://[bad")
    one_line_error(done, 1, "cannot open database postgresql://[bad: malformed URL", "postgresql://user")


@pytest.mark.slow
@pytest.mark.parametrize("how", DAMAGE)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_damaged_database_is_named_as_such(db: Path, how: str, command: tuple[str, ...]) -> None:
    _damaged(db, how)
    done = spyglass(*command, "--db", str(db), stdin="A new story: an engineer was charged with spying.\n")
    one_line_error(done, 1, f"database {db} is damaged or not a Spyglass database", "spyglass doctor")


@pytest.mark.slow
def test_doctor_finds_a_sound_database_sound(db: Path) -> None:
    done = spyglass("doctor", "--db", str(db))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"database {db}: sound (sqlite, schema version ")
    assert re.search(r"; \d+ articles, .* [1-9]\d* cases, ", done.stdout), done.stdout


@pytest.mark.slow
@pytest.mark.parametrize("how", DAMAGE)
def test_doctor_names_the_damage(db: Path, how: str) -> None:
    _damaged(db, how)
    done = spyglass("doctor", "--db", str(db))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    last = done.stderr.splitlines()[-1]
    assert last.startswith(f"spyglass: database {db} is damaged")
    assert last.endswith("restore a backup or ingest into a new file")


def test_doctor_does_not_create_a_database_that_is_not_there(tmp_path: Path) -> None:
    one_line_error(spyglass("doctor", "--db", str(tmp_path / "typo.db")), 1, "no database at")
    assert not (tmp_path / "typo.db").exists()


def test_export_into_a_missing_folder(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "cases.json"
    one_line_error(spyglass("export", "--db", str(db), "-f", "stix", "-o", str(target)), 2,
                   f"cannot write {target}: folder", "does not exist; create the folder first")


def test_export_onto_a_folder(db: Path, tmp_path: Path) -> None:
    one_line_error(spyglass("export", "--db", str(db), "-o", str(tmp_path)), 2,
                   f"cannot write {tmp_path}: it is a folder; give a file name")
    assert not list(tmp_path.glob("*.part"))


def test_import_of_a_folder(tmp_path: Path) -> None:
    one_line_error(spyglass("import", str(tmp_path), "--db", str(tmp_path / "x.db")), 2, "is a folder")
    assert not (tmp_path / "x.db").exists()


def test_import_of_a_malformed_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text("[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    done = spyglass("import", str(bad), "--db", str(tmp_path / "x.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"spyglass: {bad}:1: not a case: JSON nested too deep or a number too long to read",
        f"imported 0 case(s) from {bad}; 1 bad line(s) skipped",
    ]


@pytest.fixture
def permissions_apply(tmp_path: Path) -> Iterator[None]:
    """Skip unless a command started by ``spyglass(..., unprivileged=True)`` is bound by file modes."""
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        prefix = UNPRIVILEGED if os.geteuid() == 0 else []
        if prefix and shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: file permissions cannot be tested")
        try:
            readable = subprocess.run([*prefix, "cat", str(probe)], capture_output=True, check=False).returncode == 0
        except OSError:
            readable = True
        if readable:
            pytest.skip("this process reads files whatever their mode (root with CAP_DAC_OVERRIDE)")
        yield
    finally:
        probe.chmod(0o600)


@pytest.mark.slow
def test_a_database_folder_without_read_permission(db: Path, tmp_path: Path, permissions_apply: None) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    inside = folder / "cases.db"
    shutil.move(db, inside)
    folder.chmod(0)
    try:
        done = spyglass("stats", "--db", str(inside), unprivileged=True)
    finally:
        folder.chmod(0o700)
    one_line_error(done, 1, f"cannot open database {inside}", "Permission denied", "check the permissions")


@pytest.mark.slow
def test_an_import_file_without_read_permission(db: Path, tmp_path: Path, permissions_apply: None) -> None:
    exported = tmp_path / "cases.jsonl"
    assert spyglass("export", "--db", str(db), "-o", str(exported)).returncode == 0
    exported.chmod(0)
    try:
        done = spyglass("import", str(exported), "--db", str(tmp_path / "other.db"), unprivileged=True)
    finally:
        exported.chmod(0o600)
    one_line_error(done, 2, f"{exported}: cannot read it (Permission denied)", "check the file's permissions")
    assert not (tmp_path / "other.db").exists()  # the database is not touched for a file it cannot read


def test_a_malformed_setting_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPYGLASS_TIMEOUT", "soon")
    done = spyglass("cases", "--db", str(tmp_path / "x.db"))
    one_line_error(done, 2, "SPYGLASS_TIMEOUT='soon' is not a number; set it to e.g. 20.0 or unset it")


def test_inputs_behind_a_folder_without_permission_are_unreadable_not_missing(
    tmp_path: Path, permissions_apply: None
) -> None:
    locked = tmp_path / "news" / "locked"
    locked.mkdir(parents=True)
    (locked / "story.txt").write_text("An engineer was charged with spying.\n")
    (tmp_path / "news" / "open.txt").write_text("A diplomat was expelled for spying.\n")
    locked.chmod(0)
    try:
        done = spyglass("articles", str(tmp_path / "news"), str(locked / "story.txt"), unprivileged=True)
    finally:
        locked.chmod(0o700)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert done.stderr.splitlines() == [
        f"{locked}: rejected (unreadable): cannot list the folder (Permission denied); check its permissions",
        f"{locked / 'story.txt'}: rejected (unreadable): cannot reach the file (Permission denied)",
        "spyglass: 2 input(s) rejected",
    ]
    assert "open.txt" in done.stdout


@pytest.mark.parametrize(("args", "words"), [
    (("nosuchcmd",), "No such command 'nosuchcmd'; see `spyglass --help`"),
    (("cases", "--limit", "abc"), "Invalid value for '--limit'"),
    (("cases", "--nope"), "No such option: --nope; see `spyglass cases --help`"),
    (("case", "show"), "Missing argument 'CASE'; see `spyglass case show --help`"),
])
def test_a_usage_error_is_one_line_never_a_boxed_panel(args: tuple[str, ...], words: str) -> None:
    done = spyglass(*args)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("spyglass: ") and words in lines[0], done.stderr
    assert "╭" not in done.stderr and "Traceback" not in done.stderr


def test_ingest_names_each_rejected_input_as_articles_does(tmp_path: Path) -> None:
    """Issue 12: `ingest` said "2 rejected (not-news)" and left the user to find which files."""
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "README.md").write_text("# Notes\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n", encoding="utf-8")
    (folder / "gold.json").write_text('{"id": "d1", "cases": []}\n', encoding="utf-8")
    binary = tmp_path / "scan.bin"
    binary.write_bytes(b"\x00\x01\x02\x03 not text")
    done = spyglass("ingest", str(folder), str(binary), "--db", str(tmp_path / "cases.db"))
    assert done.returncode == 1 and "Traceback" not in done.stderr
    read = spyglass("articles", str(binary))
    lines = done.stderr.splitlines()
    assert f"{folder / 'README.md'}: rejected (not-news): " in done.stderr
    assert f"{folder / 'gold.json'}: rejected (not-news): " in done.stderr
    assert [line for line in read.stderr.splitlines() if line.startswith(str(binary))] == [
        line for line in lines if line.startswith(str(binary))]  # the same line `articles` prints
    assert "spyglass: 2 rejected (not-news)" in done.stderr and "spyglass: 1 rejected (binary)" in done.stderr
