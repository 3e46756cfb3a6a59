"""Dutch news (the Netherlands and Flanders), read end to end: paragraphs written for this test
(invented people, towns and wording in the style of ANP and Belga wire stories, Openbaar
Ministerie and federaal parket announcements, court reports, a statistics piece and a book
review), each with what an annotator following SCHEMA.md would record. They were written
before the Dutch rules and are kept as a generalisation check: a failure is a weakness of the
rules, not a text to fit.

Before the Dutch rules: 0 of 8 right. After them: 8 of 8. Held out (``HELD_OUT``, written
after the rules): 2 of 4 right when written, 4 of 4 after the general rules their misses showed.
"""

from __future__ import annotations

import pytest

from spyglass.understand.lexicon import countries_in
from spyglass.understand.quantities import durations_in, money_in
from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("eindhoven-arrest", "Technicus uit Eindhoven aangehouden op verdenking van spionage voor Rusland",
     "Een 41-jarige man uit Eindhoven is dinsdagochtend in zijn woning aangehouden op verdenking van "
     "spionage voor Rusland. Dat heeft het Openbaar Ministerie woensdag bekendgemaakt. De verdachte, "
     "Martijn V., werkte als technicus bij een toeleverancier van de chipindustrie en zou sinds 2022 "
     "technische tekeningen hebben doorgespeeld aan een officier van de Russische militaire "
     "inlichtingendienst GRU. Daarvoor zou hij ten minste € 15.000 in contanten hebben ontvangen. Het "
     "onderzoek begon na een ambtsbericht van de AIVD. De rechter-commissaris heeft de man veertien "
     "dagen in bewaring gesteld; zijn advocaat wil nog niet reageren.",
     {"stage": "arrested", "sponsor": "RU", "service": "GRU", "target": "NL", "names": "Martijn V",
      "count": 1, "payments": [(15000, "EUR")], "period": (2022, None), "roles": ["technicus"]}),
    ("antwerp-charged", "Drie verdachten in verdenking gesteld voor spionage voor China",
     "Het federaal parket heeft drie mannen in verdenking gesteld van spionage en deelname aan de "
     "activiteiten van een buitenlandse inlichtingendienst. Volgens het parket verzamelden zij tussen "
     "2019 en 2023 informatie over Chinese dissidenten en over de haven van Antwerpen voor het Chinese "
     "ministerie van Staatsveiligheid (MSS). Een van hen, de 47-jarige Belg Luc D., werkte als "
     "zelfstandig consultant in Brussel. Het onderzoek kwam er op basis van informatie van de "
     "Veiligheid van de Staat (VSSE). Twee verdachten zitten in voorhechtenis, de derde werd onder "
     "voorwaarden vrijgelaten.",
     {"stage": "charged", "sponsor": "CN", "service": "MSS", "target": "BE", "count": 3,
      "names": "Luc D", "nationality": ["BE"], "period": (2019, 2023)}),
    ("hague-sentenced", "Vier jaar cel voor oud-ambtenaar die geheimen aan Iran verkocht",
     "De rechtbank in Den Haag heeft een 58-jarige oud-medewerker van het ministerie van Defensie "
     "donderdag veroordeeld tot vier jaar cel, waarvan zes maanden voorwaardelijk, wegens spionage voor "
     "Iran. De man, Ahmed B., gaf tussen 2017 en 2021 vertrouwelijke stukken over wapenexporten door aan "
     "een medewerker van het Iraanse ministerie van Inlichtingen (MOIS). Hij kreeg daarvoor in totaal "
     "32.500 euro. De rechtbank rekende hem zwaar aan dat hij het vertrouwen van zijn werkgever heeft "
     "beschaamd. Het OM had vijf jaar geëist.",
     {"stage": "sentenced", "months": (48, 48), "sponsor": "IR", "service": "MOIS", "target": "NL",
      "names": "Ahmed B", "payments": [(32500, "EUR")], "period": (2017, 2021)}),
    ("brothers-appeal", "Hof bevestigt straffen van broers die voor China spioneerden",
     "Het gerechtshof Arnhem-Leeuwarden heeft de straffen bevestigd van twee Nederlandse broers die "
     "tussen 2018 en 2022 gegevens over scheepsbouw en radartechniek aan de Chinese inlichtingendienst "
     "verkochten. De oudste, Dennis K. (44), kreeg 6 jaar en 8 maanden gevangenisstraf; zijn jongere "
     "broer moet 30 maanden de cel in. Volgens het hof handelden de broers uit winstbejag: zij ontvingen "
     "samen meer dan 80.000 euro.",
     {"stage": "sentenced", "months": (30, 80), "sponsor": "CN", "target": "NL", "count": 2,
      "nationality": ["NL"], "names": "Dennis K", "period": (2018, 2022), "payments": [(80000, "EUR")]}),
    ("russian-diplomats", "Nederland zet twee Russische diplomaten uit",
     "Het kabinet heeft twee medewerkers van de Russische ambassade in Den Haag tot persona non grata "
     "verklaard. Volgens de minister van Buitenlandse Zaken waren de twee in werkelijkheid officieren "
     "van de Russische buitenlandse inlichtingendienst SVR, die onder diplomatieke dekmantel contacten "
     "legden met medewerkers van technologiebedrijven. De AIVD had de activiteiten van de mannen "
     "maandenlang gevolgd. Zij moeten Nederland binnen twee weken verlaten. De Russische ambassadeur is "
     "op het ministerie ontboden.",
     {"stage": "expelled", "sponsor": "RU", "service": "SVR", "target": "NL", "count": 2}),
    ("port-suspected", "Antwerpse havenmedewerker verdacht van spionage voor Rusland",
     "Het federaal parket heeft een onderzoek geopend naar een 36-jarige medewerker van de haven van "
     "Antwerpen die ervan verdacht wordt gegevens over militaire transporten te hebben doorgespeeld aan "
     "de Russische inlichtingendienst. Dat bevestigt het parket na berichten in de Vlaamse pers. De "
     "Veiligheid van de Staat zou de man al sinds vorig jaar in het vizier hebben. Er is nog niemand "
     "aangehouden en de verdachte is niet verhoord. De havenautoriteit zegt volledig mee te werken.",
     {"stage": "suspected", "sponsor": "RU", "target": "BE", "count": 1}),
    ("om-stats", "OM ziet forse toename van spionagezaken",
     "Het Openbaar Ministerie heeft in 2024 14 strafzaken wegens spionage geopend, tegen 9 in 2023. Dat "
     "blijkt uit het jaarverslag dat het OM dinsdag publiceerde. Volgens het OM gaat het vooral om zaken "
     "waarin Russische en Chinese inlichtingendiensten probeerden kennis uit de hightechsector te "
     "bemachtigen. De AIVD waarschuwde eerder al dat statelijke actoren steeds agressiever te werk gaan.",
     {"no_case": True, "stats": {(2024, 14), (2023, 9)}}),
    ("novel-review", "Recensie: 'De mol van Moskou' is een spionagethriller zonder spanning",
     "In zijn nieuwe roman laat de Utrechtse schrijver Joost Verhagen een jonge AIVD-analist jagen op een "
     "Russische mol binnen de dienst. Het uitgangspunt belooft veel, maar de spionagethriller verzandt al "
     "snel in clichés: de spion draagt altijd een lange jas, de verrader wordt ontmaskerd op een "
     "regenachtige kade in Rotterdam en elke dialoog klinkt als een ondertitel. Verhagen kent de wereld "
     "van de inlichtingendiensten duidelijk uit boeken, niet uit de praktijk. Twee sterren.",
     {"relevant": False}),
    # written by the lead before the rule it checks (session 18): "de twee" counts the two
    ("the-two", "Twee Chinese diplomaten uitgezet",
     "De AIVD heeft twee Chinese diplomaten in Den Haag ontmaskerd als spionnen. De twee zijn door het "
     "ministerie van Buitenlandse Zaken tot persona non grata verklaard en moeten het land binnen een week verlaten.",
     {"stage": "expelled", "sponsor": "CN", "target": "NL", "count": 2}),
]

