"""Segmentation and study metadata on article styles the dev set does not have.

Every document here was written for this file (no dev text): English and Chinese (simplified and
traditional) side by side. Each case states how many study mentions the document has, text that
must sit in each mention (and so in no other), text that must be in no mention (site furniture,
related-reading titles, company boilerplate), and the study-level metadata each mention carries
(``pub_date`` as the guideline normalises it; a key set to None means "must have none").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import pytest

from extract.assemble import build_record, find_hits
from extract.document import SourceDoc
from extract.fields.identifiers import EXTRACTOR as IDENTIFIERS
from extract.pipeline import to_document
from extract.segment import Mention, segment


@dataclass
class Study:
    needles: list[str]
    meta: dict[str, Optional[str]] = field(default_factory=dict)


@dataclass
class Case:
    name: str
    text: str
    studies: list[Study]
    absent: list[str] = field(default_factory=list)
    published: Optional[str] = None


CASES: list[Case] = []

# --- English research roundup: dated "In a study published in <Journal> on <date>" intros ----------
CASES.append(Case("en_roundup_published_in_on", """Cell Therapy Research Roundup — Issue 14

Welcome back. Here are three studies from the past month that caught our editors' attention.

Adipose stem cells in type 2 diabetes
In a study published in Stem Cell Research & Therapy on 4 February 2024, researchers at Seoul National University Hospital treated 42 adults with type 2 diabetes with two infusions of autologous adipose-derived MSCs. HbA1c fell from 8.4% to 7.6% at 6 months.

Cord blood for children with type 1 diabetes
In a study published in Pediatric Diabetes on March 11, 2024, researchers at the University of Florida followed 24 children who received autologous umbilical cord blood for two years. C-peptide was not preserved compared with controls.

Encapsulated islets
In a study published in Nature Biotechnology in April 2024, researchers at the Massachusetts Institute of Technology reported that encapsulated stem-cell-derived islets reversed diabetes in 18 of 20 mice for 150 days.

That's all for this issue. Subscribe to get the roundup in your inbox.

References
1. Kim J, Park S, Lee H. Autologous adipose-derived mesenchymal stem cells in type 2 diabetes. Stem Cell Res Ther. 2024;15:41. doi:10.1186/s13287-024-03641-1
2. Haller MJ, Brown J. Autologous cord blood infusion in young children with type 1 diabetes. Pediatr Diabetes. 2024;25:e13550. doi:10.1155/2024/1234567
3. Chen Y, Langer R. Encapsulated stem cell-derived islets in mice. Nat Biotechnol. 2024;42:611-620. doi:10.1038/s41587-024-02188-1
""", [
    Study(["42 adults", "8.4%"], {"pub_date": "2024-02-04", "doi": "10.1186/s13287-024-03641-1",
                                  "institution": "Seoul National University Hospital"}),
    Study(["24 children"], {"pub_date": "2024-03-11", "doi": "10.1155/2024/1234567",
                            "institution": "University of Florida"}),
    Study(["18 of 20 mice"], {"pub_date": "2024-04", "doi": "10.1038/s41587-024-02188-1"}),
]))

# --- English press release: one trial plus company boilerplate -------------------------------
CASES.append(Case("en_press_release_boilerplate", """FOR IMMEDIATE RELEASE

Aurelia Bio Announces Positive Phase 2 Results for AUR-301 Cord-Derived MSC Therapy in Type 2 Diabetes

CAMBRIDGE, Mass., Sept. 9, 2024 /PRNewswire/ -- Aurelia Bio, Inc. (NASDAQ: AURB) today announced topline results from its randomized, placebo-controlled Phase 2 trial (NCT05544332) of AUR-301 in 120 adults with type 2 diabetes. Patients receiving AUR-301 had a mean HbA1c reduction of 1.1% at week 24, compared with 0.2% on placebo.

"We are encouraged by these data," said the Chief Executive Officer of Aurelia Bio.

About the Phase 2 Trial
The trial enrolled 120 participants at 14 sites, randomized 2:1 to three monthly infusions of AUR-301 or placebo, with a 52-week follow-up.

About Aurelia Bio
Aurelia Bio is a clinical-stage company developing allogeneic cell therapies. Its pipeline includes AUR-401 for knee osteoarthritis, which completed a Phase 1 study in 36 patients. The company employs 210 people.

Forward-Looking Statements
This press release contains forward-looking statements, including statements about the Phase 3 trial planned for 2025 in about 400 patients. Actual results may differ materially.

Media Contact
Jane Doe, press@aurelia.example, +1 617 555 0100

###
""", [
    Study(["120 adults", "1.1% at week 24", "14 sites"], {"pub_date": None}),
], absent=["36 patients", "210 people", "400 patients", "press@aurelia"]))

# --- PubMed abstract page: citation line, PMID, structured abstract, similar articles ---------
CASES.append(Case("en_pubmed_abstract_page", """Clinical Trial
Diabetes Care. 2023 Jun;46(6):1123-1131. doi: 10.2337/dc22-2210. Epub 2023 Apr 5.

Wharton's jelly mesenchymal stem cells plus liraglutide in type 2 diabetes: a randomized controlled trial

Wei Liu 1, Fang Zhao 2, Ming Xu 1
Affiliations expand
PMID: 37012345 DOI: 10.2337/dc22-2210

Abstract
Background: Whether mesenchymal stem cells add to GLP-1 receptor agonists is unknown.
Methods: We randomly assigned 80 adults with type 2 diabetes to WJ-MSC infusion plus liraglutide (n = 40) or liraglutide alone (n = 40) and followed them for 12 months.
Results: HbA1c decreased from 8.9% to 7.2% with WJ-MSC plus liraglutide and from 8.8% to 7.9% with liraglutide alone.
Conclusions: WJ-MSC infusion improved glycaemic control beyond liraglutide alone.

Trial registration: ClinicalTrials.gov NCT04011111.

Copyright © 2023 by the American Diabetes Association.

Similar articles
Umbilical cord MSCs in 60 patients with type 1 diabetes: a phase 1 trial. Zhang Y, et al. Stem Cells. 2022. PMID: 35111111
Bone marrow mononuclear cells in 30 patients with type 2 diabetes. Bhansali A, et al. Diabetes Technol Ther. 2014. PMID: 24222222

Cited by
Mesenchymal stem cells and incretins: a review. Wang L, et al. Front Endocrinol. 2024. PMID: 38333333

Publication types
Randomized Controlled Trial
MeSH terms
Diabetes Mellitus, Type 2 / therapy
""", [
    # the issue citation (2023 Jun) is the publication of record, not the Epub date
    Study(["80 adults", "8.9%", "NCT04011111"], {"pub_date": "2023-06", "pmid": "37012345",
                                                  "doi": "10.2337/dc22-2210", "journal": "Diabetes Care"}),
], absent=["60 patients with type 1", "30 patients with type 2", "incretins: a review"]))

# --- PMC full-text snippet: background citations [1-3] are not studies -------------------------
CASES.append(Case("en_pmc_fulltext_background_refs", """Stem Cell Res Ther. 2022; 13: 512.
Published online 2022 Oct 18. doi: 10.1186/s13287-022-03190-4
PMCID: PMC9581234

Placenta-derived mesenchymal stem cells for type 2 diabetic nephropathy: a pilot study

Introduction
Diabetes affects more than 537 million adults worldwide [1-3]. Diabetic kidney disease develops in about 40% of them [4]. Mesenchymal stem cells have anti-inflammatory and anti-fibrotic effects in animal models [5, 6].

Methods
Twenty patients with type 2 diabetes and nephropathy received two infusions of placenta-derived MSCs (1 × 10^6 cells/kg) four weeks apart.

Results
At 6 months, HbA1c fell from 8.1% to 7.3% and urinary albumin excretion decreased by 32%.

References
1. Sun H, Saeedi P. IDF Diabetes Atlas: global prevalence estimates for 2021. Diabetes Res Clin Pract. 2022;183:109119.
2. Ogurtsova K, et al. IDF diabetes atlas: global estimates of undiagnosed diabetes. Diabetes Res Clin Pract. 2022;183:109118.
3. Magliano DJ, Boyko EJ. IDF Diabetes Atlas 10th edition. Brussels: International Diabetes Federation; 2021.
4. Alicic RZ, et al. Diabetic kidney disease: challenges, progress, and possibilities. Clin J Am Soc Nephrol. 2017;12:2032-45.
5. Li Y, et al. MSCs alleviate renal fibrosis in diabetic rats. Stem Cell Res Ther. 2019;10:10.
6. Zhang L, et al. Anti-inflammatory effects of MSCs in db/db mice. Cell Death Dis. 2020;11:200.
""", [
    # a year-only issue citation does not beat the full "Published online 2022 Oct 18" date (dev gold: the
    # most precise explicit publication date; only a citation that names the issue month is the record)
    Study(["Twenty patients", "8.1%"], {"pub_date": "2022-10-18", "doi": "10.1186/s13287-022-03190-4"}),
], absent=["IDF Diabetes Atlas"]))

# --- Chinese hospital post: 病例一 / 病例二 ----------------------------------------------------
CASES.append(Case("zh_hospital_cases_yi_er", """干细胞门诊病例分享

