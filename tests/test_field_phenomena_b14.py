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
            "doses": sorted((d.cells_min, d.per_kg) for d in r.doses),
            "totals": sorted(c.n for c in r.cohort_sizes if c.role == "total"),
            "arms": sorted(c.n for c in r.cohort_sizes if c.role == "arm"),
            "inf": {g.infusions for g in r.regimen} - {None}}


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


# ---- a table flattened to single-spaced lines, its header naming HbA1c columns (a digit of "HbA1c" or "Month 6" in a
# header is no cell value) ----
_COHORT_TABLE = ("An open-label study gave islet cells to seven adults with type 1 diabetes. /  / "
                 "Table 2. Twelve-month results / Group Dose Patients HbA1c baseline (%) HbA1c Month 12 (%) Responders / "
                 "Low dose ~100 million 3 8.4 7.9 1 of 3 / High dose ~400 million 4 8.8 6.9 3 of 4 /  / "
                 "No unexpected safety findings were seen.")


def test_flat_cohort_table_rows():
    r = record(_COHORT_TABLE)
    assert (r["before"], r["after"]) == ([8.4, 8.8], [6.9, 7.9])


@pytest.mark.parametrize("text,after", [
    ("Table 3 Trials included / Trial Country Patients Cells Follow-up HbA1c outcome / "
     "Lindqvist 2018 Norway 24 (12/12) BM-MSC 6 months 7.3 vs 7.9", [7.3, 7.9]),
    ("Table 3 Trials included / Trial Country Patients Cells Follow-up HbA1c at end of study / "
     "Mbeki 2021 Kenya 30 (15/15) UC-MSC 18 months 6.9 versus 7.7", [6.9, 7.7]),
    ("表3 纳入研究 / 研究 国家 例数 细胞 随访 HbA1c 治疗后 / 林德 2018 挪威 24 BM-MSC 6个月 7.3 vs 7.9", [7.3, 7.9]),
    # traps: a header column with no time of its own; more decimals than HbA1c columns; values in running text
    ("Table 3 Trials included / Trial Country Patients Cells Follow-up HbA1c / "
     "Lindqvist 2018 Norway 24 (12/12) BM-MSC 6 months 7.3 vs 7.9", []),
    ("Table 3 Trials included / Trial Country Patients BMI Follow-up HbA1c outcome / "
     "Lindqvist 2018 Norway 24 (12/12) 5.2 6 months 7.3 vs 7.9 8.8", []),
])
def test_flat_trial_table_row(text, after):
    assert record(text)["after"] == after


@pytest.mark.parametrize("header,days", [
    ("Trial Country Patients Cells Follow-up HbA1c outcome", 183.0),
    ("Cohort Dose Patients HbA1c Month 6 Follow-up", 183.0),
    ("研究 国家 例数 细胞 随访 HbA1c变化", 183.0),
    # traps: a header with a cell value in it is a row; no follow-up column
    ("Trial Country 24 Cells Follow-up HbA1c outcome", None),
    ("Trial Country Patients Cells Dose HbA1c outcome", None),
])
def test_flat_header_with_named_digits(header, days):
    from extract.fields.follow_up import table_row_duration
    text = f"Table 3 Trials included\n{header}\nLindqvist 2018 Norway 24 BM-MSC 6 months 7.3 vs 7.9\n"
    lo = text.index("Lindqvist")
    found = table_row_duration(text, lo, len(text) - 1)
    assert (found[0] if found else None) == days


# ---- a per-kg dose said weight first, the count with its classifier and no cell noun after it; a vague count ----
@pytest.mark.parametrize("text,doses", [
    ("30名2型糖尿病患者接受干细胞治疗，每两周静脉输注一次干细胞，每公斤体重120万个，共四次。", [(1.2e6, True)]),
    ("30名第2型糖尿病病人接受幹細胞治療，幹細胞組每公斤體重注射三百萬粒，分兩次注射。", [(3e6, True)]),
    ("30名第2型糖尿病病人接受幹細胞治療，每公斤體重輸注80萬顆，共兩次。", [(8e5, True)]),
    # traps: a drug's dose per kg; a count whose first digit is unstated (a price, a vague amount)
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗，胰岛素用量降至每公斤体重0.3单位。", []),
    ("30名2型糖尿病患者接受干细胞治疗。网上几十万一针的干细胞疗程不可信。", []),
    ("30名第2型糖尿病病人接受幹細胞治療。網上數百萬顆細胞的療程不可信。", []),
])
def test_per_kg_classifier_doses(text, doses):
    assert record(text)["doses"] == doses


