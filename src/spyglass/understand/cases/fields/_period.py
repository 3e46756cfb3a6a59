"""The period field: the years the spying went on, when the text ties them to the acts (a year
belongs to the period only when the verb nearest to it is an act of spying, not a legal step)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from spyglass.understand.cases import structure
from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, about_someone
from spyglass.understand.quantities import number_of
from spyglass.understand.sentences import rest_of
from spyglass.understand.tables.cues import cue, cues

__all__ = ["SPY_ACT", "period_of"]

# Spying wording anywhere in a sentence (nouns included): a sentence that may date the acts.
SPY_ACT = cue("period.spy_act")
PERIOD_RULES = cues("period.between", "period.months", "period.dash", "period.in_and", "period.since",
                    "period.recruited")
PERIOD_END = cue("period.end")
# "until their arrest", with no year: the arrest dated elsewhere in the text ends the spying.
_UNTIL_ARREST = cue("period.until_arrest")
_MONTH_AFTER = cue("period.month_after")
# "For nearly five years, until his arrest in January 2012": the start is the end minus the years.
PERIOD_SPAN_UNTIL = cue("period.span_until")
_RANGE_RULES = ("period.between", "period.months", "period.dash", "period.in_and")
_CLAUSE_BREAK = cue("period.clause_break")
_OPEN_START = cue("period.open_start")
# "wirft ihm vor", "accused", "reproche": a step that reports an accusation, whose clause tells the acts
_ACCUSATION = cue("period.accusation")
_OPEN_START_AFTER = cue("period.open_start_after")  # "2022'den bu yana": "since" after the year
_END_CUE = cue("period.end_cue")
_MONTH_SPAN = cue("period.month_span")  # "from March to September 2022": the year is both ends
# Relative dates: (rule id, pattern, years added to the year of publication).
_RELATIVE = tuple((rid, pattern, delta) for (rid, pattern), delta in zip(
    cues("period.last_year", "period.this_year", "period.this_week", "period.two_years_ago"), (-1, 0, 0, -2), strict=True))


@lru_cache(maxsize=256)
def _clause_breaks(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the sentence's clause breaks, found once per sentence."""
    found = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    return [a for a, _ in found], [b for _, b in found]


def _clause(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the clause around ``pos``."""
    starts, ends = _clause_breaks(text)
    before = bisect_right(ends, pos)  # breaks that end at or before pos
    start = ends[before - 1] if before else 0
    after = bisect_left(starts, pos)  # the first break that starts at or after pos
    return start, starts[after] if after < len(starts) else len(text)


# Verbs of the spying itself (not the nouns "spying", "espionage", which name the charge).
SPY_VERB = cue("period.spy_verb")
# "arrested in 2021 while handing over documents": caught in the act, the year is an act's year.
_CAUGHT_IN_ACT = cue("period.caught_in_act")
# "arrested at the last drop site, in October 2021": caught at a handover, the year is an act's.
_CAUGHT_AT = cue("period.caught_at")
# "handed the files to prosecutors": a step towards the authorities, not an act of spying.
_TO_AUTHORITY = cue("period.to_authority")
# "born in 1975", "at the age of": a year or number that is not the acts'.
_BORN_BEFORE = cue("period.born_before")
# "the parole committee that met in 2007": a verb of meeting said of an institution.
_INSTITUTION_SUBJECT = cue("period.institution_subject")


def _not_of_the_acts(f: SentenceFacts, start: int, end: int) -> bool:
    """The sentence's parse ties the year at [start, end) to states or to a career, not to the acts."""
    if f.parser is None:
        return False
    countries = [(h.start, h.end) for h in f.countries]
    return structure.year_not_of_the_acts(f.doc, start, end, countries)


def _dates_a_step(f: SentenceFacts, start: int, end: int) -> bool:
    """The parse ties the date to a legal step, and the text does not say it was caught in the act."""
    if f.parser is None or _CAUGHT_IN_ACT.match(rest_of(f.text, end)) or _CAUGHT_AT.search(f.text, max(_clause(f.text, start)[0], start - _CAUGHT_REACH), start):
        return False  # "arrested at the last drop site, in October 2021": the arrest ends the acts
    return structure.dates_a_step(f.doc, start, end, [(h.start, h.end) for h in f.stages])


# How far before a date "arrested at the last drop site, in ..." is looked for: a bound, so a
# sentence with many dates is not scanned once per date.
_CAUGHT_REACH = 160
_NEIGHBOURS = 4  # spans on each side of a position among which the nearest one lies


def _verbs_of(f: SentenceFacts) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[tuple[int, int]]]:
    """The sentence's act verbs, legal steps (not "until his arrest") and those ties, as sorted
    spans, read once per sentence: a sentence with many years is not scanned once per year."""
    cached = f.cache.get("period.verbs")
    if cached is None:
        acts = [(m.start(), m.end()) for m in SPY_VERB.finditer(f.text) if not _TO_AUTHORITY.match(f.text, m.end())
                and not _INSTITUTION_SUBJECT.search(f.text, max(0, m.start() - 40), m.start())]
        ties = [(m.start(), m.end()) for m in _UNTIL_ARREST.finditer(f.text)]  # "until his arrest" ends a period
        tie_starts = [a for a, _ in ties]
        steps = sorted((h.start, h.end) for h in f.stages
                       if not ((i := bisect_right(tie_starts, h.start) - 1) >= 0 and h.start < ties[i][1]))
        cached = f.cache["period.verbs"] = (acts, steps, ties)
    return cached


