"""Cohort sizes on real-text phenomena (issue 10, ERRORS.md 4.3 / 4.9 / 4.12 / 4.5 / 4.8): roles, lists of arms,
other constructions of a count, years and dates, meta-analyses. Each class is a table, simplified Chinese,
traditional Chinese and English side by side, with the traps that must not be read. Sentences are our own."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cohort import EXTRACTOR


def sizes(text: str, lang: str) -> list[tuple[int, str]]:
    """Every kept size once per fact (two arms of equal size are two facts), run through the real normaliser."""
    return sorted((h.value["n"], h.value["role"]) for h in decided_hits(EXTRACTOR, text, lang))


T, A, S = "total", "arm", "studies_included"


# ---- 1. roles: completers, responders, failures, events, one numbered patient are not the study's n ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Thirty-two patients with type 1 diabetes received islet grafts. Nineteen patients completed the protocol, and "
     "six patients with retinopathy needed laser therapy. Adverse events were mild: headache (n = 4) and nausea (n = 2).",
     "en", [(32, T)]),
    ("共纳入32例1型糖尿病患者接受胰岛移植,19例患者完成了治疗方案,6例合并视网膜病变的患者需要激光治疗。", "zh", [(32, T)]),
    ("研究共納入32名第一型糖尿病患者,其中19名完成療程。", "zh-Hant", [(32, T)]),
    # completers of a time point are the analysed cohort (kept); of the protocol they are not
    ("Forty adults were treated; 37 completed 6 months of follow-up.", "en", [(37, T), (40, T)]),
    ("Sixty-six adults were randomised. Sixty-one participants completed the 2-year follow-up.", "en",
     [(61, T), (66, T)]),
    # a numbered patient of several
    ("研究团队公布了两名1型糖尿病患者的随访数据。第一例是一名52岁女性,治疗后6个月停用胰岛素。", "zh", [(2, T)]),
    ("研究團隊公布兩名第一型糖尿病患者的數據,第二位患者為一名40歲男性。", "zh-Hant", [(2, T)]),
    ("Three patients with type 1 diabetes received the cells. The first patient, a 35-year-old woman, stopped insulin "
     "on day 75.", "en", [(3, T)]),
    ("该公司启动的1/2期试验计划治疗20名1型糖尿病参与者,首批入组中的第一位患者为一名退休教师。", "zh", [(20, T)]),
    # failures and successes counted inside the noun phrase
    ("对30例糖尿病患者行经动脉干细胞灌注。27例一次插管成功,3例插管失败的患者改行球囊辅助灌注。", "zh", [(30, T)]),
    ("對30例糖尿病患者進行幹細胞灌注,其中3例插管失敗的患者改行其他方式。", "zh-Hant", [(30, T)]),
    ("Thirty patients were enrolled; 4 patients whose catheterisation failed were switched to a balloon.", "en",
     [(30, T)]),
    # a share of the cohort in brackets, the rest of the cohort, all but some
    ("Ten patients with type 2 diabetes underwent injection. Six patients (60%) were responders at 15 months.", "en",
     [(10, T)]),
    ("共纳入40例患者,随访1年时18例(45.0%)达到HbA1c<7%。", "zh", [(40, T)]),
    ("The first patient stopped insulin. The other two patients cut their insulin by half.", "en", []),
    ("The trial of 120 patients reported full data for all but four participants.", "en", [(120, T)]),
    # adverse events counted with n = N are events, not groups
    ("Adverse events were mild: fever (n = 3), injection-site pain (n = 2).", "en", []),
    ("不良反应轻微:发热(n=3),头痛(n=2)。", "zh", []),
    ("Patients received MSCs (n = 20) or placebo (n = 20); adverse events were similar.", "en", [(20, A), (20, A)]),  # trap
    # an outcome told by the verb of the clause, after a modifier
    ("Forty patients with type 2 diabetes received cells; six patients with neuropathy required surgery.", "en",
     [(40, T)]),
    ("Thirty patients who had failed oral drugs received MSCs.", "en", [(30, T)]),     # trap: a relative clause
    # the whole cohort with "all", a lone patient: what happened to them is the result, not a part's count
    ("All 11 participants improved after the infusion in type 1 diabetes.", "en", [(11, T)]),
    ("一支干细胞制剂,让一位47岁的糖尿病患者停用了胰岛素。", "zh", [(1, T)]),
    ("一位47歲的糖尿病患者停用了胰島素。", "zh-Hant", [(1, T)]),
    ("Seventeen participants were dosed. All 12 full-dose participants stopped insulin.", "en", [(12, A), (17, T)]),
    ("共纳入30例患者,1例患者出现发热。", "zh", [(30, T)]),                                  # trap: one of 30
    # a lone bracket after a dose is the cohort; a list of them names groups
    ("Patients with type 2 diabetes received 0.5 3 106/kg (n = 12) of the cells.", "en", [(12, T)]),
])
def test_roles(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- 2. arm lists keep every arm, equal values included ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Patients (N = 28) with type 2 diabetes were split into three cohorts (Cohort 1, n = 14; Cohort 2, n = 9; and "
     "Cohort 3 receiving basal insulin, n = 5).", "en", [(5, A), (9, A), (14, A), (28, T)]),
    ("In this dose-escalation trial in type 2 diabetes, participants received 0.5 × 10^6/kg (n = 8), 1.5 × 10^6/kg "
     "(n = 8) or placebo (n = 8).", "en", [(8, A), (8, A), (8, A)]),
    ("受试者分别接受0.5×10^6/kg(n=8)、1.5×10^6/kg(n=8)或安慰剂(n=8)。", "zh", [(8, A), (8, A), (8, A)]),
    ("受試者接受低劑量(n=6)、高劑量(n=6)或安慰劑(n=6)。", "zh-Hant", [(6, A), (6, A), (6, A)]),
    ("治疗组30例,对照组30例。", "zh", [(30, A), (30, A)]),
    ("治療組30例,對照組30例。", "zh-Hant", [(30, A), (30, A)]),
    ("Sixty patients were randomized 2:1 to MSC (n = 40) or placebo (n = 20).", "en", [(20, A), (40, A), (60, T)]),
    ("60例患者按2:1随机分配至MSC组(n=40)或安慰剂组(n=20)。", "zh", [(20, A), (40, A), (60, T)]),
    # labelled parts adding up to the count before the bracket
    ("Thirteen studies were deemed eligible, encompassing 507 patients (T1DM = 199, T2DM = 308).", "en",
     [(13, S), (199, A), (308, A), (507, T)]),
    ("共纳入60例患者(治疗组=30,对照组=30)。", "zh", [(30, A), (30, A), (60, T)]),
    ("The 40 patients (mean = 52, SD = 9) were older.", "en", [(40, T)]),              # trap: not parts
    # totals that allocate a larger total are its groups
    ("In 2011, three young patients were diagnosed. Two patients were treated with bone marrow cells. One patient was "
     "treated conventionally as a control.", "en", [(1, A), (2, A), (3, T)]),
    # participants of subsets of the included studies
    ("Ten studies were included: six T1DM studies including 120 patients, and four T2DM studies including 65 "
     "patients.", "en", [(10, S), (65, A), (120, A)]),
    ("Twelve studies including 640 patients were included in this review.", "en", [(12, S), (640, T)]),  # trap: one
    ("The phase 3 trial of tovaislecel (n = 56) met its endpoint.", "en", [(56, T)]),   # trap: the study's size
    ("A study of MSCs (n = 30) in type 2 diabetes was published.", "en", [(30, T)]),
])
def test_arm_lists(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- 3. counts in other constructions ----
@pytest.mark.parametrize("text,lang,expected", [
    # the planned size of the study being reported
    ("研究计划入组36名1型糖尿病患者,每人接受一次细胞输注。", "zh", [(36, T)]),
    ("該試驗預計納入40名第二型糖尿病患者。", "zh-Hant", [(40, T)]),
    ("The trial plans to enroll 24 participants with type 1 diabetes.", "en", [(24, T)]),
    ("医院计划招募60名患者。", "zh", []),                                                # trap: the hospital's plan
    ("研究计划明年入组100名患者。", "zh", []),                                          # trap: a future start
    ("The company plans to enroll 40 participants next year.", "en", []),               # trap
    # a headline: the disease stands for its patients
    ("脐带干细胞治疗180名2型糖尿病的真实世界数据公布:血糖明显改善。", "zh", [(180, T)]),
    ("幹細胞治療36例第2型糖尿病的成果公布。", "zh-Hant", [(36, T)]),
    ("发生3例糖尿病酮症酸中毒。", "zh", []),                                              # trap: an event
    # a denominator: the whole of which a part is counted
    ("随访满一年时,11例受试者中有8例(8/11)不再依赖胰岛素。", "zh", [(11, T)]),
    ("12名入組患者中有10人在一年內不再需要注射胰島素。", "zh-Hant", [(12, T)]),
    ("At one year, 8 of 11 participants no longer needed insulin.", "en", [(11, T)]),
    ("在11例停用胰岛素的患者中有2例重新使用胰岛素。", "zh", []),                        # trap: an outcome-defined set
    ("治疗组20例患者中有15例达标。", "zh", [(20, A)]),                                   # trap: one group's
    # a single named or described patient
    ("59歲陳小姐罹患糖尿病多年,足跟傷口癒合不良。", "zh-Hant", [(1, T)]),
    ("这名8岁的患儿因先天性胆道闭锁接受了肝移植。", "zh", [(1, T)]),
    ("The study has one patient, a forty-three-year-old man with type 1 diabetes.", "en", [(1, T)]),
    ("The cells were tested in a 25 year-old women with type 1 diabetes.", "en", [(1, T)]),
    # Taiwanese patient nouns: 病患, 個案
    ("該院共收治20名第二型糖尿病病患接受幹細胞治療。", "zh-Hant", [(20, T)]),
    ("團隊已為3位個案進行脂肪幹細胞注射。", "zh-Hant", [(3, T)]),
    ("患者年龄58岁,病程9年。", "zh", []),                                                 # trap: an age
    ("Fever occurred in one patient.", "en", []),                                        # trap: an event
    # approximate counts after an enrolment verb; the tail of a larger number is no count
    ("该院共纳入200余例2型糖尿病患者。", "zh", [(200, T)]),
    ("本研究共收治30多名糖尿病足患者。", "zh", [(30, T)]),
    ("該院共納入200餘例第2型糖尿病患者。", "zh-Hant", [(200, T)]),
    ("全国约有1亿4000万名糖尿病患者。", "zh", []),

])
def test_other_constructions(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- 4. a year, a date, an age, a percentage, a number-word tail is never a count ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Published online Mar 3, 2023\nPeer-review started: November 2, 2022\nAccepted: January 9, 2023\nForty patients "
     "with type 2 diabetes received umbilical cord MSC.", "en", [(40, T)]),
    ("Received: 2022-11-08\nAccepted: 2023\n30 patients with type 2 diabetes were enrolled.", "en", [(30, T)]),
    ("发布时间:2023\n患者共30例。", "zh", [(30, T)]),
    ("In 2021, 120 patients with type 2 diabetes joined the registry.", "en", [(120, T)]),   # trap: a comma
    ("Four weeks apart to adults with type 2 diabetes, the infusions were given.", "en", []),
    ("A 45-year-old woman and a 52-year-old man were described in 2019.", "en", [(1, T)]),
    ("In my clinic I have maybe four hundred people with type 1 diabetes.", "en", []),   # trap: a hedged guess
    ("我的门诊大概有两百个1型糖尿病病人。", "zh", []),
    ("我的門診大概有兩百個1型糖尿病病人。", "zh-Hant", []),
    ("Perhaps 30 patients with type 1 diabetes would qualify.", "en", []),
    ("The trial enrolled about 30 patients with type 1 diabetes.", "en", [(30, T)]),
    ("全世界共有1154名患者接受胰島移植。", "zh-Hant", []),
    ("全球已有超过3000名患者接受干细胞治疗。", "zh", []),
    ("Worldwide, more than 1,500 people have received islet transplants.", "en", []),
    ("该全球首个iPSC胰岛临床试验纳入了12名患者。", "zh", [(12, T)]),                   # trap: "全球首个" is no scope
    ("Randomised trials with at least 10 participants per arm will be included.", "en", []),
    # a row number of a flattened table or a numbered list is not a count
    ("Table 2: Selected trials of cell therapy in type 1 diabetes\nNo. Population Cells Follow-up\n1 Adolescents with "
     "new-onset T1DM (n=18) Autologous adipose-derived MSC 6 months\n2 Adults with long-standing T1DM (n=9) Donor "
     "islets 2 years\n3 Children with T1DM (n=24) Autologous cord blood 1 year", "en", [(9, T), (18, T), (24, T)]),
    ("1 Adolescents with new-onset T1DM (n=18) Autologous adipose-derived MSC 6 months of observation", "en", [(18, T)]),
    ("研究列表\n1 青少年1型糖尿病患者(n=18) 脂肪间充质干细胞\n2 成人1型糖尿病患者(n=9) 胰岛移植", "zh", [(9, T), (18, T)]),
    ("30 patients with type 2 diabetes were enrolled.\n", "en", [(30, T)]),          # trap: a count opening a line
])
def test_years_dates_ages(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- 5. meta-analyses: included studies and pooled participants ----
@pytest.mark.parametrize("text,lang,expected", [
    ("We pooled 12 RCTs with 856 participants with type 2 diabetes.", "en", [(12, S), (856, T)]),
    ("纳入9项研究,共计512例患者。", "zh", [(9, S), (512, T)]),
    ("共納入9項研究,合計512位患者。", "zh-Hant", [(9, S), (512, T)]),
    ("结果 共纳入14项有关干细胞治疗2型糖尿病的随机对照试验。", "zh", [(14, S)]),
    ("结果 共纳入9项研究。与基线相比,治疗后HbA1c下降。", "zh", [(9, S)]),
    ("Thirteen studies were deemed eligible for the meta-analysis.", "en", [(13, S)]),
    ("2025年期刊汇总全球23项试验显示,干细胞注射后3个月内患者血糖下降。", "zh", [(23, S)]),
    ("全球已注册1512项干细胞临床试验。", "zh", []),                                       # trap: background
    ("两项发表在同一期刊上的研究也支持这一结论,这篇综述指出。", "zh", []),               # trap: papers, not included
    ("一篇“干细胞治疗糖尿病”的综述研究发表。", "zh", []),                                  # trap: a titled paper
])
def test_meta_analyses(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- a table of studies flattened to text: the arms of one row under "Number (E/C)" ----
TABLE = ("Author (year) Country Number (E/C) Group Female/male Intervention Follow-up (months)\n"
         " Li, 2016 [8] China 21/21 E 12/9 UC-MSCs+insulin 12\n"
         "C 10/11 Insulin\n"
         " Wu, 2015 [9] Sweden 10/12 E 1/8 MSCs+insulin 12\n")


def test_table_row_arms() -> None:
    from extract.fields.cohort_tables import table_row_arms
    row = TABLE.index(" Li, 2016")
    assert [a[0] for a in table_row_arms(TABLE, row, TABLE.index("\n", row))] == [21, 21]
    cont = TABLE.index("C 10/11")
    assert table_row_arms(TABLE, cont, TABLE.index("\n", cont)) == []      # a continuation row: female/male only
    assert table_row_arms(TABLE, 0, len(TABLE)) == []                      # the whole table is not one study
    zh = "研究 国家 例数(治疗组/对照组) 男/女 随访\n 王 2018 中国 30/28 20/38 12个月\n"
    row = zh.index(" 王")
    assert [a[0] for a in table_row_arms(zh, row, len(zh))] == [30, 28]
    no_header = "Outcome 12/9 improved in 30/28\n"
    assert table_row_arms(no_header, 0, len(no_header)) == []


@pytest.mark.parametrize("text,lang,tail", [
    # the tail of a compound number is never the count (the whole number is numbers.py's to read: 112, 34000)
    ("One hundred and twelve patients with type 2 diabetes were assigned to two groups.", "en", 12),
    ("Two hundred patients were screened and enrolled.", "en", 100),
    ("真实世界研究纳入3万4000名患者。", "zh", 4000),
    ("真實世界研究納入2萬5千名患者。", "zh-Hant", 5),
])
def test_number_tails(text: str, lang: str, tail: int) -> None:
    assert tail not in [n for n, _ in sizes(text, lang)]


# ---- parts told by their clause: a breakdown by sex, a change in part of the cohort; a group's split ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Sixty patients were enrolled; 40 patients were women.", "en", [(60, T)]),
    ("Of the 50 patients, 20 were women.", "en", [(50, T)]),                              # trap: 50 is the cohort
    ("Sixty patients were enrolled. HbA1c decreased in 15 patients and increased in 5 patients.", "en", [(60, T)]),
    ("HbA1c improved in 30 patients with type 2 diabetes treated with MSCs.", "en", [(30, T)]),  # trap: no larger count
    ("共纳入60例患者,治疗后15例患者HbA1c明显下降。", "zh", [(60, T)]),
    ("共納入60例患者,治療後15例患者糖化血色素明顯下降。", "zh-Hant", [(60, T)]),
    ("本研究30例患者治疗后HbA1c均下降。", "zh", [(30, T)]),                                # trap: the whole cohort
    ("The median age of the 45 patients was 52 years.", "en", [(45, T)]),                 # trap: "age of the" is no "N of"
    # the person noun, then the count, then what was done with the cohort
    ("2型糖尿病患者32例随机分为两组,每组16例。", "zh", [(16, A), (16, A), (32, T)]),
    ("第2型糖尿病患者40例接受幹細胞治療。", "zh-Hant", [(40, T)]),
    ("研究者将60例患者随机分为干细胞组(n=30)和对照组(n=30)。", "zh", [(30, A), (30, A), (60, T)]),
    ("治疗组患者15例均达标。", "zh", [(15, A)]),                                         # trap: one group's whole
    ("The FDA is requiring a postmarketing registry study of 300 patients followed for 15 years.", "en", []),
])
def test_parts_told_by_their_clause(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


# ---- more real-text shapes: a part's clause after a comma, dose groups in sequence, "label, N" lists ----
@pytest.mark.parametrize("text,lang,expected", [
    ("團隊為兩名第一型糖尿病患者移植胰島細胞,其中一名已完全停用胰島素。", "zh-Hant", [(2, T)]),
    ("团队为两名1型糖尿病患者移植了胰岛细胞,其中一名已停用胰岛素。", "zh", [(2, T)]),
    ("Two patients with type 1 diabetes received islets, of whom one stopped insulin.", "en", [(2, T)]),
    ("两名患者停用了胰岛素。", "zh", []),                                                  # trap: the outcome itself
    ("The first three patients received the low dose; the next three received the high dose.", "en",
     [(3, A), (3, A)]),
    ("The meta-analysis included 7 trials involving 388 participants (MSC group, 201; control group, 187).", "en",
     [(7, S), (187, A), (201, A), (388, T)]),
    ("共纳入388例患者(干细胞组:201例;对照组:187例)。", "zh", [(187, A), (201, A), (388, T)]),
    ("该研究共纳入48例患者,其中46例完成了12个月随访,2例失访。", "zh", [(48, T)]),
    ("A total of 45 patients were enrolled, and 3 patients discontinued because of adverse events.", "en", [(45, T)]),
    ("Hypoglycaemia (n = 3) and fever (n = 2) were the most common adverse events among the 40 participants.", "en",
     [(40, T)]),
    ("60名患者分成低劑量組(20人)、中劑量組(20人)及高劑量組(20人)。", "zh-Hant", [(20, A), (20, A), (20, A), (60, T)]),
    ("Participants were allocated to low dose (n = 10), medium dose (n = 10), or high dose (n = 10).", "en",
     [(10, A), (10, A), (10, A)]),
    ("Received 12 March 2023; accepted 20 May 2023; published 1 June 2023\n48 patients with type 2 diabetes were "
     "randomized.", "en", [(48, T)]),
    ("收稿日期:2023-03-12\n48例2型糖尿病患者随机分为两组。", "zh", [(48, T)]),
])
def test_more_real_text_shapes(text: str, lang: str, expected: list) -> None:
    assert sizes(text, lang) == sorted(expected)


@pytest.mark.parametrize("text", [
    "(" + "Cohort 1, n = 14; " * 3000 + ")",              # a bracket list that never closes properly
    "(" + "placebo  n = 1, " * 3000 + "x",
    "507 patients (" + "T1DM = 199, " * 3000,
    "Number (E/C) Female/male\n" + "Li 2016 21/21 12/9\n" * 3000,
])
def test_lists_fail_in_linear_time(text: str) -> None:
    import time
    t0 = time.perf_counter()
    decided_hits(EXTRACTOR, text, "en", normalised=False)
    assert time.perf_counter() - t0 < 5.0
