"""Per-year counts stated in prose, each tied to its year by where it stands in the sentence.

A sentence qualifies when its context names espionage, a proceeding and a statistical framing
(``tables/relevance_stats.tsv``). Each count then takes a year, in this order:
- the year it is read with ("64 people were prosecuted for spying for China in 2024",
  "29 the year before", "14 last year"): a year close after it, nothing but words in between;
- the year before it ("In 2023 alone it detained 73 people", "Of the 40 charged in 2024, 22 were
  soldiers": a second count of a year already counted breaks that year's figure down);
- the next year after it in the same clause ("37 were arrested in 13 separate cases last year").
Lists pair in order with "respectively". A count that is not read with its own year is dropped
when it refers back ("the two men") or when its clause sums up a period ("since 2014", "over
the past five years"). A sentence without a year whose counts divide a figure just given
("Of the 21 accused, 9 were citizens"; "15 of the 64 charged") breaks that figure's year down.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from spyglass.records import Article
from spyglass.understand.confidence import confidence_of
from spyglass.understand.sentences import sentence_spans
from spyglass.understand.tables.grammar import grammar_of

from ._series import unit_of
from ._vocabulary import WORD_CHAR, YEAR, Claim, Count, Cues, counts_in, number_value, stat_cues

__all__ = ["prose_claims"]

PREVIOUS_REACH = 200  # characters a count may sit after the year it belongs to
NEXT_REACH = 140  # characters a count may sit before a year it is not directly read with
TIGHT_WORDS = 12  # words between a count and the year it is read with
GROUP_REACH = 90  # characters of a breakdown's own words ("serving members of the armed forces")
_ABSOLUTE = re.compile(rf"(?<!{WORD_CHAR})(?<![$./-])(?P<year>{YEAR})(?!{WORD_CHAR}|-|[./]\d|\s*(?:[-–/]|to)\s*{YEAR})",
                       re.IGNORECASE)
# "in 2019 and 2020", "for 2023 and the first six months of 2024": one period, not two years
_PERIOD = re.compile(
    rf"{YEAR}(?:\s+год\w*)?\s+(?:and|und|et|y|e|и)\s+(?:(?:in|for|during|за|в)\s+)?(?:(?:the\s+)?(?:first|second|last|"
    rf"первые|первую|последние)\s+(?:[\w-]+\s+)?(?:months?|half|quarter|weeks|месяц\w*|половин\w*|полгода|"
    rf"квартал\w*)\s+(?:of\s+)?)?{YEAR}", re.IGNORECASE)
_NOT_ANCHOR_BEFORE = re.compile(
    r"(?:since(?: at least)?|between|from|until|before|after|by|of|to|the|act|(?<!\d)\d{1,2},?|between \d{4} and|"
    r"\d{1,2}\.?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*|(?:jan|feb|mar|apr|may|jun|jul|aug|"
    r"sep|oct|nov|dec)\w*|seit|depuis|desde|dal|с)\s*$",
    re.IGNORECASE,
)
_OF_PERIOD = re.compile(r"(?:months|half|quarter|weeks|period|first|second|whole|all|course)\s+of\s*$", re.IGNORECASE)
_NOT_TIGHT = re.compile(
    r"[,;:()—–，、；：（）]|\s-\s|\b(?:than|compared|against|versus|vs|up from|down from|while|whereas|but|contre|gegenüber|"
    r"frente a|rispetto|contro)\b|\b(?:and|but|or|und|et|y|e)\s+(?:in|during|for|by|im|en|in)?\s*$",
    re.IGNORECASE)
# "the 2023 total of 31": a year after "the" counts only before a word for the year's figure
_THE_YEARS_FIGURE = re.compile(r"\s+(?:total|figures?|tally|number|count|level)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r";|\s[—–-]\s")
_RESPECTIVELY = re.compile(r"\brespectively\b|\bjeweils\b|\brespectivement\b|\brespectivamente\b|\brispettivamente\b|"
                           r"\bсоответственно\b", re.IGNORECASE)
_PART_OF = re.compile(r"(?P<part>\w+)\s+of\s+(?:the|these|those)\s+(?P<whole>\d[\d,]*|\w+)", re.IGNORECASE)
_BREAKDOWN_LEAD = re.compile(
    r"^[\s,]*(?:(?:of|among) (?:them|those|whom)[,]?\s*)?(?:(?:were|was|are|is|have|has|had|been|being|already|"
    r"as|who|which|of them|whom|in all)\s+)*", re.IGNORECASE)


_NUMBER = re.compile(r"\d")


@dataclass(frozen=True)
class _Anchor:
    start: int
    end: int
    year: int


@dataclass(frozen=True)
class _Bound:
    count: Count
    anchor: _Anchor
    how: str  # tight | back | loose | list


def prose_claims(article: Article, lang: str = "en") -> list[Claim]:
    """Every count the article's sentences state for a year, breakdowns included."""
    cues = stat_cues()
    text = article.text
    published, dated = _reference_year(article)
    out: list[Claim] = []
    previous, last_year = article.title or "", None
    by_sentence: list[list[Claim]] = []
    for start, end in sentence_spans(text):
        sentence = text[start:end]
        if not _NUMBER.search(sentence) and not counts_in(sentence, lang):  # no figure, nothing to read
            by_sentence.append([])
            previous = sentence
            continue
        anchors = _anchors(sentence, published, last_year, cues, dated)
        found: list[Claim] = []
        if anchors and _qualifies(sentence, previous + " " + sentence, cues, lang):
            found = _sentence_claims(sentence, start, end, anchors, previous, cues, lang)
        elif not anchors:
            found = _breakdown_claims(sentence, start, end, by_sentence[-2:], out, cues, lang)
        by_sentence.append(found)
        out.extend(found)
        years = [a.year for a in anchors if sentence[a.start : a.end].isdigit()]
        last_year = years[-1] if years else last_year
        previous = sentence
    return out


