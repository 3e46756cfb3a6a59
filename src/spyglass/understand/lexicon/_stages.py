"""Legal-stage phrases (``tables/stages.tsv``) and the cues that make them future, negated or
requested; ``stages_in`` finds them in a sentence, running only the rules whose words it holds."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from spyglass.understand.lexicon._gazetteer import fold
from spyglass.understand.tables import read_rows
from spyglass.understand.tables.first_chars import top_level_branches

__all__ = ["STAGE_KINDS", "StageTerm", "StageHit", "stage_terms", "stages_in"]

# "counted": a step counted in general ("the number of espionage investigations"), not one that
# happened to someone.
STAGE_KINDS = frozenset({"done", "future", "negated", "requested", "counted"})


@dataclass(frozen=True)
class StageTerm:
    """A stage rule. ``side="match"``: the pattern is the stage phrase itself. Rows with
    ``stage="*"`` are cues: ``side="before"``/``"after"`` patterns run on the clause text just
    before/after a stage phrase and turn its kind into future, negated or requested."""

    id: str
    pattern: str
    stage: str
    lang: str
    kind: str
    side: str = "match"

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@dataclass(frozen=True)
class StageHit:
    stage: str
    kind: str
    start: int
    end: int
    rule_id: str
    cue_id: str | None = field(default=None, compare=False)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@cache
def _all_stage_terms() -> dict[str, tuple[StageTerm, ...]]:
    out: dict[str, list[StageTerm]] = {}
    for sid, lang, stage, kind, side, pattern in read_rows("stages.tsv", 6):
        out.setdefault(lang, []).append(StageTerm(sid, pattern, stage, lang, kind, side))
    return {lang: tuple(terms) for lang, terms in out.items()}


def stage_terms(lang: str = "en") -> tuple[StageTerm, ...]:
    """Stage phrases and the cues that make them future, negated or requested."""
    return _all_stage_terms().get(lang, ())


def _triggers(pattern: str) -> frozenset[str] | None:
    """Lower-case words one of which every match of ``pattern`` contains: per top-level
    branch its longest literal run outside groups (or, when it has none, every run of 4+
    letters in it); None when a branch has neither (the rule then always runs)."""
    words: set[str] = set()
    for branch in top_level_branches(pattern):
        # Drop escapes, group openers, classes and letters made optional ("charges?").
        plain = re.sub(r"\(\?(?:P?<[^>]*>|:|=|!|<=|<!)", "(", branch)
        plain = re.sub(r"\\.|\[[^\]]*\]|[^\W\d_](?=[?*]|\{0)", " ", plain)
        outside = re.findall(r"[^\W\d_]{3,}", _depth_zero(plain))
        inside = re.findall(r"[^\W\d_]{4,}", plain)
        if outside:
            words.add(max(outside, key=len).lower())
        elif inside:
            words.update(w.lower() for w in inside)
        else:
            return None
    return frozenset(words)


def _depth_zero(pattern: str) -> str:
    """The parts of ``pattern`` outside any parentheses."""
    out, depth = [], 0
    for ch in pattern:
        if ch in "()":
            depth += 1 if ch == "(" else -1
            out.append(" ")
        else:
            out.append(ch if depth == 0 else " ")
    return "".join(out)


@dataclass(frozen=True)
class _StageTables:
    phrases: tuple[StageTerm, ...]
    by_trigger: dict[str, tuple[int, ...]]
    always: tuple[int, ...]
    trigger_re: re.Pattern[str]
    before: tuple[StageTerm, ...]
    after: tuple[StageTerm, ...]


@cache
def stage_tables(lang: str) -> _StageTables:
    """Stage phrases indexed by trigger words, so a sentence runs only the rules whose words
    it contains (one regex per rule over a short sentence is cheap; 70 rules are not)."""
    phrases = tuple(t for t in stage_terms(lang) if t.side == "match")
    by_trigger: dict[str, list[int]] = {}
    always = []
    for i, term in enumerate(phrases):
        words = _triggers(term.pattern)
        if words is None:
            always.append(i)
            continue
        for word in words:
            by_trigger.setdefault(fold(word), []).append(i)
    alt = "|".join(re.escape(w) for w in sorted(by_trigger, key=len, reverse=True)) or r"(?!x)x"
    return _StageTables(
        phrases, {w: tuple(ix) for w, ix in by_trigger.items()}, tuple(always), re.compile(alt),
        tuple(t for t in stage_terms(lang) if t.side == "before"),
        tuple(t for t in stage_terms(lang) if t.side == "after"),
    )


# A cue only reaches across the clause it sits in.
_CLAUSE_BREAK = re.compile(r"[.;:!?()\[\]]|,\s|\b(?:but|although|though|whereas|while|after|before|when|who|which|aber|mais|pero|ma)\b", re.I)
_WINDOW = 60


def _clause_before(sentence: str, start: int) -> str:
    window = sentence[max(0, start - _WINDOW):start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    return window[breaks[-1].end():] if breaks else window


def _clause_after(sentence: str, end: int) -> str:
    window = sentence[end:end + _WINDOW]
    brk = _CLAUSE_BREAK.search(window)
    return window[:brk.start()] if brk else window


def all_matches(tables: _StageTables, sentence: str) -> list[tuple[int, int, StageTerm]]:
    """Every rule's matches, overlapping ones included (each rule runs on its own)."""
    lowered = fold(sentence)  # Turkish capitals too ("SINIR DIŞI EDİLDİ")
    candidates = set(tables.always)
    # Every trigger the sentence contains: one alternation would let "charges" hide "charge"
    # inside "chargesheet" (the regex consumes the longer word), so each word is looked up.
    for word, rules in tables.by_trigger.items():
        if word in lowered:
            candidates.update(rules)
    found: list[tuple[int, int, StageTerm]] = []
    for i in sorted(candidates):
        term = tables.phrases[i]
        found.extend((m.start(), m.end(), term) for m in term.regex.finditer(sentence) if m.end() > m.start())
    return found


