"""CLI commands over the case database: ingest, cases, case show/edit/merge/split, search, stats.

Thin: each command opens the store named by ``--db`` / ``SPYGLASS_DB``, calls one library
function (``pipeline`` for ingest and curation, the ``Store`` for reading) and prints.
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from spyglass.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.pipeline import IngestSummary
    from spyglass.records import Case, Correction, Mention, Stat
    from spyglass.store.base import AuditEntry, CaseQuery, Store

__all__ = ["register"]

DbOption = Annotated[str | None, typer.Option("--db", help="SQLite file or postgresql:// URL (default: SPYGLASS_DB or ./spyglass.db)")]
WhyOption = Annotated[str, typer.Option("--why", help="why the machine was wrong (required, kept in the audit log)")]
WhoOption = Annotated[str | None, typer.Option("--who", help="who makes the change (default: SPYGLASS_USER or your login)")]

case_app = typer.Typer(help="Show and curate one case: show, edit, merge, split.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(ingest)
    app.command()(cases)
    app.command()(search)
    app.command()(stats)
    app.add_typer(case_app, name="case")


@contextmanager
def _opened(db: str | None) -> Iterator[Store]:
    from spyglass.settings import load_settings
    from spyglass.store import open_store

    store = open_store(load_settings(db=db).db)
    try:
        yield store
    finally:
        store.close()


def _who(who: str | None) -> str:
    if who:
        return who
    try:
        return os.environ.get("SPYGLASS_USER") or getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


def _console() -> Console:
    from rich.console import Console

    return Console(highlight=False, soft_wrap=True)


# --- ingest ---------------------------------------------------------------------------------


def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(help="files, folders, URLs, or - for stdin")] = None,
    samples: Annotated[bool, typer.Option("--samples", help="also ingest the bundled sample corpus")] = False,
    db: DbOption = None,
) -> None:
    """Read documents, find espionage cases in them and store them; re-running changes nothing.

    Exits 1 when some document was rejected (the rest is still stored).
    """
    from spyglass.errors import REJECT_CODES
    from spyglass.pipeline import ingest as run_ingest
    from spyglass.settings import load_settings

    given = list(inputs or [])
    if samples:
        from spyglass.samples import sample_paths

        given += [str(path) for path in sample_paths()]
    if not given:
        raise InputError("nothing to ingest", "give files, folders or URLs, or --samples for the bundled corpus")
    settings = load_settings(db=db)
    with _opened(settings.db) as store, _progress(_document_estimate(given)) as advance:
        summary = run_ingest(given, store, settings, progress=advance)
    _print_summary(summary)
    for code, count in sorted(summary.rejected.items()):
        print(f"spyglass: {count} rejected ({code}): {REJECT_CODES.get(code, '')}", file=sys.stderr)
    if summary.rejected:
        raise typer.Exit(1)


def _document_estimate(inputs: list[str]) -> int | None:
    """Files behind the inputs, for the progress bar; None when unknown (URLs, stdin)."""
    total = 0
    for given in inputs:
        path = Path(given)
        if path.is_dir():
            total += sum(1 for p in path.rglob("*") if p.is_file())
        elif path.is_file():
            total += 1
        else:
            return None
    return total


@contextmanager
def _progress(total: int | None) -> Iterator[Callable[[IngestSummary], None]]:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    columns = (TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TextColumn("documents"),
               TextColumn("{task.fields[cases]} cases"), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=total, cases=0)

        def advance(summary: IngestSummary) -> None:
            bar.update(task, completed=summary.documents,
                       cases=len(summary.new_cases) + len(summary.updated_cases))

        yield advance


def _print_summary(summary: IngestSummary) -> None:
    from rich.table import Table

    table = Table(title="ingest summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, count in summary.rows():
        table.add_row(name, str(count))
    _console().print(table)


# --- reading --------------------------------------------------------------------------------


def cases(
    sponsor: Annotated[list[str] | None, typer.Option("--sponsor", help="sponsor country (alpha-2), repeatable")] = None,
    target: Annotated[list[str] | None, typer.Option("--target", help="target country (alpha-2), repeatable")] = None,
    service: Annotated[list[str] | None, typer.Option("--service", help="sponsor service (MSS, GRU...), repeatable")] = None,
    stage: Annotated[list[str] | None, typer.Option("--stage", help="stage reached, repeatable")] = None,
    year: Annotated[int | None, typer.Option("--year", help="a year the case was reported or active in")] = None,
    text: Annotated[str | None, typer.Option("--text", help="words the case or its articles contain")] = None,
    person: Annotated[str | None, typer.Option("--person", help="an accused person's whole name, any case")] = None,
    sort: Annotated[str, typer.Option("--sort", help="last_reported, first_reported, stage, sponsor, target; - for descending")] = "-last_reported",
    limit: Annotated[int | None, typer.Option("--limit", help="most cases to list (table: 50; jsonl: all)")] = None,
    offset: Annotated[int, typer.Option("--offset", help="cases to skip")] = 0,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl")] = "table",
    db: DbOption = None,
) -> None:
    """List cases matching filters, newest report first."""
    if fmt not in ("table", "jsonl"):
        raise InputError(f"unknown format {fmt!r}", "use --format table or --format jsonl")
    query = _query(sponsor, target, service, stage, year, text, sort, limit or 50, offset, person)
    with _opened(db) as store:
        if fmt == "jsonl":
            _print_jsonl(store, query, limit)
            return
        page = store.cases(query)
    _print_cases(page.items, page.total)


def _query(sponsor: list[str] | None, target: list[str] | None, service: list[str] | None, stage: list[str] | None,
           year: int | None, text: str | None, sort: str, limit: int, offset: int,
           person: str | None = None) -> CaseQuery:
    from pydantic import ValidationError

    from spyglass.records import STAGES
    from spyglass.store.base import CaseQuery

    for given in stage or []:
        if given not in STAGES:
            raise InputError(f"unknown stage {given!r}", f"use one of {', '.join(STAGES)}")
    try:
        return CaseQuery(
            sponsor=tuple(s.upper() for s in sponsor or ()), target=tuple(t.upper() for t in target or ()),
            service=tuple(service or ()), stage=tuple(stage or ()), year=year, text=text, person=person,
            sort=sort, limit=limit, offset=offset,  # type: ignore[arg-type]  # validated right here
        )
    except ValidationError as err:
        problem = err.errors()[0]
        where = ".".join(str(p) for p in problem["loc"])
        raise InputError(f"bad --{where}: {problem['msg']}", "see `spyglass cases --help`") from None


def _print_jsonl(store: Store, query: CaseQuery, limit: int | None) -> None:
    """The same JSON Lines shape as `spyglass export --format jsonl`: one documented format."""
    from spyglass.export.jsonl import case_line

    found = store.iter_cases(query) if limit is None else iter(store.cases(query).items)
    for case in found:
        print(case_line(case))


def _print_cases(items: list[Case], total: int) -> None:
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("case", "title", "stage", "reported", "sources"):
        table.add_column(column, overflow="fold")
    for case in items:
        reported = " … ".join(dict.fromkeys(d for d in (case.first_reported, case.last_reported) if d))
        table.add_row(case.id, case.title, case.stage or "", reported, str(len(case.sources)))
    console = _console()
    console.print(table)
    console.print(f"{len(items)} of {total} cases")


def search(
    text: Annotated[str, typer.Argument(help="words to find in cases and articles")],
    limit: Annotated[int, typer.Option("--limit", help="most hits")] = 20,
    kind: Annotated[str, typer.Option("--kind", help="all, case or article")] = "all",
    db: DbOption = None,
) -> None:
    """Full-text search over cases and articles."""
    if kind not in ("all", "case", "article"):
        raise InputError(f"unknown kind {kind!r}", "use --kind all, case or article")
    with _opened(db) as store:
        hits = store.search(text, limit=limit, kind=kind)  # type: ignore[arg-type]  # checked above
    console = _console()
    for hit in hits:
        console.print(f"[bold]{hit.kind}[/bold] {hit.id}  {hit.published or ''}  {hit.title}", markup=True)
        console.print(f"    {hit.snippet}", markup=False)
    console.print(f"{len(hits)} hits")


def stats(db: DbOption = None) -> None:
    """Cases per year by sponsor and by target, top country pairs, reported statistics."""
    from rich.table import Table

    with _opened(db) as store:
        by_sponsor = store.case_counts_by("sponsor", by_year=True)
        by_target = store.case_counts_by("target", by_year=True)
        pairs = store.country_pairs(limit=10)
        reported = store.stats()
        counts = store.counts()
    console = _console()
    console.print(" · ".join(f"{name} {count}" for name, count in counts.items()))
    for title, rows in (("cases per year by sponsor", by_sponsor), ("cases per year by target", by_target)):
        table = Table(title=title)
        years = sorted({row.year for row in rows if row.year is not None})
        table.add_column("country")
        for y in years:
            table.add_column(str(y), justify="right")
        for value in sorted({row.value for row in rows}):
            cells = {row.year: row.count for row in rows if row.value == value}
            table.add_row(value, *(str(cells.get(y, "")) for y in years))
        console.print(table)
    pair_table = Table(title="top country pairs (sponsor → target)")
    pair_table.add_column("pair")
    pair_table.add_column("cases", justify="right")
    for pair in pairs:
        pair_table.add_row(f"{pair.sponsor} → {pair.target}", str(pair.count))
    console.print(pair_table)
    _print_series(console, reported)


def _print_series(console: Console, reported: list[Stat]) -> None:
    from rich.table import Table

    table = Table(title="reported statistics")
    for column in ("subject", "series (year: value)", "sources"):
        table.add_column(column, overflow="fold")
    series: dict[str, list[Stat]] = {}
    for stat in reported:
        series.setdefault(stat.subject, []).append(stat)
    for subject, found in series.items():
        points = ", ".join(f"{s.year}: {s.value}" for s in sorted(found, key=lambda s: s.year))
        sources = ", ".join(dict.fromkeys(s.evidence.article_id for s in found if s.evidence))
        table.add_row(subject, points, sources)
    console.print(table)


# --- one case -------------------------------------------------------------------------------


@case_app.command("show")
def case_show(
    case_id: Annotated[str, typer.Argument(metavar="CASE", help="case id (c-...)")],
    fmt: Annotated[str, typer.Option("--format", help="text or json")] = "text",
    db: DbOption = None,
) -> None:
    """A case's fields with their evidence, its timeline, sources, mentions and corrections."""
    with _opened(db) as store:
        case = store.case(case_id)
        if fmt == "json":
            print(case.model_dump_json(indent=2))
            return
        corrections = store.corrections(case_id)
        audit = store.audit(case_id)
        mentions = store.mentions_of(case_id)
    _print_case(_console(), case, corrections, audit, mentions)


