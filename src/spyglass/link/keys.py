"""Blocking keys: the few cheap keys under which a mention looks for candidate cases.

Linking compares a mention only with cases that share a key, never with every case, so it
stays near-linear. A case is stored under the keys of all its mentions (``case_keys``); a new
mention looks up ``lookup_keys``, which widen its year to a window because one proceeding is
reported over several years (arrest 2017, sentence 2019).
"""

from __future__ import annotations

from collections.abc import Iterable

from spyglass.link.names import name_parts
from spyglass.records import CaseFacts, Mention

__all__ = ["YEAR_WINDOW", "name_keys", "mention_keys", "lookup_keys", "case_keys", "year_of"]

YEAR_WINDOW = 3  # a mention looks for cases reported up to this many years before or after


def year_of(date: str | None) -> int | None:
    """The year of an ISO date ("2019-05-02", "2019-05", "2019"), or None."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])


def name_keys(names: Iterable[str]) -> list[str]:
    """One key per full word of every accused name: "name:mallory"."""
    words = {word for name in names for word in name_parts(name).words}
    return [f"name:{word}" for word in sorted(words)]


def _fact_keys(facts: CaseFacts, years: Iterable[int]) -> list[str]:
    # a pair key needs both countries: a match without names needs the whole pair to agree,
    # and "?" buckets would hold every case whose sponsor is unknown
    keys: list[str] = []
    target = facts.target_country or "?"
    for year in sorted(set(years)):
        if facts.sponsor_country and facts.target_country:
            keys.append(f"pair:{facts.sponsor_country}>{target}:{year}")
        if facts.sponsor_service:
            keys.append(f"service:{facts.sponsor_service.casefold()}>{target}:{year}")
    return keys


def _years(mention: Mention) -> list[int]:
    year = year_of(mention.published)
    if year is None and mention.period:
        year = mention.period[1] or mention.period[0]
    return [year] if year is not None else []


def mention_keys(mention: Mention) -> list[str]:
    """The keys a mention is filed under: names, country pair per year, service per year."""
    return name_keys(mention.accused_names) + _fact_keys(mention, _years(mention))


def lookup_keys(mention: Mention) -> list[str]:
    """The keys a mention searches: its names, and its pair/service over a window of years.

    A named mention finds its own case by name; its pair window shrinks to a year either side
    (enough for a nameless early report of the same case) so busy pairs stay cheap.
    """
    reach = 1 if mention.accused_names else YEAR_WINDOW
    window = [y + d for y in _years(mention) for d in range(-reach, reach + 1)]
    return name_keys(mention.accused_names) + _fact_keys(mention, window)


def case_keys(mentions: Iterable[Mention]) -> list[str]:
    """Every key of every mention of a case, sorted and without repeats."""
    return sorted({key for mention in mentions for key in mention_keys(mention)})
