"""How doubtful each field of one case is, and why: the review queue's ranking, without SQL.

A field's *trust* is the chance its value is right: the calibrated confidence of its evidence
(``Evidence.confidence``, measured per rule in ``understand/tables/confidence.tsv``), times the
share of the case's reports that agree with the value, times a discount when a newer report
changed it or changed a value an analyst had confirmed. The queue lists fields by
``doubt = 1 - trust``, most doubtful first; every factor that lowered the trust is a reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from spyglass.names import country_display_name
from spyglass.records import Case, CaseFacts, Mention
from spyglass.store.base import Confirmation, ReviewItem, ReviewReason

__all__ = ["REVIEWED_FIELDS", "items_of", "needs_mentions", "ranked"]

REVIEWED_FIELDS: tuple[str, ...] = tuple(CaseFacts.model_fields)
# Fields linking takes by vote among reports (link.build._majority): reports giving another
# value disagree with it.
_VOTED = ("sponsor_country", "sponsor_service", "target_country")
# Fields linking takes from the latest, most advanced report (link.build._latest, the stage):
# an older report giving another value was overtaken, and the change is worth a look.
_LATEST = ("accused_count", "sentence_months", "stage")
_COUNTRIES = {"sponsor_country", "target_country"}
NO_EVIDENCE_TRUST = 0.5  # a value with no evidence sentence: as likely right as wrong
CHANGED_TRUST = 0.8  # a newer report changed the value: reports moved on, or one misread
LAPSED_TRUST = 0.5  # a newer report changed a value an analyst confirmed


@dataclass(frozen=True)
class _Report:
    """One report's value of a field: the article, its date, the value."""

    article_id: str
    published: str | None
    value: Any


def needs_mentions(case: Case) -> bool:
    """Only a case reported more than once can have reports that disagree or change a value."""
    return len({article_id for article_id, _ in case.mentions}) > 1


def items_of(
    case: Case, mentions: Sequence[Mention], confirmed: Mapping[str, Confirmation], corrected: Iterable[str],
    fields: Iterable[str] = REVIEWED_FIELDS,
) -> list[ReviewItem]:
    """The review items of one case (corrections applied): each stated field that no analyst
    corrected and whose value no analyst confirmed as it stands now."""
    shown = case.model_dump(mode="json")
    skip = set(corrected)
    items = []
    for field in fields:
        if field in skip or getattr(case, field) in (None, ()):
            continue
        confirmation = confirmed.get(field)
        if confirmation is not None and confirmation.value == shown[field]:
            continue
        items.append(_item(case, field, shown[field], _reports(mentions, field), confirmation))
    return items


def ranked(items: Iterable[ReviewItem]) -> list[ReviewItem]:
    """Most doubtful first; ties: the newest report first, then case id and field order."""
    order = sorted(items, key=lambda i: (i.case_id, REVIEWED_FIELDS.index(i.field)))
    order.sort(key=lambda i: i.last_reported or "", reverse=True)  # stable: ties keep the order above
    order.sort(key=lambda i: i.doubt, reverse=True)
    return order


def _item(case: Case, field: str, value: object, reports: list[_Report], confirmation: Confirmation | None) -> ReviewItem:
    evidence = case.evidence.get(field)
    if evidence is not None:
        trust = evidence.confidence
        reasons = [ReviewReason(kind="confidence", text=f"confidence {evidence.confidence:.2f}")]
    else:
        trust = NO_EVIDENCE_TRUST
        reasons = [ReviewReason(kind="no-evidence", text="no evidence sentence")]
    current = getattr(case, field)
    agreeing = _agreeing(case, field, reports)
    if field in _VOTED or field in ("accused_count", "sentence_months"):
        share, text = _disagreement(field, current, reports, agreeing)
        if text:
            trust *= share
            reasons.append(ReviewReason(kind="conflict", text=text))
    if field in _LATEST:
        text = _change(field, current, reports, agreeing)
        if text:
            trust *= CHANGED_TRUST
            reasons.append(ReviewReason(kind="changed", text=text))
    if confirmation is not None:
        trust *= LAPSED_TRUST
        reasons.append(ReviewReason(kind="lapsed", text=(
            f"{confirmation.who} confirmed {_shown(field, _typed(field, confirmation.value))} "
            f"on {confirmation.at[:10]}; a newer report changed it")))
    return ReviewItem(
        case_id=case.id, case_title=case.title, field=field, value=value, doubt=round(1.0 - trust, 3),
        confidence=evidence.confidence if evidence else None, reasons=reasons, evidence=evidence,
        last_reported=case.last_reported,
    )


