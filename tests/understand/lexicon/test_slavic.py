"""The inflected forms behind ``word~`` in Russian, Ukrainian and Polish table cells: every case and
number a text may print a country, a demonym, an adjective or a role in."""

from __future__ import annotations

import pytest

from spyglass.understand import lexicon
from spyglass.understand.lexicon._inflect import expand

FORMS = [
    # (lang, cell, forms the expansion must hold)
    ("ru", "Россия~", {"России", "Россию", "Россией"}),
    ("ru", "российский~", {"российского", "российской", "российскую", "российских"}),
    ("ru", "Южная Корея~", {"Южной Кореи", "Южную Корею", "Южной Корее"}),
    ("ru", "Соединённые Штаты Америки~", {"Соединенных Штатов Америки", "Соединёнными Штатами Америки"}),
    ("ru", "украинец~", {"украинца", "украинцы", "украинцев"}),
    ("ru", "инженер~", {"инженера", "инженеру", "инженеров"}),
    ("uk", "Росія~", {"Росії", "Росію", "Росією"}),
    ("uk", "українець~", {"українця", "українці", "українців"}),
    ("uk", "Південна Корея~", {"Південної Кореї", "Південну Корею"}),
    ("uk", "військовослужбовець~", {"військовослужбовця", "військовослужбовців"}),
    ("pl", "rosyjski~", {"rosyjskiego", "rosyjskiej", "rosyjską", "rosyjscy", "rosyjskich"}),
    ("pl", "zagraniczny~", {"zagranicznego", "zagraniczną", "zagraniczni"}),
    ("pl", "Rosja~", {"Rosji", "Rosję", "Rosją"}),
    ("pl", "Ukraina~", {"Ukrainy", "Ukrainie", "Ukrainę"}),
    ("pl", "Polska~", {"Polski", "Polsce", "Polskę"}),
    ("pl", "Ukrainiec~", {"Ukraińca", "Ukraińcy", "Ukraińców"}),
    ("pl", "Rosjanin~", {"Rosjanina", "Rosjanie", "Rosjan"}),
    ("pl", "agent~", {"agenta", "agentowi", "agencie", "agenci", "agentów"}),
    ("pl", "dyplomata~", {"dyplomaty", "dyplomatę", "dyplomaci", "dyplomatów"}),
    ("pl", "Białoruś~", {"Białorusi", "Białorusią"}),
]


@pytest.mark.parametrize(("lang", "cell", "want"), FORMS)
def test_word_tilde_expands_to_the_cases_a_text_prints(lang: str, cell: str, want: set[str]) -> None:
    assert want <= set(expand(cell, lang))


def test_names_keep_their_capital_and_their_number() -> None:
    forms = expand("Киев~", "ru")
    assert "Киева" in forms and "киева" not in forms
    assert "Киевы" not in forms  # a city is one: no plural


COUNTRY_WORDS = [
    ("ru", "эстонской", "EE"), ("ru", "Польши", "PL"), ("ru", "россиянина", "RU"), ("ru", "Кремлём", "RU"),
    ("uk", "Росії", "RU"), ("uk", "білоруським", "BY"), ("uk", "Угорщини", "HU"),
    ("pl", "rosyjskiego", "RU"), ("pl", "Białorusi", "BY"), ("pl", "Chin", "CN"), ("pl", "Ukraińców", "UA"),
]


@pytest.mark.parametrize(("lang", "word", "code"), COUNTRY_WORDS)
def test_inflected_country_words_name_their_state(lang: str, word: str, code: str) -> None:
    assert lexicon.country_of(word, lang) == code


SERVICES = [
    ("куратору из СБУ", "svc.ua.sbu"), ("сотруднику ЦРУ", "svc.us.cia"), ("Службой безопасности Украины", "svc.ua.sbu"),
    ("Федеральної служби безпеки", "svc.ru.fsb"), ("агентку ГРУ", "svc.ru.gru"), ("МИ-6", "svc.gb.sis"),
    ("Agencji Bezpieczeństwa Wewnętrznego", "svc.pl.abw"), ("Służby Kontrwywiadu Wojskowego", "svc.pl.skw"),
]


@pytest.mark.parametrize(("text", "sid"), SERVICES)
def test_services_named_in_russian_ukrainian_and_polish(text: str, sid: str) -> None:
    assert [h.service.id for h in lexicon.services_in(text)] == [sid]