def _nearest(spans: list[tuple[int, int]], lo: int, hi: int, pos: int, after: int,
             skip: tuple[int, int] = (0, 0)) -> int:
    """Distance from ``pos`` to the nearest span starting inside [lo, hi) and outside ``skip``;
    words after a dating phrase count from its end (``after``)."""
    at = bisect_left(spans, (pos, pos))
    best = 10**6
    for start, end in spans[max(0, at - _NEIGHBOURS) : at + _NEIGHBOURS]:
        if lo <= start < hi and not skip[0] <= start < skip[1]:
            best = min(best, pos - end if end <= pos else max(0, start - after))
    return best


def _act_before_step(f: SentenceFacts, lo: int, hi: int, pos: int, skip: tuple[int, int] = (0, 0),
                     opens: bool = False) -> bool:
    """Whether the nearest verb to ``pos`` inside [lo, hi) is a spying act, not a legal step
    (steps inside ``skip``, the dating phrase itself, do not count). An accusation is made at
    one time and is not what "since" dates: beside a year that opens a period ("wirft ihm vor,
    seit 2023 ... ausgespäht zu haben"), it does not count as a step."""
    acts, steps, _ties = _verbs_of(f)
    if opens:
        steps = [(a, b) for a, b in steps if not _ACCUSATION.search(f.text, a, b)]
    # words after a dating phrase are as far as they stand from its end, not its start
    # ("between 2019 and 2022 Delaney sold ..." is as near as "in 2019 Delaney sold ...")
    after = max(pos, skip[1])
    dist = _nearest(acts, lo, hi, pos, after)
    return dist < 10**6 and dist < _nearest(steps, lo, hi, pos, after, skip)


def _tied_range(f: SentenceFacts, start: int, end: int) -> bool:
    """Whether a range at [start, end) dates an act: an act verb of its clause is nearer to it
    than any legal step outside it ("ambassador from 2000 to 2002" has none: a career;
    "between May 2019 and his arrest in 2022 he sent" has one), or the range closes the act's
    phrase before the step ("who worked for Russia's services between 2019 and 2022 were
    convicted": a span of years dates what was done over it, not the step after it)."""
    lo, hi = _clause(f.text, start)
    return _closes_an_act(f, lo, start) or _act_before_step(f, lo, hi, start, skip=(start, end))


_ACT_REACH = 80  # characters from an act verb to the range that closes its phrase


def _closes_an_act(f: SentenceFacts, lo: int, start: int) -> bool:
    """An act verb ends at most ``_ACT_REACH`` characters before ``start``, in the clause, with no
    legal step between them."""
    acts, steps, _ties = _verbs_of(f)
    before = [b for a, b in acts if lo <= a and b <= start and start - b <= _ACT_REACH]
    if not before:
        return False
    act_end = max(before)
    return not any(act_end <= a < start for a, _ in steps)


def _act_years(facts: list[SentenceFacts], published_year: int | None) -> tuple[list[tuple[int, str]], dict[int, Found]]:
    """(year, "start"|"end"|"act") for every year the text ties to the spying."""
    out: list[tuple[int, str]] = []
    found: dict[int, Found] = {}  # where each year was read, for the evidence of the chosen ends
    for f in facts:
        years, spans = _sentence_act_years(f, published_year)
        out += years
        for year, span in spans:
            found.setdefault(year, Found(f, "period.act_year", span))
    return out, found


