"""Reported statistics as series: one point per series and year, with every article reporting it."""

from __future__ import annotations

from pathlib import Path

import pytest

from spyglass.records import Stat
from spyglass.settings import load_settings
from spyglass.store import Store, open_store
from spyglass.store._series import StoredStat, series_of

from .conftest import analysis, article, evidence

TW = "people prosecuted for spying for China"


def stat(article_id: str, year: int, value: int, measure: str | None = TW, country: str | None = "TW") -> Stat:
    subject = f"Taiwan: {measure}" if measure else "espionage prosecutions"
    return Stat(subject=subject, year=year, value=value, evidence=evidence(article_id, f"{value} in {year}."),
                country=country, measure=measure)


def save(store: Store, article_id: str, *stats: Stat, published: str = "2025-01-10") -> None:
    store.save_analysis(analysis(article(article_id, f"text of {article_id}", published=published), stats=stats))


def test_two_articles_give_one_point_with_two_sources(store: Store) -> None:
    save(store, "a1", stat("a1", 2024, 64), stat("a1", 2023, 48))
    save(store, "a2", stat("a2", 2024, 64))
    (series,) = store.stat_series()
    assert (series.country, series.measure, series.subject) == ("TW", TW, f"Taiwan: {TW}")
    assert [(p.year, p.value, p.sources) for p in series.points] == [(2023, 48, ["a1"]), (2024, 64, ["a1", "a2"])]
    assert series.sources == ["a1", "a2"]
    assert [e.sentence for e in series.points[1].evidence] == ["64 in 2024.", "64 in 2024."]


def test_series_are_apart_by_country_and_measure(store: Store) -> None:
    save(store, "a1", stat("a1", 2024, 64), stat("a1", 2024, 28, measure=f"{TW}: serving soldiers"),
         stat("a1", 2024, 40, country="KR"))
    assert sorted((s.country, s.measure) for s in store.stat_series()) == [
        ("KR", TW), ("TW", TW), ("TW", f"{TW}: serving soldiers")]


def test_disagreeing_articles_keep_the_majority_and_the_conflict(store: Store) -> None:
    save(store, "a1", stat("a1", 2024, 64), published="2025-01-10")
    save(store, "a2", stat("a2", 2024, 64), published="2025-01-12")
    save(store, "a3", stat("a3", 2024, 62), published="2025-02-01")
    (point,) = store.stat_series()[0].points
    assert (point.value, point.sources) == (64, ["a1", "a2"])
    assert [(c.article_id, c.value) for c in point.conflicts] == [("a3", 62)]


def test_a_tie_goes_to_the_latest_report() -> None:
    rows = [StoredStat(stat("a1", 2024, 62), "a1", "2025-01-10"), StoredStat(stat("a2", 2024, 64), "a2", "2025-03-01")]
    (series,) = series_of(rows)
    assert [(p.value, p.sources, [c.value for c in p.conflicts]) for p in series.points] == [(64, ["a2"], [62])]


def test_duplicate_articles_add_no_source(store: Store) -> None:
    save(store, "a1", stat("a1", 2024, 64))
    store.save_analysis(analysis(article("a2", "text of a1"), stats=(stat("a2", 2024, 64),)), duplicate_of="a1")
    assert [p.sources for p in store.stat_series()[0].points] == [["a1"]]


def test_stats_stored_without_a_measure_form_series_by_subject(store: Store) -> None:
    save(store, "a1", stat("a1", 2024, 64, measure=None, country=None))
    save(store, "a2", stat("a2", 2024, 64, measure=None, country=None))
    (series,) = store.stat_series()
    assert (series.country, series.measure, series.points[0].sources) == (None, "espionage prosecutions", ["a1", "a2"])


def test_stats_round_trip_country_and_measure(store: Store) -> None:
    saved = stat("a1", 2024, 64)
    save(store, "a1", saved)
    assert store.stats() == [saved]
    assert store.article("a1").stats == (saved,)


# --- end to end: two articles of our own, ingested into a SQLite file --------------------------

REPORTS = {
    "wire.txt": ("Taiwan says Chinese spy prosecutions hit a record\n\n"
                 "TAIPEI - Taiwan prosecuted 64 people for spying for China last year, up from 48 in 2023, "
                 "according to figures the National Security Bureau published on Sunday. Most were serving or "
                 "retired military personnel, the bureau said.\n"),
    "paper.txt": ("Record number charged with spying for Beijing, security bureau reports\n\n"
                  "A report by Taiwan's National Security Bureau shows that 64 people were indicted for "
                  "espionage on behalf of China in 2024, the highest yearly number on record. Analysts in Taipei "
                  "linked the rise to Beijing's growing pressure on the island's armed forces.\n"),
}


@pytest.mark.slow
def test_ingest_two_reports_of_one_series(tmp_path: Path) -> None:
    from spyglass.pipeline import ingest

    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "stats.db"
    store = open_store(str(db))
    try:
        ingest([str(tmp_path / name) for name in REPORTS], store, load_settings(db=str(db)))
        series = {(s.country, s.measure): s for s in store.stat_series()}
    finally:
        store.close()
    taiwan = series[("TW", "people prosecuted for spying for China")]
    assert [(p.year, p.value, len(p.sources)) for p in taiwan.points] == [(2023, 48, 1), (2024, 64, 2)]
    assert len(series) == 1


def test_stats_stored_before_series_are_read_after_the_upgrade(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from spyglass.store import _engine

    real = _engine.migrations
    monkeypatch.setattr(_engine, "migrations", lambda backend: real(backend)[:5])
    old = open_store(store_url)
    save_old = ("INSERT INTO articles (id, source, item, kind, categories, tags, text, partial, fingerprint, stored_at) "
                "VALUES (?, 's', 0, 'page', '[]', '[]', 'x', 0, '', 'now')")
    for article_id in ("a1", "a2"):
        old._exec(save_old, (article_id,))  # type: ignore[attr-defined]
        old._exec("INSERT INTO stats (article_id, pos, subject, year, value, evidence) "  # type: ignore[attr-defined]
                  "VALUES (?, 0, 'people prosecuted in Taiwan', 2024, 64, NULL)", (article_id,))
    old.close()
    monkeypatch.setattr(_engine, "migrations", real)
    upgraded = open_store(store_url)
    try:
        (series,) = upgraded.stat_series()
        assert (series.country, series.measure, series.points[0].sources) == (None, "people prosecuted in Taiwan",
                                                                              ["a1", "a2"])
    finally:
        upgraded.close()
