"""HbA1c, round 2 on real text: a value reached without its % sign, the treated patient's own story, and a table row
whose cells were glued together; our own sentences in simplified Chinese, traditional Chinese and English, with traps."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.hba1c import EXTRACTOR


def readings(text: str) -> list[tuple[float | None, float | None, float | None]]:
    hits = decided_hits(EXTRACTOR, text)
    return sorted(((h.value["before"], h.value["after"], h.value["change"]) for h in hits), key=str)


@pytest.mark.parametrize("text,expected", [
    # a value reached or kept, on the % scale without its sign
    ("一名1型糖尿病患者接受胰岛移植,目前他的糖化血红蛋白稳定在6.2左右。", [(None, 6.2, None)]),
    ("一名第1型糖尿病患者接受胰島移植,目前他的糖化血紅蛋白穩定在6.2左右。", [(None, 6.2, None)]),
    ("A man with type 1 diabetes received islets in 2019; his HbA1c has stayed at 6.5% since then.", [(None, 6.5, None)]),
    # traps: whole numbers, the mmol/mol scale without its unit
    ("患者糖化血红蛋白稳定在7左右。", []),
    ("该院患者的糖化血红蛋白维持在65左右。", []),
])
def test_values_reached_without_a_sign(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text,expected", [
    # the treated patient's own story in the first person is a case's values
    ("我患糖尿病第12年的时候,开始意识到问题。我接受了干细胞治疗。三个月复查,糖化血红蛋白从 9.1 降到 7.2。我没有停药。现在两年过去,"
     "我的糖化血红蛋白稳定在 6.5 左右,并发症进展明显减缓。", [(9.1, 7.2, None), (None, 6.5, None)]),
    ("我患糖尿病第12年。我接受了幹細胞治療。三個月複查,糖化血紅蛋白從 9.1 降到 7.2。我沒有停藥。現在兩年過去,我的糖化血紅蛋白穩定在"
     " 6.5 左右。", [(9.1, 7.2, None), (None, 6.5, None)]),
    ("I had type 2 diabetes for 12 years. I received stem cell infusions in 2022. My doctor says I am stable: my HbA1c "
     "has stayed at 6.5% since then.", [(None, 6.5, None)]),
    # traps: an aside, a quoted testimonial on a page about something else
    ("我的糖化从9.0降到6.8,太神奇了。", []),
    ("My own A1c is 7.1% on a pump.", []),
    ("Over 2,400 patients treated. Patient Stories\n\"My A1c went from 9.2 to 6.4 and I've stopped two of my "
     "medications. I feel twenty years younger! I love it, my life changed after my stem cell treatment.\"", []),
])
def test_first_person_stories(text, expected):
    assert readings(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a baseline table's row with its cells glued: each SD runs into the next group's mean
    ("Table 1 Comparison of baseline characteristics\nParameterGroup IGroup IIGroup IIIGroup IVP value\n"
     "Age57.83 ± 5.8449.85 ± 9.6353.28 ± 7.2955.7 ± 7.70.351\nHbA1c6.8 ± 0.186.4 ± 0.166.7 ± 0.156.6 ± 0.240.75",
     [(6.4, None, None), (6.6, None, None), (6.7, None, None), (6.8, None, None)]),
    ("表1 两组患者基线资料比较\n指标干细胞组对照组P值\n糖化血红蛋白(%)8.5 ± 1.28.4 ± 1.10.62",
     [(8.4, None, None), (8.5, None, None)]),
    ("表1 兩組患者基線資料比較\n指標幹細胞組對照組P值\n糖化血紅蛋白(%)8.5 ± 1.28.4 ± 1.10.62",
     [(8.4, None, None), (8.5, None, None)]),
    # traps: a table of outcomes (not baselines), equal groups on one line
    ("Table 3 Outcomes at 12 months\nParameterGroup IGroup II\nHbA1c6.8 ± 0.186.4 ± 0.16", []),
])
def test_glued_table_rows(text, expected):
    assert readings(text) == expected
