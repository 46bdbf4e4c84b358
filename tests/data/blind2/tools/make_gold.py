#!/usr/bin/env python3
"""Generates gold/*.json for the blind2 set (written by hand, kept as code for consistency)."""
import json, pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
GOLD = ROOT / "gold"
GOLD.mkdir(exist_ok=True)


def mmol(x):  # GUIDELINE: % = 0.09148 * mmol/mol + 2.152
    return round(0.09148 * x + 2.152, 2)


def d(lo, hi=None, kg=False):
    return {"min": float(lo), "max": float(hi if hi is not None else lo), "per_kg": kg}


def S(key, facts, optional=None, notes="", om=False):
    s = {"study_key": key, "facts": facts}
    if optional:
        s["optional"] = optional
    if om:
        s["optional_mention"] = True
    if notes:
        s["notes"] = notes
    return s


# ------------------------------------------------------------------ keys
A = "huaixi2024-ucmsc-t2d-rct"          # phase 2 RCT, Huaixi Medical University
A1 = "huaixi2021-ucmsc-t2d-phase1"      # same team, phase 1 (look-alike of A)
B = "sakuragawa2025-ipsc-islet-t1d"
C = "okafor2025-msc-t2d-cochrane"
D = "aurelis-aur201-t1d"
E = "zhou2025-ucmsc-t1d-preserve"
F = "whitcombe2025-protectbm-t1d"
G = "lingnan2023-ucmsc-t1d-children"
H = "lingnan2025-ucmsc-t2d-insulin"     # same hospital, same n=42 as G (look-alike)

DOI_A = "10.1016/j.xcrm.2024.101612"
DOI_B = "10.1016/j.stem.2025.08.004"
DOI_C = "10.1002/14651858.cd015732.pub2"
DOI_E = "10.1016/s2213-8587(25)00041-6"
DOI_F = "10.2337/dc24-1873"

docs = {}

