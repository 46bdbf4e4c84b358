"""Design: one controlled-vocabulary label per record, the study's own description first."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.design import EXTRACTOR, sentence_bounds, widen_zh


def design(text: str, lang: str = "zh") -> list[str]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(text) and h.pattern
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
    # no match
    ("未来仍需开展更大规模的随机对照试验加以验证。", "zh", []),
    ("Larger randomized controlled trials are needed.", "en", []),
    ("细胞经体外扩增后回输。", "zh", []),
    ("该成果发表于《Stem Cell Reviews and Reports》杂志。", "zh", []),
])
def test_design(text, lang, expected):
    assert design(text, lang) == expected


def test_meta_analysis_counting_rcts_is_not_an_rct():
    text = "本荟萃分析纳入了13项RCT,共计507名患者。"
    assert design(text) == ["meta_analysis"]


def test_widen_zh_matches_traditional_and_ascii_boundary():
    import re
    assert re.search(widen_zh(r"随访"), "隨訪12個月")
    assert re.search(widen_zh(r"\bT2DM\b"), "T2DM患者")
    assert not re.search(widen_zh(r"\bMSC\b"), "hUCMSCs")


def test_sentence_bounds_stop_at_chinese_and_english_periods():
    text = "第一句。第二句含随机对照. Third sentence."
    s, e = sentence_bounds(text, 10, 12)
    assert text[s:e] == "第二句含随机对照"
