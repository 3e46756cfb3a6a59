"""Ingest (link -> store half and the whole chain) and curation, against a real SQLite store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from spyglass.errors import InputError, NotFoundError
from spyglass.extract.fingerprint import fingerprint_of
from spyglass.pipeline import edit_case, ingest, ingest_analyses, merge_cases, split_case, unmerge_case
from spyglass.records import Analysis, Article, Evidence, Mention, Rejected, Relevance
from spyglass.settings import load_settings
from spyglass.store import CaseQuery, Store, open_store

FEED_TEXT = (
    "A former CIA case officer, Kevin Mallory of Leesburg, Virginia, was arrested and charged on "
    "Thursday with passing secret documents to a Chinese intelligence officer he met in Shanghai."
)
PAGE_TEXT = (
    "Mallory, who once worked for the CIA and the Defense Intelligence Agency, was sentenced on "
    "Friday to twenty years in federal prison for conspiring to spy for Beijing, prosecutors said."
)
HANSEN_TEXT = "Ron Hansen, a former DIA officer, was sentenced to ten years for trying to sell secrets to China."


def _evidence(article_id: str, text: str) -> Evidence:
    return Evidence(article_id=article_id, sentence=text, start=0, end=len(text), rule="test", confidence=0.9)


def _analysis(article_id: str, text: str, published: str, *facts: dict, espionage: bool = True) -> Analysis:
    article = Article(id=article_id, source=f"{article_id}.html", item=0, kind="page", title=text[:40],
                      published=published, text=text, fingerprint=fingerprint_of(text))
    mentions = tuple(
        Mention(article_id=article_id, index=i, published=published, summary=text,
                evidence={name: _evidence(article_id, text) for name in f}, **f)
        for i, f in enumerate(facts)
    )
    return Analysis(article=article, relevance=Relevance(is_espionage=espionage, score=0.9), mentions=mentions)


FEED = _analysis("feed-1", FEED_TEXT, "2017-06-22",
                 dict(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US", stage="charged"))
PAGE = _analysis("page-1", PAGE_TEXT, "2019-05-17",
                 dict(accused_names=("Mallory",), sponsor_country="CN", target_country="US", stage="sentenced",
                      sentence_months=(240, 240)))
HANSEN = _analysis("page-2", HANSEN_TEXT, "2019-09-24",
                   dict(accused_names=("Ron Hansen",), sponsor_country="CN", target_country="US", stage="sentenced",
                        sentence_months=(120, 120)))
COPY = _analysis("copy-1", "Updated: " + PAGE_TEXT, "2019-05-18",
                 dict(accused_names=("Mallory",), target_country="US", stage="sentenced"))
UPDATED_TEXT = FEED_TEXT + " Update: Mallory was later sentenced to twenty years in prison."
# an updated version of FEED (a near-duplicate) reporting the next step of the proceeding
UPDATE = _analysis("feed-1-update", UPDATED_TEXT, "2019-05-17",
                   dict(accused_names=("Kevin Mallory",), sponsor_country="CN", target_country="US",
                        stage="sentenced", sentence_months=(240, 240)))
# a syndicated copy of FEED that reports nothing the case lacks
SYNDICATED = _analysis("feed-1-copy", "Wire: " + FEED_TEXT, "2017-06-23",
                       dict(accused_names=("Mallory",), sponsor_country="CN", target_country="US", stage="charged"))
OFF_TOPIC = _analysis("sport-1", "A drone flew over a football training session.", "2024-07-25", espionage=False)
BROKEN = Rejected(source="broken.bin", code="binary", reason="not text")
ALL: list[Analysis | Rejected] = [FEED, PAGE, HANSEN, COPY, OFF_TOPIC, BROKEN]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(str(tmp_path / "cases.db"))
    yield opened
    opened.close()


@pytest.fixture
def pg_store(pg_url: str) -> Iterator[Store]:
    """A PostgreSQL store in a schema of its own, dropped afterwards."""
    import psycopg

    schema = "spyglass_p_" + uuid.uuid4().hex[:12]
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}")
    joiner = "&" if "?" in pg_url else "?"
    opened = open_store(f"{pg_url}{joiner}options=-csearch_path%3D{schema}")
    try:
        yield opened
    finally:
        opened.close()
        with psycopg.connect(pg_url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE")


@pytest.mark.postgres
def test_ingest_is_idempotent_and_links_on_postgresql(pg_store: Store) -> None:
    ingest_analyses(ALL, pg_store)
    before = (_dump(pg_store), pg_store.counts())
    assert pg_store.counts()["cases"] == 2
    [mallory] = [c for c in pg_store.iter_cases(CaseQuery()) if "Mallory" in c.title]
    assert [e.stage for e in mallory.timeline] == ["charged", "sentenced"]
    assert ingest_analyses(ALL, pg_store).stored == 0
    assert (_dump(pg_store), pg_store.counts()) == before


def _dump(store: Store) -> list[str]:
    return sorted(case.model_dump_json() for case in store.iter_cases(CaseQuery()))


def test_two_reports_of_one_case_become_one_case_with_a_two_step_timeline(store: Store) -> None:
    summary = ingest_analyses([FEED, PAGE], store)
    assert (len(summary.new_cases), len(summary.updated_cases)) == (1, 0)  # created and grown in one run
    [case] = store.iter_cases(CaseQuery())
    assert [(e.stage, e.date) for e in case.timeline] == [("charged", "2017-06-22"), ("sentenced", "2019-05-17")]
    assert case.title == "Kevin Mallory — CN → US, sentenced"
    assert [s.article_id for s in case.sources] == ["feed-1", "page-1"]


def test_summary_counts_everything_once(store: Store) -> None:
    summary = ingest_analyses(ALL, store, batch_size=2)
    assert (summary.documents, summary.articles, summary.stored) == (6, 5, 5)
    assert (summary.duplicates, summary.relevant, summary.mentions) == (1, 3, 3)
    assert dict(summary.rejected) == {"binary": 1}
    assert (len(summary.new_cases), len(summary.updated_cases)) == (2, 0)
    assert store.counts()["cases"] == 2 and store.counts()["duplicates"] == 1


def test_an_updated_version_of_a_story_adds_its_new_stage_but_counts_once(store: Store) -> None:
    summary = ingest_analyses([FEED, UPDATE], store)
    assert (summary.stored, summary.duplicates, summary.relevant, summary.mentions) == (2, 1, 1, 2)
    [case] = store.iter_cases(CaseQuery())
    assert [(e.stage, e.date) for e in case.timeline] == [("charged", "2017-06-22"), ("sentenced", "2019-05-17")]
    assert (case.stage, case.sentence_months, case.title) == ("sentenced", (240, 240), "Kevin Mallory — CN → US, sentenced")
    assert store.counts()["duplicates"] == 1 and store.counts()["cases"] == 1
    assert [h.id for h in store.search("Leesburg", kind="article")] == ["feed-1"]  # the copy stays out of search


@pytest.mark.parametrize("copies", [[SYNDICATED], [COPY], [SYNDICATED, COPY]])
def test_copies_that_add_nothing_change_nothing(tmp_path: Path, copies: list[Analysis]) -> None:
    dumps = []
    for name, found in (("plain", [FEED, PAGE]), ("copied", [FEED, PAGE, *copies])):
        with_store = open_store(str(tmp_path / f"{name}.db"))
        summary = ingest_analyses(found, with_store)
        assert (summary.duplicates, summary.mentions) == (len(found) - 2, 2)
        dumps.append(_dump(with_store))
        with_store.close()
    assert dumps[0] == dumps[1]


def test_reingesting_an_update_changes_nothing(store: Store) -> None:
    ingest_analyses([FEED, UPDATE, SYNDICATED], store)
    before = (_dump(store), store.counts(), len(store.audit()))
    again = ingest_analyses([FEED, UPDATE, SYNDICATED], store)
    assert (again.stored, again.mentions, len(again.updated_cases)) == (0, 0, 0)
    assert (_dump(store), store.counts(), len(store.audit())) == before


def test_ingesting_twice_changes_nothing(store: Store) -> None:
    ingest_analyses(ALL, store)
    before = (_dump(store), store.counts())
    again = ingest_analyses(ALL, store)
    assert (again.stored, again.skipped, len(again.new_cases), len(again.updated_cases)) == (0, 5, 0, 0)
    assert (_dump(store), store.counts()) == before


def test_ingest_order_does_not_change_the_cases(tmp_path: Path) -> None:
    dumps = []
    for name, order in (("a", [FEED, PAGE, HANSEN]), ("b", [HANSEN, PAGE, FEED])):
        with_store = open_store(str(tmp_path / f"{name}.db"))
        ingest_analyses(order, with_store)
        dumps.append({(c.title, c.mentions) for c in with_store.iter_cases(CaseQuery())})
        with_store.close()
    assert dumps[0] == dumps[1]


def test_corrections_survive_reingest_and_are_audited(store: Store) -> None:
    ingest_analyses([FEED], store)
    [case] = store.iter_cases(CaseQuery())
    edit_case(store, case.id, ["stage=convicted"], "the plea was reported elsewhere", "ana")
    ingest_analyses([FEED, PAGE], store)  # PAGE joins the case; the machine stage becomes sentenced
    assert store.machine_case(case.id).stage == "sentenced"
    assert store.case(case.id).stage == "convicted"
    assert [(c.field, c.value, c.who) for c in store.corrections(case.id)] == [("stage", "convicted", "ana")]
    assert any(e.action == "edit" and e.why == "the plea was reported elsewhere" for e in store.audit(case.id))


def test_an_edited_stage_shows_in_the_title_until_the_title_itself_is_edited(store: Store) -> None:
    ingest_analyses([FEED, PAGE], store)
    [case] = store.iter_cases(CaseQuery())
    edited = edit_case(store, case.id, ["stage=convicted"], "the sentence was overturned", "ana")
    assert (edited.stage, edited.title) == ("convicted", "Kevin Mallory — CN → US, convicted")
    ingest_analyses([HANSEN], store)  # later ingests keep the corrected title
    assert store.case(case.id).title == "Kevin Mallory — CN → US, convicted"
    assert store.machine_case(case.id).title == "Kevin Mallory — CN → US, sentenced"
    named = edit_case(store, case.id, ["title=The Leesburg case"], "house style", "ana")
    assert edit_case(store, case.id, ["stage=charged"], "retrial", "ana").title == named.title == "The Leesburg case"


@pytest.mark.parametrize(
    ("assignment", "why", "error"),
    [
        ("colour=red", "x", "unknown case field 'colour'"),
        ("stage=jailed", "x", "invalid value 'jailed' for stage"),
        ("stage", "x", "is not FIELD=VALUE"),
        ("stage=convicted", "  ", "a curation needs a reason"),
    ],
)
def test_edit_rejects_bad_input_in_one_line(store: Store, assignment: str, why: str, error: str) -> None:
    ingest_analyses([FEED], store)
    [case] = store.iter_cases(CaseQuery())
    with pytest.raises(InputError, match=error):
        edit_case(store, case.id, [assignment], why, "ana")
    assert store.corrections(case.id) == []


def test_unknown_case_is_not_found(store: Store) -> None:
    with pytest.raises(NotFoundError):
        edit_case(store, "c-000000000000", ["stage=convicted"], "why", "ana")


def test_merge_then_undo_restores_both_cases(store: Store) -> None:
    ingest_analyses([FEED, PAGE, HANSEN], store)
    before = _dump(store)
    mallory, hansen = sorted(store.iter_cases(CaseQuery()), key=lambda c: c.first_reported or "")
    joined = merge_cases(store, hansen.id, mallory.id, "same ring", "ana")
    assert joined.id == mallory.id and len(joined.mentions) == 3 and store.counts()["cases"] == 1
    assert [r.kind for r in store.link_rules()] == ["must"]
    unmerge_case(store, mallory.id, hansen.id, "not the same ring after all", "ana")
    assert _dump(store) == before
    assert [r.kind for r in store.link_rules()] == ["cannot"]
    actions = [e.action for e in store.audit()]
    assert "merge" in actions or "must" in " ".join(e.detail for e in store.audit())


def test_a_merge_carries_the_absorbed_cases_confirmations_where_the_joined_case_shows_their_value(store: Store) -> None:
    ingest_analyses([FEED, PAGE, HANSEN], store)
    mallory, hansen = sorted(store.iter_cases(CaseQuery()), key=lambda c: c.first_reported or "")
    store.confirm(hansen.id, "target_country", "ana", "checked")
    joined = merge_cases(store, hansen.id, mallory.id, "same ring", "ana")
    assert [(c.field, c.who) for c in store.confirmations(joined.id)] == [("target_country", "ana")]
    assert joined.target_country == hansen.target_country == "US"
    assert store.confirmed_fields([joined.id]) == {joined.id: ("target_country",)}


def test_split_mention_stays_out_on_later_ingest(store: Store) -> None:
    ingest_analyses([FEED, PAGE], store)
    [case] = store.iter_cases(CaseQuery())
    kept, new = split_case(store, case.id, ["page-1:0"], "another Mallory", "ana")
    assert kept.id == case.id and new.mentions == (("page-1", 0),)
    later = _analysis("page-9", "Kevin Mallory appealed his sentence in 2020.", "2020-02-01",
                      dict(accused_names=("Kevin Mallory",), target_country="US", stage="sentenced",
                           sentence_months=(240, 240)))
    ingest_analyses([later], store)
    assert ("page-1", 0) not in store.case(case.id).mentions


def test_split_of_an_unknown_mention_names_the_known_ones(store: Store) -> None:
    ingest_analyses([FEED, PAGE], store)
    [case] = store.iter_cases(CaseQuery())
    with pytest.raises(InputError, match="its mentions are feed-1:0, page-1:0"):
        split_case(store, case.id, ["nope:3"], "why", "ana")


def test_the_bundled_mallory_reports_become_one_case(store: Store) -> None:
    """The whole chain over our own sample texts: RSS item (2017 arrest) + HTML page (2019 sentence)."""
    from spyglass.samples import sample_paths

    paths = [str(p) for p in sample_paths() if "mallory" in p.name or p.name.startswith("ci-wire")]
    ingest(paths, store, load_settings())
    found = [c for c in store.iter_cases(CaseQuery()) if any("Mallory" in n for n in c.accused_names)]
    assert len(found) == 1, [c.title for c in found]
    stages = [e.stage for e in found[0].timeline]
    assert len(stages) == 2 and stages[-1] == "sentenced" and stages[0] in ("arrested", "charged")
    assert len({s.article_id for s in found[0].sources}) == 2
