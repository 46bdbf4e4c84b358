"""Field-value classes seen on blind14, each with examples of our own (zh / zh-Hant / en) and traps, through the whole
pipeline: a baseline stated after the follow-up values ("started at", "at diagnosis", "确诊时"); an allocation whose
second part leaves out its verb; a control arm "kept on insulin alone" (只用), 只 as an adverb and not an animal
classifier."""
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
    return {"design": r.study.design, "fu": sorted(round(f.days) for f in r.follow_up),
            "before": sorted(h.before for h in r.hba1c if h.before is not None),
            "after": sorted(h.after for h in r.hba1c if h.after is not None),
            "change": sorted(h.change for h in r.hba1c if h.change is not None),
            "doses": sorted((d.min, d.per_kg) for d in r.doses),
            "totals": sorted(c.n for c in r.cohort_sizes if c.role == "total"),
            "arms": sorted(c.n for c in r.cohort_sizes if c.role == "arm")}


# ---- a baseline restated after the outcome values, in its own clause ----
@pytest.mark.parametrize("text,before,after", [
    ("Thirty adults with type 1 diabetes received umbilical cord MSCs. At 9 months, mean HbA1c was 7.1% in the "
     "treated arm and 8.0% in the control arm; both arms started at 9.6% and 9.8% at diagnosis.", [9.6, 9.8], [7.1, 8.0]),
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗。半年后，治疗组HbA1c平均为6.8%，对照组为7.5%；两组确诊时分别为9.9%及10.1%。",
     [9.9, 10.1], [6.8, 7.5]),
    ("30名第一型糖尿病病人接受臍帶間充質幹細胞治療。半年後，治療組糖化血紅素平均為6.8%，對照組為7.5%；兩組確診時分別為9.9%及10.1%。",
     [9.9, 10.1], [6.8, 7.5]),
    ("A woman with type 1 diabetes received islet cells. Her HbA1c started at 9.4% and came down to 7.0% after the "
     "second infusion.", [9.4], [7.0]),
    ("一名1型糖尿病患者接受胰岛细胞移植，确诊时HbA1c为11.2%，治疗后12个月降至6.9%。", [11.2], [6.9]),
    # traps: a group named after a break, with no cue of its own, keeps the previous group's roles
    ("Forty adults with type 2 diabetes received MSCs. The stem cell arm had HbA1c of 8.6% at baseline and 7.2% at "
     "52 weeks; in the placebo arm it was 8.5% and 8.3%.", [8.5, 8.6], [7.2, 8.3]),
])
def test_baseline_restated_after(text, before, after):
    r = record(text)
    assert (r["before"], r["after"]) == (before, after)


# ---- allocations: an elided second verb, a control arm on insulin alone ----
@pytest.mark.parametrize("text,totals,arms", [
    ("The trial enrolled 30 adolescents with type 1 diabetes. Twenty were randomised to receive umbilical cord MSCs "
     "and ten to receive insulin alone.", [30], [10, 20]),
    ("The trial enrolled 30 adolescents with type 1 diabetes; 20 were randomized to umbilical cord MSCs and 10 to "
     "insulin alone.", [30], [10, 20]),
    ("Sixty adults with type 2 diabetes took part: forty patients were assigned to MSC infusion and 20 to placebo.",
     [60], [20, 40]),
    ("研究纳入三十名1型糖尿病青少年，按二比一随机分组：二十人接受脐带间充质干细胞，十人只用胰岛素。", [30], [10, 20]),
    ("研究納入三十名第一型糖尿病青少年，以二比一隨機分組：二十人接受臍帶間充質幹細胞，十人只用胰島素。", [30], [10, 20]),
    ("研究納入三十名第一型糖尿病青少年，隨機分組：二十人接受臍帶間充質幹細胞，十人僅用胰島素。", [30], [10, 20]),
    # traps: one verb phrase and its second part, animals counted with 只
    ("Forty patients with type 2 diabetes were assigned to MSC infusion and followed for 12 months.", [40], []),
])
def test_allocation_arms(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


def test_animals_counted_with_zhi_are_no_cohort():
    r = record("研究纳入三十只糖尿病小鼠，随机分组：二十只接受脐带间充质干细胞，十只只用胰岛素。")
    assert (r["totals"], r["arms"]) == ([], [])
