"""The first look at a page: may one of its sentences hold an anchor at all? Hyperscan scans say.

Nearly every page of a crawl holds no espionage word, and extracting and analysing a real page
costs tens of milliseconds. Before that, every cue of the table is compiled into Hyperscan
databases (the ``hyperscan`` package:
Intel's multi-pattern regex engine, in C), one of the strong cues and one of the weak ones, and
run over the page's markup as it is, blocks removed. Each match is placed in every sentence it
may start in (Hyperscan tells where a match ends; a match spans at most ``CUE_REACH``
characters), sentences cut only at sure ends outside tags (a stop, closing quotes, spaces of the
page and a capital or digit, or a CJK full stop: the full path cuts a sentence there too); a page
none of whose sentences may hold an anchor cannot be relevant, so it is skipped unparsed.

Each cue's pattern is rewritten from ``re``'s own parse tree into one that matches a superset of
what the full path can match in the page's text: a space of the cue may be any run of spaces,
tags, entities and JSON escapes (markup the full path turns into a space); a punctuation mark
may be written as an entity or escape that decodes to it; a run of markup is one iteration of a
repeat, as it is one space in the text read (the weak cues keep their repeats' bounds; the strong
ones, whose database with bounds did not compile in minutes, are unbounded); assertions are dropped; acronyms keep their
case, and ``re``'s case partners are added where Hyperscan lacks them. Each alternative keeps the
word bounds that are exact for it (one that starts or ends with word characters only), and a
JSON escape before a word counts as a bound (the page decodes it). A match that ends
inside a tag (an attribute value) is no text, but for ``<meta content>`` and ``<math alttext>``,
which a reader shows (they count in every sentence).

The page is scanned in the forms the full path may read it in (``_reading``): as written, with its
entities and escapes decoded where they may spell a letter, in NFC where it is not, and with the
inline tags that glue letters removed (``E</span>spionage``); the page as written is scanned
whole, the other readings only around their edits unless the page may anchor in one of them
(``may_anchor``). A punctuation mark of a cue matches only the entities and escapes that decode
to it. The corpus tests and ``benchmarks/prefilter.py`` run both the sieve and the full path.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import html.entities
import os
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from re import _constants as sre  # type: ignore[attr-defined]  # the tree ``re`` compiles
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, AnyStr

import hyperscan

from spyglass.understand.derived import cache_folder
from spyglass.understand.relevance import UNSPACED, Cue
from spyglass.understand.sentences import _STARTER
from spyglass.understand.tables.first_chars import edge_chars, ignorecase_key

from ._reading import (
    _ENTITY,
    _GLUED_TAGS,
    _JSON_ESCAPE,
    _PLAIN_ASCII,
    AMPERSAND,
    MAX_UNESCAPES,
    _dropped,
    _has_dropped,
    _ranges,
    _without_blocks,
    entity_decoded,
    unescaped,
)

__all__ = ["Sieve", "sieve_pattern", "sieve_branches", "may_anchor", "UnsupportedCue", "EVERYWHERE", "CUE_REACH"]

CUE_REACH = 500  # characters a cue's match spans at most, with the spaces of its markup

# Every character ``str.split`` splits at (Hyperscan's ``\\s`` without UCP is ASCII only).
SPACES = "".join(f"\\x{{{lo:x}}}" + (f"-\\x{{{hi:x}}}" if hi > lo else "")
                 for lo, hi in _ranges(code for code in range(0x3001) if chr(code).isspace()))
# What a space of a cue may be in a page's markup: spaces, tags, comments, entities, JSON escapes.
GAP = rf"(?:[{SPACES}]|<[^<>]*>|&#?[A-Za-z0-9]+;?|\\u[0-9A-Fa-f]+|\\[nrtbf])+"
# A punctuation mark of a cue, or the entity or JSON escape that spells it.
_SPELLED = r"|&#?[A-Za-z0-9]+;?|\\u[0-9A-Fa-f]+"
_ESCAPED = r"\\?"  # a JSON string escapes quotes and slashes: ``\"``
# Before a word: the start, a character no word holds, or a JSON escape (``\\nSpy``, ``\\u201cSpy``)
# that the page decodes; after one: the end or such a character. Without UCP (whose tables make
# such patterns too large to compile) Hyperscan's ``\\W`` holds every non-ASCII character: more
# bounds than ``re`` sees, never fewer.
_OPEN = r"(?:^|\W|\\[\s\S]|\\u[\s\S]{4})"
_CLOSE = r"(?:\W|$)"
_NON_ASCII = r"\x{80}-\x{10ffff}"  # a word character ``re`` knows and Hyperscan's ``\\w`` does not
_FLAGS = hyperscan.HS_FLAG_CASELESS | hyperscan.HS_FLAG_UTF8 | hyperscan.HS_FLAG_DOTALL
_TEXT_TAGS = (b"<meta", b"<math")  # tags whose attribute a reader shows as text
_WIDEST_RANGE = 0x400  # a range of a class wider than this is not given its case partners
# Characters around an edit of a reading that a match through it may reach: a match spans at most
# ``CUE_REACH`` characters, and its bounds look at most six further (a JSON escape).
WINDOW_REACH = CUE_REACH + 16
_BOUNDS = 7  # characters a match's word bounds take: a JSON escape before it (six), one after
_WINDOWS_APART = "\n|\n"  # between two windows of a page read together: a bound, no space, no tag
_ESCAPED_MARKUP_MARK = "lt;"  # a page holding it is read with its escaped markup unescaped too
_ESCAPED_MARKUP = re.compile(r"&(?:amp;)*(?:lt|gt|amp);")  # what that reading changes
EVERYWHERE = -1  # the sentence of a match in an attribute a reader shows: beside the page's order


class UnsupportedCue(ValueError):
    """A cue whose pattern holds a construct the rewrite does not know (a group reference)."""


class Sieve:
    """Cues of the table in one Hyperscan database, each alternative of a cue an expression of
    its own with the width of its matches, and the scan of a page."""

    def __init__(self, table: Sequence[Cue], cache: Path | None = None, bounded: bool = False) -> None:
        self.cues = tuple(table)
        parts = [(number, pattern, width) for number, cue in enumerate(self.cues)
                 for pattern, width in sieve_branches(cue, bounded)]
        self._cue_of = tuple(number for number, _, _ in parts)
        self.widths = tuple(width for _, _, width in parts)
        self._db = _database([pattern.encode("utf-8") for _, pattern, _ in parts], cache or cache_folder())
        self._scratch = hyperscan.Scratch(self._db)

    def cue(self, expression: int) -> Cue:
        """The cue an expression of the database is an alternative of."""
        return self.cues[self._cue_of[expression]]

    def cues_in(self, page: str) -> frozenset[str]:
        """Ids of the cues that may match in the text of the HTML ``page`` (for tests)."""
        found: set[str] = set()
        for text in _texts_of(_without_blocks(page)):
            data = text.encode("utf-8", "replace")
            found.update(self.cue(expr).id for expr, end in self.ends(data) if _tag_at(data, end) != b"hidden")
        return frozenset(found)

    def ends(self, data: bytes) -> list[tuple[int, int]]:
        """(expression number, end offset) of every match in the UTF-8 ``data``."""
        ends: list[tuple[int, int]] = []
        self._db.scan(data, match_event_handler=lambda expr, _start, end, *_: ends.append((expr, end)),
                      scratch=self._scratch)
        return ends


def may_anchor(page: str, strong: Sieve, weak: Sieve, anchored: Callable[[dict[int, set[str]]], bool]) -> bool:
    """Does one reading of the HTML ``page`` hold a strong cue and an ``anchored`` set of groups:
    the groups of the cues that may match in each of its sentences (``EVERYWHERE``: in an
    attribute a reader shows)? Sentences are cut only at a sure end outside tags
    (``_sure_ends``), where the full path cuts too; a match counts in every sentence
    it may start in (Hyperscan tells where it ends, and a match spans at most ``CUE_REACH``
    characters).

    The page as written is read first, whole. Another reading differs from it only at its edits
    (``_edits``), so a match it holds that the page lacks lies within ``WINDOW_REACH`` of one: the
    text around the edits is read the other ways (``_near_edits``). Another reading cuts every
    sentence the page as written cuts (its edits only add stops) and is shorter by at most the
    edits, so it can anchor only if the page as written anchors with its own matches reaching that
    much further and each match near an edit counted in every sentence its window meets
    (``_loosely``). Only then are the other readings read whole; and always for a page not in
    NFC, or with escaped markup and a strong match (its tags change in another reading)."""
    kept = _without_blocks(page)
    written = kept.encode("utf-8", "replace")
    ends = strong.ends(written)
    first = _placed(strong, written, ends)
    found = first + _placed(weak, written) if first else []
    stops = _sure_ends(written) if first else None  # read once: the loose look below needs them too
    if first and anchored(_by_sentence(written, found, _per_char(written, kept), stops)):
        return True
    edits = _edits(kept)
    # Escaped markup ("&lt;b&gt;") is markup in another reading: a match hidden in a tag here may
    # show there, and a stop may fall inside a tag. The look near the edits then answers only for
    # a page without a strong match, hidden or not, and only whether a strong cue may be there.
    escaped = _ESCAPED_MARKUP_MARK in kept
    near = None if edits is None or ends and escaped else _near_edits(kept, written, edits, (strong, weak))
    if near is not None:
        if not first and not any(match.strong for match in near):
            return False
        if not escaped:
            # another reading: shorter by at most the edits, its decoded letters maybe not ASCII
            shrink = sum(len(kept[start:end].encode("utf-8", "replace")) for start, end in edits or [])
            loose = _loosely(written, found or _placed(weak, written), near, shrink, stops)
            if not anchored(loose):
                return False
    for text in islice(_texts_of(kept), 1, None):
        data = text.encode("utf-8", "replace")
        matches = _placed(strong, data)
        if matches and anchored(_by_sentence(data, matches + _placed(weak, data), _per_char(data, text))):
            return True
    return False


def _loosely(written: bytes, found: list[_Match], near: list[_Near], shrink: int,
             stops: list[int] | None = None) -> dict[int, set[str]]:
    """The groups in each sentence of the page as written that any other reading may hold there:
    its own matches reaching ``shrink`` bytes further back than their width (another reading is
    shorter by at most its edits, and its letters may not be ASCII), and each match near an edit
    in every sentence its window (and ``CUE_REACH`` before it) meets. Another reading cuts every
    sentence this page cuts (its edits add stops, never remove one), so a sentence of it lies
    within one of these."""
    stops = _sure_ends(written) if stops is None else stops
    by_sentence = _by_sentence(written, found, 4, stops, shrink)
    reach = CUE_REACH * 4 + shrink
    for match in near:
        if match.everywhere:
            by_sentence.setdefault(EVERYWHERE, set()).add(match.group)
            continue
        for sentence in range(bisect_right(stops, match.start - reach), bisect_right(stops, match.end) + 1):
            by_sentence.setdefault(sentence, set()).add(match.group)
    return by_sentence


def _per_char(data: bytes, text: str) -> int:
    """Bytes of ``data`` (``text`` as UTF-8) a character of it may take: 1 where all are ASCII."""
    return 1 if len(data) == len(text) else 4


# A match: its cue's group, where it ends, ``_tag_at`` its end, and the characters it spans at
# most (None: up to ``CUE_REACH``, markup and all).
_Match = tuple[str, int, bytes | None, int | None]


def _by_sentence(data: bytes, found: list[_Match], per_char: int, stops: list[int] | None = None,
                 further: int = 0) -> dict[int, set[str]]:
    """The groups of the matches ``found`` in each sentence of a reading, each counted in every
    sentence it may start in: its width back from its end (a character being at most
    ``per_char`` bytes), and ``further`` bytes more (``stops``: the sure ends, if found already)."""
    stops = _sure_ends(data) if stops is None else stops
    by_sentence: dict[int, set[str]] = {}
    for group, end, where, width in found:
        if where == b"text":
            by_sentence.setdefault(EVERYWHERE, set()).add(group)
            continue
        reach = (CUE_REACH if width is None else width + _BOUNDS) * per_char + further
        for sentence in range(bisect_right(stops, end - reach), bisect_right(stops, end) + 1):
            by_sentence.setdefault(sentence, set()).add(group)
    return by_sentence


def _placed(sieve: Sieve, data: bytes, ends: list[tuple[int, int]] | None = None) -> list[_Match]:
    """Every match of the sieve's cues that is text (``ends``: the sieve's matches in ``data``,
    if scanned already)."""
    found = []
    for expr, end in sieve.ends(data) if ends is None else ends:
        where = _tag_at(data, end)
        if where != b"hidden":
            found.append((sieve.cue(expr).group, end, where, sieve.widths[expr]))
    return found


def _sure_ends(data: bytes) -> list[int]:
    """Byte offsets in ``data`` where a sentence surely ends (a stop, closing quotes, spaces of
    the page and a capital or digit; a CJK full stop), outside tags. Each is given after the
    capital that follows: a match of a cue that ends before it is in the sentence before."""
    ends: list[int] = []
    _stops().scan(data, match_event_handler=lambda _id, _start, end, *_: ends.append(end))
    return sorted({end for end in ends if _tag_at(data, end) is None})


@lru_cache(maxsize=1)
def _stops() -> hyperscan.Database:
    """Where a sentence surely ends, for Hyperscan (it has no look-ahead: the capital is matched).
    Only spaces of the page may stand between the stop and the capital: cutting fewer sentences
    than the full path lets more through, never less."""
    not_space = f"[^{SPACES}]"
    pattern = (rf"[.!?…][\"'”’)]*[ \t]+[\"'“‘(]?[{_STARTER}]"
               rf"|[。！？][」』）》”’\"']*{not_space}")
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=[pattern.encode("utf-8")], ids=[0], elements=1, flags=[hyperscan.HS_FLAG_UTF8])
    return db


def _database(patterns: list[bytes], folder: Path) -> hyperscan.Database:
    """The patterns compiled (some seconds), or loaded from the copy a run compiled before. The
    copy is named by a digest of the patterns, flags and engine version: a changed cue table
    compiles anew. A copy that cannot be read or written is no error: it is compiled here."""
    digest = hashlib.sha256(b"\0".join([str(_FLAGS).encode(), str(getattr(hyperscan, "__version__", "")).encode(), *patterns]))
    path = folder / f"sieve-{digest.hexdigest()[:24]}.hsdb"
    with contextlib.suppress(OSError, hyperscan.error):
        return hyperscan.loadb(path.read_bytes(), hyperscan.HS_MODE_BLOCK)
    db = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
    db.compile(expressions=patterns, ids=list(range(len(patterns))), elements=len(patterns),
               flags=[_FLAGS] * len(patterns))
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        partial.write_bytes(hyperscan.dumpb(db))
        partial.replace(path)  # whole or not at all: a reader never sees half a copy
    return db


@dataclass(frozen=True)
class _Near:
    """A match of another reading near an edit: its group, whether a strong cue's, the span of
    its window in the page as written (bytes), and whether that may be an attribute a reader
    shows (``<meta content>``), which counts in every sentence."""

    group: str
    strong: bool
    start: int
    end: int
    everywhere: bool


def _near_edits(kept: str, written: bytes, edits: list[tuple[int, int]], sieves: Sequence[Sieve]) -> list[_Near]:
    """The matches of the sieves that the text around each edit of ``kept`` holds in the other
    readings. A match spans at most ``CUE_REACH``
    characters, so a match of another reading that ``kept`` lacks lies within ``WINDOW_REACH``
    of an edit: those windows are read, not the whole page in each reading. They are read as one
    text, each reading once: a match across the mark between two windows is no match of the
    page, and counts only as more than there is."""
    windows = _windows(edits, len(kept))
    spans = _byte_spans(kept, windows)
    shown = [_tag_at(written, start + 1) == b"text" or any(tag in written[start:end].lower() for tag in _TEXT_TAGS)
             for start, end in spans]
    joined = _WINDOWS_APART.join(kept[start:end] for start, end in windows)
    near = []
    for text in islice(_texts_of(joined), 1, None):  # the first is the windows as written
        data = text.encode("utf-8", "replace")
        cuts = list(_places(data, _WINDOWS_APART.encode()))
        for sieve in sieves:
            strong = sieve is sieves[0]
            for expr, end in sieve.ends(data):
                window = bisect_right(cuts, end - 1)
                near.append(_Near(sieve.cue(expr).group, strong, *spans[window], shown[window]))
    return near


def _byte_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Character spans of ``text``, in order, as spans of its UTF-8 bytes."""
    found, at, offset = [], 0, 0
    for start, end in spans:
        offset += len(text[at:start].encode("utf-8", "replace"))
        length = len(text[start:end].encode("utf-8", "replace"))
        found.append((offset, offset + length))
        at, offset = end, offset + length
    return found


