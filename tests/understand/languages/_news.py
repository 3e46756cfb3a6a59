"""The harness of the per-language news tests: a paragraph of our own, read end to end (the
language detector, relevance, cases, statistics) as ``spyglass extract`` reads a text file, and
checked against what an annotator following SCHEMA.md would write.

Each language's file holds a table ``NEWS`` of ``(id, title, body, want)`` rows. ``want`` names
only the fields the paragraph states; a field left out is not checked. Keys:

- ``relevant`` (default True): whether the text is about an espionage case at all;
- ``no_case``: relevant, but no case to extract (a commentary, a statistics piece);
- ``cases``: how many cases the text reports (default: not checked);
- ``stage``, ``sponsor``, ``service``, ``target``, ``count``, ``nationality`` (list of alpha-2),
  ``months`` ((low, high), "life" allowed), ``payments`` (list of (amount, currency)),
  ``period`` ((first, last)), ``names`` (a string one accused name contains), ``roles`` (a
  subset of the roles): fields of the lead case (the first one);
- ``stats``: ``{(year, value), ...}`` that the statistics reader must find (a subset).
"""

from __future__ import annotations

from functools import cache
from typing import Any

from spyglass.extract.language import language_of
from spyglass.records import Analysis, Article
from spyglass.settings import load_settings
from spyglass.understand import Analyzer

NewsRow = tuple[str, str, str, dict[str, Any]]


@cache
def _analyzer() -> Analyzer:
    return Analyzer(load_settings())


def analysis_of(title: str, body: str, lang: str | None = None) -> Analysis:
    """The analysis of a headline and body, the language named by the detector unless given."""
    text = f"{title}\n{body}"
    article = Article(id="news", source="test", item=0, kind="page", title=title, published="2025-06-01",
                      language=lang or language_of(text), text=text)
    return _analyzer().analyse(article)


def check_news(title: str, body: str, want: dict[str, Any], lang: str) -> None:
    """Assert what ``want`` says of the paragraph; the detector must name ``lang``."""
    analysis = analysis_of(title, body)
    assert analysis.article.language == lang, f"read as {analysis.article.language}"
    assert analysis.relevance.is_espionage == want.get("relevant", True), analysis.relevance.reasons
    if "stats" in want:
        found = {(s.year, s.value) for s in analysis.stats}
        assert set(want["stats"]) <= found, sorted(found)
    if "cases" in want:
        assert len(analysis.mentions) == want["cases"], [m.summary for m in analysis.mentions]
    if want.get("no_case") or not want.get("relevant", True):
        assert not analysis.mentions, [m.summary for m in analysis.mentions]
        return
    if not ({"stage", "sponsor", "target", "names", "count", "months"} & set(want)):
        return
    assert analysis.mentions, "no case found"
    _check_lead(analysis, want)


def _check_lead(analysis: Analysis, want: dict[str, Any]) -> None:
    case = analysis.mentions[0]
    if "names" in want:
        assert any(str(want["names"]) in n for n in case.accused_names), case.accused_names
    simple = {"stage": case.stage, "target": case.target_country, "sponsor": case.sponsor_country,
              "service": case.sponsor_service, "count": case.accused_count, "months": case.sentence_months,
              "period": case.period, "nationality": list(case.accused_nationality),
              "payments": [(p.amount, p.currency) for p in case.payments]}
    for key, value in simple.items():
        if key in want:
            assert value == want[key], f"{key}: {value!r}, want {want[key]!r}"
    if "roles" in want:
        assert set(want["roles"]) <= set(case.roles), case.roles