def _sentence_act_years(f: SentenceFacts, published_year: int | None) -> tuple[list[tuple[int, str]], list[tuple[int, tuple[int, int]]]]:
    """``_act_years`` of one sentence, read once (every proceeding holding the sentence asks again)."""
    key = ("period.act_years", published_year)
    if key not in f.cache:
        f.cache[key] = _read_act_years(f, published_year)
    return f.cache[key]


def _arrest_dated(f: SentenceFacts, start: int) -> bool:
    """Whether the step the year dates is an arrest: "arrested in 2021 while handing over files" is
    caught in the act; "indicted in 2006 for ... while meeting agents" dates the indictment."""
    before = [h for h in f.stages if h.end <= start]
    return not before or max(before, key=lambda h: h.end).kb_id == "arrested"


def _read_act_years(f: SentenceFacts, published_year: int | None) -> tuple[list[tuple[int, str]], list[tuple[int, tuple[int, int]]]]:
    out: list[tuple[int, str]] = []
    spans: list[tuple[int, tuple[int, int]]] = []
    marks = [(q.start, q.end, int(q.value)) for q in f.years if f.text[q.end : q.end + 1] != "s"]  # type: ignore[call-overload]
    if published_year:
        for _rule, pattern, delta in _RELATIVE:
            for m in pattern.finditer(f.text):
                marks.append((m.start(), -m.end(), published_year + delta))  # negative end: relative
    for start, end, year in marks:
        relative = end < 0
        end = abs(end)
        lo, hi = _clause(f.text, start)
        caught = (_CAUGHT_IN_ACT.match(rest_of(f.text, end)) and SPY_VERB.search(f.text, end, end + 160)
                  and _arrest_dated(f, start)) or _CAUGHT_AT.search(f.text, max(lo, start - _CAUGHT_REACH), start)
        before = f.text[max(lo, start - 110) : start]
        opens = _OPEN_START.search(before) or _OPEN_START_AFTER.match(f.text, end)
        if not (_act_before_step(f, lo, hi, start, opens=bool(opens)) or caught):
            continue
        if _BORN_BEFORE.search(before):
            continue
        if (not relative and _not_of_the_acts(f, start, end)) or _dates_a_step(f, start, end):
            continue  # the parse ties the date to states, a career or a legal step (asked last: it costs)
        if _MONTH_SPAN.search(before):
            kind = "act"  # the months of one year: not an open start nor an end
        else:
            kind = "start" if opens else "end" if _END_CUE.search(before) else "act"
        out.append((year, "relative" if relative and kind == "act" else kind))
        spans.append((year, (start, end)))
    return out, spans


def period_of(facts: list[SentenceFacts], published_year: int | None) -> tuple[tuple[int | None, int | None] | None, Found | None]:
    """Years the spying went on, when the text ties them to it.

    An explicit range tied to the acts wins ("between 2004 and 2012"); otherwise the years of
    the acts span the period, an open start ("since 2015", "recruited in 2018") stays open
    unless an end is stated ("until his arrest in 2020"), and a single dated act is [y, y].
    """
    for f in facts:
        m = PERIOD_SPAN_UNTIL.search(f.text)
        n = number_of(m.group("n")) if m else None
        if m and n and 0 < n < 60:
            last = int(m.group("y"))
            return (last - int(n), last), Found(f, "period.span_until", m.span("y"))
    hit = _period_matches(facts, ranges=True)
    years, found_at = _act_years(facts, published_year)
    if published_year:
        years = [(y, k) for y, k in years if y <= published_year]
    if any(k != "relative" for _, k in years):
        years = [(y, k) for y, k in years if k != "relative"]  # printed years win over "on Tuesday"
    years = [(y, "act" if k == "relative" else k) for y, k in years]
    if hit is not None:
        start, end, f, rule, span = hit
        if not (published_year and start > published_year):
            # an open start stated elsewhere ("from at least 2001") may begin the spying earlier
            earlier = [y for y, k in years if k == "start" and y < start]
            if earlier:
                return (min(earlier), end), found_at[min(earlier)]
            return (start, end), Found(f, rule, span)
    hit = _period_matches(facts, ranges=False)
    if hit is not None:
        start, _end, f, rule, span = hit
        if not (published_year and start > published_year):
            end = _period_end(facts, start)
            return (start, end if end is not None else _arrest_year(facts, start, published_year)), Found(f, rule, span)
    if not years:
        return None, None
    low = min(y for y, _ in years)
    closing = [y for y, k in years if k != "start" and y >= low]
    explicit_end = _period_end(facts, low)
    if explicit_end is not None:
        closing.append(explicit_end)
    starts_only = all(k == "start" for y, k in years if y == low) and not [y for y in closing if y > low]
    high = max(closing) if closing and not starts_only else None
    if high is None and starts_only:
        high = _arrest_year(facts, low, published_year)
    return (low, high), found_at.get(low)


