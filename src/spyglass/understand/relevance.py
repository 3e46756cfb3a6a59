"""Decide whether an article is about espionage: a cheap, explainable first filter.

One compiled regex over the cue table ``tables/relevance_cues.tsv`` scores each sentence.
Positive evidence is espionage vocabulary (``spy``), intelligence services and foreign states'
agents (``state``) and phrases that report a case step by themselves (``case``), plus a bonus
where a legal step (arrested, sentenced...) shares a sentence with them; ``hint`` words
(hacking, handlers, "for China", the FBI, acronyms that are also everyday abbreviations) count
only next to espionage vocabulary or a legal step. Negative evidence is the vocabulary of genres
that talk about spies without reporting a case (fiction, sport, products and software, press
releases, job ads, travel, corporate disputes, bribery, military news, public leaks).

On a real stream most false alarms are pages that use a spy word in passing, so every text but
a teaser (cut from an espionage blog's front page) must also be *anchored*: its title or lede
(first ``LEDE_SENTENCES``) holds a case cue, or a sentence where espionage vocabulary or a
service meets a legal step, or two sentences tying espionage vocabulary to a state or a hint (a
state's spies named by nationality, ``spies``, tie the two in one phrase), or a headline naming
espionage over a first sentence naming the step, or a lede that speaks of espionage in
``STEEPED`` sentences with one such tie among them. A sentence that reports a case carries no
genre's negative evidence, and military or bribery words beside espionage vocabulary are what
was spied on or paid. A teaser's lede weighs as much as a headline, and a teaser title cut from its own text is not
counted twice. A text that names espionage in another language than the one detected is read
again in that language where the first reading finds no case.
The article is relevant when it is anchored and ``positive - negative >= MARGIN`` (less in a
brief of a few sentences, where one sentence reporting a case is the whole report); ``score``
maps that balance to 0..1 (below 0.5 without an anchor) and ``reasons`` lists the cue ids that
fired, so every decision can be traced. No spaCy: this runs before the parser and must stay at
least 10x cheaper than full analysis.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property, lru_cache

from spyglass.records import Article, Relevance
from spyglass.understand.sentences import sentence_spans
from spyglass.understand.tables import read_rows
from spyglass.understand.tables.first_chars import first_chars, ignorecase_key, top_level_branches

__all__ = ["Cue", "cues", "relevance_of", "POSITIVE", "HINT", "NEGATIVE", "MARGIN"]

POSITIVE = ("spy", "state", "case", "spies")
SPIES = "spies"  # a state's spies by nationality ("Russian spies", "espías rusos"): espionage and a state at once
HINT = "hint"  # counts next to a spy cue or a legal step in its sentence, never alone
CASE = "case"  # a phrase that reports a case step by itself ("declared persona non grata")
NEGATIVE = (
    "fiction", "sports", "product", "promo", "job", "travel", "corporate", "bribery", "military", "leak",
)
SUBJECT_GENRES = ("military", "bribery")  # what an espionage case is often about: no genre beside a spy cue
MARGIN = 3.5  # positive evidence must beat negative evidence by this much: more than one sentence naming
# a service and a legal step (3.0) in a text longer than a few sentences
SHORT_MARGIN = 2.0  # ...or by this much in a teaser or a text of a few sentences (less room for evidence)
SHORT_SENTENCES = 3
STEEPED = 3  # lede sentences of espionage vocabulary that, with one link anchor, make a report
BRIEF_MARGIN = 3.0  # ...or by this much in a brief (one sentence naming a service and a legal step: a wire brief
BRIEF_SENTENCES = 8  # reports one case in a few sentences; a longer page needs more than one)
TITLE_WEIGHT = 2.0  # the headline says what the piece is about
SENTENCE_CAP = 4.0  # one sentence cannot carry a whole article
GENRE_CAP = 3.0  # nor can one sentence sink it
MAX_REASONS = 12
LEDE_SENTENCES = 15  # where an article states what it reports (with its title)
UNANCHORED_SCORE = 0.45  # the highest score of an article with no anchor sentence
# The reader names these languages; cues of any other language apply where it names none.
READER_LANGUAGES = frozenset({"en", "de", "fr", "es", "it", "nl", "pt"})
UNKNOWN = "?"
NOUN_PREFIX = "spy.noun-"  # the word for espionage in one language, matched in every text
UNSPACED = frozenset({"zh", "ja", "ko"})  # scripts without spaces between words: no word boundaries
_UNSPACED_CHAR = "[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"  # kana, CJK ideographs, Hangul: a cheap gate

@dataclass(frozen=True)
class Cue:
    """One row of the cue table."""

    id: str
    lang: str
    group: str
    weight: float
    pattern: str


@lru_cache(maxsize=1)
def cues() -> tuple[Cue, ...]:
    """The cue table, read once from the package data."""
    return tuple(Cue(rid, lang, group, float(weight), pattern)
                 for rid, lang, group, weight, pattern in read_rows("relevance_cues.tsv", 5))


@dataclass(frozen=True)
class _Matcher:
    """The cues of one language as two alternations: most run on lower-cased text without
    IGNORECASE (several times faster in ``re``); cues that need case (acronyms) run on the text."""

    lower: re.Pattern[str]
    lower_cues: tuple[Cue, ...]
    cased: re.Pattern[str]
    cased_cues: tuple[Cue, ...]
    all_cues: tuple[Cue, ...]

    @cached_property
    def anycase(self) -> re.Pattern[str]:
        """Every cue, for the rare text whose lower-casing changes its length (``İ``): compiled
        on first need, as it takes twice as long as the other two together."""
        return _alternation(self.all_cues, re.IGNORECASE)


def _alternation(chosen: tuple[Cue, ...], flags: int) -> re.Pattern[str]:
    # One word-boundary test outside the alternation: positions inside words fail at once.
    # Cues of unspaced scripts come after it, unbounded.
    bounded = _gated([(i, c) for i, c in enumerate(chosen) if c.lang not in UNSPACED], flags)
    unbounded = "|".join(f"(?P<c{i}>{c.pattern})" for i, c in enumerate(chosen) if c.lang in UNSPACED)
    pattern = f"(?<!\\w)(?:{bounded})(?!\\w)" + (f"|(?={_UNSPACED_CHAR})(?:{unbounded})" if unbounded else "")
    return re.compile(pattern, flags)


def _gated(numbered: list[tuple[int, Cue]], flags: int) -> str:
    """The cues' alternatives grouped by the character they can begin with, each group behind a
    look-ahead for its characters: a word start tries only the alternatives that can begin
    there, not every alternative of every cue. A group keeps table order, and each cue's own
    order of its alternatives, so the alternative that matches at a position is the one trying
    them all would pick; a cue's alternatives in one group are one named group. Alternatives
    that may begin anywhere join every group in their place (and one group of their own)."""
    groups: dict[int, list[tuple[int, int, str]]] = {}
    starts: dict[int, set[str]] = {}
    anywhere: list[tuple[int, int, str]] = []
    for i, c in numbered:
        for n, branch in enumerate(top_level_branches(c.pattern)):
            chars = first_chars(branch, flags)
            if not chars:
                anywhere.append((i, n, branch))
                continue
            for char in chars:  # keyed as ``re`` compares them: the keys' characters never overlap
                starts.setdefault(ignorecase_key(ord(char)), set()).add(char)
            for key in {ignorecase_key(ord(char)) for char in chars}:
                groups.setdefault(key, []).append((i, n, branch))
    by_size = sorted(groups, key=lambda key: (-len(groups[key]), key))  # the busiest look-ahead first
    branches = [f"(?=[{_char_class(starts[key])}])(?:{_named(sorted([*groups[key], *anywhere]), g)})"
                for g, key in enumerate(by_size)]
    if anywhere:
        branches.append(_named(anywhere, len(by_size)))
    return "|".join(branches) or "(?!)"


def _named(alternatives: list[tuple[int, int, str]], group: int) -> str:
    """(cue, number, pattern) alternatives in order, each cue's run of them one named group
    (``c12_3``: cue 12 in group 3; a name is used once per pattern)."""
    runs: list[tuple[int, list[str]]] = []
    for i, _, branch in alternatives:
        if runs and runs[-1][0] == i:
            runs[-1][1].append(branch)
        else:
            runs.append((i, [branch]))
    return "|".join(f"(?P<c{i}_{group}>{'|'.join(run)})" for i, run in runs)


def _char_class(chars: set[str]) -> str:
    return "".join(re.escape(ch) for ch in sorted(chars))  # escapes "-", "]", "^" and "\\" too


def _cue_index(group: str) -> int:
    """The cue number in a group name (``c12_3``: cue 12 in the third look-ahead group)."""
    return int(group[1:].split("_", 1)[0])


def _applies(cue: Cue, lang: str) -> bool:
    """English and language-neutral cues apply to every text; a text the reader could not name
    gets the cues of the languages it cannot recognise."""
    if lang == "*" or cue.lang in ("*", "en", lang):
        return True
    return lang == UNKNOWN and cue.lang not in READER_LANGUAGES


@lru_cache(maxsize=16)
def _matcher(lang: str) -> _Matcher:
    """The cues that apply to ``lang`` (``UNKNOWN`` where the reader named no language)."""
    chosen = tuple(c for c in cues() if _applies(c, lang))
    cased = tuple(c for c in chosen if c.pattern != c.pattern.lower())
    lower = tuple(c for c in chosen if c not in cased)
    return _Matcher(_alternation(lower, 0), lower, _alternation(cased, re.IGNORECASE), cased, chosen)


def _cue_matches(text: str, lang: str) -> list[tuple[int, Cue]]:
    """(offset, cue) of every cue match in the text."""
    m = _matcher(lang)
    folded = text.lower()
    if len(folded) != len(text):
        return [(x.start(), m.all_cues[_cue_index(x.lastgroup or "")]) for x in m.anycase.finditer(text)]
    found = [(x.start(), m.lower_cues[_cue_index(x.lastgroup or "")]) for x in m.lower.finditer(folded)]
    found += [(x.start(), m.cased_cues[_cue_index(x.lastgroup or "")]) for x in m.cased.finditer(text)]
    return found


def _sentence_hits(text: str, lang: str) -> list[dict[str, tuple[float, str]]]:
    """Per sentence: group -> (largest cue weight, its id)."""
    spans = sentence_spans(text)
    starts = [s for s, _ in spans]
    hits: list[dict[str, tuple[float, str]]] = [{} for _ in spans]
    for offset, cue in _cue_matches(text, lang):
        i = max(bisect.bisect_right(starts, offset) - 1, 0)
        if not hits:
            break
        best = hits[i].get(cue.group)
        if best is None or cue.weight > best[0]:
            hits[i][cue.group] = (cue.weight, cue.id)
    return hits


def _anchor(sentence: dict[str, tuple[float, str]]) -> str | None:
    """What kind of anchor a sentence is: ``"case"`` where espionage vocabulary or a service meets
    a legal step, ``"link"`` where espionage vocabulary is tied to a state or a hint; else None."""
    if CASE in sentence or "stage" in sentence and ("spy" in sentence or "state" in sentence or SPIES in sentence):
        return "case"
    if SPIES in sentence or "spy" in sentence and ("state" in sentence or HINT in sentence):
        return "link"
    return None


def _anchored(lede: list[dict[str, tuple[float, str]]]) -> bool:
    """Does a longer text report a case where an article states its subject (its title and first
    ``LEDE_SENTENCES``)? One case anchor does; link anchors, which also describe the spy trade in
    general ("an agency of spies"), must recur."""
    kinds = [_anchor(sentence) for sentence in lede]
    return "case" in kinds or kinds.count("link") >= 2


def _steeped_in_espionage(lede: list[dict[str, tuple[float, str]]]) -> bool:
    """A lede that speaks of espionage itself (not only of a service) in ``STEEPED`` sentences or
    more, one of them tying it to a state: a counter-intelligence warning or a spy's story that
    names no legal step is about espionage all the same. Repeating a service's name is no such
    evidence (a feature on the CIA's gym names it thirty times)."""
    spying = sum(1 for sentence in lede if "spy" in sentence or SPIES in sentence or CASE in sentence)
    return spying >= STEEPED and any(_anchor(sentence) for sentence in lede)


def _headline_with_its_step(headline: list[dict[str, tuple[float, str]]], lede: list[dict[str, tuple[float, str]]]) -> bool:
    """A headline naming espionage whose first sentence below names the legal step ("Former clerk
    in espionage scandal" / "Police took a man into custody on Tuesday"): the two say together
    what one sentence of a case anchor says."""
    named = any(group in sentence for sentence in headline for group in POSITIVE)
    return named and any("stage" in sentence for sentence in lede)


def _balance(hits: list[dict[str, tuple[float, str]]], weight: float, fired: Counter[str]) -> tuple[float, float]:
    """Positive and negative evidence of some sentences, noting which cues fired."""
    positive = negative = 0.0
    for sentence in hits:
        pos = sum(sentence[g][0] for g in POSITIVE if g in sentence)
        supported = "spy" in sentence or SPIES in sentence or CASE in sentence or "stage" in sentence
        if supported and HINT in sentence:
            pos += sentence[HINT][0]  # a hint counts only next to espionage vocabulary or a legal step
        if pos and "stage" in sentence:
            pos += sentence["stage"][0]  # a legal step next to a spy cue: a case is being reported
        neg = 0.0 if _anchor(sentence) == "case" else _genre_evidence(sentence)  # a case is no genre's aside
        positive += weight * min(pos, SENTENCE_CAP)
        negative += weight * min(neg, GENRE_CAP)
        for group, (_, cue_id) in sentence.items():
            if group == HINT and not supported or group == "stage" and not pos:
                continue
            fired[cue_id] += 1
    return positive, negative


def _genre_evidence(sentence: dict[str, tuple[float, str]]) -> float:
    """The negative evidence of a sentence that reports no case. Military and bribery words beside
    espionage vocabulary are what was spied on or paid ("passed information about military
    exercises", "for bribes"), not another genre."""
    spying = "spy" in sentence or SPIES in sentence or CASE in sentence
    return sum(sentence[g][0] for g in NEGATIVE if g in sentence and not (spying and g in SUBJECT_GENRES))


def _cue_language(article: Article, lang: str | None) -> str:
    """The cue set to use: the given language, the article's, or ``UNKNOWN`` where there is none
    or the table has no cues of that language (it then reads the cues of every language the
    table holds beyond the reader's own)."""
    if lang and (article.language or lang != "en"):
        code = lang.lower()
    else:
        code = (article.language or UNKNOWN).lower()
    return code if code in _table_languages() else UNKNOWN


@lru_cache(maxsize=1)
def _table_languages() -> frozenset[str]:
    return frozenset(c.lang for c in cues()) | {UNKNOWN, "*"}


def relevance_of(article: Article, lang: str | None = None) -> Relevance:
    """Is the article about a concrete espionage case, a spy statistic or counter-intelligence?

    Where the text names espionage in another language than the one it was read in (language
    detection errs on short texts) and is not relevant as read, it is read again in that language.
    """
    lang = _cue_language(article, lang)
    found, fired = _relevance_in(article, lang)
    other = None if found.is_espionage else _noun_language(fired, lang)
    return _relevance_in(article, other)[0] if other else found


def _noun_language(fired: Counter[str], lang: str) -> str | None:
    """The language of an espionage noun that fired (``spy.noun-XX``), if not ``lang``."""
    others = (cue_id[len(NOUN_PREFIX):] for cue_id in fired if cue_id.startswith(NOUN_PREFIX))
    return next((other for other in others if other not in (lang, "en")), None)


def _relevance_in(article: Article, lang: str) -> tuple[Relevance, Counter[str]]:
    """Relevance with the cues of ``lang``, and the cue ids that fired."""
    fired: Counter[str] = Counter()
    hits = _sentence_hits(article.text, lang)
    positive, negative = _balance(hits, 1.0, fired)
    # A teaser is cut from an espionage blog's front page and needs no anchor; any other text
    # must anchor its evidence, a short one with a smaller margin (less room for evidence).
    short = article.kind == "teaser" or len(hits) <= SHORT_SENTENCES
    margin_needed = SHORT_MARGIN if short else BRIEF_MARGIN if len(hits) <= BRIEF_SENTENCES else MARGIN
    if article.kind == "teaser" and hits and "stage" in hits[0]:
        # A teaser is the capitalised opening of a post: a first sentence that reports a legal
        # step is the post's lede, saying what it reports as a headline does, so it weighs like
        # one (a cut question or a scene-setting opening gets no such weight).
        pos_l, neg_l = _balance(hits[:1], TITLE_WEIGHT - 1.0, Counter())
        positive, negative = positive + pos_l, negative + neg_l
    title = (article.title or "").strip()
    title_hits: list[dict[str, tuple[float, str]]] = []
    if title and not article.text.lstrip().startswith(title.rstrip("…. ")):
        title_hits = _sentence_hits(title, lang)
        pos_t, neg_t = _balance(title_hits, TITLE_WEIGHT, fired)
        positive, negative = positive + pos_t, negative + neg_t
    lede = title_hits + hits[:LEDE_SENTENCES]
    anchored = article.kind == "teaser" or _anchored(lede) or _headline_with_its_step(
        title_hits or hits[:1], hits[:1] if title_hits else hits[1:2]) or _steeped_in_espionage(lede)
    # score >= 0.5 exactly when the verdict is yes: positive - negative >= margin_needed, anchored
    score = round(positive / (positive + negative + margin_needed), 3) if positive else 0.0
    verdict = anchored and positive - negative >= margin_needed
    if not anchored:
        score = min(score, UNANCHORED_SCORE)
    rule = "rule:positive-outweighs" if verdict else (
        "rule:negative-outweighs" if negative >= positive and negative
        else "rule:no-anchor" if positive - negative >= margin_needed else "rule:too-little-evidence"
    )
    reasons = (rule, f"positive={positive:.1f}", f"negative={negative:.1f}") + tuple(
        f"{cue_id}x{n}" for cue_id, n in fired.most_common(MAX_REASONS)
    )
    return Relevance(is_espionage=verdict, score=score, reasons=reasons), fired
