"""Watchlists: saved case queries whose changes (new cases, new stages) users follow.

The store keeps watchlists and the change log (``save_watch``, ``check_watch``...); this
module checks names, refuses clashes and words a change as one line, for the CLI and the API.
"""

from __future__ import annotations

import re

from spyglass.errors import InputError, NotFoundError
from spyglass.services import service_named
from spyglass.store.base import CaseChange, CaseQuery, Store, Watch

from .facts import case_title

__all__ = ["WATCH_NAME", "check_name", "add_watch", "change_line", "filters_text"]

# Names appear in URLs (/watch/NAME.atom) and shell commands, so keep them plain.
WATCH_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def check_name(name: str) -> str:
    if not WATCH_NAME.match(name) or name.endswith(".atom"):
        raise InputError(f"watchlist name {name!r} is not allowed",
                         "use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
    return name


def add_watch(store: Store, name: str, query: CaseQuery) -> Watch:
    """Save a new watchlist; ``InputError`` when the name is taken or malformed.

    A new watchlist has never been checked, so its first check lists every matching case.
    """
    check_name(name)
    services = _service_ids(query.service)
    try:
        store.watch(name)
    except NotFoundError:
        watch = Watch(name=name, query=query.model_copy(update={"limit": 50, "offset": 0, "service": services}))
        store.save_watch(watch)
        return watch
    raise InputError(f"a watchlist named {name!r} already exists",
                     f"pick another name or run `spyglass watch remove {name}` first")


def _service_ids(values: tuple[str, ...]) -> tuple[str, ...]:
    """The ids of the services a watchlist names in any of their names ("MSS" -> "svc.cn.mss"): a
    saved filter matches what the store keeps, or it is refused now rather than never matching."""
    ids = []
    for value in values:
        found = service_named(value)
        if found is None:
            raise InputError(f"unknown service {value!r} in the watchlist's filters",
                             "give a service's name, acronym or id, e.g. MSS, Mossad or svc.cn.mss")
        ids.append(found.id)
    return tuple(dict.fromkeys(ids))


def filters_text(query: CaseQuery) -> str:
    """The filters of a query as CLI options: ``--sponsor CN --target TW``; ``(all cases)`` if none."""
    parts: list[str] = []
    for option in ("sponsor", "target", "service", "stage"):
        parts += [f"--{option} {value}" for value in getattr(query, option)]
    if query.year is not None:
        parts.append(f"--year {query.year}")
    if query.text:
        parts.append(f"--text {query.text!r}")
    if query.person:
        parts.append(f"--person {query.person!r}")
    return " ".join(parts) or "(all cases)"


def change_line(change: CaseChange) -> str:
    """``new case  c-1a2b  sentenced  CN->TW  Title`` or ``new stage ...`` for one change."""
    case = change.case
    kind = "new case " if change.change == "new" else "new stage"
    pair = f"{case.sponsor_country or '?'}->{case.target_country or '?'}"
    return f"{kind}  {case.id}  {case.stage or '?'}  {pair}  {case_title(case)}"
