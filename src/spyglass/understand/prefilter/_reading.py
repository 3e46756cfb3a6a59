"""How the full path may read a page's markup, for the sieve: what it drops and what it decodes.

The full path parses HTML with lxml, takes the main text with trafilatura (entities decoded,
invisible and control characters dropped, NFC) and the title from JSON-LD (``\\u`` escapes
decoded), ``og:title`` or the ``<title>``. The sieve (``_sieve``) scans a page's markup in each
form this may give it, so it needs to know:

- which blocks no reader sees: comments, ``<style>`` and ``<script>`` bodies (JSON-LD is kept:
  the title may come from it);
- which inline tags may stand inside a word (``E</span>spionage``);
- which entities and JSON escapes may spell a letter (decoded up to ``MAX_UNESCAPES`` times:
  escaped HTML in feeds), and which never do (``HARMLESS_NAMES``, a URL's ``&utm``);
- which characters the extractor drops (soft hyphens, zero-width joiners, controls).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["unescaped", "entity_decoded", "MAX_UNESCAPES", "HARMLESS_NAMES", "AMPERSAND"]

_OPENER = re.compile(r"<(?:!--|(?i:script|style)\b[^>]*>)")
_SCRIPT_END = re.compile(r"</(?i:script)\b[^>]*>?")
_STYLE_END = re.compile(r"</(?i:style)\b[^>]*>?")
# Tags of inline elements (and comments): text on both sides runs on in the extracted text, so
# such tags between two letters may be inside a word. Any other tag ends a line there.
INLINE = ("a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font", "i", "ins",
          "kbd", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "tt", "u",
          "var", "wbr")
_INLINE_TAG = r"<(?:/?(?i:" + "|".join(INLINE) + r")\b[^<>]*|!--[^<>]*)>"
_GLUED_TAGS = re.compile(r"<(?<=[\w;]<)(?:/?(?i:" + "|".join(INLINE) + r")\b[^<>]*|!--[^<>]*)>(?:" + _INLINE_TAG + r")*(?=[\w&])")
_JSON_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
MAX_UNESCAPES = 3  # HTML parsing, a feed's escaped content, trafilatura's own pass
# Punctuation and spaces that pages write as named entities all the time; none is a word
# character or one the extractor drops (a test checks), so with their semicolon they change no word.
HARMLESS_NAMES = ("amp", "quot", "apos", "nbsp", "gt", "ndash", "mdash", "hellip", "rsquo", "lsquo",
                  "rdquo", "ldquo", "laquo", "raquo", "copy", "reg", "trade", "middot", "bull", "times")


# --- markup --------------------------------------------------------------------------------


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


# --- normalising ---------------------------------------------------------------------------


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
