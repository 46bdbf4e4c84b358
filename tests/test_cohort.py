"""Cohort sizes: totals, arms, included studies, and the counts that are none of these."""
from __future__ import annotations

import pytest
from field_helpers import decided_hits

from extract.document import Document, SourceDoc
from extract.fields.base import Span
from extract.fields.cohort import EXTRACTOR


def sizes(text: str, lang: str = "zh") -> set[tuple[int, str]]:
    hits = decided_hits(EXTRACTOR, text, lang, normalised=False)
    return {(h.value["n"], h.value["role"]) for h in hits}


@pytest.mark.parametrize("text,lang,expected", [
    # totals
    ("该研究共纳入120例2型糖尿病患者,随访一年。", "zh", {(120, "total")}),
    ("研究者招募了48名受试者接受脐带间充质干细胞治疗。", "zh", {(48, "total")}),
    ("本研究共納入86例第1型糖尿病患者。", "zh-Hant", {(86, "total")}),
    ("三十名糖友参与了这项单臂试验。", "zh", {(30, "total")}),
    ("We enrolled 64 adult patients with type 2 diabetes.", "en", {(64, "total")}),
    ("A total of 40 participants were randomized.", "en", {(40, "total")}),
    ("Eighteen patients were treated with autologous cells.", "en", {(18, "total")}),
    ("Seven out of nine patients stopped insulin.", "en", {(9, "total")}),
    ("14 of the 21 patients became insulin independent.", "en", {(21, "total")}),
    ("The trial (n = 58) used umbilical cord cells.", "en", {(58, "total")}),
    # a single case
    ("本文报告1例确诊为2型糖尿病的58岁女性患者接受干细胞输注。", "zh", {(1, "total")}),
    ("We describe a 47-year-old man who received islet cells.", "en", {(1, "total")}),
    # arms
    ("干细胞组40名、对照组38名患者完成随访。", "zh", {(40, "arm"), (38, "arm")}),
    ("共纳入96例患者(50例治疗组和46例安慰剂组)。", "zh", {(96, "total"), (50, "arm"), (46, "arm")}),
    ("治療組(n=25)與對照組(n=24)", "zh-Hant", {(25, "arm"), (24, "arm")}),
    ("Patients received MSCs (n = 33) or placebo (n = 31).", "en", {(33, "arm"), (31, "arm")}),
    ("Of these, 27 were assigned to the cell therapy group and 25 controls.", "en", {(27, "arm"), (25, "arm")}),
    # included studies of a meta-analysis, with the pooled participants as the total
    ("这项荟萃分析纳入了11项随机对照试验,共涉及612名受试者。", "zh", {(11, "studies_included"), (612, "total")}),
    ("這項薈萃分析納入9項RCT、共420例患者。", "zh-Hant", {(9, "studies_included"), (420, "total")}),
    ("The meta-analysis pooled 7 randomized controlled trials with 389 patients.", "en",
     {(7, "studies_included"), (389, "total")}),
    # no match
    ("全球已注册1800项干细胞相关临床试验。", "zh", set()),
    ("全球约5亿患者受糖尿病影响。", "zh", set()),
    ("About 460 million people live with diabetes worldwide.", "en", set()),
    ("患者年龄60岁,病程8年,2019年入院。", "zh", set()),
    ("Participants were aged 18-35 years.", "en", set()),
    ("治疗后有6名患者在9个月内完全脱离胰岛素。", "zh", set()),
    ("其中12例患者停用胰岛素。", "zh", set()),
    ("Nine patients achieved insulin independence.", "en", set()),
    ("研究使用了20只糖尿病小鼠。", "zh", set()),
    ("Twelve mice were transplanted with islets.", "en", set()),
    ("我国进行了4项研究,美国进行了2项研究。", "zh", set()),
    ("Type 2 diabetes patients often need insulin.", "en", set()),
])
def test_cohort(text, lang, expected):
    assert sizes(text, lang) == expected


def test_arm_labels():
    text = "共纳入96例患者(50例治疗组和46例安慰剂组)。"
    doc = Document("t.txt", text, text, "zh", SourceDoc("t.txt", text, "txt"))
    labels = {h.value["n"]: h.value["label"] for h in EXTRACTOR.find(Span(doc, 0, len(text)))
              if h.value["role"] == "arm"}
    assert labels == {50: "治疗组", 46: "安慰剂组"}


@pytest.mark.parametrize("text,expected", [
    # issue 3: analysis subgroups defined by completed follow-up are arms, not totals
    ("The registry included 150 patients who completed three months and 60 patients who were followed "
     "for a year.", {(150, "arm"), (60, "arm")}),
])
def test_subgroups(text, expected):
    assert sizes(text, "en") == expected


# ---- generalisation table: phrasings of unseen sites, run through the real normalisation ----
def site_sizes(text: str, lang: str) -> list[tuple[int, str]]:
    """Every kept size once per fact: two arms of equal size are two facts."""
    hits = decided_hits(EXTRACTOR, text, lang)
    return sorted((h.value["n"], h.value["role"]) for h in hits)


