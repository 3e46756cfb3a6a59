"""Opening a store: SQLite paths, PostgreSQL URLs, bad targets, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from spyglass.errors import StoreError
from spyglass.store import open_store
from spyglass.store._engine import migrations

from .conftest import UNDO_0010


def test_sqlite_file_uses_wal_and_foreign_keys(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(str(path)).close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT MAX(version) FROM schema_version").fetchone()[0] == migrations("sqlite")[-1][0]


def test_default_target_comes_from_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SPYGLASS_DB", str(tmp_path / "env.db"))
    store = open_store()
    assert store.target == str(tmp_path / "env.db") and (tmp_path / "env.db").exists()
    store.close()


def test_migrations_applied_twice_are_a_no_op(store_url: str) -> None:
    first = open_store(store_url)
    version = first.schema_version()
    assert first.migrate() == []
    first.close()
    again = open_store(store_url)
    assert again.migrate() == [] and again.schema_version() == version >= 1
    again.close()


def test_both_backends_have_the_same_migrations() -> None:
    assert [v for v, _, _ in migrations("sqlite")] == [v for v, _, _ in migrations("postgres")]


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_version VALUES (999, 'future', 'now')")
    with pytest.raises(StoreError, match="schema version 999"):
        open_store(str(path))


@pytest.mark.parametrize(("target", "message"), [
    ("mysql://me:pw@localhost/db", r"cannot open database mysql://me:\*\*\*@localhost/db: unsupported URL scheme 'mysql'"),
    ("", "empty database target"),
    ("/nonexistent-folder/x.db", "folder /nonexistent-folder does not exist"),
])
def test_bad_targets_fail_in_one_line(target: str, message: str) -> None:
    with pytest.raises(StoreError, match=message) as caught:
        open_store(target)
    assert "\n" not in str(caught.value)


def test_a_folder_or_a_foreign_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="it is a folder"):
        open_store(str(tmp_path))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(StoreError, match=f"{junk}.*not a database"):
        open_store(str(junk))


def test_unreachable_postgres_names_the_url_without_password() -> None:
    with pytest.raises(StoreError, match=r"cannot connect to postgresql://u:\*\*\*@127.0.0.1:1/db") as caught:
        open_store("postgresql://u:secret@127.0.0.1:1/db")
    assert "secret" not in str(caught.value) and "\n" not in str(caught.value)


V1_ROWS = [
    "INSERT INTO articles (id, source, item, kind, categories, tags, text, partial, fingerprint, stored_at) "
    "VALUES ('a1', 's', 0, 'page', '[]', '[]', 'The courier met his handler in Kaohsiung.', 0, '', 'now')",
    "INSERT INTO cases (id, title, sponsor, target, machine, data, search_text, created_at, updated_at) "
    "VALUES ('c1', 'Case c1', 'CN', 'TW', ?, ?, 'Chen Wei Taiwan', 'now', 'now')",
    "INSERT INTO case_years (case_id, year) VALUES ('c1', 2024)",
    "INSERT INTO case_mentions (case_id, mention_key, article_id) VALUES ('c1', 'a1:0', 'a1')",
]


def test_a_version_1_database_is_upgraded_with_its_data(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from spyglass.store import CaseQuery, _engine

    from .conftest import case

    saved = case("c1", mentions=(("a1", 0),))
    real = _engine.migrations
    monkeypatch.setattr(_engine, "migrations", lambda backend: real(backend)[:1])
    old = open_store(store_url)
    assert old.schema_version() == 1
    for sql in V1_ROWS:
        old._exec(sql, (saved.model_dump_json(),) * sql.count("?"))  # type: ignore[attr-defined]
    old.close()
    monkeypatch.setattr(_engine, "migrations", real)
    upgraded = open_store(store_url)
    assert upgraded.schema_version() == real("sqlite")[-1][0] and upgraded.migrate() == []
    assert upgraded.case("c1") == saved == upgraded.machine_case("c1")
    assert [c.id for c in upgraded.cases(CaseQuery(text="Kaohsiung")).items] == ["c1"]  # article text backfilled
    assert [h.id for h in upgraded.search("Chen Wei", kind="case")] == ["c1"]  # case index rebuilt
    assert upgraded.cases(CaseQuery(sponsor=("CN",), year=2024)).total == 1
    assert [c.id for c in upgraded.cases(CaseQuery(person="chen wei")).items] == ["c1"]  # names filled in
    upgraded.close()


def test_an_upgrade_composes_the_titles_of_corrected_cases_again(store_url: str) -> None:
    """Corrections made before titles followed them: the upgrade re-titles those cases once."""
    from spyglass.records import Correction, case_title
    from spyglass.store import CaseQuery

    from .conftest import case

    machine = case("c1")
    machine = machine.model_copy(update={"title": case_title(machine)})
    old = open_store(store_url)
    old.save_case(machine, [])
    old.add_correction(Correction(case_id="c1", field="stage", value="convicted", why="plea", who="ana",
                                  at="2026-01-01T00:00:00.000000+00:00"))
    # back to what version 4 stored: the corrected stage under the machine title, no case_people
    stale = machine.model_copy(update={"stage": "convicted"})
    for sql, params in (*((undo, ()) for undo in UNDO_0010),
                        ("UPDATE case_docs SET data = ?", (stale.model_dump_json(),)),
                        ("DROP TABLE case_people", ()), ("DROP INDEX stats_series", ()),
                        ("ALTER TABLE stats DROP COLUMN country", ()), ("ALTER TABLE stats DROP COLUMN measure", ()),
                        ("DELETE FROM schema_version WHERE version >= 5", ())):
        old._exec(sql, params)  # type: ignore[attr-defined]
    assert old.case("c1").title == "Chen Wei — CN → TW, arrested"
    old.close()
    upgraded = open_store(store_url)
    assert upgraded.case("c1").title == "Chen Wei — CN → TW, convicted"
    assert [h.title for h in upgraded.search("convicted", kind="case")] == ["Chen Wei — CN → TW, convicted"]
    assert [c.id for c in upgraded.cases(CaseQuery(person="Chen Wei")).items] == ["c1"]
    assert upgraded.corrections("c1") == [Correction(case_id="c1", field="stage", value="convicted", why="plea",
                                                     who="ana", at="2026-01-01T00:00:00.000000+00:00")]
    upgraded.close()


def test_an_upgrade_folds_accented_names_so_a_plain_spelling_finds_them(store_url: str) -> None:
    """Names folded before accents were: the upgrade writes them again, accents off."""
    from spyglass.store import CaseQuery

    from .conftest import case

    old = open_store(store_url)
    old.save_case(case("c1").model_copy(update={"accused_names": ("José Müller",)}), [])
    # what version 6 stored: the name folded by case and spacing only
    for sql, params in (*((undo, ()) for undo in UNDO_0010),
                        ("UPDATE case_people SET folded = ?", ("josé müller",)),
                        ("DELETE FROM schema_version WHERE version >= 7", ())):
        old._exec(sql, params)  # type: ignore[attr-defined]
    assert old.cases(CaseQuery(person="jose muller")).total == 0
    old.close()
    upgraded = open_store(store_url)
    for spelling in ("jose muller", "JOSÉ", "Müller"):
        assert [c.id for c in upgraded.cases(CaseQuery(person=spelling)).items] == ["c1"], spelling
    upgraded.close()