def _reference_year(article: Article) -> tuple[int | None, bool]:
    """The article's year and whether its date says so; undated, the latest year its text names
    up to now ("last year" in an undated report is read against the newest year it mentions)."""
    if article.published_year is not None:
        return article.published_year, True
    now = datetime.date.today().year
    years = [int(y) for y in re.findall(rf"(?<!\d){YEAR}(?!\d)", article.text) if int(y) <= now]
    return (max(years) if years else None), False


def _qualifies(sentence: str, context: str, cues: Cues, lang: str) -> bool:
    if not counts_in(sentence, lang):
        return False
    if cues.exclude.search(sentence) and not cues.espionage.search(sentence):
        return False
    return bool(cues.espionage.search(context) and cues.measure.search(context) and cues.marker.search(context))


def _anchors(
    sentence: str, published: int | None, last_year: int | None, cues: Cues, dated: bool = True
) -> list[_Anchor]:
    """Each year the sentence counts in, relative years resolved; not ranges, not "since 2015".

    Undated, "last year" and "this year" come after every year the sentence names ("64 last
    year, up from 48 in 2023" is 2024 whatever the newest year elsewhere in the text)."""
    found: list[_Anchor] = []
    periods = [] if _RESPECTIVELY.search(sentence) else [p.span() for p in _PERIOD.finditer(sentence)]
    partial = None  # "the first six months of 2024": in an undated report, the current year
    for m in _ABSOLUTE.finditer(sentence):
        before = sentence[max(0, m.start() - 30) : m.start()]
        if any(a <= m.start() < b for a, b in periods):
            continue
        figure = re.search(r"\bthe\s*$", before, re.IGNORECASE) and _THE_YEARS_FIGURE.match(sentence, m.end())
        if figure or _OF_PERIOD.search(before) or not _NOT_ANCHOR_BEFORE.search(before):
            found.append(_Anchor(m.start(), m.end(), int(m.group("year"))))
            partial = int(m.group("year")) if _OF_PERIOD.search(before) else partial
    named = max((a.year for a in found), default=None)
    if not dated and partial is not None:
        published, named = partial, None
    for group, offset in (("year_last", -1), ("year_this", 0)):
        for m in cues.patterns[group].finditer(sentence):
            if published is not None:
                year = published + offset
                found.append(_Anchor(m.start(), m.end(), max(year, named + 1) if named and not dated else year))
    for m in cues.year_before.finditer(sentence):
        earlier = [a.year for a in sorted(found, key=lambda a: a.start) if a.end <= m.start()]
        base = earlier[-1] if earlier else last_year or published
        if base is not None:
            found.append(_Anchor(m.start(), m.end(), base - 1))
    found.sort(key=lambda a: a.start)
    return _without_overlaps(found)


