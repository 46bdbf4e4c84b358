"""Regimen, round 2 on real text: the phenomena behind the training set's misses, each on our own sentences in
simplified Chinese, traditional Chinese and English side by side, with the traps that must not match."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.regimen import EXTRACTOR


def regimens(text: str) -> list[tuple[int | None, float | None]]:
    hits = decided_hits(EXTRACTOR, text)   # the real normaliser, language detection and matching view
    return sorted(((h.value["infusions"], h.value["interval_days"]) for h in hits), key=str)


@pytest.mark.parametrize("text,expected", [
    # one administration with a dose level between "a single" and "dose"
    ("The study involved intramuscular transplantation of a single low dose of HIP-modified islet cells into the "
     "forearm of one patient with type 1 diabetes.", [(1, None)]),
    ("Each participant with type 2 diabetes received a single high dose of MSCs.", [(1, None)]),
    ("This was a single dose-escalation study of stem cells in type 2 diabetes.", []),      # trap: a design
    # insulin the patients stopped is the outcome, not a dosed drug beside the count
    ("83%的重症1型糖尿病患者在单次输注后完全停用外源性胰岛素。", [(1, None)]),
    ("83%的重症第1型糖尿病患者在單次輸注後完全停用外源性胰島素。", [(1, None)]),
    ("After a single infusion, 10 of 12 patients with type 1 diabetes became insulin-free.", [(1, None)]),
    ("该患者接受单次移植后6个月停用胰岛素。", [(1, None)]),
    # traps: insulin dosed in the count's own clause
    ("患者每日注射胰岛素3次。", []),
    ("Patients injected insulin three times a day.", []),
    # a drug in another clause is another verb's
    ("患者每天注射胰岛素2次,并接受1次干细胞输注。", [(1, None)]),
    ("Patients continued insulin twice daily; MSCs were infused once.", [(1, None)]),
    # 每 counting persons is no interval
    ("研究计划入组36名1型糖尿病患者,每人接受一次细胞输注。", [(1, None)]),
    ("研究計劃入組36名第1型糖尿病患者,每人接受一次細胞輸注。", [(1, None)]),
    ("干细胞每月输注一次。", [(None, 30.0)]),                                            # trap: an interval
])
def test_single_administrations(text, expected):
    assert regimens(text) == expected


@pytest.mark.parametrize("text,expected", [
    # a schedule of doses from day 0, the unit before or after the list
    ("The experimental group will be given 0.75*10^6/kg umbilical cord MSCs intravenously at 0,1,5,6 week.",
     [(4, None)]),
    ("Patients with type 2 diabetes received UC-MSCs intravenously at weeks 0, 1, 5 and 6.", [(4, None)]),
    ("Patients with type 2 diabetes received UC-MSCs intravenously at 0, 4 and 8 weeks.", [(3, 28.0)]),
    ("患者于第0、1、5、6周接受脐带间充质干细胞静脉输注。", [(4, None)]),
    ("患者於第0、1、5、6週接受臍帶間充質幹細胞靜脈輸注。", [(4, None)]),
    # traps: visits, and time points counted from a dose
    ("HbA1c was measured at 3, 6 and 12 months.", []),
    ("After the infusion of cells, HbA1c was measured at weeks 4, 12 and 24 after the infusion.", []),
    ("C-peptide was measured at 0, 3 and 6 months after transplantation of the cells.", []),
])
def test_schedules(text, expected):
    assert regimens(text) == expected


@pytest.mark.parametrize("text,expected", [
    # an interval with a light verb before its count, and half a year apart
    ("受试者每3个月接受一次输注,持续一年。", [(None, 90.0)]),
    ("受試者每3個月接受一次輸注,持續一年。", [(None, 90.0)]),
    ("患者接受了2次干细胞移植,两次间隔半年。", [(2, 180.0)]),
    ("患者接受了2次幹細胞移植,兩次間隔半年。", [(2, 180.0)]),
    ("Patients received 1×10⁶ cells/kg of UC-MSCs three times at one-month intervals.", [(3, 30.0)]),
    ("患者每3个月接受一次复查。", []),                                                     # trap: a visit
])
def test_intervals(text, expected):
    assert regimens(text) == expected
