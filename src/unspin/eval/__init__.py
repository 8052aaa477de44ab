"""Evaluation against the PAN text-alignment corpus: reading it, and the PAN measures."""

from __future__ import annotations

from .measures import Scores, plagdet_score, score, score_reference
from .pan import (
    DETECTION,
    TRUTH,
    Case,
    PairTruth,
    load_corpus,
    read_detections_dir,
    read_features,
    read_pairs,
    truth_name,
)

__all__ = [
    "DETECTION",
    "TRUTH",
    "Case",
    "PairTruth",
    "Scores",
    "load_corpus",
    "plagdet_score",
    "read_detections_dir",
    "read_features",
    "read_pairs",
    "score",
    "score_reference",
    "truth_name",
]
