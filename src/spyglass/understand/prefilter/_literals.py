"""What literal words a regex match must contain: a pattern -> an OR of ANDs of words.

The parse tree of a pattern (``re._parser``, the tree ``re`` itself compiles) is walked once:
literals, small character classes, alternations and short repeats are expanded into the exact
strings a part can match while that stays small; anything wider (``\\w*``, ``.``, a long optional
prefix) ends a run of exact strings, and the runs a match must pass through are ANDed. Each
exact string is cut into words at every non-word character (a space in a cue may be any space,
a tag or a line break on the page), so ``foreign agents?`` needs the words ``foreign`` and
``agent``. Assertions are ignored: dropping a condition can only let more texts through.

The result is sound by construction: every string the pattern matches contains every word of
at least one of the conjunctions. ``None`` means no literal is required (the caller falls back to
the pattern itself). Words inside ``(?-i:...)`` of a pattern run case-insensitively elsewhere
are marked case-sensitive, so ``MSS`` is not looked for in "class".
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]  # the tree ``re`` compiles
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["Word", "Requirement", "requirement_of", "requirements_of"]

MAX_EXACT = 64  # exact strings kept for one part before it becomes a requirement
MAX_CONJUNCTIONS = 512  # conjunctions an AND of requirements may multiply into
MAX_CLASS = 16  # a character class wider than this matches "anything"
MAX_REPEAT_EXPANDED = 3  # {m,n} expanded into exact strings up to this n
MAX_SPREAD = 32  # alternatives an alternation is spread over with what surrounds it


@dataclass(frozen=True, order=True)
class Word:
    """A literal a match contains; ``cased`` when the pattern demands exactly these letters' case;
    ``left``/``right`` when a match has no word character next to it on that side."""

    text: str
    cased: bool = False
    left: bool = False
    right: bool = False


Conjunction = frozenset[Word]
Requirement = frozenset[Conjunction]  # any one conjunction: all of its words
_Chars = tuple[tuple[str, bool], ...]  # an exact string, each character with its case-sensitivity


@dataclass(frozen=True)
class _Info:
    """What a part of a pattern matches: exactly one of ``exact`` (a few strings), or a
    ``need`` (None: nothing literal is required)."""

    exact: frozenset[_Chars] | None
    need: Requirement | None = None


_EMPTY = _Info(frozenset({()}))
_ANYTHING = _Info(None, None)


_EDGE = (sre.LITERAL, 2)  # where a bounded pattern starts and ends: no word character there


def requirement_of(pattern: str, cased: bool, bounded: bool) -> Requirement | None:
    """The words every match of ``pattern`` contains. ``cased``: the pattern runs with
    case-sensitive parts (``(?-i:...)``) honoured; else every letter matches either case.
    ``bounded``: the pattern only matches between non-word characters (``(?<!\\w)...(?!\\w)``)."""
    items = list(sre_parse.parse(pattern, 0))
    if bounded:
        items = [_EDGE, *items, _EDGE]
    return _need(_sequence(items, False, cased))


Query = tuple[str, bool, bool]  # (pattern, cased, bounded): the arguments of ``requirement_of``


def requirements_of(queries: Sequence[Query], folder: Path) -> list[Requirement | None]:
    """``requirement_of`` each query, read from the copy a run computed before in ``folder``
    (seconds of parsing for a table of hundreds of cues, in every process that starts). The
    copy is named by a digest of the queries, this module's code and Python's version: a
    changed table or walk computes anew. A copy that cannot be read or written is no error."""
    digest = hashlib.sha256(json.dumps([list(query) for query in queries]).encode())
    digest.update(Path(__file__).read_bytes())
    digest.update(sys.version.encode())
    path = folder / f"literals-{digest.hexdigest()[:24]}.json"
    with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
        return [_requirement_from(item) for item in json.loads(path.read_text(encoding="utf-8"))]
    found = [requirement_of(*query) for query in queries]
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(json.dumps([_requirement_to(need) for need in found]), encoding="utf-8")
        partial.replace(path)  # whole or not at all: a reader never sees half a copy
    return found


def _requirement_to(need: Requirement | None) -> list[list[list[object]]] | None:
    if need is None:
        return None
    return sorted(sorted([w.text, w.cased, w.left, w.right] for w in conj) for conj in need)


def _requirement_from(item: list[list[list[object]]] | None) -> Requirement | None:
    if item is None:
        return None
    return frozenset(frozenset(Word(str(t), bool(c), bool(lft), bool(rgt)) for t, c, lft, rgt in conj)
                     for conj in item)


def _need(info: _Info) -> Requirement | None:
    return _from_exact(info.exact) if info.exact is not None else info.need


def _sequence(items: list[tuple[object, object]], sensitive: bool, cased: bool) -> _Info:
    """A concatenation: exact strings multiply while few; each run that gets too wide or meets
    a part without exact strings becomes one requirement, and the requirements are ANDed."""
    spread = _distributed(items)
    if spread is not None:
        return _branch(spread, sensitive, cased)
    needs: list[Requirement | None] = []
    run: frozenset[_Chars] | None = frozenset({()})
    for op, av in items:
        part = _node(op, av, sensitive, cased)
        if part.exact is not None and run is not None and len(run) * len(part.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        if run is not None:
            needs.append(_from_exact(run))
        needs.append(part.need if part.exact is None else None)
        run = part.exact
    if len(needs) == 0:
        return _Info(run)
    if run is not None:
        needs.append(_from_exact(run))
    return _Info(None, _all_of(needs))


def _distributed(items: list[tuple[object, object]]) -> list[list[tuple[object, object]]] | None:
    """``a(?:b\\w*|c\\w*)d`` as ``ab\\w*d|ac\\w*d``: what surrounds an alternation then stays in one
    word with each alternative (``re`` itself factors ``x\\w*|y\\w*`` into a common prefix and a
    branch). None when no alternation needs it or it would multiply too far."""
    items = _flattened(items)
    for index, (op, av) in enumerate(items):
        if op is sre.BRANCH and len(items) > 1:
            branches = av[1]  # type: ignore[index]
            if len(branches) > MAX_SPREAD or _exact_everywhere(branches):
                continue
            return [items[:index] + list(branch) + items[index + 1:] for branch in branches]
    return None


def _flattened(items: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Groups that change no flag, opened in place: ``(?:a|b)`` is just its alternation."""
    flat: list[tuple[object, object]] = []
    for op, av in items:
        if op is sre.SUBPATTERN and not av[1] and not av[2]:  # type: ignore[index]
            flat.extend(_flattened(list(av[3])))  # type: ignore[index]
        else:
            flat.append((op, av))
    return flat


