"""The store contract, part 2: corrections, audit, link rules, watchlists and tokens."""

from __future__ import annotations

import pytest

from spyglass.errors import InputError, NotFoundError
from spyglass.records import Case, Correction, case_title
from spyglass.store import CaseQuery, LinkRule, Store, Watch

from .conftest import case

AT = "2026-01-02T03:04:05.000000+00:00"


def correction(field: str, value: object, case_id: str = "c1", at: str = AT) -> Correction:
    return Correction(case_id=case_id, field=field, value=value, why="court record says so", who="ana", at=at)


def test_corrections_win_over_resaved_machine_values(store: Store) -> None:
    machine = case("c1", stage="arrested", sponsor_country="CN")
    store.save_case(machine, [])
    store.add_correction(correction("stage", "convicted"))
    store.add_correction(correction("sponsor_country", "RU"))
    store.add_correction(correction("stage", "sentenced", at="2026-01-03T00:00:00.000000+00:00"))
    for _ in range(2):  # a re-run of linking saves machine values again
        store.save_case(case("c1", stage="charged", sponsor_country="CN", title="New title"), [])
    shown = store.case("c1")
    assert (shown.stage, shown.sponsor_country, shown.title) == ("sentenced", "RU", "New title")
    assert store.machine_case("c1").stage == "charged"
    assert [c.field for c in store.corrections("c1")] == ["stage", "sponsor_country", "stage"]
    # filters, facets, streams and search see corrected values
    assert [c.id for c in store.cases(CaseQuery(sponsor=("RU",))).items] == ["c1"]
    assert store.cases(CaseQuery()).facets["stage"] == {"sentenced": 1}
    assert [c.stage for c in store.iter_cases(CaseQuery())] == ["sentenced"]


def _titled(case_id: str = "c1", **fields: object) -> Case:
    """A case whose title linking composed from its facts (``records.case_title``)."""
    plain = case(case_id, **fields)
    return plain.model_copy(update={"title": case_title(plain)})


@pytest.mark.parametrize(("corrections", "title"), [
    ([("stage", "convicted")], "Chen Wei — CN → TW, convicted"),
    ([("sponsor_country", "RU"), ("accused_names", ["Chen Wei", "Lin Hao"])], "Chen Wei, Lin Hao — RU → TW, arrested"),
    ([("stage", None)], "Chen Wei — CN → TW"),
    ([("title", "The Taipei harbour ring")], "The Taipei harbour ring"),
    ([("title", "The Taipei harbour ring"), ("stage", "sentenced")], "The Taipei harbour ring"),
    ([("stage", "sentenced"), ("title", "The Taipei harbour ring")], "The Taipei harbour ring"),
])
def test_a_composed_title_follows_corrected_facts_unless_the_title_is_corrected(
    store: Store, corrections: list[tuple[str, object]], title: str
) -> None:
    store.save_case(_titled(), [])
    assert store.case("c1").title == "Chen Wei — CN → TW, arrested"
    for field, value in corrections:
        store.add_correction(correction(field, value))
    assert store.case("c1").title == title
    assert [c.title for c in store.iter_cases(CaseQuery())] == [title]
    assert store.cases(CaseQuery()).items[0].title == title
    store.save_case(_titled(stage="charged"), [])  # a re-link: the title follows machine and corrected facts
    shown = store.case("c1")
    corrected_title = any(field == "title" for field, _ in corrections)
    assert shown.title == (title if corrected_title else case_title(shown))
    assert store.machine_case("c1").title == "Chen Wei — CN → TW, charged"


def test_search_sees_the_title_of_corrected_facts(store: Store) -> None:
    store.save_case(_titled(stage="sentenced", evidence={}), [])
    assert store.search("convicted", kind="case") == []
    store.add_correction(correction("stage", "convicted"))
    [hit] = store.search("convicted", kind="case")
    assert (hit.id, hit.title) == ("c1", "Chen Wei — CN → TW, convicted")
    assert [c.id for c in store.cases(CaseQuery(text="convicted")).items] == ["c1"]


