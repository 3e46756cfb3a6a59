"""CLI commands `spyglass export`, `spyglass import` and `spyglass watch add/list/remove/check`.

Thin: each command parses options, opens the store, calls one library function in
``spyglass.export`` (or ``pipeline.import_cases``) and prints a one-line summary to stderr.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, BinaryIO, TextIO

import typer

from spyglass.errors import InputError
from spyglass.records import STAGES
from spyglass.settings import load_settings

from ._common import DbOption, opened, query_of

__all__ = ["register"]

Sponsor = Annotated[list[str] | None, typer.Option("--sponsor", help="sponsor country (ISO alpha-2); repeatable")]
Target = Annotated[list[str] | None, typer.Option("--target", help="target country (ISO alpha-2); repeatable")]
Service = Annotated[list[str] | None, typer.Option("--service", help="sponsoring service, e.g. MSS; repeatable")]
StageOpt = Annotated[list[str] | None, typer.Option("--stage", help=f"stage: {', '.join(STAGES)}; repeatable")]
Year = Annotated[int | None, typer.Option("--year", help="a year the case was reported or active in")]
Text = Annotated[str | None, typer.Option("--text", help="full-text query over cases and their articles")]
Person = Annotated[str | None, typer.Option("--person", help="words of an accused person's name, any order and case (kevin mallory)")]

watch_app = typer.Typer(name="watch", help="Watchlists: saved filters whose new cases and stages you follow.",
                        no_args_is_help=True)


def _checked_output(path: str) -> None:
    """``InputError`` before anything is read when ``-o PATH`` cannot become a file."""
    final = Path(path)
    try:
        is_folder, folder_exists = final.is_dir(), final.parent.is_dir()
    except OSError as err:
        raise InputError(f"cannot write {path}: {err.strerror or err}", "check the folder's permissions") from None
    if is_folder:
        raise InputError(f"cannot write {path}: it is a folder", f"give a file name, e.g. -o {final / 'cases.json'}")
    if not folder_exists:
        raise InputError(f"cannot write {path}: folder {final.parent} does not exist", "create the folder first")


@contextmanager
def _output(path: str, csv_mode: bool) -> Iterator[TextIO]:
    """stdout for ``-``; otherwise a temporary file renamed into place, so a failed export leaves no half file."""
    if path == "-":
        yield sys.stdout
        return
    final = Path(path)
    partial = final.with_name(final.name + ".part")
    try:
        try:
            out = partial.open("w", encoding="utf-8", newline="" if csv_mode else None)
        except OSError as err:
            raise InputError(f"cannot write {path}: {err.strerror or err}", "check the folder's permissions") from None
        with out:
            yield out
        try:
            os.replace(partial, final)
        except OSError as err:
            raise InputError(f"cannot write {path}: {err.strerror or err}", "give another file name") from None
    finally:
        partial.unlink(missing_ok=True)


def export(
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl, stix or atom")] = "jsonl",
    output: Annotated[str, typer.Option("--output", "-o", help="file to write; '-' for stdout")] = "-",
    sponsor: Sponsor = None, target: Target = None, service: Service = None, stage: StageOpt = None,
    year: Year = None, text: Text = None, person: Person = None, db: DbOption = None,
    base_url: Annotated[str | None, typer.Option(help="dashboard URL the Atom entries link to")] = None,
    limit: Annotated[int, typer.Option(help="Atom only: newest cases in the feed", min=1, max=10_000)] = 100,
) -> None:
    """Export the cases matching the filters as CSV, JSON Lines, a STIX 2.1 bundle or an Atom feed."""
    from spyglass.export import FORMATS, export_cases

    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r} is not known", f"use one of: {', '.join(FORMATS)}")
    from spyglass.export.facts import web_url

    query = query_of(sponsor, target, service, stage, year, text, person)
    if output != "-":
        _checked_output(output)
    if base_url is not None and web_url(base_url) is None:
        raise InputError(f"--base-url {base_url!r} is not an http(s) URL", "give e.g. https://spyglass.example.org")
    settings = load_settings(db=db)
    url = base_url or f"http://{settings.host}:{settings.port}"
    started = time.perf_counter()
    with opened(db) as store, _output(output, fmt == "csv") as out:
        count = export_cases(store, query, fmt, out, base_url=url, feed_limit=limit)
        matching = store.cases(query.model_copy(update={"limit": 1})).total if fmt == "atom" else count
    seconds = time.perf_counter() - started
    where = "stdout" if output == "-" else output
    print(f"exported {count} case(s) as {fmt} to {where} in {seconds:.1f} s", file=sys.stderr)
    if matching > count:
        print(f"spyglass: the feed holds the newest {count} of {matching} matching cases; "
              "raise --limit for more, or filter", file=sys.stderr)


def import_(
    file: Annotated[str, typer.Argument(help="a JSON Lines file from `spyglass export -f jsonl`; '-' for stdin")],
    db: DbOption = None,
) -> None:
    """Import cases from a Spyglass JSON Lines export; bad lines are reported and skipped (exit status 1)."""
    from spyglass.export.jsonl import LineError
    from spyglass.pipeline import import_cases

    _checked_input(file)
    imported = bad = 0
    with _binary_input(file) as lines, opened(db) as store:
        for item in import_cases(lines, store, source=file):
            if isinstance(item, LineError):
                bad += 1
                print(f"spyglass: {item}", file=sys.stderr)
            else:
                imported += 1
    print(f"imported {imported} case(s) from {file}; {bad} bad line(s) skipped", file=sys.stderr)
    if bad:
        raise typer.Exit(1)


def _checked_input(path: str) -> None:
    """``InputError`` before the database is opened when ``path`` is no file to import."""
    if path == "-":
        return
    hint = "give the path of a `spyglass export -f jsonl` file"
    try:
        is_folder, is_file = os.path.isdir(path), Path(path).is_file()
    except OSError as err:
        raise InputError(f"{path}: cannot read it ({err.strerror or err})", "check its folder's permissions") from None
    if is_folder:
        raise InputError(f"{path}: is a folder", hint)
    if not is_file:
        raise InputError(f"{path}: no such file", hint)


@contextmanager
def _binary_input(path: str) -> Iterator[Iterator[bytes]]:
    if path == "-":
        yield iter(sys.stdin.buffer)
        return
    try:
        handle = open(path, "rb")
    except OSError as err:
        raise InputError(f"{path}: cannot read it ({err.strerror or err})", "check the file's permissions") from None
    with handle:
        yield _read_lines(handle, path)


def _read_lines(handle: BinaryIO, path: str) -> Iterator[bytes]:
    try:
        yield from handle
    except OSError as err:  # an I/O error halfway (a failing disk, a file on a vanished mount)
        raise InputError(f"{path}: cannot read it ({err.strerror or err})", "check the file and try again") from None


@watch_app.command("add")
def watch_add(name: Annotated[str, typer.Argument(help="watchlist name (letters, digits, . _ -)")],
              sponsor: Sponsor = None, target: Target = None, service: Service = None, stage: StageOpt = None,
              year: Year = None, text: Text = None, person: Person = None, db: DbOption = None) -> None:
    """Save a watchlist: any case filters, e.g. `spyglass watch add taiwan --sponsor CN --target TW`."""
    from spyglass.export.watch import add_watch, filters_text

    with opened(db) as store:
        watch = add_watch(store, name, query_of(sponsor, target, service, stage, year, text, person))
    print(f"watchlist {watch.name}: {filters_text(watch.query)}")


@watch_app.command("list")
def watch_list(db: DbOption = None) -> None:
    """List the watchlists with their filters and when each was last checked."""
    from spyglass.export.watch import filters_text

    with opened(db) as store:
        watches = store.watches()
    for watch in watches:
        print(f"{watch.name}\t{filters_text(watch.query)}\tlast checked: {watch.last_checked or 'never'}")
    if not watches:
        print("no watchlists; add one with `spyglass watch add NAME --sponsor CN`", file=sys.stderr)


@watch_app.command("remove")
def watch_remove(name: str, db: DbOption = None) -> None:
    """Remove a watchlist."""
    with opened(db) as store:
        store.remove_watch(name)
    print(f"removed watchlist {name}", file=sys.stderr)


@watch_app.command("check")
def watch_check(name: str, db: DbOption = None) -> None:
    """Print the new cases and new stages since the last check, then mark the watchlist checked."""
    from spyglass.export.watch import change_line

    with opened(db) as store:
        since = store.watch(name).last_checked
        changes = store.check_watch(name)
    for change in changes:
        print(change_line(change))
    print(f"{len(changes)} change(s) in {name} since {since or 'the watchlist was made'}", file=sys.stderr)


def register(app: typer.Typer) -> None:
    """Add `export`, `import` and the `watch` group to the app."""
    app.command("export")(export)
    app.command("import")(import_)
    app.add_typer(watch_app)
