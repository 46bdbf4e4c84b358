"""The pattern pre-check never skips a pattern that would have matched."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from extract.document import SourceDoc
from extract.fields import EXTRACTORS
from extract.fields.prefilter import may_match, required_literals
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
