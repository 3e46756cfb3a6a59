"""French news, read end to end: paragraphs written for this test (invented people, towns and
wording in the style of AFP copy, parquet announcements and court reports), each with what an
annotator following SCHEMA.md would record. Written before the rules that read them, one per kind
of miss still seen in French reporting: co-defendants of one trial ("a pour sa part été
condamné") split into cases, "quatre femmes et un homme" counted short, a nationality after its
noun ("deux anciens agents français"), a term the prosecution asked for ("requis"), an expulsion
that follows an arrest.

Before the rules: 3 of 8 right.
"""

from __future__ import annotations

import pytest

from tests.understand.languages._news import NewsRow, check_news

NEWS: list[NewsRow] = [
    ("co-defendants", "Deux anciens agents condamnés pour trahison au profit de la Russie",
     "Deux anciens agents français de la DGSI, jugés à huis clos devant la cour d'assises spéciale de Paris "
     "pour avoir livré des informations à la Russie, ont été condamnés jeudi à neuf et onze ans de "
     "réclusion criminelle. Marc D., 61 ans, a été condamné à onze ans. Alain P., 66 ans, a pour sa part "
     "été condamné à neuf ans, alors que l'avocat général en avait requis quatorze.",
     {"cases": 1, "stage": "sentenced", "sponsor": "RU", "target": "FR", "count": 2, "months": (108, 132),
      "nationality": ["FR"]}),
    ("coordinated-count", "Cinq personnes mises en examen pour espionnage au profit de l'Iran",
     "Quatre femmes et un homme ont été mis en examen samedi à Lyon pour intelligence avec une puissance "
     "étrangère, soupçonnés d'avoir photographié des sites sensibles pour le compte des services de "
     "renseignement iraniens, a indiqué le parquet national antiterroriste.",
     {"stage": "charged", "sponsor": "IR", "target": "FR", "count": 5}),
    ("requested-term", "Un ingénieur condamné à six ans de prison pour espionnage au profit de la Chine",
     "Le tribunal correctionnel de Toulouse a condamné mercredi un ingénieur de 45 ans à six ans "
     "d'emprisonnement pour avoir transmis des plans de satellites à des agents chinois. Le parquet avait "
     "requis huit ans.",
     {"stage": "sentenced", "sponsor": "CN", "target": "FR", "months": (72, 72), "count": 1}),
    ("expulsion-after-arrest", "Paris expulse deux diplomates russes",
     "La France a expulsé deux diplomates russes après l'arrestation à Brest d'un officier de marinier "
     "soupçonné d'avoir remis des documents classifiés à un agent du renseignement militaire russe.",
     {"cases": 2, "stage": "expelled", "sponsor": "RU", "target": "FR", "count": 2}),
    ("arrest-named", "Un fonctionnaire interpellé pour espionnage",
     "Un fonctionnaire du ministère des Armées, Thierry L., 52 ans, a été interpellé mardi par la DGSI à "
     "Rennes. Il est soupçonné d'avoir livré depuis 2021 des informations à un service de renseignement "
     "algérien contre 20 000 euros.",
     {"stage": "arrested", "sponsor": "DZ", "target": "FR", "names": "Thierry L", "period": (2021, None),
      "payments": [(20000, "EUR")]}),
    ("foreign-justice", "Un Français condamné en Iran pour espionnage",
     "La justice iranienne a condamné un ressortissant français à huit ans de prison pour espionnage au "
     "profit d'Israël, a annoncé dimanche l'agence de l'autorité judiciaire.",
     {"stage": "sentenced", "sponsor": "IL", "target": "IR", "months": (96, 96), "nationality": ["FR"]}),
    ("statistics", "Les affaires d'espionnage en hausse",
     "Selon le rapport annuel, la DGSI a ouvert 31 enquêtes pour espionnage en 2024, contre 19 en 2023.",
     {"no_case": True, "stats": {(2024, 31), (2023, 19)}}),
    ("novel-review", "Un roman d'espionnage haletant",
     "Le nouveau roman d'espionnage de l'auteur entraîne le lecteur de Vienne à Istanbul sur les traces "
     "d'un agent double fatigué. Un livre haletant, parfait pour l'été.",
     {"relevant": False}),
    # written by the lead with the rule it checks (session 18): "condamné" with no term is a verdict,
    # "condamné à cinq ans" a sentence
    ("verdict-no-term", "Un ancien gendarme condamné pour espionnage au profit de l'Algérie",
     "Le tribunal correctionnel de Lyon a condamné mardi un ancien gendarme pour avoir livré des fichiers "
     "de police aux services algériens. La peine sera prononcée le mois prochain.",
     {"stage": "convicted", "sponsor": "DZ", "target": "FR", "months": None}),
    # written by the lead before the rule it checks (session 18): "tous les trois" counts all the accused
    ("all-three", "Trois anciens militaires condamnés pour espionnage au profit de la Russie",
     "La cour d'assises spéciale de Paris a condamné mercredi deux anciens sous-officiers à sept et neuf ans "
     "de prison pour avoir livré des informations à la Russie. Leur complice, un ancien interprète, a écopé "
     "de trois ans. La cour a prononcé contre tous les trois une interdiction de séjour.",
     {"stage": "sentenced", "sponsor": "RU", "target": "FR", "count": 3, "months": (36, 108)}),
]

STILL_OPEN: dict[str, str] = {
}


@pytest.mark.parametrize(("title", "body", "want"), [
    pytest.param(*row[1:], id=row[0], marks=[pytest.mark.xfail(reason=STILL_OPEN[row[0]], strict=True)]
                 if row[0] in STILL_OPEN else []) for row in NEWS])
def test_french_news(title: str, body: str, want: dict[str, object]) -> None:
    check_news(title, body, want, "fr")
