"""Cases <-> JSON Lines: the writer and its paired reader of Spyglass's own exchange format.

One case per line: ``{"format": "spyglass.case", "version": 1, <every Case field>}``, UTF-8,
``\\n`` line ends, keys in a fixed order (``format``, ``version``, then the fields in record
order; ``evidence`` keys sorted) so equal cases give equal bytes. A case an analyst reviewed
ends with ``"confirmed_fields"``: the fields confirmed or corrected (absent: none). Version 1 promises: fields
are only ever added, with defaults, and readers ignore keys they do not know; a removal or a
change of meaning raises the version. The reader checks each line and reports a bad one as
``file:line: problem`` without stopping the rest.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

from pydantic import ValidationError

from spyglass.records import YEARS, Case, facts_problem

__all__ = ["FORMAT", "VERSION", "LineError", "case_line", "write_jsonl", "read_jsonl"]

FORMAT = "spyglass.case"
VERSION = 1
_LINE_BREAKS = {ord(c): f"\\u{ord(c):04x}" for c in "\x85\u2028\u2029"}
_CASE_ID = re.compile(r"(?!\.\.?\Z)[A-Za-z0-9._:-]{1,200}")  # it goes into URLs: /cases/ID
_DATE = re.compile(r"(\d{4})(?:-\d{2}(?:-\d{2}(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?)?\Z")


@dataclass(frozen=True)
class LineError:
    """A line of a JSON Lines file that could not be read as a case."""

    source: str
    line: int
    problem: str

    def __str__(self) -> str:
        return f"{self.source}:{self.line}: {self.problem}"


def case_line(case: Case, confirmed: Sequence[str] = ()) -> str:
    """One case as one JSON line (without the line end); ``confirmed``: fields an analyst checked."""
    body = case.model_dump(mode="json")
    body["evidence"] = dict(sorted(body["evidence"].items()))
    if confirmed:
        body["confirmed_fields"] = list(confirmed)
    text = json.dumps({"format": FORMAT, "version": VERSION, **body}, ensure_ascii=False)
    # Characters some readers treat as line ends (str.splitlines, old JavaScript) stay escaped,
    # so one case is always one line; they can only occur inside JSON strings.
    return text.translate(_LINE_BREAKS)


def write_jsonl(cases: Iterable[Case], out: TextIO, confirmed: Mapping[str, Sequence[str]] | None = None) -> int:
    """Write one line per case; returns the number written. ``confirmed``: case id -> fields checked."""
    count = 0
    for case in cases:
        out.write(case_line(case, (confirmed or {}).get(case.id, ())))
        out.write("\n")
        count += 1
    return count


def _first_error(err: ValidationError) -> str:
    first = err.errors()[0]
    where = ".".join(str(part) for part in first["loc"]) or "line"
    return f"field {where}: {first['msg']} ({err.error_count()} problem(s) in all)"


def _case_of(data: Any) -> Case | str:
    """The case in one decoded line, or what is wrong with it."""
    if not isinstance(data, dict):
        return "not a JSON object; each line must hold one case object"
    if data.get("format") != FORMAT:
        return f"format is {data.get('format')!r}, expected {FORMAT!r}; is this a Spyglass case export?"
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= VERSION:
        return f"version {version!r} is not supported (this Spyglass reads up to {VERSION}); upgrade Spyglass"
    known = {k: v for k, v in data.items() if k in Case.model_fields}
    try:
        case = Case.model_validate(known)
    except ValidationError as err:
        return _first_error(err)
    problem = _case_problem(case)
    return f"{problem}; the line was not imported" if problem else case


def _case_problem(case: Case) -> str | None:
    """What a well-typed case still must not hold (``records.facts_problem``), ids and dates included."""
    if not _CASE_ID.fullmatch(case.id):
        return f"field id: {case.id[:80]!r} is not a case id (letters, digits and . _ : -, as in c-39a612428656)"
    dates = [("first_reported", case.first_reported), ("last_reported", case.last_reported),
             *(("timeline", e.date) for e in case.timeline), *(("sources", s.published) for s in case.sources)]
    for name, value in dates:
        if value is not None and not _is_date(value):
            return f"field {name}: {value[:80]!r} is not an ISO date between {YEARS[0]} and {YEARS[1]}"
    problem = facts_problem(case)
    return f"field {problem}" if problem else None


def _is_date(value: str) -> bool:
    found = _DATE.match(value)
    return found is not None and YEARS[0] <= int(found.group(1)) <= YEARS[1]


def _decoded(raw: str | bytes) -> str | None:
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    # A byte-order mark (some editors add one) is not part of the first case.
    return raw.strip().lstrip("\ufeff")


def read_jsonl(lines: Iterable[str | bytes], source: str = "-") -> Iterator[Case | LineError]:
    """Each case of a JSON Lines export, or a ``LineError`` for a line that is not one.

    Give it a file opened in binary mode so a line that is not UTF-8 is reported alone instead
    of stopping the read. Blank lines are skipped. Keys this version does not know are ignored
    (a newer Spyglass may add fields within version 1).
    """
    for number, raw in enumerate(lines, start=1):
        text = _decoded(raw)
        if text is None:
            yield LineError(source, number, "not UTF-8; export files are UTF-8 (re-save the file as UTF-8)")
            continue
        if not text:
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            yield LineError(source, number, f"not valid JSON ({err.msg} at column {err.colno})")
            continue
        except (RecursionError, ValueError):  # nesting thousands deep, a number of thousands of digits
            yield LineError(source, number, "not a case: JSON nested too deep or a number too long to read")
            continue
        found = _case_of(data)
        yield LineError(source, number, found) if isinstance(found, str) else found
