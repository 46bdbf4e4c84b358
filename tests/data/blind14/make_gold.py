#!/usr/bin/env python3
"""Generate gold/*.json for blind14 (GUIDELINE v1). Edit here and re-run; never edit gold/ by hand.

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
A = "brandt2026-elmsford-pmsc-t2d-rct"        # Elmsford Univ MC (US), P-MSC, 96 (48/48), 1.5e6/kg x3 every 4 wk, 52 wk, NCT06955318
LA = "brandt2024-elmsford-pmsc-t2d-phase1"    # look-alike of A: same team, phase 1 dose escalation, 18 (6/6/6), single infusion, 24 wk
B = "heliora-hx401-hipsc-islet-t1d"           # Heliora HX-401 HALO-1, NCT06702284, 9 (3/6), 2e8/8e8 single i.m., 6 mo
LB = "heliora-hx210-esc-islet-device-t1d"     # look-alike of B: same company's HX-210 device, 6 pts, 3e8, 12 mo, 8.2->7.7
C = "gao2026-lanjiang-ucmsc-t2d-singlearm"    # Lanjiang Univ 2nd Affil Hosp, UC-MSC, 40, 1e6/kg weekly x4, 12 mo, ChiCTR2500091736
D = "nakamura2026-msc-t1d-meta15"             # Hoshizaki Univ meta-analysis, 15 RCTs, 612, WMD -0.48, doi 10.9142/dro.2026.0311
E = "duan2026-luyu-haesc-t2d-rct"             # Luyu Med Univ 1st Affil Hosp, hAESC, 64 (32/32), 2e8 x2 1 month apart, 24 wk
F = "liang2026-beihu-cipsc-islet-t1d-case"    # Beihu Univ Hosp, 29-y woman, CiPSC islets ~6e8 under rectus sheath, 14 mo
LF = "liang2025-beihu-cipsc-islet-t1d-pilot3" # look-alike of F: same team's 2025 pilot, 3 patients, ~4e8, 6 mo
G = "iyer2026-kaveri-bmmnc-t2d-nrct"          # Kaveri Valley Inst (India), BM-MNC intra-arterial, 70 (35/35), 1.2e8 once, 18 mo, CTRI/2025/03/061842
H = "ho2026-shinglok-ucmsc-t1d-children-rct"  # Shing Lok Children's Hosp (HK), WJ-MSC, 36 (24/12), 2e6/kg x2 3 mo apart, 12 mo, NCT06640027
T1 = "arvidsson2019-bmmsc-t1d-rct"            # table row in D's paper
T2 = "okwuosa2022-ucmsc-t1d-rct"              # table row in D's paper
T3 = "tran2024-ucmsc-t1d-rct"                 # table row in D's paper
M3 = "dk2026-dbdb-mice-wound-patch"            # animal items: optional mentions, each its own key
M5 = "wei2026-stz-rats-msc-exosomes"
M8 = "hfd-mice-engineered-exosomes"
M13 = "cds2026-dbdb-mice-exosomes"

DOCS = {}

# ------------------------------------------------------------------ English
DOCS["b14-01-en-medline-export.txt"] = ("en", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.4, 8.3], "hba1c_after": [7.2, 8.1],
              "hba1c_change": [-1.2, -0.2], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3],
              "interval_days": [wk(4)], "follow_up_days": [wk(52)], "doi": ["10.7731/jcre.2026.0218"],
              "pmid": ["41822457"], "registry_ids": ["NCT06955318"], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["P-MSC"], "pub_date": ["2026-11"]},
          {"pub_date": ["2026-09-30", "2026"]},
          "MEDLINE export record 1 (tags, continuation lines). DP 2026 Nov required; DEP/Epub 2026 Sep 30 optional. "
          "'1.5 x 10(6) cells/kg' (MEDLINE superscript in parentheses); 'every 4 weeks for a total of three infusions' -> "
          "3, 28 d; 'followed for 52 weeks' -> 364. Both arms before/after, stated changes -1.2/-0.2. 131 screened, "
          "ages 35-70, criterion 7.5-10.5%, 0.11 U/kg, 7 fever, '1 in 10 adults' = not facts.",
          ev=["randomized, double-blind, placebo-controlled trial", "(NCT06955318)",
              "1.5 x 10(6) cells/kg body weight every 4 weeks for a total of three infusions",
              "participants were followed for 52 weeks", "96 were\n      randomized (48 per group)",
              "HbA1c fell from 8.4% +/- 0.9% to 7.2% +/- 0.8% with P-MSC",
              "from 8.3% +/- 1.0% to 8.1% +/- 0.9% with placebo", "(change -1.2 vs -0.2 percentage\n      points",
              "DP  - 2026 Nov", "PMID- 41822457", "LID - 10.7731/jcre.2026.0218 [doi]"]),
    study(LA, {"n_total": [18], "n_arms": [6, 6, 6], "hba1c_before": [8.6], "hba1c_after": [7.9],
               "dose": [dose(5e5, per_kg=True), dose(1e6, per_kg=True), dose(1.5e6, per_kg=True)], "infusions": [1],
               "follow_up_days": [wk(24)], "doi": ["10.7731/jcre.2024.0057"], "pmid": ["38450913"],
               "registry_ids": ["NCT05518820"], "condition": ["T2D"], "cell_type": ["P-MSC"], "pub_date": ["2024-04"]},
          {"design": ["single_arm_trial"]},
          "LOOK-ALIKE of A, record 2 of the same export: same team and product, phase 1 dose escalation. '(n = 6 each)' "
          "-> arms 6/6/6; 'a single intravenous infusion of 0.5, 1.0 or 1.5 x 10(6) P-MSC/kg' (elided list, per kg). "
          "'Over 24 weeks of follow-up' -> 168. Open-label phase 1 without a stated control: design optional. "
          "11 adverse events, 'randomized trial is under way' = not facts.",
          ev=["We enrolled 18 adults with type 2 diabetes on insulin in three sequential dose cohorts\n      (n = 6 each)",
              "single intravenous infusion of 0.5, 1.0 or 1.5 x 10(6)\n      P-MSC/kg (NCT05518820)",
              "Over 24 weeks of follow-up, mean HbA1c decreased from 8.6% to\n      7.9%",
              "PMID- 38450913", "DP  - 2024 Apr", "LID - 10.7731/jcre.2024.0057 [doi]"]),
])

DOCS["b14-02-en-press-release-table.txt"] = ("en", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [7.7, 8.0, 7.9], "hba1c_after": [7.3, 6.3, 6.6],
              "dose": [dose(2e8), dose(8e8)], "infusions": [1], "follow_up_days": [mo(6)],
              "registry_ids": ["NCT06702284"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"design": ["single_arm_trial"], "pub_date": ["2026-11-16", "2026-11"]},
          "PRNewswire release with results table flattened to space-separated rows (cohort rows + Total row: all "
          "before/after values required; the 'Total' row is the whole-study value). 'approximately 200/800 million "
          "cells ... each as a single intramuscular administration'; 'followed for at least six months' -> 183. "
          "Allogeneic iPSC line -> iPSC-islet. Phase 1/2 without a stated control: design optional; release date "
          "optional. 5 of 6 / 0 of 3 responders, TIR 48->88%, 2 SAEs, up to 24, 2028, 9 million, 210 staff, "
          "$412.6 million = not facts.",
          ev=["HALO-1 Phase 1/2 study\n(NCT06702284) of HX-401",
              "derived from an allogeneic induced\npluripotent stem cell line",
              "Three received approximately 200 million cells (Cohort 1) and six received\napproximately 800 million cells (Cohort 2), each as a single intramuscular administration",
              "All nine have now been followed for at least six months",
              "Cohort 1 ~200 million 3 7.7 7.3 0 of 3", "Cohort 2 ~800 million 6 8.0 6.3 5 of 6",
              "Total 9 7.9 6.6 5 of 9"]),
    study(LB, {"n_total": [6], "hba1c_before": [8.2], "hba1c_after": [7.7], "dose": [dose(3e8)],
               "follow_up_days": [yr(1)], "condition": ["T1D"], "cell_type": ["ESC-islet"]},
          {"design": ["single_arm_trial"]},
          "LOOK-ALIKE of B in the 'About HX-210' box: same company, first-generation encapsulated ESC-islet device, "
          "completed phase 1, six participants, ~300 million cells, 'after 12 months' = last assessment of a completed "
          "study -> follow-up 365 (required, as in 06 and 12).",
          ev=["HX-210, places embryonic stem cell-derived islet cells inside an implanted\nencapsulation device",
              "six participants with type 1 diabetes each received about\n300 million cells; after 12 months HbA1c went from 8.2% to 7.7%"]),
])

DOCS["b14-03-en-weekly-roundup.txt"] = ("en", [
    study(B, {"n_total": [9], "dose": [dose(8e8)], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"n_arms": [6], "follow_up_days": [mo(6)]},
          "Roundup item 1: nine adults, 800-million-cell cohort; 'five of six ... at six months' -> cohort size 6 and "
          "the time point are optional. 31% share rise = not a fact.",
          ev=["nine adults with type 1 diabetes have received its hypoimmune iPSC-derived islet\ncells (HX-401)",
              "In the 800-million-cell cohort, five of six no\nlonger inject insulin at six months"]),
    study(F, {"hba1c_before": [7.6], "hba1c_after": [5.9], "follow_up_days": [mo(14)], "design": ["case_report"],
              "condition": ["T1D"], "cell_type": ["iPSC-islet"], "pub_date": ["2026-10"]},
          {"n_total": [1]},
          "Item 2: one 29-year-old woman (n=1 optional); own chemically reprogrammed stem cells -> islets = iPSC-islet. "
          "'about three months after' is time to insulin independence, not follow-up; 'followed for 14 months' -> 426. "
          "'(October 2026)' -> 2026-10. 11 years = disease duration.",
          ev=["a 29-year-old woman who had type 1 diabetes for 11\nyears",
              "islets made from her own chemically\nreprogrammed stem cells (CiPSCs)",
              "Her HbA1c\nwent from 7.6% to 5.9%, and she has now been followed for 14 months",
              "Cell\nRegeneration Reports (October 2026)"]),
    study(LF, {}, {"n_total": [3], "pub_date": ["2025"], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          "One-clause pointer to the same group's 2025 pilot (three patients): optional mention; must not be merged "
          "with F.", ev=["The same group treated three patients in an earlier pilot in 2025"], optional_mention=True),
    study(G, {"n_arms": [35, 35], "hba1c_before": [8.8, 8.7], "hba1c_after": [7.6, 8.5], "follow_up_days": [mo(18)],
              "design": ["controlled_trial"], "condition": ["T2D"], "cell_type": ["BM-MNC"]},
          {},
          "Item 3: '18-month controlled study' with 35 cell vs 35 standard care (no randomisation stated) -> "
          "controlled_trial; total 70 is not stated here. Both arms before/after.",
          ev=["an 18-month controlled study in which 35 patients with\ntype 2 diabetes received their own bone marrow mononuclear cells through the pancreatic artery and 35 received\nstandard care",
              "HbA1c fell from 8.8% to 7.6% in the cell group and from 8.7% to 8.5% in controls"]),
    study(M3, {}, {"n_total": [24], "design": ["preclinical"]},
          "Item 4: db/db mouse wound patch (24 mice): animal work, optional mention. Item 5 (knee OA, n=120) is another "
          "disease: not a mention. $1.3 billion, $15,000-$40,000, 32 clinics = not facts.",
          ev=["healed diabetic foot-like wounds in 24 db/db mice"], optional_mention=True),
])

DOCS["b14-04-en-pdf-meta-analysis.txt"] = ("en", [
    study(D, {"n_total": [612], "n_studies": [15], "hba1c_change": [-0.48], "doi": ["10.9142/dro.2026.0311"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026-08-21"]},
          {"n_studies": [9, 6], "hba1c_change": [-0.61], "cell_type": ["UC-MSC", "BM-MSC"],
           "follow_up_days": [mo(3), mo(24)], "pub_date": ["2026"]},
          "PDF-to-text: running header/footer, 'Page 2 of 11' separator, hyphen-broken title 'system-/atic'. DOI printed "
          "upper-case in the URL -> lower-case. 'Published online: 21 August 2026' required; received/accepted not. "
          "WMD -0.48 = change; CI bounds no; subgroup -0.61, 9/6 trials by source and follow-up range optional. PROSPERO "
          "CRD is not a registry id. 8.4 million, 'more than 40 registered trials', background dose range, 1,904 "
          "records screened, I2, SMD, RR = not facts.",
          ev=["Fifteen randomized controlled trials involving 612 participants were included",
              "weighted mean difference −0.48%", "https://doi.org/10.9142/DRO.2026.0311",
              "Published online: 21 August 2026", "Randomized trials\nof MSC versus control in type 1 diabetes"]),
    study(T1, {"n_total": [20], "n_arms": [10, 10], "hba1c_after": [7.1, 7.6], "dose": [dose(2e6, per_kg=True)],
               "follow_up_days": [yr(1)], "cell_type": ["BM-MSC"]},
          {"design": ["rct"], "condition": ["T1D"], "pub_date": ["2019"]},
          "Row of the flattened 'Table 1' (one line per trial, space-separated): an included trial with its own facts "
          "= its own study mention (ERRORS 4.1). Design/condition from the table title only: optional; year optional.",
          ev=["Arvidsson 2019 Sweden 20 (10/10) BM-MSC 2 × 10^6/kg 12 months 7.1 vs 7.6"]),
    study(T2, {"n_total": [32], "n_arms": [16, 16], "hba1c_after": [7.4, 8.0], "dose": [dose(1e6, per_kg=True)],
               "follow_up_days": [mo(6)], "cell_type": ["UC-MSC"]},
          {"design": ["rct"], "condition": ["T1D"], "pub_date": ["2022"]},
          "Table row 2.", ev=["Okwuosa 2022 Nigeria 32 (16/16) UC-MSC 1 × 10^6/kg 6 months 7.4 vs 8.0"]),
    study(T3, {"n_total": [48], "n_arms": [24, 24], "hba1c_after": [7.0, 7.9], "dose": [dose(3e6, per_kg=True)],
               "follow_up_days": [mo(24)], "cell_type": ["UC-MSC"]},
          {"design": ["rct"], "condition": ["T1D"], "pub_date": ["2024"]},
          "Table row 3.", ev=["Tran 2024 Vietnam 48 (24/24) UC-MSC 3 × 10^6/kg 24 months 7.0 vs 7.9"]),
])

DOCS["b14-05-en-abstract-book.txt"] = ("en", [
    study(G, {"n_total": [70], "n_arms": [35, 35], "hba1c_before": [8.8, 8.7], "hba1c_after": [7.6, 8.5],
              "dose": [dose(1.2e8)], "infusions": [1], "follow_up_days": [mo(18)],
              "registry_ids": ["CTRI/2025/03/061842"], "design": ["controlled_trial"], "condition": ["T2D"],
              "cell_type": ["BM-MNC"]},
          {"pub_date": ["2026", "2026-10-17"]},
          "Abstract-book page with a session programme on top (titles only = not mentions). 'non-randomised controlled "
          "study' -> controlled_trial; 'a mean of 1.2 × 10^8 ... infused once' (dose broken over 'pancreatic-/artery'). "
          "'At 18 months' in an '18-month controlled study' -> 548. 100 mL marrow, 44% in 20 of 35, 2 haematomas = "
          "not facts. Congress date/supplement year optional.",
          ev=["non-randomised controlled study (CTRI/2025/03/061842), 70 patients with type 2 diabetes on insulin\nwere allocated by preference to cells (n = 35) or standard care (n = 35)",
              "a mean of 1.2 × 10^8 mononuclear cells was infused once",
              "At 18 months HbA1c had fallen from 8.8% to 7.6% (cells) and from\n8.7% to 8.5% (controls)"]),
    study(E, {"n_total": [64], "n_arms": [32, 32], "hba1c_change": [-0.9, -0.2], "dose": [dose(2e8)], "infusions": [2],
              "interval_days": [30], "follow_up_days": [wk(24)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["hAESC"]},
          {"pub_date": ["2026"]},
          "'Sixty-four patients' in words; 'received 2 × 10^8 hAESC intravenously twice, one month apart' -> 2, 30 d; "
          "'After 24 weeks HbA1c decreased by 0.9% ... versus 0.2%' -> changes -0.9/-0.2, follow-up 168.",
          ev=["Sixty-four patients with type 2 diabetes were randomized to hAESC (n = 32) or conventional\ntherapy (n = 32)",
              "2 × 10^8 hAESC intravenously twice, one month\napart",
              "After 24 weeks HbA1c decreased by 0.9% with hAESC versus 0.2% with conventional\ntherapy"]),
    study(M5, {}, {"n_total": [40], "design": ["preclinical"]},
          "OS-14-4 rat exosome abstract: animal work, optional mention.",
          ev=["40 Sprague-Dawley rats"], optional_mention=True),
])

DOCS["b14-06-en-reddit-thread.txt"] = ("en", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [8.0, 7.7], "hba1c_after": [6.3, 7.3],
              "dose": [dose(2e8), dose(8e8)], "infusions": [1], "registry_ids": ["NCT06702284"]},
          {"follow_up_days": [mo(6)], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          "Reddit post + comments. '~200M/~800M cells', 'one shot' -> 1 infusion; 'A1c 8.0 -> 6.3' (high dose) and "
          "'7.7 -> 7.3' (low dose, in a comment). '5 of 6 ... at 6 months' = time point (optional). Condition only from "
          "the subreddit name, cell type not stated: optional. 2 SAEs, $25k, 112k members = not facts.",
          ev=["Low dose cohort (3 people, ~200M cells)", "high dose cohort (6 people,\n~800M cells, one shot into the forearm muscle)",
              "A1c 8.0 -> 6.3", "Trial is NCT06702284", "the low dose group went 7.7 -> 7.3"]),
    study(LB, {"hba1c_before": [8.2], "hba1c_after": [7.7], "follow_up_days": [yr(1)]},
          {"cell_type": ["ESC-islet"], "condition": ["T1D"]},
          "Reply comment on HX-210 (look-alike of B): '8.2 to 7.7 after a year' of the completed study -> 365.",
          ev=["HX-210 (their old encapsulated product) only got people from 8.2 to 7.7 after a year"]),
    study(F, {"hba1c_before": [7.6], "hba1c_after": [5.9], "follow_up_days": [mo(14)], "design": ["case_report"],
              "cell_type": ["iPSC-islet"]},
          {"n_total": [1], "condition": ["T1D"]},
          "Comment on the Beihu case: '29F', 'followed 14 months', 'her own reprogrammed cells' -> iPSC-islet. "
          "'~3 months after' = time to insulin independence. Mice 2019/40 = background.",
          ev=["Chinese case from Beihu - 29F, off insulin ~3 months after the transplant, followed 14 months,\nA1c 7.6 -> 5.9",
              "her own reprogrammed cells"]),
])

DOCS["b14-07-en-hk-hospital-pr.txt"] = ("en", [
    study(H, {"n_total": [36], "n_arms": [24, 12], "hba1c_before": [10.2, 10.4], "hba1c_after": [6.9, 7.8],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "follow_up_days": [yr(1)],
              "registry_ids": ["NCT06640027"], "design": ["rct"], "condition": ["T1D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-10-27", "2026-10-25"]},
          "Hong Kong hospital press release. Wharton's jelly -> UC-MSC. 'Twenty-four ... and twelve' in words. "
          "'2 million cells per kilogram ... two infusions three months apart' -> 2e6/kg, 2, 90 d. 'keep better glucose "
          "control for a year' + 'At 12 months' -> 365. Baseline 'at diagnosis' 10.2/10.4. Release/meeting dates "
          "optional (no publication). 8-16 years, 100 days, 3 in remission, 0.5 units/kg/day, 1 in 1,000, five "
          "years, phone number = not facts.",
          ev=["The trial (NCT06640027) enrolled 36 children aged 8 to 16", "Twenty-four were\nrandomised to receive the cells and twelve",
              "2 million cells per kilogram of body weight, in two infusions three months apart",
              "At 12 months, mean HbA1c was 6.9% in the cell group compared with 7.8% in the control group",
              "started at 10.2% and 10.4% at diagnosis", "Wharton's jelly mesenchymal stem cells from donated umbilical cords"]),
])

# ------------------------------------------------------------------ Chinese (simplified)
DOCS["b14-08-zh-weekly-digest.txt"] = ("zh", [
    study(A, {"n_total": [96], "n_arms": [48, 48], "hba1c_before": [8.4, 8.3], "hba1c_after": [7.2, 8.1],
              "hba1c_change": [-1.2], "dose": [dose(1.5e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)],
              "follow_up_days": [wk(52)], "design": ["rct"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          {},
          "Digest item 1, no identifiers: 埃尔姆斯福德大学医学中心 / Brandt. '每公斤体重150万个细胞', '每4周一次，共三次', "
          "'随访52周'; heading '下降1.2个百分点' = stated change.",
          ev=["随机、双盲、安慰剂对照试验", "研究共纳入96名使用胰岛素的2型糖尿病患者", "每组48人",
              "细胞组按每公斤体重150万个细胞静脉输注，每4周一次，共三次，随访52周",
              "细胞组糖化血红蛋白（HbA1c）由8.4%降至7.2%，安慰剂组仅由8.3%降至8.1%", "糖化血红蛋白下降1.2个百分点"]),
    study(LA, {"n_total": [18]}, {"design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          "LOOK-ALIKE of A: the team's 2024 phase 1 dose escalation with 18 patients (year = when completed, not a "
          "publication date).", ev=["该团队2024年曾完成18例的1期剂量爬坡研究"]),
    study(E, {"n_total": [64], "n_arms": [32, 32], "hba1c_change": [-0.9, -0.2], "dose": [dose(2e8)], "infusions": [2],
              "interval_days": [30], "follow_up_days": [wk(24)], "design": ["rct"], "condition": ["T2D"],
              "cell_type": ["hAESC"]},
          {},
          "Item 2: '各32例', '每次静脉输注2亿个细胞，共两次，间隔1个月', '治疗24周后 ... 下降0.9% ... 下降0.2%'.",
          ev=["64例2型糖尿病患者随机分为人羊膜上皮细胞（hAESC）组与常规治疗组，各32例",
              "每次静脉输注2亿个细胞，共两次，间隔1个月", "治疗24周后，细胞组HbA1c下降0.9%，对照组下降0.2%"]),
    study(G, {"n_total": [70], "n_arms": [35], "hba1c_before": [8.8], "hba1c_after": [7.6], "follow_up_days": [mo(18)],
              "condition": ["T2D"], "cell_type": ["BM-MNC"]},
          {},
          "Item 3: '70名2型糖尿病患者中35人接受' (70 = the whole study; 35 = treated arm). Design not stated; "
          "'经动脉介入回输' = route, not a design.",
          ev=["70名2型糖尿病患者中35人接受自体骨髓单个核细胞经动脉介入回输，随访18个月，HbA1c由8.8%降至7.6%"]),
    study(M8, {}, {"n_total": [30], "design": ["preclinical"]},
          "Item 4: mouse study (n=30): optional mention. Item 5 knee OA = other disease. 21亿元, 9起, 1.4亿 = not facts.",
          ev=["高脂饮食小鼠（n=30）"], optional_mention=True),
])

DOCS["b14-09-zh-chictr-registry.txt"] = ("zh", [
    study(C, {"dose": [dose(1e6, per_kg=True)], "infusions": [4], "interval_days": [7], "follow_up_days": [yr(1)],
              "registry_ids": ["ChiCTR2500091736"], "design": ["single_arm_trial"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"]},
          {"n_total": [40]},
          "ChiCTR registry record (补充注册, 已完成). Regimen '1×10^6个/kg，静脉输注，每周1次，共4次' and '随访时间：首次输注后"
          "12个月' are the study's protocol: required. '样本量：40' is the registered sample size: optional. Registration/"
          "update/ethics dates are not pub_date; criteria (HbA1c 7.5%～11.0%, age, eGFR<45) and funding number = not "
          "facts.",
          ev=["注册号：ChiCTR2500091736", "研究设计：单臂", "hUC-MSC 1×10^6个/kg，静脉输注，每周1次，共4次",
              "随访时间：首次输注后12个月", "研究疾病：2型糖尿病", "样本总量：40"]),
])

DOCS["b14-10-zh-zhihu-qa.txt"] = ("zh", [
    study(F, {"hba1c_before": [7.6], "hba1c_after": [5.9], "dose": [dose(6e8)], "infusions": [1],
              "follow_up_days": [mo(14)], "design": ["case_report"], "condition": ["T1D"], "cell_type": ["iPSC-islet"],
              "pub_date": ["2026-10"]},
          {"n_total": [1]},
          "Zhihu answer. '病例报告' + '一名29岁女性'; fat cells -> CiPSC -> islet clusters (in vitro steps of a human "
          "transplant: not preclinical). '约6亿个细胞一次性移植'; '第90天左右' = time to insulin independence; "
          "'已随访满14个月' -> 426. '2026年10月 ... 发表' -> 2026-10. 11年, 四针, planned 20, 几十万, 2018 mice, "
          "view/like counts = not facts.",
          ev=["2026年10月在《Cell Regeneration Reports》发表的病例报告", "患者是一名29岁女性，1型糖尿病病史11年",
              "用小分子化合物“化学重编程”成多能干细胞（CiPSC），再在体外诱导成胰岛细胞团，约6亿个细胞一次性移植到腹直肌前鞘下面",
              "已随访满14个月，糖化血红蛋白从7.6%降到5.9%"]),
    study(LF, {"n_total": [3], "dose": [dose(4e8)], "condition": ["T1D"]},
          {"follow_up_days": [mo(6)], "design": ["single_arm_trial"], "cell_type": ["iPSC-islet"], "pub_date": ["2025"]},
          "LOOK-ALIKE of F: the same team's 2025 phase 1 (3 T1D patients, ~4亿 per patient); '6个月时' time point "
          "optional; the answer itself says it is a different study.",
          ev=["同一个团队2025年做过一个小的1期研究，3名1型糖尿病患者，6个月时有2人停用胰岛素，那批人的剂量大约是每人4亿个细胞"]),
])

DOCS["b14-11-zh-doctor-popsci.txt"] = ("zh", [
    study(C, {"n_total": [40], "hba1c_before": [8.9], "hba1c_after": [7.4], "hba1c_change": [-1.5],
              "dose": [dose(1e6, per_kg=True)], "infusions": [4], "interval_days": [7], "follow_up_days": [yr(1)],
              "registry_ids": ["ChiCTR2500091736"], "design": ["single_arm_trial"], "condition": ["T2D"],
              "cell_type": ["UC-MSC"], "pub_date": ["2026-07"]},
          {},
          "Doctor's WeChat popular-science post citing two studies (his own + a meta-analysis). '每公斤体重100万个细胞，"
          "每周一次，连续四次'; '随访12个月'; '下降1.5个百分点'. 12.4%, <7.0% target, 三成, 5万～30万元, planned 120-case "
          "RCT (2027) = not facts.",
          ev=["2026年7月，我们团队在《中国细胞治疗与代谢杂志》发表了一项单臂临床研究（注册号ChiCTR2500091736）",
              "40名2型糖尿病患者接受了人脐带间充质干细胞静脉输注，剂量为每公斤体重100万个细胞，每周一次，连续四次",
              "随访12个月，患者HbA1c平均由8.9%降至7.4%，下降1.5个百分点"]),
    study(D, {"n_total": [612], "n_studies": [15], "hba1c_change": [-0.48], "doi": ["10.9142/dro.2026.0311"],
              "design": ["meta_analysis"], "condition": ["T1D"], "cell_type": ["MSC"], "pub_date": ["2026"]},
          {"pub_date": ["2026-08"]},
          "Second study: in-text '[1]' -> the reference's DOI and year belong to this mention (required). '今年8月' is "
          "relative: optional. '多下降约0.48个百分点' = stated change with an approximate word: required.",
          ev=["汇总了15项随机对照试验、共612名1型糖尿病患者", "间充质干细胞使HbA1c多下降约0.48个百分点",
              "DOI: 10.9142/dro.2026.0311", "Diabetes Res Open, 2026, 12: e2026-0311"]),
])

DOCS["b14-12-zh-portal-news.txt"] = ("zh", [
    study(B, {"n_total": [9], "n_arms": [3, 6], "hba1c_before": [8.0], "hba1c_after": [6.3], "dose": [dose(2e8), dose(8e8)],
              "infusions": [1], "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"follow_up_days": [mo(6)], "design": ["single_arm_trial"], "pub_date": ["2026-11-16", "2026-11-17"]},
          "Industry portal. Code glued to CJK ('疗法HX-401的', 'HX-401首批'); no NCT. '3人 ... 约2亿个', '6人 ... 约8亿个', "
          "'一次性前臂肌肉注射'; 高剂量组 8.0 -> 6.3. '六个月数据' time point optional. 900万, 百亿美元, 31%, 24人 "
          "planned = not facts.",
          ev=["共有9名1型糖尿病患者接受了治疗", "其中3人接受约2亿个细胞的低剂量，6人接受约8亿个细胞的高剂量，细胞经一次性前臂肌肉注射植入",
              "HbA1c均值从8.0%降至6.3%", "通用型诱导多能干细胞（iPSC）来源胰岛细胞疗法HX-401"]),
    study(LB, {"n_total": [6], "hba1c_before": [8.2], "hba1c_after": [7.7], "dose": [dose(3e8)], "follow_up_days": [yr(1)],
               "cell_type": ["ESC-islet"]},
          {"condition": ["T1D"]},
          "LOOK-ALIKE of B: HX-210 (glued to CJK), ESC-islets in an encapsulation device, 6 patients, ~3亿, "
          "'12个月后' of the completed study -> 365. Condition only from context: optional.",
          ev=["HX-210采用胚胎干细胞来源胰岛细胞加封装装置，6名患者每人植入约3亿个细胞，12个月后HbA1c由8.2%降到7.7%"]),
])

DOCS["b14-13-zh-conference-programme.txt"] = ("zh", [
    study(E, {"n_total": [64], "n_arms": [32, 32], "hba1c_before": [8.7, 8.6], "hba1c_after": [7.8, 8.4],
              "dose": [dose(2e8)], "infusions": [2], "interval_days": [30], "follow_up_days": [wk(24)],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["hAESC"]},
          {"pub_date": ["2026", "2026-11-20"]},
          "CDS programme + abstract page with FULL-WIDTH digits throughout ('６４例', '各３２例', '（８.７±１.１）%'). "
          "Lost superscript in full-width: '每次２×１０８个' = 2×10^8. '共２次，间隔１个月' -> 2, 30 d; '观察２４周' -> 168. "
          "Programme lines with titles only and the CMV retrospective abstract (no facts) = not mentions. "
          "'２０２５年１—６月' enrolment window, 发热２例 = not facts.",
          ev=["纳入２０２５年１—６月本院６４例2型糖尿病患者，采用随机数字表法分为hAESC组和对照组，各３２例",
              "每次２×１０８个，共２次，间隔１个月。观察２４周",
              "hAESC组HbA1c由（８.７±１.１）%降至（７.８±０.９）%，对照组由（８.６±１.０）%降至（８.４±１.２）%"]),
    study(M13, {}, {"n_total": [24], "design": ["preclinical"]},
          "OR-0873 db/db mouse abstract: optional mention.", ev=["将２４只db/db小鼠分为三组"], optional_mention=True),
])

DOCS["b14-14-zh-reprint-of-hk.txt"] = ("zh", [
    study(H, {"n_total": [36], "n_arms": [24, 12], "hba1c_after": [6.9, 7.8], "dose": [dose(2e6, per_kg=True)],
              "infusions": [2], "interval_days": [90], "follow_up_days": [yr(1)], "design": ["rct"],
              "condition": ["T1D"], "cell_type": ["UC-MSC"]},
          {},
          "Mainland simplified reprint of a Hong Kong newspaper story (原标题 in traditional). No NCT. 华通氏胶 -> "
          "UC-MSC; '每公斤体重输注200万个细胞，共输注两次，相隔三个月'; '追踪12个月后' -> 365. 8至16岁, 100天, 五年, "
          "1000名儿童 = not facts.",
          ev=["共招募36名8至16岁、确诊不足100天的儿童，其中24人接受干细胞输注，12人只接受常规胰岛素治疗",
              "每公斤体重输注200万个细胞，共输注两次，相隔三个月", "追踪12个月后，干细胞组糖化血红蛋白平均为6.9%，对照组为7.8%",
              "完成一项随机对照试验，利用捐赠脐带中的华通氏胶间充质干细胞"]),
])

# ------------------------------------------------------------------ Chinese (traditional)
DOCS["b14-15-zhhant-hk-newspaper.txt"] = ("zh-Hant", [
    study(H, {"n_total": [36], "n_arms": [24, 12], "hba1c_before": [10.2, 10.4], "hba1c_after": [6.9, 7.8],
              "dose": [dose(2e6, per_kg=True)], "infusions": [2], "interval_days": [90], "design": ["rct"],
              "condition": ["T1D"], "cell_type": ["UC-MSC"]},
          {"follow_up_days": [yr(1)]},
          "Hong Kong newspaper, Chinese numerals ('三十六名', '二十四人', '十二人', '二百萬粒'), Cantonese quote. "
          "'一年後' is a bare time point: follow-up optional. '二比一' ratio. 蜜月期 3 children, 0.5單位, 八十人 "
          "planned, 三十萬港元, 1,300 children, 十歲/四針 = not facts.",
          ev=["研究招募三十六名八至十六歲、確診不足一百日的兒童，以二比一比例隨機分組：二十四人接受幹細胞，十二人只用胰島素",
              "每公斤體重注射二百萬粒細胞，分兩次注射，相隔三個月",
              "一年後，幹細胞組糖化血紅素平均為6.9%，對照組為7.8%；兩組確診時分別為10.2%及10.4%",
              "以捐贈臍帶中的華通氏膠間充質幹細胞"]),
])

DOCS["b14-16-zhhant-ptt-thread.txt"] = ("zh-Hant", [
    study(F, {"hba1c_before": [7.6], "hba1c_after": [5.9], "follow_up_days": [mo(14)], "design": ["case_report"],
              "condition": ["T1D"], "cell_type": ["iPSC-islet"]},
          {"n_total": [1], "dose": [dose(6e8)], "infusions": [1], "pub_date": ["2026-10", "2026"]},
          "PTT [新聞] repost of mainland news (traditional). '今年10月' relative: optional. '已追蹤14個月' -> 426; '約3個月"
          "停用' = time to independence. Dose only in a push comment ('6億顆細胞一次移植'): optional. Push comments: "
          "8歲/4針, 2018 mice, 人民幣20萬 = not facts.",
          ev=["發表病例報告，一名29歲、罹患第一型\n糖尿病11年的女性",
              "經化學小分子重編程為多能幹細胞（CiPSC）、再分化而成的胰島細胞\n移植",
              "至今已追蹤14個月，糖化血色素由7.6%降至5.9%", "6億顆細胞一次移植"]),
    study(LF, {"n_total": [3]}, {"follow_up_days": [mo(6)], "design": ["single_arm_trial"], "condition": ["T1D"],
                                 "cell_type": ["iPSC-islet"]},
          "LOOK-ALIKE of F: '團隊2025年曾在3名病人身上做過首期試驗' ('半年後' time point optional).",
          ev=["團隊2025年曾在3名病人身上做過首期試驗，其中2人在半年後停用胰島素"]),
])

DOCS["b14-17-zhhant-tw-reprint-mainland.txt"] = ("zh-Hant", [
    study(C, {"n_total": [40], "hba1c_before": [8.9], "hba1c_after": [7.4], "hba1c_change": [-1.5],
              "dose": [dose(1e6, per_kg=True)], "infusions": [4], "interval_days": [7], "follow_up_days": [yr(1)],
              "design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["UC-MSC"]},
          {"pub_date": ["2026-07"]},
          "Taiwan portal reprint of mainland news (traditional; keeps 瀾江). No registry id. '今年7月' relative: "
          "optional. Headline '降1.5%' and body '下降1.5個百分點' = one change. '經過一年追蹤' -> 365. 3成, 逾百家, "
          "250萬人 = not facts.",
          ev=["40名第二型糖尿病患者接受人類臍帶間質幹細胞靜脈輸注，每公斤體重100萬顆細胞，每週1次、共4次",
              "經過一年追蹤，患者糖化血色素平均從8.9%降至7.4%，下降1.5個百分點", "發表單臂臨床研究成果",
              "研究沒有對照組"]),
])

DOCS["b14-18-zhhant-hk-reprint-mainland.txt"] = ("zh-Hant", [
    study(A, {"n_total": [96], "hba1c_before": [8.4], "hba1c_after": [7.2], "hba1c_change": [-1.2, -0.2],
              "dose": [dose(1.5e6, per_kg=True)], "infusions": [3], "interval_days": [wk(4)], "follow_up_days": [wk(52)],
              "design": ["rct"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          {"pub_date": ["2026-09-30"]},
          "Hong Kong health column reprinting mainland news (traditional). '9月30日在網上發表' has no year in the "
          "sentence: optional. '每四星期 ... 每公斤體重150萬粒，合共三次'; '經52星期跟進' -> 364. 70萬, 1.4億 = not "
          "facts; '樣本只有96人' repeats the 96.",
          ev=["雙盲、安慰劑對照的隨機試驗，96名需注射胰島素的2型糖尿病患者分成兩組",
              "細胞組每四星期靜脈輸注一次胎盤間充質幹細胞，每公斤體重150萬粒，合共三次",
              "經52星期跟進，細胞組的糖化血紅素由8.4%降至7.2%，下降1.2個百分點；安慰劑組只下降0.2個百分點"]),
    study(LA, {"n_total": [18]}, {"design": ["single_arm_trial"], "condition": ["T2D"], "cell_type": ["P-MSC"]},
          "LOOK-ALIKE of A: '兩年前完成的一期研究有18人參與'.", ev=["研究團隊兩年前完成的一期研究有18人參與"]),
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
