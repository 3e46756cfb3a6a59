"""The understand stage: article -> analysis (relevance, entities, case mentions, statistics).

``Analyzer(settings).analyse(article)`` is the entry point; ``relevance_of`` and ``stats_in``
are usable on their own.
"""

from __future__ import annotations

from .analyzer import Analyzer, analysis_json
from .relevance import relevance_of
from .stats import stats_in

__all__ = ["Analyzer", "analysis_json", "relevance_of", "stats_in"]
