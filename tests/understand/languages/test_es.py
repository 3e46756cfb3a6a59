"""Spanish news, read end to end: paragraphs written for this test (invented people, towns and
wording in the style of EFE and Europa Press copy, court and police announcements), each with
what an annotator following SCHEMA.md would record. Written before the rules that read them, one
per kind of miss still seen in Spanish reporting: an expulsion that follows an arrest told in one
sentence, "tres hombres y una mujer" counted short, a term the prosecution asked for ("pedía"),
the state's own courts named by an adjective ("la justicia rusa").

Before the rules: 1 of 7 right. With the rows added since (9 in all), 7 were right before session 20
and 9 are now, since "a cambio de" states a payment and the infinitive "espiar" after an accusation
is an act that dates the period.
"""

from __future__ import annotations

import pytest

from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("expulsion-after-arrest", "España expulsa a dos diplomáticos rusos por espionaje",
     "El Gobierno español expulsó el jueves a dos diplomáticos rusos implicados en un caso de espionaje tras "
     "la detención en Cartagena de un suboficial de la Armada que entregaba documentos reservados a un "
     "agregado militar ruso a cambio de dinero.",
     {"cases": 2, "stage": "expelled", "sponsor": "RU", "target": "ES", "count": 2}),
    # written before the rule it checks: an adjective before the arrest
    ("expulsion-after-quick-arrest", "Atenas expulsa a un diplomático ruso",
     "Grecia expulsó el lunes a un diplomático ruso implicado en una trama de espionaje tras la rápida "
     "detención de un suboficial de la Armada que vendía secretos militares a la inteligencia rusa.",
     {"cases": 2, "stage": "expelled", "sponsor": "RU", "target": "GR", "count": 1}),
    ("coordinated-count", "Detenidos cuatro presuntos espías al servicio de China",
     "La Policía Nacional ha detenido en Madrid a tres hombres y una mujer acusados de espiar para los "
     "servicios de inteligencia chinos a empresas tecnológicas españolas entre 2021 y 2024.",
     {"stage": "arrested", "sponsor": "CN", "target": "ES", "count": 4, "period": (2021, 2024)}),
    ("requested-term", "Condenado a seis años un militar que vendía secretos a Rusia",
     "La Audiencia Nacional ha condenado a seis años de prisión a un brigada del Ejército de Tierra por "
     "revelar secretos a los servicios de inteligencia rusos a cambio de 12.000 euros. La Fiscalía pedía "
     "nueve años de cárcel.",
     {"stage": "sentenced", "sponsor": "RU", "target": "ES", "months": (72, 72), "payments": [(12000, "EUR")]}),
    ("foreign-justice", "Rusia condena a un español a trece años por espionaje",
     "La justicia rusa ha condenado a trece años de cárcel a un ciudadano español acusado de espiar para "
     "Ucrania, informó el tribunal regional de Moscú.",
     {"stage": "sentenced", "sponsor": "UA", "target": "RU", "months": (156, 156), "nationality": ["ES"]}),
    ("arrest-named", "Detenido en Bilbao un ingeniero por espiar para Irán",
     "Agentes del Centro Nacional de Inteligencia y de la Guardia Civil detuvieron el martes en Bilbao a "
     "Javier M. G., ingeniero de una empresa de defensa, por presuntamente facilitar información a los "
     "servicios secretos iraníes desde 2022.",
     {"stage": "arrested", "sponsor": "IR", "target": "ES", "names": "Javier M", "period": (2022, None)}),
    ("statistics", "Aumentan las investigaciones por espionaje",
     "La Fiscalía abrió 17 diligencias por espionaje en 2024, frente a las 9 de 2023, según la memoria anual.",
     {"no_case": True, "stats": {(2024, 17), (2023, 9)}}),
    ("series-review", "Crítica: la nueva serie de espías de la temporada",
     "La serie de espías que estrena la plataforma este viernes tiene un reparto brillante y una trama "
     "llena de giros, aunque el final de temporada decepciona.",
     {"relevant": False}),
    # written by the lead before the rule it checks (session 18): documents handed "a un militar ruso"
    # (the noun before its adjective) name the state served
    ("handed-to-officer", "Detenido un suboficial por entregar documentos a un militar ruso",
     "La Guardia Civil ha detenido en Cartagena a un suboficial de la Armada española cuando entregaba "
     "documentos clasificados a un militar ruso en una cafetería del puerto.",
     {"stage": "arrested", "sponsor": "RU", "target": "ES", "count": 1}),
    # written before its rule (session 20; failed then): after a step, "a un militar español" is the
    # arrested person (Spanish marks a person object with "a"), not one given something
    ("personal-a", "Militar detenido por espionaje",
     "La Guardia Civil detuvo en Madrid a un militar español acusado de espionaje por entregar documentos a un "
     "agente ruso.",
     {"stage": "arrested", "sponsor": "RU", "target": "ES", "count": 1, "nationality": ["ES"]}),
]

STILL_OPEN: dict[str, str] = {
}


@pytest.mark.parametrize(("title", "body", "want"), [
    pytest.param(*row[1:], id=row[0], marks=[pytest.mark.xfail(reason=STILL_OPEN[row[0]], strict=True)]
                 if row[0] in STILL_OPEN else []) for row in NEWS])
def test_spanish_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "es")
