"""Follow-up, round 2 on real text: the phenomena behind the training set's misses and ERRORS.md 4.7 / 4.12, each
on our own sentences in simplified Chinese, traditional Chinese and English side by side, with traps."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.follow_up import EXTRACTOR


def follow_up(text: str) -> list[float]:
    return [h.value["days"] for h in decided_hits(EXTRACTOR, text)]


@pytest.mark.parametrize("text,expected", [
    # the end of a period of treatment or of a study is its last assessment
    ("Primary end points were reduction in insulin dose at the end of 6 months of stem cell transplantation in 10 "
     "patients with type 2 diabetes.", [183.0]),
    ("30例2型糖尿病患者接受干细胞治疗,治疗6个月末HbA1c降至7.1%。", [183.0]),
    ("30例第2型糖尿病患者接受幹細胞治療,第12週末HbA1c降至7.1%。", [84.0]),
    ("2019年12月末,团队启动了干细胞治疗糖尿病的试验。", []),                          # trap: a date
    # a study's stated length, with an article or a verb
    ("The trial focused on 30 adults with type 2 diabetes whose glucose was tracked over a one-year period.", [365.0]),
    ("Twenty patients with type 1 diabetes were monitored for a period of 18 months after the infusion.", [548.0]),
    ("Thirty patients with type 2 diabetes were enrolled. The whole study lasted 24 weeks.", [168.0]),
    ("Thirty patients with type 2 diabetes were enrolled. The trial ran for 52 weeks.", [364.0]),
    ("研究纳入30例2型糖尿病患者,整个研究历时24周。", [168.0]),
    ("研究納入30例第2型糖尿病患者,整個試驗歷時一年。", [365.0]),
    ("The stem cell infusion lasted 30 minutes in each patient.", []),                  # trap: not a study
    # an observation until a day, an endpoint's window from baseline
    ("术后测血糖水平、葡萄糖耐量试验以及达正常血糖水平率至28 d.", [28.0]),
    ("大鼠移植后監測血糖至28天。", [28.0]),
    ("主要評估指標:自簽署受試者同意書(ICF)後至6個月出現的不良事件(AE)", [183.0]),
    ("Primary outcome: change in HbA1c from baseline to 12 months.", [365.0]),
    ("Change in C-peptide [Time Frame: baseline to 24 weeks]", [168.0]),
    ("从2019年至2021年,团队开展了干细胞治疗糖尿病的研究。", []),                      # trap: dates
])
def test_ends_lengths_windows(text, expected):
    assert follow_up(text) == expected


@pytest.mark.parametrize("text,expected", [
    # durability: the graft kept working
    ("研究人员为1名1型糖尿病患者移植了干细胞来源的胰岛,患者胰岛持续分泌胰岛素达12周。", [84.0]),
    ("研究人員為1名第1型糖尿病患者移植了幹細胞來源的胰島,移植細胞持續分泌胰島素達12週。", [84.0]),
    ("A man with type 1 diabetes received gene-edited islets; the cells continued to produce insulin for 12 weeks.",
     [84.0]),
    ("The graft has kept making insulin for 6 months in a woman with type 1 diabetes.", [183.0]),
    ("患者持续服用二甲双胍达12周后接受干细胞治疗。", []),                              # trap: a drug taken
    ("Patients with type 2 diabetes continued to take metformin for 12 weeks.", []),
])
def test_durability(text, expected):
    assert follow_up(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a time point whose clause reports the cohort's state, with a count or share as its subject
    ("将干细胞衍生的胰岛移植给12名1型糖尿病患者,一年后10人无需注射胰岛素。", [365.0]),
    ("將幹細胞衍生的胰島移植給12名第1型糖尿病患者,一年後10人無需注射胰島素。", [365.0]),
    ("Islets were given to 12 patients with type 1 diabetes; one year later, 10 no longer needed insulin injections.",
     [365.0]),
    ("该研究纳入36名1型糖尿病患者,治疗满48周时,三分之一的受试者停用胰岛素。", [336.0]),
    ("Forty patients with type 1 diabetes were treated. At 18 months after treatment, 12 of 40 patients stopped "
     "insulin.", [548.0]),
    # ... or a measure
    ("一名1型糖尿病患者接受干细胞治疗,1年后糖化血红蛋白降至6.8%。", [365.0]),
    ("研究纳入20例2型糖尿病患者,6个月时HbA1c降至7.0%。", [183.0]),
    ("研究納入20例第2型糖尿病患者,6個月時HbA1c降至7.0%。", [183.0]),
    # traps: the time until one patient's event, narrative, a field-wide statement
    ("一名女性接受了移植。3个月后,她停用了胰岛素。", []),
    ("She received islets. Three months later, she stopped insulin.", []),
    ("移植60天后停用胰岛素。", []),
    ("团队于2010年成立。十年后,该团队发表了论文。", []),
    ("2014年,大部分国际胰岛移植中心的胰岛移植术后5年无需使用额外胰岛素的病人已超过50%。", []),
    ("2014年,大部分國際胰島移植中心的胰島移植術後5年無需使用額外胰島素的病人已超過50%。", []),
    ("In most centres worldwide, 50% of islet recipients remain insulin-free 5 years after transplantation.", []),
])
def test_time_points_of_results(text, expected):
    assert follow_up(text) == expected


TABLE = ("Table 1. Basic information of the included studies.\n"
         "Author (year) Country Number (E/C) Intervention Mean dose of stem cells (/kg) Follow-up time (months) Age (years)\n"
         " Cai, 2016 [8] China 21/21 aBM-MNCs+UC-MSCs (106.8 × 106) 3, 6, 9, 12 NA10 9.24\n"
         "C12 10/11 Insulin NA 7\n"
         " Ghodsi, 2012 [10] Iran 13/17 HSCs+insulin IV 7 − 11 × 106 0.25, 1, 3, 6, 12 21.61 ± 10.53 4.23 ± 2.21\n"
         " Gu, 2014 [19] China 14/28 AHSCT+insulin IV NA 10.7 ± 4.2, 50.4 ± 21.6 8.04 ± 3.99 NA\n"
         " Wang, 2013 [21] China 22/22 AHSCT+insulin IV NA 24 18.0 ± 4.2 NA\n"
         "表2 纳入研究的基本特征\n研究 例数(治疗组/对照组) 干预 随访时间(月)\n 王等(2019) 30/28 干细胞 1,3,6,12\n")


@pytest.mark.parametrize("row,expected", [
    (" Cai, 2016", 365.0), (" Ghodsi, 2012", 365.0), (" 王等(2019)", 365.0),
    (" Gu, 2014", None),        # trap: a mean ± SD list is no list of times
    (" Wang, 2013", None),      # trap: a lone number is not told from the row's other cells
])
def test_table_row_times(row, expected):
    from extract.fields.follow_up import table_row_follow_up
    lo = TABLE.index(row)
    got = table_row_follow_up(TABLE, lo, TABLE.index("\n", lo))
    assert (got[0] if got else None) == expected


def test_the_whole_table_is_no_row():
    from extract.fields.follow_up import table_row_follow_up
    assert table_row_follow_up(TABLE, 0, len(TABLE)) is None
