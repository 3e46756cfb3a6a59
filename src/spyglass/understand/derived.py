"""Data derived from our tables and pinned libraries, kept between runs in the cache folder.

Some tables take a large library to expand (a Russian place name's six cases come from
pymorphy3's dictionaries, 30 MB in memory), and every process that starts builds every table.
``Memo`` keeps a slow function's answers one by one, in a file named by a digest of everything
they derive from (code, library versions), so a change computes anew. A file that cannot be
read or written is no error: the answers are computed here.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["cache_folder", "versions", "Memo"]

T = TypeVar("T")


def cache_folder() -> Path:
    """``$XDG_CACHE_HOME/spyglass`` (``~/.cache/spyglass``): compiled patterns and derived tables, no data."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "spyglass"


def versions(*packages: str) -> str:
    """The installed versions of ``packages``, for a digest (a missing one is "none")."""
    found = []
    for package in packages:
        try:
            found.append(f"{package}={metadata.version(package)}")
        except metadata.PackageNotFoundError:
            found.append(f"{package}=none")
    return " ".join(found)


class Memo:
    """Answers of a slow function kept between runs: ``<stem>-<digest>.jsonl`` in the cache folder,
    one line per answer, appended as each is first computed (a process that dies loses at most
    its last line; a torn or foreign line is skipped)."""

    def __init__(self, stem: str, sources: list[Any], folder: Path | None = None) -> None:
        folder = folder or cache_folder()
        digest = hashlib.sha256(json.dumps([sys.version, *sources], ensure_ascii=False, default=str).encode())
        self.path = folder / f"{stem}-{digest.hexdigest()[:24]}.jsonl"
        self.answers: dict[str, Any] = {}
        with contextlib.suppress(OSError, UnicodeDecodeError), self.path.open(encoding="utf-8") as lines:
            for line in lines:
                with contextlib.suppress(ValueError, TypeError):
                    key, answer = json.loads(line)
                    self.answers[str(key)] = answer

    def get(self, key: str, compute: Callable[[], T], to_json: Callable[[T], Any] = lambda value: value,
            from_json: Callable[[Any], T] = lambda item: item) -> T:
        """The kept answer for ``key``, else ``compute()``, kept for later runs."""
        if key in self.answers:
            with contextlib.suppress(ValueError, TypeError):
                return from_json(self.answers[key])
        value = compute()
        self.answers[key] = to_json(value)
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            line = json.dumps([key, self.answers[key]], ensure_ascii=False) + "\n"
            with self.path.open("a", encoding="utf-8") as out:  # one write: a line is whole or torn, never mixed
                out.write(line)
        return value
