"""The in-memory document that flows through the stages after ingest."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional


@dataclass
class SourceDoc:
    """What a reader returns: one article's raw text and metadata (before normalisation)."""

    doc_id: str
    raw_text: str
    source_format: str                 # txt | md | html | pdf | feed
    source_path: str = ""              # input path relative to the input root
    encoding: Optional[str] = None
    title: Optional[str] = None
    published: Optional[str] = None    # YYYY[-MM[-DD]] when the source states it
    url: Optional[str] = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class FailedItem:
    """A reader's placeholder for one item it could not read (e.g. a bad line of a feed)."""

    doc_id: str
    error: Exception                   # an ExtractError subclass: its code and message are reported
    source_path: str = ""


@dataclass
class Document:
    """A normalised document: ``text`` is stored in documents.jsonl and every offset points into it.

    ``view`` has exactly the same length as ``text``: a simplified-Chinese, matching-friendly
    copy, so that a match found in ``view`` at [i, j) quotes ``text[i:j]``.
    """

    doc_id: str
    text: str
    view: str
    lang: str                          # zh | zh-Hant | en
    source: SourceDoc

    def __post_init__(self) -> None:
        if len(self.view) != len(self.text):
            raise ValueError("view and text must have the same length")

    def quote(self, start: int, end: int) -> str:
        return self.text[start:end]
