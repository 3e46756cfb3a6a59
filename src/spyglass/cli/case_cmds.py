"""CLI commands on one case: `spyglass case show`, `case edit`, `case merge`, `case split`.

Thin: each command opens the store, calls one curation function in ``pipeline`` (or reads the
case from the ``Store``) and prints; corrections carry who made them and why.
"""

from __future__ import annotations

import getpass
from typing import TYPE_CHECKING, Annotated

import typer

from spyglass.errors import InputError

from ._common import DbOption, opened, output_format, rich_console

if TYPE_CHECKING:
    from rich.console import Console

    from spyglass.records import Case, Correction, Mention
    from spyglass.store.base import AuditEntry

__all__ = ["register"]

WhyOption = Annotated[str, typer.Option("--why", help="why the machine was wrong (required, kept in the audit log)")]
WhoOption = Annotated[str | None, typer.Option("--who", help="who makes the change (default: SPYGLASS_USER or your login)")]

case_app = typer.Typer(help="Show and curate one case: show, edit, merge, split.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    """Add the `case` command group to the app."""
    app.add_typer(case_app, name="case")


def _who(who: str | None) -> str:
    if who:
        return who
    from spyglass.settings import load_settings

    try:
        return load_settings().user or getpass.getuser()
    except (KeyError, OSError):
        return "analyst"


@case_app.command("show")
def case_show(
    case_id: Annotated[str, typer.Argument(metavar="CASE", help="case id (c-...)")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="text, json (indented) or jsonl (one line)")] = "text",
    db: DbOption = None,
) -> None:
    """A case's fields with their evidence, its timeline, sources, mentions and corrections."""
    fmt = output_format(fmt, ("text", "json", "jsonl"))
    with opened(db) as store:
        case = store.case(case_id)
        if fmt in ("json", "jsonl"):
            print(case.model_dump_json(indent=2 if fmt == "json" else None))
            return
        corrections = store.corrections(case_id)
        audit = store.audit(case_id)
        mentions = store.mentions_of(case_id)
        confirmed = store.confirmed_fields([case_id]).get(case_id, ())
    _print_case(rich_console(), case, corrections, audit, mentions, confirmed)


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

    with opened(db) as store:
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

    with opened(db) as store:
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
    with opened(db) as store:
        if undo_merge:
            kept, new = unmerge_case(store, case_id, undo_merge, why, _who(who))
        else:
            kept, new = split_case(store, case_id, mention or [], why, _who(who))
    print(f"{kept.id}: {kept.title}")
    print(f"{new.id}: {new.title}")


def _print_case(
    console: Console, case: Case, corrections: list[Correction], audit: list[AuditEntry], mentions: list[Mention],
    confirmed: tuple[str, ...] = (),
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
        mark = "  (corrected)" if name in corrected else "  (confirmed)" if name in confirmed else ""
        sources = ", ".join(case.field_sources.get(name, ()))
        shown = _service_shown(value) if name == "sponsor_service" else _shown(value)
        console.print(f"{name}: {escape(shown)}{mark}" + (f"   ← {sources}" if sources else ""))
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
        console.print(f"  {entry.at[:19]}  {escape(entry.who)}  {entry.action}  {escape(entry.detail)}  — {escape(entry.why)}")


def _service_shown(value: str) -> str:
    """"Ministry of State Security (svc.cn.mss)": the name for people, the id filters take."""
    from spyglass.services import service_name

    name = service_name(value)
    return name if name == value else f"{name} ({value})"


def _shown(value: object) -> str:
    if isinstance(value, tuple):
        return ", ".join(_shown(v) for v in value)
    if hasattr(value, "amount") and hasattr(value, "currency"):
        return f"{value.amount:,.0f} {value.currency}"
    return str(value)
