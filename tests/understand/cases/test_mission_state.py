"""Expelled diplomats spy for the state of their mission, whether the text names the state before
the mission ("the Polish embassy", "польского посольства") or after it ("the embassy of Poland",
"посольства Польши", "ambasady Rosji", "посольства Угорщини")."""

from __future__ import annotations

import pytest

from spyglass.records import Article
from spyglass.understand.cases import mentions_in

EXPULSIONS = [
    ("en", "Oslo expels diplomat", "Norway declared a staff member of the embassy of Iran persona non grata on Friday.", "IR", "NO"),
    ("ru", "Москва выслала дипломата", "МИД России объявил персоной нон грата сотрудника посольства Эстонии в Москве.", "EE", "RU"),
    ("uk", "Київ вислав дипломата", "МЗС України оголосило персоною нон грата співробітника посольства Угорщини в Києві.", "HU", "UA"),
    ("pl", "Warszawa wydala dyplomatę", "Minister spraw zagranicznych uznał za persona non grata pracownika ambasady Rosji w Warszawie.", "RU", "PL"),
]


@pytest.mark.parametrize(("lang", "title", "body", "sponsor", "target"), EXPULSIONS)
def test_expelled_diplomats_spy_for_their_mission_state(lang: str, title: str, body: str, sponsor: str, target: str) -> None:
    article = Article(id="x", source="t", item=0, kind="page", title=title, language=lang, text=body)
    mentions, _entities = mentions_in(article, lang, None)
    assert mentions and mentions[0].stage == "expelled"
    assert (mentions[0].sponsor_country, mentions[0].target_country) == (sponsor, target)