发布时间:2024-05-08  来源:内分泌科

我院干细胞临床研究中心自2021年起开展间充质干细胞治疗糖尿病的临床研究,以下分享两例患者的治疗经过。

病例一:
患者男,58岁,2型糖尿病病史12年,接受脐带间充质干细胞静脉输注3次,每次间隔1个月。治疗前HbA1c 9.2%,治疗后6个月降至7.4%,胰岛素用量减少一半。

病例二:
患者女,23岁,1型糖尿病病史3年,接受自体骨髓单个核细胞移植1次。随访1年,HbA1c由8.6%降至7.8%,空腹C肽较治疗前升高。

温馨提示:干细胞治疗需在正规医疗机构开展,具体方案请咨询医生。
""", [
    Study(["58岁", "9.2%"], {"pub_date": None}),
    Study(["23岁", "8.6%"], {"pub_date": None}),
], absent=["温馨提示"]))

# --- Chinese table of trials flattened to text: one mention per row ------------------------------
CASES.append(Case("zh_flattened_trial_table", """国内干细胞治疗糖尿病注册临床试验一览

截至2024年6月,我国在ClinicalTrials.gov登记的干细胞治疗糖尿病临床试验已超过60项。下表列出其中已公布结果的几项。

试验编号 | 细胞类型 | 例数 | 主要结果
NCT03343782 | 脐带间充质干细胞 | 45 | HbA1c下降1.3%
NCT02886884 | 骨髓间充质干细胞 | 30 | 胰岛素用量减少48%
ChiCTR2000031319 | 胎盘间充质干细胞 | 24 | HbA1c由8.5%降至7.1%

以上试验均为单中心研究,样本量较小。
""", [
    Study(["NCT03343782", "HbA1c下降1.3%"]),
    Study(["NCT02886884", "胰岛素用量减少48%"]),
    Study(["ChiCTR2000031319", "由8.5%降至7.1%"]),
], absent=["超过60项"]))

# tab-separated cells, no pipes
TAB_TABLE = (Case("zh_flattened_trial_table_tabs", """干细胞治疗1型糖尿病部分临床研究汇总

研究\t细胞来源\t样本量\t随访\t结果
NCT01350219\t脐带血\t15\t12个月\t未能保存C肽
NCT01068951\t骨髓间充质干细胞\t20\t12个月\t C肽曲线下面积维持

注:数据来自公开发表文献。
""", [
    Study(["NCT01350219", "未能保存C肽"]),
    Study(["NCT01068951", "曲线下面积维持"]),
]))

# --- traditional Chinese CNA-style news item with dateline and background ----------------------
CASES.append(Case("zh_hant_cna_dateline", """幹細胞分化胰島細胞移植 第一型糖尿病患者擺脫胰島素
2024/03/12 15:20

（中央社記者陳小華台北12日電）台灣糖尿病人口已逾250萬人，其中第一型糖尿病患者需終生施打胰島素。

衛生福利部統計，糖尿病長年位居國人十大死因前五名，每年耗費健保支出逾300億元。

台大醫院團隊今天宣布，與國外團隊合作的研究成果今天刊登於國際期刊《細胞》（Cell）。研究團隊以誘導性多能幹細胞分化出的胰島細胞，移植到1名25歲第一型糖尿病女性患者腹部肌肉，追蹤1年後，患者已完全停用胰島素，糖化血色素由7.6%降至5.7%。

研究團隊表示，後續將擴大收案，評估長期安全性。（編輯：李小明）1130312
""", [
    Study(["1名25歲", "7.6%"], {"pub_date": "2024-03-12", "journal": "細胞"}),
]))

# --- traditional Chinese 聯合報-style news with 延伸閱讀 --------------------------------------
CASES.append(Case("zh_hant_udn_related_reading", """〔記者王大明／台中報導〕中國醫藥大學附設醫院今（8）日發表臍帶間質幹細胞治療第二型糖尿病臨床試驗成果，共收治32名病患，每人接受2次輸注，追蹤6個月後糖化血色素平均下降0.9%。

主持醫師指出，臍帶間質幹細胞具免疫調節作用，未來將申請第三期試驗。

延伸閱讀
國外研究：幹細胞胰島移植12名患者中10人停用胰島素
幹細胞治療糖尿病 臨床試驗收案120人

相關新聞
糖尿病新藥上市 每月一針
""", [
    Study(["32名病患", "0.9%"]),
], absent=["12名患者中10人", "收案120人", "每月一針"]))

# --- WeChat-style post with 01 / 02 / 03 section numbers ---------------------------------------
CASES.append(Case("zh_wechat_numbered_sections", """干细胞治疗糖尿病,这3项研究值得关注

糖尿病是全球性公共卫生问题,近年来干细胞疗法进展迅速。本期我们梳理了三项新研究。

01
化学诱导多能干细胞胰岛移植

北京大学团队将化学诱导多能干细胞分化的胰岛移植给1名1型糖尿病患者,移植后75天患者实现胰岛素独立,随访1年血糖稳定。

02
脐带间充质干细胞治疗2型糖尿病

一项纳入91名2型糖尿病患者的随机对照试验显示,脐带间充质干细胞组HbA1c下降1.2%,安慰剂组下降0.3%。

03
骨髓单个核细胞联合高压氧

印度一项研究纳入21名2型糖尿病患者,接受骨髓单个核细胞移植后,胰岛素用量减少42%。

END

往期推荐
干细胞能治愈1型糖尿病吗?一项纳入200人的研究给出答案
""", [
    Study(["化学诱导", "75天"]),
    Study(["91名", "1.2%"]),
    Study(["21名", "42%"]),
], absent=["纳入200人"]))

# --- English review abstract: one review mention, not twelve -----------------------------------
CASES.append(Case("en_review_abstract_pooled", """Mesenchymal stem cell therapy for type 1 and type 2 diabetes: a systematic review and meta-analysis

Published: 12 March 2024

Abstract
Objective: To assess the efficacy and safety of mesenchymal stem cell (MSC) therapy in diabetes.
Methods: We searched PubMed, Embase and the Cochrane Library to December 2023 for randomized and non-randomized controlled trials.
Results: Twelve trials involving 476 patients were included. Two trials were conducted in type 1 diabetes and ten in type 2 diabetes. MSC therapy reduced HbA1c by 0.81% (95% CI 0.52 to 1.10) compared with control. One trial reported transient fever in 3 patients.
Conclusions: MSC therapy modestly improves glycaemic control; larger trials are needed.
""", [
    Study(["476 patients", "0.81%", "Two trials were conducted"], {"pub_date": "2024-03-12"}),
]))

# --- post whose second half is related-reading links (English) ----------------------------------
CASES.append(Case("en_news_you_may_also_like", """Stem cell islets let woman with type 1 diabetes stop insulin

By Health Desk | Updated March 3, 2025

A 56-year-old woman with type 1 diabetes no longer needs insulin injections one year after receiving islets made from her own reprogrammed stem cells, doctors at Tianjin First Central Hospital reported. Her HbA1c fell from 7.1% to 5.5%.

The procedure took less than half an hour, the team said.

You may also like
Stem cell therapy trial in 30 patients with type 2 diabetes shows HbA1c drop of 1.5%
Vertex islet therapy: 10 of 12 patients insulin-free

Related articles
Scientists grow insulin-producing cells in 40 mice
""", [
    Study(["56-year-old", "7.1%"]),
], absent=["30 patients with type 2", "10 of 12", "40 mice"]))

# Chinese counterpart: 相关阅读 / 推荐阅读 with study-like titles
CASES.append(Case("zh_news_related_reading", """脐带间充质干细胞治疗糖尿病足溃疡取得进展

某大学附属医院内分泌科近日完成一项研究,共纳入56名糖尿病足溃疡患者,治疗12周后创面愈合率达到78.6%,HbA1c由8.8%降至7.9%。

研究负责人表示,该疗法安全性良好。

推荐阅读:
1. 干细胞治疗2型糖尿病:一项纳入120例患者的研究显示HbA1c下降1.1%
2. 首例干细胞胰岛移植患者停用胰岛素满一年
相关阅读
● 2023年《柳叶刀》发表:间充质干细胞治疗1型糖尿病
""", [
    Study(["56名", "78.6%"]),
], absent=["120例患者", "满一年", "《柳叶刀》"]))

# --- single-study article naming the journal twice and the institution three times --------------
CASES.append(Case("en_single_study_repeated_journal", """Stem cell-derived islets restore insulin production in type 1 diabetes

Researchers at the University of Toronto have shown that islets grown from embryonic stem cells can restore insulin production. The findings were published in Cell Stem Cell on 6 May 2024.

The University of Toronto team transplanted the cells into 7 patients with type 1 diabetes. After 12 months, 3 patients were insulin independent and mean HbA1c fell from 7.9% to 6.8%.

"This is a proof of concept," said the senior author. The study, published in Cell Stem Cell, was funded by Breakthrough T1D.

Next, researchers at the University of Toronto plan a larger trial at three centres.
""", [
    Study(["7 patients", "7.9%", "larger trial"], {"pub_date": "2024-05-06", "journal": "Cell Stem Cell",
                                                   "institution": "University of Toronto"}),
]))

# Chinese counterpart: 《期刊》 twice, 医院 three times, dated intro and a later "该研究发表于…"
CASES.append(Case("zh_single_study_repeated_journal", """间充质干细胞治疗糖尿病肾病研究登上国际期刊

