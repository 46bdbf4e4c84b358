#!/usr/bin/env python3
"""Generate gold/*.json for blind11 (GUIDELINE v1). Edit here and re-run; never edit gold/ by hand.

Each study carries `evidence`: quotes from the document whose character offsets are computed here by
searching the text (str.find on the exact document text; each quote must occur in the document, the
first occurrence at or after an optional hint is used). The scorer ignores this extra key; it documents
where the annotated values come from and guards against quotes drifting when a document is edited.

Day conversions: week 7, month 30.4375, year 365.25 (rounded); intervals in months use 30 days.
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
         "optional": {k: optional[k] for k in FIELDS if k in (optional or {})}, "notes": notes,
         "_ev": list(ev)}
    if optional_mention:
        s["optional_mention"] = True
    return s


# ------------------------------------------------------------------ study keys (dedup clusters)
A = "pei2026-qb7-ucmsc-t2d-rct"            # Qingbai QB-7, Third Affil. Hosp. Hongchuan Med. Univ., 108 (54/54), ChiCTR2600112847
L1 = "pei2023-qb7-ucmsc-t2d-phase1"        # look-alike of A: same team/product, phase 1 dose escalation, 18 (6/6/6), single infusion
B = "hsieh2026-pushan-ipsc-islet-t1d"      # Pushan Univ. Hosp. (Tainan), autologous iPSC islets, 4 pts, ~4e8 once, 1 year, NCT06741258
L2 = "pushan-donor-islet-t1d-programme"    # look-alike of B: same hospital, donor islets since 2019, 6 pts
C = "salcedo2026-msc-t1d-meta17"           # meta-analysis, 17 RCTs, 906 participants, WMD -0.48
D = "cen2025-tongxi-admsc-t2d-nrct"        # Tongxi First People's Hosp., autologous AD-MSC, 64 (42/22), 2e6/kg x2, 3 months apart, 12 months
L3 = "tan2026-penang-admsc-t2d-pilot"      # look-alike of D: allogeneic AD-MSC, Penang, 20 pts single arm, 1e8 once, 6 months
E = "vantorel-vtl308-esc-islet-t1d"        # Vantorel VTL-308 ARBOR-1, NCT06983142, 12 (3/9), 2e8 / 6e8 once, 12 months

DOCS = {}

# ------------------------------------------------------------------ English
DOCS["b11-01-en-ris-export.txt"] = ("en", [
    study(A, {"n_total": [108], "n_arms": [54, 54], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.4, 8.2, 7.8, 8.3],
              "hba1c_change": [-1.3, -0.4], "dose": [dose(1e8)], "infusions": [4], "interval_days": [14],
              "follow_up_days": [wk(48)], "doi": ["10.5821/jcer.2026.0147"], "pmid": ["41588203"],
              "registry_ids": ["ChiCTR2600112847"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"], "pub_date": ["2026-07"]},
          {"n_total": [101], "hba1c_before": [mmol(72)], "hba1c_change": [-0.9], "pub_date": ["2026", "2026-05-21"]},
          "RIS export record 1 (tags TY/AN/TI/AU/PY/DA/AB/N1/DO/ER). AN = PubMed accession = PMID. Citation date "
          "DA 2026/07 required; PY year and 'Epub 2026 May 21' in N1 optional. 'four intravenous infusions ... "
          "given every 2 weeks' -> 4 x 14 d; '1 x 10^8 cells per infusion' absolute. Week-48 and week-24 values of "
          "both arms (7.8/8.3 at week 24 'respectively'). 72 mmol/mol restates 8.7% (optional copy). Between-group "
          "-0.9 optional (within-arm changes stated); CI bounds not values. 101 completers optional. 22/54 and 8/54 "
          "below 7.0%, 0.21 U/kg insulin, fever 7/2, ages 35-70, 5 years, criterion 7.5-11.0%, grant 2023-HCKJ-0412 "
          "= not facts.",
          ev=["108 participants were randomly assigned (54 QB-7, 54 placebo)", "(1 x 10^8 cells per infusion)",
              "given every 2 weeks, and were followed up for 48 weeks",
              "fell from 8.7% +/- 0.9% (72 mmol/mol) to 7.4% +/- 0.8% with QB-7 and from 8.6% +/- 1.0% to 8.2% +/- 0.9%",
              "change -1.3 vs -0.4 percentage points", "At week 24 HbA1c was 7.8% and 8.3%, respectively",
              "AN  - 41588203", "DA  - 2026/07", "ChiCTR2600112847", "DO  - 10.5821/jcer.2026.0147",
              "randomised, double-blind, placebo-controlled phase 2 trial"]),
    study(L1, {"n_total": [18], "n_arms": [6, 6, 6], "hba1c_before": [8.4], "hba1c_after": [7.9],
               "hba1c_change": [-0.8], "dose": [dose(5e7), dose(1e8), dose(2e8)], "infusions": [1],
               "follow_up_days": [wk(24)], "doi": ["10.5821/jcer.2023.0062"], "pmid": ["36981154"],
               "registry_ids": ["ChiCTR2200061390"], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["UC-MSC"], "pub_date": ["2023-03"]},
          {"pub_date": ["2023"]},
          "RIS record 2: LOOK-ALIKE of A (same PI, same product QB-7, same journal) but the 2023 phase 1 dose "
          "escalation: 'eighteen' in words, three cohorts 'n = 6 each', '0.5 x 10^8, 1 x 10^8 or 2 x 10^8' single "
          "infusion, observed 24 weeks, 'open-label, non-controlled' -> single arm. -0.8 stated for the highest-dose "
          "cohort = a stated change. Rash 1 / fever 2 not n. 'up to 2 x 10^8' in conclusions repeats a dose.",
          ev=["eighteen adults with type 2 diabetes were enrolled into three sequential cohorts (n = 6 each)",
              "0.5 x 10^8, 1 x 10^8 or 2 x 10^8 QB-7 cells", "observed for 24 weeks",
              "HbA1c decreased from 8.4% to 7.9% at week 24", "the largest reduction (-0.8 percentage points)",
              "AN  - 36981154", "DA  - 2023/03", "ChiCTR2200061390", "DO  - 10.5821/jcer.2023.0062"]),
    study(C, {"n_total": [906], "n_studies": [17], "hba1c_change": [-0.48], "doi": ["10.4417/rme.2026.0031"],
              "pmid": ["41432076"], "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"],
              "pub_date": ["2026-04"]},
          {"n_studies": [9, 5, 2, 1, 11], "hba1c_change": [-0.62], "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC", "P-MSC"],
           "follow_up_days": [mo(6), mo(24)], "pub_date": ["2026", "2026-03-09"]},
          "RIS record 3: meta-analysis. 'Seventeen trials' in words; WMD -0.48 = the study's change; CI bounds not "
          "values; new-onset subgroup (11 trials, -0.62) and per-source trial counts optional; follow-up range of "
          "included trials optional. PROSPERO CRD id is not a trial registry id. DA 2026/04 required; Epub optional.",
          ev=["Seventeen trials with 906 participants were included", "weighted mean difference -0.48%",
              "AN  - 41432076", "DA  - 2026/04", "DO  - 10.4417/rme.2026.0031"]),
])

DOCS["b11-02-en-ctgov-results.txt"] = ("en", [
    study(E, {"n_total": [12], "n_arms": [3, 9], "hba1c_before": [8.1, 7.9], "hba1c_after": [7.7, 6.6],
              "dose": [dose(2e8), dose(6e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT06983142"], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"hba1c_before": [7.9], "n_arms": [8], "design": ["single_arm_trial"]},
          "ClinicalTrials.gov record with posted results, flattened table rows. Enrollment (Actual) 12; arms "
          "STARTED 3/9 (and baseline 3/9/12). Baseline HbA1c per cohort 8.1/7.9 (the Total column 7.9 is a second "
          "copy: optional). Month-12 values 7.7 (n 3) and 6.6 (n 8 analysed; 8 optional). 'Single surgical "
          "implantation' of ~2 x 10^8 / ~6 x 10^8 cells. Follow-up 12 months (AE time frame and 'up to 12 months "
          "after implantation'). Design: non-randomised sequential dose cohorts without control, not named "
          "single-arm: optional. Ages, sex counts, duration 26.0/21.7, 5 insulin-independent, AE counts, criteria "
          "(C-peptide < 0.2, HbA1c <= 10.0%), EU CT number and sponsor study id = not facts.",
          ev=["Enrollment (Actual) | 12", "STARTED | 3 | 9",
              "approximately 2 x 10^8 islet cells", "approximately 6 x 10^8 islet cells",
              "HbA1c Mean (Standard Deviation) percentage of hemoglobin | 8.1 (0.6) | 7.9 (0.7) | 7.9 (0.7)",
              " | 7.7 (0.5) | 6.6 (0.4)", "Time Frame | 12 months", "NCT06983142",
              "human embryonic stem cell-derived, fully differentiated islet cells"]),
])

DOCS["b11-03-en-ir-quarterly.txt"] = ("en", [
    study(E, {"n_total": [12], "n_arms": [3, 9], "hba1c_before": [7.9], "hba1c_after": [6.6],
              "dose": [dose(2e8), dose(6e8)], "infusions": [1], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT06983142"], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {"pub_date": ["2026-11-06"]},
          "Investor quarterly update listing programmes. 'Twelve participants' in words; 'three in Cohort A "
          "(approximately 200 million cells) and nine in Cohort B (approximately 600 million cells)'; 'single "
          "surgical implantation'; 'followed for 12 months after implantation'; 'open-label, single-arm'. Cohort-B HbA1c "
          "7.9 -> 6.6. Five of nine insulin independent, TIR 49->88%, one SAE, one withdrawal, ARBOR-3 ~60 "
          "planned, $412.6M / $58.3M / $71.9M, 9.5 million, <7% target = not facts. Release date optional.",
          ev=["Twelve participants received a single surgical implantation of VTL-308",
              "three in Cohort A (approximately 200 million cells) and nine in Cohort B (approximately 600 million cells",
              "Participants were followed for 12 months after implantation",
              "mean HbA1c fell from 7.9% at baseline to 6.6% at month 12",
              "ARBOR-1 (NCT06983142) is an open-label, single-arm, dose-escalating Phase 1/2 study"]),
    study("vantorel-vtl410-hypoimmune-islet-nhp", {},
          {"n_total": [4], "follow_up_days": [wk(26)], "design": ["preclinical"], "condition": ["T1D"],
           "cell_type": ["ESC-islet", "iPSC-islet", "other"]},
          "VTL-410 primate study (4 animals, 26 weeks) inside the pipeline section: animal work, no diabetes "
          "outcome numbers; optional mention.",
          ev=["grafts survived for 26 weeks without immunosuppression in all four animals"], optional_mention=True),
])

DOCS["b11-04-en-univ-news.txt"] = ("en", [
    study(B, {"n_total": [4], "hba1c_before": [8.1], "hba1c_after": [6.8], "dose": [dose(4e8)], "infusions": [1],
              "follow_up_days": [yr(1)], "registry_ids": ["NCT06741258"], "design": ["single_arm_trial"],
              "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"pub_date": ["2026-12-01"]},
          "University news release. 'Four adults' in words; reprogramming chain blood cells -> iPSCs -> islet-like "
          "clusters (iPSC-islet, clinical, not preclinical); 'Roughly 400 million' in 'a single operation'; 'All four "
          "have now been followed for one year'; 'no comparison group' -> single arm. Two insulin-free (weeks 14 and "
          "22 = times to independence, not follow-up), ~60% insulin cut, ages 24-41, 11-29 years, 8 more planned, "
          "14,000, NT$120 million = not facts. Presented/submitted, no publication date.",
          ev=["Four adults with long-standing type 1 diabetes",
              "reprogrammed the blood cells into induced pluripotent stem cells (iPSCs)",
              "Roughly 400 million of the cells", "in a single operation", "All four have now been followed for one year",
              "Average HbA1c fell from 8.1% before the procedure to 6.8% at one year", "no comparison group",
              "NCT06741258"]),
    study(L2, {"n_total": [6], "condition": ["T1D"], "cell_type": ["islet"]},
          {"design": ["observational"], "follow_up_days": [yr(1)]},
          "LOOK-ALIKE of B at the same hospital: the donor islet programme since 2019, six patients, four "
          "insulin-free one year after the last infusion (responders; time point optional). Not the iPSC trial.",
          ev=["Six patients with brittle type 1 diabetes have received islets from deceased donors there"]),
])

DOCS["b11-05-en-abstract-book.txt"] = ("en", [
    study(D, {"n_total": [64], "n_arms": [42, 22], "hba1c_before": [8.9, 8.8], "hba1c_after": [7.6, 8.5],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [mo(12)],
              "design": ["controlled_trial"], "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2025"]},
          {"hba1c_before": [mmol(74), mmol(73)], "hba1c_after": [mmol(60), mmol(69)], "pub_date": ["2025-11"]},
          "Abstract P2-031 of a congress abstract book. 'Sixty-four' in words; patients 'chose' their group -> "
          "non-randomised controlled trial (stated in the title). mmol/mol first with % in brackets: one value each "
          "(the mmol/mol conversions are optional copies). 'twice, 3 months apart' -> 2 infusions, 90 d. 17 of 42 "
          "reaching 53 mmol/mol (7.0%) target, 0.18 nmol/L, bruising in 9, criterion 7.5-11.0% = not facts. "
          "'Full paper: Chin J Regen Endocrinol 2025;41(11)' gives the year (issue month optional).",
          ev=["Sixty-four adults with type 2 diabetes", "chose either AD-MSC (n = 42) or continued standard care (n = 22)",
              "2 × 10^6 cells/kg, twice, 3 months apart", "Both groups were followed for 12 months",
              "from 74 ± 13 mmol/mol (8.9 ± 1.2%) to 60 ± 10 mmol/mol (7.6 ± 0.9%)", "(8.8% to 8.5%)",
              "NON-RANDOMISED CONTROLLED TRIAL", "Chin J Regen Endocrinol 2025;41(11):1021–1028"]),
    study(L3, {"n_total": [20], "hba1c_before": [8.3], "hba1c_after": [7.5], "dose": [dose(1e8)], "infusions": [1],
               "follow_up_days": [mo(6)], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["AD-MSC"]},
          {},
          "Abstract P2-032: LOOK-ALIKE of D in the next abstract (AD-MSC, T2D, IV) but allogeneic, Penang "
          "(Malaysia), single-arm, 20 patients, one infusion of 1 x 10^8, 6 months. Eleven reduced drugs, 3 "
          "headache, 1 fever, 8.0% criterion, planned 120-patient trial = not facts. P2-033 (knee osteoarthritis, "
          "36/72 patients, 5 x 10^7 BM-MSC, 24 months) is another disease: not a mention.",
          ev=["single-arm, open-label pilot, 20 adults with type 2 diabetes",
              "one intravenous infusion of 1 × 10^8 allogeneic adipose-derived stromal cells",
              "followed for 6 months", "HbA1c decreased from 8.3% to 7.5%"]),
])

DOCS["b11-06-en-ocr-pdf.txt"] = ("en", [
    study(C, {"n_total": [906], "n_studies": [17], "hba1c_change": [-0.48], "doi": ["10.4417/rme.2026.0031"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026-03-09"]},
          {"n_studies": [9, 5, 2, 1, 11], "hba1c_change": [-0.62, -0.21],
           "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC", "P-MSC"], "follow_up_days": [mo(6), mo(24)],
           "pub_date": ["2026"]},
          "OCR'd first PDF page: hyphenation across lines ('di-/abetes', 'partici-/pants'), ligatures ('eﬀects'), "
          "OCR confusions (HbAlc, MEDLlNE, 95% Cl, mil1ion), running header and page footer. 'Seventeen trials' in "
          "words, 906 participants, WMD −0.48% (Unicode minus). 'Published online: 9 March 2026' required; "
          "received/accepted are not publication dates; header year optional. Subgroups (new-onset 11 trials "
          "−0.62, established −0.21) optional. Introduction numbers (8.4 million, 13.5–17.4 million, <7%, first "
          "RCT in 2010, 40 registered studies) = background.",
          ev=["Seventeen trials with 906 partici-", "weighted mean diﬀerence −0.48%",
              "Published online: 9 March 2026", "https://doi.org/10.4417/rme.2026.0031",
              "systematic review and meta-analy-"]),
])

# ------------------------------------------------------------------ simplified Chinese
DOCS["b11-07-zh-wechat-weekly5.txt"] = ("zh", [
    study(A, {"n_total": [108], "n_arms": [54, 54], "hba1c_change": [-1.3, -0.4], "dose": [dose(1e8)],
              "infusions": [4], "interval_days": [14], "follow_up_days": [wk(48)], "doi": ["10.5821/jcer.2026.0147"],
              "registry_ids": ["ChiCTR2600112847"], "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
              "pub_date": ["2026"]},
          {"hba1c_change": [-0.9]},
          "WeChat weekly digest, item 01; DOI sits in reference [1] and belongs to this item; year from the "
          "reference. '1×10⁸个细胞' superscript; '每2周1次，共4次'; '随访48周'. 组间差值 -0.9 optional. "
          "41%/15% below 7% = proportions. Post date not a publication date.",
          ev=["共纳入108例使用胰岛素的2型糖尿病患者", "QB-7组（54例）和安慰剂组（54例）",
              "每次静脉输注1×10⁸个细胞，每2周1次，共4次，随访48周", "HbA1c较基线下降1.3%，安慰剂组下降0.4%",
              "ChiCTR2600112847", "DOI: 10.5821/jcer.2026.0147", "J Clin Endocr Regen, 2026, 14(7): 655-667",
              "II期随机双盲试验"]),
    study(E, {"n_total": [12], "n_arms": [3, 9], "hba1c_before": [7.9], "hba1c_after": [6.6],
              "dose": [dose(2e8), dose(6e8)], "infusions": [1], "registry_ids": ["NCT06983142"],
              "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"follow_up_days": [yr(1)], "design": ["single_arm_trial"], "pub_date": ["2026-11-06", "2026-11"]},
          "Item 02: 'Vantorel' in Latin script inside Chinese, product VTL-308, NCT. 12名 单次植入, 低剂量组3人 "
          "约2×10⁸, 目标剂量组9人 约6×10⁸. '12个月时' = time point (optional). 5 of 9 off insulin = responders. "
          "Reference [2] is the company's release (EB/OL date optional).",
          ev=["ARBOR-1研究（NCT06983142）共12名1型糖尿病患者接受单次植入", "低剂量组3人（约2×10⁸个细胞）",
              "目标剂量组9人（约6×10⁸个细胞）", "目标剂量组HbA1c由7.9%降至6.6%", "胚胎干细胞来源胰岛细胞VTL-308"]),
    study(C, {"n_total": [906], "n_studies": [17], "hba1c_change": [-0.48], "doi": ["10.4417/rme.2026.0031"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {},
          "Item 03: meta-analysis, DOI and year from reference [3]. 'HbA1c降低0.48%（加权均数差…）' = change "
          "-0.48; CI bounds not values.",
          ev=["纳入17项随机对照试验、共906例1型糖尿病患者", "HbA1c降低0.48%（加权均数差",
              "DOI: 10.4417/rme.2026.0031"]),
    study(D, {"n_total": [64], "n_arms": [42, 22], "hba1c_before": [8.9, 8.8], "hba1c_after": [7.6, 8.5],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [mo(12)],
              "design": ["controlled_trial"], "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2025"]},
          {},
          "Item 04: 岑立华/桐溪市第一人民医院; 按本人意愿分组 + 非随机对照研究 -> controlled_trial. "
          "'2×10⁶个/kg' superscript, '共2次，间隔3个月' (90 d), '随访12个月'. Year from reference [4] (no DOI). "
          "Item 05 (Parkinson's disease, 7 patients, 24 months, 4 improved) is another disease: not a mention. "
          "'230项' registered trials = background.",
          ev=["将64例2型糖尿病患者按本人意愿分为治疗组42例和对照组22例", "2×10⁶个/kg", "共2次，间隔3个月，随访12个月",
              "治疗组HbA1c由8.9%降至7.6%，对照组由8.8%降至8.5%", "中国再生医学与内分泌杂志, 2025, 41(11): 1021-1028"]),
])

DOCS["b11-08-zh-baike.txt"] = ("zh", [
    study(L1, {"n_total": [18], "dose": [dose(5e7), dose(1e8), dose(2e8)], "infusions": [1],
               "follow_up_days": [wk(24)], "doi": ["10.5821/jcer.2023.0062"], "condition": ["T2D"],
               "cell_type": ["UC-MSC"], "pub_date": ["2023-03"]},
          {"n_arms": [6, 6, 6], "design": ["single_arm_trial"], "pub_date": ["2023"]},
          "Encyclopedia entry, 代表性研究 paragraph 1: LOOK-ALIKE of A (same team and product, phase 1). "
          "'5000万、1亿或2亿个细胞' three single doses; '单次静脉输注'; '观察24周'. '每个剂量组6例' is one "
          "statement for three groups: arms optional. DOI from reference [3]; '2023年3月…报道' -> 2023-03.",
          ev=["2023年3月，泓川医科大学第三附属医院裴俊团队报道", "18例2型糖尿病患者分别接受5000万、1亿或2亿个细胞的单次静脉输注",
              "观察24周", "doi:10.5821/jcer.2023.0062"]),
    study(A, {"n_total": [108], "hba1c_change": [-1.3, -0.4], "doi": ["10.5821/jcer.2026.0147"], "design": ["rct"],
              "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2026"]},
          {},
          "Paragraph 2: 'II期随机、双盲、安慰剂对照试验纳入108例'; changes in 百分点 for both arms; DOI in "
          "reference [4]; cell type via 'QB-7' (introduced as 脐带间充质干细胞产品). Planned phase 3 of ~420 = not a fact.",
          ev=["II期随机、双盲、安慰剂对照试验纳入108例使用胰岛素的2型糖尿病患者",
              "QB-7组HbA1c较基线下降1.3个百分点，安慰剂组下降0.4个百分点", "doi:10.5821/jcer.2026.0147"]),
    study(C, {"n_total": [906], "n_studies": [17], "hba1c_change": [-0.48], "doi": ["10.4417/rme.2026.0031"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {},
          "Paragraph 3: 'WMD -0.48%' as 加权均数差; DOI in reference [5].",
          ev=["汇总了17项随机对照试验（共906例1型糖尿病患者）", "加权均数差为-0.48%", "doi:10.4417/rme.2026.0031"]),
    study("nct06620417-pmsc-planned", {},
          {"registry_ids": ["NCT06620417"], "cell_type": ["P-MSC"]},
          "Bare registry id of an ongoing trial with its planned enrolment (80): optional mention.",
          ev=["NCT06620417（计划入组80例）"], optional_mention=True),
])

DOCS["b11-09-zh-ocr-pdf.txt"] = ("zh", [
    study(D, {"n_total": [64], "n_arms": [42, 22], "hba1c_before": [8.9, 8.8], "hba1c_after": [7.6, 8.5, 8.0, 8.6],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [mo(12)],
              "doi": ["10.3760/cma.j.cn115792-20250318-00214"], "design": ["controlled_trial"],
              "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2025-11"]},
          {"pub_date": ["2025"]},
          "OCR'd journal PDF page: running header with issue date (2025年11月), title and abstract broken across "
          "lines, OCR error 糖化血红蛋自 (白), lost superscript '2x106个/kg' (= 2×10^6/kg, twice), table 1 "
          "flattened with columns glued ('治疗组428.9±1.28.0±1.07.6±0.9a': n 42, 8.9, 8.0, 7.6). 6-month values "
          "8.0/8.6 are further after values. '根据患者本人意愿分为' + title 非随机对照研究 -> controlled_trial. "
          "17例(40.5%) target, 瘀斑9例, 12.8% prevalence, 30～70岁, 7.5%～11.0% criterion, 50 mL, 第3代, >95%, "
          "100 mL, 30 min, ethics and grant numbers = not facts.",
          ev=["T2DM患者64例，根据患者本人意愿分为治疗", "组42例和对照组22例", "按2x106个/kg经外周静脉输注，共输注2次，间隔3个月",
              "两组均随访12个月", "（8.9±1.2）%降至治疗后12个月", "的（7.6±0.9）%", "对照组由（8.8±1.1）%变为（8.5±1.0）%",
              "治疗组428.9±1.28.0±1.07.6±0.9a", "对照组228.8±1.18.6±1.08.5±1.0",
              "DOI：10.3760/cma.j.cn115792-20250318-00214", "2025年11月第41卷第11期", "非随机对照研究"]),
])

DOCS["b11-10-zh-doctor-blog.txt"] = ("zh", [
    study(D, {"n_total": [64], "n_arms": [42, 22], "hba1c_before": [8.9, 8.8], "hba1c_after": [7.6, 8.5],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [mo(12)],
              "design": ["controlled_trial"], "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2025"]},
          {"hba1c_before": [mmol(74)], "hba1c_after": [mmol(60)], "pub_date": ["2025-11"]},
          "Bilingual doctor's blog (Chinese with English terms): 'non-randomised controlled trial', 'n = 64 "
          "(treatment 42 vs. control 22)', 'dose 2×10^6 cells/kg', 'IV infusion两次，间隔3个月', 'Follow-up：12 "
          "months'. '大约从74降到60 mmol/mol' restates the % values (optional copies). '2025年第11期' -> year "
          "(month optional). Blogger's patient (52岁, 9.4%), 8万元, 糖友小周's 8.1%, <7% target = not facts.",
          ev=["n = 64（treatment 42 vs. control 22）", "dose 2×10^6 cells/kg，IV infusion两次，间隔3个月",
              "Follow-up：12 months", "治疗组HbA1c从8.9%降到7.6%", "control组8.8%→8.5%",
              "Design：non-randomised controlled trial", "《中国再生医学与内分泌杂志》2025年第11期"]),
    study(L3, {"n_total": [20], "hba1c_before": [8.3], "hba1c_after": [7.5], "dose": [dose(1e8)], "infusions": [1],
               "follow_up_days": [mo(6)], "design": ["single_arm_trial"], "condition": ["T2D"],
               "cell_type": ["AD-MSC"]},
          {},
          "Paper 2: LOOK-ALIKE of D in the same post (Penang, allogeneic AD-MSC, single-arm, 20, 单次1×10^8, 6 "
          "months). '84个患者' = sum of the two studies, not a fact; planned 120-patient RCT = not a fact.",
          ev=["Design：single-arm，open-label，没有对照组", "n = 20", "单次1×10^8 cells", "Follow-up：6 months",
              "HbA1c 8.3% → 7.5%"]),
])

DOCS["b11-11-zh-xinhua-wire.txt"] = ("zh", [
    study(A, {"n_total": [108], "n_arms": [54, 54], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.4, 8.2],
              "dose": [dose(1e8)], "infusions": [4], "interval_days": [14], "follow_up_days": [wk(48)],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-05-21"]},
          "Xinhua-style wire, no DOI/registry/product code: 泓川医科大学第三附属医院, 裴俊, 青柏生物, journal in "
          "Chinese translation only. '每两周静脉输注一次…每次1亿个细胞，共输注四次' (Chinese numerals for counts); "
          "'随访48周'. '5月21日在线发表' needs the year from the dateline: optional. The phase 1 remark has no "
          "facts of its own (its dose sentence restates A's dose). III期约420名, 1.4亿, 4家医院 = not facts.",
          ev=["共有108名病程5年以上", "随机分为干细胞组和安慰剂组，每组54人", "每两周静脉输注一次脐带间充质干细胞，每次1亿个细胞，共输注四次",
              "所有受试者随访48周", "糖化血红蛋白从平均8.7%降至7.4%，安慰剂组从8.6%降至8.2%",
              "多中心随机、双盲、安慰剂对照II期临床试验"]),
])

DOCS["b11-12-zh-zhihu-answer.txt"] = ("zh", [
    study(B, {"n_total": [4], "hba1c_before": [8.1], "hba1c_after": [6.8], "dose": [dose(4e8)], "infusions": [1],
              "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["iPSC-islet"]},
          {},
          "Zhihu answer, section 一: 台湾璞山大学附设医院 (simplified); reprogramming chain 血细胞 -> iPSC -> "
          "胰岛细胞团; '大约4亿个细胞一次性植入'; '追踪1年'; '没有对照组' -> single arm. HbA1c written with a "
          "WRONG UNIT ('8.1 mmol/L降到6.8', corrected to % in the comments): annotated as %. 2 off insulin, 六成, "
          "11到29年, 四个月 = not facts.",
          ev=["大约4亿个细胞一次性植入腹壁肌肉鞘下面", "4名病程11到29年的1型糖尿病患者，追踪1年",
              "平均HbA1c从8.1 mmol/L降到6.8", "而且没有对照组，只有4个人", "把血细胞重编程成iPSC，再诱导成胰岛细胞团"]),
    study(E, {"n_total": [12], "n_arms": [9], "hba1c_after": [6.6], "dose": [dose(6e8)], "condition": ["T1D"],
              "cell_type": ["ESC-islet"]},
          {"hba1c_before": [8.0], "follow_up_days": [yr(1)], "infusions": [1], "design": ["single_arm_trial"]},
          "Section 二: Vantorel VTL-308 without NCT. '一共12个人，高剂量组9人每人植入约6亿个细胞'; HbA1c "
          "'从接近8%降到6.6%' (rounded 'close to 8%': optional); '12个月时' time point optional. 5/9 off insulin, "
          "约60人 planned = not facts. Commenters' child (8岁, 7.2) not facts; 'walker' comment on a domestic "
          "chemically reprogrammed iPSC study has no facts: not a mention.",
          ev=["ARBOR-1研究一共12个人，高剂量组9人每人植入约6亿个细胞", "HbA1c从接近8%降到6.6%", "胚胎干细胞来源的胰岛细胞"]),
])

# ------------------------------------------------------------------ traditional Chinese
DOCS["b11-13-zhhant-cna-wire.txt"] = ("zh-Hant", [
    study(B, {"n_total": [4], "hba1c_before": [8.1], "hba1c_after": [6.8], "dose": [dose(4e8)], "infusions": [1],
              "follow_up_days": [yr(1)], "design": ["single_arm_trial"], "condition": ["T1D"],
              "cell_type": ["iPSC-islet"]},
          {"pub_date": ["2026-12-01"]},
          "CNA-style wire (中央社記者…台南1日電), no NCT: 璞山大學附設醫院, 謝孟樺, 邱建廷. Reprogramming chain "
          "血球 -> iPSC -> 胰島細胞團; '一次植入約4億顆細胞'; '追蹤1年'/'追蹤滿1年'; '開放標籤、沒有對照組的第一期試驗'. "
          "2 off insulin at weeks 14/22 (not follow-up), 約6成, ages 24-41, 11-29 years, 20毫升, 4個月, 8 more "
          "planned, 1.4萬, 1.2億元 = not facts. News date optional.",
          ev=["植入4名患者腹壁，追蹤1年", "一次植入約4億顆細胞", "糖化血色素平均從8.1%降到6.8%", "開放標籤、沒有對照組的第一期試驗",
              "重新編程為誘導型多能幹細胞（iPSC）"]),
    study(L2, {"n_total": [6], "condition": ["T1D"], "cell_type": ["islet"]},
          {"design": ["observational"], "follow_up_days": [yr(1)]},
          "LOOK-ALIKE of B in the same article: the hospital's donor islet programme (屍體捐贈者胰島移植, since "
          "2019, 6名, 4 insulin-free one year after the last infusion = responders; time point optional).",
          ev=["至今已有6名第一型糖尿病患者接受治療", "屍體捐贈者胰島移植"]),
])

DOCS["b11-14-zhhant-tw-hospital-edu.txt"] = ("zh-Hant", [
    study(L2, {"n_total": [6], "hba1c_before": [8.6], "hba1c_after": [6.4], "follow_up_days": [yr(3)],
               "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [1, 3], "follow_up_days": [yr(1)], "design": ["observational"]},
          "Taiwan hospital health-education Q&A with FULL-WIDTH digits (６位, ８.６％, ６.４％, ３年). LOOK-ALIKE of B "
          "(same hospital and authors, T1D) but donor islets (屍體捐贈者胰島) via the portal vein: 6 patients, 1-3 "
          "infusions each (range optional), '追蹤時間中位數為３年' required, '移植後一年' time point optional. 4 of 6 "
          "insulin-free = responders. Criteria (C胜肽＜0.3, 2次以上, 18至65歲), cost 80萬至100萬元, waiting list ９位 "
          "and １年半 = not facts. Page update date is not a publication date.",
          ev=["至今共有６位第一型糖尿病病人接受治療", "每人依胰島數量接受１至３次輸注", "平均糖化血色素由８.６％降到６.４％",
              "病人追蹤時間中位數為３年", "屍體捐贈者胰島移植"]),
    study(B, {"n_total": [4], "hba1c_before": [8.1], "hba1c_after": [6.8], "dose": [dose(4e8)],
              "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"design": ["single_arm_trial"]},
          "Q4: short mention of B (４位病人, 自己血球細胞誘導而成的胰島細胞, 約４億顆, 追蹤一年, ８.１％ -> ６.８％ in "
          "full-width digits); '第一期臨床試驗' "
          "alone -> design optional.",
          ev=["已有４位病人接受由自己血球細胞誘導而成的胰島細胞植入（約４億顆細胞），追蹤一年",
              "４位的糖化血色素平均由８.１％降至６.８％"]),
])

DOCS["b11-15-zhhant-ptt-thread.txt"] = ("zh-Hant", [
    study(B, {"n_total": [4], "hba1c_before": [8.1], "hba1c_after": [6.8], "follow_up_days": [yr(1)],
              "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"dose": [dose(4e8)], "pub_date": ["2026-12-01"]},
          "PTT [新聞] repost of the CNA wire (1.媒體來源 … 6.備註) with the body cut ('（中略）') and line breaks "
          "inside words. Dose only in a push comment ('4億顆細胞要做四個月'): optional. Pushers' own values "
          "(A1c 7.6, 降0.5, 20年) are not facts; 'bloodsugar' restates 8.1到6.8. 8 more planned = not a fact.",
          ev=["植入4名患者腹壁，追蹤1年", "4人的糖化血色素平均從8.1%降到6.8%", "開放標籤、沒有對照組的第一期試驗",
              "重新編程為誘導型多能幹細胞（iPSC）"]),
    study(E, {}, {"n_arms": [9], "dose": [dose(6e8)], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          "Push comment by pancreas42 on VTL-308 (高劑量6億顆, 9個有5個不用打, 胚胎幹細胞): a hearsay pointer in a "
          "comment thread; optional mention.",
          ev=["美國那家VTL-308包膠囊的 高劑量6億顆 9個有5個不用打"], optional_mention=True),
])

DOCS["b11-16-zhhant-hk-rthk.txt"] = ("zh-Hant", [
    study(A, {"n_total": [108], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.4, 8.2], "hba1c_change": [-1.3, -0.4],
              "dose": [dose(1e8)], "infusions": [4], "interval_days": [14],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"n_arms": [54, 54], "follow_up_days": [wk(48)], "pub_date": ["2026-05"]},
          "HK public broadcaster short item: '一百零八名' in Chinese numerals; '一半人' arms (optional, no number "
          "given); '每兩星期接受一次…共四次'; randomised + placebo + blinded described in words -> rct; "
          "'每次一億粒細胞' (HK 粒); '四十八個星期後' = time point (optional); before/after (由…跌至…) and the "
          "restated change ('即下降1.3個百分點') are all stated, both arms. No id, no product code. "
          "七十萬 HK patients, 一百多人, 兩宗 complaints = not facts.",
          ev=["研究招募一百零八名使用胰島素後血糖仍然偏高的二型糖尿病患者", "一半人每兩星期接受一次臍帶幹細胞靜脈輸注，每次一億粒細胞，共四次",
              "幹細胞組的糖化血紅素由平均8.7%跌至7.4%，即下降1.3個百分點", "安慰劑組由8.6%跌至8.2%，只下降0.4個百分點", "隨機分組"]),
])


def locate(text, quote, doc_id, key):
    i = text.find(quote)
    if i < 0:
        sys.exit(f"{doc_id} / {key}: evidence quote not found: {quote!r}")
    return {"quote": quote, "start": i, "end": i + len(quote)}


def main():
    GOLD.mkdir(exist_ok=True)
    for old in GOLD.glob("*.json"):
        old.unlink()
    on_disk = {p.name for p in DOCS_DIR.glob("*.txt")}
    assert on_disk == set(DOCS), (on_disk ^ set(DOCS))
    req, ment, opt = {}, {}, 0
    for doc_id, (lang, studies) in DOCS.items():
        text = (DOCS_DIR / doc_id).read_text(encoding="utf-8")
        out_studies = []
        for s in studies:
            s = dict(s)
            ev = s.pop("_ev")
            s["evidence"] = [locate(text, q, doc_id, s["study_key"]) for q in ev]
            for e in s["evidence"]:
                assert text[e["start"]:e["end"]] == e["quote"]
            out_studies.append(s)
            if s.get("optional_mention"):
                opt += 1
                continue
            ment[lang] = ment.get(lang, 0) + 1
            req[lang] = req.get(lang, 0) + sum(len(v) for v in s["facts"].values())
        out = {"doc_id": doc_id, "lang": lang, "studies": out_studies}
        (GOLD / f"{doc_id}.json").write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    # dedup pairs: required mentions only, per study_key across documents
    clusters = {}
    for doc_id, (lang, studies) in DOCS.items():
        for s in studies:
            if not s.get("optional_mention"):
                clusters.setdefault(s["study_key"], []).append(doc_id)
    pairs = sum(len(v) * (len(v) - 1) // 2 for v in clusters.values())
    print("required facts per language:", req, "total", sum(req.values()))
    print("required mentions per language:", ment, "total", sum(ment.values()), "| optional mentions", opt)
    print("distinct studies", len(clusters), "| positive dedup pairs", pairs)
    for k, v in clusters.items():
        print(f"  {k}: {len(v)} -> {', '.join(d.split('-')[0] + '-' + d.split('-')[1] for d in v)}")


if __name__ == "__main__":
    main()
