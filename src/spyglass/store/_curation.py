"""Curation and the things around it: corrections, link rules, audit log, tokens, watchlists.

Corrections and link rules are the analyst's word: stored apart from machine output, each
written with an audit entry, and never overwritten by ``save_case``.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets

from spyglass.errors import InputError, NotFoundError
from spyglass.records import Case, Correction, fact_problem
from spyglass.store import _codec
from spyglass.store._engine import SqlBase, locked
from spyglass.store.base import AuditEntry, CaseChange, CaseQuery, LinkRule, Token, Watch

__all__ = ["CurationMixin"]

_TOKEN_PREFIX = "sgt_"


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _checked_value(machine: Case, correction: Correction) -> None:
    """``InputError`` unless the correction fits the field's type and is a value worth storing.

    A value of the right type can still be one no page could show (a NaN amount is stored as
    null and fails every later read), so ``records.fact_problem`` has the last word.
    """
    _codec.checked_correction(machine, correction)
    corrected = Case.model_validate({**json.loads(machine.model_dump_json()), correction.field: correction.value})
    problem = fact_problem(correction.field, getattr(corrected, correction.field))
    if problem:
        raise InputError(f"invalid value for {correction.field} of case {correction.case_id}: {problem}",
                         "nothing was stored; correct the value and try again")


def _checked_token_name(name: str) -> str:
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 100 or not cleaned.isprintable():
        raise InputError(f"token name {name!r} is empty, too long or holds control characters",
                         "name a token after who uses it, e.g. `spyglass token create ada`")
    return cleaned


class CurationMixin(SqlBase):
    # --- corrections ----------------------------------------------------------------------
    def add_correction(self, correction: Correction) -> None:
        """Store a correction (validated against the case) and show it at once in ``case()``."""
        with self.transaction():
            machine = self._case_doc(correction.case_id, "machine")
            if machine is None:
                raise NotFoundError(
                    f"no case {correction.case_id!r} in {self.target} to correct", "list cases with `spyglass cases`"
                )
            _checked_value(Case.model_validate_json(machine), correction)
            self._exec(
                "INSERT INTO corrections (case_id, field, value, why, who, at) VALUES (?, ?, ?, ?, ?, ?)",
                (correction.case_id, correction.field, json.dumps(correction.value), correction.why,
                 correction.who, correction.at),
            )
            at = _codec.now()
            refreshed = self._refresh_case(correction.case_id, at)
            detail = f"{correction.field} = {json.dumps(correction.value, ensure_ascii=False)}"
            self._audit(correction.at, correction.who, "edit", correction.case_id, detail, correction.why)
            if refreshed and refreshed[0] and refreshed[0].stage != refreshed[1].stage:
                self._event(correction.case_id, "stage", refreshed[1].stage, at)

    @locked
    def corrections(self, case_id: str) -> list[Correction]:
        return self._corrections_of(case_id)

    @locked
    def audit(self, case_id: str | None = None, limit: int | None = None) -> list[AuditEntry]:
        """Audit entries, oldest first (the last ``limit`` of them when a limit is given)."""
        where, params = ("WHERE case_id = ?", [case_id]) if case_id is not None else ("", [])
        tail = "LIMIT ?" if limit is not None else ""
        rows = self._rows(
            f"SELECT at, who, action, case_id, detail, why, seq FROM audit {where} ORDER BY seq DESC {tail}",
            [*params, *([limit] if limit is not None else [])],
        )
        return [
            AuditEntry(at=at, who=who, action=action, case_id=cid, detail=detail, why=why)
            for at, who, action, cid, detail, why, _ in reversed(rows)
        ]

    # --- link rules -----------------------------------------------------------------------
    def add_link_rule(self, rule: LinkRule) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO link_rules (id, kind, a, b, who, why, at) VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, a = excluded.a, b = excluded.b, "
                "who = excluded.who, why = excluded.why, at = excluded.at",
                (rule.id, rule.kind, rule.a, rule.b, rule.who, rule.why, rule.at),
            )
            if rule.kind == "must":
                self._audit(rule.at, rule.who, "merge", rule.a, f"case {rule.b} merged into {rule.a}", rule.why)
            else:
                self._audit(rule.at, rule.who, "split", rule.b, f"mention {rule.a} split out of {rule.b}", rule.why)

    @locked
    def link_rules(self) -> list[LinkRule]:
        rows = self._rows("SELECT id, kind, a, b, who, why, at FROM link_rules ORDER BY at, id")
        return [LinkRule(id=i, kind=k, a=a, b=b, who=w, why=y, at=t) for i, k, a, b, w, y, t in rows]

    def remove_link_rule(self, rule_id: str, who: str = "", why: str = "") -> None:
        with self.transaction():
            row = self._one("SELECT kind, a, b FROM link_rules WHERE id = ?", (rule_id,))
            if row is None:
                raise NotFoundError(f"no link rule {rule_id!r} in {self.target}", "list them with `spyglass case rules`")
            self._exec("DELETE FROM link_rules WHERE id = ?", (rule_id,))
            kind, a, b = row
            self._audit(_codec.now(), who, "unlink", a if kind == "must" else b, f"link rule {rule_id} ({kind}) removed", why)

    # --- tokens ---------------------------------------------------------------------------
    def create_token(self, name: str) -> str:
        name = _checked_token_name(name)
        secret = _TOKEN_PREFIX + secrets.token_urlsafe(32)
        with self.transaction():
            self._exec(
                "INSERT INTO tokens (name, hash, created_at) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET hash = excluded.hash, created_at = excluded.created_at",
                (name, _hash(secret), _codec.now()),
            )
        return secret

    @locked
    def check_token(self, secret: str) -> bool:
        digest = _hash(secret)
        found = False
        for (stored,) in self._rows("SELECT hash FROM tokens"):
            found |= hmac.compare_digest(stored, digest)  # no early exit: time does not tell which
        return found

    @locked
    def tokens(self) -> list[Token]:
        return [Token(name=n, created_at=c) for n, c in self._rows("SELECT name, created_at FROM tokens ORDER BY name")]

    def revoke_token(self, name: str) -> None:
        with self.transaction():
            if self._one("SELECT 1 FROM tokens WHERE name = ?", (name,)) is None:
                raise NotFoundError(f"no token named {name!r}", "list tokens with `spyglass token list`")
            self._exec("DELETE FROM tokens WHERE name = ?", (name,))

    # --- watchlists -----------------------------------------------------------------------
    def save_watch(self, watch: Watch) -> None:
        with self.transaction():
            self._exec(
                "INSERT INTO watches (name, query, last_checked) VALUES (?, ?, ?) "
                "ON CONFLICT (name) DO UPDATE SET query = excluded.query, last_checked = excluded.last_checked",
                (watch.name, watch.query.model_dump_json(), watch.last_checked),
            )

    @locked
    def watches(self) -> list[Watch]:
        rows = self._rows("SELECT name, query, last_checked FROM watches ORDER BY name")
        return [Watch(name=n, query=CaseQuery.model_validate_json(q), last_checked=c) for n, q, c in rows]

    @locked
    def watch(self, name: str) -> Watch:
        row = self._one("SELECT name, query, last_checked FROM watches WHERE name = ?", (name,))
        if row is None:
            raise NotFoundError(f"no watchlist named {name!r}", "list them with `spyglass watch list`")
        return Watch(name=row[0], query=CaseQuery.model_validate_json(row[1]), last_checked=row[2])

    def remove_watch(self, name: str) -> None:
        with self.transaction():
            self.watch(name)
            self._exec("DELETE FROM watches WHERE name = ?", (name,))

    @locked
    def changes_since(self, query: CaseQuery, since: str | None) -> list[CaseChange]:
        """New cases and stage changes matching the query after ``since`` (exclusive), oldest first."""
        return self._changes(query, since, None, newest_first=False, limit=None)

    def check_watch(self, name: str) -> list[CaseChange]:
        """What changed since the watchlist's last check; marks it checked so each change shows once."""
        with self.transaction():
            watch = self.watch(name)
            until = _codec.now()
            changes = self._changes(watch.query, watch.last_checked, until, newest_first=False, limit=None)
            self.save_watch(watch.model_copy(update={"last_checked": until}))
            return changes

    @locked
    def recent_changes(self, limit: int = 20, query: CaseQuery | None = None) -> list[CaseChange]:
        return self._changes(query or CaseQuery(), None, None, newest_first=True, limit=limit)

    def _changes(
        self, query: CaseQuery, since: str | None, until: str | None, newest_first: bool, limit: int | None
    ) -> list[CaseChange]:
        where, params = self._where_for_changes(query)
        bounds = ""
        if since:
            bounds += " AND e.at > ?"
            params.append(_codec.normal_time(since))
        if until:
            bounds += " AND e.at <= ?"
            params.append(until)
        order = "DESC" if newest_first else "ASC"
        tail = " LIMIT ?" if limit is not None else ""
        rows = self._rows(
            f"SELECT e.case_id, e.change, e.at FROM case_events e JOIN cases c ON c.id = e.case_id "
            f"WHERE {where}{bounds} ORDER BY e.at {order}, e.seq {order}{tail}",
            [*params, *([limit] if limit is not None else [])],
        )
        found = self._cases_by_id(row[0] for row in rows)
        return [CaseChange(case=found[cid], change=change, at=at) for cid, change, at in rows if cid in found]

    def _where_for_changes(self, query: CaseQuery) -> tuple[str, list[object]]:
        from spyglass.store._queries import case_where

        where, params = case_where(query, self._text_clause)
        return where, list(params)