def _exact_everywhere(branches: list[list[tuple[object, object]]]) -> bool:
    """Every alternative is a plain literal: the cross product of exact strings handles it."""
    return all(op is sre.LITERAL for branch in branches for op, _ in branch)


def _node(op: object, av: Any, sensitive: bool, cased: bool) -> _Info:  # noqa: PLR0911 - one case per opcode
    if op is sre.LITERAL:
        return _Info(frozenset({((chr(av), sensitive),)}))
    if op is sre.IN:
        chars = _class_chars(av)
        return _ANYTHING if chars is None else _Info(frozenset(((c, sensitive),) for c in chars))
    if op is sre.BRANCH:
        return _branch(av[1], sensitive, cased)
    if op is sre.SUBPATTERN:
        _, add, remove, tree = av
        if cased and remove & sre.SRE_FLAG_IGNORECASE:
            sensitive = True
        if add & sre.SRE_FLAG_IGNORECASE:
            sensitive = False
        return _sequence(list(tree), sensitive, cased)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, tree = av
        return _repeat(low, high, _sequence(list(tree), sensitive, cased))
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), sensitive, cased)
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _EMPTY  # a condition on the surroundings consumes nothing
    return _ANYTHING  # ANY, NOT_LITERAL, GROUPREF...: no literal to rely on


