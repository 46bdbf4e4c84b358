"""Field-value classes seen on blind12, each with examples of our own (zh / zh-Hant / en) and traps, through the whole
pipeline: allocation by random-number table, a retrospective series without controls, a record review; a second dose
dated from baseline or told as an ellipsis; ESC lines with an article or kind; donor islets beside a stem-cell aside;
a value compared with the pre-transplant one; GB/T source lines; durability since the procedure; a follow-up to be
extended; a patient's story in a cohort; the next trial's registry id."""
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
    return {"design": r.study.design, "cells": sorted(r.study.cell_types), "date": r.study.pub_date,
            "fu": [round(f.days) for f in r.follow_up], "reg": ({g.infusions for g in r.regimen} - {None}, {g.interval_days for g in r.regimen} - {None}),
            "ids": sorted(r.study.registry_ids), "totals": sorted(c.n for c in r.cohort_sizes if c.role == "total"),
            "hba1c": [(h.before, h.after) for h in r.hba1c]}


@pytest.mark.parametrize("text,expected", [
    # the allocation method named: a random-number table, blocks, envelopes
    ("选取我院收治的86例2型糖尿病患者,采用随机数字表法分为观察组和对照组,各43例,观察组输注脐带间充质干细胞。", "rct"),
    ("選取本院收治的86例第2型糖尿病患者,按隨機數字表法分成兩組,每組43例,治療組輸注臍帶間充質幹細胞。", "rct"),
    ("采用随机区组法将120例2型糖尿病患者分为两组,干细胞组接受脐带间充质干细胞输注。", "rct"),
    # a retrospective series "without a control group" is observational, not a single-arm trial
    ("该院公布一项自体脂肪间充质干细胞治疗2型糖尿病的回顾性分析,共42名患者接受治疗。这项分析没有设立对照组。", "observational"),
    ("該院公布一項回溯性研究,共42名第2型糖尿病患者接受自體脂肪幹細胞治療,沒有對照組。", "observational"),
    ("In this retrospective series, 42 patients with type 2 diabetes received adipose-derived MSCs; there was no control group.",
     "observational"),
    ("The study reviewed the records of all 48 adults with type 1 diabetes who received donor islet transplants.", "observational"),
    # traps: no control and nothing retrospective stays single-arm; a sampling table is no allocation
    ("该研究为非随机、无对照的开放标签研究,共纳入20名2型糖尿病患者接受脐带间充质干细胞输注。", "single_arm_trial"),
])
def test_design(text, expected):
    assert record(text)["design"] == expected


@pytest.mark.parametrize("text,expected", [
    ("UC-MSCs (1 × 10^6 cells/kg) were given intravenously at baseline and again after 12 weeks to 60 patients with type 2 diabetes.",
     ({2}, {84.0})),
    ("Thirty adults with type 1 diabetes were infused intravenously at 2 × 10^6 cells/kg at baseline and again at month 6 with "
     "bone marrow MSCs.", ({2}, {180.0})),
    ("Each of the 30 participants with type 1 diabetes received two intra-venous infusions of bone marrow MSCs, the first at "
     "week 0 and the second six months later.", ({2}, {180.0})),
    ("60名2型糖尿病患者按每公斤体重100万个细胞静脉输注脐带间充质干细胞,第一次输注12周后再输注一次。", ({2}, {84.0})),
    ("60名第2型糖尿病患者靜脈輸注臍帶間充質幹細胞,首次回輸3個月後再回輸一次。", ({2}, {90.0})),
    # trap: a measurement repeated, no second dose
    ("Sixty patients with type 2 diabetes received one infusion of UC-MSCs; HbA1c was measured at baseline and again after "
     "12 weeks.", ({1}, set())),
])
def test_second_dose(text, expected):
    assert record(text)["reg"] == expected