@pytest.mark.parametrize("text,lang,expected", [
    # totals and arms of an abstract / a hospital post / a Taiwanese or HK news item
    ("Forty-two participants with type 1 diabetes were randomized 2:1 to receive MSCs (n = 28) or placebo "
     "(n = 14).", "en", [(14, "arm"), (28, "arm"), (42, "total")]),
    ("入组患者共86例，其中试验组43例，对照组43例。", "zh", [(43, "arm"), (43, "arm"), (86, "total")]),
    ("该研究纳入了30名1型糖尿病患者，随机分为干细胞治疗组（15例）和常规治疗组（15例）。", "zh",
     [(15, "arm"), (15, "arm"), (30, "total")]),
    ("研究共纳入60名受试者（干细胞组30名，安慰剂组30名），年龄45.6±8.2岁。", "zh",
     [(30, "arm"), (30, "arm"), (60, "total")]),
    ("研究團隊招募了24名第一型糖尿病患者，其中12人接受幹細胞治療，另外12人作為對照。", "zh-Hant",
     [(12, "arm"), (12, "arm"), (24, "total")]),
    ("The study included 45 adults, of whom 30 received cells and 15 received standard care.", "en",
     [(15, "arm"), (30, "arm"), (45, "total")]),
    ("該院2018年起共收治120位患者，平均年齡52歲。", "zh-Hant", [(120, "total")]),
    ("Twenty patients aged 25-60 years with a diabetes duration of 10 years were enrolled.", "en", [(20, "total")]),
    ("In the Phase 1/2 portion, 12 participants received the full dose as a single infusion; all 12 achieved "
     "HbA1c below 7%.", "en", [(12, "total")]),
    # follow-up subgroups are arms
    ("The 83 patients who were followed for up to twelve months after receiving the infusion showed durable "
     "benefit.", "en", [(83, "arm")]),
    # meta-analyses: included studies and pooled participants
    ("A systematic review and meta-analysis of 14 RCTs involving 812 patients found benefit.", "en",
     [(14, "studies_included"), (812, "total")]),
    ("Twenty-one studies (n = 1,024) met the inclusion criteria of this meta-analysis.", "en",
     [(21, "studies_included"), (1024, "total")]),
    ("本荟萃分析共检索到文献1253篇，最终纳入15项研究，涉及患者1026例。", "zh",
     [(15, "studies_included"), (1026, "total")]),
    # "收集了N篇RCT" / "collected N trials": collecting is including, in a review
    ("这项荟萃分析收集了11篇随机对照试验，共纳入486例患者。", "zh", [(11, "studies_included"), (486, "total")]),
    ("這篇系統性回顧收錄了9篇隨機對照試驗、總共512位患者。", "zh-Hant", [(9, "studies_included"), (512, "total")]),
    ("The systematic review collected 7 randomized trials with 388 patients.", "en",
     [(7, "studies_included"), (388, "total")]),
    ("研究团队收集了3项临床试验的血样。", "zh", []),                                   # trap: no review, samples
    # "入组了24个2型糖尿病患者": 个 as the classifier when the person noun follows; "病友" is a patient
    ("一期临床入组了24个2型糖尿病患者，每人输注3次。", "zh", [(24, "total")]),
    ("該試驗入組了18個糖尿病患者。", "zh-Hant", [(18, "total")]),
    ("项目入组了3个中心的患者。", "zh", []),                                           # trap: centres, not persons
    ("23名病友年齡介於45至72歲，治療後追蹤1年。", "zh-Hant", [(23, "total")]),
    ("共有12名病友接受了干细胞输注。", "zh", [(12, "total")]),
    ("医院建立了3个病友群。", "zh", []),                                               # trap: chat groups
    # equal groups stated once: one arm per group
    ("随机分为治疗组和对照组，每组40例。", "zh", [(40, "arm"), (40, "arm")]),
    ("Sixty patients were randomized into two groups of 30.", "en", [(30, "arm"), (30, "arm"), (60, "total")]),
    ("Patients were randomized 1:1 to UC-MSC (n=15) or placebo (n=15).", "en", [(15, "arm"), (15, "arm")]),
    ("研究对象为2019年1月至2021年12月收治的80例2型糖尿病患者。", "zh", [(80, "total")]),
    ("共有患者58例。", "zh", [(58, "total")]),
    ("研究涉及三十名病人。", "zh-Hant", [(30, "total")]),
    ("The trial, which involved 50 people with type 1 diabetes, met its goal.", "en", [(50, "total")]),
    ("10 of the 12 patients were insulin independent at one year.", "en", [(12, "total")]),
    # a sex breakdown is not a size
    ("Three patients (2 men, 1 woman) received islet transplants.", "en", [(3, "total")]),
    ("共纳入52例患者，其中男性30例，女性22例。", "zh", [(52, "total")]),
    # no match: animals, ages, years, background statistics, outcome counts
    ("Islet grafts reversed hyperglycaemia in diabetic NOD mice (n = 3).", "en", []),
    ("研究使用10只NOD小鼠（n=10）。", "zh", []),
    ("In 2023, 537 million adults lived with diabetes; mean age 45.2 years, BMI 28 kg/m2.", "en", []),
    ("其中5例患者在随访期间停用胰岛素。", "zh", []),
    ("Of these, 8 patients achieved insulin independence at one year.", "en", []),
    ("全球已有超过1000项间充质干细胞临床试验注册。", "zh", []),
])
def test_cohort_sites(text, lang, expected):
    assert site_sizes(text, lang) == expected


