"""The review queue's storage: confirmations (with their audit entries) and the ranked queue.

A confirmation is curation like a correction: stored apart from machine output, never touched
by ``save_case``, so it outlives re-ingest. Unlike a correction it pins no value: it vouches
for the value shown when it was made, and a field whose value a newer report changed comes
back to the queue. The ranking itself is ``_review_rank`` (no SQL there).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import islice

from spyglass.errors import InputError, NotFoundError
from spyglass.records import Case, Mention
from spyglass.store import _codec
from spyglass.store._engine import SqlBase, chunks, locked
from spyglass.store._review_rank import REVIEWED_FIELDS, items_of, needs_mentions, ranked
from spyglass.store.base import Confirmation, ReviewItem, ReviewPage, ReviewQuery

__all__ = ["ReviewMixin"]

_SELECT = "SELECT case_id, field, value, who, why, at FROM confirmations"


def _confirmation(row: Sequence[object]) -> Confirmation:
    case_id, field, value, who, why, at = row
    return Confirmation(case_id=str(case_id), field=str(field), value=json.loads(str(value)), who=str(who),
                        why=str(why), at=str(at))


def checked_field(field: str) -> str:
    """The field name when it is a case field an analyst can confirm, else an ``InputError``."""
    if field not in REVIEWED_FIELDS:
        raise InputError(f"{field!r} is not a case field", f"use one of {', '.join(REVIEWED_FIELDS)}")
    return field


class ReviewMixin(SqlBase):
    # --- confirmations --------------------------------------------------------------------
    def confirm(self, case_id: str, field: str, who: str, why: str = "") -> Confirmation:
        """Record that the value the case shows now for ``field`` is right; audited as "confirm"."""
        checked_field(field)
        with self.transaction():
            doc = self._case_doc(case_id, "data")
            if doc is None:
                raise NotFoundError(f"no case {case_id!r} to confirm", "check the case id in the review queue")
            value = json.loads(doc).get(field)
            done = Confirmation(case_id=case_id, field=field, value=value, who=who, why=why.strip()[:1000],
                                at=_codec.now())
            self._exec(
                "INSERT INTO confirmations (case_id, field, value, who, why, at) VALUES (?, ?, ?, ?, ?, ?)",
                (case_id, field, json.dumps(value), done.who, done.why, done.at),
            )
            self._audit(done.at, who, "confirm", case_id,
                        f"{field} = {json.dumps(value, ensure_ascii=False)} confirmed", done.why)
        return done

    def carry_confirmations(self, source: str, target: str) -> int:
        """Copy the confirmations of case ``source`` to case ``target`` (a merge or a split): each
        still vouches only for the value it was made of, so it holds where ``target`` shows that
        value and lapses where it does not. The number copied."""
        with self.transaction():
            found = self.confirmations(source)
            for done in found:
                self._exec(
                    "INSERT INTO confirmations (case_id, field, value, who, why, at) VALUES (?, ?, ?, ?, ?, ?)",
                    (target, done.field, json.dumps(done.value), done.who, done.why, done.at),
                )
        return len(found)

    @locked
    def confirmations(self, case_id: str | None = None) -> list[Confirmation]:
        where, params = (" WHERE case_id = ?", [case_id]) if case_id is not None else ("", [])
        return [_confirmation(row) for row in self._rows(f"{_SELECT}{where} ORDER BY seq", params)]

    @locked
    def confirmed_fields(self, case_ids: Iterable[str] | None = None) -> dict[str, tuple[str, ...]]:
        """Case id -> fields an analyst corrected, or confirmed with the value the case still shows."""
        ids = None if case_ids is None else list(dict.fromkeys(case_ids))
        confirmed = self._latest_confirmations(ids)
        corrected = self._corrected_fields(ids)
        docs = self._docs_by_id(list({*confirmed, *corrected}), "data")
        found: dict[str, tuple[str, ...]] = {}
        for case_id, doc in docs.items():
            shown = json.loads(doc)
            mine = confirmed.get(case_id, {})
            fields = [f for f in REVIEWED_FIELDS
                      if f in corrected.get(case_id, set()) or (f in mine and mine[f].value == shown.get(f))]
            if fields:
                found[case_id] = tuple(fields)
        return found

    def _latest_confirmations(self, ids: list[str] | None) -> dict[str, dict[str, Confirmation]]:
        """Case id -> field -> the newest confirmation of it."""
        rows: list[tuple[object, ...]] = []
        if ids is None:
            rows = self._rows(f"{_SELECT} ORDER BY seq")
        for part in chunks(ids or []):
            rows += self._rows(f"{_SELECT} WHERE case_id IN ({', '.join('?' * len(part))}) ORDER BY seq", part)
        latest: dict[str, dict[str, Confirmation]] = {}
        for confirmation in (_confirmation(row) for row in rows):  # oldest first: the newest wins
            latest.setdefault(confirmation.case_id, {})[confirmation.field] = confirmation
        return latest

    def _corrected_fields(self, ids: list[str] | None) -> dict[str, set[str]]:
        rows: list[tuple[object, ...]] = []
        if ids is None:
            rows = self._rows("SELECT DISTINCT case_id, field FROM corrections")
        for part in chunks(ids or []):
            rows += self._rows(
                f"SELECT DISTINCT case_id, field FROM corrections WHERE case_id IN ({', '.join('?' * len(part))})", part)
        found: dict[str, set[str]] = {}
        for case_id, field in rows:
            found.setdefault(str(case_id), set()).add(str(field))
        return found

    # --- the queue ------------------------------------------------------------------------
    def review(self, query: ReviewQuery) -> ReviewPage:
        """The fields of the newest ``query.scan`` matching cases, most doubtful first."""
        fields = tuple(checked_field(f) for f in query.fields) or REVIEWED_FIELDS
        stream = self.iter_cases(query.cases)  # type: ignore[attr-defined]  # ReadMixin's, beside this one
        try:
            cases: list[Case] = list(islice(stream, query.scan))
        finally:
            stream.close()
        items: list[ReviewItem] = []
        for start in range(0, len(cases), 500):
            items += self._ranked(cases[start:start + 500], fields)
        items = ranked(items)
        return ReviewPage(items=items[query.offset:query.offset + query.limit], total=len(items), scanned=len(cases))

    @locked
    def _ranked(self, cases: list[Case], fields: tuple[str, ...]) -> list[ReviewItem]:
        ids = [case.id for case in cases]
        confirmed = self._latest_confirmations(ids)
        corrected = self._corrected_fields(ids)
        mentions = self._mentions_by_case([case.id for case in cases if needs_mentions(case)])
        return [
            item for case in cases
            for item in items_of(case, mentions.get(case.id, []), confirmed.get(case.id, {}),
                                 corrected.get(case.id, set()), fields)
        ]

    def _mentions_by_case(self, ids: list[str]) -> dict[str, list[Mention]]:
        found: dict[str, list[Mention]] = {}
        asked = self._requested(ids)
        for part in chunks(ids):
            rows = self._rows(
                "SELECT cm.case_id, m.data FROM case_mentions cm JOIN mentions m ON m.key = cm.mention_key "
                f"WHERE cm.case_id IN ({', '.join('?' * len(part))})", part,
            )
            for case_id, data in rows:
                found.setdefault(asked.get(case_id, case_id), []).append(Mention.model_validate_json(data))
        return found