def _class_chars(items: list[tuple[object, Any]]) -> list[str] | None:
    """The characters of a small positive class (``[ií]``, ``[’']``), else None."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < MAX_CLASS:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return None  # NEGATE, a category (\w, \s), a wide range
    return chars if len(chars) <= MAX_CLASS else None


def _branch(branches: list[list[tuple[object, object]]], sensitive: bool, cased: bool) -> _Info:
    infos = [_sequence(list(b), sensitive, cased) for b in branches]
    if all(i.exact is not None for i in infos):
        union = frozenset().union(*(i.exact for i in infos if i.exact is not None))
        if len(union) <= MAX_EXACT:
            return _Info(union)
    needs = [_need(i) for i in infos]
    if any(n is None for n in needs):
        return _ANYTHING  # one alternative needs nothing literal, so neither does the whole
    return _Info(None, _minimal(frozenset().union(*needs)))  # type: ignore[arg-type]


def _repeat(low: int, high: int, inner: _Info) -> _Info:
    if inner.exact is not None and high <= MAX_REPEAT_EXPANDED:
        found: set[_Chars] = set()
        power: frozenset[_Chars] = frozenset({()})
        for count in range(high + 1):
            if count >= low:
                found |= power
            if len(found) > MAX_EXACT:
                break
            power = frozenset(a + b for a in power for b in inner.exact)
        else:
            return _Info(frozenset(found))
    if low == 0:
        return _ANYTHING
    return _Info(None, _need(inner))  # at least once


# --- from exact strings to words ----------------------------------------------------------

def _from_exact(strings: frozenset[_Chars]) -> Requirement | None:
    """Each exact string cut into words; None when one of them holds no usable word."""
    conjunctions = set()
    for chars in strings:
        words = frozenset(w for w in _words(chars) if _usable(w))
        if not words:
            return None
        conjunctions.add(words)
    return _minimal(frozenset(conjunctions))


def _words(chars: _Chars) -> list[Word]:
    """Maximal runs of word characters; a run is case-sensitive only if all of it is, and
    bounded on a side where a non-word character (not the end of the string) stands next to it."""
    words: list[Word] = []
    start = 0
    for index, (char, _) in enumerate((*chars, ("", False))):
        if char and _WORD_CHAR.match(char):
            continue
        run = chars[start:index]
        if run:
            text = "".join(c for c, _ in run)
            strict = all(s for _, s in run)
            words.append(Word(text if strict else text.lower(), strict, start > 0, index < len(chars)))
        start = index + 1
    return words


_WORD_CHAR = re.compile(r"[\w\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u3099\u309a]")
# Word characters, and the combining marks that are part of words although ``\w`` leaves them
# out (the dot of Turkish "i̇", Hebrew points, Arabic vowel marks, kana voicing marks).


def _usable(word: Word) -> bool:
    """Long enough to tell pages apart: one ideograph, two letters of an acronym or of another
    non-Latin script, three of a Latin word (shorter ones are dropped from their conjunction,
    which stays sound)."""
    if word.text.isascii():
        return len(word.text) >= (2 if word.cased else 3)
    return len(word.text) >= (1 if ord(word.text[0]) >= CJK_START else 2)


CJK_START = 0x2E80  # CJK radicals, kana, ideographs, Hangul and beyond: a character is a word


def _all_of(needs: list[Requirement | None]) -> Requirement | None:
    """AND of requirements: the strongest first, then others while the product stays small."""
    known = sorted((n for n in needs if n is not None), key=lambda n: (-strength(n), _canonical(n)))
    if not known:
        return None
    result = known[0]
    for other in known[1:]:
        if len(result) * len(other) > MAX_CONJUNCTIONS:
            continue
        result = frozenset(a | b for a in result for b in other)
    return _minimal(result)


def _canonical(need: Requirement) -> list[list[Word]]:
    """A requirement in one order, whatever the order its sets were built in: ties are broken
    by it, so every process derives the same words (set order changes with each process)."""
    return sorted(sorted(conj) for conj in need)


def strength(need: Requirement) -> float:
    """How rare a page meeting the requirement is, roughly: its weakest conjunction's letters."""
    return min(sum(_letters(w) for w in conj) for conj in need)


def _letters(word: Word) -> float:
    return len(word.text) * (1.0 if word.text.isascii() else 2.0)


def _minimal(need: Requirement) -> Requirement:
    """Drop conjunctions implied by another: {"agents"} is redundant next to {"agent"}."""
    ordered = sorted(need, key=lambda c: (len(c), sum(len(w.text) for w in c), sorted(c)))
    kept: list[Conjunction] = []
    for conj in ordered:
        folded, exact = _joined(conj)
        if not any(all(_marked(w, w.text) in (exact if w.cased else folded) for w in smaller) for smaller in kept):
            kept.append(conj)
    return frozenset(kept)


def _joined(conj: Conjunction) -> tuple[str, str]:
    """The words of a conjunction in one string each way they can be looked in: any case, and
    the case-sensitive ones as written (a NUL between words, which no word holds; a bounded
    side marked, so that only a word bounded there too implies it)."""
    folded = "\0".join(_marked(w, w.text.lower() if w.cased else w.text) for w in conj)
    return folded, "\0".join(_marked(w, w.text) for w in conj if w.cased)


def _marked(word: Word, text: str) -> str:
    return ("\x02" if word.left else "") + text + ("\x02" if word.right else "")