def _edits(text: str) -> list[tuple[int, int]] | None:
    """Spans of ``text`` where its other readings (``_texts_of``) may differ from it: escaped
    markup, entities and escapes that spell a letter, characters the extractor drops, inline
    tags inside a word. None for text not in NFC, which may differ anywhere."""
    unusual = _unusual_chars(text)
    if not all(map(_nfc_stable, unusual)) and not unicodedata.is_normalized("NFC", text):
        return None
    edits: list[tuple[int, int]] = []
    if _ESCAPED_MARKUP_MARK in text:
        edits.extend(found.span() for found in _ESCAPED_MARKUP.finditer(text))
    if "&" in text:
        edits.extend(found.span() for found in _ENTITY.finditer(text) if _entity_spells(found.group()))
    if "\\u" in text:
        edits.extend(found.span() for found in _JSON_ESCAPE.finditer(text) if _escape_spells(found.group(1)))
    for char in unusual:
        if _dropped().fullmatch(char):
            edits.extend((at, at + 1) for at in _places(text, char))
    edits.extend(found.span() for found in _GLUED_TAGS.finditer(text))
    return edits


def _unusual_chars(text: str) -> set[str]:
    """The characters of ``text`` that are not printable ASCII or spaces (the ASCII bulk of a page
    is removed in C first)."""
    return set(text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII).decode("utf-8", "surrogatepass"))


