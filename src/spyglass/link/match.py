"""The match score between a mention and a candidate case, and the reasons behind it.

Decisions, strongest first:
- ``strong``: the accused names agree and no stated fact conflicts (a sponsor disagreement is
  tolerated when two full words of a name agree: extraction often gets the sponsor wrong, and
  "Kevin Mallory" is a better witness than one country code; so is a swapped country pair);
- ``medium``: no name agreement, but the same country pair, reports close in time and
  enough further facts agree (service, roles, sentence, payments...) to pass ``LINK_SCORE``;
- ``none``: a fact conflicts (another prosecuting state, another sentence, other named
  people, the article is already in the case) or too little agrees.
An analyst's ``cannot`` rule for the pair always gives ``none``.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Literal

from spyglass.link.keys import YEAR_WINDOW, service_of, year_of
from spyglass.names import full_names_overlap, names_overlap
from spyglass.records import STAGE_ORDER, Case, CaseFacts, Mention, SentenceEnd

__all__ = ["LINK_SCORE", "Match", "match", "mention_key", "sentence_bounds"]

LINK_SCORE = 0.5
Decision = Literal["strong", "medium", "none"]

# what each agreeing fact adds; names alone pass LINK_SCORE, a country pair alone does not
WEIGHTS: dict[str, float] = {
    "names": 0.6, "pair": 0.2, "target": 0.05, "service": 0.1, "roles": 0.1, "sentence": 0.15,
    "count": 0.05, "payments": 0.15, "period": 0.05, "nationality": 0.05,
}
_LIFE = 10_000  # months, so a life term sorts above any finite one


@dataclass(frozen=True)
class Match:
    decision: Decision
    score: float
    reasons: tuple[str, ...] = field(default=())


def mention_key(mention: Mention) -> str:
    """How link rules and the CLI name a mention: ``"<article_id>:<index>"``."""
    return f"{mention.article_id}:{mention.index}"


def sentence_bounds(value: tuple[SentenceEnd, SentenceEnd] | None) -> tuple[int, int] | None:
    """A sentence range in months with life as a large number; None if no term is known."""
    if value is None:
        return None
    ends = [_LIFE if end == "life" else end for end in value if end is not None]
    return (min(ends), max(ends)) if ends else None


def _sentences_conflict(a: CaseFacts, b: CaseFacts) -> bool:
    x, y = sentence_bounds(a.sentence_months), sentence_bounds(b.sentence_months)
    if x is None or y is None:
        return False
    inside = (y[0] <= x[0] and x[1] <= y[1]) or (x[0] <= y[0] and y[1] <= x[1])
    return not inside


def _differ(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a.casefold() != b.casefold()


def _swapped(a: CaseFacts, b: CaseFacts) -> bool:
    """Sponsor and target exchanged: an extraction slip, not another proceeding."""
    return a.sponsor_country == b.target_country and a.target_country == b.sponsor_country


def _hard_conflicts(mention: Mention, case: Case) -> list[str]:
    """Facts that rule the pair out whatever else agrees."""
    found = []
    if any(article == mention.article_id for article, _ in case.mentions):
        found.append("same-article")
    full_name = full_names_overlap(mention.accused_names, case.accused_names)
    if _differ(mention.target_country, case.target_country) and not (full_name and _swapped(mention, case)):
        found.append("target-differs")
    if _differ(mention.sponsor_country, case.sponsor_country) and not full_name:
        found.append("sponsor-differs")
    if _sentences_conflict(mention, case):
        found.append("sentence-differs")
    if mention.accused_names and case.accused_names and not names_overlap(
        mention.accused_names, case.accused_names
    ):
        found.append("names-differ")
    return found


def _soft_conflicts(mention: Mention, case: Case) -> list[str]:
    """Facts that rule out a match made without names (a name match survives them)."""
    found = []
    if _differ(service_of(mention), service_of(case)):
        found.append("service-differs")
    if mention.accused_count and case.accused_count and mention.accused_count != case.accused_count:
        found.append("count-differs")
    if _stage_goes_back(mention, case):
        found.append("stage-order")
    if not _close_in_time(mention, case):
        found.append("far-in-time")
    return found


def _stage_goes_back(mention: Mention, case: Case) -> bool:
    """A later report of an earlier stage, or two different outcomes, suggest another proceeding."""
    if mention.stage is None or case.stage is None:
        return False
    mine, theirs = STAGE_ORDER[mention.stage], STAGE_ORDER[case.stage]
    if mine == theirs and mine >= STAGE_ORDER["sentenced"] and mention.stage != case.stage:
        return True
    reported, last = mention.published or "", case.last_reported or ""
    return bool(reported and last and reported > last and mine < theirs)


def _close_in_time(mention: Mention, case: Case) -> bool:
    year = year_of(mention.published)
    first, last = year_of(case.first_reported), year_of(case.last_reported)
    if year is None or first is None or last is None:
        return False
    return first - YEAR_WINDOW <= year <= last + YEAR_WINDOW


def _agreements(mention: Mention, case: Case) -> list[str]:
    agree = []
    if mention.accused_names and names_overlap(mention.accused_names, case.accused_names):
        agree.append("names")
    pair = (mention.sponsor_country, mention.target_country)
    if None not in pair and pair == (case.sponsor_country, case.target_country):
        agree.append("pair")
    elif mention.target_country and mention.target_country == case.target_country:
        agree.append("target")
    if mention.sponsor_service and case.sponsor_service and not _differ(service_of(mention), service_of(case)):
        agree.append("service")
    if set(mention.roles) & set(case.roles):
        agree.append("roles")
    if mention.sentence_months and mention.sentence_months == case.sentence_months:
        agree.append("sentence")
    if mention.accused_count and mention.accused_count == case.accused_count:
        agree.append("count")
    if set(mention.payments) & set(case.payments):
        agree.append("payments")
    if set(mention.accused_nationality) & set(case.accused_nationality):
        agree.append("nationality")
    if _periods_overlap(mention.period, case.period):
        agree.append("period")
    return agree


def _periods_overlap(a: tuple[int | None, int | None] | None, b: tuple[int | None, int | None] | None) -> bool:
    if not a or not b or a[0] is None or b[0] is None:
        return False
    a_end = a[1] if a[1] is not None else a[0]
    b_end = b[1] if b[1] is not None else b[0]
    return a[0] <= b_end and b[0] <= a_end


def match(mention: Mention, case: Case, cannot: Collection[tuple[str, str]] = ()) -> Match:
    """Score ``mention`` against ``case``; ``cannot`` holds (mention key, case id) pairs to refuse."""
    if (mention_key(mention), case.id) in cannot:
        return Match("none", 0.0, ("rule:cannot",))
    hard = _hard_conflicts(mention, case)
    if hard:
        return Match("none", 0.0, tuple(hard))
    agree = _agreements(mention, case)
    score = round(sum(WEIGHTS[a] for a in agree), 3)
    if "names" in agree:
        return Match("strong", score, tuple(agree))
    soft = _soft_conflicts(mention, case)
    if soft:
        return Match("none", 0.0, tuple(soft))
    if "pair" in agree and score >= LINK_SCORE:
        return Match("medium", score, tuple(agree))
    return Match("none", score, tuple(agree))
