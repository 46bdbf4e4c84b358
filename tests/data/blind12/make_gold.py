#!/usr/bin/env python3
"""Generate gold/*.json for blind12 (GUIDELINE v1). Edit here and re-run; never edit gold/ by hand.

Every study carries `evidence`: quotes copied from the document; their character offsets are computed
here with str.find on the exact document text (the script stops if a quote is missing). The scorer ignores
this key. Day conversions: week 7, month 30.4375, year 365.25 (rounded); intervals in months use 30 days.
"""
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS_DIR = HERE / "docs"
GOLD = HERE / "gold"

FIELDS = ["n_total", "n_arms", "n_studies", "hba1c_before", "hba1c_after", "hba1c_change", "dose",
          "infusions", "interval_days", "follow_up_days", "doi", "pmid", "registry_ids", "design",
          "condition", "cell_type", "pub_date"]


def wk(n): return round(n * 7)
def mo(n): return round(n * 30.4375)
def yr(n): return round(n * 365.25)
def mmol(x): return round(0.09148 * x + 2.152, 2)
def dose(lo, hi=None, per_kg=False): return {"min": float(lo), "max": float(hi if hi is not None else lo), "per_kg": per_kg}


def study(key, facts, optional=None, notes="", ev=(), optional_mention=False):
    for k in list(facts) + list(optional or {}):
        assert k in FIELDS, (key, k)
    s = {"study_key": key, "facts": {k: facts[k] for k in FIELDS if k in facts},
         "optional": {k: (optional or {})[k] for k in FIELDS if k in (optional or {})}, "notes": notes,
         "_ev": list(ev)}
    if optional_mention:
        s["optional_mention"] = True
    return s


# ------------------------------------------------------------------ study keys (dedup clusters)
A = "rao2026-minyang-ucmsc-t2d-rct"            # Minyang Med Univ 1st Hosp, 120 (60/60), 1e6/kg x2 12 wk apart, 48 wk, ChiCTR2500098412
B = "brisa-brs112-esc-islet-t1d"               # Brisa Therapeutics BRS-112 BRIGHTWATER, NCT06877421, 12 (2/10), 3.5e8/7e8 once, 12 mo
LB = "qiyuan-qy201-esc-islet-device-t1d"       # look-alike of B: Qiyuan QY-201, encapsulated, 10 pts, 2e8, 6 mo
C = "tsai2026-zhangbin-admsc-t2d-retro"        # Zhangbin Ciguang Hosp (Taiwan), AD-MSC, 42 pts, 1e8 x2, 1 month apart, 12 mo
D = "kovacs2026-msc-t2d-meta21"                # meta-analysis, 21 RCTs, 1318, WMD -0.66, doi 10.6204/err.2026.0093
LD = "kovacs2023-msc-t2d-meta12"               # look-alike of D: same group's 2023 meta, 12 trials, 702, -0.54
E = "wu2025-songlan-ucmsc-t2d-rct86"           # Songlan 1st People's Hosp, 86 (43/43), 5e7 x3 every 2 wk, 6 mo
F = "ferran2026-renova-t1-bmmsc-t1d-rct"       # RENOVA-T1, Valencia, NCT06531902, 30 (20/10), 2e6/kg x2 6 mo apart, 24 mo
G = "pan2026-yandang-ipsc-islet-t1d-case"      # Yandang Med Univ 2nd Hosp, 41-y woman, iPSC islets 1.2e9 forearm, 18 mo
LG = "luhai2025-ipsc-islet-t2d-case"           # look-alike of G: Luhai Univ Hosp, 62-y man T2D, iPSC islets, 2 years
H = "wendling2026-larkspur-islet-t1d-cohort"   # Larkspur Univ Health, donor islets, 48 pts, 97 infusions, median 7.2 y
P1 = "chictr2600104417-ipsc-islet-planned"     # planned follow-on trial of G (optional mention)
P2 = "brightwater3-nct07112094-planned"        # planned phase 3 of B (optional mention)

DOCS = {}

