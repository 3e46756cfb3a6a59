"""PostgreSQL full-text search, newest stored first, in bounded time for common and rare words.

A GIN index cannot hand out its matches in ``seq`` order, so ``WHERE tsv @@ q ORDER BY seq
DESC LIMIT n`` has two plans, each ruinous for one kind of word: walk the primary key backwards
testing every row (a rare word, or one no row has: the whole table), or fetch every match from
the index and sort them (a common word: a third of a million rows). The planner chooses by its
guess of the word's frequency, and for a word outside its statistics it guesses "rare enough to
walk". So each search here does both, bounded:

1. walk the newest ``WALK`` rows, stopping at the limit: a word in more than one row in
   ``WALK / limit`` is done here, whatever the planner thinks of it;
2. only if that found too few, fetch the older matches from the index (they are few, or step 1
   would have found enough) and sort those; ``seq + 0`` keeps the planner off the walk and off a
   bitmap of every older row.

Snippets: ``ts_headline`` parses all it is given (a millisecond per few thousand characters),
so it gets a window around the first place a query word appears.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["WALK", "newest_matches", "window"]

WALK = 2_000  # newest rows tested one by one before asking the index
WINDOW = 400  # characters of text around the first query word that ts_headline reads

Rows = Callable[[str, Sequence[Any]], list[tuple[Any, ...]]]


def newest_matches(rows: Rows, table: str, condition: str, text: str, limit: int) -> list[int]:
    """``seq``s of the newest ``limit`` rows of ``table`` (alias x, with ``seq`` and ``tsv``)
    whose ``tsv`` matches the words of ``text`` and that meet ``condition`` (over x)."""
    found = [int(row[0]) for row in rows(
        f"SELECT s.seq FROM (SELECT x.seq, ({condition}) AND x.tsv @@ q AS hit "
        f"FROM {table} x, plainto_tsquery('english', ?) q ORDER BY x.seq DESC LIMIT ?) s WHERE s.hit LIMIT ?",
        (text, WALK, limit),
    )]
    if len(found) >= limit:
        return found
    older = rows(
        f"SELECT x.seq FROM {table} x, plainto_tsquery('english', ?) q WHERE x.tsv @@ q AND ({condition}) "
        f"AND x.seq + 0 < (SELECT MIN(r.seq) FROM (SELECT y.seq FROM {table} y ORDER BY y.seq DESC LIMIT ?) r) "
        "ORDER BY x.seq + 0 DESC LIMIT ?",
        (text, WALK, limit - len(found)),
    )
    return found + [int(row[0]) for row in older]


def window(column: str, words: list[str]) -> tuple[str, list[str]]:
    """SQL for the part of ``column`` around the first of ``words`` in it (its start when none is),
    and the parameters it takes."""
    firsts = ", ".join(f"NULLIF(strpos(lower({column}), ?), 0)" for _ in words)
    start = f"GREATEST(1, COALESCE(LEAST({firsts}), 1) - {WINDOW // 3})"
    return f"substr({column}, {start}, {WINDOW})", [word.lower() for word in words]