# ================================================================== English
docs["en-01-reuters.txt"] = ("en", [
    S(B, {"n_total": [3], "hba1c_before": [7.9], "hba1c_after": [7.1],
          "dose": [d(1.2e8)], "registry_ids": ["jRCT2053240118"],
          "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
      {"design": ["single_arm_trial", "case_report"], "follow_up_days": [168, 365], "infusions": [1]},
      "Wire story on the press conference (no publication yet: the news date is not a pub_date). 7.9->7.1 are the "
      "first patient's values at 24 weeks (a measurement time point, optional as follow-up); 'follow each patient "
      "for one year' is the planned follow-up (optional). 'about 120 million cells' per patient = dose. Traps: "
      "140,000 Japanese with T1D, 2020/2014, share price 6.2% and 3,415 yen, 'more than 20 years' disease duration."),
])

docs["en-02-aurelis-investor.txt"] = ("en", [
    S(D, {"n_total": [14], "n_arms": [4, 10], "hba1c_before": [7.6], "hba1c_after": [6.9],
          "dose": [d(4e8), d(8e8)], "registry_ids": ["NCT06123457"],
          "condition": ["T1D"], "cell_type": ["ESC-islet"]},
      {"design": ["single_arm_trial"], "follow_up_days": [274, 365], "n_arms": [10]},
      "Investor update, 3 programmes, only AUR-201 has clinical numbers. Cohorts 4 (half dose) and 10 (full dose) "
      "are arms; the second '10' (full-dose participants reaching Month 9) is the same group (optional duplicate). "
      "Month 9 is a measurement time point (optional 274); twelve-month results only mentioned (optional 365). "
      "'open-label Phase 1/2' without 'single-arm' -> design optional. Traps: 7 of 10 reaching HbA1c <7.0% "
      "(target), 40 sites / 8 countries, cash $412.6M, net loss, 310 employees, 2019, 85th Scientific Sessions."),
    S("aurelis-aur310-hypoimmune-preclinical",
      {"design": ["preclinical"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
      {"follow_up_days": [182]},
      "Nonhuman-primate result (grafts survived 26 weeks): design + cell type + described result -> a study. "
      "Different study from AUR-201 (same company: look-alike)."),
    S("aurelis-aur550-dkd", {"cell_type": ["MSC"]}, {"condition": ["unspecified", "T2D", "both"], "design": ["other"]},
      "Programme with no data yet (Phase 1 expected 2026).", om=True),
])

docs["en-03-eurekalert.txt"] = ("en", [
    S(A, {"n_total": [120], "n_arms": [60, 60], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.3, 8.2],
          "dose": [d(1e6, kg=True)], "infusions": [3], "interval_days": [28], "follow_up_days": [336],
          "doi": [DOI_A], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
          "pub_date": ["2024-06-18"]},
      {},
      "EurekAlert release. Traps: ages 30-65, duration 3-15 y and HbA1c 7.5-11.0% (inclusion criteria), 38.3% vs "
      "10.0% reaching HbA1c <7.0% (proportions/target), 7 of 180 infusions, 140 million Chinese adults, grant "
      "82170845."),
    S(A1, {"n_total": [20], "infusions": [1], "condition": ["T2D"], "pub_date": ["2021"]},
      {"dose": [d(2e6, kg=True)], "cell_type": ["UC-MSC"], "design": ["single_arm_trial"]},
      "Nested mention of the same team's 2021 phase 1 study (look-alike of the phase 2 RCT, different study_key). "
      "'up to 2 million cells per kilogram' gives only the top dose (optional); 'the same cells' = UC-MSC by "
      "coreference (optional)."),
])

docs["en-04-medscape-ada.txt"] = ("en", [
    S(D, {"n_total": [14], "n_arms": [8], "hba1c_before": [7.7], "hba1c_after": [6.8],
          "condition": ["T1D"], "cell_type": ["ESC-islet"]},
      {"design": ["single_arm_trial"], "pub_date": ["2025-06-21"], "follow_up_days": [365]},
      "Conference coverage; same study as the Aurelis investor update. Median [IQR]: only the medians are HbA1c "
      "values (7.7, 6.8); IQR bounds 7.2/8.4/6.4/7.1 are not annotated. 8 full-dose participants with 12-month "
      "data = subgroup with its own n. Presentation date is not a publication (optional). Traps: >=5 y duration, "
      "prior 12 months, 61%, 70-180 mg/dL, 49%->83% TIR, month 2/3, ADA goal <7%, 1.9 million Americans, 30%, "
      "'10 years, not 1', Abstract 312-OR."),
])

docs["en-05-cochrane.txt"] = ("en", [
    S(C, {"n_studies": [16], "n_total": [892], "hba1c_change": [-0.62], "doi": [DOI_C], "pmid": ["40345128"],
          "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2025-05-12"]},
      {"n_studies": [11, 7, 14], "n_total": [604, 388, 811], "follow_up_days": [91, 730],
       "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC"], "hba1c_before": [7.8, 9.6]},
      "Cochrane review abstract (truncated). Mean difference -0.62% = hba1c_change. Outcome-level subsets "
      "(11 studies/604, 7/388, 14/811) optional. Traps: 'range 18 to 120 participants per trial', seven countries, "
      "nine/five/two trials by cell source (not n_studies), eleven trials at high risk of bias, 12 weeks minimum "
      "duration (criterion), 500 million adults, search date 14 January 2025, CI bounds -0.88/-0.36, RR 1.08. "
      "Baseline range 7.8-9.6% across trials is not a pooled baseline (optional)."),
])

