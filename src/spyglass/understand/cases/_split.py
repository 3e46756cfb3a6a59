"""Split a proceeding of several named people into one per person when the text says their
proceedings were separate ("the courts sat separately", "in separate courts-martial").

A sentence that names several of them is cut into clauses ("X got 14 years, while Y and Z were
sentenced to death") and each person keeps the clause that names them; a sentence naming one
of them goes to that person alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spyglass.understand._cues import cue
from spyglass.understand.entities import Hit
from spyglass.understand.facts import SentenceFacts, facts_of
from spyglass.understand.segment import Proceeding, same_person
from spyglass.understand.sentences import Sentence

__all__ = ["split_unrelated"]

UNRELATED = cue("seg.unrelated")
# Where one person's part of a sentence ends and the next one's begins.
_CLAUSE_BREAK = re.compile(r",?\s+(?:while|whereas)\s+|;\s+")


def split_unrelated(groups: list[Proceeding], lang: str) -> list[Proceeding]:
    """``groups`` with each multi-person proceeding split per person, only where its own
    sentences say the proceedings were separate; a split that would leave someone with no
    step is not made."""
    out: list[Proceeding] = []
    for group in groups:
        said = len(group.names) > 1 and any(UNRELATED.search(f.text) for f in group.facts)
        parts = _per_person(group, lang) if said else None
        out.extend(parts or [group])
    return out


def _owners(names: list[str], persons: list[Hit]) -> list[str]:
    return [n for n in names if any(same_person(p.text, n) for p in persons)]


def _clauses(facts: SentenceFacts, lang: str) -> list[SentenceFacts]:
    """The sentence cut at its clause breaks, each clause read again with its own persons."""
    text, base = facts.text, facts.sentence.start
    cuts = [0, *[m.end() for m in _CLAUSE_BREAK.finditer(text)], len(text)]
    out: list[SentenceFacts] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        clause = Sentence(base + a, base + a + len(text[a:b]), text[a:b], facts.sentence.after_blank_line)
        part = facts_of(facts.index, clause, facts.is_title, lang)
        part.persons = [replace(h, start=h.start - a, end=h.end - a) for h in facts.persons if a <= h.start < b]
        part.espionage = part.espionage or facts.espionage
        out.append(part)
    return out


def _per_person(group: Proceeding, lang: str) -> list[Proceeding] | None:
    parts = {name: Proceeding(opened_by="seg.unrelated") for name in group.names}
    split_here = False  # one sentence must tell them apart clause by clause ("X got ..., while Y ...")
    # a sentence naming nobody goes on about the one person named before it (the lead person
    # for the opening lines: "A sailor has been sentenced to 27 months. Petty Officer X, 26, ...")
    last: str | None = group.names[0]
    for facts in group.facts:
        owners = _owners(group.names, facts.persons) or ([last] if last else [])
        last = owners[0] if len(owners) == 1 else None
        if len(owners) == 1:
            parts[owners[0]].add(facts, [owners[0]] if facts.persons else [])
        elif len(owners) > 1:
            named = [(c, _owners(group.names, c.persons)) for c in _clauses(facts, lang)]
            split_here = split_here or sum(1 for _, who in named if who) > 1
            for clause, who in named:
                for name in who:
                    parts[name].add(clause, [name])
    if not split_here or not all(p.reports_case for p in parts.values()):
        return None
    return list(parts.values())
