"""Derived data kept between runs: a slow function's answers computed once, read back by later runs."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from spyglass.understand.derived import Memo


def _counting() -> tuple[list[str], Callable[[int], int]]:
    calls: list[str] = []

    def square(n: int) -> int:
        calls.append(str(n))
        return n * n

    return calls, square


def test_a_memo_computes_each_answer_once_across_runs(tmp_path: Path) -> None:
    calls, square = _counting()
    first = Memo("squares", ["v1"], tmp_path)
    assert [first.get(str(n), lambda n=n: square(n)) for n in (2, 3, 2)] == [4, 9, 4]
    assert calls == ["2", "3"]
    later = Memo("squares", ["v1"], tmp_path)  # another process, the same code
    assert [later.get(str(n), lambda n=n: square(n)) for n in (2, 3)] == [4, 9]
    assert calls == ["2", "3"]


def test_changed_sources_compute_anew(tmp_path: Path) -> None:
    calls, square = _counting()
    Memo("squares", ["v1"], tmp_path).get("2", lambda: square(2))
    assert Memo("squares", ["v2"], tmp_path).get("2", lambda: square(2)) == 4
    assert calls == ["2", "2"]


def test_a_torn_or_foreign_line_is_skipped(tmp_path: Path) -> None:
    calls, square = _counting()
    memo = Memo("squares", ["v1"], tmp_path)
    memo.get("2", lambda: square(2))
    with memo.path.open("a", encoding="utf-8") as out:
        out.write('{"not": "a pair"}\n["3", 9\n')  # a foreign line, then a line cut short
    later = Memo("squares", ["v1"], tmp_path)
    assert later.get("2", lambda: square(2)) == 4
    assert later.get("3", lambda: square(3)) == 9
    assert calls == ["2", "3"]


def test_a_memo_file_that_is_a_folder_only_computes(tmp_path: Path) -> None:
    memo = Memo("squares", ["v1"], tmp_path)
    memo.path.mkdir()  # unreadable and unwritable as a file
    calls, square = _counting()
    assert Memo("squares", ["v1"], tmp_path).get("2", lambda: square(2)) == 4
    assert calls == ["2"]


_BUILD_TABLES = """
import sys
from spyglass.understand import lexicon
from spyglass.understand.cases.fields import _accused  # every language's roles and demonyms
lexicon.places_in("Moscow")  # every language's places
print("pymorphy3" in sys.modules)
"""


def test_once_the_tables_forms_are_kept_a_process_reads_english_without_pymorphy(tmp_path: Path) -> None:
    """Building every table inflects Russian and Ukrainian entries; the second process to start
    reads those forms from the cache and never loads the dictionaries (30 MB)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    loaded = [subprocess.run([sys.executable, "-c", _BUILD_TABLES], env=env, capture_output=True, text=True,
                             check=True).stdout.split()[-1] for _ in range(2)]
    assert loaded == ["True", "False"]
    assert list((tmp_path / "spyglass").glob("inflections-*.jsonl"))
