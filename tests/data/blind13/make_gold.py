#!/usr/bin/env python3
"""Generate gold/*.json for blind13 (GUIDELINE v1). Edit here and re-run; never edit gold/ by hand.

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
A = "ostrander2026-pinecrest-cedar2-admsc-t2d-rct"   # Pinecrest Univ, CEDAR-2, NCT07204816, 72 (36/36), 1.5e6/kg x3 q4w, 52 wk
LA = "ostrander2023-pinecrest-admsc-t2d-phase1"      # look-alike of A: same team's 2023 open-label phase 1, 18 pts (6/6/6)
B = "quillon-qn307-arbor1-ipsc-islet-t1d"            # Quillon QN-307, ARBOR-1, NCT07255930, 9 (3/6), 1.5e8/4.5e8 once, 6 mo
LB = "quillon-qn201-esc-device-t1d"                  # look-alike of B: same company's discontinued QN-201, 6 pts, 12 mo
C = "qin2026-yuanhu-ucmsc-t2d-retro156"              # Yuanhu City Central Hosp, retrospective, 156, 1e8 x2 1 mo apart, 2 y
D = "bridge-mnc-nct07318205-bmmnc-t2d-rct"           # Saint Aubrey Medical Centre, BRIDGE-MNC, 48 (24/24), 3.2e8 once, 12 mo
E = "zhao2026-qianchuan-msc-t1d-meta16"              # Qianchuan Med Univ meta, 16 RCTs, 842, MD -0.72, doi 10.6650/dctr.2026.0217
LE = "zhao2024-qianchuan-msc-t2d-meta11"             # look-alike of E: same group's 2024 T2D meta, 11 RCTs, 610, -0.48
F = "chen2026-chiahsin-islet-t1d-series"             # Chiahsin Memorial Hosp (Tainan), donor islets, 7 pts, 13 infusions, median 26 mo
G = "mok2026-shekpik-ucmsc-t1d-rct"                  # Shek Pik Univ (HK), new-onset T1D, 40 (20/20), 1e6/kg x2 12 wk apart, 12 mo
H = "ruan2026-tongjiang-haesc-t2d-single-arm"        # Tongjiang Med Univ 2nd Hosp, hAESC, 24, 1e6/kg weekly x4, 24 wk, ChiCTR2600118852
P1 = "db-db-mouse-haesc-exosome"                     # mouse item in the digest (optional mention)

DOCS = {}

# ------------------------------------------------------------------ English
DOCS["b13-01-en-eurekalert.txt"] = ("en", [
    study(A, {"n_total": [72], "n_arms": [36, 36], "hba1c_before": [8.4, 8.3], "hba1c_after": [7.3, 8.0],
              "dose": [dose(1.5e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
              "follow_up_days": [wk(52)], "doi": ["10.7712/jrdb.2026.0158"], "registry_ids": ["NCT07204816"],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2026-11-18"]},
          {"pub_date": ["2026-11"]},
          "EurekAlert-style university release. 'three times, four weeks apart' -> 3 x 28 d; 'After 52 weeks' = end of "
          "trial -> 364 d. Both arms before/after. ARTICLE PUBLICATION DATE 18-Nov-2026 required. 41%/11% at target, "
          "5/2 infusion reactions, 38 million and 90-95% (background), ~300 planned at 25 sites, grant id = not facts.",
          ev=["72 adults were randomly assigned to receive either adipose-derived mesenchymal stromal cells (36 participants) "
              "or a saline placebo (36 participants)",
              "1.5 million cells per kilogram of body weight by intravenous infusion, three times, four weeks apart",
              "After 52 weeks, average HbA1c in the cell group had fallen from 8.4% to 7.3%, while the placebo group went "
              "from 8.3% to 8.0%", "10.7712/jrdb.2026.0158", "NCT07204816", "18-Nov-2026"]),
    study(LA, {"n_total": [18], "design": ["single_arm_trial"]},
          {"condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2023"]},
          "LOOK-ALIKE of A: the team's 2023 phase 1 study, 18 patients, escalating doses, 'without a placebo group' -> "
          "single_arm_trial. Cell type and condition only by context (optional); '2023 phase 1 study' year optional.",
          ev=["the team's 2023 phase 1 study, in which 18 patients received escalating doses of the cells without a placebo group"]),
])

DOCS["b13-02-en-medscape-news.txt"] = ("en", [
    study(A, {"n_total": [72], "hba1c_change": [-1.1, -0.3], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3],
              "follow_up_days": [wk(52)], "registry_ids": ["NCT07204816"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["AD-MSC"]},
          {"hba1c_change": [-0.8], "interval_days": [wk(4)], "pub_date": ["2026-11-18", "2026-11", "2026"]},
          "Medscape-style story with outside expert. Stated changes -1.1 (cells) / -0.3 (placebo) required; between-group "
          "-0.8 optional. 'at weeks 0, 4, and 8' -> 3 infusions; the 28-d interval is implied by time points (optional). "
          "'over a year' / 'change in A1c at week 52' -> 364. Placebo-controlled randomized -> rct. 'published online "
          "November 18' without year: optional. Criteria (7.5-10.5%, 35-70 y, 5 y), 22%/3% insulin, 88% White, "
          "$15,000-$30,000 = not facts.",
          ev=["lowered A1c by 1.1 percentage points over a year", "compared with 0.3 points with placebo",
              "randomized 72 adults", "1.5 × 10^6 cells/kg or saline at weeks 0, 4, and 8", "CEDAR-2 trial (NCT07204816)",
              "change in A1c at week 52"]),
    study(LA, {"n_total": [18], "n_arms": [6, 6, 6],
               "dose": [dose(0.5e6, per_kg=True), dose(1.0e6, per_kg=True), dose(1.5e6, per_kg=True)],
               "follow_up_days": [mo(6)]},
          {"design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["AD-MSC"]},
          "LOOK-ALIKE of A in LIMITATIONS: 'earlier open-label phase 1 study from the same group', 18 patients, three dose "
          "levels written as a shared-exponent list (0.5, 1.0, and 1.5 × 10^6 cells/kg; six per level), 6 months. "
          "Open-label without a stated lack of control -> design optional; cell type/condition only by context.",
          ev=["An earlier open-label phase 1 study from the same group enrolled 18 patients at three dose levels (0.5, 1.0, "
              "and 1.5 × 10^6 cells/kg; six per level) and followed them for 6 months"]),
])

DOCS["b13-03-en-journal-html.txt"] = ("en", [
    study(G, {"n_total": [40], "n_arms": [20, 20], "hba1c_before": [7.6, 7.5], "hba1c_after": [6.9, 7.4],
              "dose": [dose(1e6, per_kg=True)], "infusions": [2], "interval_days": [wk(12)], "follow_up_days": [yr(1)],
              "doi": ["10.7341/cte.2026.0402"], "registry_ids": ["NCT07096413"], "design": ["rct"],
              "condition": ["T1D"], "cell_type": ["UC-MSC"], "pub_date": ["2026-11-02"]},
          {"hba1c_after": [7.0, 7.3], "pub_date": ["2026"]},
          "Journal HTML page (abstract + figure captions + references). 'twice, 12 weeks apart' -> 2 x 84 d; 'completed "
          "the 12-month follow-up' -> 365. Figure 3 caption restates the values and adds month-6 values 7.0/7.3 "
          "(optional). 52 screened, 12 excluded, 11/20 vs 4/20 remission, 14%/39% C-peptide, AE counts, ages 12-25, "
          "6 months since diagnosis, grant = not facts. References [2] (a 2019 pilot of 12 adults) and [3] (meta-analysis "
          "E) are background references never cited in the text shown: not mentions.",
          ev=["randomised, double-blind, placebo-controlled trial", "umbilical cord-derived MSCs (UC-MSC) at 1 × 10^6 cells/kg",
              "given intravenously twice, 12 weeks apart", "40 were randomised (UC-MSC n = 20; placebo n = 20)",
              "All participants completed the 12-month follow-up",
              "Mean HbA1c changed from 7.6% (SD 1.2) to 6.9% (SD 0.8) with UC-MSC and from 7.5% (SD 1.1) to 7.4% (SD 0.9) with placebo",
              "NCT07096413", "https://doi.org/10.7341/cte.2026.0402", "Published: 02 November 2026"]),
])

DOCS["b13-04-en-ctgov-results.txt"] = ("en", [
    study(D, {"n_total": [48], "n_arms": [24, 24], "hba1c_before": [8.8, 8.7], "hba1c_change": [-0.9, -0.2],
              "dose": [dose(3.2e8)], "infusions": [1], "follow_up_days": [yr(1)], "pmid": ["41902237"],
              "registry_ids": ["NCT07318205"], "design": ["rct"], "condition": ["T2D"], "cell_type": ["BM-MNC"],
              "pub_date": ["2026"]},
          {"n_arms": [22, 23], "hba1c_change": [-0.7], "pub_date": ["2026-09-30"]},
          "ClinicalTrials.gov record with posted results. Randomized, open-label, active comparator (standard care) -> "
          "rct. Enrollment 48, STARTED 24/24; Number Analyzed 22/23 optional. Baseline HbA1c per arm 8.8/8.7 (the Total "
          "column's 8.8 is the same value again, not a second fact). Primary outcome change -0.9/-0.2 required, difference "
          "-0.7 optional, CI no. 'infused once', mean dose 3.2 x 10^8. Time frame 12 months -> 365. Publication citation "
          "2026 with PMID required; results-posted date optional. 71 screened, SAE 2/24 and 1/24, AE 9/24, insulin 31%/6%, "
          "ages, 200 mL, criteria (7.5-11%, 0.5 IU/kg/day, eGFR 45), SAMC-2023-114 = not facts.",
          ev=["NCT07318205", "A Randomized, Open-label, Controlled Trial of Autologous Bone Marrow-Derived Mononuclear Cells",
              "Enrollment (Actual): 48", "infused once through the superior pancreaticoduodenal and splenic arteries",
              "Mean cell dose 3.2 × 10^8 mononuclear cells", "HbA1c, % (mean ± SD)      8.8 ± 0.9     8.7 ± 1.0",
              "Change From Baseline in HbA1c at 12 Months", "Mean (Standard Deviation), %       -0.9 (0.7)      -0.2 (0.6)",
              "PMID: 41902237", "Diabetes Metab Cell Res. 2026;18(6):744-753"]),
])

DOCS["b13-05-en-investor-news.txt"] = ("en", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [8.0], "hba1c_after": [6.8],
              "dose": [dose(1.5e8), dose(4.5e8)], "infusions": [1], "follow_up_days": [mo(6)],
              "registry_ids": ["NCT07255930"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"design": ["single_arm_trial"], "pub_date": ["2026-11-12", "2026-11"]},
          "Company investor news (quarterly results). 'three in Cohort 1 at 150 million cells and six in Cohort 2 at 450 "
          "million cells'; 'implanted once'; 'followed for at least six months' -> 183. HbA1c 8.0 -> 6.8 in Cohort 2. "
          "Open-label dose escalation, no comparison mentioned: design optional. Release date optional. 4 of 6, 50%, "
          "1 SAE, ~30 planned, $412.7 million, $58.3/14.1/66.8 million, 9 million, 1 in 5 = not facts.",
          ev=["ARBOR-1; NCT07255930", "gene-edited induced pluripotent stem cell (iPSC) line differentiated into islet cells "
              "and is implanted once beneath the abdominal rectus muscle sheath",
              "nine patients had been dosed: three in Cohort 1 at 150 million cells and six in Cohort 2 at 450 million cells",
              "All nine patients have now been followed for at least six months",
              "mean HbA1c fell from 8.0% at baseline to 6.8% at six months"]),
    study(LB, {"n_total": [6], "hba1c_before": [7.7], "hba1c_after": [7.6], "condition": ["T1D"],
               "cell_type": ["ESC-islet"]},
          {"follow_up_days": [yr(1)]},
          "LOOK-ALIKE of B (same company): discontinued QN-201, encapsulated ESC-derived pancreatic progenitors (nearest "
          "enum ESC-islet), Phase 1 in six T1D patients; 'at 12 months' / 'month 12' is a time point (optional follow-up).",
          ev=["QN-201, its earlier encapsulated product containing embryonic stem cell-derived pancreatic progenitors",
              "Phase 1 study in six patients with type 1 diabetes", "7.7% at baseline, 7.6% at month 12"]),
])

DOCS["b13-06-en-healio-meta.txt"] = ("en", [
    study(E, {"n_studies": [16], "n_total": [842], "hba1c_change": [-0.72], "doi": ["10.6650/dctr.2026.0217"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {"n_studies": [9], "hba1c_change": [-0.91], "cell_type": ["UC-MSC", "BM-MSC", "AD-MSC"]},
          "Healio-style news on a meta-analysis. 16 RCTs, 842 participants, MD -0.72 (the pooled change). Subgroup (9 "
          "trials, -0.91) optional. Cell sources pooled -> MSC; the three listed sources optional. Reference year 2026 "
          "required; page date no. 4 low-risk trials, I2 68%, 8.4/17 million, 2040, 'through April 2026' = not facts.",
          ev=["included 16 randomized controlled trials with a combined 842 participants with type 1 diabetes",
              "mean difference, -0.72%; 95% CI, -1.05 to -0.39", "Diabetes Cell Ther Rev. 2026;doi:10.6650/dctr.2026.0217"]),
    study(LE, {"n_studies": [11], "n_total": [610], "hba1c_change": [-0.48], "design": ["meta_analysis"],
               "condition": ["T2D"], "pub_date": ["2024"]},
          {"cell_type": ["MSC"]},
          "LOOK-ALIKE of E: the same group's 2024 T2D meta-analysis; 'reduction of 0.48 percentage points' -> -0.48.",
          ev=["The same group's 2024 meta-analysis in type 2 diabetes pooled 11 randomized trials with 610 participants and "
              "found a smaller HbA1c reduction of 0.48 percentage points"]),
])

DOCS["b13-07-en-taipei-news.txt"] = ("en", [
    study(F, {"n_total": [7], "hba1c_before": [8.9], "hba1c_after": [6.1], "follow_up_days": [mo(26)],
              "condition": ["T1D"], "cell_type": ["islet"]},
          {"design": ["observational", "case_report"]},
          "Taipei Times-style story. Donor islets ('isolated from the pancreases of brain-dead organ donors'); 7 patients, "
          "'13 islet infusions in total' (not per patient: no infusions fact); 'followed for a median of 26 months' -> 791. "
          "Small series without a stated design: optional. Five of seven, ages 24-51, 19 years, 2018, NT$1.2 million, "
          "2.5 million, 1 percent = not facts.",
          ev=["Five of seven people with severe type 1 diabetes who received donated pancreatic islet cells",
              "Islet cells were isolated from the pancreases of brain-dead organ donors",
              "followed for a median of 26 months",
              "fell from 8.9 percent before transplantation to 6.1 percent"]),
])

# ------------------------------------------------------------------ Chinese (simplified)
DOCS["b13-08-zh-dxy-news.txt"] = ("zh", [
    study(A, {"n_total": [72], "n_arms": [36, 36], "hba1c_before": [8.4, 8.3], "hba1c_after": [7.3, 8.0],
              "dose": [dose(1.5e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
              "follow_up_days": [wk(52)], "doi": ["10.7712/jrdb.2026.0158"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["AD-MSC"], "pub_date": ["2026"]},
          {"hba1c_change": [-1.1]},
          "DXY-style news. 1.5×10⁶个/kg with a real superscript; 每4周1次，共3次; 第52周时 -> 364. DOI and year only in "
          "参考文献 (belong to the in-text study). Headline '降了1.1个百分点' restates 8.4->7.3 (optional change). "
          "Criteria (≥5年, 7.5%~10.5%), 41%/11%, 约22%, 5例, ~300 planned, 12.4%/90% background, 数万元 = not facts.",
          ev=["随机、双盲、安慰剂对照的2期临床试验（CEDAR-2）", "研究共纳入72例", "干细胞组（36例）和安慰剂组（36例）",
              "剂量为1.5×10⁶个/kg，每4周1次，共3次", "第52周时，干细胞组HbA1c由基线8.4%降至7.3%，安慰剂组由8.3%降至8.0%",
              "doi:10.7712/jrdb.2026.0158"]),
    study(LA, {"n_total": [18], "design": ["single_arm_trial"]},
          {"condition": ["T2D"], "cell_type": ["AD-MSC"], "pub_date": ["2023"]},
          "LOOK-ALIKE of A: '该团队2023年的1期研究仅纳入18例患者，且无对照组'.",
          ev=["该团队2023年的1期研究仅纳入18例患者，且无对照组"]),
])

DOCS["b13-09-zh-baijiahao.txt"] = ("zh", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [8.0], "hba1c_after": [6.8], "hba1c_change": [-1.2],
              "dose": [dose(1.5e8), dose(4.5e8)], "infusions": [1], "follow_up_days": [mo(6)], "condition": ["T1D"],
              "cell_type": ["iPSC-islet"]},
          {"pub_date": ["2026-11-12"]},
          "Baijiahao self-media post, no registry id (code QN-307 and trial name shared). '9名患者全部随访满半年' -> 183; "
          "导读 states '降了1.2个百分点' (a stated change, required). 1.5亿/4.5亿个; 只需打一次. Release date '11月12日' "
          "without year optional. 900万, 4人, 4.127亿美元, ~30名 planned, 上百万元 = not facts.",
          ev=["9名患者全部随访满半年，最高剂量组糖化血红蛋白降了1.2个百分点", "诱导多能干细胞（iPSC）分化成胰岛细胞",
              "第一组3人，每人1.5亿个细胞", "第二组6人，每人4.5亿个细胞", "细胞只需打一次",
              "第二组6名患者的糖化血红蛋白（HbA1c）平均从8.0%降到6.8%"]),
    study(LB, {"n_total": [6], "follow_up_days": [yr(1)], "cell_type": ["ESC-islet"]},
          {"condition": ["T1D"]},
          "LOOK-ALIKE of B: QN-201 encapsulated ESC-derived progenitors, '在6名患者身上试了一年' -> 365 (study duration). "
          "T1D only by context (optional).",
          ev=["QN-201采用胚胎干细胞来源的胰腺祖细胞装进胶囊装置，在6名患者身上试了一年"]),
])

DOCS["b13-10-zh-jiankangbao.txt"] = ("zh", [
    study(H, {"n_total": [24], "hba1c_before": [8.9], "hba1c_after": [7.9], "hba1c_change": [-1.0],
              "dose": [dose(1e6, per_kg=True)], "infusions": [4], "interval_days": [7], "follow_up_days": [wk(24)],
              "registry_ids": ["ChiCTR2600118852"], "design": ["single_arm_trial"], "condition": ["T2D"],
              "cell_type": ["hAESC"], "pub_date": ["2026-10"]},
          {},
          "健康报-style paper article. Full-width digits '２４例'; 单臂 -> single_arm_trial; 每公斤体重1×10⁶个 每周1次，连续4次; "
          "随访24周时 -> 168; (8.9±1.2)% -> (7.9±0.9)%, 下降1.0个百分点. '于2026年10月发表' -> 2026-10. Earlier mouse work is "
          "background (no numbers, not a mention). 28%, 30%, 3例, 5家/120例 planned, 1.48亿, 20～79岁 = not facts.",
          ev=["单臂、开放标签设计，共入组２４例", "按每公斤体重1×10⁶个细胞的剂量给患者静脉输注，每周1次，连续4次",
              "随访24周时，患者HbA1c由入组时的（8.9±1.2）%降至（7.9±0.9）%，平均下降1.0个百分点",
              "ChiCTR2600118852", "已于2026年10月发表"]),
])

DOCS["b13-11-zh-hospital-site.txt"] = ("zh", [
    study(C, {"n_total": [156], "hba1c_before": [8.7], "hba1c_after": [7.6], "hba1c_change": [-1.1],
              "dose": [dose(1e8)], "infusions": [2], "interval_days": [30], "follow_up_days": [yr(2)],
              "design": ["observational"], "condition": ["T2D"], "cell_type": ["UC-MSC"], "pub_date": ["2026-11"]},
          {"pub_date": ["2026"]},
          "Hospital official-site news. 回顾性队列研究 -> observational ('没有设立对照组' does not make it a trial). "
          "每次1亿个，共输注2次，两次间隔1个月 -> 30 d; 经过2年随访 -> 730. '2026年第11期' -> 2026-11. 三分之一, 19例, "
          "7例, 48小时, 200例 planned, 46万, 12万人次, 2019-2023 = not facts.",
          ev=["该研究为回顾性队列研究", "接受UC-MSC治疗的156例2型糖尿病患者",
              "每次静脉输注脐带间充质干细胞1亿个，共输注2次，两次间隔1个月",
              "经过2年随访，患者糖化血红蛋白（HbA1c）从治疗前的8.7%下降至7.6%，平均下降1.1个百分点",
              "《中华再生医学与糖尿病杂志》2026年第11期"]),
])

DOCS["b13-12-zh-wechat-digest.txt"] = ("zh", [
    study(E, {"n_studies": [16], "n_total": [842], "hba1c_change": [-0.72], "doi": ["10.6650/dctr.2026.0217"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {},
          "Digest item 01; DOI and year only in 参考文献 [1]. '降低0.72%（MD=-0.72…）' is one value. CI no.",
          ev=["共纳入16项随机对照试验、842例1型糖尿病患者", "HbA1c降低0.72%（MD=-0.72，95%CI：-1.05～-0.39）[1]",
              "DOI: 10.6650/dctr.2026.0217"]),
    study(LE, {"n_studies": [11], "n_total": [610], "hba1c_change": [-0.48], "doi": ["10.6650/dctr.2024.0088"],
               "design": ["meta_analysis"], "condition": ["T2D"], "pub_date": ["2024"]},
          {"cell_type": ["MSC"]},
          "LOOK-ALIKE of E inside item 01 (小编注), with its own reference [2].",
          ev=["该团队2024年曾发表一项2型糖尿病的同类荟萃分析，纳入11项RCT共610例患者，HbA1c降幅为0.48%[2]",
              "DOI: 10.6650/dctr.2024.0088"]),
    study(G, {"n_total": [40], "n_arms": [20, 20], "hba1c_after": [6.9, 7.4], "dose": [dose(1e6, per_kg=True)],
              "infusions": [2], "interval_days": [wk(12)], "follow_up_days": [yr(1)], "doi": ["10.7341/cte.2026.0402"],
              "design": ["rct"], "condition": ["T1D"], "cell_type": ["UC-MSC"], "pub_date": ["2026"]},
          {},
          "Digest item 02: 每组20例; 1×10^6/kg 静脉输注2次，间隔12周; 随访12个月时 -> 365; after values only. Ages, "
          "14%/39% not facts.",
          ev=["随机、双盲、安慰剂对照试验纳入40例12～25岁新诊断1型糖尿病患者，每组20例",
              "干细胞组按1×10^6/kg剂量静脉输注2次，间隔12周", "随访12个月时", "HbA1c分别为6.9%和7.4%[3]",
              "DOI: 10.7341/cte.2026.0402"]),
    study(C, {"n_total": [156], "hba1c_before": [8.7], "hba1c_after": [7.6], "dose": [dose(1e8)], "infusions": [2],
              "follow_up_days": [yr(2)], "design": ["observational"], "condition": ["T2D"], "cell_type": ["UC-MSC"],
              "pub_date": ["2026"]},
          {},
          "Digest item 03: 回顾性分析; reference [4] has no DOI (year 2026 required, as a reference-list year).",
          ev=["回顾性分析了156例接受UC-MSC治疗的2型糖尿病患者，每例输注2次，每次1亿个细胞，随访2年，HbA1c由8.7%降至7.6%[4]",
              "中华再生医学与糖尿病杂志, 2026, 11(11): 961-967"]),
    study(P1, {}, {"follow_up_days": [wk(8)], "design": ["preclinical"], "cell_type": ["hAESC"], "pub_date": ["2026"]},
          "Mouse exosome item: optional mention (animal work).",
          ev=["人羊膜上皮干细胞来源的外泌体连续给药8周"], optional_mention=True),
])

DOCS["b13-13-zh-medlive-news.txt"] = ("zh", [
    study(D, {"n_total": [48], "n_arms": [24, 24], "hba1c_before": [8.8, 8.7], "hba1c_change": [-0.9, -0.2],
              "dose": [dose(3.2e8)], "infusions": [1], "follow_up_days": [yr(1)], "registry_ids": ["NCT07318205"],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["BM-MNC"], "pub_date": ["2026"]},
          {"hba1c_change": [-0.7]},
          "医脉通-style news. 随机、开放标签、对照 -> rct; 每组24例; 单次输注, 平均3.2×10⁸个; 12个月时 -> 365 (primary "
          "endpoint time = end of trial). Stated within-arm changes required; 组间差值 -0.7 optional. Reference year 2026 "
          "(no PMID here). 71 screened, 200 ml, 31%/6%, 2例 SAE, 2023年5月 = not facts.",
          ev=["BRIDGE-MNC（NCT07318205）是由圣奥布里医学中心发起的一项随机、开放标签、对照试验",
              "最终48例患者随机分为BM-MNC组与标准治疗组，每组24例", "单次输注，平均细胞数为3.2×10⁸个",
              "两组基线HbA1c分别为8.8%和8.7%", "12个月时，BM-MNC组HbA1c下降0.9个百分点，对照组下降0.2个百分点",
              "Diabetes Metab Cell Res. 2026;18(6):744-753"]),
])

DOCS["b13-14-zh-toutiao.txt"] = ("zh", [
    study(C, {"n_total": [156], "hba1c_before": [8.7], "hba1c_after": [7.6], "dose": [dose(1e8)], "infusions": [2],
              "follow_up_days": [yr(2)], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"design": ["observational"]},
          "Toutiao self-media; two studies interleaved (C, H, C, H paragraphs). Full-width '１５６名'; '1个亿' = 1e8; "
          "'两年下来' -> 730; WRONG UNIT '从8.7降到了7.6mmol/L' annotated as % (as in blind12). Retrospective only by "
          "paraphrase ('资料翻出来做了分析') -> design optional. 19个人, 十几万 = not facts.",
          ev=["一共１５６名患者，每人打两次，每次1个亿的细胞", "两年下来，糖化血红蛋白从8.7降到了7.6mmol/L"]),
    study(H, {"n_total": [24], "hba1c_change": [-1.0], "infusions": [4], "interval_days": [7], "condition": ["T2D"],
              "cell_type": ["hAESC"]},
          {"follow_up_days": [mo(6)]},
          "H in the same post: 24位, 一周一针，连打四针 -> 4 x 7 d; '糖化平均降了1个点' -> -1.0. '治疗后半年复查' is a time "
          "point (optional). 三成 not a fact.",
          ev=["羊膜上皮干细胞", "24位2型糖尿病患者，一周一针，连打四针，糖化平均降了1个点", "治疗后半年复查"]),
])

# ------------------------------------------------------------------ Chinese (traditional)
DOCS["b13-15-zhhant-hk-mingpao.txt"] = ("zh-Hant", [
    study(G, {"n_total": [40], "n_arms": [20, 20], "hba1c_before": [7.6, 7.5], "hba1c_after": [6.9, 7.4],
              "dose": [dose(1e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [yr(1)],
              "design": ["rct"], "condition": ["T1D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-10"]},
          "Hong Kong newspaper, no identifier. Chinese numerals 四十名/每組二十人/一百萬粒; 兩劑，相隔三個月 -> 90 as stated "
          "(the paper says 12 weeks); 追蹤一年後 -> 365. 隨機 + 安慰劑 + blind -> rct. '上月刊登' relative -> optional. "
          "14%/39%, 一百二十人 planned, 7萬, 一成, 19歲, 四針, 12至25歲, 六個月 = not facts.",
          ev=["招募四十名12至25歲、確診不足六個月的一型糖尿病患者，隨機分為兩組，每組二十人",
              "按每公斤體重一百萬粒細胞的劑量，經靜脈注射兩劑，相隔三個月", "追蹤一年後",
              "幹細胞組的糖化血紅素由7.6%降至6.9%，安慰劑組則由7.5%輕微降至7.4%", "研究結果上月刊登於國際期刊"]),
])

DOCS["b13-16-zhhant-tw-ettoday.txt"] = ("zh-Hant", [
    study(F, {"n_total": [7], "hba1c_before": [8.9], "hba1c_after": [6.1], "condition": ["T1D"], "cell_type": ["islet"]},
          {"infusions": [2, 3], "design": ["observational", "case_report"]},
          "ETtoday-style story. 7名; '部分病人需要移植2到3次' (some patients only; optional); 共13次 not per patient. One "
          "named patient (35歲林小姐, 超過2年) is one of seven: her durability is not the study's follow-up. 5人, 1小時, "
          "新台幣120萬元, 1萬多, 13歲, 6次 = not facts.",
          ev=["依特管辦法為7名重症第一型糖尿病患者進行「異體胰島細胞移植」", "患者平均糖化血色素從8.9%降到6.1%",
              "胰島細胞取自腦死器官捐贈者的胰臟", "部分病人需要移植2到3次"]),
])

DOCS["b13-17-zhhant-tw-hospital-enews.txt"] = ("zh-Hant", [
    study(F, {"n_total": [7], "hba1c_before": [8.9], "hba1c_after": [6.1], "follow_up_days": [mo(26)],
              "design": ["observational"], "condition": ["T1D"], "cell_type": ["islet"]},
          {},
          "Taiwan hospital e-newsletter (ROC dates 115年). 回溯分析 -> observational; 追蹤時間中位數為26個月（範圍14～41個月） "
          "-> 791 (range not a fact). 累計移植13次 (total, not per patient). 5位/2位/六成, 12位 waiting, criteria (5年, 2次, "
          ">7.5%), 80～130 mg/dL, 點閱數 = not facts.",
          ev=["共有7位第一型糖尿病病人接受治療，累計移植13次", "本中心回溯分析這7位病人的資料",
              "術後追蹤時間中位數為26個月", "平均糖化血色素由移植前的8.9%降至6.1%", "捐贈者胰臟分離胰島細胞"]),
])

DOCS["b13-18-zhhant-tw-yahoo.txt"] = ("zh-Hant", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [8.0], "hba1c_after": [6.8],
              "dose": [dose(1.5e8), dose(4.5e8)], "infusions": [1], "follow_up_days": [mo(6)],
              "design": ["single_arm_trial"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {},
          "Yahoo TW reprint of a health-news site. 1.5億/4.5億顆; 只植入一次; 追蹤滿6個月 -> 183; a physician says the "
          "study '也沒有對照組' -> single_arm_trial (as blind12). 1萬多 not a fact.",
          ev=["誘導型多能幹細胞（iPS細胞）分化而成的胰島細胞QN-307", "第一組3人植入1.5億顆細胞，第二組6人植入4.5億顆細胞，細胞只植入一次",
              "9人皆已追蹤滿6個月，第二組患者糖化血色素平均由8.0%降至6.8%", "也沒有對照組"]),
    study(LB, {"n_total": [6], "follow_up_days": [yr(1)], "cell_type": ["ESC-islet"]},
          {"condition": ["T1D"]},
          "LOOK-ALIKE of B: QN-201, '6名病人試了一年'.",
          ev=["裝在膠囊裡的胚胎幹細胞產品QN-201，6名病人試了一年"]),
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
