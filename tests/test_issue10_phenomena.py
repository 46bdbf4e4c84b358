"""Issue 10's "What must work" list, item by item, with examples of our own through the whole pipeline (normalise,
segment, extract, validate): design and cell-type cues, follow-up vs time point, regimen series, metadata formats.
Number forms, roles and flattened tables have their own files (test_number_forms, test_roles_phenomena,
test_flat_tables, test_follow_up_forms)."""
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
            "fu": [round(f.days) for f in r.follow_up],
            "reg": sorted((g.infusions, g.interval_days) for g in r.regimen)}


@pytest.mark.parametrize("text,expected", [
    # negated cues, idioms
    ("We conducted a non-placebo-controlled, open-label pilot study in which 18 patients with type 2 diabetes "
     "received adipose-derived MSC.", "single_arm_trial"),
    ("We report an open-label study with no randomization in which 24 patients with type 1 diabetes received islets.",
     "single_arm_trial"),
    ("该研究未设随机对照,24例2型糖尿病患者均接受了脐带间充质干细胞治疗。", "single_arm_trial"),
    ("該研究未設隨機對照,24例第2型糖尿病患者均接受了臍帶間充質幹細胞治療。", "single_arm_trial"),
    ("This randomized trial was not placebo-controlled; 40 patients with type 2 diabetes received UC-MSC or "
     "standard care.", "rct"),
    # a clinical case whose cells were made or expanded in vitro is no preclinical study
    ("研究人员在体外培养患者自身的干细胞,再回输给一名45岁的1型糖尿病男性。", "case_report"),
    ("Cells were expanded in vitro and infused into a 45-year-old man with type 1 diabetes.", "case_report"),
    ("研究團隊將一名58歲第2型糖尿病患者的血細胞重編程,並在體外誘導形成胰島組織後移植回患者體內。", "case_report"),
    # no match: an idiom is no design
    ("干细胞治疗走上了快车道。某医院为60名2型糖尿病患者实施了脐带间充质干细胞输注。", None),
])
def test_design_cues(text, expected):
    assert record(text)["design"] == expected


@pytest.mark.parametrize("text,expected", [
    # stem-cell-derived islets as a chain of steps, or named by the reprogramming
    ("研究人员在体外将患者的皮肤细胞诱导成胰岛细胞,再移植给一名39岁1型糖尿病女性。", ["iPSC-islet"]),
    ("研究人員在體外將患者的皮膚細胞誘導成胰島細胞,再移植給一名39歲第1型糖尿病女性。", ["iPSC-islet"]),
    ("Researchers reprogrammed the patient's own fat cells in the lab into islet-like clusters and implanted them "
     "in a 25-year-old woman with type 1 diabetes.", ["iPSC-islet"]),
    ("一名1型糖尿病女性接受了自体来源化学重编程胰岛移植,术后停用胰岛素。", ["iPSC-islet"]),
    # MPCs, slash-coordinated sources, donor islets without the word donor
    ("Mesenchymal precursor cells from adult donor bone marrow were given to 60 patients with type 2 diabetes.",
     ["BM-MSC"]),
    ("A trial of Bone Marrow/Umbilical Cord derived MSCs in Type 1 Diabetes enrolled 24 patients.",
     ["BM-MSC", "UC-MSC"]),
    ("一名52歲第1型糖尿病女性接受了兩次胰島移植。", ["islet"]),
    ("A 52-year-old man with type 1 diabetes received an islet infusion from a deceased pancreas.", ["islet"]),
    # no match: insulin sensitivity of fat cells is no cell product
    ("Thirty patients with type 2 diabetes whose fat cells were turned into insulin-resistant cells by obesity "
     "received umbilical cord MSC.", ["UC-MSC"]),
])
def test_cell_type_cues(text, expected):
    assert record(text)["cells"] == expected


@pytest.mark.parametrize("text,expected", [
    # durability and time points of the last assessment
    ("一名第1型糖尿病女性接受細胞回輸,療效已維持18個月以上。", [548]),
    ("A 52-year-old man with type 2 diabetes received the cells; the benefit has lasted more than 14 months so far.",
     [426]),
    ("十二名第1型糖尿病患者接受了胰島移植,在3年隨訪時,8人仍不需要胰島素。", [1096]),
    ("Twelve patients with type 1 diabetes received the islets. At the 3-year follow-up visit, 8 remained insulin "
     "independent.", [1096]),
    # no match: the time to an event
    ("一名1型糖尿病男性接受细胞移植,移植后第45天停用胰岛素。", []),
    ("A 35-year-old woman with type 1 diabetes got the cells and was off insulin 75 days after the transplant.", []),
])
def test_follow_up_vs_time_point(text, expected):
    assert record(text)["fu"] == expected


@pytest.mark.parametrize("text,expected", [
    ("18例2型糖尿病患者每两周输注一次脐带间充质干细胞,连续4次。", [(4, 14.0)]),
    ("18例第2型糖尿病患者每兩週輸注一次臍帶間充質幹細胞,連續4次。", [(4, 14.0)]),
    ("Eighteen patients with type 2 diabetes received UC-MSC every two weeks for a total of four infusions.",
     [(4, 14.0)]),
    ("18例2型糖尿病患者分别于第0、7、14天输注脐带间充质干细胞。", [(3, 7.0)]),
    # no match: a series of tests
    ("一名1型糖尿病患者注射一次干细胞,连续3次检测血糖均正常后出院。", [(1, None)]),
])
def test_regimen_series(text, expected):
    assert record(text)["reg"] == expected


@pytest.mark.parametrize("text,expected", [
    ("PMID: 31234567 / Diabetes Res Clin Pract. 2019 Mar;149:1-10. / Twenty patients with type 2 diabetes received "
     "adipose-derived MSC.", "2019-03"),
    ("J Diabetes. 2022 Jun;14(6):401-410. doi: 10.1111/1753-0407.13000. Epub 2022 May 20. / Twenty patients with "
     "type 2 diabetes received umbilical cord MSC.", "2022-06"),
    ("该成果于2022年发表在《中华糖尿病杂志》上,共纳入40名2型糖尿病患者接受脐带间充质干细胞治疗。", "2022"),
    ("該成果於2022年發表在《中華糖尿病雜誌》上,共納入40名第2型糖尿病患者接受臍帶間充質幹細胞治療。", "2022"),
    ("A study (Stem Cell Res Ther, 2023) treated 40 patients with type 2 diabetes with umbilical cord MSC.", "2023"),
])
def test_metadata_dates(text, expected):
    assert record(text)["date"] == expected
