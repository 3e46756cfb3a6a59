"""One form of a page searched: where each cue may match, and whether two may share a sentence.

The automaton finds each cue's *lead* word (the longest of the words it needs); a phrase then
needs its other words within ``WINDOW`` words and the cue's own pattern to match the text around
it, read as the extractor leaves it (entities decoded, spaces collapsed). A word beside the
page's order (an ``og:title``, a word that tags split) counts as near anything.

``relevance`` anchors an article in a *sentence*: a legal step beside espionage vocabulary or a
service, or espionage vocabulary beside a state or a hint. Sentences are cut here only where
the full path surely cuts them too (``.`` and a space from the page before a capital: a tag
becomes a thin space, which cuts nothing), so two cues here in one sentence may be in two
there, never the other way round.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property

import ahocorasick

from spyglass.understand.relevance import UNSPACED, Cue
from spyglass.understand.sentences import _STARTER

from ._literals import Requirement
from ._needles import Needle
from ._reading import Form, normalised

__all__ = ["Row", "Lead", "Search", "WINDOW", "found_at"]

WINDOW = 12  # words either side of a phrase's lead word within which its other words must be
SPLIT_REACH = 400  # characters read first when counting the words between two places
NEAR_REACH = 20_000  # characters looked through for them (twelve words, and the spaces of any markup)
PHRASE_REACH = 1500  # characters either side of a phrase's lead word read to match the cue
CUE_REACH = 500  # characters a cue's match spans at most, with the spaces of its markup
# A sentence surely ends here in the full path too: a stop, closing quotes, spaces of the page
# (not a tag's thin space) and a capital or digit; or a CJK full stop.
_SURE_END = re.compile(rf"[.!?…][\"'”’)]*[ \t]+(?=[\"'“‘(]?[{_STARTER}])|[。！？][」』）》”’\"']*(?=\S)")


@dataclass(frozen=True)
class Row:
    """One cue row: the words it needs (any one conjunction), or its own pattern."""

    cue: Cue
    need: Requirement
    pattern: re.Pattern[str] | None = None  # when no literal word could be derived

    @cached_property
    def checks(self) -> tuple[tuple[re.Pattern[str], bool], ...]:
        """The cue as ``relevance`` runs it: (pattern, on lower-cased text). A cue without
        capitals runs on lower-cased text, or with IGNORECASE where lower-casing changes a
        text's length; one with capitals (``(?-i:MSS)``) runs with IGNORECASE."""
        body = self.cue.pattern if self.cue.lang in UNSPACED else f"(?<!\\w)(?:{self.cue.pattern})(?!\\w)"
        anycase = (re.compile(body, re.IGNORECASE), False)
        return (anycase,) if self.cue.pattern != self.cue.pattern.lower() else (anycase, (re.compile(body), True))


@dataclass(frozen=True)
class Lead:
    """A conjunction as it is searched: one word, its lead, by the automaton; the others near it."""

    row: Row
    others: tuple[tuple[Needle, ...], ...]  # each other word: its needles


Hit = tuple[str, int]  # (group, place in the form; at or past ``tail``: beside the page's order)
# Automata by the script of their needles' first letters: (the UTF-8 first bytes of those letters,
# None for ASCII, searched in every text; the automaton).
Automata = tuple[tuple[bytes | None, ahocorasick.Automaton], ...]


