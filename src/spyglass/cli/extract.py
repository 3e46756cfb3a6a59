"""`spyglass extract`: analyse documents and print one line per article (jsonl) or a readable table.

Thin: the pipeline reads and analyses, ``understand.analysis_json`` shapes each line; this module
parses options, prints, reports rejected inputs on stderr and sets the exit status.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.records import Analysis, Rejected

__all__ = ["register", "extract_lines", "Format"]


class Format(StrEnum):
    jsonl = "jsonl"
    table = "table"


PROGRESS_MIN_INPUTS = 20  # fewer inputs finish before a bar is worth drawing


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command("extract")(extract)


def extract(
    inputs: Annotated[list[str], typer.Argument(help="files, folders, URLs or - for stdin", metavar="INPUT...")],
    format: Annotated[Format, typer.Option("--format", "-f", help="jsonl: one JSON object per article; table: readable cases with evidence")] = Format.jsonl,
    spacy_model: Annotated[str | None, typer.Option("--spacy-model", help="installed spaCy package for English NER")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="largest document read, in bytes")] = None,
) -> None:
    """Find espionage cases and statistics in documents, with the evidence for every field."""
    from spyglass.settings import load_settings

    settings = load_settings(spacy_model=spacy_model, max_bytes=max_bytes)
    rejected = 0
    stream = _with_progress(_analyses(inputs, settings), len(inputs))
    console = _console() if format is Format.table else None
    for found in stream:
        if _is_rejected(found):
            rejected += 1
            print(found.line(), file=sys.stderr)  # type: ignore[union-attr]
            continue
        if console is None:
            sys.stdout.write(json.dumps(_json(found), ensure_ascii=False) + "\n")
        else:
            _print_table(console, found)  # type: ignore[arg-type]
    sys.stdout.flush()
    if rejected:
        raise typer.Exit(1)


def extract_lines(inputs: Iterable[str], settings: object) -> Iterator[str]:
    """The jsonl lines `spyglass extract` prints, for tests and benchmarks (rejected inputs skipped)."""
    for found in _analyses(list(inputs), settings):
        if not _is_rejected(found):
            yield json.dumps(_json(found), ensure_ascii=False)


def _analyses(inputs: list[str], settings: object) -> Iterator[Analysis | Rejected]:
    from spyglass.pipeline import analyses

    return analyses(inputs, settings)  # type: ignore[arg-type]


def _json(analysis: object) -> dict[str, object]:
    from spyglass.understand import analysis_json

    return analysis_json(analysis)  # type: ignore[arg-type]


def _is_rejected(found: object) -> bool:
    from spyglass.records import Rejected

    return isinstance(found, Rejected)


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False)


def _with_progress(stream: Iterator[Analysis | Rejected], total: int) -> Iterator[Analysis | Rejected]:
    """A progress bar on stderr over inputs, only for an interactive terminal and a long run."""
    if total < PROGRESS_MIN_INPUTS or not sys.stderr.isatty():
        yield from stream
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("extracting", total=total)
        last = None
        for found in stream:
            source = found.source if _is_rejected(found) else found.article.source  # type: ignore[union-attr]
            if source != last:
                if last is not None:
                    progress.advance(task)
                last = source
            yield found
        progress.update(task, completed=total)


def _print_table(console: Console, analysis: Analysis) -> None:
    from rich.panel import Panel
    from rich.table import Table

    article = analysis.article
    verdict = "espionage" if analysis.relevance.is_espionage else "not espionage"
    head = f"[bold]{article.title or '(no title)'}[/bold]\n{article.source} #{article.item} · {article.published or 'undated'} · {verdict} ({analysis.relevance.score:.2f})"
    console.print(Panel(head, expand=True))
    for n, mention in enumerate(analysis.mentions, 1):
        table = Table(title=f"case {n}: {mention.summary[:100]}", show_lines=True, expand=True)
        table.add_column("field", style="bold", no_wrap=True)
        table.add_column("value")
        table.add_column("evidence", ratio=3)
        for name, value in _case_fields(mention):
            evidence = mention.evidence.get(name)
            table.add_row(name, value, f"{evidence.sentence}\n[dim]{evidence.rule} · {evidence.confidence:.2f}[/dim]" if evidence else "")
        console.print(table)
    if analysis.stats:
        table = Table(title="statistics", expand=True)
        for column in ("subject", "year", "value", "evidence"):
            table.add_column(column)
        for stat in analysis.stats:
            table.add_row(stat.subject, str(stat.year), str(stat.value), stat.evidence.sentence if stat.evidence else "")
        console.print(table)


def _case_fields(mention: object) -> list[tuple[str, str]]:
    from spyglass.understand.analyzer import mention_json

    shown = mention_json(mention)  # type: ignore[arg-type]
    return [
        (name, json.dumps(value, ensure_ascii=False))
        for name, value in shown.items()
        if name not in ("evidence", "summary") and value not in (None, [], "")
    ]