docs["en-06-lancet-summary.txt"] = ("en", [
    S(E, {"n_total": [96], "n_arms": [64, 32], "dose": [d(1e6, kg=True)], "infusions": [2], "interval_days": [90],
          "hba1c_after": [6.9, 7.6], "registry_ids": ["ChiCTR2200061845"],
          "doi": [DOI_E], "pub_date": ["2025-03-11"], "design": ["rct"], "condition": ["T1D"],
          "cell_type": ["UC-MSC"]},
      {"follow_up_days": [364], "n_total": [90], "n_arms": [61, 29], "hba1c_change": [-0.7], "pub_date": ["2025-04"]},
      "Lancet-style summary with middle-dot decimals (6·9%, 7·6%). 'two infusions ... 3 months apart' -> interval 90 "
      "(1 month = 30). Randomised 96 required; analysed 90 (61/29) optional. Between-group difference -0.7 is not a "
      "within-group change (optional). Issue date April 2025 optional. Traps: nine hospitals, ages 12-35, 100 days "
      "(criterion), 138 screened, C-peptide 9.6%/31.4%/21.8, SAE three (5%) of 64 and two (6%) of 32, grant "
      "2021YFA1100400."),
    S("preserve-context-trial-20", {"n_total": [20]}, {"condition": ["T1D"], "cell_type": ["MSC"], "design": ["rct"]},
      "Unnamed earlier trial cited in 'Research in context' (truncated text).", om=True),
    S("preserve-context-trial-21", {"n_total": [21]}, {"condition": ["T1D"], "cell_type": ["MSC"], "design": ["rct"]},
      "Unnamed earlier trial cited in 'Research in context' (truncated text).", om=True),
])

docs["en-07-diabetescare-abstract.txt"] = ("en", [
    S(F, {"n_total": [40], "n_arms": [20, 20], "dose": [d(2.5e6, kg=True)], "infusions": [1],
          "follow_up_days": [365], "hba1c_before": [mmol(62), mmol(63)], "hba1c_after": [mmol(52), mmol(60)],
          "registry_ids": ["ISRCTN48213976"], "doi": [DOI_F], "pmid": ["39760214"], "pub_date": ["2025-01-07"],
          "design": ["rct"], "condition": ["T1D"], "cell_type": ["BM-MSC"]},
      {"n_total": [38], "hba1c_before": [7.8], "hba1c_change": [round(-8 * 0.09148, 2)], "pub_date": ["2025"]},
      "Abstract with HbA1c in mmol/mol: 62->7.82, 63->7.92, 52->6.91, 60->7.64 (guideline formula). The parenthetical "
      "7.8% repeats the 62 mmol/mol baseline (optional duplicate). Adjusted difference -8 mmol/mol is a between-group "
      "difference; converted as a difference (x0.09148 = -0.73) it is optional (the guideline formula with intercept "
      "does not apply to differences). 38 completers optional. Traps: six centers, ages 18-40, diagnosed within 12 "
      "weeks (criterion), 12%/38% C-peptide, HbA1c <53 mmol/mol target and 11 of 20 / 4 of 20, insulin 0.38/0.52, "
      "received/accepted dates, NIHR 134882."),
])

docs["en-08-charity-news.txt"] = ("en", [
    S(F, {"n_total": [40], "hba1c_before": [7.8], "hba1c_after": [6.9], "infusions": [1],
          "design": ["rct"], "condition": ["T1D"], "cell_type": ["BM-MSC"]},
      {"pub_date": ["2025-01"], "follow_up_days": [365]},
      "Charity news page on ProTECT-BM. 'published ... this month' with a 22 January 2025 post date: month only by "
      "inference (optional). 'half of the volunteers' gives no arm numbers. Traps: diagnosed in previous three months "
      "(criterion), planned 120-person trial (target), 8.7 million / 400,000 people, GBP 1.2 million, 2019, strategy "
      "2024-2030, charity numbers; 'Read more' link to AUR-201 is not a study mention."),
    S("protectbm-next-trial-planned", {"condition": ["T1D"], "cell_type": ["BM-MSC"]}, {"design": ["other", "rct"]},
      "Planned follow-on trial (recruitment target 120 is not a fact).", om=True),
])

docs["en-09-cellstemcell-japan.txt"] = ("en", [
    S(B, {"n_total": [3], "dose": [d(1.2e8)], "infusions": [1], "follow_up_days": [364], "hba1c_before": [8.1],
          "hba1c_after": [7.0], "registry_ids": ["jRCT2053240118"], "doi": [DOI_B], "pmid": ["40893317"],
          "pub_date": ["2025-09-02"], "design": ["single_arm_trial"], "condition": ["T1D"],
          "cell_type": ["iPSC-islet"]},
      {"pub_date": ["2025-10-02"]},
      "Journal page with a 26-name author list, truncated at 2000 characters. '1.2 x 108 cells' is a lost superscript "
      "(1.2e8). Issue date October 02, 2025 optional. Traps: 44% insulin reduction, week 4, time below range "
      "9.8%->2.1%, 70 mg/dL, volume/pages."),
])