# ------------------------------------------------------------------ English
DOCS["b12-01-en-pubmed-structured.txt"] = ("en", [
    study(A, {"n_total": [120], "n_arms": [60, 60], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.5, 8.2],
              "hba1c_change": [-1.1, -0.3], "dose": [dose(1e6, per_kg=True)], "infusions": [2],
              "interval_days": [wk(12)], "follow_up_days": [wk(48)], "doi": ["10.5468/dmr.2026.0412"],
              "pmid": ["41766025"], "registry_ids": ["ChiCTR2500098412"], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2026-10"]},
          {"n_total": [112], "hba1c_before": [mmol(70)], "hba1c_change": [-0.8], "pub_date": ["2026", "2026-08-19"]},
          "PubMed page, structured abstract. Citation month 2026 Oct required; Epub 2026 Aug 19 optional. 'at baseline "
          "and again after 12 weeks' + 'Two infusions ... twelve weeks apart' -> 2 x 84 d. 'completed the 48-week "
          "follow-up' -> 336 d. Both arms before/after; stated changes -1.1/-0.3; between-group -0.8 optional (within-arm "
          "changes stated); CI bounds no. 70 mmol/mol restates 8.6 (optional copy). 112 completers optional. "
          "Criterion 7.5-11.0%, 21/60 (35%) and 6/60 (10%) at target, 0.12 U/kg, fever 6/1, ages 30-70, 3 years, "
          "grant numbers, Similar-articles PMIDs = not facts.",
          ev=["randomized, double-blind, placebo-controlled phase 2 trial",
              "UC-MSCs (1 × 10^6 cells/kg body weight) were given intravenously at baseline and again after 12 weeks",
              "120 participants were randomized (60 UC-MSC, 60 placebo); 112 completed the 48-week follow-up",
              "HbA1c decreased from 8.6% ± 0.8% (70 mmol/mol) at baseline to 7.5% ± 0.7% at week 48",
              "from 8.5% ± 0.9% to 8.2% ± 0.8% in the placebo group", "change -1.1 vs -0.3 percentage points",
              "2026 Oct;14(10):1187-1198", "doi: 10.5468/dmr.2026.0412", "PMID: 41766025", "ChiCTR2500098412"]),
])

