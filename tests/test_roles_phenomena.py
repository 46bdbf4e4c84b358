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


# ---- blind11 round: counts that are no cohort size (an outcome said colloquially, a ratio, a country's people, an
# enrolment still to come, a table cell before the next row's label), in the three scripts ----
@pytest.mark.parametrize("text,totals,arms", [
    # an outcome: the persons who stopped insulin, of a larger cohort
    ("Stem cell islets let two people with type 1 diabetes stop insulin. Four adults with type 1 diabetes received "
     "the cells.", [4], []),
    ("2名第一型糖友停打胰島素。團隊為4名第一型糖尿病患者植入胰島細胞。", [4], []),
    ("2名1型糖友停打胰岛素。团队为4名1型糖尿病患者植入胰岛细胞。", [4], []),
    ("研究纳入10名1型糖尿病患者，其中3名患者不用再打胰岛素。", [10], []),
    ("Ten adults with type 1 diabetes were implanted; three came off insulin within a year.", [10], []),
    # a ratio
    ("Fewer than one in four adults reach an HbA1c below 7%. Twenty patients with type 1 diabetes received MSC.",
     [20], []),
    ("About 1 in 10 people with diabetes have type 1. Twelve participants with type 1 diabetes received islets.",
     [12], []),
    # a country's people
    ("Taiwan has about 14,000 people with type 1 diabetes. Four adults with type 1 diabetes received the cells.",
     [4], []),
    ("China has more than 140,000 children with type 1 diabetes. Thirty children with type 1 diabetes were treated.",
     [30], []),
    # an enrolment still to come: next year, "will again take in", a trial to be launched
    ("團隊為4名第一型糖尿病患者植入細胞。醫院明年將再收8名病人，擴大收案。", [4], []),
    ("团队为4名1型糖尿病患者植入细胞。医院明年将再收8名病人。", [4], []),
    ("12名1型糖尿病患者接受植入，公司说明年启动约60人的关键性试验。", [12], []),
    # a table's last cell before the next row's label; the STARTED row of a flattened table gives the arms
    ("Participant Flow\n | Cohort A | Cohort B\nSTARTED | 3 | 9\nCOMPLETED month 12 | 3 | 8\n"
     "Twelve participants with type 1 diabetes received islet cells.", [12], [3, 9]),
    # no match (the count stays): a plain result of the whole cohort, a count after "in" that is no ratio
    ("Four adults with type 1 diabetes received the cells and stopped insulin.", [4], []),
    ("In 2021, 24 patients with type 2 diabetes were treated in three centres.", [24], []),
    ("研究团队已为30名2型糖尿病患者输注干细胞。", [30], []),
])
def test_not_cohort_sizes_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


# ---- blind11 round: a trial still to come sized in the text; a group's share said again with its size ----
@pytest.mark.parametrize("text,totals,arms", [
    ("Twenty adults with type 2 diabetes received AD-MSC. Our data support a controlled trial with 120 patients, "
     "planned for 2027.", [20], []),
    ("Twenty adults with type 2 diabetes received AD-MSC. A phase 3 study of about 400 participants is planned.",
     [20], []),
    ("20例2型糖尿病患者接受了干细胞治疗。一项约120人的III期试验计划于明年启动。", [20], []),
    ("20例第2型糖尿病患者接受了幹細胞治療。一項約120人的III期試驗計劃於明年啟動。", [20], []),
    ("Sixty-four adults with type 2 diabetes chose either AD-MSC (n = 42) or standard care (n = 22). 17 of 42 "
     "treated patients reached an HbA1c below 7.0%.", [64], [22, 42]),
    # no match: a conducted trial, even one "planned as" a pilot
    ("The trial enrolled 40 patients with type 2 diabetes; it was planned as a pilot and showed a fall in HbA1c.", [40], []),
    ("A trial with 30 patients with type 2 diabetes was published in 2020.", [30], []),
])
def test_trial_to_come_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


