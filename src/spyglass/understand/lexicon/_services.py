"""The intelligence and security services table (``tables/services.tsv``, read as canonical
entities by ``spyglass.services``): lookups by id and alias, and the finder of service names in
running text."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spyglass.services import Service, alias_defaults, service_rows
from spyglass.understand.lexicon._gazetteer import Gazetteer
from spyglass.understand.tables import lookup_key
from spyglass.understand.tables.cues import reading_language

__all__ = [
    "SERVICE_KINDS", "Service", "ServiceHit", "services", "service_by_id", "service_by_alias",
    "services_by_alias", "ambiguous_aliases", "services_in", "is_short",
]

SERVICE_KINDS = frozenset({"foreign", "domestic", "military", "police", "combined"})
# Acronyms up to this length are matched case-sensitively ("RAW", "MSS", "Must"): in lower
# case they are ordinary words.
_SHORT = 5


@dataclass(frozen=True)
class ServiceHit:
    start: int
    end: int
    text: str
    service: Service


def is_short(alias: str) -> bool:
    """Whether an alias is an acronym matched case-sensitively ("MSS", "RAW")."""
    return len(alias) <= _SHORT or (alias.upper() == alias and len(alias) <= 8)


def _service_rows() -> tuple[tuple[Service, frozenset[str]], ...]:
    """Services with their lookup-only aliases (written ``!alias`` in the data file): the
    canonical entities of ``spyglass.services``, which reads the table for every stage."""
    return service_rows()


@cache
def services() -> tuple[Service, ...]:
    """Every intelligence and security service in ``tables/services.tsv``."""
    return tuple(svc for svc, _hidden in _service_rows())


@cache
def _service_index() -> dict[str, Service]:
    return {s.id: s for s in services()}


def service_by_id(sid: str) -> Service | None:
    return _service_index().get(sid)


def _defaults_by_language() -> dict[str | None, dict[str, str]]:
    """Default service per shared alias: the shared file's (key None) and each language's file's,
    for texts in that language ("SIS" in Portuguese is Portugal's)."""
    return alias_defaults()


def ambiguous_aliases() -> dict[str, str]:
    """Aliases deliberately shared by services of different countries -> the default id."""
    return _defaults_by_language().get(None, {})


@cache
def _alias_tables() -> tuple[dict[str, tuple[Service, ...]], dict[str, tuple[Service, ...]]]:
    """(case-sensitive short acronyms, case-insensitive names) -> services, default first."""
    exact: dict[str, list[Service]] = {}
    folded: dict[str, list[Service]] = {}
    for svc in services():
        for alias in (*svc.acronyms, *svc.aliases, svc.name):
            table, key = (exact, alias) if is_short(alias) else (folded, lookup_key(alias))
            bucket = table.setdefault(key, [])
            if svc not in bucket:
                bucket.append(svc)
    defaults = ambiguous_aliases()

    def ordered(table: dict[str, list[Service]]) -> dict[str, tuple[Service, ...]]:
        out = {}
        for key, bucket in table.items():
            first = defaults.get(key)
            out[key] = tuple(sorted(bucket, key=lambda s: s.id != first))
        return out

    return ordered(exact), ordered(folded)


def services_by_alias(text: str) -> tuple[Service, ...]:
    """Every service known by ``text``; the documented default comes first."""
    exact, folded = _alias_tables()
    stripped = re.sub(r"\s+", " ", text.strip())
    stripped = re.sub(r"^(?:the|The)\s+", "", stripped)
    found = exact.get(stripped) or folded.get(lookup_key(text), ())
    local = _defaults_by_language().get(reading_language(), {}).get(stripped) if len(found) > 1 else None
    return tuple(sorted(found, key=lambda s: s.id != local)) if local else found


def service_by_alias(text: str) -> Service | None:
    """The service called ``text`` ("MSS", "Mossad", "Federal Security Service"), or None.
    Short acronyms match case-sensitively, longer names case-insensitively."""
    found = services_by_alias(text)
    return found[0] if found else None


@cache
def _service_gazetteer() -> Gazetteer:
    phrases: list[tuple[str, bool, object]] = []
    for svc, hidden in _service_rows():
        for alias in dict.fromkeys((*svc.acronyms, *svc.aliases, svc.name)):
            if alias not in hidden:
                phrases.append((alias, is_short(alias), alias))
    return Gazetteer(phrases)


def services_in(text: str) -> list[ServiceHit]:
    """Services named in ``text``, left to right, the longest name at each place."""
    hits = []
    for start, end, _alias in _service_gazetteer().find(text):
        svc = service_by_alias(text[start:end])
        if svc is not None:
            hits.append(ServiceHit(start, end, text[start:end], svc))
    return hits