2024年8月5日,中南大学湘雅二医院团队在《自然·通讯》上发表研究,报告了间充质干细胞治疗糖尿病肾病的临床结果。

湘雅二医院共招募了48名2型糖尿病肾病患者,随机分为干细胞组和对照组,随访12个月。干细胞组HbA1c下降0.8%,尿蛋白明显减少。

2024年8月6日,该研究在《自然·通讯》发表后引起广泛关注。湘雅二医院表示将开展多中心研究。
""", [
    Study(["48名", "0.8%", "引起广泛关注"], {"pub_date": "2024-08-05", "journal": "自然·通讯"}),
], absent=["将开展多中心研究"]))   # a planned study is no part of the reported one

# --- conference report: two abstracts ----------------------------------------------------------
CASES.append(Case("en_conference_two_abstracts", """ADA 2025: Cell therapy highlights

CHICAGO — Two abstracts presented at the ADA 85th Scientific Sessions on June 21, 2025 reported new data on stem cell therapies for diabetes.

Abstract 1: Researchers from the Cleveland Clinic presented results of a single-arm trial in which 15 adults with type 1 diabetes received encapsulated stem cell-derived islets. After 6 months, 9 patients had detectable C-peptide.

Abstract 2: Investigators from Peking Union Medical College Hospital presented a randomized trial of umbilical cord MSCs in 64 patients with type 2 diabetes. HbA1c decreased by 0.9% versus 0.2% with placebo at 48 weeks.

The Scientific Sessions drew more than 12,000 attendees.
""", [
    Study(["15 adults", "9 patients"]),
    Study(["64 patients", "0.9%"]),
]))

# Chinese counterpart: 壁报一 / 壁报二 at a 年会
CASES.append(Case("zh_conference_two_posters", """EASD 2024年会干细胞研究速递

在2024年欧洲糖尿病研究协会(EASD)年会上,两项干细胞治疗糖尿病的研究以壁报形式公布。

壁报一:复旦大学附属中山医院报告了胎盘间充质干细胞治疗2型糖尿病的单臂研究,纳入30名患者,随访24周,HbA1c平均下降1.0%。

壁报二:德国一项研究纳入12名1型糖尿病患者,接受胰岛移植后,8名患者停用胰岛素。
""", [
    Study(["30名", "1.0%"]),
    Study(["12名1型", "8名"]),
]))

# --- Chinese post citing a study only as "据《新英格兰医学杂志》报道" ----------------------------
CASES.append(Case("zh_according_to_nejm", """干细胞胰岛疗法让患者停用胰岛素

据《新英格兰医学杂志》报道,一项纳入12名1型糖尿病患者的研究显示,接受全剂量干细胞来源胰岛细胞输注的患者中,10名在1年后不再需要注射胰岛素,HbA1c均低于7%。

研究人员表示,患者需长期使用免疫抑制剂,这是该疗法推广的主要障碍。据悉,该公司计划2026年提交上市申请。
""", [
    Study(["12名1型", "10名"], {"journal": "新英格兰医学杂志"}),
]))

# --- Chinese roundup with "3月12日" under "2024年" headings ----------------------------------
CASES.append(Case("zh_roundup_year_headings", """干细胞治疗糖尿病两年回顾

2023年

11月20日,华中科技大学同济医学院附属协和医院在《糖尿病护理》上发表研究,纳入40名2型糖尿病患者,HbA1c下降1.1%。

2024年

3月12日,上海交通大学医学院附属瑞金医院团队在《细胞发现》发表研究,1名2型糖尿病患者接受干细胞胰岛移植后停用胰岛素。
""", [
    Study(["40名", "1.1%"], {"pub_date": "2023-11-20", "journal": "糖尿病护理"}),
    Study(["1名2型", "停用胰岛素"], {"pub_date": "2024-03-12", "journal": "细胞发现"}),
]))

# --- English newsletter with numbered headings -------------------------------------------------
CASES.append(Case("en_numbered_headings", """Three diabetes cell therapy studies to know this month

1. Cord MSCs delay insulin dependence
A trial from Sweden published on 2024-03-12 randomised 15 adults with new-onset type 1 diabetes to Wharton's jelly MSCs or placebo. C-peptide was preserved in the treated group at one year.

2. Adipose cells for diabetic foot
Researchers at Mayo Clinic reported in March 2024 that 26 patients with diabetic foot ulcers treated with adipose-derived stem cells had 73% wound closure at 12 weeks.

3. Islet transplant registry
The Collaborative Islet Transplant Registry reported 10-year outcomes in 1,086 recipients; 20% remained insulin independent.

Sign up for our newsletter.
""", [
    Study(["15 adults", "one year"], {"pub_date": "2024-03-12"}),
    Study(["26 patients", "73%"], {"pub_date": "2024-03"}),
    Study(["1,086 recipients"]),
], absent=["Sign up"]))

# --- Chinese 【研究一】 bracket headings -------------------------------------------------------
CASES.append(Case("zh_bracket_study_headings", """一周干细胞临床研究速览

【研究一】2024年3月,浙江大学医学院附属第一医院报告,22名2型糖尿病患者接受脐带间充质干细胞治疗后,HbA1c由8.3%降至7.2%。

【研究二】2024年3月,美国一项研究纳入9名1型糖尿病患者,接受干细胞来源胰岛移植后,6名实现胰岛素独立。

【编者按】干细胞治疗仍处于临床研究阶段。
""", [
    Study(["22名", "8.3%"], {"pub_date": "2024-03"}),
    Study(["9名1型", "6名"], {"pub_date": "2024-03"}),
]))

# --- English case series with Case 1 / Case 2 and a Discussion ----------------------------------
CASES.append(Case("en_case_series", """Two cases of stem cell therapy in type 2 diabetes from our clinic

Case 1
A 61-year-old man with type 2 diabetes for 15 years received three infusions of umbilical cord MSCs one month apart. His HbA1c fell from 9.0% to 7.3% after six months.

Case 2
A 47-year-old woman with type 2 diabetes received a single infusion of bone marrow mononuclear cells. Her insulin dose fell by 50% and HbA1c decreased from 8.2% to 7.5% at three months.
""", [
    Study(["61-year-old", "9.0%"]),
    Study(["47-year-old", "8.2%"]),
]))

# --- Chinese journal article page: header year, reference year "(2023)" -------------------------
CASES.append(Case("zh_journal_page_header_year", """自体骨髓干细胞移植治疗2型糖尿病的疗效观察

《中国组织工程研究》2023年第27卷第12期 页码:1850-1855

摘要
目的:观察自体骨髓干细胞移植治疗2型糖尿病的疗效。方法:选取本院2020年1月至2021年12月收治的2型糖尿病患者60例,随机分为观察组和对照组各30例。结果:观察组治疗后HbA1c由8.6%降至7.1%。
""", [
    Study(["60例", "8.6%"], {"pub_date": "2023"}),
]))

# --- English article that states its date only as "Published: 12 March 2024" -------------------
CASES.append(Case("en_published_header", """Article | Open access | Published: 12 March 2024

Umbilical cord MSCs in latent autoimmune diabetes in adults

Abstract
We treated 18 patients with latent autoimmune diabetes in adults with umbilical cord MSCs and observed them for 12 months. HbA1c decreased from 7.8% to 7.0%.
""", [
    Study(["18 patients", "7.8%"], {"pub_date": "2024-03-12"}),
]))

# --- an APA reference "(2023)" gives the year when the text states none -------------------------
CASES.append(Case("en_news_apa_reference_year", """Cord blood infusion in children with type 1 diabetes

A team at the University of Florida followed 10 children who received autologous cord blood and found no preservation of C-peptide after one year.

Reference
Haller, M. J., Wasserfall, C. H., & Schatz, D. A. (2023). Autologous umbilical cord blood infusion for type 1 diabetes. Experimental Hematology, 51(2), 110-118. https://doi.org/10.1016/j.exphem.2023.01.002
""", [
    Study(["10 children"], {"pub_date": "2023", "doi": "10.1016/j.exphem.2023.01.002"}),
]))

# --- news page whose dateline is the news date, not the study's -------------------------------
CASES.append(Case("en_news_dateline_not_pub_date", """Stem cells show promise in diabetes, study finds

LONDON, 14 May 2024 — A trial published last month in The Lancet Diabetes & Endocrinology found that 36 adults with type 2 diabetes given bone marrow MSCs had lower HbA1c than controls after 12 months.

The researchers, from King's College London, said larger trials were needed.
""", [
    Study(["36 adults"], {"pub_date": None}),
]))


# --- conference report: abstracts headed by their programme codes, then the editors' take -------
CASES.append(Case("en_conference_abstract_codes", """MedWire Meeting Report | IPITA 2024, San Francisco

Islet and stem cell therapies: two abstracts from the plenary

November 4, 2024 — By staff writers

Two late-breaking abstracts on cell therapy drew the biggest crowd of the congress.

