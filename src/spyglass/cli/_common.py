"""Pieces every CLI command module shares: the ``--db`` option, opening the store, the console."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.store.base import Store

__all__ = ["DbOption", "opened", "rich_console"]

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL (default: SPYGLASS_DB or ./spyglass.db)")]


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
