"""One case reported in two languages and scripts becomes one case: names are kept as printed
and linked by their Latin form, the timeline holds both reports' steps. The texts are ours
(an invented engineer), written as a Russian agency item and an English wire story."""

from __future__ import annotations

from pathlib import Path

from spyglass.pipeline import ingest
from spyglass.settings import load_settings
from spyglass.store import CaseQuery, open_store

RUSSIAN = """В Калининграде задержан инженер по подозрению в шпионаже в пользу Польши

Сотрудники ФСБ задержали в Калининграде инженера судостроительного завода Игоря Власова, 46 лет. \
По данным ведомства, с 2022 года он передавал польской разведке сведения о кораблях Балтийского флота. \
Возбуждено уголовное дело о государственной измене.
"""

ENGLISH = """Russian shipyard engineer sentenced to 14 years for spying for Poland

A court in Kaliningrad has sentenced Igor Vlasov, a 47-year-old shipyard engineer, to 14 years in a \
high-security penal colony for passing information about Baltic Fleet warships to Polish intelligence, \
Russian media reported on Tuesday. Vlasov was arrested by the FSB last year.
"""


def test_a_case_reported_in_russian_and_in_english_is_one_case(tmp_path: Path) -> None:
    (tmp_path / "ru.txt").write_text(RUSSIAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    store = open_store(str(tmp_path / "cases.db"))
    try:
        ingest([str(tmp_path / "ru.txt"), str(tmp_path / "en.txt")], store, load_settings())
        page = store.cases(CaseQuery())
        assert page.total == 1, [c.title for c in page.items]
        case = store.case(page.items[0].id)
    finally:
        store.close()
    assert (case.sponsor_country, case.target_country, case.stage) == ("PL", "RU", "sentenced")
    assert {event.stage for event in case.timeline} >= {"arrested", "sentenced"}
    assert len(case.sources) == 2
    assert any(name in ("Игорь Власов", "Igor Vlasov") for name in case.accused_names)