# ================================================================== Simplified Chinese
docs["zh-01-xinhua.txt"] = ("zh", [
    S(A, {"n_total": [120], "hba1c_change": [-1.3, -0.3], "dose": [d(1e6, kg=True)], "infusions": [3],
          "interval_days": [28], "follow_up_days": [336], "design": ["rct"], "condition": ["T2D"],
          "cell_type": ["UC-MSC"]},
      {},
      "Xinhua-style news. '每公斤体重100万个细胞' = 1e6/kg. '近日发表' gives no date (news date 2024-06-21 is not the "
      "pub_date). Changes stated per arm: -1.3 (cells), -0.3 (placebo). Traps: 30-65岁, 病程3-15年 (criteria), "
      "38.3%/10% reaching <7%, 1.4亿 patients, 约一半, 3家医院 (planned), related-news links (化学重编程 islets), "
      "知晓率38%."),
    S(A1, {"condition": ["T2D"]}, {"design": ["single_arm_trial", "other"]},
      "'此前已完成一项小样本安全性研究': nested mention of the phase 1 study without any fact.", om=True),
])

docs["zh-02-yixuejie.txt"] = ("zh", [
    S(E, {"n_total": [96], "n_arms": [64, 32], "dose": [d(1e6, kg=True)], "infusions": [2], "interval_days": [90],
          "hba1c_before": [9.8, 9.9], "hba1c_after": [6.9, 7.6],
          "registry_ids": ["ChiCTR2200061845"], "doi": [DOI_E], "pub_date": ["2025-03-11"], "design": ["rct"],
          "condition": ["T1D"], "cell_type": ["UC-MSC"]},
      {"follow_up_days": [364]},
      "医学界-style article; pub_date from the reference entry (2025 Mar 11). Traps: 9家中心, 12~35岁, 100天以内 "
      "(criteria), 2:1, C肽 9.6%/31.4%, P=0.0006, insulin 0.42/0.55 U/kg, SAE 5%/6%, ADA targets <7.0%/<7.5%; the "
      "'相关阅读' link ('14例患者', AUR-201) is not a study mention here."),
])

docs["zh-03-bioon-digest.txt"] = ("zh", [
    S(C, {"n_studies": [16], "n_total": [892], "hba1c_change": [-0.62], "doi": [DOI_C], "design": ["meta_analysis"],
          "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2025-05-12"]},
      {},
      "Digest item 1; pub_date from reference [1] (2025 May 12). CI bounds -0.88/-0.36 are not changes."),
    S("zhao2025-haesc-dbdb-mice",
      {"design": ["preclinical"], "condition": ["T2D"], "cell_type": ["hAESC"],
       "doi": ["10.1186/s13287-025-04312-8"], "pub_date": ["2025-04-18"]},
      {"dose": [d(1e6)], "infusions": [4], "interval_days": [7], "follow_up_days": [56]},
      "db/db mouse study: dosing and 8-week observation in mice are optional. 35% fasting glucose reduction is not "
      "HbA1c."),
    S("deshpande2025-pmsc-t2d",
      {"n_total": [28], "infusions": [2], "interval_days": [30], "dose": [d(1e8)], "follow_up_days": [365],
       "hba1c_before": [8.8], "hba1c_after": [7.5], "design": ["single_arm_trial"], "condition": ["T2D"],
       "cell_type": ["P-MSC"], "doi": ["10.1016/j.diabres.2025.112236"], "pub_date": ["2025-05"]},
      {},
      "Single-arm placenta MSC study (Pune). '间隔1个月' = 30 days. Traps: 病程超过5年 (criterion), 11例 reduced "
      "drugs, IDF 5.89亿 and 20~79岁 in the intro."),
])

