"""The only module that chains stages: sources -> extract -> understand -> link -> store.

Each function streams records and passes ``Rejected`` records through untouched, so callers
can count what was rejected and why while the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spyglass.records import Analysis, Article, Rejected
from spyglass.settings import Settings

__all__ = ["articles", "analyses"]


def articles(inputs: Iterable[str], settings: Settings) -> Iterator[Article | Rejected]:
    """Every article found in the inputs (paths, folders, URLs, "-" for stdin), in order."""
    from spyglass.extract import articles_in
    from spyglass.sources import read_inputs

    for raw in read_inputs(inputs, settings):
        if isinstance(raw, Rejected):
            yield raw
            continue
        yield from articles_in(raw)


def analyses(inputs: Iterable[str], settings: Settings) -> Iterator[Analysis | Rejected]:
    """The analysis of every article in the inputs."""
    from spyglass.understand import Analyzer

    analyzer = Analyzer(settings)
    for found in articles(inputs, settings):
        yield found if isinstance(found, Rejected) else analyzer.analyse(found)
