"""The text a prefilter searches: what a reader of the page could see, in every form it may take.

The full path parses HTML with lxml, takes the main text with trafilatura (entities decoded,
invisible and control characters dropped, NFC) and the title from JSON-LD (``\\u`` escapes
decoded), ``og:title`` or the ``<title>``. Cue words must survive each of these steps here, so a
page is searched as:

- its *text*: comments and ``<style>``/``<script>`` bodies removed (JSON-LD kept: the title may
  come from it), every tag turned into a space, so that a tag is a word boundary and attribute
  values (class names, URLs) are no text (a thin space: it ends no sentence); then, after the text, the ``content`` of ``<meta>``
  (``og:title``) and ``alttext`` of ``<math>``, and every word that tags split, whole
  (``E</span>spionage``): a tag between two letters may join them or part them;
- where the text holds any, the same *normalised*: entities decoded (repeatedly: escaped HTML
  in feeds), ``\\uXXXX`` decoded, characters the extractor drops removed (soft hyphens,
  zero-width joiners, controls). The first form is kept too, so a step the full path does not
  take on some part (JSON-LD keeps its entities) loses nothing;
- and each of them in NFC where it is not already.

Every form is searched *folded*: ASCII letters lower-cased (on UTF-8 bytes, many times faster
than ``str.lower``) and the four letters that ``re`` matches to an ASCII letter under
IGNORECASE (``İ ı ſ K``) mapped to it; other letters keep their case, and needles carry every
case variant of theirs. Folding keeps every character where it was, so a case-sensitive needle
(``MSS``) is checked against the form as written, and word boundaries against either.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Form", "forms_of", "folded", "normalised", "unescaped", "SPECIAL_FOLDS"]


@dataclass(frozen=True)
class Form:
    """One form of a text: ``written`` and ``folded`` (the same length, character for character).
    What follows ``tail`` (attribute-borne titles, words that tags split) stands apart from the
    page's order, so it counts as near any place of the text."""

    written: str
    folded: str
    tail: int


# Letters IGNORECASE matches to an ASCII letter although ASCII lower-casing leaves them be.
SPECIAL_FOLDS = {"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"}
_SPECIAL_TABLE = str.maketrans(SPECIAL_FOLDS)

_OPENER = re.compile(r"<(?:!--|(?i:script|style)\b[^>]*>)")
_SCRIPT_END = re.compile(r"</(?i:script)\b[^>]*>?")
_STYLE_END = re.compile(r"</(?i:style)\b[^>]*>?")
_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
# Tags of inline elements (and comments): text on both sides runs on in the extracted text, so
# such tags between two letters may be inside a word. Any other tag ends a line there.
INLINE = ("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
          "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u",
          "var", "wbr")
_INLINE_TAG = r"<(?:/?(?i:" + "|".join(INLINE) + r")\b[^<>]*|!--[^<>]*)>"
_GLUED_TAGS = re.compile(r"<(?<=[\w;]<)(?:/?(?i:" + "|".join(INLINE) + r")\b[^<>]*|!--[^<>]*)>(?:" + _INLINE_TAG + r")*(?=[\w&])")
_PIECE = r"(?:\w|&#?[A-Za-z0-9]{1,31};)+"  # a piece of a word, entities and all
_PIECE_END = re.compile(_PIECE + "$")
_PIECE_START = re.compile(_PIECE)
_TEXT_ATTRIBUTE = re.compile(  # the attributes a reader takes text from
    r"""<(?i:meta\b[^>]*?\bcontent|math\b[^>]*?\balttext)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))"""
)
_JSON_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
TAG_SPACE = "\u2009"  # what a tag becomes: a boundary and a space to str.split, but no sentence's end
MAX_UNESCAPES = 3  # HTML parsing, a feed's escaped content, trafilatura's own pass
MAX_PIECE = 64  # the longest needle: longer pieces of a split word need not be joined
# Punctuation and spaces that pages write as named entities all the time; none is a word
# character or one the extractor drops (a test checks), so with their semicolon they change no word.
HARMLESS_NAMES = ("amp", "quot", "apos", "nbsp", "gt", "ndash", "mdash", "hellip", "rsquo", "lsquo",
                  "rdquo", "ldquo", "laquo", "raquo", "copy", "reg", "trade", "middot", "bull", "times")


def forms_of(text: str, markup: bool) -> list[Form]:
    """The forms of ``text`` to search; ``markup`` for HTML pages and feeds."""
    first = _markup_form(text) if markup else (text, "")
    forms = [first]
    if _needs_normalising(first[0] + first[1]):
        forms.append(_normalised_form(first, markup))
    for body, tail in list(forms):
        if not (body + tail).isascii() and not unicodedata.is_normalized("NFC", body + tail):
            forms.append((unicodedata.normalize("NFC", body), unicodedata.normalize("NFC", tail)))
    return [Form(body + tail, folded(body + tail), len(body)) for body, tail in forms]


