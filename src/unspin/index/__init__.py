"""The on-disk index: add documents, find the sources a text reuses, explain each hit."""

from .keys import IndexParams
from .search import Hit, SearchResult, search
from .store import AddResult, Candidate, Index, StoredDoc

__all__ = [
    "AddResult",
    "Candidate",
    "Hit",
    "Index",
    "IndexParams",
    "SearchResult",
    "StoredDoc",
    "search",
]
