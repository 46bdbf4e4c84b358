"""Context helpers: ASCII word boundaries next to CJK, sentences, cue classes loaded from data."""
from __future__ import annotations

import re

import pytest

from extract.document import SourceDoc
from extract.fields.context import (BACKGROUND_CUES, FUTURE_CUES, SELF_CUES, ascii_boundaries, context_score,
                                    in_journal_name, in_reference, in_related_links, in_title, sentence_bounds,
                                    table_column_header, vocab)
from extract.pipeline import to_document


@pytest.mark.parametrize("regex,text,found", [
    (r"\bT2DM\b", "T2DM患者", True),          # Python's \b sees no boundary between "M" and "患"
    (r"\bMSCs?\b", "接受MSC治疗", True),
    (r"\bMSC\b", "hUCMSCs", False),
    (r"\bMSC\b", "an MSC-based therapy", True),
    (r"[\b]", "\b", True),                      # inside a class \b stays a backspace
])
def test_ascii_boundaries(regex, text, found):
    assert bool(re.search(ascii_boundaries(regex), text)) is found


def test_plain_word_boundary_fails_next_to_cjk():
    # the reason ascii_boundaries exists
    assert not re.search(r"\bT2DM\b", "T2DM患者")


def test_traditional_text_matches_simplified_patterns_through_the_view():
    doc = to_document(SourceDoc("t.txt", "患者隨訪12個月,本研究為隨機對照試驗。", "txt"))
    assert "随访12个月" in doc.view and len(doc.view) == len(doc.text)
    assert SELF_CUES.search(doc.view)


def test_sentence_bounds_stop_at_chinese_and_english_periods():
    text = "第一句。第二句含随机对照. Third sentence."
    s, e = sentence_bounds(text, 10, 12)
    assert text[s:e] == "第二句含随机对照"


def test_sentence_bounds_keep_decimal_points():
    text = "HbA1c fell from 8.5% to 7.1% in this trial. Next."
    s, e = sentence_bounds(text, text.index("trial"), text.index("trial") + 5)
    assert text[s:e] == "HbA1c fell from 8.5% to 7.1% in this trial"


@pytest.mark.parametrize("text,cue,found", [
    ("本研究纳入", SELF_CUES, True),
    ("In this trial, we enrolled", SELF_CUES, True),
    ("既往研究显示", BACKGROUND_CUES, True),
    ("与传统胰岛移植相比", BACKGROUND_CUES, True),
    ("与对照组相比", BACKGROUND_CUES, False),        # the study's own comparison is not background
    ("compared with placebo", BACKGROUND_CUES, False),
    ("compared with islet transplantation", BACKGROUND_CUES, True),
    ("该团队后来做了随机对照研究", BACKGROUND_CUES, True),   # a later study is another study
    ("the team later conducted a randomized trial", BACKGROUND_CUES, True),
    ("patients were later randomized", BACKGROUND_CUES, False),
    ("尚需随机对照试验验证", FUTURE_CUES, True),
    ("Larger trials are needed", FUTURE_CUES, True),
    ("患者接受输注", FUTURE_CUES, False),
])
def test_cue_classes(text, cue, found):
    assert bool(cue.search(text)) is found


def test_vocab_is_data_and_checked():
    v = vocab()
    assert {"self", "background", "future"} <= set(v.cues)
    assert all(c.patterns for c in v.cues.values())


def test_title_journal_and_reference_positions():
    text = "团队发表了题为《脐带间充质干细胞治疗2型糖尿病的随机对照试验》的论文。"
    assert in_title(text, text.index("随机"))
    text = "该成果发表于《Stem Cell Reviews and Reports》杂志。"
    assert in_journal_name(text, text.index("Reviews"))
    assert not in_journal_name("本综述总结了进展。", 2)
    text = "正文。\n[3] Zang L, et al. Diabetes Care. 2022;45(1):12-20. doi:10.2337/dc21-1234\n"
    assert in_reference(text, text.index("Zang"))
    assert not in_reference(text, 1)


@pytest.mark.parametrize("text,needle,expected", [
    ("1. Rahman, S. et al. Nat. Metab. 6, 301-314 (2024).", "Rahman", True),
    ("[12] 宋明辉,赵静怡,刘畅,等. 人脐带间充质干细胞治疗2型糖尿病肾病的单臂临床研究[J]. 中华糖尿病杂志,2023,15(5):401-407.", "脐带", True),
    ("Hu J, Wang Y, Gong H, et al. Long term effect of Wharton's jelly-derived MSCs. Exp Ther Med, 2016, 12(3):1857-1866.", "Wharton", True),
    # running text that cites authors ("Moreau et al.2 report ...") is the study's own paragraph
    ("Second, Moreau et al.2 report a randomized trial in which 64 adults were allocated to autologous bone marrow MSCs (n = 43) or placebo.", "bone", False),
    ("Smith et al. randomised 40 patients to cord-derived cells or saline.", "cord", False),
])
def test_in_reference(text, needle, expected):
    assert in_reference(text, text.index(needle)) is expected