# ---- follow-up: counted from a named dose; one the team will go on with is no follow-up done ----
@pytest.mark.parametrize("text,fu", [
    ("试验名称：脐带间充质干细胞治疗2型糖尿病 / 样本量：30 / 随访时间：首次输注后6个月", [183]),
    ("試驗名稱：臍帶間充質幹細胞治療第2型糖尿病 / 樣本量：30 / 隨訪時間：末次輸注後24個月", [730]),
    ("30名1型糖尿病患者接受脐带间充质干细胞治疗。追踪9个月后，HbA1c平均为6.9%。研究负责人表示，团队会继续追踪三年。", [274]),
    ("30名第一型糖尿病病人接受臍帶幹細胞治療。追蹤9個月後，糖化血紅素平均為6.9%。團隊會繼續跟進三年。", [274]),
    ("Thirty children with type 1 diabetes received cord MSCs. After 9 months of follow-up, HbA1c was 6.9%. The team "
     "will continue to follow the children for three years.", [274]),
])
def test_follow_up_done_not_continued(text, fu):
    assert record(text)["fu"] == fu


# ---- a MEDLINE export's field wrapped onto lines indented by six spaces is one line ----
_MEDLINE = ("PMID- 12345678\nOWN - NLM\nDP  - 2023 Mar\nTI  - Umbilical cord stromal cells in type 2 diabetes: a\n"
            "      pilot study.\nAB  - Twelve adults with type 2 diabetes received two infusions of umbilical cord MSCs.\n"
            "      After 6 months, HbA1c fell from 8.9% to\n      7.6%. No serious adverse events occurred.\n"
            "AU  - Okafor N\n")


def test_medline_continuation_lines_join():
    from extract.normalise import normalise
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
    from extract.normalise import normalise
    assert "\n" in normalise(text).text


# ---- groups told by what each received, the second without its person noun; a part of the cohort after 患者中 ----
@pytest.mark.parametrize("text,totals,arms", [
    ("A controlled study in which 40 patients with type 2 diabetes received their own bone marrow cells through the "
     "pancreatic artery and 40 received standard care.", [], [40, 40]),
    ("Twelve adults with type 1 diabetes have been dosed. Four received about 100 million cells (low dose) and eight "
     "received about 400 million cells (high dose), each as one injection.", [12], [4, 8]),
    ("研究团队报告，80名2型糖尿病患者中40人接受自体骨髓单个核细胞回输，随访12个月。", [80], [40]),
    ("研究團隊報告，80名第2型糖尿病病人中40人接受自體骨髓單個核細胞回輸，隨訪12個月。", [80], [40]),
    # traps: further doses of some patients; a part of the cohort with an adverse event
    ("Ten patients with type 1 diabetes received donor islets. Two patients received a second infusion and one "
     "received a third.", None, []),
    ("研究纳入80名2型糖尿病患者接受干细胞治疗，患者中40人出现轻微发热。", [80], []),
])
def test_received_pairs_and_parts(text, totals, arms):
    r = record(text)
    assert r["arms"] == arms
    if totals is not None:
        assert r["totals"] == totals


# ---- a count of patients in a state reached (remission, the honeymoon phase) is an outcome, no group ----
@pytest.mark.parametrize("text", [
    "The trial enrolled 30 children with type 1 diabetes; 20 received cord MSCs and 10 received insulin alone. At one "
    "year, four children in the cell group and none of the controls were in partial remission.",
    "研究纳入30名1型糖尿病儿童，20人接受干细胞，10人只用胰岛素。一年后，干细胞组有四名儿童处于蜜月期。",
    "研究納入30名第一型糖尿病兒童，20人接受幹細胞，10人只用胰島素。一年後，幹細胞組有四名兒童處於蜜月期。",
])
def test_count_in_remission_is_no_arm(text):
    r = record(text)
    assert (r["totals"], r["arms"]) == ([30], [10, 20])


