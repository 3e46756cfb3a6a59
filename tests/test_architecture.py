"""Data flows one way: a stage imports records/errors/settings/names/services and its own modules, never another stage.

``pipeline`` chains the stages and ``cli`` calls library functions; ``serve`` and ``export`` read
through ``store``; the web app may hand a submitted document to ``pipeline`` and render feeds
with ``export``. Anything else is a dependency pointing the wrong way.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "spyglass"
# budget: the time a document may take; a stage marks the one-time loads no document pays for
SHARED = {"records", "errors", "settings", "names", "services", "budget", "__init__"}
ALLOWED: dict[str, set[str]] = {
    "sources": set(),
    "extract": set(),
    "understand": set(),
    "link": set(),
    "store": set(),
    "export": {"store"},
    # serve reads understand's lexicon for one thing: a country a user types ("China", "Chinese")
    # resolves as extraction resolves it
    "serve": {"store", "export", "pipeline", "samples", "understand"},
    "samples": set(),
}


def _spyglass_imports(path: Path) -> set[str]:
    """Top-level spyglass sub-packages a module imports (``spyglass.store.sqlite`` -> ``store``)."""
    return _imports_in(ast.parse(path.read_text(encoding="utf-8")))


def _imports_in(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "spyglass" and len(parts) > 1:
                found.add(parts[1])
    return found


@pytest.mark.parametrize("stage", sorted(ALLOWED))
def test_stage_imports_only_shared_modules_and_its_own(stage: str) -> None:
    wrong = {}
    for path in sorted((PACKAGE / stage).rglob("*.py")):
        bad = _spyglass_imports(path) - SHARED - {stage} - ALLOWED[stage]
        if bad:
            wrong[str(path.relative_to(PACKAGE))] = sorted(bad)
    assert not wrong, f"stage {stage} imports other stages: {wrong}"


# The crawl engines sit beside pipeline: they pick files (sources), hand documents to pipeline and
# checkpoint files (store records), but never extract, understand or link themselves.
ENGINES: dict[str, set[str]] = {
    "crawl": {"pipeline", "sources", "store", "distributed"},
    "distributed": {"pipeline", "sources", "crawl"},
}


def _runtime_imports(path: Path) -> set[str]:
    """``_spyglass_imports`` without those under ``if TYPE_CHECKING:`` (names for types only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            node.body = [ast.Pass()]
    return _imports_in(tree)


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_crawl_engines_leave_the_stages_to_pipeline(engine: str) -> None:
    bad = _runtime_imports(PACKAGE / f"{engine}.py") - SHARED - ENGINES[engine]
    assert not bad, f"{engine}.py imports {sorted(bad)}: chain stages in pipeline instead"


def test_every_module_has_a_docstring() -> None:
    missing = [
        str(path.relative_to(PACKAGE))
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.stat().st_size and ast.get_docstring(ast.parse(path.read_text(encoding="utf-8"))) is None
    ]
    assert not missing, f"modules without a docstring saying their job: {missing}"