# Paragraphs the rules do not read yet, with the reason (strict: a pass must remove the mark).
FAILING: dict[str, str] = {
}


def _param(row: NewsRow) -> object:
    marks = [pytest.mark.xfail(strict=True, reason=FAILING[row[0]])] if row[0] in FAILING else []
    return pytest.param(*row[1:], id=row[0], marks=marks)


@pytest.mark.parametrize(("title", "body", "want"), [_param(row) for row in NEWS])
def test_dutch_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "nl")


# Held out: paragraphs written after the rules, to measure how they generalise (2 of 4 right when
# written; the misses became general rules: a demonym after an article and an age is one person and their nationality ('een 39-jarige Iraniër'); secrets sold to a foreign service report a case by themselves (relevance)).
HELD_OUT: list[NewsRow] = [
    ("ghent-arrest", "Iraniër opgepakt in Gent: verdacht van bespioneren van dissidenten",
     "De federale gerechtelijke politie heeft zaterdag in Gent een 39-jarige Iraniër gearresteerd die in opdracht van "
     "de Iraanse geheime dienst Iraanse opposanten in België zou hebben bespioneerd. De onderzoeksrechter heeft de man, "
     "die sinds 2019 in ons land woont, onder aanhoudingsmandaat geplaatst. Volgens het federaal parket ontving hij voor "
     "zijn diensten maandelijks zo'n 2.000 euro.",
     {"stage": "arrested", "sponsor": "IR", "target": "BE", "nationality": ["IR"], "count": 1, "period": None,
      "payments": [(2000, "EUR")]}),
    ("appeal-raised", "Hof verhoogt straf van oud-militair naar zes jaar",
     "Het gerechtshof Den Haag heeft de straf van een 52-jarige oud-militair uit Assen verhoogd tot zes jaar cel. De man, "
     "Erik J., verkocht tussen 2015 en 2019 geheime documenten over de F-35 aan een handler van de Russische militaire "
     "inlichtingendienst. In eerste aanleg was hem 42 maanden opgelegd. Hij verdiende met de verkoop ruim 60.000 euro.",
     {"stage": "sentenced", "months": (72, 72), "sponsor": "RU", "target": "NL", "names": "Erik J",
      "period": (2015, 2019), "payments": [(60000, "EUR")]}),
    ("rotterdam-acquitted", "Rechtbank spreekt vrouw vrij van spionage voor China",
     "De rechtbank in Rotterdam heeft een 45-jarige vrouw uit Delft vrijgesproken van spionage voor China. Volgens de "
     "rechtbank kon niet worden bewezen dat zij bewust informatie over haventerminals aan Chinese inlichtingenofficieren "
     "had doorgegeven. Het OM had drie jaar cel geëist en overweegt in hoger beroep te gaan.",
     {"stage": "acquitted", "sponsor": "CN", "target": "NL", "count": 1, "months": None}),
    ("chip-lawsuit", "Chipbedrijf stapt naar de rechter om bedrijfsspionage door ex-werknemer",
     "Het Eindhovense chipbedrijf Lumenta heeft een voormalige ingenieur voor de rechter gedaagd. Hij zou bij zijn vertrek "
     "naar een concurrent duizenden bestanden met bedrijfsgeheimen hebben meegenomen. Het bedrijf spreekt van "
     "bedrijfsspionage en eist een schadevergoeding van 2 miljoen euro. De advocaat van de man ontkent alles.",
     {"relevant": False}),
]