# ---- design: a controlled "study" (not only a "trial"); a trial being prepared is another study ----
@pytest.mark.parametrize("text,design", [
    ("A hospital in Pune presented a 12-month controlled study in which 40 patients with type 2 diabetes received their "
     "own bone marrow cells and 40 received standard care.", "controlled_trial"),
    ("我们团队发表了一项单臂临床研究，40名2型糖尿病患者接受了干细胞输注。我们正在准备一项120例的随机对照试验，预计明年开始招募。",
     "single_arm_trial"),
    ("我們團隊發表了一項單臂臨床研究，40名第2型糖尿病病人接受了幹細胞輸注。我們正在籌備一項120例的隨機對照試驗。",
     "single_arm_trial"),
    ("Our team published a single-arm study of 40 adults with type 2 diabetes given cord MSCs. We are now preparing a "
     "120-patient randomised controlled trial.", "single_arm_trial"),
    # traps: a negated or a needed controlled study
    ("Forty adults with type 2 diabetes received cord MSCs; this was not a controlled study.", None),
])
def test_design_controlled_study_and_prepared_trial(text, design):
    assert record(text)["design"] == design


# ---- a group named with its abbreviation in brackets; a part of the cohort after a time point ----
@pytest.mark.parametrize("text,totals,arms", [
    ("该院团队报告：48例2型糖尿病患者随机分为人羊膜上皮细胞（hAESC）组与常规治疗组，各24例；细胞组每次静脉输注1亿个细胞，共两次。",
     [48], [24, 24]),
    ("該院團隊報告：48例第2型糖尿病病人隨機分為臍帶間充質幹細胞（UC-MSC）組與安慰劑組，各24例。", [48], [24, 24]),
    ("同一个团队做过一个小的1期研究，4名1型糖尿病患者，6个月时有2人停用胰岛素。", [4], []),
    ("同一個團隊做過一個小的1期研究，4名第1型糖尿病病人，半年後有2人停用胰島素。", [4], []),
    ("研究纳入20名1型糖尿病患者，12个月时有8人停用胰岛素。", [20], []),
])
def test_bracketed_group_names_and_parts_after_a_time(text, totals, arms):
    r = record(text)
    assert (r["totals"], r["arms"]) == (totals, arms)


# ---- a count of cells written short ("300M") or as a compound adjective ("300-million-cell") ----
@pytest.mark.parametrize("text,doses", [
    ("Twelve adults with type 1 diabetes got islet cells: the low dose group got ~150M cells and the high dose group "
     "~600M cells, one shot each.", [(1.5e8, False), (6e8, False)]),
    ("Nine adults with type 1 diabetes were dosed. In the 500-million-cell cohort, three of four no longer use insulin.",
     [(5e8, False)]),
    ("Nine adults with type 1 diabetes each received 1.2B cells.", [(1.2e9, False)]),
    # traps: money, a hospital's size
    ("Nine adults with type 1 diabetes received islet cells; the company raised $25M for the cell therapy.", []),
    ("Nine adults with type 1 diabetes received islet cells at a 300-bed hospital that grows cells.", []),
])
def test_short_counts_of_cells(text, doses):
    assert record(text)["doses"] == doses


# ---- a group that names itself, its persons in brackets with its dose after them; a hard wrap before "~" ----
@pytest.mark.parametrize("text,arms", [
    ("Twelve people with type 1 diabetes dosed so far. Low dose cohort (4 people, ~150M cells) didn't do much, high "
     "dose cohort (8 people, ~600M cells, one shot into the thigh muscle) did well.", [4, 8]),
    ("Twelve people with type 1 diabetes dosed so far. Low dose group (4 patients) did little, high dose group "
     "(8 patients) did well.", [4, 8]),
    # traps: adverse events in brackets, with a note after the persons
    ("Twelve people with type 1 diabetes received cells. Side effects were fever (5 patients, mild) and headache "
     "(3 patients, transient).", []),
])
def test_named_groups_with_bracketed_persons(text, arms):
    assert record(text)["arms"] == arms


