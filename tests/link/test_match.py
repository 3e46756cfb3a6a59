"""Match decisions between a mention and a candidate case: strong, medium or none, and why."""

from __future__ import annotations

from typing import Any

import pytest

from spyglass.link import case_from, match, mention_key

from .factories import mention

MALLORY: dict[str, Any] = dict(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US",
               roles=("officer",), stage="charged")


def _case(**facts: Any) -> Any:
    return case_from([mention("feed", published="2017-06-22", **facts)], {})


@pytest.mark.parametrize(
    ("label", "case_facts", "mention_facts", "decision", "reason"),
    [
        ("same name, later stage", MALLORY,
         dict(accused_names=("Mallory",), target_country="US", stage="sentenced", sentence_months=(240, 240)),
         "strong", "names"),
        ("same name, other prosecuting state", MALLORY,
         dict(accused_names=("Mallory",), target_country="GB"), "none", "target-differs"),
        ("surname only, other sponsor", MALLORY,
         dict(accused_names=("Mallory",), sponsor_country="RU"), "none", "sponsor-differs"),
        ("full name, sponsor and target swapped (extraction slip)", MALLORY,
         dict(accused_names=("Kevin Mallory",), sponsor_country="US", target_country="CN"), "strong", "names"),
        ("full name, other prosecuting state", MALLORY,
         dict(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="GB"), "none", "target-differs"),
        ("full name, other sponsor (extraction slip)", MALLORY,
         dict(accused_names=("Kevin Patrick Mallory",), sponsor_country="US"), "strong", "names"),
        ("other named people, same pair", MALLORY,
         dict(accused_names=("Ron Hansen",), sponsor_country="CN", target_country="US"), "none", "names-differ"),
        ("no names, same pair, service, sentence and roles",
         dict(sponsor_country="CN", target_country="TW", sponsor_service="MSS", roles=("soldier",),
              sentence_months=(84, 84), stage="sentenced"),
         dict(sponsor_country="CN", target_country="TW", sponsor_service="MSS", roles=("soldier",),
              sentence_months=(84, 84), stage="sentenced"),
         "medium", "pair"),
        ("no names, same pair only", dict(sponsor_country="CN", target_country="TW", stage="charged"),
         dict(sponsor_country="CN", target_country="TW", stage="sentenced"), "none", "pair"),
        ("no names, conflicting counts",
         dict(sponsor_country="CN", target_country="TW", sponsor_service="MSS", roles=("soldier",),
              sentence_months=(84, 84), accused_count=2),
         dict(sponsor_country="CN", target_country="TW", sponsor_service="MSS", roles=("soldier",),
              sentence_months=(84, 84), accused_count=5),
         "none", "count-differs"),
        ("no names, two different outcomes",
         dict(sponsor_country="RU", target_country="EE", roles=("diplomat",), stage="expelled",
              sponsor_service="SVR", payments=()),
         dict(sponsor_country="RU", target_country="EE", roles=("diplomat",), stage="acquitted",
              sponsor_service="SVR"),
         "none", "stage-order"),
        ("sentence outside the case's range", dict(MALLORY, stage="sentenced", sentence_months=(240, 240)),
         dict(accused_names=("Mallory",), sentence_months=(120, 120)), "none", "sentence-differs"),
        ("sentence inside the case's range",
         dict(accused_names=("Han", "Zhang"), target_country="CN", sentence_months=(72, 96)),
         dict(accused_names=("Zhang",), target_country="CN", sentence_months=(96, 96)), "strong", "names"),
        ("life against life", dict(MALLORY, sentence_months=(118, "life")),
         dict(accused_names=("Mallory",), sentence_months=("life", "life")), "strong", "names"),
    ],
)
def test_match_decisions(label: str, case_facts: dict, mention_facts: dict, decision: str, reason: str) -> None:
    found = match(mention("page", published="2018-05-17", **mention_facts), _case(**case_facts))
    assert found.decision == decision, (label, found)
    assert reason in found.reasons, (label, found)


def test_medium_match_needs_reports_close_in_time() -> None:
    facts: dict[str, Any] = dict(sponsor_country="CN", target_country="TW", sponsor_service="MSS",
                                 roles=("soldier",), sentence_months=(84, 84))
    case = case_from([mention("old", published="2005-01-01", **facts)], {})
    assert match(mention("new", published="2024-01-01", **facts), case).decision == "none"


def test_a_mention_never_joins_a_case_holding_its_own_article() -> None:
    case = _case(**MALLORY)
    found = match(mention("feed", index=1, published="2017-06-22", **MALLORY), case)
    assert found.decision == "none" and "same-article" in found.reasons


def test_cannot_rule_wins_over_a_strong_match() -> None:
    case = _case(**MALLORY)
    later = mention("page", published="2019-05-17", **MALLORY)
    assert match(later, case).decision == "strong"
    assert match(later, case, cannot={(mention_key(later), case.id)}).reasons == ("rule:cannot",)
