"""Cases -> one STIX 2.1 bundle, streamed object by object.

The bundle is written as JSON text as it is built: ``{"type": "bundle", "id": ..., "objects": [``
then one object per line, then ``]}``. Memory is bounded by one case's objects plus the set of
ids of shared objects already written (countries and services: at most a few thousand), not
by the number of cases. Objects are mapped in ``stix_objects``.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from spyglass.records import Case

from .facts import NAMESPACE
from .stix_objects import case_objects, preamble_objects, shared_objects

__all__ = ["write_stix", "bundle_id"]


def bundle_id(label: str) -> str:
    """A bundle id fixed by what was exported (e.g. the query), so equal exports give equal bytes."""
    return f"bundle--{uuid.uuid5(NAMESPACE, 'bundle|' + label)}"


def write_stix(cases: Iterable[Case], out: TextIO, label: str = "spyglass",
               confirmed: Mapping[str, Sequence[str]] | None = None) -> int:
    """Write a bundle holding every case's objects; returns the number of cases written.
    ``confirmed`` maps a case id to the fields an analyst confirmed or corrected."""
    out.write(f'{{"type": "bundle", "id": "{bundle_id(label)}", "objects": [\n')
    separator = ""

    def emit(obj: Any) -> None:
        nonlocal separator
        out.write(separator)
        out.write(obj.serialize())
        separator = ",\n"

    for obj in preamble_objects():
        emit(obj)
    # Only shared objects (countries, services) recur across cases; remembering just their ids
    # keeps memory flat however many cases stream through.
    shared_written: set[str] = set()
    count = 0
    for case in cases:
        for obj in shared_objects(case):
            if obj.id not in shared_written:
                shared_written.add(obj.id)
                emit(obj)
        for obj in case_objects(case, (confirmed or {}).get(case.id, ())):
            emit(obj)
        count += 1
    out.write("\n]}\n")
    return count
