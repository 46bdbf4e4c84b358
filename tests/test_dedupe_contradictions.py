"""Contradictions only from strong evidence: a condition that is only the document's (a multi-study story on
type 1 diabetes that mentions a type 2 trial in one line) lowers the score instead of forbidding the link."""
from __future__ import annotations

from extract.dedupe import explain, settings
from extract.dedupe.compare import contradictions, features
from extract.models import Evidence
from test_dedupe import rec, sig


def _ev(pattern: str) -> dict:
    return {"condition": [Evidence(quote="1型糖尿病", start=0, end=5, extractor="condition", pattern=pattern)]}


def test_a_condition_from_the_document_is_no_contradiction() -> None:
    # zh story on type 2 diabetes; its one line on Vertex's VX-880 gets T2D from the document, the trial's
    # own report says T1D
    weak = rec("weak", lang="zh", condition="T2D", aliases=["VX-880"], n=12, design="single_arm_trial",
               evidence=_ev("T2D__document"))
    strong = rec("strong", condition="T1D", aliases=["zimislecel"], n=12, design="single_arm_trial",
                 evidence=_ev("T1D__en"))
    assert contradictions(features(weak), features(strong))[1] == []
    link = explain(weak, strong)
    assert link.level != "contradiction"
    assert sig(link, "condition") == settings.WEIGHTS["condition_differ_weak"] < 0
    assert link.linked          # the shared product and cohort outweigh the weak conflict


def test_two_conditions_read_in_the_mentions_contradict() -> None:
    a = rec("a", condition="T1D", aliases=["VX-880"], evidence=_ev("T1D__zh"))
    b = rec("b", condition="T2D", aliases=["zimislecel"], evidence=_ev("T2D__en"))
    link = explain(a, b)
    assert link.level == "contradiction" and not link.linked


def test_a_weak_conflict_alone_keeps_look_alikes_apart() -> None:
    # en and zh-Hant: nothing identifying shared, one condition from the document: no link
    a = rec("a", lang="zh-Hant", condition="T1D", cell_types=["UC-MSC"], n=30, evidence=_ev("T1D__document"))
    b = rec("b", condition="T2D", cell_types=["UC-MSC"], n=30, evidence=_ev("T2D__en+cohort"))
    link = explain(a, b)
    assert link.level != "contradiction" and not link.linked