Abstract LB 07-112
Encapsulated pluripotent stem cell-derived islets in type 1 diabetes: 2-year results (NCT04111222)
Presenter: Dr. Elena Ruiz (Bellwater Bio, Boston, MA, USA)
Results: 14 adults received the implant; 6 had stimulated C-peptide above 0.1 nmol/L at 2 years. HbA1c fell from 8.1% to 7.4%.

Abstract P-0456
Wharton's jelly MSCs in newly diagnosed type 1 diabetes in children (NCT05333444)
Presenter: Prof. Anna Kowalska (Medical University of Gdansk, Poland)
Results: 30 children were randomised 2:1 to MSCs or placebo; HbA1c was 6.9% versus 7.5% at 12 months. A confirmatory trial is planned.

Our take
Both datasets are small; 30 children cannot settle efficacy, and the 14-adult implant cohort still needs immunosuppression-free follow-up.
""", [
    Study(["14 adults", "8.1%", "NCT04111222"]),
    Study(["30 children were randomised", "NCT05333444"]),
], absent=["30 children cannot settle", "confirmatory trial"]))

# Chinese counterpart: 壁报 codes, 编者按 closing the list
CASES.append(Case("zh_conference_poster_codes", """ADA 2024年会壁报速递:干细胞治疗糖尿病

2024年6月,美国糖尿病协会(ADA)第84届科学年会在奥兰多举行。以下两项壁报值得关注。

壁报 1203-P
脐带间充质干细胞治疗2型糖尿病的多中心随机对照研究
结果:共纳入96名2型糖尿病患者,治疗组HbA1c下降1.2%,对照组下降0.4%。

壁报 LB-45
骨髓单个核细胞自体移植治疗1型糖尿病的长期随访
结果:21名患者随访5年,其中6名患者仍无需胰岛素。

编者按
两项研究均未设盲,96名患者的样本量仍然有限。
""", [
    Study(["96名2型", "1.2%"]),
    Study(["21名患者", "5年"]),
], absent=["样本量仍然有限"]))

# --- traditional digest: ordinal headings, label lines before the text that names the cohort -----
CASES.append(Case("zh_hant_digest_label_lines", """再生醫學文獻速報｜第12期｜2024年9月

本期精選兩篇幹細胞治療糖尿病的新論文。

━━━━━━━━━━

一、臍帶幹細胞治療第1型糖尿病兒童

論文：Umbilical cord MSCs in children with new-onset type 1 diabetes: a randomized trial
期刊：Diabetologia（2024年7月）

波蘭研究團隊招募36名新診斷第1型糖尿病的學齡兒童，隨機分為兩組，追蹤12個月，治療組糖化血色素為6.8%。

━━━━━━━━━━

二、脂肪幹細胞用於糖尿病足：28人研究

論文：Adipose-derived stem cells for diabetic foot ulcers: a pilot study
期刊：Stem Cells Translational Medicine（2024年5月）

土耳其研究團隊為合併足部潰瘍的第2型糖尿病患者局部注射脂肪幹細胞，12週癒合率為71%。

━━━━━━━━━━

延伸閱讀
．第1型糖尿病新希望：胰島移植最新進展（第10期）
""", [
    Study(["36名", "6.8%"], {"pub_date": "2024-07"}),
    Study(["71%", "土耳其"], {"pub_date": "2024-05"}),
], absent=["第10期"]))

# simplified counterpart with an English label ("Journal:")
CASES.append(Case("zh_digest_label_lines", """干细胞文献周报|第30期

一、间充质干细胞治疗2型糖尿病的荟萃分析

论文:Mesenchymal stem cells for type 2 diabetes: a meta-analysis
Journal:Stem Cell Research & Therapy(2024年1月)

研究纳入11项随机对照试验、共计602名2型糖尿病患者,HbA1c平均下降0.7%。

二、胎盘干细胞治疗糖尿病肾病

论文:Placental MSCs in diabetic kidney disease
期刊:Kidney International(2023年12月)

伊朗研究团队纳入44名合并早期糖尿病肾病的2型糖尿病患者,随访6个月,尿蛋白下降30%。
""", [
    Study(["602名", "0.7%"], {"pub_date": "2024-01"}),
    Study(["44名", "尿蛋白下降30%"], {"pub_date": "2023-12"}),
]))

# trap: numbered sections of one popular-science article; "20~79岁" is an age range, not a patient
CASES.append(Case("zh_kepu_age_range_single_study", """健康科普|干细胞能治糖尿病吗?

来源:健康大讲堂  2024-11-14

一、糖尿病有多常见?
国际糖尿病联盟数据显示,2021年全球20~79岁成人糖尿病患者约5.37亿。

二、干细胞治疗的真实证据
举个例子:2022年发表在《Stem Cell Research & Therapy》上的一项单臂临床试验中,某医科大学附属医院为28例2型糖尿病患者输注了脐带间充质干细胞,HbA1c平均下降1.1%。

三、医生的建议
目前干细胞治疗糖尿病仍处于临床研究阶段。
""", [
    Study(["28例", "1.1%"], {"pub_date": "2022"}),
]))

# --- a new trial's report that also tells the same team's earlier study ---------------------------
CASES.append(Case("zh_prior_pilot_nested", """Lancet子刊:脐带间充质干细胞让1型糖尿病患者C肽下降减缓

2024-05-10 来源:医学界

近日,瑞典乌普萨拉大学团队在《柳叶刀·糖尿病与内分泌学》发表了一项随机对照试验,纳入66名新诊断1型糖尿病患者,治疗组HbA1c为6.9%,对照组为7.6%。

此外,该团队2019年曾在《Diabetes Care》发表一项纳入15例患者的先导研究,单次输注后12个月时HbA1c下降0.5%。

专家点评
研究者认为,更长期的随访仍有必要。
""", [
    Study(["66名", "6.9%"], {"pub_date": None}),
    Study(["15例", "0.5%"], {"pub_date": "2019"}),
]))

CASES.append(Case("zh_hant_prior_pilot_nested", """日本研究：脂肪幹細胞輸注3次 第2型糖尿病患者糖化血色素降0.9%

2024-08-01　記者 林美玲／綜合報導

大阪大學研究團隊在國際期刊《再生醫學》2024年7月發表的臨床試驗顯示，50名第2型糖尿病患者接受3次脂肪幹細胞輸注後，糖化血色素下降0.9%。

研究負責人表示，團隊2020年曾進行一項12人的小型先導研究，當時糖化血色素下降0.4%，這次的試驗證實了效果。

台灣糖尿病患者超過250萬人，醫師提醒民眾切勿赴海外接受來路不明的療程。
""", [
    # the earlier study ends with its paragraph: the background after it stays with the article
    Study(["50名", "0.9%", "250萬人", "這次的試驗證實"], {"pub_date": "2024-07"}),
    Study(["12人", "0.4%"], {"pub_date": None}),
]))

CASES.append(Case("en_prior_pilot_nested", """Cord blood-derived cells slow type 1 diabetes in teens

March 3, 2024

Researchers at the University of Leeds published a randomized trial in Diabetologia showing that 48 adolescents given cord blood-derived regulatory T cells kept more C-peptide at 12 months than 24 given placebo.

The work builds on the team's experience. In their earlier pilot study, 9 adolescents received a single infusion and HbA1c fell by 0.4% at 6 months, and the new trial was designed to confirm it.

The study was funded by the Medical Research Council.
""", [
    Study(["48 adolescents", "24 given placebo", "Medical Research Council", "the new trial was designed"],
          {"pub_date": None}),
    Study(["9 adolescents", "0.4%"]),
]))

# trap: "a pilot study" in the title of the one study is not an earlier study
CASES.append(Case("en_pilot_title_not_prior", """Placenta MSCs in diabetic nephropathy: a pilot study

Results
Sixteen patients with type 2 diabetes received two infusions; HbA1c fell from 8.3% to 7.6% at 6 months.
""", [
    Study(["Sixteen patients", "8.3%"]),
]))

# --- a single study's results with flattened data tables: one mention -----------------------------
CASES.append(Case("en_results_data_tables", """3. Results

Of 52 patients screened, 44 were enrolled: 22 received bone marrow MSCs and 22 standard care.

Table 1. Baseline characteristics
Characteristic | MSC (n = 22) | Control (n = 22)
Age, years | 55.1 ± 8.0 | 56.3 ± 7.2
HbA1c, % | 8.4 ± 0.9 | 8.3 ± 1.0
BMI, kg/m2 | 28.1 ± 3.3 | 29.0 ± 3.9

Table 2. HbA1c over time
Outcome | Group | Baseline | 6 months | 12 months
HbA1c, % | MSC | 8.4 | 7.8 | 7.6
HbA1c, % | Control | 8.3 | 8.2 | 8.3

At 12 months HbA1c was 7.6% with MSCs and 8.3% with standard care.
""", [
    Study(["44 were enrolled", "Age, years", "HbA1c over time", "7.6% with MSCs"]),
]))

CASES.append(Case("zh_results_data_table", """结果

共纳入60例2型糖尿病患者,治疗组和对照组各30例。

表1 两组患者治疗前后HbA1c比较
指标 | 治疗组 | 对照组
治疗前HbA1c(%) | 8.7 | 8.6
治疗后HbA1c(%) | 7.1 | 8.2
空腹血糖(mmol/L) | 7.9 | 9.8

