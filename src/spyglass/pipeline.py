"""The only module that chains stages: sources -> extract -> understand -> link -> store.

Each function streams records and passes ``Rejected`` records through untouched, so callers
can count what was rejected and why while the run goes on.
"""

from __future__ import annotations

import hashlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, Protocol

from spyglass.budget import Allowance, Overrun, deadline, text_cut, too_complex, with_cut
from spyglass.errors import InputError, SpyglassError, internal_reason
from spyglass.records import Analysis, Article, Case, CaseSource, Correction, Mention, RawItem, Rejected
from spyglass.settings import Settings

if TYPE_CHECKING:
    from spyglass.export.jsonl import LineError
    from spyglass.store.base import LinkRule, Store
    from spyglass.understand import Analyzer

__all__ = [
    "articles", "analyses", "analyses_of", "warmed_analyzer", "import_cases",
    "IngestSummary", "Batch", "ingest", "ingest_analyses", "ingest_batches", "edit_case", "merge_cases", "split_case", "unmerge_case",
    "shorthand_value",
]


def articles(inputs: Iterable[str], settings: Settings) -> Iterator[Article | Rejected]:
    """Every article found in the inputs (paths, folders, URLs, "-" for stdin), in order.

    Reading one document is bounded by ``settings.analysis_deadline`` (see ``_read``).
    """
    from spyglass.sources import read_inputs

    for raw in read_inputs(inputs, settings):
        if isinstance(raw, Rejected):
            yield raw
            continue
        yield from _read(raw, Allowance(settings.analysis_deadline))


def _read(raw: RawItem, allowance: Allowance) -> Iterator[Article | Rejected]:
    """The articles of one document while its allowance lasts; running out ends the document with
    a ``too-complex`` rejection (the articles found before are kept, later ones not read)."""
    from spyglass.extract import articles_in

    found = articles_in(raw)
    count = 0
    while True:
        if allowance.spent:
            if not allowance.reported:
                yield _out_of_time(raw, allowance, count)
            return
        try:
            with deadline(allowance.left()):
                article = next(found, None)
        except Overrun:
            yield _out_of_time(raw, allowance, count)
            return
        if article is None:
            return
        if not isinstance(article, Rejected):
            count += 1
        yield article


def _out_of_time(raw: RawItem, allowance: Allowance, count: int) -> Rejected:
    after = f" after {count} article{'s' if count != 1 else ''}; the rest were not read" if count else ""
    return too_complex(raw.source, raw.member, f"reading and analysing the document took over {allowance.seconds:g} s{after}")


def analyses(inputs: Iterable[str], settings: Settings) -> Iterator[Analysis | Rejected]:
    """The analysis of every article in the inputs, each document within its allowance of time."""
    from spyglass.sources import read_inputs

    return analyses_of(read_inputs(inputs, settings), settings)


def analyses_of(
    raws: Iterable[RawItem | Rejected], settings: Settings, analyzer: Analyzer | None = None,
    skipped: Callable[[RawItem], None] | None = None,
) -> Iterator[Analysis | Rejected]:
    """The analysis of every article in documents read elsewhere (a worker's slice of a crawl).

    ``analyzer`` is kept by a caller that analyses many slices, so its spaCy model loads once.
    A page the prefilter finds no espionage cue in (``settings.prefilter``) yields nothing and
    is passed to ``skipped``, for counting.
    """
    from spyglass.understand import Analyzer

    analyzer = analyzer or Analyzer(settings)
    for raw in raws:
        if isinstance(raw, Rejected):
            yield raw
            continue
        if settings.prefilter and not can_be_relevant(raw):
            if skipped is not None:
                skipped(raw)
            continue
        allowance = Allowance(settings.analysis_deadline)
        for found in _read(raw, allowance):
            if isinstance(found, Rejected):
                yield found
                continue
            _load_model(analyzer, found, allowance)
            yield _analysed(analyzer.analyse, found, settings, allowance)


