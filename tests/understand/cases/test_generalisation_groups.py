"""Groups of accused told as a whole: English paragraphs written for this test (invented people and
places) after the rules of session 18 were written for other languages, as a check that the same
mechanisms hold in English: citizens of a list of states, "all three", months of one year, a state's
mission as the recipient. A failure is a general weakness, never a text to special-case."""

from __future__ import annotations

import pytest

from tests.understand.cases.test_generalisation import nlp  # noqa: F401  (the shared spaCy fixture)
from tests.understand.cases.test_generalisation import test_lead_case_fields as _check

NEWS: list[tuple[str, str, str, dict[str, object]]] = [
    ("citizens-of-a-list", "Twelve foreigners jailed for spying for Russia",
     "A district court in Gdansk sentenced 12 citizens of Belarus, Georgia and Russia on Friday for spying for "
     "Russian intelligence. Prosecutors said the group photographed military trains heading to Ukraine.",
     {"stage": "sentenced", "target": "PL", "sponsor": "RU", "count": 12, "nationality": ["BY", "GE", "RU"]}),
    ("all-three", "Engineer and two helpers sentenced for spying for China",
     "A court in Koblenz sentenced an engineer to five years in prison on Tuesday for spying for China, and his "
     "two helpers to suspended terms of one and two years. All three men had photographed plans of an arms maker.",
     {"stage": "sentenced", "target": "DE", "sponsor": "CN", "count": 3, "months": (12, 60)}),
    ("months-of-one-year", "Clerk charged with passing files to Iran",
     "Federal prosecutors in Vienna charged a 44-year-old ministry clerk on Monday with espionage. They say she "
     "passed personnel files to Iranian intelligence officers from March to September 2021.",
     {"stage": "charged", "target": "AT", "sponsor": "IR", "count": 1, "period": (2021, 2021)}),
    ("sent-to-a-consulate", "Sergeant jailed for sending secrets to Russian consulate",
     "A court in Leipzig jailed an army sergeant for two years and nine months on Monday. The 41-year-old had "
     "sent secret documents to the Russian consulate general in the city, judges found.",
     {"stage": "sentenced", "target": "DE", "sponsor": "RU", "months": (33, 33)}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*c[1:], id=c[0]) for c in NEWS])
def test_groups_lead_case(title: str, body: str, want: dict[str, object], nlp) -> None:  # noqa: F811
    _check(title, body, want, "en", nlp)
