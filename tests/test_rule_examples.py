"""Every named pattern's own examples and traps (declared beside the rule, run here).

An example must give at least one hit from its pattern; a trap must give none from it. Texts go
through the real normaliser, language detection and matching view, as in a pipeline run.
"""
from __future__ import annotations

import pytest

from extract.document import SourceDoc
from extract.fields import EXTRACTORS
from extract.fields.base import FieldExtractor, Pattern, Span
from extract.pipeline import to_document

CASES = [(ex, pat, text, kind)
         for ex in EXTRACTORS for pat in ex.patterns
         for kind, texts in (("example", pat.examples), ("trap", pat.traps)) for text in texts]


def _pattern_hits(ex: FieldExtractor, pat: Pattern, text: str) -> list[str]:
    doc = to_document(SourceDoc("t.txt", text, "txt"))
    return [doc.text[h.start:h.end] for h in ex.find(Span(doc, 0, len(doc.text))) if pat.name in h.pattern.split("+")]


@pytest.mark.parametrize("ex,pat,text,kind", CASES,
                         ids=[f"{ex.name}:{pat.name}:{kind}:{text[:30]}" for ex, pat, text, kind in CASES])
def test_pattern_reads_its_examples_and_not_its_traps(ex: FieldExtractor, pat: Pattern, text: str, kind: str) -> None:
    hits = _pattern_hits(ex, pat, text)
    if kind == "example":
        assert hits, f"{ex.name}/{pat.name} gave no hit on its example {text!r}"
    else:
        assert not hits, f"{ex.name}/{pat.name} read its trap {text!r}: {hits}"


def test_the_mechanism_is_in_use() -> None:
    assert CASES, "no pattern declares examples: the rule corpus is empty"
