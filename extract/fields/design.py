"""Study design (controlled vocabulary of the guideline)."""
from __future__ import annotations

from .base import FieldExtractor


class DesignExtractor(FieldExtractor):
    name = "design"
    field = "design"


EXTRACTOR = DesignExtractor()