def can_be_relevant(raw: RawItem) -> bool:
    """Can an article of this document be about espionage? False only for an HTML page or a feed
    whose text holds no cue of any language that a relevant article needs (``understand.prefilter``,
    lossless): it is skipped before it is parsed. Any other document is read, so extraction still
    says what it holds or why it is rejected (empty, binary, undecodable, not news)."""
    from spyglass.extract.decode import DecodeError, decoded, looks_binary
    from spyglass.extract.feeds import looks_like_feed
    from spyglass.extract.html import looks_like_html
    from spyglass.understand.prefilter import can_be_relevant as cue_in

    if looks_binary(raw.content) or not raw.content.strip():
        return True
    try:
        text = decoded(raw.content, raw.charset)
    except DecodeError:
        return True
    if not (looks_like_html(text) or looks_like_feed(text)):
        return True
    return cue_in(text)


_WARM_UP = (b"<!doctype html><html lang=en><head><title>Spy jailed</title></head><body><article><h1>Spy jailed</h1>"
            b"<p>Anton Berg, a former army officer, was sentenced to five years in prison on Monday in Berlin for "
            b"spying for Russia's GRU military intelligence service, the court said.</p></article></body></html>")


def warmed_analyzer(settings: Settings) -> Analyzer:
    """An analyzer that has read one page, off any document's clock: the first page of a run (of
    each worker) must not pay for loading tables and the spaCy model, or its analysis could run
    past its deadline on a busy machine and the store would depend on where the page was read."""
    from dataclasses import replace

    from spyglass.understand import Analyzer

    analyzer = Analyzer(settings)
    page = RawItem(source="warm-up", content=_WARM_UP, content_type="text/html")
    for _ in analyses_of([page], replace(settings, analysis_deadline=0), analyzer):
        pass
    return analyzer


def _load_model(analyzer: Analyzer, article: Article, allowance: Allowance) -> None:
    """The spaCy model (before an English article) and the language's rule tables, loaded once,
    off the clock: a slow disk or a first compile is no document's fault."""
    started = time.monotonic()
    analyzer.prepare(article.language)
    allowance.pause(time.monotonic() - started)


def _analysed(
    analyse: Callable[[Article], Analysis], article: Article, settings: Settings, allowance: Allowance | None = None
) -> Analysis | Rejected:
    """The analysis of one article within its budget; a bug in it costs that article, never the run.

    Only the first ``settings.max_text`` characters are analysed (the article keeps its whole
    text, and its relevance reasons say where the analysis stopped); an analysis that runs past
    what is left of its document's allowance (``settings.analysis_deadline`` seconds in all)
    becomes a ``too-complex`` rejection. A bug becomes an ``internal`` rejection whose traceback
    goes to the error log in ``settings.cache_dir``.
    """
    allowance = allowance or Allowance(settings.analysis_deadline)
    member = f"item {article.item}"
    cut = text_cut(article.text, settings.max_text)
    read = article if cut is None else article.model_copy(update={"text": article.text[:cut]})
    try:
        with deadline(allowance.left()) as running:
            try:
                analysis = analyse(read)
            finally:
                allowance.pause(running.paused)  # a tool loaded on first need is no article's time
    except Overrun:
        return _late(article, member, allowance)
    except SpyglassError:
        raise  # a problem of the run itself (a missing spaCy model), not of this article
    except Exception as err:
        reason = internal_reason(err, "analysing the article", f"{article.source}#{member}", settings.cache_dir)
        return Rejected(source=article.source, member=member, code="internal", reason=reason)
    if allowance.spent:  # no timer could interrupt it (a worker thread): the same verdict, late
        return _late(article, member, allowance)
    return analysis if cut is None else with_cut(analysis, article, cut)


def _late(article: Article, member: str, allowance: Allowance) -> Rejected:
    allowance.reported = True
    what = f"analysing the article ran past the {allowance.seconds:g} s its document may take; later articles were not read"
    return too_complex(article.source, member, what)


