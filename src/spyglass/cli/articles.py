"""`spyglass articles`: list the articles found in files, folders, URLs or stdin.

Thin: ``pipeline.articles`` reads and extracts; this module parses options, prints a table or
JSON Lines, reports each rejected input as one line on stderr and sets the exit status
(0 all read, 1 something was rejected, 2 usage error).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from spyglass.records import Article, Rejected

__all__ = ["register", "articles_command", "Format"]

PROGRESS_MIN_INPUTS = 4  # a folder, or more inputs than this, makes a run long enough for a bar

EXAMPLES = """
Examples:

  spyglass articles page.html feed.xml dump.txt

  spyglass articles corpus/ --format jsonl > articles.jsonl

  curl -s https://example.org/feed/ | spyglass articles -

  spyglass articles https://example.org/feed/ crawl.warc.gz --max-bytes 5000000
"""


class Format(StrEnum):
    table = "table"
    jsonl = "jsonl"


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("articles", epilog=EXAMPLES)(articles_command)


def articles_command(
    inputs: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="files, folders (recursive), http(s) URLs, or - for stdin")],
    format: Annotated[Format, typer.Option(
        "--format", "-f", help="table: one readable row per article; jsonl: one Article JSON per line")] = Format.table,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="allow fetching private, loopback and link-local addresses")] = False,
    max_bytes: Annotated[int | None, typer.Option(
        "--max-bytes", min=1, help="largest document read or fetched, in bytes")] = None,
) -> None:
    """List the articles found in the inputs: posts, pages, feed items and teasers, with metadata.

    Kinds are detected from content (text dumps, HTML, RSS/Atom, WARC), never from file names.
    Rejected inputs are reported on stderr, one line each, and make the exit status 1.
    """
    from spyglass.pipeline import articles
    from spyglass.records import Rejected
    from spyglass.settings import load_settings

    settings = load_settings(allow_private=allow_private or None, max_bytes=max_bytes)
    stream = _with_progress(articles(inputs, settings), inputs)
    rows: list[Article] = []
    rejected = 0
    for found in stream:
        if isinstance(found, Rejected):
            rejected += 1
            print(found.line(), file=sys.stderr)
        elif format is Format.jsonl:
            sys.stdout.write(json.dumps(found.model_dump(mode="json"), ensure_ascii=False) + "\n")
        else:
            rows.append(found)
    if format is Format.table:
        _print_table(rows)
    sys.stdout.flush()
    if rejected:
        print(f"spyglass: {rejected} input(s) rejected", file=sys.stderr)
        raise typer.Exit(1)


def _with_progress(stream: Iterator[Article | Rejected], inputs: list[str]) -> Iterator[Article | Rejected]:
    """A transient progress bar on stderr, for an interactive terminal and a long run only."""
    long_run = len(inputs) >= PROGRESS_MIN_INPUTS or any(os.path.isdir(given) for given in inputs)
    if not (long_run and sys.stderr.isatty()):
        yield from stream
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn

    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading documents", total=None)
        last = None
        for found in stream:
            if found.source != last:
                progress.advance(task)
                last = found.source
            yield found


def _print_table(rows: list[Article]) -> None:
    from rich.console import Console
    from rich.table import Table

    # Piped output has no terminal width; a wide fixed width keeps one article per line.
    console = Console(highlight=False, width=None if sys.stdout.isatty() else 200)
    table = Table(title=f"{len(rows)} article(s)")
    for column, justify in (("source", "left"), ("item", "right"), ("kind", "left"), ("published", "left"),
                            ("lang", "left"), ("title", "left"), ("author", "left"), ("comments", "right"),
                            ("chars", "right")):
        table.add_column(column, justify=justify, no_wrap=True, overflow="ellipsis",  # type: ignore[arg-type]
                         max_width=60 if column in ("source", "title") else 28)
    for article in rows:
        table.add_row(
            _short_source(article.source), str(article.item), article.kind + ("*" if article.partial else ""),
            article.published or "", article.language or "", article.title or "", article.author or "",
            "" if article.comment_count is None else str(article.comment_count), str(len(article.text)),
        )
    console.print(table)
    if any(article.partial for article in rows):
        console.print("* partial: a teaser or the visible part of a paywalled page")


def _short_source(source: str) -> str:
    """The end of a long source, where file names differ."""
    return source if len(source) <= 60 else "…" + source[-59:]
