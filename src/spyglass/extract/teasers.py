"""Teaser fragments: the capitalised openings of other posts that a blog front page shows
under a post ("MUCH HAS HAPPENED IN the West...", "TANG YUANJUN WAS").

They are not part of the post they sit under; each becomes its own ``teaser`` article,
marked partial because it is usually cut mid-sentence.
"""

from __future__ import annotations

import re

__all__ = ["is_caps_opening", "teaser_title"]

_LETTER = re.compile(r"[^\W\d_]")
_MIN_CAPS_WORDS = 3


def _is_caps_word(word: str) -> bool:
    letters = _LETTER.findall(word)
    return bool(letters) and all(ch.isupper() for ch in letters)


def is_caps_opening(line: str) -> bool:
    """True when the line opens with at least three upper-case words ("THE WHITE HOUSE HELD ...")."""
    words = line.split()
    if len(words) < _MIN_CAPS_WORDS:
        return False
    leading = 0
    for word in words:
        if not _is_caps_word(word):
            break
        leading += 1
    letters = sum(len(_LETTER.findall(w)) for w in words[:leading])
    # "A FBI" is an acronym; a teaser opening has several real words in capitals.
    return leading >= _MIN_CAPS_WORDS and letters >= 8


def teaser_title(text: str, words: int = 8) -> str:
    """A short title for a teaser: its first words as written, with an ellipsis when cut."""
    opening = text.split()
    suffix = "…" if len(opening) > words else ""
    return " ".join(opening[:words]) + suffix
