"""CLI commands over the case database: ingest, cases, search, stats (one case: ``case_cmds``).

Thin: each command opens the store named by ``--db`` / ``SPYGLASS_DB``, calls one library
function (``pipeline`` for ingest, the ``Store`` for reading) and prints.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from spyglass.errors import InputError

from . import forget_cmd
from ._common import DbOption, FormatOption, opened, output_format, query_of, rich_console

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.crawl import CrawlReport
    from spyglass.pipeline import IngestSummary
    from spyglass.records import Case
    from spyglass.store.base import CaseQuery, StatSeries, Store

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    """Add this module's commands to the app."""
    app.command()(ingest)
    app.command()(cases)
    app.command()(search)
    app.command()(stats)
    app.command()(doctor)
    forget_cmd.register(app)  # taking stored articles out again is a command over the database too


# --- ingest ---------------------------------------------------------------------------------


def ingest(
    inputs: Annotated[list[str] | None, typer.Argument(help="files, folders, URLs, or - for stdin")] = None,
    samples: Annotated[bool, typer.Option("--samples", help="also ingest the bundled sample corpus")] = False,
    allow_private: Annotated[bool, typer.Option(
        "--allow-private", help="allow fetching private, loopback and link-local addresses")] = False,
    exclude: Annotated[list[str] | None, typer.Option(
        "--exclude", help="glob of files a folder input leaves out, by name or path inside it (*.md); repeatable")] = None,
    redo: Annotated[bool, typer.Option(
        "--redo", help="read again the files an earlier run finished (by default they are skipped)")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", help="read and analyse on a local dask cluster of N worker processes", min=1)] = None,
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", help="read and analyse on the workers of this dask scheduler (tcp://HOST:8786)")] = None,
    db: DbOption = None,
) -> None:
    """Read documents, find espionage cases in them and store them; re-running changes nothing.

    Files an earlier run finished are skipped (--redo reads them again), so an interrupted
    crawl resumes where it stopped. Exits 1 when some document was rejected (the rest is still stored).
    """
    from spyglass.crawl import ingest_crawl
    from spyglass.settings import load_settings

    given = list(inputs or [])
    if samples:
        from spyglass.samples import sample_paths

        given += [str(path) for path in sample_paths()]
    if not given:
        raise InputError("nothing to ingest", "give files, folders or URLs, or --samples for the bundled corpus")
    if workers is not None and scheduler:
        raise InputError("--workers and --scheduler both given", "--workers starts a local cluster; --scheduler uses yours")
    settings = load_settings(db=db, allow_private=allow_private or None, exclude=",".join(exclude) if exclude else None)
    try:
        with opened(settings.db) as store, _progress() as advance:
            report = ingest_crawl(given, store, settings, workers=workers, scheduler=scheduler, redo=redo,
                                  progress=advance)
    except KeyboardInterrupt:
        print("spyglass: interrupted; what was stored is kept and the same command resumes "
              "(finished files are skipped)", file=sys.stderr)
        raise typer.Exit(130) from None
    _report(report, given, settings.exclude)


def _report(report: CrawlReport, given: list[str], exclude: str) -> None:
    """The closing summary, then one line per note and per rejection code; exit 1 on rejections."""
    from spyglass.errors import REJECT_CODES
    from spyglass.sources.files import files_left_out, globs_of

    summary = report.summary
    _print_summary(summary)
    if report.already_done:
        print(f"spyglass: skipped {report.already_done} file(s) an earlier run finished (--redo reads them again)",
              file=sys.stderr)
    left_out = files_left_out(given, globs_of(exclude))
    if left_out:
        print(f"spyglass: left out {left_out} file(s) matching --exclude", file=sys.stderr)
    for rejected in summary.rejections:  # each named, as `spyglass articles` names them
        print(rejected.line(), file=sys.stderr)
    named = len(summary.rejections)
    if named < sum(summary.rejected.values()):
        print(f"spyglass: the first {named} rejected inputs are named above; the rest are counted below",
              file=sys.stderr)
    for code, count in sorted(summary.rejected.items()):
        print(f"spyglass: {count} rejected ({code}): {REJECT_CODES.get(code, '')}", file=sys.stderr)
    if summary.rejected:
        raise typer.Exit(1)


@contextmanager
def _progress() -> Iterator[Callable[[CrawlReport], None]]:
    """A live line on a terminal: input read (by bytes of files), records, pages/s, relevant, cases."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TaskProgressColumn, TextColumn

    console = Console(stderr=True)
    # narrow enough for 80 columns; the bar is the share of input bytes in finished slices
    columns = (BarColumn(bar_width=10), TaskProgressColumn(),
               TextColumn("{task.fields[files]} files · {task.fields[records]} records · {task.fields[rate]} pages/s · "
                          "{task.fields[relevant]} relevant · {task.fields[cases]} cases"))
    with Progress(*columns, console=console, transient=True, disable=not console.is_terminal) as bar:
        task = bar.add_task("ingest", total=None, files="0/0", records=0, rate=0, relevant=0, cases=0)

        def advance(report: CrawlReport) -> None:
            summary = report.summary
            bar.update(task, total=report.bytes_total or None, completed=report.bytes_done,
                       files=f"{report.finished}/{report.files}", records=summary.documents,
                       rate=f"{report.pages_per_second:.0f}", relevant=summary.relevant,
                       cases=len(summary.new_cases) + len(summary.updated_cases))

        yield advance


def _print_summary(summary: IngestSummary) -> None:
    from rich.table import Table

    table = Table(title="ingest summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    for name, count in summary.rows():
        table.add_row(name, str(count))
    rich_console().print(table)


# --- reading --------------------------------------------------------------------------------


def cases(
    sponsor: Annotated[list[str] | None, typer.Option("--sponsor", help="sponsor country (alpha-2), repeatable")] = None,
    target: Annotated[list[str] | None, typer.Option("--target", help="target country (alpha-2), repeatable")] = None,
    service: Annotated[list[str] | None, typer.Option("--service", help="sponsor service (MSS, GRU...), repeatable")] = None,
    stage: Annotated[list[str] | None, typer.Option("--stage", help="stage reached, repeatable")] = None,
    year: Annotated[int | None, typer.Option("--year", help="a year the case was reported or active in")] = None,
    text: Annotated[str | None, typer.Option("--text", help="words the case or its articles contain")] = None,
    person: Annotated[str | None, typer.Option("--person", help="words of an accused person's name, any order and case (kevin mallory)")] = None,
    sort: Annotated[str, typer.Option("--sort", help="last_reported, first_reported, stage, sponsor, target; - for descending")] = "-last_reported",
    limit: Annotated[int | None, typer.Option("--limit", help="most cases to list (table and json: 50; jsonl: all)")] = None,
    offset: Annotated[int, typer.Option("--offset", help="cases to skip")] = 0,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List cases matching filters, newest report first."""
    fmt = output_format(fmt)
    query = _query(sponsor, target, service, stage, year, text, sort, limit or 50, offset, person)
    with opened(db) as store:
        if fmt == "jsonl":
            _print_jsonl(store, query, limit)
            return
        page = store.cases(query)
    if fmt == "json":
        _print_json({"items": [json.loads(case_line(c)) for c in page.items], "total": page.total,
                     "limit": query.limit, "offset": query.offset})
        return
    _print_cases(page.items, page.total)


def _query(sponsor: list[str] | None, target: list[str] | None, service: list[str] | None, stage: list[str] | None,
           year: int | None, text: str | None, sort: str, limit: int, offset: int,
           person: str | None = None) -> CaseQuery:
    return query_of(sponsor, target, service, stage, year, text, person, sort=sort, limit=limit, offset=offset)


def _print_json(document: object) -> None:
    print(json.dumps(document, ensure_ascii=False, indent=2))


def case_line(case: Case) -> str:
    """One case as `spyglass export --format jsonl` writes it: one documented shape everywhere."""
    from spyglass.export.jsonl import case_line as exported

    return exported(case)


def _print_jsonl(store: Store, query: CaseQuery, limit: int | None) -> None:
    """The same JSON Lines shape as `spyglass export --format jsonl`: one documented format."""
    found = store.iter_cases(query) if limit is None else iter(store.cases(query).items)
    for case in found:
        print(case_line(case))


def _print_cases(items: list[Case], total: int) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("case", "title", "stage", "reported", "sources"):
        table.add_column(column, overflow="fold")
    for case in items:
        reported = " … ".join(dict.fromkeys(d for d in (case.first_reported, case.last_reported) if d))
        table.add_row(case.id, escape(case.title), case.stage or "", reported, str(len(case.sources)))
    console = rich_console()
    console.print(table)
    console.print(f"{len(items)} of {total} cases")


def search(
    text: Annotated[str, typer.Argument(help="words to find in cases and articles")],
    limit: Annotated[int, typer.Option("--limit", help="most hits")] = 20,
    kind: Annotated[str, typer.Option("--kind", help="all, case or article")] = "all",
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """Full-text search over cases and articles."""
    fmt = output_format(fmt)
    if kind not in ("all", "case", "article"):
        raise InputError(f"unknown kind {kind!r}", "use --kind all, case or article")
    from rich.markup import escape

    with opened(db) as store:
        hits = store.search(text, limit=limit, kind=kind)  # type: ignore[arg-type]  # checked above
    if fmt == "jsonl":
        for hit in hits:
            print(hit.model_dump_json())
        return
    if fmt == "json":
        _print_json({"items": [h.model_dump(mode="json") for h in hits], "total": len(hits)})
        return
    console = rich_console()
    for hit in hits:
        console.print(f"[bold]{hit.kind}[/bold] {hit.id}  {hit.published or ''}  {escape(hit.title)}", markup=True)
        console.print(f"    {hit.snippet}", markup=False)
    console.print(f"{len(hits)} hits")


def stats(fmt: Annotated[str, typer.Option("--format", "-f", help="table or json (one document)")] = "table",
          db: DbOption = None) -> None:
    """Cases per year by sponsor and by target, top country pairs, reported statistics."""
    from rich.table import Table

    fmt = output_format(fmt, ("table", "json"))
    with opened(db) as store:
        by_sponsor = store.case_counts_by("sponsor", by_year=True)
        by_target = store.case_counts_by("target", by_year=True)
        pairs = store.country_pairs(limit=10)
        reported = store.stat_series()
        counts = store.counts()
    if fmt == "json":
        _print_json({
            "counts": counts,
            "cases_by_sponsor": [r.model_dump(mode="json") for r in by_sponsor],
            "cases_by_target": [r.model_dump(mode="json") for r in by_target],
            "top_pairs": [p.model_dump(mode="json") for p in pairs],
            "reported_statistics": [r.model_dump(mode="json") for r in reported],
        })
        return
    console = rich_console()
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


def _print_series(console: Console, reported: list[StatSeries]) -> None:
    """Each reported series once: its state, what it counts, one point a year, its articles."""
    from rich.markup import escape  # measures are built from scraped text; brackets would read as markup
    from rich.table import Table

    table = Table(title="reported statistics")
    for column in ("country", "measure", "year: value (sources)", "articles"):
        table.add_column(column, overflow="fold")
    for series in reported:
        points = ", ".join(
            f"{p.year}: {p.value}" + (f" ({len(p.sources)})" if len(p.sources) > 1 else "")
            + (" [also " + ", ".join(str(c.value) for c in p.conflicts) + "]" if p.conflicts else "")
            for p in series.points
        )
        table.add_row(series.country or "", escape(series.measure), escape(points), ", ".join(series.sources))
    console.print(table)


# --- health ---------------------------------------------------------------------------------


def doctor(db: DbOption = None) -> None:
    """Check the database: it opens, its schema is current and SQLite finds every page sound.

    Exits 1 and names the problems when it is damaged; restore a backup or ingest again into a new file.
    """
    from spyglass.errors import DamagedStoreError
    from spyglass.settings import load_settings
    from spyglass.store import check_store

    try:
        health = check_store(load_settings(db=db).db)
    except DamagedStoreError as err:  # it does not even open: that is the finding
        print(f"spyglass: {err.message}; restore a backup or ingest into a new file", file=sys.stderr)
        raise typer.Exit(1) from None
    if health.sound:
        counts = ", ".join(f"{n} {name}" for name, n in health.counts.items())
        print(f"database {health.target}: sound ({health.backend}, schema version {health.schema_version}; {counts})")
        return
    for problem in health.problems:
        print(f"  {problem}", file=sys.stderr)
    print(f"spyglass: database {health.target} is damaged: {len(health.problems)} problem(s) found; "
          "restore a backup or ingest into a new file", file=sys.stderr)
    raise typer.Exit(1)

