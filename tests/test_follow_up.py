"""Follow-up: the study's observation duration in days; time points and other durations are not follow-up."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.follow_up import EXTRACTOR, to_days


def follow_up(text: str, lang: str = "zh") -> list[float]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(text) and h.pattern
    return [h.value["days"] for h in hits]


@pytest.mark.parametrize("text,lang,expected", [
    ("所有患者随访24个月,未见严重不良事件。", "zh", [730.0]),
    ("受试者接受为期2年的随访观察。", "zh", [730.0]),
    ("这项为期36个月的追踪研究显示疗效稳定。", "zh", [1096.0]),
    ("中位随访32周(12~60周),无患者复发。", "zh", [224.0]),
    ("随访(30-400)d,中位随访时间180d。", "zh", [180.0]),
    ("平均随访时间为一年半。", "zh", [548.0]),
    ("患者隨訪1年,血糖控制穩定。", "zh-Hant", [365.0]),
    ("研究團隊進行了為期半年的追蹤。", "zh-Hant", [183.0]),
    ("观察期为12周,期间记录不良反应。", "zh", [84.0]),
    ("Patients were followed up for 24 weeks after the last infusion.", "en", [168.0]),
    ("The median follow-up was 18 months.", "en", [548.0]),
    ("No serious adverse events occurred during a 2-year follow-up.", "en", [730.0]),
    ("Glycaemic control was maintained throughout the 6-month follow-up.", "en", [183.0]),
    ("Participants were observed for more than 3 years.", "en", [1096.0]),
    ("Forty patients completed 12 months of follow-up.", "en", [365.0]),
    ("Patients were seen at one-month, three-month and six-month visits and re-examined at 3, 6 and 12 months.", "en", [365.0]),
    # the longest of equally stated durations is the study's follow-up
    ("120 patients completed six months of follow-up and 40 were followed for up to two years.", "en", [730.0]),
    # no match
    ("治疗后3个月,HbA1c降至7.1%。", "zh", []),
    ("患者病程10年,确诊2型糖尿病。", "zh", []),
    ("6个月和12个月时分别进行评估。", "zh", []),
    ("患者于2018年3月至2019年9月入组,随访至2021年12月。", "zh", []),
    ("疗效可持续6~12个月。", "zh", []),
    ("平均8.5个月无需注射胰岛素。", "zh", []),
    ("Two patients remained insulin-free for 28 months.", "en", []),
    ("C-peptide increased at 24 and 36 months after transplantation.", "en", []),
    ("Patients aged 18 to 65 years with diabetes duration of less than 5 years were enrolled.", "en", []),
])
def test_follow_up(text, lang, expected):
    assert follow_up(text, lang) == expected


@pytest.mark.parametrize("num,unit,half,days", [
    ("12", "个月", False, 365.0), ("1", "年", True, 548.0), (None, "年", True, 183.0),
    ("48", "weeks", False, 336.0), ("three", "years", False, 1096.0), ("68", "个月", False, 2070.0),
])
def test_to_days_uses_guideline_conversions(num, unit, half, days):
    assert to_days(num, unit, half=half) == days
