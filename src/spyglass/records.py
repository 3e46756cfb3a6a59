"""The typed records every stage passes on.

Data flows one way: ``RawItem`` (sources) -> ``Article`` (extract) -> ``Analysis`` with
``Mention``s and ``Stat``s (understand) -> ``Case`` (link) -> store -> serve/export.
A document that cannot be read becomes a ``Rejected`` record instead and the batch goes on.

Records are frozen pydantic models: immutable, typed, and they serialise to JSON with
``model_dump(mode="json")`` / ``model_validate`` so the store, the API and the exports
share one shape.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

__all__ = [
    "ArticleKind",
    "DatePrecision",
    "Stage",
    "STAGES",
    "STAGE_ORDER",
    "SentenceEnd",
    "RawItem",
    "Rejected",
    "Article",
    "Evidence",
    "Entity",
    "Relevance",
    "Payment",
    "CaseFacts",
    "Mention",
    "Stat",
    "Analysis",
    "TimelineEvent",
    "CaseSource",
    "Case",
    "Correction",
    "case_title",
]

ArticleKind = Literal["page", "post", "feed_item", "teaser"]
DatePrecision = Literal["day", "month", "year"]
Stage = Literal[
    "suspected", "arrested", "charged", "convicted", "sentenced", "acquitted", "expelled", "released"
]
STAGES: tuple[Stage, ...] = (
    "suspected", "arrested", "charged", "convicted", "sentenced", "acquitted", "expelled", "released"
)
# How far a proceeding has gone; outcomes (acquitted, expelled, released) end a proceeding
# just as a sentence does, so they rank with it when a timeline picks its latest stage.
STAGE_ORDER: dict[str, int] = {
    "suspected": 0, "arrested": 1, "charged": 2, "convicted": 3,
    "sentenced": 4, "acquitted": 4, "expelled": 4, "released": 5,
}
SentenceEnd = int | Literal["life"] | None


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class RawItem(_Record):
    """One document as it came in: bytes plus what the transport told us about them."""

    source: str  # the input exactly as the user gave it (path, URL or "-")
    content: bytes
    url: str | None = None  # where it was fetched from, for URLs and WARC records
    content_type: str | None = None  # from HTTP headers or a WARC record, never from a file name
    charset: str | None = None  # declared by the transport, if any
    member: str | None = None  # path inside a folder or record id inside a WARC
    fetched_at: str | None = None  # ISO timestamp for fetched documents


class Rejected(_Record):
    """A document (or part of one) that could not be used, with a code from ``errors.REJECT_CODES``."""

    source: str
    code: str
    reason: str
    member: str | None = None

    @field_validator("reason")
    @classmethod
    def _one_line(cls, reason: str) -> str:
        """Reasons quote libraries too (warcio, lxml, spaCy); a rejection is always one line."""
        return " ".join(reason.split())

    def line(self) -> str:
        where = f"{self.source}#{self.member}" if self.member else self.source
        return f"{where}: rejected ({self.code}): {self.reason}"


class Article(_Record):
    """One article-level unit found in a document: a page, a blog post, a feed item or a teaser."""

    id: str  # stable: a hash of source identity + item index + text, see extract
    source: str
    item: int  # 0-based position within its source, in document order
    kind: ArticleKind
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO 8601 date (YYYY-MM-DD, YYYY-MM or YYYY)
    published_precision: DatePrecision | None = None
    author: str | None = None
    categories: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    comment_count: int | None = None
    site_name: str | None = None
    language: str | None = None  # ISO 639-1
    text: str
    partial: bool = False  # teasers and paywalled pages: the text is cut short
    fingerprint: str = ""  # near-duplicate fingerprint (hex), see extract.fingerprint


class Evidence(_Record):
    """Where a fact was stated: the sentence, its offsets in ``Article.text``, and who said so."""

    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    rule: str  # id of the rule, table entry or model that produced the value
    confidence: float = Field(ge=0.0, le=1.0)


class Entity(_Record):
    """A span the understand stage recognised (person, country, service, money...)."""

    text: str
    label: str  # PERSON, GPE, NORP, ORG, SERVICE, COUNTRY, MONEY, DATE, ROLE, STAGE...
    start: int
    end: int
    kb_id: str | None = None  # country alpha-2 or service id from the gazetteer
    rule: str = ""


class Relevance(_Record):
    is_espionage: bool
    score: float
    reasons: tuple[str, ...] = ()  # the rules or features that fired


class Payment(_Record):
    amount: float
    currency: str  # ISO 4217


class CaseFacts(_Record):
    """The fields of one case, as in ``shared/eval/SCHEMA.md``."""

    accused_count: int | None = None
    accused_names: tuple[str, ...] = ()
    accused_nationality: tuple[str, ...] = ()  # ISO 3166-1 alpha-2
    roles: tuple[str, ...] = ()
    sponsor_country: str | None = None
    sponsor_service: str | None = None
    target_country: str | None = None
    stage: Stage | None = None
    sentence_months: tuple[SentenceEnd, SentenceEnd] | None = None
    payments: tuple[Payment, ...] = ()
    period: tuple[int | None, int | None] | None = None


class Mention(CaseFacts):
    """A case as one article reports it, each field with the evidence that states it."""

    article_id: str
    index: int  # position among the article's mentions
    published: str | None = None  # the article's date, so linking can order reports
    evidence: dict[str, Evidence] = Field(default_factory=dict)  # field name -> evidence
    summary: str = ""  # the sentence that best states the case


class Stat(_Record):
    """A reported statistic: a count for one year ("48 prosecutions in 2023")."""

    subject: str
    year: int
    value: int
    evidence: Evidence | None = None


class Analysis(_Record):
    """What the understand stage made of one article."""

    article: Article
    relevance: Relevance
    entities: tuple[Entity, ...] = ()
    mentions: tuple[Mention, ...] = ()
    stats: tuple[Stat, ...] = ()


class TimelineEvent(_Record):
    """One step of a case's proceeding as some article reported it."""

    stage: Stage
    date: str | None  # date of the report (or of the event when the text gives it)
    article_id: str
    evidence: Evidence | None = None


