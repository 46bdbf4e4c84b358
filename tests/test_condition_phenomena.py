"""Condition on real text, round 2: both types named in full (with bracketed abbreviations, either order) or
counted separately make "both"; a contrast or two types of something else do not.
"""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.condition import EXTRACTOR


def condition(text: str) -> list[str]:
    return [h.value["value"] for h in decided_hits(EXTRACTOR, text)]


@pytest.mark.parametrize("text,expected", [
    # both types named in full, each with its abbreviation
    ("We undertook a meta-analysis of stem cell therapy for both type 1 DM (T1DM) and type 2 DM (T2DM).", ["both"]),
    ("本研究评价干细胞治疗1型糖尿病(T1DM)和2型糖尿病(T2DM)患者的疗效。", ["both"]),
    ("本研究評價幹細胞治療第1型糖尿病(T1DM)和第2型糖尿病(T2DM)患者的療效。", ["both"]),
    ("Type 2 diabetes (T2D) and type 1 diabetes (T1D) patients were both enrolled in the trial.", ["both"]),
    ("該統合分析納入了第1型和第2型糖尿病的研究。", ["both"]),
    ("The meta-analysis pooled trials in T1DM and T2DM.", ["both"]),
    # a counted population of each type
    ("研究纳入1型糖尿病患者20例、2型糖尿病患者25例。", ["both"]),
    ("研究納入第一型糖尿病患者20例、第二型糖尿病患者25例。", ["both"]),
    ("The cohort comprised 30 individuals with T1D and 25 with T2D.", ["both"]),
    # traps: a contrast before the study's own type; two types of something else; background counts
    ("Unlike type 1 diabetes (T1D), type 2 diabetes (T2D) is driven by insulin resistance; 40 T2D patients received MSCs.", ["T2D"]),
    ("与1型糖尿病(T1DM)不同,2型糖尿病(T2DM)以胰岛素抵抗为主,本研究纳入40例T2DM患者。", ["T2D"]),
    ("與第1型糖尿病(T1DM)不同,第2型糖尿病(T2DM)以胰島素阻抗為主,本研究納入40例T2DM患者。", ["T2D"]),
    ("1型与2型胶原蛋白表达增加。", []),
    ("Type 1 collagen and type 2 collagen were measured.", []),
    ("此前一项研究纳入50名2型糖尿病患者。本研究中30名1型糖尿病患者接受了治疗。", ["T1D"]),
])
def test_both_types(text, expected):
    assert condition(text) == expected


@pytest.mark.parametrize("text,expected", [
    # OCR text with its spaces lost (English only: Chinese has none to lose)
    ("The59-year-oldman,whohad Type2diabetesfor25years, has beencompletelyweanedoffinsulin.", ["T2D"]),
    ("Childrenwith type1diabetes received cord blood.", ["T1D"]),
    ("Patients with Type2 diabetes were enrolled.", ["T2D"]),
    # traps: other typed things; the spaced form is counted once
    ("Type1 collagen was measured.", []),
    ("Patients with type 1 diabetes and type1 collagen deposits.", ["T1D"]),
])
def test_ocr_glued_types(text, expected):
    assert condition(text) == expected