def test_a_title_not_composed_from_the_facts_is_kept(store: Store) -> None:
    store.save_case(case("c1", title="Imported: harbour ring"), [])
    store.add_correction(correction("stage", "convicted"))
    assert store.case("c1").title == "Imported: harbour ring"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("nonsense", 1, "cannot correct field 'nonsense'"),
    ("stage", "imprisoned", "invalid value 'imprisoned' for stage"),
    ("accused_count", "many", "invalid value 'many' for accused_count"),
    ("id", "c9", "cannot correct field 'id'"),
    # right types, values no page could show: refused before anything is stored
    ("payments", [{"amount": float("nan"), "currency": "USD"}], "invalid value .* for payments"),
    ("payments", [{"amount": "NaN", "currency": "USD"}], "invalid value .* for payments"),
    ("payments", [{"amount": float("inf"), "currency": "USD"}], "invalid value .* for payments"),
    ("payments", [{"amount": -5, "currency": "USD"}], "amount -5.0 is not a number between 0"),
    ("payments", [{"amount": 5, "currency": "dollars"}], "'dollars' is not an ISO 4217 code"),
    ("sponsor_country", "QQ", "'QQ' is not an ISO 3166-1 alpha-2 country code"),
    ("accused_nationality", ["CN", "ZZ"], "'ZZ' is not an ISO 3166-1"),
    ("period", [2020, 2015], "starts in 2020, after it ends"),
    ("period", [15, None], "15 is not a year between 1800 and 2100"),
    ("sentence_months", [-12, 24], "-12 months is not between 0"),
    ("sentence_months", [96, 72], "the lower end 96 is above the upper end 72"),
    ("accused_count", 0, "0 is not a count between 1"),
    ("accused_count", 10**9, "is not a count between 1"),
    ("accused_names", ["Ana", "  "], "'  ' must not be empty"),
    ("title", " ", "must not be empty"),
])
def test_invalid_corrections_are_refused(store: Store, field: str, value: object, message: str) -> None:
    store.save_case(case("c1"), [])
    with pytest.raises(InputError, match=message):
        store.add_correction(correction(field, value))
    assert store.corrections("c1") == []
    assert store.case("c1") == store.machine_case("c1")  # still readable, unchanged
    assert [e.action for e in store.audit("c1")] == ["ingest"]


def test_correcting_an_unknown_case_fails(store: Store) -> None:
    with pytest.raises(NotFoundError, match="no case 'c9'"):
        store.add_correction(correction("stage", "charged", case_id="c9"))


def test_audit_records_ingest_edits_merges_and_splits(store: Store) -> None:
    store.save_case(case("c1"), [])
    store.save_case(case("c1"), [])  # unchanged: no entry
    store.save_case(case("c1", stage="charged"), [])
    store.add_correction(correction("stage", "convicted"))
    store.add_link_rule(LinkRule(id="r1", kind="must", a="c1", b="c2", who="ana", why="same person", at=AT))
    store.add_link_rule(LinkRule(id="r2", kind="cannot", a="a9:0", b="c1", who="bo", why="other case", at=AT))
    store.remove_link_rule("r1", who="ana", why="mistake")
    store.delete_case("c1", why="merged")
    entries = store.audit("c1")
    assert [(e.action, e.who) for e in entries] == [
        ("ingest", "spyglass"), ("ingest", "spyglass"), ("edit", "ana"), ("merge", "ana"), ("split", "bo"),
        ("unlink", "ana"), ("ingest", "spyglass"),
    ]
    assert entries[1].detail.startswith("case updated: ") and "stage" in entries[1].detail
    assert (entries[2].detail, entries[2].why, entries[2].at) == ('stage = "convicted"', "court record says so", AT)
    assert [e.action for e in store.audit(limit=2)] == ["unlink", "ingest"]
    assert store.audit("nobody") == []