@lru_cache(maxsize=4096)
def _nfc_stable(char: str) -> bool:
    """Can NFC leave ``char`` as it is wherever it stands: a starter (combining class 0) that is in
    NFC and is no second letter of a composition (a Hangul vowel, a two-part Indic vowel sign)?"""
    return unicodedata.combining(char) == 0 and unicodedata.is_normalized("NFC", char) and char not in _composed_seconds()


@lru_cache(maxsize=1)
def _composed_seconds() -> frozenset[str]:
    """Characters that NFC may join to the character before them: the second of every canonical
    two-character decomposition (a quarter of a second, once)."""
    seconds = set()
    for code in range(0x110000):
        parts = unicodedata.decomposition(chr(code)).split()
        if len(parts) == 2 and not parts[0].startswith("<"):
            seconds.add(chr(int(parts[1], 16)))
    return frozenset(seconds)


@lru_cache(maxsize=4096)
def _entity_spells(entity: str) -> bool:
    """Does the entity decode (it is one: ``&utm`` of a URL is not) to what a word may hold?"""
    decoded = entity_decoded(entity)
    return decoded is not None and _spells(decoded)


def _windows(edits: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """The spans within ``WINDOW_REACH`` characters of an edit, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for start, end in sorted(edits):
        start, end = max(0, start - WINDOW_REACH), min(length, end + WINDOW_REACH)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def _texts_of(kept: str) -> Iterable[str]:
    """A page (blocks removed) as the full path may read it, markup kept: as written; decoded
    where an entity or escape may spell a letter; in NFC; with the inline tags inside words
    removed."""
    texts = [kept]
    decoded = _spelled_out(kept)
    if decoded != kept:
        texts.append(decoded)
    for text in list(texts):
        if not text.isascii() and not unicodedata.is_normalized("NFC", text):
            texts.append(unicodedata.normalize("NFC", text))
    for text in texts:
        yield text
        if _GLUED_TAGS.search(text):
            yield _GLUED_TAGS.sub("", text)


def _spelled_out(text: str) -> str:
    """``text`` with what may spell a letter decoded, as the extractor decodes it: entities and
    JSON ``\\u`` escapes that stand for a letter, a mark or a dropped character; and the
    characters it drops removed. The rest (punctuation, spaces) a gap or a mark of the rewritten
    cues matches as written. Each distinct one is decoded once and replaced in C:
    ``_reading.normalised`` makes a Python call per entity, most of the time of this look."""
    if _ESCAPED_MARKUP_MARK in text:  # escaped markup (a feed's items): its tags must be tags again
        for _ in range(MAX_UNESCAPES):
            text = text.replace("&amp;", "&")
        text = text.replace("&lt;", "<").replace("&gt;", ">")
    if "&" in text:
        text = _each_replaced(_ENTITY_PIECES, text, _entity_spelled)
    if "\\u" in text:
        text = _each_replaced(_JSON_ESCAPE_PIECES, text, _escape_spelled)
    if _has_dropped(text):
        for char in _unusual_chars(text):
            if _dropped().fullmatch(char):
                text = text.replace(char, "")
    return text


_ENTITY_PIECES = re.compile(f"({_ENTITY.pattern})")
_JSON_ESCAPE_PIECES = re.compile(r"(\\u[0-9A-Fa-f]{4})")


def _each_replaced(pieces: re.Pattern[str], text: str, replacement: Callable[[str], str]) -> str:
    """``text`` with each match of ``pieces`` (one group: the whole match) replaced, in one pass:
    the text is split in C and only the matches are looked at here."""
    parts = pieces.split(text)
    if len(parts) > 1:
        parts[1::2] = map(replacement, parts[1::2])
    return "".join(parts)


@lru_cache(maxsize=4096)
def _entity_spelled(entity: str) -> str:
    """The entity decoded where it may spell a letter; else as written."""
    return unescaped(entity) if _entity_spells(entity) else entity


@lru_cache(maxsize=4096)
def _escape_spelled(escape: str) -> str:
    """A JSON ``\\uXXXX`` escape decoded where it may spell a letter; else as written."""
    return chr(int(escape[2:], 16)) if _escape_spells(escape[2:]) else escape


@lru_cache(maxsize=4096)
def _escape_spells(code: str) -> bool:
    return _spells(chr(int(code, 16)))


def _places(text: AnyStr, part: AnyStr) -> Iterator[int]:
    """Where ``part`` starts in ``text``, each place (found in C, ``find`` by ``find``)."""
    at = text.find(part)
    while at >= 0:
        yield at
        at = text.find(part, at + 1)


def _spells(decoded: str) -> bool:
    """Does a decoded entity hold a character a word may hold, or one the extractor drops?"""
    return any(char.isalnum() or char == "_" or _dropped().fullmatch(char) for char in decoded)


def _tag_at(data: bytes, end: int) -> bytes | None:
    """Is ``end`` inside a tag: None (no), ``b"text"`` (``<meta content>``, ``<math alttext>``,
    which a reader shows) or ``b"hidden"``? A tag as ``_reading`` reads one: ``<`` and a letter,
    ``/``, ``!`` or ``?``, then no ``<`` up to ``>``. A match closed by the ``<`` of the next tag
    ends before it."""
    if data[end - 1:end] == b"<":
        end -= 1
    opened = data.rfind(b"<", 0, end)
    if opened < 0 or data.rfind(b">", opened, end) >= 0:
        return None
    closed = data.find(b">", end)
    if closed < 0 or data.find(b"<", end, closed) >= 0:
        return None
    if not re.match(rb"<[A-Za-z/!?]", data[opened:opened + 2]):
        return None
    return b"text" if data[opened:opened + 5].lower().startswith(_TEXT_TAGS) else b"hidden"


# --- the rewrite ---------------------------------------------------------------------------

def sieve_pattern(cue: Cue, bounded: bool = False) -> str:
    """A Hyperscan pattern that matches wherever the cue may match in the page's text."""
    return "|".join(pattern for pattern, _ in sieve_branches(cue, bounded))


def sieve_branches(cue: Cue, bounded: bool = False) -> list[tuple[str, int | None]]:
    """The cue's alternatives as Hyperscan patterns that match wherever the cue may match in the
    page's text, each with the characters its match spans at most (None: unbounded, as where
    markup may stand). ``bounded``: repeats keep their bounds (a run of markup is one iteration,
    as it is one space in the text read), so matches stay near their start; unbounded, a
    database of every strong cue compiles in seconds, where bounded it took minutes. Each
    alternative gets the word bounds that are exact for it (``pet`` is bounded though
    ``efterretningstjeneste\\w*`` ends in anything)."""
    items = list(sre_parse.parse(cue.pattern, 0))
    if cue.lang in UNSPACED:
        return [(_sequence(items, sensitive=False, bounded=bounded), _width(items, bounded))]
    branches = items[0][1][1] if len(items) == 1 and items[0][0] is sre.BRANCH else [items]
    return [(_bounded_branch(list(branch), bounded), _width(list(branch), bounded)) for branch in branches]


def _width(items: list[tuple[Any, Any]], bounded: bool) -> int | None:
    """The characters a match of the rewritten ``items`` spans at most; None where markup, an
    entity or an unbounded repeat may stand in it. Only letters, digits and word or digit
    classes are counted: the rewrite lets a space, a mark or a class meet markup or an entity."""
    total = 0
    for op, av in items:
        if op is sre.LITERAL:
            width: int | None = 1 if chr(av).isalnum() or chr(av) == "_" else None
        elif op is sre.NOT_LITERAL:
            width = 1
        elif op is sre.CATEGORY:
            width = None if _category(av) == SPACES else 1
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            width = 0  # dropped by the rewrite
        elif op is sre.BRANCH:
            widths = [_width(list(branch), bounded) for branch in av[1]]
            width = None if None in widths else max(w for w in widths if w is not None)
        elif op is sre.SUBPATTERN:
            width = _width(list(av[3]), bounded)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
            inner = _width(list(av[2]), bounded)
            width = None if inner is None or not bounded or av[1] == sre.MAXREPEAT else inner * av[1]
        else:
            width = None  # any character, a class: markup or an entity may stand there
        if width is None:
            return None
        total += width
    return total


def _bounded_branch(items: list[tuple[Any, Any]], bounded: bool) -> str:
    body = _sequence(items, sensitive=False, bounded=bounded)
    opens = _all_word_chars(edge_chars(items, icase=True, backwards=False))
    closes = _all_word_chars(edge_chars(items, icase=True, backwards=True))
    return (_OPEN if opens else "") + f"(?:{body})" + (_CLOSE if closes else "")


def _all_word_chars(chars: frozenset[str] | None) -> bool:
    return bool(chars) and all(char.isalnum() or char == "_" for char in chars or ())


def _sequence(items: list[tuple[Any, Any]], sensitive: bool, bounded: bool) -> str:
    return "".join(_node(op, av, sensitive, bounded) for op, av in items)


def _node(op: Any, av: Any, sensitive: bool, bounded: bool) -> str:  # noqa: PLR0911 - one case per opcode
    if op is sre.LITERAL:
        return _literal(av, sensitive)
    if op is sre.NOT_LITERAL:
        return f"[^{_escaped(av)}]"
    if op is sre.ANY:
        return f"(?:<[^<>]*>{_SPELLED}|.)"  # a tag is one character: the space it becomes
    if op is sre.IN:
        return _class(av, sensitive)
    if op is sre.BRANCH:
        return "(?:" + "|".join(_sequence(list(branch), sensitive, bounded) for branch in av[1]) + ")"
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        if del_flags & re.IGNORECASE:  # a part in its own case (an acronym): as ``re`` runs it
            return f"(?-i:{_sequence(list(inner), True, bounded)})"
        if add_flags & re.IGNORECASE:
            return f"(?i:{_sequence(list(inner), False, bounded)})"
        return f"(?:{_sequence(list(inner), sensitive, bounded)})"
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", None)):
        low, high, inner = av
        most = "" if high == sre.MAXREPEAT or not bounded else str(high)
        return f"(?:{_sequence(list(inner), sensitive, bounded)}){{{low},{most}}}"
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return ""  # a condition dropped lets more through
    if op is sre.CATEGORY:
        return GAP if _category(av) == SPACES else f"[{_category(av)}]"
    if op is getattr(sre, "ATOMIC_GROUP", None):
        return f"(?:{_sequence(list(av), sensitive, bounded)})"
    raise UnsupportedCue(f"the sieve cannot rewrite {op}")


def _literal(code: int, sensitive: bool) -> str:
    char = chr(code)
    if char.isspace():
        return GAP
    also = "" if sensitive else _also(code, code)
    if also:
        return f"[{_escaped(code)}{also}]"
    if char.isalnum() or char == "_":
        return _escaped(code)
    return f"(?:{_ESCAPED}{_escaped(code)}{_spelled(code)})"


@lru_cache(maxsize=1024)
def _spelled(code: int) -> str:
    """The entities (escaped up to ``MAX_UNESCAPES`` times) and the JSON escape that decode to
    the character ``code``, as alternatives: specific, so that a cue's punctuation does not
    match every entity of a page. HTML decodes some numbers below 160 to other characters
    (``&#146;`` is ``’``, as in Windows-1252): those are asked of the decoder itself."""
    numbers = [code, *(n for n in range(0xA0) if n != code and html.unescape(f"&#{n};") == chr(code))]
    names = sorted({name.rstrip(";") for name, char in html.entities.html5.items() if char == chr(code)})
    forms = [f"#0*{number};?|#x0*{number:x};?" for number in numbers] + [f"{re.escape(name)};?" for name in names]
    escape = f"|\\\\u{code:04x}" if code <= 0xFFFF else r"|\\u[0-9A-Fa-f]+"
    return f"|(?i:&(?:{AMPERSAND}){{0,{MAX_UNESCAPES - 1}}}(?:{'|'.join(forms)}){escape})"


def _class(items: list[tuple[Any, Any]], sensitive: bool) -> str:
    parts = []
    spaced = False
    for op, av in items:
        if op is sre.NEGATE:
            parts.append("^")
        elif op is sre.LITERAL:
            spaced = spaced or chr(av).isspace()
            parts.append(_escaped(av) + ("" if sensitive else _also(av, av)))
        elif op is sre.RANGE:
            parts.append(f"{_escaped(av[0])}-{_escaped(av[1])}" + ("" if sensitive else _also(*av)))
        elif op is sre.CATEGORY:
            spaced = spaced or av in (sre.CATEGORY_SPACE, sre.CATEGORY_UNI_SPACE)
            parts.append(_category(av))
        else:
            raise UnsupportedCue(f"the sieve cannot rewrite {op} in a class")
    # What the class matches a page may write as an entity or an escape; where it holds a space
    # (or, negated, all but a few marks) as markup too.
    negated = parts[:1] == ["^"]
    extra = (f"|{GAP}" if spaced or negated else "") + _SPELLED
    return f"(?:[{''.join(parts)}]{extra})"


def _also(low: int, high: int) -> str:
    """The characters ``re`` matches under IGNORECASE to one in [low, high] that Hyperscan's
    caseless matching does not (``İ`` and ``ı`` to ``i``, ``K`` to ``k``...)."""
    extra = _caseless_extras()
    if high - low > _WIDEST_RANGE:
        return ""  # a class that wide is (nearly) anything already
    return "".join(_escaped(ord(c)) for code in range(low, high + 1) for c in extra.get(code, ""))


@lru_cache(maxsize=1)
def _caseless_extras() -> dict[int, str]:
    """Per character: those ``re`` joins to it under IGNORECASE (one simple lower case, and the
    letters ``re._casefix`` adds) beyond its own simple upper and lower case, which Hyperscan
    joins itself."""
    by_key: dict[int, set[str]] = {}
    for code in range(0x10000):
        by_key.setdefault(ignorecase_key(code), set()).add(chr(code))
    extras = {}
    for chars in by_key.values():
        if len(chars) > 1:
            for char in chars:
                more = chars - {char, char.lower(), char.upper()}
                if more:
                    extras[ord(char)] = "".join(sorted(more))
    return extras


def _category(av: Any) -> str:
    """A category as class items, at least as wide as ``re``'s Unicode one."""
    name = str(av).removeprefix("CATEGORY_").removeprefix("UNI_")
    items = {"DIGIT": rf"0-9{_NON_ASCII}", "WORD": rf"\w{_NON_ASCII}", "SPACE": SPACES,
             "NOT_DIGIT": r"\D", "NOT_WORD": r"\W", "NOT_SPACE": r"\S"}  # ASCII-only: wider
    if name not in items:
        raise UnsupportedCue(f"the sieve cannot rewrite the category {av}")
    return items[name]


def _escaped(code: int) -> str:
    return f"\\x{{{code:x}}}"
