"""Store stage: the only place with SQL. ``open_store(url_or_path)`` returns a ``Store``.

A file path (default ``./spyglass.db``, from ``settings.db`` / ``SPYGLASS_DB``) opens SQLite;
a ``postgresql://`` URL opens PostgreSQL through psycopg 3. Both apply pending migrations.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from spyglass.errors import StoreError
from spyglass.store._codec import fingerprint_bands, redacted
from spyglass.store._doctor import Health, check_store
from spyglass.store.base import (
    FACET_FIELDS,
    AuditEntry,
    CaseChange,
    CasePage,
    CaseQuery,
    Confirmation,
    CountRow,
    FacetField,
    FinishedFile,
    LinkRule,
    PairCount,
    ReviewItem,
    ReviewPage,
    ReviewQuery,
    ReviewReason,
    SearchHit,
    SortKey,
    StatPoint,
    StatReport,
    StatSeries,
    Store,
    Token,
    Watch,
)

__all__ = [
    "open_store", "check_store", "Health", "fingerprint_bands", "Store", "CaseQuery", "CasePage", "SearchHit", "AuditEntry", "Watch",
    "CaseChange", "LinkRule", "Token", "FinishedFile", "CountRow", "PairCount", "StatReport", "StatPoint", "StatSeries", "FacetField",
    "SortKey", "FACET_FIELDS", "Confirmation", "ReviewReason", "ReviewItem", "ReviewQuery", "ReviewPage",
]

_PG_SCHEMES = ("postgresql", "postgres")


def open_store(target: str | None = None) -> Store:
    """The store at ``target`` (a SQLite path or a ``postgresql://`` URL); settings.db by default."""
    if target is None:
        from spyglass.settings import load_settings

        target = load_settings().db
    target = target.strip()
    if not target:
        raise StoreError("empty database target", "give a file path such as ./spyglass.db or a postgresql:// URL")
    scheme = target.split("://", 1)[0].lower() if "://" in target else ""
    if scheme in _PG_SCHEMES:
        from spyglass.store.postgres import PostgresStore

        try:
            urlsplit(target).port  # noqa: B018  (parsing is the check: brackets, port)
        except ValueError as err:
            raise StoreError(f"cannot open database {redacted(target)}: malformed URL ({err})",
                             "write it as postgresql://user:password@host:5432/dbname") from None
        return PostgresStore(target)
    if scheme:
        raise StoreError(
            f"cannot open database {redacted(target)}: unsupported URL scheme {scheme!r}",
            "use a SQLite file path or a postgresql:// URL",
        )
    from spyglass.store.sqlite import SQLiteStore

    return SQLiteStore(target)
