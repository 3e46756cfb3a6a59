"""Find reported statistics: per-year counts of espionage prosecutions, arrests or cases.

Two readers share one cue table (``data/relevance_stats.tsv``):
- prose: a sentence whose context names espionage, a proceeding and a statistical framing
  ("police opened 7 spying cases in 2019, 12 in 2020 and 15 in 2021");
  each count goes to the year that follows it, else to the year before it ("Of the 15 people
  charged in 2021, 6 were soldiers"); "last year" resolves against the article date;
- tables: runs of rows that start with a year ("1979   1*   1", "- 2022: 12 cases"); each
  column is kept when its header or the table's caption names espionage and not something else
  (unauthorised disclosure, technology leaks, cyberattacks).
Cumulative counts ("since 2015"), ranges of years, money, percentages and durations are never
counts. Each stat carries the sentence or table row that states it.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spyglass.records import Article, Evidence, Stat

from .relevance import sentence_spans

__all__ = ["stats_in", "stat_cues"]

_YEAR = r"(?:19[0-9]{2}|20[0-9]{2})"
_NUMBER_WORDS = {
    "nil": 0, "none": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "dozen": 12,
}
_COUNT = re.compile(
    r"(?<![\w$€£¥.,/-])(?P<n>\d{1,3}(?:,\d{3})+|\d{1,6}|"
    + "|".join(w for w in _NUMBER_WORDS if w not in ("nil", "none", "zero", "hundred", "one"))
    + r")(?![\w%]|[.,]\d)",
    re.IGNORECASE,
)
# What may follow a number that is not a count of people or cases.
_NOT_COUNT_AFTER = re.compile(
    r"\s*(?:-|–)?\s*(?:%|per ?cent|percent|years?|months?|weeks?|days?|hours?|times|fold|year-old|"
    r"st\b|nd\b|rd\b|th\b|million|billion|thousand|km|kilomet|miles|euros?|dollars|pounds|yuan|"
    r"roubles?|rubles?|won|yen|(?:a|per) (?:year|month|day)|[-–]\s*\d|to \d|and \d+ (?:years|months))",
    re.IGNORECASE,
)
_NOT_COUNT_BEFORE = re.compile(
    r"(?:sections?|articles?|paragraphs?|chapter|clause|act|(?:sections?|articles?) \d+ (?:and|or|to)|no\.|§|aged|age|jan\w*|feb\w*|mar\w*|apr\w*|may|"
    r"jun\w*|jul\w*|aug\w*|sep\w*|oct\w*|nov\w*|dec\w*|us\$|nt\$|rs\.?|a\$|c\$)\s*$",
    re.IGNORECASE,
)
_YEAR_ANCHOR = re.compile(
    rf"(?<![\w$-])(?P<year>{_YEAR})(?![\w-]|\s*(?:[-–]|to|and)\s*{_YEAR})|(?P<rel>last year|this year|the previous year|a year earlier)",
    re.IGNORECASE,
)
_NOT_ANCHOR_BEFORE = re.compile(
    r"(?:since(?: at least)?|between|from|until|before|after|by|of|to|the|act|\d{1,2},?|between \d{4} and|"
    r"\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*)\s*$",
    re.IGNORECASE,
)
_OF_PERIOD = re.compile(r"(?:months|half|quarter|weeks|period|first|second)\s+of\s*$", re.IGNORECASE)
_ROW = re.compile(
    rf"^\s*(?:[-•*]\s*)?(?P<year>{_YEAR})\s*[:\-–—]?\s+(?P<values>(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d{{1,6}}|nil|none)[*+†‡]*\s*)+)(?P<rest>.*)$",
    re.IGNORECASE,
)
NEXT_REACH = 140  # characters a count may sit before its year
PREVIOUS_REACH = 200  # characters a breakdown may sit after its year


@dataclass(frozen=True)
class _Cues:
    espionage: re.Pattern[str]
    measure: re.Pattern[str]
    marker: re.Pattern[str]
    exclude: re.Pattern[str]


@lru_cache(maxsize=1)
def stat_cues() -> _Cues:
    """The cue table as one compiled pattern per group."""
    text = resources.files("spyglass.understand.data").joinpath("relevance_stats.tsv").read_text("utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    groups: dict[str, list[str]] = {}
    for row in csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE):
        groups.setdefault(row["group"], []).append(row["pattern"])

    def compiled(group: str) -> re.Pattern[str]:
        return re.compile(r"(?<!\w)(?:" + "|".join(groups[group]) + r")(?!\w)", re.IGNORECASE)

    return _Cues(*(compiled(g) for g in ("espionage", "measure", "marker", "exclude")))


def stats_in(article: Article, lang: str | None = None) -> list[Stat]:
    """Every per-year espionage count the article reports, each with its evidence."""
    found: dict[tuple[int, int], Stat] = {}
    for stat in [*_table_stats(article), *_prose_stats(article)]:
        found.setdefault((stat.year, stat.value), stat)
    return list(found.values())


def _published_year(article: Article) -> int | None:
    date = article.published or ""
    return int(date[:4]) if re.match(r"\d{4}", date) else None


# --- prose --------------------------------------------------------------------------------


def _prose_stats(article: Article) -> list[Stat]:
    cues = stat_cues()
    text = article.text
    spans = sentence_spans(text)
    title = article.title or ""
    out: list[Stat] = []
    previous = title
    for start, end in spans:
        sentence = text[start:end]
        context = previous + " " + sentence
        previous = sentence
        if not _qualifies(sentence, context, cues):
            continue
        for year, value, subject in _counts_by_year(sentence, _published_year(article)):
            evidence = Evidence(
                article_id=article.id, sentence=sentence, start=start, end=end,
                rule="stats.prose", confidence=0.8,
            )
            out.append(Stat(subject=subject, year=year, value=value, evidence=evidence))
    return out


def _qualifies(sentence: str, context: str, cues: _Cues) -> bool:
    if not _YEAR_ANCHOR.search(sentence) or not _COUNT.search(sentence):
        return False
    if cues.exclude.search(sentence) and not cues.espionage.search(sentence):
        return False
    return bool(
        cues.espionage.search(context) and cues.measure.search(context) and cues.marker.search(context)
    )


def _anchors(sentence: str, published: int | None) -> list[tuple[int, int]]:
    """(offset, year) of each year the sentence counts in; not ranges, not "since 2015"."""
    out: list[tuple[int, int]] = []
    for m in _YEAR_ANCHOR.finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if m.group("rel"):
            if published is None:
                continue
            rel = m.group("rel").lower()
            out.append((m.start(), published if rel == "this year" else published - 1))
        elif _OF_PERIOD.search(before) or not _NOT_ANCHOR_BEFORE.search(before):
            out.append((m.start(), int(m.group("year"))))
    return out


def _counts(sentence: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of each number in the sentence that counts people or cases."""
    out = []
    for m in _COUNT.finditer(sentence):
        raw = m.group("n").lower()
        if re.fullmatch(_YEAR, raw):
            continue
        if _NOT_COUNT_AFTER.match(sentence, m.end()):
            continue
        if _NOT_COUNT_BEFORE.search(sentence[max(0, m.start() - 25) : m.start()]):
            continue
        value = _NUMBER_WORDS.get(raw)
        out.append((m.start(), m.end(), value if value is not None else int(raw.replace(",", ""))))
    return out


