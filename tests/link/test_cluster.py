"""Whole-set linking, merges, splits and analyst rules (must / cannot beat machine decisions)."""

from __future__ import annotations

import pytest

from spyglass.link import case_id_for, link_all, mention_key, merged, split_off, undo_merge

from .factories import mention

MALLORY_1 = mention("feed", 0, "2017-06-22", accused_names=("Kevin Mallory",), sponsor_country="CN",
                    target_country="US", stage="charged")
MALLORY_2 = mention("page", 0, "2019-05-17", accused_names=("Mallory",), target_country="US",
                    stage="sentenced", sentence_months=(240, 240))
HANSEN = mention("page2", 0, "2019-09-24", accused_names=("Ron Hansen",), sponsor_country="CN",
                 target_country="US", stage="sentenced", sentence_months=(120, 120))
KOUTS_1 = mention("blog", 1, "2008-09-20", accused_names=("Herman Simm",), sponsor_country="RU",
                  target_country="EE", stage="arrested")
KOUTS_2 = mention("wp", 3, "2009-02-25", accused_names=("Simm",), sponsor_country="RU",
                  target_country="EE", stage="sentenced", sentence_months=(150, 150))
ALL = [HANSEN, KOUTS_2, MALLORY_2, KOUTS_1, MALLORY_1]


def _groups(cases: list) -> set[frozenset[str]]:
    return {frozenset(a for a, _ in case.mentions) for case in cases}


def test_reports_of_one_case_link_and_others_stay_apart() -> None:
    assert _groups(link_all(ALL, {})) == {
        frozenset({"feed", "page"}), frozenset({"page2"}), frozenset({"blog", "wp"}),
    }


def test_linking_does_not_depend_on_input_order() -> None:
    one, two = link_all(ALL, {}), link_all(list(reversed(ALL)), {})
    assert sorted(c.model_dump_json() for c in one) == sorted(c.model_dump_json() for c in two)


def test_cannot_rule_keeps_a_mention_out_of_a_case() -> None:
    case_id = case_id_for(MALLORY_1)
    cases = link_all(ALL, {}, cannot={(mention_key(MALLORY_2), case_id)})
    assert frozenset({"page"}) in _groups(cases) and frozenset({"feed"}) in _groups(cases)


def test_must_rule_joins_cases_the_machine_kept_apart() -> None:
    cases = link_all(ALL, {}, must={(case_id_for(MALLORY_1), case_id_for(HANSEN))})
    assert frozenset({"feed", "page", "page2"}) in _groups(cases)
    joined = next(c for c in cases if len(c.mentions) == 3)
    assert joined.id == case_id_for(MALLORY_1)  # the case reported first keeps its id


def test_split_then_merge_gives_back_the_same_case() -> None:
    whole = link_all([MALLORY_1, MALLORY_2], {})[0]
    rest, out = split_off(whole, [MALLORY_1, MALLORY_2], {mention_key(MALLORY_2)}, {})
    assert rest.id == whole.id and out.mentions == (("page", 0),)
    assert merged(rest, [MALLORY_1], out, [MALLORY_2], {}) == whole


def test_splitting_out_the_seed_leaves_the_known_id_with_the_rest() -> None:
    whole = link_all([MALLORY_1, MALLORY_2], {})[0]
    rest, out = split_off(whole, [MALLORY_1, MALLORY_2], {mention_key(MALLORY_1)}, {})
    assert rest.id == whole.id and rest.mentions == (("page", 0),)
    assert out.id != whole.id


def test_split_must_leave_both_sides() -> None:
    whole = link_all([MALLORY_1, MALLORY_2], {})[0]
    with pytest.raises(ValueError):
        split_off(whole, [MALLORY_1, MALLORY_2], {"nope:0"}, {})


def test_merge_then_undo_gives_back_both_cases() -> None:
    mallory, hansen = link_all([MALLORY_1, MALLORY_2, HANSEN], {})
    both = merged(mallory, [MALLORY_1, MALLORY_2], hansen, [HANSEN], {})
    kept, back = undo_merge(both, [MALLORY_1, MALLORY_2, HANSEN], hansen.id, {})
    assert (kept, back) == (mallory, hansen)


def test_undo_merge_of_an_unknown_case_fails() -> None:
    whole = link_all([MALLORY_1, MALLORY_2], {})[0]
    with pytest.raises(LookupError):
        undo_merge(whole, [MALLORY_1, MALLORY_2], "c-000000000000", {})