@case_app.command("edit")
def case_edit(
    case_id: Annotated[str, typer.Argument(metavar="CASE")],
    assignments: Annotated[list[str], typer.Option("--set", help="FIELD=VALUE, repeatable (stage=convicted)")],
    why: WhyOption,
    who: WhoOption = None,
    db: DbOption = None,
) -> None:
    """Correct case fields; corrections win over machine values on every re-run."""
    from spyglass.pipeline import edit_case

    with _opened(db) as store:
        case = edit_case(store, case_id, assignments, why, _who(who))
    print(f"{case.id}: {case.title}")


@case_app.command("merge")
def case_merge(
    case_a: Annotated[str, typer.Argument(metavar="A")],
    case_b: Annotated[str, typer.Argument(metavar="B")],
    why: WhyOption,
    who: WhoOption = None,
    db: DbOption = None,
) -> None:
    """Join two cases that are one; the one reported first keeps its id. Undo with split --undo-merge."""
    from spyglass.pipeline import merge_cases

    with _opened(db) as store:
        case = merge_cases(store, case_a, case_b, why, _who(who))
    gone = case_b if case.id == case_a else case_a
    print(f"merged {gone} into {case.id}: {case.title}")


@case_app.command("split")
def case_split(
    case_id: Annotated[str, typer.Argument(metavar="CASE")],
    why: WhyOption,
    mention: Annotated[list[str] | None, typer.Option("--mention", help="ARTICLE:INDEX to move out, repeatable")] = None,
    undo_merge: Annotated[str | None, typer.Option("--undo-merge", help="give back a case merged into this one")] = None,
    who: WhoOption = None,
    db: DbOption = None,
) -> None:
    """Move mentions out of a case into a new one (they never rejoin it), or undo a merge."""
    from spyglass.pipeline import split_case, unmerge_case

    if bool(mention) == bool(undo_merge):
        raise InputError("say what to split", "give --mention ARTICLE:INDEX or --undo-merge CASE (not both)")
    with _opened(db) as store:
        if undo_merge:
            kept, new = unmerge_case(store, case_id, undo_merge, why, _who(who))
        else:
            kept, new = split_case(store, case_id, mention or [], why, _who(who))
    print(f"{kept.id}: {kept.title}")
    print(f"{new.id}: {new.title}")