def _counts_by_year(sentence: str, published: int | None) -> list[tuple[int, int, str]]:
    anchors = _anchors(sentence, published)
    if not anchors:
        return []
    exclude = stat_cues().exclude
    out = []
    subject, excluded = "", False
    for start, end, value in _counts(sentence):
        after = [(pos, y) for pos, y in anchors if pos >= end and pos - end <= NEXT_REACH]
        before = [(pos, y) for pos, y in anchors if pos < start and start - pos <= PREVIOUS_REACH]
        if after:
            pos, year = after[0]
            phrase = sentence[end:pos]
        elif before:
            pos, year = before[-1]
            phrase = sentence[end : end + 60]
        else:
            continue
        if _subject(phrase):  # an elliptical "48 in 2023" shares the subject of the count before it
            subject, excluded = _subject(phrase), bool(exclude.search(sentence[end : end + 60]))
        if not excluded:
            out.append((year, value, subject or "espionage cases"))
    return out


def _subject(words: str) -> str:
    """The noun phrase after a count, cut at the year: "prosecutions for Chinese espionage"."""
    words = re.split(r"[,;:—–(]", words.strip())[0]
    words = re.sub(r"(?:^|\s+)(?:in|during|of|last|this|for|the|first|same|period|months?|six|half)(?=\s|$)\s*$", "", words)
    words = re.sub(r"(?:\s+(?:in|during|of|last|this|for the|in the first \w+ months of))+\s*$", "", words.strip())
    return "" if words.lower() in ("in", "during", "last", "this", "") else words.strip()[:80]


# --- tables -------------------------------------------------------------------------------


def _table_stats(article: Article) -> list[Stat]:
    lines = _lines(article.text)
    out: list[Stat] = []
    i = 0
    while i < len(lines):
        if not _ROW.match(lines[i][2]):
            i += 1
            continue
        j = i
        while j < len(lines) and _ROW.match(lines[j][2]):
            j += 1
        if j - i >= 2 or ":" in lines[i][2]:
            out.extend(_block_stats(article, lines, i, j))
        i = j
    return out


def _lines(text: str) -> list[tuple[int, int, str]]:
    out = []
    pos = 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line), line))
        pos += len(line) + 1
    return out


def _block_stats(article: Article, lines: list[tuple[int, int, str]], first: int, stop: int) -> list[Stat]:
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
        subject = re.sub(r"\s+", " ", label or caption).strip()[:100] or "espionage cases"
        for m, (start, end, line) in rows:
            values = _values(m) if m else []
            value = values[column] if column < len(values) else None
            if m is None or value is None:
                continue
            evidence = Evidence(
                article_id=article.id, sentence=line.strip(), start=start, end=end,
                rule="stats.table", confidence=0.85,
            )
            out.append(Stat(subject=subject, year=int(m.group("year")), value=value, evidence=evidence))
    return out


def _values(m: re.Match[str]) -> list[int | None]:
    out: list[int | None] = []
    for raw in m.group("values").split():
        raw = raw.rstrip("*+†‡").lower()
        out.append(0 if raw in ("nil", "none") else int(raw.replace(",", "")) if raw else None)
    return out


def _header(lines: list[tuple[int, int, str]], first: int, width: int) -> tuple[list[str] | None, str]:
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


def _paragraph_above(lines: list[tuple[int, int, str]], k: int, limit: int = 6) -> list[str]:
    """The run of non-blank lines ending at line ``k`` (at most ``limit``), skipping blanks below it."""
    while k >= 0 and not lines[k][2].strip():
        k -= 1
    out: list[str] = []
    while k >= 0 and lines[k][2].strip() and len(out) < limit:
        out.insert(0, lines[k][2])
        k -= 1
    return out
