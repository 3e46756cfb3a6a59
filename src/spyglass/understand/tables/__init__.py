"""Read the understand stage's data files: the TSV row reader and the cell helpers every
rule table shares (``a|b|c`` lists, case- and space-insensitive lookup keys)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from importlib import resources

__all__ = ["LANGS", "read_rows", "split_cell", "lookup_key"]

LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "it")

_COLUMN_GAP = re.compile(r"\t+|\s{2,}")


def read_rows(name: str, columns: int) -> Iterator[list[str]]:
    """Rows of a data file: columns separated by a tab or two or more spaces (so the files
    can be aligned by hand), the last column taking the rest of the line; the first
    non-comment line is the header; blank lines and ``#`` comments are skipped."""
    text = resources.files("spyglass.understand").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    next(lines)  # header
    for line in lines:
        cells = [cell.strip() for cell in _COLUMN_GAP.split(line.strip(), maxsplit=columns - 1)]
        if len(cells) != columns:
            raise ValueError(f"data/{name}: expected {columns} columns in {line!r}; separate columns by a tab or 2+ spaces")
        yield cells


def split_cell(cell: str) -> tuple[str, ...]:
    """The parts of an ``a|b|c`` cell (``-`` marks an empty one)."""
    return tuple(part.strip() for part in cell.split("|") if part.strip() not in ("", "-"))


def lookup_key(text: str) -> str:
    """Case- and space-insensitive lookup key; drops a leading "the" and a possessive."""
    text = unicodedata.normalize("NFC", text).replace("\u2019", "'").strip()
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"^(?:the|The|THE)\s+", "", text)
    text = re.sub(r"'s$", "", text)
    return text.casefold()
