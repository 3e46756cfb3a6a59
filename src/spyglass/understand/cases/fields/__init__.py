"""Per-field extractors: one module per case field, holding that field's whole decision.

``case_<field>`` functions decide one case's value, fallbacks included (the headline for the
article's lead case, the state of an expelled diplomat's mission, the accused's own state when
no authority is named); they are built on readers over a list of sentence facts (``stage_of``,
``target_of``, ...). Each returns the value and a ``Found`` (the sentence, the rule id and the
words that state the value) so that ``mentions`` can attach evidence; how far a rule is
trusted is measured in ``tables/confidence.tsv``. Context windows decide what a number means: a term
counts only next to sentencing words and away from "sought", "maximum" and the like; a sum is
a payment only next to paying words and away from fines, bail, salaries and conversions; a year
belongs to the period only when the verb nearest to it is an act of spying, not a legal step.
Cue patterns live in ``tables/case_cues.tsv`` with rule ids (loaded by ``tables.cues``); word lists
and authorities are tables too (``tables/case_terms.tsv``, ``tables/case_authorities.tsv``).
One private module per field: ``_stage``, ``_target``, ``_sponsor`` (state and service),
``_nationality``, ``_accused`` (count, names, roles), ``_term``, ``_payments``, ``_period``;
``_common`` holds what they share (``Found``, context windows, person words).
"""

from __future__ import annotations

from spyglass.understand.cases.fields._accused import case_count, count_of, names_found, roles_of
from spyglass.understand.cases.fields._common import Found, form_of
from spyglass.understand.cases.fields._nationality import case_nationality, nationality_of
from spyglass.understand.cases.fields._payments import payments_of
from spyglass.understand.cases.fields._period import period_of
from spyglass.understand.cases.fields._sponsor import (
    case_sponsor,
    expelled_sponsor,
    mission_state,
    sponsor_of,
)
from spyglass.understand.cases.fields._stage import case_stage, is_swap_story, stage_of, verdict_without_term
from spyglass.understand.cases.fields._target import case_target, employer_of, own_state_target, target_of
from spyglass.understand.cases.fields._term import case_sentence_months, sentence_months_of

__all__ = [
    "Found", "form_of",
    # one case's whole decision per field, fallbacks included (what ``mentions`` calls)
    "case_stage", "case_target", "own_state_target", "case_sponsor", "expelled_sponsor", "case_nationality",
    "case_count", "case_sentence_months", "roles_of", "payments_of", "period_of", "names_found", "verdict_without_term",
    # the readers they are built on, each over a list of sentence facts
    "stage_of", "is_swap_story", "sentence_months_of", "sponsor_of", "mission_state", "target_of", "employer_of",
    "nationality_of", "count_of",
]
