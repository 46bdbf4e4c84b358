"""Cohort sizes: totals, arms, included studies, and the counts that are none of these."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.cohort import EXTRACTOR


def sizes(text: str, lang: str = "zh") -> set[tuple[int, str]]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:  # every hit quotes the text it was read from
        assert 0 <= h.start < h.end <= len(text) and h.pattern
    return {(h.value["n"], h.value["role"]) for h in hits}


@pytest.mark.parametrize("text,lang,expected", [
    # totals
    ("该研究共纳入120例2型糖尿病患者,随访一年。", "zh", {(120, "total")}),
    ("研究者招募了48名受试者接受脐带间充质干细胞治疗。", "zh", {(48, "total")}),
    ("本研究共納入86例第1型糖尿病患者。", "zh-Hant", {(86, "total")}),
    ("三十名糖友参与了这项单臂试验。", "zh", {(30, "total")}),
    ("We enrolled 64 adult patients with type 2 diabetes.", "en", {(64, "total")}),
    ("A total of 40 participants were randomized.", "en", {(40, "total")}),
    ("Eighteen patients were treated with autologous cells.", "en", {(18, "total")}),
    ("Seven out of nine patients stopped insulin.", "en", {(9, "total")}),
    ("14 of the 21 patients became insulin independent.", "en", {(21, "total")}),
    ("The trial (n = 58) used umbilical cord cells.", "en", {(58, "total")}),
    # a single case
    ("本文报告1例确诊为2型糖尿病的58岁女性患者接受干细胞输注。", "zh", {(1, "total")}),
    ("We describe a 47-year-old man who received islet cells.", "en", {(1, "total")}),
    # arms
    ("干细胞组40名、对照组38名患者完成随访。", "zh", {(40, "arm"), (38, "arm")}),
    ("共纳入96例患者(50例治疗组和46例安慰剂组)。", "zh", {(96, "total"), (50, "arm"), (46, "arm")}),
    ("治療組(n=25)與對照組(n=24)", "zh-Hant", {(25, "arm"), (24, "arm")}),
    ("Patients received MSCs (n = 33) or placebo (n = 31).", "en", {(33, "arm"), (31, "arm")}),
    ("Of these, 27 were assigned to the cell therapy group and 25 controls.", "en", {(27, "arm"), (25, "arm")}),
    # included studies of a meta-analysis, with the pooled participants as the total
    ("这项荟萃分析纳入了11项随机对照试验,共涉及612名受试者。", "zh", {(11, "studies_included"), (612, "total")}),
    ("這項薈萃分析納入9項RCT、共420例患者。", "zh-Hant", {(9, "studies_included"), (420, "total")}),
    ("The meta-analysis pooled 7 randomized controlled trials with 389 patients.", "en",
     {(7, "studies_included"), (389, "total")}),
    # no match
    ("全球已注册1800项干细胞相关临床试验。", "zh", set()),
    ("全球约5亿患者受糖尿病影响。", "zh", set()),
    ("About 460 million people live with diabetes worldwide.", "en", set()),
    ("患者年龄60岁,病程8年,2019年入院。", "zh", set()),
    ("Participants were aged 18-35 years.", "en", set()),
    ("治疗后有6名患者在9个月内完全脱离胰岛素。", "zh", set()),
    ("其中12例患者停用胰岛素。", "zh", set()),
    ("Nine patients achieved insulin independence.", "en", set()),
    ("研究使用了20只糖尿病小鼠。", "zh", set()),
    ("Twelve mice were transplanted with islets.", "en", set()),
    ("我国进行了4项研究,美国进行了2项研究。", "zh", set()),
    ("Type 2 diabetes patients often need insulin.", "en", set()),
])
def test_cohort(text, lang, expected):
    assert sizes(text, lang) == expected


def test_arm_labels():
    text = "共纳入96例患者(50例治疗组和46例安慰剂组)。"
    doc = Document("t.txt", text, text, "zh", SourceDoc("t.txt", text, "txt"))
    labels = {h.value["n"]: h.value["label"] for h in EXTRACTOR.find(Span(doc, 0, len(text)))
              if h.value["role"] == "arm"}
    assert labels == {50: "治疗组", 46: "安慰剂组"}


@pytest.mark.parametrize("text,expected", [
    # issue 3: analysis subgroups defined by completed follow-up are arms, not totals
    ("The registry included 150 patients who completed three months and 60 patients who were followed "
     "for a year.", {(150, "arm"), (60, "arm")}),
])
def test_subgroups(text, expected):
    assert sizes(text, "en") == expected