def test_context_score_self_up_background_down():
    own = "本研究为随机对照试验。"
    bg = "既往随机对照试验提示有效。"
    base = 0.8
    s_own = context_score(own, own.index("随机"), own.index("随机") + 6, 0, len(own), base)
    s_bg = context_score(bg, bg.index("随机"), bg.index("随机") + 6, 0, len(bg), base)
    assert s_own > base > s_bg


@pytest.mark.parametrize("text,needle,expected", [
    ("研究 | 国家 | 随访\nA | 瑞典 | 104周\nB | 印度 | 12个月", "12个月", "随访"),
    ("研究 | 國家 | 隨訪\nA | 瑞典 | 104週", "瑞典", "國家"),
    ("| Study | Follow-up |\n|---|---|\n| A | 24 months |", "24 months", "Follow-up"),
    ("Trial | Diabetes\nA | Type 1", "Type 1", "Diabetes"),
    # a "---" rule row between header and body is not the header
    ("| Trial | Diabetes |\n|---|---|\n| A | Type 2 |", "Type 2", "Diabetes"),
    # no table: running text with one "|", or the header row itself
    ("患者随访12个月 | 无不良反应", "12个月", None),
    ("研究 | 国家 | 随访\nA | 瑞典 | 104周", "国家", None),
    ("年终盘点|2024年干细胞研究进展\n正文第一段", "2024", None),
])
def test_table_column_header(text, needle, expected):
    assert table_column_header(text, text.index(needle)) == expected


@pytest.mark.parametrize("text,needle,expected", [
    ("正文。\n\n相关资讯\n· 两次脐带MSC输注改善血糖\n· 另一篇\n", "脐带", True),
    ("正文。\n\n延伸閱讀\n．糖化血色素多少算正常?\n", "糖化", True),
    ("Body.\n\nRelated coverage\n  ADA 2024: first-in-human data for encapsulated islets\n", "first", True),
    ("Body.\nYou may also like:\n- Cord blood infusions in children\n", "Cord", True),
    # "Trending", "Most read", "熱門文章", "大家都在看": other site headings over lists of links
    ("Body.\n\nTrending\n  Continuous Glucose Monitoring in 1028 Adults With Type 2 Diabetes\n", "Continuous", True),
    ("Body.\n\nMost Read\n  Islet transplant outcomes across 29 centers\n", "Islet", True),
    ("正文。\n\n熱門文章\n．2型糖尿病患者每天走8000步\n", "2型", True),
    ("正文。\n\n大家都在看\n· 二甲双胍的新用途\n", "二甲", True),
    # catalogue pages: "相似文献", "Similar records", "Related reading from our archive" (blind4 round)
    ("摘要正文。\n\n相似文献\n· 脐带间充质干细胞治疗2型糖尿病的Meta分析\n", "Meta", True),
    ("摘要正文。\n\n相似文獻\n· 骨髓間充質幹細胞移植的大鼠研究\n", "骨髓", True),
    ("Abstract text.\n\nSimilar records\n- A meta-analysis of MSC trials in type 2 diabetes\n", "meta", True),
    ("Body.\n\nRelated reading from our archive\n› Issue 30: The ADA cell therapy sessions in review\n", "review", True),
    ("Similar records show that the trial enrolled patients with type 2 diabetes.", "enrolled", False),
    # no match: a sentence that only starts with the word, the study's own text
    ("Trending data show that 20 patients with type 2 diabetes improved.", "patients", False),
    # no match: the study's own text, or a long paragraph after the list
    ("相关资讯之外的正文:患者接受脐带MSC输注。", "脐带", False),
    # a list of related projects or grants (blind5 round); a body sentence about related projects stays
    ("项目摘要。\n相关项目推荐:\n· 82370801 人脐带间充质干细胞改善糖尿病肾病的机制(2023)\n", "脐带", True),
    ("項目摘要。\n相關項目推薦:\n· 82370801 人臍帶間充質幹細胞改善糖尿病腎病的機制(2023)\n", "臍帶", True),
    ("Summary.\nRelated projects:\n- Umbilical cord MSCs in diabetic kidney disease (2023)\n", "cord", True),
    ("相关项目推荐由基金委完成,患者接受脐带MSC输注。", "脐带", False),
    ("Related coverage\n- link\n" + "The trial enrolled patients " * 8 + "and gave cord blood.", "cord", False),
])
def test_in_related_links(text, needle, expected):
    view = to_document(SourceDoc("t.txt", text, "txt")).view  # traditional headings match through the view
    assert in_related_links(view, text.index(needle)) is expected
