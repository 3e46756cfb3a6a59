"""Blocking keys: the few cheap keys under which a mention looks for candidate cases.

Linking compares a mention only with cases that share a key, never with every case, so it
stays near-linear. A case is stored under the keys of all its mentions (``case_keys``); a new
mention looks up ``lookup_keys``, which widen its year to a window because one proceeding is
reported over several years (arrest 2017, sentence 2019).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations

from spyglass.names import name_parts
from spyglass.records import CaseFacts, Mention
from spyglass.services import canonical_service

__all__ = ["YEAR_WINDOW", "name_keys", "name_lookup_keys", "fact_lookup_keys", "mention_keys", "lookup_keys", "case_keys", "year_of"]

YEAR_WINDOW = 3  # a mention looks for cases reported up to this many years before or after


def year_of(date: str | None) -> int | None:
    """The year of an ISO date ("2019-05-02", "2019-05", "2019"), or None."""
    if not date or len(date) < 4 or not date[:4].isdigit():
        return None
    return int(date[:4])


def _words(name: str) -> list[str]:
    return sorted(name_parts(name).words)


def name_keys(names: Iterable[str]) -> list[str]:
    """The keys a case is filed under for its names.

    ``name:<word>`` for every word (so "Mallory" alone finds "Kevin Mallory"), ``solo:<word>``
    for one-word names and ``names:<a>+<b>`` for every two words of longer names (so "Kevin
    Mallory" finds both without searching every "Kevin").
    """
    keys: set[str] = set()
    for name in names:
        words = _words(name)
        keys.update(f"name:{word}" for word in words)
        if len(words) == 1:
            keys.add(f"solo:{words[0]}")
        keys.update(f"names:{a}+{b}" for a, b in combinations(words, 2))
    return sorted(keys)


def name_lookup_keys(names: Iterable[str]) -> list[str]:
    """The keys a mention searches for its names: one-word names by word, longer ones by pairs."""
    keys: set[str] = set()
    for name in names:
        words = _words(name)
        if len(words) == 1:
            keys.add(f"name:{words[0]}")
        else:
            keys.update(f"solo:{word}" for word in words)
            keys.update(f"names:{a}+{b}" for a, b in combinations(words, 2))
    return sorted(keys)


def _fact_keys(facts: CaseFacts, years: Iterable[int], prefix: str = "") -> list[str]:
    # a pair key needs both countries: a match without names needs the whole pair to agree,
    # and "?" buckets would hold every case whose sponsor is unknown
    keys: list[str] = []
    target = facts.target_country or "?"
    for year in sorted(set(years)):
        if facts.sponsor_country and facts.target_country:
            keys.append(f"{prefix}pair:{facts.sponsor_country}>{target}:{year}")
        service = service_of(facts)
        if service:
            keys.append(f"{prefix}service:{service.casefold()}>{target}:{year}")
    return keys


def service_of(facts: CaseFacts) -> str | None:
    """The canonical id of the service a report or case names ("MSS", "Ministry of State
    Security" -> "svc.cn.mss"), so that two wordings of one service are one service; of
    services sharing a name, the one of the sponsor state."""
    return canonical_service(facts.sponsor_service, facts.sponsor_country)


def _years(mention: Mention) -> list[int]:
    year = year_of(mention.published)
    if year is None and mention.period:
        year = mention.period[1] or mention.period[0]
    return [year] if year is not None else []


def mention_keys(mention: Mention) -> list[str]:
    """The keys a mention is filed under: names, country pair per year, service per year.

    A mention without names is filed a second time under ``anon-`` keys: a named mention can
    only match a case without names (other names conflict), so it searches those small buckets.
    """
    years = _years(mention)
    anonymous = [] if mention.accused_names else _fact_keys(mention, years, "anon-")
    return name_keys(mention.accused_names) + anonymous + _fact_keys(mention, years)


def fact_lookup_keys(mention: Mention) -> list[str]:
    """The pair and service keys a mention searches, over a window of years around its report.

    A named mention searches only the ``anon-`` buckets of nameless reports, so busy country
    pairs stay cheap; a nameless one searches every case of its pair.
    """
    window = [y + d for y in _years(mention) for d in range(-YEAR_WINDOW, YEAR_WINDOW + 1)]
    return _fact_keys(mention, window, "anon-" if mention.accused_names else "")


def lookup_keys(mention: Mention) -> list[str]:
    """Every key a mention searches: its names, then its pair and service (see ``fact_lookup_keys``)."""
    return name_lookup_keys(mention.accused_names) + fact_lookup_keys(mention)


def case_keys(mentions: Iterable[Mention]) -> list[str]:
    """Every key of every mention of a case, sorted and without repeats."""
    return sorted({key for mention in mentions for key in mention_keys(mention)})
