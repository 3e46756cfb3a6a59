"""`spyglass forget source` and `forget article`: take stored articles out of the database.

Thin: the command lists what would go (``--dry-run`` stops there), asks before forgetting unless
``--yes`` (and refuses to guess when no one can answer), then calls the store's ``forget_*`` with
linking's own case building, so every case the articles fed is rebuilt from what it has left.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from spyglass.errors import InputError

from ._common import DbOption, opened
from .case_cmds import WhoOption
from .case_cmds import _who as who_of  # `case edit`'s default: SPYGLASS_USER, else the login

if TYPE_CHECKING:
    from spyglass.records import Case, Mention
    from spyglass.store.base import Forgetting, Rebuild

__all__ = ["register", "rebuilt_case"]

forget_app = typer.Typer(
    help="Take a source or an article out of the database; the cases they fed are rebuilt, corrections kept.",
    no_args_is_help=True,
)

ForgetWhy = Annotated[str, typer.Option("--why", help="why it goes (required unless --dry-run, kept in the audit log)")]
YesOption = Annotated[bool, typer.Option("--yes", "-y", help="forget without asking")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="list what would be removed and rebuilt; change nothing")]


def register(app: typer.Typer) -> None:
    """Add the `forget` command group to the app."""
    app.add_typer(forget_app, name="forget")


def rebuilt_case(case: Case, mentions: list[Mention]) -> tuple[Case, list[str]]:
    """The case linking builds from the mentions a case has left, under its own id, and its keys."""
    from spyglass.link import case_from, case_keys

    return case_from(mentions, {s.article_id: s for s in case.sources}, case.id), case_keys(mentions)


@forget_app.command("source")
def forget_source(
    source: Annotated[str, typer.Argument(metavar="SOURCE", help="a file path or URL exactly as its articles name it")],
    why: ForgetWhy = "",
    who: WhoOption = None,
    yes: YesOption = False,
    dry_run: DryRunOption = False,
    db: DbOption = None,
) -> None:
    """Forget every article of a source, its rejections and checkpoint (an ingest of it reads it again)."""
    with opened(db) as store:
        _forget(f"source {source}", dry_run, yes, why,
                lambda rebuild, check: store.forget_source(source, rebuild, who_of(who), why, dry_run=check))


@forget_app.command("article")
def forget_article(
    article_id: Annotated[str, typer.Argument(metavar="ARTICLE_ID", help="the article's id")],
    why: ForgetWhy = "",
    who: WhoOption = None,
    yes: YesOption = False,
    dry_run: DryRunOption = False,
    db: DbOption = None,
) -> None:
    """Forget one article; the rest of its source stays."""
    with opened(db) as store:
        _forget(f"article {article_id}", dry_run, yes, why,
                lambda rebuild, check: store.forget_article(article_id, rebuild, who_of(who), why, dry_run=check))


def _forget(what: str, dry_run: bool, yes: bool, why: str, run: Callable[[Rebuild, bool], Forgetting]) -> None:
    """List the plan, then (unless a dry run) confirm and forget; the store checks the name first."""
    plan = run(rebuilt_case, True)  # NotFoundError for an unknown name, before any question
    if dry_run:
        _print_plan(plan, f"would forget {what}")
        return
    if not why.strip():
        raise InputError(f"forgetting {what} needs a reason", 'add --why "..." saying why it goes (kept in the audit log)')
    _print_plan(plan, f"will forget {what}")
    _confirm(what, yes)
    done = run(rebuilt_case, False)
    print(f"forgot {what}: {_counts(done)}")


def _confirm(what: str, yes: bool) -> None:
    """Ask on a terminal; with nothing to ask (a pipe, a script) refuse instead of waiting."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise InputError(f"not forgetting {what} without confirmation", "add --yes to forget without asking")
    if not typer.confirm(f"forget {what}?", default=False):
        print("nothing forgotten", file=sys.stderr)
        raise typer.Exit(1)


def _print_plan(plan: Forgetting, heading: str) -> None:
    print(f"{heading}: {_counts(plan)}")
    for label, ids in (("article", plan.articles), ("case rebuilt", plan.rebuilt), ("case removed", plan.removed),
                       ("copy left standing alone", plan.copies)):
        for item in ids:
            print(f"  {label}: {item}")


def _counts(plan: Forgetting) -> str:
    parts = [f"{len(plan.articles)} article(s)", f"{len(plan.rebuilt)} case(s) rebuilt", f"{len(plan.removed)} removed"]
    if plan.rejected:
        parts.append(f"{plan.rejected} rejection(s)")
    if plan.copies:
        parts.append(f"{len(plan.copies)} copy(ies) now standing alone")
    return ", ".join(parts)