def test_english_wrap_before_an_approximate_figure():
    from extract.normalise import normalise
    text = ("Twelve people with type 1 diabetes dosed so far, and the low dose cohort did not do much while the high dose\n"
            "~600M cells cohort did better than anyone on the team expected at the start of it all.")
    assert "high dose ~600M" in normalise(text).text


# ---- a review's range of the doses its trials used is no dose; a single trial's range is ----
@pytest.mark.parametrize("text,doses", [
    ("This meta-analysis pooled 12 randomised trials of MSCs in type 1 diabetes with 480 participants. Doses ranged "
     "from 0.5 × 10^6 to 3 × 10^6 cells/kg.", []),
    ("本荟萃分析纳入12项随机对照试验共480名1型糖尿病患者，各研究细胞剂量在每公斤0.5×10^6至3×10^6个之间。", []),
    ("本薈萃分析納入12項隨機對照試驗共480名第1型糖尿病病人，各研究細胞劑量在每公斤0.5×10^6至3×10^6個之間。", []),
    # trap: one trial's own dose range
    ("In this trial, 30 adults with type 1 diabetes received MSCs; doses ranged from 0.5 × 10^6 to 3 × 10^6 cells/kg "
     "across three cohorts.", [(5e5, True)]),
])
def test_review_dose_range(text, doses):
    assert record(text)["doses"] == doses


# ---- a size per group in a bracket after the counted groups: "(n = 8 each)", "(8 each)" ----
@pytest.mark.parametrize("text,arms", [
    ("We enrolled 24 adults with type 2 diabetes in three sequential dose cohorts (n = 8 each) receiving one infusion "
     "of MSCs.", [8, 8, 8]),
    ("We enrolled 24 adults with type 2 diabetes in three sequential dose cohorts (8 each) receiving one infusion of "
     "MSCs.", [8, 8, 8]),
    # trap: events counted per kind
    ("Forty adults with type 1 diabetes received MSCs; adverse events were fever and headache (2 each).", []),
])
def test_each_in_brackets(text, arms):
    assert record(text)["arms"] == arms


# ---- one administration said as 一次性 with the site between, or as "one shot" ----
@pytest.mark.parametrize("text,inf", [
    ("截至目前，共有9名1型糖尿病患者接受了干细胞治疗。细胞经一次性前臂肌肉注射植入。", {1}),
    ("截至目前，共有9名第1型糖尿病病人接受了幹細胞治療。細胞經一次性前臂肌肉注射植入。", {1}),
    ("Nine people with type 1 diabetes got islet cells, one shot each into the thigh muscle.", {1}),
    # traps: a disposable syringe, a chance
    ("共有9名1型糖尿病患者接受了干细胞治疗，护士使用一次性注射器抽血。", set()),
    ("Nine people with type 1 diabetes got islet cells. This is one shot at a cure.", set()),
])
def test_single_administration_colloquial(text, inf):
    assert record(text)["inf"] == inf


# ---- a counted cohort that was dosed is no animal study, whatever mice its thread recalls ----
@pytest.mark.parametrize("text,design", [
    ("Nine people with type 1 diabetes dosed so far with islet cells. HbA1c fell from 8.0% to 6.3%. Reply: they did "
     "this in mice years ago (2018, 30 mice).", None),
    ("目前已有9名1型糖尿病患者接受了干细胞来源胰岛移植，HbA1c由8.0%降至6.3%。网友：这个几年前在小鼠身上就做过了。", None),
    # trap: an animal study alone
    ("Thirty diabetic mice received islet cells and their glucose fell.", "preclinical"),
])
def test_dosed_cohort_is_no_animal_study(text, design):
    assert record(text)["design"] == design
