"""The `spyglass` command: a thin layer that parses options, calls one library function, prints.

Each command group lives in its own module and registers itself on the app; heavy libraries
(spaCy, stix2, trafilatura) are imported inside the commands that need them so `--help` is fast.
"""

from __future__ import annotations

import sys

import typer

from spyglass.errors import SpyglassError

from . import articles, case_cmds, export_cmds, extract, serve_cmd, store_cmds

__all__ = ["app", "main"]

app = typer.Typer(
    name="spyglass",
    help="Turn espionage news into a searchable database of espionage cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (articles, extract, store_cmds, case_cmds, serve_cmd, export_cmds):
    _module.register(app)


@app.command()
def version() -> None:
    """Print the Spyglass version."""
    from spyglass import __version__

    print(__version__)


def main() -> None:
    """Entry point: run the app and turn a ``SpyglassError`` into one line and an exit status."""
    try:
        app()
    except SpyglassError as err:
        print(f"spyglass: {err}", file=sys.stderr)
        sys.exit(err.exit_code)
