"""Italian news, read end to end: paragraphs written for this test (invented people, towns and
wording in the style of ANSA copy, procura announcements and court reports), each with what an
annotator following SCHEMA.md would record. Written before the rules that read them, one per kind
of miss still seen in Italian reporting: the state's own courts named by an adjective ("la
giustizia russa"), supervision after prison read as a term, an appeal that confirms a verdict
read as a second case, "cittadino russo" as a nationality, an expulsion that follows an arrest.

Before the rules: 2 of 7 right.
"""

from __future__ import annotations

import pytest

from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("foreign-justice", "Russia, tecnico condannato a 14 anni per spionaggio a favore della Germania",
     "La giustizia russa ha inflitto 14 anni di carcere a Pavel Lagunov, tecnico di un cantiere navale, "
     "riconosciuto colpevole di spionaggio a favore dei servizi tedeschi. Oltre alla detenzione, il "
     "tribunale gli ha imposto due anni di libertà vigilata.",
     {"stage": "sentenced", "sponsor": "DE", "target": "RU", "months": (168, 168), "names": "Lagunov"}),
    ("appeal-confirms", "Confermata in appello la condanna della spia di Novgorod",
     "Il tribunale di Novgorod ha condannato a 11 anni di reclusione il cittadino russo Anton Belov, "
     "accusato di aver passato informazioni militari all'intelligence ucraina. La Corte d'appello di Mosca "
     "ha poi confermato il verdetto nei confronti dell'uomo.",
     {"cases": 1, "stage": "sentenced", "sponsor": "UA", "target": "RU", "months": (132, 132),
      "nationality": ["RU"], "names": "Belov"}),
    ("expulsion-after-arrest", "L'Italia espelle due diplomatici russi",
     "Il governo italiano ha espulso due diplomatici russi dopo l'arresto a Taranto di un sottufficiale della "
     "Marina sorpreso a consegnare documenti riservati a un funzionario dell'intelligence militare russa.",
     {"cases": 2, "stage": "expelled", "sponsor": "RU", "target": "IT", "count": 2}),
    ("requested-term", "Spiava per la Cina, ingegnere condannato a cinque anni",
     "Il tribunale di Torino ha condannato a cinque anni di reclusione un ingegnere aerospaziale di 49 anni "
     "per aver ceduto progetti riservati a un agente dei servizi cinesi. Il pubblico ministero aveva chiesto "
     "sette anni.",
     {"stage": "sentenced", "sponsor": "CN", "target": "IT", "months": (60, 60), "count": 1}),
    ("coordinated-count", "Arrestati tre uomini e una donna: spiavano per l'Iran",
     "I carabinieri del Ros hanno arrestato a Milano tre uomini e una donna accusati di spionaggio a favore "
     "dei servizi segreti iraniani.",
     {"stage": "arrested", "sponsor": "IR", "target": "IT", "count": 4}),
    # written with the rule it checks (a city's Italian name is a place, never a person)
    ("city-exonym", "Condannato a San Pietroburgo un ingegnere accusato di spionaggio",
     "Il tribunale regionale di San Pietroburgo ha condannato a dodici anni di reclusione Oleg Sadov, "
     "ingegnere navale, per spionaggio a favore dei servizi segreti britannici.",
     {"cases": 1, "stage": "sentenced", "sponsor": "GB", "target": "RU", "names": "Sadov", "months": (144, 144)}),
    ("statistics", "Spionaggio, crescono le indagini",
     "Nel 2024 le procure hanno aperto 12 fascicoli per spionaggio, contro i 7 del 2023, secondo la relazione "
     "annuale dei servizi.",
     {"no_case": True, "stats": {(2024, 12), (2023, 7)}}),
    ("book-review", "Il ritorno della spia: recensione",
     "Il nuovo romanzo di spionaggio dell'autore torinese ci porta nella Berlino degli anni Settanta, tra "
     "agenti doppi e amori impossibili. Una lettura piacevole per l'estate.",
     {"relevant": False}),
]

STILL_OPEN: dict[str, str] = {
}


@pytest.mark.parametrize(("title", "body", "want"), [
    pytest.param(*row[1:], id=row[0], marks=[pytest.mark.xfail(reason=STILL_OPEN[row[0]], strict=True)]
                 if row[0] in STILL_OPEN else []) for row in NEWS])
def test_italian_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "it")
