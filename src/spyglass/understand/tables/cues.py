"""Load the cue patterns of the case extractors (``tables/case_cues.tsv``) and compile each once.

Rows that repeat an id continue its pattern; ``{frag.<name>}`` splices in a fragment row (the
year and month patterns the period rules share); ``\\x20`` stands for a space that ends a cell.
Callers bind the patterns they use to module constants at import, so the hot path is the
same precompiled ``re.Pattern`` calls as before.
"""

from __future__ import annotations

import re
from functools import cache

from spyglass.understand.tables import read_rows

__all__ = ["cue", "cue_ids", "cues"]

_FILE = "case_cues.tsv"
_FLAGS = {"i": re.IGNORECASE, "-": 0}
_FRAGMENT = re.compile(r"\{(frag\.\w+)\}")


@cache
def _sources() -> dict[str, tuple[str, int]]:
    """id -> (pattern text with fragments spliced in, flags), in file order."""
    parts: dict[str, list[str]] = {}
    flags: dict[str, int] = {}
    for cid, flag, pattern in read_rows(_FILE, 3):
        if flag not in _FLAGS:
            raise ValueError(f"tables/{_FILE}: cue {cid} has flags {flag!r}; use 'i' (ignore case) or '-'")
        if cid in flags and flags[cid] != _FLAGS[flag]:
            raise ValueError(f"tables/{_FILE}: cue {cid} changes its flags between rows; give every row the same flags")
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


@cache
def cue(cid: str) -> re.Pattern[str]:
    """The compiled pattern of cue ``cid``."""
    try:
        text, flags = _sources()[cid]
    except KeyError:
        raise KeyError(f"tables/{_FILE} has no cue {cid!r}; add it or fix the id") from None
    return re.compile(text, flags)


def cues(*cids: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(id, pattern) pairs in the order given: a rule list whose first match wins."""
    return tuple((cid, cue(cid)) for cid in cids)
