"""The one interface every storage backend implements (SQLite default, PostgreSQL).

Only ``store/`` contains SQL. Other stages hand records in and get records out; ``serve`` and
``export`` read through these methods. Backends must pass ``tests/store/test_contract.py``.

Conventions every backend keeps:
- Times are ISO 8601 UTC strings with microseconds (``2026-11-29T02:39:10.123456+00:00``).
- Machine output (articles, analyses, mentions, cases from ``save_case``) is kept apart from
  curation (corrections, link rules); ``case``/``cases``/``iter_cases``/``search`` show machine
  values with corrections applied, ``machine_case``/``candidate_cases`` show machine values.
- Every write is atomic; ``with store.transaction():`` groups a batch (nested blocks are
  savepoints), so a killed ingest rerun ends in the same database as one clean run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from spyglass.records import Analysis, Article, Case, Correction, Evidence, Mention, Rejected, Stat

__all__ = [
    "CaseQuery", "CasePage", "SearchHit", "AuditEntry", "Watch", "CaseChange", "LinkRule", "Token",
    "CountRow", "PairCount", "StatReport", "StatPoint", "StatSeries", "FacetField", "SortKey", "FACET_FIELDS", "Store",
    "FinishedFile", "Forgetting", "Rebuild", "Confirmation", "ReviewReason", "ReviewItem", "ReviewQuery", "ReviewPage",
]

SortKey = Literal["last_reported", "-last_reported", "first_reported", "-first_reported", "stage", "sponsor", "target"]
FacetField = Literal["sponsor", "target", "service", "stage", "year"]
FACET_FIELDS: tuple[FacetField, ...] = ("sponsor", "target", "service", "stage", "year")


class CaseQuery(BaseModel):
    """Filters shared by `spyglass cases`, `spyglass export`, watchlists, the API and the pages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sponsor: tuple[str, ...] = ()  # alpha-2 codes
    target: tuple[str, ...] = ()
    service: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    year: int | None = None  # a year the case was reported in or active in
    text: str | None = None  # full-text query over the case and its articles (any string is valid)
    person: str | None = None  # words of one accused name, any order and case ("kevin mallory")
    sort: SortKey = "-last_reported"
    limit: int = Field(default=50, ge=1, le=1000)
    offset: int = Field(default=0, ge=0)


class CasePage(BaseModel):
    items: list[Case]
    total: int
    facets: dict[str, dict[str, int]] = Field(default_factory=dict)  # facet -> value -> count


class SearchHit(BaseModel):
    kind: Literal["article", "case"]
    id: str
    title: str
    snippet: str  # plain text; callers escape it
    published: str | None = None


class AuditEntry(BaseModel):
    at: str
    who: str
    action: str  # "edit", "merge", "split", "unlink", "ingest" (case created/updated/removed), "forget"
    case_id: str  # "" for the summary entry of a forget, which no one case owns
    detail: str
    why: str = ""


class Watch(BaseModel):
    name: str
    query: CaseQuery
    last_checked: str | None = None


class CaseChange(BaseModel):
    case: Case
    change: Literal["new", "stage"]
    at: str


class LinkRule(BaseModel):
    """An analyst's decision about linking, kept apart from machine output and replayed on re-runs.

    ``must`` joins two cases (``spyglass case merge``); ``cannot`` keeps a mention out of a case
    (``spyglass case split``). Mentions are named ``"<article_id>:<index>"``.
    """

    id: str
    kind: Literal["must", "cannot"]
    a: str  # case id (must) or mention key (cannot)
    b: str  # case id (must) or case id the mention must not join (cannot)
    who: str
    why: str
    at: str


class Token(BaseModel):
    name: str
    created_at: str


class CountRow(BaseModel):
    """One bar of a dashboard chart: how many cases have ``value`` (in ``year`` when by year)."""

    value: str
    year: int | None = None
    count: int


class PairCount(BaseModel):
    """One cell of the who-spies-on-whom view."""

    sponsor: str
    target: str
    count: int


class StatReport(BaseModel):
    """One article's value for one year of a series."""

    article_id: str
    value: int
    evidence: Evidence | None = None


class StatPoint(BaseModel):
    """One year of a reported series: the value most articles give (ties: the latest published),
    the articles giving it, and any that give another."""

    year: int
    value: int
    sources: list[str]  # article ids reporting ``value``, first stored first
    evidence: list[Evidence] = Field(default_factory=list)  # what those articles say
    conflicts: list[StatReport] = Field(default_factory=list)  # reports of another value


class StatSeries(BaseModel):
    """A reported statistic across articles: one (country, measure), one point per year."""

    country: str | None
    measure: str
    subject: str
    points: list[StatPoint]
    sources: list[str]  # every article reporting the series, first stored first


