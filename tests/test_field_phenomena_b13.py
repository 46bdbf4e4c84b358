"""Field-value classes seen on blind13, each with examples of our own (zh / zh-Hant / en) and traps, through the whole
pipeline: administrations summed over a cohort; a series counted after its interval, in doses, colloquially; a count
of trials before a person noun; adverse events broken down in brackets; an each-group size restating named arms or
after the enrolment verb 入组."""
from __future__ import annotations

from typing import Any

import pytest

from extract.document import SourceDoc
from extract.pipeline import process_source


def record(text: str) -> dict[str, Any]:
    """The one record of ``text`` (" / " is a line break), as a flat dict of the fields under test."""
    recs = process_source(SourceDoc("t.txt", text.replace(" / ", "\n"), "txt")).records
    assert len(recs) == 1, [r.study for r in recs]
    r = recs[0]
    return {"design": r.study.design, "cells": sorted(r.study.cell_types),
            "fu": [round(f.days) for f in r.follow_up],
            "inf": {g.infusions for g in r.regimen} - {None}, "iv": {g.interval_days for g in r.regimen} - {None},
            "totals": sorted(c.n for c in r.cohort_sizes if c.role == "total"),
            "arms": sorted(c.n for c in r.cohort_sizes if c.role == "arm")}


# ---- administrations summed over the cohort are no per-patient count ----
@pytest.mark.parametrize("text,inf", [
    ("该院共为7名1型糖尿病病人实施异体胰岛细胞移植，7名病人共接受13次移植，HbA1c由8.9%降至6.1%。", set()),
    ("本院共有7位第一型糖尿病病人接受異體胰島細胞移植，累計移植13次，糖化血色素由8.9%降至6.1%。", set()),
    ("Seven patients with type 1 diabetes received donor islet cells at the hospital. Since 2022 they have received "
     "13 islet infusions in total, and HbA1c fell from 8.9% to 6.1%.", set()),
    ("Twelve adults with type 1 diabetes were given donor islets; a total of 19 islet transplants were performed.", set()),
    # traps: each patient's count, or a count below the number of patients, stays
    ("20名2型糖尿病患者每人共输注3次脐带间充质干细胞，HbA1c由8.5%降至7.4%。", {3}),
    ("Twenty patients with type 2 diabetes each received three infusions of UC-MSCs in total.", {3}),
    ("一名1型糖尿病患者共接受3次干细胞输注，HbA1c由8.1%降至6.9%。", {3}),
    ("30名2型糖尿病患者接受脐带间充质干细胞治疗，共输注3次，每次间隔4周。", {3}),
])
def test_cohort_total_of_administrations(text, inf):
    assert record(text)["inf"] == inf


# ---- a series counted after its interval, in doses, or colloquially ----
@pytest.mark.parametrize("text,inf,iv", [
    ("24例2型糖尿病患者按每公斤体重1×10⁶个细胞的剂量静脉输注羊膜上皮干细胞，每周1次，连续4次。", {4}, {7.0}),
    ("24例第2型糖尿病患者靜脈輸注羊膜上皮幹細胞，每週1次，連續4次。", {4}, {7.0}),
    ("30例2型糖尿病患者输注脐带间充质干细胞，每4周输注1次，共3次。", {3}, {28.0}),
    ("Thirty adults with type 2 diabetes received umbilical cord MSCs every 4 weeks for three doses.", {3}, {28.0}),
    ("Thirty adults with type 1 diabetes received stem cell infusions once weekly for four infusions.", {4}, {7.0}),
    ("四十名一型糖尿病患者隨機分為兩組，幹細胞組經靜脈注射兩劑臍帶幹細胞，相隔三個月。", {2}, {90.0}),
    ("40名1型糖尿病患者随机分为两组，干细胞组经静脉注射两剂脐带干细胞，相隔三个月。", {2}, {90.0}),
    ("24位2型糖尿病患者接受羊膜上皮干细胞治疗，一周一针，连打四针，糖化平均降了1个点。", {4}, {7.0}),
    ("24位第2型糖尿病患者接受羊膜上皮幹細胞治療，兩週一次，共輸注3次。", {3}, {14.0}),
    # traps: a series of measurements, a vaccine's doses, a check-up rhythm
    ("30例2型糖尿病患者接受一次干细胞输注。随访期间每周1次，连续4次复查血糖。", {1}, set()),
    ("30例2型糖尿病患者接受一次干细胞输注，受试者此前已接种两剂疫苗。", {1}, set()),
    ("30例2型糖尿病患者接受一次干细胞输注，此后一周一次复查血糖。", {1}, set()),
])
def test_series_counts(text, inf, iv):
    r = record(text)
    assert (r["inf"], r["iv"]) == (inf, iv)


