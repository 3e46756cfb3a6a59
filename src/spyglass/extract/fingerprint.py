"""Near-duplicate fingerprints: a 64-bit simhash of the normalised text, as 16 hex digits.

The link stage cuts the fingerprint into bands to find syndicated copies of one story; texts
that differ only in case, punctuation or spacing get the same fingerprint. This is Charikar's
simhash, as in ``trafilatura.deduplication.Simhash``, over the words weighted by their counts, hashed to 64 bits with two seeded CRC-32s; bits are summed with numpy, which
makes it several times faster than the pure-Python version on article-length texts.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter

import numpy as np

__all__ = ["fingerprint_of", "normalised"]

_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)
_MAX_WORDS = 2000  # a long text's opening is enough to recognise its copies


def normalised(text: str) -> str:
    """Lower-case words separated by single spaces: what the fingerprint is computed on."""
    return _NON_WORD.sub(" ", text.lower()).strip()


def _features(words: list[str]) -> Counter[str]:
    return Counter(words)


def _hash64(feature: bytes) -> int:
    # Two CRC-32s with different seeds: stable across runs and machines, and fast in C.
    return (zlib.crc32(feature) << 32) | zlib.crc32(feature, 0x9E3779B9)


def fingerprint_of(text: str) -> str:
    """64-bit simhash of the normalised text as 16 lower-case hex digits."""
    words = normalised(text).split()[:_MAX_WORDS]
    if not words:
        return "0" * 16
    features = _features(words)
    hashes = np.array([_hash64(f.encode("utf-8")) for f in features], dtype=">u8")
    weights = np.fromiter(features.values(), dtype=np.int64, count=len(features))
    bits = np.unpackbits(hashes.view(np.uint8).reshape(-1, 8), axis=1)  # most significant bit first
    votes = 2 * (bits.T.astype(np.int64) @ weights) - weights.sum()
    value = 0
    for vote in votes:
        value = (value << 1) | int(vote > 0)
    return f"{value:016x}"
