"""Confidences are measured, not written: every case field's confidence comes from
``tables/confidence.tsv`` (written by ``benchmarks/calibrate.py``) by field and rule."""

from __future__ import annotations

from spyglass.understand.confidence import FIELD_RULE, confidence_of
from spyglass.understand.tables import read_rows

ROWS = list(read_rows("confidence.tsv", 5))


def test_the_table_holds_shares_of_counted_values() -> None:
    assert ROWS, "benchmarks/calibrate.py has not written the table"
    for field, rule, confidence, right, counted in ROWS:
        assert 0.0 <= float(confidence) <= 1.0, (field, rule)
        assert 0 <= int(right) <= int(counted), (field, rule)


def test_every_field_with_rules_has_its_own_rate() -> None:
    fields = {field for field, *_ in ROWS}
    assert fields >= {"stage", "target_country", "sponsor_country", "accused_count", "sentence_months", "payments",
                      "period", "accused_nationality"}
    for field in fields:
        assert (field, FIELD_RULE) in {(f, r) for f, r, *_ in ROWS}


def test_a_rule_gets_its_measured_confidence_and_an_unseen_rule_its_fields_rate() -> None:
    field, rule, confidence, _right, _counted = next(r for r in ROWS if r[1] != FIELD_RULE)
    assert confidence_of(field, rule) == float(confidence)
    own = next(float(c) for f, r, c, *_ in ROWS if f == field and r == FIELD_RULE)
    assert confidence_of(field, "rule.never.seen") == own
    assert confidence_of("field_never_seen", "rule.never.seen") == 0.5


def test_a_rule_seen_rarely_is_pulled_towards_its_fields_rate() -> None:
    rare = [(f, float(c), int(right) / int(n)) for f, r, c, right, n in ROWS if r != FIELD_RULE and int(n) <= 2]
    for field, confidence, raw in rare:
        own = next(float(c) for f, r, c, *_ in ROWS if f == field and r == FIELD_RULE)
        assert min(raw, own) <= confidence <= max(raw, own)
