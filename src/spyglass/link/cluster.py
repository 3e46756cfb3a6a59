"""Linking decisions: which case a mention joins, whole-corpus linking, merges and splits.

Analyst rules arrive as plain pairs (the store keeps them as ``LinkRule`` records):
``must`` holds (case id, case id) pairs that belong together, ``cannot`` holds
(mention key, case id) pairs that must stay apart. Rules always beat the match score.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence

from spyglass.link.build import case_from, case_id_for, report_order, seed_of
from spyglass.link.keys import fact_lookup_keys, mention_keys, name_lookup_keys
from spyglass.link.match import Match, match, mention_key
from spyglass.records import Case, CaseSource, Mention

__all__ = ["best_case", "find_case", "link_all", "merged", "split_off", "undo_merge"]

Pairs = Collection[tuple[str, str]]
Fetch = Callable[[list[str]], list[Case]]  # blocking keys -> the cases filed under any of them


def best_case(mention: Mention, candidates: Iterable[Case], cannot: Pairs = ()) -> tuple[Case, Match] | None:
    """The candidate the mention should join: strongest decision, then score, then oldest id."""
    scored = [(case, match(mention, case, cannot)) for case in candidates]
    linked = [(case, found) for case, found in scored if found.decision != "none"]
    if not linked:
        return None
    rank = {"strong": 1, "medium": 0}
    return max(linked, key=lambda cm: (rank[cm[1].decision], cm[1].score, _neg(cm[0].id)))


def find_case(mention: Mention, fetch: Fetch, cannot: Pairs = ()) -> tuple[Case, Match] | None:
    """The case a mention joins, looking up name keys first and pair keys only when names fail.

    Most mentions name someone and find their case by name, so the big country-pair buckets
    are only read for the rest; this keeps linking near-linear as the database grows.
    """
    by_name = name_lookup_keys(mention.accused_names)
    found = best_case(mention, fetch(by_name), cannot) if by_name else None
    if found is not None and found[1].decision == "strong":
        return found
    by_fact = fact_lookup_keys(mention)
    if not by_fact:
        return found
    more = best_case(mention, fetch(by_fact), cannot)
    candidates = [c for c in (found, more) if c is not None]
    if not candidates:
        return None
    rank = {"strong": 1, "medium": 0}
    return max(candidates, key=lambda cm: (rank[cm[1].decision], cm[1].score, _neg(cm[0].id)))


def _neg(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def link_all(
    mentions: Iterable[Mention], sources: Mapping[str, CaseSource], must: Pairs = (), cannot: Pairs = ()
) -> list[Case]:
    """Link a whole set of mentions into cases, in report order, then apply ``must`` rules."""
    clusters: list[list[Mention]] = []
    cases: list[Case] = []
    index: dict[str, set[int]] = {}
    slot_of: dict[str, int] = {}
    for mention in sorted(mentions, key=report_order):

        def fetch(keys: list[str]) -> list[Case]:
            return [cases[i] for i in sorted({i for key in keys for i in index.get(key, ())})]

        chosen = find_case(mention, fetch, cannot)
        if chosen is None:
            clusters.append([mention])
            cases.append(case_from([mention], sources))
            slot = len(clusters) - 1
            slot_of[cases[slot].id] = slot
        else:
            slot = slot_of[chosen[0].id]
            clusters[slot].append(mention)
            cases[slot] = case_from(clusters[slot], sources, cases[slot].id)
        for key in mention_keys(mention):
            index.setdefault(key, set()).add(slot)
    return _apply_must(clusters, cases, sources, must)


def _apply_must(
    clusters: list[list[Mention]], cases: list[Case], sources: Mapping[str, CaseSource], must: Pairs
) -> list[Case]:
    slot_of = {case.id: i for i, case in enumerate(cases)}
    parent = list(range(len(cases)))

    def root(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for a, b in must:
        if a in slot_of and b in slot_of:
            ra, rb = root(slot_of[a]), root(slot_of[b])
            parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[Mention]] = {}
    for i, cluster in enumerate(clusters):
        groups.setdefault(root(i), []).extend(cluster)
    return [
        case_from(group, sources, cases[r].id) if len(group) > len(clusters[r]) else cases[r]
        for r, group in sorted(groups.items())
    ]


def merged(a: Case, a_mentions: Sequence[Mention], b: Case, b_mentions: Sequence[Mention],
           sources: Mapping[str, CaseSource]) -> Case:
    """One case from two; it keeps the id of the case reported first (ties: smaller id)."""
    keep = min((a, b), key=lambda c: (c.first_reported or "9999", c.id))
    return case_from([*a_mentions, *b_mentions], sources, keep.id)


def split_off(case: Case, mentions: Sequence[Mention], keys: Collection[str],
              sources: Mapping[str, CaseSource]) -> tuple[Case, Case]:
    """Move the mentions named by ``keys`` out of ``case`` into a new case: (rest, new)."""
    out = [m for m in mentions if mention_key(m) in keys]
    rest = [m for m in mentions if mention_key(m) not in keys]
    if not out or not rest:
        raise ValueError("a split must leave mentions on both sides")
    new_id = case_id_for(seed_of(out))
    if new_id == case.id:  # the seed itself moved out; the case the analyst knows keeps its id
        new_id = case_id_for(mention_key(seed_of(out)) + ":split")
    return case_from(rest, sources, case.id), case_from(out, sources, new_id)


def undo_merge(case: Case, mentions: Sequence[Mention], absorbed_id: str,
               sources: Mapping[str, CaseSource]) -> tuple[Case, Case]:
    """Split ``case`` back into itself and the case ``absorbed_id`` it swallowed.

    The absorbed case's id names its seed mention; the mentions are re-linked as if the merge
    had never happened, with the two seeds kept apart, and those that follow the absorbed
    seed leave. Raises ``LookupError`` when no mention of the case seeded ``absorbed_id``.
    """
    seeds = [m for m in mentions if case_id_for(m) == absorbed_id]
    if not seeds:
        raise LookupError(absorbed_id)
    kept_seed = next((m for m in mentions if case_id_for(m) == case.id), None) or seed_of(
        [m for m in mentions if m is not seeds[0]]
    )
    apart = {(mention_key(seeds[0]), case_id_for(kept_seed)), (mention_key(kept_seed), absorbed_id)}
    relinked = link_all(mentions, sources, cannot=apart)
    leaving = next(c for c in relinked if (seeds[0].article_id, seeds[0].index) in c.mentions)
    keys = {f"{a}:{i}" for a, i in leaving.mentions}
    if len(keys) == len(mentions):  # re-linking put everything together: take the seed alone
        keys = {mention_key(seeds[0])}
    rest = [m for m in mentions if mention_key(m) not in keys]
    out = [m for m in mentions if mention_key(m) in keys]
    return case_from(rest, sources, case.id), case_from(out, sources, absorbed_id)
