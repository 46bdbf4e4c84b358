"""What every field extractor is: named patterns as data, context words, a parse and a validate step.

An extractor reads one region of a document (a ``Span``) and returns ``Hit``s: a value in the
shape of its contract model (without evidence) plus absolute offsets into ``Document.text``.
The assembler turns hits into contract objects and adds the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator, Optional

from ..document import Document
from .prefilter import may_match, required_literals


@dataclass(frozen=True)
class Span:
    """A region [start, end) of a document that an extractor searches."""

    doc: Document
    start: int
    end: int

    @property
    def view(self) -> str:
        """The matching view (simplified Chinese, same offsets as the stored text)."""
        return self.doc.view[self.start:self.end]

    @property
    def lang(self) -> str:
        return self.doc.lang

    def finditer(self, pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
        """Matches of ``pattern`` inside the span; match offsets are absolute (pos/endpos)."""
        return pattern.finditer(self.doc.view, self.start, self.end)


@dataclass
class Hit:
    """One value found by an extractor."""

    field: str                 # cohort | hba1c | dose | regimen | follow_up | design | condition | cell_type | ...
    value: dict[str, Any]      # the contract model's fields, evidence excluded
    start: int                 # absolute offsets into Document.text of the quote
    end: int
    extractor: str
    pattern: str
    score: float = 1.0
    warnings: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Pattern:
    """A named, scored regular expression (compiled once), with the texts it must and must not read.

    ``examples`` are sentences on which the extractor must produce a hit from this pattern;
    ``traps`` are sentences on which it must not (the regex may match, but parse/validate reject).
    Both run as tests (``tests/test_rule_examples.py``), so a change that breaks one fails where
    the rule lives (Duckling's Rules.hs beside its Corpus.hs).
    """

    name: str
    regex: str
    score: float = 1.0
    flags: int = re.IGNORECASE
    examples: tuple[str, ...] = ()
    traps: tuple[str, ...] = ()

    @property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.regex, self.flags)

    @property
    def literals(self) -> Optional[frozenset[str]]:
        """Strings one of which every match contains (None: no such guarantee); see prefilter.py."""
        return required_literals(self.regex, self.flags)


_CACHE: dict[tuple[str, int], re.Pattern[str]] = {}


def _compile(regex: str, flags: int) -> re.Pattern[str]:
    key = (regex, flags)
    if key not in _CACHE:
        _CACHE[key] = re.compile(regex, flags)
    return _CACHE[key]


class FieldExtractor:
    """Base class: subclasses declare ``name``, ``field``, ``patterns`` and implement ``parse``.

    ``find`` runs every pattern over the span, ``parse`` turns a match into zero or more hits,
    ``validate`` drops or annotates implausible hits (never silently: it returns the hit with a
    warning, or None and the caller logs the drop).
    """

    name: str = "base"
    field: str = "base"
    patterns: tuple[Pattern, ...] = ()
    context: dict[str, tuple[str, ...]] = {}   # lang -> context words

    def find(self, span: Span) -> list[Hit]:
        hits: list[Hit] = []
        view = span.view
        lowered = view.lower()
        for pat in self.patterns:
            if not may_match(pat.literals, view, lowered):
                continue  # none of the pattern's required words is in the span
            for m in span.finditer(pat.compiled):
                for hit in self.parse(m, pat, span):
                    checked = self.validate(hit, span)
                    if checked is not None:
                        hits.append(checked)
        return hits

    def parse(self, m: re.Match[str], pattern: Pattern, span: Span) -> Iterable[Hit]:
        raise NotImplementedError

    def validate(self, hit: Hit, span: Span) -> Optional[Hit]:
        return hit

    def decide(self, hits: list[Hit]) -> list[Hit]:
        """The hits one record keeps, from all hits of this extractor in its mention.

        Default: every distinct value once (the first evidence wins). Classifiers override this
        to pick one label (design) or to combine labels (condition: T1D + T2D -> both).
        """
        seen: set[str] = set()
        kept: list[Hit] = []
        for h in sorted(hits, key=lambda h: (h.start, -h.score)):
            key = repr(sorted(h.value.items()))
            if key not in seen:
                seen.add(key)
                kept.append(h)
        return kept

    def hit(self, value: dict[str, Any], start: int, end: int, pattern: Pattern | str,
            *, score: float | None = None) -> Hit:
        name = pattern.name if isinstance(pattern, Pattern) else pattern
        s = score if score is not None else (pattern.score if isinstance(pattern, Pattern) else 1.0)
        return Hit(self.field, value, start, end, self.name, name, s)
