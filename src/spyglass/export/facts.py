"""Case values as short plain text and dates, shared by every export format.

Each export writes the same facts (countries with names, sentences in months, payments as
amount + currency, ISO dates) so a spreadsheet, a feed and a STIX note never disagree.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from urllib.parse import urlsplit

from spyglass.records import Case, Payment, SentenceEnd
from spyglass.services import service_by_id, service_name

__all__ = [
    "country_name",
    "country_label",
    "service_name",
    "service_label",
    "sentence_text",
    "payment_text",
    "payments_text",
    "period_text",
    "case_title",
    "fact_lines",
    "moment",
    "web_url",
    "EPOCH",
    "NAMESPACE",
]

# Namespace of every UUIDv5 Spyglass exports (STIX ids, feed ids). Fixed forever: changing it
# would make every re-export duplicate instead of update.
NAMESPACE = uuid.UUID("af5b0bda-1d81-579c-aa62-b9339f927bf1")

# Objects that belong to no case (countries, services, Spyglass itself) get this fixed time so
# they are byte-identical in every export.
EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def country_name(code: str | None) -> str:
    """Neutral short English name of an ISO 3166-1 alpha-2 code; the code itself when unknown."""
    from spyglass.names import country_display_name

    return country_display_name(code)


def web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL, else None: only those leave as links.

    Scraped permalinks can be ``javascript:``, ``data:`` or ``file:`` URLs; a STIX consumer,
    feed reader or spreadsheet may make any link clickable, so the others are left out.
    """
    if not url:
        return None
    text = url.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        return None
    return text


def country_label(code: str | None) -> str:
    """``"China (CN)"``: the name for people, the code for machines."""
    return f"{country_name(code)} ({code})" if code else ""


def service_label(value: str | None) -> str:
    """``"Ministry of State Security (MSS)"``: a service's name with its first acronym, for a
    stored id; any other value as it is."""
    found = service_by_id(value)
    if found is None:
        return value or ""
    return f"{found.name} ({found.acronyms[0]})" if found.acronyms else found.name


def _sentence_end(end: SentenceEnd) -> str:
    if end is None:
        return "?"
    return "life" if end == "life" else f"{end} months"


def sentence_text(case: Case) -> str:
    """``"70-84 months"``, ``"84 months"``, ``"life"``; empty when no sentence is reported."""
    if not case.sentence_months:
        return ""
    low, high = case.sentence_months
    if low == high:
        return _sentence_end(low)
    if isinstance(low, int) and isinstance(high, int):
        return f"{low}-{high} months"
    return f"{_sentence_end(low)} to {_sentence_end(high)}"


def payment_text(payment: Payment) -> str:
    """``"7000 USD"``; whole amounts without a decimal point."""
    amount = payment.amount
    shown = str(int(amount)) if amount == int(amount) else f"{amount:g}"
    return f"{shown} {payment.currency}"


def payments_text(case: Case) -> str:
    return "; ".join(payment_text(p) for p in case.payments)


def period_text(case: Case) -> str:
    """``"2002-2024"``, ``"from 1981"``, ``"until 2019"``; empty when unknown."""
    if not case.period:
        return ""
    start, end = case.period
    if start is not None and end is not None:
        return str(start) if start == end else f"{start}-{end}"
    if start is not None:
        return f"from {start}"
    return f"until {end}" if end is not None else ""


def case_title(case: Case) -> str:
    """The case title, or a description built from its facts when linking gave none."""
    if case.title.strip():
        return case.title.strip()
    who = ", ".join(case.accused_names) or "Unnamed accused"
    parts = [who]
    if case.sponsor_country:
        parts.append(f"spying for {country_name(case.sponsor_country)}")
    if case.target_country:
        parts.append(f"in {country_name(case.target_country)}")
    return " ".join(parts)


def fact_lines(case: Case) -> list[str]:
    """Every structured value of a case as ``"label: value"`` lines (empty values left out)."""
    rows = [
        ("Stage", case.stage or ""),
        ("Sponsor country", country_label(case.sponsor_country)),
        ("Sponsor service", service_label(case.sponsor_service)),
        ("Target country", country_label(case.target_country)),
        ("Accused", "; ".join(case.accused_names)),
        ("Accused count", "" if case.accused_count is None else str(case.accused_count)),
        ("Accused nationality", "; ".join(country_label(c) for c in case.accused_nationality)),
        ("Roles", "; ".join(case.roles)),
        ("Sentence", sentence_text(case)),
        ("Payments", payments_text(case)),
        ("Period", period_text(case)),
        ("First reported", case.first_reported or ""),
        ("Last reported", case.last_reported or ""),
    ]
    return [f"{label}: {value}" for label, value in rows if value]


def moment(date: str | None, *, end: bool = False) -> datetime | None:
    """A UTC datetime for an ISO date that may be ``YYYY``, ``YYYY-MM`` or a full timestamp.

    ``end=True`` gives the last moment of a partial date, so a period ``2002-2024`` spans
    all of 2024. Unparseable text gives ``None``: exports leave such dates out, never guess.
    """
    if not date:
        return None
    text = date.strip()
    try:
        if len(text) == 4 and text.isdigit():
            year = int(text)
            if year < 1000:
                return None
            return datetime(year, 12, 31, 23, 59, 59, tzinfo=UTC) if end else datetime(year, 1, 1, tzinfo=UTC)
        if len(text) == 7 and text[4] == "-":
            year, month = int(text[:4]), int(text[5:])
            if year < 1000:
                return None
            if not end:
                return datetime(year, month, 1, tzinfo=UTC)
            nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC)
            return datetime.fromtimestamp(nxt.timestamp() - 1, tz=UTC)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    # STIX and Atom timestamps need four-digit years; a year before 1000 is a misread date.
    return parsed if parsed.year >= 1000 else None
