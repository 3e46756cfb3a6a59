"""Per-field extractors: one function per case field, reading a proceeding's sentence facts.

Each returns the value and a ``Found`` (the sentence index, the rule id and a confidence) so
that the case builder can attach evidence. Context windows decide what a number means: a term
counts only next to sentencing words and away from "sought", "maximum" and the like; a sum is
a payment only next to paying words and away from fines, bail, salaries and conversions; a year
belongs to the period only when the verb nearest to it is an act of spying, not a legal step.
Cue patterns live in ``tables/case_cues.tsv`` with rule ids (loaded by ``tables.cues``); word lists
and authorities are tables too (``tables/case_terms.tsv``, ``tables/case_authorities.tsv``).
One private module per field family: ``_stage``, ``_term``, ``_payments``, ``_period``,
``_sponsor``, ``_target``, ``_nationality``, ``_accused``.
"""

from __future__ import annotations

from spyglass.understand.cases.fields._accused import count_of, names_found, roles_of
from spyglass.understand.cases.fields._common import Found, form_of
from spyglass.understand.cases.fields._nationality import nationality_of
from spyglass.understand.cases.fields._payments import payments_of
from spyglass.understand.cases.fields._period import period_of
from spyglass.understand.cases.fields._sponsor import mission_state, sponsor_of
from spyglass.understand.cases.fields._stage import is_swap_story, stage_of
from spyglass.understand.cases.fields._target import employer_of, target_of
from spyglass.understand.cases.fields._term import sentence_months_of

__all__ = [
    "Found", "stage_of", "is_swap_story", "sentence_months_of", "payments_of", "period_of", "sponsor_of",
    "mission_state", "target_of", "employer_of", "nationality_of", "count_of", "roles_of", "names_found", "form_of",
]
