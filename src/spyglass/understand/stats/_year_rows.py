"""Per-year counts stated in tables: runs of rows that start with a year.

Rows may be aligned with spaces ("1979   1*   1"), written as a list ("- 2022: 12 cases",
"2021 — 18") or as a pipe table ("| 2021 | 3 |"); "nil" and "none" are 0. Each column is
kept when its header or the table's caption names espionage and not something else
(unauthorised disclosure, technology leaks, cyberattacks); each value carries its row.
"""

from __future__ import annotations

import re

from spyglass.records import Article
from spyglass.understand.confidence import confidence_of

from ._vocabulary import YEAR, Claim, stat_cues

__all__ = ["table_claims"]

_ROW = re.compile(
    rf"^\s*(?:[-•*]\s*)?(?P<year>{YEAR})\s*[:\-–—]?\s+(?P<values>(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|nil|none)"
    r"[*+†‡]*\s*)+)(?P<rest>.*)$",
    re.IGNORECASE,
)
_CELL = re.compile(r"(?<![\w.,])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6}|nil|none)(?![\w.,]\w)", re.IGNORECASE)
_RULE_LINE = re.compile(r"^\s*\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")  # a pipe table's |---|---| line

_Line = tuple[int, int, str]  # start, end, text with pipes read as column gaps


def table_claims(article: Article) -> list[Claim]:
    lines = _lines(article.text)
    out: list[Claim] = []
    i = 0
    while i < len(lines):
        if not _ROW.match(lines[i][2]):
            i += 1
            continue
        j = i
        while j < len(lines) and _ROW.match(lines[j][2]):
            j += 1
        if j - i >= 2 or ":" in lines[i][2]:
            out.extend(_block_claims(article, lines, i, j))
        i = j
    return out


def _lines(text: str) -> list[_Line]:
    """Every line with its offsets; a pipe table's cells become space-separated columns and its
    rule line a blank, so one reader serves both layouts."""
    out = []
    pos = 0
    for line in text.split("\n"):
        shown = line
        if line.lstrip().startswith("|"):
            shown = "" if _RULE_LINE.match(line) else "  " + "    ".join(c.strip() for c in line.strip().strip("|").split("|"))
        out.append((pos, pos + len(line), shown))
        pos += len(line) + 1
    return out


def _block_claims(article: Article, lines: list[_Line], first: int, stop: int) -> list[Claim]:
    rows = [(_ROW.match(line[2]), line) for line in lines[first:stop]]
    width = max(len(_values(m)) for m, _ in rows if m)
    headers, caption = _header(lines, first, width)
    cues = stat_cues()
    out = []
    for column in range(width):
        label = (headers[column] if headers else "").strip()
        described = f"{caption} {label}"
        if cues.exclude.search(label) or (not label and cues.exclude.search(caption)):
            continue
        if not cues.espionage.search(described) and not cues.espionage.search(article.title or ""):
            continue
        noun = re.sub(r"\s+", " ", label or caption).strip()
        for m, (start, end, _shown) in rows:
            values = _values(m) if m else []
            value = values[column] if column < len(values) else None
            if m is None or value is None:
                continue
            row = article.text[start:end]
            lead = len(row) - len(row.lstrip())
            row = row.strip()
            out.append(Claim(
                year=int(m.group("year")), value=value, start=start + lead, end=start + lead + len(row),
                sentence=row, rule="stats.table", confidence=confidence_of("stats", "stats.table"),
                noun=noun, clause=f"{label} {caption}".strip(), at=0, context=caption, quote=_cell(row, column),
            ))
    return out


def _cell(row: str, column: int) -> tuple[int, int] | None:
    """Where the row states its ``column``-th value (after the year), in either layout."""
    cells = list(_CELL.finditer(row))[1:]  # the first number is the year
    return cells[column].span("n") if column < len(cells) else None


def _values(m: re.Match[str]) -> list[int | None]:
    out: list[int | None] = []
    for raw in m.group("values").split():
        raw = raw.rstrip("*+†‡").lower()
        out.append(0 if raw in ("nil", "none") else int(raw.replace(",", "")) if raw else None)
    return out


def _header(lines: list[_Line], first: int, width: int) -> tuple[list[str] | None, str]:
    """Column labels (joined over multi-line headers) and the caption text above a table."""
    header = _paragraph_above(lines, first - 1)
    caption_lines = _paragraph_above(lines, first - 1 - len(header) - 1) if header else []
    columns: list[list[str]] = [[] for _ in range(width)]
    split_ok = False
    for line in header:
        cells = [c for c in re.split(r"\s{2,}|\t", line.strip()) if c]
        if len(cells) >= width + 1 or (len(cells) == width and len(header) > 1 and line.startswith(" ")):
            split_ok = True
            for col, cell in enumerate(cells[-width:]):
                columns[col].append(cell)
    caption = " ".join(line.strip() for line in [*caption_lines, *header])
    return ([" ".join(c) for c in columns] if split_ok else None), caption


def _paragraph_above(lines: list[_Line], k: int, limit: int = 6) -> list[str]:
    """The run of non-blank lines ending at line ``k`` (at most ``limit``), skipping blanks below it."""
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    out: list[str] = []
    while k >= 0 and lines[k][2].strip() and len(out) < limit:
        out.insert(0, lines[k][2])
        k -= 1
    return out
