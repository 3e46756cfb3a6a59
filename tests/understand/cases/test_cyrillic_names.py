"""Russian and Ukrainian person names: which capitalised runs are names, and each name in the
nominative, as an annotator records it, whatever case the sentence put it in."""

from __future__ import annotations

import pytest

from spyglass.understand.cases._cyrillic_names import name_persons, nominative
from spyglass.understand.lexicon.hits import Hit

NOMINATIVE = [
    # (lang, printed, nominative)
    ("ru", "Андрея Сомова", "Андрей Сомов"),  # a surname the dictionary lacks: by its ending
    ("ru", "Олега Викторовича Ветрова", "Олег Викторович Ветров"),  # patronymic
    ("ru", "Ветрова Олега Викторовича", "Ветров Олег Викторович"),  # court order: surname first
    ("ru", "Анну Петрову", "Анна Петрова"),
    ("ru", "Марии Смирновой", "Мария Смирнова"),
    ("ru", "Мартину Каску", "Мартин Каск"),  # a foreign surname declined like a noun
    ("ru", "Сергея К.", "Сергей К."),  # the privacy form
    ("ru", "Игорь Лысенко", "Игорь Лысенко"),  # already nominative
    ("uk", "Романа Ткачука", "Роман Ткачук"),  # "Романа" is also a woman's name: the surname decides
    ("uk", "Денису Кравцю", "Денис Кравець"),
    ("uk", "Віктору Гаврилюку", "Віктор Гаврилюк"),
    ("uk", "Оксану Мельник", "Оксана Мельник"),  # a woman's surname in a consonant does not decline
    ("uk", "Дениса Лисенка", "Денис Лисенко"),
]


@pytest.mark.parametrize(("lang", "printed", "want"), NOMINATIVE)
def test_names_are_given_in_the_nominative(lang: str, printed: str, want: str) -> None:
    assert nominative(printed, lang) == want


def test_an_unsure_name_keeps_its_printed_form() -> None:
    assert nominative("Саши Петровых", "ru") == "Саши Петровых"  # a surname that reads as a family's


def _hit(text: str) -> Hit:
    return Hit(0, len(text), text, text, "person.full_name", "PERSON")


@pytest.mark.parametrize(("run", "want"), [
    ("Андрея Сомова", ["Андрей Сомов"]),
    ("Житель Владивостока Сергей", ["Сергей"]),  # a noun and a place before the name are dropped
    ("Посла Польши", []),  # no name at all
    ("Смоленскую Площадь", []),
])
def test_runs_keep_their_name_words(run: str, want: list[str]) -> None:
    assert [h.text for h in name_persons([_hit(run)], "ru")] == want


def test_a_trimmed_name_keeps_its_offsets() -> None:
    hit = name_persons([_hit("Житель Владивостока Сергей")], "ru")[0]
    assert (hit.start, hit.end) == (20, 26)
