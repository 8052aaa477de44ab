"""unspin: find and explain spun text.

``compare(a, b)`` aligns two texts, types every edit inside the reused passages and says whether
one is a spun copy of the other, and which is the original. ``Index`` keeps a corpus on disk
and ``Searcher(index).search(text)`` finds the documents a text reuses.
"""

from ._types import (
    REUSE_LABELS,
    Boilerplate,
    CharacterEdit,
    Comparison,
    DateClaim,
    DateMention,
    Document,
    Edit,
    Evidence,
    Match,
    Origin,
    Passage,
    Segment,
    Span,
    Verdict,
)
from .config import DEFAULT_CONFIG, Config
from .errors import (
    BadRecordError,
    ConfigError,
    CorruptIndexError,
    DiskFullError,
    InputError,
    LockTimeoutError,
    ModelError,
    ScanError,
    StorageIOError,
    StoreError,
    UnspinError,
    VectorBudgetError,
)
from .index import Index, Searcher, SearchOptions, SearchResult, search
from .pipeline import Comparer, compare

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CONFIG",
    "REUSE_LABELS",
    "BadRecordError",
    "Boilerplate",
    "CharacterEdit",
    "Comparer",
    "Comparison",
    "Config",
    "ConfigError",
    "CorruptIndexError",
    "DateClaim",
    "DateMention",
    "DiskFullError",
    "Document",
    "Edit",
    "Evidence",
    "Index",
    "InputError",
    "LockTimeoutError",
    "Match",
    "ModelError",
    "Origin",
    "Passage",
    "ScanError",
    "SearchOptions",
    "SearchResult",
    "Searcher",
    "Segment",
    "Span",
    "StorageIOError",
    "StoreError",
    "UnspinError",
    "VectorBudgetError",
    "Verdict",
    "__version__",
    "compare",
    "search",
]
