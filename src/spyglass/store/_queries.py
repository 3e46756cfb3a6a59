"""SQL text for case queries, shared by both backends: filters, sort order, facets, aggregates.

Every user value becomes a ``?`` parameter; only column names from fixed tables below are
spliced into SQL. Full text differs per backend, so the caller passes its text clause in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spyglass.store._codec import person_key, query_words
from spyglass.store._tally import TALLY_FIELDS, encoded
from spyglass.store.base import CaseQuery, FacetField

__all__ = [
    "ALL", "Where", "case_where", "order_by", "facet_sql", "facet_rows_sql", "total_and_facets_sql", "count_by_sql",
    "marks", "in_set", "not_in_set", "exists_in_set", "both", "tally_where", "tally_count_by_sql", "tally_pairs_sql",
    "walks", "walks_year", "year_rows_where", "WALKABLE_SORTS",
]

Where = tuple[str, list[Any]]
ALL = "1 = 1"  # the condition of a query without filters
TextClause = Callable[[list[str]], Where]  # words -> SQL over alias c, with parameters

# Column of the cases table (alias c) behind each filter and facet.
COLUMNS: dict[str, str] = {"sponsor": "c.sponsor", "target": "c.target", "service": "c.service", "stage": "c.stage"}
_SORTS: dict[str, str] = {
    "last_reported": "c.last_reported",
    "first_reported": "c.first_reported",
    "stage": "c.stage_rank",
    "sponsor": "c.sponsor",
    "target": "c.target",
}


def marks(count: int) -> str:
    return ", ".join("?" * count)


def case_where(query: CaseQuery, text_clause: TextClause, walk: bool = False) -> Where:
    """The WHERE condition (over ``cases c``) and parameters for every filter of the query.

    ``walk``: write the facet filters so that no index can answer them (``column || ''``), which
    leaves the planner one way: walk the index of the sort order and stop at the page's end. That
    beats seeking the matches and sorting them all when the matches are many (``walks``).
    """
    clauses: list[str] = []
    params: list[Any] = []
    for field, column in COLUMNS.items():
        values: tuple[str, ...] = getattr(query, field)
        if values:
            clauses.append(f"({column} || '') IN ({marks(len(values))})" if walk else f"{column} IN ({marks(len(values))})")
            params.extend(values)
    if query.year is not None:
        clauses.append("c.id IN (SELECT y.case_id FROM case_years y WHERE y.year = ?)")
        params.append(query.year)
    if query.person is not None and query.person.strip():
        # every word given is a whole word of one accused name, in any order ("kevin mallory"
        # finds "Kevin Patrick Mallory"); LIKE's wildcards in the words are escaped
        words = person_key(query.person).split()
        each = " AND ".join(["(' ' || p.folded || ' ') LIKE ? ESCAPE '!'"] * len(words))
        clauses.append(f"c.id IN (SELECT p.case_id FROM case_people p WHERE {each})")
        params.extend(f"% {_like_escaped(word)} %" for word in words)
    if query.text is not None and query.text.strip():
        words = query_words(query.text)
        if not words:  # only punctuation: nothing can match, and nothing is an error
            clauses.append("1 = 0")
        else:
            sql, text_params = text_clause(words)
            clauses.append(sql)
            params.extend(text_params)
    return (" AND ".join(clauses) or ALL), params


# Sorts an index walks in order on both backends (PostgreSQL: migration 0010; SQLite's index on
# the column read backwards gives descending order with missing values last).
WALKABLE_SORTS = ("-last_reported", "-first_reported")


def walks(query: CaseQuery, total: int, cases: int) -> bool:
    """Whether a page of ``total`` matches among ``cases`` is found faster by walking the sort
    order's index than by seeking the matches and sorting them.

    Only facet filters qualify: they are about as likely early in the order as late (years and
    names are not: a walk from the newest cases finds 2015's only near the end). A walk visits
    about (offset + limit) * cases / total rows; a seek visits and sorts ``total``.
    """
    plain = query.year is None and not (query.person or "").strip() and not (query.text or "").strip()
    return plain and query.sort in WALKABLE_SORTS and total * total >= (query.offset + query.limit) * cases


def year_rows_where(query: CaseQuery) -> Where:
    """The facet filters of a query over a year's rows of ``case_years y`` (which carry their
    case's facet values), for queries on facet values and a year only."""
    clauses: list[str] = []
    params: list[Any] = []
    for field in COLUMNS:
        values: tuple[str, ...] = getattr(query, field)
        if values:
            clauses.append(f"y.{field} IN ({marks(len(values))})")
            params.extend(values)
    return (" AND ".join(clauses) or ALL), params


def walks_year(query: CaseQuery, total: int, in_year: int) -> bool:
    """``walks`` for a query with a year, newest first: the walk is over that year's cases."""
    plain = not (query.person or "").strip() and not (query.text or "").strip()
    return plain and query.sort == "-last_reported" and total * total >= (query.offset + query.limit) * in_year


def order_by(sort: str) -> str:
    """ORDER BY for a sort key (``-`` = descending); missing values last, id breaks ties."""
    descending = sort.startswith("-")
    column = _SORTS[sort.lstrip("-")]
    return f"{column} {'DESC' if descending else 'ASC'} NULLS LAST, c.id ASC"


def facet_sql(field: FacetField, where: str) -> str:
    """Counts per value of one facet over the cases matching ``where`` (indexes do the work)."""
    if field == "year":
        if where == ALL:
            return "SELECT y.year, COUNT(*) FROM case_years y GROUP BY y.year"
        return (
            "SELECT y.year, COUNT(*) FROM case_years y "
            f"WHERE y.case_id IN (SELECT c.id FROM cases c WHERE {where}) GROUP BY y.year"
        )
    column = COLUMNS[field]
    return f"SELECT {column}, COUNT(*) FROM cases c WHERE {where} AND {column} IS NOT NULL GROUP BY {column}"


def facet_rows_sql(where: str) -> str:
    """(id, sponsor, target, service, stage, year) of every matching case, one row per year."""
    return (
        f"SELECT c.id, {', '.join(COLUMNS.values())}, y.year FROM cases c "
        f"LEFT JOIN case_years y ON y.case_id = c.id WHERE {where}"
    )


def total_and_facets_sql(where: str) -> str:
    """(facet, value, count) rows for every facet plus ('total', NULL, n), from one statement.

    The filtered set is materialised once: first its ``seq``s (an index or the text-match set
    answers ``where``, no table scan), then those cases' facet columns by primary key. The
    year facet then seeks ``case_years`` per case; CROSS JOIN keeps SQLite from scanning the
    whole table instead (PostgreSQL plans it as a plain join).
    """
    parts = [
        f"SELECT '{field}', f.{field}, COUNT(*) FROM f WHERE f.{field} IS NOT NULL GROUP BY f.{field}"
        for field in COLUMNS
    ]
    parts.append(
        "SELECT 'year', CAST(y.year AS TEXT), COUNT(*) FROM f CROSS JOIN case_years y WHERE y.case_id = f.id "
        "GROUP BY y.year"
    )
    parts.append("SELECT 'total', NULL, COUNT(*) FROM f")
    return (
        f"WITH s AS MATERIALIZED (SELECT c.seq FROM cases c WHERE {where}), "
        f"f AS MATERIALIZED (SELECT c.id, {', '.join(COLUMNS.values())} FROM cases c "
        "WHERE c.seq IN (SELECT s.seq FROM s)) "
        + " UNION ALL ".join(parts)
    )


def in_set(table: str) -> str:
    """Case ``c`` is in a set of case ``seq``s: drives the query from the set (counts, facets)."""
    return f"c.seq IN (SELECT m.seq FROM {table} m)"


def not_in_set(table: str) -> str:
    return f"c.seq NOT IN (SELECT m.seq FROM {table} m)"  # seq is never NULL


def exists_in_set(table: str) -> str:
    """The same test per case: lets a sorted page walk an ORDER BY index and stop at the limit."""
    return f"EXISTS (SELECT 1 FROM {table} m WHERE m.seq = c.seq)"


def both(first: str, second: str) -> str:
    """``first AND second``, without the no-op condition."""
    return second if first == ALL else f"{first} AND {second}"


def count_by_sql(field: FacetField, by_year: bool, where: str) -> str:
    """Dashboard counts: per value, or per (value, year first reported)."""
    column = "c.year" if field == "year" else COLUMNS[field]
    if field == "year":
        return f"SELECT c.year, COUNT(*) FROM cases c WHERE {where} AND c.year IS NOT NULL GROUP BY c.year ORDER BY c.year"
    if by_year:
        return (
            f"SELECT {column}, c.year, COUNT(*) FROM cases c WHERE {where} AND {column} IS NOT NULL "
            f"AND c.year IS NOT NULL GROUP BY {column}, c.year ORDER BY c.year, {column}"
        )
    return (
        f"SELECT {column}, COUNT(*) FROM cases c WHERE {where} AND {column} IS NOT NULL "
        f"GROUP BY {column} ORDER BY COUNT(*) DESC, {column}"
    )


def tally_where(query: CaseQuery | None) -> Where | None:
    """The condition (over ``case_tally t``) for the facet filters of a query, or None when the
    query filters on what the tally does not hold (full text, a person). The year is the caller's."""
    query = query or CaseQuery()
    if (query.text is not None and query.text.strip()) or (query.person is not None and query.person.strip()):
        return None
    clauses: list[str] = []
    params: list[Any] = []
    for field in TALLY_FIELDS:
        values: tuple[str, ...] = getattr(query, field)
        if values:
            clauses.append(f"t.{field} IN ({marks(len(values))})")
            params.extend(encoded(value) for value in values)
    return (" AND ".join(clauses) or ALL), params


def tally_count_by_sql(field: FacetField, by_year: bool, where: str) -> str:
    """``count_by_sql`` from the tally: years are those first reported (kind 'first')."""
    if field == "year":
        return (f"SELECT t.year, SUM(t.n) FROM case_tally t WHERE t.kind = 'first' AND {where} "
                "GROUP BY t.year HAVING SUM(t.n) > 0 ORDER BY t.year")
    column = f"t.{field}"
    if by_year:
        return (f"SELECT {column}, t.year, SUM(t.n) FROM case_tally t WHERE t.kind = 'first' AND {column} <> '' "
                f"AND {where} GROUP BY {column}, t.year HAVING SUM(t.n) > 0 ORDER BY t.year, {column}")
    return (f"SELECT {column}, SUM(t.n) FROM case_tally t WHERE t.kind = 'case' AND {column} <> '' AND {where} "
            f"GROUP BY {column} HAVING SUM(t.n) > 0 ORDER BY SUM(t.n) DESC, {column}")


def tally_pairs_sql(where: str) -> str:
    """Who spies on whom from the tally, most cases first (``LIMIT ?`` last)."""
    return (
        "SELECT t.sponsor, t.target, SUM(t.n) FROM case_tally t WHERE t.kind = 'case' AND t.sponsor <> '' "
        f"AND t.target <> '' AND {where} GROUP BY t.sponsor, t.target HAVING SUM(t.n) > 0 "
        "ORDER BY SUM(t.n) DESC, t.sponsor, t.target LIMIT ?"
    )


def _like_escaped(word: str) -> str:
    """A word matched literally by LIKE ... ESCAPE '!'."""
    return word.replace("!", "!!").replace("%", "!%").replace("_", "!_")