def folded(text: str) -> str:
    """ASCII letters lower-cased and ``SPECIAL_FOLDS`` applied; every character keeps its place."""
    if text.isascii():
        return text.lower()
    lowered = text.encode("utf-8", "surrogatepass").lower().decode("utf-8", "surrogatepass")
    if any(special in lowered for special in SPECIAL_FOLDS):
        lowered = lowered.translate(_SPECIAL_TABLE)
    return lowered


# --- markup --------------------------------------------------------------------------------

def _markup_form(text: str) -> tuple[str, str]:
    """(the page's text with tags as spaces, what it shows beside its order)."""
    kept = _without_blocks(text)
    return _TAG.sub(TAG_SPACE, kept), _lines(_attribute_texts(kept)) + _lines(_split_words(kept))


def _lines(items: Iterable[str]) -> str:
    return "".join("\n" + item for item in items)


def _without_blocks(text: str) -> str:
    """``text`` without comments and non-JSON-LD ``<script>``/``<style>`` elements. A block
    left open runs to the end in a browser; here it is kept (keeping text is always safe)."""
    pieces: list[str] = []
    start = 0
    found = _OPENER.search(text)
    while found is not None:
        end = _block_end(text, found)
        if end < 0:
            break
        if _inside_tag(text, found.start()) or "ld+json" in found.group().lower():
            found = _OPENER.search(text, found.end())
            continue
        pieces.append(text[start:found.start()])
        start = end
        found = _OPENER.search(text, end)
    pieces.append(text[start:])
    return "".join(pieces)


def _block_end(text: str, found: re.Match[str]) -> int:
    opener = found.group()
    if opener == "<!--":
        close = text.find("-->", found.end())
        return close + 3 if close >= 0 else -1
    closing = _SCRIPT_END if opener[1:7].lower() == "script" else _STYLE_END
    match = closing.search(text, found.end())
    return match.end() if match else -1


def _inside_tag(text: str, at: int) -> bool:
    """``<script`` quoted in an attribute value (``data-x="<script>"``) opens nothing."""
    return text.rfind("<", 0, at) > text.rfind(">", 0, at)


def _attribute_texts(text: str) -> list[str]:
    """``<meta content>`` (``og:title`` is a title source) and ``<math alttext>`` (trafilatura
    keeps the formula): attribute values a reader takes as text."""
    return [next(v for v in found.groups() if v is not None) for found in _TEXT_ATTRIBUTE.finditer(text)]


def _split_words(text: str) -> list[str]:
    """Words that inline tags split: such a tag between two letters may join them
    (``E</span>spionage``) or part them (``said <b>Spies``), so every run of the pieces is given
    whole (``E``+``spionage``), the pieces alone being in the text."""
    chains: list[list[str]] = []
    joined_to = -1  # where the last piece of the chain being built ends in ``text``
    for glue in _GLUED_TAGS.finditer(text):
        after = _PIECE_START.match(text, glue.end())
        tail = after.group() if after else ""
        if glue.start() != joined_to:
            before = _PIECE_END.search(text, max(0, glue.start() - MAX_PIECE), glue.start())
            chains.append([before.group() if before else ""])
        chains[-1].append(tail)
        joined_to = glue.end() + len(tail)
    return [run for chain in chains for run in _runs(chain)]


def _runs(pieces: list[str]) -> list[str]:
    """Every run of two or more consecutive pieces whose inner pieces a needle could span."""
    runs = []
    for i in range(len(pieces) - 1):
        inner = 0
        for j in range(i + 1, len(pieces)):
            runs.append("".join(pieces[i:j + 1]))
            inner += len(pieces[j])
            if inner > MAX_PIECE:
                break
    return runs


# --- normalising ---------------------------------------------------------------------------

def _normalised_form(form: tuple[str, str], markup: bool) -> tuple[str, str]:
    """A form normalised; in markup, tags that escaped markup spelled ("&lt;b&gt;") are then
    tags too."""
    body, tail = normalised(form[0]), normalised(form[1])
    if markup and "<" in body and _TAG.search(body):
        return _TAG.sub(TAG_SPACE, body), tail + _lines(_split_words(body))
    return body, tail


def _needs_normalising(text: str) -> bool:
    if "&" in text and _has_telling_entity(text):
        return True
    return "\\u" in text and _has_telling_json(text) or _has_dropped(text)


def normalised(text: str) -> str:
    """Entities decoded, JSON escapes decoded, dropped characters removed: as the extractor
    leaves the text."""
    for _ in range(MAX_UNESCAPES):
        if "&" not in text:
            break
        decoded = html.unescape(text)
        if decoded == text:
            break
        text = decoded
    if "\\u" in text:
        text = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    return _dropped().sub("", text)


