"""Every number form curators meet (issue 10), read by the real extractors in the sentences where it occurs.

Tables side by side in simplified Chinese, traditional Chinese and English: a cohort sentence (``totals``), a dose
sentence (``doses``), a follow-up sentence (``follow_up``), an HbA1c sentence (``hba1c``). Each table ends with its
traps (``# no match`` or a value that must not be read).
"""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cohort import EXTRACTOR as COHORT
from extract.fields.dose import EXTRACTOR as DOSE
from extract.fields.follow_up import EXTRACTOR as FOLLOW_UP
from extract.fields.hba1c import EXTRACTOR as HBA1C


def totals(text: str) -> list[int]:
    return sorted(h.value["n"] for h in decided_hits(COHORT, text) if h.value["role"] == "total")


def doses(text: str) -> list[tuple[float, float, bool]]:
    return sorted((h.value["cells_min"], h.value["cells_max"], h.value["per_kg"]) for h in decided_hits(DOSE, text))


def follow_up(text: str) -> list[float]:
    return sorted(h.value["days"] for h in decided_hits(FOLLOW_UP, text))


def hba1c(text: str) -> list[tuple]:
    return sorted((h.value.get("before"), h.value.get("after"), h.value.get("change"))
                  for h in decided_hits(HBA1C, text))


# ---- English compound number words, mixed Arabic/Chinese numerals: counts of persons ----
@pytest.mark.parametrize("text,expected", [
    ("One hundred and twelve patients with type 2 diabetes were assigned to two groups.", [112]),
    ("Two hundred and forty-five participants with type 1 diabetes were enrolled in the trial.", [245]),
    ("The trial enrolled one hundred twenty patients with type 2 diabetes.", [120]),
    ("Twenty-four adults with type 1 diabetes received the islets.", [24]),
    ("该研究共纳入3万4000名2型糖尿病患者。", [34000]),
    ("研究共纳入三万四千五百零七名2型糖尿病患者。", [34507]),
    ("研究共納入三萬四千五百零七名第2型糖尿病患者。", [34507]),
    ("该登记研究共纳入2万零300名糖尿病患者。", [20300]),
    # no match: a year at a line end is never a count on the next line; ages are not counts
    ("Accepted: January 9, 2023\nForty patients with type 2 diabetes received umbilical cord MSC.", [40]),
    ("Received: 2021\n45 patients with type 1 diabetes received cells.", [45]),
    ("收稿日期:2022\n30例2型糖尿病患者接受干细胞治疗。", [30]),
    ("A 45-year-old man with type 1 diabetes and two daughters received islets.", [1]),
])
def test_count_number_forms(text, expected):
    assert totals(text) == expected


# ---- approximations: "200余例", "30多名", "more than 30": the stated base is the count when the count is the
# subject that was treated; a comparison inside a sentence, or background, is not ----
@pytest.mark.parametrize("text,expected", [
    ("该院已为200余例2型糖尿病患者实施脐带间充质干细胞移植。", [200]),
    ("該院已為200餘例第2型糖尿病患者實施臍帶間充質幹細胞移植。", [200]),
    ("30多名1型糖尿病患者接受了干细胞治疗。", [30]),
    ("研究共纳入30余名1型糖尿病患者。", [30]),
    ("More than 30 patients with type 2 diabetes were treated with umbilical cord MSC.", [30]),
    ("Over 40 patients with type 1 diabetes received islet transplants.", [40]),
    ("Nearly 50 patients with type 1 diabetes took part in the trial of islet cells.", [50]),
    ("超过60名2型糖尿病患者接受了脐带间充质干细胞治疗。", [60]),
    ("The trial enrolled more than 30 patients with type 2 diabetes.", [30]),
    # no match: comparisons, outcomes, background
    ("Thirty patients with type 2 diabetes received cells. More than ten recipients remained insulin free.", [30]),
    ("Thirty patients with type 2 diabetes received cells; more than 20 patients reduced their insulin dose.", [30]),
    ("30例2型糖尿病患者接受了干细胞治疗,超过20名患者减少了胰岛素用量。", [30]),
    ("More than 400 million people worldwide have diabetes. Thirty patients with type 2 diabetes received MSC.", [30]),
])
def test_count_approximations(text, expected):
    assert totals(text) == expected


