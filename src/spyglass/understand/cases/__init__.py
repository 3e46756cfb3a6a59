"""The case extractor: an article's sentences -> one ``Mention`` per proceeding, each field with
its evidence.

Layers, in the order an article goes through them: ``understand.sentences`` (split), ``facts``
(what one sentence says: stages, countries, services, roles, sums, terms, years), ``persons``
(who the people are and which may be accused), ``structure`` (the dependency parse, on
demand), ``proceedings`` (sentences grouped per case, split per person where the text says
so), ``fields`` (one module per field holding that field's whole decision) and ``mentions``
(the orchestration: ``mentions_in``).
"""

from __future__ import annotations

from spyglass.understand.cases.mentions import mentions_in

__all__ = ["mentions_in"]