def test_split_arm_labels():
    from extract.normalise import matching_view, normalise
    t = normalise("The study included 45 adults, of whom 30 received cells and 15 received standard care.").text
    doc = Document("t.txt", t, matching_view(t, "en"), "en", SourceDoc("t.txt", t, "txt"))
    labels = {h.value["n"]: h.value["label"] for h in EXTRACTOR.find(Span(doc, 0, len(t)))
              if h.value["role"] == "arm"}
    assert labels == {30: "received cells", 15: "received standard care"}


# ---- blind-set phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # an enrolment verb, a long description, then "患者N例" (journal-abstract style)
    ("选取2020年1月至2022年6月在某医院内分泌科住院的初诊2型糖尿病患者64例,年龄30~65岁。", "zh", [(64, "total")]),
    ("納入病程5~20年、HbA1c在7.0%~10.0%之間的第2型糖尿病患者88例。", "zh-Hant", [(88, "total")]),
    ("纳入标准:年龄18~65岁的患者。", "zh", []),                       # trap: criteria, no count
    # "共N例完成随访" and "各N例" over named groups
    ("共36例完成随访,其中观察组18例、对照组18例。", "zh",
     [(18, "arm"), (18, "arm"), (36, "total")]),
    ("隨機分為幹細胞組和安慰劑組各20例。", "zh-Hant", [(20, "arm"), (20, "arm")]),
    ("入组患者男女各10例。", "zh", []),                                # trap: a breakdown by sex
    ("共3例出现一过性发热。", "zh", []),                                # trap: 共 + an outcome
    # "共入组N例": 入组 is the enrolment verb, not a group
    ("该研究共入组9例新诊断1型糖尿病患者。", "zh", [(9, "total")]),
    # a study's size as its attribute
    ("该团队此前完成了一项30人的开放标签先导研究。", "zh", [(30, "total")]),
    ("團隊早前進行一項16人的小型研究。", "zh-Hant", [(16, "total")]),
    ("An earlier 24-patient pilot study used the same cells.", "en", [(24, "total")]),
    # planned studies and vague amounts are not sizes
    ("团队计划明年开展一项约200人的随机对照试验。", "zh", []),
    ("團隊計劃招募約60名患者。", "zh-Hant", []),
    ("The company plans to enroll 40 participants next year.", "en", []),
    ("等候名单上仍有数十名患者。", "zh", []),
    ("仍有幾十名病人在等待移植。", "zh-Hant", []),
    # a single patient introduced, the story continuing after the comma
    ("一名患病20年的56岁男子,过去多次发生严重低血糖。", "zh", [(1, "total")]),
    ("一名罹患第1型糖尿病15年的35歲女子，曾發生嚴重低血糖。", "zh-Hant", [(1, "total")]),
    ("其中一名患者出现发热。", "zh", []),                                # trap: a subset
    # registry records
    ("Enrollment (Actual): 48", "en", [(48, "total")]),
    # a registry's target enrolment is the registered trial's stated size (round 2: the annotated trial pages keep it)
    ("Enrollment (Estimated): 120", "en", [(120, "total")]),
    ("实际入组人数:30", "zh", [(30, "total")]),
    # the person noun left out; completers of the whole cohort; screened is not enrolled
    ("Of 60 patients screened, 44 were enrolled.", "en", [(44, "total")]),
    ("Forty adults were treated; 37 completed 6 months of follow-up.", "en", [(37, "total"), (40, "total")]),
    ("Fifteen participants had been dosed by the cut-off date.", "en", [(15, "total")]),
    # comparisons and time points are not counts
    ("Even pooled, the trials still included fewer than 1,000 people.", "en", []),
    ("The report adds data for more than ten recipients.", "en", []),
    ("HbA1c fell to 6.5% at Day 180 in the full-dose cohort.", "en", []),
    ("第12周时治疗组HbA1c下降。", "zh", []),
    # counts of a group followed by what happened to them
    ("Three patients in the cell group and one control had a mild fever.", "en", []),
    ("Four patients reduced or stopped their sulfonylurea.", "en", []),
])
def test_cohort_blind_phenomena(text, lang, expected):
    assert site_sizes(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected", [
    # a breakdown in brackets whose parts add up to the count before it
    ("Of the 90 randomized participants, 84 completed the final visit (43 MSC, 41 placebo).", "en",
     [(41, "arm"), (43, "arm"), (84, "total"), (90, "total")]),
    ("Of the 90 participants, 84 completed the final visit (age 43 years, 41 kg/m2).", "en",
     [(84, "total"), (90, "total")]),                                # trap: not a breakdown
    ("共纳入40例患者(21例治疗组和19例对照组)。", "zh", [(19, "arm"), (21, "arm"), (40, "total")]),
    # table cells "N例(a/b)"
    ("例数 | 50例(25/25) | 12个月", "zh", [(25, "arm"), (25, "arm"), (50, "total")]),
    ("例數 | 30例(20/10)", "zh-Hant", [(10, "arm"), (20, "arm"), (30, "total")]),
    ("例数 | 30例(20/12)", "zh", []),                                # trap: parts do not add up
    ("Participants | 36 (24/12) | 52 weeks", "en", [(12, "arm"), (24, "arm"), (36, "total")]),
    # "N were enrolled: a did X and b did Y"
    ("Of 50 patients screened, 30 were enrolled: 16 chose cell therapy (MSC group) and 14 continued usual "
     "care (control group).", "en", [(14, "arm"), (16, "arm"), (30, "total")]),
    # two counts that each received something, in one sentence, are groups; a lone one is the total
    ("In cohort 1, 4 participants received a low dose; in cohort 2, 8 participants received a high dose.", "en",
     [(4, "arm"), (8, "arm")]),
    ("第一阶段3名受试者接受低剂量,第二阶段6名受试者接受高剂量。", "zh", [(3, "arm"), (6, "arm")]),
    ("In the Phase 1/2 portion, 12 participants received the full dose as a single infusion.", "en",
     [(12, "total")]),
    # "其中N名接受了X": a treated part of the cohort is a group; said again later, it is that group
    ("共20名受试者接受了输注,其中8名接受了高剂量并完成了随访。8名高剂量受试者均检测到C肽。", "zh",
     [(8, "arm"), (20, "total")]),
    ("共招募30名患者,其中15人接受干细胞输注(每公斤体重100万个细胞),另15人仅接受常规治疗。", "zh",
     [(15, "arm"), (15, "arm"), (30, "total")]),
    # a treated group compared with another group
    ("The team gave MSCs to 12 patients with diabetic foot ulcers and compared them with 12 patients on "
     "standard care.", "en", [(12, "arm"), (12, "arm")]),
    ("研究者为15例患者输注干细胞,并与15例接受常规治疗的患者进行比较。", "zh", [(15, "arm"), (15, "arm")]),
    ("共纳入334例患者(172例实验组和162例对照组)。", "zh", [(162, "arm"), (172, "arm"), (334, "total")]),
    # an analysis subgroup that reached a time point
    ("Among the 9 full-dose participants who had reached Day 180, mean HbA1c fell.", "en", [(9, "arm")]),
])
def test_cohort_breakdowns(text, lang, expected):
    assert site_sizes(text, lang) == expected


