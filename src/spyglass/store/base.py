"""The one interface every storage backend implements (SQLite default, PostgreSQL).

Only ``store/`` contains SQL. Other stages hand records in and get records out; ``serve`` and
``export`` read through these methods. Backends must pass ``tests/store/test_contract.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field

from spyglass.records import Analysis, Article, Case, Correction, Mention, Stat

__all__ = [
    "CaseQuery", "CasePage", "SearchHit", "AuditEntry", "Watch", "CaseChange", "LinkRule", "Token", "Store",
]

SortKey = Literal["last_reported", "-last_reported", "first_reported", "-first_reported", "stage", "sponsor", "target"]


class CaseQuery(BaseModel):
    """Filters shared by `spyglass cases`, `spyglass export`, watchlists, the API and the pages."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sponsor: tuple[str, ...] = ()  # alpha-2 codes
    target: tuple[str, ...] = ()
    service: tuple[str, ...] = ()
    stage: tuple[str, ...] = ()
    year: int | None = None  # a year the case was reported in or active in
    text: str | None = None  # full-text query over the case and its articles
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
    action: str  # "edit", "merge", "split", "ingest"
    case_id: str
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


class Store(Protocol):
    """What the rest of Spyglass may ask of a database."""

    # lifecycle
    def close(self) -> None: ...
    def transaction(self) -> AbstractContextManager[None]: ...

    # ingest (pipeline). Articles, their analyses and mentions are machine output; cases are
    # rebuilt from mentions + link rules + corrections, so re-running never loses curation.
    def has_article(self, article_id: str) -> bool: ...
    def save_analysis(self, analysis: Analysis, duplicate_of: str | None = None) -> None: ...
    def near_duplicates(self, fingerprint_bands: Iterable[str]) -> list[Article]: ...
    def candidate_cases(self, keys: Iterable[str]) -> list[Case]: ...  # blocking-key lookup
    def save_case(self, case: Case, keys: Iterable[str]) -> None: ...  # upsert by id, machine values
    def delete_case(self, case_id: str) -> None: ...
    def mentions_of(self, case_id: str) -> list[Mention]: ...
    def machine_case(self, case_id: str) -> Case: ...  # without corrections

    # curation: corrections and link rules, each with who/when/why and an audit entry
    def add_link_rule(self, rule: LinkRule) -> None: ...
    def link_rules(self) -> list[LinkRule]: ...

    # API tokens (stored hashed)
    def create_token(self, name: str) -> str: ...  # returns the secret once
    def check_token(self, secret: str) -> bool: ...
    def tokens(self) -> list[Token]: ...

    # reading
    def case(self, case_id: str) -> Case: ...  # corrections applied; NotFoundError if absent
    def cases(self, query: CaseQuery) -> CasePage: ...
    def iter_cases(self, query: CaseQuery) -> Iterator[Case]: ...  # streams all matches, ignores limit
    def article(self, article_id: str) -> Analysis: ...
    def articles(self, limit: int = 50, offset: int = 0) -> list[Article]: ...
    def search(self, text: str, limit: int = 20) -> list[SearchHit]: ...
    def stats(self) -> list[Stat]: ...
    def counts(self) -> dict[str, int]: ...

    # curation
    def add_correction(self, correction: Correction) -> None: ...
    def corrections(self, case_id: str) -> list[Correction]: ...
    def audit(self, case_id: str | None = None) -> list[AuditEntry]: ...

    # watchlists
    def save_watch(self, watch: Watch) -> None: ...
    def watches(self) -> list[Watch]: ...
    def remove_watch(self, name: str) -> None: ...
    def changes_since(self, query: CaseQuery, since: str | None) -> list[CaseChange]: ...