def stages_in(sentence: str, lang: str = "en") -> list[StageHit]:
    """Legal-stage phrases in ``sentence`` with their kind: ``done``, or ``future`` ("will be
    expelled"), ``negated`` ("was not charged"), ``requested`` ("prosecutors sought 15 years").
    Callers that want what happened keep ``kind == "done"``."""
    tables = stage_tables(lang)
    matches = all_matches(tables, sentence)
    before, after = tables.before, tables.after
    hits: list[StageHit] = []
    for start, end, term in matches:
        kind, cue = term.kind, None
        if kind == "done":
            # A cue never reaches back over an earlier stage phrase ("pleaded not guilty and
            # awaits trial": the "not" belongs to the plea).
            floor = max((e for s, e, t in matches if e <= start and t.kind == "done"), default=0)
            nxt = min((s for s, e, _t in matches if s >= end), default=len(sentence))
            kind, cue = _cue_kind(sentence[floor:nxt], start - floor, end - floor, before, after)
        hits.append(StageHit(term.stage, kind, start, end, term.id, cue))
    return _drop_nested(hits)


def _cue_kind(sentence: str, start: int, end: int, before: tuple[StageTerm, ...], after: tuple[StageTerm, ...]) -> tuple[str, str | None]:
    head, tail = _clause_before(sentence, start), _clause_after(sentence, end)
    for cue in before:
        if cue.regex.search(head):
            return cue.kind, cue.id
    for cue in after:
        if cue.regex.search(tail):
            return cue.kind, cue.id
    return "done", None


def _drop_nested(hits: list[StageHit]) -> list[StageHit]:
    """A phrase inside a longer one ("guilty" in "found not guilty") yields to it."""
    kept = [h for h in hits if not any(
        o is not h and o.start <= h.start and h.end <= o.end and (o.end - o.start) > (h.end - h.start)
        for o in hits)]
    unique: dict[tuple[int, int], StageHit] = {}
    for h in kept:
        unique.setdefault((h.start, h.end), h)
    return sorted(unique.values(), key=lambda h: (h.start, h.end))