# ---- cohort sizes ----
@pytest.mark.parametrize("text,totals,arms", [
    # a count of trials before a person noun is no cohort
    ("The meta-analysis pooled 16 randomized trials with 842 participants. In nine trials enrolling participants within "
     "12 months of diagnosis, HbA1c fell more.", [842], []),
    ("The review pooled 12 RCTs with 610 adults; in four studies including participants over 60, the effect was smaller.",
     [610], []),
    # adverse events broken down in brackets are no groups
    ("共纳入48例2型糖尿病患者，随机分为干细胞组与对照组，每组24例。干细胞组出现2例严重不良事件（1例穿刺部位血肿、1例严重低血糖）。",
     [48], [24, 24]),
    ("共納入48例第2型糖尿病患者，隨機分為幹細胞組與對照組，每組24例。幹細胞組出現2例嚴重不良事件（1例穿刺部位血腫、1例嚴重低血糖）。",
     [48], [24, 24]),
    ("Forty-eight adults with type 2 diabetes were randomized, 24 per group. Serious adverse "
     "events occurred in 2 patients (1 hematoma, 1 hypoglycemia).", [48], [24, 24]),
    # the enrolment verb 入组 names no group; a per-group size after named arms restates them
    ("研究于2023年5月开始入组，最终48例2型糖尿病患者随机分为干细胞组与标准治疗组，每组24例。", [48], [24, 24]),
    ("Forty adults with type 1 diabetes were randomised (UC-MSC n = 20; placebo n = 20). / Figure 1. Trial profile. "
     "52 screened; 40 randomised; 20 per group analysed.", [40], [20, 20]),
    # traps: a breakdown of groups stays; groups only counted stay
    ("Sixty patients (MSC 30, placebo 30) with type 2 diabetes were enrolled.", [60], [30, 30]),
    ("共纳入40例1型糖尿病患者，随机分为两组，每组20例。", [40], [20, 20]),
])
def test_cohort_sizes(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


# ---- groups named by their treatment with persons in brackets, events coordinated over groups, sizes per dose level,
# a large tally of the local population ----
@pytest.mark.parametrize("text,totals,arms", [
    ("In the trial, 72 adults with type 2 diabetes were randomly assigned to receive either adipose-derived stromal cells "
     "(36 participants) or a saline placebo (36 participants).", [72], [36, 36]),
    ("72例2型糖尿病患者随机接受脂肪间充质干细胞(36例)或安慰剂(36例)治疗。", [72], [36, 36]),
    ("72例第2型糖尿病患者隨機接受脂肪間充質幹細胞（36例）或安慰劑（36例）治療。", [72], [36, 36]),
    ("Seventy-two adults with type 2 diabetes were randomized. Infusion reactions occurred in five participants in the cell "
     "group and two in the placebo group.", [72], []),
    ("An earlier phase 1 study enrolled 18 patients with type 2 diabetes at three dose levels (0.5, 1.0, and 1.5 × 10^6 "
     "cells/kg; six per level).", [18], [6, 6, 6]),
    ("研究招募四十名一型糖尿病患者，隨機分為兩組，每組二十人。本港約有7萬名一型糖尿病患者。", [40], [20, 20]),
    ("研究纳入40名1型糖尿病患者接受干细胞治疗。全省约有3万名1型糖尿病患者。", [40], []),
    # traps: persons in brackets without an allocation are events or a cohort; a local hospital's small count stays
    ("Seventy-two adults with type 2 diabetes received cells. Adverse events were transient fever (5 patients) and "
     "headache (3 patients).", [72], []),
    ("本市约有40名2型糖尿病患者在该院接受脐带间充质干细胞治疗，HbA1c由8.5%降至7.2%。", [40], []),
])
def test_cohort_groups(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


# ---- a look back on treated patients' records is observational; donated islets are islets ----
@pytest.mark.parametrize("text,design", [
    ("本中心回溯分析這7位第一型糖尿病病人的資料：術後追蹤時間中位數為26個月，糖化血色素由8.9%降至6.1%。", "observational"),
    ("该院回顾分析了42例接受脐带间充质干细胞治疗的2型糖尿病患者的病历，HbA1c由8.6%降至7.5%，没有设立对照组。", "observational"),
    ("該院回顧分析了42例接受臍帶幹細胞治療的第2型糖尿病患者的病歷，沒有設立對照組。", "observational"),
    # trap: a look back on the literature
    ("作者回顾分析了近十年干细胞治疗糖尿病的文献。该院共纳入30例2型糖尿病患者接受干细胞输注，没有对照组。", "single_arm_trial"),
])
def test_look_back_design(text, design):
    assert record(text)["design"] == design


@pytest.mark.parametrize("text,cells", [
    ("Five of seven people with type 1 diabetes who received donated pancreatic islet cells no longer need insulin.", ["islet"]),
    ("Islet cells were isolated from the pancreases of brain-dead organ donors and infused into the liver of seven "
     "patients with type 1 diabetes.", ["islet"]),
    ("7名第一型糖尿病病人接受腦死器官捐贈者的胰島細胞，經肝門靜脈輸入體內，糖化血色素由8.9%降至6.1%。", ["islet"]),
])
def test_donated_islets(text, cells):
    assert record(text)["cells"] == cells


# ---- a registry results page's outcome table laid out in spaced columns, the unit closing the row label ----
def _hba1c(text: str) -> list[tuple[Any, Any, Any]]:
    from tests.field_helpers import decided_hits
    from extract.fields.hba1c import EXTRACTOR
    return sorted((h.value["before"], h.value["after"], h.value["change"]) for h in decided_hits(EXTRACTOR, text))


@pytest.mark.parametrize("text,expected", [
    ("Outcome Measures\n1. Primary Outcome: Change From Baseline in HbA1c at 12 Months\nTime Frame: Baseline and 12 months\n"
     "                                   BM-MNC          Standard care\nNumber Analyzed                    22              23\n"
     "Mean (Standard Deviation), %       -0.9 (0.7)      -0.2 (0.6)\n", [(None, None, -0.9), (None, None, -0.2)]),
    ("1. Primary Outcome: HbA1c at Week 52\nTime Frame: 52 weeks\n                 UC-MSC     Placebo\n"
     "Number Analyzed  18         19\nMean (SD) (%)    7.1 (0.6)  7.9 (0.8)\n", [(None, 7.1, None), (None, 7.9, None)]),
    # traps: a proportion of participants, a row whose label names no unit
    ("1. Primary Outcome: Participants With HbA1c Below 7% at 12 Months\nTime Frame: 12 months\n"
     "                 UC-MSC     Placebo\nPercentage of participants, %    45.5    20.0\n", []),
    ("1. Primary Outcome: Change From Baseline in HbA1c at 12 Months\nTime Frame: 12 months\n"
     "                 UC-MSC     Placebo\nMean (SD)    -0.9 (0.7)    -0.2 (0.6)\n", []),
])
def test_registry_outcome_spaced(text, expected):
    assert _hba1c(text) == expected


# ---- one patient's durability inside a cohort is no follow-up; the colloquial "两年下来" is a time point ----
@pytest.mark.parametrize("text,fu", [
    ("該院為7名第一型糖尿病病人進行胰島細胞移植，糖化血色素由8.9%降至6.1%。其中一名35歲的林小姐，13歲確診；她在2023年"
     "接受第二次移植後就停用胰島素，至今已超過2年。", []),
    ("该院为7名1型糖尿病患者进行胰岛细胞移植，HbA1c由8.9%降至6.1%。其中一位45岁的王先生停用胰岛素，至今已有3年，血糖稳定。", []),
    ("Seven adults with type 1 diabetes received donor islet transplants; HbA1c fell from 8.9% to 6.1%. One of the seven, "
     "a 35-year-old teacher, stopped insulin after her second transplant. Two years on, she still needs no insulin.", []),
    ("156名2型糖尿病患者每人打两次脐带干细胞，每次1个亿的细胞。两年下来，糖化血红蛋白从8.7降到了7.6。", [730]),
    ("156名第2型糖尿病患者每人打兩次臍帶幹細胞。兩年下來，糖化血紅蛋白從8.7降到了7.6。", [730]),
    # traps: the patient of a case report; years of anything else
    ("一名1型糖尿病患者接受胰岛细胞移植，移植至今已有5年，血糖控制良好。", [1826]),
    ("这两年下来，医院的门诊量翻了一番。共纳入30例2型糖尿病患者接受脐带干细胞输注，HbA1c由8.5%降至7.1%。", []),
])
def test_one_patients_durability(text, fu):
    assert record(text)["fu"] == fu


# ---- a spoken classifier before 亿: "1个亿的细胞" is 1亿 cells ----
@pytest.mark.parametrize("text,cells", [
    ("156名2型糖尿病患者每人打两次，每次1个亿的脐带干细胞。", 1e8),
    ("156名第2型糖尿病患者每人打兩次，每次1個億的臍帶幹細胞。", 1e8),
    ("30名2型糖尿病患者每次输注两个亿干细胞。", 2e8),
])
def test_spoken_hundred_million(text, cells):
    from extract.document import SourceDoc as _S
    recs = process_source(_S("t.txt", text, "txt")).records
    assert [d.cells_min for r in recs for d in r.doses] == [cells]


@pytest.mark.parametrize("text,value", [("1个亿", 1e8), ("两个億", 2e8), ("一个亿", 1e8), ("1亿", 1e8), ("3个", None)])
def test_spoken_classifier_number(text, value):
    from extract.numbers import parse_number
    assert parse_number(text) == value


# ---- a cell-free product made by the cells names no cell type of the study ----
@pytest.mark.parametrize("text,cells", [
    ("一项动物研究显示，hAESC外泌体连续给药8周，可使db/db小鼠空腹血糖下降约35%。另有30例2型糖尿病患者接受脐带间充质干细胞输注，HbA1c由8.5%降至7.4%。",
     ["UC-MSC"]),
    ("一項動物研究顯示，人羊膜上皮幹細胞來源的外泌體可使db/db小鼠血糖下降。另有30例第2型糖尿病患者接受臍帶間充質幹細胞輸注，HbA1c由8.5%降至7.4%。",
     ["UC-MSC"]),
    ("In mice, MSC-derived exosomes lowered glucose. Separately, 30 adults with type 2 diabetes received umbilical cord MSC "
     "infusions and HbA1c fell from 8.5% to 7.4%.", ["UC-MSC"]),
    # trap: the cells themselves given
    ("30例2型糖尿病患者接受人羊膜上皮干细胞输注，HbA1c由8.9%降至7.9%。", ["hAESC"]),
])
def test_cell_free_product(text, cells):
    assert record(text)["cells"] == cells


# ---- a product tried on patients for a time (spoken) ----
@pytest.mark.parametrize("text,fu", [
    ("奎隆先前另一款胚胎干细胞产品QN-201，在6名1型糖尿病患者身上试了一年，HbA1c几乎没有变化，已经喊停。", [365]),
    ("奎隆先前另一款胚胎幹細胞產品QN-201，6名第一型糖尿病病人試了一年，糖化血色素幾乎沒有變化，已經喊停。", [365]),
    # trap: a diet tried by a patient
    ("30例2型糖尿病患者接受脐带间充质干细胞输注，HbA1c由8.5%降至7.4%。此前她试了一年的饮食控制。", []),
])
def test_tried_for(text, fu):
    assert record(text)["fu"] == fu


@pytest.mark.parametrize("text,fu", [
    # a case report's own patient, and "one of the authors" is no patient of a cohort
    ("A 31-year-old man with type 1 diabetes received the cells. Two and a half years on, he still needs no insulin.", [913]),
    ("Nine adults with type 1 diabetes received islet cells, said Dr Lee, one of the authors. Two years on, he said, HbA1c "
     "remained below 7%.", [730]),
])
def test_durability_kept(text, fu):
    assert record(text)["fu"] == fu
