"""Pieces every CLI command module shares: the ``--db`` option, opening the store, the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from spyglass.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.store.base import CaseQuery, Store

__all__ = ["DbOption", "FormatOption", "country_option", "output_format", "opened", "query_of", "rich_console"]

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL (default: SPYGLASS_DB or ./spyglass.db)")]


FormatOption = Annotated[str, typer.Option("--format", "-f", help="table, jsonl (a JSON object a line) or json (one document)")]


def output_format(value: str, allowed: tuple[str, ...] = ("table", "jsonl", "json")) -> str:
    """``value`` when the command prints it, else a one-line ``InputError`` listing what it prints."""
    chosen = value.strip().lower()
    if chosen not in allowed:
        raise InputError(f"unknown format {value!r}", f"use --format {', '.join(allowed[:-1])} or {allowed[-1]}")
    return chosen


@contextmanager
def opened(db: str | None) -> Iterator[Store]:
    """The store named by ``--db`` (else ``SPYGLASS_DB``), closed when the block ends."""
    from spyglass.settings import load_settings
    from spyglass.store import open_store

    store = open_store(load_settings(db=db).db)
    try:
        yield store
    finally:
        store.close()


def rich_console() -> Console:
    """A rich console that does not colour numbers by guesswork and wraps long lines softly."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


def country_option(value: str, option: str) -> str:
    """The ISO alpha-2 code of a country given to ``option`` as a code, a name or a demonym
    ("CN", "China", "Chinese"); anything else is a one-line ``InputError`` naming the option,
    so that a filter or a watchlist never silently matches nothing."""
    from spyglass.understand.lexicon import country_given

    code = country_given(value)
    if code is None:
        raise InputError(f"unknown country {value!r} in {option}",
                         "give a country name, demonym or ISO code, e.g. China, Chinese or CN")
    return code


def service_option(value: str, option: str) -> str:
    """The canonical id of a service given to ``option`` by any of its names, acronyms or its id
    ("MSS", "Ministry of State Security", "国家安全部", "svc.cn.mss"); anything else is a one-line
    ``InputError`` naming the option."""
    from spyglass.services import service_named

    found = service_named(value)
    if found is None:
        raise InputError(f"unknown service {value!r} in {option}",
                         "give a service's name, acronym or id, e.g. MSS, Mossad or svc.cn.mss")
    return found.id


def query_of(sponsor: list[str] | None = None, target: list[str] | None = None, service: list[str] | None = None,
             stage: list[str] | None = None, year: int | None = None, text: str | None = None,
             person: str | None = None, **paging: object) -> CaseQuery:
    """The ``CaseQuery`` for the filter options of `spyglass cases`, `export` and `watch add`.

    ``paging`` takes ``sort``, ``limit`` and ``offset``; a value the query refuses becomes a
    one-line ``InputError`` naming the option.
    """
    from pydantic import ValidationError

    from spyglass.errors import InputError
    from spyglass.records import STAGES
    from spyglass.store.base import CaseQuery

    sponsors = tuple(country_option(c, "--sponsor") for c in sponsor or ())
    targets = tuple(country_option(c, "--target") for c in target or ())
    stages = tuple(s.strip().lower() for s in stage or ())
    unknown = [s for s in stages if s not in STAGES]
    if unknown:
        raise InputError(f"unknown stage {unknown[0]!r} in --stage", f"use one of: {', '.join(STAGES)}")
    try:
        return CaseQuery(
            sponsor=sponsors,
            target=targets,
            service=tuple(dict.fromkeys(service_option(s, "--service") for s in service or () if s.strip())),
            stage=stages, year=year,
            text=(text or "").strip() or None, person=(person or "").strip() or None,
            **paging,  # type: ignore[arg-type]  # validated by pydantic right here
        )
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise InputError(f"bad --{where}: {problem['msg']}", "see `spyglass cases --help`") from None
