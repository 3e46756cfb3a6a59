"""Load the cue patterns of the case extractors (``tables/case_cues.tsv``) and compile each once.

Rows that repeat an id continue its pattern; ``{frag.<name>}`` splices in a fragment row (the
year and month patterns the period rules share); ``\\x20`` stands for a space that ends a cell.
Callers bind the patterns they use to module constants at import, so the hot path is the
same precompiled ``re.Pattern`` calls as before.

Rows of a language's file (``case_cues.nl.tsv``) continue a cue only in texts of that language:
Polish "para" (a couple) is Spanish "para" (for). The case extractor says which language it
reads with ``reading(lang)``; a cue matches with the shared rows plus that language's rows.
``.pattern`` is the text of every row, for callers that splice a cue into a larger pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from typing import Any

from spyglass.understand.tables import read_rows_by_language

__all__ = ["Cue", "cue", "cue_ids", "cues", "reading", "compile_cues", "reading_language"]

_LANGUAGE: ContextVar[str | None] = ContextVar("spyglass_cue_language", default=None)


@contextmanager
def reading(lang: str) -> Iterator[None]:
    """Cues match with the rows of ``lang``'s file (and the shared ones) inside this block."""
    token = _LANGUAGE.set(lang)
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def reading_language() -> str | None:
    """The language being read (see ``reading``); None outside a ``reading`` block."""
    return _LANGUAGE.get()

_FILE = "case_cues.tsv"
_FLAGS = {"i": re.IGNORECASE, "-": 0}
_FRAGMENT = re.compile(r"\{(frag\.\w+)\}")


@cache
def _sources(lang: str | None = "*") -> dict[str, tuple[str, int]]:
    """id -> (pattern text with fragments spliced in, flags), in file order: the shared rows and
    those of ``lang``'s file (every file's rows for ``"*"``)."""
    parts: dict[str, list[str]] = {}
    flags: dict[str, int] = {}
    for row_lang, (cid, flag, pattern) in read_rows_by_language(_FILE, 3):
        if flag not in _FLAGS:
            raise ValueError(f"tables/{_FILE}: cue {cid} has flags {flag!r}; use 'i' (ignore case) or '-'")
        if cid in flags and flags[cid] != _FLAGS[flag]:
            raise ValueError(f"tables/{_FILE}: cue {cid} changes its flags between rows; give every row the same flags")
        if row_lang is not None and lang != "*" and row_lang != lang:
            continue
        parts.setdefault(cid, []).append(pattern)
        flags[cid] = _FLAGS[flag]
    joined = {cid: "".join(rows) for cid, rows in parts.items()}
    return {cid: (_splice(text, joined), flags[cid]) for cid, text in joined.items()}


def _splice(text: str, joined: dict[str, str]) -> str:
    def fragment(m: re.Match[str]) -> str:
        if m.group(1) not in joined:
            raise ValueError(f"tables/{_FILE}: unknown fragment {{{m.group(1)}}}; add a row with that id")
        return joined[m.group(1)]

    return _FRAGMENT.sub(fragment, text).replace(r"\x20", " ")


def cue_ids() -> tuple[str, ...]:
    """Every cue id of the table, in file order (fragments included)."""
    return tuple(_sources())


class Cue:
    """One cue's compiled patterns: ``search``, ``match``... use the rows of the language being
    read (see ``reading``); ``pattern`` is the text of every row."""

    __slots__ = ("id", "pattern", "flags", "_by_lang")

    def __init__(self, cid: str) -> None:
        self.id = cid
        self.pattern, self.flags = _sources()[cid]
        self._by_lang: dict[str | None, re.Pattern[str]] = {}

    def compiled(self) -> re.Pattern[str]:
        """The pattern for the language being read."""
        lang = _LANGUAGE.get()
        found = self._by_lang.get(lang)
        if found is None:
            text, flags = _sources(lang).get(self.id, (r"(?!)", self.flags))
            found = self._by_lang[lang] = re.compile(text, flags)
        return found

    def search(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled().search(text, *args)

    def match(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled().match(text, *args)

    def fullmatch(self, text: str, *args: int) -> re.Match[str] | None:
        return self.compiled().fullmatch(text, *args)

    def finditer(self, text: str, *args: int) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(text, *args)

    def findall(self, text: str, *args: int) -> list[Any]:
        return self.compiled().findall(text, *args)

    def split(self, text: str, maxsplit: int = 0) -> list[str | Any]:
        return self.compiled().split(text, maxsplit)

    def sub(self, repl: str | Callable[[re.Match[str]], str], text: str, count: int = 0) -> str:
        return self.compiled().sub(repl, text, count)


@cache
def cue(cid: str) -> Cue:
    """The cue ``cid``, compiled per language on first use."""
    if cid not in _sources():
        raise KeyError(f"tables/{_FILE} has no cue {cid!r}; add it or fix the id")
    return Cue(cid)


def cues(*cids: str) -> tuple[tuple[str, Cue], ...]:
    """(id, cue) pairs in the order given: a rule list whose first match wins."""
    return tuple((cid, cue(cid)) for cid in cids)


def compile_cues(lang: str) -> None:
    """Compile every cue for ``lang`` now (the analyzer prepares a language so), not on the first
    sentence that needs each one."""
    with reading(lang):
        for cid in _sources():
            cue(cid).compiled()
