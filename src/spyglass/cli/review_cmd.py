"""`spyglass review`: the fields most likely wrong first; `review confirm` and `review correct`.

Thin: the queue is ``Store.review``, a confirmation ``Store.confirm`` (audited, kept across
re-ingest) and a correction goes through `case edit`'s own path (``pipeline.edit_case``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import DbOption, FormatOption, opened, output_format, query_of, rich_console
from .case_cmds import WhoOption, WhyOption, _who

if TYPE_CHECKING:
    from spyglass.store.base import CaseQuery, ReviewItem, ReviewPage, ReviewQuery

__all__ = ["register"]

review_app = typer.Typer(help="The review queue: list case fields most likely wrong first (low confidence, sources that disagree, values a newer report changed); confirm or correct them.")

FieldArgument = Annotated[str, typer.Argument(metavar="FIELD", help="case field (stage, sentence_months, ...)")]
CaseArgument = Annotated[str, typer.Argument(metavar="CASE", help="case id (c-...)")]


def register(app: typer.Typer) -> None:
    """Add the `review` command group to the app."""
    app.add_typer(review_app, name="review")


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    sponsor: Annotated[list[str] | None, typer.Option("--sponsor", help="sponsor country (name or code), repeatable")] = None,
    target: Annotated[list[str] | None, typer.Option("--target", help="target country (name or code), repeatable")] = None,
    service: Annotated[list[str] | None, typer.Option("--service", help="sponsor service, repeatable")] = None,
    stage: Annotated[list[str] | None, typer.Option("--stage", help="stage reached, repeatable")] = None,
    field: Annotated[list[str] | None, typer.Option("--field", help="only this case field, repeatable")] = None,
    limit: Annotated[int, typer.Option("--limit", help="most fields to list")] = 20,
    offset: Annotated[int, typer.Option("--offset", help="fields to skip")] = 0,
    scan: Annotated[int, typer.Option("--scan", help="newest matching cases ranked")] = 2000,
    fmt: FormatOption = "table",
    db: DbOption = None,
) -> None:
    """List case fields most likely wrong first: low confidence, sources that disagree, values a newer report changed."""
    if ctx.invoked_subcommand is not None:
        return
    fmt = output_format(fmt)
    query = _review_query(query_of(sponsor, target, service, stage), field or [], limit, offset, scan)
    with opened(db) as store:
        page = store.review(query)
    if fmt == "jsonl":
        for item in page.items:
            print(item.model_dump_json())
    elif fmt == "json":
        print(json.dumps({"items": [i.model_dump(mode="json") for i in page.items], "total": page.total,
                          "scanned": page.scanned, "limit": limit, "offset": offset}, ensure_ascii=False, indent=2))
    else:
        _print_queue(page)


@review_app.command("confirm")
def confirm(case_id: CaseArgument, field: FieldArgument,
            why: Annotated[str, typer.Option("--why", help="what shows the value is right (kept in the audit log)")] = "",
            who: WhoOption = None, db: DbOption = None) -> None:
    """Confirm a field's value as the case shows it now; it leaves the queue and is marked in exports."""
    with opened(db) as store:
        done = store.confirm(case_id, field, _who(who), why)
    print(f"{done.case_id}: {done.field} = {json.dumps(done.value, ensure_ascii=False)} confirmed by {done.who}")


@review_app.command("correct")
def correct(case_id: CaseArgument, field: FieldArgument,
            value: Annotated[str, typer.Argument(metavar="VALUE", help="the right value, as `case edit --set` reads it")],
            why: WhyOption, who: WhoOption = None, db: DbOption = None) -> None:
    """Correct a field (as `spyglass case edit --set FIELD=VALUE` does); it leaves the queue."""
    from spyglass.pipeline import edit_case

    with opened(db) as store:
        case = edit_case(store, case_id, [f"{field}={value}"], why, _who(who))
    print(f"{case.id}: {field} corrected; {case.title}")


def _review_query(cases: CaseQuery, fields: list[str], limit: int, offset: int, scan: int) -> ReviewQuery:
    """The ``ReviewQuery`` of the options; a value it refuses is a one-line error naming the option."""
    from pydantic import ValidationError

    from spyglass.errors import InputError
    from spyglass.store.base import ReviewQuery

    try:
        return ReviewQuery(cases=cases, fields=tuple(f.strip() for f in fields), limit=limit, offset=offset, scan=scan)
    except ValidationError as err:
        problem = err.errors()[0]
        raise InputError(f"bad --{problem['loc'][0]}: {problem['msg']}", "see `spyglass review --help`") from None


def _print_queue(page: ReviewPage) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(show_lines=False)
    for column in ("doubt", "case", "field", "value", "why queued", "evidence"):
        table.add_column(column, overflow="fold")
    for item in page.items:
        table.add_row(f"{item.doubt:.2f}", item.case_id, item.field, escape(_value_text(item.value)),
                      escape("; ".join(r.text for r in item.reasons)), escape(_quoted(item)))
    console = rich_console()
    console.print(table)
    console.print(f"{len(page.items)} of {page.total} fields to review ({page.scanned} cases ranked); "
                  "confirm with `spyglass review confirm CASE FIELD`")


def _value_text(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(_value_text(v) for v in value)
    if isinstance(value, dict):
        return " ".join(str(v) for v in value.values())
    return "" if value is None else str(value)


def _quoted(item: ReviewItem) -> str:
    """The evidence sentence with the words that state the value in [brackets]."""
    evidence = item.evidence
    if evidence is None:
        return ""
    if evidence.quote_start is None or evidence.quote_end is None:
        return f"“{evidence.sentence}”"
    s, a, b = evidence.sentence, evidence.quote_start, evidence.quote_end
    return f"“{s[:a]}[{s[a:b]}]{s[b:]}”"
