"""The typed records every stage passes on.

Data flows one way: ``RawItem`` (sources) -> ``Article`` (extract) -> ``Analysis`` with
``Mention``s and ``Stat``s (understand) -> ``Case`` (link) -> store -> serve/export.
A document that cannot be read becomes a ``Rejected`` record instead and the batch goes on.

Records are frozen pydantic models: immutable, typed, and they serialise to JSON with
``model_dump(mode="json")`` / ``model_validate`` so the store, the API and the exports
share one shape.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import cache
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
    "fact_problem",
    "facts_problem",
    "known_countries",
    "YEARS",
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

    @property
    def published_year(self) -> int | None:
        """The year of ``published``; None for an undated article."""
        if self.published and re.match(r"\d{4}", self.published):
            return int(self.published[:4])
        return None


class Evidence(_Record):
    """Where a fact was stated: the sentence, its offsets in ``Article.text``, and who said so."""

    article_id: str
    sentence: str
    start: int  # character offsets of the sentence in the article text
    end: int
    rule: str  # id of the rule, table entry or model that produced the value
    confidence: float = Field(ge=0.0, le=1.0)
    # the words that state the value, as offsets inside ``sentence`` (None in older stores)
    quote_start: int | None = None
    quote_end: int | None = None

    @property
    def quote(self) -> str | None:
        """The words of ``sentence`` that state the value."""
        if self.quote_start is None or self.quote_end is None:
            return None
        return self.sentence[self.quote_start : self.quote_end]


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
    amount: float = Field(allow_inf_nan=False)  # NaN or infinity would be stored as null and break every read
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
    """A reported statistic: one year's point of a series ("TW, people prosecuted for spying for
    China": 48 in 2023). ``subject`` is the series in words, built from ``country`` and ``measure``."""

    subject: str
    year: int
    value: int
    evidence: Evidence | None = None
    country: str | None = None  # alpha-2 of the state that reports or prosecutes
    measure: str | None = None  # what is counted, normalised: "people prosecuted for spying for China"

    @property
    def series(self) -> tuple[str, str]:
        """What makes reports from different articles one series: (country, measure), the
        subject standing in for the measure where a stat has none (stored before measures)."""
        return (self.country or "", self.measure or self.subject)


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


# --- what curation and imports may store ----------------------------------------------------
# Machine values are held to these by the extraction tests; an analyst's edit, an API PATCH or
# an imported file is checked against them before anything is written, so one bad value can
# never make a case unreadable for every page, export and command afterwards.

YEARS = (1800, 2100)  # a period outside these years is a typo
MAX_TERM_MONTHS = 12_000  # 1,000 years: consecutive terms reach hundreds of years, never more
MAX_ACCUSED = 10_000
MAX_AMOUNT = 1e15
MAX_TEXT = 1000  # characters in one name, role, service or title
_CURRENCY = re.compile(r"[A-Z]{3}")


@cache
def known_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes (pycountry) plus XK, the code in common use for Kosovo."""
    import pycountry

    return frozenset({c.alpha_2 for c in pycountry.countries} | {"XK"})


def _text_problem(text: str) -> str | None:
    # Control characters are left to the writers (CSV, XML and HTML escape them): scraped
    # text holds them and exports must round-trip what the machine stored.
    if not text.strip():
        return "must not be empty"
    if len(text) > MAX_TEXT:
        return f"is longer than {MAX_TEXT} characters"
    return None


def _country_problem(code: str) -> str | None:
    return None if code in known_countries() else f"{code!r} is not an ISO 3166-1 alpha-2 country code (CN, US...)"


def _term_problem(ends: tuple[SentenceEnd, SentenceEnd]) -> str | None:
    low, high = ends
    for end in ends:
        if isinstance(end, int) and not 0 <= end <= MAX_TERM_MONTHS:
            return f"{end} months is not between 0 and {MAX_TERM_MONTHS}"
    if low == "life" and high not in ("life", None):
        return "a life term cannot be the lower end"
    if isinstance(low, int) and isinstance(high, int) and low > high:
        return f"the lower end {low} is above the upper end {high}"
    return None


def _period_problem(years: tuple[int | None, int | None]) -> str | None:
    for year in years:
        if year is not None and not YEARS[0] <= year <= YEARS[1]:
            return f"{year} is not a year between {YEARS[0]} and {YEARS[1]}"
    start, end = years
    if start is not None and end is not None and start > end:
        return f"starts in {start}, after it ends ({end})"
    return None


def _payment_problem(payment: Payment) -> str | None:
    if not math.isfinite(payment.amount) or not 0 <= payment.amount <= MAX_AMOUNT:
        return f"amount {payment.amount} is not a number between 0 and {MAX_AMOUNT:.0e}"
    if not _CURRENCY.fullmatch(payment.currency):
        return f"currency {payment.currency!r} is not an ISO 4217 code (USD, EUR...)"
    return None


def fact_problem(name: str, value: Any) -> str | None:
    """Why ``value`` (already of the field's type) may not be stored as case field ``name``; None if it may.

    Checks what types cannot: finite, non-negative amounts; known countries and currency
    codes; years and terms in range with their ends in order; counts of at least one; names,
    roles, service and title not empty.
    """
    if value is None or value == ():
        return None if name != "title" else "must not be empty"
    if name in ("accused_names", "roles"):
        return next((f"{v!r} {p}" for v in value if (p := _text_problem(v))), None)
    if name == "accused_nationality":
        return next((p for v in value if (p := _country_problem(v))), None)
    if name in ("sponsor_country", "target_country"):
        return _country_problem(value)
    if name in ("sponsor_service", "title"):
        return _text_problem(value)
    if name == "accused_count":
        return None if 1 <= value <= MAX_ACCUSED else f"{value} is not a count between 1 and {MAX_ACCUSED}"
    if name == "sentence_months":
        return _term_problem(value)
    if name == "period":
        return _period_problem(value)
    if name == "payments":
        return next((p for v in value if (p := _payment_problem(v))), None)
    return None


def facts_problem(facts: CaseFacts) -> str | None:
    """``"field: problem"`` for the first case field that may not be stored (``fact_problem``); None if all may.

    A case's title is checked too when it has one (an imported case may come without).
    """
    names = [*CaseFacts.model_fields, *(["title"] if isinstance(facts, Case) and facts.title.strip() else [])]
    for name in names:
        problem = fact_problem(name, getattr(facts, name))
        if problem:
            return f"{name}: {problem}"
    return None
