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


# ---- generalisation table: phrasings of unseen sites, run through the real normalisation ----
def site_sizes(text: str, lang: str) -> list[tuple[int, str]]:
    """Every kept size once per fact: two arms of equal size are two facts."""
    from extract.normalise import matching_view, normalise
    t = normalise(text).text
    doc = Document("t.txt", t, matching_view(t, lang), lang, SourceDoc("t.txt", t, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(t))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(t) and h.pattern
    return sorted((h.value["n"], h.value["role"]) for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    # totals and arms of an abstract / a hospital post / a Taiwanese or HK news item
    ("Forty-two participants with type 1 diabetes were randomized 2:1 to receive MSCs (n = 28) or placebo "
     "(n = 14).", "en", [(14, "arm"), (28, "arm"), (42, "total")]),
    ("入组患者共86例，其中试验组43例，对照组43例。", "zh", [(43, "arm"), (43, "arm"), (86, "total")]),
    ("该研究纳入了30名1型糖尿病患者，随机分为干细胞治疗组（15例）和常规治疗组（15例）。", "zh",
     [(15, "arm"), (15, "arm"), (30, "total")]),
    ("研究共纳入60名受试者（干细胞组30名，安慰剂组30名），年龄45.6±8.2岁。", "zh",
     [(30, "arm"), (30, "arm"), (60, "total")]),
    ("研究團隊招募了24名第一型糖尿病患者，其中12人接受幹細胞治療，另外12人作為對照。", "zh-Hant",
     [(12, "arm"), (12, "arm"), (24, "total")]),
    ("The study included 45 adults, of whom 30 received cells and 15 received standard care.", "en",
     [(15, "arm"), (30, "arm"), (45, "total")]),
    ("該院2018年起共收治120位患者，平均年齡52歲。", "zh-Hant", [(120, "total")]),
    ("Twenty patients aged 25-60 years with a diabetes duration of 10 years were enrolled.", "en", [(20, "total")]),
    ("In the Phase 1/2 portion, 12 participants received the full dose as a single infusion; all 12 achieved "
     "HbA1c below 7%.", "en", [(12, "total")]),
    # follow-up subgroups are arms
    ("The 83 patients who were followed for up to twelve months after receiving the infusion showed durable "
     "benefit.", "en", [(83, "arm")]),
    # meta-analyses: included studies and pooled participants
    ("A systematic review and meta-analysis of 14 RCTs involving 812 patients found benefit.", "en",
     [(14, "studies_included"), (812, "total")]),
    ("Twenty-one studies (n = 1,024) met the inclusion criteria of this meta-analysis.", "en",
     [(21, "studies_included"), (1024, "total")]),
    ("本荟萃分析共检索到文献1253篇，最终纳入15项研究，涉及患者1026例。", "zh",
     [(15, "studies_included"), (1026, "total")]),
    # equal groups stated once: one arm per group
    ("随机分为治疗组和对照组，每组40例。", "zh", [(40, "arm"), (40, "arm")]),
    ("Sixty patients were randomized into two groups of 30.", "en", [(30, "arm"), (30, "arm"), (60, "total")]),
    ("Patients were randomized 1:1 to UC-MSC (n=15) or placebo (n=15).", "en", [(15, "arm"), (15, "arm")]),
    ("研究对象为2019年1月至2021年12月收治的80例2型糖尿病患者。", "zh", [(80, "total")]),
    ("共有患者58例。", "zh", [(58, "total")]),
    ("研究涉及三十名病人。", "zh-Hant", [(30, "total")]),
    ("The trial, which involved 50 people with type 1 diabetes, met its goal.", "en", [(50, "total")]),
    ("10 of the 12 patients were insulin independent at one year.", "en", [(12, "total")]),
    # a sex breakdown is not a size
    ("Three patients (2 men, 1 woman) received islet transplants.", "en", [(3, "total")]),
    ("共纳入52例患者，其中男性30例，女性22例。", "zh", [(52, "total")]),
    # no match: animals, ages, years, background statistics, outcome counts
    ("Islet grafts reversed hyperglycaemia in diabetic NOD mice (n = 3).", "en", []),
    ("研究使用10只NOD小鼠（n=10）。", "zh", []),
    ("In 2023, 537 million adults lived with diabetes; mean age 45.2 years, BMI 28 kg/m2.", "en", []),
    ("其中5例患者在随访期间停用胰岛素。", "zh", []),
    ("Of these, 8 patients achieved insulin independence at one year.", "en", []),
    ("全球已有超过1000项间充质干细胞临床试验注册。", "zh", []),
])
def test_cohort_sites(text, lang, expected):
    assert site_sizes(text, lang) == expected


def test_split_arm_labels():
    from extract.normalise import matching_view, normalise
    t = normalise("The study included 45 adults, of whom 30 received cells and 15 received standard care.").text
    doc = Document("t.txt", t, matching_view(t, "en"), "en", SourceDoc("t.txt", t, "txt"))
    labels = {h.value["n"]: h.value["label"] for h in EXTRACTOR.find(Span(doc, 0, len(t)))
              if h.value["role"] == "arm"}
    assert labels == {30: "received cells", 15: "received standard care"}
