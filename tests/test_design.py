"""Design: one controlled-vocabulary label per record, the study's own description first."""
from __future__ import annotations

import pytest

from extract.document import SourceDoc
from extract.fields.base import Span
from extract.pipeline import to_document
from extract.fields.design import EXTRACTOR


def design(text: str, lang: str = "zh") -> list[str]:
    doc = to_document(SourceDoc("t.txt", text, "txt"))  # the real normaliser and matching view
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(doc.text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(doc.text) and h.pattern
    return [h.value["value"] for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("本研究为一项多中心、随机、双盲、安慰剂对照的II期临床试验,共纳入80例患者。", "zh", ["rct"]),
    ("受试者按1:1随机分为干细胞组和对照组。", "zh", ["rct"]),
    ("In this randomised, placebo-controlled trial, 60 adults received cells or saline.", "en", ["rct"]),
    ("該研究為一項隨機對照試驗。", "zh-Hant", ["rct"]),
    ("研究人员发表了一篇系统评价和荟萃分析,纳入11项随机对照试验共420例患者。", "zh", ["meta_analysis"]),
    ("We performed a meta-analysis of randomized controlled trials of MSC therapy.", "en", ["meta_analysis"]),
    ("本綜述總結了間充質幹細胞治療糖尿病的研究進展,並討論了小鼠模型中的機制。", "zh-Hant", ["review"]),
    ("This narrative review summarises stem-cell therapies; several animal models are discussed.", "en", ["review"]),
    ("该文报道了一例2型糖尿病患者接受干细胞治疗的病例报告。既往随机对照试验提示其有效。", "zh", ["case_report"]),
    ("We report the case of a 45-year-old woman treated with autologous cells.", "en", ["case_report"]),
    ("这项回顾性队列研究分析了注册数据库中的312名患者。", "zh", ["observational"]),
    ("The registry study analysed outcomes of 500 treated patients retrospectively.", "en", ["observational"]),
    ("研究团队在糖尿病小鼠模型中验证了该细胞疗法。", "zh", ["preclinical"]),
    ("In a single-arm, open-label phase 1/2 study, 20 patients received islet cells.", "en", ["single_arm_trial"]),
    ("本研究为非随机对照研究,设立了常规治疗对照组。", "zh", ["controlled_trial"]),
    # generalisation set
    ("This was a 52-week, open-label, single-arm phase 1 study of UC-MSCs.", "en", ["single_arm_trial"]),
    ("開放標籤、單臂試驗共納入20名患者。", "zh-Hant", ["single_arm_trial"]),
    ("研究人员发表了一项开放标签研究,共纳入36例患者。", "zh", ["single_arm_trial"]),
    ("本研究采用自身对照设计,比较治疗前后的血糖指标。", "zh", ["single_arm_trial"]),
    ("We conducted a first-in-human trial of stem cell-derived islets in 12 adults.", "en", ["single_arm_trial"]),
    ("This non-randomized controlled trial compared 40 treated patients with 40 controls.", "en", ["controlled_trial"]),
    ("一项自体骨髓单个核细胞移植治疗2型糖尿病的对照研究纳入60例患者,移植组30例、对照组30例。", "zh", ["controlled_trial"]),
    ("In this prospective cohort of 120 patients, outcomes were recorded for 2 years.", "en", ["observational"]),
    ("这项前瞻性队列研究纳入了200名患者。", "zh", ["observational"]),
    ("這項隨機、雙盲、安慰劑對照試驗納入72名受試者。", "zh-Hant", ["rct"]),
    ("研究團隊在大鼠模型中進行動物實驗。", "zh-Hant", ["preclinical"]),
    ("In this in vitro study, the cells secreted insulin in response to glucose.", "en", ["preclinical"]),
    ("研究者指出样本量较小,尚需随机对照试验验证。本研究为单臂试验。", "zh", ["single_arm_trial"]),
    ("國內某醫學中心公布臨床試驗成果,團隊收治10名第一型糖尿病患者。", "zh-Hant", ["single_arm_trial"]),
    ("The clinical study enrolled 21 patients with newly diagnosed type 1 diabetes.", "en", ["single_arm_trial"]),
    # no match
    ("未来仍需开展更大规模的随机对照试验加以验证。", "zh", []),
    ("Larger randomized controlled trials are needed.", "en", []),
    ("细胞经体外扩增后回输。", "zh", []),
    ("该成果发表于《Stem Cell Reviews and Reports》杂志。", "zh", []),
    ("Future randomized trials are needed to confirm these findings.", "en", []),
    ("Twenty patients were randomly selected for a pancreatic biopsy.", "en", []),
    ("尚需大样本随机对照试验进一步验证。", "zh", []),
    ("干细胞治疗糖尿病目前仍处于临床研究阶段。", "zh", []),
    ("ClinicalTrials.gov上已登记1512项间充质干细胞临床试验。", "zh", []),
    ("More clinical trials are needed before routine use.", "en", []),
])
def test_design(text, lang, expected):
    assert design(text, lang) == expected


def test_meta_analysis_counting_rcts_is_not_an_rct():
    text = "本荟萃分析纳入了13项RCT,共计507名患者。"
    assert design(text) == ["meta_analysis"]
