"""What every field extractor is: named patterns as data, context words, a parse and a validate step.

An extractor reads one region of a document (a ``Span``) and returns ``Hit``s: a value in the
shape of its contract model (without evidence) plus absolute offsets into ``Document.text``.
The assembler turns hits into contract objects and adds the evidence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Iterable, Iterator, Optional

from ..document import Document
from .. import rxcache
from ..prefilter import LiteralIndex, windows


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

    def matches(self, pat: "Pattern", present: dict[str, list[int]]) -> Iterator[re.Match[str]]:
        """The matches ``finditer`` gives, tried only where they can start: within the pattern's reach
        before an occurrence of its anchor literal (``present``: ``span_literals``), and not at all in a span
        without any of its required characters (``Pattern.chars``). Where those windows
        cover much of the span, one scan from the first window is cheaper than a try per position."""
        rx = pat.compiled
        chars = pat.chars
        if chars is not None and not any(self.doc.view.find(c, self.start, self.end) >= 0 for c in chars):
            return iter(())   # none of the characters every match holds ("=", "组") is in the span
        wins = windows(pat.anchor, present) if pat.nonempty else None
        if wins is None:
            return rx.finditer(self.doc.view, self.start, self.end)
        if not wins:
            return iter(())
        if sum(hi - lo + 1 for lo, hi in wins) * HOP_RATIO > self.end - self.start:
            return rx.finditer(self.doc.view, self.start + wins[0][0], self.end)
        return _hop(rx, self.doc.view, self.start, self.end, wins)


HOP_RATIO = 16   # a try at one position costs about as much as scanning this many positions in one search


def _hop(rx: re.Pattern[str], text: str, start: int, end: int,
         wins: list[tuple[int, int]]) -> Iterator[re.Match[str]]:
    """``rx.finditer(text, start, end)`` for a pattern that matches no empty string and can start only in
    ``wins`` (indexes relative to ``start``): a match tried at each position of each window, the next try
    after a match where it ends, as finditer does."""
    pos = start
    for lo, hi in wins:
        p, last = max(start + lo, pos), start + hi
        while p <= last:
            m = rx.match(text, p, end)
            if m is None:
                p += 1
                continue
            yield m
            pos = p = m.end()


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

    # each analysis is computed once per pattern and kept on it (``find`` asks for them at every span)
    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return _compile(self.regex, self.flags)

    @cached_property
    def literals(self) -> Optional[frozenset[str]]:
        """Strings one of which every match contains (None: no such guarantee); see prefilter.py."""
        return rxcache.analysis(self.regex, self.flags)[0]

    @cached_property
    def anchor(self) -> Optional[tuple[frozenset[str], int]]:
        """(literals, reach): a match starts at most ``reach`` before an occurrence of one of them; see prefilter.py."""
        return rxcache.analysis(self.regex, self.flags)[1]

    @cached_property
    def chars(self) -> Optional[frozenset[str]]:
        """For a pattern with no required literal: caseless characters one of which every match contains."""
        return rxcache.analysis(self.regex, self.flags)[3]

    @cached_property
    def nonempty(self) -> bool:
        """No match is empty (finditer's step after an empty match differs: such a pattern is not hopped)."""
        return rxcache.analysis(self.regex, self.flags)[2] > 0


_CACHE: dict[tuple[str, int], re.Pattern[str]] = {}


def _compile(regex: str, flags: int) -> re.Pattern[str]:
    key = (regex, flags)
    got = _CACHE.get(key)
    if got is None:
        got = _CACHE[key] = rxcache.compile_cached(regex, flags)
    return got


# one index of the literals of every extractor's patterns; a span's literals found once for all extractors
# (find_hits runs each extractor over the same spans in turn)
_INDEX = LiteralIndex()
_SEEN_PATTERNS: dict[int, tuple[Pattern, ...]] = {}
_SPAN_LITERALS: dict[tuple[int, int, int], tuple[Document, dict[str, list[int]]]] = {}
_SPAN_CACHE_MAX = 512


def span_literals(span: Span, patterns: tuple[Pattern, ...]) -> dict[str, list[int]]:
    """The registered literals the span holds, each with the indexes in the span where it starts (the patterns' literals
    registered first)."""
    if _SEEN_PATTERNS.get(id(patterns)) is not patterns:
        _SEEN_PATTERNS[id(patterns)] = patterns
        before = len(_INDEX._literals)
        _INDEX.add([p.literals for p in patterns] + [a[0] for p in patterns if (a := p.anchor)])
        if len(_INDEX._literals) != before:
            _SPAN_LITERALS.clear()   # found before the new literals were known
    key = (id(span.doc), span.start, span.end)
    got = _SPAN_LITERALS.get(key)
    if got is not None and got[0] is span.doc:
        return got[1]
    view = span.view
    present = _INDEX.present(view, view.lower())
    if len(_SPAN_LITERALS) >= _SPAN_CACHE_MAX:
        _SPAN_LITERALS.clear()
    _SPAN_LITERALS[key] = (span.doc, present)
    return present


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
        present = span_literals(span, self.patterns)
        for pat in self.patterns:
            lits = pat.literals
            if lits is not None and lits.isdisjoint(present):
                continue  # none of the pattern's required words is in the span (may_match_in, inlined)
            for m in span.matches(pat, present):
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