# ---- doses: mixed numerals, approximations, ranges, powers of ten (minus sign, lost superscripts, E notation) ----
@pytest.mark.parametrize("text,expected", [
    ("每位患者接受2千零30万个脐带间充质干细胞输注。", [(2.03e7, 2.03e7, False)]),
    ("每人接受25万6千个细胞/kg治疗。", [(2.56e5, 2.56e5, True)]),
    ("每次输注500余万个脐带间充质干细胞。", [(5e6, 5e6, False)]),
    ("每次輸注1000多萬個臍帶間充質幹細胞。", [(1e7, 1e7, False)]),
    ("每次输注十几万个细胞。", [(1e5, 1e5, False)]),
    ("Patients received 0.5 3 106/kg (n = 12) of the cells.", [(5e5, 5e5, True)]),
    ("Arm A: 2.5E+6 cells/kg, intravenous, in 20 patients.", [(2.5e6, 2.5e6, True)]),
    ("Each patient received 1.2 × 10(6) cells/kg intravenously.", [(1.2e6, 1.2e6, True)]),
    ("Patients received 100 million umbilical cord MSCs per infusion.", [(1e8, 1e8, False)]),
    ("Each patient received 2 × 10^6 autologous bone marrow mononuclear cells.", [(2e6, 2e6, False)]),
    ("Patients received 1,000,000 cells/kg of umbilical cord MSC.", [(1e6, 1e6, True)]),
    ("Patients received 500,000 cells/kg of umbilical cord MSC.", [(5e5, 5e5, True)]),
    ("每次输注1×10⁶/kg脐带间充质干细胞。", [(1e6, 1e6, True)]),
    ("每次輸注1.5億個臍帶間充質幹細胞。", [(1.5e8, 1.5e8, False)]),
    # ranges: one dose with both ends, however the range is said
    ("每次剂量在1×10^6/kg与2×10^6/kg之间。", [(1e6, 2e6, True)]),
    ("每次剂量介于1×10^6/kg和2×10^6/kg之间的脐带干细胞。", [(1e6, 2e6, True)]),
    ("每次劑量介於1×10^6/kg與2×10^6/kg之間的臍帶幹細胞。", [(1e6, 2e6, True)]),
    ("每次剂量介于1×10^6和2×10^6个细胞/kg之间。", [(1e6, 2e6, True)]),
    ("Patients received a dose of between 1 and 2 million cells/kg.", [(1e6, 2e6, True)]),
    ("Patients received between 1 × 10^6 and 3 × 10^6 cells/kg of umbilical cord MSC.", [(1e6, 3e6, True)]),
    ("Patients received 1-3 × 10^6 cells/kg of umbilical cord MSC.", [(1e6, 3e6, True)]),
    ("每次剂量为1~2×10^6/kg的脐带间充质干细胞。", [(1e6, 2e6, True)]),
    # no match: a list of dose levels stays a list; a minus exponent is no cell count; money and limits are no doses
    ("Patients received 1 × 10^6 and 3 × 10^6 cells/kg in two dose groups.", [(1e6, 1e6, True), (3e6, 3e6, True)]),
    ("患者分别接受1×10^6/kg和2×10^6/kg的脐带间充质干细胞。", [(1e6, 1e6, True), (2e6, 2e6, True)]),
    ("Patients aged between 30 and 60 years received 1 × 10^6 cells/kg.", [(1e6, 1e6, True)]),
    ("C-peptide rose after the cells were infused (P = 2.48×10−5).", []),
    ("输注细胞后差异显著(P=1.5×10−6)。", []),
    ("每次输注不超过1×10^8个细胞。", []),
    ("花了20多万做干细胞治疗。", []),
    ("Each islet contains about 1,000 cells.", []),
    ("In 2019, 30 patients with type 2 diabetes received umbilical cord MSCs.", []),
    ("The registry counted 120,000 patients given stem cells.", []),
    # a lone 萬/万/亿 opens no number: it is part of a name ("科萬提斯"); after a numeral it is one
    ("美國科萬提斯生技公司以人類胚胎幹細胞分化出胰島細胞。", []),
    ("美国科万提斯公司以人类胚胎干细胞分化出胰岛细胞。", []),
    ("每公斤体重输注一百万个细胞。", [(1e6, 1e6, True)]),
    ("每次輸注一億個幹細胞。", [(1e8, 1e8, False)]),
])
def test_dose_number_forms(text, expected):
    assert doses(text) == expected