@pytest.mark.parametrize("text,expected", [
    ("BRS-112 is manufactured from an allogeneic human embryonic stem cell line; 12 adults with type 1 diabetes received it.",
     ["ESC-islet"]),
    ("BRS-112由同种异体人胚胎干细胞分化而来,12名1型糖尿病患者接受了输注。", ["ESC-islet"]),
    ("BRS-112由同種異體人胚胎幹細胞分化而來,12名第1型糖尿病患者接受了輸注。", ["ESC-islet"]),
    # donor islets named throughout; the centre's stem-cell trial is an aside
    ("48 adults with type 1 diabetes received donor islet transplants. Islet transplants were done in two infusions. "
     "Most islet transplants worked; islet infusions were safe. The centre is also a site for a trial of stem cell-derived islets.",
     ["islet"]),
])
def test_cell_type(text, expected):
    assert record(text)["cells"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Forty-eight patients with type 1 diabetes received donor islets. Five years after the last infusion, median HbA1c was "
     "5.9%, compared with 8.3% before the first transplant.", [(None, 5.9), (8.3, None)]),
    ("Thirty patients with type 2 diabetes received UC-MSCs. Two years on, HbA1c was 6.4%, compared to 8.7% before treatment.",
     [(None, 6.4), (8.7, None)]),
])
def test_compared_with_before(text, expected):
    assert record(text)["hba1c"] == expected


@pytest.mark.parametrize("text,expected", [
    ("Chinese woman off insulin after islet transplant / A 41-year-old woman with type 1 diabetes received islets made from "
     "her own reprogrammed stem cells. Eighteen months after the procedure she still does not need insulin.", [548]),
    ("一名41岁1型糖尿病女性接受了自体干细胞来源胰岛移植。术后18个月,她仍然不需要注射胰岛素。", [548]),
    ("一名41歲第1型糖尿病女性接受了自體幹細胞來源胰島移植,已擺脫胰島素超過1年。", [365]),
    # a follow-up to be extended is a plan
    ("该研究共纳入86名2型糖尿病患者输注脐带间充质干细胞,随访6个月。下一步团队将扩大样本量,并延长随访时间至2年。", [183]),
])
def test_follow_up(text, expected):
    assert record(text)["fu"] == expected


@pytest.mark.parametrize("text,expected", [
    ("该研究共纳入86名2型糖尿病患者,输注脐带间充质干细胞。58岁的王阿姨参加研究前每天要打28个单位胰岛素。", [86]),
    ("該院共42位病友接受自體脂肪幹細胞治療。65歲陳先生治療前糖化血色素超過10%。", [42]),
    # trap: a case report keeps its one patient
    ("58岁的王阿姨患2型糖尿病12年,接受了脐带间充质干细胞输注。", [1]),
])
def test_story_in_cohort(text, expected):
    assert record(text)["totals"] == expected


@pytest.mark.parametrize("text,expected", [
    ("A 41-year-old woman with type 1 diabetes received islets made from her own stem cells. Pan's team has registered a "
     "trial (ChiCTR2600104417) to treat 10 more patients starting next year.", []),
    ("一名41岁1型糖尿病女性接受了自体干细胞来源胰岛移植。团队已登记一项新的临床研究(ChiCTR2600104417),计划再纳入10名患者。", []),
    # trap: the study's own trial, still enrolling
    ("The phase 1/2 trial (NCT06877421) of BRS-112 in type 1 diabetes is expected to enroll up to 17 participants; 12 have "
     "received islet cells.", ["NCT06877421"]),
])
def test_next_trial_id(text, expected):
    assert record(text)["ids"] == expected


