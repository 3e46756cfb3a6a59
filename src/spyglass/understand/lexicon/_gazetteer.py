"""Find known phrases in running text by their tokens (the finder behind every gazetteer)."""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["Gazetteer", "fold"]

# Kana, CJK ideographs and Hangul syllables are one token each: those scripts do not put spaces
# between words (and Korean attaches particles to them), so a phrase must match inside a run.
_UNSPACED = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_UNSPACED}]|[^\W_{_UNSPACED}]+|[^\w\s]")
_CACHED_TEXT = 20_000  # characters: a sentence is read by several gazetteers, a whole page is not kept
_LONG_TEXT = 200_000  # ...but the last two run-on "sentences" (flattened tables) up to this size are

Token = tuple[int, int, str, str]  # start, end, text, casefolded text


def fold(text: str) -> str:
    """Case-folded text in which Turkish dotted and dotless i are one letter: "İSTANBUL" folds to
    "istanbul" (not "i̇stanbul" with a combining dot) and "SINIR", "sınır" both to "sinir", so a
    Turkish word matches in capitals too. No other language writes these letters."""
    folded = text.casefold()
    return folded if folded.isascii() else folded.replace("i\u0307", "i").replace("ı", "i")


def _tokens(text: str) -> list[Token]:
    if len(text) <= _CACHED_TEXT:
        return _cached_tokens(text)
    return _cached_long_tokens(text) if len(text) <= _LONG_TEXT else _tokenise(text)


@lru_cache(maxsize=256)
def _cached_tokens(text: str) -> list[Token]:
    return _tokenise(text)


@lru_cache(maxsize=2)
def _cached_long_tokens(text: str) -> list[Token]:
    """The tokens of the last long texts only: each gazetteer reads the same sentence in turn."""
    return _tokenise(text)


def _tokenise(text: str) -> list[Token]:
    out = []
    for m in _TOKEN.finditer(text):
        tok = m.group().replace("\u2019", "'")
        out.append((m.start(), m.end(), tok, fold(tok)))
    return out


class Gazetteer:
    """Finds known phrases in running text by their tokens: a dict from a phrase's first
    token to the phrases starting with it, longest first. One pass over the text's tokens,
    far faster than one regex alternation of thousands of phrases. ``exact`` phrases match
    case-sensitively, the others case-insensitively; tokens may be separated by whitespace
    or nothing ("R&AW", "U.S.")."""

    def __init__(self, phrases: list[tuple[str, bool, object]]) -> None:
        self._exact: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        self._folded: dict[str, list[tuple[tuple[str, ...], object]]] = {}
        for text, exact, payload in phrases:
            toks = tuple(t for _s, _e, t, _f in _tokenise(text))
            if not toks:
                continue
            key = toks if exact else tuple(fold(t) for t in toks)
            index = self._exact if exact else self._folded
            index.setdefault(key[0], []).append((key, payload))
        for index in (self._exact, self._folded):
            for bucket in index.values():
                bucket.sort(key=lambda entry: -len(entry[0]))

    def find(self, text: str) -> list[tuple[int, int, object]]:
        toks = _tokens(text)
        found, i, exact, folded = [], 0, self._exact, self._folded
        while i < len(toks):
            if toks[i][2] not in exact and toks[i][3] not in folded:
                i += 1  # most tokens begin no phrase: two lookups, no call
                continue
            best = self._longest(text, toks, i)
            if best is None:
                i += 1
                continue
            length, payload = best
            found.append((toks[i][0], toks[i + length - 1][1], payload))
            i += length
        return found

    def _longest(self, text: str, toks: list[Token], i: int) -> tuple[int, object] | None:
        best: tuple[int, object] | None = None
        for index, fold in ((self._exact, False), (self._folded, True)):
            word = toks[i][3] if fold else toks[i][2]
            for key, payload in index.get(word, ()):
                if (best is None or len(key) > best[0]) and self._matches(text, toks, i, key, fold):
                    best = (len(key), payload)
        return best

    @staticmethod
    def _matches(text: str, toks: list[Token], i: int, key: tuple[str, ...], fold: bool) -> bool:
        if i + len(key) > len(toks):
            return False
        for j, want in enumerate(key):
            start, _end, tok, folded = toks[i + j]
            if (folded if fold else tok) != want:
                return False
            if j and text[toks[i + j - 1][1]:start].strip():
                return False
        return True