def _reports(mentions: Sequence[Mention], field: str) -> list[_Report]:
    """Each article's value of the field, once per article and value, oldest report first."""
    seen: dict[tuple[str, Any], _Report] = {}
    for mention in sorted(mentions, key=lambda m: (m.published or "9999", m.article_id, m.index)):
        value = getattr(mention, field)
        if value in (None, ()):
            continue
        seen.setdefault((mention.article_id, value), _Report(mention.article_id, mention.published, value))
    return list(seen.values())


def _agreeing(case: Case, field: str, reports: list[_Report]) -> set[str]:
    """Articles whose report states the case's value: linking's own judgement where it kept one
    (``Case.field_sources``: a service however printed, a term by its bounds), else equality."""
    stated = case.field_sources.get(field)
    if stated:
        return set(stated)
    current = getattr(case, field)
    return {r.article_id for r in reports if r.value == current}


def _disagreement(field: str, current: Any, reports: list[_Report], agreeing: set[str]) -> tuple[float, str]:
    """(share of reporting articles that give the case's value, "3 sources disagree: ...")."""
    others: dict[Any, set[str]] = {}
    for report in reports:
        if report.article_id not in agreeing:
            others.setdefault(report.value, set()).add(report.article_id)
    if not others:
        return 1.0, ""
    ours = {r.article_id for r in reports if r.article_id in agreeing}
    everyone = ours.union(*others.values())
    # the case's value as its reports print it ("Ministry of State Security", not an id)
    printed = next((r.value for r in reports if r.article_id in agreeing), current)
    groups = [(printed, len(ours)), *sorted(((v, len(ids)) for v, ids in others.items()), key=lambda g: -g[1])]
    counted = any(n > 1 for _, n in groups)
    parts = [_bare(field, v) + (f" ({n})" if counted else "") for v, n in groups if n or v == printed]
    return max(len(ours), 1) / len(everyone), f"{len(everyone)} sources disagree: {' vs '.join(parts)}{_unit(field)}"


def _change(field: str, current: Any, reports: list[_Report], agreeing: set[str]) -> str:
    """"changed by report of 2025-03-02: 84 → 96 months" when an older report gave another value."""
    stating = [r for r in reports if r.article_id in agreeing]
    if not stating:
        return ""
    first = stating[0]
    older = [r for r in reports if r.article_id not in agreeing
             and (r.published or "9999") < (first.published or "9999")]
    if not older:
        return ""
    when = first.published or "an undated report"
    return f"changed by report of {when}: {_bare(field, older[-1].value)} → {_bare(field, first.value)}{_unit(field)}"


def _typed(field: str, value: object) -> Any:
    """A stored JSON value back as the record holds it (lists as tuples), for display."""
    return tuple(value) if isinstance(value, list) and field in ("sentence_months", "period") else value


def _bare(field: str, value: Any) -> str:
    """A value as a reason prints it: terms without their unit, countries by name."""
    if field == "sentence_months" and isinstance(value, tuple):
        low, high = value
        return str(low) if low == high else f"{low}–{high}"
    if field in _COUNTRIES and isinstance(value, str):
        return country_display_name(value)
    return str(value)


def _unit(field: str) -> str:
    return " months" if field == "sentence_months" else ""


def _shown(field: str, value: Any) -> str:
    return _bare(field, value) + _unit(field)
