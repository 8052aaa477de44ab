"""The on-disk index: add documents, find the sources a text reuses, explain each hit."""

from .keys import IndexParams
from .records import AddResult, Candidate, StoredDoc
from .searcher import (
    Hit,
    Lead,
    PreparedCache,
    Searcher,
    SearchOptions,
    SearchResult,
    search,
    search_comparer,
)
from .store import Index

__all__ = [
    "AddResult",
    "Candidate",
    "Hit",
    "Index",
    "IndexParams",
    "Lead",
    "PreparedCache",
    "SearchOptions",
    "SearchResult",
    "Searcher",
    "StoredDoc",
    "search",
    "search_comparer",
]
