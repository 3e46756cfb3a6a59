"""Split article text into sentences with their character offsets, by cheap rules: the one
place where the understand stage cuts sentences.

The parser is far too slow for a whole article, and the texts are news prose: a sentence ends
at ``.``, ``!`` or ``?`` (plus closing quotes) before a capital, digit or quote, or at a line
break. Two cuts are kept, each tuned for its readers (their outputs are pinned by tests and
the evaluation):

- ``sentences_in``, for the case extractor: abbreviations ("Mr.", "Lt.", "U.S.") and initials
  ("Jian G.") do not end a sentence, and the first sentence after a blank line is marked.
- ``sentence_spans``, for relevance and statistics: the cheapest cut, spans only, every
  ``.``/``!``/``?``/``…`` before a capital or digit ends a sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Sentence", "sentences_in", "sentence_spans", "rest_of", "RULE_REACH"]

# Tokens that end with a period without ending the sentence (lower-cased, without the dot).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm gov sen rep rev st jr sr no nos "
    "inc corp ltd co vs etc jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n "
    "e.g i.e approx dept est fig art para sec pte cdr brig hon ft mt".split()
)
# A stop before a capital ends a sentence; so does one glued to the next word ("said.The"), as
# pages lose the space between paragraphs' sentences, when two lower-case letters precede it
# (not "U.S.Army", "Mr.Smith", "dw.com").
# Capitals of the Latin, Cyrillic and Greek alphabets start a sentence; so do Hangul syllables (Korean
# has no case); the ideographic full stop of Chinese and Japanese ends one wherever it stands.
_STARTER = "A-Z0-9À-ÖØ-ÞĀ-žА-ЯЁЄІЇҐΑ-Ω\uac00-\ud7af"
_CJK_STOP = r"[。！？]+[」』）》”’\"']*"
_END = re.compile(rf"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[{_STARTER}])|(?<=[a-z]{{2}}[.!?])(?=[A-Z][a-z])|{_CJK_STOP}")
_WORD_BEFORE = re.compile(r"([\w.]+)$")
# Words that start a sentence and are not surnames ("... Alexander J. Prosecutors say ...").
_SENTENCE_START = re.compile(r"\s+(?:The|He|She|They|It|His|Her|Their|Police|Prosecutors|Investigators|Officials|"
                             r"In|On|At|A|An|This|That|Both|Der|Die|Das|Er|Sie|Le|La|Il|Elle|El|Ella|Lo)\s")


# How far past a word a rule anchored behind it reads ("..., 52, had been", "while he was"): every
# such rule reaches far less. A bound, not the rest of the sentence: a table flattened into one
# 40,000-character "sentence" would otherwise be copied once for each of its hits.
RULE_REACH = 300


def rest_of(text: str, end: int) -> str:
    """What follows ``end`` in ``text``, as far as a rule anchored there reads."""
    return text[end : end + RULE_REACH]


@dataclass(frozen=True)
class Sentence:
    """One sentence: its text and where it sits in the article text."""

    start: int
    end: int
    text: str
    after_blank_line: bool = False  # first sentence after a blank line: a listing's item starts here


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial, not a sentence."""
    if text[dot] != ".":
        return False
    found = _WORD_BEFORE.search(text, 0, dot)
    if not found:
        return False
    word = found.group(1)
    if len(word) == 1 and word.isupper():
        # an initial ("Jian G.", "Thomas R."), unless a sentence plainly starts after it
        return not _SENTENCE_START.match(text, dot + 1)
    return word.lower().rstrip(".") in ABBREVIATIONS


def _split_block(text: str, offset: int) -> list[Sentence]:
    out: list[Sentence] = []
    start = 0
    for found in _END.finditer(text):
        if _is_abbreviation(text, found.start()):
            continue
        out.append(Sentence(offset + start, offset + found.end(), text[start : found.end()]))
        start = found.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        out.append(Sentence(offset + start, offset + len(text.rstrip()), text[start:].rstrip()))
    return out


def sentences_in(text: str) -> list[Sentence]:
    """Every sentence of ``text`` in order; line breaks always end a sentence, and the first
    sentence after a blank line is marked (round-up pages separate their items so)."""
    out: list[Sentence] = []
    pos = 0
    blank = False
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            block = _split_block(stripped, pos + lead)
            if blank and out and block:
                block[0] = Sentence(block[0].start, block[0].end, block[0].text, after_blank_line=True)
            out.extend(block)
            blank = False
        else:
            blank = True
        pos += len(line) + 1
    return out


# A sentence ends at . ! ? before a capital or digit, and always at a line break: text dumps put
# one paragraph, heading, table row or teaser per line.
_SENTENCE_END = re.compile(rf"(?<=[.!?…])(?P<close>[\"'”’)]*)[ \t]+(?=[\"'“‘(]?[{_STARTER}])|\s*\n\s*"
                           rf"|(?<=[a-z]{{2}}[.!?])(?=[A-Z][a-z])|(?<=[。！？])(?P<cjk>[」』）》”’\"']*)(?=\S)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Cheap sentence (and line) boundaries as (start, end) offsets, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        _append_trimmed(spans, text, start, m.start() + len(m.group("close") or m.group("cjk") or ""))
        start = m.end()
    _append_trimmed(spans, text, start, len(text))
    return spans


def _append_trimmed(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