class FinishedFile(BaseModel):
    """A crawl checkpoint: an input file whose every record is stored, and what reading it gave.

    The file is the same one while ``size`` and ``mtime_ns`` are unchanged; a resumed ingest
    skips it then (``spyglass ingest --redo`` reads it again).
    """

    path: str  # absolute
    size: int
    mtime_ns: int
    documents: int = 0  # documents (records) read from it
    articles: int = 0
    rejected: int = 0
    finished_at: str = ""


# A case and the mentions it has left -> the case linking builds from them, and its blocking keys.
# The store never links: ``spyglass forget`` hands it linking's own case building.
Rebuild = Callable[[Case, list[Mention]], tuple[Case, list[str]]]


class Forgetting(BaseModel):
    """What forgetting a source or an article removed and changed (in a dry run: would)."""

    articles: list[str]  # ids of the articles forgotten, first stored first
    rebuilt: list[str] = Field(default_factory=list)  # cases rebuilt from the mentions they have left
    removed: list[str] = Field(default_factory=list)  # cases left with no report, removed
    copies: list[str] = Field(default_factory=list)  # near-duplicates of a forgotten article, now standing alone
    rejected: int = 0  # rejection records of a forgotten source
    dry_run: bool = False


class Confirmation(BaseModel):
    """An analyst's word that a case field's value is right (``spyglass review confirm``).

    Stored apart from machine output like a correction, but it pins nothing: it vouches for
    ``value``, and lapses (the field returns to the review queue) when a newer report changes it.
    """

    case_id: str
    field: str
    value: object  # the field's JSON value when it was confirmed
    who: str
    why: str = ""
    at: str


class ReviewReason(BaseModel):
    """Why a field is in the review queue, in words an analyst reads ("confidence 0.42")."""

    kind: Literal["confidence", "no-evidence", "conflict", "changed", "lapsed"]
    text: str


class ReviewItem(BaseModel):
    """One (case, field) of the review queue: its value, how doubtful it is and why."""

    case_id: str
    case_title: str
    field: str
    value: object  # the field's JSON value as the case shows it
    doubt: float = Field(ge=0.0, le=1.0)  # 1 - the chance the value is right; the queue's order
    confidence: float | None = None  # the evidence's calibrated confidence; None without evidence
    reasons: list[ReviewReason]
    evidence: Evidence | None = None
    last_reported: str | None = None


