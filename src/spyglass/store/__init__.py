"""Store stage: the only place with SQL. ``open_store(url_or_path)`` returns a ``Store``."""

from spyglass.store.base import CasePage, CaseQuery, Store

__all__ = ["CasePage", "CaseQuery", "Store"]
