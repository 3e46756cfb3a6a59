"""CLI commands for the web server: ``spyglass serve`` and ``spyglass token create/list``.

Thin: ``serve`` builds the app with ``spyglass.serve.create_app`` and runs it with uvicorn;
``token`` asks the store to create (and hash) a token, printing the secret once.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ._common import DbOption, opened

__all__ = ["register"]


token_app = typer.Typer(help="API tokens: writing needs one; reading too when serving beyond localhost.",
                        no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(serve)
    app.add_typer(token_app, name="token")


def serve(
    host: Annotated[str | None, typer.Option(help="address to bind (default 127.0.0.1; any other address makes every request need a token)")] = None,
    port: Annotated[int | None, typer.Option(help="port to listen on (default 8000)")] = None,
    create: Annotated[bool, typer.Option("--create", help="start an empty database when the file does not exist")] = False,
    db: DbOption = None,
) -> None:
    """Serve the dashboard and the JSON API (/api/v1, OpenAPI at /openapi.json)."""
    import uvicorn

    from spyglass.serve import create_app
    from spyglass.serve.security import is_loopback
    from spyglass.settings import load_settings

    settings = load_settings(host=host, port=port, db=db)
    _require_database(settings.db, create)
    _require_free_port(settings.host, settings.port)
    app = create_app(settings.db, settings)
    where = f"http://{settings.host}:{settings.port}/"
    note = "" if is_loopback(settings.host) else " (not loopback: every request needs a token)"
    print(f"spyglass: serving {settings.db} at {where}{note}", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", proxy_headers=False)


@token_app.command("create")
def token_create(name: Annotated[str, typer.Argument(help="who or what the token is for, e.g. 'ada' or 'ci'")],
                 db: DbOption = None) -> None:
    """Create a token (or replace the one of that name) and print its secret once."""
    with opened(db) as store:
        replaced = any(token.name == name for token in store.tokens())
        secret = store.create_token(name)
    print(secret)
    done = "replaced: the old secret no longer works" if replaced else "created"
    print(f"spyglass: token {name!r} {done}; it is stored hashed and will not be shown again", file=sys.stderr)


@token_app.command("revoke")
def token_revoke(name: Annotated[str, typer.Argument(help="the token's name, as `spyglass token list` shows it")],
                 db: DbOption = None) -> None:
    """Revoke a token: requests made with its secret are refused from now on."""
    with opened(db) as store:
        store.revoke_token(name)
    print(f"spyglass: token {name!r} revoked", file=sys.stderr)


@token_app.command("list")
def token_list(db: DbOption = None) -> None:
    """List token names and when they were created (never the secrets)."""
    with opened(db) as store:
        tokens = store.tokens()
    for token in tokens:
        print(f"{token.name}\t{token.created_at}")
    if not tokens:
        print("spyglass: no tokens yet; create one with `spyglass token create NAME`", file=sys.stderr)


def _require_database(target: str, create: bool) -> None:
    """A SQLite file that does not exist is most often a typo: say so instead of serving an empty one."""
    from pathlib import Path

    from spyglass.errors import InputError

    if "://" in target or create or Path(target).exists():
        return
    raise InputError(f"{target}: no such database", "ingest into it first (spyglass ingest), or pass --create to serve an empty one")


def _require_free_port(host: str, port: int) -> None:
    """A port another program holds is reported before anything says "serving"."""
    import socket

    from spyglass.errors import InputError

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError as err:
            raise InputError(f"cannot listen on {host}:{port}: {err.strerror or err}",
                             "stop the program using it or pass another --port") from None
