"""The one list that registers every field extractor (order = order of output)."""
from __future__ import annotations

from . import cell_type, cohort, condition, design, dose, follow_up, hba1c, identifiers, profile, regimen, units
from .base import FieldExtractor, Hit, Pattern, Span

EXTRACTORS: tuple[FieldExtractor, ...] = (
    cohort.EXTRACTOR,
    hba1c.EXTRACTOR,
    dose.EXTRACTOR,
    regimen.EXTRACTOR,
    follow_up.EXTRACTOR,
    design.EXTRACTOR,
    condition.EXTRACTOR,
    cell_type.EXTRACTOR,
    identifiers.EXTRACTOR,
    units.EXTRACTOR,
    profile.EXTRACTOR,
)

__all__ = ["EXTRACTORS", "FieldExtractor", "Hit", "Pattern", "Span"]