def _without_overlaps(anchors: list[_Anchor]) -> list[_Anchor]:
    """Anchors (sorted by start) that overlap none before them, in one pass: a sentence of
    thousands of years stays linear."""
    kept, reach = [], -1
    for a in anchors:
        if a.start >= reach:
            kept.append(a)
        reach = max(reach, a.end)
    return kept


def _bind(sentence: str, counts: list[Count], anchors: list[_Anchor], year_first: bool = False) -> list[_Bound]:
    """Each count with the year it belongs to (see the module docstring for the order). Where the
    language puts the year first ("2023年の7件", "2023년 4건"), a count is never read with a year after it."""
    if _RESPECTIVELY.search(sentence) and len(counts) == len(anchors) > 1 and counts[-1].end < anchors[0].start:
        return [_Bound(c, a, "list") for c, a in zip(counts, anchors, strict=True)]
    out = []
    for i, count in enumerate(counts):
        after = next((a for a in anchors if a.start >= count.end), None)
        before = [a for a in anchors if a.end <= count.start and count.start - a.end <= PREVIOUS_REACH
                  and ";" not in sentence[a.end : count.start]]
        between = [c for c in counts[i + 1 :] if after is None or c.start < after.start]
        if after and not between and not year_first and _tight(sentence[count.end : after.start]):
            out.append(_Bound(count, after, "tight"))
        elif before:
            out.append(_Bound(count, before[-1], "back"))
        elif after and after.start - count.end <= NEXT_REACH and _loose(sentence[count.end : after.start]):
            out.append(_Bound(count, after, "loose"))
    return out


def _tight(gap: str) -> bool:
    return len(gap.split()) <= TIGHT_WORDS and not _NOT_TIGHT.search(gap)


def _loose(gap: str) -> bool:
    """A count may take a year further on in its clause when a proceeding lies between them
    ("37 were arrested in 13 separate cases last year"), not a new clause ("and in 2023")."""
    return (not re.search(r"[,;:()—–]", gap) and bool(stat_cues().measure.search(gap))
            and not re.search(r"\b(?:and|but|or)\s+(?:in|during|for)?\s*$", gap, re.IGNORECASE))


def _sentence_claims(
    sentence: str, start: int, end: int, anchors: list[_Anchor], previous: str, cues: Cues, lang: str
) -> list[Claim]:
    out: list[Claim] = []
    excluded, first = False, True
    counts = counts_in(sentence, lang)
    for bound in _bind(sentence, counts, anchors, year_first=not grammar_of(lang).spaced):
        count = bound.count
        if bound.how not in ("tight", "list") and (count.definite or count.weak or _cumulative(sentence, count, cues)):
            continue
        noun_end = bound.anchor.start if bound.anchor.start > count.end else count.end + 60
        noun = sentence[count.end : min(noun_end, count.end + 80)]
        if unit_of(noun) or first:  # an elliptical "48 in 2023" shares the fate of the count before it
            excluded, first = bool(cues.exclude.search(noun)), False
        if excluded:
            continue
        total = next((c for c in out if c.year == bound.anchor.year), None) if bound.how == "back" else None
        out.append(Claim(
            year=bound.anchor.year, value=count.value, start=start, end=end, sentence=sentence,
            rule=f"stats.prose.{bound.how}", confidence=confidence_of("stats", f"stats.prose.{bound.how}"),
            noun=noun, clause=sentence, at=count.start,
            context=previous,
            group=_group(sentence, count, counts) if total else "", total=total, quote=(count.start, count.end),
        ))
    return out


