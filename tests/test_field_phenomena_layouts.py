"""Field-value classes of harder layouts and wordings, each with examples of our own (zh / zh-Hant / en) and traps,
through the whole
pipeline: a baseline restated after the outcome values ("began at", "at diagnosis", "确诊时"); allocations whose second
part leaves out its verb or its person noun; a control arm on its old treatment alone (只用); 只 as an adverb; outcome
states (remission) that are no groups; tables flattened to single-spaced lines under HbA1c headers; per-kg doses said
weight first; short counts of cells; follow-up counted from a dose, or only to be continued; MEDLINE continuation
lines; design cues (a controlled study, a trial in preparation, a dosed cohort beside mice)."""
from __future__ import annotations

from typing import Any

import pytest

from extract.document import SourceDoc
from extract.normalise import normalise
from extract.pipeline import process_source


def record(text: str) -> dict[str, Any]:
    """The one record of ``text`` (" / " is a line break), as a flat dict of the fields under test."""
    recs = process_source(SourceDoc("t.txt", text.replace(" / ", "\n"), "txt")).records
    assert len(recs) == 1, [r.study for r in recs]
    r = recs[0]
    return {"design": r.study.design, "fu": sorted(round(f.days) for f in r.follow_up),
            "before": sorted(h.before for h in r.hba1c if h.before is not None),
            "after": sorted(h.after for h in r.hba1c if h.after is not None),
            "doses": sorted((d.cells_min, d.per_kg) for d in r.doses),
            "totals": sorted(c.n for c in r.cohort_sizes if c.role == "total"),
            "arms": sorted(c.n for c in r.cohort_sizes if c.role == "arm"),
            "inf": {g.infusions for g in r.regimen} - {None}}


# ---- a baseline restated after the outcome values, in its own clause ----
@pytest.mark.parametrize("text,before,after", [
    ("Thirty adults with type 1 diabetes received umbilical cord MSCs. At 9 months HbA1c averaged 7.1% in the treated "
     "arm versus 8.0% among controls; both arms had begun at 9.6% and 9.8% at diagnosis.", [9.6, 9.8], [7.1, 8.0]),
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗。治疗半年后，治疗组HbA1c平均为6.8%，对照组为7.5%；两组确诊时依次为9.9%、10.1%。",
     [9.9, 10.1], [6.8, 7.5]),
    ("30名第一型糖尿病病人接受臍帶間充質幹細胞治療。治療半年後，治療組糖化血紅素平均為6.8%，對照組為7.5%；兩組確診時依次為9.9%、10.1%。",
     [9.9, 10.1], [6.8, 7.5]),
    ("A woman with type 1 diabetes received islet cells. Her HbA1c began at 9.4% and came down to 7.0% after the "
     "second infusion.", [9.4], [7.0]),
    ("一名1型糖尿病患者接受胰岛细胞移植，确诊时HbA1c为11.2%，治疗后12个月降至6.9%。", [11.2], [6.9]),
    # trap: a group named after a break, with no cue of its own, keeps the previous group's roles
    ("Forty adults with type 2 diabetes received MSCs. The stem cell arm had HbA1c of 8.6% at baseline and 7.2% at "
     "52 weeks; in the placebo arm it was 8.5% and 8.3%.", [8.5, 8.6], [7.2, 8.3]),
])
def test_baseline_restated_after(text, before, after):
    r = record(text)
    assert (r["before"], r["after"]) == (before, after)