治疗组HbA1c下降幅度明显大于对照组。
""", [
    Study(["60例", "治疗前HbA1c", "下降幅度明显"]),
]))

CASES.append(Case("zh_hant_results_data_table", """結果

本研究共收案40名第2型糖尿病患者，治療組與對照組各20名。

表2 追蹤6個月糖化血色素變化
組別 | 基線 | 3個月 | 6個月
治療組 | 8.5 | 7.9 | 7.6
對照組 | 8.4 | 8.3 | 8.3

治療組糖化血色素明顯下降。
""", [
    Study(["40名", "追蹤6個月", "明顯下降"]),
]))

# --- a table of trials: a year in a results cell is an event, not a publication date --------------
CASES.append(Case("zh_trial_table_event_year", """干细胞治疗糖尿病临床试验一览

研究/注册号 | 国家 | 例数 | 进展
ISLET-7(NCT05000111) | 美国 | 12例 | 首例患者已于2023年完成移植,结果尚未公布
王等(ChiCTR2100044455) | 中国 | 40例 | 2022年发表于《中华糖尿病杂志》,HbA1c下降1.0%
""", [
    Study(["NCT05000111", "首例患者"], {"pub_date": None}),
    Study(["ChiCTR2100044455", "1.0%"], {"pub_date": "2022"}),
]))

# --- news dates: a month-day publication date takes the news year ---------------------------------
CASES.append(Case("en_month_day_published_news_year", """Hopkins News | Health

Cord MSCs ease insulin needs in type 2 diabetes

January 8, 2025

The study, published January 6 in Cell Reports Medicine, treated 40 adults with type 2 diabetes with two infusions of umbilical cord MSCs. HbA1c fell by 0.9% at 12 months.
""", [
    Study(["40 adults", "0.9%"], {"pub_date": "2025-01-06"}),
]))

# a December publication reported in a January news item is last year's
CASES.append(Case("en_month_day_published_previous_year", """Hopkins News | Health

Islet implant study wraps up the year

January 8, 2025

The study, published December 20 in Science Advances, implanted stem cell-derived islets in 12 mice with diabetes; 10 stayed normoglycaemic for 90 days.
""", [
    Study(["12 mice", "90 days"], {"pub_date": "2024-12-20"}),
]))

# "published a case report in the Journal of …": the year of the sentence
CASES.append(Case("en_published_case_report_in", """Can stem cells reverse type 2 diabetes? A patient's guide

Clinics in several countries charge $5,000 to $50,000 for infusions, and prices rose in 2023.

In 2022, doctors from Ningbo First Hospital published a case report in the Journal of Diabetes Investigation describing a 61-year-old woman whose HbA1c fell from 9.1% to 6.9% after umbilical cord MSC infusions.
""", [
    Study(["61-year-old", "9.1%"], {"pub_date": "2022"}),
]))


# --- checks --------------------------------------------------------------------------------------

def _text(doc_text: str, m: Mention) -> str:
    return "".join(doc_text[s:e] for s, e in m.spans)


def _meta(m: Mention, fld: str) -> Optional[str]:
    vals = [h.value["value"] for h in m.hits if h.field == fld]
    return vals[0] if vals else None


# --- round 4: pipeline tables, author-cited studies side by side, commentaries, year-only dates -------

CASES.append(Case("zh_pipeline_table_markdown", """细胞治疗季度盘点

导语:本季度多款干细胞糖尿病疗法公布了临床数据。

一、数据总览

| 产品/疗法 | 研发机构 | 阶段 | 登记号 | 关键数据 |
|---|---|---|---|---|
| HB-210 | Halcyon | I/II期 | NCT05873019 | 共入组14例;12例接受全剂量(8亿细胞) |
| AUR-07 | Aurigen | I期 | NCT05791201 | 9例;植入6个月时5例可检测到C肽 |
| SY-101注射液 | 赛元生物 | I期 | NCT06011234 | 24例;HbA1c较基线下降0.6%–1.1% |

数据来源:公司公告;截至2025年10月20日。
""", [
    Study(["共入组14例"], {"registry_ids": ["NCT05873019"]}),
    Study(["9例;植入"], {"registry_ids": ["NCT05791201"]}),
    Study(["24例;HbA1c"], {"registry_ids": ["NCT06011234"]}),
], absent=["|---|"]))

CASES.append(Case("hant_pipeline_table_markdown", """細胞治療季度盤點

| 產品 | 機構 | 階段 | 登記號 | 關鍵數據 |
| --- | --- | --- | --- | --- |
| HB-210 | Halcyon | 第一/二期 | NCT05873019 | 共收案14名;12名接受全劑量 |
| 自體iPSC胰島 | 浦東再生醫學中心 | 第一期 | ChiCTR2300071845 | 3名均停用胰島素 |
""", [
    Study(["共收案14名"], {"registry_ids": ["NCT05873019"]}),
    Study(["3名均停用"], {"registry_ids": ["ChiCTR2300071845"]}),
]))

CASES.append(Case("en_pipeline_table_markdown", """Cell therapy pipeline update

| Product | Sponsor | Phase | Registry | Key data |
|:---|:---|:---:|:---|:---|
| HB-210 | Halcyon | 1/2 | NCT05873019 | 14 dosed; 12 at full dose |
| AUR-07 | Aurigen | 1 | NCT05791201 | 9 implanted; 5 with C-peptide |
""", [
    Study(["14 dosed"], {"registry_ids": ["NCT05873019"]}),
    Study(["9 implanted"], {"registry_ids": ["NCT05791201"]}),
]))

# no match: a table of one study's variables (with a Markdown rule) is part of that study
CASES.append(Case("zh_variable_table_markdown", """脐带间充质干细胞治疗2型糖尿病的随机对照试验

2024年3月5日,某医院团队在《中华糖尿病杂志》发表研究,纳入60例患者。

| 指标 | 治疗组 | 对照组 |
|---|---|---|
| HbA1c基线(%) | 8.2 | 8.1 |
| HbA1c 12个月(%) | 7.1 | 7.9 |
""", [Study(["纳入60例", "8.2 | 8.1"], {"pub_date": "2024-03-05"})]))

CASES.append(Case("zh_consensus_two_author_cited_studies", """间充质干细胞治疗糖尿病专家共识(节选)

中国医师协会细胞治疗学组

四、临床证据概述
多项研究[3-5]提示,MSC可改善胰岛素抵抗。宋明辉等[1]开展的单臂研究在30例2型糖尿病肾病患者中输注脐带MSC 2次,HbA1c由8.12%降至7.36%。唐等[2]的随机对照研究纳入30例新诊断患者(两组各15例),随访12个月。上述研究样本量均较小。

五、推荐意见
推荐意见5:脐带MSC单次输注剂量建议为(0.5~2.0)×10^6/kg,输注次数一般不超过3次。骨髓、脐带和脂肪等[4]来源的细胞均可使用。

参考文献
[1] 宋明辉,赵静怡. 人脐带间充质干细胞治疗2型糖尿病肾病的单臂临床研究[J]. 中华糖尿病杂志,2023,15(5):401-407. DOI:10.3760/cma.j.cn115791-20221108-00587.
[2] 唐晓峰,林嘉. 脐带间充质干细胞治疗新诊断2型糖尿病的随机对照研究[J]. 中华内分泌代谢杂志,2021,37(9):745-751. DOI:10.3760/cma.j.cn311282-20210312-00164.
[3] Hu J, Wang Y. Wharton's jelly MSC in type 2 diabetes. Exp Ther Med, 2016, 12(3):1857-1866.
[4] Zang L, Li Y. UC-MSC in Chinese adults with type 2 diabetes[J]. Stem Cell Res Ther, 2022, 13(1):180.
[5] Bhansali A, Asokumar P. Bone marrow cells in type 2 diabetes[J]. Cell Transplant, 2014, 23(9):1075-1085.
""", [
    Study(["8.12%"], {"pub_date": "2023", "doi": "10.3760/cma.j.cn115791-20221108-00587"}),
    Study(["两组各15例"], {"pub_date": "2021", "doi": "10.3760/cma.j.cn311282-20210312-00164"}),
], absent=["×10^6/kg"]))

CASES.append(Case("hant_consensus_two_author_cited_studies", """幹細胞治療糖尿病共識(節錄)

臨床證據
多項研究[3]提示,間質幹細胞可改善胰島素阻抗。宋等[1]進行的單臂研究納入30名患者,糖化血色素由8.12%降至7.36%。唐等[2]的隨機對照研究納入30名患者(兩組各15名),追蹤12個月。

參考文獻
[1] 宋明輝,趙靜怡. 臍帶間質幹細胞治療第二型糖尿病腎病變的單臂研究[J]. 中華糖尿病雜誌,2023,15(5):401-407.
[2] 唐曉峰,林嘉. 臍帶間質幹細胞治療新診斷第二型糖尿病的隨機對照研究[J]. 中華內分泌代謝雜誌,2021,37(9):745-751.
[3] Hu J, Wang Y. Wharton's jelly MSC in type 2 diabetes. Exp Ther Med, 2016, 12(3):1857-1866.
""", [
    Study(["8.12%"], {"pub_date": "2023"}),
    Study(["兩組各15名"], {"pub_date": "2021"}),
]))

CASES.append(Case("en_news_views_superscript_citations", """News & Views | Published: 21 February 2024