docs["zh-04-zhihu.txt"] = ("zh", [
    S(C, {"n_studies": [16], "n_total": [892], "hba1c_change": [-0.6], "design": ["meta_analysis"],
          "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2025-05"]},
      {"cell_type": ["UC-MSC", "BM-MSC", "AD-MSC"]},
      "Q&A answer: '平均多降了0.6个百分点左右' -> -0.6 as stated (not -0.62). '2025年5月' -> 2025-05."),
    S(A1, {"n_total": [20], "dose": [d(5e5, kg=True), d(1e6, kg=True), d(2e6, kg=True)], "infusions": [1],
           "follow_up_days": [365], "design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
           "pub_date": ["2021"]},
      {"dose": [d(5e5, 2e6, kg=True)]},
      "Phase 1 of the Huaixi programme: three dose groups annotated as three single per-kg doses (the overall range "
      "5e5-2e6 is optional). '没有对照组' -> single_arm_trial."),
    S(A, {"design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]}, {},
      "'后来做了随机对照的II期研究,结果也不错': a bare pointer to the phase 2 RCT, no facts.", om=True),
])

docs["zh-05-hospital-wechat.txt"] = ("zh", [
    S("binjiang-case-wang-t2d",
      {"hba1c_before": [9.1], "hba1c_after": [7.2], "infusions": [3], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
      {"n_total": [1], "design": ["case_report", "other"], "follow_up_days": [183]},
      "Patient story 1 (hospital WeChat post). '半年后复查' is a measurement time point (optional 183). Insulin 36->18 "
      "units, 12年, 58岁 are not facts."),
    S("binjiang-case-chen-t1d", {"condition": ["T1D"], "cell_type": ["UC-MSC"]},
      {"n_total": [1], "design": ["case_report", "other"]},
      "Patient story 2 without numbers: cell type + described result -> a study mention."),
    S("binjiang-case-liu-dfu", {"condition": ["T2D"]}, {"n_total": [1], "design": ["case_report", "other"],
                                                       "cell_type": ["other", "MSC"]},
      "Patient story 3: '干细胞治疗' without a cell type and without numbers: optional mention.", om=True),
])

docs["zh-06-thesis-abstract.txt"] = ("zh", [
    S(G, {"n_total": [42], "n_arms": [21, 21], "dose": [d(1e6, kg=True)], "infusions": [2], "interval_days": [30],
          "follow_up_days": [365], "hba1c_before": [8.9, 8.8], "hba1c_after": [7.8, 8.6],
          "design": ["controlled_trial"], "condition": ["T1D"], "cell_type": ["UC-MSC"], "pub_date": ["2023"]},
      {},
      "Master's thesis abstract (CNKI style), bilingual, truncated at 2000 characters. Groups allocated by guardians' "
      "wishes -> non-randomised controlled_trial. mean±SD: only the means. Traps: 6~16岁, 病程<1年, 2020年6月-2022年3月 "
      "(enrolment window), insulin 0.82/0.61 U/(kg·d), 3例发热, 38.5 ℃, HbA1c<7.5%达标率 38.1%/14.3%, 被引3, 下载412."),
])

docs["zh-07-announcement.txt"] = ("zh", [
    S(A1, {"n_total": [20], "dose": [d(5e5, kg=True), d(1e6, kg=True), d(2e6, kg=True)], "infusions": [1],
           "follow_up_days": [365], "hba1c_before": [8.4], "hba1c_after": [7.6],
           "registry_ids": ["ChiCTR2000031457"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
      {"design": ["single_arm_trial"], "dose": [d(5e5, 2e6, kg=True)]},
      "Company announcement (公告) of an IND approval; prior investigator-initiated phase 1 data. '0.5×106、1.0×106、"
      "2.0×106个细胞/kg' are lost superscripts. Design not stated (optional). Traps: 受理号 CXSL2500123 is an NMPA "
      "acceptance number, not a registry id; 1.36亿元 is money, not cells; IDF 5.89亿/1.48亿, 90%, 20~79岁; dates "
      "2024-12-27 (受理) and 2025-03-28 (announcement)."),
    S("ruikang-rkmsc01-ind-planned", {"condition": ["T2D"], "cell_type": ["UC-MSC"]}, {"design": ["other"]},
      "The newly approved (not yet started) IND trial.", om=True),
])

docs["zh-08-case-report.txt"] = ("zh", [
    S("wei2024-ucmsc-t2d-dfu-case",
      {"n_total": [1], "hba1c_before": [10.2], "hba1c_after": [8.1, 7.4], "dose": [d(5e7)], "infusions": [4],
       "interval_days": [14], "follow_up_days": [183], "design": ["case_report"], "condition": ["T2D"],
       "cell_type": ["UC-MSC"], "doi": ["10.19538/j.nk2024080115"], "pub_date": ["2024-08"]},
      {"dose": [d(1e6)]},
      "Journal case report. '每次5000万个细胞' = 5e7; local injections 'each point about 1×10^6' optional. Traps: "
      "63岁, 12年, 3个月, 8年, BMI 26.4, ulcer size, Wagner 3, FPG 13.6, C-peptide 0.62/0.91, hs-CRP 18.4, insulin "
      "24/20/14/10 U, metformin 0.5 g tid, 伦审号2023-K-047, healed at 12周, 8.1% ulcer incidence and 5.1% "
      "amputation (the HbA1c 8.1% at 3 months is a fact, the incidence 8.1% is not), 47%, 收稿日期 2024-03-11; "
      "reference [3] (唐丽霞, 徐明远 review) is background only."),
])

docs["zh-09-two-studies.txt"] = ("zh", [
    S(G, {"n_total": [42], "n_arms": [21], "infusions": [2], "follow_up_days": [365], "hba1c_before": [8.9, 8.8],
          "hba1c_after": [7.8, 8.6], "condition": ["T1D"], "cell_type": ["UC-MSC"], "pub_date": ["2023"]},
      {"design": ["controlled_trial"]},
      "研究1 = the thesis study. Only the cell arm size (21) is stated; the control arm size is not (do not "
      "compute 42-21). Randomisation not stated -> design optional."),
    S(H, {"n_total": [42], "dose": [d(1e8)], "infusions": [3], "interval_days": [14],
          "hba1c_before": [8.7], "hba1c_after": [7.6], "hba1c_change": [-1.1], "design": ["single_arm_trial"],
          "condition": ["T2D"], "cell_type": ["UC-MSC"], "doi": ["10.3760/cma.j.cn115791-20241108-00562"],
          "pub_date": ["2025-04"]},
      {"follow_up_days": [183]},
      "研究2: same hospital and same n=42 as 研究1 but a different study (look-alike). '不设对照组' -> single_arm_trial. "
      "Traps: 20名(47.6%) halving insulin, 40~70岁, 病程5~20年."),
])

# ================================================================== Traditional Chinese
docs["hant-01-ltn.txt"] = ("zh-Hant", [
    S(A, {"n_total": [112], "n_arms": [57, 55], "dose": [d(1e6, kg=True)], "infusions": [3], "interval_days": [28],
          "follow_up_days": [336], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.3, 8.2],
          "registry_ids": ["NCT05318842"], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
      {},
      "Only the analysed count (112 = 57 + 55) is given here, so it is the required n_total. Wrong unit in the text: "
      "'由8.6 mmol/mol降至7.3 mmol/mol' are % values mislabelled (8.6 mmol/mol would be 2.9%, implausible): annotated "
      "as 8.6/7.3 %. '1×106個' = lost superscript, per kg. Traps: 250萬, 16萬, 7%以下 target, 約百人, 不到1年."),
])

docs["hant-02-hk01.txt"] = ("zh-Hant", [
    S(B, {"n_total": [3], "dose": [d(1.2e8)], "follow_up_days": [364], "hba1c_before": [8.1], "hba1c_after": [7.0],
          "pub_date": ["2025-09-02"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
      {"design": ["single_arm_trial"]},
      "HK01-style news. '約1.2億個細胞' = 1.2e8. Traps: 四成/44% insulin reduction, 1萬 HK T1D patients, 每10名港人有1人 "
      "(related link), 7%以下 target, 一年."),
])

docs["hant-03-clinic-ad.txt"] = ("zh-Hant", [
    S(H, {"n_total": [42], "infusions": [3], "hba1c_change": [-1.1], "condition": ["T2D"],
          "cell_type": ["UC-MSC"], "pub_date": ["2025-04"]},
      {"follow_up_days": [183]},
      "Clinic marketing post citing one study. Everything about the clinic's own product is a trap: 自體脂肪幹細胞 "
      "(AD-MSC is not the cited study's cell type), 1.5億顆/4次 (clinic regimen, not the study's dose), 98%, 1,200位, "
      "99%, 有效率95%, 糖化血色素7.5%以上 and 20~75歲 (criteria), 2種口服藥."),
])

docs["hant-04-udn-health.txt"] = ("zh-Hant", [
    S(D, {"n_total": [14], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
      {"follow_up_days": [365], "design": ["single_arm_trial"]},
      "元氣網-style article; AUR-201 reported with only the number of implanted patients. '追蹤滿一年的患者' optional. "
      "Traps: 2018 特管辦法, 6項 techniques, 逾200件 plans, 250萬 patients, 7%以下 target, 九成 in ads."),
    S("taiwan-medcenter-bm-t2d-old", {"condition": ["T2D"]}, {"cell_type": ["BM-MSC", "BM-MNC", "other"]},
      "'國內某醫學中心多年前曾以自體骨髓幹細胞治療第二型糖尿病' : unnamed study, no numbers, ambiguous bone-marrow cell.",
      om=True),
])

docs["hant-05-digest.txt"] = ("zh-Hant", [
    S(F, {"n_total": [40], "n_arms": [20, 20], "dose": [d(2.5e6, kg=True)], "infusions": [1], "follow_up_days": [365],
          "hba1c_before": [mmol(62)], "hba1c_after": [mmol(52)], "design": ["rct"], "condition": ["T1D"],
          "cell_type": ["BM-MSC"], "pub_date": ["2025"]},
      {},
      "Digest item 1 = ProTECT-BM; HbA1c given only in mmol/mol (62 -> 7.82, 52 -> 6.91). pub_date 2025 from the "
      "reference (Diabetes Care. 2025;48(3))."),
    S("lee2024-admsc-t2d-korea",
      {"n_total": [64], "n_arms": [32, 32], "infusions": [2], "interval_days": [56],
       "hba1c_change": [-0.9, -0.3], "design": ["rct"], "condition": ["T2D"], "cell_type": ["AD-MSC"],
       "doi": ["10.1093/stcltm/szae088"], "pub_date": ["2024-11"]},
      {"follow_up_days": [168]},
      "Digest item 2 (Korean RCT). '間隔8週' = 56 days, '24週後' = 168. Trap: BMI大於30 subgroup."),
    S("nct06288140-ucmsc-dkd", {"registry_ids": ["NCT06288140"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
      {"design": ["other"]},
      "Digest item 3: a registry id of a trial that has just started; 60 is a recruitment target, 2027 an expected "
      "date.", om=True),
])

docs["hant-06-epochtimes.txt"] = ("zh-Hant", [
    S(E, {"n_total": [96], "infusions": [2], "interval_days": [90], "follow_up_days": [364],
          "hba1c_after": [6.9, 7.6], "design": ["rct"], "condition": ["T1D"], "cell_type": ["UC-MSC"],
          "pub_date": ["2025-03-11"]},
      {},
      "大紀元-style item. '相隔三個月' = 90. Traps: 9家醫院, 12至35歲, 不到100天 (criteria), 900萬 patients, 2019."),
])

FU_NOTE = (" Follow-up: the duration is only a measurement time point ('12-month data', 'after a year', '52周时', "
           "'6个月后'), not stated as follow-up/observation, so it is optional (rule used throughout this set).")
for doc, key in [("en-04-medscape-ada.txt", D), ("en-06-lancet-summary.txt", E), ("en-08-charity-news.txt", F),
                 ("zh-02-yixuejie.txt", E), ("zh-09-two-studies.txt", H), ("hant-03-clinic-ad.txt", H),
                 ("hant-05-digest.txt", "lee2024-admsc-t2d-korea")]:
    st = [x for x in docs[doc][1] if x["study_key"] == key][0]
    st["notes"] = st.get("notes", "") + FU_NOTE

for name, (lang, studies) in docs.items():
    assert (ROOT / "docs" / name).is_file(), name
    out = {"doc_id": name, "lang": lang, "studies": studies}
    (GOLD / (name + ".json")).write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
print(len(docs), "gold files")
