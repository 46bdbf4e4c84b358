"""The pattern pre-check never skips a pattern that would have matched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.document import SourceDoc
from extract.fields import EXTRACTORS
from extract.fields.base import Span, span_literals
from extract.prefilter import LiteralIndex, anchor, may_match, may_match_in, required_literals
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
    import extract.prefilter as pf

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


# --- first characters in sre's info block (compile_pattern) -------------------------------------------------

def _chars(regex: str, flags: int) -> set[str] | None:
    from extract.prefilter import first_chars

    got = first_chars(regex, flags)
    if got is None:
        return None
    cps, ranges, cats = got
    return {chr(c) for c in cps} | {f"{chr(a)}-{chr(b)}" for a, b in ranges} | {f"cat:{c}" for c in cats}


@pytest.mark.parametrize("regex, flags, expected", [
    (r"(?<![\d.])\d+%", 0, {"cat:CATEGORY_DIGIT"}),                      # through a lookbehind
    (r"(?:(?<![A-Za-z0-9])(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?![A-Za-z0-9]))型", 0, {"型"}),   # an ASCII boundary
    (r"(?:第)?[一二三]型", 0, {"第", "一", "二", "三"}),                  # an optional part and what follows it
    (r"(?:ab|[x-z])\s*c", 0, {"a", "x-z"}),
    (r"k\d", re.I, {"k", "K", "\u212a"}),                                 # the Kelvin sign is a K to sre
    (r"(?-i:k)\d", re.I, {"k"}),
    (r"[s\u4e00-\u9fff]", re.I, {"s", "S", "\u017f", "\u4e00-\u9fff"}),   # long s: sre's extra case
    # anything, or an empty match: no set
    (r"(?:x)?", 0, None),
    (r".x", 0, None),
    (r"[^a]b", 0, None),
    (r"(a)?\1b", 0, None),
])
def test_first_chars(regex: str, flags: int, expected: set[str] | None) -> None:
    got = _chars(regex, flags)
    if got is not None:
        got = {g.replace(f"cat:{re._constants.CATEGORY_DIGIT}", "cat:CATEGORY_DIGIT") for g in got}  # type: ignore[attr-defined]
    assert got == expected


TRICKY = ("KELVIN \u212a ſ İ ı µ μ ΣΣσς 1０２ Ⅰ型 ⅱ k1 K2 \u212a3 s4 S5 \u017f6 ǅ ǆ Ǆ ß ẞ ﬀ 一型 第三型 x8% 1.5% "
          "abc\n\tdef (x) [y] ab c xyzc")


def test_compile_pattern_finds_what_re_compile_finds() -> None:
    """The info block only skips positions: every registered pattern finds the same matches, at any start."""
    from extract.prefilter import compile_pattern

    views = [to_document(SourceDoc("t.txt", raw, "txt")).view for raw in _texts()[:10]] + [TRICKY, TRICKY.upper()]
    regexes = {(p.regex, p.flags) for ex in EXTRACTORS for p in ex.patterns}
    regexes |= {(r"k\d", re.I), (r"(?<!x)s\d", re.I), (r"[s\u4e00-\u9fff]\d", re.I), (r"(?:ab|[x-z])\s*c", 0),
                (r"(?<![\d.])\d+%", 0), (r"(?i:ǅ)", 0), (r"(?:第)?[一二三]型", 0), (r"\w\d", re.I | re.A)}
    for regex, flags in sorted(regexes):
        want_rx, got_rx = re.compile(regex, flags), compile_pattern(regex, flags)
        assert (got_rx.pattern, got_rx.flags, got_rx.groups, got_rx.groupindex) == \
            (want_rx.pattern, want_rx.flags, want_rx.groups, want_rx.groupindex)
        for view in views:
            for pos in (0, len(view) // 2):
                want = [(m.span(), m.groups()) for m in want_rx.finditer(view, pos)]
                assert [(m.span(), m.groups()) for m in got_rx.finditer(view, pos)] == want, regex[:80]


@pytest.mark.parametrize("regex, flags, expected", [
    (r"(?<!\w)[A-Za-z]{1,20}\s*[nN]\s*=\s*\d+", re.I, {"="}),   # "n" is cased: "=" decides
    (r"[\u4e00-\u9fff]{1,8}[组組]\s*\d+", 0, {"组", "組"}),
    (r"\d+\s*(?:例|名)", 0, {"例", "名"}),
    # no match
    (r"共纳入\d+", 0, None),                 # a longer literal exists: required_literals decides
    (r"\d+\s*[a-z]", re.I, None),            # nothing caseless required
    (r"(?:=)?\d+", 0, None),                 # optional
    (r"\d+[ \t]x", 0, None),                 # a class of spaces
])
def test_required_chars(regex: str, flags: int, expected: set[str] | None) -> None:
    from extract.prefilter import required_chars

    got = required_chars(regex, flags)
    assert (None if got is None else set(got)) == expected


def test_every_match_holds_one_of_the_required_chars() -> None:
    for raw in _texts():
        view = to_document(SourceDoc("t.txt", raw, "txt")).view
        for ex in EXTRACTORS:
            for pat in ex.patterns:
                if pat.chars is not None:
                    for m in pat.compiled.finditer(view):
                        assert any(c in m.group(0) for c in pat.chars), (ex.name, pat.name, m.group(0))


@pytest.mark.parametrize("regex, flags, expected", [
    # alternatives each with a literal near their start: the union, the longest reach
    (r"(?:(?<![A-Za-z])(?=[A-Za-z])|(?<=[A-Za-z])(?![A-Za-z]))(?:c|h)?ipsc-derived|embryonic\s+stem", re.I,
     ({"ipsc-derived", "embryonic"}, 13)),
    (r"(?:x{1,3}(?:hba1c|a1c)|糖化血红蛋白)\s*\d", re.I, ({"hba1c", "a1c", "糖化血红蛋白"}, 8)),
    (r"(?:abc)+\s*\d", 0, ({"abc"}, 3)),                 # a repeat taken at least once starts with its first turn
    # no anchor: one alternative has none, or the repeat may be skipped
    (r"(?:ipsc|\d+)\s*cells", re.I, None),
    (r"(?:abc)*\s*\d", 0, None),
])
def test_anchor_inside_groups_and_alternatives(regex: str, flags: int, expected: tuple[set[str], int] | None) -> None:
    got = anchor(regex, flags)
    assert (None if got is None else (set(got[0]), got[1])) == expected


def test_literal_index_positions_equal_the_plain_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Upper-case literals found in the text, lower-case ones in its lower case, same indexes as find()."""
    import random

    import extract.prefilter as pf

    rng = random.Random(7)
    words = ["hba1c", "HbA1c", "A1C", "ab", "Ab", "患者", "σς", "ΣΑ", "n=", "i̇"]
    alphabet = ["a", "b", "A", "B", "h", "H", "1", "c", "C", "患", "者", "Σ", "σ", "ς", "İ", "i", " ", "n", "="]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(400)]
    texts += ["HBA1C Hba1c HbA1c hba1c ab AB aB", "ΣΑΣ σας", "İİ hba1c"]
    index = LiteralIndex()
    index.add([frozenset(words)])
    for raw in texts:
        got = index.present(raw, raw.lower())
        monkeypatch.setattr(pf, "ahocorasick", None)
        plain = LiteralIndex()
        plain.add([frozenset(words)])
        assert got == plain.present(raw, raw.lower()), raw
        monkeypatch.undo()
