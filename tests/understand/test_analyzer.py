"""The Analyzer: relevance for every article; cases, entities and stats only for relevant ones."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.settings import load_settings
from spyglass.understand import Analyzer, analysis_json

CASE = (
    "A US Navy sailor was sentenced on Monday to 16 years in prison for passing classified information "
    "to a Chinese intelligence officer. The National Security Bureau said 64 people were prosecuted for "
    "spying for China in 2024, according to its annual report."
)
REVIEW = (
    "The film follows an MI5 officer who suspects her mentor of passing secrets to the KGB. The plot is "
    "thin, the cast is excellent and the running time is far too long. In cinemas from Friday; three stars."
)
GERMAN = (
    "Das Oberlandesgericht hat einen Mitarbeiter wegen Spionage für China zu vier Jahren Haft verurteilt. "
    "Er hatte Informationen an einen Geheimdienst weitergegeben."
)


def article(text: str, language: str = "en", title: str | None = None) -> Article:
    return Article(id="a1", source="a.txt", item=0, kind="page", title=title, text=text, language=language,
                   published="2025-03-03")


@pytest.fixture()
def analyzer() -> Analyzer:
    return Analyzer(load_settings())


def test_irrelevant_article_gets_no_cases_no_stats_and_no_model(analyzer: Analyzer) -> None:
    analysis = analyzer.analyse(article(REVIEW, title="Review: a cold war thriller"))
    assert not analysis.relevance.is_espionage
    assert (analysis.mentions, analysis.stats, analysis.entities) == ((), (), ())
    assert analyzer._nlp is None, "the first filter must not load spaCy"


def test_non_english_article_is_analysed_without_the_english_model(analyzer: Analyzer) -> None:
    analysis = analyzer.analyse(article(GERMAN, language="de", title="Spionage für China"))
    assert analysis.relevance.is_espionage
    assert analysis.mentions, "German rule tables still find the case"
    assert analyzer._nlp is None


@pytest.mark.slow
def test_relevant_english_article_gets_cases_stats_and_the_model_once(analyzer: Analyzer) -> None:
    first = analyzer.analyse(article(CASE, title="Navy sailor jailed for spying for China"))
    model = analyzer._nlp
    assert model is not None
    assert first.relevance.is_espionage and first.mentions
    assert {(s.year, s.value) for s in first.stats} == {(2024, 64)}
    analyzer.analyse(article(CASE))
    assert analyzer._nlp is model, "the model is loaded once"


PARAGRAPHS = [
    CASE,
    "Federal agents arrested Daniel Moreno Ruiz, 52, a retired Air Force contractor, at his home in Tucson on "
    "Thursday. Prosecutors say he sold drawings of a missile guidance system to a man he believed to be a "
    "Russian officer for $40,000 between 2019 and 2022.",
    "Two Dutch engineers, Pieter van Dam and Sander Hoek, were charged in Rotterdam with passing port data to "
    "China's Ministry of State Security, the prosecution service said on Friday.",
]


@pytest.mark.slow
def test_the_model_multiplies_with_numpy_and_reads_as_it_does_with_blis(analyzer: Analyzer) -> None:
    from thinc.api import NumpyOps

    nlp = analyzer.nlp()
    layers = [layer for _, pipe in nlp.pipeline if getattr(pipe, "model", None) is not None for layer in pipe.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)

    def reading() -> list[list[tuple[str, str, str, int]]]:
        return [[(t.text, t.ent_type_, t.dep_, t.head.i) for t in doc] for doc in nlp.pipe(PARAGRAPHS)]

    with_numpy = reading()
    blis = NumpyOps(use_blis=True)
    for layer in layers:
        layer.ops = blis
    assert reading() == with_numpy


def test_analysis_json_keeps_source_and_shapes_the_contract(analyzer: Analyzer) -> None:
    line = analysis_json(analyzer.analyse(article(REVIEW)))
    assert line["source"] == "a.txt"
    assert line["is_espionage"] is False
    assert line["cases"] == [] and line["stats"] == []
    assert set(line["relevance"]) == {"score", "reasons"}  # type: ignore[arg-type]


@pytest.mark.parametrize("code", ["fi", "bg", "he", "ar", "xx"])
def test_language_without_case_tables_gets_relevance_and_says_cases_were_not_read(analyzer: Analyzer, code: str) -> None:
    analysis = analyzer.analyse(article(CASE, language=code))
    assert analysis.relevance.is_espionage
    assert analysis.mentions == ()
    assert f"lang:{code} cases not read" in analysis.relevance.reasons


def test_every_code_the_language_detector_can_answer_is_analysed_without_a_crash(analyzer: Analyzer) -> None:
    from spyglass.extract.language import known_languages
    from spyglass.understand.analyzer import CASE_LANGUAGES

    codes = known_languages()
    assert len(codes) > 100  # the detector's whole model, not a hand-picked few
    for code in codes:
        analysis = analyzer.analyse(article(CASE, language=code))
        assert analysis.relevance.is_espionage, code  # English cues are read in every text
        if code not in CASE_LANGUAGES:
            assert analysis.mentions == (), code
            assert f"lang:{code} cases not read" in analysis.relevance.reasons, code


def test_a_run_of_text_longer_than_the_model_takes_is_read_by_the_rules(analyzer: Analyzer) -> None:
    # spaCy refuses texts over 1,000,000 characters (E088); a stop-less page must not end the run
    endless = "Navy sailor John Harlan Smith was sentenced to 16 years for spying for China " + "and more words " * 80_000
    analysis = analyzer.analyse(article(endless))
    assert analysis.relevance.is_espionage
    assert [m.stage for m in analysis.mentions] == ["sentenced"]