# An ampersand escaped once more, in any spelling: "&amp;iacute;" and "&#38;iacute;" are an
# ``í`` to the full path, which decodes twice (the HTML parser, then trafilatura).
AMPERSAND = r"(?:amp|#0*38|#[xX]0*26);"
_ENTITY = re.compile(  # one literal first, so that ``re`` skips from one "&" to the next
    r"&(?:" + AMPERSAND + r"){0,3}(?!(?:" + "|".join(HARMLESS_NAMES) + r");)"
    r"(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{0,31};?)"
)
_AMPERSANDS = re.compile(f"&(?:{AMPERSAND})+")


def unescaped(entity: str) -> str:
    """An entity decoded as often as the full path may decode it (``MAX_UNESCAPES``)."""
    for _ in range(MAX_UNESCAPES):
        entity = html.unescape(entity)
    return entity


def entity_decoded(entity: str) -> str | None:
    """What the full path makes of an ``_ENTITY`` match; None when that is only its own text:
    ``&d`` of a URL, or ``&amp;d``, its ampersand escaped, which decodes to ``&d``."""
    decoded = unescaped(entity)
    return None if decoded in (entity, _AMPERSANDS.sub("&", entity, count=1)) else decoded


def _has_telling_entity(text: str) -> bool:
    """Does an entity of ``text`` stand for a letter, a mark or a dropped character (a word may
    hold it), or for markup right after a letter, or run into the next word without its
    semicolon ("&nbspspy")? The everyday punctuation (``&#8217; &#038;``) is none of these."""
    for found in _ENTITY.finditer(text):
        entity = found.group()
        decoded = entity_decoded(entity)
        if decoded is None:
            continue  # no entity at all: "&d=..." in a URL
        if any(char.isalnum() or char == "_" or _dropped_char(char) for char in decoded):
            return True
        if "<" in decoded and _word_char_at(text, found.start() - 1):
            return True  # escaped markup inside a word: "Espi&lt;b&gt;onage" in a feed
        if not entity.endswith(";") and _word_char_at(text, found.end()):
            return True
    return False


def _has_telling_json(text: str) -> bool:
    """Does a JSON ``\\uXXXX`` escape stand for a letter, a mark or a dropped character? One
    for punctuation ("\\u2019s") is a boundary either way (the searcher reads a word after an
    escape as bounded)."""
    for found in _JSON_ESCAPE.finditer(text):
        char = chr(int(found.group(1), 16))
        if char.isalnum() or char == "_" or _dropped_char(char):
            return True
    return False


def _word_char_at(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


# Every printable ASCII character and every ASCII space: what is left of a text without them
# is its non-ASCII characters and its ASCII controls, usually a small part of it.
_PLAIN_ASCII = bytes(c for c in range(0x80) if chr(c).isprintable() or chr(c).isspace())


def _has_dropped(text: str) -> bool:
    """Does ``text`` hold a character the extractor drops? ``re`` tests a character class at
    a few nanoseconds a character; the ASCII bulk of a page is removed first, in C."""
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    if not rest:
        return False
    others = rest.decode("utf-8", "surrogatepass")
    return not others.isprintable() and bool(_dropped().search(others))


# Astral blocks where pages often have characters (emoji, CJK extensions) are read exactly; the
# rest of the astral planes counts as dropped, which can only let more pages through.
_EXACT_ASTRAL = ((0x1F000, 0x1FAFF), (0x20000, 0x323AF))


@lru_cache(maxsize=1)
def _dropped() -> re.Pattern[str]:
    """Characters trafilatura removes from text (neither printable nor space: controls, format
    characters such as the soft hyphen and zero-width joiners, private use, unassigned), and
    U+2424, which it removes as well. Dropping more here is safe: no needle holds such a
    character, so a needle in the full path's text is still whole. Two classes, as ``re``
    tests a class of the Basic Multilingual Plane with one table lookup and a wider one range
    by range."""
    bmp = _ranges(c for c in range(0x10000) if _dropped_char(chr(c)))
    astral = _ranges(c for lo, hi in _EXACT_ASTRAL for c in range(lo, hi + 1) if _dropped_char(chr(c)))
    previous = 0x10000
    for lo, hi in _EXACT_ASTRAL:
        astral.append((previous, lo - 1))
        previous = hi + 1
    astral.append((previous, 0x10FFFF))
    return re.compile(f"[{_class(bmp)}\u2424]|[{_class(astral)}]")


def _dropped_char(char: str) -> bool:
    return not (char.isprintable() or char.isspace())


def _ranges(codes: Iterable[int]) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    return ranges


def _class(ranges: list[tuple[int, int]]) -> str:
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in ranges)
