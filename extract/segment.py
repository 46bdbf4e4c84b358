"""Split a document into study mentions (placeholder: the whole document is one mention)."""
from __future__ import annotations

from dataclasses import dataclass, field

from .document import Document
from .fields.base import Hit


@dataclass
class Mention:
    """One study as reported in a document: its text spans and study-level hits found by segmentation."""

    spans: list[tuple[int, int]]
    hits: list[Hit] = field(default_factory=list)   # title, journal, pub_date, doi, pmid, ... with offsets


def segment(doc: Document) -> list[Mention]:
    return [Mention(spans=[(0, len(doc.text))])]
