"""The pattern pre-check never skips a pattern that would have matched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.document import SourceDoc
from extract.fields import EXTRACTORS
from extract.fields.base import Span, span_literals
from extract.fields.prefilter import LiteralIndex, anchor, may_match, may_match_in, required_literals
from extract.pipeline import to_document

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs"


@pytest.mark.parametrize("regex, flags, expected", [
    (r"糖化血红蛋白\s*(\d+)", 0, {"糖化血红蛋白"}),
    (r"(?:HbA1c|A1C|glycated)\s+\d", re.I, {"hba1c", "a1c", "glycated"}),
    (r"(?:随机|randomi[sz]ed)", re.I, {"随机", "randomi"}),
    (r"\d+\s*名(?:患者|受试者)", 0, {"患者", "受试者"}),
    (r"follow(?:ed)?[- ]up", re.I, {"follow"}),
    # no match
    (r"\d+(?:\.\d+)?%", 0, None),                 # nothing literal of length >= 2
    (r"(?:abc|\d+)x", 0, None),                   # one branch has no literal
    (r"(?:in\s+)?vitro", re.I, {"vitro"}),        # an optional part never counts
    (r"(?:trial)?", 0, None),
])
def test_required_literals(regex: str, flags: int, expected: set[str] | None) -> None:
    got = required_literals(regex, flags)
    assert (None if got is None else set(got)) == expected


def test_may_match_skips_only_texts_without_the_literals() -> None:
    lits = required_literals(r"(?:HbA1c|糖化)", re.I)
    assert may_match(lits, "糖化血红蛋白下降", "糖化血红蛋白下降")
    assert may_match(lits, "HBA1C fell", "hba1c fell")
    assert not may_match(lits, "fasting glucose fell", "fasting glucose fell")
    assert may_match(None, "anything", "anything")


def _texts() -> list[str]:
    own = [
        "研究共纳入60名2型糖尿病患者,随访12个月,糖化血红蛋白从8.6%降至7.1%。",
        "The randomized trial enrolled 48 adults; HbA1c fell from 8.2% to 7.4% after 24 weeks.",
        "隨機雙盲試驗:糖化血紅蛋白(HbA1c)由9.1%降至6.5%,隨訪18個月。",
    ]
    dev = [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))] if DEV.is_dir() else []
    corpus = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus" / "txt").glob("*.txt"))
              if "gbk" not in p.name and "big5" not in p.name]
    return own + dev + corpus


def test_no_registered_pattern_is_skipped_where_it_matches() -> None:
    for raw in _texts():
        view = to_document(SourceDoc("t.txt", raw, "txt")).view
        for ex in EXTRACTORS:
            for pat in ex.patterns:
                for m in pat.compiled.finditer(view):
                    # the matched text itself must contain one of the required literals
                    assert may_match(pat.literals, m.group(0), m.group(0).lower()), (ex.name, pat.name, m.group(0))


# --- one pass for all patterns: the literal index, anchors and windows (issue 13) ---------------------------

@pytest.mark.parametrize("regex, flags, expected", [
    (r"(?<![A-Za-z])(?:patients|subjects)\s*x", re.I, ({"patients", "subjects"}, 8)),
    (r"糖化血红蛋白\s*(\d+)", 0, ({"糖化血红蛋白"}, 6)),
    (r"(?:a|bc)?(?:HbA1c|A1C)\s+\d", re.I, ({"hba1c", "a1c"}, 7)),
    (r"共纳入\d+例", 0, ({"共纳入"}, 3)),
    # no anchor: the literal is an unbounded distance from the start, or there is none
    (r"\d+\s*例患者", 0, None),
    (r"[A-Za-z]+\s+patients", re.I, None),
    (r"(?:trial)?\d", 0, None),
])
def test_anchor(regex: str, flags: int, expected: tuple[set[str], int] | None) -> None:
    got = anchor(regex, flags)
    assert (None if got is None else (set(got[0]), got[1])) == expected


def test_literal_index_finds_what_substring_tests_find(monkeypatch: pytest.MonkeyPatch) -> None:
    import extract.fields.prefilter as pf

    index = LiteralIndex()
    index.add([frozenset({"hba1c", "a1c", "患者", "ab"}), frozenset({"HbA1c"}), None])
    for raw in _texts()[:8] + ["", "abab HBA1C a1c", "İstanbul hba1c"]:
        got = index.present(raw, raw.lower())
        monkeypatch.setattr(pf, "ahocorasick", None)
        plain = LiteralIndex()
        plain.add([frozenset(index._literals)])
        assert got == plain.present(raw, raw.lower())
        monkeypatch.undo()
        assert set(got) == {s for s in index._literals if s in raw or s in raw.lower()}


@pytest.mark.parametrize("hop_ratio", [0, 10**9])   # always one scan from the first window / always hop
def test_windowed_matches_are_finditer_matches(hop_ratio: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Span.matches (windows before anchor literals, hopping) gives exactly the matches of finditer."""
    from extract.fields import base

    monkeypatch.setattr(base, "HOP_RATIO", hop_ratio)
    for raw in _texts()[:6]:
        doc = to_document(SourceDoc("t.txt", raw, "txt"))
        for start, end in ((0, len(doc.view)), (len(doc.view) // 3, len(doc.view))):
            span = Span(doc, start, end)
            for ex in EXTRACTORS:
                present = span_literals(span, ex.patterns)
                for pat in ex.patterns:
                    want = [(m.span(), m.groups()) for m in span.finditer(pat.compiled)]
                    if want and not may_match_in(pat.literals, present):
                        raise AssertionError((ex.name, pat.name, "skipped"))
                    if may_match_in(pat.literals, present):
                        got = [(m.span(), m.groups()) for m in span.matches(pat, present)]
                        assert got == want, (ex.name, pat.name)
