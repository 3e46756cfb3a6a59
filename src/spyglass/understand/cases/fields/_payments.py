"""The payments field: sums paid to the accused, told apart from fines, bail, salaries, trap
sums and conversions by the words around them."""

from __future__ import annotations

from spyglass.understand.cases.facts import SentenceFacts
from spyglass.understand.cases.fields._common import Found, window
from spyglass.understand.tables.cues import cue

__all__ = ["payments_of"]

PAY_CUE = cue("pay.cue")
PAY_BLOCK = cue("pay.block")
_CONVERSION = cue("pay.conversion")
_PAID_AFTER = cue("pay.paid_after")
_TOTAL_BEFORE = cue("pay.total_before")
_FOUND_BEFORE = cue("pay.found_before")
_THAT_MUCH = cue("pay.that_much")


def payments_of(facts: list[SentenceFacts]) -> tuple[list[tuple[float, str]], Found | None]:
    """Sums paid to the accused, in the printed currency, without conversions or trap sums."""
    out: list[tuple[float, str]] = []
    found: Found | None = None
    for i, f in enumerate(facts):
        referred = _sum_referred_back(facts, i)
        if referred is not None:
            item, evidence = referred
            if item not in out:
                out.append(item)
                found = found or evidence
        previous_end = -100
        for q in f.money:
            between = f.text[previous_end:q.start] if previous_end >= 0 else ""
            previous_end = q.end
            if between and _CONVERSION.match(between) and "(" in between:
                continue
            before, after = window(f.text, q.start, q.end, 80, 40)
            paid_to_them = _PAID_AFTER.match(f.text, q.end) is not None
            if not paid_to_them and (PAY_BLOCK.search(before[-50:]) or PAY_BLOCK.search(after[:25])
                                     or _FOUND_BEFORE.search(f.text, max(0, q.start - 140), q.start)):
                continue
            if not (PAY_CUE.search(before) or PAY_CUE.search(after[:30])
                    or _TOTAL_BEFORE.search(f.text, max(0, q.start - 200), q.start)):
                continue
            item = (float(q.value), q.currency or "USD")  # type: ignore[arg-type]
            if item not in out:
                out.append(item)
                found = found or Found(f, q.rule, (q.start, q.end))
    return out, found


def _sum_referred_back(facts: list[SentenceFacts], i: int) -> tuple[tuple[float, str], Found] | None:
    """"He admitted being paid at least that much": the last sum of the sentence right before,
    whatever that sum was there (a fine the court set to match the payments)."""
    f = facts[i]
    if f.money or i == 0 or facts[i - 1].index != f.index - 1 or not facts[i - 1].money:
        return None
    m = _THAT_MUCH.search(f.text)
    if m is None:
        return None
    q = facts[i - 1].money[-1]
    # the evidence cites the words that state the sum; the rule id says it was referred back to
    return (float(q.value), q.currency or "USD"), Found(facts[i - 1], "pay.that_much", (q.start, q.end))  # type: ignore[arg-type]
