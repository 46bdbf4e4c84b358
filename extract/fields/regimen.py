"""Number of administrations and the interval between them."""
from __future__ import annotations

from .base import FieldExtractor


class RegimenExtractor(FieldExtractor):
    name = "regimen"
    field = "regimen"


EXTRACTOR = RegimenExtractor()