# ---- blind2 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # "N were randomly assigned (a X, b Y)": the elliptic total with the adverb
    ("Of 150 people screened, 84 were randomly assigned (56 MSC, 28 placebo).", "en",
     [(28, "arm"), (56, "arm"), (84, "total")]),
    ("A further 30 were randomly allocated.", "en", [(30, "total")]),
    ("Of 150 people screened, 84 were randomly assigned.", "en", [(84, "total")]),  # trap: 150 screened
    # counts listed together or ending a range are sizes of several things, not the cohort
    ("We found two small trials (20 and 21 participants) of MSCs.", "en", []),
    ("既往两项小型研究分别纳入了20例和21例患者。", "zh", []),
    ("先前兩項研究(分別有18例與24例患者)規模都很小。", "zh-Hant", []),
    ("We included 16 RCTs with 892 participants (range 18 to 120 participants per trial).", "en",
     [(16, "studies_included"), (892, "total")]),
    ("Trials enrolled 30 participants per site.", "en", []),
    ("In 2021, 120 patients with type 2 diabetes joined the registry.", "en", [(120, "total")]),  # trap: a comma
    ("A total of 60 participants were enrolled.", "en", [(60, "total")]),          # trap: a plain total
    # a plan phrased with "aiming to", "hopes to", "希望", "打算"
    ("The team hopes to run a larger trial, aiming to recruit 120 people from 2026.", "en", []),
    ("团队打算明年招募200名患者开展后续研究。", "zh", []),
    ("團隊希望招募100名受試者。", "zh-Hant", []),
    # "n = N" after the dose inside the group's bracket
    ("Participants were randomized to BM-MSCs (2.5 × 10^6 cells/kg; n = 20) or placebo (n = 20).", "en",
     [(20, "arm"), (20, "arm")]),
    ("患者分为干细胞组(1×10^6个/kg;n=24)和对照组(n=22)。", "zh", [(22, "arm"), (24, "arm")]),
    ("A dose of 1 × 10^6 cells/kg (95% CI, range 0.8-1.2) was used.", "en", []),  # trap: no n
    # a count qualified by its dose level is a dose group
    ("Among the 8 full-dose participants with 12-month data, HbA1c fell.", "en", [(8, "arm")]),
    ("入组的6名高剂量患者均耐受良好。", "zh", [(6, "arm")]),
    ("12名全劑量受試者均完成追蹤。", "zh-Hant", [(12, "arm")]),
    ("Twelve full-dose participants had completed 1 year of follow-up.", "en", [(12, "arm")]),
    ("·12名全剂量受试者均完成随访。", "zh", [(12, "arm")]),                       # a list bullet, not a decimal point
    ("Three high-dose participants had a mild fever.", "en", []),                 # trap: an outcome
    # a denominator of one group's share is that group again, not the cohort
    ("HbA1c <7% was achieved by 11 of 20 participants given MSCs and 4 of 20 given placebo.", "en", []),
    ("10 out of 12 patients receiving the therapy stopped insulin.", "en", [(12, "total")]),  # trap: the cohort
    # an event's count ("occurred in N") is not a cohort or group size
    ("Transient fever occurred in 3 children in the stem cell group.", "en", []),
    ("不良反应见于5例患者。", "zh", []),
    # a weak count in a clause opened by 其中 is a part of a larger count
    ("门诊共接待咨询患者600余人次,其中符合入组条件的42位患者参加了临床研究。", "zh", []),
    ("其中符合條件的30位患者參加了研究。", "zh-Hant", []),
    # groups listed after a colon, adding up to the count earlier in the sentence
    ("14 participants had been dosed in the open-label trial (NCT06123457): 4 at half dose (about 4 x 10^8 cells) "
     "and 10 at the full dose (about 8 x 10^8 cells), implanted subcutaneously.", "en",
     [(4, "arm"), (10, "arm"), (14, "total")]),
    ("15 patients were treated: 5 at the low dose and 6 at the high dose.", "en", [(15, "total")]),  # trap: 5+6≠15
    # a treated part of the cohort, the treatment after a "在…基础上" phrase
    ("研究纳入42名患儿,其中21名在胰岛素治疗基础上接受了2次干细胞输注。", "zh", [(21, "arm"), (42, "total")]),
    ("研究納入40名患者,其中20名在常規治療基礎上接受了幹細胞輸注。", "zh-Hant", [(20, "arm"), (40, "total")]),
    # the count at the end of a Chinese case report's title
    ("脐带间充质干细胞治疗2型糖尿病合并难愈性足溃疡1例\n\n患者男,58岁。", "zh", [(1, "total")]),
    ("自體骨髓幹細胞移植治療第1型糖尿病1例報告並文獻複習", "zh-Hant", [(1, "total")]),
    ("脐带间充质干细胞治疗糖尿病的研究进展\n\n正文。", "zh", []),                  # trap: a title without 1例
    # a programme's treated patients so far, unlike a country's
    ("目前已有14名第一型糖尿病患者接受植入,追蹤滿一年。", "zh-Hant", [(14, "total")]),
    ("全国已有1000名患者接受干细胞治疗。", "zh", []),
    ("目前已有30名患者报名参加。", "zh", []),
    # a bilingual abstract names each group twice: one set of arms
    ("根据意愿分为干细胞组(21例)和对照组(21例)。对照组予常规胰岛素强化治疗,干细胞组在此基础上静脉输注"
     "hUC-MSCs,随访12个月,比较两组治疗前后糖化血红蛋白、空腹C肽、混合餐刺激后2 h C肽、每日胰岛素用量及不良反应发生情况。"
     "结论 干细胞输注可改善新诊断患儿的血糖控制,减少外源性胰岛素用量,短期安全性良好,长期疗效仍有待大样本研究证实。"
     "Methods Children were divided into a stem cell group (n=21) and a control group (n=21).", "zh",
     [(21, "arm"), (21, "arm")]),
    ("共纳入42例患者(21例MSC, 21例对照)。", "zh", [(21, "arm"), (21, "arm"), (42, "total")]),  # trap: side by side
    # the number of included studies after a sentence that ends with a background word
    ("研究人员对随机对照试验进行了系统检索。该系统评价共纳入16项RCT、892名受试者。", "zh",
     [(16, "studies_included"), (892, "total")]),
    ("全球已注册1512项干细胞临床试验。", "zh", []),                                  # trap: background
])
def test_cohort_blind2_phenomena(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- blind3 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # the number of groups with a qualifier between the count and 组 ("分为低、中、高3个剂量组", "three dose cohorts")
    ("共入组30例患者,分为低、中、高3个剂量组,每组10例。", "zh", [(10, "arm"), (10, "arm"), (10, "arm"), (30, "total")]),
    ("研究共招募27名受試者,分成三個劑量組,每組9人。", "zh-Hant", [(9, "arm"), (9, "arm"), (9, "arm"), (27, "total")]),
    ("Thirty patients were enrolled into three dose cohorts of 10.", "en",
     [(10, "arm"), (10, "arm"), (10, "arm"), (30, "total")]),
    ("每组10例。", "zh", [(10, "arm")]),                                              # trap: groups not counted
    # groups per arm whose number the total gives ("84 randomised (42 per arm)")
    ("A total of 60 participants were randomised (30 per arm).", "en", [(30, "arm"), (30, "arm"), (60, "total")]),
    ("共纳入40例患者,每组20例。", "zh", [(20, "arm"), (20, "arm"), (40, "total")]),
    ("共纳入45例患者,每组20例。", "zh", [(20, "arm"), (45, "total")]),               # trap: 45 is not 2 × 20
    ("Of 90 patients screened, 60 were randomised (30 per arm).", "en",               # trap: 90 screened
     [(30, "arm"), (30, "arm"), (60, "total")]),
    # "(LABEL n = N; LABEL n = N)": each group named inside one bracket
    ("In all, 90 participants were randomised (MSC n = 45; placebo n = 45).", "en",
     [(45, "arm"), (45, "arm"), (90, "total")]),
    ("Participants (cell therapy n=31, standard care n=29) were followed for a year.", "en",
     [(29, "arm"), (31, "arm")]),
    ("患者共52例(干细胞组 n=26;对照组 n=26)。", "zh", [(26, "arm"), (26, "arm"), (52, "total")]),
    # an infinitive "to enroll" is a plan, whatever word introduces it
    ("A phase 3 study set to enroll about 200 patients will start next year.", "en", []),
    ("The trial is designed to recruit 150 participants across 12 sites.", "en", []),
    ("The study enrolled 48 patients at three sites.", "en", [(48, "total")]),        # trap: enrolled, not a plan
    # a count that received a named dose level is that dose group
    ("Fourteen patients were enrolled. Ten patients received the full dose of 1 billion cells.", "en",
     [(10, "arm"), (14, "total")]),
    ("The remaining 8 received the high dose.", "en", [(8, "arm")]),
    ("共入组20例;16例接受全剂量(6亿细胞)。", "zh", [(16, "arm"), (20, "total")]),
    ("另有5名受試者接受低劑量治療。", "zh-Hant", [(5, "arm")]),
    ("Ten patients received stem cells.", "en", [(10, "total")]),                      # trap: no dose level
    # the denominator of a dose group's share is that dose group, whatever happened to the numerator
    ("Eight of the 10 full-dose patients remained insulin independent.", "en", [(10, "arm")]),
    ("10名高劑量患者中有7名停用胰島素。", "zh-Hant", [(10, "arm")]),
    # a total followed by a comma and what was done with the cohort: the outcome belongs to a later clause
    ("该I期研究共18位患者,分成三个剂量组,没有出现严重不良反应。", "zh", [(18, "total")]),
    ("本研究共20名病童,追蹤兩年,未出現嚴重不良事件。", "zh-Hant", [(20, "total")]),
    ("共12例脱离胰岛素。", "zh", []),                                               # trap: the outcome itself
    # "在N名完成试验的患者中": the completers of the whole trial, as a denominator
    ("在96名完成試驗的患者中,接受幹細胞的一組糖化血色素明顯下降。", "zh-Hant", [(96, "total")]),
    ("在58例完成随访的患者中,干细胞组HbA1c下降更明显。", "zh", [(58, "total")]),
    ("在11例停用胰岛素的患者中,2例重新使用胰岛素。", "zh", []),                 # trap: an outcome-defined set
    # a split whose second group has a long description before its allocation
    ("共22名病童參與,其中12名接受自體幹細胞回輸,另10名年齡、病程相近的病童作為對照組。", "zh-Hant",
     [(10, "arm"), (12, "arm"), (22, "total")]),
    ("共纳入30例患者,其中16例接受干细胞输注,另14例病程相近的患者作为对照。", "zh",
     [(14, "arm"), (16, "arm"), (30, "total")]),
    # 计划/計畫 as a noun ("该计划", "this programme") is not a plan
    ("依該院提報資料,該計畫共收治45名第二型糖尿病患者。", "zh-Hant", [(45, "total")]),
    ("此计划共纳入32例患者。", "zh", [(32, "total")]),
    ("医院计划招募60名患者。", "zh", []),                                             # trap: a plan
    # "在N例…患者中" + what the researchers did in them: the cohort
    ("2021年,团队在18名2型糖尿病患者中完成了剂量递增的I期试验。", "zh", [(18, "total")]),
    ("該團隊在24名第一型糖尿病患者中進行了幹細胞輸注。", "zh-Hant", [(24, "total")]),
    ("宋等开展的单臂研究在30例糖尿病肾病患者中静脉输注脐带MSC 2次。", "zh", [(30, "total")]),
    ("在12例脱离胰岛素的患者中进行了随访。", "zh", []),                             # trap: an outcome-defined set
    ("在3例患者中观察到一过性发热。", "zh", []),                                     # trap: an event
    ("在2名病童身上觀察到注射部位瘀青。", "zh-Hant", []),                            # trap: an event
    # "N人全部/均…": all of a count, the whole cohort
    ("结果42个病人全部有效,有效率100%!", "zh", [(42, "total")]),
    ("3例均停用胰岛素;1年时HbA1c均值5.7%。", "zh", [(3, "total")]),
    ("其中5例均脱离胰岛素。", "zh", []),                                              # trap: a part
    ("研究共纳入30例患者,随访1年,12例均脱离胰岛素。", "zh", [(30, "total")]),       # trap: all of a part
    ("3名患者都出现了轻微发热。", "zh", []),                                          # trap: 都 is too loose
    ("高剂量组8人全部有效。", "zh", [(8, "arm")]),                                  # trap: one group's count, not the cohort
    # a pipe-table cell that starts with a count: the sample size of that row's study
    ("| SY-101 | I期 | NCT06011234 | 24例;各剂量组HbA1c较基线下降 |", "zh", [(24, "total")]),
    ("| hAESC | IIT | 首批6例;3个月时HbA1c由8.0%降至7.2% |", "zh", [(6, "total")]),
    ("| AUR-07 | 9例;植入6个月时5例可检测到C肽 |", "zh", [(9, "total")]),
    ("| 产品 | 2025年 | 3期 |", "zh", []),                                              # trap: no count of persons
])
def test_cohort_blind3_phenomena(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- blind4 phenomena, shown first on our own sentences (zh / zh-Hant / en side by side, with traps) ----
@pytest.mark.parametrize("text,lang,expected", [
    # 統合分析 / 系統性回顧 (Taiwan, Hong Kong) name a meta-analysis like 荟萃分析
    ("該統合分析納入15項隨機對照試驗、共689名患者。", "zh-Hant", [(15, "studies_included"), (689, "total")]),
    ("这项系统性回顾纳入了12项研究。", "zh", [(12, "studies_included")]),
    ("The meta-analysis pooled 9 trials.", "en", [(9, "studies_included")]),
    ("全台目前已有超過20項臨床試驗正在進行。", "zh-Hant", []),                    # trap: no review
    # the split of included studies by design is not a split of patients into arms
    ("統合分析共納入11項對照研究(7項隨機、4項非隨機)、402名患者。", "zh-Hant",
     [(11, "studies_included"), (402, "total")]),
    ("荟萃分析纳入11项研究(7项随机、4项非随机)。", "zh", [(11, "studies_included")]),
    ("The meta-analysis included 11 controlled studies (7 randomised, 4 non-randomised).", "en",
     [(11, "studies_included")]),
    ("共纳入40例(治疗组22例、对照组18例)。", "zh", [(18, "arm"), (22, "arm"), (40, "total")]),   # trap: real arms
    # groups listed after a colon: "underwent" allocates too; a long dose description in a group's label
    ("Fifteen people took part: 12 received a single treatment and 3 underwent a sham procedure as controls.", "en",
     [(3, "arm"), (12, "arm"), (15, "total")]),
    ("As of the cut-off, 17 participants had been dosed: 3 in Part A at half the target dose (approximately "
     "6 × 10^8 cells) and 14 in Part B at the full target dose (approximately 1.2 × 10^9 cells).", "en",
     [(3, "arm"), (14, "arm"), (17, "total")]),
    # a plan stated at the head of a long clause still makes its count a plan
    ("The company plans to initiate a pivotal Phase 3 study enrolling approximately 60 participants in 2026.", "en", []),
    ("公司计划于明年第一季度启动一项纳入约60名患者的三期关键性研究。", "zh", []),
    ("The phase 2 study, which the company launched in 2023, enrolled 60 participants.", "en", [(60, "total")]),  # trap
    ("The company will present data at the June meeting from the trial that enrolled 40 patients.", "en",
     [(40, "total")]),                                                             # trap: a result, not a plan
    # "在完成研究的N名病人中": the completers of the whole trial, as a denominator
    ("結果顯示,在完成研究的112名病人中,幹細胞組下降較多。", "zh-Hant", [(112, "total")]),
    ("在完成随访的58例患者中,干细胞组HbA1c下降更明显。", "zh", [(58, "total")]),
    ("在完成治疗后出现低血糖的3例患者中,2例为老年人。", "zh", []),              # trap: an outcome-defined set
    # a registry results page: the STARTED row of the participant flow gives each arm
    ("Participant Flow\n                 MSC + standard care   Standard care\nSTARTED          40                    20\n"
     "COMPLETED        37                    19\n", "en", [(20, "arm"), (40, "arm")]),
    ("Study started in 2021 with 40 and 20 ...", "en", []),                           # trap: no flow row
    # the same row written inline on a results page: "Started: ARM n, ARM n."
    ("Participant Flow\nStarted: UC-MSC 60, Placebo 60. Completed: UC-MSC 58, Placebo 58.\n", "en",
     [(60, "arm"), (60, "arm")]),
    ("参与者流程\nStarted: MSC 45, Control 44.\n", "zh", [(44, "arm"), (45, "arm")]),
    ("Study Start: 2021-03. Started: March 2021, 2 sites.", "en", []),                # trap: dates, not arm counts
    # groups counted with a classifier, the group qualifiers being doses ("...三个剂量组,每组8例")
    ("按0.5×10^6个/kg、1.0×10^6个/kg、2.0×10^6个/kg设三个剂量组,每组8例。", "zh",
     [(8, "arm"), (8, "arm"), (8, "arm")]),
    ("依1億、2億顆細胞設兩個劑量組,每組6人。", "zh-Hant", [(6, "arm"), (6, "arm")]),
    ("本研究第三个剂量组每组8例。", "zh", [(8, "arm")]),                             # trap: an ordinal, not a count
    # "9 of 14": a denominator equal to a group allocated in the text is that group again, not the cohort
    ("17 participants had been dosed: 3 at half dose and 14 at the full dose. 9 of 14 participants were insulin "
     "independent.", "en", [(3, "arm"), (14, "arm"), (17, "total")]),
    ("40 patients were enrolled: 20 received cells and 20 received placebo. 30 of 40 patients completed the study.", "en",
     [(20, "arm"), (20, "arm"), (40, "total")]),                                   # trap: the denominator is the cohort
    # a case introduced with its age and history listed: "一名61岁、糖尿病史12年的女性患者"
    ("一名61岁、糖尿病史12年的女性患者参加了该院的人体试验。", "zh", [(1, "total")]),
    ("一名61歲、糖尿病史12年的女性患者接受了3次輸注。", "zh-Hant", [(1, "total")]),
    ("3例男性、2例女性患者参加了试验。", "zh", []),                                 # trap: a list of counts, not a cohort
])
def test_cohort_blind4_phenomena(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- "would" states a plan as "will" does (the company's next trial in a news item) ----
@pytest.mark.parametrize("text,lang,expected", [
    ("The company said it would run a pivotal trial in about 100 patients from 2027.", "en", []),
    ("該公司表示，下一階段試驗預計納入約100名患者。", "zh-Hant", []),
    ("Nordvale said the next study would enrol 60 participants with type 1 diabetes.", "en", []),
    ("The trial, which would later be expanded, enrolled 24 patients.", "en", [(24, "total")]),   # trap: the study's size
])
def test_cohort_would_is_a_plan(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- a size per group after the groups' count: "两组各42人", "42 in each group" (two arms of 42) ----
@pytest.mark.parametrize("text,lang,expected", [
    ("一共八十四名2型糖尿病患者，两组各42人。", "zh", [(42, "arm"), (42, "arm"), (84, "total")]),
    ("共84名患者，兩組各42人。", "zh-Hant", [(42, "arm"), (42, "arm"), (84, "total")]),
    ("84 patients were randomised, 42 in each group.", "en", [(42, "arm"), (42, "arm"), (84, "total")]),
    ("三组患者各20例。", "zh", [(20, "arm"), (20, "arm"), (20, "arm")]),
    ("男女各10例。", "zh", []),                                                   # trap: a breakdown by sex
    ("42 patients were in the cell group.", "en", [(42, "arm")]),                  # trap: a named group
])
def test_cohort_size_per_counted_group(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- counts in brackets after an adverse event, and bracketed breakdowns of dropouts, are no cohort ----
@pytest.mark.parametrize("text,lang,expected", [
    ("The trial enrolled 84 patients. The most common adverse events were transient fever (5 patients) and "
     "infusion-site discomfort (3 patients).", "en", [(84, "total")]),
    ("研究纳入84例患者。常见不良反应为一过性发热（5例）和输注部位不适（3例）。", "zh", [(84, "total")]),
    ("The trial enrolled 84 patients. Seven patients discontinued the study (four in the cell group and three in "
     "the placebo group), none because of adverse events.", "en", [(84, "total")]),
    ("共纳入60例患者，随访期间6例脱落（治疗组4例，对照组2例）。", "zh", [(60, "total")]),
    # traps: real arms in brackets after the cohort
    ("The trial enrolled 84 patients (42 in the cell group and 42 in the placebo group).", "en",
     [(42, "arm"), (42, "arm"), (84, "total")]),
    ("共纳入60例患者（治疗组30例，对照组30例）。", "zh", [(30, "arm"), (30, "arm"), (60, "total")]),
])
def test_cohort_event_and_dropout_counts_in_brackets(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- a country's tally told with the place after the persons: no cohort ----
@pytest.mark.parametrize("text,lang,expected", [
    ("\"Type 1 diabetes affects about 10,000 people in Hong Kong,\" said Dr Kwong. The trial enrolled 42 patients.",
     "en", [(42, "total")]),
    ("Some 30,000 people in Taiwan live with type 1 diabetes. The trial enrolled 42 patients.", "en", [(42, "total")]),
    ("The registry followed 1,200 patients in 14 centres.", "en", [(1200, "total")]),   # trap: no country
])
def test_cohort_country_tally_place_after(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- persons counted with the general classifier 个 (Cantonese, spoken Chinese) ----
@pytest.mark.parametrize("text,lang,expected", [
    ("成個研究有42個細路,抽籤分組。", "zh-Hant", [(42, "total")]),
    ("一共有20个孩子参加了这项试验。", "zh", [(20, "total")]),
    ("治疗3个月后,30名患者的糖化血红蛋白下降。", "zh", [(30, "total")]),            # trap: 3个月
])
def test_cohort_general_classifier(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- arms the patients chose ("58人选择经胰腺动脉输注") ----
@pytest.mark.parametrize("text,lang,expected", [
    ("共有126名2型糖尿病患者:58人选择经胰腺动脉输注,41人选择外周静脉输注。", "zh",
     [(41, "arm"), (58, "arm"), (126, "total")]),
    ("共有126名患者:58人選擇經胰腺動脈輸注,41人選擇周邊靜脈輸注。", "zh-Hant", [(41, "arm"), (58, "arm"), (126, "total")]),
    ("共纳入40例患者,3人选择退出研究。", "zh", [(40, "total")]),                      # trap: an outcome
])
def test_cohort_arms_chosen(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- groups enrolled one after the other: "前6人…之后9人" ----
@pytest.mark.parametrize("text,lang,expected", [
    ("受試者共15人,分成兩組:前6人每人植入3億顆細胞,之後9人劑量加倍到6億顆。", "zh-Hant", [(6, "arm"), (9, "arm"), (15, "total")]),
    ("共入组12例:首批3例接受低剂量,随后9例接受高剂量。", "zh", [(3, "arm"), (9, "arm"), (12, "total")]),
    ("治疗前3个月和治疗后6个月分别检测HbA1c,共30例患者。", "zh", [(30, "total")]),   # trap: months
])
def test_cohort_groups_in_sequence(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


# ---- a table header row of group sizes ----
@pytest.mark.parametrize("text,lang,expected", [
    ("Intra-arterial Intravenous Standard care\n(n = 58) (n = 41) (n = 27)\nAge, years 56.4 57.9 58.2", "en",
     [(27, "arm"), (41, "arm"), (58, "arm")]),
    ("干细胞组 对照组\n(n=30) (n=30)\n年龄 56 57", "zh", [(30, "arm"), (30, "arm")]),
])
def test_cohort_header_row_of_group_sizes(text, lang, expected):
    assert site_sizes(text, lang) == sorted(expected)


def test_cohort_dropouts_per_group_are_no_arms():
    assert site_sizes("纳入96例,随机分为两组,各48例。两组各有2例和3例患者失访。", "zh") == [(48, "arm"), (48, "arm"), (96, "total")]
