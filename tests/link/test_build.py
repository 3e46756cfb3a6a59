"""Case building: merged facts with their sources, timeline, dates, stable id and title."""

from __future__ import annotations

import itertools

from spyglass.link import case_from, case_id_for, timeline_of, title_of
from spyglass.records import CaseSource, Payment, case_title

from .factories import mention

ARREST = mention("feed", 0, "2017-06-22", accused_names=("Kevin Mallory",), sponsor_country="CN",
                 target_country="US", roles=("officer",), stage="charged",
                 payments=(Payment(amount=25000, currency="USD"),))
SENTENCE = mention("page", 0, "2019-05-17", accused_names=("Mallory",), sponsor_country="CN",
                   target_country="US", stage="sentenced", sentence_months=(240, 240))
SOURCES = {"feed": CaseSource(article_id="feed", title="Ex-CIA officer charged", published="2017-06-22"),
           "page": CaseSource(article_id="page", title="Mallory gets 20 years", published="2019-05-17")}


def test_merged_facts_keep_the_fullest_name_and_the_latest_stage() -> None:
    case = case_from([SENTENCE, ARREST], SOURCES)
    assert case.accused_names == ("Kevin Mallory",)
    assert (case.sponsor_country, case.target_country, case.stage) == ("CN", "US", "sentenced")
    assert case.sentence_months == (240, 240)
    assert case.payments == (Payment(amount=25000, currency="USD"),)
    assert (case.first_reported, case.last_reported) == ("2017-06-22", "2019-05-17")


def test_every_value_keeps_its_evidence_and_its_sources() -> None:
    case = case_from([ARREST, SENTENCE], SOURCES)
    assert case.field_sources["accused_names"] == ("feed", "page")
    assert case.field_sources["stage"] == ("page",)
    assert case.field_sources["payments"] == ("feed",)
    assert case.evidence["stage"].article_id == "page"
    assert case.evidence["payments"].article_id == "feed"
    assert [s.title for s in case.sources] == ["Ex-CIA officer charged", "Mallory gets 20 years"]


def test_timeline_has_one_event_per_stage_in_proceeding_order() -> None:
    again = mention("copy", 0, "2019-06-01", accused_names=("Mallory",), stage="sentenced")
    events = timeline_of([again, SENTENCE, ARREST])
    assert [(e.stage, e.date, e.article_id) for e in events] == [
        ("charged", "2017-06-22", "feed"), ("sentenced", "2019-05-17", "page"),
    ]


def test_timeline_orders_by_stage_even_when_a_background_report_comes_late() -> None:
    late_arrest = mention("late", 0, "2020-01-01", accused_names=("Mallory",), stage="arrested")
    assert [e.stage for e in timeline_of([SENTENCE, late_arrest])] == ["arrested", "sentenced"]


def test_case_id_is_stable_whatever_the_order_of_mentions() -> None:
    ids = {case_from(list(order), SOURCES).id for order in itertools.permutations([ARREST, SENTENCE])}
    assert ids == {case_id_for(ARREST)}
    assert case_id_for(ARREST).startswith("c-") and len(case_id_for(ARREST)) == 14


def test_a_growing_case_keeps_the_id_it_was_given() -> None:
    assert case_from([ARREST, SENTENCE], SOURCES, "c-existing").id == "c-existing"


def test_titles() -> None:
    assert case_from([ARREST, SENTENCE], SOURCES).title == "Kevin Mallory — CN → US, sentenced"
    assert title_of({"accused_count": 4, "roles": ("soldier",), "target_country": "TW"}) == "4 × soldier — ? → TW"
    assert title_of({"accused_names": ("A B", "C D", "E F")}) == "A B, C D and 1 more — ? → ?"


def test_the_title_is_the_shared_composition_of_the_case_facts() -> None:
    """The store re-titles corrected cases with ``records.case_title``: it must equal what link builds."""
    case = case_from([ARREST, SENTENCE], SOURCES)
    assert case.title == case_title(case) == title_of(case.model_dump())
    assert case_title(case.model_copy(update={"stage": "convicted"})) == "Kevin Mallory — CN → US, convicted"


def test_majority_wins_and_ties_go_to_the_most_advanced_report() -> None:
    a = mention("a", 0, "2020-01-01", accused_names=("X Y",), sponsor_country="RU", stage="arrested")
    b = mention("b", 0, "2021-01-01", accused_names=("X Y",), sponsor_country="BY", stage="sentenced")
    c = mention("c", 0, "2022-01-01", accused_names=("X Y",), sponsor_country="RU", stage="charged")
    assert case_from([a, b, c], {}).sponsor_country == "RU"
    assert case_from([a, b], {}).sponsor_country == "BY"


def test_evidence_comes_from_a_report_stating_the_value_in_its_kept_form() -> None:
    case = case_from([ARREST, SENTENCE], SOURCES)
    assert case.accused_names == ("Kevin Mallory",)
    assert case.evidence["accused_names"].article_id == "feed"