def _print_case(
    console: Console, case: Case, corrections: list[Correction], audit: list[AuditEntry], mentions: list[Mention]
) -> None:
    from rich.markup import escape

    from spyglass.records import CaseFacts

    console.print(f"[bold]{escape(case.title)}[/bold]  ({case.id})")
    console.print(f"reported {case.first_reported or '?'} … {case.last_reported or '?'}")
    corrected = {c.field for c in corrections}
    for name in CaseFacts.model_fields:
        value = getattr(case, name)
        if value in (None, ()):
            continue
        mark = "  (corrected)" if name in corrected else ""
        sources = ", ".join(case.field_sources.get(name, ()))
        console.print(f"{name}: {escape(_shown(value))}{mark}" + (f"   ← {sources}" if sources else ""))
        if name in case.evidence:
            console.print(f"    “{escape(case.evidence[name].sentence)}”", style="dim")
    console.print("[bold]timeline[/bold]")
    for event in case.timeline:
        console.print(f"  {event.date or '????'}  {event.stage:<10} {event.article_id}")
    console.print("[bold]sources[/bold]")
    for source in case.sources:
        where = " ".join(p for p in (source.site_name, source.url) if p)
        console.print(f"  {source.published or '????'}  {escape(source.title or source.article_id)}  {escape(where)}")
    console.print("[bold]mentions[/bold] (for `case split --mention`)")
    for mention in mentions:
        console.print(f"  {mention.article_id}:{mention.index}  {escape(mention.summary[:120])}")
    if corrections or audit:
        console.print("[bold]corrections and audit[/bold]")
    for entry in audit:
        console.print(f"  {entry.at[:19]}  {entry.who}  {entry.action}  {escape(entry.detail)}  — {escape(entry.why)}")


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_shown(v) for v in value)
    if hasattr(value, "amount") and hasattr(value, "currency"):
        return f"{value.amount:,.0f} {value.currency}"
    return str(value)