def import_cases(lines: Iterable[bytes], store: Store, source: str = "-", batch: int = 500) -> Iterator[Case | LineError]:
    """Store every case of a Spyglass JSON Lines export (``export.read_jsonl``) with its blocking keys.

    Yields each stored case and each bad line (``file:line: problem``); bad lines are skipped
    and the rest still imported. Cases are saved as machine values, a batch per transaction.
    """
    from spyglass.export.jsonl import read_jsonl

    found = read_jsonl(lines, source)
    while True:
        chunk = [_canonical(item) for _, item in zip(range(batch), found, strict=False)]
        if not chunk:
            return
        with store.transaction():
            for item in chunk:
                if isinstance(item, Case):
                    store.save_case(item, _import_keys(item))
        yield from chunk


def _canonical(item: Case | LineError) -> Case | LineError:
    """An imported case with its service by the canonical id (an older export printed "MSS")."""
    from spyglass.services import canonical_service

    if not isinstance(item, Case):
        return item
    service = canonical_service(item.sponsor_service, item.sponsor_country)
    return item if service == item.sponsor_service else item.model_copy(update={"sponsor_service": service})


def _import_keys(case: Case) -> list[str]:
    """Blocking keys of an imported case, as linking would file it (one report per known date)."""
    from spyglass.link import case_keys
    from spyglass.records import CaseFacts, Mention

    facts = {name: getattr(case, name) for name in CaseFacts.model_fields}
    dates = sorted({case.first_reported, case.last_reported}, key=lambda d: d or "")
    reports = [Mention(article_id=f"import:{case.id}", index=i, published=d, **facts) for i, d in enumerate(dates)]
    return case_keys(reports)


# --- ingest: sources -> extract -> understand -> link -> store ------------------------------


NAMED_REJECTIONS = 200  # rejected inputs an ingest names one by one; more are counted by kind


@dataclass
class IngestSummary:
    """What one ``ingest`` run did; a rerun over stored input counts only ``skipped``."""

    documents: int = 0  # documents read (each file, feed, page or archive record)
    articles: int = 0  # article-level units found in them
    stored: int = 0  # articles new to the database
    skipped: int = 0  # articles already stored by an earlier run
    duplicates: int = 0  # near-duplicates of a stored article: counted once, linked only for news
    relevant: int = 0  # stored articles about espionage
    mentions: int = 0  # case mentions linked into cases
    prefiltered: int = 0  # pages the prefilter found no espionage cue in: skipped unparsed
    rejected: Counter[str] = field(default_factory=Counter)  # code -> count
    # the first rejections themselves, so a run can name what it left out (a crawl may reject
    # thousands: the count stays exact, the list is bounded)
    rejections: list[Rejected] = field(default_factory=list)
    new_cases: set[str] = field(default_factory=set)
    updated_cases: set[str] = field(default_factory=set)
    _sources: set[str] = field(default_factory=set, repr=False)
    _noted: list[tuple[str, bool]] = field(default_factory=list, repr=False)  # cases noted by the article under way

    def note_case(self, case_id: str, new: bool) -> None:
        """A case started (``new``) or grown by the article being stored."""
        if new:
            self.new_cases.add(case_id)
        elif case_id not in self.new_cases:
            self.updated_cases.add(case_id)
        else:
            return
        self._noted.append((case_id, new))

    def note_rejected(self, rejected: Rejected) -> None:
        """Count a rejection and keep it (up to ``NAMED_REJECTIONS``) to be named at the end."""
        self.rejected[rejected.code] += 1
        if len(self.rejections) < NAMED_REJECTIONS:
            self.rejections.append(rejected)

    def checkpoint(self) -> tuple[dict[str, int], Counter[str]]:
        """The counts before an article is stored, for ``roll_back`` (its cases are noted from now)."""
        self._noted = []
        counts = {name: getattr(self, name) for name in ("stored", "skipped", "duplicates", "relevant", "mentions")}
        return counts, Counter(self.rejected)

    def roll_back(self, checkpoint: tuple[dict[str, int], Counter[str]]) -> None:
        """Forget what the article under way added: its writes were rolled back."""
        counts, rejected = checkpoint
        self.__dict__.update(counts)
        self.rejected = rejected
        for case_id, new in self._noted:
            (self.new_cases if new else self.updated_cases).discard(case_id)
        self._noted = []

    def rows(self) -> list[tuple[str, int]]:
        """The closing table, in the order users read it."""
        rows = [
            ("documents", self.documents), ("prefiltered: no espionage cue", self.prefiltered),
            ("articles", self.articles), ("stored", self.stored),
            ("already stored", self.skipped), ("near-duplicates", self.duplicates),
            ("about espionage", self.relevant), ("mentions linked", self.mentions),
            ("new cases", len(self.new_cases)), ("updated cases", len(self.updated_cases)),
        ]
        rows += [(f"rejected: {code}", n) for code, n in sorted(self.rejected.items())]
        return rows

    def count_prefiltered(self, raw: RawItem) -> None:
        """A page read but skipped by the prefilter: a document, with no article."""
        self._count_source(raw.source if raw.member is None else f"{raw.source}#{raw.member}")
        self.prefiltered += 1

    def _count_source(self, key: str) -> None:
        if key not in self._sources:
            self._sources.add(key)
            self.documents += 1


