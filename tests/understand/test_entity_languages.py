"""Languages whose cases are not read yet (``tables.ENTITY_LANGS``): a report in any of them is found
relevant, says its cases were not read, and names its countries, services and legal steps as
entities. One news paragraph of our own per language (invented people and places), written for
this test with the tables it checks (session 18)."""

from __future__ import annotations

import pytest

from spyglass.extract.language import language_of
from spyglass.records import Article
from spyglass.settings import load_settings
from spyglass.understand.analyzer import Analyzer
from spyglass.understand.tables import ENTITY_LANGS

# (language, headline, body, states named, steps reported)
ROWS: list[tuple[str, str, str, set[str], set[str]]] = [
 ("no", "PST pågrep russisk statsborger", "PST pågrep en russisk statsborger i Kirkenes, mistenkt for spionasje mot Norge. Mannen er siktet for ulovlig etterretningsvirksomhet.", {"RU","NO"}, {"arrested","charged"}),
 ("da", "Kinesisk forsker anholdt", "PET har anholdt en kinesisk forsker i Aarhus, der er sigtet for spionage mod Danmark.", {"CN","DK"}, {"arrested","charged"}),
 ("fi", "Supo pidätti venäläisen", "Suojelupoliisi pidätti Venäjän kansalaisen, jota epäillään vakoilusta Venäjän hyväksi. Käräjäoikeus vangitsi miehen.", {"RU"}, {"arrested","suspected"}),
 ("et", "Kapo vahistas Vene kodaniku", "Kaitsepolitseiamet vahistas Tallinnas Venemaa kodaniku, keda kahtlustatakse spionaažis Venemaa kasuks.", {"RU"}, {"arrested","suspected"}),
 ("lv", "Aizturēts spiegs", "Valsts drošības dienests aizturēja Latvijas pilsoni, kurš tiek turēts aizdomās par spiegošanu Krievijas labā.", {"LV","RU"}, {"arrested","suspected"}),
 ("lt", "Sulaikytas šnipas", "Valstybės saugumo departamentas sulaikė Baltarusijos pilietį, įtariamą šnipinėjimu Rusijos naudai.", {"BY","RU"}, {"arrested","suspected"}),
 ("cs", "Vyhoštěn ruský diplomat", "Česká vláda vyhostila ruského diplomata kvůli špionáži. Bezpečnostní informační služba zadržela jeho českého spolupracovníka.", {"RU"}, {"expelled","arrested"}),
 ("bg", "Задържан за шпионаж", "ДАНС задържа български гражданин, обвинен в шпионаж в полза на Русия.", {"BG","RU"}, {"arrested","charged"}),
 ("ro", "Spion reținut", "SRI a reținut un cetățean rus acuzat de spionaj în favoarea Rusiei.", {"RU"}, {"arrested","charged"}),
 ("hu", "Orosz kémet vettek őrizetbe", "Az Alkotmányvédelmi Hivatal őrizetbe vett egy orosz állampolgárt, akit kémkedéssel gyanúsítanak.", {"RU"}, {"arrested","suspected"}),
 ("he", "נעצר בחשד לריגול", "אזרח ישראלי נעצר בחשד לריגול עבור איראן. נגדו הוגש כתב אישום.", {"IL","IR"}, {"arrested","charged"}),
 ("ar", "اعتقال جاسوس", "اعتقلت السلطات رجلا بتهمة التجسس لصالح إيران.", {"IR"}, {"arrested"}),
 ("fa", "بازداشت جاسوس", "وزارت اطلاعات یک جاسوس اسرائیلی را بازداشت کرد.", {"IL"}, {"arrested"}),
]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer(load_settings())


def test_every_entity_language_has_a_paragraph() -> None:
    assert {row[0] for row in ROWS} == set(ENTITY_LANGS)


@pytest.mark.parametrize(("lang", "title", "body", "states", "steps"), ROWS, ids=[row[0] for row in ROWS])
def test_a_report_names_its_states_services_and_steps(analyzer: Analyzer, lang: str, title: str, body: str,
                                                      states: set[str], steps: set[str]) -> None:
    detected = language_of(f"{title}\n{body}")
    assert detected == lang
    found = analyzer.analyse(Article(id="t", source="t", item=0, kind="page", language=detected, title=title,
                                     text=f"{title}\n{body}"))
    assert found.relevance.is_espionage, found.relevance.reasons
    assert f"lang:{lang} cases not read" in found.relevance.reasons and not found.mentions
    assert states <= {e.kb_id for e in found.entities if e.label == "COUNTRY"}
    assert steps <= {e.kb_id for e in found.entities if e.label == "STAGE"}
    assert all(found.article.text[e.start : e.end] == e.text for e in found.entities)
