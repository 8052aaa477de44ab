"""Alignment: a pair of documents → passages (pairs of spans with the same content).

This is unspin's edge, so it is written here rather than taken from a library. Units are the
sentences/clauses of the text stage. Each unit pair gets a lexical score from spin-robust
evidence (rarity-weighted content stems, character 4-grams, which survive inflection changes);
pairs whose lexical score is neither clearly high nor clearly low are scored again with the
bundled sentence model, which sees through synonym swaps and reordering. Matches are chosen
greedily (one-to-one, then adjacent units for sentence splits and merges) and merged into
passages that are contiguous in both texts.

``lexical_matrix`` (sparse, vectorised) is the fast path; ``lexical_matrix_reference`` is the
slow, obviously correct pure-Python twin, and tests check they agree.
"""

from .aligner import AlignmentResult, align_prepared, attributed, leads
from .scores import lexical_matrix, lexical_matrix_reference

__all__ = [
    "AlignmentResult",
    "align_prepared",
    "attributed",
    "leads",
    "lexical_matrix",
    "lexical_matrix_reference",
]
