"""The understand stage: article -> analysis (relevance, entities, case mentions, statistics).

``Analyzer(settings).analyse(article)`` is the entry point; ``relevance_of`` and ``stats_in``
are usable on their own. Layers: ``tables`` (the rule tables and their one reader),
``lexicon`` (lookups in them), ``quantities`` (numbers, money, durations, years),
``sentences`` (the one sentence splitter), ``prefilter`` (can a page be relevant at all, before
it is parsed), ``relevance`` (the first filter), ``cases`` (the
case extractor, one module per field in ``cases.fields``), ``stats`` (reported statistics)
and ``confidence`` (measured trust per rule).
"""

from __future__ import annotations

from .analyzer import Analyzer, analysis_json
from .prefilter import can_be_relevant
from .relevance import relevance_of
from .stats import stats_in

__all__ = ["Analyzer", "analysis_json", "can_be_relevant", "relevance_of", "stats_in"]
