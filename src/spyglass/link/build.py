"""Case building: merge the mentions of one case into a ``Case`` with a timeline and sources.

Every merged value keeps the evidence of the mention it came from (``Case.evidence``) and the
ids of every article that states it (``Case.field_sources``). The id comes from the earliest
mention, so rebuilding the same mentions gives the same case whatever order they came in.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from spyglass.link.keys import service_of
from spyglass.link.match import mention_key, sentence_bounds
from spyglass.names import name_parts, same_person
from spyglass.records import STAGE_ORDER, Case, CaseSource, Evidence, Mention, TimelineEvent, case_title

__all__ = ["case_from", "case_id_for", "seed_of", "timeline_of", "title_of", "report_order"]


def report_order(mention: Mention) -> tuple[str, str, int]:
    """Sort key for mentions: report date (undated last), then article id and index."""
    return (mention.published or "9999", mention.article_id, mention.index)


def seed_of(mentions: Iterable[Mention]) -> Mention:
    """The earliest reported mention, which names the case."""
    return min(mentions, key=report_order)


def case_id_for(seed: Mention | str) -> str:
    """Stable case id from the seed mention (or its key): ``c-`` and 12 hex digits."""
    key = seed if isinstance(seed, str) else mention_key(seed)
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


def _by_stage_then_date(mention: Mention) -> tuple[int, str]:
    stage = STAGE_ORDER[mention.stage] if mention.stage else -1
    return (stage, mention.published or "")


def _majority(mentions: Sequence[Mention], get: Callable[[Mention], Any]) -> Any:
    """The most stated value; ties go to the most advanced (then latest) report."""
    counts = Counter(get(m) for m in mentions if get(m) is not None)
    if not counts:
        return None
    ranked = sorted(mentions, key=_by_stage_then_date, reverse=True)
    order = {get(m): i for i, m in reversed(list(enumerate(ranked)))}
    return min(counts, key=lambda v: (-counts[v], order[v]))


def _latest(mentions: Sequence[Mention], get: Callable[[Mention], Any]) -> Any:
    """The value of the most advanced, then latest report that states one (appeals change terms)."""
    stated = [m for m in mentions if get(m) is not None]
    return get(max(stated, key=_by_stage_then_date)) if stated else None


def _merged_names(mentions: Sequence[Mention]) -> tuple[str, ...]:
    """Union of names where one person keeps the fullest printed form ("Kevin Mallory")."""
    kept: list[str] = []
    for name in (n for m in mentions for n in m.accused_names):
        same = next((i for i, k in enumerate(kept) if same_person(k, name)), None)
        if same is None:
            kept.append(name)
        elif len(name_parts(name).words) > len(name_parts(kept[same]).words):
            kept[same] = name
    return tuple(kept)


def _union(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(dict.fromkeys(values))


def _period(mentions: Sequence[Mention]) -> tuple[int | None, int | None] | None:
    starts = [m.period[0] for m in mentions if m.period and m.period[0] is not None]
    ends = [m.period[1] for m in mentions if m.period and m.period[1] is not None]
    if not starts and not ends:
        return None
    return (min(starts) if starts else None, max(ends) if ends else None)


def _facts(mentions: Sequence[Mention]) -> dict[str, Any]:
    stage_holder = max((m for m in mentions if m.stage), key=_by_stage_then_date, default=None)
    return {
        "accused_count": _latest(mentions, lambda m: m.accused_count),
        "accused_names": _merged_names(mentions),
        "accused_nationality": _union(c for m in mentions for c in m.accused_nationality),
        "roles": _union(r for m in mentions for r in m.roles),
        "sponsor_country": _majority(mentions, lambda m: m.sponsor_country),
        "sponsor_service": _majority(mentions, service_of),  # one service however printed
        "target_country": _majority(mentions, lambda m: m.target_country),
        "stage": stage_holder.stage if stage_holder else None,
        "sentence_months": _latest(mentions, lambda m: m.sentence_months),
        "payments": _union(p for m in mentions for p in m.payments),
        "period": _period(mentions),
    }


def _value(mention: Mention, name: str) -> Any:
    """A mention's value of a field as the case holds it (a service by its id)."""
    return service_of(mention) if name == "sponsor_service" else getattr(mention, name)


