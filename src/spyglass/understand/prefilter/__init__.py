"""A lossless prefilter: can a page be about espionage at all, decided before it is parsed.

On a crawl almost every page is news of other kinds, and parsing, extracting and analysing it
costs a hundred times more than a look at its text. ``can_be_relevant(text)`` looks: one
Aho-Corasick automaton (pyahocorasick) holds the words that the relevance cues of every language
need (``tables/relevance_cues.tsv``, read through ``relevance.cues``), so a cue added there is
looked for here too. Each cue's regex is turned into the words every match of it contains
(``_literals``: ``foreign agents?`` needs ``foreign`` and ``agent``); a cue with no such word
would be searched with its own pattern. The page is searched in every form the full path may
read it in (``_reading``: visible text, entities and escapes decoded, case folded).

The verdict follows ``relevance``'s own conditions, which every relevant article meets: an HTML
page or feed item must be anchored in a sentence (a ``case`` or ``spies`` cue, or a ``spy``/``state``
cue with a ``stage`` cue, or a ``spy`` cue with a ``state`` or ``hint`` cue; a headline naming
espionage over a first sentence naming the step needs a strong cue with a ``stage`` cue at most
``HEADLINE_REACH`` sentences below it), so a page passes when one
sentence of it may hold such a pair, in any language (``_search`` cuts sentences only where the
full path surely does). A plain-text document may hold teasers, which need no anchor: any
``spy``, ``state``, ``spies`` or ``case`` cue, or a ``hint`` with a ``stage``, lets it through. A page that
fails cannot be relevant, so skipping it loses nothing; the tests run both paths over every
corpus to show it.

Before all this, on an HTML page or feed, the sieve (``_sieve``) runs every cue at once with
Hyperscan over the page's markup and places the matches in sentences: a page none of whose
sentences may hold an anchor (most pages of a crawl) is done without its forms being built.

One approximation is made, and measured rather than proven: the words of a phrase cue must
stand within ``WINDOW`` words of each other in the page's text. The full path could join two
parts of a phrase that the page parts by a long element it drops (a ``<time>`` or a button
inside a sentence); no corpus, real page or generated page shows one. The sieve also places a
match in the sentences up to ``CUE_REACH`` characters before its end, the reach the careful search
already allows a cue's match with the markup inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import cached_property, lru_cache
from pathlib import Path

import ahocorasick

from spyglass.understand.relevance import CASE, HINT, UNSPACED, Cue, cues

from ._literals import Requirement, requirements_of
from ._needles import Needle, needles_of
from ._reading import forms_of
from ._search import WINDOW, Automata, Hit, Lead, Row, Search
from ._sieve import Sieve, cache_folder, may_anchor

__all__ = ["Prefilter", "prefilter", "can_be_relevant", "could_be_relevant", "GROUPS", "WINDOW"]

SPY, STATE, STAGE, SPIES = "spy", "state", "stage", "spies"
STRONG = (SPY, STATE, CASE, SPIES)  # one of these is in every relevant article
WEAK = (HINT, STAGE)  # these count only beside a strong cue (or, in a teaser, each other)
GROUPS = STRONG + WEAK
HEADLINE_REACH = 4  # sentences from a headline's strong cue to the stage cue of the lede below it


def could_be_relevant(groups: Iterable[str], teasers: bool) -> bool:
    """Can a text whose cues are of ``groups`` (in one sentence, for an anchor) be relevant?
    ``relevance`` needs an anchor (a case cue, a spy or state cue with a legal step, or a spy
    cue tied to a state or a hint) in every article but a teaser; a teaser needs positive
    evidence only."""
    found = set(groups)
    strong = SPY in found or STATE in found
    if CASE in found or SPIES in found or strong and STAGE in found or SPY in found and (STATE in found or HINT in found):
        return True
    return teasers and (strong or HINT in found and STAGE in found)


class Prefilter:
    """The words of a cue table in two automata (strong cues, then weak ones), and the verdict."""

    def __init__(self, table: Sequence[Cue], cache: Path | None = None) -> None:
        chosen = [cue for cue in table if cue.group in GROUPS]
        queries = [(cue.pattern, cue.pattern != cue.pattern.lower(), cue.lang not in UNSPACED) for cue in chosen]
        self.rows = tuple(_row(cue, need) for cue, need in zip(chosen, requirements_of(queries, cache or cache_folder()),
                                                                strict=True))
        uses = Counter(word.text for row in self.rows for conj in row.need for word in conj)
        self._strong = _automaton([row for row in self.rows if row.cue.group in STRONG], uses)
        self._weak = _automaton([row for row in self.rows if row.cue.group in WEAK], uses)
        self._fallbacks = tuple(row for row in self.rows if row.pattern is not None)

    @cached_property
    def sieve(self) -> Sieve:
        """The strong cues in one Hyperscan database (built on first use: it takes seconds,
        and a compiled copy is kept in the user's cache folder)."""
        return Sieve([row.cue for row in self.rows if row.cue.group in STRONG])

    @cached_property
    def weak_sieve(self) -> Sieve:
        """The weak cues (legal steps, hints), their repeats bounded: they are placed in sentences."""
        return Sieve([row.cue for row in self.rows if row.cue.group not in STRONG], bounded=True)

    def sieve_passes(self, text: str) -> bool:
        """May the HTML page ``text`` be relevant as the sieve reads it: does one reading of it
        hold an anchor (``_anchored_in``), each cue matched by its own rewritten pattern?"""
        return may_anchor(text, self.sieve, self.weak_sieve, _anchored_in)

    def needs(self, cue_id: str) -> Requirement | None:
        """The words a cue needs (None: it is searched with its own pattern), for tests and docs."""
        row = next(r for r in self.rows if r.cue.id == cue_id)
        return None if row.pattern is not None else row.need

    def cues_in(self, text: str, markup: bool = True) -> frozenset[str]:
        """Ids of the cues that may match somewhere in an article read from ``text``."""
        found: set[Row] = set()
        for form in forms_of(text, markup):
            search = Search(form)
            found.update(search.rows(self._strong) | search.rows(self._weak))
            found.update(row for row in self._fallbacks if row.pattern and row.pattern.search(form.written))
        return frozenset(row.cue.id for row in found)

    def can_be_relevant(self, text: str, markup: bool = True) -> bool:
        """False only when no article read from ``text`` can be relevant. ``markup``: an HTML page
        or a feed (no teasers: an anchor sentence is needed); else a plain-text document.
        Strong cues are looked for first, by the sieve on markup: a page without any (nearly every
        page) is done."""
        if markup and not self.sieve_passes(text):
            return False
        searches = [Search(form) for form in forms_of(text, markup)]
        strong = [self._hits(search, self._strong) for search in searches]
        if not any(strong):
            return False
        if any(group == CASE for hits in strong for group, _ in hits):
            return True
        weak = [self._hits(search, self._weak) for search in searches]
        if not markup:
            groups = {group for hits in strong + weak for group, _ in hits}
            return could_be_relevant(groups, teasers=True)
        return any(_anchored(search, hits + more) for search, hits, more in zip(searches, strong, weak, strict=True))

    def _hits(self, search: Search, automaton: Automata) -> list[Hit]:
        hits = search.hits(automaton)
        wanted = {row.cue.group for row in self._fallbacks if row.cue.group in {g for g in GROUPS}}
        for row in self._fallbacks:
            if row.cue.group in wanted and row.pattern:
                hits += [(row.cue.group, m.start()) for m in row.pattern.finditer(search.form.written)]
        return hits


def _anchored(search: Search, hits: list[Hit]) -> bool:
    """May one sentence of the form hold an anchor (``could_be_relevant`` of its groups)?"""
    by_sentence: dict[int, set[str]] = {}
    for group, place in hits:
        by_sentence.setdefault(search.sentence_of(place), set()).add(group)
    return _anchored_in(by_sentence)


def _anchored_in(by_sentence: dict[int, set[str]]) -> bool:
    """May one sentence hold an anchor, given the groups of each (-1: beside the page's order,
    in every sentence)? A case cue anywhere is one, as ``can_be_relevant`` counts it."""
    if any(CASE in groups for groups in by_sentence.values()):
        return True
    by_sentence = dict(by_sentence)
    everywhere = by_sentence.pop(-1, set())
    if could_be_relevant(everywhere, teasers=False):
        return True
    if any(could_be_relevant(groups | everywhere, teasers=False) for groups in by_sentence.values()):
        return True
    return _headline_over_a_step(by_sentence, everywhere)


def _headline_over_a_step(by_sentence: dict[int, set[str]], everywhere: set[str]) -> bool:
    """May a headline with a strong cue stand over a first sentence with a stage cue? Between the
    two the page may print a byline, a date and share buttons, so a stage cue up to
    ``HEADLINE_REACH`` sentences after a strong one passes."""
    strong = [i for i, groups in by_sentence.items() if (groups | everywhere) & set(STRONG)]
    stages = [i for i, groups in by_sentence.items() if STAGE in groups | everywhere]
    return any(0 <= j - i <= HEADLINE_REACH for i in strong for j in stages)


def _row(cue: Cue, need: Requirement | None) -> Row:
    if need is None:
        return Row(cue, frozenset(), re.compile(cue.pattern, re.IGNORECASE))
    return Row(cue, need)


def _automaton(rows: list[Row], uses: Counter[str]) -> Automata:
    """The lead needles of the rows by their text; an entry holds (needle, its leads). A
    conjunction's lead is its longest word, of those the one in fewest phrases of the table
    ("state" and "china" stand in many, and on many pages). Needles are split by the script
    of their first letter into automata of their own: pyahocorasick looks a character up among
    a node's children one by one, so a root of hundreds of scripts' letters is slow for every
    character of every page, and a page without Cyrillic need not be searched for it."""
    leads: dict[Needle, list[Lead]] = {}
    for row in rows:
        for conj in row.need:
            lead = min(conj, key=lambda w: (-len(w.text), uses[w.text], w.text))
            found = Lead(row, tuple(needles_of(w) for w in sorted(conj - {lead})))
            for needle in needles_of(lead):
                leads.setdefault(needle, []).append(found)
    by_script: dict[int, dict[str, list[tuple[Needle, tuple[Lead, ...]]]]] = {}
    for needle, found_leads in leads.items():
        script = bisect_right(SCRIPT_STARTS, ord(needle.text[0]))
        by_script.setdefault(script, {}).setdefault(needle.text, []).append((needle, tuple(found_leads)))
    automata = []
    for script, by_text in sorted(by_script.items()):
        automaton = ahocorasick.Automaton()
        for text, entries in by_text.items():
            automaton.add_word(text, tuple(entries))
        automaton.make_automaton()
        first_bytes = bytes(sorted({ord(text[0].encode("utf-8", "surrogatepass")[:1]) for text in by_text}))
        automata.append((None if script == 0 else first_bytes, automaton))
    return tuple(automata)


# Where a script's letters start: ASCII, Latin and IPA, Greek and Cyrillic, Armenian to Arabic
# and beyond, CJK and kana, Hangul and the rest.
SCRIPT_STARTS = (0x80, 0x370, 0x530, 0x2E80, 0xAC00)


@lru_cache(maxsize=1)
def prefilter() -> Prefilter:
    """The prefilter of the bundled cue table, built once."""
    return Prefilter(cues())


def can_be_relevant(text: str, markup: bool = True) -> bool:
    """Can any article read from ``text`` be about espionage? See ``Prefilter.can_be_relevant``."""
    return prefilter().can_be_relevant(text, markup)
