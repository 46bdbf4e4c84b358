"""HbA1c values: before/after pairs, stated changes, mmol/mol converted to %."""
from __future__ import annotations

from .base import FieldExtractor


class HbA1cExtractor(FieldExtractor):
    name = "hba1c"
    field = "hba1c"


EXTRACTOR = HbA1cExtractor()
