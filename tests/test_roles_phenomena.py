"""Roles of counts (issue 10): the whole cohort vs its groups, outcome groups and events, in the three scripts.

Each row: (text, totals, arms) as the cohort extractor decides them over the real normaliser and view.
"""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cohort import EXTRACTOR


def roles(text: str) -> tuple[list[int], list[int]]:
    hits = decided_hits(EXTRACTOR, text)
    return (sorted(h.value["n"] for h in hits if h.value["role"] == "total"),
            sorted(h.value["n"] for h in hits if h.value["role"] == "arm"))


@pytest.mark.parametrize("text,totals,arms", [
    # a population's count followed by groups that add up to it is the whole cohort
    ("Participants with type 1 diabetes (N = 30) were assigned to Group A (n = 10), Group B (n = 12) and "
     "Group C (n = 8).", [30], [8, 10, 12]),
    ("Patients with type 2 diabetes (n = 30) were randomized to MSC (n = 15) or placebo (n = 15).", [30], [15, 15]),
    ("2型糖尿病患者(n=30)分为治疗组(n=15)和对照组(n=15)。", [30], [15, 15]),
    ("第2型糖尿病患者(n=30)分為治療組(n=15)和對照組(n=15)。", [30], [15, 15]),
    ("Patients (N = 28) with type 2 diabetes were split into three cohorts (Cohort 1, n = 14; Cohort 2, n = 9; "
     "and Cohort 3 receiving basal insulin, n = 5).", [28], [5, 9, 14]),
    # no match: a group whose size happens to equal the others' sum stays a group; groups by disease stay groups
    ("Thirty-six people with type 2 diabetes were divided into group A (n = 18), group B (n = 11) and group C "
     "(n = 7).", [36], [7, 11, 18]),
    ("36例2型糖尿病患者分为A组(n=18)、B组(n=11)和C组(n=7)。", [36], [7, 11, 18]),
    ("Patients with type 1 diabetes (n = 20) and type 2 diabetes (n = 25) received MSC.", [], [20, 25]),
    # outcome groups are not arms
    ("Sixteen patients with type 2 diabetes were treated. Responders (n = 11) showed a larger HbA1c decline than "
     "non-responders (n = 5).", [16], []),
    ("Fifty recipients with type 1 diabetes were followed: insulin-free recipients (n = 31) and recipients with "
     "graft failure (n = 19).", [50], []),
    ("Thirty-two patients with type 1 diabetes received islet grafts. Nineteen patients completed the protocol, and "
     "six patients with retinopathy needed laser therapy. Adverse events were mild: headache (n = 4) and "
     "nausea (n = 2).", [32], []),
    ("四十名2型糖尿病患者接受了脐带间充质干细胞治疗,其中35例完成随访,5例出现发热。", [40], []),
    ("四十名第2型糖尿病患者接受臍帶間充質幹細胞治療,其中35例完成隨訪,5例出現發熱。", [40], []),
    # background in the sentence before never makes the next sentence's count background
    ("More than 1,000 patients were registered worldwide. Thirty patients with type 2 diabetes received MSC.", [30], []),
    ("全球已有1000多名患者接受干细胞治疗。30例2型糖尿病患者接受了脐带间充质干细胞治疗。", [30], []),
    ("全球已有1000多名患者接受幹細胞治療。30例第2型糖尿病患者接受了臍帶間充質幹細胞治療。", [30], []),
    ("全国已有1000名患者接受干细胞治疗。", [], []),
    # one named patient of several is not the cohort
    ("研究团队报告了三名1型糖尿病患者的结果。第二例是一名45岁男性,治疗后停用胰岛素。", [3], []),
    ("The team reported results for three patients with type 1 diabetes. The second patient, a 41-year-old man, "
     "stopped insulin after 5 months.", [3], []),
])
def test_count_roles(text, totals, arms):
    assert roles(text) == (totals, arms)


def studies(text: str) -> list[int]:
    return sorted(h.value["n"] for h in decided_hits(EXTRACTOR, text) if h.value["role"] == "studies_included")


@pytest.mark.parametrize("text,expected", [
    # the studies' participants said between the count and its inclusion verb
    ("Fourteen RCTs involving 812 patients with type 2 diabetes were included in this meta-analysis.", [14]),
    ("Nine trials with 412 participants were included.", [9]),
    ("结果 共纳入14项有关干细胞治疗2型糖尿病的随机对照试验,涉及812名患者。", [14]),
    ("結果 共納入14項有關幹細胞治療第2型糖尿病的隨機對照試驗,涉及812名患者。", [14]),
    # no match: trials counted but not included; a list of trials' sizes
    ("Two trials involving 40 patients were registered worldwide.", []),
    ("Two small trials (20 and 21 participants) were reported earlier.", []),
])
def test_studies_included(text, expected):
    assert studies(text) == expected
