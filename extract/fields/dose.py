"""Cell doses per administration, absolute or per kg."""
from __future__ import annotations

from .base import FieldExtractor


class DoseExtractor(FieldExtractor):
    name = "dose"
    field = "dose"


EXTRACTOR = DoseExtractor()
