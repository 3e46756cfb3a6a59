"""German news, read end to end: paragraphs written for this test (invented people, towns and
wording in the style of dpa wire copy, Bundesanwaltschaft announcements and court reports), each
with what an annotator following SCHEMA.md would record. They were written before the rules that
read them, one per kind of miss still seen in German reporting: a term the prosecution asked for
read as the term imposed, a trio and "the main defendant and his two acquaintances" counted short,
an earlier case told in the background, an expulsion that follows an arrest, the state's own
courts named by an adjective ("die russische Justiz"), supervision after prison read as a term.

Before the rules: 1 of 8 right. With the rows added since (13 in all), 12 were right before session
20 and 13 are now, since an accusation beside "seit" dates the acts it accuses.
"""

from __future__ import annotations

import pytest

from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("requested-term", "Agent für Moskau muss sieben Jahre in Haft",
     "Das Oberlandesgericht Celle hat einen 58 Jahre alten Ingenieur aus Hannover wegen geheimdienstlicher "
     "Agententätigkeit für Russland zu sieben Jahren Haft verurteilt. Die Bundesanwaltschaft hatte neun "
     "Jahre und drei Monate gefordert, die Verteidigung einen Freispruch.",
     {"stage": "sentenced", "sponsor": "RU", "target": "DE", "months": (84, 84), "count": 1}),
    ("trio-count", "Trio wegen Spionage für China verurteilt",
     "Im Prozess um Spionage für China hat das Oberlandesgericht Düsseldorf am Mittwoch drei Angeklagte "
     "verurteilt. Der Hauptangeklagte erhielt vier Jahre und sechs Monate Haft, seine beiden Mitangeklagten "
     "kamen mit Bewährungsstrafen von jeweils einem Jahr davon.",
     {"stage": "sentenced", "sponsor": "CN", "target": "DE", "count": 3, "months": (12, 54)}),
    ("background-case", "Bundeswehr-Hauptmann wegen Spionage verurteilt",
     "Das Oberlandesgericht Koblenz hat einen Hauptmann der Bundeswehr zu drei Jahren und neun Monaten Haft "
     "verurteilt, weil er dem russischen Militärgeheimdienst Unterlagen über Raketenabwehrsysteme "
     "angeboten hatte. Bereits im Herbst 2022 hatte dasselbe Gericht einen früheren Reserveoffizier wegen "
     "Spionage für Russland zu einer Bewährungsstrafe verurteilt.",
     {"cases": 2, "stage": "sentenced", "sponsor": "RU", "target": "DE", "months": (45, 45)}),
    ("expulsion-after-arrest", "Berlin weist zwei russische Diplomaten aus",
     "Die Bundesregierung hat zwei Mitarbeiter der russischen Botschaft zu unerwünschten Personen erklärt. "
     "Vorausgegangen war die Festnahme eines Mitarbeiters eines Rüstungszulieferers in Augsburg, der "
     "Konstruktionspläne an den russischen Geheimdienst weitergegeben haben soll.",
     {"cases": 2, "stage": "expelled", "sponsor": "RU", "target": "DE", "count": 2}),
    ("foreign-justice", "Russland: Deutscher wegen Spionage zu zwölf Jahren verurteilt",
     "Die russische Justiz hat einen deutschen Staatsbürger wegen Spionage für die Ukraine zu zwölf Jahren "
     "Straflager verurteilt. Nach der Haft soll er zwei Jahre unter Aufsicht stehen, teilte das Gericht in "
     "Kaliningrad mit.",
     {"stage": "sentenced", "sponsor": "UA", "target": "RU", "months": (144, 144), "nationality": ["DE"]}),
    ("arrest-named", "Mutmaßlicher Spion in Leipzig festgenommen",
     "Beamte des Bundeskriminalamts haben am Dienstag in Leipzig den deutsch-russischen Staatsangehörigen "
     "Viktor K. festgenommen. Die Bundesanwaltschaft wirft ihm vor, seit 2023 für einen russischen "
     "Geheimdienst militärische Einrichtungen ausgespäht zu haben. Er soll dafür 3.000 Euro erhalten haben.",
     {"stage": "arrested", "sponsor": "RU", "target": "DE", "names": "Viktor K", "count": 1,
      "period": (2023, None), "payments": [(3000, "EUR")]}),
    ("statistics", "Verfassungsschutz zählt mehr Spionagefälle",
     "Die Zahl der Ermittlungsverfahren wegen Spionage ist deutlich gestiegen. Im Jahr 2024 leitete der "
     "Generalbundesanwalt 38 Verfahren wegen geheimdienstlicher Agententätigkeit ein, nach 24 im Jahr 2023.",
     {"no_case": True, "stats": {(2024, 38), (2023, 24)}}),
    # written before the rule it checks: the prosecution's demand told with the verb at the end
    ("requested-verb-final", "Ehemaliger Soldat muss fünf Jahre in Haft",
     "Das Oberlandesgericht Stuttgart hat einen ehemaligen Bundeswehrsoldaten wegen geheimdienstlicher "
     "Agententätigkeit für Russland zu fünf Jahren Haft verurteilt. Die Bundesanwaltschaft hatte für den "
     "Angeklagten sieben Jahre und sechs Monate Haft wegen Landesverrats und für seine Ehefrau eine "
     "Bewährungsstrafe gefordert.",
     {"stage": "sentenced", "sponsor": "RU", "target": "DE", "months": (60, 60)}),
    # written after the rule it checks (a case whose step and count are read in a yearly statistic)
    ("statistics-convicted", "Spionage: die Bilanz des Justizministeriums",
     "Immer mehr Verdachtsfälle.\nDie Zahl der Verurteilungen steigt: Im Jahr 2024 wurden 17 Menschen wegen "
     "Spionage verurteilt, im Jahr 2023 waren es 15. Das geht aus der Antwort des Justizministeriums auf eine "
     "Anfrage hervor.",
     {"no_case": True, "stats": {(2024, 17), (2023, 15)}}),
    ("film-review", "Kinokritik: Der Spion, der aus der Kälte kam, neu verfilmt",
     "Die Neuverfilmung des Spionageromans überzeugt vor allem durch ihre Bilder. Der Hauptdarsteller spielt "
     "den verbrauchten Agenten mit großer Ruhe, auch wenn die Handlung in der zweiten Hälfte an Spannung "
     "verliert. Ab Donnerstag im Kino.",
     {"relevant": False}),
    # written by the lead with the rule it checks (session 18): "verurteilt" with no term is a verdict
    ("verdict-no-term", "Ex-Offizier wegen Spionage verurteilt",
     "Das Oberlandesgericht Celle hat einen früheren Marineoffizier wegen Spionage für Russland verurteilt. "
     "Der 61-Jährige hatte nach Überzeugung des Senats Lagepläne eines Hafens an russische Agenten übergeben.",
     {"stage": "convicted", "sponsor": "RU", "target": "DE", "count": 1, "months": None}),
    # written by the lead before the rules they check (session 18): "den 41-Jährigen" is one
    # person; documents sent to a state's consulate name the state served
    ("one-aged-consulate", "Bundeswehrsoldat wegen Spionage verurteilt",
     "Ein Feldwebel der Bundeswehr hatte geheime Unterlagen an das Generalkonsulat Russlands in Leipzig "
     "geschickt. Das Oberlandesgericht Dresden verurteilte den 41-Jährigen am Montag wegen "
     "geheimdienstlicher Agententätigkeit zu zwei Jahren und neun Monaten Haft.",
     {"stage": "sentenced", "sponsor": "RU", "target": "DE", "count": 1, "months": (33, 33)}),
    # "alle drei" counts all the accused; co-defendants' terms "von einem beziehungsweise zwei Jahren"
    ("all-three-terms", "Drei Männer wegen Spionage für China verurteilt",
     "Das Oberlandesgericht Koblenz hat einen Ingenieur wegen geheimdienstlicher Agententätigkeit für China "
     "zu fünf Jahren und seine beiden Helfer zu Bewährungsstrafen von einem beziehungsweise zwei Jahren "
     "verurteilt. Alle drei Männer hatten Pläne eines Rüstungsbetriebs fotografiert.",
     {"stage": "sentenced", "sponsor": "CN", "target": "DE", "count": 3, "months": (12, 60)}),
]

STILL_OPEN: dict[str, str] = {
}


@pytest.mark.parametrize(("title", "body", "want"), [
    pytest.param(*row[1:], id=row[0], marks=[pytest.mark.xfail(reason=STILL_OPEN[row[0]], strict=True)]
                 if row[0] in STILL_OPEN else []) for row in NEWS])
def test_german_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "de")