def _cumulative(sentence: str, count: Count, cues: Cues) -> bool:
    """Whether the count's clause sums up a period ("since 2014", "over the past five years")."""
    starts = [0, *(m.end() for m in _CLAUSE_BREAK.finditer(sentence))]
    clause_start = max(s for s in starts if s <= count.start)
    stop = _CLAUSE_BREAK.search(sentence, count.end)
    return bool(cues.cumulative.search(sentence[clause_start : stop.start() if stop else len(sentence)]))


def _breakdown_claims(
    sentence: str, start: int, end: int, recent: list[list[Claim]], earlier: list[Claim], cues: Cues, lang: str
) -> list[Claim]:
    """Counts of a sentence without a year that divide a figure just given: from the first count
    next to a back-reference ("15 of the 64 charged", "Of those, 19 ...") on."""
    if not any(recent) or not cues.backref.search(sentence):
        return []
    counts = [c for c in counts_in(sentence, lang) if not c.definite]
    first = next((i for i, c in enumerate(counts) if _partitive(sentence, c, cues)), None)
    if first is None:
        return []
    part_of = _PART_OF.search(sentence)
    whole = number_value(part_of.group("whole"), lang) if part_of else None
    if whole is not None:
        referent = next((c for c in reversed(earlier) if c.value == whole), None)
    else:
        referent = next(claims[-1] for claims in reversed(recent) if claims)
    if referent is None:
        return []
    return [
        Claim(year=referent.year, value=count.value, start=start, end=end, sentence=sentence, rule="stats.breakdown",
              confidence=confidence_of("stats", "stats.breakdown"), noun=sentence[count.end : count.end + 80],
              clause=sentence, at=count.start,
              group=_group(sentence, count, counts), total=referent, quote=(count.start, count.end))
        for count in counts[first:] if count.value != referent.value
    ]


def _partitive(sentence: str, count: Count, cues: Cues) -> bool:
    """ "15 of the 64", "9 of them", "Of those, 19", "Of the 21 accused, 9 were"."""
    after = cues.backref.match(sentence, count.end + 1) if sentence[count.end : count.end + 1].isspace() else None
    if after:
        return True
    before = sentence[max(0, count.start - 50) : count.start]
    lead = list(cues.backref.finditer(before))
    return bool(lead) and re.fullmatch(r"(?:\s+[\w'’-]+){0,3}\s*,?\s*(?:(?:were|was|are)\s+)?", before[lead[-1].end() :]) is not None


def _group(sentence: str, count: Count, counts: list[Count]) -> str:
    """A breakdown's share in its own words, up to the next count: "28 were serving members of the
    armed forces and 15 were veterans" -> "serving members of the armed forces"."""
    stop = min([c.start for c in counts if c.start > count.end] + [count.end + GROUP_REACH])
    words = sentence[count.end : stop]
    if stop == count.end + GROUP_REACH < len(sentence):
        words = words.rsplit(" ", 1)[0]  # not half a word
    words = _BREAKDOWN_LEAD.sub("", words)
    words = re.sub(r"^of (?:the|these|those) [\d,]+(?: \w+)?(?: (?:being|were|was|are))?\s*", "", words, flags=re.I)
    words = re.split(r"[,;:()—–]|\s(?:and|while|whereas|but)\s(?:\d|the|\w+ (?:were|was|being))|\s(?:and|,)\s*\d", words)[0]
    words = words.strip()
    while (cut := re.sub(r"\s+(?:in|during|for|last|this|the|and|of|a|an|while|but|with)$", "", words)) != words:
        words = cut
    return words.strip(" .")