def _year(text: str | None) -> int | None:
    if not text or len(text) == 2:
        return None
    return int(text)


_DIGIT = re.compile(r"\d")


def _period_matches(facts: list[SentenceFacts], ranges: bool) -> tuple[int, int | None, SentenceFacts, str, tuple[int, int]] | None:
    """The first explicit range (``ranges``) or open start the text ties to the acts."""
    for f in facts:
        key = ("period.match", ranges)
        if key not in f.cache:  # read once per sentence: every proceeding holding it asks again
            f.cache[key] = _sentence_period_match(f, ranges)
        if (hit := f.cache[key]) is not None:
            start, end, rule, span = hit
            return start, end, f, rule, span
    return None


def _sentence_period_match(f: SentenceFacts, ranges: bool) -> tuple[int, int | None, str, tuple[int, int]] | None:
    if not f.years and not _DIGIT.search(f.text):
        return None  # every period rule reads a year in digits
    if not SPY_ACT.search(f.text) or not (ranges or about_someone(f)):
        return None  # "services have stepped up recruitment since 2022": about nobody
    for rule, pattern in PERIOD_RULES:
        if (rule in _RANGE_RULES) != ranges:
            continue
        for m in pattern.finditer(f.text):
            if rule != "period.recruited" and not _tied_range(f, m.start(), m.end()):
                continue  # "ambassador to Bolivia from 2000 to 2002": a career, not the spying
            if _not_of_the_acts(f, m.start("a"), m.end("a")):
                continue  # "who worked in a lawmaker's office from 2018 until 2023"
            start = _year(m.group("a"))
            end = _year(m.groupdict().get("b"))
            if rule == "period.dash" and m.group("b") and len(m.group("b")) == 2 and start:
                end = start // 100 * 100 + int(m.group("b"))
            if rule == "period.months":
                end = start  # "between April and September 1974"
            if start is None or (end is not None and end < start):
                continue
            return start, end, rule, m.span("a")
    return None


def _arrest_year(facts: list[SentenceFacts], start: int, published_year: int | None) -> int | None:
    """The year of the accused's arrest, when the text ties the end of the spying to it ("until
    their arrest") and dates the arrest ("arrested in September 2020", "En 2009, el FBI
    detuvo"; a month alone is resolved against the printed year). An open start with no such
    tie stays open ("recruited in 2015" -> [2015, null])."""
    ties = {(f.index, m.start()): m.end() for f in facts for m in _UNTIL_ARREST.finditer(f.text)}
    if not ties:
        return None
    if published_year and published_year >= start and any(
            _MONTH_AFTER.match(f.text, end) for (i, _), end in ties.items() for f in facts if f.index == i):
        return published_year  # "until their arrest in April", no year printed
    for f in facts:
        for h in f.stages:
            if h.kb_id != "arrested" or any(i == f.index and a <= h.start < b for (i, a), b in ties.items()):
                continue  # the "until their arrest" itself does not date the arrest
            lo, hi = _clause(f.text, h.start)
            after = [int(q.value) for q in f.years if h.start < q.start < hi]  # type: ignore[call-overload]
            before = [int(q.value) for q in f.years if lo <= q.start < h.start]  # type: ignore[call-overload]
            if after or before:
                year = (after or before[::-1])[0]
                if year >= start:
                    return year
            elif published_year and published_year >= start and _MONTH_AFTER.match(f.text, h.end):
                return published_year  # "until their arrest in April", no year printed
    return None


def _period_end(facts: list[SentenceFacts], start: int) -> int | None:
    for f in facts:
        for m in PERIOD_END.finditer(f.text):
            year = next((int(g) for g in m.groups() if g), None)
            at = next((m.start(i + 1) for i, g in enumerate(m.groups()) if g), m.start())
            if year is not None and year >= start and not _not_of_the_acts(f, at, at + 4):
                return year
    return None
