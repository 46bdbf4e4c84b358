"""The study's follow-up duration in days."""
from __future__ import annotations

from .base import FieldExtractor


class FollowUpExtractor(FieldExtractor):
    name = "follow_up"
    field = "follow_up"


EXTRACTOR = FollowUpExtractor()