Stromal cells for type 2 diabetes: modest and real

A pooled analysis and a new trial agree that stromal cells lower HbA1c a little.

For two decades, MSCs have been offered for diabetes with more enthusiasm than evidence, from umbilical cord1,3 and fat4.

First, Rahman and colleagues1 pooled 11 randomized controlled trials that enrolled 612 participants. MSC therapy reduced HbA1c by 0.68 percentage points.

Second, Moreau et al.2 report a randomized trial in which 64 adults were allocated 2:1 to autologous bone marrow MSCs (n = 43) or placebo (n = 21).

What neither study resolves is mechanism. The field now needs to decide.

References
1. Rahman, S. et al. Nat. Metab. 6, 301-314 (2024).
2. Moreau, C. et al. Nat. Metab. 6, 315-327 (2024).
3. Voltarelli, J. C. et al. JAMA 297, 1568-1576 (2007).
4. Bhansali, A. et al. Stem Cells Dev. 23, 2215-2224 (2014).
""", [
    Study(["612 participants"], {"pub_date": "2024"}),
    Study(["(n = 43)"], {"pub_date": "2024"}),
], absent=["mechanism", "umbilical cord1,3"]))

CASES.append(Case("en_clinic_trial_published_in_year", """Stem Cell Therapy for Diabetes

What does the science say?
Guidance on stem cells was updated in 2019. In one randomized trial published in 2020 by researchers at an Ankara university hospital, 48 patients with type 2 diabetes who received mesenchymal stem cells saw their HbA1c drop by 1.3% compared with controls.
""", [Study(["48 patients"], {"pub_date": "2020"})]))

CASES.append(Case("zh_health_article_published_year", """干细胞治糖尿病靠谱吗?

2025-06-14 08:30 来源:健康时报网

干细胞治疗有研究依据吗?有一些。苏州一家三甲医院2022年发表的研究中,46名2型糖尿病患者接受了两次脐带间充质干细胞静脉输注,半年后HbA1c由平均8.4%降到7.3%。

目前,国内外正在开展的干细胞临床研究有数百项。
""", [Study(["46名2型"], {"pub_date": "2022"})]))

CASES.append(Case("hant_health_article_published_year", """幹細胞治糖尿病可靠嗎?

幹細胞治療有研究依據嗎?台中一家醫學中心2022年發表的研究中,46名第二型糖尿病患者接受兩次臍帶間質幹細胞輸注,半年後糖化血色素由8.4%降到7.3%。
""", [Study(["46名第二型"], {"pub_date": "2022"})]))


CASES.append(Case("zh_pipeline_table_with_product_sections", """细胞治疗季度盘点

| 产品 | 机构 | 阶段 | 登记号 | 关键数据 |
|---|---|---|---|---|
| HB-210 | Halcyon | I/II期 | NCT05873019 | 共入组14例 |
| SY-101注射液 | 赛元生物 | I期 | NCT06011234 | 24例 |

二、重点产品解读

1. HB-210:全剂量组数据稳健
该研究为开放标签、单臂I/II期试验,患者经肝门静脉单次输注细胞。

2. SY-101:仍以2型糖尿病为主战场
该研究为剂量递增设计,未见剂量限制性毒性。

3. HB-210与SY-101的对比
两者路线完全不同。

三、市场展望
预计到2035年市场规模突破120亿美元。
""", [
    Study(["共入组14例", "单次输注"]),
    Study(["24例", "剂量递增"]),
], absent=["两者路线", "120亿美元"]))

CASES.append(Case("hant_pipeline_table_with_product_sections", """細胞治療季度盤點

| 產品 | 機構 | 階段 | 登記號 | 關鍵數據 |
| --- | --- | --- | --- | --- |
| HB-210 | Halcyon | 第一/二期 | NCT05873019 | 共收案14名 |
| AUR-07 | Aurigen | 第一期 | NCT05791201 | 9名 |

重點解讀

HB-210:數據穩健
該研究為開放標籤、單臂試驗,患者單次輸注細胞。

市場展望
預計市場規模將突破百億美元。
""", [
    Study(["共收案14名", "單次輸注"]),
    Study(["9名"]),
], absent=["百億美元"]))

CASES.append(Case("en_pipeline_table_with_product_sections", """Pipeline update

| Product | Sponsor | Phase | Registry | Key data |
|---|---|---|---|---|
| HB-210 | Halcyon | 1/2 | NCT05873019 | 14 dosed |
| AUR-07 | Aurigen | 1 | NCT05791201 | 9 implanted |

HB-210: durable full-dose data
The open-label, single-arm trial gave each patient a single infusion.

Market outlook
The market could top $12 billion by 2035.
""", [
    Study(["14 dosed", "single infusion"]),
    Study(["9 implanted"]),
], absent=["$12 billion"]))


# --- round 5: Q&A posts whose answers each cite "YYYY年《期刊》…" (every answer its own study) ------------
# the journal's English name in brackets, "一项/一篇" straight after 》, and 问N/Q headings that close the
# answer before them. Traps: a generic regimen and background trial counts in an answer's text, a
# closing question with no study, the site's own date.

CASES.append(Case("zh_qa_year_journal_answers", """【健康问答】干细胞治疗糖尿病,这4个问题你关心吗?

健康网 编辑部  2025-10-12

我们整理了糖友最常问的问题,请专家结合近年发表的研究解答。

问1:干细胞能治愈1型糖尿病吗?
答:还不能。2023年《细胞·干细胞》报道,3例1型糖尿病患者接受干细胞来源胰岛移植后,随访12个月未见肿瘤。

问2:对2型糖尿病效果怎么样?
答:效果有限。2024年《糖尿病前沿》(Frontiers in Diabetes)发表的荟萃分析纳入12项随机对照试验、共540例患者,HbA1c平均下降0.7%。

问3:一般输几次?
答:多数方案为3次,每次间隔2~4周。2021年《中华内科杂志》一项纳入72例2型糖尿病患者的回顾性研究显示,HbA1c平均下降0.9%。

问4:费用多少?
答:单次收费可达3万元,全球已登记的1200余项试验中长期随访的很少。
""", [
    Study(["3例1型"], {"pub_date": "2023"}),
    Study(["共540例"], {"pub_date": "2024"}),
    Study(["纳入72例"], {"pub_date": "2021"}),
], absent=["3万元", "1200余项", "每次间隔2~4周"]))

CASES.append(Case("hant_qa_year_journal_answers", """【健康問答】幹細胞治療糖尿病,3個常見問題

問一:幹細胞能治癒第一型糖尿病嗎?
答:還不能。2023年《細胞·幹細胞》報導,3名第一型糖尿病患者接受幹細胞胰島移植後,追蹤12個月未見腫瘤。

問二:安全嗎?
答:大致安全。2022年《柳葉刀·糖尿病與內分泌學》一篇綜述指出,間質幹細胞輸注最常見的不良反應是短暫發燒。

問三:健保有給付嗎?
答:目前沒有,單次自費可達新台幣10萬元。
""", [
    Study(["3名第一型"], {"pub_date": "2023"}),
    Study(["短暫發燒"], {"pub_date": "2022"}),
], absent=["10萬元"]))

CASES.append(Case("en_qa_published_in_answers", """Your questions answered: stem cells and diabetes

Q1: Can stem cells cure type 1 diabetes?
A: In a report published in Cell Stem Cell in 2023, three adults with type 1 diabetes who received stem-cell-derived islets were followed for 12 months without tumours.

Q2: Do they help in type 2 diabetes?
A: A meta-analysis published in Frontiers in Diabetes in 2024 pooled 12 randomized trials with 540 patients; HbA1c fell by 0.7%.

Q3: What does it cost?
A: Clinics charge up to $30,000 per infusion, and more than 1,200 trials are registered.
""", [
    Study(["three adults"], {"pub_date": "2023"}),
    Study(["540 patients"], {"pub_date": "2024"}),
], absent=["$30,000"]))

# no match: a single-study Q&A stays one mention (one cited study; the questions are about it)
CASES.append(Case("zh_qa_one_study", """问1:这项研究做了什么?
答:2024年《中华糖尿病杂志》报道,某医院为40例2型糖尿病患者输注脐带间充质干细胞。

问2:结果如何?
答:12个月后HbA1c由8.3%降至7.2%。
""", [Study(["40例2型", "8.3%"], {"pub_date": "2024"})]))



# an encyclopedia entry: each trial is cited by a marker at the end of a sentence whose subject is the trial
# ("A second open-label trial enrolled 36 people … (n = 7).[2]"); the reference gives its year and DOI.
# Traps: a criticism paragraph, marketing claims, a background sentence citing a review.
CASES.append(Case("en_wiki_trials_cited_at_sentence_end", """Cord blood immune therapy
From MedPedia, the free medical encyclopedia

Cord blood immune therapy is an experimental treatment in which a patient's lymphocytes are passed over cord blood stem cells. Reviews have described the approach as promising.[3]