DOCS["b12-02-en-businesswire-pr.txt"] = ("en", [
    study(B, {"n_total": [12], "n_arms": [2, 10], "hba1c_before": [7.6], "hba1c_after": [6.5],
              "dose": [dose(3.5e8), dose(7e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT06877421"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"n_arms": [8], "design": ["single_arm_trial"], "pub_date": ["2026-06-22", "2026-06"]},
          "BusinessWire company release. 12 dosed: 'two in Part A ... approximately 350 million' and '10 in Part B ... "
          "approximately 700 million' (two doses, each single infusion). 'Eight Part B participants had completed at "
          "least 12 months of follow-up' -> follow-up 365 (8 analysed: optional arm). HbA1c 7.6 -> 6.5 at Month 12. "
          "Open-label phase 1/2 with no comparison group mentioned, not named single-arm: design optional. Six (75%) "
          "insulin independent, 68%, TIR 52->94%, 2 SAEs, 'up to 17', ages 18-65, five years, ~40 planned, 15 sites, "
          "9/2 million, 50,000, $318.4 million = not facts. Release date optional.",
          ev=["BRIGHTWATER Phase 1/2 trial (NCT06877421) of BRS-112", "stem cell-derived, fully differentiated islet cell therapy",
              "allogeneic human embryonic stem cell line and is given as a single infusion into the hepatic portal vein",
              "12 participants had been dosed: two in Part A, who received a half dose of approximately 350 million cells, "
              "and 10 in Part B, who received the full target dose of approximately 700 million cells",
              "Eight Part B participants had completed at least 12 months of follow-up",
              "Mean HbA1c decreased from 7.6% at baseline to 6.5% at Month 12"]),
    study(P2, {}, {"n_total": [40], "registry_ids": ["NCT07112094"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          "Planned Phase 3 BRIGHTWATER-3 with its own NCT id and ~40 planned participants: optional mention.",
          ev=["BRIGHTWATER-3 (NCT07112094), is expected to enroll approximately 40 participants"], optional_mention=True),
])

DOCS["b12-03-en-reuters-news.txt"] = ("en", [
    study(G, {"hba1c_before": [8.1], "hba1c_after": [5.8], "dose": [dose(1.2e9)], "infusions": [1],
              "follow_up_days": [mo(18)], "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"n_total": [1], "pub_date": ["2026-09-14", "2026"]},
          "Reuters-style wire. One patient ('A woman', 'The 41-year-old') without an explicit count: n=1 optional. "
          "Chain blood cells -> iPSC -> islet clusters = iPSC-islet (clinical case, not preclinical). 'About 1.2 billion "
          "of the cells ... in a single procedure'. 'Eighteen months after the procedure she still does not need it' = "
          "durability follow-up 548 d; 'day 75' is time to insulin independence, not follow-up. 'published on Sept. 14' "
          "without year in the sentence: optional. 13 years, 97%/41%, $200,000, six months, 9 million/700,000 = not facts.",
          ev=["reprogrammed them into induced pluripotent stem cells and then coaxed those into clusters of islet cells",
              "About 1.2 billion of the cells were injected into the muscles of her forearm in a single procedure",
              "Eighteen months after the procedure she still does not need it",
              "fell from 8.1% before the transplant to 5.8%", "published on Sept. 14 in the journal Stem Cell Frontiers"]),
    study(LG, {"follow_up_days": [yr(2)], "design": ["case_report"], "condition": ["T2D"], "cell_type": ["iPSC-islet"],
               "pub_date": ["2025"]},
          {"n_total": [1]},
          "LOOK-ALIKE of G in the same article: another hospital (Luhai, Shanghai), a 62-year-old man with TYPE 2 "
          "diabetes, islet tissue from his own reprogrammed cells, 2025 paper; 'off insulin for two years' = durability "
          "follow-up 730 d. Must not be merged with G.",
          ev=["In a 2025 paper in Cell Metabolism Letters, a team at Luhai University Hospital in Shanghai described a "
              "62-year-old man with type 2 diabetes who received islet tissue grown from his own reprogrammed cells; he has "
              "been off insulin for two years"]),
    study(B, {}, {"n_arms": [8], "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          "One-sentence pointer to Brisa's June data (6 of 8 full-dose patients off insulin after a year): responders "
          "only, optional mention.",
          ev=["Brisa Therapeutics reported in June that six of eight patients given the full dose"], optional_mention=True),
    study(P1, {}, {"n_total": [10], "registry_ids": ["ChiCTR2600104417"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          "Planned follow-on trial of G (10 more patients, own ChiCTR id): optional mention; the id is not G's.",
          ev=["registered a trial (ChiCTR2600104417) to treat 10 more patients"], optional_mention=True),
])

DOCS["b12-04-en-conference-abstract.txt"] = ("en", [
    study(F, {"n_total": [30], "n_arms": [20, 10], "hba1c_after": [mmol(49), mmol(54)],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [180], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT06531902"], "design": ["rct"], "condition": ["T1D"], "cell_type": ["BM-MSC"]},
          {"pub_date": ["2025"]},
          "EASD conference abstract, 12-month interim of RENOVA-T1. 'Thirty participants' in words; 2:1 -> 20/10. "
          "HbA1c only in mmol/mol: 49 -> 6.63 %, 54 -> 7.09 % (after values at month 12, both arms). 'at baseline and "
          "again at month 6' -> 2 infusions, 180 d. 'All were followed for 12 months' -> 365. Supplement citation "
          "Diabetologia (2025) and meeting dates: optional. Age 27, 11 women, 9%/38% C-peptide, 0.31/0.45 U/kg/day, "
          "12/20 vs 3/10 remission, 2 bruising, 60 mL, 18-40 years, 6 weeks, grant id = not facts.",
          ev=["RENOVA-T1 (NCT06531902) is a double-blind, placebo-controlled trial",
              "randomised 2:1 to autologous BM-MSC or placebo",
              "infused intravenously at 2 × 10^6 cells/kg at baseline and again at month 6",
              "Thirty participants were randomised (MSC, n = 20; placebo, n = 10)", "All were followed for 12 months",
              "HbA1c at 12 months was 49 mmol/mol with MSC versus 54 mmol/mol with placebo",
              "Citation: Diabetologia (2025) 68 (Suppl 1): S214"]),
])

DOCS["b12-05-en-pdf-fulltext.txt"] = ("en", [
    study(F, {"n_total": [30], "n_arms": [20, 10], "hba1c_before": [9.8, 9.6], "hba1c_after": [6.6, 7.1, 6.9, 7.6],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [180], "follow_up_days": [mo(24)],
              "doi": ["10.8842/drm.2026.0077"], "registry_ids": ["NCT06531902"], "design": ["rct"],
              "condition": ["T1D"], "cell_type": ["BM-MSC"], "pub_date": ["2026-06-02"]},
          {"n_total": [28], "n_arms": [18], "pub_date": ["2026"]},
          "PDF full-text extract (methods/results) with Table 2 flattened to space-separated rows: HbA1c baseline "
          "9.8/9.6 and months 12 and 24 for both arms (4 after values). 'two intra-venous infusions of 2 × 10^6 cells/kg "
          "... the first at week 0 and the second six months later' (hyphen inside 'intra-venous') -> 2, 180 d. "
          "'28 completed the 24-month follow-up' -> follow-up 730; 28 completers optional (41 screened: not a fact). 'Published "
          "online: 2 June 2026' required; received/accepted dates not. C-peptide, insulin U/kg/day, 47 AEs in 19, "
          "bruising 2, headache 3, age 27.4, 11 women, 38 days, 60 mL, blocks of three = not facts.",
          ev=["randomised, double-blind, placebo-controlled phase 2 trial", "(NCT06531902)",
              "two intra-venous infusions of 2 × 10^6 cells/kg body weight (or placebo), the first at week 0 and the second six months later",
              "30 were randomised: 20 to MSC and 10 to placebo", "so 28 completed the 24-month follow-up",
              "HbA1c, % Baseline 9.8 ± 1.6 9.6 ± 1.9 0.77", "Month 12 6.6 ± 0.7 7.1 ± 0.9 0.11",
              "Month 24 6.9 ± 0.8 7.6 ± 1.1 0.06", "Published online: 2 June 2026", "https://doi.org/10.8842/drm.2026.0077"]),
])

DOCS["b12-06-en-hospital-newsroom.txt"] = ("en", [
    study(H, {"n_total": [48], "hba1c_before": [8.3], "hba1c_after": [5.9], "follow_up_days": [yr(7.2)],
              "doi": ["10.5204/trq.2026.1130"], "design": ["observational"], "condition": ["T1D"],
              "cell_type": ["islet"], "pub_date": ["2026"]},
          {"infusions": [2, 3], "pub_date": ["2026-11-19"]},
          "Hospital newsroom on a 15-year single-centre record review (observational). Donor islets ('isolated from "
          "deceased organ donors') = islet. 'followed for a median of 7.2 years' -> 2630 d. Median HbA1c 5.9 at 5 years "
          "vs 8.3 before. 97 infusions in total; per-patient 'most needed two ... a few needed three' optional. "
          "Reference year 2026 required; 'published today' + page date optional. 54%, 44 of 48, 11 complications, "
          "3 deaths, 2009-2024, 'about a dozen' centers, 1.9 million, FDA 2023, phone number = not facts. The "
          "stem-cell islet trial site sentence carries no facts: not a mention.",
          ev=["reviewed the records of all 48 adults with type 1 diabetes who received islet transplants",
              "isolated from deceased organ donors", "Patients were followed for a median of 7.2 years",
              "median HbA1c was 5.9%, compared with 8.3% before the first transplant", "doi:10.5204/trq.2026.1130",
              "Transplant Rep Q. 2026;12(4):301-314"]),
])

DOCS["b12-07-en-pubmed-unstructured.txt"] = ("en", [
    study(D, {"n_total": [1318], "n_studies": [21], "hba1c_change": [-0.66], "doi": ["10.6204/err.2026.0093"],
              "pmid": ["41690217"], "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"],
              "pub_date": ["2026-09"]},
          {"n_studies": [13, 4, 3, 1, 8], "hba1c_change": [-0.74, -0.52],
           "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC", "P-MSC"], "dose": [dose(5e7), dose(3e6, per_kg=True)],
           "follow_up_days": [wk(12), mo(24)], "pub_date": ["2026"]},
          "PubMed page (citation split over lines as on pubmed.gov), unstructured abstract. 'Twenty-one trials with "
          "1,318 participants' (words, thousands comma). WMD -0.66 = the study's change; CI bounds no. Subgroup changes, "
          "per-source trial counts, dose range and follow-up range of the included trials optional. PROSPERO CRD id is "
          "not a trial registry id. I2 71%, -0.09 U/kg/day, RR 0.94, search date = not facts.",
          ev=["Twenty-one trials with 1,318 participants met the inclusion criteria",
              "weighted mean difference -0.66%", "2026 Sep;9(3):211-224", "doi: 10.6204/err.2026.0093",
              "PMID: 41690217", "systematic review and meta-analysis of randomized controlled trials"]),
    study(LD, {"n_total": [702], "n_studies": [12], "hba1c_change": [-0.54], "design": ["meta_analysis"],
               "pub_date": ["2023"]},
          {"condition": ["T2D"], "cell_type": ["MSC"]},
          "LOOK-ALIKE of D inside D's own abstract: the same group's previous 2023 meta-analysis (12 trials, 702 "
          "participants, -0.54%). A distinct study (own publication); condition/cell type only implied here (optional).",
          ev=["We updated our 2023 meta-analysis, which had pooled 12 trials with 702 participants and found an HbA1c reduction of 0.54%"]),
])

# ------------------------------------------------------------------ Simplified Chinese
DOCS["b12-08-zh-portal-news.txt"] = ("zh", [
    study(A, {"n_total": [120], "n_arms": [60, 60], "hba1c_before": [8.6], "hba1c_after": [7.5],
              "hba1c_change": [-1.1, -0.3], "dose": [dose(1e6, per_kg=True)], "infusions": [2],
              "interval_days": [wk(12)], "follow_up_days": [wk(48)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"]},
          {},
          "Mainland news portal, no DOI/registry/PMID; journal only in Chinese + English name, 'online' without date. "
          "'每组60人'; '每公斤体重100万个细胞'; '第一次输注12周后再输注一次' -> 2 infusions, 84 d; '研究一共随访了48周'. "
          "'平均下降约1.1个百分点' (approximate word, the study's value) and control '仅下降0.3个百分点' = stated changes. "
          "Randomised + saline + blinding in words -> rct. 1.4亿, 九成, 8%, 35%/10%, 6 fever, 24小时, 8家, ~400 planned, "
          "数万元 = not facts.",
          ev=["共有120名正在使用胰岛素的2型糖尿病患者入组，通过计算机随机分为两组，每组60人",
              "按每公斤体重100万个细胞的剂量静脉输注脐带间充质干细胞，第一次输注12周后再输注一次",
              "研究一共随访了48周", "糖化血红蛋白从入组时的8.6%降至7.5%，平均下降约1.1个百分点",
              "安慰剂组仅下降0.3个百分点"]),
])

DOCS["b12-09-zh-hospital-wechat.txt"] = ("zh", [
    study(G, {"n_total": [1], "hba1c_before": [8.1], "hba1c_after": [5.8], "dose": [dose(1.2e9)], "infusions": [1],
              "follow_up_days": [mo(18)], "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"],
              "pub_date": ["2026-09-14"]},
          {"pub_date": ["2026"]},
          "Hospital WeChat post on its own case. '一名1型糖尿病患者' / '一名41岁女性' -> n=1 required. Chain 外周血细胞 -> "
          "iPSC -> 胰岛细胞团 (iPSC-islet, clinical; the 2021 mouse work is background and does not make it "
          "preclinical). '约12亿个细胞一次性注射'; '已随访18个月' -> 548; '第75天' not follow-up. '2026年9月14日在线发表' "
          "required. 13年, 4次, 3次, TIR 41->97%, 70万, 阅读 2.1万 = not facts.",
          ev=["报道了一名1型糖尿病患者在接受自体诱导多能干细胞来源胰岛移植后", "患者为一名41岁女性",
              "将其重编程为诱导多能干细胞（iPSC）", "将约12亿个细胞一次性注射到患者前臂肌肉内",
              "患者已随访18个月", "糖化血红蛋白由移植前的8.1%降至5.8%", "2026年9月14日在线发表"]),
    study(P1, {}, {"n_total": [10], "registry_ids": ["ChiCTR2600104417"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          "Planned new trial with its own ChiCTR id (10 patients): optional mention; not G's id.",
          ev=["ChiCTR2600104417"], optional_mention=True),
])

DOCS["b12-10-zh-cnki-abstract.txt"] = ("zh", [
    study(E, {"n_total": [86], "n_arms": [43, 43], "hba1c_before": [8.74, 8.69], "hba1c_after": [7.31, 8.12],
              "dose": [dose(5e7)], "infusions": [3], "interval_days": [14], "follow_up_days": [mo(6)],
              "doi": ["10.3969/j.issn.1674-8875.2025.09.006"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"], "pub_date": ["2025"]},
          {},
          "CNKI abstract page 目的/方法/结果/结论. '随机数字表法分为对照组和观察组，各43例' -> rct. Lost superscript "
          "'5×107个' = 5×10^7 per infusion. '每2周1次，共输注3次'. '两组均随访6个月' -> 183. (均数±标准差)% both arms. "
          "'来源：临床内分泌与再生医学，2025，18(9)' -> 2025. 总有效率 90.70% (39/43) / 72.09% (31/43), AE 2/1, "
          "6.98%/4.65%, grant number, download counts, page numbers = not facts.",
          ev=["选取2023年3月至2024年8月我院收治的86例T2DM患者，采用随机数字表法分为对照组和观察组，各43例",
              "每次输注细胞数5×107个，每2周1次，共输注3次", "两组均随访6个月",
              "观察组HbA1c由（8.74±1.02）%降至（7.31±0.86）%，对照组由（8.69±0.97）%降至（8.12±0.91）%",
              "DOI：10.3969/j.issn.1674-8875.2025.09.006", "来源：临床内分泌与再生医学，2025，18(9)：812-817"]),
])

DOCS["b12-11-zh-portal-industry.txt"] = ("zh", [
    study(B, {"n_total": [12], "n_arms": [2, 10], "hba1c_before": [7.6], "hba1c_after": [6.5],
              "dose": [dose(3.5e8), dose(7e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"n_arms": [8], "design": ["single_arm_trial"]},
          "Industry portal, section 一. Code glued to CJK ('在研疗法BRS-112的'), no NCT. '2人接受半剂量（约3.5亿个细胞），"
          "10人接受全剂量（约7亿个细胞）'; '肝门静脉单次输注'; '随访满12个月的8名' -> follow-up 365 (8 optional). "
          "Design not stated: optional. 6人, 2例 SAE, 约40人 phase 3, 3.18亿美元 = not facts.",
          ev=["在研疗法BRS-112的1/2期临床试验", "由同种异体人胚胎干细胞分化而来，通过肝门静脉单次输注",
              "共有12名1型糖尿病患者接受了给药，其中2人接受半剂量（约3.5亿个细胞），10人接受全剂量（约7亿个细胞）",
              "在随访满12个月的8名全剂量患者中，糖化血红蛋白（HbA1c）平均从7.6%降至6.5%"]),
    study(H, {"n_total": [48], "hba1c_after": [5.9], "follow_up_days": [yr(7.2)], "design": ["observational"],
              "condition": ["T1D"], "cell_type": ["islet"]},
          {"pub_date": ["2026-11", "2026"]},
          "Section 二: the Larkspur 15-year single-centre data ('真实世界数据', 回顾 of all transplants -> observational), "
          "reported from the journal. 48 patients, 97 infusions in total (no per-patient number), '中位随访7.2年', 5-year "
          "median HbA1c 5.9 (no baseline here). '11月在《移植报告季刊》发表' without year: optional. 54%, 44人 = not facts.",
          ev=["该中心共为48名1型糖尿病患者进行了97次供体胰岛输注，中位随访7.2年", "HbA1c中位数为5.9%", "15年真实世界数据"]),
    study(LB, {"n_total": [10], "hba1c_before": [8.0], "hba1c_after": [7.4], "dose": [dose(2e8)],
               "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"follow_up_days": [mo(6)], "design": ["single_arm_trial"], "infusions": [1]},
          "Section 三: LOOK-ALIKE of B (ESC-derived islets for T1D; 10 patients = the size of B's full-dose cohort) but "
          "another company (Qiyuan, Suzhou), product QY-201 glued to CJK, encapsulated subcutaneous device without "
          "immunosuppression, ~2亿 per patient, '术后6个月' time point (optional). 5亿元 B轮 = not a fact.",
          ev=["苏州启元生物的QY-201采用胚胎干细胞来源的胰岛细胞", "首批10名1型糖尿病患者已完成植入，每人植入约2亿个细胞",
              "术后6个月HbA1c从8.0%降至7.4%"]),
])

DOCS["b12-12-zh-hospital-wechat-rct.txt"] = ("zh", [
    study(E, {"n_total": [86], "hba1c_change": [-1.43, -0.57], "dose": [dose(5e7)], "infusions": [3],
              "interval_days": [14], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
              "pub_date": ["2025-09"]},
          {"follow_up_days": [mo(6)]},
          "Hospital WeChat post on its own published study (no DOI). '按随机数字表法分成两组' -> rct (no arm sizes). "
          "'每两周…一次…每次5000万个细胞，连续输注三次'. '半年后复查' = time point: optional. Changes stated: -1.43 "
          "(干细胞组) and -0.57 (对照组). '于2025年9月发表在《临床内分泌与再生医学》' -> 2025-09. Patient 58岁/12年/28->16 "
          "units, 2例低热/1例头痛, planned 2年 follow-up = not facts.",
          ev=["于2025年9月发表在《临床内分泌与再生医学》杂志上", "该研究共纳入86名在我院就诊的2型糖尿病患者，按随机数字表法分成两组",
              "每两周静脉输注一次脐带间充质干细胞，每次5000万个细胞，连续输注三次",
              "干细胞组患者的糖化血红蛋白平均下降了1.43个百分点，而对照组只下降了0.57个百分点"]),
])

DOCS["b12-13-zh-wechat-digest.txt"] = ("zh", [
    study(D, {"n_total": [1318], "n_studies": [21], "hba1c_change": [-0.66], "doi": ["10.6204/err.2026.0093"],
              "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {"n_studies": [13], "cell_type": ["UC-MSC"]},
          "Digest item 1. DOI and year only in reference [1] (belongs to the in-text mention). 21项, 1318名, WMD -0.66; "
          "CI bounds and I2 no; 13项 UC-MSC subgroup count optional.",
          ev=["研究共纳入21项随机对照试验、1318名受试者", "MSC治疗使HbA1c降低0.66%（加权均数差",
              "Endocr Regen Rev, 2026, 9(3): 211-224. DOI: 10.6204/err.2026.0093"]),
    study(LD, {"n_total": [702], "n_studies": [12], "hba1c_change": [-0.54], "doi": ["10.6204/err.2023.0047"],
               "design": ["meta_analysis"], "condition": ["T2D"], "cell_type": ["MSC"], "pub_date": ["2023"]},
          {},
          "LOOK-ALIKE of D in the same item: the team's 2023 previous version (12 trials, 702, -0.54), own reference [2] "
          "with its own DOI; condition/cell type from the reference title.",
          ev=["该团队2023年发表的上一版分析[2]仅纳入12项试验（702名受试者），HbA1c降幅为0.54%",
              "Mesenchymal stromal cells for type 2 diabetes: a systematic review and meta-analysis[J]. Endocr Regen Rev, 2023, 6(2): 98-109. DOI: 10.6204/err.2023.0047"]),
    study(E, {"n_total": [86], "n_arms": [43, 43], "hba1c_before": [8.74, 8.69], "hba1c_after": [7.31, 8.12],
              "dose": [dose(5e7)], "infusions": [3], "interval_days": [14], "follow_up_days": [mo(6)],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2025"]},
          {},
          "Digest item 2: '随机对照研究[3]纳入86例…（每组43例）', '每2周…1次…每次5×10^7个，共3次', '随访6个月'. "
          "Reference [3] (Chinese, no DOI) gives 2025.",
          ev=["纳入86例2型糖尿病患者（每组43例）", "每2周静脉输注1次脐带间充质干细胞，每次5×10^7个，共3次",
              "随访6个月，观察组HbA1c由8.74%降至7.31%，对照组由8.69%降至8.12%",
              "临床内分泌与再生医学, 2025, 18(9): 812-817"]),
    study(F, {"n_total": [30], "hba1c_after": [6.9, 7.6], "dose": [dose(2e6, per_kg=True)], "infusions": [2],
              "follow_up_days": [mo(24)], "doi": ["10.8842/drm.2026.0077"], "design": ["rct"], "condition": ["T1D"],
              "cell_type": ["BM-MSC"], "pub_date": ["2026"]},
          {"interval_days": [180]},
          "Digest item 3 (headline '两年结果' + '到第24个月' -> 730). '按2:1随机' without arm numbers. '在第0个月和第6个月各"
          "接受一次输注' -> 2 infusions (interval only implied by the two time points: optional 180). '每公斤体重2×10^6个"
          "细胞'. Month-24 HbA1c 6.9/7.6. DOI/year from reference [4]. Trial name RENOVA-T1 but no NCT here.",
          ev=["RENOVA-T1试验[4]纳入30名确诊6周内的成人1型糖尿病患者，按2:1随机分配", "患者在第0个月和第6个月各接受一次输注，剂量为每公斤体重2×10^6个细胞",
              "HbA1c分别为6.9%和7.6%", "骨髓MSC的两年结果", "Diabetes Regen Med, 2026, 5: 77-89. DOI: 10.8842/drm.2026.0077"]),
    study("dbdb-admsc-exosome-mice-digest", {},
          {"follow_up_days": [wk(8)], "design": ["preclinical"], "condition": ["T2D"], "cell_type": ["AD-MSC", "other"]},
          "Digest item 4: unnamed db/db mouse exosome study, no reference, no numbers beyond 8 weeks / ~30%: optional mention.",
          ev=["另有一项研究在db/db小鼠中观察了脂肪MSC来源外泌体的作用"], optional_mention=True),
])

DOCS["b12-14-zh-portal-taiwan-reprint.txt"] = ("zh", [
    study(C, {"n_total": [42], "hba1c_before": [9.1], "hba1c_after": [7.8], "hba1c_change": [-1.3],
              "dose": [dose(1e8)], "infusions": [2], "interval_days": [30], "follow_up_days": [yr(1)],
              "design": ["observational"], "condition": ["T2D"], "cell_type": ["AD-MSC"]},
          {"pub_date": ["2026-10"]},
          "Mainland portal reprint of Taiwan news (simplified). '回顾性分析' -> observational; '这项分析没有设立对照组' "
          "(no control, but retrospective, not a trial). '每次约1亿个细胞，共回输两次，两次之间间隔一个月' -> 30 d. "
          "'患者追踪一年后' -> 365. Before/after written with a WRONG UNIT '9.1mmol/L … 7.8mmol/L' (HbA1c levels, confirmed as % by '下降1.3个百分点' and the Taiwan sources): annotated as % 9.1/7.8, not converted; stated change -1.3. '今年10月出版' relative: optional. 三成, 29人, "
          "2018, 2021, 新台币30万元, 250万, 1200人次 = not facts.",
          ev=["此次分析纳入2021年至2025年在该院完成治疗的42名2型糖尿病患者",
              "每次约1亿个细胞，共回输两次，两次之间间隔一个月", "患者追踪一年后，糖化血红蛋白平均从9.1mmol/L降至7.8mmol/L，平均下降1.3个百分点",
              "自体脂肪间充质干细胞治疗2型糖尿病的回顾性分析结果"]),
])

# ------------------------------------------------------------------ Traditional Chinese
DOCS["b12-15-zhhant-hk-newspaper.txt"] = ("zh-Hant", [
    study(A, {"n_total": [120], "hba1c_before": [8.6, 8.5], "hba1c_after": [7.5, 8.2], "dose": [dose(1e6, per_kg=True)],
              "infusions": [2], "interval_days": [90], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"follow_up_days": [yr(1), wk(48)]},
          "Hong Kong newspaper. '一百二十名' in Chinese numerals (also '一百二十人' in the quote). '每公斤體重一百萬粒細胞'; "
          "'相隔三個月再打第二針' -> 2 infusions, interval 90 as stated (the paper says 12 weeks). '追蹤近一年' approximate: "
          "optional. Randomised by computer, saline, double-blind -> rct. 三分之一, 7%, 六人, 七十萬, 十萬港元, 四百人 "
          "planned = not facts.",
          ev=["研究招募一百二十名正注射胰島素的二型糖尿病患者", "以電腦隨機分為兩組",
              "幹細胞組按每公斤體重一百萬粒細胞的劑量輸注，相隔三個月再打第二針",
              "幹細胞組的糖化血紅素由平均8.6%降至7.5%，安慰劑組則由8.5%降至8.2%", "追蹤近一年後"]),
])

DOCS["b12-16-zhhant-tw-hospital-news.txt"] = ("zh-Hant", [
    study(C, {"n_total": [42], "hba1c_before": [9.1], "hba1c_after": [7.8], "dose": [dose(1e8)], "infusions": [2],
              "interval_days": [28], "follow_up_days": [mo(12)], "design": ["observational"], "condition": ["T2D"],
              "cell_type": ["AD-MSC"], "pub_date": ["2026-10"]},
          {},
          "Taiwan hospital news release, ROC dates (115-11-03 page date; 110-114 = 2021-2025). '回溯分析…42位病友', "
          "'單一醫院的回溯性研究，沒有對照組' -> observational. '每位病友共回輸2次，每次1億顆細胞，2次間隔4週' -> 28 d "
          "(the mainland reprint says one month). '追蹤12個月' (title); HbA1c from a small before/after table flattened with full-width spaces ('項目　治療前　治療後12個月'); fasting glucose 186/142 and insulin 38/29 units in the same table are not facts. '已發表於2026年10月出版之《台灣"
          "內分泌醫誌》' -> 2026-10. 29/19 responders, 20-40 mL, 4-6 weeks, criterion >8% and 3 months, 65歲陳先生 "
          ">10%/<8%, 點閱數 = not facts.",
          ev=["回溯分析110年至114年間完成療程的42位病友資料", "已發表於2026年10月出版之《台灣內分泌醫誌》",
              "每位病友共回輸2次，每次1億顆細胞，2次間隔4週", "糖化血色素HbA1c（%）　9.1　7.8", "項目　治療前　治療後12個月",
              "本院42位病友追蹤12個月成果發表", "單一醫院的回溯性研究，沒有對照組"]),
])

DOCS["b12-17-zhhant-tw-newspaper.txt"] = ("zh-Hant", [
    study(G, {"n_total": [1], "hba1c_before": [8.1], "hba1c_after": [5.8], "dose": [dose(1.2e9)],
              "follow_up_days": [yr(1)], "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"infusions": [1]},
          "Taiwan newspaper (綜合報導) on the mainland case: '發表病例報告，一名…41歲女性' -> case_report, n=1. Chain "
          "血液細胞 -> iPS細胞 -> 胰島細胞團. '約12億顆細胞'. '已擺脫胰島素超過1年' = durability stated as more than 1 year "
          "-> 365 (the stated number, although the hospital says 18 months). Number of injections not stated (optional 1). "
          "No publication date. 13年, 第75天, 97%, 10名 planned, 250萬, 1萬多, 2006 = not facts.",
          ev=["發表病例報告，一名罹患第一型糖尿病13年的41歲女性", "已擺脫胰島素超過1年",
              "重新編程為誘導型多能幹細胞（iPS細胞），再誘導分化成可分泌胰島素的胰島細胞團", "約12億顆細胞注射至患者前臂肌肉",
              "糖化血色素從移植前的8.1%降至5.8%"]),
    study(C, {"n_total": [42], "hba1c_after": [7.8], "infusions": [2], "condition": ["T2D"], "cell_type": ["AD-MSC"]},
          {"hba1c_before": [9.0], "design": ["observational"]},
          "Side paragraph on C (reported at a society meeting in July): 42名, '回輸兩次', after 7.8; '從9%出頭' is a rounded "
          "approximate baseline (optional 9.0). Design not stated here: optional.",
          ev=["42名第二型糖尿病患者回輸兩次幹細胞後，糖化血色素從9%出頭降到7.8%"]),
])

DOCS["b12-18-zhhant-tw-health-news.txt"] = ("zh-Hant", [
    study(B, {"n_total": [12], "n_arms": [10], "hba1c_before": [7.6], "hba1c_after": [6.5], "dose": [dose(7e8)],
              "infusions": [1], "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {"n_arms": [8]},
          "Taiwan health news. 'BRS-112' after Brisa name, no NCT. '共12名病人…其中10人接受全劑量、約7億顆細胞' (half dose "
          "not given here); '經肝門靜脈輸注一次'; '追蹤滿一年的8人' -> follow-up 365 (8 optional); physician: 'both "
          "products … 都沒有對照組' -> single_arm_trial. 6人 responders = not a fact.",
          ev=["共12名病人接受治療，其中10人接受全劑量、約7億顆細胞", "經肝門靜脈輸注一次",
              "追蹤滿一年的8人中，有6人不必再打胰島素，糖化血色素平均由7.6%降到6.5%", "且都沒有對照組",
              "以人類胚胎幹細胞分化成的胰島細胞"]),
    study(LB, {"n_total": [10], "hba1c_before": [8.0], "hba1c_after": [7.4], "dose": [dose(2e8)],
               "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"follow_up_days": [mo(6)], "infusions": [1]},
          "LOOK-ALIKE of B in the same article: Qiyuan QY-201 (glued to CJK), encapsulated subcutaneous device, 10 "
          "patients, ~2億顆 each, '半年後' time point (optional), 8.0 -> 7.4; '都沒有對照組' applies to both. 1萬多, 一成, "
          "上百萬元 = not facts.",
          ev=["中國大陸啟元生物的QY-201則把胚胎幹細胞來源的胰島細胞裝進可植入皮下的小型裝置",
              "首批10名病人每人植入約2億顆細胞，半年後糖化血色素由8.0%降至7.4%"]),
])


def main():
    GOLD.mkdir(exist_ok=True)
    for old in GOLD.glob("*.json"):
        old.unlink()
    n_req = 0
    for doc_id, (lang, studies) in DOCS.items():
        text = (DOCS_DIR / doc_id).read_text(encoding="utf-8")
        out = []
        for s in studies:
            evs = []
            for q in s.pop("_ev"):
                i = text.find(q)
                if i < 0:
                    sys.exit(f"{doc_id}:{s['study_key']}: quote not found: {q!r}")
                evs.append({"quote": q, "start": i, "end": i + len(q)})
                assert text[i:i + len(q)] == q
            s["evidence"] = evs
            if not s.get("optional_mention"):
                n_req += sum(len(v) for v in s["facts"].values())
            out.append(s)
        g = {"doc_id": doc_id, "lang": lang, "studies": out}
        (GOLD / f"{doc_id}.json").write_text(json.dumps(g, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(DOCS)} gold files, {n_req} required facts")


if __name__ == "__main__":
    main()
