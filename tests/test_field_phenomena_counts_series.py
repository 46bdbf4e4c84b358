"""Field-value classes of counts, series and time points, with examples of our own (zh / zh-Hant / en) and traps, through
the whole pipeline: administrations summed over a cohort; a series counted after its interval, in doses, colloquially;
a count of trials before a person noun; adverse events broken down in brackets; an each-group size restating named arms
or after the enrolment verb 入组; groups named by their treatment with persons in brackets; events coordinated over
groups; sizes per dose level; a large tally of the local population; a look back on patients' records; donated islets;
a registry outcome table in spaced columns; one patient's durability inside a cohort; the colloquial 年下来; a spoken
classifier before 亿; a cell-free product made by the cells; a product tried on patients for a time."""
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
    ("2019年以来，某医院为9名1型糖尿病患者做了异体胰岛移植，这9名患者前后共接受15次移植，HbA1c由9.2%降至6.6%。", set()),
    ("本院自2020年起為11位第一型糖尿病病人施行胰島移植，累計移植17次，糖化血色素由9.4%降至6.8%。", set()),
    ("Nine adults with type 1 diabetes were treated with donor islets in Porto; over four years they underwent "
     "15 islet infusions altogether; HbA1c dropped from 9.2% to 6.6%.", set()),
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
    ("32例2型糖尿病患者经静脉回输脐带间充质干细胞，每两周1次，连续3次。", {3}, {14.0}),
    ("32例第2型糖尿病患者接受骨髓幹細胞回輸，每週1次，連續5次。", {5}, {7.0}),
    ("30例2型糖尿病患者输注脐带间充质干细胞，每4周输注1次，共3次。", {3}, {28.0}),
    ("Thirty adults with type 2 diabetes received umbilical cord MSCs every 4 weeks for three doses.", {3}, {28.0}),
    ("Thirty adults with type 1 diabetes received stem cell infusions once weekly for four infusions.", {4}, {7.0}),
    ("六十名一型糖尿病患者隨機分成兩組，治療組經外周靜脈輸注三劑骨髓幹細胞，每劑相隔兩個月。", {3}, {60.0}),
    ("60名1型糖尿病患者随机分成两组，治疗组共接受三剂骨髓干细胞，相隔两个月。", {3}, {60.0}),
    ("36位2型糖尿病病友在门诊输注脐带干细胞，一个月一针，连打三针，糖化平均降了0.8个点。", {3}, {30.0}),
    ("36位第2型糖尿病患者接受臍帶幹細胞治療，兩週一次，共輸注5次。", {5}, {14.0}),
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
    ("A pooled analysis combined 14 controlled trials with 736 patients. Across six trials recruiting children under 12, "
     "the benefit was larger.", [736], []),
    ("The review pooled 10 RCTs with 525 adults; in three studies including participants over 65, the effect was weaker.",
     [525], []),
    # adverse events broken down in brackets are no groups
    ("共纳入56例2型糖尿病患者，随机分为细胞治疗组与常规治疗组，每组28例。细胞治疗组发生3例不良反应（2例发热、1例皮疹）。",
     [56], [28, 28]),
    ("共納入56例第2型糖尿病患者，隨機分為細胞治療組與常規治療組，每組28例。細胞治療組發生3例不良反應（2例發熱、1例皮疹）。",
     [56], [28, 28]),
    ("Fifty-six adults with type 2 diabetes were randomized, 28 per group. Side effects were "
     "reported in 3 patients (2 fever, 1 rash).", [56], [28, 28]),
    # the enrolment verb 入组 names no group; a per-group size after named arms restates them
    ("该试验于2021年9月开始入组，共62例2型糖尿病患者随机分为细胞组与安慰剂组，每组31例。", [62], [31, 31]),
    ("Thirty adults with type 1 diabetes were randomised (MSC n = 15; sham n = 15). / Flow diagram. "
     "41 assessed for eligibility; 30 randomised; 15 per arm completed.", [30], [15, 15]),
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
    ("Fifty adults with type 2 diabetes were allocated at random to bone marrow mononuclear cells (25 patients) "
     "or usual care (25 patients).", [50], [25, 25]),
    ("50例2型糖尿病患者随机接受骨髓单个核细胞(25例)或常规治疗(25例)。", [50], [25, 25]),
    ("50例第2型糖尿病患者隨機接受骨髓單個核細胞（25例）或常規治療（25例）。", [50], [25, 25]),
    ("Fifty adults with type 2 diabetes were randomized. Chills were reported in four patients in the MSC arm "
     "and one in the control arm.", [50], []),
    ("A dose-finding study treated 16 adults with type 2 diabetes at two dose levels (2 and 5 million "
     "cells/kg; eight per dose level).", [16], [8, 8]),
    ("研究招募六十名第一型糖尿病患者，隨機分成兩組，每組三十人。本澳約有2萬名糖尿病患者。", [60], [30, 30]),
    ("研究纳入40名1型糖尿病患者接受干细胞治疗。全省约有3万名1型糖尿病患者。", [40], []),
    # traps: persons in brackets without an allocation are events or a cohort; a local hospital's small count stays
    ("Fifty adults with type 2 diabetes received cells. Side effects were mild nausea (4 patients) and "
     "a skin rash (2 patients).", [50], []),
    ("本市约有40名2型糖尿病患者在该院接受脐带间充质干细胞治疗，HbA1c由8.5%降至7.2%。", [40], []),
])
def test_cohort_groups(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


# ---- a look back on treated patients' records is observational; donated islets are islets ----
@pytest.mark.parametrize("text,design", [
    ("本院回溯分析了這12位接受胰島移植的第一型糖尿病病人的資料，中位追蹤期為19個月，糖化血色素由9.0%降至6.9%。", "observational"),
    ("我科回顾总结了35例输注骨髓干细胞的2型糖尿病病人的临床资料，HbA1c由8.8%降至7.7%，未设对照组。", "observational"),
    ("該科回顧整理了35例輸注骨髓幹細胞的第2型糖尿病病人的病歷，未設對照組。", "observational"),
    # trap: a look back on the literature
    ("作者回顾分析了近十年干细胞治疗糖尿病的文献。该院共纳入30例2型糖尿病患者接受干细胞输注，没有对照组。", "single_arm_trial"),
])
def test_look_back_design(text, design):
    assert record(text)["design"] == design


@pytest.mark.parametrize("text,cells", [
    ("Three of the four women given donated human pancreatic islets in Leeds were off insulin within a year; all had "
     "type 1 diabetes.", ["islet"]),
    ("For the trial in Leiden, islets were procured from pancreases of three brain dead donors and transplanted into five "
     "patients with type 1 diabetes.", ["islet"]),
    ("5位第一型糖尿病患者接受了過世捐贈者捐出的胰島細胞，糖化血色素由9.3%降至7.0%。", ["islet"]),
])
def test_donated_islets(text, cells):
    assert record(text)["cells"] == cells


# ---- a registry results page's outcome table laid out in spaced columns, the unit closing the row label ----
def _hba1c(text: str) -> list[tuple[Any, Any, Any]]:
    from tests.field_helpers import decided_hits
    from extract.fields.hba1c import EXTRACTOR
    return sorted((h.value["before"], h.value["after"], h.value["change"]) for h in decided_hits(EXTRACTOR, text))


@pytest.mark.parametrize("text,expected", [
    ("Outcome Measures\n1. Primary Outcome: Change in HbA1c From Week 0 to Week 26\nTime Frame: Week 0 and week 26\n"
     "                              WJ-MSC        Usual care\nNumber Analyzed               16            17\n"
     "Mean (Standard Deviation), %  -1.2 (0.8)    -0.4 (0.5)\n", [(None, None, -1.2), (None, None, -0.4)]),
    ("1. Primary Outcome: HbA1c at Week 52\nTime Frame: 52 weeks\n                 UC-MSC     Placebo\n"
     "Number Analyzed  18         19\nMean (SD) (%)    7.1 (0.6)  7.9 (0.8)\n", [(None, 7.1, None), (None, 7.9, None)]),
    # traps: a proportion of participants, a row whose label names no unit
    ("1. Primary Outcome: Participants With HbA1c Below 7% at 12 Months\nTime Frame: 12 months\n"
     "                 UC-MSC     Placebo\nPercentage of participants, %    45.5    20.0\n", []),
    ("1. Primary Outcome: Change in HbA1c From Week 0 to Week 26\nTime Frame: 26 weeks\n"
     "                 WJ-MSC     Usual care\nMean (SD)    -1.2 (0.8)    -0.4 (0.5)\n", []),
])
def test_registry_outcome_spaced(text, expected):
    assert _hba1c(text) == expected


# ---- one patient's durability inside a cohort is no follow-up; the colloquial "两年下来" is a time point ----
@pytest.mark.parametrize("text,fu", [
    ("該院為9名第一型糖尿病病人施行胰島移植，糖化血色素由9.2%降至6.6%。其中一位52歲的陳先生，8歲發病，曾住院3次；他在2021年"
     "第三次移植後不再注射胰島素，至今已有3年。", []),
    ("该院为11名1型糖尿病患者做了胰岛移植，HbA1c由9.0%降至6.8%。其中一位28岁的赵女士停用胰岛素，至今已有4年，血糖平稳。", []),
    ("Nine adults with type 1 diabetes had donor islet transplants; HbA1c went from 9.2% to 6.6%. One of the nine, "
     "a 52-year-old farmer, came off insulin after his third transplant. Three years on, he still takes no insulin.", []),
    ("84名2型糖尿病病友每人打三次骨髓干细胞，每次2个亿的细胞。三年下来，糖化血红蛋白从9.1降到了7.8。", [1096]),
    ("84名第2型糖尿病患者每人打三次骨髓幹細胞。三年下來，糖化血紅蛋白從9.1降到了7.8。", [1096]),
    # traps: the patient of a case report; years of anything else
    ("一名1型糖尿病患者接受胰岛细胞移植，移植至今已有5年，血糖控制良好。", [1826]),
    ("这两年下来，医院的门诊量翻了一番。共纳入30例2型糖尿病患者接受脐带干细胞输注，HbA1c由8.5%降至7.1%。", []),
])
def test_one_patients_durability(text, fu):
    assert record(text)["fu"] == fu


# ---- a spoken classifier before 亿: "1个亿的细胞" is 1亿 cells ----
@pytest.mark.parametrize("text,cells", [
    ("84名2型糖尿病患者每人打三次，每次3个亿的骨髓干细胞。", 3e8),
    ("84名第2型糖尿病患者每人打三次，每次1個億的骨髓幹細胞。", 1e8),
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
    ("有大鼠实验发现，ADSC外泌体腹腔注射6周后，糖尿病大鼠的胰岛素敏感性明显改善。另有30例2型糖尿病患者接受脐带间充质干细胞输注，"
     "HbA1c由8.5%降至7.4%。", ["UC-MSC"]),
    ("有小鼠實驗指出，脂肪幹細胞來源的外泌體能降低血糖。另有30例第2型糖尿病患者接受臍帶間充質幹細胞輸注，HbA1c由8.5%降至7.4%。",
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
    ("贝岚公司早先的胰岛祖细胞产品BL-07，在9名1型糖尿病患者身上试了八个月，HbA1c改善有限，项目已终止。", [244]),
    ("另一款產品HX-3，4名第一型糖尿病病人試了兩年，糖化血色素變化不大，已停止開發。", [730]),
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