# ---- composite durations, number words, halves: the follow-up in days ----
@pytest.mark.parametrize("text,expected", [
    ("研究纳入30例2型糖尿病患者,随访两年零三个月。", [822]),
    ("研究納入30例第2型糖尿病患者,隨訪兩年零三個月。", [822]),
    ("Thirty patients with type 1 diabetes were followed for 2 years and 3 months.", [822]),
    ("研究纳入30例2型糖尿病患者,随访一年半。", [548]),
    ("研究納入30例第2型糖尿病患者,隨訪一年半。", [548]),
    ("研究纳入30例2型糖尿病患者,随访一百零四周。", [728]),
    ("Thirty patients with type 1 diabetes were followed up for fifteen months.", [457]),
    ("Thirty patients with type 1 diabetes were followed for half a year.", [183]),
    ("A 31-year-old man with type 1 diabetes received the cells. Two and a half years on, he still needs no insulin.",
     [913]),
    ("研究纳入30例2型糖尿病患者,随访三年以上。", [1096]),
    ("Thirty patients with type 2 diabetes were followed for more than 3 years.", [1096]),
    # no match: a time to an event, an age, a disease duration
    ("一名1型糖尿病女性接受了细胞回输,移植60天后停用胰岛素。", []),
    ("A 35-year-old woman with type 1 diabetes was off insulin 75 days after the transplant.", []),
    ("一名病程12年的1型糖尿病患者接受了胰岛移植。", []),
])
def test_follow_up_number_forms(text, expected):
    assert follow_up(text) == expected


# ---- comparators and their negation: thresholds and criteria are not HbA1c values ----
@pytest.mark.parametrize("text,expected", [
    ("入选标准为HbA1c不小于7.5%的2型糖尿病患者。", []),
    ("納入標準為HbA1c不小於7.5%的第2型糖尿病患者。", []),
    ("40例2型糖尿病患者,HbA1c不超过9%。", []),
    ("Patients with type 2 diabetes and HbA1c >= 7.5% were enrolled.", []),
    ("Patients with type 2 diabetes and HbA1c ≥ 7.5% were enrolled.", []),
    ("Patients with type 2 diabetes and HbA1c no more than 10% were enrolled.", []),
    ("The target was HbA1c < 7.0%.", []),
    # a stated value beside a criterion is still read
    ("Patients with HbA1c ≥ 7.5% were enrolled; HbA1c fell from 8.6% to 6.9% at 12 months.", [(8.6, 6.9, None)]),
    ("入选HbA1c≥7.5%的患者,治疗后HbA1c由8.6%降至6.9%。", [(8.6, 6.9, None)]),
])
def test_hba1c_comparators(text, expected):
    assert hba1c(text) == expected


# ---- HbA1c changes stated as a range give both ends; percentages said in words (news transcripts) ----
@pytest.mark.parametrize("text,expected", [
    ("HbA1c下降0.5%~1.2%。", [(None, None, -1.2), (None, None, -0.5)]),
    ("治疗后HbA1c下降幅度在0.5%与1.2%之间。", [(None, None, -1.2), (None, None, -0.5)]),
    ("治療後HbA1c下降幅度介於0.5%與1.2%之間。", [(None, None, -1.2), (None, None, -0.5)]),
    ("After treatment HbA1c fell by between 0.5% and 1.2%.", [(None, None, -1.2), (None, None, -0.5)]),
    ("HbA1c decreased by 0.5 to 1.2 percentage points.", [(None, None, -1.2), (None, None, -0.5)]),
    ("治疗后HbA1c由百分之八点五降至百分之六点五。", [(8.5, 6.5, None)]),
    ("治療後糖化血紅蛋白由百分之八點五降至百分之六點五。", [(8.5, 6.5, None)]),
    ("治疗后糖化血红蛋白下降了一点二个百分点。", [(None, None, -1.2)]),
    ("治疗后糖化血红蛋白从百分之九降到百分之七。", [(9.0, 7.0, None)]),
    # no match: a criterion range stays a criterion; a proportion of patients said in words is no HbA1c value
    ("Patients with HbA1c between 7.5% and 10% were enrolled.", []),
    ("入选HbA1c介于7.5%和10%之间的患者。", []),
    ("治疗后百分之四十的患者HbA1c达标。", []),
])
def test_hba1c_ranges_and_spoken(text, expected):
    assert hba1c(text) == expected
