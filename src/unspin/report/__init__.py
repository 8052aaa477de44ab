"""Renderings of a ``Comparison``: JSON (the stable schema), terminal, HTML, PAN XML."""

from .json import SCHEMA_ID, comparison_to_dict

__all__ = ["SCHEMA_ID", "comparison_to_dict"]
