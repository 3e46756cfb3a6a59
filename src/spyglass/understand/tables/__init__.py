"""The understand stage's rule tables: the TSV files in this folder and their one reader.

Every table is a plain text file here (``services.tsv``, ``country_terms.tsv``, ``stages.tsv``,
``case_cues.tsv``, ...), each row with an id, read with ``read_rows`` via
``importlib.resources``; ``split_cell`` and ``lookup_key`` are the cell helpers every table
shares (``a|b|c`` lists, case- and space-insensitive lookup keys). ``cues`` compiles the case
extractor's cue patterns (``case_cues.tsv``). Who reads which table: ``lexicon`` (countries,
places, services, roles, stages, case terms), ``quantities`` (numbers, currencies),
``confidence``, ``relevance`` (relevance cues), ``stats`` (stats cues and measures) and the
field modules of ``cases`` (authorities)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from importlib import resources

__all__ = ["LANGS", "ENTITY_LANGS", "read_rows", "read_rows_by_language", "table_files", "split_cell", "lookup_key"]

# The languages whose cases are read: English first (the default and the lingua franca of quotes),
# then every language with its own rows (``<table>.<lang>.tsv``) and grammar (``grammar/<lang>.toml``).
LANGS: tuple[str, ...] = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "ru", "uk", "sv", "tr", "zh", "ja", "ko")
# Languages whose countries, services and legal steps are read, but not their cases (their own
# rows in ``country_terms.<lang>.tsv`` and ``stages.<lang>.tsv``; relevance cues in
# ``relevance_cues.tsv``).
ENTITY_LANGS: tuple[str, ...] = ("no", "da", "fi", "et", "lv", "lt", "cs", "bg", "ro", "hu", "he", "ar", "fa")

_COLUMN_GAP = re.compile(r"\t+|\s{2,}")


def read_rows(name: str, columns: int) -> Iterator[list[str]]:
    """Rows of a data file, then those of its per-language files (``stages.tsv``, then
    ``stages.ru.tsv``, ``stages.zh.tsv``... in the order of ``LANGS``): columns separated by a tab
    or two or more spaces (so the files can be aligned by hand), the last column taking the rest
    of the line; the first non-comment line of each file is its header; blank lines and ``#``
    comments are skipped."""
    for part in table_files(name):
        yield from _rows_of(part, columns)


def read_rows_by_language(name: str, columns: int) -> Iterator[tuple[str | None, list[str]]]:
    """``read_rows`` with the language of each row's file: None for the shared file."""
    for part in table_files(name):
        lang = part.split(".")[-2] if part != name else None
        for row in _rows_of(part, columns):
            yield lang, row


def table_files(name: str) -> list[str]:
    """A table's file and the per-language files beside it that exist."""
    folder = resources.files("spyglass.understand.tables")
    stem, _, suffix = name.rpartition(".")
    each = [f"{stem}.{lang}.{suffix}" for lang in (*LANGS, *ENTITY_LANGS)]
    return [name, *(part for part in each if folder.joinpath(part).is_file())]


def _rows_of(name: str, columns: int) -> Iterator[list[str]]:
    text = resources.files("spyglass.understand.tables").joinpath(name).read_text(encoding="utf-8")
    lines = (line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))
    next(lines, None)  # header
    for line in lines:
        cells = [cell.strip() for cell in _COLUMN_GAP.split(line.strip(), maxsplit=columns - 1)]
        if len(cells) != columns:
            raise ValueError(f"tables/{name}: expected {columns} columns in {line!r}; separate columns by a tab or 2+ spaces")
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
