"""Migration 0011's rewrite, which SQL cannot do: services stored as printed ("MSS", "Ministry of
State Security") become the ids of their canonical entities ("svc.cn.mss", ``spyglass.services``)
in cases (machine and corrected values, their columns, year rows and tally), corrections,
linking keys and watchlists. A value no service goes by stays as it is.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from spyglass.records import Case
from spyglass.services import canonical_service
from spyglass.store import _codec

if TYPE_CHECKING:
    from spyglass.store._engine import SqlBase

__all__ = ["canonical_services"]

_CHUNK = 500


def canonical_services(store: SqlBase) -> None:
    """Rewrite every stored service value to its canonical id (in the caller's transaction)."""
    _corrections(store)
    _cases(store)
    _keys(store)
    _watches(store)


def _corrections(store: SqlBase) -> None:
    rows = store._rows("SELECT seq, value FROM corrections WHERE field = 'sponsor_service'")
    changed = []
    for seq, value in rows:
        printed = json.loads(value)
        canonical = canonical_service(printed) if isinstance(printed, str) else printed
        if canonical != printed:
            changed.append((json.dumps(canonical), seq))
    store._many("UPDATE corrections SET value = ? WHERE seq = ?", changed)


def _cases(store: SqlBase) -> None:
    """Cases with a service, machine or corrected, written again: the store's writer moves their
    columns, year rows and tally counts from the printed value to the id."""
    at = _codec.now()
    last = -1
    while rows := store._rows(
        "SELECT c.seq, d.machine FROM cases c JOIN case_docs d ON d.seq = c.seq WHERE c.seq > ? AND "
        "(c.service IS NOT NULL OR c.id IN (SELECT r.case_id FROM corrections r WHERE r.field = 'sponsor_service')) "
        "ORDER BY c.seq LIMIT ?", (last, _CHUNK),
    ):
        machines = [Case.model_validate_json(doc) for _, doc in rows]
        store._write_cases([_canonical(machine) for machine in machines], at, texts=False)
        last = int(rows[-1][0])


def _canonical(case: Case) -> Case:
    service = canonical_service(case.sponsor_service, case.sponsor_country)
    return case if service == case.sponsor_service else case.model_copy(update={"sponsor_service": service})


def _keys(store: SqlBase) -> None:
    """Linking keys name the service too (``service:mss>US:2024``): a new report of the case must
    find it under the id (``service:svc.cn.mss>US:2024``)."""
    rows = store._rows("SELECT key, case_id FROM case_keys WHERE key LIKE ? OR key LIKE ?",
                       ("service:%", "anon-service:%"))
    moved = [(key, case_id, new) for key, case_id in rows if (new := _key(key)) != key]
    store._many("INSERT INTO case_keys (key, case_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(new, case_id) for _, case_id, new in moved])
    store._many("DELETE FROM case_keys WHERE key = ? AND case_id = ?", [(key, case_id) for key, case_id, _ in moved])


def _key(key: str) -> str:
    head, _, rest = key.partition("service:")
    printed, _, tail = rest.rpartition(">")
    service = canonical_service(printed) if printed else None
    return f"{head}service:{service.casefold()}>{tail}" if service else key


def _watches(store: SqlBase) -> None:
    changed = []
    for name, query in store._rows("SELECT name, query FROM watches"):
        data = json.loads(query)
        services = data.get("service") or []
        canonical = list(dict.fromkeys(canonical_service(s) or s for s in services))
        if canonical != services:
            changed.append((json.dumps({**data, "service": canonical}), name))
    store._many("UPDATE watches SET query = ? WHERE name = ?", changed)
