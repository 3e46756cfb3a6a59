"""Property: any Case record saved to the store comes back equal, on both backends."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spyglass.records import STAGES, Case, CaseSource, Evidence, Payment, TimelineEvent
from spyglass.store import open_store

text = st.text(max_size=30)
short = st.text(min_size=1, max_size=12)
code = st.sampled_from(["CN", "TW", "RU", "US", "DE", "IR", "KP", "XX", "zz"])
maybe_date = st.none() | st.dates().map(lambda d: d.isoformat()) | st.sampled_from(["2024", "2024-03", "n/a"])
year = st.none() | st.integers(min_value=-(2**40), max_value=2**40)
evidence = st.builds(
    Evidence, article_id=short, sentence=text, start=st.integers(0, 10**6), end=st.integers(0, 10**6),
    rule=text, confidence=st.floats(0.0, 1.0, allow_nan=False),
)
sentence_end = st.none() | st.just("life") | st.integers(0, 10**4)
cases = st.builds(
    Case,
    id=short,
    title=text,
    accused_count=st.none() | st.integers(0, 10**6),
    accused_names=st.lists(text, max_size=3).map(tuple),
    accused_nationality=st.lists(code, max_size=2).map(tuple),
    roles=st.lists(text, max_size=2).map(tuple),
    sponsor_country=st.none() | code,
    sponsor_service=st.none() | text,
    target_country=st.none() | code,
    stage=st.none() | st.sampled_from(STAGES),
    sentence_months=st.none() | st.tuples(sentence_end, sentence_end),
    payments=st.lists(
        st.builds(Payment, amount=st.floats(allow_nan=False, allow_infinity=False), currency=short), max_size=2
    ).map(tuple),
    period=st.none() | st.tuples(year, year),
    mentions=st.lists(st.tuples(short, st.integers(0, 50)), max_size=3).map(tuple),
    timeline=st.lists(
        st.builds(TimelineEvent, stage=st.sampled_from(STAGES), date=maybe_date, article_id=short,
                  evidence=st.none() | evidence),
        max_size=3,
    ).map(tuple),
    sources=st.lists(
        st.builds(CaseSource, article_id=short, title=st.none() | text, url=st.none() | text,
                  published=maybe_date, site_name=st.none() | text),
        max_size=2,
    ).map(tuple),
    evidence=st.dictionaries(st.sampled_from(["stage", "sponsor_country", "accused_names"]), evidence, max_size=2),
    first_reported=maybe_date,
    last_reported=maybe_date,
)


def _round_trip(url: str, case: Case) -> None:
    store = open_store(url)
    try:
        store.save_case(case, ["key:" + case.id])
        assert store.case(case.id) == case
        assert store.machine_case(case.id) == case
        assert store.candidate_cases(["key:" + case.id]) == [case]
    finally:
        store.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
def test_sqlite_round_trip(tmp_path: Path, case: Case) -> None:
    _round_trip(str(tmp_path / f"{uuid.uuid4().hex}.db"), case)


@pytest.mark.postgres
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=cases)
def test_postgres_round_trip(pg_store_url: str, case: Case) -> None:
    _round_trip(pg_store_url, case)  # one schema for all examples: ids repeat, save_case upserts
