"""Condition: T1D, T2D, both or unspecified."""
from __future__ import annotations

from .base import FieldExtractor


class ConditionExtractor(FieldExtractor):
    name = "condition"
    field = "condition"


EXTRACTOR = ConditionExtractor()