def test_corrections_survive_deletion_and_recreation(store: Store) -> None:
    store.save_case(case("c1"), [])
    store.add_correction(correction("stage", "expelled"))
    store.delete_case("c1")
    store.save_case(case("c1"), [])
    assert store.case("c1").stage == "expelled"


def test_link_rules(store: Store) -> None:
    must = LinkRule(id="r1", kind="must", a="c1", b="c2", who="ana", why="same", at=AT)
    cannot = LinkRule(id="r2", kind="cannot", a="a1:0", b="c1", who="ana", why="other", at=AT)
    store.add_link_rule(must)
    store.add_link_rule(cannot)
    store.add_link_rule(must)  # idempotent
    assert store.link_rules() == [must, cannot]
    store.remove_link_rule("r1")
    assert store.link_rules() == [cannot]
    with pytest.raises(NotFoundError):
        store.remove_link_rule("r1")


def test_watch_reports_new_cases_and_stage_changes_once(store: Store) -> None:
    store.save_watch(Watch(name="cn-tw", query=CaseQuery(sponsor=("CN",), target=("TW",))))
    store.save_case(case("c1"), [])
    store.save_case(case("c2", sponsor_country="RU"), [])
    assert [(ch.case.id, ch.change) for ch in store.check_watch("cn-tw")] == [("c1", "new")]
    assert store.check_watch("cn-tw") == []
    store.save_case(case("c1"), [])  # unchanged: nothing to report
    store.save_case(case("c1", stage="charged"), [])
    store.add_correction(correction("stage", "sentenced"))
    changes = store.check_watch("cn-tw")
    assert [(ch.case.id, ch.change, ch.case.stage) for ch in changes] == [
        ("c1", "stage", "sentenced"), ("c1", "stage", "sentenced"),
    ]
    assert store.watch("cn-tw").last_checked is not None
    everything = store.changes_since(CaseQuery(), None)
    assert [(ch.case.id, ch.change) for ch in everything] == [
        ("c1", "new"), ("c2", "new"), ("c1", "stage"), ("c1", "stage"),
    ]
    assert store.changes_since(CaseQuery(), everything[1].at) == everything[2:]
    assert store.changes_since(CaseQuery(), "2999-01-01") == []
    assert [ch.case.id for ch in store.recent_changes(limit=2)] == ["c1", "c1"]


def test_watchlists_are_listed_and_removed(store: Store) -> None:
    first = Watch(name="a", query=CaseQuery(stage=("sentenced",)))
    second = Watch(name="b", query=CaseQuery(text="navy"), last_checked=AT)
    store.save_watch(second)
    store.save_watch(first)
    assert store.watches() == [first, second] and store.watch("b") == second
    store.remove_watch("a")
    assert store.watches() == [second]
    with pytest.raises(NotFoundError, match="no watchlist named 'a'"):
        store.remove_watch("a")


def test_tokens_are_stored_hashed_and_checked(store: Store) -> None:
    secret = store.create_token("laptop")
    other = store.create_token("ci")
    assert secret != other and store.check_token(secret) and store.check_token(other)
    assert not store.check_token(secret + "x") and not store.check_token("")
    assert [t.name for t in store.tokens()] == ["ci", "laptop"]
    rotated = store.create_token("laptop")
    assert store.check_token(rotated) and not store.check_token(secret)
    store.revoke_token("ci")
    assert not store.check_token(other)
    with pytest.raises(NotFoundError):
        store.revoke_token("ci")


@pytest.mark.parametrize("name", ["", "   ", "a\nb", "x" * 101])
def test_a_token_needs_a_name(store: Store, name: str) -> None:
    with pytest.raises(InputError, match="token name"):
        store.create_token(name)
    assert store.tokens() == []


def test_secrets_never_reach_the_database(store_url: str) -> None:
    from spyglass.store import open_store

    store = open_store(store_url)
    secret = store.create_token("t")
    dump = repr(store._rows("SELECT * FROM tokens"))  # type: ignore[attr-defined]
    store.close()
    assert secret not in dump and secret[4:] not in dump
