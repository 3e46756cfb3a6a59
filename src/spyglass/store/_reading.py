"""Reads: cases with filters, sort, pages and facets; articles; search; stats; dashboard counts."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Literal

from spyglass.errors import NotFoundError
from spyglass.records import Analysis, Article, Case, Entity, Evidence, Mention, Relevance, Stat
from spyglass.store import _codec, _queries
from spyglass.store._engine import SqlBase, locked
from spyglass.store._series import StoredStat, series_of
from spyglass.store._tally import COUNTED, TALLY_FIELDS, decoded
from spyglass.store._writing import ARTICLE_COLUMNS, article_of
from spyglass.store.base import (
    FACET_FIELDS,
    CasePage,
    CaseQuery,
    CountRow,
    FacetField,
    PairCount,
    SearchHit,
    StatSeries,
)

__all__ = ["ReadMixin"]

_ONE_PASS_ROWS = 50_000  # rows (case x year) counted in Python before falling back to SQL

_ARTICLE_SELECT = ", ".join(f"a.{name}" for name in ARTICLE_COLUMNS)


class ReadMixin(SqlBase):
    @locked
    def case(self, case_id: str) -> Case:
        return self._case_record(case_id, "data")

    def _where(self, query: CaseQuery | None) -> _queries.Where:
        return _queries.case_where(query or CaseQuery(), self._text_clause)

    @locked
    def cases(self, query: CaseQuery) -> CasePage:
        """One page of matching cases (corrections applied), the total, and facets of all matches."""
        words = _codec.query_words(query.text) if query.text is not None and query.text.strip() else []
        if words:
            where, params, total, facets = self._text_total_and_facets(query, words)
        else:
            where, params = self._where(query)
            total, facets = self._total_and_facets(query, where, params)
        page = self._page_ids(query, where, params, total) if total else []
        found = self._cases_by_id(page)
        return CasePage(items=[found[case_id] for case_id in page], total=total, facets=_ordered(facets))

    def _page_ids(self, query: CaseQuery, where: str, params: list[object], total: int) -> list[str]:
        """The ids of the query's page (sorted and paged on narrow rows; the JSON is fetched after).

        With many matches a page walks an index in the sort order and stops at its end: the
        cases' own (``walks``), or, for a year, the year's rows of case_years newest first.
        """
        if _queries.walks(query, total, self._case_count()):
            if self._steers_walks:
                where, params = _queries.case_where(query, self._text_clause, walk=True)
        elif query.year is not None and _queries.walks_year(query, total, self._year_count(query.year)):
            rest, rest_params = _queries.year_rows_where(query)
            return [row[0] for row in self._rows(
                f"SELECT y.case_id FROM case_years y WHERE y.year = ? AND {rest} "
                "ORDER BY y.last_reported DESC NULLS LAST, y.case_id ASC LIMIT ? OFFSET ?",
                (query.year, *rest_params, query.limit, query.offset),
            )]
        return [row[0] for row in self._rows(
            f"SELECT c.id FROM cases c WHERE {where} ORDER BY {_queries.order_by(query.sort)} LIMIT ? OFFSET ?",
            (*params, query.limit, query.offset),
        )]

    def _year_count(self, year: int) -> int:
        """Cases reported in or active in ``year``."""
        return int(self._scalar("SELECT n FROM case_year_pairs WHERE year = ? AND other_year = ?", (year, year)) or 0)

    def _tally_total(self, query: CaseQuery) -> int | None:
        """How many cases match a query on facet values only (None for other queries)."""
        found = _queries.tally_where(query) if query.year is None else None
        if found is None:
            return None
        where, params = found
        return int(self._scalar(
            f"SELECT SUM(t.n) FROM case_tally t WHERE t.kind = 'case' AND t.year = 0 AND {where}", params) or 0)

    def _case_count(self) -> int:
        return int(self._scalar("SELECT n FROM store_counts WHERE name = 'cases'") or 0)

    def _text_total_and_facets(
        self, query: CaseQuery, words: list[str]
    ) -> tuple[str, list[object], int, dict[str, Counter[str]]]:
        """WHERE (over the matched set), total and facets of a query with a full-text filter.

        The text is matched once into a temporary set; page, count and facets reuse it. When
        most cases match, the facets are those of the other filters alone minus those of the
        few cases the text leaves out: both halves are cheap, and the difference is exact.
        """
        table, matched = self._match_cases(words)
        rest, params = self._where(query.model_copy(update={"text": None}))
        page_where = _queries.both(rest, _queries.exists_in_set(table))
        if matched * 2 <= self._case_count():
            if not matched:
                return page_where, params, 0, _counters()
            total, facets = self._count_materialised(_queries.both(rest, _queries.in_set(table)), params)
            return page_where, params, total, facets
        all_total, all_facets = self._total_and_facets(query.model_copy(update={"text": None}), rest, params)
        left_total, left_facets = self._count_materialised(_queries.both(rest, _queries.not_in_set(table)), params)
        for field, counts in all_facets.items():
            counts.subtract(left_facets[field])
            all_facets[field] = +counts  # drop values no matching case has
        return page_where, params, all_total - left_total, all_facets

    def _total_and_facets(
        self, query: CaseQuery, where: str, params: list[object]
    ) -> tuple[int, dict[str, Counter[str]]]:
        """The number of cases matching a filter without full text, and each facet's counts over them."""
        tallied = self._tallied(query)
        if tallied is not None:
            return tallied
        counted = self._count_in_one_pass(where, params) if where != _queries.ALL else None
        if counted is not None:
            return counted
        # No filter (or a huge match): one GROUP BY per facet, each answered from an index.
        total = int(self._scalar(f"SELECT COUNT(*) FROM cases c WHERE {where}", params) or 0)
        counters = _counters()
        for field in FACET_FIELDS if total else ():
            for value, count in self._rows(_queries.facet_sql(field, where), params):
                counters[field][str(value)] = int(count)
        return total, counters

    def _tallied(self, query: CaseQuery) -> tuple[int, dict[str, Counter[str]]] | None:
        """Total and facets from the case tally (a few thousand rows whatever the number of cases);
        None when the query filters on what the tally does not hold."""
        found = _queries.tally_where(query)
        if found is None:
            return None
        tally_where, tally_params = found
        kind, year = ("active", query.year) if query.year is not None else ("case", 0)
        counters = _counters()
        total = 0
        rows = self._rows(
            f"SELECT t.sponsor, t.target, t.service, t.stage, t.n FROM case_tally t "
            f"WHERE t.kind = ? AND t.year = ? AND {tally_where} AND t.n > 0",
            (kind, year, *tally_params),
        )
        for *values, n in rows:
            total += int(n)
            for field, value in zip(TALLY_FIELDS, values, strict=True):
                if value:
                    counters[field][decoded(value) or ""] += int(n)
        if not total:
            return 0, counters
        if query.year is None and tally_where == _queries.ALL:  # every case: the pairs of a year with itself
            years = self._rows("SELECT year, n FROM case_year_pairs WHERE year = other_year AND n > 0")
        elif query.year is None:
            years = self._rows(
                f"SELECT t.year, SUM(t.n) FROM case_tally t WHERE t.kind = 'active' AND {tally_where} "
                "GROUP BY t.year HAVING SUM(t.n) > 0",
                tally_params,
            )
        elif tally_where == _queries.ALL:  # the year alone: the years its cases share with it
            years = self._rows("SELECT other_year, n FROM case_year_pairs WHERE year = ? AND n > 0", (query.year,))
        else:  # a year and facet values: the year's rows, by the years of their cases
            rest, rest_params = _queries.year_rows_where(query)
            years = []
            for signature, n in self._rows(
                f"SELECT y.years, COUNT(*) FROM case_years y WHERE y.year = ? AND {rest} GROUP BY y.years",
                (query.year, *rest_params),
            ):
                years += [(year, n) for year in str(signature).split(",") if year]
        for year, n in years:
            counters["year"][str(year)] += int(n)
        return total, counters

    def _count_materialised(self, where: str, params: list[object]) -> tuple[int, dict[str, Counter[str]]]:
        """Total and facets from one statement that evaluates ``where`` once per case."""
        counters = _counters()
        total = 0
        for facet, value, count in self._rows(_queries.total_and_facets_sql(where), params):
            if facet == "total":
                total = int(count)
            else:
                counters[facet][str(value)] = int(count)
        return total, counters

    def _count_in_one_pass(
        self, where: str, params: list[object]
    ) -> tuple[int, dict[str, Counter[str]]] | None:
        """Facets of a filtered set from one scan instead of one statement per facet.

        None when the set is larger than ``_ONE_PASS_ROWS``: indexed GROUP BYs are cheaper then.
        """
        cursor = self._exec(_queries.facet_rows_sql(where), params)
        counters = _counters()
        seen: set[str] = set()
        fetched = 0
        while batch := cursor.fetchmany(1000):
            fetched += len(batch)
            if fetched > _ONE_PASS_ROWS:
                cursor.fetchall()  # finish the statement before running others on the connection
                return None
            for case_id, *values, year in batch:
                if case_id not in seen:
                    seen.add(case_id)
                    for field, value in zip(_queries.COLUMNS, values, strict=True):
                        if value is not None:
                            counters[field][str(value)] += 1
                if year is not None:
                    counters["year"][str(year)] += 1
        return len(seen), counters

    def iter_cases(self, query: CaseQuery) -> Iterator[Case]:
        """Every matching case in the query's order, fetched in batches (constant memory)."""
        with self._lock:
            total = self._tally_total(query)
            walk = self._steers_walks and total is not None and _queries.walks(query, total, self._case_count())
        where, params = _queries.case_where(query, self._text_clause, walk=walk)
        sql = (
            f"SELECT d.data FROM cases c JOIN case_docs d ON d.seq = c.seq WHERE {where} "
            f"ORDER BY {_queries.order_by(query.sort)}"
        )
        for row in self._stream(sql, params):
            yield Case.model_validate_json(row[0])

    @locked
    def article(self, article_id: str) -> Analysis:
        row = self._one(
            f"SELECT {_ARTICLE_SELECT}, n.relevance, n.entities FROM articles a "
            "LEFT JOIN analyses n ON n.article_id = a.id WHERE a.id = ?",
            (article_id,),
        )
        if row is None:
            raise NotFoundError(f"no article {article_id!r} in {self.target}", "list articles with `spyglass articles`")
        width = len(ARTICLE_COLUMNS)
        relevance, entities = row[width], row[width + 1]
        mentions = self._rows("SELECT data FROM mentions WHERE article_id = ? ORDER BY pos", (article_id,))
        stats = self._rows(
            f"SELECT {_STAT_COLUMNS} FROM stats s WHERE s.article_id = ? ORDER BY s.pos", (article_id,)
        )
        return Analysis(
            article=article_of(row[:width]),
            relevance=Relevance.model_validate_json(relevance) if relevance else Relevance(is_espionage=False, score=0.0),
            entities=tuple(Entity.model_validate(e) for e in json.loads(entities or "[]")),
            mentions=tuple(Mention.model_validate_json(m[0]) for m in mentions),
            stats=tuple(_stat(s) for s in stats),
        )

    @locked
    def cases_of_article(self, article_id: str) -> list[Case]:
        """The cases the article's mentions are part of (the reader links to them), newest first."""
        rows = self._rows("SELECT DISTINCT case_id FROM case_mentions WHERE article_id = ?", (article_id,))
        found = self._cases_by_id(str(row[0]) for row in rows)
        return sorted(found.values(), key=lambda c: (c.last_reported or "", c.id), reverse=True)

    @locked
    def articles(self, limit: int = 50, offset: int = 0) -> list[Article]:
        rows = self._rows(
            f"SELECT {_ARTICLE_SELECT} FROM articles a ORDER BY a.published DESC NULLS LAST, a.seq DESC "
            "LIMIT ? OFFSET ?",
            (limit, offset),
        )
        return [article_of(row) for row in rows]

    @locked
    def search(
        self, text: str, limit: int = 20, offset: int = 0, kind: Literal["all", "article", "case"] = "all"
    ) -> list[SearchHit]:
        """Cases, then articles, matching every word of ``text``; any string is a valid query."""
        words = _codec.query_words(text)
        if not words or limit <= 0:
            return []
        wanted = limit + offset
        hits: list[SearchHit] = []
        if kind in ("all", "case"):
            hits += self._search_cases(words, wanted)
        if kind in ("all", "article") and len(hits) < wanted:
            hits += self._search_articles(words, wanted - len(hits))
        return hits[offset:offset + limit]

    @locked
    def stats(self) -> list[Stat]:
        """Reported statistics with their evidence; copies from duplicate articles left out."""
        rows = self._rows(
            f"SELECT {_STAT_COLUMNS} FROM stats s JOIN articles a ON a.id = s.article_id "
            "WHERE a.duplicate_of IS NULL ORDER BY s.subject, s.year, s.article_id, s.pos"
        )
        return [_stat(row) for row in rows]

    @locked
    def stat_series(self) -> list[StatSeries]:
        """Each reported series once, one point a year with every article reporting it."""
        rows = self._rows(
            f"SELECT {_STAT_COLUMNS}, s.article_id, a.published FROM stats s JOIN articles a ON a.id = s.article_id "
            "WHERE a.duplicate_of IS NULL ORDER BY a.seq, s.pos"
        )
        width = len(_STAT_COLUMNS.split(","))
        return series_of(StoredStat(_stat(row[:width]), str(row[width]), row[width + 1]) for row in rows)

    @locked
    def counts(self) -> dict[str, int]:
        """Kept by the writers (``_tally``): reading them costs the same at any size."""
        found = {str(name): int(n) for name, n in self._rows("SELECT name, n FROM store_counts")}
        found["sources"] = int(self._scalar("SELECT COUNT(*) FROM source_counts WHERE n > 0") or 0)
        return {name: found.get(name, 0) for name in COUNTED}

    @locked
    def case_counts_by(
        self, field: FacetField, by_year: bool = False, query: CaseQuery | None = None
    ) -> list[CountRow]:
        """Cases per value of a field, or per value and year first reported (stacked charts)."""
        if field not in FACET_FIELDS:
            raise ValueError(f"unknown field {field!r}")
        tallied = _queries.tally_where(query) if query is None or query.year is None else None
        if tallied is not None:
            rows = [(decoded(str(row[0])) if field != "year" else row[0], *row[1:])
                    for row in self._rows(_queries.tally_count_by_sql(field, by_year, tallied[0]), tallied[1])]
        else:
            where, params = self._where(query)
            rows = self._rows(_queries.count_by_sql(field, by_year, where), params)
        if by_year and field != "year":
            return [CountRow(value=str(v), year=int(y), count=int(n)) for v, y, n in rows]
        if field == "year":
            return [CountRow(value=str(v), year=int(v), count=int(n)) for v, n in rows]
        return [CountRow(value=str(v), count=int(n)) for v, n in rows]

    @locked
    def country_pairs(self, limit: int = 20, query: CaseQuery | None = None) -> list[PairCount]:
        """The most frequent sponsor -> target pairs (who spies on whom)."""
        tallied = _queries.tally_where(query) if query is None or query.year is None else None
        if tallied is not None:
            rows = self._rows(_queries.tally_pairs_sql(tallied[0]), (*tallied[1], limit))
            return [PairCount(sponsor=s[1:], target=t[1:], count=int(n)) for s, t, n in rows]
        where, params = self._where(query)
        rows = self._rows(
            f"SELECT c.sponsor, c.target, COUNT(*) FROM cases c WHERE {where} AND c.sponsor IS NOT NULL "
            "AND c.target IS NOT NULL GROUP BY c.sponsor, c.target ORDER BY COUNT(*) DESC, c.sponsor, c.target LIMIT ?",
            (*params, limit),
        )
        return [PairCount(sponsor=s, target=t, count=int(n)) for s, t, n in rows]


    @locked
    def people(self, limit: int = 100, query: CaseQuery | None = None) -> list[CountRow]:
        """Accused names with how many matching cases name them, most first (one row per person)."""
        where, params = self._where(query)
        # every row of case_people belongs to a case (deleted with it): no filter, no join
        among = "" if where == _queries.ALL else f"WHERE p.case_id IN (SELECT c.id FROM cases c WHERE {where}) "
        rows = self._rows(
            f"SELECT MIN(p.name), COUNT(*) FROM case_people p {among}"
            "GROUP BY p.folded ORDER BY COUNT(*) DESC, MIN(p.name) LIMIT ?",
            (*params, limit),
        )
        return [CountRow(value=str(name), count=int(n)) for name, n in rows]


def _counters() -> dict[str, Counter[str]]:
    return {field: Counter() for field in FACET_FIELDS}


def _ordered(counters: dict[str, Counter[str]]) -> dict[str, dict[str, int]]:
    """Each facet's values, most frequent first, ties by value."""
    return {field: dict(sorted(counts.items(), key=lambda vc: (-vc[1], vc[0]))) for field, counts in counters.items()}


_STAT_COLUMNS = "s.subject, s.year, s.value, s.evidence, s.country, s.measure"


def _stat(row: tuple[object, ...]) -> Stat:
    subject, year, value, evidence, country, measure = row
    return Stat(
        subject=str(subject), year=int(str(year)), value=int(str(value)),
        evidence=Evidence.model_validate_json(str(evidence)) if evidence else None,
        country=str(country) if country else None, measure=str(measure) if measure else None,
    )
