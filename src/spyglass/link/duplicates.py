"""Near-duplicate detection: syndicated copies and updated versions of one story count once.

``Article.fingerprint`` is a 64-bit simhash in hex (extract stage). The store looks candidates
up by four 16-bit bands (``fingerprint_bands``); a candidate is a near-duplicate when the
Hamming distance of the fingerprints is small AND the token sets of the two texts overlap
strongly. The second check is cheap and exact: simhash alone is noisy on short texts.

Thresholds were measured on the development corpus with the extract stage's fingerprint
(42 articles, 861 pairs of different espionage stories): small edits (1% of words replaced, a
paragraph appended, the last 10% cut) moved the fingerprint by up to 9 bits, cutting a quarter
by up to 11; different stories were never closer than 15 bits and never shared more than 39%
of their tokens, while edited copies kept 68% or more. Band lookup found 76-98% of those
small-edit copies (5% of words replaced: only 5%, as simhash moves ~10 bits).

A copy is stored and counted once, but an updated version may report news ("charged" becomes
"sentenced"): ``adds_to`` says whether a copy's mention brings the case anything, so only
such mentions are linked and identical copies change nothing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from spyglass.records import STAGE_ORDER, Article, CaseFacts, Mention

__all__ = [
    "MAX_DISTANCE",
    "MIN_JACCARD",
    "fingerprint_bands",
    "hamming",
    "token_jaccard",
    "is_near_duplicate",
    "duplicate_of",
    "adds_to",
]

MAX_DISTANCE = 12  # bits out of 64; edited copies measured <= 11, different stories >= 15
MIN_JACCARD = 0.6  # token-set overlap; edited copies measured >= 0.68, different stories <= 0.39
BANDS = 4
BAND_BITS = 16

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _as_int(fingerprint: str) -> int | None:
    try:
        value = int(fingerprint, 16)
    except ValueError:
        return None
    return value if 0 <= value < (1 << 64) else None


def fingerprint_bands(fingerprint: str) -> list[str]:
    """The four lookup keys of a fingerprint, ``"<band>:<4 hex digits>"`` from the left; [] if unusable.

    The store files articles under the same keys. Two fingerprints within 3 bits always share
    a band (pigeonhole); further apart they may still share one, which finds most edited copies.
    """
    value = _as_int(fingerprint) if fingerprint else None
    if value is None:
        return []
    digits = f"{value:016x}"
    width = BAND_BITS // 4
    return [f"{band}:{digits[band * width:(band + 1) * width]}" for band in range(BANDS)]


def hamming(a: str, b: str) -> int:
    """Bits that differ between two hex fingerprints (64 when either is unusable)."""
    x, y = _as_int(a), _as_int(b)
    if x is None or y is None:
        return 64
    return (x ^ y).bit_count()


@lru_cache(maxsize=128)
def _tokens(text: str) -> frozenset[str]:
    # cached: a new article is compared with each of its candidates, and a stored article that
    # shares boilerplate with many (pages of one site) is a candidate of each; tokenizing them
    # again and again was most of the single writer's time on a crawl
    folded = unicodedata.normalize("NFKC", text).casefold()
    return frozenset(_TOKEN.findall(folded))


def token_jaccard(a: str, b: str) -> float:
    """Share of distinct word tokens the two texts have in common (0.0 to 1.0)."""
    ta, tb = _tokens(a), _tokens(b)
    if not ta or not tb:
        return 1.0 if ta == tb else 0.0
    return len(ta & tb) / len(ta | tb)


def is_near_duplicate(article: Article, other: Article) -> bool:
    """True when ``other`` is the same story as ``article`` (a copy or an updated version)."""
    if article.id == other.id:
        return False
    if article.text.strip() == other.text.strip():
        return True
    if hamming(article.fingerprint, other.fingerprint) > MAX_DISTANCE:
        return False
    return token_jaccard(article.text, other.text) >= MIN_JACCARD


def duplicate_of(article: Article, candidates: Iterable[Article]) -> str | None:
    """Id of the article this one duplicates: the closest candidate, ties to the smallest id."""
    found = [c for c in candidates if is_near_duplicate(article, c)]
    if not found:
        return None
    best = min(found, key=lambda c: (hamming(article.fingerprint, c.fingerprint), c.id))
    return best.id


def adds_to(mention: Mention, case: CaseFacts) -> bool:
    """True when the mention reports a more advanced stage or states a field the case lacks."""
    if mention.stage is not None and (case.stage is None or STAGE_ORDER[mention.stage] > STAGE_ORDER[case.stage]):
        return True
    return any(
        getattr(mention, name) not in (None, ()) and getattr(case, name) in (None, ())
        for name in CaseFacts.model_fields
    )
