"""Single-article text scrapes: text copied out of one news page, with its page furniture.

The masthead, section and date lines come before the headline; the body starts at the first
line of prose. Furniture lines (image captions, "Advertisement", "Related:" and the list under
it, newsletter and donation appeals, separators) are dropped; tables and datelines are kept,
since later stages read figures from them. The date is the first one written in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import Dated, date_in
from .rules import APPEALS, FURNITURE, matching

__all__ = ["Scrape", "scrape_of"]

_SEPARATORS = re.compile(r"\s(?:\||·|::|/|>|»|›|-|–|—)\s|^\W+$")
_BY = re.compile(r"^By\s+(?P<author>[A-Z][^|,\n]{1,60}?)\s*(?:\||,|$)")
_LIST_ITEM = re.compile(r"^\s*(?:[-•*–]|\d{1,2}[.)])\s+")
_PROSE_WORDS = 18


@dataclass
class Scrape:
    title: str | None
    text: str
    published: Dated | None
    author: str | None


def scrape_of(lines: list[str]) -> Scrape:
    """Headline, body text, date and author of a single-article text page."""
    start = _body_start(lines)
    header = [line.strip() for line in lines[:start] if line.strip()]
    return Scrape(
        title=_headline(header),
        text="\n".join(_body(lines[start:])),
        published=_header_date(header, lines[start:start + 1]),
        author=_author(header),
    )


def _is_prose(line: str) -> bool:
    words = line.split()
    return len(words) >= _PROSE_WORDS or (len(words) >= 10 and line.rstrip().endswith((".", '"', "”", ":")))


def _body_start(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        text = line.strip()
        if _is_prose(text) and not matching(FURNITURE, text) and not matching(APPEALS, text):
            return i
    return 0


def _headline(header: list[str]) -> str | None:
    best: tuple[int, int, str] | None = None
    for position, line in enumerate(header):
        if matching(FURNITURE, line) or _BY.match(line):
            continue
        score = _headline_score(line)
        if score > 0 and (best is None or (score, position) >= best[:2]):
            best = (score, position, line)
    return best[2] if best else None


def _headline_score(line: str) -> int:
    words = line.split()
    if len(words) < 3:
        return 0
    mixed = any(ch.islower() for ch in line)
    score = 2 * mixed + 2 * (4 <= len(words) <= 30) + 2 * (not _SEPARATORS.search(line))
    return score + (date_in(line) is None)


def _header_date(header: list[str], first_body: list[str]) -> Dated | None:
    for line in header + first_body:
        found = date_in(line)
        if found:
            return found
    return None


def _author(header: list[str]) -> str | None:
    for line in header:
        match = _BY.match(line)
        if match:
            return match.group("author").strip()
    return None


def _body(lines: list[str]) -> list[str]:
    kept: list[str] = []
    in_related_list = False
    for line in lines:
        text = line.strip()
        if not text:
            continue
        if in_related_list and _LIST_ITEM.match(line):
            continue
        in_related_list = False
        furniture = matching(FURNITURE, text)
        if furniture:
            in_related_list = furniture[0].id == "related" and text.endswith(":")
            continue
        if len(text.split()) < 40 and matching(APPEALS, text):
            continue
        kept.append(line.rstrip() if _is_table_row(line) else text)
    return kept


def _is_table_row(line: str) -> bool:
    # Keep the column layout of figure tables ("  2017     72    397").
    return bool(re.search(r"\S\s{2,}\S", line.strip())) and sum(ch.isdigit() for ch in line) >= 2
