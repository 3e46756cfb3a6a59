"""The store contract, streams: ``iter_cases`` read partly, wholly, or two at once, again and
again, gives the right cases every time (PostgreSQL keeps a stream's connection for the next)."""

from __future__ import annotations

from itertools import islice

from spyglass.store import CaseQuery, Store

from .conftest import case


def test_streams_read_partly_wholly_and_side_by_side(store: Store) -> None:
    store.save_cases([(case(f"c{n:02d}", first_reported=f"2024-01-{n + 1:02d}", last_reported=f"2024-02-{n + 1:02d}"),
                       []) for n in range(20)])
    newest = [f"c{n:02d}" for n in range(19, -1, -1)]
    for _ in range(5):
        partial = store.iter_cases(CaseQuery())
        assert [c.id for c in islice(partial, 3)] == newest[:3]
        partial.close()  # read partly, as the overview does
    assert [c.id for c in store.iter_cases(CaseQuery())] == newest
    first, second = store.iter_cases(CaseQuery()), store.iter_cases(CaseQuery(sort="first_reported"))
    assert (next(first).id, next(second).id) == ("c19", "c00")  # two streams open at once
    assert [c.id for c in second] == newest[::-1][1:] and [c.id for c in first] == newest[1:]
    assert [c.id for c in islice(store.iter_cases(CaseQuery(limit=1)), 2)] == newest[:2]