class ReviewQuery(BaseModel):
    """What `spyglass review`, ``/review`` and ``/api/v1/review`` list."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    cases: CaseQuery = Field(default_factory=CaseQuery)  # which cases (their limit and offset are ignored)
    fields: tuple[str, ...] = ()  # only these case fields; all when empty
    scan: int = Field(default=2000, ge=1, le=100_000)  # the newest matching cases ranked, in the cases' sort
    limit: int = Field(default=50, ge=1, le=1000)
    offset: int = Field(default=0, ge=0)


class ReviewPage(BaseModel):
    items: list[ReviewItem]
    total: int  # items in the queue over the cases scanned
    scanned: int  # cases ranked (at most ``ReviewQuery.scan``)


class Store(Protocol):
    """What the rest of Spyglass may ask of a database."""

    target: str  # the path or URL it was opened with (password removed)

    # lifecycle
    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...
    def schema_version(self) -> int: ...
    def migrate(self) -> list[int]: ...  # versions applied now; [] when up to date

    # ingest (pipeline). Articles, their analyses and mentions are machine output; cases are
    # rebuilt from mentions + link rules + corrections, so re-running never loses curation.
    def has_article(self, article_id: str) -> bool: ...
    def save_analysis(self, analysis: Analysis, duplicate_of: str | None = None) -> None: ...
    # many at once (bulk loads, imports): the same result as one save_analysis each, in order;
    # duplicate_of maps an article id to the article it repeats
    def save_analyses(self, analyses: Iterable[Analysis], duplicate_of: Mapping[str, str] | None = None) -> None: ...
    # bands: "<i>:<hex>" for i in 0..3 (16 bits each of the 64-bit simhash, see
    # store.fingerprint_bands); a bare fingerprint is split into bands for you.
    def near_duplicates(self, fingerprint_bands: Iterable[str], limit: int = 100) -> list[Article]: ...
    def candidate_cases(self, keys: Iterable[str]) -> list[Case]: ...  # blocking-key lookup, machine values
    def save_case(self, case: Case, keys: Iterable[str]) -> None: ...  # upsert by id, machine values
    def save_cases(self, cases: Iterable[tuple[Case, Iterable[str]]]) -> None: ...  # one save_case each, in order
    def delete_case(self, case_id: str, why: str = "") -> None: ...  # no error when absent
    def mentions_of(self, case_id: str) -> list[Mention]: ...
    def machine_case(self, case_id: str) -> Case: ...  # without corrections
    def save_rejected(self, rejected: Rejected) -> None: ...  # keyed by source + member
    def rejected_counts(self) -> dict[str, int]: ...  # code -> count

    # crawl checkpoints: files whose last record is stored (write them in that record's transaction)
    def finished_files(self, paths: Iterable[str]) -> dict[str, FinishedFile]: ...  # path -> checkpoint; absent left out
    def finish_file(self, done: FinishedFile) -> None: ...  # upsert by path

    # curation: corrections and link rules, each with who/when/why and an audit entry
    def add_link_rule(self, rule: LinkRule) -> None: ...
    def link_rules(self) -> list[LinkRule]: ...
    def remove_link_rule(self, rule_id: str, who: str = "", why: str = "") -> None: ...

    # API tokens (stored hashed)
    def create_token(self, name: str) -> str: ...  # returns the secret once; same name rotates it
    def check_token(self, secret: str) -> bool: ...
    def tokens(self) -> list[Token]: ...
    def revoke_token(self, name: str) -> None: ...  # NotFoundError if absent

    # reading
    def case(self, case_id: str) -> Case: ...  # corrections applied; NotFoundError if absent
    def cases(self, query: CaseQuery) -> CasePage: ...
    def iter_cases(self, query: CaseQuery) -> Iterator[Case]: ...  # streams all matches, ignores limit
    def article(self, article_id: str) -> Analysis: ...  # NotFoundError if absent
    def cases_of_article(self, article_id: str) -> list[Case]: ...  # cases its mentions joined, newest first
    def articles(self, limit: int = 50, offset: int = 0) -> list[Article]: ...  # newest first
    def search(
        self, text: str, limit: int = 20, offset: int = 0, kind: Literal["all", "article", "case"] = "all"
    ) -> list[SearchHit]: ...  # cases, then articles, each newest stored first; duplicate articles left out
    def stats(self) -> list[Stat]: ...  # every stored stat; duplicate articles left out
    def stat_series(self) -> list[StatSeries]: ...  # each series once, most sources first
    def counts(self) -> dict[str, int]: ...  # articles, duplicates, relevant, mentions, cases, sources, rejected

    # dashboard aggregates (over cases matching ``query``, all cases by default)
    def case_counts_by(
        self, field: FacetField, by_year: bool = False, query: CaseQuery | None = None
    ) -> list[CountRow]: ...  # by_year: the year a case was first reported
    def country_pairs(self, limit: int = 20, query: CaseQuery | None = None) -> list[PairCount]: ...
    def people(self, limit: int = 100, query: CaseQuery | None = None) -> list[CountRow]: ...  # accused names, most cases first

    # curation
    def add_correction(self, correction: Correction) -> None: ...  # InputError if invalid
    def corrections(self, case_id: str) -> list[Correction]: ...
    def audit(self, case_id: str | None = None, limit: int | None = None) -> list[AuditEntry]: ...

    # review queue: fields most likely wrong first; confirmations are audited and outlive re-ingest
    def confirm(self, case_id: str, field: str, who: str, why: str = "") -> Confirmation: ...  # of the value shown now
    def confirmations(self, case_id: str | None = None) -> list[Confirmation]: ...  # oldest first
    def carry_confirmations(self, source: str, target: str) -> int: ...  # a merge or split: they follow the values
    # case id -> fields an analyst confirmed (value unchanged since) or corrected; None: every case
    def confirmed_fields(self, case_ids: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]: ...
    def review(self, query: ReviewQuery) -> ReviewPage: ...

    # forgetting (``spyglass forget``): the articles go with all read from them, each case that
    # cites one is rebuilt by ``rebuild`` from its other mentions (corrections re-applied) or
    # removed when none is left; audited with who and why. NotFoundError when nothing matches.
    def forget_source(self, source: str, rebuild: Rebuild, who: str, why: str, dry_run: bool = False) -> Forgetting: ...
    def forget_article(self, article_id: str, rebuild: Rebuild, who: str, why: str, dry_run: bool = False) -> Forgetting: ...

    # watchlists
    def save_watch(self, watch: Watch) -> None: ...
    def watches(self) -> list[Watch]: ...
    def watch(self, name: str) -> Watch: ...  # NotFoundError if absent
    def remove_watch(self, name: str) -> None: ...  # NotFoundError if absent
    def changes_since(self, query: CaseQuery, since: str | None) -> list[CaseChange]: ...  # oldest first
    def check_watch(self, name: str) -> list[CaseChange]: ...  # changes since last check, then marks it checked
    def recent_changes(self, limit: int = 20, query: CaseQuery | None = None) -> list[CaseChange]: ...  # newest first
