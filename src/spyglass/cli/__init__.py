"""The `spyglass` command: a thin layer that parses options, calls one library function, prints.

Each command group lives in its own module and registers itself on the app; heavy libraries
(spaCy, stix2, trafilatura) are imported inside the commands that need them so `--help` is fast.
"""

from __future__ import annotations

import sys

import typer

from spyglass.errors import SpyglassError

from . import articles, case_cmds, export_cmds, extract, review_cmd, serve_cmd, store_cmds

__all__ = ["app", "main"]

app = typer.Typer(
    name="spyglass",
    help="Turn espionage news into a searchable database of espionage cases.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _module in (articles, extract, store_cmds, case_cmds, review_cmd, serve_cmd, export_cmds):
    _module.register(app)


@app.command()
def version() -> None:
    """Print the Spyglass version."""
    from spyglass import __version__

    print(__version__)


def main() -> None:
    """Entry point: run the app; a ``SpyglassError`` or a usage error (an unknown command, a bad
    option value) becomes one line ``spyglass: ...`` and an exit status, never a boxed panel."""
    # Typer 0.29 (pinned) carries its own copy of Click; its exceptions live here
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

    try:
        code = app(standalone_mode=False)
    except SpyglassError as err:
        print(f"spyglass: {err}", file=sys.stderr)
        sys.exit(err.exit_code)
    except NoArgsIsHelpError as err:  # `spyglass` or `spyglass case` alone: the help, as asked for
        print(err.ctx.get_help() if err.ctx is not None else "")
        sys.exit(2)  # Click's status for a command given nothing to do
    except UsageError as err:
        where = err.ctx.command_path if err.ctx is not None else "spyglass"
        print(f"spyglass: {_one_line(err.format_message())}; see `{where} --help`", file=sys.stderr)
        sys.exit(err.exit_code)
    except ClickException as err:
        print(f"spyglass: {_one_line(err.format_message())}", file=sys.stderr)
        sys.exit(err.exit_code)
    except typer.Abort:
        print("spyglass: interrupted", file=sys.stderr)
        sys.exit(130)
    if isinstance(code, int) and code:
        sys.exit(code)


def _one_line(message: str) -> str:
    return " ".join(message.split()).rstrip(".")