class CaseSource(_Record):
    article_id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    site_name: str | None = None


class Case(CaseFacts):
    """A case in the database: merged facts of all its mentions, a timeline and its sources."""

    id: str
    title: str = ""
    mentions: tuple[tuple[str, int], ...] = ()  # (article_id, mention index)
    timeline: tuple[TimelineEvent, ...] = ()
    sources: tuple[CaseSource, ...] = ()
    evidence: dict[str, Evidence] = Field(default_factory=dict)
    first_reported: str | None = None
    last_reported: str | None = None
    # field name -> ids of every article whose mention states the merged value (link stage),
    # so each value keeps all its sources, not only the one evidence sentence above
    field_sources: dict[str, tuple[str, ...]] = Field(default_factory=dict)


class Correction(_Record):
    """An analyst's correction of one case field; stored apart and applied over machine values."""

    case_id: str
    field: str
    value: object  # JSON value for the field, validated against CaseFacts when applied
    why: str
    who: str
    at: str  # ISO timestamp


def case_title(facts: CaseFacts | Mapping[str, Any]) -> str:
    """The title a case's facts give it: "Kevin Mallory — CN → US, sentenced".

    A pure function of the facts, here next to ``Case`` so that linking (which names new cases)
    and the store (which re-titles a case when an analyst corrects its facts) compose it alike.
    """

    def get(name: str) -> Any:
        return facts.get(name) if isinstance(facts, Mapping) else getattr(facts, name, None)

    names = list(get("accused_names") or ())
    if names:
        who = ", ".join(names[:2]) + (f" and {len(names) - 2} more" if len(names) > 2 else "")
    else:
        count, roles = get("accused_count"), list(get("roles") or ())
        role = roles[0] if roles else "person"
        who = f"{count} × {role}" if count and count > 1 else f"Unnamed {role}"
    pair = f"{get('sponsor_country') or '?'} → {get('target_country') or '?'}"
    stage = get("stage")
    return f"{who} — {pair}" + (f", {stage}" if stage else "")