# ---- allocations: an elided second verb, a control arm on its old treatment alone ----
@pytest.mark.parametrize("text,totals,arms", [
    ("The study recruited 24 young people with type 1 diabetes. Sixteen were randomized to MSC infusion and eight to "
     "usual care.", [24], [8, 16]),
    ("The study recruited 24 young people with type 1 diabetes; 16 were allocated to Wharton's jelly cells and 8 to "
     "a sham infusion.", [24], [8, 16]),
    ("Sixty adults with type 2 diabetes took part: forty patients were assigned to MSC infusion and 20 to placebo.",
     [60], [20, 40]),
    ("该研究纳入24名1型糖尿病青年，按病情随机分组：十六人接受间充质干细胞输注，八人只用口服降糖药。", [24], [8, 16]),
    ("該研究納入24名第一型糖尿病青年，按病情隨機分組：十六人接受間充質幹細胞輸注，八人只用口服降糖藥。", [24], [8, 16]),
    ("該研究納入24名第一型糖尿病青年，按病情隨機分組：十六人接受間充質幹細胞輸注，八人僅用口服降糖藥。", [24], [8, 16]),
    # trap: one verb phrase and its second part
    ("Forty patients with type 2 diabetes were assigned to MSC infusion and followed for 12 months.", [40], []),
])
def test_allocation_arms(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


def test_animals_counted_with_zhi_are_no_cohort():
    r = record("实验共用二十四只糖尿病大鼠，分组后十六只接受间充质干细胞，八只只用生理盐水。")
    assert (r["totals"], r["arms"]) == ([], [])


# ---- a table flattened to single-spaced lines, its header naming HbA1c columns (a digit of "HbA1c" or "Week 24" in a
# header is no cell value) ----
_COHORT_TABLE = ("An open-label study gave islet cells to seven adults with type 1 diabetes. /  / "
                 "Table 2. Results at week 24 / Arm n HbA1c at entry (%) HbA1c Week 24 (%) Off insulin / "
                 "Arm A 3 8.4 7.9 1/3 / Arm B 4 8.8 6.9 3/4 /  / Nothing unexpected was seen on safety.")


def test_flat_cohort_table_rows():
    r = record(_COHORT_TABLE)
    assert (r["before"], r["after"]) == ([8.4, 8.8], [6.9, 7.9])


@pytest.mark.parametrize("text,after", [
    ("Table 4 Earlier trials / Author Year Site Design Duration HbA1c final / Moreau 2017 Lyon RCT 9 mo 6.8 vs 7.5",
     [6.8, 7.5]),
    ("Table 4 Earlier trials / Author Year Site Design Duration HbA1c at end of study / "
     "Mbeki 2021 Nairobi RCT 18 months 6.9 versus 7.7", [6.9, 7.7]),
    ("表4 既往试验 / 作者 年份 地点 设计 疗程 HbA1c 治疗后 / 王 2019 杭州 RCT 9个月 6.8 vs 7.5", [6.8, 7.5]),
    # traps: a header column with no time of its own; more decimals than HbA1c columns
    ("Table 4 Earlier trials / Author Year Site Design Duration HbA1c / Moreau 2017 Lyon RCT 9 mo 6.8 vs 7.5", []),
    ("Table 4 Earlier trials / Author Year Site Cells BMI Duration HbA1c final / "
     "Moreau 2017 Lyon UC-MSC 5.2 9 mo 6.8 vs 7.5 8.8",
     []),
])
def test_flat_trial_table_row(text, after):
    assert record(text)["after"] == after


@pytest.mark.parametrize("header,days", [
    ("Author Site Patients Follow-up HbA1c final", 274.0),
    ("Arm Dose Patients HbA1c Week 24 Follow-up", 274.0),
    ("作者 地点 例数 随访 HbA1c变化", 274.0),
    # traps: a header with a cell value in it is a row; no follow-up column
    ("Author Site 24 Follow-up HbA1c final", None),
    ("Author Site Patients Dose HbA1c final", None),
])
def test_flat_header_with_named_digits(header, days):
    from extract.fields.follow_up import table_row_duration
    text = f"Table 4 Earlier trials\n{header}\nMoreau 2017 Lyon 30 UC-MSC 9 months 6.8 vs 7.5\n"
    lo = text.index("Moreau")
    found = table_row_duration(text, lo, len(text) - 1)
    assert (found[0] if found else None) == days


# ---- a per-kg dose said weight first, the count with its classifier and no cell noun after it; a vague count ----
@pytest.mark.parametrize("text,doses", [
    ("30名2型糖尿病患者接受干细胞治疗，每两周输注一次干细胞，每公斤体重120万个，共四次。", [(1.2e6, True)]),
    ("30名第2型糖尿病病人接受幹細胞治療，治療組每公斤體重輸注五十萬粒，共三劑。", [(5e5, True)]),
    ("30名第2型糖尿病病人接受幹細胞治療，每公斤體重輸注80萬顆，共兩次。", [(8e5, True)]),
    # traps: a drug's dose per kg; a count whose first digit is unstated (a price, a vague amount)
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗，胰岛素用量降至每公斤体重0.3单位。", []),
    ("30名2型糖尿病患者接受干细胞治疗。某些诊所几十万元一个疗程，不可轻信。", []),
    ("30名第2型糖尿病病人接受幹細胞治療。坊間數百萬顆細胞的療程不可信。", []),
])
def test_per_kg_classifier_doses(text, doses):
    assert record(text)["doses"] == doses


# ---- follow-up: counted from a named dose; one the team will go on with is no follow-up done ----
@pytest.mark.parametrize("text,fu", [
    ("试验名称：脐带间充质干细胞治疗2型糖尿病 / 样本量：30 / 随访期为首次注射后9个月", [274]),
    ("試驗名稱：臍帶間充質幹細胞治療第2型糖尿病 / 樣本量：30 / 隨訪期：末次輸注後24個月", [730]),
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗。随访9个月后，HbA1c平均为6.9%。负责人说研究组将继续随访两年。", [274]),
    ("30名第一型糖尿病病人接受臍帶幹細胞治療。隨訪9個月後，糖化血紅素平均為6.9%。負責人說研究組將繼續隨訪兩年。", [274]),
    ("Thirty adults with type 1 diabetes received cord MSCs. After 9 months of follow-up, HbA1c was 6.9%. The "
     "investigators will continue to monitor the cohort for two more years.", [274]),
])
def test_follow_up_done_not_continued(text, fu):
    assert record(text)["fu"] == fu


# ---- a MEDLINE export's field wrapped onto lines indented by six spaces is one line ----
_MEDLINE = ("PMID- 12345678\nOWN - NLM\nDP  - 2023 Mar\nTI  - Umbilical cord stromal cells in type 2 diabetes: a\n"
            "      pilot study.\nAB  - Twelve adults with type 2 diabetes received two infusions of umbilical cord MSCs.\n"
            "      After 6 months, HbA1c fell from 8.9% to\n      7.6%. No serious adverse events occurred.\n"
            "AU  - Okafor N\n")


def test_medline_continuation_lines_join():
    out = normalise(_MEDLINE).text
    assert "fell from 8.9% to 7.6%. No serious" in out and "a pilot study." in out
    assert "\nAU - Okafor N" in out or "\nAU  - Okafor N" in out
    r = record(_MEDLINE)
    assert (r["before"], r["after"]) == ([8.9], [7.6])


@pytest.mark.parametrize("text", [
    # traps: an indented block in a page that is no MEDLINE export keeps its lines
    "Results\n      8.9 7.6\n      Table 1",
    "TI  - one tag only\n      indented next line",
])
def test_indented_lines_outside_medline_keep_their_breaks(text):
    assert "\n" in normalise(text).text


# ---- groups told by what each received, the second without its person noun; a part of the cohort after 患者中 ----
@pytest.mark.parametrize("text,totals,arms", [
    ("In a controlled comparison, 22 patients with obesity-related diabetes received adipose MSCs by vein and 22 "
     "received metformin only.", [], [22, 22]),
    ("Fifteen adults with type 1 diabetes have taken part so far. Five received the low dose and ten received the "
     "high dose, each as one injection.", [15], [5, 10]),
    ("作者报告，52名2型糖尿病患者中26人接受脂肪间充质干细胞治疗，观察9个月。", [52], [26]),
    ("作者報告，52名第2型糖尿病病人中26人接受脂肪間充質幹細胞治療，觀察9個月。", [52], [26]),
    # traps: further doses of some patients; a part of the cohort with an adverse event
    ("Ten patients with type 1 diabetes received donor islets. Two patients received a second infusion and one "
     "received a third.", None, []),
    ("研究纳入52名2型糖尿病患者接受干细胞治疗，患者中6人出现皮疹。", [52], []),
])
def test_received_pairs_and_parts(text, totals, arms):
    r = record(text)
    assert r["arms"] == arms
    if totals is not None:
        assert r["totals"] == totals


# ---- a count of patients in a state reached (remission, the honeymoon phase) is an outcome, no group ----
@pytest.mark.parametrize("text", [
    "The study recruited 24 young people with type 1 diabetes; 16 received cord MSCs and 8 received insulin alone. "
    "By month 9, two of the treated group were in remission.",
    "该研究纳入24名1型糖尿病青年，16人接受干细胞，8人只用胰岛素。治疗9个月后，治疗组2名患者进入缓解期。",
    "該研究納入24名第一型糖尿病青年，16人接受幹細胞，8人只用胰島素。治療9個月後，治療組有2名病人處於緩解期。",
])
def test_count_in_remission_is_no_arm(text):
    r = record(text)
    assert (r["totals"], r["arms"]) == ([24], [8, 16])


# ---- design: a controlled "study" (not only a "trial"); a trial being prepared is another study ----
@pytest.mark.parametrize("text,design", [
    ("In a controlled study from Lyon, 44 adults with type 2 diabetes were given adipose MSCs or kept on metformin.",
     "controlled_trial"),
    ("本科室发表了一项单臂研究，30名2型糖尿病患者接受了脂肪干细胞治疗。下一步团队正在筹备一项多中心随机对照试验。",
     "single_arm_trial"),
    ("本科室發表了一項單臂研究，30名第2型糖尿病病人接受了脂肪幹細胞治療。下一步團隊正在籌備一項多中心隨機對照試驗。",
     "single_arm_trial"),
    ("The clinic reported a single-arm study of 30 adults with type 2 diabetes given adipose MSCs and is preparing a "
     "multicentre randomised controlled trial.", "single_arm_trial"),
    # trap: a negated controlled study
    ("Forty adults with type 2 diabetes received cord MSCs; this was not a controlled study.", None),
])
def test_design_controlled_study_and_prepared_trial(text, design):
    assert record(text)["design"] == design


# ---- a group named with its abbreviation in brackets; a part of the cohort after a time point ----
@pytest.mark.parametrize("text,totals,arms", [
    ("作者报告：40例2型糖尿病患者随机分为脂肪间充质干细胞（AD-MSC）组和安慰剂组，各20例。", [40], [20, 20]),
    ("作者報告：40例第2型糖尿病病人隨機分為臍帶間充質幹細胞（UC-MSC）組和安慰劑組，各20例。", [40], [20, 20]),
    ("他们此前还做过一项探索性研究，5名1型糖尿病患者，满3个月时1人停用胰岛素。", [5], []),
    ("他們此前還做過一項探索性研究，5名第1型糖尿病病人，半年後1人停用胰島素。", [5], []),
    ("研究纳入20名1型糖尿病患者，12个月时有8人停用胰岛素。", [20], []),
])
def test_bracketed_group_names_and_parts_after_a_time(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


# ---- a count of cells written short ("300M") or as a compound adjective ("300-million-cell") ----
@pytest.mark.parametrize("text,doses", [
    ("Fifteen adults with type 1 diabetes got islet cells: arm A got ~150M cells and arm B ~450M cells.",
     [(1.5e8, False), (4.5e8, False)]),
    ("Fifteen adults with type 1 diabetes were treated. Patients of the 450-million-cell arm did best.", [(4.5e8, False)]),
    ("Fifteen adults with type 1 diabetes each received 1.2B cells.", [(1.2e9, False)]),
    ("Fifteen adults with type 2 diabetes had three IV doses of 2.5M cells/kg.", [(2.5e6, True)]),
    # traps: money, a hospital's size
    ("Fifteen adults with type 1 diabetes received islet cells; the company raised $25M for the cell therapy.", []),
    ("Fifteen adults with type 1 diabetes received islet cells at a 300-bed hospital that grows cells.", []),
])
def test_short_counts_of_cells(text, doses):
    assert record(text)["doses"] == doses


# ---- a group that names itself, its persons in brackets with its dose after them; a hard wrap before "~" ----
@pytest.mark.parametrize("text,arms", [
    ("Fifteen adults with type 1 diabetes have been treated. Arm A (5 patients, ~150M cells) saw little change, "
     "arm B (10 patients, ~450M cells, given under the skin of the abdomen) did better.", [5, 10]),
    ("Fifteen adults with type 1 diabetes have been treated. Arm A (5 patients) saw little change, arm B "
     "(10 patients) did better.", [5, 10]),
    # trap: adverse events in brackets, with a note after the persons
    ("Fifteen adults with type 1 diabetes received cells. Side effects were a rash (4 patients, mild) and nausea "
     "(2 patients, brief).", []),
])
def test_named_groups_with_bracketed_persons(text, arms):
    assert record(text)["arms"] == arms


def test_english_wrap_before_an_approximate_figure():
    text = ("Fifteen adults with type 1 diabetes have been treated, and arm A saw little change while arm B, given\n"
            "~450M cells under the skin, did better than the investigators had hoped for at the start.")
    assert "given ~450M" in normalise(text).text


# ---- a review's range of the doses its trials used is no dose; a single trial's range is ----
@pytest.mark.parametrize("text,doses", [
    ("This meta-analysis pooled 12 randomised trials of MSCs in type 1 diabetes with 480 participants; trial doses "
     "varied from 0.5 × 10^6 to 3 × 10^6 cells/kg.", []),
    ("本荟萃分析纳入12项随机对照试验共480名1型糖尿病患者，各研究细胞剂量在每公斤0.5×10^6至3×10^6个之间。", []),
    ("本薈萃分析納入12項隨機對照試驗共480名第1型糖尿病病人，各研究細胞劑量在每公斤0.5×10^6至3×10^6個之間。", []),
    # trap: one trial's own dose range
    ("In this trial, 30 adults with type 1 diabetes received MSCs; doses ranged from 0.5 × 10^6 to 3 × 10^6 cells/kg "
     "across three cohorts.", [(5e5, True)]),
])
def test_review_dose_range(text, doses):
    assert record(text)["doses"] == doses


# ---- a size per group in a bracket after the counted groups: "(n = 10 each)", "(10 each)" ----
@pytest.mark.parametrize("text,arms", [
    ("The phase 1 study enrolled 20 adults with type 2 diabetes at two dose levels (n = 10 each), one infusion of "
     "MSCs apiece.", [10, 10]),
    ("The phase 1 study enrolled 30 adults with type 2 diabetes in three dose groups (10 each), one infusion of MSCs "
     "apiece.", [10, 10, 10]),
    # trap: events counted per kind
    ("Forty adults with type 1 diabetes received MSCs; side effects were rash and nausea (2 each).", []),
])
def test_each_in_brackets(text, arms):
    assert record(text)["arms"] == arms


# ---- one administration said as 一次性 with the site between, or as "one shot" ----
@pytest.mark.parametrize("text,inf", [
    ("目前共有15名1型糖尿病患者接受了治疗，干细胞经一次性腹部皮下注射给予。", {1}),
    ("目前共有15名第1型糖尿病病人接受了治療，幹細胞經一次性腹部皮下注射給予。", {1}),
    ("Fifteen adults with type 1 diabetes got islet cells, each in one shot under the skin.", {1}),
    # traps: a disposable syringe, a chance
    ("共有15名1型糖尿病患者接受了干细胞治疗，护士使用一次性注射器抽血。", set()),
    ("Fifteen adults with type 1 diabetes got islet cells. This is one shot at a cure.", set()),
])
def test_single_administration_colloquial(text, inf):
    assert record(text)["inf"] == inf


# ---- a counted cohort that was dosed is no animal study, whatever mice its text recalls ----
@pytest.mark.parametrize("text,design", [
    ("Fifteen adults with type 1 diabetes were dosed with islet cells. HbA1c fell from 8.3% to 6.7%. A commenter "
     "noted the same cells cured rats in 2017.", None),
    ("目前已有15名1型糖尿病患者接受了干细胞来源胰岛移植，HbA1c由8.3%降至6.7%。有读者留言：这种细胞早年已在大鼠身上试过。", None),
    # trap: an animal study alone
    ("Thirty diabetic mice received islet cells and their glucose fell.", "preclinical"),
])
def test_dosed_cohort_is_no_animal_study(text, design):
    assert record(text)["design"] == design
