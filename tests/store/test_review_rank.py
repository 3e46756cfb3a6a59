"""Why a field is queued and how doubtful it is, as a table: the reports of one case in, the
reasons and the doubt of one field out (``store._review_rank``, no database)."""

from __future__ import annotations

import pytest

from spyglass.link.build import case_from
from spyglass.records import CaseSource, Evidence, Mention
from spyglass.store import Confirmation
from spyglass.store._review_rank import items_of, ranked

SENTENCE = "He was sentenced for spying."


def _mention(article_id: str, published: str | None, confidence: float = 0.9, **facts: object) -> Mention:
    evidence = Evidence(article_id=article_id, sentence=SENTENCE, start=0, end=len(SENTENCE), rule="test",
                        confidence=confidence)
    return Mention(article_id=article_id, index=0, published=published, accused_names=("Chen Wei",),
                   evidence={name: evidence for name in facts}, **facts)  # type: ignore[arg-type]


def _reasons(field: str, *mentions: Mention, confirmed: dict[str, Confirmation] | None = None) -> tuple[list[str], float]:
    case = case_from(mentions, {m.article_id: CaseSource(article_id=m.article_id) for m in mentions}, case_id="c-1")
    [item] = [i for i in items_of(case, mentions, confirmed or {}, ()) if i.field == field]
    return [r.text for r in item.reasons], item.doubt


@pytest.mark.parametrize(("field", "mentions", "reasons", "doubt"), [
    ("sponsor_country", [_mention("a", "2024-01-01", 0.42, sponsor_country="CN")], ["confidence 0.42"], 0.58),
    ("sponsor_country", [_mention("a", "2024-01-01", sponsor_country="CN"),
                         _mention("b", "2024-02-01", sponsor_country="CN")], ["confidence 0.90"], 0.1),
    ("sponsor_country", [_mention("a", "2024-01-01", sponsor_country="CN"), _mention("b", "2024-02-01", sponsor_country="CN"),
                         _mention("c", "2024-03-01", sponsor_country="RU")],
     ["confidence 0.90", "3 sources disagree: China (2) vs Russia (1)"], 1 - 0.9 * 2 / 3),
    ("accused_count", [_mention("a", "2024-01-01", accused_count=3), _mention("b", "2024-05-02", accused_count=4)],
     ["confidence 0.90", "2 sources disagree: 4 vs 3", "changed by report of 2024-05-02: 3 → 4"], 1 - 0.9 * 0.5 * 0.8),
    ("stage", [_mention("a", "2024-01-01", stage="charged"), _mention("b", "2024-05-02", stage="convicted")],
     ["confidence 0.90", "changed by report of 2024-05-02: charged → convicted"], 1 - 0.9 * 0.8),
    ("stage", [_mention("a", None, stage="charged")], ["confidence 0.90"], 0.1),
])
def test_reasons_and_doubt_of_a_field(field: str, mentions: list[Mention], reasons: list[str], doubt: float) -> None:
    assert _reasons(field, *mentions) == (reasons, pytest.approx(doubt, abs=0.001))


def test_a_value_without_evidence_is_as_likely_wrong_as_right() -> None:
    bare = Mention(article_id="a", index=0, published="2024-01-01", sponsor_country="CN")
    assert _reasons("sponsor_country", bare) == (["no evidence sentence"], 0.5)


def test_a_confirmation_of_the_value_shown_takes_the_field_out_and_one_of_an_older_value_lapses() -> None:
    mentions = (_mention("a", "2024-01-01", stage="sentenced"),)
    case = case_from(mentions, {}, case_id="c-1")
    held = Confirmation(case_id="c-1", field="stage", value="sentenced", who="ana", at="2026-01-02T00:00:00+00:00")
    assert "stage" not in {i.field for i in items_of(case, mentions, {"stage": held}, ())}
    old = held.model_copy(update={"value": "charged"})
    reasons, doubt = _reasons("stage", *mentions, confirmed={"stage": old})
    assert reasons[-1] == "ana confirmed charged on 2026-01-02; a newer report changed it"
    assert doubt == pytest.approx(1 - 0.9 * 0.5)


def test_the_queue_puts_the_most_doubtful_first_then_the_newest_report() -> None:
    older = case_from([_mention("a", "2023-01-01", 0.5, stage="charged")], {}, case_id="c-old")
    newer = case_from([_mention("b", "2024-01-01", 0.5, stage="charged")], {}, case_id="c-new")
    sure = case_from([_mention("c", "2025-01-01", 0.99, stage="charged")], {}, case_id="c-sure")
    items = [i for case in (sure, older, newer) for i in items_of(case, [], {}, (), fields=("stage",))]
    assert [i.case_id for i in ranked(items)] == ["c-new", "c-old", "c-sure"]
