"""One exception tree: every error unspin raises on purpose is an ``UnspinError``.

The CLI turns any ``UnspinError`` into a one-line message and a non-zero exit code; anything
else escaping is a bug.
"""

from __future__ import annotations


class UnspinError(Exception):
    """Base class of every error unspin raises deliberately."""


class InputError(UnspinError):
    """The input cannot be used: missing, a directory, empty, binary, undecodable, too big."""


class ModelError(UnspinError):
    """The bundled sentence model (or a lexical resource) cannot be loaded."""


class ConfigError(UnspinError):
    """An option or configuration value is invalid."""


class VectorBudgetError(UnspinError):
    """The index's vectors need more memory for the exact semantic lookup than allowed
    (``Config.semantic_memory_mb``): the semantic round does not run."""


class StoreError(UnspinError):
    """An index directory cannot be used: missing, not an index, another format or settings,
    corrupt."""
