"""The store contract, review queue: fields most likely wrong first, confirmations that are
audited, outlive re-ingest, lapse when a newer report changes the value, and leave the queue."""

from __future__ import annotations

import pytest

from spyglass.errors import InputError, NotFoundError
from spyglass.records import Correction
from spyglass.store import CaseQuery, ReviewItem, ReviewQuery, Store
from tests.reviewdata import report as _report
from tests.reviewdata import save_taipei as _save

AT = "2026-01-02T03:04:05.000000+00:00"


def _items(store: Store, **query: object) -> dict[str, ReviewItem]:
    page = store.review(ReviewQuery(**query))  # type: ignore[arg-type]
    return {item.field: item for item in page.items if item.case_id == "c-taipei"}


def test_two_reports_that_disagree_put_the_field_first_with_its_reasons(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96, confidence=0.8))
    page = store.review(ReviewQuery())
    assert page.scanned == 1
    first = page.items[0]
    assert (first.case_id, first.field, first.value) == ("c-taipei", "sentence_months", [96, 96])
    assert [r.text for r in first.reasons] == [
        "confidence 0.80", "2 sources disagree: 96 vs 84 months", "changed by report of 2025-03-02: 84 → 96 months"]
    assert first.doubt == pytest.approx(1 - 0.8 * 0.5 * 0.8, abs=0.001)
    assert first.evidence is not None and first.evidence.quote == "96 months"
    # every stated field is queued, most doubtful first; one agreed field only for its confidence
    assert [i.doubt for i in page.items] == sorted((i.doubt for i in page.items), reverse=True)
    names = _items(store)["accused_names"]
    assert [r.kind for r in names.reasons] == ["confidence"] and names.doubt == pytest.approx(0.03)


def test_a_low_calibrated_confidence_ranks_above_a_high_one(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84, confidence=0.42))
    items = store.review(ReviewQuery()).items
    assert (items[0].field, [r.text for r in items[0].reasons]) == ("sentence_months", ["confidence 0.42"])
    assert items[-1].field == "accused_names"


def test_a_confirmation_is_audited_leaves_the_queue_and_marks_the_field(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96))
    done = store.confirm("c-taipei", "sentence_months", "ana", "the court's ruling says 96 months")
    assert (done.value, done.who) == ([96, 96], "ana")
    assert "sentence_months" not in _items(store)
    assert store.confirmed_fields() == {"c-taipei": ("sentence_months",)}
    assert store.confirmed_fields(["c-taipei", "c-absent"]) == {"c-taipei": ("sentence_months",)}
    [entry] = [e for e in store.audit("c-taipei") if e.action == "confirm"]
    assert (entry.who, entry.detail, entry.why) == (
        "ana", "sentence_months = [96, 96] confirmed", "the court's ruling says 96 months")
    assert [(c.field, c.value, c.who) for c in store.confirmations("c-taipei")] == [("sentence_months", [96, 96], "ana")]


def test_a_confirmation_survives_re_ingest_and_lapses_when_a_newer_report_changes_the_value(store: Store) -> None:
    first, second = _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96)
    _save(store, first, second)
    store.confirm("c-taipei", "sentence_months", "ana")
    for _ in range(2):  # re-ingest: linking saves the same machine case again
        _save(store, first, second)
    assert "sentence_months" not in _items(store)
    assert store.confirmed_fields() == {"c-taipei": ("sentence_months",)}
    _save(store, first, second, _report("a3", "2025-06-20", 120))  # an appeal raises the term
    back = _items(store)["sentence_months"]
    assert back.value == [120, 120]
    assert back.reasons[-1].kind == "lapsed"
    assert back.reasons[-1].text.startswith("ana confirmed 96 months on ")
    assert store.confirmed_fields() == {}


def test_corrected_fields_leave_the_queue_and_count_as_checked(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96))
    store.add_correction(Correction(case_id="c-taipei", field="sentence_months", value=[90, 90],
                                    why="court record", who="ana", at=AT))
    assert "sentence_months" not in _items(store)
    assert store.confirmed_fields() == {"c-taipei": ("sentence_months",)}


def test_the_queue_filters_by_case_and_field_and_pages(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96))
    assert store.review(ReviewQuery(cases=CaseQuery(sponsor=("RU",)))).items == []
    only = store.review(ReviewQuery(fields=("stage",)))
    assert [i.field for i in only.items] == ["stage"] and only.total == 1
    everything = store.review(ReviewQuery()).items
    page = store.review(ReviewQuery(limit=2, offset=1))
    assert [(i.case_id, i.field) for i in page.items] == [(i.case_id, i.field) for i in everything[1:3]]


def test_confirming_what_is_not_there_is_refused_and_stores_nothing(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84))
    with pytest.raises(NotFoundError):
        store.confirm("c-absent", "stage", "ana")
    with pytest.raises(InputError, match="is not a case field"):
        store.confirm("c-taipei", "colour", "ana")
    with pytest.raises(InputError):
        store.review(ReviewQuery(fields=("colour",)))
    assert store.confirmations() == [] and store.confirmed_fields() == {}
    assert [e.action for e in store.audit("c-taipei") if e.action == "confirm"] == []


def test_confirmations_follow_a_merge_or_split_and_hold_only_where_the_case_shows_their_value(store: Store) -> None:
    _save(store, _report("a1", "2025-01-10", 84), _report("a2", "2025-03-02", 96))
    store.confirm("c-taipei", "sentence_months", "ana")
    store.confirm("c-taipei", "stage", "ana")
    kept = store.case("c-taipei").model_copy(update={"id": "c-kept", "sentence_months": (120, 120)})
    store.save_case(kept, [])
    assert store.carry_confirmations("c-taipei", "c-kept") == 2
    assert [(c.field, c.who) for c in store.confirmations("c-kept")] == [("sentence_months", "ana"), ("stage", "ana")]
    # the kept case shows another term: that confirmation lapses; the stage it vouched for holds
    assert store.confirmed_fields(["c-kept"]) == {"c-kept": ("stage",)}
    assert store.carry_confirmations("c-absent", "c-kept") == 0
