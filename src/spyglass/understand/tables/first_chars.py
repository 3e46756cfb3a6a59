"""The characters a rule's regex can start a match with, and the alternatives it is made of.

A table compiled into one alternation of many regexes tries every regex at every word start:
most fail on their first character. Knowing the possible first characters of each regex's
alternatives lets the alternation test one look-ahead per character instead (only the
alternatives that begin with an "s" are tried at a word that does). The regex is read with
``re``'s own parser; where it cannot tell (a ``\\w`` or ``.`` first, an unknown construct, a
parser that changed) the answer is ``None``: try it everywhere.
"""

from __future__ import annotations

import re
from _sre import unicode_tolower  # ``re``'s own simple lower case
from re._casefix import _EXTRA_CASES  # the letters ``re`` joins
from typing import Any

__all__ = ["first_chars", "edge_chars", "ignorecase_key", "top_level_branches"]

try:  # the parser behind ``re`` (Python 3.11+); without it every regex is tried everywhere
    from re import _constants as _ops  # type: ignore[attr-defined]
    from re import _parser as _sre  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - an interpreter without them
    _sre = _ops = None

_WIDEST_RANGE = 400  # a class wider than this ([^...], [\u0400-\u04ff] is 256) is "anything"


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Every character a match of ``pattern`` can begin with, or None where that is unknown
    or the pattern can match the empty string."""
    return _edge_chars(pattern, flags, backwards=False)


def edge_chars(items: list[tuple[Any, Any]], icase: bool, backwards: bool) -> frozenset[str] | None:
    """Every character a match of the parsed ``items`` can begin with (or, ``backwards``, end
    with), or None as for ``first_chars``."""
    try:
        found = _sequence(list(items), icase, backwards)
    except (TypeError, ValueError, AttributeError, RecursionError):
        return None
    return None if found is None else frozenset(found)


def _edge_chars(pattern: str, flags: int, backwards: bool) -> frozenset[str] | None:
    if _sre is None:
        return None
    try:
        parsed = _sre.parse(pattern, flags)
    except (re.error, TypeError, ValueError, AttributeError, RecursionError):
        return None
    return edge_chars(list(parsed), bool(flags & re.IGNORECASE), backwards)


def ignorecase_key(code: int) -> int:
    """What ``re`` compares under IGNORECASE: the simple lower case, joined with the letters it
    treats as the same (``re._casefix``: ı and i, ſ and s, ς and σ...)."""
    lower = unicode_tolower(code)
    return min((lower, *_EXTRA_CASES.get(lower, ())))


def top_level_branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` outside any group or class (``a|b(c|d)`` -> ``a``,
    ``b(c|d)``); one, the pattern itself, where it has none."""
    branches, depth, start, at, in_class = [], 0, 0, 0, False
    while at < len(pattern):
        char = pattern[at]
        if char == "\\":
            at += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            at += 2 if pattern[at + 1:at + 3] == "^]" else 1 if pattern[at + 1:at + 2] in ("^", "]") else 0
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(pattern[start:at])
            start = at + 1
        at += 1
    return [*branches, pattern[start:]]


def _sequence(items: list[tuple[Any, Any]], icase: bool, backwards: bool = False) -> set[str] | None:
    out: set[str] = set()
    for op, arg in reversed(items) if backwards else items:
        found, may_be_empty = _item(op, arg, icase, backwards)
        if found is None:
            return None
        out |= found
        if not may_be_empty:
            return out
    return None  # the whole sequence may match nothing: any position can start it


def _item(op: Any, arg: Any, icase: bool, backwards: bool) -> tuple[set[str] | None, bool]:
    """(first characters, or last ones ``backwards``, and whether the item may match empty) of
    one parsed item."""
    if op is _ops.LITERAL:
        return _cased({chr(arg)}, icase), False
    if op is _ops.IN:
        return _class(arg, icase), False
    if op is _ops.BRANCH:
        out: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch), icase, backwards)
            if found is None:
                return None, False
            out |= found
        return out, False
    if op is _ops.SUBPATTERN:
        _, add_flags, del_flags, inner = arg
        inner_icase = (icase or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _sequence(list(inner), inner_icase, backwards), False
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, getattr(_ops, "POSSESSIVE_REPEAT", None)):
        low, _, inner = arg
        return _sequence(list(inner), icase, backwards), low == 0
    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return set(), True  # zero width: the next item decides
    return None, False  # ANY, NOT_LITERAL, group references, atomic groups...


def _class(items: list[tuple[Any, Any]], icase: bool) -> set[str] | None:
    out: set[str] = set()
    for op, arg in items:
        if op is _ops.LITERAL:
            out.add(chr(arg))
        elif op is _ops.RANGE and arg[1] - arg[0] <= _WIDEST_RANGE:
            out.update(chr(code) for code in range(arg[0], arg[1] + 1))
        else:
            return None  # a negated class, \w, \d...: anything
    return _cased(out, icase)


def _cased(chars: set[str], icase: bool) -> set[str]:
    if not icase:
        return chars
    return chars | {c.lower() for c in chars if len(c.lower()) == 1} | {c.upper() for c in chars if len(c.upper()) == 1}