def ingest(
    inputs: Iterable[str],
    store: Store,
    settings: Settings,
    progress: Callable[[IngestSummary], None] | None = None,
    batch_size: int = 50,
) -> IngestSummary:
    """Read, understand, link and store every article of the inputs, one transaction per batch.

    Articles already stored are skipped, so re-running on the same input changes nothing and a
    run killed midway, run again, ends in the same database as one clean run (the batches it
    committed are skipped, the rest are processed in the same order).
    """
    from spyglass.sources import read_inputs

    summary = IngestSummary()
    found = analyses_of(read_inputs(inputs, settings), settings, skipped=summary.count_prefiltered)
    return ingest_analyses(found, store, progress, batch_size, log_folder=settings.cache_dir, summary=summary)


def ingest_analyses(
    found: Iterable[Analysis | Rejected],
    store: Store,
    progress: Callable[[IngestSummary], None] | None = None,
    batch_size: int = 50,
    log_folder: str | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """The link -> store half of ``ingest``, for analyses made elsewhere (tests, other runners).

    Analyses are computed while the batch fills, outside the transaction, so each write is short.
    An article whose linking or storing fails is rolled back alone and rejected as ``internal``
    (its traceback in the error log of ``log_folder``, default ``SPYGLASS_CACHE_DIR``).
    ``summary`` may hold counts made while ``found`` is read (pages the prefilter skipped).
    """
    summary = summary or IngestSummary()
    cannot = _cannot_pairs(store)
    batch: list[Analysis | Rejected] = []
    for item in found:
        _count_found(item, summary)
        batch.append(item)
        if len(batch) >= batch_size:
            _write_batch(batch, store, cannot, summary, log_folder)
            batch = []
        if progress is not None:
            progress(summary)
    if batch:
        _write_batch(batch, store, cannot, summary, log_folder)
    if progress is not None:
        progress(summary)
    return summary


class Batch(Protocol):
    """Analyses made elsewhere, stored in one transaction; ``then`` writes more in it (a crawl's
    checkpoint of the files this batch finishes), so both are committed or neither is."""

    @property
    def found(self) -> Sequence[Analysis | Rejected]: ...

    def then(self, store: Store) -> None: ...


def ingest_batches(
    batches: Iterable[Batch],
    store: Store,
    progress: Callable[[IngestSummary], None] | None = None,
    log_folder: str | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """The link -> store half of ``ingest`` for batches cut elsewhere, in the order given.

    ``summary`` may hold counts made while ``batches`` is read (pages the prefilter skipped).
    """
    summary = summary or IngestSummary()
    cannot = _cannot_pairs(store)
    for batch in batches:
        for item in batch.found:
            _count_found(item, summary)
        with store.transaction():
            _write_batch(list(batch.found), store, cannot, summary, log_folder)
            batch.then(store)
        if progress is not None:
            progress(summary)
    return summary


def _count_found(found: Analysis | Rejected, summary: IngestSummary) -> None:
    if isinstance(found, Rejected):
        summary._count_source(f"{found.source}#{found.member or ''}")
        summary.note_rejected(found)
    else:
        summary._count_source(found.article.source)
        summary.articles += 1


def _cannot_pairs(store: Store) -> set[tuple[str, str]]:
    return {(rule.a, rule.b) for rule in store.link_rules() if rule.kind == "cannot"}


def _write_batch(
    batch: list[Analysis | Rejected], store: Store, cannot: set[tuple[str, str]], summary: IngestSummary,
    log_folder: str | None,
) -> None:
    with store.transaction():
        for found in batch:
            if isinstance(found, Rejected):
                store.save_rejected(found)
            else:
                _store_guarded(found, store, cannot, summary, log_folder)


def _database_errors() -> tuple[type[BaseException], ...]:
    """Errors of the database itself (locked, disk full, connection lost), not of one article."""
    import sqlite3

    found: list[type[BaseException]] = [sqlite3.OperationalError, sqlite3.DatabaseError]
    try:
        import psycopg

        found += [psycopg.OperationalError]
    except ImportError:
        pass
    return tuple(found)



def _store_guarded(
    analysis: Analysis, store: Store, cannot: set[tuple[str, str]], summary: IngestSummary, log_folder: str | None
) -> None:
    """Link and store one analysis in a savepoint of its own: a bug met by this article (in
    ``link`` or ``store``) undoes this article's writes only, becomes an ``internal`` rejection
    with its traceback logged, and the batch goes on. A database that fails (locked, full,
    unreachable) ends the run: no article could be stored."""
    article = analysis.article
    member = f"item {article.item}"
    before = summary.checkpoint()
    try:
        with store.transaction():
            _store_analysis(analysis, store, cannot, summary)
    except Exception as err:
        if isinstance(err, (SpyglassError, *_database_errors())):
            raise
        summary.roll_back(before)  # its counts go with its writes
        reason = internal_reason(err, "linking and storing the article", f"{article.source}#{member}", log_folder)
        rejected = Rejected(source=article.source, member=member, code="internal", reason=reason)
        store.save_rejected(rejected)
        summary.note_rejected(rejected)


def _store_analysis(analysis: Analysis, store: Store, cannot: set[tuple[str, str]], summary: IngestSummary) -> None:
    from spyglass.link import duplicate_of, fingerprint_bands

    article = analysis.article
    if store.has_article(article.id):
        summary.skipped += 1
        return
    bands = fingerprint_bands(article.fingerprint)
    original = duplicate_of(article, store.near_duplicates(bands)) if bands else None
    store.save_analysis(analysis, duplicate_of=original)
    summary.stored += 1
    if original is not None:
        summary.duplicates += 1  # a copy of a stored story: counted once, its cases already linked
        if analysis.relevance.is_espionage:
            _link_news(analysis, store, cannot, summary)
        return
    if not analysis.relevance.is_espionage:
        return
    summary.relevant += 1
    for mention in analysis.mentions:
        _link_mention(mention, _source_of(article), store, cannot, summary)
        summary.mentions += 1


def _source_of(article: Article) -> CaseSource:
    return CaseSource(article_id=article.id, title=article.title, url=article.url,
                      published=article.published, site_name=article.site_name)


def _link_news(analysis: Analysis, store: Store, cannot: set[tuple[str, str]], summary: IngestSummary) -> None:
    """Link the mentions of a near-duplicate that tell its case something new (an updated version).

    A copy never starts a case (its story is already stored), and a mention that only repeats
    what the case holds is left out, so identical copies change nothing.
    """
    from spyglass.link import adds_to, find_case

    source = _source_of(analysis.article)
    for mention in analysis.mentions:
        chosen = find_case(mention, store.candidate_cases, cannot)
        if chosen is not None and adds_to(mention, chosen[0]):
            _grow_case(chosen[0], mention, source, store, summary)
            summary.mentions += 1


def _link_mention(
    mention: Mention, source: CaseSource, store: Store, cannot: set[tuple[str, str]], summary: IngestSummary
) -> None:
    """Join the best matching stored case or start a new one, and save it under its keys."""
    from spyglass.link import case_from, case_keys, find_case

    chosen = find_case(mention, store.candidate_cases, cannot)
    if chosen is None:
        case = case_from([mention], {source.article_id: source})
        store.save_case(case, case_keys([mention]))
        summary.note_case(case.id, new=True)
        return
    _grow_case(chosen[0], mention, source, store, summary)


def _grow_case(found: Case, mention: Mention, source: CaseSource, store: Store, summary: IngestSummary) -> None:
    """Add a mention to a stored case (machine values) and save it under its keys."""
    from spyglass.link import case_from, case_keys

    mentions = [*store.mentions_of(found.id), mention]
    sources = {s.article_id: s for s in found.sources} | {source.article_id: source}
    store.save_case(case_from(mentions, sources, found.id), case_keys(mentions))
    summary.note_case(found.id, new=False)


# --- curation: corrections, merges and splits (link decides, store keeps) -------------------


def edit_case(store: Store, case_id: str, assignments: Iterable[str], why: str, who: str) -> Case:
    """Apply ``field=value`` corrections to a case; each is validated, stored apart and audited."""
    from spyglass.link.curation import correction_value

    _require_why(why)
    store.machine_case(case_id)  # NotFoundError for an unknown case, before any write
    parsed = [(name, _countries_named(name, raw)) for name, raw in (_split_assignment(t) for t in assignments)]
    if not parsed:
        raise InputError("nothing to change", "give at least one --set FIELD=VALUE")
    corrections = [
        Correction(case_id=case_id, field=name, value=correction_value(name, raw), why=why, who=who, at=_now())
        for name, raw in parsed
    ]
    with store.transaction():
        for correction in corrections:
            store.add_correction(correction)
    return store.case(case_id)


def shorthand_value(name: str, raw: str) -> object:
    """An analyst's typed value for a case field, read as `case edit --set` reads it (the web
    form shares it): one shorthand, whichever door the correction comes through."""
    from spyglass.link.curation import shorthand_value as read

    return read(name, raw)


_COUNTRY_FIELDS = frozenset({"accused_nationality", "sponsor_country", "target_country"})


def _countries_named(name: str, raw: str) -> str:
    """``--set sponsor_country=China``: country names and demonyms become codes before validation
    ("China", "Chinese" and "CN" are one country); JSON values and non-countries are left as given."""
    if name not in _COUNTRY_FIELDS or raw[:1] in "[{\"":
        return raw
    from spyglass.understand.lexicon import country_given

    separator = ";" if ";" in raw else ","
    return separator.join(country_given(part) or part.strip() for part in raw.split(separator))


def merge_cases(store: Store, a: str, b: str, why: str, who: str) -> Case:
    """Join two cases into one (the one reported first keeps its id) and remember it as a rule."""
    from spyglass.link import case_keys, merged

    _require_why(why)
    if a == b:
        raise InputError(f"cannot merge case {a} with itself", "give two different case ids")
    case_a, case_b = store.machine_case(a), store.machine_case(b)
    mentions_a, mentions_b = store.mentions_of(a), store.mentions_of(b)
    sources = {s.article_id: s for s in (*case_a.sources, *case_b.sources)}
    joined = merged(case_a, mentions_a, case_b, mentions_b, sources)
    gone = b if joined.id == a else a
    with store.transaction():
        store.save_case(joined, case_keys([*mentions_a, *mentions_b]))
        _move_corrections(store, gone, joined.id)
        store.carry_confirmations(gone, joined.id)
        store.delete_case(gone, why)
        store.add_link_rule(_rule("must", joined.id, gone, who, why))
    return store.case(joined.id)


def split_case(store: Store, case_id: str, mention_keys: Iterable[str], why: str, who: str) -> tuple[Case, Case]:
    """Move mentions (``ARTICLE:INDEX``) out of a case into a new one; they never rejoin it."""
    from spyglass.link import case_keys, mention_key, split_off

    _require_why(why)
    case = store.machine_case(case_id)
    mentions = store.mentions_of(case_id)
    keys = set(mention_keys)
    known = {mention_key(m) for m in mentions}
    if not keys or not keys <= known:
        raise InputError(
            f"case {case_id} has no mention {', '.join(sorted(keys - known)) or '(none given)'}",
            f"its mentions are {', '.join(sorted(known))}",
        )
    if keys == known:
        raise InputError(f"splitting every mention out of case {case_id} leaves it empty", "leave one behind")
    rest, out = split_off(case, mentions, keys, {s.article_id: s for s in case.sources})
    with store.transaction():
        store.save_case(rest, case_keys(m for m in mentions if mention_key(m) not in keys))
        store.save_case(out, case_keys(m for m in mentions if mention_key(m) in keys))
        store.carry_confirmations(case_id, out.id)  # each holds where the new case shows its value
        for key in sorted(keys):
            store.add_link_rule(_rule("cannot", key, case_id, who, why))
    return store.case(rest.id), store.case(out.id)


def unmerge_case(store: Store, case_id: str, absorbed: str, why: str, who: str) -> tuple[Case, Case]:
    """Undo ``merge_cases``: give back the case ``absorbed`` that ``case_id`` swallowed."""
    from spyglass.link import case_id_for, case_keys, mention_key, undo_merge

    _require_why(why)
    case = store.machine_case(case_id)
    mentions = store.mentions_of(case_id)
    try:
        kept, back = undo_merge(case, mentions, absorbed, {s.article_id: s for s in case.sources})
    except LookupError:
        raise InputError(f"case {case_id} holds no case {absorbed} to give back",
                         "name the case that was merged into it (see `spyglass case show`)") from None
    back_keys = {f"{a}:{i}" for a, i in back.mentions}
    seed = next(m for m in mentions if case_id_for(m) == absorbed)
    with store.transaction():
        store.save_case(kept, case_keys(m for m in mentions if mention_key(m) not in back_keys))
        store.save_case(back, case_keys(m for m in mentions if mention_key(m) in back_keys))
        for rule in store.link_rules():
            if rule.kind == "must" and {rule.a, rule.b} == {case_id, absorbed}:
                store.remove_link_rule(rule.id, who, why)
        store.add_link_rule(_rule("cannot", mention_key(seed), case_id, who, why))
    return store.case(kept.id), store.case(back.id)


def _require_why(why: str) -> None:
    if not why.strip():
        raise InputError("a curation needs a reason", 'add --why "..." saying why the machine was wrong')


def _split_assignment(text: str) -> tuple[str, str]:
    name, sep, raw = text.partition("=")
    if not sep or not name.strip():
        raise InputError(f"{text!r} is not FIELD=VALUE", "write e.g. --set stage=convicted")
    return name.strip(), raw.strip()


def _move_corrections(store: Store, source: str, target: str) -> None:
    """Corrections of a merged-away case carry over unless the kept case corrects that field too."""
    taken = {c.field for c in store.corrections(target)}
    for correction in store.corrections(source):
        if correction.field not in taken:
            store.add_correction(correction.model_copy(update={"case_id": target}))


def _rule(kind: Literal["must", "cannot"], a: str, b: str, who: str, why: str) -> LinkRule:
    from spyglass.store.base import LinkRule

    digest = hashlib.sha1(f"{kind}|{a}|{b}".encode()).hexdigest()[:12]
    return LinkRule(id=f"r-{digest}", kind=kind, a=a, b=b, who=who, why=why, at=_now())


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")
