"""A lossless prefilter: can a page be about espionage at all, decided before it is parsed.

On a crawl almost every page is news of other kinds, and parsing, extracting and analysing it
costs ten to a hundred times more than a look at its markup. ``can_be_relevant(page)`` looks,
for an HTML page or a feed: every relevance cue of every language that a relevant article needs
(``tables/relevance_cues.tsv``, read through ``relevance.cues``, so a cue added there is looked
for here too) is compiled into Hyperscan databases, and the page's markup is scanned once, in
every form the full path may read it in (``_sieve``, ``_reading``: entities and escapes decoded,
inline tags inside words removed, NFC).

The verdict follows ``relevance``'s own conditions, which every relevant article meets: it must
be anchored in a sentence (a ``case`` or ``spies`` cue, or a ``spy``/``state`` cue with a
``stage`` cue, or a ``spy`` cue with a ``state`` or ``hint`` cue; a headline naming espionage
over a first sentence naming the step needs a strong cue with a ``stage`` cue at most
``HEADLINE_REACH`` sentences below it), so a page passes when one sentence of it may hold such
a pair, in any language. Sentences are cut only where the full path surely cuts them too, and
each match is placed in every sentence it may start in. A page that fails cannot be relevant, so
skipping it loses nothing; the tests run both paths over every corpus to show it. A plain-text
document is always read (it may hold teasers, which need no anchor).

One approximation is made, and measured rather than proven: a cue's match spans at most
``CUE_REACH`` characters of markup. No corpus, real page or generated page shows a longer one.

There is no second, careful look at the pages the scan lets through: one was measured (each
cue's literal words by Aho-Corasick, then its pattern around them) and on a crawl it cost more
CPU than the extraction of the few pages it turned away.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

from spyglass.understand.relevance import CASE, HINT, Cue, cues

from ._sieve import CUE_REACH, Sieve, may_anchor

__all__ = ["Prefilter", "prefilter", "can_be_relevant", "could_be_relevant", "GROUPS", "STRONG", "CUE_REACH"]

SPY, STATE, STAGE, SPIES = "spy", "state", "stage", "spies"
STRONG = (SPY, STATE, CASE, SPIES)  # one of these is in every relevant article
WEAK = (HINT, STAGE)  # these count only beside a strong cue
GROUPS = STRONG + WEAK
HEADLINE_REACH = 4  # sentences from a headline's strong cue to the stage cue of the lede below it


def could_be_relevant(groups: Iterable[str]) -> bool:
    """Can a sentence whose cues are of ``groups`` anchor a relevant article? ``relevance`` needs
    an anchor in every article but a teaser: a case cue, a spy or state cue with a legal step,
    or a spy cue tied to a state or a hint."""
    found = set(groups)
    strong = SPY in found or STATE in found
    return CASE in found or SPIES in found or strong and STAGE in found or SPY in found and (STATE in found or HINT in found)


class Prefilter:
    """The cues of a table in two Hyperscan databases (strong cues, then weak ones), and the verdict."""

    def __init__(self, table: Sequence[Cue], cache: Path | None = None) -> None:
        self.cues = tuple(cue for cue in table if cue.group in GROUPS)
        self._cache = cache

    @cached_property
    def sieve(self) -> Sieve:
        """The strong cues in one Hyperscan database (built on first use: it takes seconds,
        and a compiled copy is kept in the user's cache folder)."""
        return Sieve([cue for cue in self.cues if cue.group in STRONG], self._cache)

    @cached_property
    def weak_sieve(self) -> Sieve:
        """The weak cues (legal steps, hints), their repeats bounded: they are placed in sentences."""
        return Sieve([cue for cue in self.cues if cue.group not in STRONG], self._cache, bounded=True)

    def can_be_relevant(self, page: str) -> bool:
        """False only when no article read from the HTML page or feed ``page`` can be relevant:
        no reading of it holds a sentence that may anchor (``_anchored_in``), each cue matched
        by its own rewritten pattern."""
        return may_anchor(page, self.sieve, self.weak_sieve, _anchored_in)


def _anchored_in(by_sentence: dict[int, set[str]]) -> bool:
    """May one sentence hold an anchor, given the groups of each (-1: beside the page's order,
    in every sentence)? A case cue anywhere is one."""
    if any(CASE in groups for groups in by_sentence.values()):
        return True
    by_sentence = dict(by_sentence)
    everywhere = by_sentence.pop(-1, set())
    if could_be_relevant(everywhere):
        return True
    if any(could_be_relevant(groups | everywhere) for groups in by_sentence.values()):
        return True
    return _headline_over_a_step(by_sentence, everywhere)


def _headline_over_a_step(by_sentence: dict[int, set[str]], everywhere: set[str]) -> bool:
    """May a headline with a strong cue stand over a first sentence with a stage cue? Between the
    two the page may print a byline, a date and share buttons, so a stage cue up to
    ``HEADLINE_REACH`` sentences after a strong one passes."""
    strong = [i for i, groups in by_sentence.items() if (groups | everywhere) & set(STRONG)]
    stages = [i for i, groups in by_sentence.items() if STAGE in groups | everywhere]
    return any(0 <= j - i <= HEADLINE_REACH for i in strong for j in stages)


@lru_cache(maxsize=1)
def prefilter() -> Prefilter:
    """The prefilter of the bundled cue table, built once."""
    return Prefilter(cues())


def can_be_relevant(page: str) -> bool:
    """Can any article read from the HTML page or feed ``page`` be about espionage? See
    ``Prefilter.can_be_relevant``."""
    return prefilter().can_be_relevant(page)
