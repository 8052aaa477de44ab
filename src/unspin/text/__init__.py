"""The text stage: decode, normalise (keeping offsets), find boilerplate, segment."""

from .decode import decode_bytes, read_text
from .document import make_document
from .normalize import Normalized, normalize
from .segment import segment

__all__ = ["Normalized", "decode_bytes", "make_document", "normalize", "read_text", "segment"]
