"""unspin: find and explain spun text.

``compare(a, b)`` aligns two texts, types every edit inside the reused passages and says whether
one is a spun copy of the other, and which is the original.
"""

from ._types import (
    Boilerplate,
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
from .compare import Comparer, compare
from .config import DEFAULT_CONFIG, Config
from .errors import ConfigError, InputError, ModelError, UnspinError

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_CONFIG",
    "Boilerplate",
    "Comparer",
    "Comparison",
    "Config",
    "ConfigError",
    "DateClaim",
    "DateMention",
    "Document",
    "Edit",
    "Evidence",
    "InputError",
    "Match",
    "ModelError",
    "Origin",
    "Passage",
    "Segment",
    "Span",
    "UnspinError",
    "Verdict",
    "__version__",
    "compare",
]
