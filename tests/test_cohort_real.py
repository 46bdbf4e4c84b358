"""Cohort sizes, round 2 on real text: the phenomena behind the training set's misses, each shown on our own
sentences in simplified Chinese, traditional Chinese and English side by side, with the traps that must not match."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.fields.cohort import EXTRACTOR


def site_sizes(text: str, lang: str) -> list[tuple[int, str]]:
    """Every kept size once per fact, through the real normaliser (traditional Chinese is matched simplified)."""
    return sorted((h.value["n"], h.value["role"]) for h in decided_hits(EXTRACTOR, text, lang))


@pytest.mark.parametrize("text,lang,expected", [
    # counts composed with multipliers are read by numbers.py's composition, not as their tail
    ("共纳入3万4000例2型糖尿病患者的真实世界数据显示干细胞治疗有效。", "zh", [(34000, "total")]),
    ("该登记研究共纳入三万四千五百零七名2型糖尿病患者。", "zh", [(34507, "total")]),
    ("該登記研究共納入1.2萬名第2型糖尿病患者。", "zh-Hant", [(12000, "total")]),
    ("The registry enrolled one hundred and twelve patients with type 2 diabetes.", "en", [(112, "total")]),
    # no match: a vague amount, a country's statistic, a number beyond any cohort
    ("研究共纳入几十例2型糖尿病患者。", "zh", []),
    ("我国约有3万名患者接受过干细胞治疗。", "zh", []),
    ("國內已有1200名患者接受幹細胞治療。", "zh-Hant", []),
    ("全国有1.4亿名糖尿病患者。", "zh", []),
    # ... a named country's, when large ("台灣約有1萬多名"); a small count of a country may be a study's
    ("台灣約有1萬多名第一型糖尿病病友。", "zh-Hant", []),
    ("香港約有5,000名第1型糖尿病患者。", "zh-Hant", []),
    ("美国约有160万名1型糖尿病患者。", "zh", []),
    ("美国有40名1型糖尿病患者接受了干细胞胰岛治疗。", "zh", [(40, "total")]),
    ("香港約有一萬名一型糖尿病患者。", "zh-Hant", []),                              # in Chinese numerals
    # a symptom's count, whatever its trigger; a planned trial (规划); an outcome in the present tense
    ("共有30位受試者接受治療。共有5位受試者出現輕微頭痛。", "zh-Hant", [(30, "total")]),
    ("共有30位受试者接受治疗。共有5位受试者出现轻微头痛。", "zh", [(30, "total")]),
    ("Twenty children were enrolled. Two children had transient fever after the infusion.", "en", [(20, "total")]),
    ("Twenty children were enrolled. Two children had\n      transient fever after the infusion.", "en", [(20, "total")]),
    # the denominator of an outcome is the arm given with n = before, not a second total
    ("Twenty children were enrolled (UCB group, n = 12; control, n = 8). Seven of the 12 UCB recipients reached "
     "the target.", "en", [(8, "arm"), (12, "arm"), (20, "total")]),
    ("公司預計於2026年申請第二期臨床試驗,規劃收治120位受試者。", "zh-Hant", []),
    ("All 16 participants completed the 12-month visit. Eleven participants are insulin-independent.", "en",
     [(16, "total")]),
    # a registry's list of groups, each with its sample size: arms
    ("Group: P-MSC group; Sample size: 32; Intervention: cells.\nGroup: Placebo group; Sample size: 32; Intervention: "
     "saline.\nTotal sample size: 64", "en", [(32, "arm"), (32, "arm"), (64, "total")]),
    ("组别：试验组；样本量：30；干预措施：脐带间充质干细胞\n组别：对照组；样本量：30；干预措施：安慰剂", "zh",
     [(30, "arm"), (30, "arm")]),
    ("組別：試驗組；樣本量：30；干預措施：臍帶間充質幹細胞\n組別：對照組；樣本量：30；干預措施：安慰劑", "zh-Hant",
     [(30, "arm"), (30, "arm")]),
    ("Group: hAEC group; Sample size: 30; Intervention: hAECs 1.0 x 10^6 cells/kg.", "en", [(30, "total")]),  # one group
])
def test_composite_counts(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # an outcome in the next clause belongs to that clause's own count, not to the cohort before it
    ("将干细胞衍生的胰岛移植给12名1型糖尿病患者,一年后10人无需注射胰岛素。", "zh", [(12, "total")]),
    ("將幹細胞衍生的胰島移植給12名第1型糖尿病患者,一年後10人無需注射胰島素。", "zh-Hant", [(12, "total")]),
    ("Islets were given to 12 patients with type 1 diabetes; one year later, 10 no longer needed insulin.", "en",
     [(12, "total")]),
    # no match: the outcome is the count's own
    ("12名1型糖尿病患者无需注射胰岛素。", "zh", []),
    ("3名患者停用胰岛素,2名患者减量。", "zh", []),
    # an outcome said with a modal verb
    ("A total of 10 patients with type 2 diabetes were included. Three patients were able to discontinue insulin "
     "completely.", "en", [(10, "total")]),
    ("Twelve patients with type 1 diabetes were treated. Four patients could stop insulin within six months.", "en",
     [(12, "total")]),
    ("共纳入20例2型糖尿病患者。5例患者能够完全停用胰岛素。", "zh", [(20, "total")]),
    ("共納入20例第2型糖尿病患者。5例患者能夠完全停用胰島素。", "zh-Hant", [(20, "total")]),
    # trap: the enrolment verb comes first
    ("Twenty patients who were able to walk unaided were enrolled in the stem cell trial.", "en", [(20, "total")]),
])
def test_outcome_counts(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a registry record's or a filing's enrolment field: after a colon, or on the next line
    ("Official Title\nUmbilical Cord MSC in Type 2 Diabetes\n  • Study Participants\n\n    30\nThis study is a "
     "randomized trial.", "en", [(30, "total")]),
    ("Title: UC-MSC for type 2 diabetes\nTarget sample size: 60\nDesign: randomized", "en", [(60, "total")]),
    ("Enrollment (Estimated): 120 participants", "en", [(120, "total")]),
    ("脐带干细胞治疗2型糖尿病临床研究\n样本量:60例\n研究设计:随机对照", "zh", [(60, "total")]),
    ("干细胞治疗1型糖尿病\n目标入组人数:48人", "zh", [(48, "total")]),
    ("幹細胞治療第1型糖尿病試驗\n(6)試驗計劃受試者收納人數:10人。", "zh-Hant", [(10, "total")]),
    # no match: the field's words in prose, a date, a calculation
    ("Stem cells in type 1 diabetes. Enrollment was November 2003-July 2006.", "en", []),
    ("Sample size was calculated from a 0.5% difference in HbA1c.", "en", []),
    ("入组人数较少。", "zh", []),
])
def test_registry_fields(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a search's yield is not the number of included studies; the studies it narrows down to are
    ("A total of 47 studies were retrieved for detailed evaluation, of which 22 met the inclusion criteria for this "
     "meta-analysis.", "en", [(22, "studies_included")]),
    ("共检索到63篇文献,最终18项研究符合纳入标准,本荟萃分析纳入1型糖尿病患者。", "zh", [(18, "studies_included")]),
    ("共檢索到63篇文獻,其中18篇被納入本統合分析。", "zh-Hant", [(18, "studies_included")]),
    ("In this meta-analysis, 1,204 records were screened and 14 RCTs were included.", "en", [(14, "studies_included")]),
    # trap: found and included in one breath
    ("Thirteen studies were identified and included in this meta-analysis.", "en", [(13, "studies_included")]),
    # no match: a count of patients meeting criteria is not a count of studies
    ("其中12例患者符合纳入标准。", "zh", []),
])
def test_included_studies(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a meeting's audience is not a cohort
    ("Results of the trial in 61 patients with type 2 diabetes were presented at the annual meeting, the largest "
     "diabetes conference in the world, bringing together nearly 18,000 participants.", "en", [(61, "total")]),
    ("研究结果在年会上公布,30例2型糖尿病患者接受治疗。本届大会吸引了超过5000名参会者。", "zh", [(30, "total")]),
    ("研究結果在年會上公布,30例第2型糖尿病患者接受治療。本屆大會吸引了超過5000名與會者。", "zh-Hant", [(30, "total")]),
    # trap: a trial that attracted volunteers
    ("The trial attracted 60 volunteers with type 1 diabetes.", "en", [(60, "total")]),
])
def test_meeting_audience(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # 其中 after a clause that names studies: the participants of those studies, not a part of a larger cohort
    ("Lantidra的安全性和有效性在两项非随机、单组研究中进行了评估,其中共有30 名患有 1 型糖尿病的参与者接受了输注。", "zh",
     [(30, "total")]),
    ("該療法在兩項研究中進行了評估,其中共納入42名第1型糖尿病患者。", "zh-Hant", [(42, "total")]),
    # traps: a part of a counted cohort, or of persons the clause names
    ("共纳入60例患者,其中共有30名女性。", "zh", [(60, "total")]),
    ("患者接受了干细胞治疗,其中3名患者来自北京。", "zh", []),
])
def test_among_studies(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a size per group: as many arms as the groups the sentence names or the total divides into
    ("Forty-two patients with type 1 diabetes were randomized (n = 21/group) to either SCT or standard insulin "
     "therapy.", "en", [(21, "arm"), (21, "arm"), (42, "total")]),
    ("Patients with type 2 diabetes were randomized (n = 15 per arm) to either MSC or placebo.", "en",
     [(15, "arm"), (15, "arm")]),
    ("1型糖尿病患者随机分为两组(每组n=21),分别接受干细胞或胰岛素治疗。", "zh", [(21, "arm"), (21, "arm")]),
    ("第1型糖尿病患者隨機分為兩組(每組n=21),分別接受幹細胞或胰島素治療。", "zh-Hant", [(21, "arm"), (21, "arm")]),
    # trap: the number of groups is not stated
    ("Patients with type 2 diabetes were randomized (n = 15 per arm) to MSC, BM-MNC or placebo.", "en", [(15, "arm")]),
    # equal arms of a dose list are three groups, each named by its dose
    ("In this dose-finding trial in type 1 diabetes, participants received 1 × 10^6/kg (n = 6), 3 × 10^6/kg (n = 6) "
     "or saline (n = 6).", "en", [(6, "arm"), (6, "arm"), (6, "arm")]),
    # trap: a lone bracket after a dose gives the cohort
    ("Patients with type 1 diabetes received 1.2 3 106/kg (n = 10) of the cells.", "en", [(10, "total")]),
])
def test_groups_of_equal_size(text, lang, expected):
    assert site_sizes(text, lang) == expected


def test_equal_dose_groups_keep_distinct_labels():
    hits = decided_hits(EXTRACTOR, "Participants with type 2 diabetes received 0.5 × 10^6/kg (n = 8), 1.5 × 10^6/kg "
                                   "(n = 8) or placebo (n = 8).", "en")
    assert sorted(h.value["label"] for h in hits) == ["0.5 × 10^6/kg", "1.5 × 10^6/kg", "placebo"]


@pytest.mark.parametrize("text,lang,expected", [
    # one patient described by the disease, the object of what the study did
    ("The study involved intramuscular transplantation of islet cells into the forearm of one patient with Type 1 "
     "diabetes.", "en", [(1, "total")]),
    ("Sana reported 6-month data from a single patient with T1D who received the cells.", "en", [(1, "total")]),
    # no match: an event in one patient, or what one patient did
    ("Fever occurred in one patient with type 1 diabetes.", "en", []),
    ("One patient with type 2 diabetes withdrew.", "en", []),
    ("Twenty patients were enrolled. A rash was seen in one patient with type 2 diabetes.", "en", [(20, "total")]),
])
def test_one_patient_as_object(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # procedures counted for their patients, and the parts (by era, by group) that add up to them
    ("根据注册中心提供的数据,1999年至2010年共尝试过677例胰岛移植手术。胰岛移植3年后,脱离胰岛素的比例由早期(1999年至2002年,"
     "214例)的27%,提高到中期(2003年至2006年,255例)的37%和近期(2007年至2010年,208例)的44%。", "zh",
     [(208, "arm"), (214, "arm"), (255, "arm"), (677, "total")]),
    ("根據註冊中心提供的數據,1999年至2010年共嘗試過677例胰島移植手術,早期(1999年至2002年,214例)、中期(2003年至2006年,"
     "255例)和近期(2007年至2010年,208例)。", "zh-Hant", [(208, "arm"), (214, "arm"), (255, "arm"), (677, "total")]),
    ("Between 1999 and 2010, 677 islet transplants were performed in the registry.", "en", [(677, "total")]),
    ("该院共完成30例干细胞移植治疗糖尿病。", "zh", [(30, "total")]),
    # no match: organs, administrations per patient, brackets that add up to nothing
    ("该院已完成300例肝移植手术。", "zh", []),
    ("Two islet transplants were performed in each patient.", "en", []),
    ("研究纳入60例患者。亚组分析(男性,25例)显示获益。", "zh", [(60, "total")]),
])
def test_procedures_and_their_parts(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # an arm list without brackets, its items separated by semicolons
    ("Patients (n = 45) with type 2 diabetes were assigned to low dose, n = 15; medium dose, n = 15; or high dose, "
     "n = 15.", "en", [(15, "arm"), (15, "arm"), (15, "arm"), (45, "total")]),
    ("患者分为三组:干细胞组,n=20;胰岛素组,n=20;对照组,n=18。", "zh", [(18, "arm"), (20, "arm"), (20, "arm")]),
    ("患者分為三組:幹細胞組,n=20;胰島素組,n=20;對照組,n=18。", "zh-Hant", [(18, "arm"), (20, "arm"), (20, "arm")]),
    ("The mean age was 52 years; n = 40 overall.", "en", []),                          # trap: one count, no list
])
def test_bare_arm_lists(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # ERRORS.md 4.3 in other words: completers, responders, failures, adverse events, a numbered patient of several
    ("Forty-five patients with type 2 diabetes were infused with MSCs. Thirty-eight patients finished the study and "
     "seven patients with neuropathy required foot care. Adverse events were mild: fever (n = 6), headache (n = 2).",
     "en", [(45, "total")]),
    ("入组52例2型糖尿病患者。其中46例完成12个月随访,6例因不良反应退出。不良反应包括发热(n=4)和皮疹(n=2)。", "zh",
     [(52, "total")]),
    ("入組52例第2型糖尿病患者,44例應答良好,8例無應答。", "zh-Hant", [(52, "total")]),
    ("研究团队公布了4名1型糖尿病患者的数据。其中第三位患者是一名29岁男性,移植后5个月停用胰岛素。", "zh", [(4, "total")]),
    ("Twenty-four adults with type 1 diabetes received the cells. Eighteen responded and six did not respond.", "en",
     [(24, "total")]),
    ("共对28例糖尿病足患者行干细胞移植,24例溃疡愈合,4例愈合失败的患者接受截肢。", "zh", [(28, "total")]),
])
def test_errors_4_3_other_wordings(text, lang, expected):
    assert site_sizes(text, lang) == expected


def test_table_row_with_empty_later_cells() -> None:
    """A study row that leaves its later pair cells empty (no female/male) still gives its arms; a continuation row
    with one pair does not."""
    from extract.fields.cohort_tables import table_row_arms
    table = ("Author (year) Country Number (E/C) Group Female/male Intervention Follow-up (months)\n"
             " Walicka, 2018 [18] Poland 23/8 E AHSCT+insulin IV 6, 12, 24, 36, 48\n"
             "C 10/11 Insulin\n"
             "研究 国家 例数(治疗组/对照组) 男/女 随访\n 王等(2019) 中国 30/28 干细胞 12个月\n")
    row = table.index(" Walicka")
    assert [a[0] for a in table_row_arms(table, row, table.index("\n", row))] == [23, 8]
    cont = table.index("C 10/11")
    assert table_row_arms(table, cont, table.index("\n", cont)) == []
    zh = table.index(" 王等")
    assert [a[0] for a in table_row_arms(table, zh, len(table))] == [30, 28]


@pytest.mark.parametrize("text,lang,expected", [
    # a preclinical study's own animals, randomised into its groups
    ("方法: 50只链脲佐菌素(streptozotocin, STZ)诱导的SD大鼠随机分为4组移植于肾包膜下。", "zh", [(50, "total")]),
    ("方法: 50隻鏈脲佐菌素誘導的SD大鼠隨機分為4組。", "zh-Hant", [(50, "total")]),
    ("Forty diabetic mice were randomly divided into four groups.", "en", [(40, "total")]),
    # traps: animals of background work, or beside a counted cohort of persons
    ("团队此前在20只小鼠中验证了该方法。30例2型糖尿病患者接受治疗。", "zh", [(30, "total")]),
    ("Forty diabetic mice were randomly divided into four groups. Then 12 patients with type 1 diabetes were treated.",
     "en", [(12, "total")]),
])
def test_animals_of_a_preclinical_study(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a registry's own worldwide report is the registry's cohort; procedures of two kinds are its groups
    ("根据人体胰岛细胞移植登记的报告,自1999至2020年全世界共进行1233例自体胰岛细胞移植及1520例异体胰岛细胞移植。", "zh",
     [(1233, "arm"), (1520, "arm")]),
    ("根據人體胰島細胞移植登錄的報告,自1999至2020年全世界共進行1233例自體胰島細胞移植及1520例異體胰島細胞移植。", "zh-Hant",
     [(1233, "arm"), (1520, "arm")]),
    ("According to the Collaborative Islet Transplant Registry, 1,086 recipients worldwide received islet "
     "transplants.", "en", [(1086, "total")]),
    # traps: a world statistic with no registry behind it, an organ beside the cells
    ("1893-2005年全世界共有1154名患者接受胰岛移植。", "zh", []),
    ("Worldwide, 1,500 people have received islet transplants.", "en", []),
    ("该院完成30例干细胞移植和2例肝移植。", "zh", []),
])
def test_registry_reports(text, lang, expected):
    assert site_sizes(text, lang) == expected