@pytest.mark.parametrize("text,expected", [
    # a table whose columns are the time points, its spaces full-width or single
    ("42位病友接受自體脂肪幹細胞治療,結果如下: / 項目\u3000治療前\u3000治療後12個月 / 糖化血色素HbA1c(%)\u30009.1\u30007.8 / "
     "空腹血糖(mg/dL)\u3000186\u3000142", [(9.1, None), (None, 7.8)]),
    ("42名2型糖尿病患者接受脐带间充质干细胞治疗,结果如下: / 项目 基线 治疗后6个月 / HbA1c(%) 8.9 7.2", [(8.9, None), (None, 7.2)]),
    ("Forty patients with type 2 diabetes received UC-MSCs. / Measure Baseline Month 12 / HbA1c (%) 8.4 7.1",
     [(8.4, None), (None, 7.1)]),
    # the first row on the header's line, a P-value column, the next measure's rows after
    ("Thirty patients with type 1 diabetes received BM-MSC or placebo. / Table 2 Outcomes (mean ± SD) / "
     "HbA1c, % Baseline 9.8 ± 1.6 9.6 ± 1.9 0.77 / Month 12 6.6 ± 0.7 7.1 ± 0.9 0.11 / "
     "Stimulated C-peptide AUC, nmol/L Baseline 0.62 ± 0.21 0.60 ± 0.19 0.81", [(9.8, None), (9.6, None), (None, 6.6), (None, 7.1)]),
])
def test_flat_time_tables(text, expected):
    assert sorted(record(text)["hba1c"], key=lambda v: (v[0] is None, v)) == sorted(expected, key=lambda v: (v[0] is None, v))


def test_flat_table_without_time_points():
    # trap: a header of sexes, not time points, makes no value a post-treatment one
    got = record("42名2型糖尿病患者接受脐带间充质干细胞治疗: / 项目 男性 女性 / HbA1c(%) 8.9 7.2")["hba1c"]
    assert all(after is None for _, after in got)


@pytest.mark.parametrize("text,expected", [
    ("Thirty participants with type 1 diabetes were randomised to BM-MSC or placebo. There were 47 adverse events in 19 "
     "participants, none serious.", [30]),
    ("Forty-eight adults with type 1 diabetes received donor islets; there were 11 complications in 9 patients.", [48]),
])
def test_events_in_persons(text, expected):
    assert record(text)["totals"] == expected


@pytest.mark.parametrize("text,expected", [
    ("As of the data cutoff, 12 participants with type 1 diabetes had been dosed with islet cells: two in Part A, who received a "
     "half dose of approximately 350 million cells, and 10 in Part B, who received the full dose.", [2, 10]),
    ("Thirty patients with type 1 diabetes were randomised: 20 to MSC, which were given twice, and 10 to placebo.", [10, 20]),
])
def test_arms_with_relative_clause(text, expected):
    recs = process_source(SourceDoc("t.txt", text, "txt")).records
    assert sorted(c.n for c in recs[0].cohort_sizes if c.role == "arm") == expected


@pytest.mark.parametrize("text,expected", [
    ("Thirty adults with type 1 diabetes were randomised: 20 to MSC and 10 to placebo. Two participants in the MSC group withdrew "
     "(relocation, n = 1; pregnancy, n = 1).",
     ([30], [10, 20])),
    # trap: arms named in a sentence of events stay arms
    ("Thirty adults with type 1 diabetes received MSC (n = 20) or placebo (n = 10); adverse events were mild.", ([30], [10, 20])),
])
def test_reason_and_event_brackets(text, expected):
    recs = process_source(SourceDoc("t.txt", text, "txt")).records
    c = recs[0].cohort_sizes
    assert (sorted(x.n for x in c if x.role == "total"), sorted(x.n for x in c if x.role == "arm")) == expected


@pytest.mark.parametrize("text,expected", [
    ("Twelve patients with type 1 diabetes received islet cells. The team has registered a trial to treat 10 more patients "
     "starting next year.", [12]),
    ("12名1型糖尿病患者接受了干细胞来源胰岛移植。团队计划再纳入10名患者。", [12]),
    ("12名第1型糖尿病患者接受了幹細胞來源胰島移植。團隊計劃再納入10名患者。", [12]),
])
def test_further_persons(text, expected):
    assert record(text)["totals"] == expected