class Search:
    """One form searched; places of other words and nearness are remembered across leads."""

    def __init__(self, form: Form) -> None:
        self.form = form
        self._places: dict[Needle, list[int]] = {}  # where a needle stands beside the page's order
        self._nearness: dict[tuple[int, int], tuple[bool, bool]] = {}  # (id of needles, start) -> (near, beside)
        self._read: dict[Row, list[tuple[int, int]]] = {}  # windows a cue was read in without a match
        self._there: dict[str, bool] = {}  # needle text -> anywhere in the form

    def rows(self, automaton: Automata) -> set[Row]:
        """Every row of the automaton that may match in the form."""
        found: set[Row] = set()
        for needle, start, leads in self._leads_at(automaton):
            found.update(lead.row for lead in leads if lead.row not in found and self._complete(lead, start, needle))
        return found

    def hits(self, automaton: Automata) -> list[Hit]:
        """Every (group, place) where a row of the automaton may match; one per group and place."""
        found: list[Hit] = []
        for needle, start, leads in self._leads_at(automaton):
            done: set[str] = set()
            for lead in leads:
                group = lead.row.cue.group
                if group not in done and self._complete(lead, start, needle):
                    done.add(group)
                    found.append((group, start))
        return found

    def sentence_of(self, place: int) -> int:
        """The sentence a place is in (-1: beside the page's order, in every sentence at once)."""
        return -1 if place >= self.form.tail else bisect_right(self._ends, place)

    @cached_property
    def _ends(self) -> list[int]:
        return [m.end() for m in _SURE_END.finditer(self.form.written, 0, self.form.tail)]

    def _leads_at(self, automata: Automata) -> Iterator[tuple[Needle, int, tuple[Lead, ...]]]:
        """Each valid place of a lead needle, with its leads; an automaton whose needles start
        in a script the text has no letter of (no UTF-8 first byte of theirs) is not run."""
        form = self.form
        for first_bytes, automaton in automata:
            if first_bytes is not None and not any(byte in self._encoded for byte in first_bytes):
                continue
            for end, entries in automaton.iter(form.folded):
                for needle, leads in entries:
                    start = end + 1 - len(needle.text)
                    if found_at(form, needle, start):
                        yield needle, start, leads

    @cached_property
    def _encoded(self) -> bytes:
        return b"" if self.form.folded.isascii() else self.form.folded.encode("utf-8", "surrogatepass")

    def _complete(self, lead: Lead, start: int, needle: Needle) -> bool:
        """Does the lead found at ``start`` make its row possible? A single word does; a phrase
        needs its other words near, and the cue itself to match the text around, unless a word
        of it stands beside the page's order."""
        if not lead.others:
            return True
        end = start + len(needle.text)
        beside = False
        for others in lead.others:
            known = self._nearness.get((id(others), start))
            if known is None:
                noted: list[bool] = []
                known = self._nearness[id(others), start] = (self._near(others, start, end, noted), bool(noted))
            if not known[0]:
                return False
            beside = beside or known[1]
        return start >= self.form.tail or beside or self._matches_around(lead.row, start, end)

    def _matches_around(self, row: Row, start: int, end: int) -> bool:
        """Does the cue match in the text around the lead? A window read before that holds this
        one's reach (``CUE_REACH``) either side and did not match need not be read again."""
        read = self._read.setdefault(row, [])
        if any(lo <= start - CUE_REACH and end + CUE_REACH <= hi for lo, hi in read):
            return False
        lo, hi = max(0, start - PHRASE_REACH), min(self.form.tail, end + PHRASE_REACH)
        text = " ".join(normalised(self.form.written[lo:hi]).split())
        if any(pattern.search(text.lower() if lowered else text) for pattern, lowered in row.checks):
            return True
        read.append((lo if lo > 0 else -PHRASE_REACH, hi if hi < self.form.tail else hi + PHRASE_REACH))
        return False

    def _near(self, needles: tuple[Needle, ...], start: int, end: int, beside: list[bool]) -> bool:
        """Is one of ``needles`` within ``WINDOW`` words of [start, end), or beside the page's
        order (noted in ``beside``)? Looked for outwards from the lead, nearest first."""
        form = self.form
        text, folded, tail = form.written, form.folded, form.tail
        if start >= tail:
            beside.append(True)
            return any(self._anywhere(needle) for needle in needles)
        for needle in needles:
            if not self._present(needle):
                continue
            reach = min(tail, end + NEAR_REACH)
            at = folded.find(needle.text, end, reach)
            while at >= 0 and _words_between(text, end, at) <= WINDOW:
                if found_at(form, needle, at):
                    return True
                at = folded.find(needle.text, at + 1, reach)
            back = max(0, start - NEAR_REACH)
            at = folded.rfind(needle.text, back, start)
            while at >= 0 and _words_between(text, at + len(needle.text), start) <= WINDOW:
                if found_at(form, needle, at):
                    return True
                at = folded.rfind(needle.text, back, at)
            if self._beside(needle):
                beside.append(True)
                return True
        return False

    def _present(self, needle: Needle) -> bool:
        """Is the needle's text anywhere in the form (looked for once per form)?"""
        known = self._there.get(needle.text)
        if known is None:
            known = self._there[needle.text] = needle.text in self.form.folded
        return known

    def _anywhere(self, needle: Needle) -> bool:
        folded = self.form.folded
        at = folded.find(needle.text)
        while at >= 0 and not found_at(self.form, needle, at):
            at = folded.find(needle.text, at + 1)
        return at >= 0

    def _beside(self, needle: Needle) -> bool:
        """Is the needle among what stands beside the page's order (looked for once per form)?"""
        known = self._places.get(needle)
        if known is None:
            folded, form = self.form.folded, self.form
            at = folded.find(needle.text, form.tail)
            while at >= 0 and not found_at(form, needle, at):
                at = folded.find(needle.text, at + 1)
            known = self._places[needle] = [at] if at >= 0 else []
        return bool(known)


def _words_between(text: str, start: int, end: int) -> int:
    """How many words stand between two places (counted up to ``WINDOW + 1``)."""
    reach = min(end, start + SPLIT_REACH)
    count = len(text[start:reach].split(None, WINDOW + 1))
    if count > WINDOW or reach == end:
        return count
    return len(text[start:end].split(None, WINDOW + 1))  # a long run of spaces: read on


def found_at(form: Form, needle: Needle, start: int) -> bool:
    """Does the needle found at ``start`` stand as the full path could read it: bounded where
    it must be, and in its exact case where it must be?"""
    text = form.folded
    end = start + len(needle.text)
    if needle.left and not _open_before(text, start) or needle.right and _word_char(text, end):
        return False
    return needle.exact is None or form.written[start:end] == needle.exact


def _open_before(text: str, start: int) -> bool:
    """No word character before ``start``; a JSON escape (``\\n``, ``\\u2019``) counts as none."""
    return not _word_char(text, start - 1) or text[start - 2:start - 1] == "\\" or text[start - 6:start - 4] == "\\u"


def _word_char(text: str, at: int) -> bool:
    """Is there a character at ``at`` that ``re`` counts as ``\\w``?"""
    if at < 0 or at >= len(text):
        return False
    char = text[at]
    return char.isalnum() or char == "_"