# ---- blind11 round: a bare "n = 64" as a field of a study summary, groups named before their sizes ----
@pytest.mark.parametrize("text,totals,arms", [
    ("Paper 1: AD-MSC for type 2 diabetes\n- n = 64（treatment 42 vs. control 22）\n- dose 2×10^6 cells/kg",
     [64], [22, 42]),
    ("Paper 2: AD-MSC for type 2 diabetes\n- Design: single-arm\n- n = 20\n- Follow-up: 6 months", [20], []),
    ("研究二：2型糖尿病\n样本量：n=64（治疗组42，对照组22）", [64], [22, 42]),
    ("研究二：第2型糖尿病\n樣本量：n=64（治療組42，對照組22）", [64], [22, 42]),
    ("Sixty patients (MSC 30, placebo 30) with type 2 diabetes received cells.", [60], [30, 30]),
    # no match: trials counted, a bracketed group size, two values compared in brackets
    ("Meta-analysis of MSC in type 1 diabetes\n- n = 17 trials", [], []),
    ("Patients with type 2 diabetes received MSCs (n = 33) or placebo (n = 31).", [], [31, 33]),
    ("Thirty patients with type 2 diabetes received MSC. HbA1c (MSC 8.1 vs. placebo 8.3) did not differ.", [30], []),
])
def test_summary_fields_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


# ---- blind11 round: patients on a waiting list are not the treated cohort ----
@pytest.mark.parametrize("text,totals,arms", [
    ("本院目前等候名单有9位病人，平均等候约1年半。已有6位1型糖尿病患者接受胰岛移植。", [6], []),
    ("本院目前等候名單有９位病人，平均等候約１年半。已有６位第一型糖尿病患者接受胰島移植。", [6], []),
    ("The waiting list now has 15 patients. Eight adults with type 1 diabetes have received islet transplants.", [8], []),
    ("Eight adults with type 1 diabetes have received islets; 20 patients are on the waiting list.", [8], []),
    # no match: a wait before the treatment, told in another clause
    ("经过6个月的等待，30名1型糖尿病患者接受了胰岛移植。", [30], []),
    ("After a wait of three months, 20 patients with type 1 diabetes received islet transplants.", [20], []),
])
def test_waiting_list_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


# ---- blind11 round: an event whose verb is said once for two counts, a meeting's audience told by the verb after
# the count, an outcome in a later clause of an allocated count ----
@pytest.mark.parametrize("text,totals,arms", [
    ("Twelve participants with type 1 diabetes received VTL-308. Implant site pain occurred in 7 participants and "
     "hypoglycemia in 3 participants.", [12], []),
    ("Forty patients with type 2 diabetes received MSC; mild fever in 2 patients resolved within a day.", [40], []),
    ("In 2025 the hospital treated 14 patients with type 1 diabetes with islets; 4,000 people attended the congress.",
     [14], []),
    ("研究纳入30名2型糖尿病患者。会上，2000名代表出席了开幕大会。", [30], []),
    ("12名1型糖尿病患者接受植入，高剂量组9个有5个已经停打胰岛素。", [12], []),
    ("12名第一型糖尿病患者接受植入，高劑量組9個有5個已經停打胰島素。", [12], []),
    # no match: a trial presented at a meeting keeps its cohort; a count in an outcome's own clause is a part
    ("Thirty patients with type 2 diabetes were enrolled in the trial, which was presented at the annual meeting.",
     [30], []),
    ("Twenty patients with type 2 diabetes attended the clinic and received MSC.", [20], []),
])
def test_events_audience_outcome_clause_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


@pytest.mark.parametrize("text,totals,arms", [
    # a headline's outcome without its verb: the group's size said again in a share is no further arm
    ("Twelve participants received VTL-308: three in Cohort A and nine in Cohort B.\n- Five of nine participants in the "
     "target-dose cohort insulin independent at month 12", [12], [3, 9]),
    # no match: an arm that was treated keeps its size
    ("Twelve participants with type 1 diabetes were enrolled; nine participants in the target-dose cohort received "
     "600 million cells.", [12], [9]),
])
def test_headline_outcome_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)


# ---- blind11 round: a patient who asked the writer (a doctor's blog) is not a case treated ----
@pytest.mark.parametrize("text,totals,arms", [
    ("前几天一位52岁的T2D患者，HbA1c 9.4%，拿着某机构的宣传单来问我。研究纳入64例2型糖尿病患者。", [64], []),
    ("前幾天一位52歲的第2型糖尿病患者，拿著某機構的宣傳單來問我。研究納入64例第2型糖尿病患者。", [64], []),
    ("Last week a 52-year-old patient with type 2 diabetes asked me about stem cell clinics. In the trial, 64 "
     "patients with type 2 diabetes received AD-MSC.", [64], []),
    # no match: a patient treated, who asked afterwards
    ("A 52-year-old man with type 2 diabetes received stem cells and asked me whether to repeat them.", [1], []),
])
def test_inquirer_blind11(text, totals, arms):
    assert roles(text) == (totals, arms)
