"""Publication and registry identifiers: DOI, PMID, PMCID, NCT/ChiCTR/ISRCTN/..."""
from __future__ import annotations

from .base import FieldExtractor


class IdentifierExtractor(FieldExtractor):
    name = "identifiers"
    field = "identifier"


EXTRACTOR = IdentifierExtractor()
