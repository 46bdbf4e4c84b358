"""HbA1c values: pairs, lone values, stated changes, units; thresholds and other measures are not values."""
from __future__ import annotations

import pytest

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.hba1c import EXTRACTOR


def values(text: str, lang: str = "zh") -> list[tuple]:
    doc = Document("t.txt", text, text, lang, SourceDoc("t.txt", text, "txt"))
    hits = EXTRACTOR.decide(EXTRACTOR.find(Span(doc, 0, len(text))))
    for h in hits:
        assert 0 <= h.start < h.end <= len(text) and h.pattern
    return sorted((h.value["before"], h.value["after"], h.value["change"]) for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    # before -> after
    ("治疗后患者HbA1c从8.3%降至6.9%。", "zh", [(8.3, 6.9, None)]),
    ("糖化血红蛋白由基线9.1±1.3%下降到7.4±0.9%。", "zh", [(9.1, 7.4, None)]),
    ("糖化血紅蛋白從7.8%降至6.5%。", "zh-Hant", [(7.8, 6.5, None)]),
    ("HbA1c从8.20 [1.10]% 降至7.40 [0.90]%。", "zh", [(8.2, 7.4, None)]),
    ("HbA1c decreased from 8.6% at baseline to 7.1% at 12 months.", "en", [(8.6, 7.1, None)]),
    ("Mean glycated hemoglobin fell from 9.0 to 7.6% after infusion.", "en", [(9.0, 7.6, None)]),
    ("HbA1c 8.4% → 7.2%", "en", [(8.4, 7.2, None)]),
    # mmol/mol converted to %
    ("HbA1c fell from 64 mmol/mol to 53 mmol/mol.", "en", [(8.01, 7.0, None)]),
    # a lone value
    ("随访6个月时,糖化血红蛋白降至6.4%。", "zh", [(None, 6.4, None)]),
    ("第8周糖化血红蛋白降至最低,为5.9%。", "zh", [(None, 5.9, None)]),
    ("入院时HbA1c:9.2%,空腹血糖11.3 mmol/L。", "zh", [(9.2, None, None)]),
    ("Baseline HbA1c was 8.8%.", "en", [(8.8, None, None)]),
    # stated changes, signed
    ("HbA1c平均下降0.85%。", "zh", [(None, None, -0.85)]),
    ("糖化血红蛋白下降1.1%–1.4%。", "zh", [(None, None, -1.4), (None, None, -1.1)]),
    ("HbA1c was reduced by 0.9 percentage points.", "en", [(None, None, -0.9)]),
    ("Patients showed a 0.6% reduction in HbA1c.", "en", [(None, None, -0.6)]),
    ("HbA1c showed an increase of 0.3% in the placebo group.", "en", [(None, None, 0.3)]),
    ("HbA1c平均降幅达1.36%。", "zh", [(None, None, -1.36)]),
    # no match
    ("主要终点为HbA1c<7.0%的患者比例。", "zh", []),
    ("纳入标准:HbA1c≥7.5%且病程超过2年。", "zh", []),
    ("其中25%的患者实现了糖化血红蛋白<7%的目标。", "zh", []),
    ("At one year, 79% achieved an HbA1c <7% and time in range >70%.", "en", []),
    ("HbA1c下降,同时胰岛素用量减少45%。", "zh", []),
    ("HbA1c与空腹血糖均改善,HOMA-β从41%升至58%。", "zh", []),
    ("糖化血红蛋白达标率为62%。", "zh", []),
    ("HbA1c改善,hs-CRP下降30%。", "zh", []),
    ("HbA1c was 34% lower in relative terms.", "en", []),
])
def test_hba1c(text, lang, expected):
    assert values(text, lang) == expected


def test_timepoint_and_group():
    text = "12个月时,治疗组HbA1c从8.1%降至7.0%。"
    doc = Document("t.txt", text, text, "zh", SourceDoc("t.txt", text, "txt"))
    (hit,) = EXTRACTOR.find(Span(doc, 0, len(text)))
    assert hit.value["timepoint_days"] == 365 and hit.value["group"] == "治疗组"


def test_timepoint_weeks_english():
    text = "At 48 weeks, HbA1c decreased from 8.0% to 7.2% in the UC-MSC group."
    doc = Document("t.txt", text, text, "en", SourceDoc("t.txt", text, "txt"))
    (hit,) = EXTRACTOR.find(Span(doc, 0, len(text)))
    assert hit.value["timepoint_days"] == 336
