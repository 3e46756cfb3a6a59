"""How far each rule is trusted: the share of its values that were right, measured.

``tables/confidence.tsv`` holds, per case field and rule, how often a value the rule produced
matched the gold annotation on the development corpus and the real-news set
(``benchmarks/calibrate.py`` writes it and prints the reliability table). A rule seen only a
few times is pulled towards its field's rate, and a rule never seen takes the field's rate:
so a confidence of about c means about c of such values were right.
"""

from __future__ import annotations

from functools import cache

from spyglass.understand.tables import read_rows

__all__ = ["confidence_of", "FIELD_RULE"]

FIELD_RULE = "*"  # the row of a field that holds the field's own rate
_DEFAULT = 0.5  # a field never measured: as likely right as wrong


@cache
def _table() -> dict[tuple[str, str], float]:
    return {(field, rule): float(confidence) for field, rule, confidence, _right, _counted in read_rows("confidence.tsv", 5)}


def confidence_of(field: str, rule: str) -> float:
    """The measured confidence of a value of ``field`` made by ``rule``."""
    table = _table()
    return table.get((field, rule), table.get((field, FIELD_RULE), _DEFAULT))