Type 1 diabetes
The first open-label trial was carried out at a Jinan institute and reported in 2012.[1] Fifteen people with type 1 diabetes took part, and HbA1c fell from 8.7% to 7.9% at 24 weeks.

Type 2 diabetes
A second open-label trial enrolled 36 people with long-standing type 2 diabetes, divided into group A (n = 18), group B (n = 11) and group C (n = 7).[2] After a single treatment, HbA1c in group A decreased from 8.61% to 7.25% at 12 weeks.

Criticism
Clinics claim that more than 300 patients have been treated.

References
1. Vance H, Li Y. Immune modulation by cord blood stem cells in type 1 diabetes. BMC Med. 2012;10:3. doi:10.1186/1741-7015-10-3
2. Vance H, Wang H. Immune modulation by cord blood stem cells in type 2 diabetes. BMC Med. 2016;14:9. doi:10.1186/s12916-016-0009-2
3. Ortiz R. Cell therapies for diabetes: a review. Lancet. 2019;393:1-10.
""", [
    Study(["Fifteen people", "8.7%"], {"pub_date": "2012", "doi": "10.1186/1741-7015-10-3"}),
    Study(["group A (n = 18)", "8.61%"], {"pub_date": "2016", "doi": "10.1186/s12916-016-0009-2"}),
], absent=["more than 300 patients"]))

CASES.append(Case("zh_wiki_trials_cited_at_sentence_end", """脐血免疫疗法

脐血免疫疗法是一种实验性疗法,综述认为其前景可期[3]。

1型糖尿病
首个开放标签试验由济南一家研究所开展,2012年报道[1]。15名1型糖尿病患者参与,HbA1c由8.7%降至7.9%。

2型糖尿病
另一项开放标签试验纳入36例长病程2型糖尿病患者,按胰岛素使用分为A组(n=18)、B组(n=11)和C组(n=7)[2]。单次治疗12周后,A组HbA1c由8.61%降至7.25%。

争议
有机构宣称已治疗超过300名患者。

参考文献
[1] 万海,李云. 脐血干细胞免疫调节治疗1型糖尿病[J]. 中华医学杂志,2012,92(3):11-15.
[2] 万海,王华. 脐血干细胞免疫调节治疗2型糖尿病[J]. 中华医学杂志,2016,96(9):21-25.
[3] 欧蕾. 糖尿病细胞治疗综述[J]. 中华内科杂志,2019,58(1):1-10.
""", [
    Study(["15名1型", "8.7%"], {"pub_date": "2012"}),
    Study(["A组(n=18)", "8.61%"], {"pub_date": "2016"}),
], absent=["超过300名患者"]))

CASES.append(Case("hant_wiki_trials_cited_at_sentence_end", """臍血免疫療法

第一型糖尿病
首個開放標籤試驗由濟南一家研究所進行,2012年報導[1]。15名第一型糖尿病患者參與,糖化血色素由8.7%降至7.9%。

第二型糖尿病
另一項開放標籤試驗納入36名第二型糖尿病患者,依胰島素使用分為A組(n=18)、B組(n=11)和C組(n=7)[2]。單次治療12週後,A組糖化血色素由8.61%降至7.25%。

參考文獻
[1] 萬海,李雲. 臍血幹細胞免疫調節治療第一型糖尿病[J]. 中華醫學雜誌,2012,92(3):11-15.
[2] 萬海,王華. 臍血幹細胞免疫調節治療第二型糖尿病[J]. 中華醫學雜誌,2016,96(9):21-25.
""", [
    Study(["15名第一型", "8.7%"], {"pub_date": "2012"}),
    Study(["A組(n=18)", "8.61%"], {"pub_date": "2016"}),
]))

# no match: a paper's background sentence whose subject is a study but that gives no cohort stays in the paper
CASES.append(Case("en_paper_background_trial_no_cohort", """Umbilical cord MSCs in type 2 diabetes: a randomized trial

Background
A meta-analysis suggested that MSC infusions improve insulin sensitivity.[1]

Methods
In this randomized controlled trial, 60 patients received MSCs or placebo. HbA1c fell from 8.2% to 7.1%.

References
1. Hu J, Wang Y. Wharton's jelly MSC in type 2 diabetes. Exp Ther Med. 2016;12:1857-1866.
""", [Study(["60 patients", "8.2%"])]))



# a roundup item whose intro sentence names the study period before the publication date: the date the
# publication verb governs is the pub_date ("回顾2019至2023年间…结果于2025年4月刊登在《…》")
CASES.append(Case("hant_roundup_period_then_published", """【研究速覽】兩篇新論文

一、統合分析:12項隨機試驗
瑞典一所大學團隊於2024年11月在《糖尿病學》發表統合分析,納入12項隨機對照試驗、共520名患者。

二、國內經驗:45名病人的回溯性研究
高雄一家醫學中心回顧2019至2023年間接受臍帶間質幹細胞治療的45名第二型糖尿病患者,結果於2025年4月刊登在《台灣醫誌》。追蹤12個月後,HbA1c由8.1%降至7.3%。
""", [
    Study(["共520名"], {"pub_date": "2024-11"}),
    Study(["45名第二型", "8.1%"], {"pub_date": "2025-04"}),
]))

CASES.append(Case("zh_roundup_period_then_published", """【研究速览】两篇新论文

一、荟萃分析:12项随机试验
瑞典一所大学团队于2024年11月在《糖尿病学》发表荟萃分析,纳入12项随机对照试验、共520名患者。

二、国内经验:45名患者的回顾性研究
深圳一家三甲医院回顾2019至2023年间接受脐带间充质干细胞治疗的45名2型糖尿病患者,结果于2025年4月发表在《中华内科杂志》。随访12个月后,HbA1c由8.1%降至7.3%。
""", [
    Study(["共520名"], {"pub_date": "2024-11"}),
    Study(["45名2型", "8.1%"], {"pub_date": "2025-04"}),
]))

CASES.append(Case("en_roundup_period_then_published", """Research roundup: two new papers

1. A meta-analysis of 12 trials
In a study published in Diabetologia in November 2024, Swedish researchers pooled 12 randomized trials with 520 patients.

2. A 45-patient retrospective study
Doctors at a Kaohsiung medical centre reviewed 45 patients with type 2 diabetes treated between 2019 and 2023, and the results were published in April 2025 in the Journal of the Formosan Medical Association. HbA1c fell from 8.1% to 7.3%.
""", [
    Study(["520 patients"], {"pub_date": "2024-11"}),
    Study(["reviewed 45 patients", "8.1%"], {"pub_date": "2025-04"}),
]))



# a month abbreviation with a full stop ("published Aug. 7 in the journal …") does not end the sentence that
# says where the study appeared; the year comes from the dateline. Trap: the news date itself.
CASES.append(Case("en_news_published_abbreviated_month", """Stem Cells May Trim Blood Sugar, Review Finds

THURSDAY, Sept. 18, 2025 -- Mesenchymal stem cells may modestly lower HbA1c in type 2 diabetes, a pooled analysis of 12 trials with 540 adults suggests.

"It is encouraging," said Dr. Amal Reyes of a Cairo university.

The findings were published Sept. 9 in the journal Frontiers in Endocrinology.
""", [Study(["540 adults"], {"pub_date": "2025-09-09"})]))

# --- annual report: "(一)/(二)/(三)" project headings, each one study; the heading names the study's
# kind or the text names its cohort with the count after the noun ("纳入…患者65例"); traps: the
# institution's totals before the list, a planned trial after it ------------------------------------
CASES.append(Case("zh_annual_report_paren_numeral_projects", """南江医科大学附属医院2024年度工作报告(节选)
第三部分 科研工作

2024年,我院获批国家级科研项目52项,发表SCI论文530篇,年门急诊量达380万人次。

现将细胞治疗方向三项重点项目进展报告如下:

(一)干细胞来源胰岛移植治疗1型糖尿病临床研究
由移植中心牵头,项目于2023年5月完成备案(ChiCTR2300071234),全年完成4例1型糖尿病患者胰岛细胞移植,随访满1年均未发生严重不良事件。研究成果于2024年9月发表于《Diabetes Care》。

(二)脐带间充质干细胞治疗2型糖尿病的真实世界研究
由内分泌科牵头。回顾性纳入2020—2023年接受静脉输注脐带间充质干细胞的2型糖尿病患者58例,HbA1c由基线8.1%降至7.4%。

(三)羊膜上皮干细胞改善糖尿病大鼠胰岛功能的机制研究
课题组在糖尿病大鼠模型中发现,尾静脉注射羊膜上皮干细胞可使空腹血糖下降约35%。
""", [
    Study(["ChiCTR2300071234", "4例1型糖尿病患者"], {"registry_ids": ["ChiCTR2300071234"], "pub_date": "2024-09"}),
    Study(["患者58例", "8.1%"], {"registry_ids": [], "pub_date": None}),
    Study(["糖尿病大鼠模型"]),
], absent=["52项"]))
CASES.append(Case("zht_annual_report_paren_numeral_projects", """東港大學附設醫院2024年年報(摘錄)

本院去年門診量達210萬人次,發表論文480篇。以下為糖尿病細胞治療三項重點計畫:

(一)幹細胞衍生胰島移植治療第1型糖尿病臨床試驗
計畫已登錄(NCT06123456),收治3名第1型糖尿病患者,術後追蹤12個月。

(二)臍帶間質幹細胞治療第2型糖尿病的真實世界研究
回顧性納入2021至2023年接受臍帶間質幹細胞輸注的第2型糖尿病患者47名,糖化血色素由8.0%降至7.2%。

(三)羊膜上皮幹細胞改善糖尿病小鼠胰島功能的機制研究
團隊在糖尿病小鼠模型中發現,注射羊膜上皮幹細胞可使血糖下降約30%。
""", [
    Study(["NCT06123456", "3名第1型"]),
    Study(["患者47名"]),
    Study(["糖尿病小鼠模型"]),
], absent=["210萬"]))
# a review's numbered sections that only describe cited studies ("宋等[12]…30例患者") stay one document;
# the cited studies are mentions of their own (stage 4), the sections are not
CASES.append(Case("zh_consensus_paren_sections_cite_studies", """间充质干细胞治疗糖尿病专家共识(节选)

四、临床证据概述

(一)2型糖尿病
李等[1]开展的单臂研究在30例2型糖尿病患者中静脉输注脐带MSC 2次,HbA1c由8.2%降至7.4%。

(二)1型糖尿病
国内一项研究[2]纳入21例新诊断1型糖尿病患者,中位随访42个月,12例曾脱离胰岛素。

参考文献
[1] 李明, 王强. 脐带间充质干细胞治疗2型糖尿病的单臂研究. 中华糖尿病杂志, 2021, 13(2): 101-106.
[2] 张华, 陈立. 自体造血干细胞移植治疗新诊断1型糖尿病. 中华医学杂志, 2019, 99(5): 321-326.
[3] 刘洋. 干细胞与糖尿病. 中国组织工程研究, 2020, 24(1): 1-6.
""", [
    Study(["30例2型糖尿病患者"]),
    Study(["21例新诊断"]),
]))
# --- book of abstracts: bare poster numbers ("PU-0417") on lines of their own head one abstract each;
# a poster number inside a footer line ("其他壁报:PU-0419 …") heads nothing ---------------------------
CASES.append(Case("zh_poster_bare_numbers", """全国糖尿病学术会议 壁报交流摘要 · 2025年10月

PU-0211
脐带间充质干细胞治疗2型糖尿病的随机对照试验
方法 共纳入80例2型糖尿病患者,随机分为两组。结果 HbA1c较基线下降1.2%。

PU-0212
自体骨髓单个核细胞移植治疗2型糖尿病25例疗效观察
方法 25例2型糖尿病患者接受移植,随访12个月。结果 HbA1c由9.0%降至7.8%。

返回壁报目录|本专场其他壁报:PU-0213 羊膜上皮细胞移植对糖尿病大鼠的影响
""", [
    Study(["80例2型糖尿病患者"]),
    Study(["25例2型糖尿病患者", "9.0%"]),
], absent=["PU-0213"]))
CASES.append(Case("zht_poster_bare_numbers", """糖尿病年會 海報摘要

OP-031
臍帶間質幹細胞治療第2型糖尿病
共收案40名第2型糖尿病患者,糖化血色素下降1.0%。

OP-032
胰島移植治療第1型糖尿病
共收案6名第1型糖尿病患者,追蹤12個月。
""", [
    Study(["40名第2型"]),
    Study(["6名第1型"]),
]))
CASES.append(Case("en_poster_bare_numbers", """Annual Diabetes Meeting — Poster Abstracts

P-1021
Cord MSCs in type 2 diabetes
Methods: 64 adults with type 2 diabetes were randomised. Results: HbA1c fell by 0.9%.

P-1022
Bone marrow cells in type 2 diabetes
Methods: 18 adults with type 2 diabetes received one infusion. Results: HbA1c fell from 8.8% to 7.9%.

Back to posters | Other posters in this session: P-1023 Islet grafts in 12 diabetic mice
""", [
    Study(["64 adults"]),
    Study(["18 adults", "8.8%"]),
], absent=["P-1023"]))
# --- an earlier trial named with a slashed phase ("an earlier phase 1/2 dose-finding study") is a study
# of its own, told inside the report of the pivotal one --------------------------------------------
CASES.append(Case("en_earlier_phase_slash_study", """Agency approves islet cell therapy

The approval was based on a single-arm pivotal trial in which 48 patients with type 1 diabetes received the cells; HbA1c fell from 7.9% to 6.4%.

Study AB-100-001, an earlier phase 1/2 dose-finding study, treated 12 patients; 9 were insulin independent after one year.
""", [
    Study(["48 patients"]),
    Study(["an earlier phase 1/2 dose-finding study"]),
]))
CASES.append(Case("zh_earlier_phase_slash_study", """某细胞疗法获批上市

获批基于一项单臂关键试验,共48例1型糖尿病患者接受治疗,HbA1c由7.9%降至6.4%。

该公司此前一项I/II期剂量探索试验共治疗12例患者,9例术后1年脱离胰岛素。
""", [
    Study(["48例1型糖尿病患者"]),
    Study(["12例患者"]),
]))
CASES.append(Case("en_report_numbered_study_kind_headings", """Northfield Health 2024 Annual Research Report (excerpt)

In 2024 our institute held 61 active grants and published 412 papers.

1. Islet transplantation in type 1 diabetes: a pilot study
The programme (NCT06234567) transplanted islets into 5 adults with type 1 diabetes; all were followed for 12 months.

2. Cord MSCs in type 2 diabetes: a real-world cohort study
We retrospectively reviewed records of patients treated since 2021; HbA1c fell from 8.3% to 7.5% in the group.
""", [
    Study(["NCT06234567", "5 adults"]),
    Study(["8.3% to 7.5%"]),
], absent=["412 papers"]))



def _run(case: Case) -> tuple[str, list[Mention]]:
    src = SourceDoc(doc_id=case.name + ".txt", raw_text=case.text, source_format="txt",
                    published=case.published)
    doc = to_document(src)
    return doc.text, [m for m in segment(doc) if m.kind != "registry"]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_mentions(case: Case) -> None:
    text, mentions = _run(case)
    texts = [_text(text, m) for m in mentions]
    assert len(mentions) == len(case.studies), [t[:60] for t in texts]
    owners: list[int] = []
    for st in case.studies:
        holders = {i for i, t in enumerate(texts) for n in st.needles if n in t}
        assert len(holders) == 1, (st.needles, holders)
        i = holders.pop()
        assert all(n in texts[i] for n in st.needles), (st.needles, texts[i][:200])
        owners.append(i)
    assert len(set(owners)) == len(owners)
    for needle in case.absent:
        assert not any(needle in t for t in texts), needle


@pytest.mark.parametrize("case", [c for c in CASES if any(s.meta for s in c.studies)],
                         ids=[c.name for c in CASES if any(s.meta for s in c.studies)])
def test_study_metadata(case: Case) -> None:
    """The study-level metadata of each mention's record (segmentation hits plus identifier hits)."""
    src = SourceDoc(doc_id=case.name + ".txt", raw_text=case.text, source_format="txt",
                    published=case.published)
    doc = to_document(src)
    mentions = [m for m in segment(doc) if m.kind != "registry"]
    texts = [_text(doc.text, m) for m in mentions]
    for st in case.studies:
        m = next(m for m, t in zip(mentions, texts) if st.needles[0] in t)
        study = build_record(doc, m, find_hits(doc, m, (IDENTIFIERS,))).study
        for fld, expected in st.meta.items():
            assert getattr(study, fld) == expected, (fld, [h for h in m.hits if h.field == fld])


@pytest.mark.parametrize("text, planned_id, own_id", [
    ("某医院完成I期试验\n\n研究(ChiCTR2300012345)共入组10例1型糖尿病患者,HbA1c由8.9%降至7.0%。团队透露,已启动一项多中心II期随机对照试验(NCT06000001)。",
     "NCT06000001", "ChiCTR2300012345"),
    ("醫院完成第一期試驗\n\n研究（ChiCTR2300054321）共收案8名第1型糖尿病患者。團隊表示，第二期試驗（NCT06000002）預計於明年啟動。",
     "NCT06000002", "ChiCTR2300054321"),
    ("Phase 1 results\n\nThe trial (NCT05000003) treated 9 adults with type 1 diabetes; HbA1c fell to 6.8%. "
     "A follow-on phase 2 trial (NCT06000004) will enrol 60 patients.", "NCT06000004", "NCT05000003"),
])
def test_planned_trial_registry_id(text: str, planned_id: str, own_id: str) -> None:
    """A planned/next trial's id is a bare registry mention, not the reported study's id."""
    doc = to_document(SourceDoc(doc_id="planned.txt", raw_text=text, source_format="txt"))
    mentions = segment(doc)
    bare = [doc.text[s:e] for m in mentions if m.kind == "registry" for s, e in m.spans]
    assert bare == [planned_id]
    main = next(m for m in mentions if m.kind == "document")
    study = build_record(doc, main, find_hits(doc, main, (IDENTIFIERS,))).study
    assert study.registry_ids == [own_id]


def test_tab_separated_table() -> None:
    test_mentions(TAB_TABLE)