def _states(mention: Mention, name: str, value: Any) -> bool:
    """Whether this mention states the merged value of a field (or part of it, for lists)."""
    mine = _value(mention, name)
    if mine in (None, ()):
        return False
    if name == "accused_names":
        return any(same_person(a, b) for a in mine for b in value)
    if isinstance(value, tuple) and name not in ("sentence_months", "period"):
        return bool(set(mine) & set(value))
    if name == "sentence_months":
        return sentence_bounds(mine) == sentence_bounds(value)
    return bool(mine == value)


def _provenance(
    mentions: Sequence[Mention], facts: Mapping[str, Any]
) -> tuple[dict[str, Evidence], dict[str, tuple[str, ...]]]:
    evidence: dict[str, Evidence] = {}
    sources: dict[str, tuple[str, ...]] = {}
    for name, value in facts.items():
        if value in (None, ()):
            continue
        stating = [m for m in mentions if _states(m, name, value)]
        sources[name] = _union(m.article_id for m in stating)
        with_evidence = [m for m in stating if name in m.evidence]
        if with_evidence:
            best = max(with_evidence, key=lambda m: (_exactly(m, name, value), _by_stage_then_date(m)))
            evidence[name] = best.evidence[name]
    return evidence, sources


def _exactly(mention: Mention, name: str, value: Any) -> bool:
    """Whether the mention states the merged value in its very form ("Kevin Patrick Mallory")."""
    mine = _value(mention, name)
    if isinstance(value, tuple) and name not in ("sentence_months", "period"):
        return bool(set(mine) & set(value))
    return bool(mine == value)


def timeline_of(mentions: Iterable[Mention]) -> tuple[TimelineEvent, ...]:
    """One event per stage, dated by its first report, in the order a proceeding moves."""
    first: dict[str, Mention] = {}
    for mention in sorted(mentions, key=report_order):
        if mention.stage and mention.stage not in first:
            first[mention.stage] = mention
    events = [
        TimelineEvent(stage=m.stage, date=m.published, article_id=m.article_id, evidence=m.evidence.get("stage"))
        for m in first.values()
        if m.stage is not None
    ]
    return tuple(sorted(events, key=lambda e: (STAGE_ORDER[e.stage], e.date or "9999")))


def title_of(facts: Mapping[str, Any]) -> str:
    """A human title: "Kevin Mallory — CN → US, sentenced" (``records.case_title``, shared with the store)."""
    return case_title(facts)


def case_from(
    mentions: Iterable[Mention], sources: Mapping[str, CaseSource], case_id: str | None = None
) -> Case:
    """Merge mentions into one case; ``sources`` maps article id to its source description.

    ``case_id`` keeps an existing case's id when it grows; otherwise the seed mention names it.
    """
    ordered = sorted(mentions, key=report_order)
    if not ordered:
        raise ValueError("a case needs at least one mention")
    facts = _facts(ordered)
    evidence, field_sources = _provenance(ordered, facts)
    dates = [m.published for m in ordered if m.published]
    articles = _union(m.article_id for m in ordered)
    return Case(
        id=case_id or case_id_for(ordered[0]),
        title=title_of(facts),
        mentions=tuple((m.article_id, m.index) for m in ordered),
        timeline=timeline_of(ordered),
        sources=tuple(sources.get(a) or CaseSource(article_id=a) for a in articles),
        evidence=evidence,
        field_sources=field_sources,
        first_reported=min(dates) if dates else None,
        last_reported=max(dates) if dates else None,
        **facts,
    )
