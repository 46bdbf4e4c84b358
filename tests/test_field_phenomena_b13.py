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
