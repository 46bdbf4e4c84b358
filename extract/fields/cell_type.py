"""Cell types (controlled vocabulary of the guideline)."""
from __future__ import annotations

from .base import FieldExtractor


class CellTypeExtractor(FieldExtractor):
    name = "cell_type"
    field = "cell_type"


EXTRACTOR = CellTypeExtractor()
