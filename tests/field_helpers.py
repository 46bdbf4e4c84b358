"""Shared by the field-extractor test tables: run one extractor over a text as the pipeline would."""
from __future__ import annotations

from typing import Optional

from extract.document import Document, SourceDoc
from extract.fields.base import FieldExtractor, Hit, Span
from extract.normalise import matching_view, normalise
from extract.pipeline import to_document


def decided_hits(extractor: FieldExtractor, text: str, lang: Optional[str] = None, *,
                 normalised: bool = True) -> list[Hit]:
    """The hits a record would keep from ``text``.

    By default the text goes through the real normaliser and matching view, with its language
    detected (``lang=None``) or given; ``normalised=False`` takes the raw text as its own view.
    Every hit must quote a non-empty span of the text and name its pattern.
    """
    if not normalised:
        doc = Document("t.txt", text, text, lang or "zh", SourceDoc("t.txt", text, "txt"))
    elif lang is None:
        doc = to_document(SourceDoc("t.txt", text, "txt"))
    else:
        t = normalise(text).text
        doc = Document("t.txt", t, matching_view(t, lang), lang, SourceDoc("t.txt", t, "txt"))
    hits = extractor.decide(extractor.find(Span(doc, 0, len(doc.text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(doc.text) and h.pattern
    return hits