@pytest.mark.parametrize(("title", "body", "want"), [pytest.param(*row[1:], id=row[0]) for row in HELD_OUT])
def test_dutch_news_held_out(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "nl")


# Country adjectives take -e before a noun, a long vowel losing its second letter ("Chinees" -> "Chinese").
@pytest.mark.parametrize(("text", "country"), [("de Chinese inlichtingendienst", "CN"), ("een Russisch schip", "RU"),
                                              ("twee Iraanse diplomaten", "IR"), ("de 47-jarige Belg", "BE"),
                                              ("Nederlandse broers", "NL"), ("drie Russen", "RU")])
def test_dutch_country_words(text: str, country: str) -> None:
    assert [h.term.country for h in countries_in(text, "nl")] == [country]


@pytest.mark.parametrize(("text", "months"), [
    ("vier jaar cel", 48), ("zes maanden", 6), ("anderhalf jaar", 18), ("drieënhalf jaar", 42),
    ("twee jaar en zes maanden", 30), ("levenslang", "life"),
])
def test_dutch_durations(text: str, months: object) -> None:
    assert [d.months for d in durations_in(text, "nl")] == [months]


@pytest.mark.parametrize(("text", "amount"), [("€ 10.000", 10_000), ("32.500 euro", 32_500), ("1,2 miljoen euro", 1_200_000)])
def test_dutch_money(text: str, amount: float) -> None:
    assert [(m.amount, m.currency) for m in money_in(text, "nl")] == [(amount, "EUR")]
