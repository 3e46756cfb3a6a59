"""Link stage: mentions -> cases. Near-duplicate grouping, blocking keys, match scores,
case building with a timeline, merges and splits. Pure functions over records, no I/O."""

from spyglass.link.build import case_from, case_id_for, report_order, seed_of, timeline_of, title_of
from spyglass.link.cluster import best_case, find_case, link_all, merged, split_off, undo_merge
from spyglass.link.duplicates import (
    MAX_DISTANCE,
    MIN_JACCARD,
    adds_to,
    duplicate_of,
    fingerprint_bands,
    hamming,
    is_near_duplicate,
    token_jaccard,
)
from spyglass.link.keys import case_keys, lookup_keys, mention_keys, name_keys
from spyglass.link.match import LINK_SCORE, Match, match, mention_key
from spyglass.names import names_overlap, same_person

__all__ = [
    "LINK_SCORE", "MAX_DISTANCE", "MIN_JACCARD", "Match",
    "adds_to", "best_case", "find_case", "case_from", "case_id_for", "case_keys", "duplicate_of", "fingerprint_bands",
    "hamming", "is_near_duplicate", "link_all", "lookup_keys", "match", "mention_key",
    "mention_keys", "merged", "name_keys", "names_overlap", "report_order", "same_person",
    "seed_of", "split_off", "timeline_of", "title_of", "token_jaccard", "undo_merge",
]
