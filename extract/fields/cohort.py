"""Cohort sizes: totals, arms with labels, number of included studies."""
from __future__ import annotations

from .base import FieldExtractor


class CohortExtractor(FieldExtractor):
    name = "cohort"
    field = "cohort"


EXTRACTOR = CohortExtractor()
