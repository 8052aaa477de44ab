"""Corpus scan: every reuse family in a corpus, each edge verified by the aligner, with its
original named (``unspin scan``)."""

from .candidates import candidate_pairs
from .families import families
from .job import ScanOptions, scan_index
from .verify import edge_record, verify_pairs

__all__ = [
    "ScanOptions",
    "candidate_pairs",
    "edge_record",
    "families",
    "scan_index",
    "verify_pairs",
]
